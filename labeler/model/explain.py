"""Why a score is what it is: the largest contributions of the calibrated linear model.

A contribution is ``coef[j] * x[j]`` on the calibrated log-odds scale (``linear.py``), so
positive numbers pushed the score up and negative ones down. Hashed text features are named
by re-hashing the article's own words, the only place their names can come from: the model
keeps no vocabulary.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import scipy.sparse as sp
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
    row = sp.csr_matrix(X).multiply(head.clf_.coef_.ravel()).tocsr()  # coef * x, the exact log-odds shares
    row.eliminate_zeros()
    n_named = len(head.feature_names_)
    idx, val = row.indices, row.data
    named = idx < n_named
    items: list[dict[str, Any]] = []
    for j, v in sorted(zip(idx[named].tolist(), val[named].tolist())):
        name = head.feature_names_[j]
        items.append({"feature": _describe(name, analysis), "contribution": round(float(v), 4),
                      "evidence": _as_text(_evidence(name, analysis))})
    if head.use_text and not named.all():
        t_idx, t_val = idx[~named] - n_named, val[~named]
        k = min(len(t_val), TOP * 4)
        strongest = np.argpartition(-np.abs(t_val), k - 1)[:k]
        strongest = strongest[np.argsort(-np.abs(t_val[strongest]), kind="stable")]
        items.extend(_text_items(head, dict(zip(t_idx[strongest].tolist(), t_val[strongest].tolist())), text))
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


def _text_items(head, contrib: dict[int, float], text: str) -> list[dict[str, Any]]:
    """Name the strongest hashed n-gram columns (``contrib``) by hashing the article's own n-grams."""
    from .fast import fast_vectorizer

    top = sorted(contrib, key=lambda j: -abs(contrib[j]))
    fv = fast_vectorizer(head.text_)
    names: dict[int, str] = {}
    if hasattr(fv, "parts") and fv.parts[0].analyzer == "word":
        grams, cols = fv.parts[0].word_buckets(text[:200_000])
        cols = np.asarray(cols)
        for j in top:
            hit = np.flatnonzero(cols == j)
            if len(hit):
                names[j] = grams[hit[0]]  # a shared bucket is named by its first n-gram
    else:
        hv = head.text_.named_steps["hash"].transformer_list[0][1]
        wanted = set(top)
        for gram in hv.build_analyzer()(text[:200_000]):
            j = abs(murmurhash3_32(gram, seed=0)) % hv.n_features
            if j in wanted:
                names.setdefault(j, gram)
    items = [{"feature": f"words in text: “{names[j]}”", "contribution": round(float(contrib[j]), 4),
              "evidence": names[j]} for j in top if j in names and contrib[j]]
    return items[:TOP]


def model_terms(model, text: str, spans, probs, lexicon_terms: list[LoadedTerm], words=None) -> list[LoadedTerm]:
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
    for k, (span, p_sent) in enumerate(zip(spans, probs)):
        if p_sent < sm.threshold_:
            continue
        toks, p_words = words[k] if words is not None else sm.predict_with_words([span.text])[1][0]
        for (word, s, e), p in zip(toks, p_words):
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
