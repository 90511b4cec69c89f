"""Each quote says what kind of thing its speaker is, so a reader can keep the named sources
(the labelling convention) without the tool dropping any quote. Sentences are invented here."""
from __future__ import annotations

import json

import pytest

from labeler import analyze
from labeler.provenance.quotes import find_quotes
from labeler.provenance.speakers import SPEAKER_KINDS
from labeler.schema import Quote, analysis_from_dict
from labeler.ui.render import text_marks


def kinds(text: str) -> dict[str, str]:
    return {q.speaker: q.speaker_kind for q in find_quotes(text)}


@pytest.mark.parametrize("text, speaker, kind", [
    # named people, with and without a title
    ("Deputy Mayor Olena Brisk said the bridge would reopen in May.", "Olena Brisk", "person"),
    ("Interior Minister Tomas Valk told reporters that the border stayed shut.", "Tomas Valk", "person"),
    ("Dr. Amara Quist said the clinic was short of staff.", "Amara Quist", "person"),
    # named organisations, also with a place or the "Ministry of" form
    ("The Indian Institute of Science in Bangalore said the samples were sound.",
     "Indian Institute of Science in Bangalore", "organisation"),
    ("Ministry of Environment said the river water was safe to drink.", "Ministry of Environment", "organisation"),
    ("The Harbour Workers Union said the strike would go ahead on Monday.", "Harbour Workers Union", "organisation"),
    ("Lithuania's transport ministry said the trains would run again.", "Lithuania's transport ministry", "organisation"),
    # outlets: cited, not sources
    ("Anadolu reported that the ferry had docked safely.", "Anadolu", "outlet"),
    ("Reuters reported that the smelter had closed for good.", "Reuters", "outlet"),
    # unnamed groups, also when a sentence opens with them
    ("Pensioners said the new fares were unfair to them.", "Pensioners", "group"),
    ("Advocacy groups warned that the scheme would leave families behind.", "Advocacy groups", "group"),
    ("Residents said the tap water smelled of diesel.", "Residents", "group"),
    ("The court said the ban on street stalls was lawful.", "court", "group"),
    ("The provincial government said the roads would reopen by Friday.", "provincial government", "group"),
    # unnamed individuals by role
    ("A spokesperson said the company would appeal the fine.", "spokesperson", "role"),
    ("A source familiar with the talks said a deal was close.", "source familiar with the talks", "role"),
    ("A dock worker from Gdynia said the cranes had stood idle for weeks.", "dock worker from Gdynia", "role"),
    # an unresolved pronoun
    ("He said the talks were over.", "He", "unknown"),
])
def test_each_kind_of_speaker(text, speaker, kind):
    assert kinds(text).get(speaker) == kind


def test_back_reference_takes_the_kind_of_what_it_resolves_to():
    text = ("The Finance Ministry said on Monday that fuel duty would rise in spring. "
            "The ministry said the rise was needed to close the budget gap.")
    quotes = find_quotes(text)
    assert [(q.speaker, q.speaker_kind) for q in quotes] == [("Finance Ministry", "organisation")] * 2


@pytest.mark.parametrize("text, speaker, kind", [
    # the body's full name given earlier, then "the agency" / "the authority" refers back to it
    ("Norland's Coastal Survey Agency on Friday closed two beaches. The agency said the water was unsafe.",
     "Coastal Survey Agency", "organisation"),
    ("The Harbour and Canals Authority published its plan. The authority said dredging starts in June.",
     "Harbour and Canals Authority", "organisation"),
    # a back-reference whose own words do not fit the earlier body stays an unnamed body
    ("The Ministry of Finance said taxes would rise. The health ministry said clinics were full.",
     "health ministry", "group"),
])
def test_back_reference_to_a_body_named_earlier(text, speaker, kind):
    assert kinds(text).get(speaker) == kind


@pytest.mark.parametrize("text, speaker, kind", [
    ("Prosecutor Ilona Varga said the ring had laundered millions.", "Prosecutor Ilona Varga", "person"),
    ("Residents of Upper Dorn said the road had been closed for a week.", "Residents of Upper Dorn", "group"),
    # people at a place speak, not the place, and "General" in "General Hospital" is no title
    ("Nurses at Marlow General Hospital said the wards were full.", "Nurses at Marlow General Hospital", "group"),
    ("Pupils in Tarnow said the heating had failed.", "Pupils in Tarnow", "group"),
    # a surname cut to its initial
    ("Aldo M. said the board had lied to the tenants.", "Aldo M.", "person"),
])
def test_people_of_a_place_are_a_group_and_a_title_does_not_make_one(text, speaker, kind):
    assert kinds(text).get(speaker) == kind


