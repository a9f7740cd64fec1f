"""Direct quotes credited to the right person, and labels that are no characterization.

Invented copy in the shapes of interviews, press conferences, post-match quotes and
court reports."""

from factcheck.extraction import suggest_claims
from tests.suggested import find, names


def test_two_people_sharing_a_surname_are_not_one_speaker():
    body = (
        "Maria and Tomas Velko lost their son in the crash.\n\n"
        '"We want answers," Maria Velko said.\n\n'
        '"I am angry with the airline," Tomas Velko said. "Why did nobody check the engine?"'
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "I am angry")) == ["Tomas Velko"]
    assert names(find(claims, "quote", "Why did nobody")) == ["Tomas Velko"]


def test_a_name_then_its_role_without_commas_speaks():
    body = (
        '"We cannot afford a doctor," shopkeeper Ivo Brask told reporters.\n\n'
        '"Before, I walked to work with my children," Dorin the labourer said.\n\n'
        '"Now I keep them at home."'
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "Before, I walked")) == ["Dorin"]
    assert names(find(claims, "quote", "Now I keep them")) == ["Dorin"]


def test_surname_particles_opening_the_attribution_belong_to_the_name():
    body = '"It was a hard night for us," de Brunn said after the defeat.'
    assert names(find(suggest_claims(body), "attribution", "hard night")) == ["de Brunn"]
    body = '"We go again next week," van der Molen added.'
    assert names(find(suggest_claims(body), "attribution", "next week")) == ["van der Molen"]


def test_the_opposition_post_before_a_name_is_no_part_of_it():
    body = "Opposition Leader Anil Sorde said the budget was a dud."
    assert names(find(suggest_claims(body), "attribution", "dud")) == ["Anil Sorde"]
    body = "The leader of the Opposition Ranjit Kalle said the plan had failed."
    assert names(find(suggest_claims(body), "attribution", "failed")) == ["Ranjit Kalle"]


def test_the_participle_opening_a_sentence_is_never_the_speaker():
    body = (
        "Speaking at the Velka Summit under the theme 'Truth in Politics', President Arno "
        "Tessel, referenced a report and claimed that a plot was orchestrated."
    )
    claim = find(suggest_claims(body), "attribution", "plot was orchestrated")
    assert names(claim) == ["Arno Tessel"]


def test_a_full_name_before_a_colon_speaks_the_quotation():
    body = (
        "The two coaches spoke after the final whistle.\n\n"
        'Marco Tellin: "We went out to win and we did not. I am upset with the players."\n\n'
        'Ivo Brask: "I would like to congratulate my side. We played very well."'
    )
    claims = suggest_claims(body)
    assert names(find(claims, "quote", "upset with the players")) == ["Marco Tellin"]
    assert names(find(claims, "quote", "congratulate my side")) == ["Ivo Brask"]


def test_a_one_word_label_before_a_colon_speaks_nothing():
    body = 'Note: "Figures are provisional and may change next week."'
    assert find(suggest_claims(body), "quote", "provisional").sources == []


def test_a_paragraph_going_on_about_the_speaker_keeps_the_next_quotation_his():
    body = (
        "Opposition Leader Anil Sorde has labelled the budget a dud.\n\n"
        "He said the government had failed to address spending.\n\n"
        "And he cast doubt on the government's ability to deliver a surplus.\n\n"
        '"This is a government that is much better at forecasting a surplus than delivering it."'
    )
    assert names(find(suggest_claims(body), "quote", "forecasting a surplus")) == ["Anil Sorde"]


def test_a_measure_before_a_label_suffix_is_no_characterization():
    body = (
        "The visitors slumped to a 158-run defeat and a two-run loss in the second match. "
        "State-run media blamed the coach. Rebels launch hit-and-run attacks on the road."
    )
    texts = [c.text for c in suggest_claims(body) if c.kind == "characterization"]
    assert texts == ["State-run media"]


def test_a_paragraph_with_the_last_speaker_as_its_subject_keeps_the_quotation_his():
    body = (
        '"I think headers are my speciality," Tom Koster told reporters.\n\n'
        "Velka won the final after seeing off tough opponents, and Koster, who has rarely "
        "started, paid tribute to his team-mates.\n\n"
        '"It is incredible. We were like a family and worked together."\n\n'
        "Ivo Brant was named player of the match after taking three wickets.\n\n"
        "Afterwards Koster was adamant the captaincy was unrelated to his form.\n\n"
        '"I have enjoyed that responsibility before this tournament."'
    )
    claims = suggest_claims(body)
    assert names(find(claims, "quote", "like a family")) == ["Tom Koster"]
    assert names(find(claims, "quote", "enjoyed that responsibility")) == ["Tom Koster"]


def test_the_last_speaker_as_an_object_does_not_speak_the_next_quotation():
    body = (
        '"I think headers are my speciality," Tom Koster told reporters.\n\n'
        "Ivo Brant was named player of the match.\n\n"
        "The crowd booed a late decision against Koster.\n\n"
        '"The referee had a poor game, everyone saw it."'
    )
    assert find(suggest_claims(body), "quote", "poor game").sources == []


def test_joking_and_narrating_report_speech():
    body = (
        "Velka's cup final hero Tom Koster has joked that headed goals are his speciality.\n\n"
        '"I think headers are my speciality," he told reporters.\n\n'
        '"We were told that whoever returned would be jailed," Ivo Brant narrated.'
    )
    claims = suggest_claims(body)
    assert names(find(claims, "attribution", "has joked that")) == ["Tom Koster"]
    assert names(find(claims, "attribution", "my speciality")) == ["Tom Koster"]
    assert names(find(claims, "attribution", "would be jailed")) == ["Ivo Brant"]
