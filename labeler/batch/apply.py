"""The fault-tolerant applier: one row in, flat columns and the analysis out, never an exception.

A failing row (empty, binary, too large, or a bug in a detector) keeps its place with its
error filled and its other result columns empty; failures are counted by the caller, never
dropped and never turned into zero scores (snorkel's fault-tolerant applier does the same).
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

from ..schema import Analysis
from .columns import ANALYSIS_COLUMN, RESULT_COLUMNS, flat_columns, resolve_columns

AnalyzeFn = Callable[..., Analysis]
Item = tuple[Any, Any, Any, Any]  # (text, url, title, html)
Result = tuple[dict[str, Any], dict[str, Any] | None]  # (flat columns, Analysis.to_dict() or None)

MAX_ERROR_CHARS = 500


def default_analyze() -> AnalyzeFn:
    from ..api import analyze

    return analyze


def resolve_model(model: Any = None, model_path: str | None = None) -> Any:
    """A loaded model: the one given, else ``load_model(model_path)`` (the default when None)."""
    if model is not None and not isinstance(model, str):
        return model
    from ..api import load_model

    return load_model(model if isinstance(model, str) else model_path)


def _missing(v: Any) -> bool:
    if v is None or v is pd.NA or v is pd.NaT:
        return True
    return isinstance(v, float) and math.isnan(v)


def _meta(v: Any) -> str | None:
    """URL and title are optional: missing or blank means not given."""
    if _missing(v):
        return None
    s = v if isinstance(v, str) else str(v)
    return s if s.strip() else None


def make_item(text: Any, url: Any = None, title: Any = None, html: Any = None) -> Item:
    """The arguments of ``analyze`` for one row; a missing text stays missing (the analyzer says why)."""
    return (None if _missing(text) else text, _meta(url), _meta(title), None if _missing(html) else html)


def error_message(exc: BaseException) -> str:
    msg = f"{type(exc).__name__}: {exc}"
    return msg if len(msg) <= MAX_ERROR_CHARS else msg[: MAX_ERROR_CHARS - 3] + "..."


def analysis_dict(analysis: Analysis) -> dict[str, Any]:
    return analysis.to_dict()


def score_item(item: Item, model: Any, analyze_fn: AnalyzeFn) -> Result:
    """One row; any exception (InputError or a bug) becomes the row's error, with its type."""
    text, url, title, html = item
    try:
        analysis = analyze_fn(text, url=url, title=title, html=html, model=model)
        return flat_columns(analysis, None), analysis_dict(analysis)
    except Exception as e:  # noqa: BLE001 - the failure policy: record, count, go on
        return flat_columns(None, error_message(e)), None


def score_items(items: Sequence[Item], model: Any, analyze_fn: AnalyzeFn | None = None) -> list[Result]:
    """Every item scored, in order. Without a custom ``analyze_fn`` the model scores the whole
    list at once (``labeler.api.analyze_many``), which is where batch speed comes from."""
    if analyze_fn is not None:
        return [score_item(it, model, analyze_fn) for it in items]
    from ..api import analyze_many

    out: list[Result] = []
    for r in analyze_many(items, model=model):
        if isinstance(r, Exception):
            out.append((flat_columns(None, error_message(r)), None))
        else:
            out.append((flat_columns(r, None), analysis_dict(r)))
    return out


def problem_result(problem: str) -> Result:
    """A row that could not even be read (malformed line, undecodable bytes)."""
    return flat_columns(None, problem), None


def items_of(df: pd.DataFrame, cols: dict[str, str | None]) -> list[Item]:
    n = len(df)

    def col(role: str) -> Sequence[Any]:
        name = cols.get(role)
        return df[name].tolist() if name is not None else [None] * n

    return [make_item(*row) for row in zip(col("text"), col("url"), col("title"), col("html"))]


def results_frame(results: Sequence[Result], index: pd.Index | None = None) -> pd.DataFrame:
    """Result columns with stable dtypes (nullable int/bool), ``analysis`` as nested dicts."""
    flat = [r[0] for r in results]
    data: dict[str, Any] = {c: [f[c] for f in flat] for c in RESULT_COLUMNS}
    out = pd.DataFrame(data, index=index, columns=list(RESULT_COLUMNS))
    for c in RESULT_COLUMNS:
        if c.startswith("score_"):
            out[c] = out[c].astype("float64")
        elif c == "unattributed_claims":
            out[c] = out[c].astype("Int64")
        elif c == "balanced":
            out[c] = out[c].astype("boolean")
        else:
            out[c] = pd.Series(data[c], index=out.index, dtype=object)
    out[ANALYSIS_COLUMN] = pd.Series([r[1] for r in results], index=out.index, dtype=object)
    return out


def join_results(df: pd.DataFrame, results: Sequence[Result]) -> pd.DataFrame:
    """``df`` with the result columns appended; an input column already named like one becomes ``input_<name>``."""
    clash = {c: f"input_{c}" for c in df.columns if c in RESULT_COLUMNS or c == ANALYSIS_COLUMN}
    left = df.rename(columns=clash) if clash else df
    return pd.concat([left, results_frame(results, index=df.index)], axis=1)


def score_frame(df: pd.DataFrame, *, text_col: str | None = None, url_col: str | None = None,
                title_col: str | None = None, id_col: str | None = None, html_col: str | None = None,
                model: Any = None, analyze_fn: AnalyzeFn | None = None) -> pd.DataFrame:
    """Every row of ``df`` scored, in order, with its input columns plus the result columns.

    ``model`` is a loaded model (``labeler.load_model()``), a path, or None for the default.
    Columns not named are detected (see ``detect_columns``); the ``analysis`` column holds the
    full analysis as a dict (``labeler.schema.analysis_from_dict`` turns it back).
    """
    cols = resolve_columns(list(df.columns), text_col=text_col, url_col=url_col, title_col=title_col,
                           id_col=id_col, html_col=html_col)
    m = resolve_model(model)
    results = score_items(items_of(df, cols), m, analyze_fn)
    return join_results(df, results)
