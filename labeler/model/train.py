"""Retraining on a researcher's own table: ``train(df)`` and ``evaluate(model, df)``.

The table has a ``text`` column and one 0/1 column per score it labels (``state_media``,
``loaded_language``, ``omitted_counterclaims``; any subset). Each text is analysed by the
rule pipeline first, so the model learns from the same cues it will see when scoring.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..datasets import labelled_frame
from ..schema import Analysis
from .evaluate import binary_metrics
from .pipeline import SCORES, LabelerModel, ScoreHead, sentence_batch
from .sentence import LoadedSentenceModel


def analyse_texts(texts: Sequence[str], *, titles: Sequence[str | None] | None = None
                  ) -> tuple[list[dict[str, Any]], list[str]]:
    """Rule analyses (JSON form) of many texts; a text that fails gets an empty analysis.

    Returns ``(analyses, errors)``; ``errors`` has one message per failed text (index: reason),
    so nothing is dropped silently.
    """
    from ..errors import LabelerError
    from ..pipeline import run_detectors

    out, errors = [], []
    for i, t in enumerate(texts):
        try:
            title = titles[i] if titles is not None else None
            out.append(run_detectors(t, title=title or None).to_dict())
        except LabelerError as e:
            errors.append(f"row {i}: {e}")
            out.append(Analysis(text_length=len(t or "")).to_dict())
    return out, errors


def summaries(model: LoadedSentenceModel | None, texts: Sequence[str]) -> np.ndarray:
    """Sentence-model summary features of many texts, in chunks (one model call per chunk)."""
    if not len(texts):
        return np.zeros((0, 3))
    texts = list(texts)
    return np.vstack([sentence_batch(model, texts[i:i + 256]).summaries for i in range(0, len(texts), 256)])


def train(df: pd.DataFrame | None = None, *, recipe: str | None = None, seed: int = 0,
          data_root: str | None = None, text_col: str = "text", labels: Sequence[str] | None = None,
          sentence_model: LoadedSentenceModel | str | None = "default", name: str = "labeler-custom",
          version: str = "1", groups: Sequence | None = None, n_text_features: int = 2**18) -> LabelerModel:
    """A model trained on ``df`` (text + 0/1 label columns), or by a named recipe.

    ``recipe="default"`` (with ``data_root``, the folder holding the corpora) rebuilds the
    shipped model; see ``recipes.py``. ``sentence_model="default"`` reuses the shipped
    model's sentence model (retraining it needs span labels: see ``recipes.py``); pass
    None to train without it or a fitted ``LoadedSentenceModel``.
    """
    if recipe is not None:
        from .recipes import RECIPES

        if recipe not in RECIPES:
            raise ValueError(f"unknown recipe {recipe!r}; recipes are: {', '.join(RECIPES)}")
        if data_root is None:
            raise ValueError(f"recipe {recipe!r} needs data_root (the folder holding the corpora)")
        return RECIPES[recipe](data_root, seed=seed)[0]
    if df is None:
        raise ValueError("train needs a DataFrame (text plus 0/1 label columns) or a recipe")
    present = [c for c in (labels or SCORES) if c in df.columns]
    if not present:
        raise ValueError(f"no label column found; label columns are any of: {', '.join(SCORES)}; "
                         f"columns are: {', '.join(map(str, df.columns))}")
    data = labelled_frame(df, text_col=text_col, label_cols=present)
    sm = _sentence_model(sentence_model)
    texts = data["text"].tolist()
    analyses, _errors = analyse_texts(texts)
    S = summaries(sm, texts)
    heads = {}
    for col in present:
        mask = data[col].notna().to_numpy()
        y = data.loc[mask, col].astype(int).to_numpy()
        if len(np.unique(y)) < 2:
            raise ValueError(f"label column {col!r} needs both 0 and 1 rows to train; it has only {np.unique(y)}")
        g = np.asarray(groups)[mask] if groups is not None else None
        heads[col] = ScoreHead(col, n_text_features=n_text_features, random_state=seed).fit(
            [a for a, m in zip(analyses, mask) if m], [t for t, m in zip(texts, mask) if m], y, S[mask], groups=g)
    return LabelerModel(name, version, heads=heads, sentence_model=sm,
                        info={"trained_on": f"{len(data)} rows; labels: {', '.join(present)}", "seed": seed})


def _sentence_model(spec) -> LoadedSentenceModel | None:
    if spec is None or isinstance(spec, LoadedSentenceModel):
        return spec
    if spec == "default":
        from . import load_model

        default = load_model(None)
        return getattr(default, "sentence_model", None) if default is not None else None
    raise ValueError(f"sentence_model must be 'default', None or a LoadedSentenceModel, not {spec!r}")


def evaluate(model: LabelerModel, df: pd.DataFrame, *, text_col: str = "text",
             labels: Sequence[str] | None = None) -> dict[str, Any]:
    """Per-score metrics (F1, accuracy, ROC AUC, ECE, Brier, confusion) of ``model`` on ``df``.

    Also returns the probabilities under ``"predictions"`` (one list per score) so a notebook
    can draw reliability diagrams and precision-recall curves.
    """
    present = [c for c in (labels or SCORES) if c in df.columns and c in model.heads]
    if not present:
        raise ValueError(f"no label column the model scores; model heads: {', '.join(model.heads)}; "
                         f"columns are: {', '.join(map(str, df.columns))}")
    data = labelled_frame(df, text_col=text_col, label_cols=present)
    texts = data["text"].tolist()
    analyses, errors = analyse_texts(texts)
    S = summaries(model.sentence_model, texts)
    result: dict[str, Any] = {"n": len(data), "failed_rows": errors, "predictions": {}}
    for col in present:
        mask = data[col].notna().to_numpy()
        p = model.heads[col].predict_proba([a for a, m in zip(analyses, mask) if m],
                                           [t for t, m in zip(texts, mask) if m], S[mask])
        y = data.loc[mask, col].astype(int).to_numpy()
        result[col] = binary_metrics(y, p)
        result["predictions"][col] = {"y": y.tolist(), "p": p.tolist()}
    return result
