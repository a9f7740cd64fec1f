"""Walk every route of the app: build a URL for each rule from real objects
and say who the route's declaration lets in. Shared by the access, CSRF and
fuzz tests, so a route added later is covered without touching them."""

from dataclasses import dataclass

from flask import Flask
from werkzeug.routing import Rule

from factcheck.extensions import db
from factcheck.models import ClaimStatus, Role, Stance, User
from factcheck.security import ANONYMOUS, ANY_USER, CHECKER, EDITOR, MANAGER, access_level
from factcheck.services import evidence as evidence_service
from tests.factories import Factory

IGNORED_METHODS = {"HEAD", "OPTIONS"}
# The words security.access puts in its 403, told apart from an object-level
# refusal (the workflow's "You may not ...") further in.
ROUTE_DENIED = "This page is for the"

# What each identity's roles grant at route level (a manager is also an editor).
GRANTS = {
    "nobody": set(),
    "checker": {ANY_USER, CHECKER},
    "editor": {ANY_USER, EDITOR},
    "manager": {ANY_USER, EDITOR, MANAGER},
}

# A valid value for an action parameter, per endpoint.
ACTIONS = {
    "articles.act": "start_checking",
    "claims.act": "start",
    "api.article_action": "start_checking",
    "api.claim_action": "start",
}


@dataclass
class Objects:
    """One of each thing a URL can name, the claim in research by ``checker``."""

    article_id: int
    claim_id: int
    evidence_id: int
    source_id: int
    user_id: int

    @classmethod
    def create(cls, make: Factory, editor: User, checker: User) -> "Objects":
        article = make.article(editor)
        claim = make.claim(article, status=ClaimStatus.RESEARCHING, assignee=checker)
        item = evidence_service.add_evidence(
            claim, checker, title="Note", stance=Stance.CONTEXT, note="A note."
        )
        source = make.source()
        spare = make.user("Spare Account", [Role.CHECKER])
        db.session.commit()
        return cls(article.id, claim.id, item.id, source.id, spare.id)


def bearer_headers(app: Flask, user: User) -> dict[str, str]:
    """An API token for user, when the app has the JSON API; sent on every
    request of the walk (pages ignore it, the API reads nothing else)."""
    if "api.create_token" not in app.view_functions:
        return {}
    response = app.test_client().post(
        "/api/v1/token", json={"email": user.email, "password": Factory.PASSWORD}
    )
    assert response.status_code == 201, response.get_data(as_text=True)
    return {"Authorization": f"Bearer {response.get_json()['token']}"}


def declared_rules(app: Flask) -> list[tuple[Rule, str]]:
    """Every (rule, method) the app answers, in a stable order."""
    pairs = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: (r.rule, r.endpoint)):
        for method in sorted((rule.methods or set()) - IGNORED_METHODS):
            pairs.append((rule, method))
    return pairs


def undeclared_endpoints(app: Flask) -> list[str]:
    """Endpoints with no @access declaration: each one is a bug."""
    return sorted(
        {r.endpoint for r in app.url_map.iter_rules() if access_level(app, r.endpoint) is None}
    )


def url_for_rule(rule: Rule, objects: Objects) -> str:
    """Fill the rule's parameters with real objects (an unknown integer
    parameter gets an id that does not exist: the route must still refuse
    the wrong people before it looks the object up)."""
    values = {}
    for name in rule.arguments:
        if name == "action":
            values[name] = ACTIONS.get(rule.endpoint, "unknown")
        elif name == "filename":
            values[name] = "css/app.css"
        elif hasattr(objects, name):
            values[name] = getattr(objects, name)
        elif name.endswith("_id"):
            values[name] = 999_999
        else:
            values[name] = "x"
    url = rule.build(values, append_unknown=False)
    assert url is not None, rule.rule
    return url[1]


def allowed(level: str, identity: str) -> bool:
    return level == ANONYMOUS or level in GRANTS[identity]


def route_verdict(response) -> str:
    """'login' (sent to log in), 'denied' (refused by the route declaration)
    or 'passed' (the route let the request through to the view)."""
    location = response.headers.get("Location", "")
    if response.status_code == 401 or (response.status_code == 302 and "/login?next=" in location):
        return "login"
    if response.status_code == 403 and ROUTE_DENIED in response.get_data(as_text=True):
        return "denied"
    return "passed"
