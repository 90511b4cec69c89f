"""Speaker noun phrases next to a cue verb, their normal form, and back-reference resolution.

Pure token scanning (no parser): a subject is the run of name-like tokens right before a
cue ("US Secretary of State Marco Rubio has said"), or right after it in inverted order
("said Rubio"). Titles are stripped from person names, organisations keep their full
phrase, and short mentions (surnames, pronouns, "the US official") resolve to a fuller
name introduced elsewhere in the article. Every scan is bounded, so cost is linear.

Word lists that are data, not code (``data/*.csv``, each row with its source, read by
:func:`lexicon_column`): the one-party "and"-names (``and_names.csv``: "Trinidad and Tobago",
"Procter and Gamble") and the plurals of people the agent-plural shape misses
(``plural_people.csv``); see ``data/NOTICES.md``.
"""
from __future__ import annotations

import bisect
import csv
import io
import logging
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import NamedTuple


@lru_cache(maxsize=None)
def lexicon_column(name: str, column: str, path: str | os.PathLike | None = None) -> tuple[str, ...]:
    """The ``column`` values of the word list ``data/<name>`` (or of the file at ``path``), in file
    order, stripped. Every row must have all the header's fields, a non-empty ``column`` and a
    ``source``; a bad row fails here naming its file and line, rather than silently dropping a
    word from the rules."""
    if path is None:
        raw = files("labeler.data").joinpath(name).read_text(encoding="utf-8")
        where = f"data/{name}"
    else:
        with open(path, encoding="utf-8", newline="") as f:
            raw = f.read()
        where = os.fspath(path)
    reader = csv.DictReader(io.StringIO(raw, newline=""))
    header = list(reader.fieldnames or ())
    missing = [c for c in (column, "source") if c not in header]
    if missing:
        raise ValueError(f"{where}: no column {', '.join(map(repr, missing))}; "
                         f"columns are {', '.join(header) or '(none)'}")
    out = []
    for row in reader:
        i = reader.line_num
        if None in row or None in row.values():  # DictReader's restkey / restval: a short or long row
            got = len(header) - sum(v is None for v in row.values()) + len(row.get(None) or ())
            raise ValueError(f"{where} line {i}: {got} fields, the header has {len(header)} ({', '.join(header)})")
        for c in (column, "source"):
            if not row[c].strip():
                raise ValueError(f"{where} line {i}: empty {c!r}")
        out.append(row[column].strip())
    return tuple(out)


# Areas of the IANA time-zone database whose zones are named after a city ("Asia/Shanghai",
# "America/Argentina/Buenos_Aires"). Not "Etc/" (gmt+1, zulu, universal), the legacy country areas
# "US/", "Canada/", "Brazil/"... (eastern, pacific, central, mountain) nor "Antarctica/" (research
# stations named after people: Casey, Davis, Mawson).
_TZ_CITY_AREAS = frozenset("Africa America Asia Atlantic Australia Europe Indian Pacific".split())

# Cities of those areas that are also common given names ("Sydney Bloomberg", "Adelaide Forbes",
# "Regina", "Lima"): before a one-word outlet name they make a person even at a sentence start.
# Curated by hand from the tz city list against common English, Spanish and Slavic given names; a
# capital rarely given as a name (Vienna, Havana) is left out, so "Vienna Reuters reported" cites.
@lru_cache(maxsize=1)
def given_name_cities() -> frozenset[str]:
    """Time-zone cities that are common given names (``data/given_name_cities.csv``), lowercased."""
    return frozenset(" ".join(c.lower().split()) for c in lexicon_column("given_name_cities.csv", "city"))


_log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def tz_places() -> frozenset[str]:
    """City names from the IANA time-zone database shipped with Python (``zoneinfo``; the
    ``tzdata`` package pandas depends on), last path segment of the city areas only:
    "Asia/Shanghai" -> "shanghai", "Asia/Hong_Kong" -> "hong kong", "Europe/Kyiv" -> "kyiv".
    A dateline city before a wire ("Tokyo Reuters") is no given name, nor part of a speaker's name."""
    try:
        import zoneinfo

        zones = zoneinfo.available_timezones()
    except (ImportError, OSError, ValueError) as exc:
        _log.warning("IANA time-zone data unavailable (%s): dateline cities before a one-word outlet "
                     "name are read as given names; install the tzdata package", exc)
        return frozenset()
    if not zones:
        _log.warning("IANA time-zone data missing: dateline cities before a one-word outlet name are read "
                     "as given names; install the tzdata package")
    return frozenset(z.rsplit("/", 1)[1].replace("_", " ").lower()
                     for z in zones if "/" in z and z.split("/", 1)[0] in _TZ_CITY_AREAS)


# The last words of a line prefix in dateline position: they start the line, a sentence or a
# clause after a semicolon, optionally after "In" or "Meanwhile," ("Shanghai Xinhua", "In Hong
# Kong Reuters", "Meanwhile, Kyiv Interfax", "...; Hong Kong Reuters reported"), then one to three
# words and the outlet's name. After a semicolon the clause opens in lower case ("; in Tokyo").
_DATELINE_PLACE = re.compile(
    r"(?:\A|(?<=[.!?])[\"'\u201d\u2019)\]]*[ \t]+|(?<=;)[ \t]+)(?:(?:[Ii]n|[Mm]eanwhile,)[ \t]+)?"
    r"(?P<place>[A-Z][\w'\u2019-]*(?:[ \t]+[A-Za-z][\w'\u2019-]*){0,2}),?[ \t]+\Z")


def dateline_place_before(prefix: str) -> bool:
    """Does ``prefix`` end with a time-zone city in dateline position ("Hong Kong Reuters" at a
    sentence start), a city that is no common given name ("Sydney Bloomberg" is a person)?"""
    m = _DATELINE_PLACE.search(prefix, max(0, len(prefix) - 60))
    if m is None:
        return False
    place = " ".join(m.group("place").split()).lower()
    return place in tz_places() and place not in given_name_cities()


# Tokens: title abbreviations with their dot, words (internal apostrophes, hyphens and
# dots as in U.S.), numbers, or a single punctuation mark.
_TOKEN = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Prof|Sgt|Capt|Maj|Adm|Amb|Rev|Pres|Inc|Co|Corp|Ltd|Jr|Sr|Plc)\.(?=\s)"
    # a surname cut to its initial after a given name, as courts and privacy-minded papers write
    # defendants and witnesses ("Reto B. wrote", "Valiantsina K., who ..."): the initial keeps its dot
    r"|(?<=[a-z\u00e0-\u024f] )[A-Z]\.(?=[\s,;:]|$)"
    r"|[^\W\d_](?:[\w'\u2019\-\u0300-\u036f]|\.(?=[\w\-]))*"
    r"|\d(?:\w|[.,](?=\d))*"  # numbers keep inner separators (2,766; 3.5), not a trailing comma
    r"|[^\w\s]"
)

PRONOUNS = frozenset("he she they it".split())
PERSON_PRONOUNS = frozenset("he she".split())

DETERMINERS = frozenset(
    "the a an some several many most other two three four five six both its their his her these those "
    "this another one".split()
)
# Lowercase words allowed inside a capitalised name ("Ministry of Defence", "Omar bin Laden").
CONNECTORS = frozenset("of for and at in the de del da di dos das al el bin ibn van von der den la le du y".split())
NAME_PARTICLES = frozenset("de del da di dos das al el bin ibn van von der den la le du y".split())

# Heads of lowercase speaker phrases: people, groups, organisations, documents.
PERSON_HEADS = frozenset(
    "official minister secretary spokesman spokeswoman spokesperson diplomat president envoy ambassador senator "
    "lawmaker politician leader chief commander general analyst expert professor researcher mayor governor premier "
    "chancellor candidate lawyer economist officer director spokesperson owner resident worker farmer activist "
    "source chairman chairwoman chair head deputy adviser advisor negotiator prosecutor judge investigator "
    "scientist doctor witness manager founder executive representative correspondent observer councillor councilor "
    "councilman councilwoman aide person "
    # newsroom staff: "a France 24 reporter said", "an Al Jazeera journalist said"
    "reporter journalist anchorman anchorwoman columnist editor producer commentator".split()
)
# Newsroom roles whose noun has another everyday sense (a ship's anchor, the host country, whoever
# presents a plan): a speaker only with a capitalised modifier naming the newsroom ("a CNN anchor").
_OUTLET_STAFF = frozenset("anchor anchors presenter presenters host hosts".split())
GROUP_HEADS = frozenset(
    "officials ministers diplomats governments countries ministries agencies companies nations states capitals "
    "allies partners commentators journalists media  leaders analysts experts researchers economists residents workers farmers "
    "activists sources observers critics authorities investigators scientists doctors witnesses lawmakers "
    "politicians representatives prosecutors police militants rebels protesters protestors organizers organisers "
    "owners managers executives people citizens voters members supporters opponents "
    "ministry office agency commission department government administration council committee command staff "
    "force forces army military navy bureau service embassy parliament court party campaign company firm "
    "group union alliance coalition opposition headquarters spokesperson's report statement study survey "
    "poll document documents letter memo groups unions parties movement movements side city town municipality operator "
    "regulator broadcaster television newspaper families organisations organizations aides allies people "
    "associates friends advisers advisors others some many delegates "
    # bodies that rule, inquire or run something ("the panel held", "an inquiry found", "the fair's management said")
    "panel panels bench tribunal tribunals jury inquiry management board boards councils courts committees commissions "
    "associations federations regulators operators municipalities guards coaches players fans parents students "
    "teachers lawyers judges officers troops soldiers".split()
)
LOWER_HEADS = PERSON_HEADS | GROUP_HEADS

