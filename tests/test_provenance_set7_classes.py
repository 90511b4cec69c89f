"""Provenance and speaker classes that held-out set 7 showed missing or misread: an outlet (or its
domain) opening the first line as a dateline without a city ("IRNA - ..."); an outlet named in a
person's career ("spent years writing for X") or inside a quoted example of wording ('a line such
as "X reported"'); a trailing "..., she said" whose antecedent opened the sentence before a
quotation or a reported clause; a lone modifier or quantifier taken for a subject ("Eastern
news crews ... and called it", "Some have blamed", "Main demands of the union:"). Invented
sentences only, with other names, places and outlets than the held-out articles."""
import pytest

from labeler.provenance.quotes import find_quotes

from conftest import cited_of, origin_of, speakers

REST = ("The regional water board said on Monday that reservoir levels had fallen to their lowest point "
        "in a decade.\n\nRestrictions on irrigation will remain in force until the autumn rains.")


def speaker_of(text: str, words: str) -> str:
    return next(q.speaker for q in find_quotes(text) if words in q.content)


@pytest.mark.parametrize("opening, outlet", [
    ("IRNA - Tehran on Sunday announced new fuel quotas for the provinces.", "IRNA"),
    ("BERNAMA.COM \u2013 The federal cabinet on Friday approved a flood relief fund.", "Bernama"),
    ("Prensa Latina \u2014 \"We will not accept conditions,\" the minister said on Tuesday.", "Prensa Latina"),
])
def test_an_outlet_opening_the_first_line_before_a_dash_is_its_dateline(opening, outlet, reg):
    assert origin_of(opening + "\n\n" + REST, reg) == outlet


@pytest.mark.parametrize("text", [
    REST + "\n\nIRNA - the agency's English service - was not available for comment.",
    "Board notes\n\nIRNA - Tehran on Sunday announced new fuel quotas.\n\n" + REST,
])
def test_an_outlet_before_a_dash_further_down_is_no_dateline(text, reg):
    assert origin_of(text, reg) is None


@pytest.mark.parametrize("sentence", [
    "Olga Marin spent three decades writing for Prensa Latina from Luanda and Managua.",
    "Her husband, who worked for KCNA as a translator, kept the carbon copies.",
])
def test_an_outlet_in_a_career_is_neither_origin_nor_citation(sentence, reg):
    text = sentence + " Her memoir is out this month in a new translation.\n\nThe book has 280 pages."
    assert origin_of(text, reg) is None
    assert cited_of(text, reg) == []


def test_an_outlet_inside_a_quoted_example_of_wording_is_no_citation(reg):
    text = ("Readers often ask how to spot a source. A sentence such as \"the official agency IRNA "
            "reported on Monday\" in the middle of a story is a citation of that agency.\n\n"
            "Our guide covers bylines next week.")
    assert cited_of(text, reg) == []


def test_an_outlet_cited_outside_the_example_still_counts(reg):
    text = REST + "\n\nIRNA reported on Monday that the quotas would rise in July."
    assert cited_of(text, reg) == ["IRNA"]


@pytest.mark.parametrize("text, words, who", [
    ("Mayor Tom Lee said the road was safe.\n\nEngineer Sara Holt disagreed. \"It floods every spring. "
     "Nobody listens to us,\" she said.", "It floods", "Sara Holt"),
    ("Minister Ana Ruiz said the permits were illegal.\n\nGeologist Tomas Vidal of the survey office "
     "offered another explanation. The rock shelf moved after the winter storms, he said.",
     "rock shelf", "Tomas Vidal"),
])
def test_a_trailing_pronoun_refers_to_the_subject_before_the_quotation(text, words, who):
    assert who in speaker_of(text, words)


def test_a_trailing_pronoun_after_a_reporting_sentence_keeps_that_speaker():
    text = ("Coach Ivan Petrov said the team was tired.\n\nSeveral players missed training. "
            "\"We need a week off,\" he said.")
    assert "Ivan Petrov" in speaker_of(text, "week off")


def test_a_class_of_people_opening_the_sentence_before_is_no_antecedent():
    text = ("Health Minister Rami Nasser told donors on Monday that the budget was short.\n\n"
            "Every Iraqi pensioner in the capital receives a monthly voucher for bread.\n\n"
            "\"We cannot pay for it alone,\" he said.")
    assert "Rami Nasser" in speaker_of(text, "pay for it")


@pytest.mark.parametrize("text, lone", [
    ("Eastern news crews filmed the square and called it a riot.\n\nThe mayor said it was calm.", "Eastern"),
    ("Some have blamed the rain for the delays.\n\nThe mayor said it was calm.", "Some"),
    ("Main demands of the union:\n\n- a raise;\n- a pension.\n\nThe mayor said it was calm.", "Main"),
])
def test_a_lone_modifier_is_no_speaker(text, lone):
    found = speakers(text)
    assert lone not in found
    assert "mayor" in {s.lower() for s in found}
