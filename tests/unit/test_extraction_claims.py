"""Claim suggestions: kinds, spans, attribution chains, coreference, priorities."""

import json
from pathlib import Path

import pytest

from factcheck.extraction import (
    KnownSource,
    SuggestedClaim,
    clean_html,
    clean_text,
    suggest_claims,
)
from tests.suggested import find

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"


def example_body() -> str:
    return clean_text((ARTICLES / "hama-scraped.txt").read_text(encoding="utf-8")).body


@pytest.fixture(scope="module")
def example() -> tuple[str, list[SuggestedClaim]]:
    body = example_body()
    return body, suggest_claims(body)


def chain(claim: SuggestedClaim) -> list[tuple[str, str]]:
    return [(s.name, s.kind) for s in claim.sources]


# -- the example article --------------------------------------------------------


def test_every_span_is_exact(example):
    body, claims = example
    assert claims
    for claim in claims:
        assert body[claim.start : claim.end] == claim.text
        assert claim.text == claim.text.strip()


def test_ap_relays_the_syrian_army_admission(example):
    _, claims = example
    claim = find(claims, "attribution", "Associated Press reports the Syrian army admitted")
    assert chain(claim) == [("Syrian army", "government"), ("Associated Press", "agency")]


def test_ap_alias_in_text_resolves_to_associated_press(example):
    _, claims = example
    claim = find(claims, "attribution", "AP reports.")
    assert chain(claim) == [("Associated Press", "agency")]


def test_syrian_army_statements_and_pronoun_it(example):
    _, claims = example
    withdrew = find(claims, "attribution", "The Syrian army said it withdrew")
    assert chain(withdrew) == [("Syrian army", "government")]
    accused = find(claims, "attribution", "It accused the attackers")
    assert chain(accused) == [("Syrian army", "government")]
    assert accused.priority == "high"
    assert "accus" in accused.reason


def test_casualty_attribution_is_high_priority(example):
    _, claims = example
    claim = find(claims, "attribution", "undisclosed number of troops were killed")
    assert claim.priority == "high"
    assert "casualty" in claim.reason


def test_observatory_attribution_and_mi6_characterization(example):
    _, claims = example
    said = find(claims, "attribution", "a war monitor run by MI6 \u2014 said the mercenaries")
    assert chain(said) == [("Syrian Observatory for Human Rights", "monitor")]
    characterization = find(claims, "characterization", "run by MI6")
    assert characterization.text == (
        "Britain\u2019s Syrian Observatory for Human Rights \u2014 a war monitor run by MI6"
    )
    assert characterization.priority == "high"
    assert "characterises a source" in characterization.reason
    assert characterization.subject.name == "Syrian Observatory for Human Rights"


def test_observatory_chief_chain_uses_coreference(example):
    _, claims = example
    claim = find(claims, "attribution", "the Observatory\u2019s chief, Rami Abdurrahman, told")
    assert chain(claim) == [
        ("Rami Abdurrahman", "person"),
        ("Syrian Observatory for Human Rights", "monitor"),
        ("Associated Press", "agency"),
    ]
    assert claim.sources[0].affiliation == "Syrian Observatory for Human Rights"


def test_golani_announcement(example):
    _, claims = example
    claim = find(claims, "attribution", "Abu Mohammed al-Golani, the de facto HTS leader announced")
    assert chain(claim) == [("Abu Mohammed al-Golani", "person")]
    find(claims, "characterization", "the de facto HTS leader")


def test_waters_is_an_analyst_who_told_the_guardian(example):
    _, claims = example
    told = find(claims, "attribution", "Gregory Waters, an analyst")
    assert chain(told) == [("Gregory Waters", "analyst"), ("The Guardian", "publication")]
    assert told.sources[0].affiliation == "Middle East Institute"


def test_he_said_and_said_waters_refer_back_to_waters(example):
    _, claims = example
    he_said = find(claims, "attribution", "The Syrian army, he said, was")
    assert chain(he_said) == [("Gregory Waters", "analyst")]
    inverted = find(claims, "attribution", "said Waters.")
    assert chain(inverted) == [("Gregory Waters", "analyst")]


def test_standalone_quote_gets_speaker_from_context(example):
    _, claims = example
    quote = find(claims, "quote", "Even if the Russians")
    assert quote.text.endswith("we\u2019ve seen previously.\u201d")
    assert chain(quote) == [("Gregory Waters", "analyst")]


