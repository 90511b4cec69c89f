"""The sentence model and the Model API on tiny data: scores, explanations, extra terms."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from labeler.model import LabelerModel, ScoreHead, evaluate, load_model, save_model, train
from labeler.model.pipeline import sentence_summary
from labeler.model.sentence import LoadedSentenceModel
from labeler.model.text_features import HashedLexicon
from labeler.schema import Analysis, LoadedTerm, Scores

LOADED = ["The regime's hysteria is absurd and shameful.", "Those traitors spread vile lies again.",
          "A disgraceful, pathetic stunt by the zealots."]
PLAIN = ["The council met on Tuesday to discuss the budget.", "Officials said the road will reopen next week.",
         "The report was published in March by the ministry."]


def _spans(text, words):
    return [(text.index(w), text.index(w) + len(w)) for w in words]


@pytest.fixture(scope="module")
def sentence_model():
    words = [["regime's", "hysteria", "absurd", "shameful"], ["traitors", "vile"], ["disgraceful", "pathetic", "zealots"]]
    texts = (LOADED + PLAIN) * 4
    spans = ([_spans(t, w) for t, w in zip(LOADED, words)] + [[], [], []]) * 4
    y = ([1] * 3 + [0] * 3) * 4
    lex = HashedLexicon.from_terms({"negative": ["absurd", "vile", "pathetic"]})
    return LoadedSentenceModel(lexicon=lex, n_token_features=2**12, n_text_features=2**10).fit(
        texts, y, spans, groups=np.arange(len(texts)) % 4)


@pytest.fixture(scope="module")
def model(sentence_model):
    texts = [" ".join(LOADED[:2]) + " " + PLAIN[0], " ".join(PLAIN)] * 6
    y = [1, 0] * 6
    analyses = [Analysis(text_length=len(t)).to_dict() for t in texts]
    S = np.vstack([sentence_summary(sentence_model, t)[0] for t in texts])
    head = ScoreHead("loaded_language", n_text_features=2**10).fit(analyses, texts, y, S)
    return LabelerModel("tiny", "1", heads={"loaded_language": head}, sentence_model=sentence_model)


def test_sentence_model_ranks_loaded_sentences_above_plain_ones(sentence_model):
    p = sentence_model.predict_proba(LOADED + PLAIN)
    assert p[:3].min() > p[3:].max()


def test_word_probabilities_point_at_the_words(sentence_model):
    text = "Such hysteria from the council."
    words = sentence_model.word_probabilities(text)
    assert all(text[s:e] == w for w, s, e, _ in words)
    best = max(words, key=lambda w: w[3])
    assert best[0] == "hysteria"


def test_score_returns_scores_explanations_and_model_terms(model):
    text = "Intro line.\n\n" + " ".join(LOADED[:2])
    rules = Analysis(scores=Scores(state_media=0.1, loaded_language=0.2, omitted_counterclaims=0.3),
                     explanations={"omitted_counterclaims": [{"feature": "rule", "contribution": 1.0}]},
                     text_length=len(text))
    scores, expl, extra = model.score(text, rules)
    assert scores.loaded_language > 0.5
    assert scores.state_media == 0.1 and scores.omitted_counterclaims == 0.3  # no head: rule score kept
    assert expl["omitted_counterclaims"] == rules.explanations["omitted_counterclaims"]
    assert {"feature", "contribution", "evidence"} <= set(expl["loaded_language"][0])
    assert extra and all(isinstance(t, LoadedTerm) and text[t.start:t.end] == t.term for t in extra)
    assert all(t.probability is not None and t.category == "model" for t in extra)


def test_model_terms_skip_words_the_lexicon_already_found(model):
    text = LOADED[0]
    s = text.index("hysteria")
    lexicon_hit = LoadedTerm("hysteria", s, s + 8, "author", None, "pathologising", "lexicon")
    _, _, extra = model.score(text, Analysis(loaded_terms=[lexicon_hit], text_length=len(text)))
    assert "hysteria" not in [t.term for t in extra]


@pytest.mark.parametrize("text", ["", " ", "\x00\x01\x02", "“unbalanced quote " * 50, "word " * 20000])
def test_bad_input_does_not_crash(model, text):
    scores, expl, extra = model.score(text, Analysis(text_length=len(text)))
    assert 0.0 <= scores.loaded_language <= 1.0


def test_saved_model_scores_the_same_after_loading(model, tmp_path):
    text = " ".join(LOADED)
    a = Analysis(text_length=len(text))
    again = load_model(save_model(model, tmp_path / "tiny"))
    assert again.score(text, a)[0] == model.score(text, a)[0]


def test_train_and_evaluate_on_a_researcher_table(sentence_model):
    df = pd.DataFrame({"text": [" ".join(LOADED), " ".join(PLAIN)] * 8, "loaded_language": [1, 0] * 8})
    m = train(df, sentence_model=sentence_model, n_text_features=2**10)
    result = evaluate(m, df)
    assert result["loaded_language"]["roc_auc"] == 1.0
    assert len(result["predictions"]["loaded_language"]["p"]) == 16


@pytest.mark.parametrize("df, message", [
    (pd.DataFrame({"text": ["a"], "other": [1]}), "no label column found"),
    (pd.DataFrame({"text": ["a", "b"], "state_media": [1, 1]}), "needs both 0 and 1"),
])
def test_train_errors_say_what_is_missing(df, message):
    with pytest.raises(ValueError, match=message):
        train(df, sentence_model=None)


def test_unknown_recipe_lists_the_known_ones():
    with pytest.raises(ValueError, match="recipes are: default"):
        train(recipe="fancy", data_root=".")
