"""Contested claims: which sentences assert blame, motive, causation, sovereignty or a grievance,
whether each is attributed to a source, and whether the article gives the other side.

Why rules and not a model: the cues are linguistic (intent adverbs, causal constructions,
factives, reporting verbs, denials), they generalise across outlets and topics, and every
decision can be shown to a reader as the words that triggered it. The cue lists live in
``data/claim_cues.csv`` (columns ``term,kind,weight,source``; ``term`` is a case-insensitive
regular expression matched on word boundaries).

A sentence is a *contested claim* when the summed weight of its contested-claim cues (minus
hedges) reaches :data:`CLAIM_THRESHOLD`. Each cue is *attributed* when it lies inside the
scope of a reporting construction: a Quote's content, a long quotation, "according to"
anywhere in the sentence, a sentence-final ", X said", or the complement after "X said/
accused/told...". A claim is unattributed when its out-of-scope cue weight reaches
:data:`UNATTRIBUTED_MIN`. It is *countered* when the same sentence carries a counterclaim cue
outside the claim's own cues ("..., although Moscow insists ...") or another sentence
carries one and shares key content words with it (or refers back to it: "Moscow denies this").
"""
from __future__ import annotations

import bisect
import csv
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from ..schema import Claim, Quote
from ..text import Span, paragraphs, quoted_spans, sentences

CLAIM_THRESHOLD = 1.0  # summed contested-cue weight (after hedges) that makes a claim
UNATTRIBUTED_MIN = 0.6  # out-of-scope cue weight that leaves a claim unattributed
MIN_OVERLAP = 2  # shared content stems for a counterclaim in another sentence
QUOTE_MIN_WORDS = 4  # shorter quoted stretches are scare quotes or titles, not speech
MAX_TEXT = 300_000  # longer inputs (no news article is; ~10x a long feature) are analysed on their first MAX_TEXT characters

CONTESTED_KINDS = ("causal", "motive", "blame", "sovereignty", "grievance", "factive", "evaluative")
KINDS = CONTESTED_KINDS + ("attribution", "counter", "balance_seek", "hedge", "anonymous")

_KIND_PHRASE = {
    "causal": "asserts causation",
    "motive": "asserts motive or intent",
    "blame": "assigns blame",
    "sovereignty": "asserts sovereignty or territory",
    "grievance": "states a historical grievance",
    "factive": "states it as beyond doubt",
    "evaluative": "uses a distancing label",
}
# Cues that dismiss someone else's claim: such a sentence is itself one side of a dispute,
# so another sentence dismissing "the accusations" is the same side, not its counterclaim.
_DISMISSAL = re.compile(r"no basis|any basis|evidence|proof|allegations|accusations|claims", re.I)


@dataclass(frozen=True)
class Cue:
    term: str
    kind: str
    weight: float
    source: str


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    cue: Cue


@lru_cache(maxsize=1)
def load_cues() -> tuple[Cue, ...]:
    """The curated cue table (``data/claim_cues.csv``), validated."""
    path = files("labeler.data").joinpath("claim_cues.csv")
    out = []
    with path.open(encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.DictReader(f), start=2):
            kind = row["kind"].strip()
            if kind not in KINDS:
                raise ValueError(f"claim_cues.csv line {i}: kind {kind!r} unknown; kinds are {', '.join(KINDS)}")
            re.compile(row["term"])  # fail at load, naming nothing silently
            out.append(Cue(row["term"], kind, float(row["weight"]), row["source"]))
    return tuple(out)


_SPACE = r"[ \t\u00a0]+"


@lru_cache(maxsize=None)
def _kind_regex(kind: str) -> tuple[re.Pattern[str], tuple[Cue, ...]]:
    """One alternation per kind (strongest, then longest, first) so the text is scanned once per kind."""
    cues = sorted((c for c in load_cues() if c.kind == kind), key=lambda c: (-c.weight, -len(c.term)))
    parts = ["(?P<g%d>%s)" % (i, c.term.replace(" ", _SPACE)) for i, c in enumerate(cues)]
    pattern = r"(?<![\w\-])(?:" + "|".join(parts) + r")(?![\w\-])" if parts else r"(?!x)x"
    return re.compile(pattern, re.I), tuple(cues)


def find_hits(text: str, kind: str) -> list[Hit]:
    """All non-overlapping cue matches of one kind, in text order."""
    rx, cues = _kind_regex(kind)
    out = []
    for m in rx.finditer(text):
        idx = int(m.lastgroup[1:]) if m.lastgroup else 0
        out.append(Hit(m.start(), m.end(), cues[idx]))
    return out


