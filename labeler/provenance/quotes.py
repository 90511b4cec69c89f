"""Quote attribution: who is quoted, directly or in reported speech, by which cue, via whom.

Rules over sentence structure, not a parser: a cue verb from ``data/speech_verbs.csv``
with its subject right before it ("Rubio said", "US Secretary of State Marco Rubio has
said") or after it ("said Rubio", "according to Rubio"). The subject must head a main
clause: "after Boris Johnson urged it to continue" is narrative, not a report to the
reader. Quotation marks are opaque while cues are searched; each quoted stretch then takes
the speaker of the attribution next to it, of its sentence, or of the quotation it
continues. Quoted words with no speaker anywhere near are scare quotes and are skipped.

Pronouns resolve by position only: "he"/"she" take the nearest earlier person (or the person
opening the sentence before); there is no gender check, so "Ana Roe met Ivan Petrov. She said"
may resolve to Ivan Petrov.
"""
from __future__ import annotations

import bisect
import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

import ahocorasick

from ..schema import Quote
from ..text import DOUBLE_QUOTES, QuotedSpan, Span, paragraphs, quoted_spans, sentences
from .speakers import (
    AUX,
    DOC_HEADS,
    CAP_STOP,
    CONNECTORS,
    organisation_name,
    ORG_HEADS,
    PERSON_HEADS,
    TITLE_WORDS,
    NameIndex,
    Phrase,
    Speaker,
    common_kind,
    dateline_place_before,
    mention_kind,
    normalise,
    phrase_after,
    phrase_before,
    tokens,
    tz_places,
)

CUE_KINDS = ("say", "tell", "describe", "directive", "finding", "participle", "according", "passive")
MIN_INDIRECT_WORDS = 2  # reported content shorter than this (outside quotation marks) is not emitted
MIN_CONTINUATION_WORDS = 4  # an unattributed quotation must be this long to continue a speaker's words
_WINDOW = 160  # characters scanned before a cue for its subject
_MAX_CUES = 40  # cues examined per sentence


