"""Provenance notices: where the text says (or the page says) which outlet it comes from.

Patterns live in ``data/notice_patterns.csv``: each row is a context (``before`` the outlet
name, ``after`` it) that turns a bare outlet mention into a republication notice, a
dateline, a credit, a disclaimer, a photo credit or a citation. Detection is mention-driven:
the registry finds every outlet name once, then each mention's line is checked against the
patterns, so the cost does not grow with the number of outlets.

A one-word outlet name that is also a family name ("Michael Bloomberg") is a person when a given
name stands before it; the words that are never given names (``data/not_given_names.csv``) and
the time-zone cities that are (``data/given_name_cities.csv``) are data, documented in
``data/NOTICES.md``.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from ..registry import Outlet, Registry
from ..text import paragraphs, quoted_spans, sentence_at, sentences
from .speakers import (CAP_STOP, DETERMINERS, STOP_LOWER, SUBORDINATE, dateline_place_before, given_name_cities,
                       lexicon_column, tz_places)


@dataclass(frozen=True)
class NoticePattern:
    id: str
    family: str  # notice | dateline | credit | disclaimer | photo | citation
    role: str  # origin | credit | wire | cited | lead (origin if nothing stronger, else cited) | topic
    method: str
    before: re.Pattern | None
    after: re.Pattern | None
    evidence: str  # sentence | line | match
    priority: int
    example: str
    source: str


@dataclass(frozen=True)
class Notice:
    """One outlet found in a provenance context. ``outlet`` is None for a name the registry
    does not know (then ``name`` is the name as written)."""

    name: str
    outlet: Outlet | None
    pattern: str
    family: str
    role: str
    method: str
    priority: int
    evidence: str
    start: int | None
    end: int | None
    mention_start: int | None = None
    mention_end: int | None = None


@lru_cache(maxsize=None)
def load_patterns(path: str | None = None) -> tuple[NoticePattern, ...]:
    """The notice patterns, highest priority first (package data unless a path is given)."""
    if path is None:
        raw = files("labeler.data").joinpath("notice_patterns.csv").read_text(encoding="utf-8")
    else:
        with open(path, encoding="utf-8") as f:
            raw = f.read()
    out = []
    for row in csv.DictReader(raw.splitlines()):
        flags = re.IGNORECASE if "i" in row.get("flags", "") else 0
        before = row["before"]
        if before.endswith("$"):
            before = before[:-1]
        out.append(
            NoticePattern(
                id=row["id"],
                family=row["family"],
                role=row["role"],
                method=row["method"],
                before=re.compile("(?:" + before + r")\Z", flags) if before else None,
                after=re.compile(row["after"], flags) if row["after"] else None,
                evidence=row["evidence"],
                priority=int(row["priority"]),
                example=row["example"],
                source=row["source"],
            )
        )
    out.sort(key=lambda p: -p.priority)
    return tuple(out)


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    return ls, (len(text) if le < 0 else le)


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t(\"'[":
        s += 1
    while e > s and text[e - 1] in " \t\r":
        e -= 1
    return s, e


def _evidence(text: str, kind: str, s: int, e: int, ls: int, le: int) -> tuple[int, int]:
    """Evidence span, at most _CONTEXT characters either side of the match: a megabyte-long
    sentence or line must not be copied into every notice on it."""
    if kind == "sentence":
        sent = sentence_at(text, s)
        if sent is not None and sent.end >= e:
            return max(sent.start, s - _CONTEXT), min(sent.end, e + _CONTEXT)
        return _strip(text, max(ls, s - _CONTEXT), min(le, e + _CONTEXT))
    if kind == "line":
        return _strip(text, max(ls, s - _CONTEXT), min(le, e + _CONTEXT))
    return _strip(text, s, e)


# "the Spiegel bestseller list", "the Forbes rich list", "the Channel One Cup": the outlet's name
# only qualifies another thing (a list, a prize), so the mention is no reference to the outlet at
# all. The optional word between is a modifier, never a verb: "Xinhua reported festivals were
# cancelled" cites Xinhua (checked in _name_as_modifier).
_NAME_AS_MODIFIER = re.compile(
    r"[ \t]+(?:(?P<mid>[\w-]+)[ \t]+)?(?:best-?sellers?|best[ \t]+sellers?|lists?|rankings?|charts?|awards?|prizes?|"
    r"crosswords?|puzzles?|cups?|trophy|trophies|tournaments?|championships?|festivals?)\b", re.IGNORECASE)
# Words that end a name and open a clause, so what follows is no compound ("RT and festivals").
_CLAUSE_WORDS = frozenset("and or but on in at of for to about from with by as is are was were has have had "
                          "will would could can may might did does do that which who".split())


def _name_as_modifier(suffix: str) -> bool:
    m = _NAME_AS_MODIFIER.match(suffix)
    if m is None:
        return False
    mid = m.group("mid")
    if mid is None or mid[:1].isupper() or mid[:1].isdigit():
        return True
    low = mid.lower()
    return low not in _source_act() and low not in _CLAUSE_WORDS and not low.endswith("ed")

# "outlets like CGTN, Press TV or TRT World", "state media, including Sputnik and the newspaper
# Izvestia": outlets named as members of a category are the topic of the sentence, not its source.
# "Among the channels that moved were TRT and X" is the same list, turned round.
_CATEGORY = (r"(?:outlets?|media|broadcasters?|channels?|networks?|(?:news\s+)?agencies|newspapers?|papers|tabloids|"
             r"(?:web)?sites|publications|stations|services|brands|sources|mastheads)")
_EXEMPLAR_LIST = re.compile(
    r"(?:\b" + _CATEGORY + r"\b,?[ \t]+"
    r"(?:such[ \t]+as|like|including|among[ \t]+them|e\.g\.,?|for[ \t]+example,?|for[ \t]+instance,?|notably)"
    r"|\bamong[ \t]+(?:the[ \t]+|its[ \t]+|their[ \t]+)?(?:[\w-]+[ \t]+){0,2}?" + _CATEGORY
    + r"\b[^.;:!?()\n]{0,60}?[ \t](?:were|are|was|is))[ \t]+"
    r"[^.;:!?()\n]{0,120}\Z", re.IGNORECASE)
# ... unless the category itself is the source ("according to outlets such as RT", "outlets such
# as RT said").
_CITING_CATEGORY = re.compile(r"\b(?:according\s+to|reported|reports|cited|citing|quoted|quoting|told|said|says|"
                              r"wrote|writes|claimed|claims|stated|announced)\b", re.IGNORECASE)

# A bare outlet name (no notice or citation context) counts as cited only in a sentence that
# reports, quotes or publishes something: a cue verb of data/speech_verbs.csv (not in the
# passive: "has been praised"), or one of these words for publishing. "Al Jazeera is funded
# by Qatar" and "Fox News was launched in 1996" are about the outlet.
_PUBLISHING = ("reported reports report according cited citing cites quoted quoting quotes wrote writes written "
               "published publishes ran runs aired airs broadcast broadcasts carried carries printed posted posts "
               "interview interviewed interviews spoke per story article obtained reviewed uncovered headlined "
               "footage poll survey investigation editorial op-ed coverage summary headline caption photo photos "
               "image images picture pictures")
_PASSIVE_AUX = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?\Z", re.IGNORECASE)


_ACT_WORD = re.compile(r"[a-z][a-z'-]*")


@lru_cache(maxsize=1)
def _source_act() -> frozenset[str]:
    from .quotes import lexicon  # the speech verbs are the quote detector's data

    lex = lexicon()
    return frozenset(w for w, k in lex.kind.items() if " " not in w and w not in _NOT_ACTS) | frozenset(_PUBLISHING.split())


# Court words among the cues that publish nothing ("the X Cup, held every December").
_NOT_ACTS = frozenset("held holds ruled rules".split())


def _reports_something(text: str, s: int, e: int) -> bool:
    acts = _source_act()
    low = text[s:e].lower()
    for m in _ACT_WORD.finditer(low):
        if m.group() in acts and not _PASSIVE_AUX.search(low, max(0, m.start() - 30), m.start()) \
                and not (m.group() == "coverage" and _OWN_WORK.search(low, max(0, m.start() - 12), m.start())):
            return True
    return False


# "X gained from its coverage of the tournament": an outlet's own coverage as the topic, nothing
# reported ("in its report on ..." still reports)
_OWN_WORK = re.compile(r"\b(?:its|their)\s+\Z")


# ... or a name right after "from"/"via" or inside a slashed credit ("Jane Doe/AFP/Getty Images").
_CREDIT_BEFORE = re.compile(r"(?:\b(?:from|via)\s+(?:the\s+)?|/\s*)\Z", re.IGNORECASE)
_CREDIT_AFTER = re.compile(r"\s*/")


def _topic_mention(text: str, ls: int, start: int, end: int, bare: bool) -> bool:
    """Is the outlet at ``start:end`` only the topic of its sentence (a member of a named
    category, or for a bare name, a sentence in which nothing is reported)?"""
    sent = sentence_at(text, start)
    s, e = (sent.start, sent.end) if sent is not None and sent.end >= end else _line_bounds(text, start, end)
    s, e = max(s, start - _CONTEXT), min(e, end + _CONTEXT)
    prefix = text[max(ls, s, start - 200):start]
    ex = _EXEMPLAR_LIST.search(prefix)
    if ex is not None and not _CITING_CATEGORY.search(prefix, 0, ex.end()) \
            and not _CITING_CATEGORY.search(text, end, e):  # "media including CNN and AP reported ..."
        return True
    if not bare:
        return False
    if _TOPIC_EVENT_BEFORE.search(text, max(s, start - 160), start) or _TOPIC_EVENT_AFTER.match(text, end, e) \
            or _HISTORY_OF.search(text, max(s, start - 40), start):
        return True  # "YouTube terminated channels run by X", "clips from X's programmes", "X was fined"
    if _carried_channel(text, s, e, start, end):
        return True  # "the hotel dropped RT and CGTN", "X would no longer be available"
    if _CREDIT_BEFORE.search(prefix) or _CREDIT_AFTER.match(text, end, e):
        return False
    quote = _quotation_at(text, start, end)
    if quote is not None:
        # inside a speaker's words only those words count: "Will we drop the BBC next?" names a
        # topic; "the party described in the Washington Post article" still cites
        return not _reports_something(text, max(quote[0], start - _CONTEXT), min(quote[1], end + _CONTEXT))
    return not _reports_something(text, s, e)


_MAX_PARAGRAPH = 20_000  # longer "paragraphs" are junk: no quotation pairing is attempted


def _quotation_at(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The balanced double quotation of its paragraph that holds ``start:end``, if any
    (paired over the whole paragraph, so the alternation of marks is right)."""
    ps = text.rfind("\n", 0, start) + 1
    pe = text.find("\n", end)
    pe = len(text) if pe < 0 else pe
    if pe - ps > _MAX_PARAGRAPH:
        return None
    para = text[ps:pe]
    for q in quoted_spans(para):
        if q.balanced and q.start <= start - ps and end - ps <= q.end:
            if para[q.start - 1:q.start] == "\u201d" or para[q.end:q.end + 1] == "\u201c":
                return None  # marks paired the wrong way round (a quotation broken across lines)
            if len(q.text.split()) - len(text[start:end].split()) < _SPEECH_MIN_EXTRA_WORDS:
                return None  # a programme's or paper's title in quotation marks: “Fox News Sunday”
            return ps + q.start, ps + q.end
    return None


