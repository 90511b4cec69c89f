"""Loaded language at sentence level, with the words that carry it.

Two learners, stacked:

* a token tagger (logistic regression over hashed token contexts, lexicon membership and,
  when given, word classes learned from unlabelled news text, ``word_clusters.py``) that
  gives each word the probability of lying inside a loaded span. It learns from span
  labels (PTC Loaded_Language / Name_Calling spans, BABE biased words, BASIL lexical spans),
  and it is what finds loaded words beyond the project's lexicon;
* a sentence classifier over hashed word and character n-grams (with ``nb=True``, an NB-SVM:
  each n-gram scaled by its naive-Bayes log-count ratio, folded back into the weights).

A small calibrated logistic regression combines the tagger's strongest words, the sentence
classifier's log-odds and surface counts into P(sentence holds loaded language). The
decision threshold is chosen for F1 on out-of-fold predictions of the training data, never
on evaluation data.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from scipy.special import expit, logit
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from .linear import CalibratedLinearClassifier
from .text_features import HashedLexicon, text_stats, text_vectorizer, token_feature_dicts, token_hasher
from .word_clusters import WordClusters

Spans = Sequence[tuple[int, int]]
STACK_NAMES = ("strongest word", "second word", "words over 0.5", "sentence n-grams",
               "log words", "exclamation marks", "question marks", "quotation marks", "all-caps words")


class LoadedSentenceModel:
    """P(sentence holds loaded language) and the words that make it so.

    Parameters are stored as given (sklearn style); everything learned ends in ``_``.
    """

    def __init__(self, *, n_token_features: int = 2**20, n_text_features: int = 2**18, token_C: float = 0.3,
                 text_C: float = 1.0, nb: bool = False, cv: int = 3, random_state: int = 0,
                 lexicon: HashedLexicon | None = None, clusters: WordClusters | None = None):
        self.n_token_features = n_token_features
        self.n_text_features = n_text_features
        self.token_C = token_C
        self.text_C = text_C
        self.nb = nb
        self.cv = cv
        self.random_state = random_state
        self.lexicon = lexicon
        self.clusters = clusters

    # ------------------------------------------------------------------ features
    def _token_matrix(self, texts: Sequence[str]):
        hasher = token_hasher(self.n_token_features)
        rows, index, toks_all = [], [], []
        for i, t in enumerate(texts):
            toks, feats = token_feature_dicts(t, self.lexicon, getattr(self, "clusters", None))
            rows.extend(feats)
            index.extend([i] * len(toks))
            toks_all.append(toks)
        X = hasher.transform(rows) if rows else sp.csr_matrix((0, self.n_token_features))
        return X, np.asarray(index, dtype=int), toks_all

    @staticmethod
    def _token_labels(toks_all, spans_all) -> np.ndarray:
        y = []
        for toks, spans in zip(toks_all, spans_all):
            y.extend(int(any(s < b and e > a for a, b in spans)) for _w, s, e in toks)
        return np.asarray(y, dtype=int)

    @staticmethod
    def _pool(p_tok: np.ndarray, index: np.ndarray, n: int) -> np.ndarray:
        """Per sentence: its strongest and second-strongest word (log-odds) and log(1 + words over 0.5)."""
        p_tok = np.asarray(p_tok, dtype=float)
        index = np.asarray(index, dtype=int)
        top1 = np.full(n, 1e-4)
        top2 = np.full(n, 1e-4)
        if len(p_tok):
            order = np.lexsort((-p_tok, index))
            ps, ix = p_tok[order], index[order]
            counts = np.bincount(ix, minlength=n)
            starts = np.searchsorted(ix, np.arange(n))
            has1, has2 = counts >= 1, counts >= 2
            top1[has1] = ps[starts[has1]]
            top2[has2] = ps[starts[has2] + 1]
        over = np.bincount(index, weights=(p_tok > 0.5).astype(float), minlength=n) if len(p_tok) else np.zeros(n)
        clip = lambda v: logit(np.clip(v, 1e-4, 1 - 1e-4))  # noqa: E731
        return np.column_stack([clip(top1), clip(top2), np.log1p(over)])

    def _stack(self, pooled: np.ndarray, text_logit: np.ndarray, texts: Sequence[str]) -> np.ndarray:
        stats = np.array([text_stats(t) for t in texts], dtype=float).reshape(-1, 5)
        return np.column_stack([pooled, text_logit, stats])

    # ------------------------------------------------------------------ fit
    def fit(self, texts: Sequence[str], y: Sequence[int], spans: Sequence[Spans], *,
            groups: Sequence | None = None, extra_texts: Sequence[str] = (), extra_spans: Sequence[Spans] = (),
            extra_weight: float = 1.0) -> LoadedSentenceModel:
        """Learn from sentences, their 0/1 labels and their loaded spans (sentence-relative).

        ``extra_*`` are span-labelled sentences from other corpora: they train the token
        tagger only, so the sentence decision stays tied to the main corpus's definition.
        """
        texts = list(texts)
        y = np.asarray(y, dtype=int)
        groups = np.asarray(groups if groups is not None else np.arange(len(texts)))
        X_tok, idx, toks = self._token_matrix(texts)
        y_tok = self._token_labels(toks, spans)
        Xe, _ie, te = self._token_matrix(list(extra_texts))
        ye = self._token_labels(te, extra_spans)
        vec = text_vectorizer(self.n_text_features, clusters=getattr(self, "clusters", None)).fit(texts)
        X_txt = vec.transform(texts)

        # Out-of-fold tagger and sentence scores give the stacker honest inputs.
        pooled = np.zeros((len(texts), 3))
        text_logit = np.zeros(len(texts))
        folds = GroupKFold(n_splits=min(self.cv, len(np.unique(groups))))
        for tr, te_ in folds.split(X_txt, y, groups):
            tok_tr = np.isin(idx, tr)
            tagger = self._fit_tagger(sp.vstack([X_tok[tok_tr], Xe]), np.r_[y_tok[tok_tr], ye],
                                      np.r_[np.ones(tok_tr.sum()), np.full(len(ye), extra_weight)])
            tok_te = np.isin(idx, te_)
            p = tagger.predict_proba(X_tok[tok_te])[:, 1]
            remap = {g: j for j, g in enumerate(te_)}
            pooled[te_] = self._pool(p, np.array([remap[i] for i in idx[tok_te]], dtype=int), len(te_))
            clf = self._fit_text(X_txt[tr], y[tr])
            text_logit[te_] = clf.decision_function(X_txt[te_])
        Z = self._stack(pooled, text_logit, texts)
        self.stacker_ = CalibratedLinearClassifier(C=1.0, class_weight=None, cv=self.cv,
                                                   random_state=self.random_state).fit(Z, y, groups=groups)
        oof = 1 / (1 + np.exp(-self.stacker_.oof_decision_))
        self.threshold_ = _best_f1_threshold(y, oof)
        self.tagger_ = self._fit_tagger(sp.vstack([X_tok, Xe]), np.r_[y_tok, ye],
                                        np.r_[np.ones(len(y_tok)), np.full(len(ye), extra_weight)])
        self.vectorizer_ = vec
        self.text_clf_ = self._fit_text(X_txt, y)
        return self

    def _fit_tagger(self, X, y, w) -> LogisticRegression:
        return LogisticRegression(C=self.token_C, max_iter=3000, random_state=self.random_state).fit(
            X, y, sample_weight=w)

    def _fit_text(self, X, y) -> LogisticRegression:
        """Logistic regression on tf-idf n-grams, each scaled by its naive-Bayes log-count
        ratio (NB-SVM, Wang & Manning 2012) when ``nb``. The ratios are folded into the
        weights afterwards, so the fitted model reads the plain tf-idf matrix."""
        y = np.asarray(y, dtype=int)
        r = _log_count_ratio(X, y) if getattr(self, "nb", False) else None
        clf = LogisticRegression(C=self.text_C, class_weight="balanced", max_iter=3000,
                                 random_state=self.random_state).fit(X if r is None else X.multiply(r).tocsr(), y)
        if r is not None:
            clf.coef_ = clf.coef_ * r
        return clf

    # ------------------------------------------------------------------ use
    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """P(loaded) for each sentence, calibrated."""
        return self.predict_with_words(texts)[0]

    def predict_with_words(self, texts: Sequence[str]) -> tuple[np.ndarray, list[tuple[list, np.ndarray]]]:
        """P(loaded) for each sentence, and each sentence's tokens with the tagger's probabilities.

        One pass serves both the scores and the model-found words; words are hashed once per
        distinct word (``fast.py``), giving the same numbers as the sklearn path.
        """
        from .fast import fast_tagger, fast_vectorizer

        texts = [str(t) for t in texts]
        if not texts:
            return np.zeros(0), []
        tagger = fast_tagger(self)
        words = []
        for t in texts:
            toks, d = tagger.decisions(t)
            words.append((toks, expit(d)))
        p_tok = np.concatenate([p for _t, p in words])
        index = np.repeat(np.arange(len(texts)), [len(p) for _t, p in words])
        pooled = self._pool(p_tok, index, len(texts))
        X = fast_vectorizer(self.vectorizer_).transform(texts)
        text_logit = np.asarray(X @ self.text_clf_.coef_.ravel()).ravel() + self.text_clf_.intercept_[0]
        Z = self._stack(pooled, text_logit, texts)
        return expit(Z @ self.stacker_.coef_.ravel() + self.stacker_.intercept_[0]), words

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        return (self.predict_proba(texts) >= self.threshold_).astype(int)

    def word_probabilities(self, text: str) -> list[tuple[str, int, int, float]]:
        """Each word of ``text`` with the tagger's probability that it is loaded."""
        toks, p = self.predict_with_words([text])[1][0]
        return [(w, s, e, float(pi)) for (w, s, e), pi in zip(toks, p)]


def _log_count_ratio(X, y: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    """log(P(feature present | loaded) / P(feature present | not loaded)), smoothed, per column."""
    B = (X > 0).astype(np.float64)
    pos = np.asarray(B[y == 1].sum(axis=0)).ravel() + alpha
    neg = np.asarray(B[y == 0].sum(axis=0)).ravel() + alpha
    return np.log(pos / pos.sum()) - np.log(neg / neg.sum())


def _best_f1_threshold(y: np.ndarray, p: np.ndarray) -> float:
    best, best_t = -1.0, 0.5
    for t in np.linspace(0.05, 0.95, 91):
        pred = p >= t
        tp = float(np.sum(pred & (y == 1)))
        f1 = 2 * tp / max(1.0, pred.sum() + (y == 1).sum())
        if f1 > best:
            best, best_t = f1, float(t)
    return best_t
