"""A later word for the same kind of post ("the tactician" after "coach Tom Hale", "the
officer" after "DGP Ravi Sood", "the lawmaker" after "Senator Ann Roe") refers back to
the one person the copy named with a post of that kind; two such people name nobody,
and a post of another kind ("Police Chief") is not one of them.

Every sentence here is written for the test; none is copied from a page.
"""

from tests.suggested import find, names, story


def test_the_tactician_is_the_coach_named_before():
    claims = story(
        "Tarnside coach Ian Mole said his side had won 12 of their last 15 games.",
        "The tactician added that 3 players were injured.",
    )
    assert names(find(claims, "attribution", "3 players were injured")) == ["Ian Mole"]


def test_the_officer_is_the_one_police_officer_named_with_a_rank():
    claims = story(
        "DGP Ravi Sood said 400 officers had been deployed in the city.",
        "The officer added that 12 checkpoints were set up.",
    )
    assert names(find(claims, "attribution", "DGP Ravi Sood said")) == ["Ravi Sood"]
    assert names(find(claims, "attribution", "12 checkpoints")) == ["Ravi Sood"]


def test_the_officer_is_not_a_police_chief_of_another_kind_of_post():
    claims = story(
        "Police Chief Ana Lopes said 3 officers were at the scene.",
        "The officer said 2 shots were fired.",
    )
    said = find(claims, "attribution", "2 shots were fired")
    assert "Ana Lopes" not in names(said)


def test_the_lawmaker_is_nobody_when_two_senators_were_named():
    claims = story(
        "Senator Ann Reyes and Senator Tom Hale met the governor on Monday.",
        "The lawmaker said 40 members backed the measure.",
    )
    said = find(claims, "statistic", "40 members")
    assert not {"Ann Reyes", "Tom Hale"} & set(names(said))
