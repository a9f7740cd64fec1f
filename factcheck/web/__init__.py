"""Web blueprints: thin views over the services."""

from flask import Flask

from factcheck import workflow
from factcheck.extraction.anchoring import word_diff
from factcheck.localtime import format_local
from factcheck.security import may_visit
from factcheck.services import blockers
from factcheck.services.common import is_web_link
from factcheck.web.rendering import quote_context, quoted, status_class


def register_blueprints(app: Flask) -> None:
    from factcheck.web import (
        articles,
        auth,
        claims,
        exports,
        imports,
        queues,
        sources,
        suggestions,
    )

    for module in (auth, articles, claims, exports, imports, queues, sources, suggestions):
        app.register_blueprint(module.bp)
    from factcheck import api
    from factcheck.web import scale

    app.register_blueprint(api.bp)
    app.register_blueprint(scale.bp)
    from factcheck.web import admin  # users admin (managers)

    app.register_blueprint(admin.bp)
    # board, activity, search, inbox; failed jobs; health and metrics
    from factcheck.web import board, jobs, notifications, ops, prepared, search

    for module in (board, search, notifications, jobs, ops, prepared):
        app.register_blueprint(module.bp)

    app.jinja_env.filters["local_time"] = format_local
    app.jinja_env.filters["quoted"] = quoted
    from factcheck.models import SourceKind

    app.jinja_env.globals.update(
        source_kinds=list(SourceKind),
        can=workflow.can,
        available_actions=workflow.available_actions,
        voids_check=workflow.voids_check,
        action_option=workflow.action_option,
        allowed=workflow.allowed,
        next_step=workflow.next_step,
        read_only=workflow.read_only,
        own_verdict_under_review=workflow.own_verdict_under_review,
        may_visit=may_visit,
        signoff_blockers=blockers.blockers_of,
        status_class=status_class,
        quote_context=quote_context,
        word_diff=word_diff,
    )
    app.jinja_env.tests["web_link"] = is_web_link  # links from before the rule stay text
