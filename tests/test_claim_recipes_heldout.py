"""The claim model's third training source (the seen hand-labelled held-out sets) and its
out-of-fold threshold: positives and negatives come from the sentences the model reads at run
time, no set's articles are scored by a model that read them, and unseen sets are never read."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import labeler.datasets as D
from labeler.model import claim_recipes as R

CLAIM = "The protests in the {place} towns were organised by agents of the neighbouring state."
OTHER_CLAIM = "The new governor has turned the {place} valley into the most obedient province of the empire."
RULE_CLAIM = "The shortages were caused entirely by the sanctions of the western governments."
PLACES = ("river", "hill", "coast")
NEUTRAL = "The council will meet again on Thursday to discuss the new budget for the schools."
ATTRIBUTED = "The mayor said the bridge would reopen after the repairs were finished next month."


def _article(i: int, claim: str, labelled: bool) -> dict:
    text = f"{claim} {NEUTRAL}\n\n{ATTRIBUTED} {RULE_CLAIM}"
    return {"id": f"x{i}", "url": f"https://example.org/{i}", "title": "River towns",
            "text": text, "labels": {"unattributed_contested_claims": [claim, RULE_CLAIM] if labelled else []}}


@pytest.fixture()
def tiny_sets(tmp_path) -> list[Path]:
    """Three invented labelled sets of two articles each."""
    paths = []
    for k in range(3):
        p = tmp_path / f"tiny{k}.jsonl"
        claims = [c.format(place=PLACES[k]) for c in (CLAIM, OTHER_CLAIM)]
        p.write_text("\n".join(json.dumps(_article(2 * k + j, claims[j], True)) for j in range(2)), encoding="utf-8")
        paths.append(p)
    return paths


def test_labelled_claims_among_the_candidates_are_positives_and_the_other_candidates_negatives(tiny_sets):
    data = R.labelled_set_training_data(tiny_sets[:1])
    by_text = dict(zip(data["text"], data["label"]))
    assert by_text[CLAIM.format(place="river")] == 1 and by_text[OTHER_CLAIM.format(place="river")] == 1
    assert by_text[NEUTRAL] == 0
    assert ATTRIBUTED not in by_text  # attributed by the rules: never read by the claim model, never trained on
    assert RULE_CLAIM not in by_text  # already a rule claim: the model is never asked about it
    assert set(data["group"]) == {"tiny0"} and (data["weight"] == R.LABELLED_SET_WEIGHT).all()


def test_a_claim_the_labels_do_not_list_is_a_negative(tmp_path):
    p = tmp_path / "unlabelled.jsonl"
    claim = CLAIM.format(place="river")
    p.write_text(json.dumps(_article(0, claim, False)), encoding="utf-8")
    data = R.labelled_set_training_data([p])
    assert dict(zip(data["text"], data["label"]))[claim] == 0


def test_the_labelled_rows_join_the_training_data_with_their_set_as_group(tiny_sets, monkeypatch):
    empty = pd.DataFrame({"text": [], "title": [], "lede": [], "outlet": [], "article_id": [], "label": []})
    monkeypatch.setattr(D, "load_euvsdisinfo_claims", lambda root: pd.DataFrame({"text": []}))
    monkeypatch.setattr(D, "ptc_sentences", lambda *a, **k: pd.DataFrame({"text": [], "label": []}))
    monkeypatch.setattr(D, "load_ptc", lambda *a, **k: None)
    for name in ("load_ruwa", "load_allsides", "load_babe"):
        monkeypatch.setattr(D, name, lambda root: empty)
    data = R.claim_training_data("unused", annotations=False, labelled=tiny_sets)
    assert set(data["source"]) == {"labelled tiny0", "labelled tiny1", "labelled tiny2"}
    assert set(data["group"]) == {"tiny0", "tiny1", "tiny2"}
    assert R.claim_training_data("unused", annotations=False, labelled=None).empty


def test_sets_are_dealt_whole_to_the_folds():
    folds = R.set_folds([f"s{i}" for i in range(13)] * 2, 5)
    assert len(folds) == 13 and set(folds.values()) == set(range(5))
    assert R.set_folds(["a", "b"], 5) == {"a": 0, "b": 1}


def test_no_set_is_scored_by_a_model_that_read_it(tiny_sets):
    cands = R.labelled_candidates(tiny_sets)
    data = R.labelled_set_training_data(cands)
    seen_by_fit: list[set] = []

    class Recorder:
        def __init__(self, groups):
            self.groups = groups

        def predict_proba(self, texts):
            return np.tile([0.0, 1.0], (len(texts), 1)) * len(seen_by_fit)  # which fit scored it

    def fit(d):
        seen_by_fit.append(set(d["group"]))
        return Recorder(set(d["group"]))

    p = R.out_of_fold_probabilities(data, cands, fit, folds=3)
    assert not np.isnan(p).any() and len(seen_by_fit) == 3
    for name, fold_p in zip(cands["set"], p):
        assert name not in seen_by_fit[int(fold_p) - 1]  # the fit that scored this set never saw it


@pytest.mark.parametrize("reader", [R.labelled_candidates, R.labelled_claim_sentences, R.labelled_set_training_data])
def test_unseen_sets_are_refused_by_name(reader, tmp_path):
    with pytest.raises(ValueError, match="heldout14.jsonl.*never train"):
        reader(R.UNSEEN_LABELLED_SETS)
    copy = tmp_path / "heldout14.jsonl"  # a copy elsewhere is still the unseen set
    copy.write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match="never train"):
        reader([copy])


def test_the_training_sets_are_the_seen_sets_only():
    names = {p.name for p in R.LABELLED_TRAINING_SETS}
    assert names == {p.name for p in R.SEEN_LABELLED_SETS}
    assert not names & {p.name for p in R.UNSEEN_LABELLED_SETS}
    assert "heldout14.jsonl" in {p.name for p in R.UNSEEN_LABELLED_SETS}
    assert "challenge.jsonl" not in names


def test_building_the_labelled_training_data_reads_the_training_sets_and_nothing_else(monkeypatch):
    read: list[Path] = []

    def recording_loader(paths):
        read.extend(Path(p) for p in ([paths] if isinstance(paths, (str, Path)) else paths))
        return []

    monkeypatch.setattr(D, "load_labelled_articles", recording_loader)
    R.labelled_set_training_data()
    assert read and set(read) <= set(R.LABELLED_TRAINING_SETS)
    assert not set(read) & set(R.UNSEEN_LABELLED_SETS)


def test_without_any_labelled_file_the_claim_model_still_trains_and_says_so(monkeypatch, tmp_path):
    """An installed package has no tests/fixtures and no challenge set beside the data."""
    import pandas as pd

    import labeler.datasets as D
    from labeler.model import claim_recipes as R

    neg = [f"The council met on Monday near the river number {i}." for i in range(300)]
    pos = [f"The western sanctions caused the collapse of the economy and the elites are to blame {i}."
           for i in range(200)]
    arts = pd.DataFrame({"outlet": ["Reuters"] * 100, "article_id": [f"a{i}" for i in range(100)],
                         "title": [f"Council meets {i}" for i in range(100)],
                         "text": [" ".join(neg[i:i + 3]) for i in range(100)]})
    monkeypatch.setattr(D, "load_euvsdisinfo_claims", lambda root: pd.DataFrame({"text": pos}))
    monkeypatch.setattr(D, "load_ptc", lambda *a, **k: None)
    monkeypatch.setattr(D, "ptc_sentences", lambda *a, **k: pd.DataFrame({"text": [], "label": []}))
    monkeypatch.setattr(D, "load_ruwa", lambda root: pd.DataFrame({"outlet": [], "title": [], "lede": []}))
    monkeypatch.setattr(D, "load_allsides", lambda root: arts)
    monkeypatch.setattr(D, "load_babe", lambda root: pd.DataFrame({"text": neg[:50], "label": [0] * 50}))
    logs: list[str] = []
    _, m = R.fit_claim_model(tmp_path / "data", annotations=False, log=logs.append,
                             labelled=[tmp_path / "heldout.jsonl"], validation=[tmp_path / "challenge.jsonl"])
    assert m["labelled_training_sets"] == [] and m["validation_missing"]
    assert any("held-out sets not found" in s for s in logs)
