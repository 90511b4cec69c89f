"""A learned, calibrated head for ``omitted_counterclaims``, trained on FNC-1 stance labels.

Why FNC-1: it is the only public set here that says, per news article, whether the article
*asserts* a contested claim or only *reports* it. Its bodies are labelled against headlines
that are rumour claims from the Emergent set: ``agree`` (the body states the claim as true),
``discuss`` (it reports the claim with attribution and hedges, without taking a side),
``disagree`` (it disputes it). The proxy label is 1 for a body whose majority stance is
``agree`` (the claim asserted, the other side omitted) and 0 for ``discuss`` or ``disagree``
(attributed, or the counterclaim given). It is a proxy: the claims are viral rumours
(celebrity deaths, hoaxes, war rumours of 2014-15), not the political and geopolitical
claims the rule cues target, and "agree" means "asserts", not "asserts without
attribution". See ``PROXY`` for the text the model card should carry.

Evaluation never sees a rumour in training and test at once: bodies that share a related
headline are one group (connected components of the body-headline graph), and all folds
are grouped.

The head is a ``ScoreHead`` with one extra named block, ``words``: counts of a short,
topic-free vocabulary of hedging, attribution, refuting and certainty words (``WORDS``).
A full hashed n-gram block learns the rumour topics of the training set (which body is
about a hoax, which about ISIS) as much as the assertion style; grouped CV decides which
blocks to keep, and both are reported.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components
from sklearn.model_selection import GroupKFold

from .. import datasets as D
from .evaluate import binary_metrics
from .pipeline import ScoreHead

PROXY = ("omitted_counterclaims proxy: FNC-1 competition-test bodies (Emergent rumour claims, 2014-15); "
         "1 = the body's majority stance towards its related headlines is 'agree' (asserts the rumour), "
         "0 = 'discuss' (reports it with attribution) or 'disagree' (disputes it); ties dropped. "
         "About rumours, not political claims in general.")
MAX_TEXT = 300_000  # characters read for the word block; longer inputs are cut (as in cues/claims.py)
N_SPLITS = 5

# Topic-free words that mark how a text holds a claim. Curated for this head from the
# hedging and refuting word lists of Ferreira & Vlachos (2016, Emergent) and Hyland's (2005)
# hedges and boosters, rewritten as patterns; no training text was read to pick them.
# (group, name shown in explanations, case-insensitive whole-word pattern)
WORDS: tuple[tuple[str, str, str], ...] = tuple(
    (g, n, p) for g, rows in {
        "hedging": [
            ("reportedly", r"reportedly"), ("allegedly", r"alleged(ly)?"), ("apparently", r"apparent(ly)?"),
            ("purportedly", r"purported(ly)?"), ("supposedly", r"supposed(ly)?"), ("rumour", r"rumou?r(s|ed)?"),
            ("unconfirmed", r"unconfirmed|unverified"),
            ("not verified", r"(could|can|has|have|had) not (yet )?(be(en)? )?(independently )?(verif|confirm)\w*"),
            ("may/might", r"(?-i:may)|might"), ("could", r"could"),
            ("possibly", r"possibl[ey]|perhaps"), ("appears", r"appear(s|ed)?|seem(s|ed|ingly)?"),
            ("suggests", r"suggest(s|ed)?"), ("believed to", r"(believed|thought|said) to"),
            ("unclear", r"unclear|not (yet )?clear|remains to be seen"),
            ("if true", r"if (it'?s |this is |that is )?true"), ("speculation", r"speculat\w+"),
        ],
        "attribution": [
            ("according to", r"according to"), ("said/says", r"said|says"), ("told", r"told"),
            ("reported", r"report(s|ed)"), ("sources", r"sources?"), ("spokesperson", r"spokes(man|woman|person)"),
            ("statement", r"statements?"), ("claims", r"claim(s|ed|ing)?"), ("quoted/cited", r"quoted|cited|citing"),
            ("via", r"via"), ("posted", r"posted|tweeted|wrote"),
        ],
        "refuting": [
            ("hoax", r"hoax(es)?"), ("fake", r"fake[ds]?"), ("false", r"false(ly)?|untrue|not true"),
            ("debunk", r"debunk\w*"), ("deny", r"den(y|ies|ied|ial)"), ("no evidence", r"no (evidence|proof)"),
            ("satire", r"satir(e|ical)"), ("fabricated", r"fabricat\w+|made[- ]up"), ("myth", r"myths?"),
            ("rejected/dismissed", r"reject(s|ed)?|dismiss(es|ed)?"), ("however", r"however|but"),
        ],
        "certainty": [
            ("confirmed", r"confirm(s|ed|ation)"), ("officially", r"official(ly)?"),
            ("indeed/actually", r"indeed|actually|in fact"), ("definitely", r"definite(ly)?|certain(ly)?|clearly"),
            ("revealed", r"reveal(s|ed)"), ("proved", r"prove[ns]?|proved"), ("shows", r"show(s|ed|n)"),
        ],
    }.items() for n, p in rows)
GROUPS = ("hedging", "attribution", "refuting", "certainty")


@lru_cache(maxsize=1)
def _word_regex() -> re.Pattern[str]:
    """All ``WORDS`` in one alternation (one pass over a text), entry ``j`` as group ``w{j}``;
    where two entries could match at one place the earlier in ``WORDS`` wins."""
    inner = [re.sub(r"\((?!\?)", "(?:", p) for _g, _n, p in WORDS]
    return re.compile(r"\b(?:" + "|".join(f"(?P<w{j}>{x})" for j, x in enumerate(inner)) + r")\b", re.I)


def word_names() -> list[str]:
    """Column names of the word block: one per word, then one rate per group."""
    return [f"{g} word: {n}" for g, n, _p in WORDS] + [f"{g} words per 100 words" for g in GROUPS]


def word_features(texts: Sequence[str]) -> sp.csr_matrix:
    """The word block: log(1 + count) of each ``WORDS`` entry, and each group's rate per 100
    words as log(1 + rate); length-free so short and long articles compare."""
    rows = [_word_row_cached(t) if isinstance(t, str) and len(t) <= _SHORT else _word_row(t) for t in texts]
    return sp.csr_matrix(np.array(rows, dtype=float).reshape(len(rows), len(WORDS) + len(GROUPS)))


def _word_row(text) -> tuple[float, ...]:
    t = text[:MAX_TEXT] if isinstance(text, str) else ""
    counts = np.zeros(len(WORDS))
    for m in _word_regex().finditer(t):
        counts[int(m.lastgroup[1:])] += 1
    per_group = np.bincount(_GROUP_OF, weights=counts, minlength=len(GROUPS))
    return tuple(np.log1p(counts)) + tuple(np.log1p(100.0 * per_group / max(len(t.split()), 1)))


# Cross-validation featurises the same articles once per fold: rows of article-sized texts
# are cached (bounded; a long text is recomputed rather than held).
_SHORT = 20_000
_word_row_cached = lru_cache(maxsize=4096)(_word_row)
_GROUP_OF = np.array([GROUPS.index(g) for g, _n, _p in WORDS])


class CounterclaimsHead(ScoreHead):
    """``ScoreHead`` plus the named ``words`` block (an extra block: before the hashed text
    block, so the explanations name every cue and word feature exactly)."""

    def __init__(self, name: str = "omitted_counterclaims", *, use_cues: bool = True, use_text: bool = False,
                 use_sentences: bool = True, use_words: bool = True, n_text_features: int = 2**18,
                 char: bool = False, C: float = 1.0, random_state: int = 0):
        super().__init__(name, use_cues=use_cues, use_text=use_text, use_sentences=use_sentences,
                         n_text_features=n_text_features, char=char, C=C, random_state=random_state)
        self.use_words = use_words

    def extra_blocks(self, analyses: Sequence, texts: Sequence[str]) -> list[tuple[list[str], sp.csr_matrix]]:
        return [(word_names(), word_features(texts))] if self.use_words else []


# Options compared by grouped CV, simplest first: the text block on or off. Grouped CV picks
# the simplest option within ``SELECT_TOL`` AUC of the best (a hashed n-gram block must earn
# its 2**18 weights). ``ABLATIONS`` adds the blocks' separate figures for the bench.
OPTIONS: dict[str, dict[str, Any]] = {
    "cues+sentences+words": {"use_words": True, "use_text": False},
    "cues+sentences+words+text": {"use_words": True, "use_text": True},
}
ABLATIONS: dict[str, dict[str, Any]] = {
    "cues+sentences": {"use_words": False, "use_text": False},
    "cues+sentences+text": {"use_words": False, "use_text": True},
    **OPTIONS,
}
CS = (0.03, 0.1, 0.3)
SELECT_TOL = 0.01


# --------------------------------------------------------------------------- data
def counterclaim_corpus(root, *, label: str = "agree") -> pd.DataFrame:
    """FNC-1 bodies as ``text``, ``label`` (0/1), ``body_id``, ``group``, ``stance``.

    ``label="agree"``: 1 = majority stance agree, 0 = discuss or disagree (the proxy of
    ``PROXY``). ``label="positional"``: 1 = agree or disagree (takes a side), 0 = discuss.
    Bodies with tied or no related stance are dropped. ``group`` numbers the connected
    components of the body-headline graph (related pairs only): bodies about one rumour.
    """
    if label not in ("agree", "positional"):
        raise ValueError(f"label must be 'agree' or 'positional', not {label!r}")
    b = D.load_fnc1_bodies(root)
    heads = sorted({h for hs in b["headlines"] for h in hs})
    col = {h: i for i, h in enumerate(heads)}
    n = len(b)
    r = [i for i, hs in enumerate(b["headlines"]) for _ in hs]
    c = [n + col[h] for hs in b["headlines"] for h in hs]
    g = sp.coo_matrix((np.ones(len(r)), (r, c)), shape=(n + len(heads),) * 2)
    _, comp = connected_components(g, directed=False)
    b = b.assign(group=comp[:n])
    b = b[b["stance"].notna() & (b["text"].str.strip() != "")]
    y = (b["stance"] == "agree") if label == "agree" else b["stance"].isin(["agree", "disagree"])
    return pd.DataFrame({"text": b["text"], "label": y.astype(int), "body_id": b["body_id"],
                         "group": b["group"], "stance": b["stance"]}).reset_index(drop=True)


def features(texts: Sequence[str], sentence_model=None, titles: Sequence[str | None] | None = None
             ) -> tuple[list[dict], np.ndarray]:
    """Rule analyses (JSON form) and sentence-model summaries of ``texts``: a head's inputs."""
    from .train import analyse_texts, summaries

    analyses, _errors = analyse_texts(list(texts), titles=titles)
    return analyses, summaries(sentence_model, list(texts))


