"""The demo newsroom: people, sources and the example article, and the
newsroom's own stories with a few weeks of history (``newsroom``)."""

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from factcheck.demo.timeline import Timeline, desk_hours
from factcheck.extensions import db
from factcheck.models import Role, SourceKind, User
from factcheck.models.base import utcnow
from factcheck.services import articles, notifications, sources, users

DEMO_DIR = Path(__file__).parent
DEMO_PASSWORD = "factcheck-demo"

DEMO_USERS = [
    ("editor@example.org", "Dana Editor", [Role.EDITOR]),
    ("manager@example.org", "Morgan Manager", [Role.MANAGER, Role.EDITOR]),
    ("sam@example.org", "Sam Checker", [Role.CHECKER]),
    ("lee@example.org", "Lee Checker", [Role.CHECKER]),
]

DEMO_SOURCES = [
    ("The Associated Press", SourceKind.AGENCY, ["AP", "Associated Press"], ""),
    (
        "Syrian Observatory for Human Rights",
        SourceKind.MONITOR,
        ["SOHR", "Syrian Observatory", "the Observatory"],
        "Coventry, UK",
    ),
    ("Rami Abdurrahman", SourceKind.PERSON, [], "Syrian Observatory for Human Rights"),
    ("Syrian army", SourceKind.GOVERNMENT, ["Syrian Army", "The Syrian army"], ""),
    ("Abu Mohammed al-Golani", SourceKind.PERSON, ["al-Golani", "Golani"], "Hayat Tahrir al-Sham"),
    ("Gregory Waters", SourceKind.ANALYST, ["Waters"], "Middle East Institute"),
    ("The Guardian", SourceKind.PUBLICATION, ["Guardian"], ""),
]

# When, in desk hours ago, the desk was set up and the example article came in.
SET_UP = desk_hours(30)
EXAMPLE_IMPORTED = desk_hours(0, 1)


def demo_exists() -> bool:
    return db.session.scalar(sa.select(sa.func.count()).select_from(User)) > 0


def load_demo() -> dict[str, User]:
    """Create the demo newsroom once, its history replayed through the
    services on a timeline ending now. Returns the people by email."""
    timeline = Timeline(utcnow())
    people: dict[str, User] = {}
    timeline.start(_set_up(people, timeline))
    timeline.start(_example_article(people, timeline))
    timeline.run()
    notifications.send_reminders()  # due-soon and overdue, as of now
    return people


def _set_up(people: dict[str, User], timeline: Timeline) -> Iterator[datetime]:
    from factcheck.demo.newsroom import load_newsroom

    yield timeline.at(SET_UP)
    for email, name, roles in DEMO_USERS:
        people[email] = users.create_user(email, name, DEMO_PASSWORD, roles)
    editor = people["editor@example.org"]
    for name, kind, aliases, affiliation in DEMO_SOURCES:
        sources.create_source(name, kind, editor, aliases=aliases, affiliation=affiliation)
    load_newsroom(people, timeline)


def _example_article(people: dict[str, User], timeline: Timeline) -> Iterator[datetime]:
    from factcheck.extraction.cleaning import clean_text

    yield timeline.at(EXAMPLE_IMPORTED)
    imported = clean_text((DEMO_DIR / "hama-scraped.txt").read_text(encoding="utf-8"))
    articles.create_article(
        people["editor@example.org"],
        title=imported.title,
        byline=imported.byline,
        dateline=imported.dateline,
        body=imported.body,
        desk="World",
        deadline=timeline.now + timedelta(hours=6),
    )
