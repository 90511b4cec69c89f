"""Regressions a review found in the set-5 provenance round, each with the reviewer's wording and
a few of our own: two people joined by "and" (not a minister's portfolio), court verbs ("held",
"rules") with a subject that is no court, datelines whose city has a glued Arabic article or two
name particles, an outlet name followed by a verb and an event noun ("X reported festivals ..."),
and two coordinated names "of" an institution. Invented sentences apart from the reviewer's."""
import pytest

from labeler.provenance.quotes import find_quotes

from conftest import cited_of, origin_of, speakers


@pytest.mark.parametrize("text, expected", [
    ("Biden and Japanese Prime Minister Fumio Kishida said the alliance was strong.", {"Biden", "Fumio Kishida"}),
    ("Xi and Russian President Vladimir Putin said ties were at a high.", {"Xi", "Vladimir Putin"}),
    ("Merkel and French President Emmanuel Macron said Europe must act.", {"Merkel", "Emmanuel Macron"}),
    ("Okafor and Ghanaian Finance Minister Ama Mensah said the loan was agreed.", {"Okafor", "Ama Mensah"}),
    ("Lindqvist and Estonian Prime Minister Kadri Tamm told reporters the border would stay open.",
     {"Lindqvist", "Kadri Tamm"}),
])
def test_a_name_and_a_titled_person_are_two_speakers(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, speaker", [
    ("Mines and Mining Development Minister Farai Moyo said exports rose.", "Farai Moyo"),
    ("Work and Pensions Secretary Helen Drury said the payments would rise.", "Helen Drury"),
    ("Energy and Natural Resources Minister Selin Kaya said the pipeline was ready.", "Selin Kaya"),
])
def test_department_nouns_joined_by_and_stay_one_portfolio(text, speaker):
    assert speakers(text) == {speaker}


@pytest.mark.parametrize("text", [
    "A federal judge on Monday put a nationwide hold on Trump administration rules that allow employers to opt out.",
    "The company holds that patent until 2030.",
    "The co-operative held that land for decades before the reform.",
    "The city council's critics say the mayor rules that district like a fiefdom.",
    "The family holds that title through the female line.",
])
def test_held_and_rules_without_a_court_are_no_report(text):
    assert not [q for q in find_quotes(text) if q.cue in ("held", "holds", "ruled", "rules")]


@pytest.mark.parametrize("text, speaker", [
    ("The appeals court held that the search was unlawful.", "court"),
    ("A three-judge tribunal ruled that the contract was void.", "tribunal"),
    ("The Council of State ruled on Friday that the decree was void.", "Council of State"),
])
def test_a_court_holding_is_still_a_report(text, speaker):
    assert any(speaker in s for s in speakers(text))


@pytest.mark.parametrize("opening, outlet", [
    ("Sharm el-Sheikh, Nov 7 (IRNA) -", "IRNA"),
    ("Castell\u00f3n de la Plana, 4 May (EFE) -", "EFE"),
    ("Ras al-Khaimah, March 3 (WAM) -", "WAM"),
    ("Villa de la Paz, 12 June (Prensa Latina) -", "Prensa Latina"),
])
def test_datelines_with_glued_articles_and_double_particles_name_the_origin(opening, outlet, reg):
    text = f"{opening} Officials said the talks would resume on Monday.\n\nA second paragraph follows here."
    assert origin_of(text, reg) == reg.get(outlet).name


@pytest.mark.parametrize("sentence, cited", [
    ("Xinhua reported festivals across the region were cancelled.", ["Xinhua"]),
    ("TASS said prizes for the winners had been cut.", ["TASS"]),
    ("The Channel One Cup, held every December, will include a youth tournament.", []),
    ("Her memoir made the Spiegel bestseller list in 2019.", []),
])
def test_an_outlet_before_an_event_noun_is_cited_only_when_a_verb_sits_between(sentence, cited, reg):
    text = f"Rice prices rose by a tenth in October, the ministry said on Monday.\n\n{sentence}"
    assert [c for c in cited_of(text, reg) if c in {reg.get(x).name for x in ("Xinhua", "TASS", "Der Spiegel")}] \
        == [reg.get(x).name for x in cited]


@pytest.mark.parametrize("text, expected", [
    ("A study by Austan Goolsbee and Chad Syverson of the University of Chicago found that prices rose.",
     {"Austan Goolsbee", "Chad Syverson"}),
    ("Ingrid Holm and Pavel Novak of the local group Clean Vltava said the permit ignored the fish.",
     {"Ingrid Holm", "Pavel Novak"}),
    ("Researchers Ana de Souza and Tomas Lind of the Federal University said that yields would fall.",
     {"Ana de Souza", "Tomas Lind"}),
])
def test_two_names_of_an_institution_both_speak(text, expected):
    assert speakers(text) == expected
