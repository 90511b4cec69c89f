"""Why a score is what it is: the largest contributions of the calibrated linear model.

A contribution is ``coef[j] * x[j]`` on the calibrated log-odds scale (``linear.py``), so
positive numbers pushed the score up and negative ones down. Hashed text features are named
by re-hashing the article's own words, the only place their names can come from: the model
keeps no vocabulary.
"""
from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.utils import murmurhash3_32

from ..schema import LoadedTerm

TOP = 6
CUE_EVIDENCE = {  # which part of the analysis backs a cue feature
    "origin": "origin", "state origin": "origin", "chain": "chain", "cited outlet": "cited_outlets",
    "loaded term": "loaded_terms", "quotes": "quotes", "share of direct": "quotes", "contested": "claims",
    "unattributed": "claims", "share of claims": "claims", "named sources": "sources",
    "anonymous": "sources", "share of sources": "sources",
}


def explain_head(head, X, text: str, analysis: dict[str, Any], top: int = TOP) -> list[dict[str, Any]]:
    """The ``top`` features of one article that moved this head's score most, in words."""
    row = head.clf_.contributions(X)
    row = np.asarray(row.todense()).ravel() if hasattr(row, "todense") else np.asarray(row).ravel()
    n_named = len(head.feature_names_)
    items: list[dict[str, Any]] = []
    for j in np.flatnonzero(row[:n_named]):
        name = head.feature_names_[j]
        items.append({"feature": _describe(name, analysis), "contribution": round(float(row[j]), 4),
                      "evidence": _as_text(_evidence(name, analysis))})
    if head.use_text and row.shape[0] > n_named:
        items.extend(_text_items(head, row[n_named:], text))
    items.sort(key=lambda it: -abs(it["contribution"]))
    return items[:top]


def _describe(name: str, analysis: dict[str, Any]) -> str:
    origin = analysis.get("origin") or {}
    if name.startswith("origin affiliation") and origin:
        how = "originally published on" if origin.get("method") == "notice" else "origin"
        return f"{origin.get('method', 'origin')}: {how} → {origin.get('outlet')} ({origin.get('affiliation')})"
    return name


def _as_text(evidence: Any) -> str | None:
    """Evidence as a researcher reads it: quoted spans joined, long ones cut, counts in words."""
    if evidence is None or isinstance(evidence, str):
        return evidence
    if isinstance(evidence, dict):
        return (f"{evidence.get('count', 0)} distinct sources, {evidence.get('anonymous', 0)} anonymous"
                if "count" in evidence else None)
    parts = [str(e) for e in evidence if e]
    parts = [p if len(p) <= 90 else p[:87] + "..." for p in parts]
    return " · ".join(dict.fromkeys(parts)) or None


def _evidence(name: str, analysis: dict[str, Any]):
    for prefix, key in CUE_EVIDENCE.items():
        if name.startswith(prefix):
            if key == "origin":
                o = analysis.get("origin") or {}
                return o.get("evidence")
            if key == "loaded_terms":
                cat_voice = name[name.find("(") + 1:name.rfind(")")]
                terms = [t["term"] for t in analysis.get("loaded_terms") or []
                         if f"{t.get('category')}, {t.get('voice')} voice" == cat_voice]
                return terms[:5] or None
            if key == "claims":
                return [c["sentence"] for c in analysis.get("claims") or []
                        if not (c.get("attributed") or c.get("countered"))][:3] or None
            if key == "sources":
                return analysis.get("sources")
            vals = analysis.get(key) or []
            return [v.get("evidence") or v.get("content") for v in vals][:3] or None
    return None


def _text_items(head, contrib: np.ndarray, text: str) -> list[dict[str, Any]]:
    """Name hashed n-gram columns by hashing the article's own n-grams."""
    hv = head.text_.named_steps["hash"].transformer_list[0][1]
    analyzer = hv.build_analyzer()
    n = hv.n_features
    seen: dict[int, str] = {}
    for gram in analyzer(text[:200_000]):
        j = abs(murmurhash3_32(gram, seed=0)) % n
        seen.setdefault(j, gram)
    items = []
    for j, gram in seen.items():
        if contrib[j]:
            items.append({"feature": f"words in text: “{gram}”", "contribution": round(float(contrib[j]), 4),
                          "evidence": gram})
    items.sort(key=lambda it: -abs(it["contribution"]))
    return items[:TOP]


def model_terms(model, text: str, spans, probs, lexicon_terms: list[LoadedTerm]) -> list[LoadedTerm]:
    """Words the sentence model finds loaded that the lexicon did not: cues with a probability.

    Only sentences the model calls loaded are searched, and only words the tagger puts over
    ``model.term_threshold`` are kept, so a neutral article gets none.
    """
    sm = model.sentence_model
    if sm is None or not spans:
        return []
    from ..text import quoted_spans

    quoted = [(q.start, q.end) for q in quoted_spans(text)]
    taken = [(t.start, t.end) for t in lexicon_terms]
    out: list[LoadedTerm] = []
    for span, p_sent in zip(spans, probs):
        if p_sent < sm.threshold_:
            continue
        for word, s, e, p in sm.word_probabilities(span.text):
            start, end = span.start + s, span.start + e
            if p < model.term_threshold or not word[:1].isalpha() or len(word) < 3:
                continue
            if any(a < end and start < b for a, b in taken):
                continue
            voice = "quoted" if any(a <= start and end <= b for a, b in quoted) else "author"
            out.append(LoadedTerm(term=text[start:end], start=start, end=end, voice=voice, speaker=None,
                                  category="model", source=f"model {model.name} {model.version}",
                                  probability=round(float(p), 3)))
            taken.append((start, end))
    return out
