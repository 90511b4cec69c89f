"""The cached prediction path gives the numbers sklearn's own transforms give.

``labeler.model.fast`` hashes each distinct word once; these tests hold it to the sklearn
path it replaces (HashingVectorizer, FeatureHasher + the tagger, the text pipelines of the
shipped model), on real article text and on generated strings.
"""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from sklearn.feature_extraction.text import HashingVectorizer

from labeler.model.fast import BoundedCache, FastHashing, bucket, fast_tagger, fast_vectorizer
from labeler.model.text_features import text_vectorizer

ODD_TEXTS = ["", " ", "a", "I", "Kiev's \"so-called\" regime—hysteria!", "ÉLAN über-naïve café", "x" * 300,
             "two  spaces\tand\nnew lines", "数字 1234 and ½", "don't stop-believing o'clock"]


@pytest.fixture(scope="module")
def default_model():
    from labeler import load_model

    m = load_model(None)
    if not hasattr(m, "sentence_model"):
        pytest.skip("no shipped default model")
    return m


@pytest.fixture(scope="module")
def real_texts(seed_text, challenge):
    return [seed_text] + [a["text"] for a in challenge[:8]] + ODD_TEXTS


def _same(A, B):
    A, B = A.tocsr(), B.tocsr()
    A.sort_indices()
    B.sort_indices()
    assert A.shape == B.shape
    assert np.array_equal(A.indptr, B.indptr) and np.array_equal(A.indices, B.indices)
    assert np.allclose(A.data, B.data, rtol=0, atol=1e-12)


@pytest.mark.parametrize("kwargs", [
    dict(ngram_range=(1, 2), n_features=2**18),
    dict(ngram_range=(1, 3), n_features=2**10),
    dict(analyzer="char_wb", ngram_range=(2, 5), n_features=2**18),
    dict(analyzer="char_wb", ngram_range=(1, 3), n_features=2**7),
])
def test_fast_hashing_builds_the_count_matrix_hashing_vectorizer_builds(kwargs, real_texts):
    hv = HashingVectorizer(alternate_sign=False, norm=None, lowercase=True, **kwargs)
    _same(FastHashing(hv).transform(real_texts), hv.transform(real_texts))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=80), min_size=1, max_size=4))
def test_fast_hashing_agrees_on_any_text(texts):
    for kwargs in (dict(ngram_range=(1, 2)), dict(analyzer="char_wb", ngram_range=(2, 5))):
        hv = HashingVectorizer(alternate_sign=False, norm=None, n_features=2**12, **kwargs)
        _same(FastHashing(hv).transform(texts), hv.transform(texts))


def test_bucket_is_sklearns_column_for_a_feature():
    hv = HashingVectorizer(alternate_sign=False, norm=None, n_features=2**9, ngram_range=(1, 1))
    X = hv.transform(["hysteria"])
    assert X.indices.tolist() == [bucket("hysteria", 2**9)]


@pytest.mark.parametrize("char", [True, False])
def test_fast_text_vectorizer_matches_the_fitted_pipeline(char, real_texts):
    pipe = text_vectorizer(2**12, char=char).fit(real_texts[::-1])
    _same(fast_vectorizer(pipe).transform(real_texts), pipe.transform(real_texts))


def test_a_hasher_with_options_we_do_not_mirror_is_refused():
    with pytest.raises(ValueError, match="no fast path"):
        FastHashing(HashingVectorizer(alternate_sign=True))


def test_shipped_text_pipelines_transform_identically(default_model, real_texts):
    pipes = [h.text_ for h in default_model.heads.values() if h.use_text]
    pipes.append(default_model.sentence_model.vectorizer_)
    for pipe in pipes:
        _same(fast_vectorizer(pipe).transform(real_texts), pipe.transform(real_texts))


def test_tagger_decisions_equal_sklearn_on_real_sentences(default_model, real_texts):
    from labeler.text import sentences

    sm = default_model.sentence_model
    sents = [s.text for t in real_texts for s in sentences(t)][:300] + ODD_TEXTS
    X, _idx, toks = sm._token_matrix(sents)
    expected = sm.tagger_.decision_function(X)
    got = np.concatenate([fast_tagger(sm).decisions(s)[1] for s in sents])
    assert [t for ts in toks for t in ts] == [t for s in sents for t in fast_tagger(sm).decisions(s)[0]]
    assert np.allclose(got, expected, rtol=0, atol=1e-9)


def test_sentence_probabilities_equal_the_sklearn_path(default_model, real_texts):
    from labeler.model.sentence import LoadedSentenceModel
    from labeler.text import sentences

    sm = default_model.sentence_model
    sents = [s.text for t in real_texts[:4] for s in sentences(t)]
    X, idx, _ = sm._token_matrix(sents)
    pooled = LoadedSentenceModel._pool(sm.tagger_.predict_proba(X)[:, 1], idx, len(sents))
    text_logit = sm.text_clf_.decision_function(sm.vectorizer_.transform(sents))
    expected = sm.stacker_.predict_proba(sm._stack(pooled, text_logit, sents))[:, 1]
    assert np.allclose(sm.predict_proba(sents), expected, rtol=0, atol=1e-9)


def test_scoring_many_articles_at_once_equals_scoring_each(default_model, real_texts):
    from labeler.pipeline import run_detectors

    texts = [t for t in real_texts if t.strip()]
    analyses = [run_detectors(t) for t in texts]
    together = default_model.score_many(texts, analyses)
    for t, a, (scores, expl, extra) in zip(texts, analyses, together):
        s1, e1, x1 = default_model.score(t, a)
        assert (scores.state_media, scores.loaded_language) == pytest.approx((s1.state_media, s1.loaded_language),
                                                                              abs=1e-12)
        assert [i["feature"] for i in expl["loaded_language"]] == [i["feature"] for i in e1["loaded_language"]]
        assert [(x.start, x.end) for x in extra] == [(x.start, x.end) for x in x1]


def test_analyze_many_keeps_failures_in_place_and_matches_analyze(default_model, seed_text):
    from labeler import InputError, analyze, analyze_many

    out = analyze_many([(seed_text, None, None, None), ("   ", None, None, None), (b"\x00\x01".decode(), None, None, None),
                        (seed_text, "https://example.org/a", "A title", None)], model=default_model)
    assert isinstance(out[1], InputError) and isinstance(out[2], InputError)
    one = analyze(seed_text, model=default_model)
    assert out[0].scores.loaded_language == pytest.approx(one.scores.loaded_language, abs=1e-12)
    assert [t.term for t in out[0].loaded_terms] == [t.term for t in one.loaded_terms]
    assert out[3].host is not None


def test_bounded_cache_empties_instead_of_growing():
    c = BoundedCache(3)
    for i in range(10):
        c.put(i, i)
    assert len(c) <= 3 and c[9] == 9
