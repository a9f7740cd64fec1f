import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from factcheck.extensions import db

# The scale a newsroom starts with: (slug, label, needs resolution, scored).
# A scored rating has a place on the accurate-to-inaccurate line that
# ClaimReview exports as a number; "unverifiable" has none.
DEFAULT_SCALE = [
    ("accurate", "Accurate", False, True),
    ("mostly_accurate", "Mostly accurate", False, True),
    ("needs_context", "Needs context", False, True),
    ("misleading", "Misleading", True, True),
    ("inaccurate", "Inaccurate", True, True),
    ("unverifiable", "Unverifiable", True, False),
]


class RatingLevel(db.Model):
    """One step of the newsroom's rating scale, kept by managers. Levels are
    retired, never deleted, so old verdicts keep their meaning."""

    __tablename__ = "rating_levels"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(32), unique=True)
    label: Mapped[str] = mapped_column(sa.String(60))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    needs_resolution: Mapped[bool] = mapped_column(default=False)
    scored: Mapped[bool] = mapped_column(default=True)
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)

    def __repr__(self) -> str:
        return f"<RatingLevel {self.slug}>"


def default_scale_rows() -> list[dict]:
    return [
        {
            "slug": slug,
            "label": label,
            "needs_resolution": needs,
            "scored": scored,
            "position": position,
            "active": True,
            "description": "",
        }
        for position, (slug, label, needs, scored) in enumerate(DEFAULT_SCALE, start=1)
    ]
