"""The embedding claim model: learns from sentences, explains by words, refuses foreign weights."""
from __future__ import annotations

import logging

import numpy as np
import pytest

import labeler
from labeler.model.claim_encoded import EncodedClaimModel, EncoderMismatch, encoder_problem, word_pieces
from labeler.model.claim_sentence import ClaimSentenceModel
from labeler.model.pipeline import LabelerModel

from labeler.model import encoder


@pytest.fixture(autouse=True)
def _weights_installed():
    # A per-test skip (not a module-level one), so that under CI conftest turns it into a failure.
    if not encoder.encoder_available():
        pytest.skip("the encoder's weights package is not installed")

CLAIMS = [
    "The sanctions were designed to starve the population into submission.",
    "The protests were organised and paid for by foreign intelligence services.",
    "The minister deliberately wrecked the health service to enrich his friends.",
    "The election was stolen by a corrupt elite that despises ordinary voters.",
    "The floods were caused by the council's criminal neglect of the dams.",
    "The opposition is a puppet of Western governments that want to break up the country.",
    "The new law is a cynical attack on the freedom of the press.",
    "The company poisoned the river and covered it up for years.",
]
PLAIN = [
    "The council met on Tuesday to discuss next year's budget.",
    "The museum reopens on Saturday after a two-year renovation.",
    "Rainfall in March was close to the long-term average.",
    "The train from the capital takes about three hours.",
    "The report runs to forty pages and was published in March.",
    "Tickets go on sale at nine o'clock on Friday morning.",
    "The bridge is 300 metres long and carries four lanes of traffic.",
    "The school has 450 pupils and 30 teachers.",
]


@pytest.fixture(scope="module")
def model() -> EncodedClaimModel:
    return EncodedClaimModel(cv=2, C=3.0, threshold=0.5).fit(CLAIMS + PLAIN, [1] * 8 + [0] * 8)


def test_a_contested_assertion_scores_above_a_plain_report(model):
    p = model.predict_proba(["The drought was engineered by the neighbouring state to ruin our farmers.",
                             "The ferry leaves the harbour at seven every morning."])[:, 1]
    assert p[0] > p[1]
    assert model.predict_proba([]).shape == (0, 2)


@pytest.mark.parametrize("s", ["The sanctions caused the shortages.", "Kiev's so-called 'peace plan' -- a sham!",
                               "Ça coûte 3,5 M€ ; naïve café.", "", "x" * 900, "word " * 300,
                               "ab\x1ccd ef\x85gh\u2003ij\u3000kl", "北京 欢迎你 \u200bzero width"])
def test_the_word_pieces_are_the_ids_the_encoder_reads(s):
    enc = encoder.default_encoder()
    _words, ids, owner = word_pieces(enc, s)
    assert ids == enc.tokenize([s])[0]
    assert len(owner) == len(ids)


def test_the_word_shares_add_up_to_the_log_odds(model):
    s = "The minister deliberately wrecked the railways to enrich his friends."
    enc = encoder.default_encoder()
    _w, ids, owner = word_pieces(enc, s)
    h = enc.token_states(ids)
    w = model.clf_.coef_.ravel()
    specials = sum(float(h[t] @ w) for t, o in enumerate(owner) if o < 0) / (len(ids) * np.linalg.norm(h.mean(0)))
    total = sum(c for _s, _e, c in model.token_contributions(s)) + specials + model.clf_.intercept_[0]
    assert total == pytest.approx(float(model.decision_function([s])[0]), abs=1e-3)


def test_the_strongest_words_are_content_words_of_the_sentence(model):
    s = "The Ministry deliberately wrecked the railways to enrich its friends."
    words = model.strongest_words(s)
    assert words and all(w in s for w in words)
    assert not {w.lower() for w in words} & {"the", "to", "its"} and "Ministry" not in words


def test_a_model_trained_on_other_weights_is_refused(model):
    other = EncodedClaimModel(cv=2).fit(CLAIMS + PLAIN, [1] * 8 + [0] * 8)
    other.encoder_sha256_ = "0" * 64
    with pytest.raises(EncoderMismatch, match="retrain"):
        other.predict_proba(["The sanctions caused the shortages."])
    assert "not the ones this model was trained on" in encoder_problem("0" * 64)
    assert encoder_problem(model.encoder_sha256_) is None


