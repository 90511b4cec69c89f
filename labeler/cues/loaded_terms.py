"""Loaded terms: lexicon hits with their voice (the author's, or a quoted speaker's).

The lexicon is data (``data/loaded_terms.csv``, built and documented in ``data/LOADED_TERMS.md``).
Literal terms are matched with two Aho-Corasick automata (case-folded and case-sensitive), so the
cost is one pass over the text whatever the lexicon size; the few regex rows run one ``finditer``
each, and only on texts that contain one of the row's ``trigger`` literals. Context columns
(``not_before``, ``not_after``, ``requires``, ``excludes``) and general rules in code (a lower-case
term inside a Title-Case name is part of the name; a spelling discussed as a word, or a quoted word
named as vocabulary, is mentioned, not used) keep literal and naming uses apart.
"""
from __future__ import annotations

import bisect
import csv
import io
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

import ahocorasick

from labeler.schema import LoadedTerm, Quote
from labeler.text import quoted_spans, single_quoted_spans

CATEGORIES = (
    "pejorative_label",
    "pejorative",
    "dehumanising",
    "pathologising",
    "exaggeration",
    "euphemism",
    "naming_convention",
    "conspiracy",
    "scare_label",
)
INFLECT = ("", "plural", "verb", "plural+verb")
COLUMNS = (
    "term", "is_pattern", "category", "case_sensitive", "inflect", "not_before", "not_after", "requires", "excludes", "note", "source",
)
#: Columns a lexicon may leave out (older files); they default to "".
OPTIONAL_COLUMNS = ("keep_before", "trigger", "scope")

# How far context conditions look: enough for a short phrase, not the whole paragraph.
_BEFORE = 80
_AFTER = 80
_SENTENCE = 400
_PARAGRAPH = 1000  # a row with scope "paragraph" looks this far either side, within the paragraph
# Occurrences of one lexicon row read per text. A news article repeats a term a handful of times;
# a text repeating one word tens of thousands of times (junk, a scraped index page) would
# otherwise cost a context check per repeat (300 KB of one word: ~15 s). Later repeats are not
# reported, and the pipeline says so in the analysis's warnings.
MAX_PER_TERM = 200