_SPEECH_MIN_EXTRA_WORDS = 4


_CONTEXT = 500  # characters either side of a mention that the context patterns may look at

# Lines that are a site's own cross-links ("Read more", "READ MORE: <headline>"), not sources.
_CROSSLINK = re.compile(r"^\s*(?:READ\s+MORE|Read\s+more|Related|RELATED|See\s+also|Also\s+read|ALSO\s+READ)\b")


# Outlet mentions read per text. A news article names a few dozen at most; a scraped outlet list
# or junk repeating names thousands of times would cost ~2 ms per mention. Later mentions are not
# read (no notice, no citation), and the analysis says so.
MAX_MENTIONS = 1000

# An outlet named inside a quoted example of wording, still open at the mention: 'a line such as
# "the state agency X reported"', 'phrases like "according to X"'.
_QUOTED_EXAMPLE = re.compile(r"\b(?:such\s+as|like|e\.g\.|for\s+(?:example|instance)|the\s+(?:phrase|words?|wording))"
                             r"\s*[:,]?\s*[\"\u201c][^\"\u201c\u201d\n]{0,200}\Z", re.IGNORECASE)

# Patterns that mean a dateline only on the text's first line ("VNA - The government ...").
_FIRST_LINE_ONLY = frozenset({"dateline_lead_outlet"})


