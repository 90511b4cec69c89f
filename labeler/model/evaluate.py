"""Metrics of a binary score: discrimination (F1, AUC) and calibration (ECE, Brier).

F1 at a threshold and the binned ECE move a lot with the sample on a few hundred examples, so
each comes with a bootstrap 95% interval: a figure and an aim are only told apart when the
interval says so.
"""
from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.metrics import accuracy_score, brier_score_loss, confusion_matrix, f1_score, roc_auc_score


def expected_calibration_error(y, p, n_bins: int = 10) -> float:
    """Mean |observed rate - mean predicted probability| over equal-width bins, weighted by size."""
    y = np.asarray(y, dtype=float)
    p = np.asarray(p, dtype=float)
    if len(y) == 0:
        return float("nan")
    ids = np.minimum((p * n_bins).astype(int), n_bins - 1)
    ece = 0.0
    for k in range(n_bins):
        m = ids == k
        if m.any():
            ece += m.mean() * abs(y[m].mean() - p[m].mean())
    return float(ece)


def bootstrap_interval(y, p, statistic, n_resamples: int = 200, seed: int = 0) -> list[float] | None:
    """The 2.5th and 97.5th percentiles of ``statistic(y, p)`` over resamples of the examples
    (seeded, so a figure and its interval are reproducible); None under 20 examples."""
    y, p = np.asarray(y), np.asarray(p)
    if len(y) < 20:
        return None
    rng = np.random.default_rng(seed)
    values = [statistic(y[i], p[i]) for i in (rng.integers(0, len(y), len(y)) for _ in range(n_resamples))]
    lo, hi = np.nanpercentile(np.asarray(values, dtype=float), [2.5, 97.5])
    return [float(lo), float(hi)]


def binary_metrics(y, p, threshold: float = 0.5) -> dict[str, Any]:
    y = np.asarray(y, dtype=int)
    p = np.asarray(p, dtype=float)
    pred = (p >= threshold).astype(int)
    both = len(np.unique(y)) == 2
    return {
        "n": int(len(y)), "positives": int(y.sum()), "threshold": threshold,
        "accuracy": float(accuracy_score(y, pred)) if len(y) else float("nan"),
        "f1": float(f1_score(y, pred, zero_division=0)),
        "macro_f1": float(f1_score(y, pred, average="macro", zero_division=0)),
        "roc_auc": float(roc_auc_score(y, p)) if both else float("nan"),
        "ece": expected_calibration_error(y, p),
        "brier": float(brier_score_loss(y, p)) if len(y) else float("nan"),
        "confusion": confusion_matrix(y, pred, labels=[0, 1]).tolist(),
        "f1_interval": bootstrap_interval(y, p, lambda a, b: f1_score(a, b >= threshold, zero_division=0)),
        "ece_interval": bootstrap_interval(y, p, expected_calibration_error),
    }