@dataclass(frozen=True)
class Entry:
    term: str
    is_pattern: bool
    category: str
    case_sensitive: bool
    inflect: str
    not_before: re.Pattern | None
    not_after: re.Pattern | None
    requires: re.Pattern | None
    excludes: re.Pattern | None
    keep_before: re.Pattern | None  # a match just before the hit waives not_after and excludes (not requires)
    note: str
    source: str
    #: pattern rows only: lower-case literals, one of which must occur in the text for the regex to
    #: run at all (a substring test costs far less than a regex pass over the whole text)
    trigger: tuple[str, ...] = ()
    #: where ``requires`` and ``excludes`` look: "" = the hit's sentence, "paragraph" = its paragraph
    #: (for topic conditions that a quoted sentence leaves out: "This is an invasion," after a
    #: sentence about boats)
    scope: str = ""


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Entries plus their compiled matchers; build with :func:`load_lexicon`."""

    entries: tuple[Entry, ...]
    folded: object  # ahocorasick.Automaton over lower-cased forms -> (entry index, form length)
    exact: object  # ahocorasick.Automaton over case-sensitive forms
    patterns: tuple[tuple[int, re.Pattern], ...]

    def __len__(self) -> int:
        return len(self.entries)


def inflections(term: str, mode: str) -> list[str]:
    """The base form plus regular English inflections of its last word.

    ``plural`` adds -s/-es/-ies; ``verb`` adds -s, -ed, -ing (dropping a final e, doubling a
    final consonant after a short vowel). Irregular or ambiguous forms go in as their own rows.
    """
    if mode not in INFLECT:
        raise ValueError(f"inflect {mode!r} is not one of {', '.join(repr(m) for m in INFLECT)}")
    head, _, last = term.rpartition(" ")
    prefix = head + " " if head else ""
    forms = {last}
    if "plural" in mode or "verb" in mode:
        if re.search(r"(?:s|x|z|ch|sh)$", last):
            forms.add(last + "es")
        elif re.search(r"[^aeiou]y$", last):
            forms.add(last[:-1] + "ies")
        else:
            forms.add(last + "s")
    if "verb" in mode:
        stem = last[:-1] if last.endswith("e") else last
        if last.endswith("e"):
            forms.add(last + "d")
        elif re.search(r"[^aeiou]y$", last):
            forms.add(last[:-1] + "ied")
        elif re.search(r"(?:^|[^aeiou])[aeiou][bdgmnprt]$", last) and len(last) <= 4:
            forms.add(last + last[-1] + "ed")
            stem = last + last[-1]
        else:
            forms.add(last + "ed")
        forms.add(stem + "ing")
    return sorted(prefix + f for f in forms)


def _compile(value: str, what: str, term: str) -> re.Pattern | None:
    if not value:
        return None
    try:
        return re.compile(value, re.IGNORECASE)
    except re.error as e:
        raise ValueError(f"bad {what} regex for term {term!r}: {e}") from None


def _parse(rows: Iterable[dict[str, str]]) -> Lexicon:
    entries: list[Entry] = []
    folded = ahocorasick.Automaton()
    exact = ahocorasick.Automaton()
    patterns: list[tuple[int, re.Pattern]] = []
    for n, row in enumerate(rows, start=2):
        missing = [c for c in COLUMNS if c not in row]
        if missing:
            raise ValueError(f"loaded_terms row {n}: missing columns {missing}; columns are: {', '.join(COLUMNS)}")
        cat = row["category"].strip()
        if cat not in CATEGORIES:
            raise ValueError(f"loaded_terms row {n}: category {cat!r} is not one of {', '.join(CATEGORIES)}")
        term = row["term"].strip()
        is_pattern = row["is_pattern"].strip().lower() == "true"
        cs = row["case_sensitive"].strip().lower() == "true"
        e = Entry(
            term=term,
            is_pattern=is_pattern,
            category=cat,
            case_sensitive=cs,
            inflect=row["inflect"].strip(),
            not_before=_compile(row["not_before"], "not_before", term),
            not_after=_compile(row["not_after"], "not_after", term),
            requires=_compile(row["requires"], "requires", term),
            excludes=_compile(row["excludes"], "excludes", term),
            keep_before=_compile(row.get("keep_before") or "", "keep_before", term),
            note=row["note"],
            source=row["source"].strip(),
            trigger=tuple(t.strip().lower() for t in (row.get("trigger") or "").split("|") if t.strip()),
            scope=(row.get("scope") or "").strip().lower(),
        )
        if e.scope not in ("", "paragraph"):
            raise ValueError(f"loaded_terms row {n}: scope {e.scope!r} is not '' or 'paragraph'")
        idx = len(entries)
        entries.append(e)
        if is_pattern:
            try:
                patterns.append((idx, re.compile(term, 0 if cs else re.IGNORECASE)))
            except re.error as err:
                raise ValueError(f"loaded_terms row {n}: bad pattern {term!r}: {err}") from None
            continue
        for form in inflections(term if cs else term.lower(), e.inflect):
            auto = exact if cs else folded
            # first entry wins for a duplicated form: the CSV is sorted, duplicates are a curation slip
            if form not in auto:
                auto.add_word(form, (idx, len(form)))
    for auto in (folded, exact):
        if len(auto):
            auto.make_automaton()
    return Lexicon(tuple(entries), folded, exact, tuple(patterns))


@lru_cache(maxsize=8)
def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The lexicon at ``path``, or the packaged ``labeler.data/loaded_terms.csv`` (cached)."""
    if path is None:
        text = resources.files("labeler.data").joinpath("loaded_terms.csv").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return _parse(csv.DictReader(io.StringIO(text)))


