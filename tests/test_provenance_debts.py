"""Provenance debts: the word lists behind the given-name and "and"-name rules are package data
(each row with its source, a bad row rejected naming its file and line), and three gaps of the
last review: a dateline city after a semicolon, people of "the province/oblast of X", and a name
in apposition to the modifier of a plural group ("Relatives of the victim, Omar Haddad, said").
Invented sentences only."""
from importlib.resources import files

import pytest

from labeler.provenance.notices import _given_name_cities, _not_given_words
from labeler.provenance.quotes import find_quotes
from labeler.provenance.speakers import and_names, lexicon_column

from conftest import cited_of, speakers

LEXICONS = [("not_given_names.csv", "word"), ("given_name_cities.csv", "city"), ("and_names.csv", "name"),
            ("plural_people.csv", "word")]


# --- the lists are package data ------------------------------------------------------------------

@pytest.mark.parametrize("name, column", LEXICONS)
def test_each_lexicon_ships_as_package_data_with_a_source_per_row(name, column):
    import csv
    import io

    raw = files("labeler.data").joinpath(name).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(raw)))
    assert rows and all(r[column].strip() and r["source"].strip() for r in rows)
    assert lexicon_column(name, column) == tuple(r[column].strip() for r in rows)


@pytest.mark.parametrize("name, column", LEXICONS)
def test_no_lexicon_lists_an_entry_twice(name, column):
    entries = [e.lower() for e in lexicon_column(name, column)]
    assert len(entries) == len(set(entries))


@pytest.mark.parametrize("word, never_given", [
    ("russian", True), ("moscow", True), ("citing", True), ("daily", True), ("sunday", True), ("top", True),
    ("michael", False), ("sydney", False), ("emily", False),
])
def test_the_not_given_list_holds_classes_of_words_that_are_no_given_names(word, never_given):
    assert (word in _not_given_words()) is never_given


@pytest.mark.parametrize("city, given", [
    ("sydney", True), ("adelaide", True), ("lima", True), ("tokyo", False), ("vienna", False), ("hong kong", False),
])
def test_the_given_name_cities_are_the_cities_that_are_common_given_names(city, given):
    assert (city in _given_name_cities()) is given


@pytest.mark.parametrize("name", [("trinidad", "and", "tobago"), ("procter", "and", "gamble"),
                                  ("st.", "kitts", "and", "nevis")])
def test_and_names_are_read_as_lowercased_words(name):
    assert name in and_names()


@pytest.mark.parametrize("text, outlet, cited", [
    ("Russian Sputnik reported that the talks had stalled.", "Sputnik", True),
    ("Citing Reuters, the minister said the talks had stalled.", "Reuters", True),
    ("Michael Bloomberg said the plan was sound.", "Bloomberg", False),
    ("Sydney Bloomberg said the plan was sound.", "Bloomberg", False),
    ("Vienna Reuters reported that the talks had stalled.", "Reuters", True),
])
def test_the_given_name_rule_reads_its_lists_from_data(text, outlet, cited, reg):
    assert (outlet in cited_of(text, reg)) is cited


@pytest.mark.parametrize("text, who", [
    ("Trinidad and Tobago said the vote would go ahead.", {"Trinidad and Tobago"}),
    ("Procter and Gamble said prices would rise.", {"Procter and Gamble"}),
    ("Moscow and Washington said the talks would resume.", {"Moscow", "Washington"}),
])
def test_and_names_from_data_stay_one_party(text, who):
    assert speakers(text) == who


@pytest.mark.parametrize("content, message", [
    ("word,source\nrussian\n", "line 2: 1 fields, the header has 2"),
    ("word,source\nrussian,grammar\nczech,grammar,extra\n", "line 3: 3 fields, the header has 2"),
    ("word,source\nrussian,\n", "line 2: empty 'source'"),
    ("word,source\n,grammar\n", "line 2: empty 'word'"),
    ("term,source\nrussian,grammar\n", "no column 'word'"),
    ("word\nrussian\n", "no column 'source'"),
])
def test_a_malformed_lexicon_row_is_rejected_naming_its_file_and_line(tmp_path, content, message):
    path = tmp_path / "bad_words.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match="bad_words.csv") as err:
        lexicon_column("bad_words.csv", "word", path=str(path))
    assert message in str(err.value)


# --- a. a dateline city after a semicolon -------------------------------------------------------

@pytest.mark.parametrize("text, outlet", [
    ("The talks stalled; Hong Kong Reuters reported that the index had risen.", "Reuters"),
    ("The talks stalled; Tokyo Reuters reported that the yen had fallen.", "Reuters"),
    ("The talks stalled; in Tokyo Reuters reported that the yen had fallen.", "Reuters"),
    ("The talks stalled; meanwhile, Kyiv Interfax said the talks had failed.", "Interfax"),
])
def test_a_city_opening_a_clause_after_a_semicolon_is_in_dateline_position(text, outlet, reg):
    assert outlet in cited_of(text, reg)


