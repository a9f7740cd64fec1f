"""How claims are shown around the article text."""

from factcheck.extensions import db
from factcheck.services import articles
from factcheck.web.rendering import quote_context
from tests.conftest import login

LONG = (
    "Hama is one of the few cities that remained under full government control during "
    "Syria's conflict. Its capture is a major setback for President Bashar Assad. "
    "Gregory Waters, an analyst of the Syrian army with the Middle East Institute, said so."
)
QUOTE = "Its capture is a major setback for President Bashar Assad."


def test_the_context_around_a_quote_is_whole_words(make, editor):
    article = make.article(editor, body=LONG)
    claim = make.claim(article, quote=QUOTE, editor=editor)
    before, after = quote_context(claim, width=40)
    assert before == "…control during Syria's conflict. "  # not "…ntrol during"
    assert after == " Gregory Waters, an analyst of the…"
    assert before[1:] + QUOTE + after[:-1] in LONG
    # nothing is cut, and no ellipsis, where the text ends
    first = make.claim(article, quote="Hama is one of the few cities", editor=editor)
    assert quote_context(first, width=40)[0] == ""
    assert quote_context(claim, width=200) == (
        LONG[: LONG.index(QUOTE)],
        LONG[LONG.index(QUOTE) + len(QUOTE) :],
    )


def test_a_lost_quote_shows_its_anchor_context(make, editor):
    article = make.article(editor, body=LONG)
    claim = make.claim(article, quote=QUOTE, editor=editor)
    articles.edit_article(article, editor, article.version, body="A different story entirely.")
    assert claim.anchor_lost
    assert quote_context(claim) == (f"…{claim.prefix}", f"{claim.suffix}…")


def test_the_claim_page_shows_the_context(app, make, editor):
    article = make.article(editor, body=LONG)
    claim = make.claim(article, quote=QUOTE, editor=editor)
    db.session.commit()
    page = login(app, editor).get(f"/claims/{claim.id}").get_data(as_text=True)
    assert '<span class="context">Hama is one of the few cities' in page
    assert "with the Middle East Institute, said so.</span>" in page