@dataclass(frozen=True)
class Lexicon:
    cues: "ahocorasick.Automaton"  # every cue term, case-sensitive, value (term, kind)
    kind: dict[str, str]
    via_re: re.Pattern
    media_words: frozenset[str]
    speech_nouns: frozenset[str] = frozenset()  # "the claim was made by X": nouns naming an utterance


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Cue verbs, intermediary phrases and media words from ``data/speech_verbs.csv``."""
    rows = files("labeler.data").joinpath("speech_verbs.csv").read_text(encoding="utf-8").splitlines()
    kind: dict[str, str] = {}
    via: list[str] = []
    descriptors: list[str] = []
    media: set[str] = set()
    nouns: set[str] = set()
    for r in csv.DictReader(rows):
        term, k = r["term"].strip(), r["kind"].strip()
        if k in CUE_KINDS:
            kind.setdefault(term.lower(), k)
        elif k == "via":
            via.append(term)
        elif k == "media_descriptor":
            descriptors.append(term)
        elif k == "media_word":
            media.add(term.lower())
        elif k == "speech_noun":
            nouns.add(term.lower())

    def alt(terms: list[str]) -> str:
        return "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(terms, key=len, reverse=True))

    # case-sensitive: "States" in "United States" is not a cue; a capital only where a sentence opens with it
    terms = list(kind) + [t[:1].upper() + t[1:] for t, k in kind.items() if k == "according"]
    automaton = ahocorasick.Automaton()
    for t in terms:
        automaton.add_word(t, (t, kind[t.lower()]))
    automaton.make_automaton()
    up = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f\u0400-\u042f"
    num = r"(?:[ \t]+\d{1,3}\b(?![.,]\d))?"  # "France 24", "Channel 4"
    name = rf"[{up}][\w'\u2019&.\-]*{num}(?:[ \t]+(?:of[ \t]+|the[ \t]+|de[ \t]+)?[{up}][\w'\u2019&.\-]*{num}){{0,4}}"
    desc = rf"(?:(?:{alt(descriptors)}|state|news|state-run|state-owned|official|local|national|[A-Z]\w+'s|[a-z]+-language)\s+)"
    via_re = re.compile(rf"\b(?:{alt(via)})\s+(?:the\s+|an?\s+)?{desc}{{0,3}}(?P<name>{name})")
    return Lexicon(automaton, kind, via_re, frozenset(media), frozenset(nouns))


@dataclass
class _Attr:
    """A cue with its speaker phrase in one sentence; content is None for a bare "X said"."""

    cue_start: int
    cue_end: int
    cue: str
    kind: str
    speakers: list[Speaker]
    frame_start: int  # earliest of speaker/cue
    frame_end: int  # end of speaker/cue/addressee/intermediary
    content: tuple[int, int] | None
    via: str | None
    sent: int
    names: list[tuple[str, bool, str]] = field(default_factory=list)  # resolved (name, is_person, kind) per speaker
    boundary: str = ""  # the word before the speaker phrase ("while" in "..., while Moscow said")
    final: bool = False  # content before the cue ("..., X said."; "..., according to X.")


def find_quotes(text: str) -> list[Quote]:
    """Every attribution in ``text``: direct quotations and reported speech, in text order."""
    if not isinstance(text, str) or not text.strip():
        return []
    lex = lexicon()
    sents = sentences(text)
    spans = quoted_spans(text)
    paras = paragraphs(text)
    opaque = _opaque(text, spans, paras)
    cues_by_sent = _cues_by_sentence(text, sents, opaque, lex)
    attrs_by_sent: list[list[_Attr]] = []
    for i, s in enumerate(sents):
        found = cues_by_sent.get(i)
        # a sentence with more cues than any real one is junk: cap it so pairwise checks stay cheap
        attrs_by_sent.append(_sentence_attrs(text, s, i, found[:_MAX_CUES], lex) if found else [])
    head_end = _headline_end(text, paras)
    if head_end:  # "Rubio explains purpose of talks": a headline reports no speech of its own
        attrs_by_sent = [[a for a in g if a.cue_start >= head_end] for g in attrs_by_sent]
    attrs_by_sent = [[a for a in g if not _modifier_only(a)] for g in attrs_by_sent]
    all_attrs = [a for group in attrs_by_sent for a in group]
    index = _LazyIndex(text)
    _resolve(all_attrs, index, sents)

    out: list[Quote] = []
    used_cues: set[int] = set()
    out.extend(_direct(text, sents, spans, paras, attrs_by_sent, used_cues))
    for a in all_attrs:
        if a.content is None:
            continue
        s, e = a.content
        if _words_outside(text, s, e, opaque) < MIN_INDIRECT_WORDS:
            continue
        for sp, (name, _, kind) in zip(a.speakers, a.names):
            out.append(Quote(name, "indirect", a.cue, text[s:e], a.via, s, e, sp.start, sp.end, kind))
    out.sort(key=lambda q: (q.start, q.end, q.kind))
    return out


def _headline_end(text: str, paras: list[Span]) -> int:
    """End of a headline-like first line (short, no final stop, a blank line after, no
    quotation marks), else 0."""
    if len(paras) < 2:
        return 0
    p = paras[0]
    line = p.text.strip()
    if "\n" in line or not line or line[-1] in ".!?:" + DOUBLE_QUOTES or len(line.split()) > 20 \
            or any(c in line for c in DOUBLE_QUOTES + "\u2018") or re.search(r"(?:^|\s)'", line):
        return 0
    if not re.match(r"[ \t]*\r?\n[ \t]*\r?\n", text[p.end:p.end + 8]) and "\n\n" not in text[p.end:paras[1].start]:
        return 0
    return p.end


# Sentence frames ----------------------------------------------------------------------------------

def _opaque(text: str, spans: list[QuotedSpan], paras: list[Span]) -> list[tuple[int, int]]:
    """Quoted regions hidden from the cue search. A lone mark that does not open a
    quotation (no colon, comma or paragraph start before it) stays transparent, so one
    stray mark cannot hide the rest of a paragraph."""
    out = []
    for q in spans:
        if q.balanced:
            out.append((q.start - 1, q.end + 1))
            continue
        before = text[max(0, q.start - 3):q.start - 1].strip()
        if before == "" or before.endswith((":", ",")):
            out.append((q.start - 1, q.end))
    return out


def _inside(regions: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(regions, (pos, 1 << 62)) - 1
    return i >= 0 and regions[i][0] <= pos < regions[i][1]


def _words_outside(text: str, s: int, e: int, regions: list[tuple[int, int]]) -> int:
    i = bisect.bisect_left(regions, (s, -1))
    overlaps = (i < len(regions) and regions[i][0] < e) or (i > 0 and regions[i - 1][1] > s)
    if not overlaps:
        return len(text[s:e].split())
    n = 0
    for m in re.finditer(r"[^\W\d_][\w'\u2019\-]*", text[s:e]):
        if not _inside(regions, s + m.start()):
            n += 1
    return n


_ADVERBIAL = re.compile(
    r"(?:in|on|at|during|late|early|last|this|earlier|later|to|from|via|through|while|after|before|when|"
    r"yesterday|today|tonight|overnight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)
_THAT_SOON = re.compile(r"[^,;:\u201c\u201d\"\u00ab\u00bb.!?]{0,120}?\bthat\b")
_TRAIL = " \t\n.,;:!?-\u2013\u2014"


def _strip(text: str, s: int, e: int) -> tuple[int, int] | None:
    while s < e and text[s] in " \t\n,:;\u2013\u2014-":
        s += 1
    while e > s and text[e - 1] in _TRAIL:
        e -= 1
    return (s, e) if e > s else None


def _forward(text: str, pos: int, end: int) -> tuple[tuple[int, int] | None, bool]:
    """Reported content after a cue, and whether it opened with an adverbial (said on Thursday ...)."""
    sp = _strip(text, pos, end)
    if sp is None:
        return None, False
    s, e = sp
    if text[s:s + 5].lower() == "that ":
        return _strip(text, s + 5, e), False
    adverbial = bool(_ADVERBIAL.match(text, s))
    m = _THAT_SOON.match(text, s, e)
    if adverbial and m:
        return _strip(text, m.end(), e), False
    if adverbial and (text[e:end].lstrip().startswith(":") or len(text[s:e].split()) < 6):
        return None, True  # "said in a statement:" — the words follow in quotation marks
    if text[s:s + 3].lower() == "as ":  # described X as Y / described as Y
        s += 3
    return _strip(text, s, e), adverbial


_WORDCH = re.compile(r"[\w'\u2019\-]")


def _cues_by_sentence(text: str, sents: list[Span], opaque: list[tuple[int, int]],
                      lex: Lexicon) -> dict[int, list[tuple[int, int, str, str]]]:
    """Whole-word cue matches outside quotation marks, longest at each place, by sentence."""
    hits: list[tuple[int, int, str, str]] = []
    for end_idx, (term, kind) in lex.cues.iter(text):
        e = end_idx + 1
        s = e - len(term)
        if (s > 0 and _WORDCH.match(text, s - 1)) or (e < len(text) and _WORDCH.match(text, e)):
            continue
        hits.append((s, e, term, kind))
    hits.sort(key=lambda h: (h[0], -h[1]))
    starts = [x.start for x in sents]
    out: dict[int, list[tuple[int, int, str, str]]] = {}
    last_end = -1
    for h in hits:
        if h[0] < last_end or _inside(opaque, h[0]):
            continue  # inside a longer cue ("called" in "called on") or a quotation
        last_end = h[1]
        i = bisect.bisect_right(starts, h[0]) - 1
        if i >= 0 and h[1] <= sents[i].end:
            out.setdefault(i, []).append(h)
    return out


def _sentence_attrs(text: str, sent: Span, si: int, found: list[tuple[int, int, str, str]],
                    lex: Lexicon) -> list[_Attr]:
    out: list[_Attr] = []
    for cs, ce, cue, kind in found:
        if kind == "participle" and any(a.content and a.content[0] <= cs < a.content[1] for a in out):
            continue  # "He underscored that ..., asserting that ...": one report
        a = _attr_at(text, sent, si, cs, ce, cue, kind, out, lex)
        if a is not None:
            out.append(a)
    # univocal: a report nested in another one's content is part of that content
    # ("The company said it would appeal, Lopez told the Herald": Lopez speaks)
    for a in out:  # "X said A, while Y said B": two reports, the first ends before "while"
        if a.boundary in _COORD:
            for b in out:
                if b is not a and b.content and b.content[0] < a.frame_start < b.content[1]:
                    cut = _strip(text, b.content[0], text.rfind(a.boundary, b.content[0], a.frame_start))
                    if cut:
                        b.content = cut
    for a in out:  # "X accused Y of A, which Y denies": two reports of one claim, each kept
        if not _rel_report(a, lex):
            continue
        for b in out:
            if b is not a and b.content and b.content[0] < a.frame_start < b.content[1]:
                cut = _strip(text, b.content[0], max(b.content[0], text.rfind(",", b.content[0], a.frame_start)))
                if cut:
                    b.content = a.content = cut
                    a.final = True
                    if len(a.speakers) == 1 and a.speakers[0].name.lower() in ("it", "they") \
                            and b.cue.lower().startswith(_ACCUSE):
                        obj = phrase_after(tokens(text, b.cue_end, min(b.content[1], b.cue_end + 80)))
                        if obj is not None:  # the accused denies: "which it denies" -> Kyiv
                            a.speakers = normalise(text, obj) or a.speakers
    for a in out:  # "X described it as A, while Y quoted Z as saying B": Z speaks on its own
        if a.cue.lower().startswith("as "):
            for b in out:
                if b is not a and b.content and b.content[0] < a.frame_start < b.content[1]:
                    m = None
                    for m in _CLAUSE_CUT.finditer(text, b.content[0], a.frame_start):
                        pass
                    cut = _strip(text, b.content[0], m.start()) if m else None
                    if cut:
                        b.content = cut
    # "North Korea denounced X, calling it Y, the official KCNA reported": the outlet carries, North Korea speaks
    # "According to a Reuters report, the military accused X": likewise, the military speaks via Reuters
    for a in list(out):
        if (a.final or a.kind == "according") and len(a.speakers) == 1 and a.content \
                and _is_outlet(a.speakers[0].name, lex):
            inner = [b for b in out if b is not a and not b.final and a.content[0] <= b.cue_start < a.content[1]]
            if inner:
                out.remove(a)
                for b in inner:
                    b.via = b.via or _registered_outlet(a.speakers[0].name) or a.speakers[0].name
                    if b.content and b.content[1] > a.frame_start:
                        b.content = _strip(text, b.content[0], min(b.content[1], a.content[1]))
    keep = []
    for a in out:
        outer = [b for b in out if b is not a and b.content and b.content[0] <= a.cue_start < b.content[1]
                 and not a.cue.lower().startswith("as ")]
        outer = [b for b in outer if not _rel_report(b, lex)]
        # "Pence said A but added, “B,” Pence said.": a report opening the sentence is its main
        # clause, not words inside the closing attribution's content
        outer = [b for b in outer if not (b.final and not a.final and a.frame_start <= b.content[0])]
        if outer and not (a.final and any(not b.final for b in outer) and all(
                a.content and a.content[0] <= b.cue_start < a.content[1] for b in outer if not b.final)):
            continue
        keep.append(a)
    return keep


_APPOSED_NAME = re.compile(
    r",[ \t]+((?:(?:Dr|Mr|Mrs|Ms|Prof)\.?[ \t]+)?[A-Z\u00c0-\u00de][\w'\u2019\-]+"
    r"(?:[ \t]+(?:(?:de|da|dos|del|van|von|bin|al|la|le|ten|ter)[ \t]+)?[A-Z\u00c0-\u00de][\w'\u2019\-]+){1,3})"
    r"[ \t]*(?=[.,;!?]|$)")


def _apposed_name(text: str, ph: Phrase, end: int) -> Phrase | None:
    """The name after a role in inverted order ("said its president, Ana Roe"; "said the
    ministry's head of border affairs, Mikko Roe"), as a phrase of its own."""
    m = _APPOSED_NAME.match(text, ph.end, end)
    if m is None:
        return None
    toks = tokens(text, m.start(1), m.end(1))
    if not toks or any(t.low in CAP_STOP for t in toks):
        return None
    return Phrase(toks[0].start, toks[-1].end, tuple(toks), "")


def _rel_report(a: _Attr, lex: Lexicon) -> bool:
    """A report on another one's claim in a relative or appositive clause ("..., which it
    denies", "..., a charge Kyiv rejects"): both reports stand."""
    return a.boundary == "which" or a.boundary in lex.speech_nouns


def _attr_at(text: str, sent: Span, si: int, cs: int, ce: int, cue: str, kind: str,
             earlier: list[_Attr], lex: Lexicon) -> _Attr | None:
    if cue.lower() == "as saying":
        carried = _QUOTED_BY.search(text, max(sent.start, cs - 160), cs)
        if carried is not None:  # "X was quoted by the agency as saying": X speaks, the agency carried it
            return _quoted_by(text, sent, si, cs, ce, cue, kind, carried, lex)
    if cue.lower() in ("writes", "wrote", "write") and _WRITES_ABOUT.match(text, ce, sent.end):
        return None  # "Jane Roe writes about African politics": an author's bio line, no report
    if cue.lower() == "add" and _MODAL_BEFORE.search(text, max(sent.start, cs - 30), cs) \
            and not _THAT_AFTER.match(text, ce) and not re.match(r"\s*:", text[ce:ce + 3]):
        return None  # "the group will add two channels", "plans to add 40 beds": adding things, no report
    if kind == "passive" and not _BY.match(text, ce):
        return None  # "made", "raised": a cue only in a passive with an agent; most hits are not
    head_toks = tokens(text, max(sent.start, cs - _WINDOW), cs)
    if kind == "according":
        src = _DATA_FROM.match(text, ce)
        ph = None
        if src:  # "according to figures released by the Ministry of Transport": the ministry
            ph = phrase_after(tokens(text, src.end(), min(sent.end, src.end() + 120)))
        if ph is None:
            ph = phrase_after(tokens(text, ce, min(sent.end, ce + 120)))
        if ph is None:
            return None
        speakers = normalise(text, ph)
        frame_end = ph.end
        before = text[sent.start:cs].strip(" \t\"'\u201c\u201d\u00ab")
        if before == "":
            # According to X(, who ...), CONTENT
            rest = text[ph.end:sent.end]
            comma = rest.find(",")
            if comma < 0:
                return None
            after = ph.end + comma + 1
            nxt = text.find(",", after, sent.end)
            if re.match(r"\s*(?:who|which|a|an|the)\b", text[after:after + 8]) and nxt > 0 \
                    and len(text[after:nxt].split()) <= 8 and not any(
                        w.lower() in lex.kind for w in text[after:nxt].split()):  # not "the army accused X, ..."
                after = nxt + 1
            content = _strip(text, after, sent.end)
        else:
            content = _strip(text, sent.start, cs)
        a = _make(text, si, cs, ce, cue, kind, speakers, min(cs, ph.start), frame_end, content, sent, lex)
        a.final = before != ""
        return a

    if kind == "participle":
        if not head_toks or head_toks[-1].text != ",":
            return None
        # "In a statement, the ministry repeated X, stressing Y": the subject after the opening adverbial
        speakers = earlier[-1].speakers if earlier else _subject(text, sent)
        if not speakers or (speakers[0].kind != "pronoun" and speakers[0].name.split()[0].lower() in CAP_STOP
                            and speakers[0].name.split()[0].lower() not in ("the", "a", "an")):
            speakers = _subject(text, sent, strict=True)
        if not speakers:
            return None
        content, _ = _forward(text, ce, sent.end)
        return _make(text, si, cs, ce, cue, kind, speakers, cs, ce, content, sent, lex)

    if head_toks and head_toks[-1].low in _NOUN_BEFORE:
        return None  # "for fear of", "the claims", "his promise": a noun, not a cue verb
    if _naming(text, head_toks, cue, ce, sent) or _authorship(text, cue, ce, sent):
        return None
    last = _last_before_aux(head_toks)
    aux = last.start if last is not None and last.low in _BE else None
    if aux is not None and not cue.lower().startswith(("quoted", "cited")):
        return _passive(text, sent, si, cs, ce, cue, kind, aux, lex)
    if kind == "passive":
        return None  # "made", "issued": a cue only in "the claim was made by X"
    if last is not None and last.text in ("and", "but"):
        # "Giles attempted to re-engage the campaign and said ...": the clause's subject speaks
        speakers = earlier[-1].speakers if earlier else _subject(text, sent, strict=True)
        if not speakers or (kind in ("directive", "finding") and not _THAT_AFTER.match(text, ce)):
            return None
        if cue.lower() in _COURT_CUES and not any(_court_name(sp.title + " " + sp.name) for sp in speakers):
            return None
        content, _ = _forward(text, ce, sent.end)
        return _make(text, si, cs, ce, cue, kind, speakers, cs, ce, content, sent, lex)
    # a cue immediately followed by another cue is a noun ("media reports said")
    if True:  # "the report said", "his claims were": a noun followed by its verb
        w = _NEXT_WORD.match(text, ce)
        if w and w.group(1).lower() in _VERB_AFTER_NOUN:
            return None
    inverted = False
    # plain say/tell verbs report speech even in a time clause when content follows;
    # other verbs there ("after Johnson urged it to ...") are narrative
    allow_sub = (kind == "say" and bool(_THAT_AFTER.match(text, ce))) or cue.lower() in _PLAIN_SAY and bool(re.match(r"[\s,:]*(?:that\b|[" + DOUBLE_QUOTES + r"]|\w+\s+\w+\s+\w+)",
                                                              text[ce:min(sent.end, ce + 60)]))
    as_clause = bool(head_toks) and kind in ("say", "describe") and bool(_AS_END.match(text, ce, sent.end))
    ph = phrase_before(head_toks, allow_what=True, allow_sub=allow_sub or as_clause, open_head=cue.lower() in _OPEN_HEAD)
    if ph is not None and as_clause and ph.boundary == "as":
        # "As The Times reported, X" / "X, as the ministry noted.": the other clause is the report
        comma = _AS_END.match(text, ce, sent.end).end()
        lo = max(sent.start, ph.start - 40)
        before = max(text.rfind("as", lo, ph.start), text.rfind("As", lo, ph.start), sent.start)
        lead = text[max(sent.start, before - 12):before].strip(" ,\u2014-\"'\u201c\u201d")
        if before - sent.start <= 12 and (not lead or lead.lower() in ("but", "and", "yet", "so")):
            content = _strip(text, comma, sent.end)
        else:
            cut = text.rfind(",", max(sent.start, before - 3), before + 1)
            content = _strip(text, sent.start, cut if cut >= 0 else before)
        if content is None:
            return None
        return _make(text, si, cs, ce, cue, kind, normalise(text, ph) or [], ph.start, comma, content, sent, lex)
    if ph is None and kind == "say":
        w = _NEXT_WORD.match(text, ce)
        if w and w.group(1).lower() in _GAP_VERBS:
            # "a rule change that he said would ...": a relative clause whose verb follows the cue
            rel = phrase_before(head_toks, allow_what=True, relative=True, open_head=cue.lower() in _OPEN_HEAD)
            ph = rel if rel is not None and rel.boundary in ("that", "which") else None
    if ph is None and head_toks and head_toks[-1].text in _CLOSERS:
        ph = phrase_after(tokens(text, ce, min(sent.end, ce + 120)))
        if ph is not None and ph.toks[0].low in _SUBJ_PRONOUNS:
            ph = None  # "..., said he remembers": the pronoun opens the reported clause
        if ph is not None and not ph.toks[-1].is_cap:
            ph = _apposed_name(text, ph, sent.end) or ph  # "said its president, Ana Roe": she speaks
        inverted = ph is not None
    if ph is None:
        return None
    if cue.lower() in _COURT_CUES and not _court_name(text[ph.start:ph.end]):
        return None  # "the company holds that patent", "a hold on Trump administration rules": no court speaks
    speakers = normalise(text, ph)
    if not speakers:
        return None
    speakers = [_dateline_outlet(text, sp) for sp in speakers]
    citing_via = None
    cm = _CITING.match(text, ph.end, cs) if not inverted else None
    if cm is not None and len(speakers) == 1 and _is_outlet(speakers[0].name, lex):
        # "Interfax, citing a source in the ministry, reported ...": the source speaks via the outlet
        src = phrase_after(tokens(text, cm.start("src"), cm.end("src")))
        src_speakers = normalise(text, src) if src is not None else []
        if src_speakers:
            citing_via = _registered_outlet(speakers[0].name) or speakers[0].name
            speakers = src_speakers
    frame_start, frame_end = min(cs, ph.start), max(ce, ph.end)
    pos = frame_end
    if kind == "tell" and not inverted:
        obj = phrase_after(tokens(text, pos, min(sent.end, pos + 120)))
        if obj is not None:
            pos = frame_end = obj.end
        else:
            ev = _EVENT.match(text, pos)  # "told a regular briefing on Monday": the audience, not the words
            if ev:
                pos = frame_end = ev.end()
    forward, adverbial = _forward(text, pos, sent.end)
    if forward and lex.kind.get(text[forward[0]:forward[0] + 16].split(" ", 1)[0].lower()) == "participle" \
            and text[pos:forward[0]].strip() == ",":
        forward = None  # "..., the company said, adding ...": the participle is a report of its own
    if inverted and forward and _APPOSITIVE.match(text, forward[0]) and text[pos:forward[0]].strip() == ",":
        forward = None  # "..., said Hong Min-seo, a researcher at ...": who she is, not what she said
    final = inverted or ph.boundary in _CLOSERS or not forward
    backward = None
    if final:
        cut = text.rfind(",", sent.start, frame_start)
        if cut < 0:
            cut = frame_start
        backward = _strip(text, sent.start, cut)
    is_final = False
    if backward is not None and not inverted and ph.boundary == "," and _NAME_LIST.match(text, backward[0], backward[1]):
        backward = None  # "Mali, Niger, Chad and Togo agreed ...": the list's first members, no reported words
    if backward is not None and (inverted or ph.boundary != "") and ph.boundary != "what" and (forward is None or adverbial or len(text[forward[0]:forward[1]].split()) < 4):
        content = backward
        is_final = True
    elif kind in ("directive", "finding") and not (forward and text[pos:forward[0]].lower().strip(" ,:").endswith("that")) \
            and not (kind == "finding" and forward and ph.toks[-1].low in _FINDERS) \
            and not (kind == "directive" and forward and cue.endswith("s") and not inverted
                     and not ph.boundary[:1].isalpha()):
        # "Ministry spokesman X urges residents to ...": a present-tense directive opening its
        # sentence is news style for a report; the past tense is as often narrative
        # "urged it to continue fighting", "police found a body": narrative; "the poll found Clinton ahead": a finding
        return None  # "urged it to continue fighting": narrative, not a report
    else:
        content = forward
        if content and ph.boundary in _CLAUSE_END_COMMA:
            # "After X reported that A, the deal collapsed", "Harvey, who said A, left": the clause ends at a comma
            comma = text.find(", ", content[0], content[1])
            if comma > 0:
                content = _strip(text, content[0], comma)
    a = _make(text, si, cs, ce, cue, kind, speakers, frame_start, frame_end, content, sent, lex)
    a.final = is_final
    a.boundary = ph.boundary
    if citing_via is not None:
        a.via = citing_via
    if a.via is None and aux is not None:  # "Peskov was quoted as saying by TASS": TASS carried it
        by = _BY.match(text, ce)
        agent = phrase_after(tokens(text, by.end(), min(sent.end, by.end() + 120))) if by else None
        if agent is not None:
            a.via = _registered_outlet(text[agent.start:agent.end]) or _strip_det(text[agent.start:agent.end])
            if a.content and a.content[0] <= agent.start < a.content[1]:
                a.content = _strip(text, agent.end, a.content[1])
                if a.content and text[a.content[0]:a.content[0] + 5].lower() == "that ":
                    a.content = _strip(text, a.content[0] + 5, a.content[1])
    return a


# Capitalised names separated by commas: the head of a list whose last members are the subject.
_NAME_LIST = re.compile(r"(?:the\s+)?[A-Z][\w'\u2019.-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w'\u2019.-]*){0,3}"
                        r"(?:\s*,\s*(?:the\s+)?[A-Z][\w'\u2019.-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w'\u2019.-]*){0,3})*\Z")


_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|can|may|might|should|must|to)\s+(?:also\s+|soon\s+|now\s+)?\Z",
                           re.IGNORECASE)