@pytest.mark.parametrize("text, outlet", [
    ("The talks stalled; Sydney Bloomberg said the plan was sound.", "Bloomberg"),    # a given-name city
    ("The talks stalled; Adelaide Forbes wrote that rents were too high.", "Forbes"),
    ("The talks stalled; Michael Bloomberg said the plan was sound.", "Bloomberg"),   # a given name
    ("The talks stalled, Tokyo Reuters reported.", "Reuters"),                       # a comma opens no clause
])
def test_a_person_after_a_semicolon_stays_a_person(text, outlet, reg):
    assert outlet not in cited_of(text, reg)


@pytest.mark.parametrize("text, who", [
    ("The talks stalled; Hong Kong Reuters reported that the index had risen.", {"Reuters"}),
    ("Tokyo Reuters reported that the yen had fallen.", {"Reuters"}),
    ("Meanwhile, Kyiv Interfax said the talks had failed.", {"Interfax"}),
    # near misses: a given-name city, an outlet whose name starts with a city, a person
    ("The talks stalled; Sydney Bloomberg said the plan was sound.", {"Sydney Bloomberg"}),
    ("Kyiv Independent reported that the talks had failed.", {"Kyiv Independent"}),
    ("Paris Hilton said the plan was sound.", {"Paris Hilton"}),
])
def test_a_dateline_city_before_an_outlet_is_no_part_of_the_speaker(text, who):
    assert speakers(text) == who


# --- b. people of "the province/oblast/region of X" ---------------------------------------------

@pytest.mark.parametrize("text, who", [
    ("Residents of the province of Idlib said the water was unsafe.", "Residents of the province of Idlib"),
    ("Residents of the oblast of Kherson told Reuters the water was unsafe.",
     "Residents of the oblast of Kherson"),
    ("Farmers from the region of Tigray said the harvest had failed.", "Farmers from the region of Tigray"),
    ("Residents of the district of Zarqa said the water was unsafe.", "Residents of the district of Zarqa"),
    ("Residents of the municipality of Zarqa said the water was unsafe.",
     "Residents of the municipality of Zarqa"),
    # a modifier after the determiner, for every place noun alike
    ("Residents of the nearby village of Zarqa said the water was unsafe.",
     "Residents of the nearby village of Zarqa"),
    ("Residents of the nearby town of Zarqa said the water was unsafe.", "Residents of the nearby town of Zarqa"),
    ("Farmers in the remote mountain district of Zarqa said the harvest had failed.",
     "Farmers in the remote mountain district of Zarqa"),
])
def test_people_of_any_named_place_speak_as_the_whole_group(text, who):
    """The convention of the municipality/town forms: the people with their place speak, never the place."""
    found = speakers(text)
    assert found == {who}


@pytest.mark.parametrize("text, who", [
    ("The province of Idlib said the water was unsafe.", {"Idlib"}),  # the place as a body, as "the city of X"
    ("Officials said the residents of the province of Idlib were safe.", {"Officials"}),  # people spoken of
])
def test_a_place_noun_without_people_speaking_makes_no_group(text, who):
    assert speakers(text) == who


# --- c. a name in apposition to the modifier of a plural group -----------------------------------

@pytest.mark.parametrize("text, who", [
    ("Relatives of the victim, Omar Haddad, said the police had not called them.", "Relatives of the victim"),
    ("Relatives of the victim said the police had not called them.", "Relatives of the victim"),
    ("Brothers of the victim, Omar Haddad, said the police had not called them.", "Brothers of the victim"),
    ("Neighbours of the victim, Omar Haddad, said the police had not called them.", "Neighbours of the victim"),
    ("Children of the victim, Omar Haddad, said the police had not called them.", "Children of the victim"),
    ("Supporters of the jailed editor, Omar Haddad, said the charges were false.",
     "Supporters of the jailed editor"),
])
def test_a_plural_group_speaks_not_the_name_of_the_person_it_is_related_to(text, who):
    assert speakers(text) == {who}


@pytest.mark.parametrize("text", [
    "His brother, Omar Haddad, said the police had not called them.",
    "A relative of the victim, Omar Haddad, said the police had not called them.",  # singular: the name is his
    "The victim's cousin, Omar Haddad, said the police had not called them.",
])
def test_a_name_in_apposition_to_a_single_speaker_still_speaks(text):
    assert speakers(text) == {"Omar Haddad"}


def test_two_names_after_a_plural_group_are_the_speakers():
    text = "Relatives of the victim, Omar Haddad and Ali Demir, said the police had not called them."
    assert speakers(text) == {"Omar Haddad", "Ali Demir"}


# --- an addressee's name ends before the next clause's subject -----------------------------------

@pytest.mark.parametrize("text, words", [
    ("Relatives of the victim told Reuters the police had not called them.", "the police had not called them"),
    ("Omar Haddad told the Associated Press the company would appeal.", "the company would appeal"),
    ("Omar Haddad told the Ministry of the Interior the company would appeal.", "the company would appeal"),
    ("Omar Haddad told journalists outside the court that the ruling was unjust.", "the ruling was unjust"),
])
def test_the_words_told_to_an_outlet_keep_their_subject(text, words):
    assert [q.content for q in find_quotes(text)] == [words]
