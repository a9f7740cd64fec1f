"""``flask backup PATH`` and ``flask restore PATH``.

A backup is a folder holding the database and every uploaded evidence file
the database refers to, with a manifest of checksums (files kept in the
database itself, as on PostgreSQL, travel inside the database copy)::

    PATH/
      manifest.json      format, engine, database file and the sha256 and
                         size of the database file and of every upload,
                         signed with HMAC-SHA256 under BACKUP_KEY
      database.sqlite    SQLite: a consistent copy through the online backup
                         API (safe while the app is serving)
      database.json      PostgreSQL: a portable JSON dump of every table,
                         read in one REPEATABLE READ snapshot
      uploads/<stored name>   each file an evidence row refers to

Only the owner may read a backup (folders 0700, files 0600).

The database is copied first, then the files its evidence rows name (files
are written before their row commits and never changed, so every one is
there). A backup is written under a temporary name and renamed into place
when complete; a file the database names that is missing from UPLOAD_FOLDER
fails the backup.

``restore`` checks everything before it touches anything: the manifest's
signature (so nobody without the key can swap a file and its checksum), the
checksum of the database file and of every upload, and that every file the
database names is in the backup; a symlink anywhere in the backup is
refused. It then refuses a target database that
holds work or an upload folder that is not empty, copies the files, then
loads the database (removing the copied files again if that fails).
Production PostgreSQL should still use pg_dump / pg_restore plus a copy of
UPLOAD_FOLDER; this gives a copy any install of the app can read.
"""

import base64
import enum
import hashlib
import hmac
import json
import os
import secrets
import shutil
import sqlite3
import stat
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

import click
import sqlalchemy as sa
from flask import Flask, current_app

from factcheck.extensions import db

FORMAT = "factcheck-backup"
FORMAT_VERSION = 3  # 1: one database file, no uploads; 2: unsigned manifest
MANIFEST = "manifest.json"
UPLOADS = "uploads"
DATABASE_FILES = {"sqlite": "database.sqlite", "postgresql": "database.json"}
_CHUNK = 1024 * 1024
SIGNATURE = "signature"


# Prepared exports are copies of the data, kept a day: not worth a backup's
# room (a year's activity CSV is hundreds of megabytes). Their rows and files
# stay out of it.
EXPORTS = "data_exports"
_FILE_TABLES = ("stored_files", "stored_file_parts")


class BackupError(click.ClickException):
    pass


def _revision(conn: sa.Connection) -> str | None:
    try:
        return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    except sa.exc.DatabaseError:
        return None


# A fresh database may hold reference data its migrations seeded (the rating
# scale); it is fresh while nobody has an account and nothing happened.
_WORK_TABLES = ("users", "audit_events")


def _is_fresh(conn: sa.Connection) -> bool:
    tables = db.metadata.tables
    return all(
        conn.execute(sa.select(sa.func.count()).select_from(tables[name])).scalar() == 0
        for name in _WORK_TABLES
    )


# --- SQLite -----------------------------------------------------------------


def _sqlite_file(engine: sa.Engine) -> str:
    name = engine.url.database
    if not name or name == ":memory:":
        raise BackupError("An in-memory SQLite database cannot be backed up.")
    return name


def _sqlite_backup(path: Path) -> list[tuple[int, str]]:
    """Copy the live database to path; returns the uploads its evidence names."""
    engine = db.engine
    _sqlite_file(engine)
    _private_file(path).close()  # sqlite writes into it, keeping its mode
    source = engine.raw_connection()
    try:
        target = sqlite3.connect(path)
        try:
            source.driver_connection.backup(target)
            _drop_exports(target)
            target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            target.close()
    finally:
        source.close()
    return _sqlite_inspect(path)[1]


def _drop_exports(copy: sqlite3.Connection) -> None:
    """Prepared exports out of a SQLite copy, as out of a JSON dump."""
    for table in _FILE_TABLES:
        copy.execute(f"DELETE FROM {table} WHERE name IN (SELECT token FROM {EXPORTS})")
    copy.execute(f"DELETE FROM {EXPORTS}")
    copy.commit()


