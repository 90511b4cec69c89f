"""Prediction without re-hashing: the same numbers as the sklearn path, words hashed once.

Scoring spends its time turning words into hash buckets (character n-grams of every word,
context features of every token), not in the linear algebra. A news corpus repeats its
words endlessly, so this module hashes each distinct word once, keeps the result in a
bounded cache, and builds the same sparse matrices (or, for the token tagger, the same
decision values) as ``HashingVectorizer``/``FeatureHasher`` would. Tests pin the equality
against sklearn's own transforms; training keeps using the sklearn path.

Caches live beside a fitted model (a ``WeakKeyDictionary``), never inside it, so a saved
model holds no words and stays the same bytes after use.
"""
from __future__ import annotations

import re
import weakref
from collections.abc import Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.utils import murmurhash3_32

from .text_features import _QUOTES, WordClassNgrams, _shape, cluster_features, tokens

_INT32_MIN = -2147483648


def bucket(feature: str, n_features: int) -> int:
    """The column sklearn's hashers give ``feature`` (murmurhash3, seed 0, no alternate sign)."""
    h = murmurhash3_32(feature, seed=0)
    if h == _INT32_MIN:
        return (2147483647 - (n_features - 1)) % n_features
    return abs(h) % n_features


class BoundedCache(dict):
    """A dict that empties itself when full: memory stays flat on endless input."""

    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit

    def put(self, key, value):
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value


def _rows_to_csr(rows: list[np.ndarray], n_features: int) -> sp.csr_matrix:
    """One row per list of column indices, each occurrence counting 1 (sklearn's count matrix)."""
    lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    indices = np.concatenate(rows).astype(np.int32, copy=False) if len(rows) and indptr[-1] else \
        np.zeros(0, dtype=np.int32)
    X = sp.csr_matrix((np.ones(len(indices), dtype=np.float64), indices, indptr), shape=(len(rows), n_features))
    X.sum_duplicates()
    return X


class FastHashing:
    """``HashingVectorizer.transform`` for the two analyzers our models use, with caches.

    Word n-grams: the n-gram strings are made as sklearn makes them and looked up in a cache
    of buckets. Character n-grams within words (``char_wb``) depend on the word alone, so
    each distinct word's buckets are computed once.
    """

    def __init__(self, hv, gram_cache: int = 200_000, word_cache: int = 100_000):
        p = hv.get_params()
        if p["alternate_sign"] or p["norm"] is not None or p["binary"] or p["preprocessor"] or p["tokenizer"] \
                or p["strip_accents"] or p["stop_words"] or not p["lowercase"] or p["input"] != "content":
            raise ValueError(f"no fast path for this HashingVectorizer: {p}")
        if p["analyzer"] not in ("word", "char_wb"):
            raise ValueError(f"no fast path for analyzer {p['analyzer']!r}")
        self.analyzer = p["analyzer"]
        self.n_features = int(p["n_features"])
        self.ngram_range = tuple(p["ngram_range"])
        self.token_re = re.compile(p["token_pattern"])
        self.grams = BoundedCache(gram_cache)
        self.words = BoundedCache(word_cache)
        self.docs = BoundedCache(64)

    def _gram(self, g: str) -> int:
        j = self.grams.get(g)
        return j if j is not None else self.grams.put(g, bucket(g, self.n_features))

    def _word_row(self, doc: str) -> np.ndarray:
        return np.asarray(self.word_buckets(doc)[1], dtype=np.int32)

    def word_buckets(self, doc: str) -> tuple[list[str], list[int]]:
        """The word n-grams of ``doc`` as sklearn makes them, and their columns.

        The last few documents are remembered: an article passes through every head and
        then through the explanations, and is hashed once.
        """
        hit = self.docs.get(doc)
        if hit is not None:
            return hit
        toks = self.token_re.findall(doc.lower())
        lo, hi = self.ngram_range
        grams: list[str] = []
        for n in range(lo, hi + 1):
            if n == 1:
                grams.extend(toks)
            elif n == 2:
                grams.extend([a + " " + b for a, b in zip(toks, toks[1:])])
            else:
                grams.extend(" ".join(toks[i:i + n]) for i in range(len(toks) - n + 1))
        get, n_f = self.grams.get, self.n_features
        out = [get(g) for g in grams]
        for k, j in enumerate(out):
            if j is None:
                out[k] = self.grams.put(grams[k], bucket(grams[k], n_f))
        return self.docs.put(doc, (grams, out))

    def _char_word(self, w: str) -> np.ndarray:
        lo, hi = self.ngram_range
        padded = " " + w + " "
        L = len(padded)
        grams = []
        for n in range(lo, hi + 1):
            if L <= n:  # sklearn counts a word shorter than n once, as a whole
                grams.append(padded)
                break
            grams.extend(padded[i:i + n] for i in range(L - n + 1))
        n_f = self.n_features
        if n_f & (n_f - 1) == 0:  # a power of two: abs(INT32_MIN) % n_f is sklearn's column too
            out = [abs(murmurhash3_32(g, seed=0)) % n_f for g in grams]
        else:
            out = [bucket(g, n_f) for g in grams]
        return self.words.put(w, np.asarray(out, dtype=np.int32))

    def _char_row(self, doc: str) -> np.ndarray:
        get = self.words.get
        parts = []
        for w in doc.lower().split():
            a = get(w)
            parts.append(a if a is not None else self._char_word(w))
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        row = self._word_row if self.analyzer == "word" else self._char_row
        return _rows_to_csr([row(t) for t in texts], self.n_features)