def test_distance_and_percentage_statistics(example):
    _, claims = example
    distance = find(claims, "statistic", "40 kilometers")
    assert distance.text == "about 40 kilometers (25 miles) south of Hama"  # and from where
    pay = find(claims, "statistic", "50%")
    assert pay.text == "increased military salaries by 50%"  # says what rose, not a bare "50%"
    assert chain(pay) == [("Gregory Waters", "analyst")]
    detainees = find(claims, "statistic", "detainees")
    assert detainees.text == "hundreds of detainees"


def test_nothing_from_page_furniture():
    raw = (ARTICLES / "hama-scraped.txt").read_text(encoding="utf-8")
    body = clean_text(raw).body
    for claim in suggest_claims(body):
        for junk in ("500 Points", "WebAdmin", "Iran preparing", "Netanyahu", "GIPHY"):
            assert junk not in claim.text


def test_to_dict_shape(example):
    _, claims = example
    data = find(claims, "attribution", "AP reports.").to_dict()
    assert set(data) == {"text", "start", "end", "kind", "sources", "priority", "reason"}
    assert data["sources"] == [{"name": "Associated Press", "kind": "agency", "unnamed": False}]
    json.dumps([c.to_dict() for c in claims])


def test_claims_are_in_text_order(example):
    _, claims = example
    starts = [c.start for c in claims]
    assert starts == sorted(starts)


# -- registry -------------------------------------------------------------------


def test_registry_ids_are_attached_through_aliases():
    registry = [
        KnownSource(id=7, name="The Associated Press", kind="agency", aliases=["AP"]),
        KnownSource(
            id=9, name="SOHR", kind="monitor", aliases=["Syrian Observatory for Human Rights"]
        ),
    ]
    claims = suggest_claims(example_body(), registry)
    ap = find(claims, "attribution", "AP reports.")
    assert [(s.name, s.source_id) for s in ap.sources] == [("The Associated Press", 7)]
    rami = find(claims, "attribution", "Rami Abdurrahman, told")
    assert [s.source_id for s in rami.sources] == [None, 9, 7]


# -- other behaviour ------------------------------------------------------------


def test_citing_and_according_to_build_the_chain():
    body = (
        "Reuters reported that the depot supplied about 60% of the diesel, citing two "
        "local officials.\n\nPrices rose 3% last year, according to a survey by the "
        "Tenants Union."
    )
    claims = suggest_claims(body)
    reuters = find(claims, "attribution", "Reuters reported")
    assert [s.name for s in reuters.sources] == ["two local officials", "Reuters"]
    survey = find(claims, "attribution", "according to a survey")
    assert [s.name for s in survey.sources] == ["survey", "Tenants Union"]
    assert survey.sources[0].kind == "document"
    assert not any(c.kind == "statistic" and "officials" in c.text for c in claims)


def test_casualty_figure_is_high_priority():
    body = "At least 14 civilians were killed in the strike, the health directorate said."
    statistic = find(suggest_claims(body), "statistic", "14 civilians")
    assert statistic.text == "At least 14 civilians"
    assert statistic.priority == "high"
    assert statistic.reason.startswith("casualty figure")


def test_years_dates_and_names_with_numbers_are_not_statistics():
    body = "The COVID-19 inquiry under Resolution 2254 met on 5 December 2023 and again on March 3."
    assert [c for c in suggest_claims(body) if c.kind == "statistic"] == []


def test_labels_and_loaded_labels_are_characterizations():
    body = (
        "Iranian-backed militias shelled the town on Monday. "
        "Hayat Tahrir al-Sham mercenaries entered the city."
    )
    texts = {c.text for c in suggest_claims(body) if c.kind == "characterization"}
    assert "Iranian-backed militias" in texts
    assert "Hayat Tahrir al-Sham mercenaries" in texts


def test_quotes_inside_attributed_sentence_do_not_become_separate_claims():
    body = "\u201cWe did not fire a single shell at civilian sites,\u201d the group said."
    claims = suggest_claims(body)
    assert [c.kind for c in claims] == ["attribution"]


def test_unattributed_quote_without_context_is_flagged():
    body = "\u201cThe roads out of the city are closed and people sleep in cars.\u201d"
    quote = find(suggest_claims(body), "quote", "roads out of the city")
    assert quote.sources == []
    assert quote.priority == "high"


def test_hedged_sentence_is_not_an_event():
    body = "The army might have captured the bridge near Karvella on Tuesday."
    assert suggest_claims(body) == []


def test_unicode_body_offsets_stay_exact():
    body = (
        "\u0645\u0631\u062d\u0628\u0627 \U0001f600 Protesters said 300 people marched "
        "past the \u201cnew\u201d ministry.\n\n\u200fThe council said it agreed."
    )
    claims = suggest_claims(body)
    assert claims
    for claim in claims:
        assert body[claim.start : claim.end] == claim.text
    find(claims, "statistic", "300 people")