def find_notices(text: str, registry: Registry, skipped: list[int] | None = None) -> list[Notice]:
    """Every outlet mention that sits in a provenance or citation context, plus bare mentions
    of unambiguous outlet names in a sentence that reports something (as family ``mention``),
    in text order. Outlets that are only the topic (named as examples of a category, or in a
    sentence that reports nothing) and names that qualify another thing ("the Spiegel
    bestseller list") are left out. ``skipped``, when given, receives the number of mentions
    past :data:`MAX_MENTIONS` that were not read."""
    patterns = load_patterns()
    found: list[Notice] = []
    mentions = registry.find_mentions(text)
    if len(mentions) > MAX_MENTIONS:
        if skipped is not None:
            skipped.append(len(mentions) - MAX_MENTIONS)
        mentions = mentions[:MAX_MENTIONS]
    edge = _edge_credit_lines(text, mentions)
    company_words = _company_words(text, mentions)
    for m in mentions:
        ls, le = _line_bounds(text, m.start, m.end)
        # patterns see at most _CONTEXT characters either side (a megabyte-long line must not make
        # every mention cost a megabyte); a cut line gets a sentinel, so "^" and "$" still mean
        # the line's own start and end
        ps, pe = max(ls, m.start - _CONTEXT), min(le, m.end + _CONTEXT)
        cut = 1 if ps > ls else 0
        line_prefix = "\x00" * cut + text[ps : m.start]
        line_suffix = text[m.end : pe] + ("\x00" if pe < le else "")
        if _CROSSLINK.match(text, ls, le) or _name_as_modifier(line_suffix):
            continue
        if _persons_surname(m.text, line_prefix):
            continue  # "Michael Bloomberg said", "Mr Forbes wrote": a person who shares the name
        if _names_another_body(line_prefix, line_suffix):
            continue  # "a haulier called Reuters Road Logistics": another body's name begins with it
        if _QUOTED_EXAMPLE.search(text, max(ls, m.start - 200), m.start):
            continue  # 'a line such as "the agency X reported"': wording shown, no source
        best = None
        desc = _DESCRIPTOR_TAIL.search(line_prefix, max(0, len(line_prefix) - 80))
        for p in patterns:
            bm = p.before.search(line_prefix) if p.before else None
            if p.before and not bm and desc is not None and p.family in ("notice", "credit"):
                bm = p.before.search(line_prefix, 0, desc.start())  # "in the Belgrade daily Politika"
                if bm is not None and bm.end() != desc.start():
                    bm = None
            if p.before and not bm:
                continue
            if p.id in _FIRST_LINE_ONLY and text[:ls].strip():
                continue
            am = p.after.match(line_suffix) if p.after else None
            if p.after and not am:
                continue
            s = ps + bm.start() - cut if bm else m.start
            e = m.end + am.end() if am else m.end
            es, ee = _evidence(text, p.evidence, s, e, ls, le)
            role = p.role
            if p.id in _SELF_GATED and not _speaks_of_itself(text, s, edge):
                role = "topic"  # "most of them translated from RT": other material, not this text
            best = Notice(m.outlet.name, m.outlet, p.id, p.family, role, p.method, p.priority,
                          text[es:ee], es, ee, m.start, m.end)
            break
        if best is not None and best.pattern in _EDGE_ONLY_UNKNOWN and _MEDIA_CREDIT.search(text, ls, le):
            # "Video courtesy of X", "Images via X": a picture's credit, cited, not the origin
            best = Notice(m.outlet.name, m.outlet, "cited_photo", "photo", "cited", "photo-credit", 40,
                          best.evidence, best.start, best.end, m.start, m.end)
        credit = edge.get(ls)
        line = credit if credit is not None and credit[0] <= m.start < credit[1] else None
        if line is not None and (best is None or best.pattern == "topic_first_published"
                                 or best.role not in ("origin", "topic", "credit")
                                 and best.family != "photo" and best.pattern not in _NOT_EDGE_CREDIT):
            # on a short credit line at the top or bottom, "first published by X" speaks of this
            # text ("Translated from Arabic, first published by X"), not of some other material
            es, ee = _strip(text, *line)  # an edge credit is short (at most a few hundred characters)
            # a wire-style credit ("With information from X") stays a credit: the origin unless
            # the host is itself a known outlet
            wire_style = best is not None and best.family == "credit"
            role = "credit" if wire_style or _CONTRIBUTION.search(text, ls, le) else "origin"
            best = Notice(m.outlet.name, m.outlet, "edge_credit_line", "credit", role, "credit", 72,
                          text[es:ee], es, ee, m.start, m.end)
        if best is not None and best.role == "cited" and _topic_mention(text, ls, m.start, m.end, False):
            continue
        if (best is None or best.role == "cited") and m.text in company_words:
            continue  # "the brewing group Asahi ... Asahi said": the company, not the newspaper
        if best is None and not m.ambiguous and not _topic_mention(text, ls, m.start, m.end, True):
            best = Notice(m.outlet.name, m.outlet, "mention", "mention", "cited", "mention", 10,
                          m.text, m.start, m.end, m.start, m.end)
        if best is not None:
            found.append(best)
    found.extend(_unknown_outlet_notices(text, registry, {n.mention_start for n in found}, edge))
    found.sort(key=lambda n: (n.start if n.start is not None else -1))
    return found


# A one-word outlet name (or alias) that this text uses for a company: after a business noun ("the
# Japanese brewing group Asahi", "the carmaker X") or before a corporate word ("Asahi UK", "X
# Breweries", "X Holdings"). Its other bare mentions in the text are that company speaking.
_BUSINESS_BEFORE = re.compile(
    r"\b(?:carmaker|automaker|brewer|brewery|bank|lender|retailer|supermarket|airline|insurer|manufacturer|miner|"
    r"shipper|shipbuilder|refiner|utility|exporter|importer|drugmaker|chipmaker|steelmaker|carrier|"
    r"(?:brewing|beer|drinks|beverages?|chemicals?|mining|steel|oil|gas|energy|food|foods|pharmaceutical|drug|tobacco|"
    r"retail|construction|engineering|insurance|banking|shipping|airline|car|electronics|textile|fashion|cosmetics)"
    r"[ \t]+(?:group|company|firm|giant|maker|conglomerate))[ \t]+\Z", re.IGNORECASE)
# industry words after the name ("X Breweries"); not "Inc", "Group", "Co": outlets' own owners write those
_CORPORATE_AFTER = re.compile(
    r"[ \t]+(?-i:Breweries|Brewery|Beverages|Motors|Airlines|Airways|Chemical|Chemicals|Glass|Industries|Electronics|"
    r"Foods|Pharma|Pharmaceuticals|Steel|Mining|Logistics|Bank)\b")


# the last word of _BUSINESS_BEFORE: a cheap test before the full pattern, run on every occurrence
_BUSINESS_LAST_WORDS = frozenset(
    "carmaker automaker brewer brewery bank lender retailer supermarket airline insurer manufacturer miner shipper "
    "shipbuilder refiner utility exporter importer drugmaker chipmaker steelmaker carrier group company firm giant "
    "maker conglomerate".split())
_LAST_WORD = re.compile(r"([A-Za-z-]+)[ \t]+\Z")


def _company_words(text: str, mentions: list) -> frozenset[str]:
    """The one-word outlet names that this text also writes as a company (one pass over the text
    for all of them, not one per name)."""
    words = {m.text for m in mentions if " " not in m.text and not m.text.isupper()}
    if not words:
        return frozenset()
    any_word = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
                          + r")(?![\w-])")
    out = set()
    for x in any_word.finditer(text):
        before = _LAST_WORD.search(text, max(0, x.start() - 30), x.start())
        business = before is not None and before.group(1).lower() in _BUSINESS_LAST_WORDS \
            and _BUSINESS_BEFORE.search(text, max(0, x.start() - 60), x.start()) is not None
        if x.group() not in out and (business or _CORPORATE_AFTER.match(text, x.end())):
            out.add(x.group())
            if len(out) == len(words):
                break
    return frozenset(out)


