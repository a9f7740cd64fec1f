"""The source registry: search, track record per source, notes, merging."""

import sqlalchemy as sa

from factcheck.extensions import db
from factcheck.models import (
    AttributionFinding,
    AuditEvent,
    ClaimKind,
    ClaimStatus,
    Source,
    SourceKind,
    Stance,
)
from factcheck.services import evidence, search, sources, verdicts
from tests.conftest import login


def attribution_claim(make, article, quote, source, finding, editor, checker):
    claim = make.claim(
        article,
        quote=quote,
        kind=ClaimKind.ATTRIBUTION,
        editor=editor,
        status=ClaimStatus.RESEARCHING,
        assignee=checker,
        sources=[source],
    )
    evidence.add_evidence(claim, checker, title="Transcript", stance=Stance.CONTEXT, note="n")
    verdicts.propose_verdict(
        claim, checker, None, rating="accurate", rationale="Checked.", attribution=finding
    )
    verdicts.approve_verdict(claim, editor, None)
    return claim


def test_source_statistics_count_attribution_findings(make, editor, checker, editor_client):
    sohr = make.source()
    first = make.article(editor, title="First")
    second = make.article(editor, title="Second")
    attribution_claim(
        make,
        first,
        "The army said it withdrew",
        sohr,
        AttributionFinding.CONFIRMED,
        editor,
        checker,
    )
    attribution_claim(
        make,
        first,
        "Salaries rose by 50% last week",
        sohr,
        AttributionFinding.MISQUOTED,
        editor,
        checker,
    )
    attribution_claim(
        make,
        second,
        "The army said it withdrew",
        sohr,
        AttributionFinding.CONFIRMED,
        editor,
        checker,
    )
    attribution_claim(
        make, second, "about 40 kilometers", sohr, AttributionFinding.NOT_FOUND, editor, checker
    )
    make.claim(second, quote="Homs is about", editor=editor, sources=[sohr])  # not checked yet
    db.session.commit()

    stats = sources.statistics(sohr)
    assert stats["claims"] == 5 and stats["articles"] == 2
    assert stats["attribution"] == {
        AttributionFinding.CONFIRMED: 2,
        AttributionFinding.NOT_FOUND: 1,
        AttributionFinding.MISQUOTED: 1,
    }
    assert stats["confirmed_share"] == 50
    assert stats["ratings"] == {"Accurate": 4}

    page = editor_client.get(f"/sources/{sohr.id}").get_data(as_text=True)
    assert "Cited in <strong>5</strong> claim(s) across <strong>2</strong> article(s)" in page
    assert 'data-finding="misquoted">Attribution misquoted: <strong>1</strong>' in page
    assert "Confirmed in <strong>50%</strong> of 4 checked" in page


def test_registry_is_searchable(make, checker_client):
    make.source("Syrian Observatory for Human Rights", aliases=["SOHR"])
    make.source("The Associated Press", SourceKind.AGENCY, aliases=["AP"])
    make.source("Reuters", SourceKind.AGENCY, affiliation="Thomson Reuters")
    db.session.commit()

    def names(**params):
        page = checker_client.get("/sources/", query_string=params).get_data(as_text=True)
        return [n for n in ("Syrian Observatory", "Associated Press", "Reuters") if n in page]

    assert names() == ["Syrian Observatory", "Associated Press", "Reuters"]
    assert names(q="sohr") == ["Syrian Observatory"]
    assert names(q="observ") == ["Syrian Observatory"]
    assert names(q="thomson") == ["Reuters"]
    assert names(kind="agency") == ["Associated Press", "Reuters"]
    assert names(q="nothing-like-it") == []