_ACCUSE = ("accus", "blam", "charg", "alleg")
# "held", "ruled": a court's decision reported as its words, only when a court-type body or
# officer is the subject ("the panel held that", "Judge Roe ruled that", "the Council of State
# ruled"); with any other subject they are narrative ("the company holds that patent").
_COURT_CUES = frozenset("held holds ruled rules".split())
_COURTS = frozenset("court courts tribunal tribunals panel panels bench judge judges justice justices jury juries "
                    "commission council magistrate magistrates arbitrator arbitrators arbitration ombudsman circuit".split())


def _court_name(phrase: str) -> bool:
    """A phrase naming a court-type body or officer: "the appeals court", "a three-judge panel
    of the 9th Circuit", "Council of State", "Judge Jane Roe"."""
    return any(w in _COURTS for w in re.findall(r"\w+", phrase.lower()))
_CLAUSE_END_COMMA = frozenset("who which after when before since once as while".split())
# Subjects whose findings are reports even without "that" ("the poll shows Clinton ahead").
_FINDERS = DOC_HEADS | frozenset("data figures numbers results polls surveys statistics records estimates "
                                 "studies reports analyses".split())
_WRITES_ABOUT = re.compile(
    r"\s+(?:regularly\s+|mainly\s+|mostly\s+|widely\s+)?(?:about|for)\s(?![^\n]*(?:\bthat\b|[:" + DOUBLE_QUOTES + r"]))")