def _contested_hits(text: str) -> list[Hit]:
    hits = [h for k in CONTESTED_KINDS for h in find_hits(text, k)]
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
    r"categori[sz]ed as|tags?|share|advertisement|\u00a9|\(c\)|copyright|\(reporting by|editing by)\b",
    re.I,
)
_CAPTION_END = re.compile(r"\((?:photo|image|file photo|picture|pictured|credit|video)\b[^)]*\)\s*$", re.I)
_TERMINAL = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s*$")


def _is_body_sentence(s: Span, para: Span, first_para: bool) -> bool:
    """Headlines, notices, cross-links and captions are not claims the article argues."""
    if _NOTICE_START.match(para.text) or _CAPTION_END.search(para.text):
        return False
    if len(s.text.split()) < 3:
        return False
    if not _TERMINAL.search(para.text) and (first_para or len(para.text.split()) <= 15):
        return False  # a title or caption line: no closing punctuation
    return True


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


def _stems(text: str, exclude: Sequence[tuple[int, int]] = (), offset: int = 0) -> set[str]:
    out = set()
    for m in _WORD.finditer(text):
        if any(a <= m.start() + offset < b for a, b in exclude):
            continue
        w = m.group().lower()
        if w not in _STOP:
            out.add(w[:5])
    return out


def _content_stems(body: Sequence[_Sent]) -> dict[int, set[str]]:
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
class _Sent:
    span: Span
    contested: tuple[Hit, ...]
    counter: tuple[Hit, ...]
    hedge: float


@lru_cache(maxsize=16)
def _scan(text: str) -> tuple[tuple[_Sent, ...], tuple[Hit, ...]]:
    """Sentences of the body with their contested and counter cues, plus all attribution hits
    (cached: claims and balance both read it for the same article)."""
    paras = paragraphs(text)
    sents = sentences(text)
    starts = [p.start for p in paras]
    contested = _contested_hits(text)
    counter = find_hits(text, "counter")
    hedges = find_hits(text, "hedge")
    attr = find_hits(text, "attribution")
    out: list[_Sent] = []
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
            if not any(c.start < counter[j].end and counter[j].start < c.end for c in cs):
                ks.append(counter[j])
            j += 1
        hw, j = 0.0, hi
        while j < len(hedges) and hedges[j].start < s.end:
            hw += hedges[j].cue.weight
            j += 1
        if not _is_body_sentence(s, para, pi == 0 and len(paras) > 1):
            continue
        out.append(_Sent(s, tuple(cs), tuple(ks), hw))
    return tuple(out), tuple(attr)


def _snippet(text: str, h: Hit) -> str:
    return text[h.start:h.end]


def _weight(hits: Sequence[Hit]) -> float:
    """Summed weight of the distinct cues (a repeated cue counts once)."""
    return sum({h.cue.term: h.cue.weight for h in hits}.values())


def find_claims(text: str, quotes: Sequence[Quote]) -> list[Claim]:
    """Contested-claim sentences in text order, each with attribution, counterclaim and why."""
    if not isinstance(text, str) or not text.strip():
        return []
    text = text[:MAX_TEXT] if len(text) > MAX_TEXT else text
    body, attr = _scan(text)
    long_quotes = [(q.start, q.end) for q in quoted_spans(text) if len(q.text.split()) >= QUOTE_MIN_WORDS]
    stems_of = _content_stems(body)
    counter_sents = [b for b in body if b.counter]
    claims: list[Claim] = []
    spans = sorted([(q.start, q.end, q) for q in quotes if isinstance(q, Quote)], key=lambda x: x[0])
    q_starts = [x[0] for x in spans]
    lq_starts = [a for a, _ in long_quotes]
    a_starts = [h.start for h in attr]

    def near(s: Span) -> tuple[list[Quote], list[tuple[int, int]], list[Hit]]:
        """Quotes, quotations and reporting cues that can touch sentence ``s`` (bisect, not a scan)."""
        lo = bisect.bisect_left(q_starts, s.start - 20_000)
        qs = [q for a, b, q in spans[lo:bisect.bisect_left(q_starts, s.end)] if b > s.start]
        lo = bisect.bisect_left(lq_starts, s.start - 20_000)
        lqs = [x for x in long_quotes[lo:bisect.bisect_left(lq_starts, s.end)] if x[1] > s.start]
        hs = attr[bisect.bisect_left(a_starts, s.start):bisect.bisect_left(a_starts, s.end)]
        return qs, lqs, hs

    for idx, b in enumerate(body):
        weight = _weight(b.contested) - b.hedge
        s = b.span
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
        kinds = sorted({h.cue.kind for h in shown}, key=CONTESTED_KINDS.index)
        what = "; ".join(
            f"{_KIND_PHRASE[k]} ('{', '.join(_snippet(text, h) for h in shown if h.cue.kind == k)}')" for k in kinds
        )
        countered, how = _countered(text, b, idx, body, counter_sents, stems_of)
        voice = "attributed to a source" if attributed else "in the author's voice; no source"
        why = f"{what} {voice}; {how}"
        claims.append(Claim(s.text, s.start, s.end, attributed, countered, why))
    return claims


