from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from factcheck.extensions import db
from factcheck.models.base import StrEnum, UTCDateTime, created_at_column, enum_column
from factcheck.models.rating import RatingLevel
from factcheck.models.user import User

if TYPE_CHECKING:  # the claim module imports this one
    from factcheck.models.claim import Claim


class AttributionFinding(StrEnum):
    """For attributions: did the source say it? Separate from the rating."""

    CONFIRMED = "confirmed"
    NOT_FOUND = "not_found"
    MISQUOTED = "misquoted"


class VerdictDecision(StrEnum):
    APPROVED = "approved"
    RETURNED = "returned"


class Verdict(db.Model):
    """A proposed verdict. Revisions add a row; rows are never edited
    except to record the one review decision."""

    __tablename__ = "verdicts"
    __table_args__ = (
        sa.Index("ix_verdicts_reviewed_at", "reviewed_at"),
        # Superseded verdicts are few: the reworded-claims count starts here.
        sa.Index(
            "ix_verdicts_superseded_claim_id",
            "claim_id",
            postgresql_where=sa.text("superseded_at IS NOT NULL"),
            sqlite_where=sa.text("superseded_at IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(
        sa.ForeignKey("claims.id", ondelete="CASCADE"), index=True
    )
    rating: Mapped[str] = mapped_column(sa.String(32))
    attribution: Mapped[AttributionFinding | None] = enum_column(AttributionFinding, nullable=True)
    rationale: Mapped[str] = mapped_column(sa.Text)
    # The claim's exact words when the verdict was proposed: what it rates.
    rated_text: Mapped[str] = mapped_column(sa.Text, default="")
    proposer_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    proposed_at: Mapped[datetime] = created_at_column()
    decision: Mapped[VerdictDecision | None] = enum_column(VerdictDecision, nullable=True)
    reviewer_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    review_note: Mapped[str] = mapped_column(sa.Text, default="")
    # For an approved verdict: when its round of checking began (the claim's
    # first assignment since its last approval), for the board's median.
    round_started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Set when the claim's words changed after the proposal: the verdict stays
    # in the history but no longer rates the claim (never approved, exported
    # or counted again).
    superseded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    # The rating's level on the scale; a slug, not a foreign key, so a
    # retired level still explains old verdicts.
    level: Mapped[RatingLevel | None] = relationship(
        primaryjoin="foreign(Verdict.rating) == RatingLevel.slug", viewonly=True, lazy="joined"
    )
    claim: Mapped["Claim"] = relationship(back_populates="verdicts")
    proposer: Mapped[User] = relationship(foreign_keys=[proposer_id])
    reviewer: Mapped[User | None] = relationship(foreign_keys=[reviewer_id])

    @property
    def is_current(self) -> bool:
        return self.superseded_at is None

    @property
    def rating_label(self) -> str:
        return self.level.label if self.level else self.rating

    @hybrid_property
    def needs_resolution(self) -> bool:
        """Its rating's level asks for a resolution (an unknown slug does not)."""
        return bool(self.level and self.level.needs_resolution)

    @needs_resolution.inplace.expression
    @classmethod
    def _needs_resolution_expression(cls) -> sa.ColumnElement[bool]:
        return (
            sa.select(RatingLevel.id)
            .where(RatingLevel.slug == cls.rating, RatingLevel.needs_resolution.is_(True))
            .correlate_except(RatingLevel)
            .exists()
        )


class ResolutionKind(StrEnum):
    CORRECTED = "corrected"
    ATTRIBUTION_ADDED = "attribution_added"
    CONTEXT_ADDED = "context_added"
    CUT = "cut"
    KEPT_WITH_NOTE = "kept_with_note"

    @property
    def label(self) -> str:
        if self is ResolutionKind.KEPT_WITH_NOTE:
            return "kept with a manager's note"
        return super().label


class Resolution(db.Model):
    """What the copy does about a verdict that needs it."""

    __tablename__ = "resolutions"
    # One resolution per verdict: two editors resolving at once make one.
    __table_args__ = (sa.Index("uq_resolutions_verdict_id", "verdict_id", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(
        sa.ForeignKey("claims.id", ondelete="CASCADE"), index=True
    )
    verdict_id: Mapped[int] = mapped_column(sa.ForeignKey("verdicts.id", ondelete="CASCADE"))
    kind: Mapped[ResolutionKind] = enum_column(ResolutionKind)
    note: Mapped[str] = mapped_column(sa.Text, default="")
    resolved_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = created_at_column()

    claim: Mapped["Claim"] = relationship(back_populates="resolutions")
    verdict: Mapped[Verdict] = relationship()
    resolved_by: Mapped[User] = relationship()
