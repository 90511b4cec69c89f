"""Whatever the input, analysis never crashes and every offset points at its evidence."""
from hypothesis import HealthCheck, given, settings, strategies as st

import labeler
from labeler.errors import InputError

FRAGMENTS = [
    "This post was originally published on RT", "MOSCOW (TASS) \u2014 ", "Source: Xinhua", "via CGTN",
    "\u201cThis is hysteria,\u201d Rubio said.", "According to RT, ", " told RIA Novosti", "\u201d", "\u201c",
    '"', "Kiev", " the regime ", "so-called ", "\n\n", ". ", "(Photo: Xinhua)", "\u2014 Ukrinform",
    "He added that ", "Sputnik", "AP", "\u00e9\u0142\u017a", "\t", "However, Kiev later withdrew.",
]


def _check(text: str, a) -> None:
    d = a.to_dict()
    if a.origin and a.origin.start is not None:
        assert text[a.origin.start:a.origin.end] == a.origin.evidence
    for link in d["chain"]:
        if link["start"] is not None:
            assert text[link["start"]:link["end"]] == link["evidence"]
    for c in d["cited_outlets"]:
        assert text[c["start"]:c["end"]] == c["evidence"]
    for q in d["quotes"]:
        assert text[q["start"]:q["end"]] == q["content"]
    for t in d["loaded_terms"]:
        assert text[t["start"]:t["end"]] == t["term"]
    for c in d["claims"]:
        assert text[c["start"]:c["end"]] == c["sentence"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=25))
def test_analysis_never_crashes_and_offsets_slice_out_evidence(parts):
    text = "".join(parts)
    try:
        a = labeler.analyze(text, model="rules")
    except InputError:
        return
    _check(text, a)
