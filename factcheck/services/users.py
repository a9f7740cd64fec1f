"""Accounts: creation, passwords, deactivation."""

import contextlib
import secrets

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app, session
from zxcvbn import zxcvbn

from factcheck.extensions import db
from factcheck.models import Role, User, UserRole
from factcheck.services import audit, tokens
from factcheck.services.errors import ValidationFailed
from factcheck.services.guesses import spend_guess

MIN_PASSWORD_LENGTH = 10
# zxcvbn's score 3: at least 10^8 guesses under its model.
MIN_PASSWORD_SCORE = 3
# Long enough to judge; scoring is quadratic in the length.
_SCORED_LENGTH = 100
PASSWORD_RULE = (
    f"A password needs at least {MIN_PASSWORD_LENGTH} characters and must not be a common "
    "or breached password, an easy pattern (aaaaaaaaaa, 1234567890, qwertyuiop) or built "
    "on your name or email. A few unrelated words make a good one."
)

# Verified against when the email is unknown, so a wrong email costs as
# much time as a wrong password.
_DUMMY_HASH: dict[tuple, str] = {}


def _hasher() -> PasswordHasher:
    cfg = current_app.config
    return PasswordHasher(
        time_cost=cfg["ARGON2_TIME_COST"],
        memory_cost=cfg["ARGON2_MEMORY_COST"],
        parallelism=cfg["ARGON2_PARALLELISM"],
    )


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def _check_password_rules(password: str, email: str = "", name: str = "") -> None:
    """The one password rule: long enough, and not common, breached or a
    pattern. zxcvbn scores the password against the 30,000 most common
    passwords from published breaches it ships (no network), English words,
    names, keyboard rows, repeats, sequences, dates and the person's own
    name and email, with l33t spellings and added digits seen through."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationFailed(
            f"Use at least {MIN_PASSWORD_LENGTH} characters. {PASSWORD_RULE}", field="password"
        )
    verdict = zxcvbn(password[:_SCORED_LENGTH], user_inputs=_personal_words(email, name))
    if verdict["score"] < MIN_PASSWORD_SCORE:
        why = verdict["feedback"]["warning"] or "It is too easy to guess."
        raise ValidationFailed(f"Choose another password. {why} {PASSWORD_RULE}", field="password")


def _personal_words(email: str, name: str) -> list[str]:
    local, _, domain = email.lower().partition("@")
    return [word for word in (local, domain, *name.lower().split(), email) if word]


def get_by_email(email: str) -> User | None:
    return db.session.scalar(sa.select(User).where(User.email == email.strip().lower()))


def create_user(
    email: str, name: str, password: str, roles: list[Role], actor: User | None = None
) -> User:
    email = email.strip().lower()
    if get_by_email(email):
        raise ValidationFailed("An account with this email exists.", field="email")
    _check_password_rules(password, email, name)
    user = User(
        email=email,
        name=name.strip(),
        password_hash=hash_password(password),
        session_token=secrets.token_hex(16),
        role_rows=[UserRole(role=r) for r in roles],
    )
    db.session.add(user)
    db.session.flush()
    audit.record(
        actor,
        "user.create",
        user,
        f"Account for {user.name} created",
        after={"email": email, "roles": sorted(r.value for r in roles)},
    )
    return user


def authenticate(email: str, password: str) -> User | None:
    """The active user with these credentials, or None. Each call spends a
    guess (TooManyGuesses once the account's or the address's are spent)."""
    spend_guess(email)
    user = get_by_email(email)
    hasher = _hasher()
    if user is None:
        key = (hasher.time_cost, hasher.memory_cost, hasher.parallelism)
        if key not in _DUMMY_HASH:
            _DUMMY_HASH[key] = hasher.hash(secrets.token_hex(8))
        with contextlib.suppress(VerificationError):
            hasher.verify(_DUMMY_HASH[key], password)
        return None
    try:
        hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    if not user.active:
        return None
    if hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hasher.hash(password)
    return user


def change_password(user: User, current: str, new: str) -> None:
    spend_guess(user.email)
    try:
        _hasher().verify(user.password_hash, current)
    except (VerificationError, InvalidHashError):
        raise ValidationFailed("That is not your current password.", field="current") from None
    _check_password_rules(new, user.email, user.name)
    user.password_hash = hash_password(new)
    # Every session and API token of this user ends now (the caller starts
    # a new session for the browser that made the change).
    tokens.end_everything(user)
    audit.record(user, "user.password", user, f"{user.name} changed their password")
    db.session.flush()


def set_active(user: User, active: bool, actor: User) -> None:
    before = user.active
    user.active = active
    tokens.end_everything(user)
    verb = "reactivated" if active else "deactivated"
    audit.record(
        actor,
        f"user.{verb}",
        user,
        f"{actor.name} {verb} {user.name}",
        before={"active": before},
        after={"active": active},
    )
    db.session.flush()


def set_email_digest(user: User, digest: bool) -> None:
    """One email a day listing the notifications, or one email each."""
    if user.email_digest == digest:
        return
    user.email_digest = digest
    audit.record(
        user,
        "user.email",
        user,
        f"{user.name} chose "
        + ("a daily email digest" if digest else "an email for each notification"),
        before={"email_digest": not digest},
        after={"email_digest": digest},
    )
    db.session.flush()


def load_session_user(session_id: str) -> User | None:
    """Flask-Login's user loader: the id and session token in the cookie,
    and the login's key still open on the server (not logged out)."""
    user_id, _, token = session_id.partition(":")
    if not user_id.isdigit():
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not secrets.compare_digest(user.session_token, token):
        return None
    if not tokens.session_is_open(user, session.get(tokens.SESSION_KEY)):
        return None
    return user


def accounts() -> list[User]:
    """Every account, active ones first, by name."""
    return list(db.session.scalars(sa.select(User).order_by(User.active.desc(), User.name)))


def users_with_role(role: Role) -> list[User]:
    return list(
        db.session.scalars(
            sa.select(User)
            .join(UserRole)
            .where(UserRole.role == role, User.active.is_(True))
            .order_by(User.name)
        )
    )