# A one-word outlet name that is also a family name ("Michael Bloomberg", "Steve Forbes", "Mayor
# Bloomberg") names a person when a given name or an honorific stands right before it. The words
# that may stand there without making a person are nationality adjectives and places ("Russian
# Sputnik", "Turkish Anadolu"), sentence openers and cue participles ("Citing Reuters"), and
# descriptors ("State Xinhua"); curated by hand from country lists, not from any evaluation set.
_GIVEN_BEFORE = re.compile(r"(?:^|[^\w.'\u2019-])(?P<given>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \t]+"
                           r"(?:[A-Z]\.[ \t]+)?\Z")
_HONORIFIC_BEFORE = re.compile(r"(?:^|[^\w.'\u2019-])(?:Mr|Mrs|Ms|Mx|Dr|Sir|Dame|Lord|Lady|Sen|Rep|Gov|Prof|"
                               r"Mayor|Senator|Governor|Congressman|Congresswoman|Professor|Judge)\.?[ \t]+\Z")
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t]+\Z")
_ONE_WORD_NAME = re.compile(r"[A-Z][a-z][\w-]*(?:['\u2019]s?)?")


@lru_cache(maxsize=1)
def _not_given_words() -> frozenset[str]:
    """Words that are never a given name before a one-word outlet name (``data/not_given_names.csv``,
    one class per source: nationality adjectives and places ("Russian Sputnik", "Moscow Xinhua"),
    outlet descriptors ("State Xinhua", "Daily Forbes"), citing words and sentence openers ("Citing
    Reuters", "Meanwhile Reuters"), determiners, day and month names, page furniture seen before a
    wire's name ("Full Reuters coverage", "Top Reuters stories"))."""
    return frozenset(w.lower() for w in lexicon_column("not_given_names.csv", "word"))


# Words that open a sentence or stand before a name without being a given name, by class (each a
# closed class of English, listed from grammar, not from any evaluation set): time adverbs that are
# no -ly adverb of seven letters or more ("Yesterday Reuters reported"; "Recently" is caught by
# `_ly_adverb`, "Meanwhile" and "Once" by the sentence-opener lists), and adjectives of seniority or
# tenure that modify the outlet's staff ("Veteran Reuters correspondent", "Senior Reuters editors";
# "Top" is in data/not_given_names.csv). "today" and "star" stay although outlet names may hold them: the
# outlet words come from the registry and can change.
_TIME_WORDS = frozenset("yesterday today tonight tomorrow overnight lately afterwards afterward elsewhere "
                        "again already soon".split())
_SENIORITY = frozenset("veteran senior junior chief lead leading longtime long-time former ex retired acting "
                       "deputy assistant associate principal head star staff award-winning".split())

# Dateline cities (IANA time-zone cities in dateline position, not common given names) are read
# in speakers.py, which the quote detector shares without loading the outlet registry.
_tz_places = tz_places
_given_name_cities = given_name_cities
_place_before = dateline_place_before


def _ly_adverb(word: str) -> bool:
    """An -ly adverb ("previously", "additionally", "similarly"), not a given name in -ly: those
    are short ("Emily", "Kelly", "Holly", "Sally"), end in -berly/-verly ("Kimberly", "Beverly"), or
    in -oly/-olly/-aly ("Anatoly", "Vitaly"): no English adjective ends in -o or -a, so no adverb
    is made that way."""
    return word.endswith("ly") and len(word) >= 7 and not word.endswith(("berly", "verly", "oly", "olly", "aly"))


def _not_given(word: str) -> bool:
    """Is ``word`` (lower-cased) of a class that is never a given name? -ly adverbs ("Previously",
    "Similarly"), time words, seniority adjectives, nationalities and countries, sentence openers."""
    if _ly_adverb(word) or word in _TIME_WORDS or word in _SENIORITY:
        return True
    return word in _not_given_words() or word in CAP_STOP or word in STOP_LOWER or word in SUBORDINATE or word in DETERMINERS \
        or word in _OUTLET_WORDS or word in _source_act() or word.endswith(("ese", "ish"))


# "a firm called X Y", "a charity named X Z": a name given to something, longer than the outlet's
_NAMED_BEFORE = re.compile(r"\b[a-z]+[ \t]+(?:called|named|dubbed)[ \t]+\Z")
_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z][a-z]")


def _names_another_body(prefix: str, suffix: str) -> bool:
    """Is the outlet name only the first word of another named body ("a firm called Reuters Road
    Logistics")? The name continues with capitalised words right after a naming verb."""
    return _NAMED_BEFORE.search(prefix, max(0, len(prefix) - 40)) is not None and _NAME_GOES_ON.match(suffix) is not None


def _persons_surname(mention: str, prefix: str) -> bool:
    """Is a one-word, mixed-case outlet name a person's family name here (a given name or an
    honorific right before it)? "Bloomberg News", "told Bloomberg", "Bloomberg said" stay the outlet."""
    if _ONE_WORD_NAME.fullmatch(mention) is None:
        return False
    if _HONORIFIC_BEFORE.search(prefix, max(0, len(prefix) - 20)):
        return True
    g = _GIVEN_BEFORE.search(prefix, max(0, len(prefix) - 40))
    if g is None or _THE_BEFORE.search(prefix, max(0, g.start() - 6), g.start("given")):
        return False  # "the Philadelphia Inquirer": a place or descriptor, not a given name
    if _place_before(prefix):
        return False  # "Hong Kong Reuters", "Tokyo Reuters": a dateline city
    return not any(_not_given(w) for w in g.group("given").lower().split("-"))


# A name the registry does not know, after a republication notice: capitalised words
# (with small connecting words), or a domain name.
_UNKNOWN_NAME = re.compile(
    r"(?P<name>(?:[a-z0-9-]+\.)+(?:com|org|net|info|news|ru|cn|ir|io|co\.uk|de|fr)\b"
    r"|[A-Z][\w&'\u2019.-]*(?:[ \t]+(?:(?:of|the|and|for|de|&)[ \t]+)?[A-Z][\w&'\u2019.-]*){0,4})"
)


# Words without which no republication notice can match: lines lacking all of them are
# not scanned (keeps the unknown-outlet pass off the per-article hot path).
_NOTICE_TRIGGER = re.compile(
    r"originally|first\s+(?:published|appeared|posted|ran|printed|aired)|publish|reprint|repost|re-post|syndicat|"
    r"reproduc|shared|translated|adapted|partnership|collaboration|cooperation|agreement|provided|supplied|"
    r"contributed|sourced|source|quelle|fuente|\bvia\b|courtesy|h/t|hat\s+tip|original|full\s+(?:article|story)|"
    r"carried|produced|written|issued|released|distributed|aired|broadcast|posted|prepared|commissioned|"
    r"appear|\bran\b|\bruns\b|printed|based\s+on"
)  # applied to the lower-cased text: case-insensitive alternations are several times slower
# "X, Damascus", "X (Caracas)", "X of Harare": a place right after a name the registry qualifies
_PLACE_AFTER = re.compile(r"(?:,|[ \t]+of)?[ \t]*\(?(?P<place>[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+){0,2})")


