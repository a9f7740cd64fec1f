from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, Session, aliased, mapped_column, relationship

from factcheck.extensions import db
from factcheck.extraction.anchoring import Anchor
from factcheck.models.article import Article
from factcheck.models.base import StrEnum, UTCDateTime, created_at_column, enum_column
from factcheck.models.source import Source
from factcheck.models.user import User
from factcheck.models.verdict import Resolution, Verdict, VerdictDecision
from factcheck.vocabulary import ClaimKind, Priority


class ClaimStatus(StrEnum):
    OPEN = "open"
    ASSIGNED = "assigned"
    RESEARCHING = "researching"
    IN_REVIEW = "in_review"
    RETURNED = "returned"
    APPROVED = "approved"
    WITHDRAWN = "withdrawn"


class Claim(db.Model):
    __tablename__ = "claims"
    __table_args__ = (
        sa.CheckConstraint("start_offset <= end_offset", name="span_ordered"),
        # Few claims wait for a resolution; lists find them by article.
        sa.Index(
            "ix_claims_resolution_due",
            "article_id",
            postgresql_where=sa.text("resolution_due"),
            sqlite_where=sa.text("resolution_due"),
        ),
        # A suggestion accepted twice (a retry, two editors at once) is one claim.
        sa.Index(
            "uq_claims_article_id_suggestion_key", "article_id", "suggestion_key", unique=True
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        sa.ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    # The quote anchor: exact text plus context, offsets only as a hint
    # (W3C TextQuoteSelector + TextPositionSelector).
    exact: Mapped[str] = mapped_column(sa.Text)
    prefix: Mapped[str] = mapped_column(sa.String(64), default="")
    suffix: Mapped[str] = mapped_column(sa.String(64), default="")
    start: Mapped[int] = mapped_column("start_offset")
    end: Mapped[int] = mapped_column("end_offset")
    anchor_lost: Mapped[bool] = mapped_column(default=False)
    # Kept equal to ``resolution_rule()`` in the flush of each change.
    resolution_due: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    # The suggestion it was accepted from (suggestions.suggestion_key), if any.
    suggestion_key: Mapped[str | None] = mapped_column(sa.String(64))

    kind: Mapped[ClaimKind] = enum_column(ClaimKind)
    priority: Mapped[Priority] = enum_column(Priority, default=Priority.NORMAL)
    status: Mapped[ClaimStatus] = enum_column(ClaimStatus, default=ClaimStatus.OPEN, index=True)
    note: Mapped[str] = mapped_column(sa.Text, default="")
    assignee_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    return_reason: Mapped[str] = mapped_column(sa.Text, default="")
    version: Mapped[int] = mapped_column(default=1)
    created_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = created_at_column()

    article: Mapped[Article] = relationship(back_populates="claims")
    assignee: Mapped[User | None] = relationship(foreign_keys=[assignee_id])
    created_by: Mapped[User] = relationship(foreign_keys=[created_by_id])
    source_links: Mapped[list["ClaimSource"]] = relationship(
        back_populates="claim",
        order_by="ClaimSource.position",
        cascade="all, delete-orphan",
        lazy="selectin",
    )
    # Sourcing that is not a registry source: unnamed, or awaiting confirmation.
    mentions: Mapped[list["SourceMention"]] = relationship(  # noqa: F821
        back_populates="claim", order_by="SourceMention.position", cascade="all, delete-orphan"
    )
    verdicts: Mapped[list[Verdict]] = relationship(
        back_populates="claim", order_by="Verdict.id", cascade="all, delete-orphan"
    )
    resolutions: Mapped[list[Resolution]] = relationship(
        back_populates="claim", order_by="Resolution.id", cascade="all, delete-orphan"
    )
    evidence: Mapped[list["Evidence"]] = relationship(  # noqa: F821
        back_populates="claim", order_by="Evidence.id", cascade="all, delete-orphan"
    )
    contacts: Mapped[list["ContactAttempt"]] = relationship(  # noqa: F821
        back_populates="claim", order_by="ContactAttempt.id", cascade="all, delete-orphan"
    )
    comments: Mapped[list["Comment"]] = relationship(  # noqa: F821
        back_populates="claim", order_by="Comment.id", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}

    @property
    def anchor(self) -> Anchor:
        return Anchor(self.exact, self.prefix, self.suffix, self.start, self.end)

    def set_anchor(self, anchor: Anchor) -> None:
        self.exact, self.prefix, self.suffix = anchor.exact, anchor.prefix, anchor.suffix
        self.start, self.end = anchor.start, anchor.end
        self.anchor_lost = False

    @property
    def sources(self) -> list[Source]:
        """The attribution chain, first teller first."""
        return [link.source for link in self.source_links]

    @property
    def source_chain(self) -> str:
        return " → ".join(s.name for s in self.sources)

    @property
    def returned_because(self) -> str:
        """The reviewer's reason while the claim is back with its checker."""
        return self.return_reason if self.status is ClaimStatus.RETURNED else ""

    @property
    def latest_verdict(self) -> Verdict | None:
        return self.verdicts[-1] if self.verdicts else None

    @property
    def current_verdict(self) -> Verdict | None:
        """The latest verdict, unless the words changed since it was proposed."""
        verdict = self.latest_verdict
        return verdict if verdict is not None and verdict.is_current else None

    @property
    def approved_verdict(self) -> Verdict | None:
        """The verdict in force: the last approved one that still rates the
        claim's words."""
        approved = [
            v for v in self.verdicts if v.decision is VerdictDecision.APPROVED and v.is_current
        ]
        return approved[-1] if approved else None

    # "Its verdicts rated other words and none rates these yet", for a loaded
    # claim and as SQL (the sign-off blockers count it).
    @hybrid_property
    def words_changed_since_verdict(self) -> bool:
        return bool(self.verdicts) and not any(v.is_current for v in self.verdicts)

    @words_changed_since_verdict.inplace.expression
    @classmethod
    def _words_changed_since_verdict_expression(cls) -> sa.ColumnElement[bool]:
        # "Some verdict and none current" is "a superseded one and none
        # current": asked that way, the database starts from the few
        # superseded verdicts (a partial index) instead of every verdict.
        verdicts = sa.select(Verdict.id).where(Verdict.claim_id == cls.id)
        return sa.and_(
            verdicts.where(Verdict.superseded_at.is_not(None)).correlate_except(Verdict).exists(),
            ~verdicts.where(Verdict.superseded_at.is_(None)).correlate_except(Verdict).exists(),
        )

    @property
    def rating_label(self) -> str | None:
        """The rating to show beside the status: the one under review, or the
        one in force once approved."""
        if self.status is ClaimStatus.IN_REVIEW and self.latest_verdict:
            return self.latest_verdict.rating_label
        if self.status is ClaimStatus.APPROVED and self.approved_verdict:
            return self.approved_verdict.rating_label
        return None

    @property
    def current_resolution(self) -> Resolution | None:
        """The resolution of the verdict in force, if any."""
        verdict = self.approved_verdict
        matching = [r for r in self.resolutions if verdict and r.verdict_id == verdict.id]
        return matching[-1] if matching else None

    @hybrid_property
    def is_active(self) -> bool:
        """Still part of the copy: every claim but a withdrawn one. The same
        expression works on a loaded claim and in a query."""
        return self.status != ClaimStatus.WITHDRAWN

    # The rule "the verdict in force needs a resolution and has none", once
    # for a loaded claim and once as SQL, side by side so they change
    # together; tests/functional/test_board_counts.py checks they agree.
    # Lists count it over thousands of claims, so its SQL answer is also kept
    # in ``resolution_due``, refreshed in the flush of every change that can
    # move it (see ``_refresh_resolution_due``); queries read the column.
    @hybrid_property
    def needs_resolution(self) -> bool:
        verdict = self.approved_verdict
        return bool(verdict and verdict.needs_resolution and self.current_resolution is None)

    @needs_resolution.inplace.expression
    @classmethod
    def _needs_resolution_expression(cls) -> sa.ColumnElement[bool]:
        return cls.resolution_due.is_(True)

    @classmethod
    def resolution_rule(cls) -> sa.ColumnElement[bool]:
        """``needs_resolution`` worked out from the verdicts, in SQL."""
        # The verdict in force: the claim's current approved verdict with no
        # later one (approved_verdict takes the last by id).
        in_force, later = aliased(Verdict), aliased(Verdict)
        return (
            sa.select(in_force.id)
            .where(
                in_force.claim_id == cls.id,
                in_force.decision == VerdictDecision.APPROVED,
                in_force.superseded_at.is_(None),
                ~sa.select(later.id)
                .where(
                    later.claim_id == in_force.claim_id,
                    later.decision == VerdictDecision.APPROVED,
                    later.superseded_at.is_(None),
                    later.id > in_force.id,
                )
                .correlate_except(later)
                .exists(),
                in_force.needs_resolution,
                ~sa.select(Resolution.id)
                .where(
                    Resolution.claim_id == in_force.claim_id,
                    Resolution.verdict_id == in_force.id,
                )
                .correlate_except(Resolution)
                .exists(),
            )
            .correlate_except(in_force)
            .exists()
        )

    def __repr__(self) -> str:
        return f"<Claim {self.id} {self.status}>"


class ClaimSource(db.Model):
    """One link of a claim's attribution chain."""

    __tablename__ = "claim_sources"
    __table_args__ = (
        # A source's track record over thousands of claims in one index-only scan.
        sa.Index(
            "ix_claim_sources_tally",
            "source_id",
            "claim_active",
            "rating_in_force",
            "attribution_in_force",
            "article_id",
        ),
    )

    claim_id: Mapped[int] = mapped_column(
        sa.ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True
    )
    source_id: Mapped[int] = mapped_column(sa.ForeignKey("sources.id"), primary_key=True)
    position: Mapped[int] = mapped_column(default=0)
    # Copies of what the source page counts about the claim: its article,
    # whether it is active (not withdrawn), and the rating and attribution
    # finding of its verdict in force (``Claim.approved_verdict``). Kept equal
    # to ``source_tally_values()`` in the flush of each change that can move
    # them (see ``_refresh_source_tallies``).
    article_id: Mapped[int | None] = mapped_column()
    claim_active: Mapped[bool] = mapped_column(default=True, server_default=sa.true())
    rating_in_force: Mapped[str | None] = mapped_column(sa.String(32))
    attribution_in_force: Mapped[str | None] = mapped_column(sa.String(32))

    claim: Mapped[Claim] = relationship(back_populates="source_links")
    source: Mapped[Source] = relationship(lazy="joined")


def refresh_resolution_due(connection: sa.Connection, claim_ids: sa.Select | list[int]) -> None:
    """Store ``Claim.resolution_rule()`` for these claims."""
    connection.execute(
        sa.update(Claim)
        .where(Claim.id.in_(claim_ids))
        .values(resolution_due=Claim.resolution_rule())
        .execution_options(synchronize_session=False)
    )


@sa.event.listens_for(Session, "after_flush")
def _refresh_resolution_due(session: Session, _context) -> None:
    """In the flush of a verdict, resolution or rating-level change, the
    claims it touches get their ``resolution_due`` worked out again. (A
    claim's own columns do not enter the rule, and a new claim has no
    verdict: neither is refreshed, so making many claims costs nothing here.)"""
    from factcheck.models.rating import RatingLevel
    from factcheck.models.verdict import Resolution, Verdict

    claim_ids: set[int] = set()
    slugs: set[str] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Verdict | Resolution) and obj.claim_id is not None:
            claim_ids.add(obj.claim_id)
        elif isinstance(obj, RatingLevel):
            slugs.add(obj.slug)
    if not claim_ids and not slugs:
        return
    connection = session.connection()
    if claim_ids:
        refresh_resolution_due(connection, sorted(claim_ids))
    if slugs:
        refresh_resolution_due(
            connection, sa.select(Verdict.claim_id).where(Verdict.rating.in_(slugs))
        )
    session.info.setdefault(_STALE, set()).update(claim_ids if not slugs else {"all"})


_STALE = "factcheck_resolution_due_stale"


@sa.event.listens_for(Session, "after_flush_postexec")
def _expire_resolution_due(session: Session, _context) -> None:
    """Loaded claims read the refreshed value the next time they are asked."""
    stale = session.info.pop(_STALE, set())
    if not stale:
        return
    for key, obj in list(session.identity_map.items()):
        # The id from the identity key: reading obj.id could load a row
        # another transaction has deleted meanwhile.
        if isinstance(obj, Claim) and ("all" in stale or key[1][0] in stale):
            session.expire(obj, ["resolution_due"])


# --- the source page's tally, kept on claim_sources ---------------------------


def source_tally_values() -> dict[str, sa.ScalarSelect]:
    """The tally columns of a claim_sources row, worked out from its claim
    and verdicts, as SQL correlated to the row (for an UPDATE)."""
    claim = sa.select(Claim).where(Claim.id == ClaimSource.claim_id)
    # The verdict in force, as ``Claim.approved_verdict``: the last approved
    # one that still rates the claim's words.
    in_force = (
        sa.select(Verdict)
        .where(
            Verdict.claim_id == ClaimSource.claim_id,
            Verdict.decision == VerdictDecision.APPROVED,
            Verdict.superseded_at.is_(None),
        )
        .order_by(Verdict.id.desc())
        .limit(1)
    )
    return {
        "article_id": claim.with_only_columns(Claim.article_id).scalar_subquery(),
        "claim_active": claim.with_only_columns(Claim.is_active).scalar_subquery(),
        "rating_in_force": in_force.with_only_columns(Verdict.rating).scalar_subquery(),
        "attribution_in_force": in_force.with_only_columns(
            sa.cast(Verdict.attribution, sa.String(32))
        ).scalar_subquery(),
    }


def refresh_source_tallies(connection: sa.Connection, claim_ids: sa.Select | list[int]) -> None:
    """Store ``source_tally_values()`` on every source link of these claims."""
    connection.execute(
        sa.update(ClaimSource)
        .where(ClaimSource.claim_id.in_(claim_ids))
        .values(**source_tally_values())
        .execution_options(synchronize_session=False)
    )


def _moved_tally(claim: Claim) -> bool:
    state = sa.inspect(claim)
    return any(state.attrs[name].history.has_changes() for name in ("status", "article_id"))


@sa.event.listens_for(Session, "after_flush")
def _refresh_source_tallies(session: Session, _context) -> None:
    """In the flush of a new source link, a verdict change, or a claim's
    status change (withdrawn or back), the links of the claims it touches get
    their tally columns worked out again: one UPDATE for the whole flush.
    (Every other change leaves them alone: editing a claim's words
    supersedes its verdicts, which is a verdict change.)"""
    claim_ids: set[int] = set()
    for obj in session.new:
        if isinstance(obj, ClaimSource | Verdict) and obj.claim_id is not None:
            claim_ids.add(obj.claim_id)
    for obj in (*session.dirty, *session.deleted):
        if isinstance(obj, Verdict) and obj.claim_id is not None:
            claim_ids.add(obj.claim_id)
        elif isinstance(obj, Claim) and obj in session.dirty and _moved_tally(obj):
            claim_ids.add(obj.id)
    if not claim_ids:
        return
    refresh_source_tallies(session.connection(), sorted(claim_ids))
    session.info.setdefault(_STALE_TALLY, set()).update(claim_ids)


_STALE_TALLY = "factcheck_source_tally_stale"


@sa.event.listens_for(Session, "after_flush_postexec")
def _expire_source_tallies(session: Session, _context) -> None:
    stale = session.info.pop(_STALE_TALLY, set())
    if not stale:
        return
    for key, obj in list(session.identity_map.items()):
        if isinstance(obj, ClaimSource) and key[1][0] in stale:
            session.expire(
                obj, ["article_id", "claim_active", "rating_in_force", "attribution_in_force"]
            )
