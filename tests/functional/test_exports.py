"""Exports of a checked article."""

import csv
import io
import json

from factcheck.extensions import db
from factcheck.models import ClaimKind, ClaimStatus


def test_claimreview_lists_approved_verdicts_with_their_rating(app, editor_client, make, editor):
    article = make.article(editor, source_url="https://example.org/story")
    approved = make.claim(
        article,
        status=ClaimStatus.APPROVED,
        rating="misleading",
        kind=ClaimKind.ATTRIBUTION,
        quote="AP reports",
        sources=[make.source("The Associated Press")],
    )
    make.claim(article, quote="protect civilians", status=ClaimStatus.IN_REVIEW)
    db.session.commit()
    response = editor_client.get(f"/articles/{article.id}/claimreview.json")
    assert response.mimetype == "application/ld+json"
    items = json.loads(response.get_data(as_text=True))
    assert len(items) == 1  # the claim still in review is not published
    item = items[0]
    assert item["@type"] == "ClaimReview"
    assert item["claimReviewed"] == "AP reports"
    assert item["reviewRating"]["alternateName"] == "Misleading"
    assert item["reviewRating"]["ratingValue"] == 2
    assert item["itemReviewed"]["author"] == {
        "@type": "Organization",
        "name": "The Associated Press",
    }
    assert item["url"].endswith(f"/articles/{article.id}#claim-{approved.id}")


def test_csv_has_a_row_per_claim_and_defuses_formulas(editor_client, make, editor):
    body = '=HYPERLINK("http://evil") said the minister.\n\nOther text here.'
    article = make.article(editor, body=body)
    make.claim(
        article, quote='=HYPERLINK("http://evil") said the minister.', status=ClaimStatus.APPROVED
    )
    db.session.commit()
    response = editor_client.get(f"/articles/{article.id}/claims.csv")
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(rows) == 1
    assert rows[0]["quote"].startswith("'=HYPERLINK")
    assert rows[0]["rating"] == "Accurate" and rows[0]["status"] == "approved"


def test_report_shows_each_claim_with_verdict_and_evidence(editor_client, make, editor):
    article = make.article(editor)
    make.claim(article, status=ClaimStatus.APPROVED)
    db.session.commit()
    page = editor_client.get(f"/articles/{article.id}/report").get_data(as_text=True)
    assert "about 40 kilometers south of Hama" in page
    assert "Ministry statement" in page
    assert "Accurate" in page and "approved by Dana Editor" in page