@pytest.mark.parametrize(
    "body",
    [
        "",
        "   ",
        "\n\n",
        "\x00",
        "\u201c",
        "said said said",
        "\u2014 \u2014 \u2014",
        "He said.",
        "It",
    ],
)
def test_degenerate_bodies_do_not_raise(body):
    for claim in suggest_claims(body):
        assert body[claim.start : claim.end] == claim.text


# -- corpus ---------------------------------------------------------------------


def corpus() -> list[tuple[str, str, dict]]:
    items = []
    for path in sorted(ARTICLES.glob("*.expected.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        raw = (ARTICLES / gold["file"]).read_text(encoding="utf-8")
        article = clean_html(raw) if gold["file"].endswith(".html") else clean_text(raw)
        items.append((gold["file"], article.body, gold))
    return items


def test_corpus_has_the_required_articles():
    names = {name for name, _, _ in corpus()}
    assert len(names) >= 6
    assert "hama-scraped.txt" in names
    assert any(name.endswith(".html") for name in names)


@pytest.mark.parametrize(("name", "body", "gold"), corpus(), ids=lambda v: str(v)[:24])
def test_corpus_gold_quotes_are_found_in_the_cleaned_body(name, body, gold):
    for claim in gold["claims"]:
        assert body.count(claim["quote"]) == 1, claim["quote"]


@pytest.mark.parametrize(("name", "body", "gold"), corpus(), ids=lambda v: str(v)[:24])
def test_corpus_attributions_are_found_with_their_first_source(name, body, gold):
    suggested = suggest_claims(body)
    for claim in gold["claims"]:
        if claim["kind"] != "attribution":
            continue
        start = body.index(claim["quote"])
        hits = [c for c in suggested if c.kind == "attribution" and c.start == start]
        assert hits, claim["quote"]
        assert hits[0].sources, claim["quote"]


def test_quote_attributed_in_its_last_sentence_is_one_attribution():
    body = (
        "\u201cWe are ready to talk tomorrow. We are not ready to accept less than "
        "inflation,\u201d Callum Reid said."
    )
    claims = suggest_claims(body)
    assert [c.kind for c in claims if c.kind in ("quote", "attribution")] == ["attribution"]
    assert chain(find(claims, "attribution", "Callum Reid said"))[0][0] == "Callum Reid"


def test_she_said_refers_to_the_person_who_opened_the_sentence_before():
    body = (
        "Helen Achterberg, the transport minister, met union leaders.\n\n"
        "Marta Solis said the talks had failed.\n\n"
        "Transport minister Helen Achterberg urged both sides to return to talks. "
        '"Passengers should not pay for this dispute," she said.'
    )
    claims = suggest_claims(body)
    she = find(claims, "attribution", "she said")
    assert chain(she)[0][0] == "Helen Achterberg"


def test_the_union_refers_back_to_the_named_union():
    body = (
        "Talks between the Transport Workers Union and Meridian Rail collapsed.\n\n"
        "The union said 4,500 members had joined the strike."
    )
    claim = find(suggest_claims(body), "attribution", "The union said")
    assert chain(claim) == [("Transport Workers Union", "organisation")]


def test_recipient_stops_before_a_weekday():
    body = "\u201cWe will not be intimidated,\u201d Foreign Minister Ana Ruiz told CNN on Sunday."
    claim = find(suggest_claims(body), "attribution", "told CNN")
    assert chain(claim) == [("Ana Ruiz", "official"), ("CNN", "publication")]


def test_a_quote_whose_speaker_the_finder_missed_does_not_say_the_text_names_no_one():
    """No speaker the finder reads ("At the meeting, the message was blunt:"):
    the reason must not claim nobody is named, it asks to check the speaker."""
    body = (
        "At the meeting, the message was blunt: \u201cWe will rebuild every bridge before "
        "the winter comes and nobody will be left behind.\u201d"
    )
    (quote,) = [s for s in suggest_claims(body, []) if s.kind == "quote"]
    assert "not named" not in quote.reason
    assert "check the speaker" in quote.reason


def test_a_speaker_introducing_a_quote_with_a_colon_is_its_source():
    """ "Mayor Jane Smith was blunt: \u201c...\u201d": no said-verb, the subject speaks."""
    body = (
        "Mayor Jane Smith was blunt: \u201cWe will rebuild every bridge before the winter "
        "comes and nobody will be left behind.\u201d"
    )
    (quote,) = [s for s in suggest_claims(body, []) if s.kind == "quote"]
    assert [s.name for s in quote.sources] == ["Jane Smith"]
    assert "Jane Smith" in quote.reason
