"""The jobs the app runs in the background. Each is safe to run again."""

from datetime import UTC, datetime
from pathlib import Path

from flask import current_app

from factcheck.jobs import set_progress, task


@task
def send_notification_email(notification_id: int) -> str:
    """Email one notification, once: a sent one is marked and skipped."""
    from factcheck.services import notifications

    return notifications.email_notification(notification_id)


@task
def send_email(raw: str) -> str:
    """Send a message composed in a committed transaction (a daily digest)."""
    from factcheck.services import notifications

    return notifications.send_email(raw)


@task
def send_reminders() -> dict[str, int]:
    """Due-soon and overdue reminders (each fires once per claim and due date)."""
    from factcheck.services import notifications

    return notifications.send_reminders()


@task
def send_digests() -> int:
    """The daily email digest (running it twice the same day sends nothing new)."""
    from factcheck.services import notifications

    return notifications.send_digests()


@task
def fetch_article(url: str) -> dict:
    """Fetch a page and clean it up for the import preview; writes nothing.
    A page that cannot be had (refused, missing, too large) is an answer for
    the editor, not a failure to retry."""
    from factcheck.services import fetching, importing
    from factcheck.services.errors import ValidationFailed

    set_progress("Fetching the page")
    try:
        text = fetching.fetch_page(url).text
        importing.refuse_binary(text, field="url")
    except ValidationFailed as err:
        return {"url": url, "error": str(err)}
    set_progress("Finding the article in the page")
    return {"url": url, "article": importing.extract(text, url)}


@task
def sweep_uploads() -> list[str]:
    """Upload files no evidence row names, an hour old (a folder store only)."""
    from factcheck.services import evidence

    return evidence.sweep_orphan_files()


@task
def prepare_export(
    kind: str, filters: dict, requested_by_id: int | None, upto: int, requested_at: str, token: str
) -> dict:
    """Write a prepared export (the activity or every claim) into the export
    store with the row naming it; a second run finds the row and stops."""
    from factcheck.services import exports

    return exports.prepare(kind, filters, requested_by_id, upto, requested_at, token)


@task
def sweep_exports() -> list[str]:
    """Prepared exports past EXPORT_KEEP_HOURS, rows and files."""
    from factcheck.services import exports

    return exports.sweep()


@task
def daily_backup() -> str:
    """`flask backup` into BACKUP_FOLDER/desk-YYYY-MM-DD, once a day."""
    from factcheck import backup

    folder = current_app.config.get("BACKUP_FOLDER")
    if not folder:
        return "BACKUP_FOLDER is not set"
    path = Path(folder) / f"desk-{datetime.now(UTC):%Y-%m-%d}"
    if path.exists():
        return f"{path} exists"
    backup.backup(path)
    return str(path)
