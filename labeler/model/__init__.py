"""Learned scores on top of the rule cues: train, evaluate, save and load safely.

Public API::

    load_model(path=None, *, trusted=False) -> Model | None   (None: the shipped default, if any)
    save_model(model, path) -> Path
    train(df, *, recipe=None, seed=0, data_root=None, ...) -> Model
    evaluate(model, df) -> dict
    Model.score(text, analysis) -> (Scores, explanations, extra LoadedTerms)
"""
from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

from .persist import TRUSTED_TYPES, load_model_file, save_model
from .pipeline import SCORES, LabelerModel, ScoreHead
from .train import evaluate, train

Model = LabelerModel
DEFAULT = "default"

__all__ = ["load_model", "save_model", "train", "evaluate", "Model", "LabelerModel", "ScoreHead",
           "SCORES", "TRUSTED_TYPES", "default_model_path"]


def default_model_path() -> Path | None:
    """The folder of the shipped default model, or None when none is installed."""
    try:
        p = Path(str(files("labeler.models").joinpath(DEFAULT)))
    except (ModuleNotFoundError, TypeError):
        return None
    return p if (p / "model.skops").is_file() else None


def load_model(path: str | os.PathLike | None = None, *, trusted: bool | list[str] = False) -> LabelerModel | None:
    """A saved model (folder or ``model.skops``), or the shipped default for ``path=None``.

    Returns None only when ``path`` is None and no default model is installed. Raises
    ``labeler.errors.ModelError`` for a missing, tampered or untrusted file, with the reason.
    """
    if path is None:
        p = default_model_path()
        return load_model_file(p) if p is not None else None
    return load_model_file(path, trusted=trusted)
