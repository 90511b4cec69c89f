"""Contested claims: which sentences assert blame, motive, causation, sovereignty or a grievance,
whether each is attributed to a source, and whether the article gives the other side.

Why rules and not a model: the cues are linguistic (intent adverbs, causal constructions,
factives, reporting verbs, denials), they generalise across outlets and topics, and every
decision can be shown to a reader as the words that triggered it. The cue lists live in
``data/claim_cues.csv`` (columns ``term,kind,weight,source,role``; ``term`` is a case-insensitive
regular expression matched on word boundaries; ``role`` is empty or, for a ``counter`` row,
``alternative``: see :func:`is_alternative`).

A sentence is a *contested claim* when the summed weight of its contested-claim cues (minus
hedges) reaches :data:`CLAIM_THRESHOLD`. The article's loaded terms in the author's voice count as
``evaluative`` cues too (:data:`LOADED_CLAIM_WEIGHTS` by category: an actor label such as "puppet" or
"Soros-funded" is one clear cue, broad emotive words only add to another cue), unless the sentence
relays the label ("called them ...", a quotation), is a threat, or names no actor. Each cue is
*attributed* when it lies inside the scope of a reporting construction: a Quote's content, a long quotation, "according to"
anywhere in the sentence, a sentence-final ", X said", or the complement after "X said/
accused/told...". A claim is unattributed when its out-of-scope cue weight reaches
:data:`UNATTRIBUTED_MIN`. It is *countered* when the same sentence carries a counterclaim cue
outside the claim's own cues ("..., although Moscow insists ...") or another sentence
carries one and shares key content words with it (or refers back to it: "Moscow denies this").
A weak counter-assertion verb ("insists", "maintains") counts only with a rebuttal in its sentence
(a negation, "only", a justification, a contrast): otherwise the source may hold the article's own
line. Another source's alternative explanation ("the rise also reflected ...", :func:`is_alternative`)
answers a claim when the two share MIN_OVERLAP content stems, topic words included (it names
the thing explained, which is usually the article's topic). Cues of kind ``critic`` (plain critical verbs: "criticised", "complained", "said the move
breached international law") are not counterclaims here; ``balance.py`` counts them as the other
side when their subject is not the article's lead actor.
"""
from __future__ import annotations

import bisect
import csv
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from ..schema import Claim, LoadedTerm, Quote
from ..text import Span, paragraphs, quoted_spans, sentences

CLAIM_THRESHOLD = 1.0  # summed contested-cue weight (after hedges) that makes a claim
UNATTRIBUTED_MIN = 0.6  # out-of-scope cue weight that leaves a claim unattributed
MIN_OVERLAP = 2  # shared content stems for a counterclaim in another sentence
QUOTE_MIN_WORDS = 4  # shorter quoted stretches are scare quotes or titles, not speech
MAX_TEXT = 300_000  # longer inputs (no news article is; ~10x a long feature) are analysed on their first MAX_TEXT characters

CONTESTED_KINDS = ("causal", "motive", "blame", "sovereignty", "grievance", "factive", "evaluative")
KINDS = CONTESTED_KINDS + ("attribution", "counter", "balance_seek", "hedge", "anonymous", "critic", "designation")
ROLES = ("", "alternative")  # "alternative": a counter cue that offers another cause (see is_alternative)

# An author-voice loaded term of these categories is the author's own verdict on an actor
# ("the puppet opposition", "Soros-funded NGOs", "Washington's hypocrisy"): its sentence is a
# contested claim of kind "evaluative" with the term as the cue. Naming conventions (a spelling)
# and euphemisms say how something is named, not what is asserted about it; cues of kind
# ``designation`` ("terrorists", "invaders": the word a side's wire copy uses for its enemy in
# routine war reporting) do not make a claim alone either.
# Labels for an actor (name-calling, conspiracy, pathologising, dehumanising) are one clear cue
# each; scare labels ("sham", "propaganda") and the broad emotive vocabulary ("devastating",
# "blasted", "petty") also colour neutral wire copy and only add to another cue (checked on
# Reuters/AP copy in Article-Bias-Prediction: bench/claims_eval.py --only wire).
LOADED_CLAIM_WEIGHTS = {
    "pejorative_label": 1.0, "conspiracy": 1.0, "dehumanising": 1.0, "pathologising": 1.0,
    "scare_label": 0.5, "pejorative": 0.5, "exaggeration": 0.3,
}
LOADED_CLAIM_CATEGORIES = frozenset(LOADED_CLAIM_WEIGHTS)
# Categories whose word names an actor by itself ("puppet", "Soros-funded", "vermin"); a diagnosis
# ("hysteria") or a verdict word needs a name or group noun in its sentence to be about someone.
ACTOR_LABEL_CATEGORIES = frozenset({"pejorative_label", "conspiracy", "dehumanising"})

_KIND_PHRASE = {
    "causal": "asserts causation",
    "motive": "asserts motive or intent",
    "blame": "assigns blame",
    "sovereignty": "asserts sovereignty or territory",
    "grievance": "states a historical grievance",
    "factive": "states it as beyond doubt",
    "evaluative": "passes a verdict",  # a curated row ("irresponsible move", "paid for itself many times over")
}
_LABEL_PHRASE = "uses a distancing label"  # an evaluative cue that is one of the article's loaded terms


# Cues that dismiss someone else's claim: such a sentence is itself one side of a dispute,
# so another sentence dismissing "the accusations" is the same side, not its counterclaim.
_DISMISSAL = re.compile(r"no basis|any basis|evidence|proof|allegations|accusations|claims", re.I)


def _phrase(h: Hit) -> str:
    """How the why-text names a cue's kind: a loaded term is a label, a curated evaluative row a verdict."""
    return _LABEL_PHRASE if h.cue.kind == "evaluative" and h.cue.category else _KIND_PHRASE[h.cue.kind]


@dataclass(frozen=True)
class Cue:
    term: str
    kind: str
    weight: float
    source: str
    category: str = ""  # the loaded-term category, for cues that come from loaded terms
    role: str = ""  # the CSV's role column ("alternative" for another explanation)


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    cue: Cue


def is_alternative(hit: Hit) -> bool:
    """Is this counter hit another source's alternative explanation ("the rise also reflected ...")?
    It answers only the causal claim it shares words with, not the article's dispute at large, so
    claims and balance both ask (the rows are marked ``role=alternative`` in claim_cues.csv)."""
    return hit.cue.role == "alternative"


