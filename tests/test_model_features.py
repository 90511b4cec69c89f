"""Cue features from analysis dicts, and text features that keep no training text."""
from __future__ import annotations

import io

import numpy as np
import pytest
import skops.io as sio

from labeler.model.features import CueFeaturizer, cue_features
from labeler.model.text_features import HashedLexicon, TextStats, text_vectorizer, token_feature_dicts, tokens
from labeler.schema import Analysis

RT_ORIGIN = {"outlet": "RT", "affiliation": "state-controlled", "country": "RU", "method": "notice",
             "evidence": "originally published on RT", "start": 0, "end": 27, "source": "test"}


def analysis(**kw) -> dict:
    return {**Analysis(text_length=600).to_dict(), **kw}


@pytest.mark.parametrize("d, feature, value", [
    (analysis(origin=RT_ORIGIN), "origin affiliation: state-controlled", 1.0),
    (analysis(origin=RT_ORIGIN), "state origin found by: notice", 1.0),
    (analysis(), "no origin established", 1.0),
    (analysis(balanced=True), "balanced: yes", 1.0),
    (analysis(claims=[{"sentence": "x", "start": 0, "end": 1, "attributed": False, "countered": False, "why": ""},
                      {"sentence": "y", "start": 2, "end": 3, "attributed": True, "countered": False, "why": ""}]),
     "share of claims unattributed and uncountered", 0.5),
])
def test_cue_features_name_what_the_analysis_found(d, feature, value):
    assert cue_features(d)[feature] == pytest.approx(value)


def test_loaded_terms_are_counted_by_category_and_voice_and_model_terms_are_not():
    term = {"term": "regime", "start": 0, "end": 6, "voice": "author", "speaker": None, "category": "pejorative",
            "source": "t", "probability": None}
    found = {**term, "term": "awful", "category": "model", "probability": 0.9}
    f = cue_features(analysis(loaded_terms=[term, term, found]))
    assert f["loaded term (pejorative, author voice)"] == pytest.approx(np.log1p(2))
    assert not any("model" in k for k in f)


def test_featurizer_accepts_dicts_and_analysis_objects_alike():
    cf = CueFeaturizer().fit([analysis(origin=RT_ORIGIN), analysis()])
    a = Analysis(text_length=600)
    np.testing.assert_array_equal(cf.transform([a]).toarray(), cf.transform([a.to_dict()]).toarray())
    assert "origin affiliation: state-controlled" in cf.get_feature_names_out()


@pytest.mark.parametrize("bad", [{}, None, {"origin": None, "chain": None, "claims": None}])
def test_featurizer_survives_empty_or_partial_dicts(bad):
    assert cue_features(bad)["no origin established"] == 1.0


def test_hashed_text_features_store_no_training_words():
    vec = text_vectorizer(2**10).fit(["the zanzibarquux regime spoke", "plain words here"])
    buf = io.BytesIO()
    sio.dump(vec, buf)
    assert b"zanzibarquux" not in buf.getvalue()


def test_hashed_lexicon_answers_membership_without_keeping_words():
    lex = HashedLexicon.from_terms({"neg": ["Vile", "absurd"]})
    assert lex.names("vile") == ["neg"] and lex.names("calm") == []
    assert b"absurd" not in sio.dumps(lex.hashes)


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01 binary", "«Quoted» — text!"])
def test_token_features_offsets_point_into_the_text(text):
    toks, feats = token_feature_dicts(text)
    assert len(toks) == len(feats)
    assert all(text[s:e] == w for w, s, e in toks)


def test_text_stats_counts_surface_marks():
    row = TextStats().fit(["x"]).transform(["WOW! Really? \"yes\""])[0]
    assert list(row[1:]) == [1.0, 1.0, 2.0, 1.0]


def test_tokens_keep_contractions_whole():
    assert [t[0] for t in tokens("regime's so-called")] == ["regime's", "so-called"]