def test_a_labeler_model_falls_back_to_its_ngram_claims_when_the_weights_differ(model, caplog):
    ngram = ClaimSentenceModel(cv=2).fit(CLAIMS + PLAIN, [1] * 8 + [0] * 8)
    foreign = EncodedClaimModel(cv=2).fit(CLAIMS + PLAIN, [1] * 8 + [0] * 8)
    foreign.encoder_sha256_ = "f" * 64
    with caplog.at_level(logging.WARNING, logger="labeler"):
        assert LabelerModel("x", "1", claim_model=ngram, claim_encoder_model=foreign,
                            claims="embedding").claim_reader() is ngram
    assert "n-gram claim model reads the sentences instead" in caplog.text
    assert LabelerModel("x", "1", claim_model=ngram, claim_encoder_model=model,
                        claims="embedding").claim_reader() is model


def test_the_ngram_model_reads_claims_unless_the_embedding_model_is_asked_for(model):
    ngram = ClaimSentenceModel(cv=2).fit(CLAIMS + PLAIN, [1] * 8 + [0] * 8)
    both = LabelerModel("x", "1", claim_model=ngram, claim_encoder_model=model)
    assert both.claim_reader() is ngram
    assert both.with_claims("embedding").claim_reader() is model
    assert both.claim_reader() is ngram  # a copy: the original keeps its reader
    with pytest.raises(ValueError, match="choose one of: ngram, embedding"):
        both.with_claims("bert")
    with pytest.raises(ValueError, match="no embedding claim model"):
        LabelerModel("y", "1", claim_model=ngram).with_claims("embedding")


def test_the_model_file_keeps_no_encoder_and_reloads(model, tmp_path):
    from labeler.model.persist import load_model_file, save_model

    save_model(LabelerModel("t", "1", claim_encoder_model=model), tmp_path / "m")
    back = load_model_file(tmp_path / "m").claim_encoder_model
    assert back.encoder is None and back.encoder_sha256_ == model.encoder_sha256_
    s = ["The protests were organised from abroad."]
    np.testing.assert_allclose(back.predict_proba(s), model.predict_proba(s))


def test_model_claims_from_the_embedding_model_carry_words_and_probabilities(model):
    text = ("Dam dispute\n\nThe council met on Tuesday. The floods were caused by the council's criminal "
            "neglect of the dams.\n\nThe report was published in March.")
    a = LabelerModel("t", "1", claim_encoder_model=model, claims="embedding").analyze(
        labeler.analyze(text, model="rules"), text)
    found = [c for c in a.claims if c.probability is not None]
    assert all(text[c.start:c.end] == c.sentence for c in found)
    assert any("neglect" in c.sentence and "strongest words" in c.why for c in found)


def test_a_model_file_cannot_name_the_encoder(model):
    state = {**model.__getstate__(), "encoder": "/some/other/weights"}
    back = EncodedClaimModel.__new__(EncodedClaimModel)
    back.__setstate__(state)
    assert back.encoder is None and back.encoder_sha256_ == model.encoder_sha256_


def test_asking_for_embedding_claims_that_cannot_be_read_is_a_model_error(model):
    from labeler.api import with_claim_reader
    from labeler.errors import ModelError

    ngram = ClaimSentenceModel(cv=2).fit(CLAIMS + PLAIN, [1] * 8 + [0] * 8)
    foreign = EncodedClaimModel(cv=2).fit(CLAIMS + PLAIN, [1] * 8 + [0] * 8)
    foreign.encoder_sha256_ = "e" * 64
    with pytest.raises(ModelError, match="not the ones this model was trained on"):
        with_claim_reader(LabelerModel("x", "1", claim_model=ngram, claim_encoder_model=foreign), "embedding")
    with pytest.raises(ModelError, match="no embedding claim model"):
        with_claim_reader(labeler.load_model("rules"), "embedding")
    ok = with_claim_reader(LabelerModel("x", "1", claim_model=ngram, claim_encoder_model=model), "embedding")
    assert ok.claim_reader() is model


def test_the_recipe_probe_keeps_the_runs_encoder(model):
    from labeler.model.encoder import CachedEncoder, default_encoder
    from labeler.model.claim_recipes import claim_candidates

    cached = CachedEncoder(default_encoder())
    m = EncodedClaimModel(cv=2, encoder=cached).fit(CLAIMS + PLAIN, [1] * 8 + [0] * 8)
    text = "Dam dispute\n\nThe council met on Tuesday. The floods were caused by criminal neglect of the dams."
    seen = len(cached._seen)
    c = claim_candidates(m, [{"id": "a", "text": text}])
    assert len(c) >= 1 and len(cached._seen) > seen