@lru_cache(maxsize=1)
def load_cues(path: Path | None = None) -> tuple[Cue, ...]:
    """The curated cue table (``data/claim_cues.csv``, or ``path``), validated: a row with a
    missing or extra field, an unknown kind or role, or a bad regex fails here, naming its line,
    rather than silently shifting columns."""
    path = files("labeler.data").joinpath("claim_cues.csv") if path is None else path
    name = getattr(path, "name", "claim_cues.csv")
    out = []
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        width = len(reader.fieldnames or ())
        for row in reader:
            i = reader.line_num
            if None in row or None in row.values():  # DictReader's restkey / restval: a short or long row
                got = width - sum(v is None for v in row.values()) + len(row.get(None) or ())
                raise ValueError(f"{name} line {i}: {got} fields, the header has {width}")
            kind = row["kind"].strip()
            if kind not in KINDS:
                raise ValueError(f"{name} line {i}: kind {kind!r} unknown; kinds are {', '.join(KINDS)}")
            role = (row.get("role") or "").strip()
            if role not in ROLES or (role and kind != "counter"):
                raise ValueError(f"{name} line {i}: role {role!r} unknown for kind {kind!r}; roles are {ROLES}")
            re.compile(row["term"])  # fail at load, naming nothing silently
            out.append(Cue(row["term"], kind, float(row["weight"]), row["source"], role=role))
    return tuple(out)


_SPACE = r"[ \t\u00a0]+"
_BEFORE, _AFTER = r"(?<![\w\-])", r"(?![\w\-])"  # cues match whole words: never inside a word or a hyphenation


def _cue_pattern(cues: Sequence[tuple[int, Cue]]) -> re.Pattern[str]:
    """One alternation over ``(index, cue)`` pairs in the given order, each cue in group ``g<index>``."""
    parts = ["(?P<g%d>%s)" % (i, c.term.replace(" ", _SPACE)) for i, c in cues]
    return re.compile(_BEFORE + "(?:" + "|".join(parts) + ")" + _AFTER if parts else r"(?!x)x", re.I)


@lru_cache(maxsize=None)
def _kind_regex(kind: str) -> tuple[re.Pattern[str], tuple[Cue, ...]]:
    """One alternation per kind (strongest, then longest, first). This is the reference
    definition of a kind's hits; :func:`_matcher` only decides where it is worth trying."""
    cues = tuple(sorted((c for c in load_cues() if c.kind == kind), key=lambda c: (-c.weight, -len(c.term))))
    return _cue_pattern(list(enumerate(cues))), cues


# ---------------------------------------------------------------- fast matching
#
# Python's regex engine tries every alternative of a kind's alternation at every word start,
# which made cue matching most of the rule pipeline's time. But a cue can only begin where a
# run of [\w-] begins (it must follow no [\w-] and starts with a word character), and only
# with one of the few letter sequences its term allows ("denied", "said", "the fact", "was
# b"...). Those *keys* (up to KEY_LEN characters, read off the parsed term) go into a trie
# and an Aho-Corasick automaton: one pass over the lowered text finds the run starts where
# some key begins, the keys found there pick the cues of each kind that can match, and only
# those are tried, with a regex of the same alternatives in the same order (so the same cue
# wins), resuming after each hit as finditer does; all kinds in the same pass, cached per
# text. Where re.I could fold a non-ASCII letter onto an ASCII one (long s, Kelvin sign,
# dotted and dotless i) a regex scan and the kind's whole alternation decide. Cues whose
# start cannot be worked out are tried at every run; a kind with a cue that could match the
# empty string is matched with its whole alternation. Results are identical to
# ``_kind_regex(kind)[0].finditer`` (tests/test_claims_speed_equivalence.py).

KEY_LEN = 6
_RUN = re.compile(r"[\w\-]+")
_WORDISH = re.compile(r"[\w\-]")
_MAX_KEYS = 4096

try:  # the stdlib regex parser: private, so any surprise only costs speed, never correctness
    from re import _constants as _sre_c, _parser as _sre_p
except ImportError:  # pragma: no cover
    _sre_c = _sre_p = None
try:
    import ahocorasick
except ImportError:  # pragma: no cover - a dependency; the regex scan gives the same positions
    ahocorasick = None

# The only non-ASCII characters re.I matches to an ASCII one (dotted and dotless i, long s,
# Kelvin sign; tests/test_claims_speed_equivalence.py re-derives the list). In a text without
# them, str.lower() folds exactly as re.I does for the keys, so keys can be found in the
# lowered text with an Aho-Corasick automaton instead of a regex tried at every character.
_FOLD_RISK = re.compile("[\u0130\u0131\u017f\u212a]")


class _Unknown(Exception):
    """Too many keys to be worth it."""


def _safe_char(c: str) -> bool:
    """ASCII (re.I folding among ASCII is str.lower) or uncased (no re.I partner at all)."""
    return c.isascii() or c.lower() == c.upper() == c


def _class_chars(items) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is _sre_c.LITERAL:
            out.add(chr(av))
        elif op is _sre_c.RANGE and av[1] - av[0] < 64:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None
    return out


def _concat(acc: set, step: set, k: int) -> set:
    """Extend the open strings of ``acc`` by ``step``; closed strings stay as they are."""
    out = {a for a in acc if not a[1]}
    for s, _ in (a for a in acc if a[1]):
        for t, o in step:
            u = s + t
            out.add((u[:k], False) if len(u) >= k else (u, o))
    if len(out) > _MAX_KEYS:
        raise _Unknown
    return out


def _starts(items, k: int) -> set[tuple[str, bool]]:
    """Strings every match of ``items`` starts with at least one of, as (string, open):
    open strings are the whole match so far and may be extended by what follows; closed ones
    stop at k characters or at a construct not followed (a class like \\w, a backreference).
    Lookarounds and anchors count as empty: a key that is too short is only slower, never wrong."""
    acc = {("", True)}
    for op, av in items:
        if not any(o for _, o in acc):
            break
        k_item = k - min(len(s) for s, o in acc if o)  # characters the item can still add
        if op is _sre_c.LITERAL and _safe_char(chr(av)):
            step = {(chr(av), True)}
        elif op is _sre_c.IN and (chars := _class_chars(av)) is not None and all(map(_safe_char, chars)):
            step = {(c, True) for c in chars}
        elif op is _sre_c.SUBPATTERN:
            # scoped flags ("(?-i:[A-Z])") only narrow what matches; keys are compared lower-cased
            step = _starts(av[3].data, k_item)
        elif op is _sre_c.BRANCH:
            step = set().union(*(_starts(b.data, k_item) for b in av[1]))
        elif op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT, getattr(_sre_c, "POSSESSIVE_REPEAT", None)):
            lo, hi, sub = av
            one = _starts(sub.data, k_item)
            exact = {("", True)}
            for _ in range(min(lo, k_item)):
                exact = _concat(exact, one, k_item)
            step = exact if lo <= k_item else {(s, False) for s, _ in exact}
            if hi > lo:  # a match with more repetitions starts with lo + 1 of them
                more = _concat(step, one, k_item)
                step = step | (more if hi == lo + 1 else {(s, False) for s, _ in more})
        elif op in (_sre_c.AT, _sre_c.ASSERT, _sre_c.ASSERT_NOT):
            continue
        else:
            step = {("", False)}
        acc = _concat(acc, step, k)
    return acc


