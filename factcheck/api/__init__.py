"""The JSON API: the same services as the web pages, with bearer tokens.

Only a bearer token authenticates here, never the browser's session cookie,
so API calls need no CSRF token and a page cannot be tricked into making one.
"""

from typing import Any

from flask import Blueprint, abort, g, jsonify, request, url_for
from flask_login import current_user
from sqlalchemy.orm import defer

from factcheck.api import schemas
from factcheck.api.openapi import spec
from factcheck.api.schemas import parse_body
from factcheck.caching import cached_page
from factcheck.extensions import csrf, db, login_manager
from factcheck.models import Article, Claim, Comment, ContactAttempt, User
from factcheck.security import ANONYMOUS, ANY_USER, EDITOR, access
from factcheck.services import (
    articles,
    blockers,
    claims,
    evidence,
    fetching,
    importing,
    suggestions,
    tokens,
    users,
    verdicts,
    whole_number,
)
from factcheck.services.errors import ValidationFailed

bp = Blueprint("api", __name__, url_prefix="/api/v1")
csrf.exempt(bp)


@bp.before_request
def authenticate_bearer() -> None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    user = tokens.user_for_token(token.strip()) if scheme.lower() == "bearer" else None
    # Flask-Login reads the request's user from g; setting it here means the
    # session cookie is never consulted for API calls.
    g._login_user = user or login_manager.anonymous_user()


def article_json(
    article: Article, with_claims: bool = False, blocked_by: list | None = None
) -> dict[str, Any]:
    """``blocked_by``: the article's sign-off blockers when already counted
    (a list page counts them for every article at once)."""
    if blocked_by is None:
        blocked_by = blockers.blockers_of(article)
    data = {
        "id": article.id,
        "title": article.title,
        "byline": article.byline,
        "dateline": article.dateline,
        "desk": article.desk,
        "source_url": article.source_url,
        "status": article.status.value,
        "deadline": article.deadline.isoformat() if article.deadline else None,
        "version": article.version,
        "signoff_blockers": [b.text for b in blocked_by],
        "url": url_for("api.get_article", article_id=article.id, _external=True),
    }
    if with_claims:
        data["body"] = article.body
        data["claims"] = [claim_json(c) for c in article.claims]
    return data


def claim_json(claim: Claim) -> dict[str, Any]:
    verdict = claim.current_verdict
    return {
        "id": claim.id,
        "article_id": claim.article_id,
        "text": claim.exact,
        "start": claim.start,
        "end": claim.end,
        "anchor_lost": claim.anchor_lost,
        "kind": claim.kind.value,
        "priority": claim.priority.value,
        "status": claim.status.value,
        "sources": [{"id": s.id, "name": s.name, "kind": s.kind.value} for s in claim.sources],
        "assignee_id": claim.assignee_id,
        "due_at": claim.due_at.isoformat() if claim.due_at else None,
        "version": claim.version,
        "verdict": None
        if verdict is None
        else {
            "rating": verdict.rating,
            "attribution": verdict.attribution.value if verdict.attribution else None,
            "rationale": verdict.rationale,
            "proposer_id": verdict.proposer_id,
            "decision": verdict.decision.value if verdict.decision else None,
            "rated_text": verdict.rated_text,
        },
        "words_changed_since_verdict": claim.words_changed_since_verdict,
        "evidence_count": len(claim.evidence),
    }


@bp.post("/token")
@access(ANONYMOUS)
def create_token():
    data = parse_body(schemas.TokenRequest)
    user = users.authenticate(data.email, data.password)
    if user is None:
        return jsonify(error="Unauthorized", message="Wrong email or password."), 401
    token = tokens.issue_token(user, data.name)
    return jsonify(token=token, user_id=user.id), 201


@bp.get("/openapi.json")
@access(ANONYMOUS)
def openapi():
    return jsonify(spec())


@bp.get("/articles")
@access(ANY_USER)
@cached_page
def list_articles():
    query = db.select(Article).options(defer(Article.body)).order_by(Article.id.desc())
    page = db.paginate(query, page=whole_number(request.args.get("page")) or 1, per_page=50)
    blocked = blockers.blockers_for([a.id for a in page.items])
    return jsonify(
        items=[article_json(a, blocked_by=blocked[a.id]) for a in page.items],
        page=page.page,
        pages=page.pages,
        total=page.total,
    )


@bp.post("/articles")
@access(EDITOR)
def create_article():
    data = parse_body(schemas.ArticleCreate)
    article = articles.create_article(current_user, **data.model_dump())
    return jsonify(article_json(article, with_claims=True)), 201


def _page_text(data: schemas.ArticleImport) -> tuple[str, str]:
    """The page as it came (``text``), or fetched from ``url``; never binary."""
    url = data.url.strip()
    if data.text and data.text.strip():
        importing.refuse_binary(data.text, field="text")
        return data.text, url
    if url:
        text = fetching.fetch_page(url).text
        importing.refuse_binary(text, field="url")
        return text, url
    raise ValidationFailed("Send 'text' (the page as it came, furniture and all) or 'url'.", "text")


