"""Column helpers shared by the models."""

import enum
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC)


class StrEnum(enum.StrEnum):
    """An enum stored as its value string, readable in templates."""

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


def enum_column(enum_cls: type[enum.Enum], **kwargs) -> Mapped:
    return mapped_column(
        sa.Enum(
            enum_cls,
            native_enum=False,
            create_constraint=True,
            length=32,
            values_callable=lambda e: [m.value for m in e],
            validate_strings=True,
        ),
        **kwargs,
    )


def created_at_column() -> Mapped[datetime]:
    return mapped_column(sa.DateTime(timezone=True), default=utcnow, nullable=False)
