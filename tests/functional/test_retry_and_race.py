"""The same change sent twice, or by two people at once, leaves one row:
a suggestion accepted twice is one claim, a claim is resolved once, a new
source name is one source, and evidence added while another request moves
the claim to researching is kept, not refused as stale.

"At once" is played here deterministically: another request (its own app
context, so its own database session) commits between this request's
read and its write. tests/security/test_concurrency.py fires real parallel
requests at gunicorn on PostgreSQL."""

import pytest
import sqlalchemy as sa

from factcheck.extensions import db
from factcheck.models import (
    Article,
    Claim,
    ClaimStatus,
    Evidence,
    Resolution,
    ResolutionKind,
    Role,
    Source,
    SourceKind,
    Stance,
    User,
)
from factcheck.services import evidence, importing, sources, suggestions, verdicts
from factcheck.services.tokens import issue_token
from factcheck.workflow import InvalidTransition
from tests.conftest import login


def read_earlier() -> None:
    """This request has read what it holds; the other request commits next.
    End this request's transaction but keep what it loaded, as it stood: on
    PostgreSQL its next statement sees the other's commit, and SQLite
    needs the read transaction closed for that."""
    session = db.session()
    session.expire_on_commit = False
    try:
        session.commit()
    finally:
        session.expire_on_commit = True


def rows(model, *where) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model).where(*where))


@pytest.fixture
def article(make, editor, example_text):
    article = make.article(editor, body=importing.extract(example_text).body, title="Hama")
    db.session.commit()
    return article


def test_accepting_a_suggestion_twice_makes_one_claim(app, article, editor):
    key = suggestions.suggestion_key(suggestions.pending_suggestions(article)[0])
    headers = {"Authorization": f"Bearer {issue_token(editor)}"}
    db.session.commit()
    url = f"/api/v1/articles/{article.id}/suggestions/accept"
    client = app.test_client()
    first = client.post(url, headers=headers, json={"key": key})
    retry = client.post(url, headers=headers, json={"key": key})
    assert first.status_code == 201 and retry.status_code in (200, 201)
    assert retry.get_json()["id"] == first.get_json()["id"]
    page = login(app, editor).post(f"/articles/{article.id}/suggestions/accept", data={"key": key})
    assert page.status_code == 302
    db.session.expire_all()
    assert rows(Claim, Claim.article_id == article.id) == 1
    # nor does accept-all take it again, and it is no longer offered
    suggestions.accept_all(article, editor)
    db.session.commit()
    made = db.session.scalars(sa.select(Claim.suggestion_key).where(Claim.article_id == article.id))
    assert list(made).count(key) == 1
    assert key not in {
        suggestions.suggestion_key(s) for s in suggestions.pending_suggestions(article)
    }


def test_a_suggestion_accepted_by_another_editor_meanwhile_is_that_claim(
    app, article, editor, make
):
    second = make.user("Robin Editor", [Role.EDITOR])
    key = suggestions.suggestion_key(suggestions.pending_suggestions(article)[0])
    ids = (article.id, second.id)
    read_earlier()
    with app.app_context():  # the other editor's request
        theirs = suggestions.accept(
            db.session.get(Article, ids[0]), db.session.get(User, ids[1]), key
        ).id
        db.session.commit()
    mine = suggestions.accept(article, editor, key)
    db.session.commit()
    assert mine.id == theirs
    assert rows(Claim, Claim.article_id == article.id) == 1


@pytest.fixture
def inaccurate(make, editor, checker):
    claim = make.claim(
        make.article(editor), status=ClaimStatus.APPROVED, assignee=checker, rating="inaccurate"
    )
    db.session.commit()
    return claim


