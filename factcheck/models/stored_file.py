from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from factcheck.extensions import db
from factcheck.models.base import created_at_column


class StoredFile(db.Model):
    """An uploaded file kept in the database (the storage every app server
    shares on PostgreSQL), written in the transaction of the row naming it."""

    __tablename__ = "stored_files"

    name: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    size: Mapped[int]
    data: Mapped[bytes] = mapped_column(sa.LargeBinary, deferred=True)
    created_at: Mapped[datetime] = created_at_column()
