import unicodedata

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from factcheck.extensions import db
from factcheck.models.base import StrEnum, enum_column
from factcheck.vocabulary import SourceKind


def name_key(name: str) -> str:
    """A source's name as the registry compares names: case, letter width
    and spacing do not make a second source."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


class Source(db.Model):
    """One registry shared by all articles."""

    __tablename__ = "sources"
    # One source per normalised name, so two requests creating the same new
    # name at once make one row (services/sources.py inserts ON CONFLICT).
    __table_args__ = (sa.Index("uq_sources_name_key", "name_key", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200), unique=True)
    # Always set from the name (below). Nullable only because SQLite adds a
    # NOT NULL column by copying the table, which would drop its search
    # triggers.
    name_key: Mapped[str] = mapped_column(sa.String(400), nullable=True)
    kind: Mapped[SourceKind] = enum_column(SourceKind)
    affiliation: Mapped[str] = mapped_column(sa.String(200), default="")
    reliability_notes: Mapped[str] = mapped_column(sa.Text, default="")

    aliases: Mapped[list["SourceAlias"]] = relationship(
        back_populates="source", cascade="all, delete-orphan", lazy="selectin"
    )

    @validates("name")
    def _keep_name_key(self, _attribute: str, name: str) -> str:
        self.name_key = name_key(name)
        return name

    @property
    def alias_names(self) -> list[str]:
        return [a.alias for a in self.aliases]

    def __repr__(self) -> str:
        return f"<Source {self.name}>"


class SourceAlias(db.Model):
    __tablename__ = "source_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(sa.ForeignKey("sources.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(sa.String(200), unique=True)
    source: Mapped[Source] = relationship(back_populates="aliases")


class MentionStatus(StrEnum):
    # Anonymous or vague sourcing ("officials said", "witnesses"): flagged for
    # the checker, never a registry entry.
    UNNAMED = "unnamed"
    # A name the registry does not know, waiting for an editor to confirm it
    # (create it with a kind, link it to a known source, or keep it unnamed).
    PROPOSED = "proposed"


class SourceMention(db.Model):
    """Who a claim rests on when that is not (yet) a registry source."""

    __tablename__ = "source_mentions"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(
        sa.ForeignKey("claims.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(sa.String(200))
    # The kind the finder guessed, offered when the name is confirmed.
    kind: Mapped[SourceKind] = enum_column(SourceKind)
    status: Mapped[MentionStatus] = enum_column(MentionStatus)

    claim: Mapped["Claim"] = relationship(back_populates="mentions")  # noqa: F821

    @property
    def is_proposed(self) -> bool:
        return self.status is MentionStatus.PROPOSED

    def __repr__(self) -> str:
        return f"<SourceMention {self.status} {self.text!r}>"
