"""Held-out generalisation set: 30 articles never used for tuning, scored like the challenge set.

The scoring lives in bench/heldout_report.py (run it for a per-article diff); this file checks that
the fixture is well formed and pins every figure at its floor in tests/baselines/heldout.json.
"""
from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from labeler.registry import default_registry, host_of
from labeler.schema import AFFILIATIONS

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "heldout.jsonl"
BASELINE = json.loads((ROOT / "tests" / "baselines" / "heldout.json").read_text(encoding="utf-8"))
LABEL_KEYS = {"host", "origin_outlet", "state_affiliation", "state_country", "evidence", "cited_outlets",
              "quoted_speakers", "loaded_terms_author", "loaded_terms_quoted", "unattributed_contested_claims",
              "balanced", "note"}


def _load_report():
    spec = importlib.util.spec_from_file_location("heldout_report", ROOT / "bench" / "heldout_report.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


report = _load_report()
ROWS = report.load_rows(FIXTURE)


# --- the fixture itself -------------------------------------------------------------------------

def test_the_fixture_has_thirty_articles_with_unique_ids():
    ids = [r["id"] for r in ROWS]
    assert len(ids) == 30
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["id"])
def test_labels_follow_the_challenge_schema(row):
    lab = row["labels"]
    assert set(row) == {"id", "url", "title", "text", "labels"}
    assert set(lab) == LABEL_KEYS
    assert lab["state_affiliation"] in AFFILIATIONS
    assert 120 <= len(row["text"].split()) <= 500
    assert lab["host"] == host_of(row["url"])
    if lab["state_affiliation"] in ("independent", "unknown"):
        assert lab["state_country"] is None
    else:
        assert re.fullmatch(r"[A-Z]{2}", lab["state_country"])
    if lab["origin_outlet"] is None:
        assert lab["state_affiliation"] == "unknown" and lab["evidence"] is None


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["id"])
def test_outlet_labels_use_the_registry_canonical_names(row):
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


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["id"])
def test_every_labelled_string_occurs_in_the_article(row):
    text, lab = row["text"], row["labels"]
    if lab["evidence"]:
        assert lab["evidence"] in text or lab["evidence"] in (row["url"] or "")
    for sentence in lab["unattributed_contested_claims"]:
        assert sentence in text
    for name in lab["quoted_speakers"]:
        assert name.lower() in text.lower()
    for term in lab["loaded_terms_author"] + [q["term"] for q in lab["loaded_terms_quoted"]]:
        assert term.lower() in text.lower()


def test_no_held_out_sentence_is_taken_from_the_challenge_set(challenge):
    def sentences(text: str) -> set[str]:
        return {s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 8}

    seen = set().union(*(sentences(r["text"]) for r in challenge))
    shared = [s for r in ROWS for s in sentences(r["text"]) & seen]
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
def evaluation():
    figures, diffs = report.evaluate(ROWS)
    print("\nheld-out figures:", json.dumps({k: round(v, 3) for k, v in figures.items()}, indent=1))
    for d in diffs:
        if d.misses:
            print(f"{d.id}:", *(f"  {m}" for m in d.misses), sep="\n")
    return figures, diffs


@pytest.mark.parametrize("figure", report.FIGURES)
def test_held_out_figure_meets_its_floor(evaluation, figure):
    figures, _ = evaluation
    assert figures[figure] >= BASELINE[figure], f"{figure} {figures[figure]:.3f} fell below its floor {BASELINE[figure]}"


def test_evidence_offsets_slice_the_text(evaluation):
    import labeler

    for row in ROWS:
        a = labeler.analyze(row["text"], url=row["url"], title=row["title"], model="rules")
        if a.origin is not None and a.origin.start is not None:
            assert row["text"][a.origin.start:a.origin.end] == a.origin.evidence
        for q in a.quotes:
            assert row["text"][q.start:q.end] == q.content
        for t in a.loaded_terms:
            assert row["text"][t.start:t.end] == t.term
