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


# Review 6: only cities of the time-zone database in dateline position keep the citation, and
# not those that are common given names; -oly/-aly given names are no adverbs; one place-noun set.

@pytest.mark.parametrize("text, outlet", [
    ("Sydney Bloomberg said the plan was sound.", "Bloomberg"),        # a city that is a given name
    ("Adelaide Forbes wrote that rents were too high.", "Forbes"),
    ("Regina Bloomberg said the plan was sound.", "Bloomberg"),
    ("Casey Bloomberg said the plan was sound.", "Bloomberg"),         # an Antarctic station
    ("Shares fell. Victoria Forbes wrote that rents were too high.", "Forbes"),
    ("Anatoly Forbes wrote that rents were too high.", "Forbes"),      # -oly is no adverb
    ("Vitaly Bloomberg said the plan was sound.", "Bloomberg"),
    ("Universal Forbes wrote that rents were too high.", "Forbes"),    # Etc/Universal is no city
])
def test_a_given_name_that_is_also_a_time_zone_name_makes_a_person(text, outlet, reg):
    assert outlet not in cited_of(text, reg)


@pytest.mark.parametrize("text, outlet", [
    ("The talks ended. Hong Kong Reuters reported that the index had risen.", "Reuters"),
    ("In Hong Kong Reuters reported that the index had risen.", "Reuters"),
    ("Buenos Aires Reuters reported that the peso had fallen.", "Reuters"),  # last path segment
    ('"We have won." Tokyo Reuters reported the result.', "Reuters"),
    ("Meanwhile, Kyiv Interfax said the talks had failed.", "Interfax"),
])
def test_a_city_in_dateline_position_keeps_the_citation(text, outlet, reg):
    assert outlet in cited_of(text, reg)


@pytest.mark.parametrize("text, who", [
    ("Residents of the municipality of Zarqa said the water was unsafe.",
     "Residents of the municipality of Zarqa"),
    ("Residents in Jabalia camp told Reuters the water was unsafe.", "Residents in Jabalia camp"),
    ("Fishermen in Haiphong port said the catch had fallen.", "Fishermen in Haiphong port"),
])
def test_people_from_a_named_place_speak_as_the_whole_group(text, who):
    """The convention: the people noun with its place is the speaker, not the bare place."""
    found = speakers(text)
    assert who in found and "Zarqa" not in found and "Jabalia" not in found


def test_a_camp_without_people_before_it_makes_no_group():
    assert "Jabalia camp" not in speakers("Jabalia camp officials said the water was unsafe.")


@pytest.mark.parametrize("name, is_city", [
    ("shanghai", True), ("hong kong", True), ("buenos aires", True), ("kyiv", True),
    ("gmt+1", False), ("zulu", False), ("universal", False), ("eastern", False), ("pacific", False),
    ("central", False), ("mountain", False), ("casey", False), ("argentina", False), ("america", False),
])
def test_time_zone_places_are_the_cities_of_the_continent_areas_only(name, is_city):
    from labeler.provenance.notices import _tz_places

    if not _tz_places():
        pytest.skip("no IANA time-zone data on this system")
    assert (name in _tz_places()) is is_city


def test_missing_time_zone_data_is_reported_not_hidden(monkeypatch, caplog):
    import zoneinfo

    from labeler.provenance import notices

    monkeypatch.setattr(zoneinfo, "available_timezones", lambda: set())
    notices._tz_places.cache_clear()
    try:
        with caplog.at_level("WARNING", logger=notices.__name__):
            assert notices._tz_places() == frozenset()
        assert "time-zone data" in caplog.text
    finally:
        notices._tz_places.cache_clear()