def rule_scores(analyses: Sequence[dict]) -> np.ndarray:
    """The rule score (``cues/claims.py``) each analysis carries."""
    return np.array([float((a.get("scores") or {}).get("omitted_counterclaims") or 0.0) for a in analyses])


def tfidf_baseline(seed: int = 0):
    """The reference: TF-IDF + logistic regression (balanced), no calibration."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    return make_pipeline(TfidfVectorizer(sublinear_tf=True),
                         LogisticRegression(max_iter=1000, class_weight="balanced", random_state=seed))


# --------------------------------------------------------------------------- evaluation
def grouped_folds(y: np.ndarray, groups: np.ndarray, n_splits: int = N_SPLITS) -> list[tuple[np.ndarray, np.ndarray]]:
    """Grouped K-fold (deterministic): no rumour in both train and test."""
    k = min(n_splits, len(np.unique(groups)))
    return list(GroupKFold(k).split(np.zeros(len(y)), y, groups))


def oof_head(options: dict[str, Any], analyses: Sequence[dict], texts: Sequence[str], y: np.ndarray,
             S: np.ndarray, groups: np.ndarray, folds, seed: int = 0) -> np.ndarray:
    """Out-of-fold calibrated probabilities of a ``CounterclaimsHead`` on ``folds``."""
    p = np.zeros(len(y))
    for tr, te in folds:
        h = CounterclaimsHead(random_state=seed, **options).fit(
            [analyses[i] for i in tr], [texts[i] for i in tr], y[tr], S[tr], groups=groups[tr])
        p[te] = h.predict_proba([analyses[i] for i in te], [texts[i] for i in te], S[te])
    return p


def oof_baseline(texts: Sequence[str], y: np.ndarray, folds, seed: int = 0) -> np.ndarray:
    t = np.asarray(texts, dtype=object)
    p = np.zeros(len(y))
    for tr, te in folds:
        p[te] = tfidf_baseline(seed).fit(t[tr], y[tr]).predict_proba(t[te])[:, 1]
    return p


def _summary(m: dict[str, Any]) -> dict[str, Any]:
    return {k: m[k] for k in ("n", "positives", "roc_auc", "f1", "accuracy", "ece", "brier")}


def challenge_check(head: ScoreHead, sentence_model, path) -> dict[str, Any] | None:
    """AUC of the head and of the rule score on hand-labelled articles (never fitted on):
    ``len(unattributed_contested_claims) > 0`` and ``balanced is False``."""
    from sklearn.metrics import roc_auc_score

    path = Path(path)
    if not path.is_file():
        return None
    rows = D.load_labelled_articles([path])
    texts = [r.get("text") or "" for r in rows]
    analyses, S = features(texts, sentence_model, titles=[r.get("title") for r in rows])
    p_head, p_rule = head.predict_proba(analyses, texts, S), rule_scores(analyses)
    out: dict[str, Any] = {"n": len(rows)}
    targets = {"unattributed_contested_claims": [len(r["labels"].get("unattributed_contested_claims") or []) > 0
                                                 for r in rows],
               "not_balanced": [r["labels"].get("balanced") is False for r in rows]}
    for name, y in targets.items():
        y = np.asarray(y, dtype=int)
        ok = len(np.unique(y)) == 2
        out[name] = {"positives": int(y.sum()),
                     "head_auc": float(roc_auc_score(y, p_head)) if ok else float("nan"),
                     "rule_auc": float(roc_auc_score(y, p_rule)) if ok else float("nan")}
    return out


def fit_counterclaims_head(root, seed: int = 0, sentence_model=None, *, label: str = "agree",
                           options: dict[str, dict[str, Any]] | None = None, cs: Sequence[float] = CS,
                           challenge=None, limit: int | None = None) -> tuple[CounterclaimsHead, dict[str, Any]]:
    """The ``omitted_counterclaims`` head fitted on all of FNC-1, and its metrics.

    Grouped 5-fold out-of-fold metrics for every option (blocks x C), for the TF-IDF + LR
    baseline and for the rule score, all on the same folds; the option with the best
    out-of-fold ROC AUC is refitted on everything. ``challenge`` (default:
    ``<root>/../examples/challenge.jsonl`` when present) is scored, never fitted on.
    ``limit`` takes a stratified-by-group sample of that many bodies (tests).
    """
    corpus = counterclaim_corpus(root, label=label)
    if limit is not None and limit < len(corpus):
        keep = pd.Series(corpus["group"].unique()).sample(frac=1.0, random_state=seed)
        sizes = corpus.groupby("group").size()
        chosen = keep[sizes.loc[keep].cumsum().to_numpy() <= limit]
        corpus = corpus[corpus["group"].isin(set(chosen))].reset_index(drop=True)
    texts, y, groups = corpus["text"].tolist(), corpus["label"].to_numpy(), corpus["group"].to_numpy()
    analyses, S = features(texts, sentence_model)
    folds = grouped_folds(y, groups)
    metrics: dict[str, Any] = {"proxy": PROXY, "label": label, "n": len(y), "positives": int(y.sum()),
                               "groups": int(len(np.unique(groups))), "folds": len(folds), "seed": seed,
                               "stances": corpus["stance"].value_counts().to_dict(), "options": {}}
    tried = []
    for name, opt in (options or OPTIONS).items():
        for C in cs:
            m = _summary(binary_metrics(y, oof_head({**opt, "C": C}, analyses, texts, y, S, groups, folds, seed)))
            metrics["options"][f"{name}, C={C:g}"] = m
            tried.append((name, {**opt, "C": C}, m["roc_auc"]))
    top = max(auc for *_x, auc in tried)
    best = next((name, opt) for name, opt, auc in tried if auc >= top - SELECT_TOL)  # simplest near the top
    metrics["chosen"] = {"option": best[0], **best[1], "rule": f"simplest option within {SELECT_TOL} AUC of the best"}
    metrics["head_grouped_oof"] = metrics["options"][f"{best[0]}, C={best[1]['C']:g}"]
    metrics["tfidf_lr_grouped_oof"] = _summary(binary_metrics(y, oof_baseline(texts, y, folds, seed)))
    metrics["rule_score"] = _summary(binary_metrics(y, rule_scores(analyses)))
    head = CounterclaimsHead(random_state=seed, **best[1]).fit(analyses, texts, y, S, groups=groups)
    path = Path(challenge) if challenge is not None else Path(root).parent / "examples" / "challenge.jsonl"
    metrics["challenge"] = challenge_check(head, sentence_model, path)
    return head, metrics
