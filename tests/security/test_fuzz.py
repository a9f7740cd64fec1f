"""Property tests: hostile and odd article text through import, claim
marking, comments and every page that shows them. Never a 500, never
markup from the input in the page."""

import os
import re
import shutil
from urllib.parse import urlencode

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import create_app
from factcheck.extensions import db
from factcheck.extraction.cleaning import clean_html, clean_text
from factcheck.models import Article, Claim, Role
from factcheck.services import users
from tests.conftest import PG_URL, _truncate_all, make_config
from tests.factories import Factory
from tests.security.walk import declared_rules

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "</textarea><script>alert(2)</script>",
    '<a href="javascript:alert(3)">click</a>',
    "<iframe src=//evil.example></iframe>",
    "{{ 7*7 }} {% raw %}",
    "&lt;script&gt;alert(4)&lt;/script&gt;",
    "\u202eevil\u202c \u200f\u0627\u0644\u0623\u0633\u062f\u200e",  # RTL override, Arabic
    "e\u0301\u0301\u0301\u0301 Z\u0337\u0336\u0335a\u0489lgo",  # combining marks
    "\u200b\ufeff\u00a0\u3000",  # zero-width and odd spaces
    "\x00NUL\x00 \x01\x07\x1b[31m",
    "   \n\t  \n\n   ",
    "",
    "word " * 8_000,  # one huge paragraph (40 KB)
]
# What a page may never contain: markup that came from the input.
HOSTILE = [
    re.compile(r"<script(?![^>]*\bsrc=\"/static/)", re.I),
    re.compile(r"<iframe\b|<img src=x|<svg onload", re.I),
    HANDLER := re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I),
    re.compile(r"(href|src)\s*=\s*[\"']?javascript:", re.I),
]

text = st.text(st.characters(codec="utf-8"), max_size=300)
piece = st.one_of(st.sampled_from(PAYLOADS), text)
article_text = st.lists(piece, max_size=5).flatmap(
    lambda parts: st.sampled_from(["", " ", "\n", "\n\n"]).map(lambda sep: sep.join(parts))
)
FUZZED = {"inputs": 0}
# FUZZ_EXAMPLES=300 make test for a longer hunt than the default run.
SETTINGS = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "20")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def fuzz_app(migrated_database, tmp_path_factory):
    """One app for the module (hypothesis runs many examples per test; a
    function-scoped database would be shared by them anyway)."""
    folder = tmp_path_factory.mktemp("fuzz")
    if PG_URL:
        url = migrated_database
    else:
        shutil.copyfile(migrated_database, folder / "fuzz.sqlite")
        url = f"sqlite:///{folder / 'fuzz.sqlite'}"
    app = create_app(make_config(url, UPLOAD_FOLDER=str(folder / "uploads")))
    with app.app_context():
        users.create_user(
            "fuzz.editor@example.org", "Fuzz Editor", Factory.PASSWORD, [Role.EDITOR, Role.CHECKER]
        )
        db.session.commit()
        db.session.remove()
    yield app
    print(f"\nfuzz: {FUZZED['inputs']} generated inputs, no 500, no markup leaked")
    with app.app_context():
        db.engine.dispose()
    if PG_URL:
        _truncate_all(app)


@pytest.fixture(scope="module")
def editor_client(fuzz_app):
    client = fuzz_app.test_client()
    response = client.post(
        "/login", data={"email": "fuzz.editor@example.org", "password": Factory.PASSWORD}
    )
    assert response.status_code == 302
    return client


def assert_safe(response, where: str) -> None:
    assert response.status_code < 500, where
    if response.mimetype == "text/html":
        page = response.get_data(as_text=True)
        # Quoted attribute values out: text from input sits in them escaped.
        tags_only = re.sub(r'"[^"]*"', '""', page)
        for pattern in HOSTILE:
            found = pattern.search(tags_only if pattern is HANDLER else page)
            assert found is None, f"{where}: {found.group(0)!r}"
    response.close()


def show_everything(app, client, article_id: int, claim_id: int | None, query: str) -> None:
    """GET every page of the app that can be built from these objects."""
    values = {"article_id": article_id, "claim_id": claim_id, "filename": "css/app.css"}
    for rule, method in declared_rules(app):
        if method != "GET" or rule.endpoint in {"static", "api.openapi"}:
            continue
        if any(values.get(name) is None for name in rule.arguments):
            continue
        url = rule.build({n: values[n] for n in rule.arguments}, append_unknown=False)[1]
        assert_safe(client.get(url, query_string={"q": query}), url)


def latest(model):
    with db.session.no_autoflush:
        return db.session.scalar(sa.select(model).order_by(model.id.desc()))


@SETTINGS
@given(title=piece, body=article_text, comment=piece)
def test_hostile_text_through_import_claims_and_pages(
    fuzz_app, editor_client, title, body, comment
):
    FUZZED["inputs"] += 1
    client = editor_client
    response = client.post("/articles/new", data={"title": title, "byline": title, "body": body})
    assert_safe(response, "import")
    if response.status_code != 302:
        assert not body.strip() or response.status_code == 400
        return
    with fuzz_app.app_context():
        article = latest(Article)
        article_id, version, stored = article.id, article.version, article.body
        assert "\x00" not in stored and "\x00" not in article.title
    quote = stored.split("\n\n")[0][:80].strip()
    claim_id = None
    if quote:
        response = client.post(
            f"/articles/{article_id}/claims",
            data={
                "quote": quote,
                "kind": "characterization",
                "priority": "normal",
                "sources": title[:200],
                "new_source_kind": "monitor",
                "version": version,
            },
        )
        assert_safe(response, "mark claim")
        if response.status_code == 302:
            with fuzz_app.app_context():
                claim_id = latest(Claim).id
            assert_safe(
                client.post(f"/claims/{claim_id}/comments", data={"body": comment}), "comment"
            )
    show_everything(fuzz_app, client, article_id, claim_id, title)


@SETTINGS
@given(raw=st.binary(max_size=2000), prefix=st.sampled_from([b"", b"<script>alert(1)</script>"]))
def test_invalid_utf8_and_nul_bytes_in_a_form_post(fuzz_app, editor_client, raw, prefix):
    FUZZED["inputs"] += 1
    body = urlencode({"title": prefix + raw[:100], "body": prefix + raw}).encode()
    response = editor_client.post(
        "/articles/new", data=body, content_type="application/x-www-form-urlencoded"
    )
    assert_safe(response, "import bytes")
    if response.status_code == 302:
        article_id = int(response.headers["Location"].rstrip("/").rsplit("/", 1)[1])
        assert_safe(editor_client.get(f"/articles/{article_id}"), "article page")


@SETTINGS
@given(
    raw=st.one_of(
        article_text,
        st.binary(max_size=3000).map(lambda b: b.decode("utf-8", errors="surrogateescape")),
    )
)
def test_cleaners_never_raise_and_return_storable_text(raw):
    FUZZED["inputs"] += 1
    for result in (clean_text(raw), clean_html(raw), clean_html(f"<html><body><p>{raw}</p>")):
        for value in (result.title, result.byline, result.body):
            assert isinstance(value, str) and "\x00" not in value
            value.encode("utf-8")  # no lone surrogates