# Capitalised words that make a name an organisation (kept whole, titles not stripped).
ORG_HEADS = frozenset(
    "ministry office agency commission department government administration council committee command staff "
    "force forces army navy bureau service embassy parliament court party university institute center centre "
    "authority house bank fund association union alliance coalition organization organisation group company "
    "corporation corp inc ltd network press times news post agency media federation league board headquarters "
    "station guard guards police ministry's kremlin pentagon congress senate assembly duma cabinet "
    "statistics exchange foundation council's movement inc. co. corp. ltd. plc. academy republic institution "
    "society chamber tribunal".split()
)

# Words that introduce titles before a person's name; stripped from names.
TITLE_WORDS = frozenset(
    "mr. mrs. ms. dr. sen. rep. gov. gen. lt. col. prof. sgt. capt. maj. adm. amb. rev. pres. mr mrs ms dr "
    "president vice prime minister secretary state foreign defence defense interior finance justice affairs "
    "general senator representative rep governor mayor ambassador spokesman spokeswoman spokesperson chief "
    "deputy director chairman chairwoman chair head leader commander colonel lieutenant major captain sergeant "
    "admiral professor dr doctor judge justice king queen prince princess sheikh emir premier chancellor "
    "envoy minister's secretary-general former acting interim executive ceo founder representative "
    "lawmaker congressman congresswoman mp analyst economist researcher expert official spokesperson "
    "pharmacist curator linguist farmer teacher student engineer nurse driver shopkeeper vendor resident "
    "historian lawyer activist entrepreneur businessman businesswoman trader broker fisherman worker owner "
    "physician surgeon scientist scholar writer author artist musician designer architect pilot soldier "
    "veteran retiree pensioner mother father grandmother grandfather villager volunteer campaigner "
    "press attorney counsel advisor adviser national security commissioner coordinator "
    "coach councillor councilor councilman councilwoman alderman chairperson editor architect conservator "
    "inspector superintendent detective".split()
)
# Capitalised words that never start or belong to a speaker name (sentence openers, days...).
CAP_STOP = frozenset(
    "but and or so yet however meanwhile earlier later also still then now separately instead moreover "
    "furthermore nevertheless indeed thus hence in on at by for from with after before when while since "
    "if as although though because during until the a an this that these those there here it he she they we i "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december according even not no yes".split()
)
# A subject preceded by one of these sits in a subordinate or relative clause: narrative, not a report.
SUBORDINATE = frozenset(
    "after before when whenever since until till because if once unless "
    "who which whom whose that whether where why how what than to".split()
)
# Words that end a backward scan (function words and auxiliaries).
STOP_LOWER = frozenset(
    "to from with by into over under about after before during than as like without within against between "
    "through toward towards upon via but or nor so yet because while when if although though since until "
    "unless whereas once that which who whom whose what where how why is are was were be been being has have "
    "had do does did will would can could may might must shall should not him her them us me you it its "
    "also then now later there here this these those said says".split()
)
# Skipped between the subject and its cue ("Rubio has repeatedly said", "Moscow and Washington both described").
AUX = frozenset(
    "has have had also later then previously earlier again reportedly both repeatedly once recently further "
    "subsequently publicly separately privately would will could may might did does do is was were are be been "
    "not never first himself herself themselves too often already long has since initially last now still "
    "openly officially increasingly privately flatly strongly firmly sharply categorically only just simply "
    "merely".split()
)
_SPOKES = frozenset("spokesman spokeswoman spokesperson spokespeople representative".split())
# Words before a subject that still leave it in a clause reporting to the reader.
_CLAUSE_OK = frozenset("but so yet also then now later while whereas although though and which what".split())
_ASIDE = frozenset("however meanwhile though too also instead moreover nonetheless nevertheless in turn".split())
_ASIDE_LEAD = frozenset("quoted cited speaking writing according".split())
_DASHES = frozenset("\u2014\u2013\u2015")
_AGENT_PLURAL = re.compile(r"[a-z]{3,}(?:ers|ors|ists|ians|ants|ents|ives|ees|men|ates|crats)$")
_TIME_SUB = frozenset("when where after before since once as".split())
_PERIODS = frozenset("year week month weekend summer spring autumn fall winter decade".split())
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday yesterday today".split())
# Documents as sources: resolved to their issuer when the phrase names one ("a statement from
# the Foreign Ministry", "the ministry's report"), else the document itself speaks.
DOC_HEADS = frozenset(
    "report reports statement statements study survey poll polls document documents letter memo analysis "
    "release filing ad advert article editorial column post tweet video email paper review audit assessment "
    "investigation indictment complaint lawsuit ruling bill transcript research findings communique "
    "communiqu\u00e9 declaration resolution".split()
)
# Prepositions that attach a post-modifier to a speaker head ("aides to Clinton", "a source
# familiar with the talks", "a statement from the ministry"), with adjectives that may precede them.
_POSTMOD_PREP = frozenset("for of to with from by in at on".split())
_POSTMOD_ADJ = frozenset("close familiar loyal allied near opposed".split())
_ISSUER_PREP = frozenset("from by in".split())
# Openers of a parenthetical between a subject and its cue ("Rubio, speaking in Riga, said").
_ASIDE_PREP = frozenset(
    "in at on after before during while despite like unlike with without for by as since from under among "
    "for example by contrast in turn one another both now formerly once himself herself".split())
# Determiners that make any lowercase noun a possible speaker ("the airline said", "his campaign says").
_DET_OPEN = frozenset("the a an his her its their our another".split())
# Lowercase heads that are never speakers even after a determiner.
_NOT_SPEAKER = frozenset(
    "time day week month year morning afternoon evening night weekend moment end way fact idea thing things "
    "same rest first last next most point case number percent".split())


# Department nouns that make up a minister's portfolio before "and" ("Work and Pensions Secretary",
# "Lands and Natural Resources Minister"); hand-curated from the ministry names of national
# governments (cabinet lists on government sites), not from any evaluation set.
_DEPARTMENTS = frozenset(
    "mines mining minerals trade industry industries commerce work works pensions labour labor employment "
    "lands land natural resources foreign home commonwealth energy power petroleum oil gas finance treasury "
    "economy economic planning budget revenue health welfare social affairs family families children women "
    "youth sport sports culture arts heritage tourism education science technology innovation research "
    "higher environment climate water forestry forests fisheries agriculture food livestock rural urban "
    "regional local government public housing transport infrastructure communications information media "
    "digital defence defense security justice interior immigration veterans development cooperation "
    "international investment enterprise business small equality equalities legal constitutional "
    "parliamentary marine wildlife parks irrigation plantation plantations plantation commodities consumer "
    "aviation shipping ports roads highways railways telecommunications posts cooperatives gender disaster "
    "relief reconstruction antiquities religious endowments sanitation statistics customs".split())
# Nouns of these shapes are department nouns, not surnames ("Reconciliation and Unity Minister X").
_DEPARTMENT_SHAPE = re.compile(r"[a-z]{3,}(?:tion|sion|ment|ities|ism)$")


def _department(word: str) -> bool:
    return word in _DEPARTMENTS or _DEPARTMENT_SHAPE.match(word) is not None

_ADVERB = re.compile(r"[a-z]{3,}ly\Z")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{2,7}\Z")
_PLACE_ACRONYMS = frozenset("USA UAE DRC PRC ROK DPRK KSA".split())  # countries, not bodies
_PREP_OPEN = frozenset("of for and at in on to with by from into".split())
_PARTICLE_NAME = re.compile(r"(?:al|el|ad|an|as|ash|at|az|ul|bin|ibn|abu|ben|da|de|di|du|d|l|van|von)[-'\u2019][A-Z\u00c0-\u00de]")


class Tok(NamedTuple):
    """A token with absolute offsets (a tuple: cheap to make by the thousand)."""

    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()

    @property
    def is_cap(self) -> bool:
        c = self.text[:1]
        # "al-Sharafi", "el-Masri", "bin-Salman", "d'Alema": a lowercase particle glued to a name
        return c.isupper() or (c.islower() and _PARTICLE_NAME.match(self.text) is not None)


def tokens(text: str, start: int, end: int) -> list[Tok]:
    """Tokens of ``text[start:end]`` with absolute offsets."""
    out = [Tok(*m.span(), m.group()) for m in _TOKEN.finditer(text, start, end)]
    if any(len(t.text) == 2 and t.text[1] == "." for t in out):
        return _split_false_initials(out)
    return out


def _split_false_initials(toks: list[Tok]) -> list[Tok]:
    """An initial ("Reto B. wrote", "George W. Bush") only after a capitalised word and not before
    a word that merely opens the next sentence ("Plan B. Officials said", "option B. critics")."""
    out: list[Tok] = []
    for i, t in enumerate(toks):
        if len(t.text) == 2 and t.text[1] == "." and _false_initial(toks, i):
            out += [Tok(t.start, t.start + 1, t.text[0]), Tok(t.start + 1, t.end, ".")]
        else:
            out.append(t)
    return out


