"""Source balance: how many distinct sources are quoted, on which side of the article's dispute,
how many are anonymous, and whether the main contested claim gets the other side.

``sources`` (refines the contract's minimum; every key is always present)::

    {"count": int,            # distinct speakers among the quotes (name variants merged)
     "by_side": {"asserting": int,   # sources whose quoted words carry contested-claim cues (weight >= 0.6)
                 "countering": int,  # sources who deny, reject or dispute (counterclaim cues)
                 "other": int},      # everyone else (witnesses, officials giving figures)
     "anonymous": int,        # unnamed sources ("a senior official", "analysts", "on condition of anonymity")
     "names": [str, ...]}     # the merged speaker names, in order of first mention

"Side" is a source's role in the dispute the article reports, not a political camp: it is
what a reader can check from the text without knowing who is right.

``balanced`` is True when the article gives the other side of its main contested claim:

* when there are claims, the main one is the strongest unattributed one (else the strongest);
  an unattributed, uncountered main claim makes the article unbalanced; a countered one makes
  it balanced; an attributed, uncountered one is balanced only if the article voices a dispute;
* with no contested claim, balanced means the article voices a dispute at all: a counterclaim
  cue ("denied", "rejects", "could not verify either side's account", "not all ... convinced")
  or a right-of-reply line ("declined to comment", "did not respond to a request for comment").
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..schema import Claim, Quote
from ..text import sentence_at
from .claims import MAX_TEXT, _scan, claim_weight, find_hits, may_match

ASSERTING_MIN = 0.6  # contested-cue weight in a source's words that puts it on the asserting side

_TITLE = re.compile(
    r"^(?:(?:mr|mrs|ms|dr|prof|gen|col|sen|rep|gov|president|prime minister|minister|secretary|spokesperson|"
    r"spokesman|spokeswoman|deputy|senior|colonel|general|rear admiral|admiral)\.?\s+)+",
    re.I,
)
_ARTICLE = re.compile(r"^(?:a|an|the|one|two|several|some)\s+", re.I)
_ANONYMITY = re.compile(r"anonymity|to be (named|identified)", re.I)
_DENIAL_CUE = re.compile(r"\b(den|reject|disput|dismiss|refut|rebu)", re.I)
_PRONOUN = frozenset("he she they it we i you his her their its".split())
_GENERIC_HEADS = frozenset(
    "official officials source sources expert experts analyst analysts observer observers researcher researchers "
    "critic critics diplomat diplomats insider insiders spokesperson spokesman spokeswoman people residents "
    "witnesses witness authorities officers person man woman member members lawmaker lawmakers economist "
    "economists scholar scholars".split()
)


def _key(speaker: str) -> str:
    s = _ARTICLE.sub("", speaker.strip())
    s = _TITLE.sub("", s)
    toks = [t for t in re.findall(r"[\w'\u2019\-]+", s.lower())]
    return toks[-1] if toks and speaker[:1].isupper() and len(toks) <= 4 else " ".join(toks)


def _is_anonymous(speaker: str, sentence_text: str) -> bool:
    # the plain search first: it rarely matches, and then the cue scan is not needed
    if _ANONYMITY.search(sentence_text) and find_hits(sentence_text, "anonymous"):
        return True
    s = _ARTICLE.sub("", speaker.strip())
    words = s.split()
    if not words:
        return True
    head = re.sub(r"\W", "", words[-1].lower())
    if head not in _GENERIC_HEADS:
        return False
    # "Western officials", "a senior administration official": no proper name after the first word
    return not any(w[:1].isupper() for w in words[1:])


def _sources(text: str, quotes: Sequence[Quote]) -> dict:
    names: list[str] = []
    keys: dict[str, int] = {}
    side_of: dict[int, str] = {}
    anon: set[int] = set()
    for q in quotes:
        speaker = (q.speaker or "").strip()
        if not speaker or speaker.lower() in _PRONOUN:
            continue
        k = _key(speaker)
        if k not in keys:
            keys[k] = len(names)
            names.append(speaker)
        i = keys[k]
        sent = sentence_at(text, q.start) if 0 <= q.start < len(text) else None
        sent_text = sent.text if sent else q.content
        if _is_anonymous(speaker, sent_text):
            anon.add(i)
        if find_hits(q.content, "counter") or _DENIAL_CUE.search(q.cue or ""):
            side_of[i] = "countering"
        elif claim_weight(q.content) >= ASSERTING_MIN and side_of.get(i) != "countering":
            side_of[i] = "asserting"
        else:
            side_of.setdefault(i, "other")
    by_side = {"asserting": 0, "countering": 0, "other": 0}
    for i in range(len(names)):
        by_side[side_of.get(i, "other")] += 1
    return {"count": len(names), "by_side": by_side, "anonymous": len(anon), "names": names}


def dispute_voiced(text: str) -> bool:
    """Does the body carry a counterclaim or right-of-reply cue outside the claims' own cues?"""
    body, _ = _scan(text)
    if any(b.counter for b in body):
        return True
    # may_match is a cheap necessary condition (a cue's first letters occur), checked first
    return any(may_match(b.span.text, "balance_seek") and find_hits(b.span.text, "balance_seek") for b in body)


def main_claim(claims: Sequence[Claim]) -> Claim | None:
    """The strongest unattributed claim, else the strongest claim (first on ties)."""
    if not claims:
        return None
    pool = [c for c in claims if not c.attributed] or list(claims)
    return max(pool, key=lambda c: (claim_weight(c.sentence), -c.start))


def source_balance(text: str, quotes: Sequence[Quote], claims: Sequence[Claim]) -> tuple[dict, bool]:
    """(sources dict, balanced); see the module docstring for both definitions."""
    if not isinstance(text, str) or not text.strip():
        return {"count": 0, "by_side": {"asserting": 0, "countering": 0, "other": 0}, "anonymous": 0, "names": []}, False
    text = text[:MAX_TEXT] if len(text) > MAX_TEXT else text
    sources = _sources(text, quotes)
    main = main_claim(claims)
    if main is None:
        return sources, dispute_voiced(text)
    if main.countered:
        return sources, True
    if not main.attributed:
        return sources, False
    return sources, dispute_voiced(text)
