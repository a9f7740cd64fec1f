"""Factcheck desk: a newsroom fact-checking application."""

from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from factcheck.extensions import csrf, db, limiter, login_manager, migrate
from factcheck.localtime import zone_named

PACKAGE_DIR = Path(__file__).resolve().parent


def _resource_dir(name: str) -> str:
    """templates/ and migrations/ sit at the top level in a checkout and
    inside the package in a built wheel."""
    inside = PACKAGE_DIR / name
    return str(inside if inside.is_dir() else PACKAGE_DIR.parent / name)


def create_app(config: object | None = None) -> Flask:
    app = Flask(
        __name__,
        template_folder=_resource_dir("templates"),
        instance_path=str(PACKAGE_DIR.parent / "instance"),
    )
    if config is None:
        import os

        from config import CONFIGS

        config = CONFIGS[os.environ.get("FACTCHECK_CONFIG", "development")]()
    app.config.from_object(config)
    zone_named(app.config["NEWSROOM_TIMEZONE"])  # a wrong zone name fails here, not on a page

    db.init_app(app)
    migrate.init_app(app, db, directory=_resource_dir("migrations"), render_as_batch=True)
    login_manager.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)
    if app.config["TRUSTED_PROXIES"]:
        # The client address, scheme and host as the proxies in front saw them.
        hops = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)

    from factcheck.services import guesses

    guesses.init_app(app)

    from factcheck import caching, database, logs, security
    from factcheck.web import ops

    logs.init_app(app)  # first: every later hook logs with the request id
    database.init_app(app)
    security.init_app(app)
    ops.init_app(app)
    caching.init_app(app)  # before any hook or view reads the database

    from factcheck.web import register_blueprints

    register_blueprints(app)

    from factcheck import cli

    cli.init_app(app)
    return app
