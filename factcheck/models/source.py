import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from factcheck.extensions import db
from factcheck.models.base import StrEnum, enum_column


class SourceKind(StrEnum):
    AGENCY = "agency"
    MONITOR = "monitor"
    ANALYST = "analyst"
    OFFICIAL = "official"
    GOVERNMENT = "government"
    ORGANISATION = "organisation"
    PUBLICATION = "publication"
    PERSON = "person"
    DOCUMENT = "document"


class Source(db.Model):
    """One registry shared by all articles."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200), unique=True)
    kind: Mapped[SourceKind] = enum_column(SourceKind)
    affiliation: Mapped[str] = mapped_column(sa.String(200), default="")
    reliability_notes: Mapped[str] = mapped_column(sa.Text, default="")

    aliases: Mapped[list["SourceAlias"]] = relationship(
        back_populates="source", cascade="all, delete-orphan", lazy="selectin"
    )

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
