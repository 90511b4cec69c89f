"""Text into numbers without storing any training text.

Every featuriser here hashes (word and character n-grams, token contexts), so a saved model
holds weights and hash buckets, never a vocabulary of the corpora it learned from. Word
lists (subjectivity and bias lexicons) enter the model the same way: as sets of 64-bit
hashes, which answer "is this word in the list" without keeping the list.
"""
from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable, Sequence

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction import FeatureHasher
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.pipeline import FeatureUnion, Pipeline

TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
_QUOTES = set("\"“”„«»")
_PUNCT = "\"“”„«»'‘’.,;:!?()[]{}-—–"


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Words and punctuation with their character offsets."""
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def _h64(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little", signed=True)


class HashedLexicon:
    """Named word lists kept only as sorted 64-bit hashes of their lower-cased words."""

    def __init__(self, hashes: dict[str, np.ndarray] | None = None, sources: dict[str, str] | None = None):
        self.hashes = {k: np.asarray(v, dtype=np.int64) for k, v in (hashes or {}).items()}
        self.sources = dict(sources or {})

    @classmethod
    def from_terms(cls, lists: dict[str, Iterable[str]], sources: dict[str, str] | None = None) -> HashedLexicon:
        return cls({name: np.unique(np.array([_h64(w.strip().lower()) for w in words if w.strip()],
                                              dtype=np.int64))
                    for name, words in lists.items()}, sources)

    def names(self, word: str) -> list[str]:
        """The lists that hold ``word`` (case-insensitive)."""
        h = _h64(word.lower())
        out = []
        for name, arr in self.hashes.items():
            i = np.searchsorted(arr, h)
            if i < len(arr) and arr[i] == h:
                out.append(name)
        return out

    def __len__(self) -> int:
        return len(self.hashes)


def token_feature_dicts(text: str, lexicon: HashedLexicon | None = None, clusters=None
                        ) -> tuple[list[tuple[str, int, int]], list[dict[str, float]]]:
    """Per-token features for the loaded-term tagger: the word, its affixes, shape,
    neighbours, whether it sits inside quotation marks, which lexicons hold it and, with
    ``clusters`` (``word_clusters.WordClusters``), the word's classes at every granularity and
    its neighbours' classes at the finest."""
    toks = tokens(text)
    lows = [t[0].lower() for t in toks]
    classes = [clusters.lookup(w) if w[:1].isalpha() else None for w in lows] if clusters is not None else None
    inside = False
    feats = []
    for i, (w, _s, _e) in enumerate(toks):
        if w in _QUOTES:
            inside = not inside
        low = lows[i]
        prev = lows[i - 1] if i > 0 else "<s>"
        nxt = lows[i + 1] if i + 1 < len(toks) else "</s>"
        f = {"w=" + low: 1.0, "suf3=" + low[-3:]: 1.0, "suf2=" + low[-2:]: 1.0, "pre3=" + low[:3]: 1.0,
             "shape=" + _shape(w): 1.0, "p1=" + prev: 1.0, "n1=" + nxt: 1.0,
             "p1w=" + prev + "|" + low: 1.0, "wn1=" + low + "|" + nxt: 1.0, "bias": 1.0}
        if inside:
            f["in_quote"] = 1.0
        if w.isupper() and len(w) > 1:
            f["allcaps"] = 1.0
        if lexicon is not None and w[:1].isalpha():
            for name in lexicon.names(low):
                f["lex=" + name] = 1.0
        if classes is not None:
            f.update(cluster_features(classes[i], classes[i - 1] if i > 0 else None,
                                      classes[i + 1] if i + 1 < len(toks) else None, clusters.sizes))
        feats.append(f)
    return toks, feats


def cluster_features(own: tuple[int, ...] | None, prev: tuple[int, ...] | None, nxt: tuple[int, ...] | None,
                     sizes: Sequence[int]) -> dict[str, float]:
    """A token's word-class features: its own classes at every size, its neighbours' at the finest."""
    f = {f"c{k}={c}": 1.0 for k, c in zip(sizes, own)} if own else {}
    if prev:
        f[f"pc{sizes[-1]}={prev[-1]}"] = 1.0
    if nxt:
        f[f"nc{sizes[-1]}={nxt[-1]}"] = 1.0
    return f


