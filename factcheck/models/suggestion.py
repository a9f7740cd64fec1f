from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from factcheck.extensions import db
from factcheck.models.article import Article
from factcheck.models.base import created_at_column
from factcheck.models.user import User


class SuggestionDismissal(db.Model):
    """A suggested claim an editor set aside. Shared by every editor of the
    article, kept until someone brings it back; goes with its article."""

    __tablename__ = "suggestion_dismissals"
    __table_args__ = (
        sa.UniqueConstraint("article_id", "key", name="uq_suggestion_dismissals_article_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(sa.ForeignKey("articles.id", ondelete="CASCADE"))
    # suggestions.suggestion_key: the kind and a digest of the words.
    key: Mapped[str] = mapped_column(sa.String(64))
    # The suggested sentence as it stood, for the list of dismissed ones.
    quote: Mapped[str] = mapped_column(sa.Text)
    dismissed_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    dismissed_at: Mapped[datetime] = created_at_column()

    article: Mapped[Article] = relationship()
    dismissed_by: Mapped[User] = relationship()

    def __repr__(self) -> str:
        return f"<SuggestionDismissal {self.article_id} {self.key}>"
