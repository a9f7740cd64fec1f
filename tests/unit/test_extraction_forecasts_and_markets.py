"""Who gives a figure in market copy: a firm or analyst that raises, lowers or keeps its
own target or forecast gives that figure; analysts polled by a firm who "expect" or
"anticipate" a figure give it through the firm; a share or stock move is the writer's
own market report, never the figure of whoever spoke before in the paragraph.

Every sentence here is written for the test; none is copied from a page.
"""

from tests.suggested import find, names, story


def test_a_bank_that_raises_its_price_target_gives_the_target():
    claims = story(
        "Several brokers raised their targets for Dunmore Steel this week.",
        "Harlow Bank boosted its price target to $241 from $197.",
    )
    assert names(find(claims, "statistic", "$241 from $197")) == ["Harlow Bank"]


def test_a_one_word_firm_that_lifts_its_target_is_a_firm_and_gives_the_target():
    claims = story("Brandvale lifted its price target to $370 from $296.")
    figure = find(claims, "statistic", "$370 from $296")
    assert names(figure) == ["Brandvale"]
    assert figure.sources[0].kind == "organisation"


def test_an_analyst_described_after_the_name_who_lowers_his_target_gives_it():
    claims = story(
        "Dunmore Steel said sales would fall short of its forecast.",
        "Tom Ruiz, an analyst at Harlow Bank, lowered his price target on the stock to "
        "$9 from $17.",
    )
    assert names(find(claims, "statistic", "$9 from $17"))[0] == "Tom Ruiz"


def test_each_firm_in_a_run_of_target_changes_gives_its_own_target():
    claims = story(
        "Harlow Bank raised its target to $230 from $220. Brandvale Securities lifted its "
        "target price to $275 from $250."
    )
    assert names(find(claims, "statistic", "$275 from $250")) == ["Brandvale Securities"]


def test_analysts_polled_by_a_firm_who_expect_a_figure_give_it_through_the_firm():
    claims = story(
        "Dunmore Steel said sales fell in the quarter.",
        "Analysts polled by Harlow Data expect revenue of $34 million.",
    )
    figure = find(claims, "statistic", "$34 million")
    assert names(figure)[-1] == "Harlow Data"


def test_analysts_who_anticipate_a_figure_give_it():
    claims = story(
        "Dunmore Steel said sales fell in the quarter.",
        "Analysts anticipate that prices will be 10% lower.",
    )
    assert names(find(claims, "statistic", "10%")) == ["~Analysts"]


def test_a_share_move_after_a_quote_is_not_the_speaker_s_figure():
    claims = story(
        '"These results are disappointing," said Ana Velde, the chief executive. Shares '
        "of the Dunmore, Ohio-based company fell $2.31 to $13 in late trading. During the "
        "regular session, the shares rose 31 cents to $15.31."
    )
    assert "Ana Velde" not in names(find(claims, "statistic", "$2.31 to $13"))
    assert "Ana Velde" not in names(find(claims, "statistic", "31 cents to $15.31"))