def test_a_claim_resolved_by_another_editor_meanwhile_is_not_resolved_twice(
    app, inaccurate, editor, manager
):
    db.session.commit()
    assert inaccurate.needs_resolution  # this request has read the claim
    ids = (inaccurate.id, manager.id)
    read_earlier()
    with app.app_context():  # the other editor's request
        theirs = db.session.get(Claim, ids[0])
        them = db.session.get(User, ids[1])
        verdicts.resolve_claim(theirs, them, ResolutionKind.CORRECTED, "Fixed.")
        db.session.commit()
    with pytest.raises(InvalidTransition):
        verdicts.resolve_claim(inaccurate, editor, ResolutionKind.CUT)
    db.session.rollback()
    assert rows(Resolution, Resolution.claim_id == inaccurate.id) == 1


def test_the_database_keeps_one_resolution_per_verdict(inaccurate, editor):
    verdict = inaccurate.approved_verdict
    for kind in (ResolutionKind.CORRECTED, ResolutionKind.CUT):
        db.session.add(Resolution(claim=inaccurate, verdict=verdict, kind=kind, resolved_by=editor))
    with pytest.raises(sa.exc.IntegrityError):
        db.session.flush()
    db.session.rollback()


@pytest.mark.parametrize(
    ("first", "again"),
    [
        ("Ministry of Health", "ministry  of health"),
        ("Ümit Özdağ", "ÜMIT ÖZDAĞ"),
        ("ＡＰ Ｗｉｒｅ", "AP Wire"),  # full-width letters
    ],
)
def test_one_source_per_name_whatever_its_case_and_spacing(app, editor, first, again):
    made = sources.find_or_create(first, SourceKind.ORGANISATION, editor)
    assert sources.find_or_create(again, SourceKind.ORGANISATION, editor).id == made.id
    db.session.commit()
    assert rows(Source) == 1


def test_a_new_source_created_by_another_request_meanwhile_is_that_source(app, editor, monkeypatch):
    name = "Ministry of Parallel Affairs"
    editor_id = editor.id
    read_earlier()
    with app.app_context():  # the other request, committed after ours looked
        them = db.session.get(User, editor_id)
        theirs = sources.find_or_create(name, SourceKind.GOVERNMENT, them).id
        db.session.commit()
    real, looks = sources.find_by_name, []

    def looked_before_their_commit(name: str):
        looks.append(name)
        return None if len(looks) <= 2 else real(name)  # find_or_create's, create_source's

    monkeypatch.setattr(sources, "find_by_name", looked_before_their_commit)
    mine = sources.find_or_create(name.upper(), SourceKind.GOVERNMENT, editor)
    db.session.commit()
    assert mine.id == theirs and len(looks) == 3
    assert rows(Source) == 1


def test_a_second_source_form_with_a_taken_name_is_a_400_not_a_500(app, manager):
    client = login(app, manager)
    data = {"name": "Syrian Observatory", "kind": "monitor"}
    assert client.post("/sources/new", data=data).status_code == 302
    again = client.post("/sources/new", data={**data, "name": "Syrian  OBSERVATORY"})
    assert again.status_code == 400
    assert rows(Source) == 1


def test_evidence_is_kept_when_another_request_started_the_research(app, make, editor, checker):
    claim = make.claim(make.article(editor), status=ClaimStatus.ASSIGNED, assignee=checker)
    db.session.commit()
    version, ids = claim.version, (claim.id, checker.id)
    read_earlier()
    with app.app_context():  # the checker's other tab, a moment earlier
        other = db.session.get(Claim, ids[0])
        them = db.session.get(User, ids[1])
        evidence.add_evidence(other, them, title="First", stance=Stance.SUPPORTS, note="a")
        db.session.commit()
    assert claim.status is ClaimStatus.ASSIGNED  # this request read it before
    evidence.add_evidence(claim, checker, title="Second", stance=Stance.CONTEXT, note="b")
    db.session.commit()
    db.session.expire_all()
    assert rows(Evidence, Evidence.claim_id == claim.id) == 2
    claim = db.session.get(Claim, claim.id)
    assert claim.status is ClaimStatus.RESEARCHING
    assert claim.version == version  # an editor's open form on the claim stays valid