# Words that are never an unknown outlet's name after a notice: language names ("Translated
# from Serbian.") and pronouns or articles that open the next sentence.
_UNKNOWN_NAME_PRONOUNS = frozenset(
    "This The It He She They We Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March "
    "April May June July August September October November December Today Yesterday".split())  # "the Thursday print edition"


@lru_cache(maxsize=1)
def _language_names() -> frozenset[str]:
    return frozenset(lexicon_column("language_names.csv", "name"))


def _not_an_outlet_name(name: str) -> bool:
    # a possessive qualifies the next word ("Saturday's edition", "Monday's paper"): no outlet's name
    return (name in _UNKNOWN_NAME_PRONOUNS or name in _language_names()
            or name.endswith(("'s", "\u2019s")))


# "This video was produced by <name>", "as first reported by <name>": the name is as often a
# person as an outlet, so these patterns only count for outlets the registry knows.
_KNOWN_OUTLETS_ONLY = frozenset({"notice_self_published_by", "lead_as_first_reported"})


def _unknown_outlet_notices(text: str, registry: Registry, known_starts: set[int],
                            edge: dict[int, int]) -> list[Notice]:
    """Republication notices naming an outlet the registry lacks: origin with unknown affiliation."""
    out: list[Notice] = []
    taken: set[int] = set()
    lines: dict[int, int] = {}
    for tm in _NOTICE_TRIGGER.finditer(text.lower()):
        ls, le = _line_bounds(text, tm.start(), tm.end())
        lines[ls] = le
    if not lines:
        return out
    edge_starts: frozenset[int] | None = None  # computed once, on first need (a text may hold 100k notices)
    for p in load_patterns():
        if p.family != "notice" or p.before is None or p.id in _KNOWN_OUTLETS_ONLY:
            continue
        scan = _scanner(p.id, p.before.pattern, p.before.flags)
        for bm in (m for ls, le in lines.items() for m in scan.finditer(text, ls, le)):
            pos = bm.end()
            if pos in known_starts or pos in taken:  # patterns come highest priority first
                continue
            nm = _UNKNOWN_NAME.match(text, pos)
            if not nm:
                continue
            name = _cut_at_sentence_end(nm.group("name")).rstrip(".")
            if len(name) < 2 or _not_an_outlet_name(name) or _DESCRIPTOR_NOUN.match(text, nm.start() + len(name)):
                continue  # "from Russian. The ...", "in the Belgrade daily Politika": no outlet name
            at = _AUTHOR_AT.match(text, nm.start() + len(name))
            if at is not None and at.end() in known_starts:
                continue  # "published by Jane Roe at X": the name is the author, X the outlet
            ls, le = _line_bounds(text, bm.start(), nm.end())
            if p.after and not p.after.match(text, nm.start() + len(name), le):
                continue
            outlet = registry.get(name) or (registry.by_domain(name) if "." in name and " " not in name else None)
            place = _PLACE_AFTER.match(text, nm.start() + len(name), le) if outlet is None else None
            if place is not None:  # "Al-Watan, Damascus" -> Al-Watan (Syria)
                outlet = registry.qualified(name, place.group("place"))
            if outlet is None and p.id in _EDGE_ONLY_UNKNOWN and edge_starts is None:
                edge_starts = _edge_line_starts(text)
            if outlet is None and p.id in _EDGE_ONLY_UNKNOWN and (ls not in edge_starts
                                                                  or _MEDIA_CREDIT.search(text, ls, le)
                                                                  or _person_like(name)):
                continue  # "Deaths by year / Source: ACLED" mid-article: a chart's data source;
                # "Images courtesy of X", "via Getty Images": a picture's source; "Courtesy Maria Lopez": a person
            es, ee = _evidence(text, p.evidence, bm.start(), nm.start() + len(name), ls, le)
            role = p.role
            if p.id in _SELF_GATED and not _speaks_of_itself(text, bm.start(), edge):
                role = "topic"
            out.append(Notice(outlet.name if outlet else name, outlet, p.id, p.family, role, p.method,
                              p.priority - 5, text[es:ee], es, ee, nm.start(), nm.start() + len(name)))
            taken.add(pos)
    return out


@lru_cache(maxsize=None)
def _scanner(pid: str, before_pattern: str, flags: int) -> re.Pattern:
    # the stored pattern ends with \Z (it is applied to a line prefix); for a full-text scan
    # it becomes a multiline pattern whose end is where the outlet name would start
    core = before_pattern
    if core.endswith(r"\Z"):
        core = core[: -len(r"\Z")]
    return re.compile(core, re.MULTILINE | (flags & re.IGNORECASE))


# --- general cues (not phrasings): descriptors, self-reference, edge credit lines, outlet as topic ---

# "the Belgrade daily Politika", "the state news agency Xinhua": a descriptor between a notice
# and the outlet name. A notice pattern that fails on the full prefix is retried without it.
_DESCRIPTOR_WORDS = (r"daily|weekly|newspaper|paper|news\s+agency|agency|broadcaster|channel|magazine|website|"
                     r"portal|outlet|tabloid|network|TV|television|radio|station|wire\s+service|news\s+site")
_DESCRIPTOR_TAIL = re.compile(r"(?<![\w.])(?:[A-Z][\w'\u2019-]*\s+){0,2}(?:[a-z][\w-]*\s+){0,2}?"
                              r"(?:" + _DESCRIPTOR_WORDS + r")\s+\Z")
_DESCRIPTOR_NOUN = re.compile(r"\s+(?:[a-z][\w-]*\s+)?(?:" + _DESCRIPTOR_WORDS + r")\b")

# Notices whose words ("translated from", "reproduced by", "published in partnership with") are
# as often about some other material: they name this text's origin only at a sentence start,
# with this text as the subject, or on a short credit line at the top or bottom.
_SELF_GATED = frozenset({"notice_republished", "notice_partnership", "notice_provided_by"})
# The nouns by which a text speaks of itself ("this article", "our report"); the notice patterns'
# builder (scripts/build_notice_patterns.py) reads the same list.
SELF_NOUN = (r"(?:article|story|post|piece|commentary|column|op-?ed|editorial|report|interview|analysis|feature|"
             r"video|text|content|version|dispatch|essay|opinion|item|transcript|letter|blog\s+post|review|podcast|episode)")
