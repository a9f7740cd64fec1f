from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from factcheck.extensions import db
from factcheck.models.article import Article
from factcheck.models.base import StrEnum, UTCDateTime, created_at_column, enum_column
from factcheck.models.claim import Claim
from factcheck.models.user import User


class NotificationKind(StrEnum):
    ASSIGNED = "assigned"
    RETURNED = "returned"
    APPROVED = "approved"
    REVIEW_WAITING = "review_waiting"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    SIGNED_OFF = "signed_off"
    SIGNOFF_VOIDED = "signoff_voided"
    MENTIONED = "mentioned"
    WORDS_CHANGED = "words_changed"


class Notification(db.Model):
    """One message in a person's inbox. The dedupe key names the event it
    reports, so each event reaches each person once."""

    __tablename__ = "notifications"
    __table_args__ = (
        sa.UniqueConstraint("recipient_id", "dedupe_key", name="uq_notifications_recipient_key"),
        sa.Index("ix_notifications_recipient_unread", "recipient_id", "read_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[NotificationKind] = enum_column(NotificationKind)
    claim_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("claims.id", ondelete="CASCADE"), index=True
    )
    article_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    message: Mapped[str] = mapped_column(sa.Text)
    dedupe_key: Mapped[str] = mapped_column(sa.String(200))
    created_at: Mapped[datetime] = created_at_column()
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Set when the task it announced is done, for everyone it went to
    # ("approved by Morgan Manager"); a done notification is no longer new.
    done_note: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    # Set by the email job once the message is handed to the mail server.
    emailed_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))

    recipient: Mapped[User] = relationship()
    claim: Mapped[Claim | None] = relationship()
    article: Mapped[Article | None] = relationship()

    @property
    def is_done(self) -> bool:
        return bool(self.done_note)

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    def __repr__(self) -> str:
        return f"<Notification {self.kind} to {self.recipient_id}>"