@bp.post("/articles/import")
@access(EDITOR)
def import_article():
    """The import form's cleaning: a preview (nothing saved) or a new article."""
    data = parse_body(schemas.ArticleImport)
    text, url = _page_text(data)
    imported = importing.extract(text, url or None)
    if data.preview:
        return jsonify(importing.preview(imported))
    if not imported.paragraphs:
        raise ValidationFailed("No story text was found in the page.", field="text")
    article = articles.create_article(
        current_user,
        title=data.title or imported.title,
        body=imported.body,
        byline=data.byline or imported.byline,
        dateline=data.dateline or imported.dateline,
        desk=data.desk,
        source_url=url,
        deadline=data.deadline,
    )
    found = importing.preview(imported)
    return jsonify(
        {**article_json(article, with_claims=True), "set_aside": found["set_aside"]}
    ), 201


@bp.get("/articles/<int:article_id>")
@access(ANY_USER)
def get_article(article_id: int):
    return jsonify(article_json(db.get_or_404(Article, article_id), with_claims=True))


@bp.patch("/articles/<int:article_id>")
@access(EDITOR)
def edit_article(article_id: int):
    """Change the fields sent; a new body re-places every claim's words."""
    article = db.get_or_404(Article, article_id)
    data = parse_body(schemas.ArticleEdit)
    sent = data.model_dump(include=data.model_fields_set - {"version"})
    values: dict[str, Any] = {
        name: value for name, value in sent.items() if value is not None or name == "deadline"
    }
    changes = articles.edit_article(article, current_user, data.version, **values)
    return jsonify(
        **article_json(article, with_claims=True),
        reworded_claims=[c.id for c in changes.reworded],
        lost_claims=[c.id for c in changes.lost],
    )


@bp.post("/articles/<int:article_id>/actions/<action>")
@access(ANY_USER)
def article_action(article_id: int, action: str):
    article = db.get_or_404(Article, article_id)
    version = parse_body(schemas.VersionOnly).version
    articles.transition(article, action, current_user, version)
    return jsonify(article_json(article))


def suggestion_json(suggestion) -> dict[str, Any]:
    """As ``flask suggest-claims --format json`` prints it, with the key the
    accept and dismiss calls take."""
    return {"key": suggestions.suggestion_key(suggestion), **suggestion.to_dict()}


def _suggestions_json(article: Article) -> dict[str, Any]:
    review = suggestions.review(article)
    return {
        "items": [suggestion_json(s) for s in review.pending],
        "dismissed": [
            {"key": d.key, "text": d.quote, "dismissed_by_id": d.dismissed_by_id}
            for d in review.dismissed
        ],
    }


@bp.get("/articles/<int:article_id>/suggestions")
@access(EDITOR)
def list_suggestions(article_id: int):
    return jsonify(_suggestions_json(db.get_or_404(Article, article_id)))


@bp.post("/articles/<int:article_id>/suggestions/<action>")
@access(EDITOR)
def decide_suggestion(article_id: int, action: str):
    article = db.get_or_404(Article, article_id)
    if action == "accept-all":
        accepted = suggestions.accept_all(article, current_user)
        return jsonify(items=[claim_json(c) for c in accepted]), 201
    key = parse_body(schemas.SuggestionDecision).key
    if action == "accept":
        claim = suggestions.accept(article, current_user, key)
        return jsonify(claim_json(claim)), 201
    if action == "dismiss":
        suggestions.dismiss(article, current_user, key)
    elif action == "restore":
        suggestions.restore(article, current_user, key)
    else:
        abort(404)
    return jsonify(_suggestions_json(article))


@bp.post("/articles/<int:article_id>/claims")
@access(EDITOR)
def create_claim(article_id: int):
    article = db.get_or_404(Article, article_id)
    data = parse_body(schemas.ClaimCreate)
    claim = claims.create_claim(
        article,
        current_user,
        start=data.start,
        end=data.end,
        quote=data.quote,
        kind=data.kind,
        priority=data.priority,
        sources=data.sources,
        new_source_kind=data.new_source_kind,
        note=data.note,
    )
    return jsonify(claim_json(claim)), 201


@bp.get("/claims/<int:claim_id>")
@access(ANY_USER)
def get_claim(claim_id: int):
    return jsonify(claim_json(db.get_or_404(Claim, claim_id)))


def _claim_span(claim: Claim, data: schemas.ClaimEdit) -> tuple[int, int] | None:
    """The new span, from offsets or a quote as when marking; None keeps it."""
    if data.quote is None and (data.start is None or data.end is None):
        return None
    return claims.locate_span(claim.article, data.start, data.end, data.quote)