_CONCESSIVE_BEFORE = re.compile(r"(?:,\s*|\b)(although|though|even though|while|whereas|but|which|a claim|an account|a version)\s+(?:\S+\s+){0,5}$", re.I)


def _disputed_in_place(text: str, b: _Sent) -> tuple[int, Hit] | None:
    """Start of a concessive counterclaim clause inside the sentence ("..., although Moscow
    insists ..."), which marks the main clause as a contested claim the article balances."""
    for h in b.counter:
        m = _CONCESSIVE_BEFORE.search(text, b.span.start, h.start)
        if m and m.start(1) > b.span.start + 20:
            return m.start(1), h
    return None


def _countered(text: str, b: _Sent, idx: int, body: Sequence[_Sent], counter_sents: Sequence[_Sent],
               stems_of: dict[int, set[str]]) -> tuple[bool, str]:
    if b.counter:
        return True, f"counterclaim in the same sentence ('{_snippet(text, b.counter[0])}')"
    dismissal = any(_DISMISSAL.search(_snippet(text, h)) for h in b.contested)
    if dismissal:
        return False, "no counterclaim"
    mine = stems_of[id(b)]
    nxt = body[idx + 1] if idx + 1 < len(body) else None
    if nxt is not None and nxt.counter and any(
            _ANAPHOR_AFTER.match(text, h.end, nxt.span.end)
            for h in nxt.counter):
        return True, f"the next sentence answers it ('{_snippet(text, nxt.counter[0])}')"
    for c in counter_sents:
        if c is b:
            continue
        shared = mine & stems_of[id(c)]
        if len(shared) >= MIN_OVERLAP:
            return True, f"counterclaim at offset {c.counter[0].start} ('{_snippet(text, c.counter[0])}', shares: {', '.join(sorted(shared)[:4])})"
    return False, "no counterclaim"


def claim_weight(sentence: str) -> float:
    """Summed contested-cue weight of one sentence, hedges subtracted (used by the score)."""
    w = _weight(_contested_hits(sentence))
    return max(0.0, w - sum(h.cue.weight for h in find_hits(sentence, "hedge")))


def omitted_counterclaims_score(claims: Sequence[Claim], text: str) -> float:
    """Rule score in [0, 1): how much the article asserts contested claims without the other side.

    ``s = 1 - exp(-(sum over unattributed, uncountered claims of min(w, 2)
                    + 0.25 * number of attributed, uncountered claims) / 1.5)``
    where ``w`` is the claim's cue weight. Countered claims add nothing; one strong bare claim
    gives about 0.5, two about 0.75. ``text`` is accepted for the contract (length-free on purpose:
    one bare accusation is as serious in a short item as in a long one).
    """
    total = 0.0
    for c in claims:
        if c.countered:
            continue
        total += min(claim_weight(c.sentence), 2.0) if not c.attributed else 0.25
    return 1.0 - math.exp(-total / 1.5)


def counterclaim_evidence(claim: str, text: str) -> str | None:
    """The counterclaim cue of the first sentence of ``text`` that disputes ``claim`` (a sentence
    or headline from elsewhere): a counterclaim cue plus at least MIN_OVERLAP shared content stems.
    Used to check the matching rule against stance data (FNC-1 headline/body pairs)."""
    if not isinstance(text, str) or not text.strip() or not claim:
        return None
    mine = _stems(claim)
    body, _ = _scan(text[:MAX_TEXT])
    for b in body:
        if b.counter and len(mine & _stems(b.span.text, [(h.start, h.end) for h in b.counter], b.span.start)) >= MIN_OVERLAP:
            return text[b.counter[0].start:b.counter[0].end]
    return None
