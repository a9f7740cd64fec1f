"""Every route and method, as nobody and as each role, against the route's
declared audience; then the object-level rules the declaration cannot see."""

import pytest
import sqlalchemy as sa
from flask import Flask

from factcheck import create_app
from factcheck.extensions import db
from factcheck.models import (
    ArticleStatus,
    AuditEvent,
    Claim,
    ClaimStatus,
    Evidence,
    Role,
    Verdict,
)
from factcheck.security import ANONYMOUS, ANY_USER, CHECKER, access, access_level
from factcheck.services import articles
from tests.conftest import login, make_config
from tests.security.walk import (
    GRANTS,
    Objects,
    allowed,
    bearer_headers,
    declared_rules,
    route_verdict,
    undeclared_endpoints,
    url_for_rule,
)


def audit_count() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(AuditEvent))


def test_every_route_has_an_access_declaration(app):
    assert undeclared_endpoints(app) == []


def test_the_walk_flags_an_undeclared_route(database_url):
    app = create_app(make_config(database_url))
    with app.app_context():
        app.add_url_rule("/throwaway", "throwaway", lambda: "open to all")
        app.add_url_rule("/declared", "declared", access(ANONYMOUS)(lambda: "fine"))
        assert undeclared_endpoints(app) == ["throwaway"]
        # and the app itself refuses it at request time
        response = app.test_client().get("/throwaway")
        assert response.status_code == 403
        assert "open to all" not in response.get_data(as_text=True)
        assert app.test_client().get("/declared").status_code == 200
        db.engine.dispose()


def walk_routes(app, make, people) -> tuple[list[str], int]:
    """Request every (rule, method) as nobody and as each role; return what
    disagreed with the declaration, and how many requests were checked."""
    problems, checked = [], 0
    for rule, method in declared_rules(app):
        level = access_level(app, rule.endpoint)
        objects = Objects.create(make, people["editor"], people["checker"])
        url = url_for_rule(rule, objects)
        clients = {"nobody": app.test_client()}
        clients.update({name: login(app, user) for name, user in people.items()})
        headers = {name: bearer_headers(app, user) for name, user in people.items()}
        # Refusals first, so nothing a permitted request changes hides them.
        for who in sorted(GRANTS, key=lambda who: allowed(level, who)):
            before = audit_count()
            response = clients[who].open(url, method=method, headers=headers.get(who, {}))
            got = route_verdict(response)
            response.close()
            checked += 1
            if allowed(level, who):
                ok = got == "passed"
            else:
                ok = got == ("login" if who == "nobody" else "denied")
                if ok and audit_count() != before:
                    ok, got = False, "changed data while refused"
            if not ok:
                problems.append(
                    f"{method} {url} ({rule.endpoint}, {level}) as {who}: "
                    f"{got} ({response.status_code})"
                )
            db.session.rollback()
    return problems, checked


def test_every_route_and_method_allows_and_denies_by_role(app, make, editor, manager, checker):
    """Anonymous goes to login, a wrong role gets 403 and changes nothing,
    the right role gets past the declaration."""
    people = {"checker": checker, "editor": editor, "manager": manager}
    problems, checked = walk_routes(app, make, people)
    assert problems == []
    pairs = len(declared_rules(app))
    assert checked == 4 * pairs >= 4 * 30
    print(f"\nroute access: {pairs} (route, method) pairs x 4 identities = {checked} checks")


def test_the_walk_catches_a_guard_weaker_than_its_declaration(app, make, editor, manager, checker):
    """If a view claimed 'checker' but let any user in, the walk says so."""
    real = app.view_functions["queues.my_claims"]
    weak = access(ANY_USER)(real.__wrapped__)
    weak.access = CHECKER
    app.view_functions["queues.my_claims"] = weak
    people = {"checker": checker, "editor": editor, "manager": manager}
    problems, _ = walk_routes(app, make, people)
    assert sorted(p.split(" as ")[1].split(":")[0] for p in problems) == ["editor", "manager"]
    assert all("queues.my_claims" in p for p in problems)


# --- object-level rules -------------------------------------------------------