@bp.patch("/claims/<int:claim_id>")
@access(EDITOR)
def edit_claim(claim_id: int):
    """Change the fields sent; new words (or the same words elsewhere)
    re-open the claim's check."""
    claim = db.get_or_404(Claim, claim_id)
    data = parse_body(schemas.ClaimEdit)
    claims.edit_claim(
        claim,
        current_user,
        data.version,
        kind=data.kind or claim.kind,
        priority=data.priority or claim.priority,
        sources=claim.sources
        if data.sources is None
        else claims.source_chain(data.sources, data.new_source_kind, current_user),
        note=claim.note if data.note is None else data.note,
        span=_claim_span(claim, data),
    )
    return jsonify(claim_json(claim))


@bp.post("/claims/<int:claim_id>/evidence")
@access(ANY_USER)
def add_evidence(claim_id: int):
    claim = db.get_or_404(Claim, claim_id)
    data = parse_body(schemas.EvidenceCreate)
    evidence.add_evidence(claim, current_user, **data.model_dump())
    return jsonify(claim_json(claim)), 201


@bp.post("/claims/<int:claim_id>/resolutions")
@access(EDITOR)
def resolve_claim(claim_id: int):
    claim = db.get_or_404(Claim, claim_id)
    data = parse_body(schemas.ResolutionCreate)
    verdicts.resolve_claim(claim, current_user, data.kind, data.note)
    return jsonify(claim_json(claim)), 201


@bp.get("/claims/<int:claim_id>/comments")
@access(ANY_USER)
def list_comments(claim_id: int):
    claim = db.get_or_404(Claim, claim_id)
    return jsonify(items=[comment_json(c) for c in claim.comments])


@bp.post("/claims/<int:claim_id>/comments")
@access(ANY_USER)
def add_comment(claim_id: int):
    claim = db.get_or_404(Claim, claim_id)
    data = parse_body(schemas.CommentCreate)
    return jsonify(comment_json(claims.add_comment(claim, current_user, data.body))), 201


@bp.get("/claims/<int:claim_id>/contacts")
@access(ANY_USER)
def list_contacts(claim_id: int):
    claim = db.get_or_404(Claim, claim_id)
    return jsonify(items=[contact_json(c) for c in claim.contacts])


@bp.post("/claims/<int:claim_id>/contacts")
@access(ANY_USER)
def log_contact(claim_id: int):
    claim = db.get_or_404(Claim, claim_id)
    data = parse_body(schemas.ContactCreate)
    return jsonify(
        contact_json(evidence.log_contact(claim, current_user, **data.model_dump()))
    ), 201


@bp.post("/contacts/<int:contact_id>/answer")
@access(ANY_USER)
def record_answer(contact_id: int):
    attempt = db.get_or_404(ContactAttempt, contact_id)
    data = parse_body(schemas.ContactAnswer)
    evidence.record_contact_answer(attempt, current_user, data.outcome_kind, data.answer)
    return jsonify(contact_json(attempt))


def comment_json(comment: Comment) -> dict[str, Any]:
    return {
        "id": comment.id,
        "claim_id": comment.claim_id,
        "author_id": comment.author_id,
        "body": comment.body,
        "created_at": comment.created_at.isoformat(),
    }


def contact_json(attempt: ContactAttempt) -> dict[str, Any]:
    return {
        "id": attempt.id,
        "claim_id": attempt.claim_id,
        "contact": attempt.contact,
        "method": attempt.method,
        "contacted_at": attempt.contacted_at.isoformat(),
        "outcome": attempt.outcome.value,
        "answer": attempt.answer,
        "answered_at": attempt.answered_at.isoformat() if attempt.answered_at else None,
        "logged_by_id": attempt.logged_by_id,
    }


def _assign(claim: Claim, data: schemas.AssignAction) -> None:
    assignee = db.session.get(User, data.assignee_id)
    if assignee is None:
        raise ValidationFailed("No such user.", field="assignee_id")
    claims.assign_claim(claim, current_user, assignee, data.due_at, data.version)


def _propose(claim: Claim, data: schemas.ProposeAction) -> None:
    verdicts.propose_verdict(
        claim,
        current_user,
        data.version,
        rating=data.rating,
        rationale=data.rationale,
        attribution=data.attribution,
    )


CLAIM_ACTIONS = {
    "assign": _assign,
    "propose": _propose,
    "approve": lambda c, d: verdicts.approve_verdict(c, current_user, d.version, d.note),
    "return": lambda c, d: verdicts.return_verdict(c, current_user, d.version, d.reason),
}


@bp.post("/claims/<int:claim_id>/actions/<action>")
@access(ANY_USER)
def claim_action(claim_id: int, action: str):
    claim = db.get_or_404(Claim, claim_id)
    data = parse_body(schemas.CLAIM_ACTION_BODIES.get(action, schemas.MoveAction))
    if action in CLAIM_ACTIONS:
        CLAIM_ACTIONS[action](claim, data)
    else:
        claims.move_claim(claim, action, current_user, data.version, data.reason)
    return jsonify(claim_json(claim))