def _term_keys(term: str, k: int = KEY_LEN) -> frozenset[str] | None:
    """Lowercased strings a match of ``term`` must start with one of; None when unknown (the
    cue is then tried at every run). Raises ValueError when the term can match ''."""
    if _sre_p is None:
        return None
    try:
        found = _starts(_sre_p.parse(term.replace(" ", _SPACE), re.I).data, k)
    except (_Unknown, AttributeError, TypeError, ValueError, IndexError, re.error):
        return None
    if ("", True) in found:
        raise ValueError("term can match the empty string")
    if any(not s or not s[0].isascii() or not _WORDISH.match(s) for s, _ in found):
        return None
    return frozenset(s.lower() for s, _ in found)


def _trie_regex(node: dict) -> str:
    """Regex for 'one of the trie's keys starts here', factored by common prefixes (a key
    ending at a node makes the longer keys below it irrelevant)."""
    if None in node:
        return ""
    alts = [re.escape(c) + _trie_regex(child) for c, child in sorted(node.items())]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


@dataclass(frozen=True)
class _Matcher:
    trie: dict  # char -> node; node[None] = {kind: {cue index, ...}} for keys ending there
    always: dict  # kind -> frozenset of cue indices with no known key (tried at every run)
    whole: frozenset  # kinds matched with their whole alternation (a cue may match '')
    starts: re.Pattern[str]  # run starts where a key begins (every run start when always is set)
    fallback: tuple  # ((kind, whole alternation), ...) for positions re.I folding makes unsure
    any_key: dict  # kind -> regex finding any of its keys anywhere (absent: no such shortcut)
    automaton: object  # ahocorasick.Automaton of every key (value: its length), or None


@lru_cache(maxsize=1)
def _matcher() -> _Matcher:
    """The key trie over every kind's cues (built once, at first use)."""
    trie: dict = {}
    always: dict[str, frozenset[int]] = {}
    whole = set()
    kind_keys: dict[str, set[str]] = {}
    for kind in KINDS:
        _, cues = _kind_regex(kind)
        try:
            keys = [_term_keys(c.term) for c in cues]
        except ValueError:
            whole.add(kind)
            continue
        if any(ks is None for ks in keys):
            always[kind] = frozenset(i for i, ks in enumerate(keys) if ks is None)
        kind_keys[kind] = set().union(*(ks for ks in keys if ks is not None))
        for i, ks in enumerate(keys):
            for key in ks or ():
                node = trie
                for c in key:
                    node = node.setdefault(c, {})
                node.setdefault(None, {}).setdefault(kind, set()).add(i)
    if always or not trie:
        starts = re.compile(_RUN.pattern)
    else:
        starts = re.compile(_BEFORE + "(?=" + _trie_regex(trie) + ")", re.I)
    fallback = tuple((k, _kind_regex(k)[0]) for k in KINDS if k not in whole)
    any_key = {}
    for kind, keys in kind_keys.items():
        if kind not in always and keys:
            sub: dict = {}
            for key in keys:
                node = sub
                for c in key:
                    node = node.setdefault(c, {})
                node[None] = True
            any_key[kind] = re.compile(_trie_regex(sub), re.I)
    automaton = None
    if ahocorasick is not None and not always and trie:
        automaton = ahocorasick.Automaton()
        for key in set().union(*kind_keys.values()):
            automaton.add_word(key, len(key))
        automaton.make_automaton()
    return _Matcher(trie, always, frozenset(whole), starts, fallback, any_key, automaton)


def _key_starts(text: str) -> list[int]:
    """Run starts where a key begins (the positions ``_matcher().starts`` finds; a superset
    would do too, as :func:`_route` decides exactly what is tried there)."""
    m = _matcher()
    low = text.lower()
    if m.automaton is None or len(low) != len(text) or (not text.isascii() and _FOLD_RISK.search(text)):
        return [s.start() for s in m.starts.finditer(text)]
    out = []
    for end, n in m.automaton.iter(low):
        i = end - n + 1
        if i == 0 or not _WORDISH.match(text, i - 1):
            out.append(i)
    if out:
        out = sorted(set(out))
    return out


@lru_cache(maxsize=None)
def _sub_regex(kind: str, idx: tuple[int, ...]) -> re.Pattern[str]:
    """The kind's alternation restricted to cues ``idx`` (kept in the kind's order)."""
    cues = _kind_regex(kind)[1]
    return _cue_pattern([(i, cues[i]) for i in idx])


_ROUTES: dict[str, tuple | None] = {}


def _route(chunk: str) -> tuple | None:
    """((kind, regex), ...) to try where ``chunk`` (the next KEY_LEN characters) begins;
    None when re.I folding of a non-ASCII letter makes the keys unsure."""
    got = _ROUTES.get(chunk, _ROUTES)
    if got is not _ROUTES:
        return got
    m = _matcher()
    idx: dict[str, set[int]] = {k: set(v) for k, v in m.always.items()}
    node, out = m.trie, None
    for c in chunk:
        if not _safe_char(c):
            break  # stop: no key reads past here, so what follows cannot matter ...
        node = node.get(c.lower())
        if node is None:
            break
        for kind, cs in node.get(None, {}).items():
            idx.setdefault(kind, set()).update(cs)
    else:
        c = None
    if c is not None and not _safe_char(c) and node is not None:
        out = None  # ... unless a key could continue through a folded letter
    else:
        out = tuple((kind, _sub_regex(kind, tuple(sorted(cs)))) for kind, cs in idx.items() if cs)
    if len(_ROUTES) > 100_000:
        _ROUTES.clear()
    _ROUTES[chunk] = out
    return out


