"""Attributions the finder passed over: verbs that report only with a clause after them,
a stance stated ("expressed concern"), ", noting that" after a whole clause, and a body that
"was told" something by the speaker named in the next sentence.

Every sentence here is written for the test; none is copied from a page.
"""

from factcheck.extraction import SuggestedClaim, suggest_claims


def attributions(body: str) -> dict[str, list[str]]:
    return {
        c.text: [("~" if s.unnamed else "") + s.name for s in c.sources]
        for c in suggest_claims(body)
        if c.kind == "attribution"
    }


def kinds(body: str) -> list[tuple[str, str]]:
    return [(c.kind, c.text) for c in suggest_claims(body)]


def first(claims: list[SuggestedClaim], kind: str) -> SuggestedClaim:
    return next(c for c in claims if c.kind == kind)


def test_clause_verbs_report_with_that_or_whether():
    assert attributions("Mayor Joan Pike also shared that her office was drafting a bill.") == {
        "Mayor Joan Pike also shared that her office was drafting a bill.": ["Joan Pike"]
    }
    assert attributions("Councillor Tom Hale questioned whether the objection was genuine.") == {
        "Councillor Tom Hale questioned whether the objection was genuine.": ["Tom Hale"]
    }
    assert attributions("Greenpeace found that 30 rivers were polluted.") == {
        "Greenpeace found that 30 rivers were polluted.": ["Greenpeace"]
    }


def test_clause_verbs_without_a_clause_report_nothing():
    assert attributions("The club shared the prize with its rivals.") == {}
    assert attributions("Mayor Joan Pike felt ill on Monday and found the keys later.") == {}


def test_pointed_out_that_reports():
    found = attributions("Councillor Ray Ode pointed out that the road had flooded twice.")
    assert list(found.values()) == [["Ray Ode"]]


def test_a_stance_stated_is_an_attribution():
    found = attributions("Investors expressed concern the lender was unlikely to recover.")
    assert list(found.values()) == [["~Investors"]]
    found = attributions("The Nurses Union voiced fears over the new rota.")
    assert list(found.values()) == [["Nurses Union"]]


def test_noting_that_after_a_whole_clause_reports_its_subject():
    body = "Mayor Joan Pike opened the bridge on Monday, noting that repairs had cost a lot."
    assert list(attributions(body).values()) == [["Joan Pike"]]


def test_a_body_told_something_hears_it_from_the_next_speaker():
    body = (
        "Work is under way to clean the river, the Assembly was told today. "
        "Deputy Minister Ana Ruiz said the work began in May."
    )
    found = attributions(body)
    assert found["Work is under way to clean the river, the Assembly was told today."] == [
        "Ana Ruiz"
    ]


def test_told_that_with_the_speaker_in_the_next_paragraph():
    body = (
        "The Senate was told that 12 schools had closed.\n\n"
        "Education Minister Ivo Dann said the closures were temporary."
    )
    claims = suggest_claims(body)
    told = first(claims, "attribution")
    assert told.text == "The Senate was told that 12 schools had closed."
    assert [s.name for s in told.sources] == ["Ivo Dann"]
    assert [s.name for s in first(claims, "statistic").sources] == ["Ivo Dann"]


def test_told_with_no_speaker_after_stays_unattributed():
    body = "The Senate was told that 12 schools had closed. The roof collapsed on Monday."
    assert attributions(body) == {}


def test_a_person_told_to_do_something_is_no_attribution():
    body = "He was told to leave the hall. Ana Ruiz said the work began in May."
    assert list(attributions(body)) == ["Ana Ruiz said the work began in May."]
    body = "The court was told to wait. Ana Ruiz said the work began in May."
    assert list(attributions(body)) == ["Ana Ruiz said the work began in May."]


def test_a_sentence_that_is_its_figure_is_no_second_event():
    found = kinds("Sales from continuing operations rose 12 percent to $51.2 million.")
    assert found == [
        ("statistic", "Sales from continuing operations rose 12 percent to $51.2 million")
    ]
    found = kinds("Shares of Veltrix dropped 6 percent, to $14.30, in late trading.")
    assert [k for k, _ in found] == ["statistic"]


def test_an_event_beyond_its_figure_stays_an_event():
    # the verb that happened lies outside the figure: a second claim to check
    found = kinds("At least 19 people were killed in the blast in Harbour Street.")
    assert ("event", "At least 19 people were killed in the blast in Harbour Street.") in found
    # a long sentence around a short figure may say more than the figure
    body = (
        "Additionally, the Wholesale Price Index (WPI), which tracks what factories charge, "
        "rose 4.1% year-over-year as of May, the bureau'sreport showed."
    )
    assert "event" in [k for k, _ in kinds(body)]


def test_the_month_may_is_no_hedge():
    body = "The Harbour Board closed the north pier in May after a storm."
    assert ("event", body) in kinds(body)
    assert kinds("The Harbour Board may close the north pier after a storm.") == []


def test_continues_to_expect_reports_the_subject():
    found = attributions("The Port Authority continues to expect strong growth next year.")
    assert list(found.values()) == [["Port Authority"]]
    found = attributions("Analysts continue to forecast a slowdown in the second half.")
    assert list(found.values()) == [["~Analysts"]]
    # without "continues to", a base form reports nothing; nor does "continue to rise"
    assert attributions("Fans expect a win on Sunday.") == {}
    assert attributions("Prices continue to rise in the north.") == {}


def test_an_estimate_put_at_a_figure_is_the_estimator_speaking():
    claims = suggest_claims("The Met Office put the average temperature at 11.2C last year.")
    assert [s.name for s in first(claims, "attribution").sources] == ["Met Office"]
    assert [s.name for s in first(claims, "statistic").sources] == ["Met Office"]
    assert attributions("The bank pegged growth at about 3% for 2024.") == {
        "The bank pegged growth at about 3% for 2024.": ["bank"]
    }
    assert attributions("He put the book at the table.") == {}
    assert attributions("The council put up 40 new signs at 12 sites.") == {}


def test_counsel_for_a_party_is_unnamed_sourcing():
    body = "The counsel for the family read the letter and said that the payment was late."
    assert list(attributions(body).values()) == [["~counsel"]]


def test_by_saying_reports_the_clause_subject():
    body = (
        "On this, Senator Ravi Dutt, the mover of the motion, chided the party "
        "by saying that it had failed."
    )
    assert list(attributions(body).values()) == [["Ravi Dutt"]]
    body = "Coach Mia Lund ended the row by confirming that she would stay."
    assert list(attributions(body).values()) == [["Mia Lund"]]
    assert attributions("The Rovers won the cup by scoring twice in extra time.") == {}
