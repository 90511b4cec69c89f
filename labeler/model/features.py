"""Cues of an analysis as named numbers, so a linear model can weigh them and say why.

The featuriser reads the JSON form of an analysis (``Analysis.to_dict()``), never the text,
so it works the same on a live analysis, a batch output row or a hand-made test dict.
Feature names are written as a reader would say them ("origin affiliation: state-controlled"):
the explanations print them as they are.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction import DictVectorizer

from ..schema import Analysis

STATE = ("state-controlled", "state-funded")


def cue_features(a: Mapping[str, Any] | Analysis) -> dict[str, float]:
    """One analysis as ``{feature name: value}``; absent cues are simply missing (= 0)."""
    d = a.to_dict() if isinstance(a, Analysis) else dict(a or {})
    f: dict[str, float] = {}
    origin = d.get("origin") or None
    if origin:
        f[f"origin affiliation: {origin.get('affiliation') or 'unknown'}"] = 1.0
        f[f"origin found by: {origin.get('method') or 'unknown'}"] = 1.0
        if origin.get("affiliation") in STATE:
            f[f"state origin found by: {origin.get('method') or 'unknown'}"] = 1.0
    else:
        f["no origin established"] = 1.0
    for link in d.get("chain") or []:
        aff = link.get("affiliation") or "unknown"
        f[_inc(f, f"chain {link.get('role') or 'link'}: {aff}")] += 1.0
    for c in d.get("cited_outlets") or []:
        f[_inc(f, f"cited outlet: {c.get('affiliation') or 'unknown'}")] += 1.0
    terms = d.get("loaded_terms") or []
    for t in terms:
        if t.get("probability") is not None:
            continue  # model-found words are an output of the model, not an input
        f[_inc(f, f"loaded term ({t.get('category') or 'other'}, {t.get('voice') or 'author'} voice)")] += 1.0
    quotes = d.get("quotes") or []
    claims = d.get("claims") or []
    n_claims = len(claims)
    if quotes:
        f["quotes"] = float(len(quotes))
        f["share of direct quotes"] = sum(q.get("kind") == "direct" for q in quotes) / len(quotes)
        f["quotes relayed via another outlet"] = float(sum(bool(q.get("via")) for q in quotes))
    if n_claims:
        bare = sum(not (c.get("attributed") or c.get("countered")) for c in claims)
        f["contested claims"] = float(n_claims)
        f["unattributed, uncountered claims"] = float(bare)
        f["share of claims unattributed and uncountered"] = bare / n_claims
        f["share of claims countered"] = sum(bool(c.get("countered")) for c in claims) / n_claims
        f["share of claims attributed"] = sum(bool(c.get("attributed")) for c in claims) / n_claims
    sources = d.get("sources") or {}
    sides = sources.get("by_side") or {}
    if sources.get("count"):
        f["named sources"] = float(sources.get("count", 0))
        f["anonymous sources"] = float(sources.get("anonymous", 0))
        asserting, countering = float(sides.get("asserting", 0)), float(sides.get("countering", 0))
        if asserting + countering:
            f["share of sources countering"] = countering / (asserting + countering)
    balanced = d.get("balanced")
    f[f"balanced: {'unknown' if balanced is None else ('yes' if balanced else 'no')}"] = 1.0
    # Counts enter as log(1 + n): the tenth loaded word says less than the first.
    # Article length is left out on purpose: it differs between training corpora (headlines
    # vs full articles) far more than between classes, and a model would learn the corpus.
    return {k: (math.log1p(v) if not k.startswith(("share", "origin", "state origin", "no origin", "balanced"))
                else v) for k, v in f.items()}


def _inc(f: dict[str, float], key: str) -> str:
    f.setdefault(key, 0.0)
    return key


class CueFeaturizer(TransformerMixin, BaseEstimator):
    """Analysis dicts (or Analysis objects) in, a sparse matrix of named cue features out.

    ``fit`` learns the feature names seen in training (cue names only, no text).
    """

    def __init__(self, sparse: bool = True):
        self.sparse = sparse

    def fit(self, X: Iterable, y=None):
        self.vectorizer_ = DictVectorizer(sparse=self.sparse).fit([cue_features(a) for a in X])
        self.n_features_in_ = 1
        return self

    def transform(self, X: Iterable):
        return self.vectorizer_.transform([cue_features(a) for a in X])

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        return np.asarray(self.vectorizer_.get_feature_names_out(), dtype=object)
