from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from factcheck.extensions import db
from factcheck.models.base import StrEnum, UTCDateTime, created_at_column, enum_column, utcnow
from factcheck.models.user import User


class ArticleStatus(StrEnum):
    DRAFT = "draft"
    CHECKING = "checking"
    READY = "ready"
    SIGNED_OFF = "signed_off"
    PUBLISHED = "published"


class Article(db.Model):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(300))
    byline: Mapped[str] = mapped_column(sa.String(200), default="")
    # Where and for whom the story was filed ("ACCRA, Ghana (Reuters)"), as imported.
    dateline: Mapped[str] = mapped_column(sa.String(120), default="", server_default="")
    source_url: Mapped[str] = mapped_column(sa.String(2000), default="")
    desk: Mapped[str] = mapped_column(sa.String(80), default="")
    body: Mapped[str] = mapped_column(sa.Text)
    deadline: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Indexed: the board and the queues look for the unpublished ones.
    status: Mapped[ArticleStatus] = enum_column(
        ArticleStatus, default=ArticleStatus.DRAFT, index=True
    )
    version: Mapped[int] = mapped_column(default=1)

    created_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    signed_off_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    signed_off_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Why the last sign-off was voided, shown on the article page until the
    # article is signed off again.
    signoff_voided_reason: Mapped[str] = mapped_column(sa.Text, default="")
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The import form's one-time key: the same form sent twice (a resubmit,
    # a double click) makes one article.
    import_key: Mapped[str | None] = mapped_column(sa.String(64), unique=True)

    created_by: Mapped[User] = relationship(foreign_keys=[created_by_id])
    signed_off_by: Mapped[User | None] = relationship(foreign_keys=[signed_off_by_id])
    claims: Mapped[list["Claim"]] = relationship(  # noqa: F821
        back_populates="article", order_by="Claim.start", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n\n")

    @property
    def active_claims(self) -> list["Claim"]:  # noqa: F821
        return [c for c in self.claims if c.is_active]

    def __repr__(self) -> str:
        return f"<Article {self.id} {self.title[:30]!r}>"
