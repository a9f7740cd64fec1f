from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from factcheck.extensions import db
from factcheck.models.base import StrEnum, UTCDateTime, created_at_column, enum_column
from factcheck.models.claim import Claim
from factcheck.models.user import User


class Stance(StrEnum):
    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    CONTEXT = "context"


# How a contact was made: the value stored, and its label.
CONTACT_METHODS = {
    "phone": "Phone",
    "email": "Email",
    "message": "Message",
    "in_person": "In person",
    "other": "Other",
}


class ContactOutcome(StrEnum):
    AWAITING = "awaiting"
    ANSWERED = "answered"
    DECLINED = "declined"
    NO_REPLY = "no_reply"

    @property
    def label(self) -> str:
        return {"awaiting": "no answer yet", "no_reply": "no reply"}.get(self.value, self.value)


class Evidence(db.Model):
    """A URL, an uploaded file or a note that bears on a claim."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(
        sa.ForeignKey("claims.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(sa.String(300))
    url: Mapped[str] = mapped_column(sa.String(2000), default="")
    excerpt: Mapped[str] = mapped_column(sa.Text, default="")
    note: Mapped[str] = mapped_column(sa.Text, default="")
    stance: Mapped[Stance] = enum_column(Stance)
    accessed_on: Mapped[date | None] = mapped_column(sa.Date)
    # Uploaded file: stored under a random name, served as an attachment.
    file_name: Mapped[str] = mapped_column(sa.String(255), default="")
    stored_name: Mapped[str] = mapped_column(sa.String(64), default="")
    mime_type: Mapped[str] = mapped_column(sa.String(100), default="")
    file_size: Mapped[int] = mapped_column(default=0)
    added_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = created_at_column()

    claim: Mapped[Claim] = relationship(back_populates="evidence")
    added_by: Mapped[User] = relationship()


class ContactAttempt(db.Model):
    __tablename__ = "contact_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(
        sa.ForeignKey("claims.id", ondelete="CASCADE"), index=True
    )
    contact: Mapped[str] = mapped_column(sa.String(200))
    method: Mapped[str] = mapped_column(sa.String(40))
    contacted_at: Mapped[datetime] = mapped_column(UTCDateTime())
    answer: Mapped[str] = mapped_column(sa.Text, default="")
    # Updated when the answer comes in (or does not): what they said is the answer.
    outcome: Mapped[ContactOutcome] = enum_column(
        ContactOutcome, default=ContactOutcome.AWAITING, server_default="awaiting"
    )
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    logged_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = created_at_column()

    claim: Mapped[Claim] = relationship(back_populates="contacts")
    logged_by: Mapped[User] = relationship()


class Comment(db.Model):
    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(
        sa.ForeignKey("claims.id", ondelete="CASCADE"), index=True
    )
    body: Mapped[str] = mapped_column(sa.Text)
    author_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = created_at_column()

    claim: Mapped[Claim] = relationship(back_populates="comments")
    author: Mapped[User] = relationship()
