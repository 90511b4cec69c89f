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
  an unattributed, uncountered main claim makes the article unbalanced unless the article both
  voices a dispute (below) and lets another party answer (an other voice, below): reporting that
  gives the other side of its main dispute stays balanced when the author adds a closing verdict;
  a countered main claim makes it balanced; an attributed, uncountered one is balanced only if
  the article voices a dispute;
* with no contested claim, balanced means the article voices a dispute at all: a counterclaim
  cue ("denied", "rejects", "could not verify either side's account", "not all ... convinced")
  or a right-of-reply line ("declined to comment", "did not respond to a request for comment");
  another source's alternative explanation ("the rise also reflected ...") answers the claim it
  shares words with (claims.py) but voices no dispute by itself;
* the other side is also often given with plain verbs or by a second source: a critical voice
  ("the opposition party criticised the measure", "residents complained", "said the move breached
  international law") counts when its subject is not the article's lead actor (the first quoted
  source, or the source of the main claim); a second named source counts when it criticises or
  counters, or answers after a contrast ("But the ministry said ..."). Alone, neither answers an
  unattributed main claim: who disagrees with the author cannot be told from a plain verb.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ..schema import Claim, Quote
from ..text import Span, quoted_spans, sentence_at
from .claims import CLAIM_THRESHOLD, MAX_TEXT, scan_body, claim_weight, find_hits, is_alternative, may_match

ASSERTING_MIN = 0.6  # contested-cue weight in a source's words that puts it on the asserting side
CRITIC_VERB = 1.0  # "critic" cues of this weight are critical verbs; lighter ones are critical content that
                   # needs a reporting verb before it in the sentence ("X said the move breached ...")

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


ANON_WINDOW = 400  # characters around a quote read for anonymity markers (a run-on "sentence" may be huge)


def _around(text: str, sent: Span | None, start: int, end: int) -> str:
    """The quote's sentence, cut to ANON_WINDOW characters either side of the quote: a run-on
    text with thousands of quotes in one "sentence" must not cost a sentence per quote."""
    if sent is None:
        return text[max(0, start - ANON_WINDOW):end + ANON_WINDOW]
    return text[max(sent.start, start - ANON_WINDOW):min(sent.end, max(end, start) + ANON_WINDOW)]


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
        sent_text = _around(text, sent, q.start, q.end) if sent else q.content
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
    body, _ = scan_body(text)
    # another explanation ("the rise also reflected ...") answers the causal claim it shares words
    # with (claims._countered), not the article's dispute at large
    if any(not is_alternative(h) for b in body for h in b.counter):
        return True
    # may_match is a cheap necessary condition (a cue's first letters occur), checked first
    return any(may_match(b.span.text, "balance_seek") and find_hits(b.span.text, "balance_seek") for b in body)


_CONTRAST_OPEN = re.compile(
    r"^\W*(?:but|however|yet|by contrast|in contrast|on the other hand|for (?:his|her|its|their) part|"
    r"in response|responding|in a reply|others|some)\b", re.I)
_FUNCTION = frozenset(
    "the a an and or of to in on for at by with from as that this these those its his her their our who which "
    "also has have had was were is are be been will would said says say told mr mrs ms dr president prime "
    "minister ministers spokesman spokeswoman spokesperson secretary deputy senior chief head official "
    "officials on monday tuesday wednesday thursday friday saturday sunday last week yesterday today "
    "however but yet meanwhile later earlier then while after before when".split())
_TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f][\w'\u2019\-]*")


def _actor_words(phrase: str) -> frozenset[str]:
    """Content stems naming an actor ("the opposition Democratic Party" -> oppos, democ, party)."""
    return frozenset(w.lower().removesuffix("'s").removesuffix("\u2019s")[:5] for w in _TOKEN.findall(phrase)
                     if w.lower() not in _FUNCTION and w.lower() not in _PRONOUN and len(w) > 1)


def _subject_before(text: str, sent: Span, pos: int) -> frozenset[str]:
    """Actor words in the clause before ``pos`` in its sentence (at most the eight words before it)."""
    head = text[max(sent.start, pos - _WINDOW):pos]
    head = re.split(r"[;:\u2014\u2013]|\b(?:and|but|while|whereas|although|after|as|because)\b", head)[-1]
    return _actor_words(" ".join(head.split()[-8:]))


_WINDOW = 200  # characters before a verb searched for its subject (bounded: a run-on "sentence" can be huge)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|be|being|is|are|get|gets|got|will|would|not)\s+(?:\w+ly\s+)?$", re.I)
_GROUP_HEADS = _GENERIC_HEADS | frozenset(
    "critics opponents opposition party parties union unions activists campaigners groups group residents "
    "neighbours neighbors farmers workers employees staff teachers doctors nurses students parents families "
    "villagers locals environmentalists lawyers rivals government governments ministry council court "
    "judge judges commission committee association associations federation league coalition alliance "
    "bloc democrats republicans conservatives liberals socialists greens".split())


def _critic_subject(text: str, sent: Span, pos: int) -> frozenset[str]:
    """Actor stems just before a critical verb at ``pos``: empty unless a name (a capitalised word) or a
    group noun ("residents", "the union") stands there, so "was questioned by police" or "objecting
    agencies" name nobody."""
    head = text[max(sent.start, pos - _WINDOW):pos]
    if _PASSIVE_BEFORE.search(head):  # "was questioned by police", "will not be condemned"
        return frozenset()
    words = head.split()
    near = words[-5:]
    # the sentence's first word is capitalised anyway: it names someone only if it is not first
    first_is_initial = len(near) == len(words) and pos - _WINDOW <= sent.start
    named = [w for w in near[1:] if w[:1].isupper()] + (
        [near[0]] if near and near[0][:1].isupper() and not first_is_initial else [])
    if not named and not any(re.sub(r"\W", "", w.lower()) in _GROUP_HEADS for w in near):
        return frozenset()
    return _subject_before(text, sent, pos)


def _lead_actor(text: str, quotes: Sequence[Quote], main: Claim | None) -> frozenset[str]:
    """Who the article is mainly about or relies on: the subject of its first sentence, the first
    named source and the main claim's source."""
    words: set[str] = set()
    body, _ = scan_body(text)
    if body:  # the first body sentence's opening words: its subject, as a rule of news writing
        words |= _actor_words(" ".join(body[0].span.text.split()[:4]))
    named = sorted((q for q in quotes if (q.speaker or "").strip() and q.speaker.strip().lower() not in _PRONOUN),
                   key=lambda q: q.start)
    if named:
        words |= _actor_words(named[0].speaker)
    if main is not None:
        for q in quotes:
            if q.start < main.end and q.end > main.start and (q.speaker or "").strip():
                words |= _actor_words(q.speaker)
        hits = find_hits(main.sentence, "attribution")
        if hits:
            words |= _subject_before(main.sentence, Span(0, len(main.sentence), main.sentence), hits[0].start)
    return frozenset(words)


def other_voice(text: str, quotes: Sequence[Quote], main: Claim | None = None) -> str | None:
    """Evidence that someone other than the lead actor criticises, counters or answers: a critical
    voice with its own subject, or a second named source who counters or speaks after a contrast."""
    body, _ = scan_body(text)
    critics = find_hits(text, "critic")  # one cached pass over the article, shared with the sentence checks
    if not critics and not quotes:
        return None
    lead = _lead_actor(text, quotes, main)
    # a lead actor who protests or demands makes any other named source its answer
    lead_critic = bool(body) and any(body[0].span.start <= h.start < body[0].span.end for h in critics)
    starts = [b.span.start for b in body]
    reporting = [h.start for h in find_hits(text, "attribution")]
    quoted = [(q.start, q.end) for q in quoted_spans(text)] if critics else []
    for h in critics:
        i = bisect.bisect_right(starts, h.start) - 1
        if i < 0 or h.start >= body[i].span.end:
            continue  # a headline, caption or notice
        if any(a <= h.start < b for a, b in quoted):
            continue  # inside someone's quoted words: who they criticise is not who speaks
        sent = body[i].span
        if h.cue.weight < CRITIC_VERB:  # critical content ("breached international law") needs a reporter
            r = bisect.bisect_left(reporting, sent.start)
            if r >= len(reporting) or reporting[r] >= h.start:
                continue
            h_at = reporting[r]
        else:
            h_at = h.start
        who = _critic_subject(text, sent, h_at)
        if who and not who & lead:
            return text[h.start:h.end]
    seen: list[frozenset[str]] = []
    for q in sorted(quotes, key=lambda q: q.start):
        speaker = (q.speaker or "").strip()
        if not speaker or speaker.lower() in _PRONOUN or not (0 <= q.start < len(text)):
            continue
        who = _actor_words(speaker)
        sent = sentence_at(text, q.start)
        if not who or sent is None or _is_anonymous(speaker, _around(text, sent, q.start, q.end)):
            continue
        if seen and all(not who & w for w in seen) and not who & lead and (
                lead_critic or _CONTRAST_OPEN.match(sent.text)
                or any(sent.start <= h.start < sent.end for h in critics) or find_hits(q.content, "counter")):
            return speaker
        seen.append(who)
    return None


def main_claim(claims: Sequence[Claim]) -> Claim | None:
    """The strongest unattributed claim, else the strongest claim (first on ties)."""
    if not claims:
        return None
    pool = [c for c in claims if not c.attributed] or list(claims)
    # a rule claim weighs at least CLAIM_THRESHOLD (loaded terms that made it are not in its sentence alone)
    return max(pool, key=lambda c: (max(claim_weight(c.sentence), CLAIM_THRESHOLD), -c.start))


def source_balance(text: str, quotes: Sequence[Quote], claims: Sequence[Claim]) -> tuple[dict, bool]:
    """(sources dict, balanced); see the module docstring for both definitions."""
    if not isinstance(text, str) or not text.strip():
        return {"count": 0, "by_side": {"asserting": 0, "countering": 0, "other": 0}, "anonymous": 0, "names": []}, False
    text = text[:MAX_TEXT] if len(text) > MAX_TEXT else text
    sources = _sources(text, quotes)
    main = main_claim(claims)
    if main is not None and main.countered:
        return sources, True
    if main is not None and not main.attributed:
        # an author's bare verdict stays one-sided unless the article also voices the dispute and
        # lets another party answer (both, as either alone is common in one-sided copy too)
        return sources, dispute_voiced(text) and other_voice(text, quotes, main) is not None
    return sources, dispute_voiced(text) or other_voice(text, quotes, main) is not None
