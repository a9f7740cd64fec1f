"""Test data built through the services, with defaults and overrides:
``make.claim(status=ClaimStatus.IN_REVIEW)`` walks the claim there."""

import itertools
from datetime import datetime

from factcheck.extensions import db
from factcheck.models import (
    Article,
    AttributionFinding,
    Claim,
    ClaimKind,
    ClaimStatus,
    Role,
    SourceKind,
    Stance,
    User,
)
from factcheck.services import articles, claims, evidence, sources, users, verdicts

BODY = (
    "The army said it withdrew from the city to protect civilians.\n\n"
    "Homs is about 40 kilometers south of Hama, AP reports.\n\n"
    "Salaries rose by 50% last week, officials said."
)


class Factory:
    PASSWORD = "correct horse battery"
    _ids = itertools.count(1)

    def user(self, name: str | None = None, roles: list[Role] | None = None, **kw) -> User:
        n = next(self._ids)
        name = name or f"User {n}"
        email = kw.get("email") or f"{name.lower().replace(' ', '.')}.{n}@example.org"
        return users.create_user(email, name, self.PASSWORD, roles or [Role.CHECKER])

    def _someone(self, role: Role) -> User:
        return self.user(
            f"Auto {role.value}", [role, Role.EDITOR] if role is Role.MANAGER else [role]
        )

    def article(self, editor: User | None = None, body: str = BODY, **kw) -> Article:
        editor = editor or self._someone(Role.EDITOR)
        return articles.create_article(
            editor, title=kw.pop("title", "Test article"), body=body, **kw
        )

    def source(
        self,
        name: str = "Syrian Observatory for Human Rights",
        kind: SourceKind = SourceKind.MONITOR,
        **kw,
    ):
        return sources.find_by_name(name) or sources.create_source(name, kind, None, **kw)

    def evidence(self, claim: Claim, checker: User, **overrides):
        values = {
            "title": "Ministry statement",
            "stance": Stance.SUPPORTS,
            "url": "https://example.org/statement",
            **overrides,
        }
        return evidence.add_evidence(claim, checker, **values)

    def claim(
        self,
        article: Article | None = None,
        quote: str = "about 40 kilometers south of Hama",
        kind: ClaimKind = ClaimKind.STATISTIC,
        status: ClaimStatus = ClaimStatus.OPEN,
        assignee: User | None = None,
        editor: User | None = None,
        rating: str = "accurate",
        due_at: datetime | None = None,
        at: int | None = None,
        **kw,
    ) -> Claim:
        """A claim on ``quote`` (its first occurrence, or the one at offset
        ``at``) walked through the real workflow up to ``status`` (assigned
        with ``due_at`` as its due date, if given)."""
        editor = editor or (article.created_by if article else self._someone(Role.EDITOR))
        article = article or self.article(editor)
        start = article.body.index(quote) if at is None else at
        assert article.body[start : start + len(quote)] == quote
        claim = claims.create_claim(
            article, editor, start=start, end=start + len(quote), kind=kind, **kw
        )
        if status is ClaimStatus.OPEN:
            return claim
        if status is ClaimStatus.WITHDRAWN:
            claims.move_claim(claim, "withdraw", editor)
            return claim
        assignee = assignee or self._someone(Role.CHECKER)
        claims.assign_claim(claim, editor, assignee, due_at)
        if status is ClaimStatus.ASSIGNED:
            return claim
        claims.move_claim(claim, "start", assignee)
        if status is ClaimStatus.RESEARCHING:
            return claim
        self.evidence(claim, assignee)
        attribution = AttributionFinding.CONFIRMED if kind.asks_who_said_it else None
        verdicts.propose_verdict(
            claim,
            assignee,
            None,
            rating=rating,
            rationale="Checked against the statement.",
            attribution=attribution,
        )
        if status is ClaimStatus.IN_REVIEW:
            return claim
        if status is ClaimStatus.RETURNED:
            verdicts.return_verdict(claim, editor, None, "Find a second source.")
            return claim
        verdicts.approve_verdict(claim, editor, None)
        assert status is ClaimStatus.APPROVED, status
        db.session.flush()
        return claim
