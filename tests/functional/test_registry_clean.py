"""The shared source registry stays clean: accepting suggestions links the
sources it knows and adds none; a new name enters only when an editor
confirms it; vague sourcing stays on the claim, flagged; managers see
possible duplicates and merge them."""

from pathlib import Path

import pytest
import sqlalchemy as sa

from factcheck.extensions import db
from factcheck.models import (
    AuditEvent,
    Claim,
    MentionStatus,
    Source,
    SourceKind,
    SourceMention,
)
from factcheck.services import importing, sources, suggestions

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"

# The policy, written by hand: what may be a registry entry and what may not.
NOT_NAMES = [
    "military",
    "what witnesses",
    "information company",
    "officials",
    "witnesses",
    "Western diplomats",
    "two local officials",
    "sources close to the ministry",
    "ministry spokesperson",
    "he",
    "they",
    "A",
    "defence ministry",
    "survey",
]
NAMES = [
    "U.S. military",
    "Glocer",
    "Syrian Observatory for Human Rights",
    "al-Golani",
    "AP",
    "U.N.",
    "Office for National Statistics",
    "Syrian army",
]


@pytest.mark.parametrize("name", NOT_NAMES)
def test_vague_sourcing_pronouns_letters_and_common_nouns_are_not_names(name):
    assert sources.unnamed_reason(name) is not None


@pytest.mark.parametrize("name", NAMES)
def test_names_a_person_could_confirm(name):
    assert sources.unnamed_reason(name) is None


def source_names() -> set[str]:
    return set(db.session.scalars(sa.select(Source.name)))


@pytest.fixture
def article(make, editor):
    text = (ARTICLES / "conflict-fuel-depot.txt").read_text(encoding="utf-8")
    make.source("Reuters", SourceKind.AGENCY)
    article = make.article(editor, body=importing.extract(text).body, title="Depot")
    db.session.commit()
    return article


def test_accepting_suggestions_creates_no_unconfirmed_sources(editor_client, article):
    before = source_names()
    response = editor_client.post(f"/articles/{article.id}/suggestions/accept-all")
    assert response.status_code == 302
    db.session.expire_all()
    assert source_names() == before == {"Reuters"}
    claims = article.active_claims
    assert len(claims) > 10
    # what the registry knows is linked; every other name is kept on its claim
    assert any(s.name == "Reuters" for c in claims for s in c.sources)
    mentions = {(m.text, m.status) for c in claims for m in c.mentions}
    assert ("two local officials", MentionStatus.UNNAMED) in mentions
    assert ("Western diplomats", MentionStatus.UNNAMED) in mentions
    assert ("Lina Haddad", MentionStatus.PROPOSED) in mentions
    # nothing the registry's rule calls vague is offered as a name to confirm
    for text, status in mentions:
        if sources.unnamed_reason(text) is not None:
            assert status is MentionStatus.UNNAMED


def mention_named(article, text: str) -> SourceMention:
    return db.session.scalar(
        sa.select(SourceMention)
        .join(Claim)
        .where(Claim.article_id == article.id, SourceMention.text == text)
        .limit(1)
    )


def accept_naming(client, article, text: str) -> SourceMention:
    target = next(
        s
        for s in suggestions.pending_suggestions(article)
        if any(x.name == text for x in s.sources)
    )
    key = suggestions.suggestion_key(target)
    response = client.post(
        f"/articles/{article.id}/suggestions/accept",
        data={"key": key},
        headers={"Accept": "application/json"},
    )
    mention = mention_named(article, text)
    if mention.is_proposed:  # the editor is told where to confirm it
        assert f"to confirm on claim #{mention.claim_id}" in response.json["message"]
        assert f"“{text}”" in response.json["message"]
    return mention