def _fold(text: str) -> str:
    """Lower-case without changing length, so offsets into the folded text are offsets into ``text``."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")  # below space except \t \n \r \f, and U+FFFD


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    return len(_CONTROL.findall(sample)) > max(2, len(sample) // 20)


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


_PREV_WORD = re.compile(r"([^\W\d_][\w’'.-]*)[ \t]+$")
_NEXT_WORD = re.compile(r"^[ \t]+([^\W\d_])")


def _inside_name(text: str, s: int, e: int) -> bool:
    """A Title-Case hit next to another Title-Case word (not merely after a sentence start) is
    part of a name ("Foreign Terrorist Organization", "Deep State Radio"), not the writer's label."""
    if not text[s].isupper() or text[s:e].isupper():
        return False
    m = _PREV_WORD.search(text, max(0, s - 40), s)
    if m and m.group(1)[0].isupper():
        before = text[max(0, m.start() - 3) : m.start()].rstrip(" \t")
        sentence_initial = not before or before[-1] in ".!?\n\"“”‘'(:"
        if not sentence_initial:
            return True
    # a following Title-Case word also makes a name ("Nazi Germany", "Deep State Radio"); the cost
    # is a miss on a capitalised label before a proper noun ("Russophobic Baltic states")
    nxt = _NEXT_WORD.match(text[e : e + 20])
    return bool(nxt and nxt.group(1).isupper())


def _sentence_window(text: str, s: int, e: int) -> str:
    lo = max(0, s - _SENTENCE)
    hi = min(len(text), e + _SENTENCE)
    left = max(text.rfind(c, lo, s) for c in ".!?\n")
    right_cands = [i for i in (text.find(c, e, hi) for c in ".!?\n") if i != -1]
    return text[(left + 1 if left >= 0 else lo) : (min(right_cands) if right_cands else hi)]


def _paragraph_window(text: str, s: int, e: int) -> str:
    """The hit's paragraph; text with no line break within _PARAGRAPH characters (unsegmented
    or junk input) falls back to the sentence, which keeps the cost per hit bounded."""
    lo = max(0, s - _PARAGRAPH)
    hi = min(len(text), e + _PARAGRAPH)
    left = text.rfind("\n", lo, s)
    right = text.find("\n", e, hi)
    if (left == -1 and lo > 0) or (right == -1 and hi < len(text)):
        return _sentence_window(text, s, e)
    return text[(left + 1 if left >= 0 else lo) : (right if right != -1 else hi)]


def _previous_paragraph(text: str, s: int) -> str:
    """The paragraph before the hit's (at most _PARAGRAPH characters of it): an op-ed sets the
    topic in one paragraph ("... a shelter for 90 asylum seekers.") and names it in the next ("It is
    part of an invasion ...")."""
    start = text.rfind("\n", max(0, s - 3 * _PARAGRAPH), s)
    if start <= 0:
        return ""
    end = start
    while end > 0 and text[end - 1] in "\n\r \t":
        end -= 1
    lo = text.rfind("\n", max(0, end - _PARAGRAPH), end)
    return text[lo + 1 if lo >= 0 else max(0, end - _PARAGRAPH): end]


# The names that case-sensitive naming conventions stand against (Kiev/Kyiv, Donbass/Donbas,
# Malvinas/Falklands, Xizang/Tibet, FYROM/North Macedonia, East Sea/Sea of Japan or South China Sea,
# Arabian/Persian Gulf, Artsakh/Nagorno-Karabakh, Khankendi/Stepanakert); both in one stretch of
# text means the two are being compared ("the Falklands in Britain and the Malvinas in Argentina",
# "the South China Sea, which Vietnam calls the East Sea"), not that one is being used.
_MODERN_SPELLINGS = re.compile(
    r"\b(?:Kyiv|Kharkiv|Luhansk|Donbas|Mykolaiv|Zaporizhzhia|Bakhmut|Dnipro|Chernihiv|Rivne|Vinnytsia|Kropyvnytskyi|Pokrovsk"
    r"|Odesa|Lviv|Zhytomyr|Kryvyi Rih|Horlivka|Ivano-Frankivsk|Chernivtsi|Ternopil|Uzhhorod"
    r"|Falklands?|Tibet|North Macedonia|Sea of Japan|Japan Sea|South China Sea|Persian Gulf|Karabakh|Stepanakert)\b"
)

