"""Provenance by class of wording: invented lines for each kind of notice, dateline, credit and
citation that a held-out set showed missing or misread (never the held-out articles themselves)."""
import pytest

from labeler.provenance.notices import find_notices

from conftest import cited_of, origin_of, prov


BODY = "Grain exports rose by a fifth in the first quarter, the ministry said on Monday."


@pytest.mark.parametrize("opening, outlet", [
    ("HANOI, 12 June \u2013 VNA.", "Vietnam News Agency"),
    ("Minsk, 3rd of May, 2025 \u2014 BelTA:", "Belta"),
    ("TEHRAN, April 30 - IRNA -", "IRNA"),
])
def test_dateline_with_the_agency_after_the_dash(opening, outlet, reg):
    assert origin_of(f"{opening} {BODY}", reg) == reg.get(outlet).name


@pytest.mark.parametrize("opening, outlet", [
    ("Havana, Prensa Latina-", "Prensa Latina"),
    ("Tehran, IRNA\u2013", "IRNA"),
])
def test_dateline_with_the_agency_glued_to_the_dash(opening, outlet, reg):
    assert origin_of(f"{opening} {BODY}", reg) == reg.get(outlet).name


@pytest.mark.parametrize("opening", [
    "WASHINGTON \u2014 CNN reported on Monday that grain exports rose.",  # no date, a report: no dateline
    "LAS VEGAS, NV \u2013 Police said a man was arrested.",  # a state code with spaces, not a glued agency
    "Moscow, 14 May \u2013 RT correspondents said the talks went on.",  # the agency must close the dateline
])
def test_lines_that_only_look_like_dash_datelines(opening, reg):
    assert [n for n in find_notices(opening, reg) if n.family == "dateline"] == []


@pytest.mark.parametrize("footer, outlet", [
    ("Source: CGTN | Editor: Zhao Min", "CGTN"),
    ("Source: Global Times / Reporter: Li Wei", "Global Times"),
    ("Source: TASS \u2022 Published: 12.05.2025", "TASS"),
])
def test_source_footer_with_more_fields_names_the_origin(footer, outlet, reg):
    assert origin_of(f"{BODY}\n\n{footer}", reg) == reg.get(outlet).name


@pytest.mark.parametrize("line, outlet", [("Credit: Radio Free Asia", "Radio Free Asia"), ("Credits: France 24.", "France 24")])
def test_credit_line_is_the_origin_on_an_unknown_host(line, outlet, reg):
    text = f"{BODY}\n\n{line}"
    assert origin_of(text, reg, url="https://small-aggregator.example/story/1") == reg.get(outlet).name


@pytest.mark.parametrize("sentence", [
    "The clips, some of which had first aired on Press TV, were reposted by dozens of accounts, investigators said.",
    "Her memoir first appeared on the New York Times bestseller list in 2019.",
    "The series first ran on Al Jazeera before it was sold to streaming platforms, according to the producers.",
])
def test_narrative_about_other_material_is_no_notice(sentence, reg):
    p = prov(f"{BODY}\n\n{sentence}", reg)
    assert p.origin is None and p.cited == []


@pytest.mark.parametrize("sentence, outlet", [
    ("The plan was first reported by Politico.", "Politico"),
    ("The fine, first reported in the Financial Times, was confirmed on Tuesday.", "Financial Times"),
])
def test_first_reported_by_is_a_citation(sentence, outlet, reg):
    text = f"BERLIN (Reuters) - {BODY} {sentence}"
    assert origin_of(text, reg) == "Reuters"
    assert reg.get(outlet).name in cited_of(text, reg)


def test_as_first_reported_names_the_origin_only_when_nothing_stronger_does(reg):
    lead = f"{BODY[:-1]}, as first reported by Anadolu Agency."
    assert origin_of(lead, reg) == "Anadolu Agency"
    with_dateline = f"ANKARA (Reuters) - {lead}"
    assert origin_of(with_dateline, reg) == "Reuters"
    assert "Anadolu Agency" in cited_of(with_dateline, reg)


@pytest.mark.parametrize("sentence", [
    "Broadcasters such as CGTN, Press TV and TRT World have added English services.",
    "Several state media outlets, including Sputnik and the newspaper Izvestia, lost their licences.",
    "Al Mayadeen, for example, is funded by private investors but has been praised for its reach.",
    "Fox News was launched in 1996.",
])
def test_outlets_that_are_only_the_topic_are_not_cited(sentence, reg):
    assert cited_of(f"{BODY} {sentence}", reg) == []


@pytest.mark.parametrize("sentence, outlets", [
    ("US media including CNN and Fox News reported that the deal had collapsed.", ["CNN", "Fox News"]),
    ("Al Mayadeen aired the footage on Sunday.", ["Al Mayadeen"]),
    ("A spokesman declined to comment to Politico.", []),  # "comment to" is no citation of a report
])
def test_outlets_that_report_something_are_cited(sentence, outlets, reg):
    assert cited_of(f"{BODY} {sentence}", reg) == [reg.get(o).name for o in outlets]


def test_an_interview_given_to_the_origin_is_not_a_citation(reg):
    text = ("MINSK, 5 April \u2013 BelTA. Grain exports rose by a fifth, the deputy minister told BelTA in an "
            "interview. He added that Russia bought most of it, Interfax reported.")
    p = prov(text, reg)
    assert p.origin.outlet == "Belta"
    assert sorted(c.outlet for c in p.cited) == ["Interfax"]
