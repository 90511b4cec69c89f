"""The public entry points: analyse one article, load a scoring model."""
from __future__ import annotations

import os
from dataclasses import replace
from functools import lru_cache
from collections.abc import Sequence
from typing import Any, Protocol

from .errors import ModelError
from .pipeline import RULES_MODEL, run_detectors, to_article
from .registry import Registry
from .schema import Analysis, Claim, LoadedTerm, ModelInfo, Scores


class Scorer(Protocol):
    """What ``analyze`` needs from a model: a name, a version and per-article scores."""

    name: str
    version: str

    def score(self, text: str, analysis: Analysis) -> tuple[Scores, dict[str, list[dict]], list[LoadedTerm]]: ...


class RuleScorer:
    """The fallback when no trained model is available: keeps the rule-derived scores."""

    name = RULES_MODEL.name
    version = RULES_MODEL.version

    def score(self, text: str, analysis: Analysis) -> tuple[Scores, dict[str, list[dict]], list[LoadedTerm]]:
        return analysis.scores, analysis.explanations, []

    def __repr__(self) -> str:
        return "RuleScorer()"


def with_claim_reader(model: Scorer, reader: str) -> Scorer:
    """``model`` reading claims with ``reader`` ("ngram" or "embedding"), as the CLI's ``--claims``
    asks. An explicit "embedding" that cannot be honoured (the rules, a model without an embedding
    claim model, missing or different encoder weights) is a ``ModelError``, not a quiet fallback;
    "ngram" keeps a model without that choice as it is."""
    if hasattr(model, "with_claims"):
        try:
            chosen = model.with_claims(reader)
        except ValueError as e:
            raise ModelError(str(e)) from None
        if reader == "embedding":
            from .model.claim_encoded import encoder_problem

            problem = encoder_problem(getattr(chosen.claim_encoder_model, "encoder_sha256_", None))
            if problem is not None:
                raise ModelError(f"--claims embedding: {problem}")
        return chosen
    if reader == "embedding":
        raise ModelError("this model has no embedding claim model; use --claims ngram or the default model")
    return model


def load_model(path: str | os.PathLike | None = None, *, trusted: bool | list[str] = False) -> Scorer:
    """The shipped default model (``path=None``), or a model directory/file a user gives.

    Without a shipped model the rule scorer is used. A user file is never unpickled: see
    ``labeler.model`` for the safe format and how to trust a file deliberately.
    """
    if path is not None and str(path) == "rules":
        return RuleScorer()
    try:
        from . import model as _model
        loader = getattr(_model, "load_model", None)
    except ImportError:  # the model package is optional at this stage
        loader = None
    if path is None:
        return _default_scorer()
    if loader is None:
        raise ModelError(f"cannot load model {os.fspath(path)!r}: no model support installed; "
                         "use --model rules for the rule-based scores")
    return loader(path, trusted=trusted) if trusted else loader(path)


def _extras(result: Sequence) -> tuple[Scores, dict, list[LoadedTerm], list[Claim]]:
    """A scorer's result as (scores, explanations, extra terms, extra claims): a user scorer may
    return the ``Scorer`` triple, a model's ``score_full`` adds the claims it found."""
    scores, explanations, extra_terms, *rest = result
    return scores, explanations, list(extra_terms), list(rest[0]) if rest else []


def merge_scored(a: Analysis, result: Sequence, scorer: Any) -> Analysis:
    """The rule analysis with a scorer's result applied: its scores and reasons, and the terms and
    claims it found merged in text order (the one place this is done, for every entry point)."""
    scores, explanations, extra_terms, extra_claims = _extras(result)
    return replace(a, scores=scores, explanations=explanations,
                   loaded_terms=sorted(a.loaded_terms + extra_terms, key=lambda t: t.start),
                   claims=sorted(a.claims + extra_claims, key=lambda c: c.start),
                   model=ModelInfo(scorer.name, scorer.version))


@lru_cache(maxsize=1)
def _default_scorer() -> Scorer:
    try:
        from . import model as _model
        loader = getattr(_model, "load_model", None)
        m = loader(None) if loader else None
    except ModelError:
        raise
    except ImportError:
        m = None
    return m if m is not None else RuleScorer()


def analyze(text: str | None = None, *, url: str | None = None, title: str | None = None,
            html: str | None = None, model: Any = None, registry: Registry | None = None) -> Analysis:
    """One article in, one explained analysis out.

    ``model`` is a loaded model, a path, ``"rules"``, or None for the default model.
    Raises ``labeler.errors.InputError`` for empty, binary or oversized input.
    """
    scorer = load_model(model) if (model is None or isinstance(model, (str, os.PathLike))) else model
    article = to_article(text, url=url, title=title, html=html)
    analysis = run_detectors(article=article, registry=registry)
    if isinstance(scorer, RuleScorer):
        return analysis
    full = getattr(scorer, "score_full", None)
    return merge_scored(analysis, full(article.text, analysis) if full else scorer.score(article.text, analysis), scorer)


def analyze_many(items: Sequence[tuple[Any, Any, Any, Any]], *, model: Any = None,
                 registry: Registry | None = None) -> list[Analysis | Exception]:
    """``analyze`` over many ``(text, url, title, html)`` items, the model applied to all at once.

    Batch scoring uses this: the rules run per article, the model's per-call costs are paid
    once per batch (``score_many``). An item that fails gives its exception in its place,
    so the caller decides what a failure means; the others are unaffected.
    """
    scorer = load_model(model) if (model is None or isinstance(model, (str, os.PathLike))) else model
    out: list[Analysis | Exception] = []
    texts: list[str] = []
    todo: list[int] = []
    for text, url, title, html in items:
        try:
            article = to_article(text, url=url, title=title, html=html)
            out.append(run_detectors(article=article, registry=registry))
            texts.append(article.text)
            todo.append(len(out) - 1)
        except Exception as e:  # noqa: BLE001 - reported in the item's place
            out.append(e)
    if isinstance(scorer, RuleScorer) or not todo:
        return out
    many = getattr(scorer, "score_many_full", None) or getattr(scorer, "score_many", None)
    one = getattr(scorer, "score_full", None) or scorer.score
    try:
        results = many(texts, [out[i] for i in todo]) if many else [one(t, out[i]) for t, i in zip(texts, todo)]
    except Exception:  # noqa: BLE001 - one bad article must not fail its batch: redo one by one
        results = []
        for t, i in zip(texts, todo):
            try:
                results.append(one(t, out[i]))
            except Exception as e:  # noqa: BLE001
                results.append(e)
    for i, r in zip(todo, results):
        if isinstance(r, Exception):
            out[i] = r
            continue
        out[i] = merge_scored(out[i], r, scorer)
    return out
