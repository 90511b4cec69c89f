"""The fast cue matcher (key trie + per-position sub-alternations) finds exactly what the plain
per-kind alternation finds: same spans, same winning cue, same non-overlap, for every kind."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from labeler.cues import claims
from labeler.cues.claims import KINDS, Cue, find_hits, may_match


def _reference(text: str, kind: str) -> list[tuple[int, int, str]]:
    """What finditer over the kind's whole alternation finds (the definition of a hit)."""
    rx, cues = claims._kind_regex(kind)
    return [(m.start(), m.end(), cues[int(m.lastgroup[1:])].term) for m in rx.finditer(text)]


def _fast(text: str, kind: str) -> list[tuple[int, int, str]]:
    return [(h.start, h.end, h.cue.term) for h in find_hits(text, kind)]


SENTENCES = [
    "The blast was deliberately staged, officials said, but Moscow denied any role.",
    "According to the ministry, the shortage is the direct result of sanctions.",
    "The islands have been an inalienable part of the republic since ancient times.",
    "Kyiv DENIED the claims; the so-called referendum was a sham, critics say.",
    "He may have been forced to resign, a senior official said on condition of anonymity.",
    "The ministry did not respond to a request for comment.",
    "The\u00a0strike was\tdeliberately aimed at refugees, the governor said.",  # no-break space, tab
    "Self-deliberately, pre-denied and deliberately_ are not whole words; deliberately-planned neither.",
    # re.I folds these onto ASCII letters; each alone, as the dotted I also changes str.lower()'s length
    "The \u017fo-called vote, long s.",
    "Moscow den\u0131ed it, dotless i.",
    "Moscow den\u0130ed it, dotted I.",
    "\u212aiev insists, Kelvin sign.",
    "\u201cThey deliberately lied,\u201d she said. \u2018Rejected\u2019, he wrote.",
    "x" * 30 + " deliberately",
    "deliberately",
    "",
]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("text", SENTENCES)
def test_fast_matcher_finds_the_same_hits_as_the_alternation(text, kind):
    assert _fast(text, kind) == _reference(text, kind)


@pytest.mark.parametrize("text, kind", [
    ("Moscow denied it.", "counter"),
    ("The war was deliberately provoked.", "motive"),
    ("\u017fo-called experts", "evaluative"),
])
def test_invented_sentences_do_have_hits(text, kind):
    # guards the parametrised comparison above against comparing nothing with nothing
    assert _fast(text, kind) and _fast(text, kind) == _reference(text, kind)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("text", SENTENCES)
def test_may_match_is_false_only_without_hits(text, kind):
    if not may_match(text, kind):
        assert _reference(text, kind) == []


_VOCAB = sorted({w for c in claims.load_cues() for w in re.findall(r"[A-Za-z'\u2019\-]+", c.term) if len(w) > 1}
                | {"the", "a", "said", "Moscow", "\u017faid", "\u0130s"})
_SEPS = [" ", "  ", "\t", "\u00a0", "-", "_", ", ", ". ", "\n\n", "\u201c", "'", ""]
_texts = st.lists(
    st.tuples(st.sampled_from(_VOCAB), st.sampled_from(["lower", "upper", "title"]), st.sampled_from(_SEPS)),
    max_size=30,
).map(lambda parts: "".join(getattr(w, case)() + sep for w, case, sep in parts))


@settings(max_examples=150, deadline=None)
@given(_texts)
def test_fast_matcher_agrees_on_texts_built_from_cue_words(text):
    for kind in KINDS:
        assert _fast(text, kind) == _reference(text, kind), kind


def test_fold_risk_lists_every_non_ascii_character_re_i_matches_to_ascii():
    ascii_class = re.compile("[" + re.escape("".join(map(chr, range(0x80)))) + "]", re.I)
    folding = set(ascii_class.findall("".join(map(chr, range(0x80, 0x110000)))))
    assert folding == set(claims._FOLD_RISK.findall("".join(map(chr, range(0x110000)))))


@pytest.mark.parametrize("term, keys", [
    ("said", {"said"}),
    ("(denied|denies) (it|them)", {"denied", "denies"}),
    # the space of a term matches runs of blanks: one blank and the next word, or two blanks
    ("in (flagrant )?(violation|breach) of", {"in fla", "in vio", "in bre", "in  "}),
    (r"\w+ said", None),  # starts with any word: tried at every word start
])
def test_term_keys_are_the_strings_a_match_starts_with(term, keys):
    got = claims._term_keys(term)
    assert (got if got is None else {re.sub(r"[\t\u00a0]", " ", k) for k in got}) == keys


def test_a_term_that_can_match_nothing_is_refused_for_the_fast_path():
    with pytest.raises(ValueError):
        claims._term_keys("(deliberately)?")


@pytest.fixture
def custom_cues(monkeypatch):
    """Swap in a cue table (with cues the fast path cannot key) and rebuild the matcher."""
    def clear():
        for f in (claims._kind_regex, claims._matcher, claims._sub_regex,
                  claims._all_hits_short, claims._all_hits_long, claims._claim_weight_cached):
            f.cache_clear()
        claims._ROUTES.clear()

    def use(rows: list[tuple[str, str, float]]):
        cues = tuple(Cue(t, k, w, "test") for t, k, w in rows)
        monkeypatch.setattr(claims, "load_cues", lambda: cues)
        clear()

    yield use
    monkeypatch.undo()
    clear()


@pytest.mark.parametrize("text", [
    "Kyiv said the vote was rigged; officials denied it and others disputed it.",
    "Rebels were armed by Western powers, reportedly, and nobody denied it.",
    "",
])
def test_cues_without_keys_or_with_empty_matches_still_match_like_the_alternation(custom_cues, text):
    custom_cues([
        (r"\w+ said", "attribution", 1.0),  # unknown start: tried at every word start
        ("(denied|disputed)", "counter", 1.0),
        ("x?", "hedge", 0.1),  # can match '' : the kind falls back to plain finditer
        ("(armed|funded) by", "blame", 1.0),
        ("rigged", "blame", 0.8),
    ])
    assert claims._matcher().always and claims._matcher().whole
    for kind in KINDS:
        assert _fast(text, kind) == _reference(text, kind), kind