def _all_hits(text: str) -> dict[str, tuple[Hit, ...]]:
    """Every kind's hits (cached: the same article, sentence or quote is asked about several
    kinds by claims and balance; few long texts are kept, so a batch cannot pile them up)."""
    return (_all_hits_short if len(text) <= _SHORT else _all_hits_long)(text)


def _compute_all_hits(text: str) -> dict[str, tuple[Hit, ...]]:
    """Every kind's hits in one pass over the key starts (kinds without hits are absent).
    Per kind this is finditer over its alternation: at each candidate position in text order
    the cues that can start there are tried, and the search resumes after a hit."""
    m = _matcher()
    found: dict[str, list[Hit]] = {}
    end: dict[str, int] = {}
    for i in _key_starts(text):
        routes = _route(text[i:i + KEY_LEN])
        for kind, rx in m.fallback if routes is None else routes:
            if i < end.get(kind, 0):
                continue  # inside this kind's previous hit
            hit = rx.match(text, i)
            if hit:
                cue = _kind_regex(kind)[1][int(hit.lastgroup[1:])]
                found.setdefault(kind, []).append(Hit(i, hit.end(), cue))
                end[kind] = hit.end()
    out = {kind: tuple(hs) for kind, hs in found.items()}
    for kind in m.whole:
        rx, cues = _kind_regex(kind)
        hs = tuple(Hit(h.start(), h.end(), cues[int(h.lastgroup[1:])]) for h in rx.finditer(text))
        if hs:
            out[kind] = hs
    return out


_SHORT = 2_000  # characters: sentences and quotes, as opposed to whole articles
_all_hits_short = lru_cache(maxsize=4096)(_compute_all_hits)
_all_hits_long = lru_cache(maxsize=16)(_compute_all_hits)


def may_match(text: str, kind: str) -> bool:
    """False only when no cue of ``kind`` can match in ``text`` (none of their first letters
    occur): a cheap test before :func:`find_hits` on many short strings."""
    rx = _matcher().any_key.get(kind)
    if rx is None:
        return kind in KINDS and (kind in _matcher().whole or kind in _matcher().always or bool(_kind_regex(kind)[1]))
    return rx.search(text) is not None


def find_hits(text: str, kind: str) -> list[Hit]:
    """All non-overlapping cue matches of one kind, in text order (as ``finditer`` of the
    kind's alternation would find them; cached per text)."""
    return list(_all_hits(text).get(kind, ()))


def _contested_hits(text: str) -> list[Hit]:
    found = _all_hits(text)
    hits = [h for k in CONTESTED_KINDS for h in found.get(k, ())]
    hits.sort(key=lambda h: (h.start, -h.end))
    kept: list[Hit] = []
    for h in hits:  # kinds are scanned separately; keep the first of overlapping matches
        if kept and h.start < kept[-1].end:
            if h.cue.weight > kept[-1].cue.weight:
                kept[-1] = h
            continue
        kept.append(h)
    return kept


# ---------------------------------------------------------------- sentence filtering

_NOTICE_START = re.compile(
    r"^\s*(read more|see also|related|source|via|photo|image|video|watch|listen|follow|subscribe|"
    r"categori[sz]ed as|tags?|share|advertisement|\u00a9|\(c\)|copyright|\(reporting by|editing by|"
    r"translated (?:from|by)|translation (?:from|by)|adapted from)\b",
    re.I,
)
# An op-ed's bio line ("Jane Roe is a research fellow at ...", "The writer is a former envoy"):
# who the author is, not a claim the article argues. Only a short paragraph of its own among the
# last BIO_LAST paragraphs, with no contested cue (a one-sentence body paragraph "X is the director
# of a sham commission created to ..." is still read).
_BIO_LINE = re.compile(
    r"^\s*(?:[Tt]he (?:writer|author|columnist)|[A-Z][\w'\u2019.\-]+(?: [A-Z][\w'\u2019.\-]+){1,3})"
    r"(?: \([^)]{1,40}\))? (?:is|was) (?:an? |the )(?:[\w\-]+ ){0,4}(?:fellow|professor|lecturer|researcher|"
    r"journalist|writer|columnist|analyst|commentator|editor|correspondent|director|author|scholar|economist|"
    r"expert|diplomat|ambassador|envoy|member|contributor|blogger)\b")
BIO_MAX_WORDS = 45
BIO_LAST = 2
_CAPTION_END = re.compile(r"\((?:photo|image|file photo|picture|pictured|credit|video)\b[^)]*\)\s*$", re.I)
_TERMINAL = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s*$")


def _is_body_sentence(s: Span, para: Span, first_para: bool) -> bool:
    """Headlines, notices, cross-links and captions are not claims the article argues."""
    not_notice, not_title = _para_flags(para, first_para)
    return not_notice and len(s.text.split()) >= 3 and not_title


def _is_bio_line(para: Span) -> bool:
    return len(para.text.split()) <= BIO_MAX_WORDS and _BIO_LINE.match(para.text) is not None


def _para_flags(para: Span, first_para: bool) -> tuple[bool, bool]:
    """(not a notice or caption, not a title line) for a paragraph: the per-paragraph half of
    :func:`_is_body_sentence`, computed once per paragraph."""
    not_notice = not (_NOTICE_START.match(para.text) or _CAPTION_END.search(para.text))
    # a title or caption line: no closing punctuation
    not_title = bool(_TERMINAL.search(para.text)) or not (first_para or len(para.text.split()) <= 15)
    return not_notice, not_title


# ---------------------------------------------------------------- attribution scopes

_COMMA_BEFORE = re.compile(r",\s*(?:\S+\s+){0,8}$")


def _attribution_scopes(s: Span, text: str, quotes: Sequence[Quote], long_quotes: Sequence[tuple[int, int]],
                        attr_hits: Sequence[Hit]) -> list[tuple[int, int]]:
    """Stretches of the sentence that are someone else's words or reported content."""
    scopes: list[tuple[int, int]] = []
    in_sentence = [h for h in attr_hits if s.start <= h.start < s.end]
    for q in quotes:
        if q.start < s.end and q.end > s.start and len(q.content.split()) >= 2 and _quote_reaches(q, s) \
                and (q.kind == "direct" or in_sentence):
            # reported speech needs a reporting construction we recognise too ("claimed victory" is not one)
            scopes.append((max(q.start, s.start), min(q.end, s.end)))
    for a, b in long_quotes:
        if a < s.end and b > s.start:
            scopes.append((max(a, s.start), min(b, s.end)))
    for h in in_sentence:
        term = text[h.start:h.end].lower()
        tail = text[h.end:s.end]
        head = text[s.start:h.start]
        if term.startswith("according to"):
            scopes.append((s.start, s.end))
        elif re.match(r"(reportedly|allegedly|purportedly|ostensibly)", term):
            scopes.append((s.start, s.end))
        elif len(tail.split()) <= 7 and _COMMA_BEFORE.search(head):
            scopes.append((s.start, s.end))  # "..., X said on Monday."
        elif _COMMA_BEFORE.search(head) and re.match(r"\s*,", tail):
            scopes.append((s.start, s.end))  # "Such a step, he said, would ..."
        else:
            scopes.append((h.start, s.end))  # the verb's complement: "X said (that) ..."
    return scopes