def _false_initial(toks: list[Tok], i: int) -> bool:
    if i == 0 or not toks[i - 1].text[:1].isupper():
        return True
    if i + 1 < len(toks) and toks[i + 1].text[:1].isupper():
        low = toks[i + 1].low
        return (low in CAP_STOP or low in DETERMINERS or low in PRONOUNS or low in GROUP_HEADS
                or low in PERSON_HEADS or low in LOWER_HEADS or _people_plural(low))
    return False


def _possessive(t: Tok) -> bool:
    return t.text.endswith(("'s", "\u2019s", "s'", "s\u2019"))


@dataclass(frozen=True)
class Phrase:
    """A speaker phrase as found in the text, before normalisation."""

    start: int
    end: int
    toks: tuple[Tok, ...]
    boundary: str  # the token right before the phrase (lowercased), "" at the clause start
    prep: int = -1  # index in ``toks`` of a post-modifier preposition ("aides *to* Clinton"), -1 if none


def phrase_before(toks: list[Tok], allow_what: bool = False, allow_sub: bool = False,
                  relative: bool = False, depth: int = 0, open_head: bool = False) -> Phrase | None:
    """The subject phrase ending at the end of ``toks`` (the tokens before a cue), or None.

    None as well when the phrase sits in a subordinate or relative clause ("after X urged"),
    unless ``relative`` (the antecedent of "who" may sit anywhere: "said Harvey, who added").
    ``open_head``: any lowercase noun after a determiner may speak ("the airline said"); only
    for unambiguous speech verbs ("the bloc has admitted 16 members" is no report).
    """
    j = len(toks) - 1
    # skip auxiliaries, adverbs and day names between subject and cue
    steps = 0
    while j >= 0 and steps < 4 and (toks[j].low in AUX or toks[j].low in _DAYS or
                                    (toks[j].low == "on" and j + 1 < len(toks) and toks[j + 1].low in _DAYS)
                                    # "has formally asked", "had quietly told": an adverb after an auxiliary
                                    or (_ADVERB.match(toks[j].text) is not None and j > 0 and toks[j - 1].low in AUX)):
        j -= 1
        steps += 1
    if j >= 1 and toks[j].low in _PERIODS and toks[j - 1].low in ("last", "this", "earlier", "next"):
        j -= 2  # "a study by X last year estimated": the time, not the subject
        if j >= 0 and toks[j].low == "earlier":
            j -= 1
    # an appositive or relative clause between commas: "Rubio, who led the delegation, said";
    # the nearest subject that stands on its own wins ("Grassley, facing a challenge in Iowa, a
    # swing state, said": "Iowa" sits after "in", so Grassley speaks)
    for _ in range(3):  # up to three asides: "Marley Anderson, 21, a junior from Las Vegas, said"
        if j >= 0 and toks[j].text in _DASHES:  # "Many speakers — including Muslims and Jews — said"
            k = j - 1
            while k >= 0 and j - k < 30 and toks[k].text not in _DASHES and toks[k].text not in ";:\u201c\u201d\"":
                k -= 1
            if k >= 1 and toks[k].text == toks[j].text and toks[k - 1].is_word:
                j = k - 1
                continue
            return None
        if not (j >= 0 and toks[j].text == ","):
            break
        k = j - 1
        while k >= 0 and j - k < 40 and toks[k].text not in ",;:\u201c\u201d\"":
            k -= 1
        inner = toks[k + 1:j]
        if k >= 1 and toks[k].text == "," and inner and all(t.is_cap or t.low in CONNECTORS for t in inner) \
                and inner[-1].is_cap and toks[k - 1].is_word and (not toks[k - 1].is_cap or (
                    len(inner) >= 2 and not any(t.low in ORG_HEADS or t.low in TITLE_WORDS for t in inner)
                    and any(t.low in TITLE_WORDS or t.low in PERSON_HEADS for t in toks[max(0, k - 5):k]))):
            # "Peru's deputy minister, Luis Ernesto Paredes, said": the name between the commas speaks
            if not _owned_by_postmod(toks, k):
                return Phrase(inner[0].start, inner[-1].end, tuple(inner), ",")
            # "Lawyers for the former mayor, Ivan Petrov, said": the name is the mayor's; the lawyers speak
            j = k - 1
            continue
        named = _named_in_aside(inner) or _author_in_aside(inner)
        if k >= 1 and toks[k].text == "," and named is not None:
            # "Voices on Air, by the historian Ana Roe, tells": the author speaks for the work
            # "The claimant, a retired teacher named Omar Haddad, argued": the name given in the aside speaks.
            # The boundary "appos" keeps the words before the aside from being taken for the content.
            return Phrase(named[0].start, named[-1].end, tuple(named), "appos")
        if k >= 1 and toks[k].text == "," and inner and (inner[0].low in ("who", "which", "whose", "a", "an", "the")
                                                         or inner[0].is_cap or inner[0].low in _ASIDE_LEAD
                                                         or inner[0].text[:1].isdigit()
                                                         or inner[0].low in TITLE_WORDS or inner[0].low in LOWER_HEADS
                                                         or all(t.low in _ASIDE for t in inner)
                                                         or inner[0].low in _ASIDE_PREP or inner[0].low == "of"
                                                         # "Jan Roe, education officer at an aid agency, said"
                                                         or any(t.low in PERSON_HEADS or t.low in TITLE_WORDS
                                                                for t in inner[:3] if not t.is_cap)
                                                         or (inner[0].low.endswith("ing") and not inner[0].is_cap
                                                             and len(inner) > 1)
                                                         # "the panel, led by Justice X, held"
                                                         or (inner[0].low.endswith("ed") and not inner[0].is_cap
                                                             and len(inner) > 1 and inner[1].low == "by")):
            j = k - 1
            ph = _phrase_at(toks, j, allow_what, allow_sub, relative, depth, open_head) \
                if toks[j].is_word or toks[j].text == ")" else None
            if ph is not None:
                return ph
            if any(t.text == "," for t in toks[max(0, k - 40):k]):
                j = k  # the nearer subject did not stand on its own: its clause is an aside too
                continue
            return None
        else:
            return None
    return _phrase_at(toks, j, allow_what, allow_sub, relative, depth, open_head)


def _owned_by_postmod(toks: list[Tok], k: int) -> bool:
    """Before the comma at ``k``, a plural head with a post-modifier ("Lawyers for the former
    mayor", "aides to the minister"): a single name in apposition is the modifier's person, not
    the people who speak. The plural may be any plural of people, as for a group without the
    name ("Relatives of the victim, Omar Haddad, said" is said by the relatives, as "Relatives of
    the victim said"): a single name cannot stand in apposition to a plural."""
    p = k - 1
    while p >= 0 and k - p <= 6 and toks[p].is_word and not toks[p].is_cap:
        if toks[p].low in ("for", "to", "of") and p > 0 and _people_plural(toks[p - 1].low):
            inner = toks[k + 1:]
            return not any(t.low == "and" for t in inner[:8])
        p -= 1
    return False


def _people_plural(low: str) -> bool:
    """A plural of people: a plural group head ("lawyers", "families"), an agent plural
    ("relatives", "supporters", "brothers"), or a kinship or companionship plural of
    ``data/plural_people.csv`` ("children", "neighbours", "colleagues")."""
    return (low.endswith("s") and low in GROUP_HEADS) or _AGENT_PLURAL.match(low) is not None \
        or low in _plural_people()


@lru_cache(maxsize=1)
def _plural_people() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon_column("plural_people.csv", "word"))


_NAMING = frozenset("named called".split())


def _named_in_aside(inner: list[Tok]) -> list[Tok] | None:
    """The name after "named"/"called" that ends an aside ("a retired teacher named Omar Haddad")."""
    for i, t in enumerate(inner):
        if t.low in _NAMING and 0 < i < len(inner) - 1 and not inner[i - 1].is_cap:
            rest = inner[i + 1:]
            if all(x.is_cap or x.low in NAME_PARTICLES for x in rest) and rest[0].is_cap and len(rest) <= 5 \
                    and rest[0].low not in CAP_STOP:
                return rest
            return None
    return None


def _author_in_aside(inner: list[Tok]) -> list[Tok] | None:
    """The author's name ending a "by ..." aside ("by the historian Ana Roe"), else None."""
    if len(inner) < 3 or inner[0].low != "by" or not inner[-1].is_cap or not inner[-2].is_cap:
        return None
    r = len(inner)
    while r > 1 and inner[r - 1].is_cap and inner[r - 1].low not in TITLE_WORDS:
        r -= 1
    name = inner[r:]
    if len(name) < 2 or any(t.low in ORG_HEADS or t.low in CAP_STOP for t in name):
        return None
    return name


