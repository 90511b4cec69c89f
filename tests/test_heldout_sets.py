"""Held-out sets: invented articles labelled like the challenge set, each written without reading
the detector code, and each scored once before anything was fixed from it.

A set stays an honest measure of generalisation only until its misses inform a fix; after that it
is *seen* and a fresh one is written. Today:

* ``heldout.jsonl`` (h01-h30) and ``heldout2.jsonl`` (n01-n30) have informed fixes: seen;
* ``heldout3.jsonl`` (t01-t30) was written after them; its misses informed this session's fixes;
* ``heldout4.jsonl`` (f01-f30) and ``heldout5.jsonl`` (g01-g30) were written while those fixes were
  being made, by annotators who had not seen the detectors, and measured first on the code before
  them; set 4's misses then informed fixes, and set 5's informed the next session's (seen);
* ``heldout6.jsonl`` (k01-k30) was written and scored (figures only) before those fixes, measured
  after them, and then its misses informed a second round (seen);
* ``heldout7.jsonl`` (m01-m30) was written after the first round and scored once (figures only),
  the check for the second round; its misses then informed a third round (seen);
* ``heldout8.jsonl`` (p01-p30) was written during the third round and scored once (figures only),
  the check for the third round; its misses then informed a fourth round (seen);
* ``heldout9.jsonl`` (q01-q30) was written before the fourth round and scored once (figures only),
  the check for the fourth round; in session 6 it chose the claim model's threshold (seen);
* ``heldout10.jsonl`` (r01-r30) was written at the start of session 6 and scored once (figures
  only); its aggregate claim figures informed the choice of the default claim reader; in session 7
  its provenance misses informed fixes (seen);
* ``heldout11.jsonl`` (s01-s30) was written at the end of session 6 and scored once (figures
  only): the unseen check for the fixes from set 10 (origin 0.867 before and after them); its
  provenance misses then informed a second round (seen for provenance);
* ``heldout12.jsonl`` (u01-u30) was written in session 7 while set 10's fixes landed and scored
  once at fd4e793 (figures only): the unseen check for the fixes from set 11 (origin 0.833 before
  and after them); its provenance misses then informed a third round (seen for provenance);
* ``heldout13.jsonl`` (v01-v30) was written in session 7 after that third round and scored once at
  a5799da (figures only): the unseen check for the fixes from set 12 (terms unchanged by the term
  fixes from set 11); its provenance misses then informed a fourth round (seen for provenance);
* ``heldout14.jsonl`` (w01-w30) was written in session 7 and scored once at 8b3b42a (figures
  only): the unseen check for the fixes from set 13 (origin 0.900 -> 0.933 with them);
* ``heldout15.jsonl`` (x01-x30) was written in session 7 and scored once at 2f57210 (figures
  only): unseen, the last check of the session's fixes.

Since session 7 the seen sets 1-13 also train the claim model (their claim candidates, with the
threshold chosen out of fold: ``labeler.model.claim_recipes``); the unseen sets (14 and 15) are
refused by every recipe reader and move to the seen list only once their misses inform fixes.

This module checks that every fixture is well formed (schema, canonical outlet names, labelled
strings occur, no sentence reused from the challenge set or an earlier set) and pins each set's
figures at the floors in ``tests/baselines/<set>.json``. The scoring is bench/heldout_report.py's;
for a per-article diff run ``python bench/heldout_report.py --file tests/fixtures/<set>.jsonl
--only-misses``.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from labeler.registry import default_registry, host_of
from labeler.schema import AFFILIATIONS

from conftest import bench_module

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
BASELINES = ROOT / "tests" / "baselines"
LABEL_KEYS = {"host", "origin_outlet", "state_affiliation", "state_country", "evidence", "cited_outlets",
              "quoted_speakers", "loaded_terms_author", "loaded_terms_quoted", "unattributed_contested_claims",
              "balanced", "note"}


@dataclass(frozen=True)
class HeldOutSet:
    """One fixture and what its authors promised about it (later sets promised more)."""

    name: str
    id_prefix: str
    words: tuple[int, int]
    hard_negatives: int = 0
    without_origin: int = 0
    state_countries: int = 0
    strict: bool = False  # notes on every row, quoted terms' speakers listed, origin country checked


SETS = [s for s in (
    HeldOutSet("heldout", "h", (120, 500)),
    HeldOutSet("heldout2", "n", (150, 500), hard_negatives=8),
    HeldOutSet("heldout3", "t", (180, 400), hard_negatives=8, without_origin=4, state_countries=10, strict=True),
    HeldOutSet("heldout4", "f", (180, 400), hard_negatives=8, without_origin=4, state_countries=10, strict=True),
    HeldOutSet("heldout5", "g", (180, 400), hard_negatives=8, without_origin=4, state_countries=10, strict=True),
    HeldOutSet("heldout6", "k", (180, 400), hard_negatives=8, without_origin=4, state_countries=10, strict=True),
    HeldOutSet("heldout7", "m", (180, 400), hard_negatives=8, without_origin=4, state_countries=10, strict=True),
    HeldOutSet("heldout8", "p", (180, 400), hard_negatives=8, without_origin=4, state_countries=10, strict=True),
    HeldOutSet("heldout9", "q", (180, 400), hard_negatives=8, without_origin=4, state_countries=10, strict=True),
    HeldOutSet("heldout10", "r", (180, 400), hard_negatives=8, without_origin=4, state_countries=10, strict=True),
    HeldOutSet("heldout11", "s", (180, 400), hard_negatives=8, without_origin=4, state_countries=10, strict=True),
    HeldOutSet("heldout12", "u", (180, 400), hard_negatives=8, without_origin=4, state_countries=10, strict=True),
    HeldOutSet("heldout13", "v", (180, 400), hard_negatives=8, without_origin=4, state_countries=10, strict=True),
    HeldOutSet("heldout14", "w", (180, 400), hard_negatives=8, without_origin=4, state_countries=10, strict=True),
    HeldOutSet("heldout15", "x", (180, 400), hard_negatives=8, without_origin=4, state_countries=10, strict=True),
) if (FIXTURES / f"{s.name}.jsonl").exists() and (BASELINES / f"{s.name}.json").exists()]


report = bench_module("heldout_report")
ROWS = {s.name: report.load_rows(FIXTURES / f"{s.name}.jsonl") for s in SETS}
BASELINE = {s.name: json.loads((BASELINES / f"{s.name}.json").read_text(encoding="utf-8")) for s in SETS}
SET_ROWS = [pytest.param(s, row, id=f"{s.name}/{row['id']}") for s in SETS for row in ROWS[s.name]]
SET_IDS = [s.name for s in SETS]


def _long_sentences(text: str) -> set[str]:
    return {s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 8}


# --- the fixtures themselves --------------------------------------------------------------------

@pytest.mark.parametrize("hs", SETS, ids=SET_IDS)
def test_each_set_has_thirty_articles_with_unique_ids_of_its_own_prefix(hs):
    ids = [r["id"] for r in ROWS[hs.name]]
    assert len(ids) == 30
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(rf"{hs.id_prefix}\d\d_[a-z0-9_]+", i) for i in ids), ids


@pytest.mark.parametrize("hs", SETS, ids=SET_IDS)
def test_each_set_keeps_the_hard_cases_it_promised(hs):
    rows = ROWS[hs.name]
    hard = [r["id"] for r in rows if "hard negative" in (r["labels"]["note"] or "").lower()]
    bare = [r["id"] for r in rows if r["labels"]["origin_outlet"] is None]
    countries = {r["labels"]["state_country"] for r in rows if r["labels"]["state_affiliation"] == "state-controlled"}
    assert len(hard) >= hs.hard_negatives, hard
    assert len(bare) >= hs.without_origin, bare
    assert len(countries) >= hs.state_countries, sorted(countries)


@pytest.mark.parametrize("hs, row", SET_ROWS)
def test_labels_follow_the_challenge_schema(hs, row):
    lab = row["labels"]
    assert set(row) == {"id", "url", "title", "text", "labels"}
    assert set(lab) == LABEL_KEYS
    assert lab["state_affiliation"] in AFFILIATIONS
    low, high = hs.words
    assert low <= len(row["text"].split()) <= high
    assert lab["host"] == host_of(row["url"])
    if lab["state_affiliation"] in ("independent", "unknown"):
        assert lab["state_country"] is None
    else:
        assert re.fullmatch(r"[A-Z]{2}", lab["state_country"])
    if lab["origin_outlet"] is None:
        assert lab["state_affiliation"] == "unknown" and lab["evidence"] is None
    if hs.strict:
        assert isinstance(lab["balanced"], bool)
        assert lab["note"], "every label set explains itself"


@pytest.mark.parametrize("hs, row", SET_ROWS)
def test_outlet_labels_use_the_registry_canonical_names(hs, row):
    registry = default_registry()
    lab = row["labels"]
    for name in [lab["origin_outlet"], *lab["cited_outlets"]]:
        if name is None:
            continue
        outlet = registry.get(name)
        assert outlet is not None and outlet.name == name, name
    if lab["origin_outlet"]:
        outlet = registry.get(lab["origin_outlet"])
        assert outlet.affiliation == lab["state_affiliation"]
        if hs.strict:
            assert lab["origin_outlet"] not in lab["cited_outlets"]
            if outlet.affiliation not in ("independent", "unknown"):
                assert outlet.country == lab["state_country"]


@pytest.mark.parametrize("hs, row", SET_ROWS)
def test_every_labelled_string_occurs_in_the_article(hs, row):
    text, lab = row["text"], row["labels"]
    if lab["evidence"]:
        assert lab["evidence"] in text or lab["evidence"] in (row["url"] or "")
    for sentence in lab["unattributed_contested_claims"]:
        assert sentence in text
    for name in lab["quoted_speakers"]:
        assert name.lower() in text.lower()
    for term in lab["loaded_terms_author"] + [q["term"] for q in lab["loaded_terms_quoted"]]:
        assert term.lower() in text.lower()
    if hs.strict:
        for q in lab["loaded_terms_quoted"]:
            assert q["speaker"] in lab["quoted_speakers"], q


@pytest.mark.parametrize("i", range(len(SETS)), ids=SET_IDS)
def test_no_sentence_is_taken_from_the_challenge_or_an_earlier_set(challenge, i):
    earlier = [*challenge, *(row for s in SETS[:i] for row in ROWS[s.name])]
    seen = set().union(*(_long_sentences(r["text"]) for r in earlier))
    shared = [s for r in ROWS[SETS[i].name] for s in _long_sentences(r["text"]) & seen]
    assert shared == []


# --- the scoring rules --------------------------------------------------------------------------

@pytest.mark.parametrize("pred, gold, match", [
    ("Chief Cabinet Secretary Hiroshi Maekawa", "Hiroshi Maekawa", True),
    ("a government spokesperson", "government spokesperson", True),
    ("The Regional Authorities", "regional authorities", True),
    ("he", "Hendrik Olsen", False),
    ("SEOUL", "North Korea", False),
    ("", "Japan", False),
])
def test_speakers_match_when_equal_or_one_contains_the_other_as_words(pred, gold, match):
    assert report.speaker_match(pred, gold) is match


@pytest.mark.parametrize("pred, gold, match", [
    ("The dam did not fail.", "the dam did not fail", True),
    ("Moreover, the dam did not fail on its own: it was weakened.", "The dam did not fail on its own", True),
    ("The dam failed after rain.", "The dam did not fail on its own", False),
])
def test_claims_match_on_normalised_containment(pred, gold, match):
    assert report.claim_match(pred, gold) is match


# --- figures against floors ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def evaluations() -> dict:
    """Each set analysed once (rules only), with its figures; misses are printed for ``-s`` runs."""
    out = {}
    for hs in SETS:
        rows = ROWS[hs.name]
        analyses = report.analyse_rows(rows)
        figures, diffs = report.evaluate(rows, analyses)
        print(f"\n{hs.name} figures:", json.dumps({k: round(v, 3) for k, v in figures.items()}, indent=1))
        for d in diffs:
            if d.misses:
                print(f"{d.id}:", *(f"  {m}" for m in d.misses), sep="\n")
        out[hs.name] = figures, analyses
    return out


@pytest.mark.parametrize("hs", SETS, ids=SET_IDS)
def test_each_baseline_pins_every_figure(hs):
    assert set(report.FIGURES) <= set(BASELINE[hs.name])


@pytest.mark.parametrize("hs, figure", [pytest.param(s, f, id=f"{s.name}/{f}") for s in SETS for f in report.FIGURES])
def test_held_out_figure_meets_its_floor(evaluations, hs, figure):
    got, floor = evaluations[hs.name][0][figure], BASELINE[hs.name][figure]
    assert got >= floor, f"{hs.name} {figure} {got:.3f} fell below its floor {floor}"


@pytest.mark.parametrize("hs, row", SET_ROWS)
def test_reported_offsets_slice_the_text(evaluations, hs, row):
    a = evaluations[hs.name][1][ROWS[hs.name].index(row)]
    text = row["text"]
    if a.origin is not None and a.origin.start is not None:
        assert text[a.origin.start:a.origin.end] == a.origin.evidence
    for q in a.quotes:
        assert text[q.start:q.end] == q.content
    for t in a.loaded_terms:
        assert text[t.start:t.end] == t.term
    for c in a.claims:
        assert text[c.start:c.end] == c.sentence