# A word discussed as a word: the whole quoted text is the term and the words before the opening
# mark name it as vocabulary ('words such as "regime" or "terrorists"', 'the term "hysteria"'),
# possibly after earlier items of the same list of quoted words.
_WORD_TALK = re.compile(
    r"(?:\b(?:words?|terms?|labels?|phrases?|expressions?|vocabulary|epithets?|slurs?|adjectives?|nouns?|language)\b[^.!?\n\"“”]{0,60}"
    r"|\b(?:the|a|an)\s+(?:word|term|label|phrase|expression|epithet|adjective|noun)\s*)$",
    re.IGNORECASE,
)
# one earlier quoted item at the end of the text before a mark, with its separator; peeled off one at
# a time (a single regex with a repeated group backtracks exponentially on runs of quotes and spaces)
_LAST_ITEM = re.compile(r"""["“”'‘’][^"“”'‘’\n]{1,40}["“”'‘’][ \t]*(?:(?:,|;|/|\bor\b|\band\b)[ \t]*)?$""")
_MAX_ITEMS = 8
_VOCAB_NOUN = re.compile(r"\b(?:words?|terms?|labels?|phrases?|expressions?|vocabulary|epithets?|slurs?|adjectives?|nouns?|language)\b", re.IGNORECASE)


def _mentioned_spelling(text: str, s: int, e: int, spans: Sequence[tuple[int, int]]) -> bool:
    """A naming-convention spelling discussed as a word: the whole quoted text is the word
    (“Kiev”), or the other spelling is close by in the same paragraph ("Kiev is how Russians
    write it. Kyiv is how we say it")."""
    for qs, qe in spans:
        if qs <= s and e <= qe and text[qs:qe].strip(" .,'’\"") == text[s:e]:
            return True
    # the other spelling close by, in the same paragraph: the two are being compared
    lo, hi = max(0, s - 160), min(len(text), e + 160)
    nl_before, nl_after = text.rfind("\n", lo, s), text.find("\n", e, hi)
    window = text[nl_before + 1 if nl_before != -1 else lo : nl_after if nl_after != -1 else hi]
    return bool(_MODERN_SPELLINGS.search(window))


# A quotation the writer introduces as keeping the spelling of its time ("he describes it in the
# spelling and style of the time", "in the original spelling"): its old spellings are not a choice.
_PERIOD_SPELLING = re.compile(
    r"\b(?:(?:spelling|orthography|transliteration)s?\b[^.\n]{0,30}?\bof\s+(?:the|its|that|his|her|their)\s+(?:time|day|days|era|period|age)"
    r"|(?:original|period|old|archaic|contemporary|historical|pre-war|prewar|soviet-era|imperial)\s+(?:spelling|orthography|transliteration)s?"
    r"|as\s+(?:it\s+was\s+)?(?:spelled|spelt|written)\s+(?:at|in)\s+the\s+time)\b",
    re.IGNORECASE,
)


def _period_spelling_quote(text: str, spans: Sequence[tuple[int, int]]) -> bool:
    """A quotation introduced, in the 300 characters before it within its paragraph, as keeping the
    spelling of its time (a letter of 1911 that writes "Kiev"): the spelling is the source's, not a choice."""
    for qs, _qe in spans:
        lo = max(0, qs - 300)
        nl = text.rfind("\n\n", lo, qs)
        if _PERIOD_SPELLING.search(text, nl + 2 if nl != -1 else lo, qs):
            return True
    return False


# A pathologising word quoted from clinical records ("admitted for "moral insanity"") in a paragraph
# about asylums, diagnoses or case books is a historical diagnosis, not a label for opponents.
_CLINICAL = re.compile(
    r"\b(?:diagnos\w*|asylums?|psychiatr\w*|case\s*books?|case\s+notes|patients?|physicians?|doctors?|admitted\s+(?:for|with)|"
    r"lunatic|sanatorium|sanatoria|hospitals?|medical\s+records?|(?:18th|19th|eighteenth|nineteenth)[- ]century|victorian)\b",
    re.IGNORECASE,
)


