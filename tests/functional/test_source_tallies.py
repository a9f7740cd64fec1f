"""The source page's track record is counted from copies each source link
keeps of its claim (article, active, rating and attribution of the verdict
in force). Every change path must keep them right: after each workflow
action below, the stored copies equal a recount from the loaded claims
(``Claim.approved_verdict``, the definition of the verdict in force), and
the page's statistics equal a recount in Python."""

import sqlalchemy as sa

from factcheck.demo import scale
from factcheck.extensions import db
from factcheck.models import (
    AttributionFinding,
    Claim,
    ClaimKind,
    ClaimSource,
    ClaimStatus,
    Priority,
    RatingLevel,
    SourceKind,
)
from factcheck.services import articles, claims, ratings, sources, users, verdicts
from tests.conftest import login

SENTENCES = [
    "Harbour cranes unloaded four hundred containers on Monday.",
    "The mayor promised twelve new buses for the northern routes.",
    "Wheat prices fell by a third since the spring auction.",
    "Two bridges over the canal were closed for repairs in May.",
    "The museum counted nine thousand visitors during the festival.",
    "A court fined the utility for polluting the river twice.",
]
BODY = "\n\n".join(SENTENCES)


def quote(i: int) -> str:
    return SENTENCES[i].rstrip(".")


def stored() -> dict[tuple[int, int], tuple]:
    rows = db.session.execute(
        sa.select(
            ClaimSource.claim_id,
            ClaimSource.source_id,
            ClaimSource.article_id,
            ClaimSource.claim_active,
            ClaimSource.rating_in_force,
            ClaimSource.attribution_in_force,
        )
    ).all()
    return {(c, s): (a, bool(active), r, f) for c, s, a, active, r, f in rows}


def recounted() -> dict[tuple[int, int], tuple]:
    db.session.flush()
    db.session.expire_all()
    expected = {}
    for claim in db.session.scalars(sa.select(Claim)):
        verdict = claim.approved_verdict
        for source in claim.sources:
            expected[(claim.id, source.id)] = (
                claim.article_id,
                claim.status is not ClaimStatus.WITHDRAWN,
                verdict.rating if verdict else None,
                verdict.attribution.value if verdict and verdict.attribution else None,
            )
    return expected


def statistics_recounted(source) -> dict:
    citing = [
        c
        for c in db.session.scalars(sa.select(Claim))
        if source.id in {s.id for s in c.sources} and c.status is not ClaimStatus.WITHDRAWN
    ]
    ratings_seen: dict[str, int] = {}
    attribution = {f: 0 for f in AttributionFinding}
    for claim in citing:
        verdict = claim.approved_verdict
        if verdict:
            ratings_seen[verdict.rating_label] = ratings_seen.get(verdict.rating_label, 0) + 1
            if verdict.attribution:
                attribution[verdict.attribution] += 1
    return {
        "claims": len(citing),
        "articles": len({c.article_id for c in citing}),
        "ratings": ratings_seen,
        "attribution": attribution,
    }


def check(*watched):
    assert stored() == recounted()
    for source in watched:
        stats = sources.statistics(source)
        assert {k: stats[k] for k in ("claims", "articles", "ratings", "attribution")} == (
            statistics_recounted(source)
        ), source.name


def approve(claim, checker, editor, rating="accurate", attribution=None):
    verdicts.propose_verdict(
        claim, checker, None, rating=rating, rationale="Checked.", attribution=attribution
    )
    verdicts.approve_verdict(claim, editor, None)