def _quote_reaches(q: Quote, s: Span) -> bool:
    """A direct quotation covers every sentence it spans; reported (indirect) content only counts
    in the sentence that names its speaker or cue, so a detector that runs an indirect quote on
    past a sentence end cannot launder the author's previous sentence."""
    if q.kind == "direct":
        return True
    if q.speaker_start is not None and s.start <= q.speaker_start < s.end:
        return True
    cue = (q.cue or "").strip()
    return bool(cue) and re.search(r"\b" + re.escape(cue) + r"\b", s.text, re.I) is not None


def _in_scopes(pos: int, scopes: Sequence[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in scopes)


# ---------------------------------------------------------------- counterclaims

_STOP = frozenset(
    "about above after again against also among been before being below between both could does doing during "
    "each either even every from further have having here into itself just last later many more most much must "
    "never only other over said says same several should since some such than that their them then there these "
    "they this those through under until upon very were what when where which while whom will with would your "
    "year years week weeks month months time told according said added".split()
)
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]{4,}")
_ANAPHOR_AFTER = re.compile(
    r"\s+(?:\S+\s+){0,3}?(?:(?:this|that|these|it|them)(?=\s*(?:[.,;:!?]|as\b|and\b|$))|"
    r"(?:the|such|these|those) (?:claim|claims|charge|charges|accusation|accusations|allegation|allegations|assertion|version))\b",
    re.I,
)


# An evidence-based rebuttal ("investigators found no evidence of sabotage") right after a claim
# answers it even when it names the act in other words than the claim did.
_REBUTS_NEXT = re.compile(r"\bno (?:evidence|sign|signs|indication|proof|trace) (?:of|that|to)\b", re.I)


def _stems(text: str, exclude: Sequence[tuple[int, int]] = (), offset: int = 0) -> set[str]:
    if not exclude:
        return {w[:5] for w in map(str.lower, _WORD.findall(text)) if w not in _STOP}
    out = set()
    for m in _WORD.finditer(text):
        if any(a <= m.start() + offset < b for a, b in exclude):
            continue
        w = m.group().lower()
        if w not in _STOP:
            out.add(w[:5])
    return out


