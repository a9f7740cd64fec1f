from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from factcheck.extensions import db
from factcheck.models.base import UTCDateTime, created_at_column
from factcheck.models.user import User


class DataExport(db.Model):
    """A CSV prepared by a background job (the newsroom's activity, all
    claims): the row is written in the job's transaction together with the
    whole file, so a row means a complete file. Swept once it expires."""

    __tablename__ = "data_exports"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Random letters and digits: the page's address, the job's id and the
    # stored file's name.
    token: Mapped[str] = mapped_column(sa.String(64), unique=True)
    kind: Mapped[str] = mapped_column(sa.String(20))
    filters: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    requested_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime] = created_at_column()
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    filename: Mapped[str] = mapped_column(sa.String(100))
    rows: Mapped[int]
    size: Mapped[int] = mapped_column(sa.BigInteger)

    requested_by: Mapped[User | None] = relationship(lazy="joined")

    @property
    def rows_label(self) -> str:
        """'977,000 events', '1 claim'."""
        noun = "event" if self.kind == "activity" else "claim"
        return f"{self.rows:,} {noun}{'' if self.rows == 1 else 's'}"