def test_checker_cannot_work_a_claim_assigned_to_someone_else(
    app, make, editor, checker, other_checker
):
    claim = make.claim(make.article(editor), status=ClaimStatus.RESEARCHING, assignee=other_checker)
    make.claim(
        claim.article,
        quote="Salaries rose by 50%",
        status=ClaimStatus.RESEARCHING,
        assignee=checker,
    )
    db.session.commit()
    client = login(app, checker)
    before, evidence_before = audit_count(), len(claim.evidence)
    evidence = client.post(
        f"/claims/{claim.id}/evidence",
        data={"title": "Mine", "stance": "supports", "url": "https://example.org/x"},
    )
    propose = client.post(
        f"/claims/{claim.id}/verdict",
        data={"rating": "accurate", "rationale": "Because.", "version": claim.version},
    )
    contact = client.post(
        f"/claims/{claim.id}/contacts",
        data={"contact": "Press office", "method": "phone", "contacted_at": "2024-12-06T10:00"},
    )
    assert [evidence.status_code, propose.status_code, contact.status_code] == [403, 403, 403]
    db.session.expire_all()
    assert audit_count() == before
    assert (
        db.session.scalar(
            sa.select(sa.func.count()).select_from(Evidence).where(Evidence.claim_id == claim.id)
        )
        == evidence_before
    )
    assert db.session.get(Claim, claim.id).status is ClaimStatus.RESEARCHING


def test_nobody_approves_their_own_verdict(app, make, editor):
    both = make.user("Pat Both", [Role.MANAGER, Role.EDITOR, Role.CHECKER])
    claim = make.claim(make.article(editor), status=ClaimStatus.IN_REVIEW, assignee=both)
    db.session.commit()
    client = login(app, both)
    response = client.post(f"/claims/{claim.id}/review", data={"version": claim.version})
    assert response.status_code == 403
    db.session.expire_all()
    assert db.session.get(Claim, claim.id).status is ClaimStatus.IN_REVIEW
    verdict = db.session.scalar(sa.select(Verdict).where(Verdict.claim_id == claim.id))
    assert verdict.reviewer_id is None
    # a second pair of eyes may
    response = login(app, editor).post(
        f"/claims/{claim.id}/review", data={"version": claim.version}
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Claim, claim.id).status is ClaimStatus.APPROVED


@pytest.fixture
def published(make, editor, manager):
    article = make.article(editor)
    claim = make.claim(article, status=ClaimStatus.APPROVED, editor=editor)
    for action, actor in (("mark_ready", editor), ("sign_off", manager), ("publish", editor)):
        articles.transition(article, action, actor)
    db.session.commit()
    assert article.status is ArticleStatus.PUBLISHED
    return claim


def test_published_articles_claims_are_read_only(app, published, manager):
    claim, article = published, published.article
    client = login(app, manager)
    checker_id = claim.assignee_id
    changes = {
        f"/claims/{claim.id}/edit": {
            "quote": claim.exact,
            "kind": "statistic",
            "priority": "high",
            "new_source_kind": "monitor",
            "version": claim.version,
        },
        f"/claims/{claim.id}/assign": {"assignee": checker_id, "version": claim.version},
        f"/claims/{claim.id}/evidence": {
            "title": "Late",
            "stance": "supports",
            "url": "https://example.org/late",
        },
        f"/claims/{claim.id}/contacts": {
            "contact": "Press office",
            "method": "phone",
            "contacted_at": "2024-12-06T10:00",
        },
        f"/claims/{claim.id}/comments": {"body": "One more thing"},
        f"/claims/{claim.id}/verdict": {"rating": "inaccurate", "rationale": "No."},
        f"/claims/{claim.id}/review": {"version": claim.version},
        f"/claims/{claim.id}/resolution": {"kind": "corrected"},
        f"/claims/{claim.id}/reopen": {"version": claim.version},
        f"/claims/{claim.id}/withdraw": {"version": claim.version},
        f"/articles/{article.id}/claims": {
            "quote": "The army said",
            "kind": "attribution",
            "priority": "normal",
            "new_source_kind": "monitor",
            "version": article.version,
        },
        f"/articles/{article.id}/edit": {
            "title": "New",
            "body": "Rewritten.",
            "version": article.version,
        },
        f"/articles/{article.id}/reopen": {"version": article.version},
    }
    before = audit_count()
    statuses = {url: client.post(url, data=data).status_code for url, data in changes.items()}
    assert statuses == dict.fromkeys(changes, 409)
    page = client.get(f"/claims/{claim.id}").get_data(as_text=True)
    assert "The article is published; its record is read-only." in client.post(
        f"/claims/{claim.id}/comments", data={"body": "x"}
    ).get_data(as_text=True)
    for form in ("review", "evidence", "verdict", "assign", "resolution"):
        assert f'action="/claims/{claim.id}/{form}"' not in page  # no buttons offered
    db.session.expire_all()
    assert audit_count() == before
    claim = db.session.get(Claim, claim.id)
    assert claim.status is ClaimStatus.APPROVED and len(claim.evidence) == 1
    assert claim.article.status is ArticleStatus.PUBLISHED


def test_fresh_app_walk_finds_every_blueprint(app: Flask):
    """The walk sees the routes of every registered blueprint."""
    endpoints = {rule.endpoint for rule, _ in declared_rules(app)}
    for blueprint in app.blueprints:
        assert any(e.startswith(blueprint + ".") for e in endpoints), blueprint
