"""Offset-preserving text helpers shared by every detector: sentences, paragraphs, quoted spans.

Nothing here rewrites the text: every span is (start, end) into the string given, so
detectors can report evidence that slices out exactly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Opening and closing quotation marks seen in news copy. Typographic closers are often
# used as openers (the seed opens quotes with U+201D), so pairing is by alternation.
DOUBLE_QUOTES = "\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"
SINGLE_OPEN = "\u2018\u201a\u2039"
SINGLE_CLOSE = "\u2019\u203a"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


# Abbreviations after which a period does not end a sentence.
_ABBREV = (
    "Mr Mrs Ms Dr Prof Gen Lt Col Sgt Capt Maj Adm Gov Sen Rep Rev St Jr Sr Inc Ltd Co Corp "
    "No Nos vs etc Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec U.S U.K U.N E.U Pres Amb "
    "Brig Cmdr Lt.Col Mt Ft a.m p.m approx est Dept Univ"
).split()

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) then whitespace
# and an uppercase letter, a digit, or an opening quote; or at a blank line.
_SENT_END = re.compile(
    r"([.!?]+[\"'\u201d\u2019\u00bb)\]]*)"
    r"(?=\s+[\"'\u201c\u201d\u2018\u00ab(\[]?[A-Z0-9\u00c0-\u024f\u0400-\u04ff])"
)
_ABBREV_SET = frozenset(a.lower() for a in _ABBREV)
_LAST_TOKEN = re.compile(r"([A-Za-z.]+)$")


def _is_abbreviation(before: str) -> bool:
    m = _LAST_TOKEN.search(before)
    if not m:
        return False
    tok = m.group(1)
    return tok.lower().rstrip(".") in _ABBREV_SET or (len(tok) == 1 and tok.isupper())




def paragraphs(text: str) -> list[Span]:
    """Non-empty paragraphs (blank-line or line separated), with offsets."""
    return list(_paragraphs_cached(text))


@lru_cache(maxsize=64)
def _paragraphs_cached(text: str) -> tuple[Span, ...]:
    out: list[Span] = []
    pos = 0
    for m in re.finditer(r"\n+", text):
        _add_stripped(text, pos, m.start(), out)
        pos = m.end()
    _add_stripped(text, pos, len(text), out)
    return tuple(out)


def _add_stripped(text: str, start: int, end: int, out: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end, text[start:end]))


def sentences(text: str) -> list[Span]:
    """Sentences with offsets; never crosses a line break (headlines, notices, captions
    are their own lines in news copy)."""
    return list(_sentences_cached(text))


@lru_cache(maxsize=64)
def _sentences_cached(text: str) -> tuple[Span, ...]:
    out: list[Span] = []
    for para in _paragraphs_cached(text):
        pos = para.start
        for m in _SENT_END.finditer(para.text):
            if m.group(1)[0] == "." and _is_abbreviation(para.text[max(0, m.start() - 40) : m.start()]):
                continue
            end = para.start + m.end()
            _add_stripped(text, pos, end, out)
            pos = end
        _add_stripped(text, pos, para.end, out)
    return tuple(out)


def sentence_at(text: str, offset: int) -> Span | None:
    """The sentence containing ``offset`` (binary search over cached sentences)."""
    sents = _sentences_cached(text)
    lo, hi = 0, len(sents)
    while lo < hi:
        mid = (lo + hi) // 2
        if sents[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(sents) and sents[lo].start <= offset < sents[lo].end:
        return sents[lo]
    return None


@dataclass(frozen=True)
class QuotedSpan:
    """A stretch inside quotation marks: ``start``/``end`` exclude the marks."""

    start: int
    end: int
    text: str
    balanced: bool  # False when the closing mark was missing and the span was cut at the paragraph end


def quoted_spans(text: str) -> list[QuotedSpan]:
    """Double-quoted stretches, paragraph by paragraph.

    Marks are paired by alternation within a paragraph; a quotation that continues into
    the next paragraph (news style: no closing mark, a new opening mark) is closed at the
    paragraph end. An odd mark left over yields an unbalanced span to the paragraph end,
    flagged so callers can degrade and say so.
    """
    out: list[QuotedSpan] = []
    for para in paragraphs(text):
        # a doubled apostrophe ('') is a double quotation mark in typewriter-converted copy
        marks = [(m.start(), m.end()) for m in _DOUBLE_MARK.finditer(para.text)]
        # guillemets are directional: « opens, » closes; others alternate
        i = 0
        while i < len(marks):
            open_end = para.start + marks[i][1]
            if i + 1 < len(marks):
                close_pos = para.start + marks[i + 1][0]
                out.append(QuotedSpan(open_end, close_pos, text[open_end:close_pos], True))
                i += 2
            else:
                if para.end - open_end > 0:
                    out.append(QuotedSpan(open_end, para.end, text[open_end:para.end], False))
                i += 1
    return out


_DOUBLE_MARK = re.compile("''|[" + DOUBLE_QUOTES + "]")


def single_quoted_spans(text: str) -> list[QuotedSpan]:
    """Spans in typographic single quotes (‘...’), as headlines and scare quotes use them.

    Apostrophes (’ between letters) are not closers.
    """
    out: list[QuotedSpan] = []
    for m in re.finditer(r"[\u2018\u201a]([^\u2018\u2019\n]{1,200}?)\u2019(?![A-Za-z])", text):
        out.append(QuotedSpan(m.start(1), m.end(1), m.group(1), True))
    return out
