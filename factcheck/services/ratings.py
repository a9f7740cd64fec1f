"""The newsroom's rating scale, kept by managers."""

import re

import sqlalchemy as sa

from factcheck import workflow
from factcheck.extensions import db
from factcheck.models import RatingLevel, User, Verdict
from factcheck.services import audit
from factcheck.services.errors import ValidationFailed

LEVEL_FIELDS = ("label", "description", "needs_resolution", "scored", "position", "active")


def scale(include_retired: bool = False) -> list[RatingLevel]:
    query = sa.select(RatingLevel).order_by(RatingLevel.position, RatingLevel.id)
    if not include_retired:
        query = query.where(RatingLevel.active.is_(True))
    return list(db.session.scalars(query))


def active_level(slug: str) -> RatingLevel | None:
    return db.session.scalar(
        sa.select(RatingLevel).where(RatingLevel.slug == slug, RatingLevel.active.is_(True))
    )


def times_used(level: RatingLevel) -> int:
    return db.session.scalar(
        sa.select(sa.func.count()).select_from(Verdict).where(Verdict.rating == level.slug)
    )


def _ensure_manager(actor: User) -> None:
    if not workflow.manager(actor, None):
        raise workflow.NotPermitted("Only managers change the rating scale.")


def _slug_for(label: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")[:32]
    if not slug:
        raise ValidationFailed("Give the rating a name.", field="label")
    if db.session.scalar(sa.select(RatingLevel).where(RatingLevel.slug == slug)):
        raise ValidationFailed("A rating with this name exists.", field="label")
    return slug


def add_level(
    actor: User,
    *,
    label: str,
    description: str = "",
    needs_resolution: bool = False,
    scored: bool = True,
) -> RatingLevel:
    _ensure_manager(actor)
    label = label.strip()
    last = db.session.scalar(sa.select(sa.func.max(RatingLevel.position))) or 0
    level = RatingLevel(
        slug=_slug_for(label),
        label=label,
        description=description.strip(),
        needs_resolution=needs_resolution,
        scored=scored,
        position=last + 1,
        active=True,
    )
    db.session.add(level)
    db.session.flush()
    audit.record(
        actor,
        "rating.add",
        level,
        f"{actor.name} added the rating “{label}”",
        after=audit.snapshot(level, "slug", *LEVEL_FIELDS),
    )
    return level


def update_level(level: RatingLevel, actor: User, **values) -> None:
    """Change a level. Its slug never changes, so past verdicts keep it."""
    _ensure_manager(actor)
    if "label" in values and not str(values["label"]).strip():
        raise ValidationFailed("Give the rating a name.", field="label")
    changed = {k: v for k, v in values.items() if k in LEVEL_FIELDS and getattr(level, k) != v}
    if not changed:
        return
    if changed.get("active") is False and len(scale()) <= 2:
        raise ValidationFailed("Keep at least two ratings on the scale.", field="active")
    before = audit.snapshot(level, *changed)
    for field, value in changed.items():
        setattr(level, field, value)
    audit.record(
        actor,
        "rating.edit",
        level,
        f"{actor.name} changed the rating “{level.label}”",
        before=before,
        after=audit.snapshot(level, *changed),
    )
    db.session.flush()
