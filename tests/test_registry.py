"""The outlet registry: domains, names, mentions in text, validation, and the shipped rows."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from labeler.errors import RegistryError
from labeler.registry import Mention, Outlet, Registry, default_registry, host_of, load_registry
from labeler.registry_import import SMM_AFFILIATION, _country_code
from labeler.schema import AFFILIATIONS

SHARED = Path(__file__).resolve().parents[2] / "shared"
SMM_CSV = SHARED / "data" / "state_media_matrix_asd_smm" / "State_Media_Matrix.csv"

HEADER = "name,aliases,domains,country,affiliation,owner,kind,ambiguous,source\n"


@pytest.fixture(scope="module")
def reg() -> Registry:
    return default_registry()


# --- host_of ---------------------------------------------------------------------------------

@pytest.mark.parametrize("url, host", [
    ("https://www.africanewsdesk-online.com/2025/01/story", "africanewsdesk-online.com"),
    ("https://de.rt.com/international/123", "de.rt.com"),
    ("www.rt.com", "rt.com"),
    ("RT.COM", "rt.com"),
    ("rt.com/news/1", "rt.com"),
    ("http://user:secret@www.presstv.ir:8080/a?b=c", "presstv.ir"),
    ("https://www2.example.org", "example.org"),
    ("http://россиясегодня.рф/", "xn--c1acbl2abdlkab1og.xn--p1ai"),
    (None, None),
    ("", None),
    ("   ", None),
    ("not a url", None),
    ("localhost", None),
    ("1.2.3.4", None),
    ("http://[::1]:80/", None),
    ("rt.com-news", None),
    ("\x00\x01binary", None),
    (12345, None),
])
def test_host_of(url, host):
    assert host_of(url) == host


# --- by_domain -------------------------------------------------------------------------------

@pytest.mark.parametrize("query, name", [
    ("https://de.rt.com/x", "RT"),                       # subdomain of a registered domain
    ("www.rt.com", "RT"),
    ("RT.COM", "RT"),
    ("https://francais.rt.com/france/1", "RT"),
    ("actualidad-rt.com", "RT"),                         # mirror in the domains column
    ("https://rtde.world/a", "RT"),
    ("sputnikglobe.com", "Sputnik"),
    ("https://lt.sputniknews.ru/x", "Sputnik"),
    ("http://english.news.cn/20250101/x.htm", "Xinhua"),
    ("en.people.cn", "People's Daily"),
    ("http://user:pw@www.presstv.ir:8080/a", "Press TV"),
    ("https://www.aa.com.tr/en/world/x", "Anadolu Agency"),
    ("https://news.sky.com/story/x", "Sky News"),        # a subdomain listed on its own
    ("https://www.bbc.co.uk/news/world", "BBC"),
    ("https://www.cnnturk.com/x", "CNN Türk"),
    ("https://edition.cnn.com/x", "CNN"),
])
def test_by_domain_resolves(reg, query, name):
    assert reg.by_domain(query).name == name


@pytest.mark.parametrize("query", [
    "sky.com",            # only news.sky.com is an outlet
    "art.com",            # a suffix as a string, not as a domain label
    "rt.com.evil.example",
    "com",
    "garbage",
    "",
    None,
])
def test_by_domain_rejects(reg, query):
    assert reg.by_domain(query) is None


def test_longest_registered_suffix_wins():
    reg = Registry((
        Outlet("Parent", (), ("example.com",), "US", "independent", "", "online", False, "test"),
        Outlet("Child", (), ("news.example.com",), "US", "state-funded", "", "online", False, "test"),
    ))
    assert reg.by_domain("https://a.news.example.com/x").name == "Child"
    assert reg.by_domain("https://www.example.com/x").name == "Parent"


# --- get -------------------------------------------------------------------------------------

@pytest.mark.parametrize("query, name", [
    ("RT", "RT"),
    ("Russia Today", "RT"),
    ("russia today", "RT"),
    ("AP", "AP"),
    ("Associated Press", "AP"),
    ("the associated press", "AP"),
    ("Agence France-Presse", "AFP"),
    ("AA", "Anadolu Agency"),
    ("Anadolu", "Anadolu Agency"),
    ("VNA", "Vietnam News Agency"),
    ("Xinhua News Agency", "Xinhua"),
    ("People\u2019s Daily", "People's Daily"),           # curly apostrophe
    ("Guardian", "The Guardian"),
    ("the Guardian", "The Guardian"),
    ("Radio Liberty", "RFE/RL"),
    ("Deutsche Welle", "DW"),
    ("Deutsche Presse-Agentur", "dpa"),
    ("Tasnim News Agency", "Tasnim"),
    ("Islamic Republic News Agency", "IRNA"),
    ("Korean Central News Agency", "KCNA"),
    ("China Global Television Network", "CGTN"),
    ("HispanTV", "HispanTV"),
])
def test_get_resolves_names_and_aliases(reg, query, name):
    assert reg.get(query).name == name


@pytest.mark.parametrize("query", ["rt", "Rt", "ap", "aa", "vna", "", "   ", "no such outlet"])
def test_get_short_all_caps_forms_are_case_sensitive(reg, query):
    assert reg.get(query) is None


# --- find_mentions ---------------------------------------------------------------------------

def _mentions(reg, text):
    return [(m.text, m.outlet.name) for m in reg.find_mentions(text)]


@pytest.mark.parametrize("text, expected", [
    ("RT's editor and Xinhua's report", [("RT", "RT"), ("Xinhua", "Xinhua")]),
    ("ANKARA (AA) - Anadolu Agency said", [("AA", "Anadolu Agency"), ("Anadolu Agency", "Anadolu Agency")]),
    ("Anadolu reported", [("Anadolu", "Anadolu Agency")]),
    ("via the Xinhua news agency", [("Xinhua news agency", "Xinhua")]),
    ("BEIJING, Jan. 5 (XINHUA) --", [("XINHUA", "Xinhua")]),
    ("The Associated Press of Pakistan (APP) said",
     [("The Associated Press of Pakistan", "Associated Press of Pakistan"), ("APP", "Associated Press of Pakistan")]),
    ("CNN Türk and CNN", [("CNN Türk", "CNN Türk"), ("CNN", "CNN")]),
    ("RFE/RL's Radio Liberty", [("RFE/RL", "RFE/RL"), ("Radio Liberty", "RFE/RL")]),
    ("People\u2019s Daily wrote", [("People\u2019s Daily", "People's Daily")]),
    ("Reuters/AP photo", [("Reuters", "Reuters"), ("AP", "AP")]),
    ("RT Newsletter", [("RT", "RT")]),               # longest spelling runs into a word
    ("see https://www.rt.com/news/1 and de.rt.com.", [("www.rt.com", "RT"), ("de.rt.com", "RT")]),
    ("Visit RT.com today", [("RT.com", "RT")]),
    ("PARTY CAPITAL art.com rt.com.au ap", []),     # inside words, wrong case, other domains
    ("the National Security Council and Sputnik V", []),   # ambiguous word starting a longer name
    ("AP Photo/Evan Vucci", [("AP", "AP")]),         # all-caps short forms are exempt
    ("Time Magazine named", [("Time Magazine", "Time")]),
])
def test_find_mentions(reg, text, expected):
    assert _mentions(reg, text) == expected


def test_mentions_are_sorted_non_overlapping_and_offsets_exact(reg, seed_text):
    ms = reg.find_mentions(seed_text)
    assert ms, "the seed article names RT"
    assert all(seed_text[m.start:m.end] == m.text for m in ms)
    assert all(a.end <= b.start for a, b in zip(ms, ms[1:]))


@pytest.mark.parametrize("text, ambiguous", [
    ("Sputnik reported", True),
    ("Sputnik News reported", False),
    ("RT said", True),
    ("Russia Today said", False),
    ("(AA)", True),
    ("Anadolu Agency", False),
    ("RT.com", False),
    ("Reuters said", False),
])
def test_mention_ambiguity(reg, text, ambiguous):
    (m,) = reg.find_mentions(text)
    assert isinstance(m, Mention) and m.ambiguous is ambiguous


@pytest.mark.parametrize("text", ["", "   \n\t", "\x00\x01\x02\xff" * 100, "\u201c" * 1000, "((((]]]"])
def test_find_mentions_survives_bad_input(reg, text):
    assert reg.find_mentions(text) == []


def test_find_mentions_on_a_large_text(reg):
    """10 MB of text is scanned in one pass (no timing assertion; CI would catch a hang)."""
    chunk = "The Kremlin told RIA Novosti on Monday, according to Reuters. " * 20
    text = (chunk * (10_000_000 // len(chunk) + 1))[:10_000_000]
    ms = reg.find_mentions(text)
    assert len(ms) >= 2 * (10_000_000 // len(chunk)) * 20
    assert {m.outlet.name for m in ms} == {"RIA Novosti", "Reuters"}


# --- merge and tables ------------------------------------------------------------------------

def test_merged_self_wins_and_keeps_subdomains(reg):
    other = Registry((
        Outlet("RT", (), ("rt.com",), "XX", "independent", "", "online", False, "other"),
        Outlet("RT Deutsch", (), ("de.rt.com", "rtde.example"), "RU", "state-controlled", "", "online", False, "o"),
        Outlet("New Outlet", ("Russia Today",), ("new-outlet.example",), "FR", "independent", "", "online", False, "o"),
    ))
    m = reg.merged(other)
    assert m.get("RT").country == "RU"
    assert m.by_domain("de.rt.com").name == "RT"
    assert m.by_domain("rtde.example").name == "RT"     # "RT Deutsch" is an alias of RT here
    assert m.get("Russia Today").name == "RT"
    assert m.get("New Outlet").aliases == ()
    assert m.by_domain("new-outlet.example").name == "New Outlet"
    assert len(m.outlets) == len(reg.outlets) + 1


def test_frame_round_trip(reg):
    again = Registry.from_frame(reg.to_frame())
    assert again.outlets == reg.outlets


# --- validation ------------------------------------------------------------------------------

def _write(tmp_path, body: str, header: str = HEADER) -> Path:
    p = tmp_path / "reg.csv"
    p.write_text(header + body, encoding="utf-8")
    return p


GOOD = "Alpha,,alpha.example,US,independent,Owner,online,false,test source\n"


def test_load_registry_reads_a_valid_file(tmp_path):
    r = load_registry(_write(tmp_path, GOOD))
    assert [o.name for o in r.outlets] == ["Alpha"]
    assert r.by_domain("www.alpha.example").name == "Alpha"


def test_load_registry_none_is_the_default():
    assert load_registry(None) is default_registry()


@pytest.mark.parametrize("body, header, needles", [
    ("Beta,,,US,propaganda,O,online,false,src\n", HEADER,
     ["line 2", "'propaganda'", "state-controlled, state-funded, independent, unknown"]),
    (GOOD + "Beta,,,USA,independent,O,online,false,src\n", HEADER, ["line 3", "'USA'"]),
    (GOOD + "alpha,,,US,independent,O,online,false,src\n", HEADER, ["line 3", "duplicate name", "line 2"]),
    (GOOD + "Beta,,alpha.example,US,independent,O,online,false,src\n", HEADER,
     ["line 3", "alpha.example", "'Alpha'"]),
    (GOOD + "Beta,,,US,independent,O,online,false,\n", HEADER, ["line 3", "source"]),
    (GOOD + "Beta,Alpha,,US,independent,O,online,false,src\n", HEADER, ["line 3", "'Alpha'"]),
    ("Beta,,not a domain,US,independent,O,online,false,src\n", HEADER, ["line 2", "not a domain"]),
    ("Beta,,,US,independent,O,blog,false,src\n", HEADER, ["line 2", "'blog'", "agency"]),
    ("Beta,,,US,independent,O,online,maybe,src\n", HEADER, ["line 2", "'maybe'"]),
    ("Beta,US\n", "title,country\n", ["missing column", "name", "columns are: title, country"]),
])
def test_validation_errors_name_the_problem(tmp_path, body, header, needles):
    with pytest.raises(RegistryError) as e:
        load_registry(_write(tmp_path, body, header))
    for n in needles:
        assert n in str(e.value)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(RegistryError, match="does not exist"):
        load_registry(tmp_path / "nope.csv")


# --- the shipped rows ------------------------------------------------------------------------

CANONICAL = [
    "RT", "Sputnik", "TASS", "RIA Novosti", "Xinhua", "CGTN", "Global Times", "China Daily",
    "People's Daily", "Press TV", "IRNA", "Tasnim", "TeleSUR", "KCNA", "Reuters", "AP", "AFP", "BBC",
    "NPR", "DW", "VOA", "RFE/RL", "Al Jazeera", "Anadolu Agency", "TRT World", "Prensa Latina",
    "Vietnam News Agency", "Ukrinform", "The Guardian", "Rossiya 1", "Rossiya 24", "Der Spiegel", "dpa",
    "Fars", "Mehr", "Channel One Russia", "NTV", "Izvestia", "RBC", "Kommersant", "Zvezda", "News Front",
    "SouthFront", "Strategic Culture Foundation", "Granma", "Cubadebate", "VTV", "Belta", "Al Arabiya",
    "Saudi Press Agency", "WAM", "Al Mayadeen", "Daily Sabah", "CCTV", "China News Service", "HispanTV",
    "Yonhap", "KBS", "NHK", "Kyodo", "ABC (Australia)", "CBC", "France 24", "RFI", "ANSA", "EFE",
    "Euronews", "Bloomberg", "CNN", "Fox News", "The New York Times", "The Washington Post",
    "The Wall Street Journal", "Financial Times", "The Economist", "Politico", "Axios", "HuffPost",
    "Breitbart", "The Moscow Times", "Meduza", "Novaya Gazeta", "Kyiv Independent", "Kyiv Post",
    "Ukrainska Pravda", "Radio Free Asia", "Current Time",
]


@pytest.mark.parametrize("name", CANONICAL)
def test_canonical_names_present(reg, name):
    o = reg.get(name)
    assert o is not None and o.name == name


@pytest.mark.parametrize("name, affiliation, country", [
    ("RT", "state-controlled", "RU"), ("Sputnik", "state-controlled", "RU"),
    ("Xinhua", "state-controlled", "CN"), ("Press TV", "state-controlled", "IR"),
    ("KCNA", "state-controlled", "KP"), ("Anadolu Agency", "state-controlled", "TR"),
    ("Ukrinform", "state-controlled", "UA"), ("Vietnam News Agency", "state-controlled", "VN"),
    ("Prensa Latina", "state-controlled", "CU"), ("Al Jazeera", "state-controlled", "QA"),
    ("VOA", "state-funded", "US"), ("RFE/RL", "state-funded", "US"),
    ("BBC", "independent", "GB"), ("NPR", "independent", "US"), ("DW", "independent", "DE"),
    ("AFP", "independent", "FR"), ("Reuters", "independent", "CA"),
])
def test_reference_classifications(reg, name, affiliation, country):
    o = reg.get(name)
    assert (o.affiliation, o.country) == (affiliation, country)


def test_registry_size(reg):
    assert len(reg.outlets) >= 250


def test_every_row_is_valid_and_sourced(reg):
    assert all(o.source.strip() for o in reg.outlets)
    assert {o.affiliation for o in reg.outlets} <= set(AFFILIATIONS)


@pytest.mark.parametrize("name, ambiguous", [
    ("RT", True), ("Sputnik", True), ("AP", True), ("Anadolu Agency", True), ("Mir", True),
    ("The Sun", True), ("Time", True), ("The Independent", True), ("Reuters", False), ("TASS", False),
])
def test_ambiguous_flags(reg, name, ambiguous):
    assert reg.get(name).ambiguous is ambiguous


# --- cross-check with the State Media Matrix -------------------------------------------------

#: Outlets whose affiliation deliberately differs from the SMM typology mapping (reason given;
#: see data/OUTLETS.md).
SMM_EXCEPTIONS = {
    "NHK": "licence-fee public broadcaster under the Broadcast Act; SMM's CaPu verdict reflects "
           "political pressure, classed state-funded rather than state-controlled",
    "RAI": "statutory public service broadcaster of an EU member state; SMM CaPu, classed state-funded",
    "ISNA": "run by ACECR, a state body ('semi-official'); SMM ISF would read as independent",
}


def _smm_rows():
    if not SMM_CSV.exists():
        pytest.skip("../shared not present")
    df = pd.read_csv(SMM_CSV, dtype=str, keep_default_na=False)
    return [r for r in df.to_dict("records") if host_of(r["URL"])]


def test_affiliation_agrees_with_smm_typology(reg):
    disagreements = {}
    matched = set()
    for r in _smm_rows():
        o = reg.by_domain(r["URL"])
        if o is None or o.name in SMM_EXCEPTIONS:
            continue
        matched.add(o.name)
        expected = SMM_AFFILIATION.get(r["Typology"].strip(), "unknown")
        if o.affiliation != expected:
            disagreements[o.name] = (o.affiliation, r["Typology"], r["URL"])
    assert len(matched) >= 150, "the cross-check should cover most state-media rows"
    assert disagreements == {}


@pytest.mark.parametrize("name", sorted(SMM_EXCEPTIONS))
def test_smm_exceptions_are_real_disagreements(reg, name):
    """An exception that no longer disagrees with the SMM should be removed from the list."""
    rows = [r for r in _smm_rows() if (o := reg.by_domain(r["URL"])) is not None and o.name == name]
    assert rows
    assert any(SMM_AFFILIATION.get(r["Typology"].strip()) != reg.get(name).affiliation for r in rows)


def test_country_agrees_with_smm(reg):
    disagreements = {}
    for r in _smm_rows():
        o = reg.by_domain(r["URL"])
        code = _country_code(r["Country"])
        if o is not None and code and o.country != code:
            disagreements[o.name] = (o.country, r["Country"])
    assert disagreements == {}
