"""Engine set-up: SQLite pragmas and the append-only audit rule."""

import sqlalchemy as sa
from flask import Flask
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from factcheck.extensions import db


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def init_app(app: Flask) -> None:
    from factcheck.services.audit import guard_append_only

    if not sa.event.contains(Session, "before_flush", guard_append_only):
        sa.event.listen(Session, "before_flush", guard_append_only)
    with app.app_context():
        engine: Engine = db.engine
        if engine.dialect.name == "sqlite":
            sa.event.listen(engine, "connect", _sqlite_pragmas)