_SELF_SUBJECT = re.compile(
    r"^[\W_]*(?:(?:(?:this|the\s+following|the\s+above|the\s+original|our|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:" + SELF_NOUN + r"|material|translation|news|copy)|this|it)\s*,?\s*"
    r"(?:(?:was|is|has\s+been|had\s+been|were|are|appears?|comes?)\s+)?)?"
    r"(?:here\s+|originally\s+|first\s+|kindly\s+)?\Z", re.IGNORECASE)


def _speaks_of_itself(text: str, pos: int, edge: dict[int, int]) -> bool:
    ls = text.rfind("\n", 0, pos) + 1
    if ls in edge:
        return True
    sent = sentence_at(text, pos)
    s = sent.start if sent is not None and sent.start <= pos else ls
    return _SELF_SUBJECT.match(text[max(s, pos - 200):pos]) is not None


# A credit line: a short stand-alone line among the first or last few of the article that
# names one outlet with a credit word ("Reporting by Jane Roe for X", "Courtesy: X", "With
# information from X", "Taken from X", "Text: X"). It names the text's origin whatever its
# exact phrasing; photo/video credits and lines in which someone says something are not.
_EDGE_LINES = 3
_EDGE_MAX_WORDS = 16
_EDGE_MAX_CHARS = 200
_CREDIT_WORD = re.compile(  # "for" and "from" alone are no credit ("Jane Roe for X" is a photo credit)
    r"(?:\b(?:by|courtesy|source|credit|credits|reporting|text|story|translated|translation|taken|adapted|via|compiled|"
    r"editing|edited|written|information|published|appeared|originally|republished|reprinted|reproduced|"
    r"copyright|provided|supplied|fuente|quelle)\b|\u00a9|\([cC]\))", re.IGNORECASE)
_NOT_CREDIT_OPENING = (
    # photo, video and graphic credits; cross-links and promotions
    r"^\W*(?:photo(?:graph)?s?|images?|pictures?|video|file\s+photo|footage|illustration|graphic|cartoon|map|"
    r"read\s+more|related|see\s+also|also\s+read|follow|subscribe|share|tags?|watch|listen|more\s+(?:from|on)|"
    r"get|sign\s+up|for\s+more|for\s+all|join|download|(?:pictured|update[sd]?|note|earlier|opinion|above|below)\s*:|"
    # pictures as the subject: "The footage first appeared last week on X" is about them, not this text
    r"(?:the|these|those|this)\s+(?:photo(?:graph)?s?|pictures?|images?|videos?|footage|clips?))\b")
_NOT_CREDIT_START = re.compile(_NOT_CREDIT_OPENING, re.IGNORECASE)
_NOT_CREDIT_LINE = re.compile(
    _NOT_CREDIT_OPENING +
    r"|\b(?:mandatory\s+credit|getty|photographer|caption|newsletter|inbox|click|app|podcast|sources|"
    r"e-?mail(?:ing)?|contact|get\s+in\s+touch)\b|@"
    # lines introducing a quotation
    r"|:\s*$|[\"\u201c\u201d\u201e?!]"
    # someone says or does something: a clause, not a credit
    r"|\b(?:said|says|told|tells|according|asked|added|stated|claimed|announced|wrote|writes|reports|"
    r"reported\s+(?:that|on)|comment|comments|respond|responded)\b",
    re.IGNORECASE)
# A finite verb makes the line a clause; it is a credit only with this text as its subject
# ("This article first appeared in X", "It was translated from X", "A version of this story was
# first published by X", "This is an English translation of an article published in X", "The
# report was broadcast by X").
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|been|will|would|did|does|do|can|could)\b", re.IGNORECASE)
_SELF_CLAUSE = re.compile(
    r"(?:^|[.!?]\s+)(?:(?:this|the\s+original|the\s+following|our)\s+(?:[\w-]+\s+){0,2}?(?:" + SELF_NOUN
    + r"|translation|material)|the\s+" + SELF_NOUN
    + r"|(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:version|translation|copy|excerpt|edition)\s+of\s+(?:this|our)\b"
    r"|this\s+is\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:" + SELF_NOUN
    + r"|translation|copy|excerpt|summary|edition)|it)\b", re.IGNORECASE)
# In such a clause the name follows a publishing act ("was broadcast by X"), not any act ("was
# criticised by X")
_PUBLISHED_BEFORE = re.compile(
    r"\b(?:published|appeared|appears|ran|runs|aired|broadcast|printed|carried|posted|translated|adapted|"
    r"reprinted|republished|reproduced|taken|provided|supplied|written|produced|syndicated)\b", re.IGNORECASE)
# "Material: X TV channel", "Text: X", "Quelle: X": a one-word label and a colon before the name
# (picture, cross-link and promotion labels are excluded by _NOT_CREDIT_LINE)
_LABEL_BEFORE = re.compile(r"[\W_]*(?:material|original|origin|source|text|credit|quelle|fuente|fonte)[ \t]*:[ \t]*"
                           r"(?:the[ \t]+)?\Z", re.IGNORECASE)
# after a labelled name only a descriptor of it may follow ("Material: X TV channel")
_LABEL_AFTER = re.compile(r"(?:[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:" + _DESCRIPTOR_WORDS + r"))?[\W_]*\Z", re.IGNORECASE)
# "(The X/Asia News Network)", "- X": nothing but the outlet's name (and a network that
# distributed it, after a slash) on a stand-alone line at the top or bottom
_BARE_BEFORE = re.compile(r"[\W_]*(?:the[ \t]+)?\Z", re.IGNORECASE)
_BARE_AFTER = re.compile(r"(?:[ \t]*/[ \t]*(?P<network>[A-Z][\w&'\u2019.-]*(?:[ \t]+[A-Z][\w&'\u2019.-]*){0,4}))?"
                         r"[\W_]*\Z")
# someone's help with another's text, when said before the name ("Additional reporting by X"); after
# the name it is a second credit ("Reporting by A for X, with additional reporting by our staff")
_CONTRIBUTED = re.compile(r"\b(?:contributed|contributing|additional)\b", re.IGNORECASE)
_CONTRIBUTED_AFTER = re.compile(r"[ \t]+(?:also[ \t]+)?(?:contributed|contributes|contributing|helped)\b", re.IGNORECASE)
_PICTURE_AND_MATERIAL = re.compile(
    r"\W*(?:photo(?:graph)?s?|pictures?|images?|video|footage)\s+and\s+(?:interviews?|text|reporting|information|"
    r"stor(?:y|ies)|reports?|scripts?|transcripts?)\b", re.IGNORECASE)
