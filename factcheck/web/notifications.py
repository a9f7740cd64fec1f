"""The inbox, and the unread count shown in the header."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from factcheck.extensions import db
from factcheck.models import Notification
from factcheck.security import ANY_USER, access
from factcheck.services import notifications, whole_number

bp = Blueprint("notifications", __name__, url_prefix="/inbox")


@bp.app_context_processor
def unread_notifications() -> dict:
    if not current_user or not current_user.is_authenticated:
        return {"unread_notifications": 0}
    return {"unread_notifications": notifications.unread_count(current_user)}


@bp.get("/")
@access(ANY_USER)
def inbox():
    unread_only = request.args.get("show") == "unread"
    page = db.paginate(
        notifications.inbox_query(current_user, unread_only),
        page=whole_number(request.args.get("page")) or 1,
        per_page=50,
    )
    return render_template("notifications/inbox.html", page=page, unread_only=unread_only)


def _own(notification_id: int) -> Notification:
    notification = db.get_or_404(Notification, notification_id)
    if notification.recipient_id != current_user.id:
        abort(404)  # someone else's inbox does not exist for you
    return notification


@bp.post("/<int:notification_id>/open")
@access(ANY_USER)
def open_notification(notification_id: int):
    notification = _own(notification_id)
    notifications.mark_read(current_user, notification)
    if notification.claim_id:
        return redirect(url_for("claims.show", claim_id=notification.claim_id))
    if notification.article_id:
        return redirect(url_for("articles.show", article_id=notification.article_id))
    return redirect(url_for("notifications.inbox"))


@bp.post("/read")
@access(ANY_USER)
def mark_all_read():
    count = notifications.mark_read(current_user)
    flash(f"{count} notification(s) marked read.", "success")
    return redirect(url_for("notifications.inbox"))