class FastTextVectorizer:
    """A fitted ``text_features.text_vectorizer`` pipeline (hashers, then tf-idf), cached."""

    def __init__(self, pipeline):
        union = pipeline.named_steps["hash"]
        # word-class n-grams (text_features.WordClassNgrams) have no hashing cache: they are their own path
        self.parts = [t if isinstance(t, WordClassNgrams) else fast_hashing(t) for _name, t in union.transformer_list]
        self.tfidf = pipeline.named_steps["tfidf"]

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        blocks = [p.transform(texts) for p in self.parts]
        X = blocks[0] if len(blocks) == 1 else sp.hstack(blocks, format="csr")
        return self.tfidf.transform(X)


class FastTagger:
    """The sentence model's token tagger as a sum of cached weights per word and context.

    The tagger is linear: a token's decision value is the intercept plus the weights of its
    features. Features of the word itself (form, affixes, shape, lexicons) are summed once
    per distinct word; the four context features are looked up per token.
    """

    def __init__(self, sentence_model, word_cache: int = 100_000, pair_cache: int = 200_000):
        self.tagger = sentence_model.tagger_
        self.coef = np.asarray(sentence_model.tagger_.coef_, dtype=np.float64).ravel()
        self.intercept = float(np.asarray(sentence_model.tagger_.intercept_).ravel()[0])
        self.n_features = int(sentence_model.n_token_features)
        self.lexicon = sentence_model.lexicon
        self.clusters = getattr(sentence_model, "clusters", None)
        self.w_in_quote = self.coef[bucket("in_quote", self.n_features)]
        self.words = BoundedCache(word_cache)
        self.contexts = BoundedCache(word_cache)
        self.pairs = BoundedCache(pair_cache)

    def _weight(self, feature: str) -> float:
        return float(self.coef[bucket(feature, self.n_features)])

    def _word_weight(self, w: str) -> float:
        v = self.words.get(w)
        if v is not None:
            return v
        low = w.lower()
        feats = ["w=" + low, "suf3=" + low[-3:], "suf2=" + low[-2:], "pre3=" + low[:3], "shape=" + _shape(w), "bias"]
        if w.isupper() and len(w) > 1:
            feats.append("allcaps")
        if self.lexicon is not None and w[:1].isalpha():
            feats.extend("lex=" + name for name in self.lexicon.names(low))
        if self.clusters is not None and w[:1].isalpha():
            feats.extend(cluster_features(self.clusters.lookup(low), None, None, self.clusters.sizes))
        n = self.n_features
        return self.words.put(w, float(sum(self.coef[bucket(f, n)] for f in feats)))

    def _context(self, low: str) -> tuple[float, float]:
        """Weights of ``low`` as the previous word and as the next word of a token."""
        as_prev, as_next = self._weight("p1=" + low), self._weight("n1=" + low)
        if self.clusters is not None and low[:1].isalpha():
            classes = self.clusters.lookup(low)
            for name in cluster_features(None, classes, None, self.clusters.sizes):
                as_prev += self._weight(name)
            for name in cluster_features(None, None, classes, self.clusters.sizes):
                as_next += self._weight(name)
        return self.contexts.put(low, (as_prev, as_next))

    def _pair(self, pair: tuple[str, str]) -> tuple[float, float]:
        """Weights of a word pair as (previous word | token) and as (token | next word)."""
        a, b = pair
        return self.pairs.put(pair, (self._weight("p1w=" + a + "|" + b), self._weight("wn1=" + a + "|" + b)))

    def decisions(self, text: str) -> tuple[list[tuple[str, int, int]], np.ndarray]:
        """Tokens of ``text`` and each token's decision value (as ``tagger_.decision_function``)."""
        toks = tokens(text)
        if not toks:
            return toks, np.zeros(0)
        forms = [t[0] for t in toks]
        padded = ["<s>"] + [w.lower() for w in forms] + ["</s>"]
        wget, cget, pget = self.words.get, self.contexts.get, self.pairs.get
        own = [wget(w) for w in forms]
        own = [v if v is not None else self._word_weight(w) for v, w in zip(own, forms)]
        ctx = [cget(w) for w in padded]
        ctx = [v if v is not None else self._context(w) for v, w in zip(ctx, padded)]
        pairs = list(zip(padded, padded[1:]))
        pw = [pget(p) for p in pairs]
        pw = [v if v is not None else self._pair(p) for v, p in zip(pw, pairs)]
        ctx_a, pw_a = np.asarray(ctx), np.asarray(pw)
        n = len(forms)
        inside = np.cumsum([w in _QUOTES for w in forms]) % 2 == 1  # a quote mark toggles before its features
        d = (np.asarray(own) + ctx_a[:n, 0] + ctx_a[2:, 1] + pw_a[:n, 0] + pw_a[1:, 1]
             + inside * self.w_in_quote + self.intercept)
        return toks, d


_TAGGERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_HASHINGS: dict[tuple, FastHashing] = {}


def fast_hashing(hv) -> FastHashing:
    """One cached hasher per distinct configuration: heads that hash alike share their caches."""
    key = tuple(sorted((k, repr(v)) for k, v in hv.get_params().items()))
    h = _HASHINGS.get(key)
    if h is None:
        h = _HASHINGS[key] = FastHashing(hv)
    return h

_VECTORIZERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def fast_tagger(sentence_model) -> FastTagger:
    t = _TAGGERS.get(sentence_model)
    if t is None or t.tagger is not sentence_model.tagger_:  # refitted since
        t = _TAGGERS[sentence_model] = FastTagger(sentence_model)
    return t


def fast_vectorizer(pipeline) -> Any:
    """The cached twin of a fitted text pipeline, or the pipeline itself when it has no fast path."""
    v = _VECTORIZERS.get(pipeline)
    if v is None:
        try:
            v = FastTextVectorizer(pipeline)
        except (ValueError, KeyError, AttributeError):
            v = pipeline
        _VECTORIZERS[pipeline] = v
    return v
