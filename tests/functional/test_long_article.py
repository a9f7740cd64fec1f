"""An article with hundreds of claims lists them a hundred at a time beside
the text (an article with 654 claims made an 88,000 px page)."""

from factcheck.extensions import db
from factcheck.models import ClaimKind
from factcheck.services import claims
from tests.conftest import login

SENTENCES = 230


def test_the_claims_beside_the_text_come_a_hundred_a_page(app, make, editor):
    body = "\n\n".join(f"Figure {n} rose by {n} percent in district {n}." for n in range(SENTENCES))
    article = make.article(editor, body=body)
    for n in range(SENTENCES):
        quote = f"Figure {n} rose by {n} percent"
        start = article.body.index(quote + " ")
        claims.create_claim(
            article, editor, start=start, end=start + len(quote), kind=ClaimKind.STATISTIC
        )
    db.session.commit()
    client = login(app, editor)

    first = client.get(f"/articles/{article.id}").get_data(as_text=True)
    assert first.count('class="claim-link"') == 100
    assert "Claims page 1 of 3" in first and "Next claims" in first
    assert "Claims (230)" in first  # the heading counts them all

    last = client.get(f"/articles/{article.id}?claims_page=3").get_data(as_text=True)
    assert last.count('class="claim-link"') == 30
    assert "Previous claims" in last and "Next claims" not in last

    beyond = client.get(f"/articles/{article.id}?claims_page=99").get_data(as_text=True)
    assert beyond.count('class="claim-link"') == 30  # past the end shows the last page
