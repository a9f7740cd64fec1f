"""Generic attribution rules drawn from failure classes on the dev pages of the corpus.

Every sentence here is written for the test; none is copied from a page. The
expected chains follow the policy: the person who spoke first, the body they
speak for when the copy names it, then whoever relayed it; vague sourcing is
flagged as unnamed.
"""

from factcheck.extraction import SuggestedClaim, suggest_claims


def find(claims: list[SuggestedClaim], kind: str, fragment: str) -> SuggestedClaim:
    hits = [c for c in claims if c.kind == kind and fragment in c.text]
    assert hits, f"no {kind} claim containing {fragment!r} in {[c.text for c in claims]}"
    return hits[0]


def names(claim: SuggestedClaim) -> list[str]:
    return [("~" if s.unnamed else "") + s.name for s in claim.sources]


# -- a body's own report is the body's word -----------------------------------


def test_a_report_released_by_a_named_body_is_that_body_speaking():
    body = (
        "The Coastal Fisheries Authority (CFA) counted 40 seal deaths in May.\n\n"
        "According to the latest monthly report released by the CFA on Friday, 12 seals "
        "were found dead in June."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "statistic", "12 seals")) == ["Coastal Fisheries Authority"]


def test_a_survey_by_a_named_body_keeps_the_survey():
    body = "Nearly half of nurses work unpaid overtime, according to a survey by the Care Union."
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "according to a survey")) == [
        "~survey",
        "Care Union",
    ]


# -- a capitalised description refers back to the body that spoke -----------


def test_capitalised_description_with_lower_case_head_refers_back():
    body = (
        "The Lakeland Disease Control Centre has reported 31 cases of dengue this year.\n\n"
        "The Public Health agency said that the cases span nine districts."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "The Public Health agency said")) == [
        "Lakeland Disease Control Centre"
    ]


def test_a_description_naming_a_people_is_another_body():
    body = (
        "The Lakeland Disease Control Centre has reported 31 cases of dengue this year.\n\n"
        "The Japanese weather agency said the rains would continue."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "weather agency said")) != [
        "Lakeland Disease Control Centre"
    ]


# -- a company named in passing is "the company" -----------------------------


def test_company_named_in_passing_is_the_company_that_speaks_later():
    body = (
        "Shares of Veltrix, the second-largest maker of garden tools, fell after the "
        "company reported a 20 percent drop in sales.\n\n"
        "Orders may recover next year, the company said."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "the company said")) == ["Veltrix"]
    assert names(find(claims, "statistic", "20 percent")) == ["Veltrix"]


# -- titled people speak for the body the copy named ---------------------------


def test_its_minister_speaks_for_the_ministry_just_named():
    body = (
        "The Water Ministry fears the drought will last into spring.\n\n"
        "Its minister Dr Ana Kovac said reservoirs were at 30 percent."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "Kovac said")) == ["Ana Kovac", "Water Ministry"]


def test_portfolio_minister_speaks_for_the_ministry_named_before():
    body = (
        "The Water Ministry said on Monday the drought would last into spring.\n\n"
        "Water Minister Ana Kovac said reservoirs were at 30 percent."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "Kovac said")) == ["Ana Kovac", "Water Ministry"]


def test_portfolio_minister_alone_when_no_ministry_was_named():
    claims = suggest_claims("Water Minister Ana Kovac said reservoirs were at 30 percent.")
    assert names(find(claims, "attribution", "Kovac said")) == ["Ana Kovac"]


def test_subject_with_an_unclosed_description_keeps_it_for_he_said():
    body = (
        "The Water Ministry said on Monday the drought would last into spring.\n\n"
        "Mr Tomas Vell, the spokesperson of the Ministry gave no details. He said the "
        "minister would visit the dam."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "He said")) == ["Tomas Vell", "Water Ministry"]


# -- belief and forecast verbs attribute ---------------------------------------


def test_suspects_and_expects_attribute_their_clause():
    body = (
        "The Water Ministry suspects the number of dry wells is growing.\n\n"
        "Veltrix expects a profit of 5 cents a share next quarter."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "suspects")) == ["Water Ministry"]
    assert names(find(claims, "attribution", "expects a profit")) == ["Veltrix"]


# -- a relative clause between subject and verb --------------------------------


def test_relative_clause_between_subject_and_verb_keeps_the_subject():
    claims = suggest_claims(
        "A rebel spokesman who claimed the ambush told reporters the convoy was the target."
    )
    assert names(find(claims, "attribution", "told reporters")) == ["~rebel spokesman"]


def test_described_speaker_is_not_a_later_person_of_another_body():
    body = (
        "A Red Hand spokesman who claimed the ambush told reporters the convoy was the "
        "target.\n\nTwo soldiers were hurt, said Maj. Tom Reyes, a spokesman for the army."
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "told reporters")) == ["~Red Hand spokesman"]