_GAP_VERBS = frozenset("would will was were is are had has have could can should might may must".split())
_AS_END = re.compile(r"(?:\s+(?:on|in|last|this|earlier|in\s+an?)\b[^,.;:]{0,40})?\s*(?:[,:\u2014]|[.!?]?\s*$)")
_SUBJ_PRONOUNS = frozenset("he she they it".split())
_BE = frozenset("was were is are been being be".split())
_BY = re.compile(r"\s+by\s+")
_THAT_AFTER = re.compile(r"[\s,]*(?:that\b|[" + DOUBLE_QUOTES + r"])")
# Cues that let any noun after a determiner speak ("the airline said"); other cues are
# ambiguous with narrative verbs ("the bloc has admitted 16 members", "the most extreme remarks").
_OPEN_HEAD = frozenset("said says say told tells stated wrote writes noted argued argues insisted insists "
                       "warned warns explained explains contended contends".split())


_NAMED_AFTER = re.compile(r"[ \t]+[A-Z\u00c0-\u00de][\w'\u2019&.\-]*")


def _naming(text: str, head_toks: list, cue: str, ce: int, sent: Span) -> bool:
    """"a firm called Kask Logistics", "a charity named Hope": a name given, not words described."""
    if cue.lower() not in ("called", "named") or len(head_toks) < 2 or not _NAMED_AFTER.match(text, ce, sent.end):
        return False
    noun, det = head_toks[-1], head_toks[-2]
    return noun.is_word and not noun.is_cap and (det.low in ("a", "an") or (
        len(head_toks) >= 3 and head_toks[-3].low in ("a", "an") and det.is_word and not det.is_cap))


_AUTHOR_CUES = frozenset("writes wrote write".split())
_TOPIC_AFTER = re.compile(r"\s+(?:on|about|the|a|an|this|these|his|her|their|its|books?|novels?|poetry|fiction)\b")
_SPEECH_LATER = re.compile(r"\bthat\b|[:" + DOUBLE_QUOTES + r"]")


def _authorship(text: str, cue: str, ce: int, sent: Span) -> bool:
    """"X writes on foreign policy", "contractors wrote the guidance": authorship or a byline
    note, not reported words (no "that", colon or quotation follows in the sentence)."""
    if cue.lower() not in _AUTHOR_CUES:
        return False
    m = _TOPIC_AFTER.match(text, ce, sent.end)
    if m is None or re.search(r"[" + DOUBLE_QUOTES + r"]", text[sent.start:sent.end]):
        return False  # '"...," she wrote on social media': the quotation is what was written
    if re.match(r"\s+on\s+(?:[A-Z]|his|her|its|their|the\s+(?:[a-z]+\s+)?(?:site|blog|page|platform|account|website))",
                text[ce:sent.end]):
        return False  # "wrote on Facebook", "wrote on his blog": a post, which reports
    if m.group().strip().lower() in ("on", "about"):
        return _SPEECH_LATER.search(text, m.end(), sent.end) is None
    if _CLAUSE_OBJECT.match(text, ce, sent.end):
        return False  # "wrote the vote was rigged": a clause without "that"
    return re.search(r"[:" + DOUBLE_QUOTES + r"]", text[m.end():sent.end]) is None


# "wrote the deal was ..." (a reported clause) as against "wrote the guidance that ..." (a text written)
_CLAUSE_OBJECT = re.compile(r"\s+\w+\s+(?:[\w'\u2019\-]+\s+){0,3}?(?:was|were|is|are|has|had|have|will|would|could|"
                            r"should|must|might|may|can|did|does|do)\b")


def _last_before_aux(toks: list):
    """The token before the auxiliaries and adverbs right before a cue: "was" in "was
    repeatedly accused" (a passive), "and" in "... and later said" (a coordinated verb)."""
    j = len(toks)
    while j > 0 and len(toks) - j < 4:
        low = toks[j - 1].text.lower()
        if low in _BE or not (low in AUX or low.endswith("ly")):
            break
        j -= 1
    return toks[j - 1] if j > 0 else None


_CITING = re.compile(r"\s*,\s*(?:citing|quoting)\s+(?P<src>[^,;:\n]{3,100}?)\s*,\s*(?:\w+\s+){0,2}\Z")
# "was quoted by the agency as saying", "has been cited by local media as saying"
_QUOTED_BY = re.compile(
    r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been|being)\s+(?:\w+ly\s+)?(?:quoted|cited)\s+"
    r"(?:by|in)\s+(?P<agent>[^,;:.!?\n\"\u201c\u201d]{1,80}?)\s*,?\s*\Z")


def _quoted_by(text: str, sent: Span, si: int, cs: int, ce: int, cue: str, kind: str, m: re.Match,
               lex: Lexicon) -> _Attr | None:
    """The subject of "X was quoted by Y as saying" speaks, via Y."""
    ph = phrase_before(tokens(text, max(sent.start, m.start() - _WINDOW), m.start()), allow_sub=True)
    speakers = normalise(text, ph) if ph is not None else []
    if not speakers:
        return None
    agent = m.group("agent").strip()
    via = _registered_outlet(agent) or _strip_det(agent)
    content, _ = _forward(text, ce, sent.end)
    final = content is None
    if final:  # "“...,” X was quoted by Y as saying."
        cut = text.rfind(",", sent.start, ph.start)
        content = _strip(text, sent.start, cut if cut >= 0 else ph.start)
    a = _Attr(cs, ce, cue, kind, speakers, ph.start, ce, content, via, si)
    a.final = final
    a.boundary = ph.boundary
    return a


def _passive(text: str, sent: Span, si: int, cs: int, ce: int, cue: str, kind: str, aux: int,
             lex: Lexicon) -> _Attr | None:
    """A passive cue: the agent after "by" speaks ("X was accused by residents of ...",
    "the claim was made by the ministry"); with no agent the speaker is unknown."""
    by = _BY.match(text, ce)
    if by is None:
        return None
    if kind == "passive":  # only an utterance can be "made" or "issued" by a speaker
        subj = tokens(text, max(sent.start, aux - 60), aux)
        if not any(t.low in lex.speech_nouns for t in subj[-4:]):
            return None
    agent = phrase_after(tokens(text, by.end(), min(sent.end, by.end() + 120)))
    if agent is None:
        return None
    speakers = normalise(text, agent)
    if not speakers or speakers[0].kind == "pronoun" and speakers[0].name.lower() in ("it", "they"):
        return None
    tail = _strip(text, agent.end, sent.end)
    if tail and re.match(r"(?:of|as|for|over|that)\b", text[tail[0]:tail[1]], re.IGNORECASE):
        content = _strip(text, sent.start, sent.end)  # "X was accused by Y of Z": X and Z together
    else:
        content = _strip(text, sent.start, aux)
    return _make(text, si, cs, ce, cue, kind, speakers, cs, agent.end, content, sent, lex)