def test_every_change_keeps_the_source_tally(make, editor, manager, checker):
    sohr = make.source()
    ministry = make.source("Ministry of Health", SourceKind.GOVERNMENT)
    dup = make.source("Syrian Observatory", SourceKind.MONITOR)
    first = make.article(editor, body=BODY, title="First")
    second = make.article(editor, body=BODY, title="Second")
    check(sohr, ministry)

    # New claims citing sources (one with a chain of two).
    a = make.claim(first, quote=quote(0), editor=editor, sources=[sohr, ministry])
    b = make.claim(second, quote=quote(1), editor=editor, sources=[sohr])
    c = make.claim(
        first,
        quote=quote(2),
        kind=ClaimKind.ATTRIBUTION,
        editor=editor,
        status=ClaimStatus.RESEARCHING,
        assignee=checker,
        sources=[ministry],
    )
    check(sohr, ministry)

    # A verdict proposed (not in force yet), returned, proposed again, approved.
    d = make.claim(
        second,
        quote=quote(3),
        editor=editor,
        status=ClaimStatus.IN_REVIEW,
        assignee=checker,
        sources=[sohr],
        rating="misleading",
    )
    check(sohr)
    verdicts.return_verdict(d, editor, None, "Look again.")
    check(sohr)
    claims.move_claim(d, "start", checker)
    approve(d, checker, editor, rating="inaccurate")
    check(sohr)
    assert sources.statistics(sohr)["ratings"] == {"Inaccurate": 1}

    # An attribution finding; a re-opened claim keeps its verdict in force;
    # a new approval replaces it.
    make.evidence(c, checker)
    approve(c, checker, editor, attribution=AttributionFinding.MISQUOTED)
    check(ministry)
    claims.move_claim(c, "reopen", editor)
    check(ministry)
    assert c.status is ClaimStatus.RESEARCHING
    approve(c, checker, editor, attribution=AttributionFinding.CONFIRMED)
    check(ministry)
    assert sources.statistics(ministry)["attribution"][AttributionFinding.CONFIRMED] == 1

    # New words: the verdict no longer rates the claim.
    claims.edit_claim(
        d,
        editor,
        None,
        kind=d.kind,
        priority=Priority.NORMAL,
        sources=[sohr],
        note="",
        span=(second.body.index(quote(3)), second.body.index(quote(3)) + len(quote(3)) - 7),
    )
    check(sohr)
    assert sources.statistics(sohr)["ratings"] == {}

    # The article's text edited so a quote is lost: its verdicts are superseded.
    e = make.claim(
        first,
        quote=quote(4),
        editor=editor,
        status=ClaimStatus.APPROVED,
        assignee=checker,
        sources=[sohr],
    )
    check(sohr)
    articles.edit_article(first, editor, None, body=BODY.replace(SENTENCES[4], "Gone."))
    check(sohr)

    # Sources changed on a claim; withdrawn and restored.
    claims.edit_claim(
        b, editor, None, kind=b.kind, priority=Priority.NORMAL, sources=[ministry], note=""
    )
    check(sohr, ministry)
    claims.move_claim(a, "withdraw", editor)
    check(sohr, ministry)
    assert sources.statistics(sohr)["claims"] == 2  # d and e
    claims.move_claim(a, "restore", editor)
    check(sohr, ministry)

    # A duplicate merged in brings its claims over.
    f = make.claim(
        second,
        quote=quote(5),
        editor=editor,
        status=ClaimStatus.APPROVED,
        assignee=checker,
        sources=[dup],
        rating="needs_context",
    )
    check(dup, sohr)
    sources.merge(sohr, dup, editor)
    check(sohr)
    assert f.id in {claim_id for claim_id, source_id in stored() if source_id == sohr.id}

    # A name confirmed from a mention joins the claim's chain.
    sources.note_mentions(
        e, editor, [sources.Mentioned(1, "Health Ministry", SourceKind.GOVERNMENT, False)]
    )
    sources.link_mention(e.mentions[0], editor, "Ministry of Health")
    check(sohr, ministry)

    # A level relabelled: the statistics name it by its new label.
    level = db.session.scalar(sa.select(RatingLevel).where(RatingLevel.slug == "needs_context"))
    ratings.update_level(level, manager, label="Lacks context")
    check(sohr)
    assert sources.statistics(sohr)["ratings"] == {"Lacks context": 1}


def test_source_page_lists_claims_with_their_verdict_in_force(app, make, editor, checker):
    sohr = make.source()
    article = make.article(editor, body=BODY, title="Story")
    approved = make.claim(
        article,
        quote=quote(0),
        editor=editor,
        status=ClaimStatus.APPROVED,
        assignee=checker,
        sources=[sohr],
        rating="misleading",
    )
    make.claim(
        article,
        quote=quote(1),
        editor=editor,
        status=ClaimStatus.IN_REVIEW,
        assignee=checker,
        sources=[sohr],
        rating="inaccurate",
    )
    make.claim(article, quote=quote(2), editor=editor, sources=[sohr])
    claims.move_claim(approved, "reopen", editor)  # its verdict stays in force
    db.session.commit()

    page = login(app, editor).get(f"/sources/{sohr.id}").get_data(as_text=True)
    assert "Cited in 3 claim(s)" in page
    rows = page.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    assert len(rows) == 3
    newest, in_review, reopened = rows
    assert "—" in newest and "Misleading" not in newest
    assert "· Inaccurate" in in_review  # the rating under review, beside the status
    assert "<td>Misleading</td>" in reopened  # the verdict in force


def test_bench_seed_fills_the_tally(app):
    """``flask bench-seed`` writes rows directly; it fills the copies too."""
    scale.seed(4, 8, users.hash_password("bench-password-for-tests"), unpublished_share=0.5)
    db.session.commit()
    tallies = stored()
    assert tallies and any(rating for _a, _active, rating, _f in tallies.values())
    assert tallies == recounted()


def test_source_page_numbers_read_by_the_one_rule(app, make, editor):
    sohr = make.source()
    article = make.article(editor, body=BODY, title="Story")
    make.claim(article, quote=quote(0), editor=editor, sources=[sohr])
    client = login(app, editor)
    for page in ("2", "²", "9" * 20, "-1", "x"):
        response = client.get(f"/sources/{sohr.id}", query_string={"page": page})
        assert response.status_code == 200, page
        assert "Page 1 of" not in response.get_data(as_text=True)  # one page: no pager
    assert client.get("/sources/" + "9" * 20).status_code in (400, 404)