# "From X, the Tokyo-based paper of ...": an edge sentence that opens with "from" and the name
_FROM_OPENING = re.compile(r"[\W_]*from\s+(?:the\s+)?\Z", re.IGNORECASE)
# An appositive after the credited name (", the newspaper of the army", ", Israel's public
# broadcaster") describes the outlet: it is not counted as the credit's wording.
_APPOSITIVE = re.compile(r"\s*,\s+(?:the|a|an|its|[A-Z][\w-]*(?:'s|\u2019s))\s+[^,;:!?.\"\u201c\u201d]*\.?\s*\Z")
# A contribution credit ("With reporting by X", "Reporting by A for X; editing by B") names the
# origin only when the host is not itself a known outlet (role credit); on a known outlet's
# page it is a wire link.
_CONTRIBUTION = re.compile(r"^\W*with\b|\b(?:reporting|editing|writing)\b", re.IGNORECASE)
# Patterns whose match is not a credit even on such a line ("RT's correspondent", "TASS reported")
_NOT_EDGE_CREDIT = frozenset({"cited_reported", "cited_possessive", "topic_first_published"})


def _edge_credit_lines(text: str, mentions: list) -> dict[int, tuple[int, int]]:
    """Line start -> (start, end) of the credit on a short stand-alone line at the top or bottom
    of the text that names exactly one outlet: the whole line, or one sentence of it ("Translated
    from Serbian. Original: X.")."""
    if not mentions:
        return {}
    if len(paragraphs(text)) < 2:
        return {}
    out: dict[int, tuple[int, int]] = {}
    for p in _edge_paragraphs(text):
        if len(p.text) > 3 * _EDGE_MAX_CHARS:
            continue
        if _NOT_CREDIT_START.match(p.text) and not _PICTURE_AND_MATERIAL.match(p.text):
            continue  # "Read more. Taken from X archives.", "Photo: ... Source: X": no credit line
        parts = [(p.start + x.start, p.start + x.end) for x in sentences(p.text)]
        for s, e in [(p.start, p.end)] + (parts[:4] if len(parts) > 1 else []):
            if _is_credit(text, s, e, [m for m in mentions if s <= m.start and m.end <= e], s == p.start and e == p.end):
                out[text.rfind("\n", 0, p.start) + 1] = (s, e)
                break
    return out


def _is_credit(text: str, s: int, e: int, inside: list, whole_line: bool) -> bool:
    if len({m.outlet.name for m in inside}) != 1:
        return False
    line = text[s:e].strip()
    both = _PICTURE_AND_MATERIAL.match(line)  # "Video and interviews supplied by X": more than pictures
    if _NOT_CREDIT_LINE.search(line, both.end() if both else 0):
        return False
    if _CONTRIBUTED.search(text, s, inside[0].start) or _CONTRIBUTED_AFTER.match(text, inside[0].end, e):
        return False  # "Additional reporting by X", "X contributed to this report": X helped with someone else's text
    last = max(m.end for m in inside)
    if _APPOSITIVE.match(text, last, e) and not _FINITE.search(text, last, e):
        e = last  # "From X, the Tokyo-based paper of ...": the description is no part of the credit
    core = text[s:e].strip()
    if len(core) > _EDGE_MAX_CHARS or len(core.split()) > _EDGE_MAX_WORDS or core.count(",") >= 2:
        return False
    if _FINITE.search(core) and not (_SELF_CLAUSE.search(core)
                                     and _PUBLISHED_BEFORE.search(text, s, inside[0].start)):
        return False  # "The claims have been published in X": a clause about other material
    # the credit word comes before the name ("Taken from X", "Courtesy: X"); a line that
    # starts with the outlet is a clause about it ("X did not respond to a request for comment")
    first = inside[0]
    return (_CREDIT_WORD.search(text, s, first.start) is not None
            or _FROM_OPENING.match(text, s, first.start) is not None
            or _LABEL_BEFORE.match(text, s, first.start) is not None and _LABEL_AFTER.match(text, first.end, e) is not None
            or whole_line and len(inside) == 1 and _bare_name_line(text, s, e, first))


_NETWORK_WORDS = frozenset("news network press agency wire service syndicate media".split())


def _bare_name_line(text: str, s: int, e: int, m) -> bool:
    """A line that is nothing but the outlet's name ("AFP", "(The X/Asia News Network)"); with a
    person after the slash it is a photo credit ("REUTERS/Jane Roe")."""
    if _BARE_BEFORE.match(text, s, m.start) is None:
        return False
    after = _BARE_AFTER.match(text, m.end, e)
    if after is None:
        return False
    network = after.group("network")
    # "(X/Asia News Network)": a distributing network; "REUTERS/Jane Roe", "X/Shutterstock", "Reuters/Ipsos":
    # a photographer, a picture agency or a poll partner
    return network is None or any(w.lower() in _NETWORK_WORDS for w in network.split()) \
        or re.fullmatch(r"[A-Z]{2,6}", network) is not None  # "Xinhua/IANS": a second agency


# An outlet that a non-publishing event happens to (banned, fined, sued, blocked, its channels,
# its licence, material from it) is the topic of the sentence, not its source. Its journalists
# and correspondents are not on the list: "X correspondent Jane Roe reports" cites X. A
# hyphenated word is a descriptor ("state-run X"), not an event.
_TOPIC_EVENT_WORDS = (r"ban|bans|banned|banning|block|blocks|blocked|blocking|fine|fines|fined|sue|sues|sued|suing|"
                      r"lawsuit|sanction|sanctions|sanctioned|terminate|terminates|terminated|terminating|removed|"
                      r"removes|removal|suspend|suspends|suspended|suspension|shut|closed|closes|closure|licen[cs]es?|"
                      r"channels?|accounts?|funding|funded|budget|"
                      r"owners?|owned|subscribers|followers|designated|registered|expelled|raided|hacked|deplatformed|"
                      r"delisted|revoked|investigated|prosecuted|run|operated|accredited|accreditation|material|"
                      r"content|clips?")
# an outlet's business as the topic ("spending on the websites of X", "X's audience", "ratings of X");
# before the name only: "X website says" reports
_BUSINESS_TOPIC_WORDS = (r"audiences?|readership|viewership|advertisers|advertising|ad\s+spend(?:ing)?|"
                         r"spending\s+on\s+(?:the\s+)?(?:websites?|sites?|pages|apps?|channels?)\s+of")
# earlier members of the same list ("the websites of the Daily Mail and The Guardian") count too
_LIST_BEFORE = r"(?:[A-Z][\w'\u2019.&-]*(?:[ \t]+[A-Z0-9][\w'\u2019.&-]*){0,3}[ \t]*(?:,|\band\b|\bor\b|&)[ \t]+(?:the[ \t]+)?){0,6}"
_TOPIC_EVENT_BEFORE = re.compile(r"(?<![\w-])(?:" + _TOPIC_EVENT_WORDS + "|" + _BUSINESS_TOPIC_WORDS
                                 + r")\s+(?:(?:by|of|from|on|against|to|at|the|"
                                 r"its|their)\s+){0,3}(?-i:" + _LIST_BEFORE + r")\Z", re.IGNORECASE)
# "the story of the BBC World Service", "a history of Reuters": the outlet is what a work is about
_HISTORY_OF = re.compile(r"\b(?:story|history|histories|biography|origins|founding|birth|decline)\s+of\s+(?:the\s+)?\Z",
                         re.IGNORECASE)