_DATA_FROM = re.compile(
    r"\s+(?:the\s+|a\s+|an\s+|new\s+|latest\s+|official\s+)*(?:[a-z][\w\-]*\s+)?(?:data|figures|statistics|numbers|estimates|a\s+report|"
    r"report|survey|poll|study|analysis|research|tallies|count)\s+(?:\w+\s+){0,2}?(?:from|by|of)\s+",
    re.IGNORECASE)
_EVENT = re.compile(r"\s+(?:a|an|the)\s+(?:[\w\-']+\s+){0,3}?(?:briefing|conference|meeting|session|rally|summit|"
                    r"forum|gathering|hearing|audience|parliament|lawmakers|reporters|journalists)\b")
_APPOSITIVE = re.compile(r"(?:a|an|the|who|whose|one|an?other)\b", re.IGNORECASE)
_CLAUSE_CUT = re.compile(r",?\s+(?:while|whereas|but|and)\s+")
_NEXT_WORD = re.compile(r"\s+(\w+)")
_COORD = frozenset("while whereas but although though and".split())
_NOUN_BEFORE = frozenset("for of the a an no any his her their its our my your this these those such "
                         "key main core major".split())  # "Key demands of the union:"
# A capitalised word that only modifies or counts the real subject ("Western television crews
# filmed ... and called it", "Some have blamed"): alone it names nobody.
_MODIFIER_WORDS = frozenset("western eastern northern southern some".split())


def _modifier_only(a: _Attr) -> bool:
    return bool(a.speakers) and all(sp.kind != "pronoun" and sp.name.lower() in _MODIFIER_WORDS for sp in a.speakers)
_PLAIN_SAY = frozenset("said says say told tells tell".split())
_CLOSERS = frozenset([",", "\u201d", '"', "\u00bb", "\u2019", "'"])
_VERB_AFTER_NOUN = frozenset("said says say told tells added noted stated showed show shows suggested suggest found "
                             "were was are is have has had".split())


def _subject(text: str, sent: Span, strict: bool = False) -> list[Speaker]:
    """The phrase opening a sentence, when it is a pronoun or a name ("He ...", "Rubio ...").

    ``strict``: an opening adverbial ("On Friday, ...") is skipped and must end in a comma,
    and the phrase must be a subject (not "In Moscow")."""
    d = _DATELINE.match(text, sent.start, sent.end)
    start = d.end() if d else sent.start  # "SEOUL, Jan 5 (Yonhap) -- North Korea ...": the city is no subject
    toks = tokens(text, start, min(sent.end, start + 150))
    while toks and (toks[0].low in ("but", "and", "yet", "so", "however", "meanwhile") or not toks[0].is_word):
        toks = toks[1:]
    if strict and toks and toks[0].low in CAP_STOP and toks[0].low not in _SUBJ_PRONOUNS:
        comma = next((i for i, t in enumerate(toks[:15]) if t.text == ","), -1)
        if comma < 0 or toks[0].low in ("the", "a", "an"):
            comma = -1 if toks[0].low in ("the", "a", "an") else None
        if comma is None:
            return []
        toks = toks[comma + 1:]
    if strict:
        app = _appositive_name(toks)
        if app is not None:  # "Tartu's governor, Anna Kask, welcomed ...": the name in apposition
            return normalise(text, app)
    if strict:  # "Mr. Carson endorsed Mr. Trump": the name ends at the verb
        cut = next((i for i in range(1, min(len(toks), 16)) if toks[i].is_word and not toks[i].is_cap
                    and toks[i - 1].is_cap and not toks[i - 1].text.endswith(("'s", "\u2019s"))
                    and toks[i].low not in CONNECTORS and not (
                        toks[i].low in TITLE_WORDS and i + 1 < len(toks) and toks[i + 1].is_word
                        and (toks[i + 1].is_cap or toks[i + 1].low in TITLE_WORDS))), None)
        toks = toks[:cut] if cut else toks
    ph = phrase_after(toks)
    if ph is None:
        return []
    if strict:
        first = next(t for t in toks if t.start == ph.start)
        if first.low in CAP_STOP and first.low not in _SUBJ_PRONOUNS and first.low not in ("the", "a", "an"):
            return []
    sp = normalise(text, ph)
    if len(sp) == 1 and sp[0].kind != "pronoun" and sp[0].name.lower() in CAP_STOP:
        return []
    return sp


def _appositive_name(toks: list) -> Phrase | None:
    """A role opening a sentence with a name in apposition ("Tartu's governor, Anna Kask, ...",
    "Its chief executive, Ivo Saar, ..."): the name, else None."""
    comma = next((i for i, t in enumerate(toks[:8]) if t.text == ","), -1)
    if comma < 2 or not toks[comma - 1].is_word or toks[comma - 1].is_cap \
            or not (toks[comma - 1].low in PERSON_HEADS or toks[comma - 1].low in TITLE_WORDS):
        return None
    first = toks[0]
    if not (first.low in ("its", "his", "her", "their", "the") or first.text.endswith(("'s", "\u2019s"))):
        return None
    if any(not t.is_word or t.is_cap for t in toks[1:comma]):
        return None
    end = next((i for i in range(comma + 1, min(len(toks), comma + 7)) if toks[i].text == ","), -1)
    name = toks[comma + 1:end]
    if end < 0 or len(name) < 2 or not all(t.is_cap for t in name) or name[0].low in CAP_STOP:
        return None
    return Phrase(name[0].start, name[-1].end, tuple(name), ",")


# An all-caps dateline, an optional date, an agency credit in parentheses and a dash.
_DATELINE = re.compile(
    r"\s*[A-Z\u00c0-\u00de][A-Z\u00c0-\u00de .'\-]+,?[ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},?[ \t]*)?"
    r"(?:\([^()\n]{1,40}\)[ \t]*)?(?:--|[-\u2013\u2014])[ \t]*")


@lru_cache(maxsize=4)  # several cues in one sentence share the scan
def _via_matches(text: str, start: int, end: int) -> tuple[re.Match, ...]:
    return tuple(lexicon().via_re.finditer(text, start, end))


def _make(text: str, si: int, cs: int, ce: int, cue: str, kind: str, speakers: list[Speaker], fs: int, fe: int,
          content: tuple[int, int] | None, sent: Span, lex: Lexicon) -> _Attr:
    via = None
    best = None
    for m in _via_matches(text, sent.start, sent.end):
        if content and content[0] <= m.start() < content[1]:
            continue
        name = m.group("name").rstrip(".")
        name = re.sub(r"['\u2019]s$", "", name)
        phrase = m.group().split()[0].lower()
        outlet = _registered_outlet(name)
        if outlet:
            name = outlet  # "told Russia Today" -> RT: the registry's canonical name
        elif phrase == "told" and not _outlet_like(name, m.group(), lex):
            continue
        d = abs(m.start() - ce)
        if best is None or d < best:
            best, via = d, name
    return _Attr(cs, ce, cue, kind, speakers, fs, max(fe, ce), content, via, si)


@lru_cache(maxsize=1024)
def _registered_outlet(name: str) -> str | None:
    """The canonical name of the news outlet ``name`` (or its leading words) names, if registered."""
    from ..registry import default_registry  # the registry loads pandas: only when a via phrase needs it

    reg = default_registry()
    words = name.split()
    for k in range(len(words), 0, -1):
        o = reg.get(" ".join(words[:k]))
        if o is not None and (k > 1 or not o.ambiguous):  # "Star" alone may be no outlet; "Russia Today" is
            return o.name
    return None


def _dateline_outlet(text: str, sp: Speaker) -> Speaker:
    """"Hong Kong Reuters reported", "...; Tokyo Reuters said": a time-zone city in dateline
    position before a registered outlet's name says where, not who; the outlet speaks. The
    notices read the same words the same way (:func:`~.speakers.dateline_place_before`), so a given-name city
    ("Sydney Bloomberg said") stays a person."""
    words = sp.name.lower().split()
    if sp.kind not in ("person", "name") or not 2 <= len(words) <= 4 or text[sp.start:sp.end] != sp.name:
        return sp
    places = tz_places()
    if not any(" ".join(words[:k]) in places for k in range(1, len(words))):
        return sp  # the usual case, a person's name: two or three set look-ups
    from ..registry import default_registry  # the registry loads pandas: only for a name that may hold a city

    # the outlet as the notices find it (longest registered name first: "Kyiv Independent" is one
    # outlet, no city), ending the speaker's name after at least one word
    last = next(iter(default_registry().find_mentions(sp.name)[-1:]), None)
    if last is None or last.end != len(sp.name) or last.start == 0:
        return sp
    outlet_start = sp.start + last.start
    lo = max(0, outlet_start - 200)  # bounded: a megabyte-long line costs no more than a short one
    nl = text.rfind("\n", lo, outlet_start)
    # a cut line gets a sentinel, so the city is at the line start only where the line starts
    prefix = text[nl + 1:outlet_start] if nl >= 0 else ("\x00" if lo else "") + text[lo:outlet_start]
    if dateline_place_before(prefix):
        return Speaker(sp.name[last.start:], outlet_start, sp.end, "org")
    return sp


