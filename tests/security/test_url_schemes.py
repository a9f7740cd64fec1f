"""Links the desk stores (evidence, an article's source) are http or https
only, whichever way they come in; the error page's "Go back" link stays on
the site."""

import pytest

from factcheck.extensions import db
from factcheck.models import ClaimStatus, Evidence
from factcheck.services import articles
from factcheck.services.errors import ValidationFailed
from factcheck.services.tokens import issue_token
from tests.conftest import login

BAD_LINKS = [
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.org/report.pdf",
    "//evil.example/x",
    "https://",
    "http://exa mple.org/",
    "https://example.org:99999/",
]
GOOD_LINKS = [
    "https://example.org/report?page=2#p3",
    "http://news.example/a",
    "HTTPS://EXAMPLE.ORG/",
]


def bearer(user) -> dict:
    db.session.commit()
    return {"Authorization": f"Bearer {issue_token(user)}"}


@pytest.fixture
def researching(make, editor, checker):
    return make.claim(editor=editor, status=ClaimStatus.RESEARCHING, assignee=checker)


@pytest.mark.parametrize("link", BAD_LINKS)
def test_the_service_refuses_evidence_links_that_are_not_http(make, researching, checker, link):
    with pytest.raises(ValidationFailed) as refused:
        make.evidence(researching, checker, url=link)
    assert refused.value.field == "url"


@pytest.mark.parametrize("link", GOOD_LINKS)
def test_http_and_https_evidence_links_are_kept(make, researching, checker, link):
    assert make.evidence(researching, checker, url=link).url == link


@pytest.mark.parametrize("link", BAD_LINKS)
def test_the_service_refuses_article_source_links_that_are_not_http(make, editor, link):
    with pytest.raises(ValidationFailed) as refused:
        make.article(editor, source_url=link)
    assert refused.value.field == "source_url"
    article = make.article(editor, source_url="https://example.org/story")
    with pytest.raises(ValidationFailed) as refused:
        articles.edit_article(article, editor, article.version, source_url=link)
    assert refused.value.field == "source_url"
    assert article.source_url == "https://example.org/story"


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "data:text/html,<b>x</b>", "vbscript:msgbox(1)"]
)
def test_the_api_refuses_them_naming_the_field(client, researching, editor, checker, link):
    response = client.post(
        f"/api/v1/claims/{researching.id}/evidence",
        headers=bearer(checker),
        json={"title": "Statement", "stance": "supports", "url": link},
    )
    assert response.status_code == 400
    assert response.get_json()["field"] == "url"
    response = client.post(
        "/api/v1/articles",
        headers=bearer(editor),
        json={"title": "Budget", "body": "The deficit grew.", "source_url": link},
    )
    assert response.status_code == 400
    assert response.get_json()["field"] == "source_url"
    assert db.session.scalar(db.select(db.func.count()).select_from(Evidence)) == 0


def test_the_evidence_form_refuses_another_scheme(app, researching, checker):
    client = login(app, checker)
    response = client.post(
        f"/claims/{researching.id}/evidence",
        data={"title": "Report", "stance": "supports", "url": "ftp://example.org/report.pdf"},
    )
    assert response.status_code == 400
    assert db.session.scalar(db.select(db.func.count()).select_from(Evidence)) == 0


def test_a_link_stored_before_the_rule_shows_as_text_not_as_a_link(app, make, researching, checker):
    evidence = make.evidence(researching, checker)
    evidence.url = "javascript:alert(1)"  # as an older version of the app could store
    db.session.commit()
    page = login(app, checker).get(f"/claims/{researching.id}").get_data(as_text=True)
    assert 'href="javascript:' not in page
    assert "javascript:alert(1)" in page


@pytest.mark.parametrize(
    "referer",
    [
        "https://evil.example/phish",
        "javascript:alert(1)",
        "http://localhost.evil.example/",
        "//evil.example/x",
        "http://localhost/\\evil.example",
    ],
)
def test_go_back_never_leads_off_the_site(app, editor, referer):
    client = login(app, editor)
    response = client.get("/articles/999999", headers={"Referer": referer})
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert "Go back" not in page
    assert "evil.example" not in page and "javascript:" not in page


def test_go_back_returns_to_the_page_on_this_site(app, editor):
    client = login(app, editor)
    response = client.get("/articles/999999", headers={"Referer": "http://localhost/board/?desk=x"})
    assert response.status_code == 404
    assert 'href="/board/?desk=x">Go back' in response.get_data(as_text=True)
