"""The shipped default model: its recorded metrics meet the floors, and it explains the seed."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from labeler.model import default_model_path, load_model

from conftest import shared_path

ROOT = Path(__file__).resolve().parents[1]
FLOORS = json.loads((ROOT / "tests" / "baselines" / "model.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def shipped():
    path = default_model_path()
    if path is None:
        pytest.skip("no default model shipped in models/default")
    return path


@pytest.fixture(scope="module")
def metrics(shipped):
    return json.loads((shipped / "metrics.json").read_text(encoding="utf-8"))


def _get(metrics, dotted):
    v = metrics
    for k in dotted.split("."):
        v = v[k]
    return v


@pytest.mark.parametrize("key", [k for k in FLOORS["at_least"]])
def test_recorded_metric_meets_its_floor(metrics, key):
    assert _get(metrics, key) >= FLOORS["at_least"][key]


@pytest.mark.parametrize("key", [k for k in FLOORS["at_most"]])
def test_recorded_error_stays_under_its_ceiling(metrics, key):
    assert _get(metrics, key) <= FLOORS["at_most"][key]


def test_model_file_is_small(shipped):
    assert sum(f.stat().st_size for f in shipped.iterdir()) < 50e6


def test_card_names_data_licences_metrics_limits_and_use(shipped):
    card = (shipped / "card.md").read_text(encoding="utf-8")
    for heading in ("## Intended use", "## Data and licences", "## Metrics", "## Limits"):
        assert heading in card


def test_default_model_scores_the_seed_with_reasons_in_words(shipped, seed_text):
    from labeler.pipeline import run_detectors

    text = seed_text
    scores, expl, extra = load_model(None).score(text, run_detectors(text))
    assert scores.state_media >= 0.8
    assert any("RT" in e["feature"] and e["contribution"] > 0 for e in expl["state_media"])
    assert all(text[t.start:t.end] == t.term for t in extra)


def test_card_puts_each_figure_beside_the_baseline_of_the_same_run():
    from labeler.model.card import metric_rows

    m = {"loaded_sentence_ptc_dev": {"f1": 0.6, "roc_auc": 0.9, "ece": 0.01, "n": 10},
         "state_media_outlet_disjoint": {"A -> B": {"roc_auc": 0.8, "ece": 0.02, "n": 5}},
         "baselines": {"loaded_sentence_ptc_dev": {"f1": 0.4, "roc_auc": 0.7, "ece": 0.2},
                       "state_media_outlet_disjoint": {"A -> B": {"roc_auc": 0.75, "ece": 0.3}}}}
    rows = metric_rows(m)
    assert any("| F1 | 0.600 | 0.400 | 0.010 | 0.200 | 10 |" in r for r in rows)
    assert any("A -> B" in r and "| 0.800 | 0.750 |" in r for r in rows)


def test_shipped_card_records_the_baselines_it_compares_with(metrics):
    if "baselines" not in metrics:
        pytest.skip("model trained before baselines were recorded in metrics.json")
    assert metrics["baselines"]["loaded_sentence_ptc_dev"]["f1"] < metrics["loaded_sentence_ptc_dev"]["f1"]


# --------------------------------------------------------------------------- state media, outlet shift
SUB = FLOORS["state_media_subsample"]


@pytest.fixture(scope="module")
def state_subsample():
    """Outlet-disjoint state-media figures on a subsample, with outlet-grouped and random-fold
    calibration of the same text model."""
    from labeler.model import recipes as R

    corpus = R.state_media_corpus(shared_path("data"), 0, per_outlet=SUB["per_outlet"])
    grouped = R.eval_state_media(corpus, lambda: R.text_only_classifier(0))
    random_folds = R.eval_state_media(corpus, lambda: R.text_only_classifier(0, stratify_groups=False),
                                      grouped=False)
    return grouped, random_folds


@pytest.mark.slow
@pytest.mark.parametrize("key", list(SUB["at_least"]))
def test_outlet_grouped_calibration_keeps_its_auc_floor(state_subsample, key):
    split, measure = key.rsplit(".", 1)
    assert state_subsample[0][split][measure] >= SUB["at_least"][key]


@pytest.mark.slow
@pytest.mark.parametrize("key", list(SUB["at_most"]))
def test_outlet_grouped_calibration_keeps_its_ece_ceiling(state_subsample, key):
    split, measure = key.rsplit(".", 1)
    assert state_subsample[0][split][measure] <= SUB["at_most"][key]


@pytest.mark.slow
@pytest.mark.parametrize("split", ["RT -> TASS/News Front"])
def test_outlet_grouped_calibration_beats_random_folds_on_new_outlets(state_subsample, split):
    """Random calibration folds put an outlet on both sides and so trust its vocabulary; on
    unseen outlets the outlet-grouped calibration is better calibrated, at the same ranking.
    Not asserted on the China split, where a topic shift dominates and the comparison flips
    with the subsample size (tests/baselines/model.json)."""
    grouped, random_folds = state_subsample
    assert grouped[split]["ece"] < random_folds[split]["ece"]
    assert grouped[split]["roc_auc"] == pytest.approx(random_folds[split]["roc_auc"], abs=1e-6)


@pytest.mark.parametrize("rate", [0.1, 0.5, 0.8])
def test_label_shift_em_recovers_a_pure_prior_change(rate):
    """Saerens et al. EM: calibrated posteriors of a 50/50 training set, scored on data whose
    classes come in another proportion (same class-conditional scores), give that proportion back."""
    import numpy as np

    from labeler.model.recipes import em_label_shift

    rng = np.random.default_rng(0)
    n = 20000
    y = rng.random(n) < rate
    x = rng.normal(size=n) + np.where(y, 1.5, -1.5)  # log-odds at a 50/50 prior: 3x
    q, adapted = em_label_shift(1 / (1 + np.exp(-3 * x)), 0.5)
    assert q == pytest.approx(rate, abs=0.02)
    assert adapted.mean() == pytest.approx(rate, abs=0.02)


@pytest.mark.parametrize("p", [[], [0.0, 1.0, 1.0], [0.5] * 4])
def test_label_shift_em_takes_edge_cases_without_crashing(p):
    from labeler.model.recipes import em_label_shift

    q, adapted = em_label_shift(p, 0.3)
    assert 0.0 <= q <= 1.0 and len(adapted) == len(p)