def _is_outlet(name: str, lex: Lexicon) -> bool:
    """A registered news outlet, or a name with a media word (Korean Central News Agency)."""
    return bool(_registered_outlet(name)) or any(w.lower() in lex.media_words for w in name.split())


def _outlet_like(name: str, matched: str, lex: Lexicon) -> bool:
    """Is the addressee of "told" a news outlet or journalist (an intermediary), not a person addressed?"""
    words = name.split()
    if any(w.lower() in lex.media_words for w in words):
        return True
    if len(words) == 1 and words[0].isupper() and len(words[0]) >= 2:
        return True  # CNN, KCNA, TASS
    lead = matched[: matched.find(name)].lower().split()[1:]
    return any(w not in ("the", "a", "an") for w in lead)  # told state broadcaster X / told journalist X


# Resolution ---------------------------------------------------------------------------------------

_ACRONYM_NAME = re.compile(r"[A-Z][A-Z&]{1,7}")
_ACRONYM_DEF = re.compile(r"\(\s*([A-Z][A-Z&]{1,7})\s*\)")
_LONG_FORM = re.compile(r"((?:[A-Z][\w'\u2019\-]*[ \t]+(?:(?:of|for|and|on|the|de|del|la)[ \t]+)*){1,7}[A-Z][\w'\u2019\-]*)[ \t]*\Z")


def acronym_long_forms(text: str) -> dict[str, str]:
    """Each acronym the article spells out in parentheses, with its long form ("National Electoral
    Council (CNE)" -> {"CNE": "National Electoral Council (CNE)"}), first definition wins. One pass
    over the text, so every later "the CNE" costs a dictionary look-up."""
    out: dict[str, str] = {}
    for d in _ACRONYM_DEF.finditer(text, 0, 2_000_000):
        acr = d.group(1)
        if acr in out:
            continue
        m = _LONG_FORM.search(text, max(0, d.start() - 120), d.start())
        if m is None:
            continue
        words = m.group(1).split()
        while words and words[0].lower() in CAP_STOP:
            words = words[1:]
        if len(words) >= 2:
            out[acr] = f"{' '.join(words)} ({acr})"
    return out


class _LazyIndex:
    """The name index, built only when a short mention needs it."""

    def __init__(self, text: str):
        self.text = text
        self._ix: NameIndex | None = None
        self._acronyms: dict[str, str] | None = None

    @property
    def acronyms(self) -> dict[str, str]:
        if self._acronyms is None:
            self._acronyms = acronym_long_forms(self.text)
        return self._acronyms

    @property
    def ix(self) -> NameIndex:
        if self._ix is None:
            self._ix = NameIndex.build(self.text)
        return self._ix


def _resolve(attrs: list[_Attr], index: _LazyIndex, sents: list[Span] | None = None) -> None:
    """Give each speaker its full name and kind (``Quote.speaker_kind``), in text order (pronouns
    look back; "it" and "they" with nothing before them refer to their own sentence's subject:
    "The ministry fined three firms it said had broken the rules"). A reference takes the kind of
    what it resolves to ("the ministry" after "the Finance Ministry" is an organisation)."""
    last_person: str | None = None
    last_other: str | None = None
    others: list[str] = []
    kinds: dict[str, str] = {}  # resolved name -> its kind, for the references after it
    reporting = {a.sent for a in attrs}  # sentences with a report: their speaker is the one to refer to
    for a in sorted(attrs, key=lambda a: a.cue_start):
        names = []
        for sp in a.speakers:
            name, person = sp.name, sp.kind == "person"
            low = sp.name.lower()
            kind: str | None = None  # None: from the mention's own words (mention_kind)
            if sp.kind == "pronoun":
                if low in ("he", "she"):
                    prev = _prev_subject(index, sents, a, sp, reporting)
                    name = prev or last_person or index.ix.nearest_before(sp.start) or sp.name
                    person = name != sp.name
                    kind = "person" if person else "unknown"
                else:
                    name = last_other or _own_subject(index.text, sents, a, sp) or sp.name
                    kind = "unknown" if name == sp.name else kinds.get(name) or _name_kind(name)
            elif sp.kind == "name":
                full = index.ix.full_name(sp.name, sp.start)
                if full:
                    name, person = full, True
            elif sp.kind == "role" and low.split()[-1] in _SPOKES and _spokes_for(index.text, sp.start):
                name = _spokes_for(index.text, sp.start)  # "the spokesman", introduced as "a spokesperson for X"
                kind = kinds.get(_strip_det(name)) or "organisation"
            elif sp.kind == "role":
                roles = [w for w in low.replace("'s", "").split() if w not in ("the", "a", "an")]
                full = index.ix.by_title(roles, sp.start) if len(roles) > 1 else None
                by_title = None if (full or last_person or not roles) else index.ix.by_title(roles[-1:], sp.start)
                name = full or last_person or by_title or _strip_det(sp.name)
                person = bool(full or last_person or by_title)
            elif sp.kind == "backref":
                name = _strip_det(sp.name)
                head = low.split()[-1]
                if head in DOC_HEADS:  # "the statement said": its issuer, when the text names one
                    name = _issuer(index.text, head, sp.start) or name
                else:
                    mods = [w for w in low.split()[:-1] if w not in ("the", "a", "an")]
                    for prev in reversed(others[-30:]):  # "the health ministry" is not the Ministry of Finance
                        if head in prev.lower().split() and all(
                                re.search(rf"\b{re.escape(w)}", prev, re.IGNORECASE) for w in mods):
                            name = prev
                            break
                    else:  # "the company said" after "the mining company Lusolitio": the name in apposition
                        if not head.endswith("s"):  # "the companies": several, named or not, stay as written
                            name = _apposed_org(index.text, head, sp.start) or _named_before(
                                index.text, low, sp.start) or name
                if name == _strip_det(sp.name) and not head.endswith("s"):
                    name = _lede_org(index, sents, a) or name  # "..., the company said. / X said ..."
                if name != _strip_det(sp.name):  # resolved: the named body (or what the earlier mention was)
                    kind = kinds.get(name) or "organisation"
            else:
                name = _strip_det(sp.name)
                definite = index.text[max(0, sp.start - 4):sp.start].lower() == "the "
                if sp.kind == "group" and definite and len(name.split()) <= 2:
                    named = _named_before(index.text, name, sp.start)  # "the authority" after "the Roads Authority"
                    if named is not None:
                        name, kind = named, kinds.get(named) or "organisation"
                lede = _lede_person(index, sents, a, sp) if last_person is None else None
                if lede is not None:  # "The owner of a model shop says ... / Jane Roe, 67, runs ...": she speaks
                    name, person = lede, True
            if not person and _ACRONYM_NAME.fullmatch(name):
                long_form = index.acronyms.get(name)
                if long_form is not None:  # "the CNE": "National Electoral Council (CNE)"
                    name, kind = long_form, kind or "organisation"
            found = person and sp.kind != "person"  # a person found through the index, a title or a lede
            if found:
                kind = "person"
            elif kind is None:  # from the mention's own words: "Human Rights Watch" is no person
                kind = mention_kind(index.text, sp)
            if not found and _exact_outlet(name):
                kind = "outlet"  # "Reuters reported", "state broadcaster CCTV said": an outlet, cited
            if person:
                last_person = name
            elif sp.kind != "pronoun":
                last_other = name
                others.append(name)
            kinds[name] = kind
            names.append((name, person, kind))
        a.names = names


def _name_kind(name: str) -> str:
    """The kind of a name taken from another mention with no kind recorded (a sentence's own
    subject): capitalised is a named body, lower case an unnamed group."""
    return "organisation" if name[:1].isupper() else common_kind(name)


@lru_cache(maxsize=1024)
def _exact_outlet(name: str) -> bool:
    """Is ``name`` itself a registered news outlet (the whole name, not its leading words: "Al
    Jazeera's correspondent" is a role)?"""
    from ..registry import default_registry  # the registry loads pandas: only when quotes need it

    o = default_registry().get(name)
    # an ambiguous one-word form ("Xinhua", "RT", "Petra") speaks as the outlet when written as a
    # short form or known as a news word; "Petra said" may be a woman
    return o is not None and (not o.ambiguous or len(name.split()) > 1 or name.isupper()
                              or name.lower() in lexicon().media_words)


_LEDE_DESCRIPTOR = re.compile(r"(?:the|a|an)\s+(?P<head>[a-z]+)\s+(?:of|at|in|for|from|with|who)\b", re.IGNORECASE)


_LEDE_ORG = re.compile(r"(?:The\s+)?(?P<name>[A-Z][\w'\u2019&.-]*(?:[ \t]+(?:(?:of|for|the|and|de)[ \t]+)?"
                       r"[A-Z][\w'\u2019&.-]*){1,5})[ \t]+(?:said|says|told|announced|confirmed|stated)\b")


# Last words that make a capitalised name a business ("Baltic Isle Lines", "Coast Hotels").
_ORG_ENDINGS = frozenset("lines airlines airways hotels resorts holdings industries group groups partners motors "
                         "foods mills mining energy telecom systems logistics shipping railways ports farms stores "
                         "brands pharma pharmaceuticals".split())


