"""Word classes learned from unlabelled news text: the tagger's reach beyond its labelled words.

The loaded-language tagger learns weights for the words its labelled spans contain. Words that
occur in the same contexts ("disgraceful", "shameful", "outrageous") share a class here, so a
weight learned for the class reaches words the labels never showed: distributional word
classes as features (Brown et al. 1992; Turian, Ratinov & Bengio 2010). Vectors: positive
pointwise mutual information of co-occurrence within four words (weighted 1/distance, context
counts smoothed by the power 0.75; Levy, Goldberg & Dagan 2015), reduced by a truncated SVD;
classes: k-means at a few granularities.

A fitted ``WordClusters`` keeps only 64-bit hashes of its words and their class numbers: a
saved model holds no vocabulary and no text of the corpora the classes were learned from.
"""
from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
import scipy.sparse as sp

from .fast import BoundedCache
from .text_features import WORD, _h64

_CACHES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_MISS = object()


class WordClusters:
    """Class numbers of words, one per granularity in ``sizes``, looked up by hashed word."""

    def __init__(self, hashes: np.ndarray | None = None, classes: np.ndarray | None = None,
                 sizes: Sequence[int] = (), source: str = ""):
        self.hashes = np.asarray(hashes if hashes is not None else [], dtype=np.int64)
        self.classes = np.asarray(classes if classes is not None else np.zeros((0, len(sizes))), dtype=np.int16)
        self.sizes = tuple(int(k) for k in sizes)
        self.source = source

    def lookup(self, word: str) -> tuple[int, ...] | None:
        """The classes of ``word`` (case-insensitive), coarsest first, or None if it was too rare.

        Answers are cached per distinct word beside the object (``_CACHES``), never inside it,
        so a saved model stays the same bytes after use."""
        cache = _CACHES.get(self)
        if cache is None:
            cache = _CACHES[self] = BoundedCache(200_000)
        low = word.lower()
        hit = cache.get(low, _MISS)
        if hit is not _MISS:
            return hit
        found = None
        if len(self.hashes):
            h = _h64(low)
            i = int(np.searchsorted(self.hashes, h))
            if i < len(self.hashes) and self.hashes[i] == h:
                found = tuple(int(c) for c in self.classes[i])
        return cache.put(low, found)

    def __len__(self) -> int:
        return len(self.hashes)


def cooccurrence(docs: Iterable[Sequence[int]], n_words: int, n_contexts: int, window: int = 4,
                 chunk: int = 4_000_000) -> sp.csr_matrix:
    """Word x context counts within ``window`` words either side, each pair weighted 1/distance.
    Only the ``n_contexts`` most frequent words (the lowest ids) serve as contexts; id -1 (a
    rare word) keeps its place in the text but pairs with nothing. Pairs are summed into the
    matrix every ``chunk`` pairs, so memory follows the matrix, not the corpus."""
    C = sp.csr_matrix((n_words, n_contexts))
    rows, cols, vals, pending = [], [], [], 0

    def flush() -> sp.csr_matrix:
        part = sp.coo_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
                             shape=(n_words, n_contexts)).tocsr()
        rows.clear(), cols.clear(), vals.clear()
        return C + part

    for d in docs:
        ids = np.asarray(d, dtype=np.int64)
        for k in range(1, window + 1):
            a, b = ids[:-k], ids[k:]
            for x, c in ((a, b), (b, a)):
                m = (x >= 0) & (c >= 0) & (c < n_contexts)
                rows.append(x[m])
                cols.append(c[m])
                vals.append(np.full(int(m.sum()), 1.0 / k))
                pending += int(m.sum())
        if pending >= chunk:
            C, pending = flush(), 0
    if rows:
        C = flush()
    C.sum_duplicates()
    return C


def ppmi(C: sp.spmatrix, alpha: float = 0.75) -> sp.csr_matrix:
    """Positive PMI with context-distribution smoothing (Levy, Goldberg & Dagan 2015)."""
    C = C.tocoo()
    total = C.sum()
    rows = np.asarray(C.sum(axis=1)).ravel()
    ctx = np.asarray(C.sum(axis=0)).ravel() ** alpha
    ctx = ctx / ctx.sum()
    pmi = np.log(C.data / total) - np.log(rows[C.row] / total) - np.log(ctx[C.col])
    keep = pmi > 0
    return sp.csr_matrix((pmi[keep], (C.row[keep], C.col[keep])), shape=C.shape)


def fit_word_clusters(texts: Iterable[str], *, sizes: Sequence[int] = (64, 256, 1024), dim: int = 128,
                      window: int = 4, min_count: int = 5, max_words: int = 80_000, n_contexts: int = 20_000,
                      seed: int = 0, source: str = "") -> WordClusters:
    """Learn word classes from unlabelled texts (lower-cased words; a word needs ``min_count``
    occurrences). Deterministic for a given ``seed`` and text order."""
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.utils.extmath import randomized_svd

    docs = [WORD.findall(t.lower()) for t in texts if isinstance(t, str)]
    counts = Counter(w for d in docs for w in d)
    vocab = [w for w, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:max_words] if c >= min_count]
    if len(vocab) < max(sizes, default=1) * 2:
        raise ValueError(f"too little text for word classes: {len(vocab)} words occur {min_count}+ times, "
                         f"need at least {max(sizes, default=1) * 2}")
    index = {w: i for i, w in enumerate(vocab)}
    ids = (np.fromiter((index.get(w, -1) for w in d), dtype=np.int64, count=len(d)) for d in docs)
    C = cooccurrence(ids, len(vocab), min(n_contexts, len(vocab)), window)
    del docs
    U, S, _ = randomized_svd(ppmi(C), min(dim, len(vocab) - 1), random_state=seed, n_iter=5)
    V = U * np.sqrt(S)
    V /= np.linalg.norm(V, axis=1, keepdims=True) + 1e-9
    labels = [MiniBatchKMeans(k, random_state=seed, n_init=3, batch_size=4096).fit(V).labels_ for k in sizes]
    hashes = np.array([_h64(w) for w in vocab], dtype=np.int64)
    order = np.argsort(hashes)
    return WordClusters(hashes[order], np.column_stack(labels)[order].astype(np.int16), sizes, source)

