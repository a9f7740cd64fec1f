from datetime import datetime

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship

from factcheck.extensions import db
from factcheck.models.base import StrEnum, UTCDateTime, created_at_column, enum_column


class Role(StrEnum):
    CHECKER = "checker"
    EDITOR = "editor"
    MANAGER = "manager"


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    active: Mapped[bool] = mapped_column(default=True)
    # Bumped on password change or deactivation; sessions carry it, so old
    # sessions stop working everywhere at once.
    session_token: Mapped[str] = mapped_column(sa.String(64))
    # Email: one message a day listing the day's notifications, instead of
    # one message per notification.
    email_digest: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    digest_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    role_rows: Mapped[list["UserRole"]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def roles(self) -> set[Role]:
        return {row.role for row in self.role_rows}

    def has_role(self, role: Role) -> bool:
        # A manager does everything an editor does.
        roles = self.roles
        return role in roles or (role is Role.EDITOR and Role.MANAGER in roles)

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.active

    def get_id(self) -> str:
        return f"{self.id}:{self.session_token}"

    @property
    def role_label(self) -> str:
        return ", ".join(sorted(r.value for r in self.roles))

    def __repr__(self) -> str:
        return f"<User {self.email}>"


class UserRole(db.Model):
    __tablename__ = "user_roles"

    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[Role] = enum_column(Role, primary_key=True)
    user: Mapped[User] = relationship(back_populates="role_rows")


class UserSession(db.Model):
    """One browser login. The cookie carries a random key whose hash is
    here; logging out deletes the row, so a copy of the cookie taken before
    logout opens nothing afterwards."""

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    key_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = created_at_column()


class ApiToken(db.Model):
    """A bearer token for the JSON API. Only its SHA-256 is stored; the token
    itself is shown once, when it is made."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(sa.String(80))
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = created_at_column()
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    user: Mapped[User] = relationship()

    def __repr__(self) -> str:
        return f"<ApiToken {self.id} of user {self.user_id}>"
