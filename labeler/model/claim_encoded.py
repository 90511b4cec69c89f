"""Does a sentence read as a contested assertion? A linear model over its sentence embedding.

Whether "The sanctions caused the shortages." is contested is a matter of meaning, which hashed
n-grams of the masked text (``claim_sentence.py``) see less of: on 4,570 sentences of real
articles labelled by the project's annotators (``data/claim_sentence_labels.csv``) this model's
document-grouped out-of-fold AUC is 0.78, where the n-gram model trained without them ranked them
at 0.55; on the author-voice sentences of the hand-labelled held-out articles 0.82 against the
n-gram model's 0.79 (both trained on the annotations; session 6). It is not the default reader:
on unseen held-out articles it found no more right claims, at about 6x the scoring time
(``LabelerModel.with_claims("embedding")`` asks for it; README).

The learned part is one ``CalibratedLinearClassifier`` on the 384 embedding dimensions; the
model file holds its weights, the encoder's name and the SHA-256 of its weights file, never
the encoder or any text. The words behind a flagged sentence come from one more pass over it:
the log-odds splits exactly over the encoder's last token states (``token_contributions``).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from sklearn.utils.validation import check_is_fitted

from .claim_sentence import FUNCTION_WORDS, SentenceClassifier
from .linear import CalibratedLinearClassifier

if TYPE_CHECKING:
    from .encoder import SentenceEncoder

# Auxiliaries carry tense, not the claim: never reported as a sentence's strongest words.
_AUXILIARIES = frozenset("is are was were be been being am has have had having do does did will would shall "
                         "should can could may might must".split())
# What the tokenizer splits a sentence into first (then punctuation, then word pieces): so each
# chunk tokenised on its own gives exactly its pieces in the sentence.
# BERT's whitespace is space, tab, newline, return and the Zs spaces; other controls (\x1c, \x85) it
# deletes, joining their neighbours, so they must not split a chunk here either.
_SEGMENT = re.compile("[^ \t\n\r\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_CORE = re.compile(r"\w(?:.*\w)?", re.S)  # a chunk from its first to its last word character


class EncoderMismatch(RuntimeError):
    """The installed encoder is not the one the model was trained on."""


def encoder_problem(expected_sha256: str | None = None) -> str | None:
    """Why the installed sentence encoder cannot serve a model trained on ``expected_sha256``
    weights (None: any weights), or None when it can. Loads the encoder once per process."""
    from .encoder import EncoderUnavailable, default_encoder

    try:
        enc = default_encoder()
    except (EncoderUnavailable, OSError, ValueError, KeyError) as exc:  # missing, unreadable or malformed weights
        return str(exc)
    if expected_sha256 is not None and enc.weights_sha256 != expected_sha256:
        return (f"the installed encoder weights ({enc.weights_sha256[:12]}...) are not the ones this model was "
                f"trained on ({expected_sha256[:12]}...)")
    return None


def word_pieces(enc: SentenceEncoder, sentence: str) -> tuple[list[re.Match], list[int], list[int]]:
    """(word matches, token ids with [CLS]/[SEP], index of the word each token belongs to or -1):
    the ids ``enc.tokenize`` gives the sentence, with each token's word known."""
    tok = enc.tokenizer
    words = list(_SEGMENT.finditer(sentence if isinstance(sentence, str) else ""))
    ids, owner = [tok.cls_id], [-1]
    for i, m in enumerate(words):
        pieces = tok.encode(m.group(), enc.max_tokens)[1:-1]  # more would be cut below anyway
        ids += pieces
        owner += [i] * len(pieces)
        if len(ids) >= enc.max_tokens:
            break
    return words, ids[: enc.max_tokens - 1] + [tok.sep_id], owner[: enc.max_tokens - 1] + [-1]


