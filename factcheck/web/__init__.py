"""Web blueprints: thin views over the services."""

from flask import Flask

from factcheck import workflow
from factcheck.web.rendering import status_class


def register_blueprints(app: Flask) -> None:
    from factcheck.web import articles, auth, claims, exports, imports, queues, sources

    for module in (auth, articles, claims, exports, imports, queues, sources):
        app.register_blueprint(module.bp)
    from factcheck import api

    app.register_blueprint(api.bp)
    from factcheck.web import board, search  # newsroom board, activity, search

    app.register_blueprint(board.bp)
    app.register_blueprint(search.bp)

    app.jinja_env.globals.update(
        can=workflow.can,
        available_actions=workflow.available_actions,
        signoff_blockers=workflow.signoff_blockers,
        status_class=status_class,
    )