def _sqlite_inspect(path: Path) -> tuple[str | None, list[tuple[int, str]]]:
    """The schema revision of a SQLite backup and the uploads it names."""
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        revision = source.execute("SELECT version_num FROM alembic_version").fetchone()
        uploads = source.execute(
            "SELECT id, stored_name FROM evidence WHERE stored_name <> '' "
            "AND stored_name NOT IN (SELECT name FROM stored_files) ORDER BY id"
        ).fetchall()
    except sqlite3.DatabaseError:
        raise BackupError(f"{path} is not a Factcheck desk SQLite backup.") from None
    finally:
        source.close()
    return (revision[0] if revision else None), [tuple(row) for row in uploads]


def _sqlite_restore(path: Path) -> None:
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        db.session.remove()
        engine = db.engine
        engine.dispose()
        target = engine.raw_connection()
        try:
            source.backup(target.driver_connection)
        finally:
            target.close()
        engine.dispose()
    finally:
        source.close()


# --- portable JSON (PostgreSQL) ------------------------------------------------


def _encode(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode()
    return value


def _decoder(column: sa.Column):
    kind = column.type
    if isinstance(kind, sa.types.TypeDecorator):  # UTCDateTime: what it stores
        kind = kind.impl_instance
    if isinstance(kind, sa.DateTime):
        return datetime.fromisoformat
    if isinstance(kind, sa.Date):
        return date.fromisoformat
    if isinstance(kind, sa.LargeBinary):
        return base64.b64decode
    return None


def _json_backup(path: Path) -> list[tuple[int, str]]:
    """Dump every table to path; returns the uploads its evidence names."""
    tables = {}
    # One REPEATABLE READ transaction: every table as of one moment, so a
    # claim written during the backup never arrives without its article.
    snapshot = db.engine.connect().execution_options(
        isolation_level="REPEATABLE READ", postgresql_readonly=True
    )
    with snapshot as conn, conn.begin():
        revision = _revision(conn)
        for table in db.metadata.sorted_tables:
            if table.name == EXPORTS:
                continue
            query = sa.select(table).order_by(*table.primary_key.columns)
            if table.name in _FILE_TABLES:  # prepared exports stay out (below)
                exported = sa.select(db.metadata.tables[EXPORTS].c.token)
                query = query.where(table.c.name.not_in(exported))
            rows = conn.execute(query)
            tables[table.name] = [
                {key: _encode(value) for key, value in row._mapping.items()} for row in rows
            ]
    document = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "alembic_revision": revision,
        "created_at": datetime.now().astimezone().isoformat(),
        "tables": tables,
    }
    with _private_file(path) as out:
        out.write(json.dumps(document, ensure_ascii=False).encode())
    return _json_uploads(document)


def _json_load(path: Path) -> dict:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise BackupError(f"{path} is not a Factcheck desk backup ({err}).") from None
    if (
        not isinstance(document, dict)
        or document.get("format") != FORMAT
        or not isinstance(document.get("tables"), dict)
    ):
        raise BackupError(f"{path} is not a Factcheck desk backup.")
    return document


def _json_uploads(document: dict) -> list[tuple[int, str]]:
    """The files evidence names that are not held in the database itself."""
    in_database = {row.get("name") for row in document["tables"].get("stored_files") or []}
    rows = document["tables"].get("evidence") or []
    return [
        (row.get("id"), row["stored_name"])
        for row in rows
        if row.get("stored_name") and row["stored_name"] not in in_database
    ]


def _json_restore(document: dict) -> None:
    tables = document["tables"]
    with db.engine.begin() as conn:
        for table in reversed(db.metadata.sorted_tables):
            if table.name != "audit_events":  # empty: checked above
                conn.execute(table.delete())  # seeded reference data, replaced below
        for table in db.metadata.sorted_tables:
            rows = tables.get(table.name, [])
            decoders = {c.name: _decoder(c) for c in table.columns}
            decoded = [
                {
                    key: (
                        decoders[key](value) if decoders.get(key) and value is not None else value
                    )
                    for key, value in row.items()
                    if key in decoders
                }
                for row in rows
            ]
            if decoded:
                conn.execute(table.insert(), decoded)
        if conn.dialect.name == "postgresql":
            for table in db.metadata.sorted_tables:
                if "id" in table.columns and table.columns["id"].autoincrement in (True, "auto"):
                    conn.execute(
                        sa.text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                            f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
                        )
                    )


