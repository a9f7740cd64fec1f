"""``flask backup PATH`` and ``flask restore PATH``.

SQLite: a consistent copy of the live database file through SQLite's online
backup API (safe while the app is serving). PostgreSQL: a portable JSON dump
of every table in dependency order, restored into a fresh, migrated
database; production should still use pg_dump / pg_restore, this gives a
copy any install of the app can read. Uploaded files live in UPLOAD_FOLDER
and are copied separately (they are plain files under random names).
"""

import base64
import enum
import json
import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click
import sqlalchemy as sa
from flask import Flask

from factcheck.extensions import db

FORMAT = "factcheck-backup"
FORMAT_VERSION = 1


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


def _sqlite_backup(path: Path) -> None:
    engine = db.engine
    _sqlite_file(engine)
    source = engine.raw_connection()
    try:
        target = sqlite3.connect(path)
        try:
            source.driver_connection.backup(target)
        finally:
            target.close()
    finally:
        source.close()


def _sqlite_restore(path: Path) -> None:
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        try:
            revision = source.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.DatabaseError:
            raise BackupError(f"{path} is not a Factcheck desk SQLite backup.") from None
        _check_target(revision[0] if revision else None)
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
    if isinstance(kind, sa.DateTime):
        return datetime.fromisoformat
    if isinstance(kind, sa.Date):
        return date.fromisoformat
    if isinstance(kind, sa.LargeBinary):
        return base64.b64decode
    return None


def _json_backup(path: Path) -> None:
    tables = {}
    with db.engine.connect() as conn:
        revision = _revision(conn)
        for table in db.metadata.sorted_tables:
            rows = conn.execute(sa.select(table).order_by(*table.primary_key.columns))
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
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


def _json_restore(path: Path) -> None:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise BackupError(f"{path} is not a Factcheck desk backup ({err}).") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BackupError(f"{path} is not a Factcheck desk backup.")
    _check_target(document.get("alembic_revision"))
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


# --- commands -----------------------------------------------------------------


def backup(path: Path) -> None:
    if path.exists():
        raise BackupError(f"{path} exists; choose a new file name.")
    if db.engine.dialect.name == "sqlite":
        _sqlite_backup(path)
    else:
        _json_backup(path)


def restore(path: Path) -> None:
    if not path.is_file():
        raise BackupError(f"No backup at {path}.")
    if db.engine.dialect.name == "sqlite":
        _sqlite_restore(path)
    else:
        _json_restore(path)


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def backup_command(path: Path) -> None:
    """Write a copy of the database to PATH (SQLite file or portable JSON)."""
    backup(path)
    click.echo(f"Backup written to {path}.")


@click.command("restore")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def restore_command(path: Path) -> None:
    """Load a backup made by `flask backup` into a fresh, migrated database."""
    restore(path)
    click.echo(f"Restored {path}.")


def init_app(app: Flask) -> None:
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)