def _lede_org(index: "_LazyIndex", sents: list[Span] | None, a: _Attr) -> str | None:
    """A lede that says "the company said" before naming it, then the next sentence opens with
    the name and a reporting verb ("Aphrodite Coast Hotels said ..."): that body spoke."""
    if not sents or a.sent != 0 or len(sents) < 2:
        return None
    nxt = sents[1]
    body = index.text[nxt.start:nxt.end]
    m = _LEDE_ORG.match(body, len(body) - len(body.lstrip()))
    if m is None or m.group("name").split()[0].lower() in CAP_STOP:
        return None
    last = m.group("name").split()[-1].lower()
    if last not in ORG_HEADS and last not in _ORG_ENDINGS:
        return None  # "Marta Ozola said": a person opens the next sentence, not the body the lede spoke of
    return m.group("name")


def _lede_person(index: "_LazyIndex", sents: list[Span] | None, a: _Attr, sp: Speaker) -> str | None:
    """A delayed lede: the first sentence speaks through a description of one person ("The owner
    of one of the last model shops in the county says ...") and the next sentence opens with
    the name ("Jane Roe, 67, runs ..."): the named person speaks."""
    if not sents or a.sent != 0 or len(sents) < 2:
        return None
    text = index.text
    s0 = sents[0].start + len(text[sents[0].start:sents[0].end]) - len(text[sents[0].start:sents[0].end].lstrip())
    m = _LEDE_DESCRIPTOR.match(text, s0)
    if m is None or m.group("head").lower() not in PERSON_HEADS or not m.start() <= sp.start < m.end():
        return None
    nxt = sents[1]
    first = index.ix.first_in(nxt.start, nxt.end)
    if first is None:
        return None
    pos, full = first
    if text[nxt.start:pos].strip(" \t\n\"'\u201c\u201d"):
        return None  # the name must open the next sentence
    if not re.match(r"\s*(?:,|[a-z])", text[pos + len(full):pos + len(full) + 3]):
        return None
    return full


_SUBJ_PREFIX_OK = re.compile(r"[\w \t:.'\u2019\u2014\u2013\-]*\Z")  # words, labels and dashes only


# An opening participial or adverbial phrase before the pronoun: "Interviewed for a documentary, she said".
_OPENING_CLAUSE = re.compile(r"[A-Z][^,;:.!?\"\u201c\u201d]{0,80},\Z")
# A sentence opening with a bare surname as its subject: "Moroz, now 74, lives ...", "Roe said ...".
_SURNAME_OPENS = re.compile(r"([A-Z][a-z'\u2019-]+)(?=,|\s+[a-z])")


_QUANTIFIERS = frozenset("every each all no any some many most several few both".split())
# The pronoun closes reported words: after a comma or a closing quotation mark ("..., he said").
_TRAILING_ATTR = re.compile(r"(?:[,?!]\s*[\"\u201d\u2019]?|[\"\u201d])\s*\Z")


def _before_quotation(text: str, sents: list[Span], si: int, raw: str) -> int:
    """The sentence before the quotation that ends in ``raw``: a quotation running over several
    sentences of one paragraph is one unit, so look before its opening mark."""
    here = sents[si]
    close = max(raw.rfind(c) for c in DOUBLE_QUOTES)  # any closing mark, as quoted_spans reads them
    if close < 0:
        return si - 1
    close += here.start
    lo = max(0, close - 3000)  # a quotation longer than this is junk: bounded work per pronoun
    floor = max(text.rfind("\n\n", lo, close), lo)
    opened = max(text.rfind(c, floor, close) for c in DOUBLE_QUOTES)
    if opened < 0 or opened >= here.start:
        return si - 1  # the quotation opens in this sentence
    j = next((k for k in range(si - 1, -1, -1) if sents[k].start <= opened), 0)
    return j - 1 if not text[sents[j].start:opened].strip() else j


def _prev_subject(index: "_LazyIndex", sents: list[Span] | None, a: _Attr, sp: Speaker,
                  reporting: set[int] | frozenset[int] = frozenset()) -> str | None:
    """A full person name opening the sentence before, when "he"/"she" opens its own sentence:
    "Culture Minister Ghassan Roe speaks at the launch. He said ..." -> Ghassan Roe, even
    when someone else spoke last."""
    if not sents or a.sent < 1 or a.sent >= len(sents):
        return None
    here = sents[a.sent]
    prev_i = a.sent - 1
    raw = index.text[here.start:sp.start]
    opening = raw.strip(" \t\n\"'\u201c\u201d")
    if opening and _TRAILING_ATTR.search(raw):
        # "..., he said." / "\"...,\" she said.": the pronoun closes reported words; a quotation
        # running over several sentences is one unit, so look before its opening mark
        prev_i = _before_quotation(index.text, sents, a.sent, raw)
    elif opening and not _OPENING_CLAUSE.match(opening):
        return None  # only an opening phrase may come first ("Interviewed last year, she said")
    if prev_i < 0 or prev_i in reporting:
        return None  # the sentence before reports: its speaker is the one referred to
    prev = sents[prev_i]
    first = index.ix.first_in(prev.start, prev.end)
    sur = _SURNAME_OPENS.match(index.text, prev.start + len(index.text[prev.start:prev.end]) -
                               len(index.text[prev.start:prev.end].lstrip()))
    if sur is not None and (first is None or first[0] > sur.start()):
        full = index.ix.full_name(sur.group(1), sur.start())
        if full is not None and full != sur.group(1):  # "Moroz, now 74, still lives in Kyiv." after "Halyna Moroz"
            return full
    if first is None:
        return None
    pos, full = first
    if organisation_name(full):
        return None  # "On Tuesday, Marlow Bakery closed ...": "she" is no bakery
    if full.split()[0].lower() in _QUANTIFIERS:
        return None  # "Every Syrian refugee costs ...": a class of people, not the one who speaks
    prefix = index.text[prev.start:pos]
    intro = _INTRO_PHRASE.match(prefix)
    if intro is not None:  # "During the debate, MP Yurii Roe called for ...": the subject follows the comma
        prefix = prefix[intro.end():]
    if len(prefix) > 60 or not _SUBJ_PREFIX_OK.match(prefix) or any(
            w.islower() and w not in TITLE_WORDS for w in re.findall(r"[^\W\d_]+", prefix)):
        return None  # the name must be the subject: only titles and labels before it ("Photo 5: Minister")
    after = index.text[pos + len(full):pos + len(full) + 3]
    if not re.match(r"\s*(?:,|[a-z])", after):
        return None
    return full


# An introductory adverbial before the subject of a sentence ("During the debate, ", "On Thursday, ")
_INTRO_PHRASE = re.compile(r"(?:During|At|In|On|After|Before|Later|Earlier|Meanwhile|Speaking|Asked|Last|This|Since|"
                           r"Following|Throughout|Outside|Inside)\b[^,.;:!?\n\"\u201c\u201d]{0,50},[ \t]+")


_APPOSED_ORG = r"[A-Z][\w'\u2019\-]*(?:[ \t]+(?:(?:of|for|the|and)[ \t]+)?[A-Z][\w'\u2019\-]*){0,5}"


def _apposed_org(text: str, head: str, pos: int) -> str | None:
    """The name given to "the <head>" earlier ("the mining company Lusolitio", "Lusolitio, a
    mining company", "The company, Lusolitio, has ..."), nearest before ``pos`` within a few paragraphs."""
    found = None
    for m in _apposed_re(head).finditer(text, max(0, pos - 2000), pos):
        name = m.group("a") or m.group("b")
        if name.split()[0].lower() not in CAP_STOP:
            found = name
    return found


@lru_cache(maxsize=64)
def _apposed_re(head: str) -> re.Pattern:
    h = re.escape(head)
    return re.compile(rf"\b{h}(?:[ \t]+|,[ \t]+(?=[A-Z][^,]{{0,60}},))(?P<a>{_APPOSED_ORG})"
                      rf"|(?P<b>{_APPOSED_ORG}),[ \t]+(?:a|an|the)[ \t]+(?:[\w\-]+[ \t]+){{0,3}}?{h}\b")


# Singular body nouns whose full name the article gives before "the <noun>" refers back to it.
_BODY_HEADS = frozenset(h for h in ORG_HEADS if h.isalpha() and not h.endswith("s")) - {"house", "press", "media"}
_CAP = r"[A-Z\u00c0-\u00de][\w'\u2019&\-]*"


@lru_cache(maxsize=64)
def _named_re(head: str) -> re.Pattern:
    h = re.escape(head.capitalize())
    tail = rf"(?:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?{_CAP}(?:[ \t]+(?:and[ \t]+)?{_CAP}){{0,3}})"
    before = rf"(?:{_CAP}[ \t]+(?:(?:of|for|and|on)[ \t]+)?){{1,5}}"  # "Roads and Transport", "Water Resources"
    return re.compile(rf"(?<![\w'\u2019-])(?:{before}{h}\b{tail}?|{h}{tail})")


