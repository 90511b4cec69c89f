"""One test per notice family, on invented copy (not the challenge articles)."""
import pytest

from labeler.provenance.notices import _FIRST_LINE_ONLY, find_notices, load_patterns
from labeler.registry import default_registry


@pytest.fixture(scope="module")
def reg():
    return default_registry()


def roles(text, reg):
    return [(n.name, n.family, n.role) for n in find_notices(text, reg)]


@pytest.mark.parametrize("line, outlet", [
    ("This post was originally published on Sputnik", "Sputnik"),
    ("This article first appeared on Global Times.", "Global Times"),
    ("The story was first published by TASS and is reproduced here.", "TASS"),
    ("This article was originally published in Russian by RIA Novosti and has been translated.", "RIA Novosti"),
    ("Republished with permission from Press TV.", "Press TV"),
    ("Reprinted with kind permission of Xinhua.", "Xinhua"),
    ("Content provided by CGTN.", "CGTN"),
    ("This story is published in partnership with Xinhua.", "Xinhua"),
    ("Originally published at People's Daily Online", "People's Daily"),
])
def test_republication_notices_name_the_origin(line, outlet, reg):
    text = f"Farm output rose in the province this year, officials said.\n\n{line}"
    origins = [n for n in find_notices(text, reg) if n.role == "origin"]
    assert [(n.name, n.family) for n in origins] == [(outlet, "notice")]
    assert origins[0].evidence == line


@pytest.mark.parametrize("line, outlet", [
    ("Source: Xinhua", "Xinhua"),
    ("Source: Tasnim News Agency", "Tasnim"),
    ("via CGTN", "CGTN"),
    ("h/t Sputnik", "Sputnik"),
    ("Courtesy of TeleSUR", "TeleSUR"),
])
def test_source_via_and_courtesy_lines(line, outlet, reg):
    text = f"The bridge reopened on Friday after repairs, the city said.\n\n{line}"
    assert (outlet, "notice", "origin") in roles(text, reg)


@pytest.mark.parametrize("opening, outlet, evidence", [
    ("MOSCOW (TASS) \u2014 The ministry said on Monday", "TASS", "MOSCOW (TASS) \u2014"),
    ("BEIJING, May 7 (Xinhua) -- Reserves rose", "Xinhua", "BEIJING, May 7 (Xinhua) --"),
    ("KYIV/MOSCOW, April 9 (Reuters) - At least", "Reuters", "KYIV/MOSCOW, April 9 (Reuters) -"),
    ("MOSCOW, March 12. /TASS/. Supplies will not", "TASS", "MOSCOW, March 12. /TASS/."),
    ("Hanoi (VNA) \u2013 Exports rose", "Vietnam News Agency", "Hanoi (VNA) \u2013"),
    ("ANKARA (AA) - Security forces said", "Anadolu Agency", "ANKARA (AA) -"),
    ("Caracas, Jan 5 (Prensa Latina) The government", "Prensa Latina", "Caracas, Jan 5 (Prensa Latina)"),
])
def test_datelines_credit_the_agency(opening, outlet, evidence, reg):
    text = f"Headline here\n\n{opening} and more text follows here."
    ns = [n for n in find_notices(text, reg) if n.family == "dateline"]
    assert [(n.name, n.evidence) for n in ns] == [(outlet, evidence)]


@pytest.mark.parametrize("line, outlet", [
    ("\u2014 Ukrinform", "Ukrinform"),
    ("\u00a9 Agence France-Presse", "AFP"),
    ("Copyright 2025 The Associated Press", "AP"),
])
def test_credit_lines(line, outlet, reg):
    text = f"Rescue teams worked through the night, the agency said.\n\n{line}"
    assert (outlet, "credit", "credit") in roles(text, reg)


def test_agency_list_at_the_end_is_a_wire_credit(reg):
    text = "The island's people can decide their future.\n\nss/wd (Reuters, AFP, dpa)"
    assert {(n.name, n.role) for n in find_notices(text, reg)} >= {("Reuters", "wire"), ("AFP", "wire"), ("dpa", "wire")}


def test_contributor_disclaimer_names_the_outlet(reg):
    text = "The author is a fellow at an institute. The views don't necessarily reflect those of China Daily."
    assert ("China Daily", "disclaimer", "origin") in roles(text, reg)


@pytest.mark.parametrize("sentence, outlet", [
    ("Separately, Russia's state news agency TASS reported that a depot burned.", "TASS"),
    ("According to RT, the talks stalled.", "RT"),
    ("Kolesov told RIA Novosti that Kyiv was to blame.", "RIA Novosti"),
    ("The clip was picked up by RT's Arabic service on Monday.", "RT"),
    ("Cranes at the port. (Photo: Xinhua)", "Xinhua"),
    ("Speaking on the Rossiya 1 channel, the host said.", "Rossiya 1"),
])
def test_citations_are_cited_not_origin(sentence, outlet, reg):
    ns = [n for n in find_notices(sentence, reg) if n.name == outlet]
    assert ns and all(n.role == "cited" for n in ns)