def test_merge_moves_claims_and_aliases_and_is_audited(make, editor, checker):
    keep = make.source(
        "Syrian Observatory for Human Rights",
        aliases=["SOHR"],
        reliability_notes="UK-based monitor.",
    )
    dup = make.source(
        "Syrian Observatory",
        aliases=["The Observatory", "sohr monitor"],
        reliability_notes="Counts from a network of contacts.",
    )
    person = make.source("Rami Abdurrahman", SourceKind.PERSON)
    article = make.article(editor)
    both = make.claim(
        article, quote="The army said it withdrew", editor=editor, sources=[person, dup, keep]
    )
    only_dup = make.claim(
        article, quote="Salaries rose by 50% last week", editor=editor, sources=[dup]
    )
    db.session.commit()
    dup_id = dup.id

    sources.merge(keep, dup, editor)
    db.session.commit()

    assert db.session.get(Source, dup_id) is None
    assert [s.name for s in both.sources] == [
        "Rami Abdurrahman",
        "Syrian Observatory for Human Rights",
    ]
    assert [s.name for s in only_dup.sources] == ["Syrian Observatory for Human Rights"]
    assert sorted(keep.alias_names) == [
        "SOHR",
        "Syrian Observatory",
        "The Observatory",
        "sohr monitor",
    ]
    assert sources.find_by_name("syrian observatory") == keep
    assert "Counts from a network" in keep.reliability_notes
    assert "UK-based monitor." in keep.reliability_notes
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "source.merge"))
    assert event.actor_id == editor.id and event.target_id == keep.id
    assert event.before["duplicate"] == "Syrian Observatory"
    assert sorted(event.after["claims"]) == sorted([both.id, only_dup.id])
    # The search index follows: the old name finds the kept source.
    assert [s.id for s in search.search("observatory").sources] == [keep.id]


def test_merge_through_the_page_is_for_editors(app, make, editor, checker):
    keep = make.source("The Associated Press", SourceKind.AGENCY)
    dup = make.source("Associated Press", SourceKind.AGENCY)
    other = make.source("Reuters & <Partners>", SourceKind.AGENCY)
    db.session.commit()
    response = login(app, checker).post(f"/sources/{keep.id}/merge", data={"duplicate": dup.id})
    assert response.status_code == 403
    client = login(app, editor)
    # The source page links to the form; the form, on its own page, lists
    # every other source (the registry can hold hundreds).
    page = client.get(f"/sources/{keep.id}").get_data(as_text=True)
    assert f'href="/sources/{keep.id}/merge"' in page and "<option" not in page
    form = client.get(f"/sources/{keep.id}/merge").get_data(as_text=True)
    assert f'<option value="{dup.id}">Associated Press</option>' in form
    assert f'<option value="{other.id}">Reuters &amp; &lt;Partners&gt;</option>' in form
    assert f'value="{keep.id}"' not in form
    refused = client.post(f"/sources/{keep.id}/merge", data={"duplicate": keep.id})
    assert refused.status_code == 400 and "<option" in refused.get_data(as_text=True)
    response = client.post(f"/sources/{keep.id}/merge", data={"duplicate": dup.id})
    assert response.status_code == 302
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Source)) == 2
    page = client.get(f"/sources/{keep.id}").get_data(as_text=True)
    assert "Associated Press" in page and "Merge a duplicate" in page


def test_editors_keep_reliability_notes(app, make, editor, checker):
    source = make.source()
    db.session.commit()
    assert (
        login(app, checker)
        .post(f"/sources/{source.id}/notes", data={"reliability_notes": "x"})
        .status_code
        == 403
    )
    client = login(app, editor)
    response = client.post(
        f"/sources/{source.id}/notes",
        data={
            "affiliation": "Coventry, UK",
            "reliability_notes": "One-man operation; "
            "casualty counts usually close to later UN figures.",
        },
    )
    assert response.status_code == 302
    assert source.affiliation == "Coventry, UK"
    assert "UN figures" in source.reliability_notes
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "source.edit"))
    assert (
        event.before["reliability_notes"] == "" and "UN figures" in event.after["reliability_notes"]
    )
    assert [s.id for s in search.search("casualty").sources] == [source.id]
    # Saving the same notes again records nothing new.
    client.post(
        f"/sources/{source.id}/notes",
        data={"affiliation": source.affiliation, "reliability_notes": source.reliability_notes},
    )
    count = db.session.scalar(
        sa.select(sa.func.count()).select_from(AuditEvent).where(AuditEvent.action == "source.edit")
    )
    assert count == 1
