"""Where uploaded evidence files live: one small interface, two stores.

- ``DatabaseStore`` keeps each file in the ``stored_files`` table: every app
  server sees it, it is written in the same transaction as the evidence row
  that names it (a crash leaves no orphan and no row without its file), and
  a database backup holds it. The default on PostgreSQL.
- ``FolderStore`` keeps files in UPLOAD_FOLDER, for the embedded SQLite
  default: a file is written (and fsynced) inside the transaction and
  removed again if that transaction does not commit.

A large file (a prepared export) is written from an iterable of chunks with
``save_stream`` and read back with ``stream``, so neither end holds it whole
in memory: the database store keeps it in parts of about a megabyte.

Another store (an S3-compatible bucket, say, with a multipart upload for
``save_stream``) implements the same methods and is chosen in
``file_store`` / ``export_store``.
"""

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import Session, SessionTransaction

from factcheck.extensions import db
from factcheck.models import StoredFile, StoredFilePart

PART_SIZE = 1024 * 1024  # a part of a file written in parts (database store)


class FileStore(Protocol):
    def save(self, name: str, data: bytes) -> None:
        """Keep data under a new name, as part of the session's transaction."""

    def read(self, name: str) -> bytes:
        """The file's bytes; FileNotFoundError when there is none."""

    def names(self) -> set[str]:
        """Every name held (for backups and checks)."""

    def save_stream(self, name: str, chunks: Iterable[bytes]) -> int:
        """Keep the chunks, in order, as one file under a new name, as part of
        the session's transaction, never holding the whole; returns its size."""

    def stream(self, name: str) -> Iterator[bytes]:
        """The file's bytes a part at a time; FileNotFoundError when there is none."""

    def delete(self, name: str) -> None:
        """Remove the file, if there is one (with the session's transaction)."""


def _parts(chunks: Iterable[bytes], size: int | None = None) -> Iterator[bytes]:
    """The chunks joined into parts of ``size`` bytes (the last one shorter)."""
    size = size or PART_SIZE
    pending, held = [], 0
    for chunk in chunks:
        pending.append(chunk)
        held += len(chunk)
        if held >= size:
            joined = b"".join(pending)
            for start in range(0, len(joined) - size + 1, size):
                yield joined[start : start + size]
            rest = joined[len(joined) - len(joined) % size :]
            pending, held = [rest], len(rest)
    if held:
        yield b"".join(pending)


def _valid(name: str) -> bool:
    return bool(name) and name.isascii() and name.isalnum()


class DatabaseStore:
    def save(self, name: str, data: bytes) -> None:
        db.session.add(StoredFile(name=name, size=len(data), data=data))
        db.session.flush()

    def read(self, name: str) -> bytes:
        return b"".join(self.stream(name))

    def names(self) -> set[str]:
        return set(db.session.scalars(sa.select(StoredFile.name)))

    def save_stream(self, name: str, chunks: Iterable[bytes]) -> int:
        db.session.add(StoredFile(name=name, size=0, data=b""))
        db.session.flush()
        size = 0
        # Core inserts: no object per part stays in the session.
        insert = sa.insert(StoredFilePart)
        for seq, part in enumerate(_parts(chunks)):
            db.session.execute(insert, {"name": name, "seq": seq, "data": part})
            size += len(part)
        db.session.execute(sa.update(StoredFile).where(StoredFile.name == name).values(size=size))
        return size

    def stream(self, name: str) -> Iterator[bytes]:
        row = db.session.execute(
            sa.select(StoredFile.data, StoredFile.size).where(StoredFile.name == name)
        ).first()
        if row is None:
            raise FileNotFoundError(name)
        head = bytes(row.data)
        if len(head) == row.size:  # a file saved whole: one query
            return iter([head])
        return self._parts(name)

    def _parts(self, name: str) -> Iterator[bytes]:
        part = sa.select(StoredFilePart.data).where(StoredFilePart.name == name)
        seq = 0
        # One part a query: a reader that stops leaves no cursor open.
        while (data := db.session.scalar(part.where(StoredFilePart.seq == seq))) is not None:
            yield bytes(data)
            seq += 1

    def delete(self, name: str) -> None:
        db.session.execute(sa.delete(StoredFilePart).where(StoredFilePart.name == name))
        db.session.execute(sa.delete(StoredFile).where(StoredFile.name == name))


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
        self.save_stream(name, [data])

    def save_stream(self, name: str, chunks: Iterable[bytes]) -> int:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.path(name)
        size = 0
        with path.open("xb") as out:  # never over an existing file
            # ours from here on: removed again if the transaction does not commit
            db.session.info.setdefault(_NEW_FILES, []).append(path)
            for chunk in chunks:
                out.write(chunk)
                size += len(chunk)
            out.flush()
            os.fsync(out.fileno())
        if hasattr(os, "O_DIRECTORY"):
            folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)
        return size

    def read(self, name: str) -> bytes:
        return self.path(name).read_bytes()

    def stream(self, name: str) -> Iterator[bytes]:
        handle = self.path(name).open("rb")  # FileNotFoundError now, not when first read
        return self._stream(handle)

    @staticmethod
    def _stream(handle) -> Iterator[bytes]:
        with handle:
            while chunk := handle.read(PART_SIZE):
                yield chunk

    def delete(self, name: str) -> None:
        self.path(name).unlink(missing_ok=True)

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


EXPORTS_SUBFOLDER = "exports"


def export_store() -> FileStore:
    """Where prepared exports live: the same store as uploads (the database
    on PostgreSQL), or the ``exports`` folder inside UPLOAD_FOLDER, apart
    from the uploads (the upload sweep looks at the folder's own files only)."""
    if storage_kind() == "database":
        return DatabaseStore()
    return FolderStore(str(Path(current_app.config["UPLOAD_FOLDER"]) / EXPORTS_SUBFOLDER))
