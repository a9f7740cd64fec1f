""" "As per the will of Ann Roe", "as per the rules", "according to the guidelines" say
what a claim conforms to, not who said it: the will, the rules or the guidelines are
never a source named after them. The body that laid the norm down, when the copy names
it ("the rules laid down by the board", "the advisories issued by the ministry"), is.

Every sentence here is written for the test; none is copied from a page.
"""

from tests.suggested import find, names, story


def test_a_will_is_no_source():
    claims = story(
        "As per the will of the late founder, the trust will give 40 per cent of its income "
        "to schools."
    )
    said = find(claims, "statistic", "40 per cent")
    assert not any("will" in n.lower() for n in names(said))


def test_rules_laid_down_by_a_body_are_the_body_s():
    claims = story("Fees will rise by 5 per cent as per the rules laid down by the Tarn Board.")
    said = find(claims, "statistic", "5 per cent")
    assert names(said) == ["Tarn Board"]


def test_advisories_issued_by_a_body_are_the_body_s():
    claims = story(
        "Schools will reopen at 50 per cent capacity as per the advisories issued by the "
        "Norland Health Ministry."
    )
    said = find(claims, "statistic", "50 per cent")
    assert names(said) == ["Norland Health Ministry"]


def test_guidelines_with_no_body_name_no_source():
    claims = story("As per the guidelines, 30 per cent of the seats are reserved for women.")
    said = find(claims, "statistic", "30 per cent")
    assert names(said) == []


def test_accounting_standards_are_no_source():
    claims = story(
        "Kello Bank had a profit of $4 million in 2025, according to International "
        "Financial Reporting Standards, the bank said on Thursday."
    )
    said = find(claims, "statistic", "$4 million")
    assert names(said) == ["Kello Bank"]