def _clinical_quote(text: str, s: int, e: int) -> bool:
    """The paragraph (up to 600 characters either side) around a quoted pathologising term speaks of
    diagnoses, asylums or patients."""
    lo, hi = max(0, s - 600), min(len(text), e + 600)
    nl_b, nl_a = text.rfind("\n\n", lo, s), text.find("\n\n", e, hi)
    return bool(_CLINICAL.search(text, nl_b + 2 if nl_b != -1 else lo, nl_a if nl_a != -1 else hi))


# Reported verdict: a speaker's evaluative word given as the bare complement of a verb of calling
# or accusing, outside quotation marks ("Phnom Penh has called that idea absurd", "accused
# opponents of scaremongering", "dismissed the reports as fabrications"). The labelled sets list
# such words neither as the author's nor as quoted: it is the speaker's verdict, reported. Naming
# conventions are exempt (a paraphrase that says "the Zionist regime" uses the name itself), and
# so is a word with more of the writer's phrase after it ("calling it a dangerous provocation that
# harms ..."): only a complement that ends the clause counts.
_VERDICT_VERB = (
    r"(?:call(?:s|ed|ing)?|term(?:s|ed|ing)?|deem(?:s|ed|ing)?|pronounc(?:es|ed|ing))(?!\s+(?:for|on|upon|in|out|off|up|back|to|it\s+quits)\b)"
    r"(?:\s+(?!(?:for|on|upon|at|amid|after|during|into|and|but|while|because|since|when|if|is|was|are|were|be)\b)[\w'’-]+){0,5}?\s+(?:as\s+)?"
    r"|(?:dismiss(?:es|ed|ing)?|describ(?:es|ed|ing)|brand(?:s|ed|ing)?|label(?:s|led|ed|ling|ing)?|denounc(?:es|ed|ing)|condemn(?:s|ed|ing)?|"
    r"decr(?:ies|ied|ying)|characteri[sz](?:es|ed|ing)|portray(?:s|ed|ing)?|depict(?:s|ed|ing)?|reject(?:s|ed|ing)?)"
    r"(?:\s+(?!(?:and|but|while|because|since|when|if)\b)[\w'’-]+){0,6}?\s+as\s+"
    r"|accus(?:es|ed|ing)(?:\s+(?!(?:and|but|while|because|since|when|if)\b)[\w'’-]+){0,6}?\s+of\s+"
)
_VERDICT_BEFORE = re.compile(r"\b(?:" + _VERDICT_VERB + r")(?:(?:an?|the)\s+)?$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"(?:\s*(?:[.;:!?,)]|$)|\s+(?:and|or|but|while|noting|saying|adding|arguing|because|as|after|before|since)\b)", re.IGNORECASE)


def _reported_verdict(text: str, s: int, e: int) -> bool:
    """The term is a speaker's verdict word reported without quotation marks (see above)."""
    return bool(_VERDICT_BEFORE.search(text, max(0, s - 90), s)) and bool(_CLAUSE_END.match(text, e, min(len(text), e + 12)))