def test_an_editor_confirms_a_new_name_with_a_kind(editor_client, article):
    mention = accept_naming(editor_client, article, "Lina Haddad")
    claim = mention.claim
    page = editor_client.get(f"/claims/{claim.id}").get_data(as_text=True)
    assert "is not in the source registry yet" in page

    response = editor_client.post(
        f"/sources/mentions/{mention.id}/create",
        data={"name": "Lina Haddad", "kind": "analyst"},
    )
    assert response.status_code == 302
    db.session.expire_all()
    created = sources.find_by_name("Lina Haddad")
    assert created.kind is SourceKind.ANALYST
    assert created in claim.sources
    assert all(m.text != "Lina Haddad" for m in claim.mentions)
    actions = db.session.scalars(
        sa.select(AuditEvent.action).where(
            AuditEvent.action.in_(["source.create", "claim.source_confirm"])
        )
    ).all()
    # Reuters (the fixture's registry) and Lina Haddad, confirmed
    assert sorted(actions) == ["claim.source_confirm", "source.create", "source.create"]


def test_a_new_name_can_be_linked_to_a_known_source_or_kept_unnamed(editor_client, article):
    mention = accept_naming(editor_client, article, "Al Jazeera")
    claim_id = mention.claim_id
    response = editor_client.post(
        f"/sources/mentions/{mention.id}/link", data={"existing": "reuters"}
    )
    assert response.status_code == 302
    db.session.expire_all()
    claim = db.session.get(Claim, claim_id)
    assert [s.name for s in claim.sources][-1] == "Reuters"
    assert source_names() == {"Reuters"}

    other = accept_naming(editor_client, article, "Airwars")
    editor_client.post(f"/sources/mentions/{other.id}/unnamed")
    db.session.expire_all()
    assert db.session.get(SourceMention, other.id).status is MentionStatus.UNNAMED
    assert source_names() == {"Reuters"}


def test_confirming_a_common_noun_is_refused_naming_the_field(editor_client, article):
    mention = accept_naming(editor_client, article, "Northern Liberation Front")
    response = editor_client.post(
        f"/sources/mentions/{mention.id}/create", data={"name": "military", "kind": "government"}
    )
    assert response.status_code == 400
    assert "cannot enter the registry" in response.get_data(as_text=True)
    assert source_names() == {"Reuters"}


def test_the_new_source_form_refuses_vague_sourcing(editor_client):
    response = editor_client.post("/sources/new", data={"name": "officials", "kind": "official"})
    assert response.status_code == 400
    assert "cannot enter the registry" in response.get_data(as_text=True)
    assert source_names() == set()


def legacy_source(name: str, kind: SourceKind) -> Source:
    """A row from before the registry was kept clean (no service refuses it here)."""
    source = Source(name=name, kind=kind)
    db.session.add(source)
    db.session.flush()
    return source


def test_managers_see_possible_duplicates_and_merge_them(manager_client, editor_client, make):
    junk = legacy_source("military", SourceKind.PERSON)
    full = make.source("U.S. military", SourceKind.GOVERNMENT)
    make.source("Reuters", SourceKind.AGENCY)
    db.session.commit()
    assert editor_client.get("/sources/duplicates").status_code == 403
    page = manager_client.get("/sources/duplicates").get_data(as_text=True)
    assert "Merge “military” into U.S. military" in page
    assert "Reuters" not in page

    response = manager_client.post(f"/sources/{full.id}/merge", data={"duplicate": junk.id})
    assert response.status_code == 302
    db.session.expire_all()
    assert source_names() == {"U.S. military", "Reuters"}
    assert "military" in db.session.get(Source, full.id).alias_names
    page = manager_client.get("/sources/duplicates").get_data(as_text=True)
    assert "No possible duplicates." in page


def test_waiting_for_me_lists_new_names_until_an_editor_decides(editor_client, article):
    mention = accept_naming(editor_client, article, "Lina Haddad")
    vague = accept_naming(editor_client, article, "two local officials")
    page = editor_client.get("/waiting").get_data(as_text=True)
    assert "Source names to confirm (1)" in page
    assert f'data-mention="{mention.id}"' in page
    assert f'data-mention="{vague.id}"' not in page  # unnamed: the checker's, not a name
    mention_id = mention.id
    db.session.expunge_all()  # a request has a session of its own; this test shares one

    editor_client.post(
        f"/sources/mentions/{mention_id}/create", data={"name": "Lina Haddad", "kind": "analyst"}
    )
    page = editor_client.get("/waiting").get_data(as_text=True)
    assert "Source names to confirm (0)" in page
    assert f'data-mention="{mention_id}"' not in page
