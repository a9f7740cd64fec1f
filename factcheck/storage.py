"""Where uploaded evidence files live: one small interface, two stores.

- ``DatabaseStore`` keeps each file in the ``stored_files`` table: every app
  server sees it, it is written in the same transaction as the evidence row
  that names it (a crash leaves no orphan and no row without its file), and
  a database backup holds it. The default on PostgreSQL.
- ``FolderStore`` keeps files in UPLOAD_FOLDER, for the embedded SQLite
  default: a file is written (and fsynced) inside the transaction and
  removed again if that transaction does not commit.

Another store (an S3-compatible bucket, say) implements the same three
methods and is chosen in ``file_store``.
"""

import os
from pathlib import Path
from typing import Protocol

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import Session, SessionTransaction

from factcheck.extensions import db
from factcheck.models import StoredFile


class FileStore(Protocol):
    def save(self, name: str, data: bytes) -> None:
        """Keep data under a new name, as part of the session's transaction."""

    def read(self, name: str) -> bytes:
        """The file's bytes; FileNotFoundError when there is none."""

    def names(self) -> set[str]:
        """Every name held (for backups and checks)."""


def _valid(name: str) -> bool:
    return bool(name) and name.isascii() and name.isalnum()


class DatabaseStore:
    def save(self, name: str, data: bytes) -> None:
        db.session.add(StoredFile(name=name, size=len(data), data=data))
        db.session.flush()

    def read(self, name: str) -> bytes:
        data = db.session.scalar(sa.select(StoredFile.data).where(StoredFile.name == name))
        if data is None:
            raise FileNotFoundError(name)
        return bytes(data)

    def names(self) -> set[str]:
        return set(db.session.scalars(sa.select(StoredFile.name)))


# Files written in the session's current transaction, removed unless it commits.
_NEW_FILES = "factcheck.storage.new_files"


class FolderStore:
    def __init__(self, folder: str) -> None:
        self.folder = Path(folder)

    def path(self, name: str) -> Path:
        if not _valid(name):
            raise FileNotFoundError(name)
        return self.folder / name

    def save(self, name: str, data: bytes) -> None:
        """Write durably (on disk before the row can commit)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.path(name)
        with path.open("xb") as out:  # never over an existing file
            # ours from here on: removed again if the transaction does not commit
            db.session.info.setdefault(_NEW_FILES, []).append(path)
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if hasattr(os, "O_DIRECTORY"):
            folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)

    def read(self, name: str) -> bytes:
        return self.path(name).read_bytes()

    def names(self) -> set[str]:
        if not self.folder.is_dir():
            return set()
        return {p.name for p in self.folder.iterdir() if p.is_file() and _valid(p.name)}


def _keep_new_files(session: Session) -> None:
    if not session.in_nested_transaction():  # a savepoint released is not a commit
        session.info.pop(_NEW_FILES, None)


def _discard_new_files(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is not None:
        return
    for path in session.info.pop(_NEW_FILES, []):
        path.unlink(missing_ok=True)


# Kept first among after_commit listeners, so no other listener's failure
# can make a committed file look uncommitted.
if not sa.event.contains(Session, "after_commit", _keep_new_files):
    sa.event.listen(Session, "after_commit", _keep_new_files, insert=True)
if not sa.event.contains(Session, "after_transaction_end", _discard_new_files):
    sa.event.listen(Session, "after_transaction_end", _discard_new_files)


def storage_kind() -> str:
    """UPLOAD_STORAGE, or by default the database on PostgreSQL, else the folder."""
    kind = current_app.config.get("UPLOAD_STORAGE") or (
        "database" if db.engine.dialect.name == "postgresql" else "folder"
    )
    if kind not in ("database", "folder"):
        raise RuntimeError(f"UPLOAD_STORAGE must be 'database' or 'folder', not {kind!r}")
    return kind


def file_store() -> FileStore:
    if storage_kind() == "database":
        return DatabaseStore()
    return FolderStore(current_app.config["UPLOAD_FOLDER"])
