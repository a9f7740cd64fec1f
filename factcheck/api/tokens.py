"""Bearer tokens for the JSON API.

A token is signed and names the user and their current session token, so a
password change or deactivation ends every API token at once, just as it
ends every browser session.
"""

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

from factcheck.extensions import db
from factcheck.models import User

SALT = "factcheck-api-token"


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def issue_token(user: User) -> str:
    return _serializer().dumps({"uid": user.id, "st": user.session_token})


def user_for_token(token: str) -> User | None:
    max_age = current_app.config["API_TOKEN_DAYS"] * 24 * 3600
    try:
        data = _serializer().loads(token, max_age=max_age)
    except BadSignature:
        return None
    user = db.session.get(User, data.get("uid"))
    if user is None or not user.active or user.session_token != data.get("st"):
        return None
    return user
