"""The demo newsroom: people, sources and the example article."""

from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa

from factcheck.extensions import db
from factcheck.models import Role, SourceKind, User
from factcheck.models.base import utcnow
from factcheck.services import articles, sources, users

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


def demo_exists() -> bool:
    return db.session.scalar(sa.select(sa.func.count()).select_from(User)) > 0


def load_demo() -> dict[str, User]:
    """Create the demo newsroom once. Returns the people by email."""
    from factcheck.extraction.cleaning import clean_text

    people = {
        email: users.create_user(email, name, DEMO_PASSWORD, roles)
        for email, name, roles in DEMO_USERS
    }
    editor = people["editor@example.org"]
    for name, kind, aliases, affiliation in DEMO_SOURCES:
        sources.create_source(name, kind, editor, aliases=aliases, affiliation=affiliation)
    imported = clean_text((DEMO_DIR / "hama-scraped.txt").read_text(encoding="utf-8"))
    articles.create_article(
        editor,
        title=imported.title,
        byline=imported.byline,
        body=imported.body,
        desk="World",
        deadline=utcnow() + timedelta(hours=6),
    )
    from factcheck.demo.newsroom import load_newsroom

    load_newsroom(people)
    return people