@pytest.mark.parametrize("text", [
    "A replica of Sputnik drew crowds at the science museum on Saturday.",
    "The cafe sits on Xinhua Road near the old bookstore.",
    "Students sat the AP exams in May.",
])
def test_ambiguous_names_without_context_are_not_outlets(text, reg):
    assert find_notices(text, reg) == []


def test_notice_naming_an_unknown_outlet_still_gives_an_origin(reg):
    text = "The harvest was good.\n\nThis article was originally published on Prairie Farm Weekly."
    (n,) = [n for n in find_notices(text, reg) if n.role == "origin"]
    assert n.name == "Prairie Farm Weekly" and n.outlet is None


def test_patterns_are_data_with_a_source_for_every_row():
    pats = load_patterns()
    assert len(pats) >= 20
    assert all(p.source and p.example for p in pats)


@pytest.mark.parametrize("pattern", load_patterns(), ids=lambda p: p.id)
def test_every_pattern_fires_on_its_own_example(pattern, reg):
    text = f"Officials met on Tuesday.\n\n{pattern.example} and the rest of the line"
    if pattern.after is not None and pattern.after.pattern.endswith("$"):
        text = f"Officials met on Tuesday.\n\n{pattern.example}"
    if pattern.id in _FIRST_LINE_ONLY:  # read on the text's first line only
        text = f"{pattern.example} and the rest of the line.\n\nOfficials met on Tuesday."
    assert pattern.id in {n.pattern for n in find_notices(text, reg)}


@pytest.mark.parametrize("opening, outlet", [
    ("MINSK, (BelTA) - The president said", "Belta"),
    ("SEOUL, Jan 5 (Yonhap) -- Officials said", "Yonhap"),
])
def test_datelines_with_or_without_a_date(opening, outlet, reg):
    text = f"Headline\n\n{opening} on Friday that talks would go on."
    names = [n.name for n in find_notices(text, reg) if n.family == "dateline"]
    assert names == [reg.get(outlet).name]


@pytest.mark.parametrize("byline", ["By Tomás Ledesma, Associated Press", "By JOHN DOE Associated Press",
                                    "By Ana-María O'Neill, The Associated Press"])
def test_bylines_with_accented_and_hyphenated_names(byline, reg):
    text = f"Headline\n\n{byline}\n\nThe mine reopened on Monday, officials said."
    assert ("AP", "credit", "credit") in roles(text, reg)


@pytest.mark.parametrize("line, outlet", [
    ("The original Arabic version of this op-ed was published by Al Mayadeen.", "Al Mayadeen"),
    ("This commentary was carried by Global Times on Monday.", "Global Times"),
    ("This analysis piece was commissioned by the BBC from an outside expert.", "BBC"),
    ("The story is republished under a content exchange agreement with Xinhua.", "Xinhua"),
    ("Published as part of our news-sharing programme with Anadolu Agency.", "Anadolu Agency"),
])
def test_notices_that_say_who_published_this_article(line, outlet, reg):
    text = f"Farm output rose in the province this year, officials said.\n\n{line}"
    origins = [n for n in find_notices(text, reg) if n.role == "origin"]
    assert [(n.name, n.family) for n in origins] == [(reg.get(outlet).name, "notice")]


@pytest.mark.parametrize("opening, outlet", [
    ("ANKARA, 3rd June, 2024 (Anadolu) -- The minister said", "Anadolu Agency"),
    ("Minsk, April 2, BelTA - The president said", "Belta"),
    ("HAVANA, 14 of March, Prensa Latina: The government said", "Prensa Latina"),
])
def test_datelines_with_ordinal_dates_or_no_brackets(opening, outlet, reg):
    text = f"Headline\n\n{opening} on Friday that talks would go on."
    names = [n.name for n in find_notices(text, reg) if n.family == "dateline"]
    assert names == [reg.get(outlet).name]


@pytest.mark.parametrize("text", [
    "JOHN SMITH, THE HILL: Thank you for having me on the show tonight.",
    "Likewise, the New York Times\u2014and every other paper\u2014ran the story.",
    "This video was produced by Jane Smith and Tom Lee for the festival.",
    "Sanctions were announced by the ministry and reported by TASS on Monday.",
])
def test_lines_that_only_look_like_notices_give_no_origin(text, reg):
    assert [n for n in find_notices(text, reg) if n.role == "origin"] == []


def test_outlet_mentions_past_the_cap_are_not_read_and_the_analysis_says_so():
    import labeler
    from labeler.provenance.notices import MAX_MENTIONS

    text = "Officials said the BBC and Reuters reported it. " * (MAX_MENTIONS // 2 + 50)
    a = labeler.analyze(text, model="rules")
    assert any("outlet mentions past the first" in w for w in a.warnings)
    assert {c.outlet for c in a.cited_outlets} >= {"BBC", "Reuters"}  # the first mentions are read