def _shape(w: str) -> str:
    return re.sub(r"[A-Z]+", "A", re.sub(r"[a-z]+", "a", re.sub(r"\d+", "0", w)))[:6]


def token_hasher(n_features: int = 2**20) -> FeatureHasher:
    return FeatureHasher(n_features=n_features, alternate_sign=False)


def text_vectorizer(n_features: int = 2**18, char: bool = True, clusters=None, class_size: int = 256) -> Pipeline:
    """Word 1-2-grams (and character 2-5-grams within words; with ``clusters``, word-class
    1-2-grams at ``class_size``), hashed, sublinear tf-idf.

    The idf vector is one float per hash bucket: no term of the training texts is kept.
    """
    parts = [("word", HashingVectorizer(ngram_range=(1, 2), n_features=n_features, alternate_sign=False,
                                        norm=None, lowercase=True))]
    if char:
        parts.append(("char", HashingVectorizer(analyzer="char_wb", ngram_range=(2, 5), n_features=n_features,
                                                alternate_sign=False, norm=None, lowercase=True)))
    if clusters is not None:
        parts.append(("classes", WordClassNgrams(clusters, class_size)))
    return Pipeline([("hash", FeatureUnion(parts)), ("tfidf", TfidfTransformer(sublinear_tf=True))])


# A lower-cased word as the word classes know it (word_clusters.py learns and looks up these).
WORD = re.compile(r"[a-z]+(?:['’-][a-z]+)*")


class WordClassNgrams(TransformerMixin, BaseEstimator):
    """Counts of a text's word-class 1-2-grams (``word_clusters``), hashed into ``n_features`` columns.

    "utterly disgraceful" and "utterly shameful" give the same class bigram, so a sentence
    classifier that saw one reaches the other. Words without a class are skipped. Stateless.
    """

    def __init__(self, clusters=None, size: int = 256, n_features: int = 2**14):
        self.clusters = clusters
        self.size = size
        self.n_features = n_features

    def fit(self, X, y=None):
        self.n_features_in_ = 1
        return self

    def _level(self) -> int:
        sizes = list(self.clusters.sizes)
        return min(range(len(sizes)), key=lambda i: abs(sizes[i] - self.size))

    def class_grams(self, text: str) -> list[str]:
        level = self._level()
        found = (self.clusters.lookup(w) for w in WORD.findall(text.lower()))
        seq = [f"k{c[level]}" for c in found if c]
        return seq + [a + " " + b for a, b in zip(seq, seq[1:])]

    def transform(self, X):
        from .fast import _rows_to_csr, bucket  # fast.py imports this module

        n = self.n_features
        return _rows_to_csr([np.asarray([bucket(g, n) for g in self.class_grams(t)] if self.clusters is not None
                                        else [], dtype=np.int32) for t in _texts(X)], n)


STAT_NAMES = ("log words", "exclamation marks", "question marks", "quotation marks", "all-caps words")


class TextStats(TransformerMixin, BaseEstimator):
    """A few surface counts (length, '!', '?', quotes, all-caps words) for each text.

    Stateless: ``fit`` only records the number of input columns sklearn expects.
    """

    def fit(self, X, y=None):
        self.n_features_in_ = 1
        return self

    def transform(self, X) -> np.ndarray:
        return np.array([text_stats(t) for t in _texts(X)], dtype=float).reshape(-1, len(STAT_NAMES))

    def get_feature_names_out(self, input_features=None):
        return np.array(STAT_NAMES, dtype=object)


def text_stats(text: str) -> list[float]:
    words = text.split()
    return [math.log1p(len(words)), float(text.count("!")), float(text.count("?")),
            float(sum(text.count(q) for q in _QUOTES)),
            float(sum(1 for w in (x.strip(_PUNCT) for x in words) if len(w) > 2 and w.isupper() and w.isalpha()))]


def _texts(X) -> Sequence[str]:
    if hasattr(X, "tolist"):
        X = X.tolist()
    return ["" if x is None else (x[0] if isinstance(x, list) and x else str(x)) for x in X]