def _discussed_word(text: str, s: int, e: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Use-mention: a term quoted on its own after 'words such as', 'the term', ... is talked about, not used."""
    for qs, qe in spans:
        if qs <= s and e <= qe and text[qs:qe].strip(" .,;:!?'’\"") == text[s:e]:
            before = text[max(0, qs - 1 - 200) : max(0, qs - 1)]
            if not _VOCAB_NOUN.search(before):  # cheap exit: most quoted hits have no such word nearby
                return False
            for _ in range(_MAX_ITEMS):
                m = _LAST_ITEM.search(before, max(0, len(before) - 60))
                if m is None:
                    break
                before = before[: m.start()]
            if _WORD_TALK.search(before):
                return True
    return False


def _context_ok(text: str, s: int, e: int, entry: Entry) -> bool:
    """The row's context columns. ``keep_before`` is a strong sign of the loaded sense right before
    the hit ("Assad regime", "the Kiev regime") that outweighs the after-text and sentence signs of
    the technical sense ("... regime, introduced in 2019, lets companies"), which are looser."""
    before = text[max(0, s - _BEFORE) : s]
    if entry.not_before is not None and entry.not_before.search(before):
        return False
    kept = entry.keep_before is not None and entry.keep_before.search(before) is not None
    if not kept and entry.not_after is not None and entry.not_after.search(text[e : e + _AFTER]):
        return False
    excludes = None if kept else entry.excludes
    if entry.requires is not None or excludes is not None:
        window = _paragraph_window(text, s, e) if entry.scope == "paragraph" else _sentence_window(text, s, e)
        if entry.requires is not None and not entry.requires.search(window) and not (
                entry.scope == "paragraph" and entry.requires.search(_previous_paragraph(text, s))):
            return False
        if excludes is not None and excludes.search(window):
            return False
    return True


def _candidates(text: str, lex: Lexicon) -> list[tuple[int, int, int]]:
    out: list[tuple[int, int, int]] = []
    n = len(text)

    def boundary_ok(s: int, e: int, entry: Entry) -> bool:
        if s > 0:
            p = text[s - 1]
            if _word_char(p) or p in "#@" or (p == "-" and entry.category != "naming_convention"):
                return False
        return e >= n or not _word_char(text[e])

    folded = _fold(text)
    for auto, hay in ((lex.folded, folded), (lex.exact, text)):
        if not len(auto):
            continue
        for end, (idx, length) in auto.iter(hay):
            s, e = end - length + 1, end + 1
            entry = lex.entries[idx]
            if boundary_ok(s, e, entry):
                out.append((s, e, idx))
    for idx, rx in lex.patterns:
        entry = lex.entries[idx]
        if entry.trigger and not any(t in folded for t in entry.trigger):
            continue
        for m in rx.finditer(text):
            g = 1 if rx.groups else 0
            s, e = m.span(g)
            if e > s and boundary_ok(s, e, entry):
                out.append((s, e, idx))
    return out


def find_loaded_terms(text: str, quotes: Sequence[Quote] = (), lexicon: Lexicon | None = None,
                      capped: list[str] | None = None) -> list[LoadedTerm]:
    """Loaded terms in ``text``, each with its voice.

    A hit inside a direct quote's content is ``quoted`` with that quote's speaker; inside
    quotation marks that sit in an indirect quote (a partial quotation) likewise; inside
    quotation marks with no speaker (scare quotes) and everywhere else it is the author's.
    ``capped``, when given, receives the lexicon terms whose later repeats were not read
    (more than :data:`MAX_PER_TERM` occurrences), so the caller can say so.
    """
    if not isinstance(text, str) or not text.strip() or _looks_binary(text):
        return []
    lex = lexicon if lexicon is not None else load_lexicon()
    cands = _candidates(text, lex)
    if not cands:
        return []
    marks = sorted((q.start, q.end) for q in quoted_spans(text)) + sorted((q.start, q.end) for q in single_quoted_spans(text))
    marks.sort()
    kept: list[tuple[int, int, int]] = []
    seen: dict[int, int] = {}
    for s, e, idx in cands:
        seen[idx] = seen.get(idx, 0) + 1
        if seen[idx] > MAX_PER_TERM:
            if seen[idx] == MAX_PER_TERM + 1 and capped is not None:
                capped.append(text[s:e].lower())  # as written: a pattern row has no readable term
            continue
        entry = lex.entries[idx]
        if not _context_ok(text, s, e, entry):
            continue
        if entry.category != "naming_convention" and not entry.case_sensitive and _inside_name(text, s, e):
            continue
        inside = _containing(marks, s, e)
        if entry.category == "naming_convention" and entry.case_sensitive and (
            _mentioned_spelling(text, s, e, inside) or (inside and _period_spelling_quote(text, inside))
        ):
            continue
        if inside and entry.category == "pathologising" and _clinical_quote(text, s, e):
            continue
        if not inside and entry.category != "naming_convention" and _reported_verdict(text, s, e):
            continue
        if inside and _discussed_word(text, s, e, inside):
            continue
        kept.append((s, e, idx))
    # leftmost-longest, no overlaps
    kept.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    chosen: list[tuple[int, int, int]] = []
    last_end = -1
    for s, e, idx in kept:
        if s >= last_end:
            chosen.append((s, e, idx))
            last_end = e
    voice = _Voice(text, quotes, marks)
    out = []
    for s, e, idx in chosen:
        entry = lex.entries[idx]
        v, speaker = voice(s, e)
        out.append(LoadedTerm(term=text[s:e], start=s, end=e, voice=v, speaker=speaker, category=entry.category, source=entry.source))
    return out


def _containing(spans: Sequence[tuple[int, int]], s: int, e: int) -> list[tuple[int, int]]:
    i = bisect.bisect_right(spans, (s, 1 << 62))
    out = []
    for j in range(i - 1, max(-1, i - 9), -1):  # spans rarely nest more than a few deep
        qs, qe = spans[j]
        if qs <= s and e <= qe:
            out.append((qs, qe))
    return out


class _Voice:
    """Who speaks at an offset: direct quotes first, then quotation marks inside indirect speech."""

    def __init__(self, text: str, quotes: Sequence[Quote], marks: Sequence[tuple[int, int]]):
        self.direct = sorted((q.start, q.end, i) for i, q in enumerate(quotes) if q.kind == "direct")
        self.indirect = sorted((q.start, q.end, i) for i, q in enumerate(quotes) if q.kind != "direct")
        self.quotes = quotes
        self.marks = marks

    @staticmethod
    def _find(spans: Sequence[tuple[int, int, int]], s: int, e: int) -> int | None:
        i = bisect.bisect_right(spans, (s, 1 << 62, 1 << 62))
        best = None
        for j in range(i - 1, -1, -1):
            qs, qe, k = spans[j]
            if qs <= s and e <= qe:
                if best is None or qe - qs < spans[best][1] - spans[best][0]:
                    best = j
            if s - qs > 20000:
                break
        return spans[best][2] if best is not None else None

    def __call__(self, s: int, e: int) -> tuple[str, str | None]:
        k = self._find(self.direct, s, e)
        if k is not None:
            return "quoted", self.quotes[k].speaker
        if _containing(self.marks, s, e):
            k = self._find(self.indirect, s, e)
            if k is not None:
                return "quoted", self.quotes[k].speaker
        return "author", None


# Rule score -----------------------------------------------------------------------------------

#: How much one author-voice use of a category counts. Labels that name or dehumanise people
#: weigh most; intensifiers least (PTC annotators mark them, but they are common in plain news).
CATEGORY_WEIGHTS = {
    "dehumanising": 1.5,
    "pejorative_label": 1.0,
    "conspiracy": 1.0,
    "pathologising": 1.0,
    "scare_label": 1.0,
    "euphemism": 0.8,
    "pejorative": 0.7,
    "naming_convention": 0.6,
    "exaggeration": 0.5,
}
QUOTED_WEIGHT = 0.1  # reporting someone's loaded words is not using them
SCALE = 6.0  # weighted uses per 1,000 words at which the score reaches 1 - 1/e
MIN_WORDS = 150  # short texts are scored as if this long, so one word in a headline is not 1.0


def loaded_language_score(terms: Sequence[LoadedTerm], text: str) -> float:
    """Rule score in [0, 1] from the density of loaded terms, by category and voice.

    ``W = sum over distinct (term, voice) of weight(category) * (QUOTED_WEIGHT if quoted) *
    (1 + 0.5 ln n)`` where ``n`` is how often that term recurs in that voice (repetition adds
    little); ``density = 1000 * W / max(words, MIN_WORDS)``; ``score = 1 - exp(-density / SCALE)``.
    """
    if not terms:
        return 0.0
    words = len(text.split()) if isinstance(text, str) else 0
    counts: dict[tuple[str, str, str], int] = {}
    for t in terms:
        key = (t.term.lower(), t.voice, t.category)
        counts[key] = counts.get(key, 0) + 1
    w = 0.0
    for (_, voice, cat), n in counts.items():
        w += CATEGORY_WEIGHTS.get(cat, 0.7) * (QUOTED_WEIGHT if voice == "quoted" else 1.0) * (1 + 0.5 * math.log(n))
    density = 1000.0 * w / max(words, MIN_WORDS)
    return float(min(1.0, max(0.0, 1.0 - math.exp(-density / SCALE))))