def _phrase_at(toks: list[Tok], j: int, allow_what: bool, allow_sub: bool, relative: bool,
               depth: int, open_head: bool = False) -> Phrase | None:
    """The subject phrase whose last token is ``toks[j]``."""
    if j < 0 or toks[j].text == ",":
        return None
    # a parenthetical after the subject: "PT Kereta Cepat Indonesia China (KCIC), ... said"
    if toks[j].text == ")":
        k = j - 1
        while k >= 0 and j - k < 8 and toks[k].text != "(":
            k -= 1
        if k <= 0 or toks[k].text != "(":
            return None
        j = k - 1
    # "Researchers who track the channel say": the subject before a short relative clause
    # (not "The company that owns the dam did not respond to questions": the clause must end in a noun)
    for w in range(j, max(-1, j - 12), -1) if toks[j].low not in STOP_LOWER and toks[j].low not in PRONOUNS else ():
        if not toks[w].is_word:
            break
        if toks[w].low in ("who", "that") and w > 0 and w < j:
            inner = phrase_before(toks[:w], allow_what, allow_sub, open_head=open_head)
            if inner is not None and inner.toks[-1].low not in PRONOUNS:
                return inner
            break
    head = toks[j]
    if head.low in ("who", "which") and j >= 2 and toks[j - 1].text == "," and depth == 0:
        # "Harvey, who acknowledged ...", "the bank, which says ...": the antecedent speaks
        ante = phrase_before(toks[:j - 1], allow_what=True, allow_sub=True, relative=True, depth=depth + 1, open_head=open_head)
        if ante is not None and ante.toks[-1].low not in PRONOUNS and (head.low == "who" or any(
                t.low in ORG_HEADS or t.low in GROUP_HEADS for t in ante.toks)):
            return Phrase(ante.start, ante.end, ante.toks, head.low, ante.prep)
        return None
    if head.low == "who" and j > 0 and toks[j - 1].is_word and not toks[j - 1].is_cap \
            and (toks[j - 1].low in GROUP_HEADS or _AGENT_PLURAL.match(toks[j - 1].low)):
        # "protests from parents who say ...": the people the relative clause is about speak
        ante = phrase_before(toks[:j], allow_what=True, allow_sub=True, open_head=open_head)
        if ante is None:
            k = j - 1
            return Phrase(toks[k].start, toks[k].end, (toks[k],), "")
        return Phrase(ante.start, ante.end, ante.toks, "")
    if head.low in PRONOUNS:
        return _with_boundary(toks, j, j, allow_what, allow_sub, relative, depth, open_head)
    if not head.is_word or _possessive(head):
        return None
    lower_head = not head.is_cap
    if lower_head and head.low not in LOWER_HEADS and not _AGENT_PLURAL.match(head.low) \
            and not (open_head and _det_noun(toks, j)) and not _place_of_people(toks, j) \
            and not (head.low in _OUTLET_STAFF and j > 0 and toks[j - 1].is_cap and toks[j - 1].low not in CAP_STOP):
        return None
    if head.is_cap and head.low in CAP_STOP:
        return None
    k = j
    p = j - 1
    lowers = 0
    while p >= 0 and j - p < 14:
        t = toks[p]
        lo = t.low
        if not t.is_word:
            if _name_inner(toks, p):
                p -= 1
                continue
            break
        if t.is_cap:
            if lo in CAP_STOP:
                if lo in ("the", "a", "an"):
                    k = p
                    p -= 1
                break
            k = p
        elif lo == "the" and p > 0 and toks[p - 1].low in ("of", "for", "at", "in", "and"):
            pass  # "General Staff of the Armed Forces"
        elif lo in DETERMINERS:
            k = p
            p -= 1
            break
        elif lo in CONNECTORS:
            pass
        elif lo in STOP_LOWER or lo in SUBORDINATE:
            break
        elif lo in _PLACE_NOUNS and toks[p + 1].low == "of":
            # "Residents of the province of X", "of the nearby village of X": every place noun
            # as "the town of X", with up to two modifiers after its determiner
            p = k = _place_modifiers_start(toks, p)
        elif lo in TITLE_WORDS or lo in LOWER_HEADS or lo.startswith(("then-", "ex-", "former")):
            k = p
        elif lower_head and lowers < 4 and re.sub(r"['\u2019]$", "", lo).isalpha():  # forest workers' unions
            lowers += 1
            k = p
        elif lower_head and lowers < 4 and _possessive(t) and head.low in GROUP_HEADS and p > 0 \
                and toks[p - 1].low in _DET_OPEN and re.sub(r"['\u2019]s?$", "", lo).isalpha():
            lowers += 1  # "the fair's management", "the federation's council": a body of something named
            k = p
        elif lo.startswith(("then-", "ex-")):
            k = p
        else:
            break
        p -= 1
    k = _role_list_start(toks, k, j)
    return _with_boundary(toks, k, j, allow_what, allow_sub, relative, depth, open_head)


def _role_list_start(toks: list[Tok], k: int, j: int) -> int:
    """"Analysts Mia Chen, Raj Patel and Olu Ade said": a comma list of names after a plural role
    all speak; the phrase ``toks[k:j + 1]`` ("Raj Patel and Olu Ade") is widened to the role.
    Only with the role: "In Paris, Ana Ruiz and Tom Lee said" keeps its two speakers."""
    span = toks[k:j + 1]
    if k < 2 or toks[k - 1].text != "," or not any(t.low == "and" for t in span) \
            or not all(t.is_cap or t.low == "and" for t in span):
        return k
    p = k - 1  # a comma
    for _ in range(4):
        q = p - 1
        while q >= 0 and toks[q].is_cap and toks[q].low not in CAP_STOP and p - q <= 4:
            q -= 1
        seg = toks[q + 1:p]
        if not seg:
            return k
        if len(seg) >= 2 and _plural_role(seg[0].low):
            return q + 1  # "Analysts Mia Chen, ..."
        if q >= 0 and toks[q].text == ",":
            p = q
            continue
        if q >= 0 and not toks[q].is_cap and _plural_role(toks[q].low):
            return q  # "economists Mia Chen, ..."
        return k
    return k


# Nouns of a named place, after or before its name ("Kherson oblast", "the town of Zarqa", "Jabalia
# camp"): one set for both `_place_of_people` and `_people_at_place`, so a group from a place is
# found whichever way the place is written.
_PLACE_NOUNS = frozenset("province region district county state city town village area valley delta oblast "
                         "governorate prefecture municipality island islands capital suburb neighbourhood "
                         "neighborhood camp port".split())


def _place_modifiers_start(toks: list[Tok], p: int) -> int:
    """Index of the first of up to two lowercase modifiers before the place noun at ``p``, when a
    determiner and a preposition stand before them ("of the nearby village", "in the remote
    mountain district"); ``p`` itself otherwise."""
    q = p
    while q - 1 >= 0 and p - q < 2 and toks[q - 1].text.isalpha() and toks[q - 1].text.islower() \
            and toks[q - 1].low not in ("the", "a", "an") and toks[q - 1].low not in _PREP_OPEN \
            and toks[q - 1].low not in STOP_LOWER and toks[q - 1].low not in SUBORDINATE:
        q -= 1
    if q < p and q >= 2 and toks[q - 1].low in ("the", "a", "an") and toks[q - 2].low in _PLACE_PREPS:
        return q
    return p


_PLACE_PREPS = frozenset("of in at from near".split())


def _place_of_people(toks: list[Tok], j: int) -> bool:
    """"Fishermen in Champasak province told X": people from a named place, the place noun
    last; only after a plural of people ("fishermen", "farmers", "residents") and "in"/"from"."""
    if toks[j].low not in _PLACE_NOUNS or j < 3 or not toks[j - 1].is_cap:
        return False
    p = j - 1
    while p > 0 and toks[p - 1].is_cap and j - p < 4:
        p -= 1
    if p < 2 or toks[p - 1].low not in ("in", "from"):
        return False
    people = toks[p - 2].low
    return people in GROUP_HEADS or _AGENT_PLURAL.match(people) is not None


def _det_noun(toks: list[Tok], j: int) -> bool:
    """A lowercase noun right after a determiner ("the airline", "his campaign", "the new ad")."""
    head = toks[j]
    if head.low in _NOT_SPEAKER or head.low in STOP_LOWER or head.low in AUX or head.low in CONNECTORS \
            or head.low.endswith(("ly", "ing")) or not head.text.isalpha():
        return False
    if j >= 1 and toks[j - 1].low in _DET_OPEN:
        return True
    mod = toks[j - 1].low if j >= 1 else ""
    if _plural(mod) and _plural(head.low) and mod not in _PLURAL_MODIFIERS:
        return False  # "colophons, the notes scribes wrote": a relative clause, not "the sales team"
    if j >= 3 and toks[j - 3].low in _DET_OPEN and _ACRONYM.match(toks[j - 2].text) and toks[j - 1].text.isalpha() \
            and toks[j - 1].text.islower():
        return True  # "the UGTT union federation", "the COSATU labour federation"
    return j >= 2 and toks[j - 2].low in _DET_OPEN and toks[j - 1].text.isalpha() and toks[j - 1].low not in STOP_LOWER


def _plural(w: str) -> bool:
    return w.endswith("s") and not w.endswith(("ss", "us", "is"))


# Words ending in -s that still modify a noun ("the news agency", "the sales team").
_PLURAL_MODIFIERS = frozenset(
    "news sales sports arts games goods savings communications affairs operations systems relations services "
    "works humanities economics physics politics series species headquarters customs arms jobs rights".split())