_TOPIC_EVENT_AFTER = re.compile(r"(?:'s|\u2019s)?\s+(?:(?:was|were|has\s+been|had\s+been|is|are|been|and\s+its|"
                                r"its)\s+)?(?:" + _TOPIC_EVENT_WORDS + r")\b", re.IGNORECASE)


# A channel that a distributor (hotel, cable operator, satellite package) drops, adds, keeps or
# stops carrying is the topic: "the chain removed RT and CGTN from its rooms", "will add
# Euronews", "stopped carrying X", "asked for X to be kept", "X, Y and Z would no longer be
# available". Earlier members of the same list ("dropped A, B and C") count too.
_CARRIAGE_BEFORE = re.compile(
    r"(?<![\w-])(?:drops?|dropped|dropping|removes?|removed|removing|adds?|adding|keeps?|kept|keeping|replaced?|"
    r"replaces|replacing|(?:stop(?:s|ped|ping)?|ceas(?:e|es|ed|ing)|end(?:s|ed|ing)?|resum(?:e|es|ed|ing)|"
    r"continu(?:e|es|ed|ing))[ \t]+(?:carrying|airing|showing|broadcasting|offering|distributing|transmitting)|"
    r"carry|carrying|switch(?:es|ed|ing)?[ \t]+off|pull(?:s|ed|ing)?|tak(?:e|es|ing)|took|taken|"
    r"asked[ \t]+for|swapp?(?:ed|ing|s)?)"
    r"[ \t]+(?:(?:the|its|their|channels?|stations?|feeds?|broadcasts?|state-owned|foreign|news)[ \t]+){0,3}"
    + _LIST_BEFORE + r"\Z", re.IGNORECASE)
_CARRIAGE_AFTER = re.compile(
    r"(?:[ \t]*(?:,|\band\b|\bor\b|&)[ \t]+(?:the[ \t]+)?[A-Z][\w'\u2019.&-]*(?:[ \t]+[A-Z0-9][\w'\u2019.&-]*){0,3}){0,6}"
    r"(?:[ \t]+(?:would|will|could|can|is|are|was|were|has|have|had|to|should|must)[ \t]+"
    r"(?:(?:no[ \t]+longer|not|still|also|now|be|been|remain|stay)[ \t]+){0,3}"
    r"(?:available|kept|dropped|removed|shown|carried|offered|taken[ \t]+off|replaced|switched[ \t]+off|"
    r"pulled|stay|remain|added|included|withdrawn|unavailable|off[ \t]+(?:the[ \t]+)?air)"
    r"|[ \t]+(?:from|off|to)[ \t]+(?:the[ \t]+|its[ \t]+|their[ \t]+)?(?:[\w-]+[ \t]+){0,2}"
    r"(?:packages?|line-?ups?|rooms?|screens?|menus?|bouquets?|the[ \t]+air|air|grids?|offerings?|networks?|"
    r"platforms?|services?))\b")
_CARRIAGE_CUE = re.compile(r"\b(?:channels?|packages?|line-?ups?|satellite|cable|feeds?|TV|television|rooms?|"
                           r"bouquets?|subscribers?|viewers|carry|carrying|carried|air)\b", re.IGNORECASE)


def _carried_channel(text: str, s: int, e: int, start: int, end: int) -> bool:
    """Is the outlet at ``start:end`` a channel that someone drops, adds or keeps carrying?"""
    if _CARRIAGE_CUE.search(text, max(0, s - 400), min(len(text), e + 400)) is None:
        return False  # no talk of channels and packages nearby: "Reuters added that ..." stays cited
    if _CARRIAGE_BEFORE.search(text, max(s, start - 160), start) is not None:
        return True
    return _CARRIAGE_AFTER.match(text, end, e) is not None


def _cut_at_sentence_end(name: str) -> str:
    """"Russian. The original" -> "Russian": a name does not run on past a sentence end (a word
    of three or more letters and a full stop; "U.S. News" stays whole)."""
    m = re.search(r"[a-z]{2}\.\s", name)
    return name[: m.start() + 2] if m else name


# Line-shaped notices ("Source: X", "via X") naming an outlet the registry lacks count only
# among the first or last few lines: in the body such a line credits a chart, table or quote.
_EDGE_ONLY_UNKNOWN = frozenset({"notice_source_line", "notice_via_line", "notice_courtesy"})
# "Courtesy Maria Lopez", "Source: John Carter": two or three plain title-case words with no word
# that names a publication or an institution read as a person (a photographer, a reader, an
# author), not an outlet the registry lacks ("Courtesy: Balkan Insight", "Source: Kyiv Independent").
_PERSON_LIKE = re.compile(r"[A-Z][a-z\u00e0-\u024f'\u2019-]+(?: [A-Z][a-z\u00e0-\u024f'\u2019-]+){1,2}")
_OUTLET_WORDS = frozenset(
    "news times post press agency daily tv radio media journal herald tribune gazette review insight monitor "
    "observer telegraph express mail star sun globe chronicle network channel service wire report today weekly "
    "magazine independent standard nation record courier bulletin digest dispatch online info portal "
    "institute foundation centre center council ministry office bureau group company university museum library "
    "archive archives project initiative observatory watch coalition association society union committee".split())


def _person_like(name: str) -> bool:
    return _PERSON_LIKE.fullmatch(name) is not None and not any(w.lower() in _OUTLET_WORDS for w in name.split())
_MEDIA_CREDIT = re.compile(r"\b(?:photo(?:graph)?s?|images?|pictures?|footage|video|illustrations?|graphics?|"
                           r"getty|shutterstock|alamy|caption)\b", re.IGNORECASE)


def _edge_line_starts(text: str) -> frozenset[int]:
    return frozenset(text.rfind("\n", 0, p.start) + 1 for p in _edge_paragraphs(text))


_BODY_MIN_WORDS = 25


def _edge_paragraphs(text: str) -> list:
    """The stand-alone lines before the body or after it: among the first (last) few paragraphs,
    those that no body paragraph (a long one ending like a sentence) precedes (follows). A
    "Source:" line under a chart in the middle of the article is not one."""
    paras = paragraphs(text)

    def body(p) -> bool:
        return p.text.rstrip()[-1:] in ".!?\"\u201d'\u2019)" and len(p.text.split()) >= _BODY_MIN_WORDS

    head = []
    for p in paras[:_EDGE_LINES]:
        if body(p):
            break
        head.append(p)
    tail = []
    for p in reversed(paras[-_EDGE_LINES:]):
        if body(p):
            break
        tail.append(p)
    return head + [p for p in tail if p not in head]

_AUTHOR_AT = re.compile(r"[ \t]*,?[ \t]+(?:at|on|for|in|of|with)[ \t]+(?:the[ \t]+)?", re.IGNORECASE)
