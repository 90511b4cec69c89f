"""Review 5 of the provenance rules: a redefined place-noun set had cut groups from a named place
("Farmers in Kherson oblast told Reuters"); a word before a one-word outlet name was read as a given
name unless it sat on an exclusion list, so a time adverb, a seniority adjective or a dateline city
before the outlet ("Yesterday Reuters reported", "Veteran Reuters correspondent", "Tokyo Reuters")
dropped a real citation; "and"-names are one party only when they are one name; an ask with an
adverb agrees with the same ask without it. Invented sentences only."""
import pytest

from labeler.provenance.quotes import find_quotes

from conftest import cited_of, speakers


@pytest.mark.parametrize("text, who", [
    ("Farmers in Kherson oblast told Reuters the harvest was poor.", "Farmers in Kherson oblast"),
    ("Fishermen in Mekong delta said the catch had fallen by half.", "Fishermen in Mekong delta"),
    ("Teachers in Hokkaido prefecture said the schools would reopen.", "Teachers in Hokkaido prefecture"),
    ("Residents in Basra governorate said the water was unsafe.", "Residents in Basra governorate"),
])
def test_people_in_a_named_place_with_a_regional_place_noun_speak_as_a_group(text, who):
    assert who in speakers(text)


@pytest.mark.parametrize("text, who", [
    ("Parents in the town of Zarqa said the school had closed.", "Parents in the town of Zarqa"),
    ("Residents of the city of Mosul said the bridge was down.", "Residents of the city of Mosul"),
])
def test_people_at_a_town_still_speak_as_a_group(text, who):
    assert who in speakers(text)


def test_a_place_noun_without_people_before_it_makes_no_group():
    assert "Kherson oblast" not in speakers("Kherson oblast officials said the harvest was poor.")


@pytest.mark.parametrize("text, outlet", [
    ("Yesterday Reuters reported that the talks had stalled.", "Reuters"),
    ("Overnight Bloomberg reported that the deal was done.", "Bloomberg"),
    ("Previously Reuters reported that the plant had shut.", "Reuters"),
    ("Additionally Reuters reported that two ships were hit.", "Reuters"),
    ("Similarly Reuters reported a fall in exports.", "Reuters"),
    ("Veteran Reuters correspondent John Smith said the talks had failed.", "Reuters"),
    ("Senior Reuters editors said the story stood.", "Reuters"),
    ("Shanghai Xinhua reported the new trade figures.", "Xinhua"),
    ("Caracas Reuters reported that the vote was delayed.", "Reuters"),
    ("Gaza Reuters reported that the crossing was shut.", "Reuters"),
    ("Tokyo Reuters reported that the yen had fallen.", "Reuters"),
    ("Hong Kong Reuters reported that the index had risen.", "Reuters"),
    ("Meanwhile, Kyiv Interfax said the talks had failed.", "Interfax"),
])
def test_a_time_word_seniority_word_or_city_before_an_outlet_keeps_the_citation(text, outlet, reg):
    assert outlet in cited_of(text, reg)


@pytest.mark.parametrize("text, outlet", [
    ("Michael Bloomberg said the plan was sound.", "Bloomberg"),
    ("Steve Forbes wrote that taxes were too high.", "Forbes"),
    ("Mayor Bloomberg said the budget was balanced.", "Bloomberg"),
    ("Emily Bloomberg said the plan was sound.", "Bloomberg"),       # a given name in -ly
    ("Kimberly Forbes wrote that rents were too high.", "Forbes"),   # a longer one
    ("Michael R. Bloomberg said the plan was sound.", "Bloomberg"),  # a middle initial
])
def test_a_given_name_or_honorific_before_an_outlets_name_still_makes_a_person(text, outlet, reg):
    assert outlet not in cited_of(text, reg)


@pytest.mark.parametrize("text, who", [
    ("Trinidad and Tobago said the vote was fair.", "Trinidad and Tobago"),
    ("Marks and Spencer said sales had fallen.", "Marks and Spencer"),
    ("Rolls-Royce said the engines were safe.", "Rolls-Royce"),
])
def test_one_party_names_stay_whole(text, who):
    assert who in speakers(text)


def test_rolls_and_royce_written_with_and_is_two_names():
    found = speakers("Rolls and Royce said the engines were safe.")
    assert "Rolls and Royce" not in found


def test_an_adverb_after_an_auxiliary_reads_like_the_plain_ask():
    """The convention records an ask with its object as the content ("the EU for help")."""
    plain = [(q.speaker, q.content) for q in find_quotes("The minister asked the EU for help.")]
    assert [(q.speaker, q.content) for q in find_quotes("The minister has formally asked the EU for help.")] == plain
