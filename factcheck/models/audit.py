from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from factcheck.extensions import db
from factcheck.models.base import created_at_column
from factcheck.models.user import User


class AuditEvent(db.Model):
    """Append-only record of every change, written by the service layer in
    the same transaction as the change it records."""

    __tablename__ = "audit_events"
    # The approvals chart and the median read events by action and time.
    __table_args__ = (sa.Index("ix_audit_events_action_created_at", "action", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    action: Mapped[str] = mapped_column(sa.String(60))
    target_type: Mapped[str] = mapped_column(sa.String(40))
    target_id: Mapped[int] = mapped_column()
    # Denormalised so an article's or claim's history is one indexed query.
    article_id: Mapped[int | None] = mapped_column(index=True)
    claim_id: Mapped[int | None] = mapped_column(index=True)
    summary: Mapped[str] = mapped_column(sa.Text, default="")
    before: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)
    created_at: Mapped[datetime] = created_at_column()

    actor: Mapped[User | None] = relationship()

    @property
    def actor_name(self) -> str:
        return self.actor.name if self.actor else "system"