def _postmod(toks: list[Tok], k: int, j: int, allow_what: bool, allow_sub: bool, depth: int,
             open_head: bool) -> Phrase | None:
    """The head a post-modifier hangs on: "aides *to Clinton*", "a source familiar *with the talks*"."""
    n = k - 2  # the token before the preposition
    if n >= 1 and toks[n].low in _POSTMOD_ADJ:
        n -= 1
    if n < 0 or not toks[n].is_word:
        return None
    low = toks[n].low
    if not (low in LOWER_HEADS or low in DOC_HEADS or _AGENT_PLURAL.match(low)):
        return None
    outer = phrase_before(toks[:n + 1], allow_what, allow_sub, depth=depth + 1, open_head=open_head)
    if outer is None or outer.toks[-1].low in PRONOUNS:
        return None
    i0 = next(i for i, t in enumerate(toks) if t.start == outer.start)
    return Phrase(outer.start, toks[j].end, tuple(toks[i0:j + 1]), outer.boundary, k - 1 - i0)


def _member_of(toks: list[Tok], k: int) -> tuple[int, int] | None:
    """The person before "of the (local) group" when the phrase at ``k`` names the group:
    "Dina Roe of the local group Lake Alive said", "Dr. Ivan Roe of the Astrakhan branch of the
    Russian Academy said" -> (first, last) index of the person's name."""
    p = k
    while p >= 2 and k - p < 12:
        t = toks[p]
        if t.low in ("of", "from", "at", "with") and toks[p - 1].is_cap and p + 1 < len(toks) and (
                toks[p + 1].low in ("the", "a", "an") or not toks[p + 1].is_cap):
            # "of the (local group) X", not "Academy of Sciences", "Republic of Iran"
            e = p - 1
            b = e
            while b - 1 >= 0 and e - b < 3 and toks[b - 1].is_word and (toks[b - 1].is_cap or toks[b - 1].low in NAME_PARTICLES):
                b -= 1
            b = _skip_titles(toks, b, e)
            if _is_name_run(toks[b:e + 1]):
                return _coordinated_name(toks, b), e
            return None
        if not t.is_word or t.low in STOP_LOWER or t.low in AUX or (not t.is_cap and t.low not in CONNECTORS
                                                                  and t.low not in DETERMINERS and t.low in SUBORDINATE):
            return None
        p -= 1
    return None


def _coordinated_name(toks: list[Tok], b: int) -> int:
    """The start of "NAME and NAME" ending in the name at ``b``: "Austan Goolsbee and Chad Syverson
    of the University of Chicago" are both members; a single word before "and" is not taken."""
    if b < 3 or toks[b - 1].low != "and":
        return b
    e = b - 2
    a = e
    caps = 1
    while a - 1 >= 0 and toks[a - 1].is_word and (
            (toks[a - 1].is_cap and caps < 2) or (toks[a - 1].low in NAME_PARTICLES and e - a < 3)):
        caps += toks[a - 1].is_cap
        a -= 1
    a = _skip_titles(toks, a, e)
    return a if _is_name_run(toks[a:e + 1]) else b


def _skip_titles(toks: list[Tok], b: int, e: int) -> int:
    """The first token of ``toks[b:e + 1]`` after leading particles and title words."""
    while b < e and (toks[b].low in NAME_PARTICLES or toks[b].low in TITLE_WORDS):
        b += 1
    return b


def _is_name_run(run: list[Tok]) -> bool:
    """Two or more capitalised words (name particles allowed), none an organisation head, title or
    possessive: a person's name."""
    return len(run) >= 2 and all(x.is_word and (x.is_cap or x.low in NAME_PARTICLES) for x in run) and not any(
        x.low in ORG_HEADS or x.low in CAP_STOP or x.low in TITLE_WORDS or _possessive(x) for x in run)


def _with_boundary(toks: list[Tok], k: int, j: int, allow_what: bool, allow_sub: bool = False,
                   relative: bool = False, depth: int = 0, open_head: bool = False) -> Phrase | None:
    if depth < 2 and (toks[j].is_cap or toks[j].low in LOWER_HEADS):
        member = _member_of(toks, j)
        if member is not None:
            b, e = member
            return _with_boundary(toks, b, e, allow_what, allow_sub, relative, depth + 1, open_head)
    # leading connectors are not part of the phrase
    while k < j and toks[k].low in CONNECTORS and toks[k].low not in ("the",) \
            and not (toks[k].is_cap and toks[k].low in NAME_PARTICLES and toks[k + 1].is_cap):  # "Al Jazeera"
        k += 1
    boundary = toks[k - 1].low if k > 0 else ""
    if boundary in _POSTMOD_PREP and depth < 2 and toks[j].low not in PRONOUNS:
        ph = _postmod(toks, k, j, allow_what, allow_sub, depth, open_head)
        if ph is not None:
            return ph
    if relative:
        pass
    elif boundary in _POSTMOD_PREP:
        return None  # the object of a preposition ("a challenge in Iowa"), not a subject
    elif allow_sub and boundary in _TIME_SUB:
        pass  # "when she said, “...”": plain speech, reported even inside a time clause
    elif boundary == "which" and allow_what and k >= 2 and toks[k - 2].text in (",", "\u2014", "\u2013", "("):
        pass  # "..., which it denies": the subject reports on the clause before (not "in which X argued")
    elif boundary in SUBORDINATE and not (allow_what and boundary == "what"):
        return None
    elif boundary in STOP_LOWER and boundary not in _CLAUSE_OK and not (allow_what and boundary == "what"):
        return None
    return Phrase(toks[k].start, toks[j].end, tuple(toks[k:j + 1]), boundary)


def phrase_after(toks: list[Tok]) -> Phrase | None:
    """The speaker phrase starting at ``toks[0]`` (inverted order: "said Rubio", "according to X")."""
    i = 0
    n = min(len(toks), 16)
    while i < n and toks[i].low in DETERMINERS:
        i += 1
    if i < n and toks[i].low in _PREP_OPEN:
        return None  # "announced in Manama", "said several of his players": a place or a part, not a speaker
    start = i
    last_good = -1
    while i < n:
        t = toks[i]
        lo = t.low
        if not t.is_word:
            break
        if t.is_cap:
            if lo in CAP_STOP and i > start:
                break
            last_good = i
        elif lo in LOWER_HEADS or lo in TITLE_WORDS or _AGENT_PLURAL.match(lo):
            last_good = i
        elif lo in CONNECTORS:
            if lo == "the" and i > start and toks[i - 1].is_cap and toks[i - 1].low not in CONNECTORS:
                break  # "told Reuters the police had ...": a new clause's subject, no part of the name
            caps = [x for x in toks[start:i] if x.is_cap]
            if lo in ("of", "at", "in", "from") and len(caps) >= 2 and not any(x.low in ORG_HEADS for x in caps) \
                    and toks[i - 1].is_cap:
                break  # "Sunita Rao of Mumbai"
        elif lo in STOP_LOWER or lo in SUBORDINATE or lo in AUX or lo in _DAYS:
            break
        elif i - start < 4 and re.sub(r"['\u2019\-]", "", lo).isalpha() and not lo.endswith("ly"):
            pass  # a modifier, valid only if a head follows
        else:
            break
        i += 1
    if last_good < start:
        return None
    first = 0 if start > 0 and toks[0].low in ("the", "a", "an") else start
    return Phrase(toks[first].start, toks[last_good].end, tuple(toks[first:last_good + 1]), "")


# Normal form --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Speaker:
    """A normalised speaker: the name to show, the mention span, what kind of thing it is."""

    name: str
    start: int
    end: int
    kind: str  # person | org | group | pronoun | role (a definite singular role: "the US official")
    title: str = ""  # lowercased title words that preceded a person's name


def _join(text: str, toks: tuple[Tok, ...] | list[Tok]) -> str:
    return text[toks[0].start:toks[-1].end]


