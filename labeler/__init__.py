"""labeler: where a news article comes from and how it frames its story.

Public API::

    analyze(text, url=None, title=None, html=None, model=None) -> Analysis
    analyze_many([(text, url, title, html), ...], model=None) -> [Analysis | Exception]
    load_model(path=None) -> a scorer (the shipped default, a user model, or the rules)
    score_frame(df, text_col=...) -> DataFrame          (batch scoring)
    train(df, ...) / evaluate(model, df)                (retraining)
    summary_text(analysis) -> str                       (a short report to read)

Names are imported on first use so that ``import labeler.text`` stays light and
detector modules can be used on their own.
"""
from __future__ import annotations

from .errors import InputError, LabelerError, ModelError
from .schema import SCHEMA, Analysis

__all__ = ["analyze", "analyze_many", "load_model", "score_frame", "score_file", "train", "evaluate", "summary_text",
           "Analysis", "SCHEMA",
           "InputError", "LabelerError", "ModelError"]
__version__ = "0.1.0"

_LAZY = {
    "analyze": ("api", "analyze"),
    "analyze_many": ("api", "analyze_many"),
    "load_model": ("api", "load_model"),
    "score_frame": ("batch", "score_frame"),
    "score_file": ("batch", "score_file"),
    "train": ("model", "train"),
    "evaluate": ("model", "evaluate"),
    "summary_text": ("summary", "summary_text"),
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(f".{module}", __name__), attr)
    raise AttributeError(f"module 'labeler' has no attribute {name!r}")
