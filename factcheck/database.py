"""Engine set-up: SQLite pragmas, clean text and the append-only audit rule."""

import re

import sqlalchemy as sa
from flask import Flask
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from factcheck.extensions import db
from factcheck.models.audit import AuditEvent


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()
    # pysqlite opens a transaction only before a write, so a SAVEPOINT as the
    # first statement of a transaction became the outermost one and its
    # RELEASE committed (a later rollback left that write in place).
    # SQLAlchemy's recipe: the driver does no transaction handling of its own
    # and every transaction starts with an explicit BEGIN (_sqlite_begin).
    dbapi_connection.isolation_level = None


def _sqlite_begin(connection: sa.Connection) -> None:
    connection.exec_driver_sql("BEGIN")


# NUL and other C0 controls (tab, newline and carriage return are kept):
# PostgreSQL refuses NUL in text, and none of them belongs in copy.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_control_chars(text: str) -> str:
    return CONTROL_CHARS.sub("", text)


def clean_text_columns(session, _flush_context, _instances) -> None:
    """Whatever the way in (form, API, CLI), stored text has no control
    characters: one rule at the one place every write passes."""
    for obj in list(session.new) + list(session.dirty):
        for column in sa.inspect(obj).mapper.columns:
            if not isinstance(column.type, sa.String) or column.key is None:
                continue
            value = getattr(obj, column.key, None)
            if isinstance(value, str) and CONTROL_CHARS.search(value):
                setattr(obj, column.key, strip_control_chars(value))


def guard_append_only(session, _flush_context, _instances) -> None:
    """No code path may change or remove an audit event once written."""
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, AuditEvent):
            raise RuntimeError("audit events are append-only")


def init_app(app: Flask) -> None:
    for listener in (clean_text_columns, guard_append_only):
        if not sa.event.contains(Session, "before_flush", listener):
            sa.event.listen(Session, "before_flush", listener)
    with app.app_context():
        engine: Engine = db.engine
        if engine.dialect.name == "sqlite":
            sa.event.listen(engine, "connect", _sqlite_pragmas)
            sa.event.listen(engine, "begin", _sqlite_begin)


def autogenerate_includes(_obj, name, type_, reflected, compare_to) -> bool:
    """Alembic's ``include_object``: what the models should describe.

    The full-text search tables and indexes (SQLite FTS5) and the generated
    ``search_vector`` columns (PostgreSQL) exist only in the migrations, so
    autogenerate and the schema check leave them alone.
    """
    if reflected and compare_to is None:
        if type_ in ("table", "index") and "_fts" in (name or ""):
            return False
        if type_ == "column" and name == "search_vector":
            return False
    return True