def test_a_surname_takes_the_kind_of_the_full_name():
    text = ("Harbour master Ilse Marken inspected the pier on Tuesday. "
            "Marken said the repairs would take a month.")
    assert kinds(text) == {"Ilse Marken": "person"}


def test_every_kind_is_one_of_the_documented_values():
    text = ("Residents said the well had run dry. Reuters reported that the pumps had failed. "
            "Water Minister Pavel Orlik said a tanker was on its way. He said it would arrive soon. "
            "A local official said the tanker was late.")
    got = {q.speaker_kind for q in find_quotes(text)}
    assert got and got <= set(SPEAKER_KINDS)


def test_no_quote_is_dropped_for_being_unnamed():
    text = "Residents said the water smelled. Officials said the plant was safe."
    assert len(find_quotes(text)) == 2


def test_analysis_round_trip_carries_the_kind():
    a = analyze("Pensioners said the new fares were unfair. Olena Brisk said the fares would stay.")
    d = json.loads(json.dumps(a.to_dict()))
    assert {q["speaker_kind"] for q in d["quotes"]} == {"group", "person"}
    assert analysis_from_dict(d).quotes == a.quotes


def test_an_older_analysis_without_the_field_still_loads():
    d = analyze("Olena Brisk said the fares would stay.").to_dict()
    for q in d["quotes"]:
        del q["speaker_kind"]
    assert [q.speaker_kind for q in analysis_from_dict(d).quotes] == [None]


def test_the_speaker_mark_names_the_kind():
    text = "Residents said the tap water smelled of diesel."
    a = analyze(text)
    labels = [m.label for m in text_marks(text, a) if m.kind == "speaker"]
    assert labels == ["speaker (unnamed group): Residents"]


def test_a_mark_without_a_kind_keeps_the_plain_label():
    text = "Jane Doe said it."
    a = analyze(text)
    a.quotes = [Quote("Jane Doe", "indirect", "said", "it", None, 14, 16, 0, 8)]
    assert [m.label for m in text_marks(text, a) if m.kind == "speaker"] == ["speaker: Jane Doe"]


@pytest.mark.parametrize("text", ["", "   ", "\x00\xff\ufffd said", '"Unbalanced said the', "Said said said."])
def test_bad_input_never_crashes(text):
    assert all(q.speaker_kind in SPEAKER_KINDS for q in find_quotes(text))


@pytest.mark.parametrize("text, speaker", [
    ("He voted for option B. Critics said the plan was wrong.", "Critics"),
    ("Plan B. Officials said the plan was wrong.", "Officials"),
])
def test_a_letter_ending_a_sentence_is_no_initial(text, speaker):
    assert list(kinds(text)) == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("Mr Davis said the plan was wrong.", "Davis"),
    ("Mr. Casey said the budget was fine.", "Casey"),
])
def test_a_titled_name_is_a_person_even_when_it_is_also_a_city(text, speaker):
    assert kinds(text).get(speaker) == "person"


@pytest.mark.parametrize("text, speaker", [
    ("Keepers Road Haulage said the lorries were late.", "Keepers Road Haulage"),
    ("Marlow Bakery said the flour price rose.", "Marlow Bakery"),
])
def test_a_firm_named_by_its_trade_is_an_organisation(text, speaker):
    assert kinds(text).get(speaker) == "organisation"


@pytest.mark.parametrize("text, speaker", [
    ('"We will prevail," George W. Bush said on Tuesday.', "George W. Bush"),
    ("The clinic is good, said Ivan P. Roe, the director.", "Ivan P. Roe"),
])
def test_a_middle_initial_stays_in_the_name(text, speaker):
    assert kinds(text) == {speaker: "person"}


@pytest.mark.parametrize("text, speaker", [
    ("Ambassador Samantha Power said the plan would fail.", "Samantha Power"),
    ("Governor Janet Mills said the roads were closed.", "Janet Mills"),
])
def test_a_title_makes_a_person_whose_surname_is_a_trade_word(text, speaker):
    assert kinds(text).get(speaker) == "person"


def test_she_is_no_firm_named_in_the_sentence_before():
    text = ("Anna Kay runs the shop on the corner and has baked there for twenty years.\n\n"
            'On Tuesday, Marlow Bakery closed its doors for a week. "We could not pay the gas bill," she said.')
    assert [q.speaker for q in find_quotes(text)] == ["Anna Kay"]