def normalise(text: str, ph: Phrase) -> list[Speaker]:
    """Speakers named by a phrase; coordinated proper names split ("Moscow and Washington")."""
    toks = list(ph.toks)
    while toks and toks[0].low in ("the", "a", "an"):
        toks = toks[1:]
    if not toks:
        return []
    if ph.prep >= 0:
        return _with_postmod(text, ph, toks)
    head = toks[-1]
    if head.low in DOC_HEADS and len(toks) > 1 and _possessive(toks[-2]) and toks[-2].is_cap:
        # "the Foreign Ministry's statement": the issuer speaks
        issuer = toks[:-1]
        while issuer and not issuer[0].is_cap:
            issuer = issuer[1:]
        end = issuer[-1].end - (1 if issuer[-1].text.endswith(("'", "\u2019")) else 2)
        name = text[issuer[0].start:end]
        return [Speaker(name, issuer[0].start, end, "org")]
    if len(toks) == 1 and head.low in PRONOUNS:
        return [Speaker(head.text, head.start, head.end, "pronoun")]
    if len(toks) >= 3 and _plural_role(toks[0].low) and _name_word(toks[1]) and head.is_cap \
            and not any(t.low in ORG_HEADS for t in toks):
        # "Economists Jane Roe and Tom Lee said": the plural role names what the people are
        toks = toks[1:]
    # coordination of proper names: "Moscow and Washington"; not the "and" inside one name
    # ("Trinidad and Tobago", "Procter and Gamble")
    inner = _compound_ands(toks)
    listed = any(t.low == "and" for t in toks)  # "Mia Chen, Raj Patel and Olu Ade": commas separate too
    ands = [i for i, t in enumerate(toks) if (t.low == "and" or (listed and t.text == ",")) and i not in inner]
    if inner and not ands and tuple(t.low for t in toks) in _and_index()[1]:
        return [Speaker(_join(text, toks), toks[0].start, toks[-1].end, "org")]
    if ands and toks[0].is_cap and toks[-1].is_cap \
            and all(t.is_cap or t.low in NAME_PARTICLES for t in toks if t.low != "and" and t.text != ",") \
            and not any(t.low in ORG_HEADS for t in toks) \
            and not _portfolio(toks, ands):
        parts, cur = [], []
        for i, t in enumerate(toks):
            if i in ands:
                parts.append(cur)
                cur = []
            else:
                cur.append(t)
        parts.append(cur)
        out: list[Speaker] = []
        for p in parts:
            if p:
                out.extend(normalise(text, Phrase(p[0].start, p[-1].end, tuple(p), ph.boundary)))
        return out
    if head.low in _SPOKES and len(toks) > 1 and toks[-2].is_cap:
        # "UK Foreign Office spokesperson": the office speaks
        return normalise(text, Phrase(toks[0].start, toks[-2].end, tuple(toks[:-1]), ph.boundary))
    for i, t in enumerate(toks[:-1]):
        if t.low in _SPOKES and toks[i + 1].low in ("for", "of") and i + 2 < len(toks):
            rest = toks[i + 2:]
            issuer = normalise(text, Phrase(rest[0].start, rest[-1].end, tuple(rest), ph.boundary))
            if any(x.kind == "role" for x in issuer):  # "a spokesperson for the consulate general": no name
                return [Speaker(_join(text, toks), toks[0].start, toks[-1].end, "group")]
            return issuer
    if not head.is_cap and head.low in DOC_HEADS and len(toks) > 1 and toks[-2].is_cap \
            and toks[-2].low not in CAP_STOP:
        # "a Reuters report", "an FBI investigation": the issuer named as a modifier speaks
        r = len(toks) - 2
        while r > 0 and (toks[r - 1].is_cap or toks[r - 1].low in CONNECTORS) and toks[r - 1].low not in CAP_STOP:
            r -= 1
        run = toks[r:-1]
        end = run[-1].end - (2 if _possessive(run[-1]) and run[-1].text.endswith("s") else 0)
        return [Speaker(text[run[0].start:end], run[0].start, end, "org")]
    if not head.is_cap and len(toks) >= 2 and _ACRONYM.match(toks[0].text) and toks[0].text not in _PLACE_ACRONYMS \
            and all(not t.is_cap for t in toks[1:]) and len(toks) <= 3 and head.low not in PERSON_HEADS \
            and head.low not in _OUTLET_STAFF:
        # "the UGTT union federation said", "the NATO alliance said": the acronym names the body
        return [Speaker(toks[0].text, toks[0].start, toks[0].end, "org")]
    if not head.is_cap:
        name = _join(text, toks)
        definite = ph.toks[0].low == "the"
        role = head.low in PERSON_HEADS or (head.low not in GROUP_HEADS and any(t.low in PERSON_HEADS for t in toks[:-1]))
        if definite and role and head.low not in ("source", "sources"):
            kind = "role"
        elif definite and len(toks) <= 2 and head.low in GROUP_HEADS:
            kind = "backref"  # "the ministry said": the ministry named before
        else:
            kind = "group"
        return [Speaker(name, toks[0].start, head.end, kind)]
    if len(toks) >= 3 and toks[1].low in ("in", "at", "from", "near") and toks[0].low not in ORG_HEADS \
            and _people_plural(toks[0].low) and (toks[2].is_cap or toks[2].low in _DIRECTIONS or toks[2].low == "the"):
        # "Nurses at Kaduna General Hospital said", "Pilgrims from western Ukraine said": the people
        # speak, not the place (whose "General" is no title)
        return [Speaker(_join(text, toks), toks[0].start, toks[-1].end, "group")]
    # trailing capitalised run (with name particles), e.g. "Kremlin spokesman Dmitry Peskov" -> Dmitry Peskov
    r = len(toks) - 1
    while r > 0 and (toks[r - 1].is_cap or toks[r - 1].low in CONNECTORS or _possessive(toks[r - 1])
                     or (toks[r - 1].text == "&" and r > 1 and toks[r - 2].is_cap)):
        r -= 1
    run = toks[r:]
    while run and run[0].low in CONNECTORS and not (run[0].is_cap and len(run) > 1 and run[1].is_cap
                                                     and run[0].low in NAME_PARTICLES):
        run = run[1:]
    if not run:
        return []
    i0 = len(toks) - len(run)
    if i0 >= 2 and toks[i0 - 1].low in ("in", "at", "from", "near") and not toks[i0 - 2].is_cap \
            and toks[i0 - 2].low in PERSON_HEADS:
        # "Al Jazeera's correspondent in Kassala": the place says where the speaker is; it does not speak
        return normalise(text, Phrase(toks[0].start, toks[i0 - 2].end, tuple(toks[:i0 - 1]), ph.boundary))
    pre = _people_at_place(toks, i0)
    if pre is not None:  # "Parents in the town of Zarqa said": the people speak, not the place
        return [Speaker(_join(text, toks), toks[0].start, toks[-1].end, "group")]
    for i, t in enumerate(run):
        if t.low in ("of", "at") and i >= 2:
            person = [x for x in run[:i] if x.low not in TITLE_WORDS]
            if len(person) >= 2 and not any(x.low in ORG_HEADS or _possessive(x) for x in run[:i]):
                run = run[:i]  # "Tetiana Koval of Humboldt University"
                if any(x.low == "and" for x in run):  # "Jane Roe and Tom Lee of Harvard": both speak
                    return normalise(text, Phrase(run[0].start, run[-1].end, tuple(run), ph.boundary))
            break
    tail = _name_after_office(run)
    if tail is not None:  # "Secretary-General of the Supreme Council of Antiquities Hossam Farag"
        title = " ".join(t.low for t in toks[: len(toks) - len(tail)])
        return [Speaker(_join(text, tail), tail[0].start, tail[-1].end, "person", title)]
    if (any(t.low.rstrip("'\u2019s") in ORG_HEADS or t.low in ORG_HEADS for t in run) or any(_possessive(t) for t in run)) \
            and not _titled_person(run):  # "Chief Cabinet Secretary Hiroshi Maekawa": a person speaks
        # organisations keep lowercase modifiers before them only when possessive-led ("Russia's defence ministry")
        return [Speaker(_join(text, run), run[0].start, run[-1].end, "org")]
    # person or place: strip titles up to the last title word
    last_title = -1
    for i, t in enumerate(run):
        lo = t.low
        if lo in TITLE_WORDS or lo.startswith(("then-", "ex-")) or (
                _plural_role(lo) and i < len(run) - 2 and _name_word(run[i + 1])) or (
                t.text.isupper() and len(t.text) <= 4 and i < len(run) - 1
                and (len(run) - i > 2 or run[i + 1].low in TITLE_WORDS)):  # "FBI Director Wray", not "RIA Novosti"
            last_title = i
    name_toks = run[last_title + 1:] if last_title + 1 < len(run) else run
    while last_title >= 0 and len(name_toks) > 3 and name_toks[0].low in ("for", "of", "and") \
            and sum(t.is_cap for t in name_toks[2:]) >= 2:
        name_toks = name_toks[2:]  # "Secretary for Mining Pieter van Dijk": the portfolio is part of the title
    title = " ".join(t.low for t in toks[: len(toks) - len(name_toks)])
    if name_toks is run and last_title == len(run) - 1 and len(run) > 1:
        return [Speaker(_join(text, run), run[0].start, run[-1].end, "org")]
    kind = "person" if len(name_toks) >= 2 else "name"
    return [Speaker(_join(text, name_toks), name_toks[0].start, name_toks[-1].end, kind, title)]


def _people_at_place(toks: list[Tok], i0: int) -> int | None:
    """Index of a plural people noun before "in/at/from/near [the town of] <place>" ending at
    ``i0`` ("Residents of the city of X", "Parents in the town of X"), else None."""
    p = i0 - 1
    if p >= 1 and toks[p].low in _DIRECTIONS:  # "Pilgrims from western Ukraine"
        p -= 1
    if p >= 0 and toks[p].low == "of" and p >= 1 and toks[p - 1].low in _PLACE_NOUNS:
        p = _place_modifiers_start(toks, p - 1) - 1  # "the nearby village of X": past the modifiers
        if p >= 0 and toks[p].low in ("the", "a"):
            p -= 1
    if p < 1 or toks[p].low not in ("in", "at", "from", "near", "of"):
        return None
    head = toks[p - 1]
    if p - 1 == 0 and head.low not in ORG_HEADS and _people_plural(head.low):  # "Nurses at X Hospital"
        return p - 1
    return None


_DIRECTIONS = frozenset("northern southern eastern western central north south east west north-eastern north-western "
                        "south-eastern south-western northeastern northwestern southeastern southwestern rural "
                        "coastal".split())


def _name_after_office(run: list[Tok]) -> list[Tok] | None:
    """"Chairman of the Central Bank Board Ivan Petrov": a title, "of" and a body, then a plain
    two-word name (not a department: "Minister of Energy and Mineral Resources" names no one)."""
    if len(run) < 5 or run[0].low not in TITLE_WORDS or run[1].low not in ("of", "for"):
        return None
    tail = run[-2:]
    if any(not t.is_cap or t.low in ORG_HEADS or t.low in TITLE_WORDS or t.low in CONNECTORS or _possessive(t)
           or _department(t.low) or t.text.isupper() for t in tail) or run[-3].low in CONNECTORS:
        return None
    return tail


