from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from factcheck.extensions import db
from factcheck.models.base import created_at_column


class StoredFile(db.Model):
    """An uploaded file kept in the database (the storage every app server
    shares on PostgreSQL), written in the transaction of the row naming it.
    A file written in parts (``save_stream``: a prepared export can be
    hundreds of megabytes) keeps its bytes in ``stored_file_parts`` instead,
    so neither writing nor reading it holds it whole in memory."""

    __tablename__ = "stored_files"

    name: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    size: Mapped[int]
    data: Mapped[bytes] = mapped_column(sa.LargeBinary, deferred=True)
    created_at: Mapped[datetime] = created_at_column()


class StoredFilePart(db.Model):
    """One part (about a megabyte) of a file written in parts, in order."""

    __tablename__ = "stored_file_parts"

    name: Mapped[str] = mapped_column(
        sa.String(64), sa.ForeignKey("stored_files.name", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    data: Mapped[bytes] = mapped_column(sa.LargeBinary)