def _named_before(text: str, phrase: str, pos: int) -> str | None:
    """The full name of "the <head>" given earlier in the text ("Taiwan's Water Resources Agency ...
    the agency said", "the Federal Ministry of Health ... the ministry said"): the nearest capitalised
    name with that head noun within a few paragraphs before ``pos`` that holds the phrase's other
    words ("the health ministry" is not the Ministry of Finance)."""
    words = [w for w in phrase.lower().split() if w not in ("the", "a", "an")]
    if not words or words[-1] not in _BODY_HEADS:
        return None
    head, mods = words[-1], words[:-1]
    cap, lo, end = head.capitalize(), max(0, pos - 3000), pos
    found = None
    for _ in range(8):  # the nearest few mentions of the capitalised noun, each read in a short window
        occ = text.rfind(cap, lo, end)
        if occ < 0:
            return None
        for m in _named_re(head).finditer(text, max(lo, occ - 120), min(pos, occ + len(cap) + 80)):
            if m.start() <= occ < m.end() and all(
                    re.search(rf"\b{re.escape(w)}", m.group(), re.IGNORECASE) for w in mods):
                found = m
        if found is not None:
            break
        end = occ
    if found is None:
        return None
    words = found.group().split()
    while len(words) > 1 and (words[0].lower() in CAP_STOP or words[0].endswith(("'s", "\u2019s"))):
        words = words[1:]  # "The", "Taiwan's": not part of the body's name
    return " ".join(words) if len(words) >= 2 else None


def _own_subject(text: str, sents: list[Span] | None, a: _Attr, sp: Speaker) -> str | None:
    """The named subject opening the sentence of ``a``, when it comes before the pronoun."""
    if not sents or not 0 <= a.sent < len(sents):
        return None
    subj = _subject(text, sents[a.sent], strict=True) or _subject(text, sents[a.sent])
    if len(subj) == 1 and subj[0].kind != "pronoun" and subj[0].end <= sp.start:
        return _strip_det(subj[0].name)
    return None


_SPOKES = frozenset("spokesman spokeswoman spokesperson".split())
_SPOKES_FOR = re.compile(
    r"spokes(?:man|woman|person) (?:for|of) (?:the )?((?:[A-Z][\w'\u2019\-]*)(?: (?:of |for |the |and )*[A-Z][\w'\u2019\-]*)*)")


def _spokes_for(text: str, pos: int) -> str | None:
    """The organisation of the last "spokesman for X" within a few paragraphs before ``pos``."""
    found = None
    for m in _SPOKES_FOR.finditer(text, max(0, pos - 3000), pos):
        found = m.group(1)
    return found


_ORGNAME = r"((?:the\s+)?[A-Z][\w'\u2019.\-]*(?:\s+(?:of\s+|for\s+|the\s+)*[A-Z][\w'\u2019.\-]*){0,5})"


@lru_cache(maxsize=64)
def _issuer_re(head: str) -> re.Pattern:
    h = re.escape(head)
    return re.compile(
        rf"\b{h}\s+(?:\w+\s+){{0,2}}?(?:from|by)\s+{_ORGNAME}"  # a statement (issued) by the ministry
        rf"|{_ORGNAME}['\u2019]s?\s+(?:\w+\s+)?{h}\b"  # the ministry's (new) statement
        rf"|{_ORGNAME}\s+(?:\w+\s+){{0,2}}?(?:said|says|wrote|announced)\s+in\s+an?\s+(?:\w+\s+)?{h}\b"
        rf"|{_ORGNAME}\s+(?:\w+\s+){{0,2}}?(?:issued|released|published|sent)\s+(?:an?|its|the)\s+(?:\w+\s+)?{h}\b")


def _issuer(text: str, head: str, pos: int) -> str | None:
    """Who issued the document "the <head>" refers to: the last issuer named with a
    document of that kind within a few paragraphs before ``pos``."""
    found = None
    pat = _issuer_re(head)
    lo = max(0, pos - 3000)
    for w in re.finditer(rf"\b{re.escape(head)}\b", text[lo:pos]):  # only around mentions of the document
        s = lo + w.start()
        for m in pat.finditer(text, max(lo, s - 120), min(pos, s + len(head) + 120)):
            found = next(g for g in m.groups() if g)
    return _strip_det(found) if found else None


def _strip_det(name: str) -> str:
    return re.sub(r"^(?:the|The|THE|a|an)\s+", "", name)


# Direct quotations --------------------------------------------------------------------------------

_GAP_BAD = re.compile(r"[.!?](?:\s|$)|\n|[" + DOUBLE_QUOTES + "]")


def _direct(text: str, sents: list[Span], spans: list[QuotedSpan], paras: list[Span],
            attrs_by_sent: list[list[_Attr]], used: set[int]) -> list[Quote]:
    starts = [s.start for s in sents]
    pstarts = [p.start for p in paras]

    def sent_of(pos: int) -> int:
        return max(0, bisect.bisect_right(starts, pos) - 1)

    def para_of(pos: int) -> int:
        return max(0, bisect.bisect_right(pstarts, pos) - 1)

    out: list[Quote] = []
    prev: tuple[int, int, _Attr | None, int, QuotedSpan] | None = None  # (para, end, attr, speaker idx, span)
    last_by_para: dict[int, tuple[_Attr, int, QuotedSpan]] = {}
    for q in spans:
        if q.end <= q.start or not q.text.strip():
            continue
        pi = para_of(q.start)
        so, sc = sent_of(q.start - 1), sent_of(min(q.end, len(text) - 1))
        a = _adjacent_after(text, q, attrs_by_sent, sc, sents)
        if a is None:
            a = _adjacent_before(text, q, attrs_by_sent[so])
        if a is None:
            a = _same_sentence(q, attrs_by_sent[so] + (attrs_by_sent[sc] if sc != so else []))
        if a is None and pi > 0 and not text[paras[pi].start:q.start - 1].strip() \
                and paras[pi - 1].text.rstrip().endswith(":"):
            # "The ministry said in a statement:" then the quotation as its own paragraph
            intro = attrs_by_sent[sent_of(paras[pi - 1].end - 1)]
            a = intro[-1] if intro else None
        cont = None
        if a is None and len(q.text.split()) >= MIN_CONTINUATION_WORDS:
            cont = _continuation(text, q, pi, paras, prev, last_by_para)
        if a is not None:
            used.add(a.cue_start)
            for sp, (name, _, kind) in zip(a.speakers, a.names):
                out.append(Quote(name, "direct", a.cue, q.text, a.via, q.start, q.end, sp.start, sp.end, kind))
            last_by_para[pi] = (a, -1, q)
            prev = (pi, q.end, a, -1, q)
        elif cont is not None:
            for name, _, kind in cont.names:
                out.append(Quote(name, "direct", cont.cue, q.text, cont.via, q.start, q.end, None, None, kind))
            last_by_para[pi] = (cont, -1, q)
            prev = (pi, q.end, cont, -1, q)
    return out


def _adjacent_after(text: str, q: QuotedSpan, attrs_by_sent: list[list[_Attr]], sc: int,
                    sents: list[Span]) -> _Attr | None:
    if not q.balanced:
        return None
    for si in (sc, sc + 1):
        if si >= len(attrs_by_sent):
            break
        for a in attrs_by_sent[si]:
            if a.frame_start <= q.end:
                continue
            gap = text[q.end + 1:a.frame_start]
            if len(gap) <= 4 and not gap.strip(" \t,;:\u2013\u2014-'"):  # ' : the rest of a '' mark
                if si != sc and a.content is not None and not q.text.rstrip()[-1:] in ".!?":
                    continue
                return a
    return None


def _adjacent_before(text: str, q: QuotedSpan, attrs: list[_Attr]) -> _Attr | None:
    best = None
    for a in attrs:
        if a.frame_end > q.start - 1:
            continue
        gap = text[a.frame_end:q.start - 1]
        if len(gap) > 120 or _GAP_BAD.search(gap):
            continue
        g = gap.strip().rstrip("'").rstrip().lower()  # ' : the first half of a '' mark
        if g == "" or g.endswith((":", ",", "that")):
            best = a
    return best


def _same_sentence(q: QuotedSpan, attrs: list[_Attr]) -> _Attr | None:
    before = [a for a in attrs if a.cue_start < q.start]
    if before:
        return before[-1]
    after = [a for a in attrs if a.cue_start >= q.end]
    return after[0] if after else None


def _continuation(text: str, q: QuotedSpan, pi: int, paras: list[Span], prev, last_by_para) -> _Attr | None:
    """The speaker of the quotation this one continues, if any.

    Same paragraph: "“A,” Rubio added. “B.”". Next paragraph: the previous quotation was
    left open (news style for multi-paragraph quotes), or introduced by a colon, or this
    paragraph is nothing but the quotation.
    """
    if prev is None:
        return None
    ppi, pend, a, _, pspan = prev
    if a is None:
        return None
    if ppi == pi:
        return a if q.start - pend <= 200 else None
    if ppi != pi - 1:
        return None
    para = paras[pi]
    if text[para.start:q.start - 1].strip():
        return None
    if not pspan.balanced or text[paras[ppi].start:paras[ppi].end].rstrip().endswith(":"):
        return a
    covers = (q.end - q.start + 2) >= 0.8 * (para.end - para.start)
    return a if covers else None
