"""Server-side sessions and API bearer tokens.

A browser login is a row in ``user_sessions``: the session cookie carries a
random key and the database its hash, so logging out ends that session on
the server and a copied cookie opens nothing afterwards. An API token is a
random string shown once; the database keeps only its SHA-256, when it was
made and last used, and deleting the row revokes it. Logging out everywhere,
a password change or a deactivation deletes every session and token of the
account at once.
"""

import hashlib
import secrets
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app

from factcheck.extensions import db
from factcheck.models import ApiToken, User, UserSession
from factcheck.models.base import utcnow
from factcheck.services import audit
from factcheck.services.errors import ValidationFailed

# A token's "last used" is written at most this often, not on every call.
LAST_USED_GRANULARITY = timedelta(minutes=5)
TOKEN_PREFIX = "fcd_"
# Where the browser login's key sits in the (signed) session cookie.
SESSION_KEY = "_login_key"


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


# --- browser sessions ----------------------------------------------------------


def start_session(user: User) -> str:
    """Record a new browser login; the key goes into the session cookie."""
    key = secrets.token_urlsafe(32)
    db.session.add(UserSession(user_id=user.id, key_hash=_digest(key)))
    db.session.flush()
    return key


def session_is_open(user: User, key: str | None) -> bool:
    if not key:
        return False
    return (
        db.session.scalar(
            sa.select(UserSession.id).where(
                UserSession.user_id == user.id, UserSession.key_hash == _digest(key)
            )
        )
        is not None
    )


def end_session(key: str | None) -> None:
    """Log out one browser: its key no longer opens anything."""
    if key:
        db.session.execute(sa.delete(UserSession).where(UserSession.key_hash == _digest(key)))


def end_everything(user: User) -> None:
    """End every browser session and API token of ``user``."""
    user.session_token = secrets.token_hex(16)
    db.session.execute(sa.delete(UserSession).where(UserSession.user_id == user.id))
    db.session.execute(sa.delete(ApiToken).where(ApiToken.user_id == user.id))
    db.session.flush()


def log_out_everywhere(user: User) -> None:
    end_everything(user)
    audit.record(user, "user.logout_all", user, f"{user.name} logged out everywhere")


# --- API tokens ----------------------------------------------------------------


def issue_token(user: User, name: str = "API") -> str:
    """A new token for ``user``; the only time the token itself exists."""
    name = " ".join(name.split())[:80] or "API"
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    days = current_app.config["API_TOKEN_DAYS"]
    row = ApiToken(
        user_id=user.id,
        name=name,
        token_hash=_digest(token),
        expires_at=utcnow() + timedelta(days=days),
    )
    db.session.add(row)
    db.session.flush()
    audit.record(user, "token.create", user, f"{user.name} made an API token “{name}”")
    return token


def user_for_token(token: str) -> User | None:
    """The active user a live token belongs to; notes when it was used."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    row = db.session.scalar(
        sa.select(ApiToken).where(
            ApiToken.token_hash == _digest(token), ApiToken.expires_at > utcnow()
        )
    )
    if row is None or not row.user.active:
        return None
    now = utcnow()
    if row.last_used_at is None or now - row.last_used_at > LAST_USED_GRANULARITY:
        db.session.execute(
            sa.update(ApiToken).where(ApiToken.id == row.id).values(last_used_at=now)
        )
        db.session.commit()  # before the request's own work, so nothing else rides along
    return row.user


def tokens_of(user: User) -> list[ApiToken]:
    return list(
        db.session.scalars(
            sa.select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.id.desc())
        )
    )


def revoke_token(user: User, token_id: int) -> None:
    """Revoke one of the user's own tokens."""
    row = db.session.get(ApiToken, token_id)
    if row is None or row.user_id != user.id:
        raise ValidationFailed("No such token of yours.", field="token")
    db.session.delete(row)
    audit.record(user, "token.revoke", user, f"{user.name} revoked the API token “{row.name}”")
    db.session.flush()