def _check_target(revision: str | None) -> None:
    with db.engine.connect() as conn:
        current = _revision(conn)
        if current is None:
            raise BackupError("The target database is not migrated: run `flask db upgrade` first.")
        if revision != current:
            raise BackupError(
                f"The backup is of schema revision {revision}, the database is at {current}. "
                "Restore with the app version that made the backup, then upgrade."
            )
        if not _is_fresh(conn):
            raise BackupError(
                "The target database has data. Restore into a fresh, migrated database."
            )


# --- uploaded files -------------------------------------------------------------


def _valid_name(name: object) -> bool:
    """Stored names are random hex tokens; anything else never names a file."""
    return isinstance(name, str) and name.isascii() and name.isalnum()


def _read_through(src: BinaryIO, out: BinaryIO | None = None) -> tuple[str, int]:
    """(sha256, size) of what src holds, written on to out if given."""
    digest, size = hashlib.sha256(), 0
    while chunk := src.read(_CHUNK):
        digest.update(chunk)
        size += len(chunk)
        if out is not None:
            out.write(chunk)
    return digest.hexdigest(), size


def _private_file(path: Path) -> BinaryIO:
    """A new file only its owner may read or write, never through a symlink."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
    return os.fdopen(os.open(path, flags, 0o600), "wb")


def _open_plain(path: Path) -> BinaryIO:
    """path for reading if it is a regular file; a symlink is refused."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise BackupError(f"{path} is not a regular file.")
    return os.fdopen(fd, "rb")


def _is_plain(path: Path, kind=stat.S_ISREG) -> bool:
    """path is a regular file (or, with kind=stat.S_ISDIR, a folder) and
    not a symlink to one."""
    try:
        return kind(path.lstat().st_mode)
    except OSError:
        return False


def _copy(source: Path, target: Path) -> tuple[str, int]:
    """Copy source to a new file target, durably; returns (sha256, size)."""
    with _open_plain(source) as src, _private_file(target) as out:
        try:
            checksum = _read_through(src, out)
            out.flush()
            os.fsync(out.fileno())
        except BaseException:
            target.unlink(missing_ok=True)  # ours: created above
            raise
    return checksum


def _checksum(path: Path) -> tuple[str, int]:
    with _open_plain(path) as src:
        return _read_through(src)


def _upload_folder() -> Path:
    return Path(current_app.config["UPLOAD_FOLDER"])


def _copy_uploads(uploads: Iterable[tuple[int, str]], target: Path) -> dict[str, dict]:
    source = _upload_folder()
    target.mkdir(mode=0o700)
    files, missing = {}, []
    for evidence_id, name in uploads:
        if not _valid_name(name) or not _is_plain(source / name):
            missing.append(f"evidence {evidence_id} ({name})")
            continue
        if name not in files:
            sha256, size = _copy(source / name, target / name)
            files[name] = {"sha256": sha256, "size": size}
    if missing:
        raise BackupError(
            f"No backup written: {len(missing)} uploaded file(s) the database refers to "
            f"are missing from {source}: {', '.join(missing)}."
        )
    return files


# --- the signed manifest --------------------------------------------------------
# The manifest holds the checksum of every other file, so its HMAC (keyed with
# BACKUP_KEY, kept apart from the backups) vouches for the whole backup.

MIN_KEY_LENGTH = 32


def _backup_key() -> bytes:
    key = current_app.config.get("BACKUP_KEY") or ""
    if len(key) < MIN_KEY_LENGTH:
        raise BackupError(
            f"Set BACKUP_KEY to a random secret of at least {MIN_KEY_LENGTH} characters "
            "(python3 -c 'import secrets; print(secrets.token_hex(32))') and keep it apart "
            "from the backups: backups are signed with it, and restore checks the signature."
        )
    return key.encode()


