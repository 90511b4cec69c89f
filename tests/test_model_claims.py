"""The claim-sentence model: masked hashed n-grams, its estimator contract, persistence, and the
claims it adds to an analysis (probability set, offsets valid, attribution by the rules' logic)."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

import labeler
import labeler.cues.claims as claims_mod
from labeler.cues.claims import assess_sentence, assess_sentences
from labeler.model import LabelerModel, load_model, save_model
from labeler.model.claim_sentence import ClaimSentenceModel, claim_tokens, normalise
from labeler.model.persist import TRUSTED_TYPES
from labeler.model.claim_recipes import choose_claim_threshold
from labeler.text import sentences

from conftest import bench_module, shared_path

ASSERTIONS = [
    "The neighbouring states have turned themselves into the most aggressive outpost of the alliance.",
    "The programme is entirely peaceful and the country has never sought weapons.",
    "The sanctions are the real reason for every shortage the people have suffered.",
    "The opposition has turned the border into a zone of lawlessness and fear.",
]
NEUTRAL = [
    "The council met on Tuesday to discuss the budget for next year.",
    "The road will reopen next week after repairs to the bridge.",
    "The report was published in March and runs to forty pages.",
    "The company opened a new factory near the port last month.",
]
BASELINE = json.loads((Path(__file__).parent / "baselines" / "claims.json").read_text())


@pytest.fixture(scope="module")
def claim_model():
    return ClaimSentenceModel(n_features=2**12, cv=2, threshold=0.5).fit(ASSERTIONS * 3 + NEUTRAL * 3,
                                                                         [1] * 12 + [0] * 12)


@pytest.fixture(scope="module")
def model(claim_model):
    return LabelerModel("tiny", "1", claim_model=claim_model)


@pytest.mark.parametrize("sentence, expected", [
    ("Since 2020 the Baltic States have turned into NATO's outpost.",
     "since 0 the ent have turned into ent outpost"),
    ("The “peaceful” programme, Mr Smith said.", "the peaceful programme , ent said"),
    ("It is what it is!", "it is what it is"),
    # the first word stays a word after an opening quote, dash or live-blog time stamp
    ("“The sanctions caused it.", "the sanctions caused it"),
    ("— This was planned abroad.", "— this was planned abroad"),
    ("12:10 — The crisis is the result of obstruction.", "0 : 0 — the crisis is the result of obstruction"),
    ("“Russia has turned itself into a fortress.", "ent has turned itself into a fortress"),
])
def test_names_digits_quotes_and_final_punctuation_are_masked(sentence, expected):
    assert normalise(sentence) == expected


def test_tokens_keep_offsets_into_the_sentence():
    s = "Western states armed the Kiev regime in 2022."
    for tok, a, b in claim_tokens(s):
        assert s[a:b].strip()


@pytest.mark.parametrize("bad", ["", "   ", "\x00\x01\xff" * 50, "x" * 100_000, None])
def test_bad_input_gets_a_probability_not_an_error(claim_model, bad):
    p = claim_model.predict_proba([bad])
    assert p.shape == (1, 2) and 0.0 <= p[0, 1] <= 1.0


def test_one_string_instead_of_a_list_is_refused(claim_model):
    with pytest.raises(TypeError, match="list of sentences"):
        claim_model.predict_proba("The sanctions are the real reason.")


def test_an_unfitted_model_says_so():
    with pytest.raises(NotFittedError):
        ClaimSentenceModel().predict_proba(["a sentence"])


def test_params_round_trip_through_clone():
    m = ClaimSentenceModel(n_features=2**10, C=0.3, threshold=0.7)
    assert clone(m).get_params() == m.get_params()
    assert not hasattr(clone(m), "clf_")


def test_assertions_rank_above_neutral_sentences(claim_model):
    p = claim_model.predict_proba(["The sanctions have turned the country into a zone of fear.",
                                   "The council met on Monday to discuss the road."])[:, 1]
    assert p[0] > p[1]
    assert claim_model.predict(ASSERTIONS[:1] + NEUTRAL[:1]).tolist() == [1, 0]


def test_strongest_words_are_words_of_the_sentence(claim_model):
    s = ASSERTIONS[0]
    words = claim_model.strongest_words(s)
    assert words and all(w in s for w in words)


ARTICLE = ("Border dispute deepens\n\n"
           "The neighbouring states are now the most aggressive outpost of the alliance and its weapons. "
           "The council met on Tuesday to discuss the budget for next year.\n\n"
           "Officials said the rebels are now the most aggressive outpost of the alliance and its weapons.\n\n"
           "The report was published in March and runs to forty pages.")


def test_model_claims_carry_a_probability_and_valid_offsets(model):
    a = model.analyze(labeler.analyze(ARTICLE, model="rules"), ARTICLE)
    found = [c for c in a.claims if c.probability is not None]
    assert found
    for c in found:
        assert ARTICLE[c.start:c.end] == c.sentence
        assert 0.5 <= c.probability <= 1.0
        assert c.why.startswith(("n-gram claim model: reads as a contested assertion",
                                 "embedding claim model: reads as a contested assertion"))
    assert [c.start for c in a.claims] == sorted(c.start for c in a.claims)


def test_unattributed_model_claims_raise_the_omitted_counterclaims_score_and_explain_it(model):
    rules = labeler.analyze(ARTICLE, model="rules")
    a = model.analyze(rules, ARTICLE)
    open_model_claims = [c for c in a.claims if c.probability is not None and not (c.attributed or c.countered)]
    assert open_model_claims
    assert a.scores.omitted_counterclaims > rules.scores.omitted_counterclaims
    reasons = [r for r in a.explanations["omitted_counterclaims"] if "found by the model" in r["feature"]]
    assert {r["evidence"] for r in reasons} >= {c.sentence for c in open_model_claims}


def test_a_model_claim_counts_its_probability_in_the_rule_score():
    from labeler.cues.claims import omitted_counterclaims_score
    from labeler.schema import Claim

    sure = Claim("The dam caused the drought.", 0, 27, False, False, "model", probability=0.9)
    unsure = Claim("The dam caused the drought.", 0, 27, False, False, "model", probability=0.5)
    assert omitted_counterclaims_score([sure], "") > omitted_counterclaims_score([unsure], "") > 0.0
    assert omitted_counterclaims_score([Claim("x", 0, 1, False, True, "model", probability=0.9)], "") == 0.0


def test_a_sentence_with_a_reporting_verb_is_never_a_model_claim(claim_model):
    eager = clone(claim_model).set_params(threshold=0.0)  # every candidate sentence becomes a model claim
    eager.clf_, eager.classes_ = claim_model.clf_, claim_model.classes_
    a = LabelerModel("eager", "1", claim_model=eager).analyze(labeler.analyze(ARTICLE, model="rules"), ARTICLE)
    by_start = {ARTICLE[c.start:c.start + 9]: c for c in a.claims if c.probability is not None}
    assert by_start["The neigh"].attributed is False
    assert "Officials" not in by_start  # attributed by the rules' logic: not read by the claim model at all
    assert "The repor" in by_start and "Border di" not in by_start  # body sentences only, not the title


def test_a_model_claim_answered_by_the_next_sentence_is_countered():
    text = ("Canal dispute\n\nThe opposition has turned the canal into a zone of smuggling and fear. "
            "The government denies this.\n\nThe canal reopened on Monday after repairs.")
    s = "The opposition has turned the canal into a zone of smuggling and fear."
    start = text.index(s)
    status = assess_sentence(text, start, start + len(s))
    assert status is not None and status.countered and not status.attributed


def test_assess_sentence_gives_none_for_a_span_that_is_no_body_sentence():
    assert assess_sentence(ARTICLE, 0, 10) is None
    assert assess_sentence("", 0, 0) is None


BATCH_TEXT = ("Canal dispute\n\n"
              "The opposition has turned the canal into a zone of smuggling and fear. "
              "The government denies this.\n\n"
              "\"The blockade is the main reason the canal towns are starving this winter,\" the mayor said. "
              "The sanctions are the real reason for every shortage the people have suffered. "
              "Economists said the shortages also reflected a poor harvest and higher diesel prices.\n\n"
              "The canal reopened on Monday after repairs. According to the port authority, traffic is back.")


def _all_spans(text: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in sentences(text)] + [(0, 5), (3, 40)]  # plus spans that are no body sentence


@pytest.mark.parametrize("text", [BATCH_TEXT, ARTICLE])
def test_one_batch_call_gives_each_sentence_the_verdict_it_gets_alone(text):
    """assess_sentences builds the article's context once; no sentence's verdict may depend on
    which other sentences were assessed before it in the same batch."""
    quotes = labeler.analyze(text, model="rules").quotes
    spans = _all_spans(text)
    batch = assess_sentences(text, spans, quotes)
    alone = [assess_sentence(text, a, z, quotes) for a, z in spans]
    assert batch == alone
    assert sum(s is not None for s in batch) >= 4  # the body sentences were really assessed


def test_a_batch_builds_the_quotes_and_stems_of_its_article_once(monkeypatch):
    calls = {"quoted_spans": 0, "_content_stems": 0}
    for name in calls:
        real = getattr(claims_mod, name)

        def counted(*a, _real=real, _name=name, **k):
            calls[_name] += 1
            return _real(*a, **k)
        monkeypatch.setattr(claims_mod, name, counted)
    statuses = assess_sentences(BATCH_TEXT, _all_spans(BATCH_TEXT))
    assert sum(s is not None for s in statuses) >= 4
    assert calls["quoted_spans"] == 1 and calls["_content_stems"] <= 1


@pytest.mark.parametrize("text", ["", "   \n", None, "\x00\xff" * 50])
def test_a_batch_over_bad_text_gives_none_for_every_span(text):
    assert assess_sentences(text, [(0, 3), (1, 2)]) == [None, None]


def test_analyze_and_analyze_many_agree_on_model_claims(model):
    one = labeler.analyze(ARTICLE, model=model)
    many = labeler.analyze_many([(ARTICLE, None, None, None)], model=model)[0]
    assert [(c.start, c.probability) for c in one.claims] == [(c.start, c.probability) for c in many.claims]
    assert any(c.probability is not None for c in one.claims)


def test_score_keeps_the_scorer_triple(model):
    a = labeler.analyze(ARTICLE, model="rules")
    assert len(model.score(ARTICLE, a)) == 3
    assert len(model.score_full(ARTICLE, a)) == 4


class ThreeItemScorer:
    name, version = "user", "0"

    def score(self, text, analysis):
        return analysis.scores, {}, []


def test_a_user_scorer_returning_three_items_still_works():
    a = labeler.analyze(ARTICLE, model=ThreeItemScorer())
    assert a.model.name == "user" and all(c.probability is None for c in a.claims)


def test_the_claim_model_is_saved_and_loaded_with_trusted_types_only(model, tmp_path):
    assert "labeler.model.claim_sentence.ClaimSentenceModel" in TRUSTED_TYPES
    save_model(model, tmp_path / "m")
    again = load_model(tmp_path / "m")
    s = ASSERTIONS + NEUTRAL
    np.testing.assert_allclose(again.claim_model.predict_proba(s), model.claim_model.predict_proba(s))
    assert again.claim_model.threshold == model.claim_model.threshold


def _candidates(probs_gold, articles):
    import pandas as pd

    c = pd.DataFrame(probs_gold, columns=["probability", "gold"]).assign(article="x")
    c.attrs["articles"] = articles
    return c


@pytest.mark.parametrize("labelled, wire, expected", [
    ([(0.95, True), (0.7, False)], None, 0.71),  # one wrong claim in 10 articles is over 0.05 per article
    ([(0.95, True), (0.7, True)], None, 0.5),  # right claims cost nothing
    ([(0.95, True)], [(0.9, False), (0.8, False)], 0.81),  # wire: at most 0.1 per article (1 of 10)
    ([(0.999, False)] * 5, None, 0.99),  # never within bounds: the highest threshold
])
def test_the_threshold_is_the_lowest_that_keeps_wrong_claims_rare(labelled, wire, expected):
    got = choose_claim_threshold(_candidates(labelled, 10), None if wire is None else _candidates(wire, 10))
    assert got == pytest.approx(expected)


# ------------------------------------------------------------------ with the shared data

def test_default_model_claims_do_not_lower_claim_f1_on_the_challenge_set_below_the_floor():
    path = shared_path("examples", "challenge.jsonl")
    m = load_model(Path(__file__).resolve().parents[1] / "models" / "default")
    assert getattr(m, "claim_model", None) is not None, "the shipped default model has no claim model: retrain it"
    report = bench_module("heldout_report")
    rows = report.load_rows(path)
    figures, _ = report.evaluate(rows, labeler.analyze_many([(r["text"], r.get("url"), r.get("title"), None)
                                                             for r in rows], model=m))
    assert figures["unattributed_claim_f1"] >= BASELINE["model_unattributed_claim_f1_challenge"]
