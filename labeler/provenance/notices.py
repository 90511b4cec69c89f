"""Provenance notices: where the text says (or the page says) which outlet it comes from.

Patterns live in ``data/notice_patterns.csv``: each row is a context (``before`` the outlet
name, ``after`` it) that turns a bare outlet mention into a republication notice, a
dateline, a credit, a disclaimer, a photo credit or a citation. Detection is mention-driven:
the registry finds every outlet name once, then each mention's line is checked against the
patterns, so the cost does not grow with the number of outlets.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from ..registry import Outlet, Registry
from ..text import sentence_at


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
    if kind == "sentence":
        sent = sentence_at(text, s)
        if sent is not None and sent.end >= e:
            return sent.start, sent.end
        return _strip(text, ls, le)
    if kind == "line":
        return _strip(text, ls, le)
    return _strip(text, s, e)


# "the Spiegel bestseller list", "the Forbes rich list": the outlet's name only qualifies another
# thing (a list, a prize), so the mention is no reference to the outlet at all.
_NAME_AS_MODIFIER = re.compile(
    r"[ \t]+(?:[\w-]+[ \t]+)?(?:best-?sellers?|best[ \t]+sellers?|lists?|rankings?|charts?|awards?|prizes?|"
    r"crosswords?|puzzles?)\b", re.IGNORECASE)

# "outlets like CGTN, Press TV or TRT World", "state media, including Sputnik and the newspaper
# Izvestia": outlets named as members of a category are the topic of the sentence, not its source.
_EXEMPLAR_LIST = re.compile(
    r"\b(?:outlets?|media|broadcasters?|channels?|networks?|(?:news\s+)?agencies|newspapers?|papers|tabloids|"
    r"(?:web)?sites|publications|stations|services|brands|sources|mastheads)\b,?[ \t]+"
    r"(?:such[ \t]+as|like|including|among[ \t]+them|e\.g\.,?|for[ \t]+example,?|for[ \t]+instance,?|notably)[ \t]+"
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

    return frozenset(w for w in lexicon().kind if " " not in w) | frozenset(_PUBLISHING.split())


def _reports_something(text: str, s: int, e: int) -> bool:
    acts = _source_act()
    low = text[s:e].lower()
    for m in _ACT_WORD.finditer(low):
        if m.group() in acts and not _PASSIVE_AUX.search(low, max(0, m.start() - 30), m.start()):
            return True
    return False


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
    if ex is not None and not _CITING_CATEGORY.search(prefix, 0, ex.start()) \
            and not _CITING_CATEGORY.search(text, end, e):  # "media including CNN and AP reported ..."
        return True
    if not bare or _CREDIT_BEFORE.search(prefix) or _CREDIT_AFTER.match(text, end, e):
        return False
    return not _reports_something(text, s, e)


_CONTEXT = 500  # characters either side of a mention that the context patterns may look at

# Lines that are a site's own cross-links ("Read more", "READ MORE: <headline>"), not sources.
_CROSSLINK = re.compile(r"^\s*(?:READ\s+MORE|Read\s+more|Related|RELATED|See\s+also|Also\s+read|ALSO\s+READ)\b")


def find_notices(text: str, registry: Registry) -> list[Notice]:
    """Every outlet mention that sits in a provenance or citation context, plus bare mentions
    of unambiguous outlet names in a sentence that reports something (as family ``mention``),
    in text order. Outlets that are only the topic (named as examples of a category, or in a
    sentence that reports nothing) and names that qualify another thing ("the Spiegel
    bestseller list") are left out."""
    patterns = load_patterns()
    found: list[Notice] = []
    for m in registry.find_mentions(text):
        ls, le = _line_bounds(text, m.start, m.end)
        # patterns see at most _CONTEXT characters either side (a megabyte-long line must not make
        # every mention cost a megabyte); a cut line gets a sentinel, so "^" and "$" still mean
        # the line's own start and end
        ps, pe = max(ls, m.start - _CONTEXT), min(le, m.end + _CONTEXT)
        cut = 1 if ps > ls else 0
        line_prefix = "\x00" * cut + text[ps : m.start]
        line_suffix = text[m.end : pe] + ("\x00" if pe < le else "")
        if _CROSSLINK.match(text, ls, le) or _NAME_AS_MODIFIER.match(line_suffix):
            continue
        best = None
        for p in patterns:
            bm = p.before.search(line_prefix) if p.before else None
            if p.before and not bm:
                continue
            am = p.after.match(line_suffix) if p.after else None
            if p.after and not am:
                continue
            s = ps + bm.start() - cut if bm else m.start
            e = m.end + am.end() if am else m.end
            es, ee = _evidence(text, p.evidence, s, e, ls, le)
            best = Notice(m.outlet.name, m.outlet, p.id, p.family, p.role, p.method, p.priority,
                          text[es:ee], es, ee, m.start, m.end)
            break
        if best is not None and best.role == "cited" and _topic_mention(text, ls, m.start, m.end, False):
            continue
        if best is None and not m.ambiguous and not _topic_mention(text, ls, m.start, m.end, True):
            best = Notice(m.outlet.name, m.outlet, "mention", "mention", "cited", "mention", 10,
                          m.text, m.start, m.end, m.start, m.end)
        if best is not None:
            found.append(best)
    found.extend(_unknown_outlet_notices(text, registry, {n.mention_start for n in found}))
    found.sort(key=lambda n: (n.start if n.start is not None else -1))
    return found


# A name the registry does not know, after a republication notice: capitalised words
# (with small connecting words), or a domain name.
_UNKNOWN_NAME = re.compile(
    r"(?P<name>(?:[a-z0-9-]+\.)+(?:com|org|net|info|news|ru|cn|ir|io|co\.uk|de|fr)\b"
    r"|[A-Z][\w&'\u2019.-]*(?:\s+(?:(?:of|the|and|for|de|&)\s+)?[A-Z][\w&'\u2019.-]*){0,5})"
)


# Words without which no republication notice can match: lines lacking all of them are
# not scanned (keeps the unknown-outlet pass off the per-article hot path).
_NOTICE_TRIGGER = re.compile(
    r"originally|first\s+(?:published|appeared|posted|ran|printed|aired)|publish|reprint|repost|re-post|syndicat|"
    r"reproduc|shared|translated|adapted|partnership|collaboration|cooperation|agreement|provided|supplied|"
    r"contributed|sourced|source|quelle|fuente|\bvia\b|courtesy|h/t|hat\s+tip|original|full\s+(?:article|story)|"
    r"carried|produced|written|issued|released|distributed|aired|broadcast|posted|prepared|commissioned"
)  # applied to the lower-cased text: case-insensitive alternations are several times slower
_UNKNOWN_NAME_STOP = frozenset("English Russian Chinese Arabic Persian French Spanish German Turkish Ukrainian "
                               "Korean Vietnamese Japanese Portuguese This The It He She They We".split())


# "This video was produced by <name>", "as first reported by <name>": the name is as often a
# person as an outlet, so these patterns only count for outlets the registry knows.
_KNOWN_OUTLETS_ONLY = frozenset({"notice_self_published_by", "lead_as_first_reported"})


def _unknown_outlet_notices(text: str, registry: Registry, known_starts: set[int]) -> list[Notice]:
    """Republication notices naming an outlet the registry lacks: origin with unknown affiliation."""
    out: list[Notice] = []
    taken: set[int] = set()
    lines: dict[int, int] = {}
    for tm in _NOTICE_TRIGGER.finditer(text.lower()):
        ls, le = _line_bounds(text, tm.start(), tm.end())
        lines[ls] = le
    if not lines:
        return out
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
            name = nm.group("name").rstrip(".")
            if len(name) < 2 or name in _UNKNOWN_NAME_STOP:
                continue
            ls, le = _line_bounds(text, bm.start(), nm.end())
            if p.after and not p.after.match(text, nm.start() + len(name), le):
                continue
            outlet = registry.get(name) or (registry.by_domain(name) if "." in name and " " not in name else None)
            es, ee = _evidence(text, p.evidence, bm.start(), nm.start() + len(name), ls, le)
            out.append(Notice(outlet.name if outlet else name, outlet, p.id, p.family, p.role, p.method,
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
