"""Word classes from unlabelled text: words used alike share a class, the model keeps no words."""
from __future__ import annotations

import numpy as np
import pytest

from labeler.model.fast import fast_tagger
from labeler.model.sentence import LoadedSentenceModel
from labeler.model.text_features import token_feature_dicts
from labeler.model.word_clusters import WordClusters, fit_word_clusters

ANGRY = ["disgraceful", "shameful", "outrageous", "despicable"]
DAYS = ["monday", "tuesday", "wednesday", "thursday"]
FILLER = [f"w{i}x" for i in range(40)]  # neutral words so that the two groups are not the only vocabulary


def _corpus(n: int = 400, seed: int = 0) -> list[str]:
    """Evaluative words after 'utterly', day names after 'on': two groups by their contexts."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        a, d = rng.choice(ANGRY), rng.choice(DAYS)
        f1, f2, f3 = rng.choice(FILLER, 3)
        out.append(f"critics called the move utterly {a} and really {a} . the council met on {d} morning "
                   f"and again on {d} evening . {f1} {f2} {f3} {f1} .")
    return out


@pytest.fixture(scope="module")
def clusters() -> WordClusters:
    return fit_word_clusters(_corpus(), sizes=(2, 8), dim=8, min_count=3, n_contexts=200, source="test corpus")


def test_words_used_in_the_same_contexts_share_a_class(clusters):
    angry = {clusters.lookup(w)[0] for w in ANGRY}
    days = {clusters.lookup(w)[0] for w in DAYS}
    assert len(angry) == 1 and len(days) == 1 and angry != days


def test_lookup_ignores_case_and_knows_nothing_of_rare_or_unseen_words(clusters):
    assert clusters.lookup("Disgraceful") == clusters.lookup("disgraceful")
    assert clusters.lookup("zeitgeist") is None
    assert len(clusters.lookup("tuesday")) == 2  # one class per size


def test_the_fitted_classes_hold_hashes_and_numbers_not_words(clusters):
    assert clusters.hashes.dtype == np.int64 and clusters.classes.dtype == np.int16
    assert np.all(np.diff(clusters.hashes) > 0)  # sorted, for the binary search
    held = {k: v for k, v in vars(clusters).items() if k != "source"}
    assert not any(isinstance(v, str) or (isinstance(v, np.ndarray) and v.dtype.kind in "UOS")
                   for v in held.values())


def test_the_same_text_and_seed_give_the_same_classes():
    a = fit_word_clusters(_corpus(200), sizes=(2,), dim=4, min_count=3)
    b = fit_word_clusters(_corpus(200), sizes=(2,), dim=4, min_count=3)
    assert np.array_equal(a.hashes, b.hashes) and np.array_equal(a.classes, b.classes)


def test_too_little_text_is_refused_with_the_reason():
    with pytest.raises(ValueError, match="too little text"):
        fit_word_clusters(["only a few words here"], sizes=(64,))


def test_tagger_features_carry_the_word_class_and_the_neighbours_finest_class(clusters):
    toks, feats = token_feature_dicts("utterly disgraceful on Tuesday", clusters=clusters)
    own = clusters.lookup("disgraceful")
    assert feats[1][f"c2={own[0]}"] == 1.0 and feats[1][f"c8={own[1]}"] == 1.0
    assert feats[2][f"pc8={own[1]}"] == 1.0  # "on" after "disgraceful"
    assert feats[2][f"nc8={clusters.lookup('tuesday')[1]}"] == 1.0
    assert not any(k.startswith("c") and "=" in k for k in token_feature_dicts("utterly disgraceful")[1][1])


@pytest.fixture(scope="module")
def small_model(clusters) -> LoadedSentenceModel:
    """A sentence model that saw two of the four evaluative words labelled, and the word classes."""
    loaded = ["critics called it utterly disgraceful .", "a shameful and outrageous stunt ."]
    plain = ["the council met on monday .", "they met again on thursday evening ."]
    texts, y = (loaded + plain) * 3, [1, 1, 0, 0] * 3
    spans = [[(t.index(w), t.index(w) + len(w)) for w in ANGRY if w in t] for t in texts]
    return LoadedSentenceModel(clusters=clusters, n_token_features=2**12, n_text_features=2**10).fit(
        texts, y, spans, groups=np.arange(len(texts)) % 3)


def test_a_tagger_with_word_classes_scores_alike_on_the_fast_and_the_sklearn_path(small_model):
    sm = small_model
    probe = ["an utterly despicable move on Wednesday .", "Outrageous!", "", "w1x w2x ."]
    X, _idx, _toks = sm._token_matrix(probe)
    expected = sm.tagger_.decision_function(X)
    got = np.concatenate([fast_tagger(sm).decisions(s)[1] for s in probe])
    assert np.allclose(got, expected, rtol=0, atol=1e-9)
    # "despicable" never had a label: its class, learned from unlabelled text, carries the weight
    words = dict((w, p) for w, _s, _e, p in sm.word_probabilities("an utterly despicable move"))
    assert words["despicable"] > words["move"]


def test_sentences_with_words_of_one_class_share_class_ngrams(clusters):
    from labeler.model.text_features import WordClassNgrams

    v = WordClassNgrams(clusters, size=8).fit(["x"])
    a, b, c = v.transform(["utterly disgraceful", "utterly shameful", "on tuesday"]).toarray()
    assert (a == b).all() and not (a == c).all()
    assert v.transform(["", "zeitgeist"]).nnz == 0


def test_the_sentence_classifier_reads_class_ngrams_on_both_paths(small_model):
    from labeler.model.fast import fast_vectorizer

    sm = small_model
    assert "classes" in dict(sm.vectorizer_.named_steps["hash"].transformer_list)
    probe = ["utterly despicable", "on wednesday", ""]
    fast, slow = fast_vectorizer(sm.vectorizer_).transform(probe), sm.vectorizer_.transform(probe)
    assert np.allclose(fast.toarray(), slow.toarray(), rtol=0, atol=1e-12)


def test_the_claim_model_reaches_an_unseen_synonym_through_its_class(clusters):
    from labeler.model.claim_sentence import ClaimSentenceModel

    pos = ["critics called the move utterly disgraceful", "the plan is utterly shameful"]
    neg = ["the council met on monday", "they met again on thursday evening"]
    with_classes = ClaimSentenceModel(n_features=2**12, clusters=clusters, class_size=8, cv=2).fit(
        (pos + neg) * 4, [1, 1, 0, 0] * 4)
    assert with_classes._matrix(["x"]).shape[1] == 2**12 + 2**14
    p = with_classes.predict_proba(["the deal is despicable", "the deal is on wednesday", "", "\x00\x01"])[:, 1]
    assert p[0] > p[1] and np.isfinite(p).all()