def _signature(manifest: dict, key: bytes) -> str:
    unsigned = {k: v for k, v in manifest.items() if k != SIGNATURE}
    canonical = json.dumps(unsigned, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hmac.new(key, canonical.encode(), hashlib.sha256).hexdigest()


def sign_manifest(manifest: dict) -> dict:
    """manifest with its HMAC-SHA256 under BACKUP_KEY."""
    value = _signature(manifest, _backup_key())
    return {**manifest, SIGNATURE: {"algorithm": "HMAC-SHA256", "value": value}}


def _check_signature(path: Path, manifest: dict) -> None:
    signed = manifest.get(SIGNATURE)
    value = signed.get("value") if isinstance(signed, dict) else None
    expected = _signature(manifest, _backup_key())
    if not isinstance(value, str) or not hmac.compare_digest(value, expected):
        raise BackupError(
            f"Nothing restored: the manifest of {path} does not carry a valid signature for "
            "this BACKUP_KEY. It was changed after the backup was written, or written with "
            "another key."
        )


def _verify(path: Path) -> tuple[dict, Path]:
    """Check a backup folder against its manifest; returns (manifest, database file)."""
    if path.is_symlink():
        raise BackupError(f"{path} is a symlink; give the backup folder itself.")
    if path.is_file():
        raise BackupError(
            f"{path} is not a Factcheck desk backup: a backup is the folder `flask backup` "
            f"writes ({MANIFEST}, the database and {UPLOADS}/)."
        )
    if not path.is_dir():
        raise BackupError(f"No backup at {path}.")
    if not _is_plain(path / MANIFEST):
        raise BackupError(f"{path} is not a Factcheck desk backup: it has no {MANIFEST}.")
    try:
        with _open_plain(path / MANIFEST) as src:
            manifest = json.loads(src.read().decode("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise BackupError(f"{path} is not a Factcheck desk backup ({err}).") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is not a Factcheck desk backup.")
    if manifest.get("version") != FORMAT_VERSION:
        raise BackupError(
            f"{path} is a backup in format version {manifest.get('version')}; "
            f"this version of the app reads version {FORMAT_VERSION}."
        )
    _check_signature(path, manifest)
    engine = db.engine.dialect.name
    if manifest.get("engine") != engine:
        raise BackupError(
            f"{path} is a backup of a {manifest.get('engine')} database; "
            f"this app runs on {engine}. Restore it into a {manifest.get('engine')} database."
        )
    database, files = manifest.get("database"), manifest.get("uploads")
    if not isinstance(database, dict) or not isinstance(files, dict):
        raise BackupError(f"{path} is not a Factcheck desk backup (its manifest is incomplete).")

    if files and not _is_plain(path / UPLOADS, stat.S_ISDIR):
        raise BackupError(_refusal(path, [f"{UPLOADS}/ is a symlink or not a folder"]))
    problems = []
    database_file = path / DATABASE_FILES[engine]
    if not _is_plain(database_file):
        problems.append(f"the database file {database_file.name} is missing or a symlink")
    elif _checksum(database_file) != (database.get("sha256"), database.get("size")):
        problems.append(f"the database file {database_file.name} has changed")
    for name, expected in sorted(files.items()):
        file = path / UPLOADS / name
        if not _valid_name(name) or not isinstance(expected, dict):
            problems.append(f"the manifest names a file {name!r} a backup never holds")
        elif not _is_plain(file):
            problems.append(f"{UPLOADS}/{name} is missing or a symlink")
        elif _checksum(file) != (expected.get("sha256"), expected.get("size")):
            problems.append(f"{UPLOADS}/{name} has changed (checksum or size differs)")
    if problems:
        raise BackupError(_refusal(path, problems))
    return manifest, database_file


def _refusal(path: Path, problems: list[str]) -> str:
    shown = "; ".join(problems[:10]) + (
        f"; and {len(problems) - 10} more" if len(problems) > 10 else ""
    )
    return f"Nothing restored: the backup at {path} is incomplete or damaged: {shown}."


def _check_uploads_complete(path: Path, manifest: dict, uploads: list[tuple[int, str]]) -> None:
    absent = [
        f"evidence {evidence_id} ({name})"
        for evidence_id, name in uploads
        if name not in manifest["uploads"]
    ]
    if absent:
        raise BackupError(_refusal(path, [f"no file in {UPLOADS}/ for {item}" for item in absent]))


def _check_upload_folder() -> Path:
    folder = _upload_folder()
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise BackupError(
            f"The upload folder {folder} is not empty. Restore into an empty UPLOAD_FOLDER."
        )
    return folder


# --- commands -----------------------------------------------------------------


def backup(path: Path) -> None:
    if path.exists():
        raise BackupError(f"{path} exists; choose a new name.")
    if not path.parent.is_dir():
        raise BackupError(f"There is no folder {path.parent} to write the backup in.")
    engine = db.engine.dialect.name
    if engine == "sqlite":
        _sqlite_file(db.engine)
    _backup_key()  # no key, no backup: refuse before writing anything
    work = path.with_name(f".{path.name}.partial-{secrets.token_hex(4)}")
    work.mkdir(mode=0o700)  # the owner only, like every file in it
    try:
        database_file = work / DATABASE_FILES[engine]
        uploads = (_sqlite_backup if engine == "sqlite" else _json_backup)(database_file)
        files = _copy_uploads(uploads, work / UPLOADS)
        sha256, size = _checksum(database_file)
        manifest = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "created_at": datetime.now().astimezone().isoformat(),
            "engine": engine,
            "database": {"file": database_file.name, "sha256": sha256, "size": size},
            "uploads": files,
        }
        with _private_file(work / MANIFEST) as out:
            out.write(json.dumps(sign_manifest(manifest), indent=1).encode())
        work.rename(path)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


def restore(path: Path) -> None:
    manifest, database_file = _verify(path)
    if db.engine.dialect.name == "sqlite":
        revision, uploads = _sqlite_inspect(database_file)
        document = None
    else:
        document = _json_load(database_file)
        revision, uploads = document.get("alembic_revision"), _json_uploads(document)
    _check_uploads_complete(path, manifest, uploads)
    _check_target(revision)
    folder = _check_upload_folder()

    folder.mkdir(parents=True, exist_ok=True)
    copied = []
    try:
        for name, expected in sorted(manifest["uploads"].items()):
            checksum = _copy(path / UPLOADS / name, folder / name)
            copied.append(folder / name)
            if checksum != (expected["sha256"], expected["size"]):
                raise BackupError(_refusal(path, [f"{UPLOADS}/{name} changed while restoring"]))
        if document is None:
            _sqlite_restore(database_file)
        else:
            _json_restore(document)
    except BaseException:
        for file in copied:
            file.unlink(missing_ok=True)
        raise
    _pages_out_of_date()


def _pages_out_of_date() -> None:
    """The restore wrote past the ORM: pages kept of the empty database
    (servers may already run against it) are out of date."""
    from redis.exceptions import RedisError

    from factcheck import caching

    if caching.enabled():
        try:
            caching.newsroom_changed()
        except RedisError as error:
            click.echo(f"Kept pages expire within a minute (Redis: {error}).", err=True)


@click.command("backup")
@click.argument("path", type=click.Path(path_type=Path))
def backup_command(path: Path) -> None:
    """Remove orphan uploads (as `flask sweep-uploads`), then write the
    database and every uploaded evidence file to a new folder PATH."""
    from factcheck.services.evidence import sweep_orphan_files

    swept = sweep_orphan_files()
    if swept:
        click.echo(f"Removed {len(swept)} orphan upload(s) first: {', '.join(swept)}.")
    backup(path)
    click.echo(f"Backup written to {path}.")


@click.command("restore")
@click.argument("path", type=click.Path(path_type=Path))
def restore_command(path: Path) -> None:
    """Load a backup folder made by `flask backup` into a fresh, migrated
    database and an empty upload folder."""
    restore(path)
    click.echo(f"Restored {path}.")


def init_app(app: Flask) -> None:
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)