class EncodedClaimModel(SentenceClassifier):
    """P(a sentence reads as a contested assertion), from its sentence embedding.

    ``fit(sentences, y)`` and ``predict_proba(sentences)`` take lists of strings. ``encoder``:
    an object with ``encode(list[str]) -> (n, dim) array`` and ``weights_sha256`` (None: the
    installed all-MiniLM-L6-v2, ``encoder.default_encoder()``); it is not stored in the model
    file. ``threshold``: the probability from which a sentence counts as a claim (the recipe
    chooses it)."""

    def __init__(self, *, C: float = 0.3, threshold: float = 0.5, cv: int = 5, random_state: int | None = 0,
                 encoder=None):
        self.C = C
        self.threshold = threshold
        self.cv = cv
        self.random_state = random_state
        self.encoder = encoder

    def __getstate__(self):
        state = dict(super().__getstate__())  # object.__getstate__ hands out the live __dict__
        state["encoder"] = None  # the weights live in their package, checked by hash on use
        return state

    def __setstate__(self, state):
        # A model file names no encoder: whatever a (crafted) file holds there, the installed one is used.
        super().__setstate__({**state, "encoder": None})

    def _encoder(self):
        if self.encoder is not None:
            return self.encoder
        from .encoder import default_encoder

        return default_encoder()

    def embed(self, sentences: Sequence[str]) -> np.ndarray:
        """The sentences' embeddings, after checking the encoder is the one this model was fitted on."""
        if isinstance(sentences, str):
            raise TypeError("expected a list of sentences, got one string")
        enc = self._encoder()
        want = getattr(self, "encoder_sha256_", None)
        if want is not None and getattr(enc, "weights_sha256", None) != want:
            raise EncoderMismatch(f"this claim model was trained on encoder weights {want[:12]}..., the installed "
                                  f"encoder has {str(getattr(enc, 'weights_sha256', None))[:12]}...; install "
                                  f"{getattr(self, 'encoder_name_', 'the same encoder')} or retrain")
        return enc.encode([s if isinstance(s, str) else "" for s in sentences])

    def fit(self, sentences: Sequence[str], y, groups=None, sample_weight=None) -> EncodedClaimModel:
        y = np.asarray(y)
        if len(y) != len(sentences):
            raise ValueError(f"{len(sentences)} sentences but {len(y)} labels")
        enc = self._encoder()
        self.encoder_name_ = str(getattr(enc, "name", type(enc).__name__))
        self.encoder_sha256_ = getattr(enc, "weights_sha256", None)
        self.clf_ = CalibratedLinearClassifier(C=self.C, class_weight="balanced", cv=self.cv,
                                               random_state=self.random_state).fit(
            self.embed(sentences), y, groups=groups, sample_weight=sample_weight)
        self.classes_ = self.clf_.classes_
        return self

    def predict_proba(self, sentences: Sequence[str]) -> np.ndarray:
        check_is_fitted(self)
        if len(sentences) == 0:
            return np.zeros((0, 2))
        return self.clf_.predict_proba(self.embed(sentences))

    def decision_function(self, sentences: Sequence[str]) -> np.ndarray:
        check_is_fitted(self)
        return self.clf_.decision_function(self.embed(sentences))

    def token_contributions(self, sentence: str) -> list[tuple[int, int, float]]:
        """(start, end, share of the calibrated log-odds) of each word of ``sentence`` (a run of
        non-space characters, reported without its edge punctuation).

        Exact for the linear part: the embedding is the L2-normalised mean of the encoder's last
        token states h_t, so the log-odds ``w . mean(h) / |mean(h)| + b`` is a sum over tokens of
        ``w . h_t / (n |mean(h)|)``; a word's share is the sum over its word pieces (each word is
        tokenised on its own, which gives BERT's pieces, since it splits on spaces first). What a
        token state carries of its neighbours stays in that token's share."""
        check_is_fitted(self)
        enc = self._encoder()
        words, ids, owner = word_pieces(enc, sentence)
        h = enc.token_states(ids)
        mean = h.mean(axis=0)
        per_token = h @ self.clf_.coef_.ravel().astype(np.float32) / (len(ids) * float(np.linalg.norm(mean)) or 1.0)
        share = np.zeros(len(words))
        for t, i in enumerate(owner):
            if i >= 0:
                share[i] += per_token[t]
        out = []
        for i, m in enumerate(words):  # reported without the chunk's leading/trailing punctuation
            core = _CORE.search(m.group())
            a, b = (m.start() + core.start(), m.start() + core.end()) if core else (m.start(), m.end())
            out.append((a, b, float(share[i])))
        return out

    def strongest_words(self, sentence: str, k: int = 3) -> list[str]:
        """The sentence's words that push it most towards a contested assertion (largest positive
        share of the log-odds, :meth:`token_contributions`); function words, auxiliaries,
        punctuation and capitalised names are not reported."""
        scored = [(s, e, c) for s, e, c in self.token_contributions(sentence)
                  if c > 0 and sentence[s:e][:1].isalnum() and sentence[s:e].lower() not in FUNCTION_WORDS
                  and sentence[s:e].lower() not in _AUXILIARIES
                  and not sentence[s:e][:1].isupper()]
        top = sorted(scored, key=lambda x: -x[2])[:k]
        return [sentence[s:e] for s, e, _c in sorted(top)]