def _content_stems(body: Sequence[BodySentence]) -> dict[int, set[str]]:
    """Key content stems per sentence, without the cue words and the article's topic words
    (stems in more than a quarter of the sentences: every sentence shares those)."""
    raw = {id(b): _stems(b.span.text, [(h.start, h.end) for h in b.counter], b.span.start) for b in body}
    df: dict[str, int] = {}
    for st in raw.values():
        for w in st:
            df[w] = df.get(w, 0) + 1
    limit = max(2, len(body) // 4)
    return {k: {w for w in st if df[w] <= limit} for k, st in raw.items()}


# ---------------------------------------------------------------- main entry points

@dataclass(frozen=True)
class BodySentence:
    """A sentence of the article's body (no title, notice or caption) with its cues: contested-claim
    hits, counterclaim hits and the summed hedge weight."""

    span: Span
    contested: tuple[Hit, ...]
    counter: tuple[Hit, ...]
    hedge: float


@lru_cache(maxsize=16)
def scan_body(text: str) -> tuple[tuple[BodySentence, ...], tuple[Hit, ...]]:
    """Sentences of the body with their contested and counter cues, plus all attribution hits
    (cached: claims and balance both read it for the same article)."""
    paras = paragraphs(text)
    sents = sentences(text)
    starts = [p.start for p in paras]
    contested = _contested_hits(text)
    counter = find_hits(text, "counter")
    hedges = find_hits(text, "hedge")
    attr = find_hits(text, "attribution")
    out: list[BodySentence] = []
    flags: dict[int, tuple[bool, bool]] = {}
    ci = ki = hi = 0
    for s in sents:
        pi = bisect.bisect_right(starts, s.start) - 1
        para = paras[pi] if pi >= 0 else s
        while ci < len(contested) and contested[ci].start < s.start:
            ci += 1
        while ki < len(counter) and counter[ki].start < s.start:
            ki += 1
        while hi < len(hedges) and hedges[hi].start < s.start:
            hi += 1
        cs, j = [], ci
        while j < len(contested) and contested[j].start < s.end:
            cs.append(contested[j])
            j += 1
        ks, j = [], ki
        while j < len(counter) and counter[j].start < s.end:
            h = counter[j]
            if not any(c.start < h.end and h.start < c.end for c in cs) and not _own_line(text, h, s):
                ks.append(h)
            j += 1
        hw, j = 0.0, hi
        while j < len(hedges) and hedges[j].start < s.end:
            hw += hedges[j].cue.weight
            j += 1
        if pi < 0:
            if not _is_body_sentence(s, para, False):
                continue
        else:
            if pi not in flags:
                flags[pi] = _para_flags(para, pi == 0 and len(paras) > 1)
            not_notice, not_title = flags[pi]
            if not (not_notice and not_title and len(s.text.split()) >= 3):
                continue
            if not cs and pi >= len(paras) - BIO_LAST and _is_bio_line(para):
                continue
        out.append(BodySentence(s, tuple(cs), tuple(ks), hw))
    return tuple(out), tuple(attr)


# "insists", "maintains", "contends" report a source holding a position, which may be the
# article's own line ("the minister insists the sanctions are illegal"); they voice the other
# side only with a rebuttal in the sentence: a negation, an exclusive "only", a justification or
# a contrast ("'This is not fake,' she insisted"; "However, the firm insists ...").
_WEAK_COUNTER = re.compile(r"(?:insist|maintain|contend)", re.I)
_REBUTTAL = re.compile(
    r"\b(?:not|no|never|nothing|none|neither|nor|only|solely|innocen\w*|legitimate|lawful|legal|defensive|"
    r"self-defen[cs]e|justified|proportionate|wrong(?:ly)?|false(?:ly)?|baseless|unfounded|otherwise|"
    r"instead|however|but|rather|contrary|did\s+nothing|had\s+nothing|\w+n't|n't)\b", re.I)


def _own_line(text: str, h: Hit, s: Span) -> bool:
    """A weak counter-assertion verb with no rebuttal anywhere in its sentence."""
    if not _WEAK_COUNTER.match(text, h.start):
        return False
    return _REBUTTAL.search(text, s.start, s.end) is None


def _snippet(text: str, h: Hit) -> str:
    return text[h.start:h.end]


def _weight(hits: Sequence[Hit]) -> float:
    """Summed weight of the distinct cues (a repeated cue counts once)."""
    return sum({h.cue.term: h.cue.weight for h in hits}.values())


# A sentence that reports how someone names or sees an actor ("portrayed the president as a bully",
# "took to Twitter to call the vote fraudulent", "long vilified by Republicans") or carries a
# quotation relays a label; only the author's own unreported use makes the label a claim.
_LABEL_REPORTED = re.compile(
    r"\b(?:call(?:s|ed|ing)?|label(?:s|ed|led|ing)?|brand(?:s|ed|ing)?|dub(?:s|bed|bing)?|describ(?:e|es|ed|ing)|"
    r"portray(?:s|ed|ing)?|depict(?:s|ed|ing)?|consider(?:s|ed)?|vilif(?:y|ies|ied)|accus(?:e|es|ed|ing)|"
    r"read|reads|wrote|writes|tweet(?:s|ed)?|said|says|say|told|according|claim(?:s|ed)?|insist(?:s|ed)?|"
    r"argu(?:e|es|ed)|deni(?:es|ed)|den(?:y|ying)|alleg(?:e|es|ed|ing)|paint(?:s|ed|ing)?|denounc\w*|condemn\w*|"
    r"statements?|FILE|photo)\b|[\"\u201c\u201d\u00ab\u00bb]")


_ACTOR_WORD = re.compile(
    r"(?<=\S )[A-Z][\w\-]+|\b(?:government|opposition|media|press|regime|leaders?|leadership|officials?|authorities|"
    r"elites?|parties|party|activists|groups?|NGOs?|community|country|countries|states?|nations?)\b")


def _names_actor(sentence: str, hits: Sequence[Hit]) -> bool:
    """An actor label names one by itself; other verdict terms need a name or a group noun."""
    return any(h.cue.category in ACTOR_LABEL_CATEGORIES for h in hits) or _ACTOR_WORD.search(sentence) is not None


def _loaded_hits(text: str, terms: Sequence[LoadedTerm]) -> list[Hit]:
    """Author-voice loaded terms of an evaluative category as ``evaluative`` hits (designations
    excepted), in text order."""
    out = []
    for t in terms:
        if not isinstance(t, LoadedTerm) or t.voice != "author" or t.category not in LOADED_CLAIM_CATEGORIES:
            continue
        if not (0 <= t.start < t.end <= len(text)) or find_hits(t.term, "designation"):
            continue
        out.append(Hit(t.start, t.end, Cue(t.term, "evaluative", LOADED_CLAIM_WEIGHTS[t.category],
                                             f"loaded term ({t.category}): {t.source}", t.category)))
    out.sort(key=lambda h: h.start)
    return out


def _first_per_term(hits: Sequence[Hit]) -> list[Hit]:
    """The first hit of each distinct term (a repeated term weighs once anyway; bounds the work on
    a run-on text that repeats one word thousands of times)."""
    seen: set[str] = set()
    out = []
    for h in hits:
        if h.cue.term not in seen:
            seen.add(h.cue.term)
            out.append(h)
    return out


def _overlapping(hits: Sequence[Hit], h: Hit) -> list[Hit]:
    """Hits of ``hits`` (non-overlapping, in text order) that overlap ``h``, found by bisection."""
    i = bisect.bisect_left([x.start for x in hits], h.end) if len(hits) < 64 else _bisect_start(hits, h.end)
    out = []
    while i > 0 and hits[i - 1].end > h.start:
        i -= 1
        out.append(hits[i])
    return out


def _bisect_start(hits: Sequence[Hit], pos: int) -> int:
    """First index whose hit starts at or after ``pos``."""
    lo, hi = 0, len(hits)
    while lo < hi:
        mid = (lo + hi) // 2
        if hits[mid].start < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


def find_claims(text: str, quotes: Sequence[Quote], terms: Sequence[LoadedTerm] | None = None) -> list[Claim]:
    """Contested-claim sentences in text order, each with attribution, counterclaim and why.

    ``terms`` are the article's loaded terms (``find_loaded_terms(text, quotes)``); None finds them
    here. An author-voice verdict term outside every reporting scope makes its sentence a claim."""
    if not isinstance(text, str) or not text.strip():
        return []
    text = text[:MAX_TEXT] if len(text) > MAX_TEXT else text
    body, attr = scan_body(text)
    if terms is None:
        from .loaded_terms import find_loaded_terms  # imported late: loaded terms do not need claims
        terms = find_loaded_terms(text, quotes)
    loaded = _loaded_hits(text, terms)
    l_starts = [h.start for h in loaded]
    counter_sents = [b for b in body if b.counter]
    claims: list[Claim] = []
    lazy: dict[str, object] = {}  # built on first need: most sentences are no claim at all

    def stems_of() -> dict[int, set[str]]:
        if "stems" not in lazy:
            lazy["stems"] = _content_stems(body)
        return lazy["stems"]

    counter_index = _CounterIndex(counter_sents)

    def near(s: Span) -> tuple[list[Quote], list[tuple[int, int]], list[Hit]]:
        """Quotes, quotations and reporting cues that can touch sentence ``s`` (bisect, not a scan)."""
        if "spans" not in lazy:
            long_quotes = [(q.start, q.end) for q in quoted_spans(text) if len(q.text.split()) >= QUOTE_MIN_WORDS]
            spans = sorted([(q.start, q.end, q) for q in quotes if isinstance(q, Quote)], key=lambda x: x[0])
            lazy["spans"] = (spans, [x[0] for x in spans], long_quotes, [a for a, _ in long_quotes],
                             [h.start for h in attr])
        spans, q_starts, long_quotes, lq_starts, a_starts = lazy["spans"]
        lo = bisect.bisect_left(q_starts, s.start - 20_000)
        qs = [q for a, b, q in spans[lo:bisect.bisect_left(q_starts, s.end)] if b > s.start]
        lo = bisect.bisect_left(lq_starts, s.start - 20_000)
        lqs = [x for x in long_quotes[lo:bisect.bisect_left(lq_starts, s.end)] if x[1] > s.start]
        hs = attr[bisect.bisect_left(a_starts, s.start):bisect.bisect_left(a_starts, s.end)]
        return qs, lqs, hs

    for idx, b in enumerate(body):
        s = b.span
        lh = _first_per_term(loaded[bisect.bisect_left(l_starts, s.start):bisect.bisect_left(l_starts, s.end)])
        if lh and b.hedge >= CLAIM_THRESHOLD:
            lh = []  # a threat or exhortation ("had better remember") asserts nothing, however worded
        if lh:  # only the verdict terms outside reporting scopes: a quoted speaker's words are theirs
            scopes = _attribution_scopes(s, text, *near(s))
            # a loaded term replaces a lighter cue on the same words ("puppet" as a weak cue)
            lh = [h for h in lh if not _in_scopes(h.start, scopes)
                  and not any(c.cue.weight >= h.cue.weight for c in _overlapping(b.contested, h))]
            if lh and _weight(b.contested) - b.hedge < CLAIM_THRESHOLD and _LABEL_REPORTED.search(s.text):
                lh = []  # a relayed label: the loaded term alone makes no claim here
            if lh and not _names_actor(s.text, lh):
                lh = []  # "the hysteria will pass": a mood, not an assertion about anyone
            if lh:
                covered = {id(c) for h in lh for c in _overlapping(b.contested, h)}
                rest = tuple(c for c in b.contested if id(c) not in covered)
                b = BodySentence(s, tuple(sorted(rest + tuple(lh), key=lambda h: h.start)), b.counter, b.hedge)
        weight = _weight(b.contested) - b.hedge
        if weight < CLAIM_THRESHOLD:
            found = _disputed_in_place(text, b)
            if found is None:
                continue
            disputed, hit = found
            scopes = _attribution_scopes(s, text, *near(s))
            attributed = _in_scopes(disputed - 1, scopes)
            voice = "attributed to a source" if attributed else "in the author's voice"
            why = (f"states a point the article itself marks as disputed {voice}; counterclaim in the same "
                   f"sentence ('{text[disputed:hit.end]}')")
            claims.append(Claim(s.text, s.start, s.end, attributed, True, why))
            continue
        scopes = _attribution_scopes(s, text, *near(s))
        free = [h for h in b.contested if not _in_scopes(h.start, scopes)]
        attributed = _weight(free) < UNATTRIBUTED_MIN
        shown = free if free else list(b.contested)
        phrases = sorted({(CONTESTED_KINDS.index(h.cue.kind), _phrase(h)) for h in shown})
        what = "; ".join(
            f"{p} ('{', '.join(_snippet(text, h) for h in shown if _phrase(h) == p)}')" for _, p in phrases
        )
        countered, how = _countered(text, body[idx], idx, body, counter_index, stems_of)
        voice = "attributed to a source" if attributed else "in the author's voice; no source"
        why = f"{what} {voice}; {how}"
        claims.append(Claim(s.text, s.start, s.end, attributed, countered, why))
    return claims


ATTRIBUTED_SHARE = 0.5  # share of a cue-less sentence inside reporting scopes that makes it attributed


@dataclass(frozen=True)
class SentenceStatus:
    """How the rules read one sentence that something else (the claim model) calls a claim."""

    attributed: bool
    countered: bool
    how: str  # the voice and counterclaim part of a ``Claim.why``


def assess_sentence(text: str, start: int, end: int, quotes: Sequence[Quote] = ()) -> SentenceStatus | None:
    """Attribution and counterclaim of the body sentence ``text[start:end]`` by the same scope and
    counterclaim logic as :func:`find_claims`; None when it is no body sentence (a title, a
    notice, a fragment), which the rules never make a claim either.

    With no cue to place, a sentence is attributed when at least :data:`ATTRIBUTED_SHARE` of
    its characters lie inside reporting scopes ("according to", ", X said.", "X said that ...",
    quotations). For many sentences of one article use :func:`assess_sentences`."""
    return assess_sentences(text, [(start, end)], quotes)[0]


def assess_sentences(text: str, spans: Sequence, quotes: Sequence[Quote] = ()) -> list[SentenceStatus | None]:
    """:func:`assess_sentence` for each span (``(start, end)`` pairs or objects with ``start`` and
    ``end``) of one article, building the article's quotes, stems and counter index once rather
    than once per sentence (400 flagged sentences of a long article took seconds)."""
    if not isinstance(text, str) or not text.strip():
        return [None for _ in spans]
    ctx = _ArticleContext(text[:MAX_TEXT] if len(text) > MAX_TEXT else text, quotes)
    return [ctx.assess(*((sp.start, sp.end) if hasattr(sp, "start") else sp)) for sp in spans]


class _ArticleContext:
    """What :func:`assess_sentences` needs of one article, built per call (never shared between
    calls or threads): body sentences and hits, long quotations, the counter index and stems."""

    def __init__(self, text: str, quotes: Sequence[Quote]) -> None:
        self.text = text
        self.body, self.attr = scan_body(text)
        self.starts = [b.span.start for b in self.body]
        self.quotes = [q for q in quotes if isinstance(q, Quote)]
        self.long_quotes = [(q.start, q.end) for q in quoted_spans(text) if len(q.text.split()) >= QUOTE_MIN_WORDS]
        self.counter_index = _CounterIndex([c for c in self.body if c.counter])
        self._stems: dict[int, set[str]] | None = None

    def stems_of(self) -> dict[int, set[str]]:
        if self._stems is None:
            self._stems = _content_stems(self.body)
        return self._stems

    def assess(self, start: int, end: int) -> SentenceStatus | None:
        text, body = self.text, self.body
        idx = bisect.bisect_left(self.starts, start)
        if idx >= len(body) or body[idx].span.start != start or body[idx].span.end != end:
            return None
        b = body[idx]
        s = b.span
        qs = [q for q in self.quotes if q.start < s.end and q.end > s.start]
        long_quotes = [(a, z) for a, z in self.long_quotes if a < s.end and z > s.start]
        hs = [h for h in self.attr if s.start <= h.start < s.end]
        scopes = sorted(_attribution_scopes(s, text, qs, long_quotes, hs))
        covered, reach = 0, s.start
        for a, z in scopes:
            a, z = max(a, reach), min(z, s.end)
            if z > a:
                covered += z - a
                reach = z
        attributed = covered >= ATTRIBUTED_SHARE * max(s.end - s.start, 1)
        countered, how = _countered(text, b, idx, body, self.counter_index, self.stems_of)
        voice = "attributed to a source" if attributed else "in the author's voice; no source"
        return SentenceStatus(attributed, countered, f"{voice}; {how}")


_CONCESSIVE_BEFORE = re.compile(r"(?:,\s*|\b)(although|though|even though|while|whereas|but|which|a claim|an account|a version)\s+(?:\S+\s+){0,5}$", re.I)


def _disputed_in_place(text: str, b: BodySentence) -> tuple[int, Hit] | None:
    """Start of a concessive counterclaim clause inside the sentence ("..., although Moscow
    insists ..."), which marks the main clause as a contested claim the article balances."""
    for h in b.counter:
        m = _CONCESSIVE_BEFORE.search(text, b.span.start, h.start)
        if m and m.start(1) > b.span.start + 20:
            return m.start(1), h
    return None


def _raw_stems(b: BodySentence) -> set[str]:
    """A sentence's stems outside its counter cues, topic words kept: what an alternative
    explanation shares with the claim it answers."""
    return _stems(b.span.text, [(h.start, h.end) for h in b.counter], b.span.start)


class _CounterIndex:
    """Per-article, built on first need: each counter sentence's alternative-explanation hit and
    stems, computed once, not once per (claim, counter sentence) pair (1,500 claims against 1,500
    counter sentences made that quadratic in stemming)."""

    def __init__(self, counter_sents: Sequence[BodySentence]) -> None:
        self._sents = counter_sents
        self._rows: list[tuple[BodySentence, Hit | None, set[str] | None]] | None = None

    def rows(self) -> list[tuple[BodySentence, Hit | None, set[str] | None]]:
        """(sentence, its first alternative-explanation hit or None, that sentence's raw stems or None)."""
        if self._rows is None:
            out = []
            for c in self._sents:
                alt = next((h for h in c.counter if is_alternative(h)), None)
                out.append((c, alt, _raw_stems(c) if alt is not None else None))
            self._rows = out
        return self._rows


def _countered(text: str, b: BodySentence, idx: int, body: Sequence[BodySentence], counter_index: _CounterIndex,
               stems_of: Callable[[], dict[int, set[str]]]) -> tuple[bool, str]:
    if b.counter:
        return True, f"counterclaim in the same sentence ('{_snippet(text, b.counter[0])}')"
    dismissal = any(_DISMISSAL.search(_snippet(text, h)) for h in b.contested)
    if dismissal:
        return False, "no counterclaim"
    nxt = body[idx + 1] if idx + 1 < len(body) else None
    if nxt is not None and nxt.counter and any(
            _ANAPHOR_AFTER.match(text, h.end, nxt.span.end) or _REBUTS_NEXT.search(_snippet(text, h))
            for h in nxt.counter):
        return True, f"the next sentence answers it ('{_snippet(text, nxt.counter[0])}')"
    rows = counter_index.rows()
    if not rows:
        return False, "no counterclaim"
    stems = stems_of()
    mine = stems[id(b)]
    raw_mine: set[str] | None = None
    for c, alt, raw in rows:
        if c is b:
            continue
        shared = mine & stems[id(c)]
        if len(shared) >= MIN_OVERLAP:
            return True, f"counterclaim at offset {c.counter[0].start} ('{_snippet(text, c.counter[0])}', shares: {', '.join(sorted(shared)[:4])})"
        if alt is not None:
            # an alternative explanation names the thing explained, which is usually the article's
            # topic ("the price rise also reflected ..."): topic words count for it
            if raw_mine is None:
                raw_mine = _raw_stems(b)
            shared = raw_mine & raw
            if len(shared) >= MIN_OVERLAP:
                return True, f"another explanation at offset {alt.start} ('{_snippet(text, alt)}', shares: {', '.join(sorted(shared)[:4])})"
    return False, "no counterclaim"



def claim_weight(sentence: str) -> float:
    """Summed contested-cue weight of one sentence, hedges subtracted (used by the score and by
    balance for every quote and claim; cached, as the same sentences come back)."""
    if not isinstance(sentence, str) or len(sentence) > _SHORT:
        return _claim_weight(sentence)
    return _claim_weight_cached(sentence)


def _claim_weight(sentence: str) -> float:
    w = _weight(_contested_hits(sentence))
    return max(0.0, w - sum(h.cue.weight for h in find_hits(sentence, "hedge")))


_claim_weight_cached = lru_cache(maxsize=4096)(_claim_weight)


def omitted_counterclaims_score(claims: Sequence[Claim], text: str) -> float:
    """Rule score in [0, 1): how much the article asserts contested claims without the other side.

    ``s = 1 - exp(-(sum over unattributed, uncountered claims of min(w, 2)
                    + 0.25 * number of attributed, uncountered claims) / 1.5)``
    where ``w`` is the claim's cue weight (at least :data:`CLAIM_THRESHOLD`), or for a claim a model found (``probability`` set) its
    probability, so a sentence the model is sure of counts like one clear cue. Countered claims add
    nothing; one strong bare claim gives about 0.5, two about 0.75. ``text`` is accepted for the
    contract (length-free on purpose: one bare accusation is as serious in a short item as in a
    long one).
    """
    total = 0.0
    for c in claims:
        if c.countered:
            continue
        if c.attributed:
            total += 0.25
        else:
            # a rule claim reached CLAIM_THRESHOLD, if only through loaded terms the sentence alone cannot show
            w = c.probability if c.probability is not None else max(claim_weight(c.sentence), CLAIM_THRESHOLD)
            total += min(w, 2.0)
    return 1.0 - math.exp(-total / 1.5)


def counterclaim_evidence(claim: str, text: str) -> str | None:
    """The counterclaim cue of the first sentence of ``text`` that disputes ``claim`` (a sentence
    or headline from elsewhere): a counterclaim cue plus at least MIN_OVERLAP shared content stems.
    Used to check the matching rule against stance data (FNC-1 headline/body pairs)."""
    if not isinstance(text, str) or not text.strip() or not claim:
        return None
    mine = _stems(claim)
    body, _ = scan_body(text[:MAX_TEXT])
    for b in body:
        if b.counter and len(mine & _stems(b.span.text, [(h.start, h.end) for h in b.counter], b.span.start)) >= MIN_OVERLAP:
            return text[b.counter[0].start:b.counter[0].end]
    return None