def _name_inner(toks: list[Tok], p: int) -> bool:
    """A non-word token inside a capitalised name: a short number after a name word ("France 24",
    "Channel 4") or an ampersand between two ("Procter & Gamble")."""
    t = toks[p]
    if p == 0 or p + 1 >= len(toks) or not toks[p - 1].is_cap or toks[p - 1].low in CAP_STOP:
        return False
    if t.text == "&":
        return toks[p + 1].is_cap
    return t.text.isdigit() and len(t.text) <= 3 and toks[p + 1].is_word


def _plural_role(low: str) -> bool:
    """A plural of a person's role or title ("economists", "analysts", "officials")."""
    return low.endswith("s") and low in GROUP_HEADS and (low[:-1] in TITLE_WORDS or low[:-1] in PERSON_HEADS)


def _name_word(t: Tok) -> bool:
    return t.is_cap and t.low not in CAP_STOP and t.low not in STOP_LOWER and t.low not in TITLE_WORDS \
        and not _plural_role(t.low)


# Names that contain "and" and are one party (``data/and_names.csv``): states and territories
# whose ISO 3166-1 English short name (or a common short form of it) has "and" in it, and firms
# whose trading name is written "X and Y" in running text ("Procter and Gamble"). Each entry is
# its lowercased words; see the CSV's source column and data/NOTICES.md for why the list exists.
@lru_cache(maxsize=1)
def and_names() -> tuple[tuple[str, ...], ...]:
    """The one-party "and"-names, each as its lowercased words, in file order."""
    return tuple(tuple(n.lower().split()) for n in lexicon_column("and_names.csv", "name"))


@lru_cache(maxsize=1)
def _and_index() -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
    names = and_names()
    return frozenset(n[0] for n in names), frozenset(names)


def _compound_ands(toks: list[Tok]) -> frozenset[int]:
    """Indices of the "and" tokens that sit inside a one-party name (see :func:`and_names`)."""
    inner: set[int] = set()
    first = _and_index()[0]
    i = 0
    while i < len(toks):
        if toks[i].low in first:
            lows = tuple(t.low for t in toks[i:i + 8])
            best = max((n for n in and_names() if lows[:len(n)] == n), key=len, default=None)
            if best is not None:
                inner.update(i + k for k, w in enumerate(best) if w == "and")
                i += len(best)
                continue
        i += 1
    return frozenset(inner)


def _portfolio(toks: list[Tok], ands: list[int]) -> bool:
    """"Mines and Mining Development Minister Farai Roe": "and" inside a title's portfolio, not
    two speakers. Only the last part holds a title word, and every earlier part is made of
    department nouns; "Biden and Japanese Prime Minister Fumio Kishida" names two people."""
    parts = [toks[a + 1:b] for a, b in zip([-1] + ands, ands + [len(toks)])]
    titled = [any(t.low in TITLE_WORDS for t in p) for p in parts]
    departments = all(p and all(_department(t.low) for t in p) for p in parts[:-1])
    return titled[-1] and not all(titled) and departments


def _with_postmod(text: str, ph: Phrase, toks: list[Tok]) -> list[Speaker]:
    """A head with a post-modifier: a document speaks for its issuer ("a statement from the
    ministry" -> ministry); a spokesman for his employer; anyone else keeps the whole phrase
    ("aides to Clinton", "a source familiar with the talks")."""
    prep_tok = ph.toks[ph.prep]
    i = next((n for n, t in enumerate(toks) if t.start == prep_tok.start), -1)
    if i <= 0 or i + 1 >= len(toks):
        return normalise(text, Phrase(ph.start, ph.end, ph.toks, ph.boundary))
    head, rest = toks[i - 1], toks[i + 1:]
    if head.low in _POSTMOD_ADJ and i >= 2:
        head = toks[i - 2]
    if (head.low in DOC_HEADS and prep_tok.low in _ISSUER_PREP) or (head.low in _SPOKES and prep_tok.low in ("for", "of")):
        issuer = normalise(text, Phrase(rest[0].start, rest[-1].end, tuple(rest), ph.boundary))
        if issuer and issuer[0].kind not in ("pronoun", "role"):  # "a spokesperson for the consulate general"
            return issuer
    name = _join(text, toks)
    return [Speaker(name, toks[0].start, toks[-1].end, "group")]


def _titled_person(run: list[Tok]) -> bool:
    """A title ending in a title word, then a plain two- or three-word name."""
    last = max((i for i, t in enumerate(run) if t.low in TITLE_WORDS), default=-1)
    name = run[last + 1:]
    return last >= 0 and 2 <= len(name) <= 3 and all(
        t.is_cap and t.low not in ORG_HEADS and not _possessive(t) and t.low not in TITLE_WORDS for t in name)


# Name index and resolution -------------------------------------------------------------------------

_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f\u0400-\u042f"
_W = "\\w'\u2019\\-\u0300-\u036f"
_CAPRUN = re.compile(
    rf"(?<![\w'\u2019])[{_UP}][{_W}]*"
    rf"(?:[ \t]+(?:(?:de|da|del|der|van|von|bin|al|la|le|dos|ibn)[ \t]+)?[{_UP}][{_W}]*){{1,5}}"
)


@dataclass
class NameIndex:
    """Full person names in the article by last word, for surname and title look-ups."""

    by_last: dict[str, list[tuple[int, str, str]]]  # last word -> [(position, full name, title)]
    by_any: dict[str, list[tuple[int, str, str]]]  # other words of the name -> same
    ordered: list[tuple[int, str, str]] | None = None  # every entry by position
    title_sets: list[frozenset[str]] | None = None  # title words of ``ordered``, same order

    @classmethod
    def build(cls, text: str) -> "NameIndex":
        by_last: dict[str, list[tuple[int, str, str]]] = {}
        by_any: dict[str, list[tuple[int, str, str]]] = {}
        for m in _CAPRUN.finditer(text):
            words = m.group().split()
            offs = [m.start() + o.start() for o in re.finditer(r"\S+", m.group())]
            while words and words[0].lower() in CAP_STOP:
                words, offs = words[1:], offs[1:]
            if len(words) < 2 or any(w.lower() in ORG_HEADS for w in words):
                continue
            if _ORG_CONTINUES.search(text, max(0, m.start() - 80), m.start()):
                continue  # "Department of Energy Policy", "Ministry of Electricity, Water and Renewable Energy"
            role_after = _ROLE_AFTER.match(text, m.end())
            if role_after is not None and role_after.group(1).lower() in PERSON_HEADS | GROUP_HEADS:
                continue  # "a Middle Kingdom official", "a Tang Dynasty poet's": a modifier, not a person
            last_title = -1
            for i, w in enumerate(words):
                if w.lower() in TITLE_WORDS or (w.isupper() and len(w) <= 4):
                    last_title = i
            name = words[last_title + 1:]
            if name:
                name[-1] = _POSS.sub("", name[-1])
            if len(name) < 2 or any(_POSS.search(w) for w in name[:-1]):
                continue
            title = " ".join(w.lower() for w in words[:last_title + 1])
            pre = text[max(0, m.start() - 60):m.start()].lower().split()
            if pre:
                title = " ".join(pre[-4:]) + " " + title
            by_last.setdefault(name[-1], []).append((offs[last_title + 1], " ".join(name), title))
            for w in name[:-1]:  # family name first (Chen Xiangmin) or in the middle (Cabrera Ruiz)
                by_any.setdefault(w, []).append((offs[last_title + 1], " ".join(name), title))
        return cls(by_last, by_any)

    def full_name(self, surname: str, pos: int) -> str | None:
        """The nearest full name ending in ``surname`` before ``pos``, else the first after."""
        cands = self.by_last.get(surname) or self.by_any.get(surname)
        if not cands:
            return None
        i = bisect.bisect_left(cands, (pos,))
        if i > 0:
            return cands[i - 1][1]
        return cands[0][1]

    def _ordered(self) -> list[tuple[int, str, str]]:
        if self.ordered is None:
            self.ordered = sorted(x for cands in self.by_last.values() for x in cands)
        return self.ordered

    def first_in(self, start: int, end: int) -> tuple[int, str] | None:
        """The first full person name mentioned in ``start:end`` (its position and the name)."""
        ordered = self._ordered()
        i = bisect.bisect_left(ordered, (start,))
        if i >= len(ordered) or ordered[i][0] >= end:
            return None
        return ordered[i][0], ordered[i][1]

    def nearest_before(self, pos: int, window: int = 1500) -> str | None:
        """The closest full person name before ``pos`` (for a pronoun with no earlier speaker)."""
        ordered = self._ordered()
        i = bisect.bisect_left(ordered, (pos,))
        for j in range(i - 1, max(-1, i - 6), -1):  # a few names back: "Marlow Bakery" is no person
            if ordered[j][0] < pos - window:
                break
            if not organisation_name(ordered[j][1]):
                return ordered[j][1]
        return None

    def by_title(self, role_words: list[str], pos: int, reach: int = 40) -> str | None:
        """A person whose title contains all ``role_words``: nearest before ``pos``, else after
        (looking at most ``reach`` names each way, so long texts stay linear)."""
        ordered = self._ordered()
        i = bisect.bisect_left(ordered, (pos,))
        if self.title_sets is None:
            self.title_sets = [frozenset(t.split()) for _, _, t in ordered]
        want = [_SAME_TITLE.get(w, frozenset((w,))) for w in role_words]

        def fits(ts: frozenset[str]) -> bool:
            return all(not ts.isdisjoint(alts) for alts in want)

        for k in range(i - 1, max(-1, i - 1 - reach), -1):
            if fits(self.title_sets[k]):
                return ordered[k][1]
        for k in range(i, min(len(ordered), i + reach)):
            if fits(self.title_sets[k]):
                return ordered[k][1]
        return None


_POSS = re.compile(r"['\u2019]s?$")
_ROLE_AFTER = re.compile(r"[ \t]+([a-z]+)\b")
_ORG_CONTINUES = re.compile(
    r"\b(?:" + "|".join(sorted({h.capitalize() for h in ORG_HEADS if h.isalpha()}, key=len, reverse=True))
    + r")\s+(?:of|for|on)\s+(?:the\s+)?(?:[A-Z][\w'\u2019\-]*(?:,\s+|\s+and\s+|\s+))*\Z")
# Titles that name the same office ("the judge said" after "led by Justice Halima Roe").
_SAME_TITLE = {"judge": frozenset({"judge", "justice"}), "justice": frozenset({"judge", "justice"})}


# Kind of speaker ------------------------------------------------------------------------------------

# The values of ``Quote.speaker_kind`` (see labeler/schema.py): what a resolved speaker is.
SPEAKER_KINDS = ("person", "organisation", "outlet", "group", "role", "unknown")
NAMED_KINDS = frozenset({"person", "organisation"})  # what the labelling convention lists as quoted speakers

# Capitalised words that make a name with no organisation head a body rather than a person
# ("Human Rights Watch", "Amnesty International", "Baltic Isle Lines"): hand-curated words of
# institution, NGO and company names; a person's name is rarely made of them.
@lru_cache(maxsize=1)
def _org_words() -> frozenset[str]:
    """Words that make a capitalised name an organisation ("Human Rights Watch", "Marlow Bakery"):
    data/organisation_words.csv."""
    return frozenset(w.lower() for w in lexicon_column("organisation_words.csv", "word"))
# Indefinite pronouns that can open a sentence like a name ("Nobody said ..."): nobody named.
_INDEFINITE = frozenset("nobody everybody somebody anybody everyone someone anyone none no-one".split())
_SENTENCE_START = re.compile(
    r"(?:\A|[.!?:;][\"'\u201d\u2019)\]]*\s+|\n\s*|[\"\u201c\u2018(\[]\s*|--?\s*|[\u2014\u2013]\s*)\Z")


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    """Nationality adjectives and page words that never name a speaker alone (``data/not_given_names.csv``)."""
    return frozenset(w.lower() for w in lexicon_column("not_given_names.csv", "word")) - LOWER_HEADS


def _sentence_initial(text: str, start: int) -> bool:
    """Does the mention at ``start`` open a sentence, a line or a quotation, where any word is
    capitalised ("Pensioners said" is no name)?"""
    return _SENTENCE_START.search(text, max(0, start - 6), start) is not None


def _common_noun(text: str, word: str, start: int) -> bool:
    """A capitalised word that is a common noun only capitalised by its place: a people or body
    noun of the word lists, or a word the article also writes in lower case, at a sentence start."""
    low = word.lower()
    if low in _INDEFINITE:
        return True
    if not _sentence_initial(text, start) or not word[:1].isupper() or word.isupper():
        return False  # mid-sentence, a capital is the writer's: "the Government said" names a body
    if low in LOWER_HEADS or low in TITLE_WORDS or _people_plural(low):
        return True
    return low in _lowercase_words(text)


_WORD_RUN = re.compile(r"[\w'\u2019-]+")


@lru_cache(maxsize=1)
def _lowercase_words(text: str) -> frozenset[str]:
    """The words the text writes in lower case, read once per text (a str caches its hash, so the
    speakers of one article share one pass; only the last text is kept, however long)."""
    return frozenset(w for w in _WORD_RUN.findall(text) if w[:1].islower())


def _place_name(name: str) -> bool:
    """A country or time-zone city ("Moscow said", "North Korea said"): a state speaking, a body."""
    low = " ".join(name.split()).lower()
    try:
        from ..places import country_of  # countries and cities of the time-zone tables
    except ImportError:  # pragma: no cover - older trees: cities only
        return low in tz_places()
    return country_of(low) is not None or low in tz_places()


def common_kind(name: str) -> str:
    """``group`` or ``role`` for an unnamed speaker phrase, by its head noun: a singular person noun
    ("a spokesperson", "the US official", "a mill worker from Halifax") is a role; anything else
    ("residents", "the court", "Advocacy groups", "the provincial government") a group."""
    words = re.findall(r"[^\W\d_][\w'\u2019\-]*", name)
    head = ""
    for w in words:  # the head is the last word before a post-modifier ("aides to X", "a worker from Y")
        if (w.lower() in _POSTMOD_PREP or w.lower() in _POSTMOD_ADJ) and head:
            break
        head = w.lower()
    return "role" if head in PERSON_HEADS or head.endswith("person") else "group"


def _named_body(text: str, sp: Speaker) -> bool:
    """A lowercase body noun named by a proper modifier: "Lithuania's interior ministry", "the
    British embassy", "US military", "the Chinese foreign ministry spokesperson" (who speaks for
    it). Not people ("Brazilian officials" is a group, "a Chinese scientist" a role) and not a
    word capitalised only because it opens the sentence ("Regional government said")."""
    toks = [t for t in tokens(text, sp.start, sp.end) if t.is_word]
    cut = next((i for i, t in enumerate(toks) if i and t.low in _POSTMOD_PREP), len(toks))
    toks = toks[:cut]
    if len(toks) >= 2 and toks[-1].low in _SPOKES:
        toks = toks[:-1]  # a spokesperson speaks for the body
    if len(toks) < 2:
        return False
    head = toks[-1]
    if head.is_cap or head.low not in GROUP_HEADS or head.low in PERSON_HEADS or _people_plural(head.low) \
            or _plural(head.low) or head.low in DOC_HEADS:
        return False
    proper = [t for t in toks[:-1] if t.is_cap and t.low not in CAP_STOP]
    if proper and proper[0] is toks[0] and _common_noun(text, toks[0].text, toks[0].start):
        proper = proper[1:]
    return bool(proper)


def organisation_name(name: str) -> bool:
    """Does a capitalised name carry an organisation word ("Marlow Bakery", "Human Rights Watch")?
    Then "he"/"she" cannot refer to it."""
    return any(w.lower().strip(",.") in _org_words() or w.lower().strip(",.") in ORG_HEADS for w in name.split())


def _strip_possessive(word: str) -> str:
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def mention_kind(text: str, sp: Speaker) -> str:
    """The kind of an unresolved speaker mention from its own words (no registry, no index):
    ``person``, ``organisation``, ``group`` or ``role``. A capitalised word counts as a name only
    when not merely capitalised by its place at a sentence start ("Pensioners said")."""
    if sp.kind == "pronoun":
        return "unknown"
    words = sp.name.split()
    if not words:
        return "unknown"
    if sp.kind in ("group", "role", "backref"):
        return "organisation" if _named_body(text, sp) else common_kind(sp.name)
    first = words[0].lower()
    after = words[1].lower() if len(words) > 1 else ""
    if first not in ORG_HEADS and (first in LOWER_HEADS or _people_plural(first)) and (
            after in _POSTMOD_PREP
            or (len(words) == 1 and _people_plural(first) and _common_noun(text, words[0], sp.start))):
        return common_kind(sp.name)  # "Residents of X", "Doctors at Y Hospital": people, not the place
    if len(words) == 1:
        w = words[0]
        if w.lower() in _not_names():
            return "group"  # "Belarusian", "Local": a modifier alone names nobody
        if _common_noun(text, w, sp.start):
            return common_kind(w) if w.lower() not in _INDEFINITE else "group"
        # a lone name with a person's title ("President Putin", "Mr Davis") is a person, even one that
        # is also a city ("Mr Casey"); one with no title and no fuller form in the article is as often
        # a body ("Gazprom", "Hamas")
        if sp.title and any(t in TITLE_WORDS for t in sp.title.split()):
            return "person"
        if sp.kind == "org" or _ACRONYM.match(w) or _place_name(w) or _strip_possessive(w.lower()) in _org_words():
            return "organisation"
        return "organisation"
    if sp.kind == "org":
        return "organisation"
    if sp.title and any(t in TITLE_WORDS for t in sp.title.split()) and all(w[:1].isupper() for w in words):
        return "person"  # "Ambassador Samantha Power", "Governor Janet Mills": a title names a person
    lows = [w.lower().strip(",.") for w in words]
    if any(w in _org_words() or w in ORG_HEADS or _ACRONYM.match(o) for w, o in zip(lows, words)) or _place_name(sp.name):
        return "organisation"
    if _common_noun(text, words[0], sp.start) and all(w.islower() or w[:1].isupper() for w in words[1:]) \
            and any(w.islower() for w in words[1:]):
        return common_kind(sp.name)  # "Commercial bus drivers": a lowercase phrase opening a sentence
    return "person"
