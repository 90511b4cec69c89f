"""Named, seeded training recipes and the held-out evaluations reported in the model card.

``default`` builds the shipped model from the corpora under ``data_root``:

* sentence model: PTC train sentences (positive = overlaps a Loaded_Language or
  Name_Calling span), with BABE (SG2) biased words and BASIL lexical spans as extra word
  labels; evaluated on PTC dev.
* ``loaded_language`` head: SemEval-2019 hyperpartisan by-article train; evaluated on its
  publisher-disjoint test split.
* ``state_media`` head: RUWA and the China state-media headlines against wire, public and
  Ukrainian controls (RUWA, Article-Bias-Prediction), with outlet names removed from the
  texts; outlet-disjoint evaluation (RT -> TASS/News Front; CGTN/Xinhua -> Global Times/
  China Daily, whose training negatives add centre outlets' world-news titles,
  ``world_controls``; the head itself does not train on those). Part of the training articles
  get a syndication notice naming an outlet of the same class from the registry, so the head
  learns to trust a found origin.
* ``omitted_counterclaims``: no public article-level labels fit this score, so the rule
  score is kept (the model has no head for it).
* claim models (``claim_recipes.py``): the n-gram model, the default reader, and the embedding
  model, read when asked for (``with_claims("embedding")``).

Each held-out figure is recorded with a TF-IDF + logistic-regression baseline trained and
tested on the same split in the same run (``metrics["baselines"]``), which the card shows
beside ours.
"""
from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .. import datasets as D
from .evaluate import binary_metrics
from .linear import CalibratedLinearClassifier
from .claim_recipes import fit_claim_model, fit_encoded_claim_model
from .pipeline import LabelerModel, ScoreHead
from .sentence import LoadedSentenceModel
from .text_features import HashedLexicon, text_vectorizer
from .word_clusters import WordClusters, fit_word_clusters

VERSION = "1"
# The corpora the default recipe trains on (keys of labeler.datasets.FOLDERS); the card lists these.
DEFAULT_DATASETS = ("ptc", "babe", "basil", "hyperpartisan", "ruwa", "china", "allsides", "lexicons", "euvsdisinfo", "fnc1")
# Share of state-media articles assumed where the model is used. The training mix is ~45%
# state media, far above what a researcher's feed holds, so the state_media head's
# intercept is moved from the training rate to this prior (a standard prior-shift
# correction: the log-odds move by logit(prior) - logit(training rate)).
STATE_PRIOR = 0.1
# The loaded_language head learns from SemEval-2019 by-article train (37% hyperpartisan) with
# balanced class weights; its intercept is moved to an even prior, i.e. no assumption about
# the share of hyperpartisan articles in a user's feed. (The SemEval test split happens to
# be balanced too, by its design; nothing is fitted on it.)
LOADED_PRIOR = 0.5
# Probability from which the sentence model's token tagger adds a loaded word the lexicon did not
# mark. On every seen hand-labelled set (challenge, heldout 1-4) the words it adds between 0.5 and
# 0.8 were all false ("harshly", "leftist", bare verdicts the lexicon leaves to their speaker);
# from 0.8 it adds none there, and on new text only words it is sure of.
TERM_THRESHOLD = 0.8
# Inverse regularisation of the loaded_language head, chosen by publisher-grouped 3-fold
# log-loss on hyperpartisan train over C in {0.1, 0.3, 1, 3, 10}.
LOADED_C = 10.0

# Names of the outlets in the provenance corpora, removed from their texts so that a text
# model learns style and framing, not bylines ("| Censor.NET", "RT World News").
_OUTLET_NAMES = re.compile(
    r"\b(RT(?: World News| News)?|Russia Today|TASS|News[ -]?Front|Reuters|BBC(?: News)?|Al[ -]Jazeera|MSNBC|"
    r"Ukrinform|Censor\.NET|Censor|CGTN|Xinhua(?:net)?|Global Times|GT|China Daily|Associated Press|AP)\b"
    r"|\b[\w.-]+\.(?:com|net|info|co\.uk|cn)\b", re.I)


def strip_outlet_names(text: str) -> str:
    t = _OUTLET_NAMES.sub(" ", text)
    t = re.sub(r"\s*[|«»]\s*(?=\s|$)", " ", t)
    return re.sub(r"[ \t]+", " ", t).strip()


def word_spans(text: str, words) -> list[tuple[int, int]]:
    """Offsets of each listed word (whole-word, case-insensitive) in ``text``."""
    return [(m.start(), m.end()) for w in words if w.strip()
            for m in re.finditer(r"(?<!\w)" + re.escape(w.strip()) + r"(?!\w)", text, flags=re.I)]


# --------------------------------------------------------------------------- loaded language
def sentence_training_data(root) -> dict[str, Any]:
    tr = D.ptc_sentences(D.load_ptc(root, "train"))
    dv = D.ptc_sentences(D.load_ptc(root, "dev"))
    extra_t, extra_s = [], []
    for r in D.load_babe(root, "SG2").itertuples():
        extra_t.append(r.text)
        extra_s.append(word_spans(r.text, r.biased_words) if r.label else [])
    for r in D.load_basil(root).itertuples():
        extra_t.append(r.text)
        extra_s.append([(x["start"], x["end"]) for x in r.spans if x["bias"] == "lex"])
    return {"train": tr, "dev": dv, "extra_texts": extra_t, "extra_spans": extra_s}


# Unlabelled news text the word classes learn from, by dataset (labels unused). Never PTC dev
# or hyperpartisan test: the figures of issue #4 are measured there.
CLUSTER_TEXTS = ("allsides", "hyperpartisan", "ptc", "fnc1", "ruwa")


def unlabelled_news(root) -> list[str]:
    """Article texts for ``word_clusters.fit_word_clusters``: AllSides full texts, hyperpartisan
    train, PTC train and (unlabelled) test articles, FNC-1 bodies, RUWA title + lede snippets."""
    texts = D.load_allsides(root, fulltext=True)["text"].tolist()
    texts += D.load_hyperpartisan(root, "train")["text"].tolist()
    texts += D.load_ptc(root, "train")["text"].tolist() + D.load_ptc(root, "test")["text"].tolist()
    texts += D.load_fnc1_bodies(root)["text"].tolist()
    texts += D.load_ruwa(root)["text"].tolist()
    return [t for t in texts if isinstance(t, str) and t.strip()]


def fit_clusters(root, seed: int = 0) -> WordClusters:
    return fit_word_clusters(unlabelled_news(root), seed=seed, source="; ".join(
        f"{k}: {D.LICENSES[k]}" for k in CLUSTER_TEXTS))


def fit_sentence_model(root, seed: int = 0, data: dict | None = None,
                       clusters: WordClusters | None = None) -> LoadedSentenceModel:
    data = data or sentence_training_data(root)
    tr = data["train"]
    lex = HashedLexicon.from_terms(D.load_lexicons(root), sources={"all": D.LICENSES["lexicons"]})
    clusters = clusters if clusters is not None else fit_clusters(root, seed)
    return LoadedSentenceModel(lexicon=lex, clusters=clusters, nb=True, random_state=seed).fit(
        tr["text"].tolist(), tr["label"].to_numpy(), tr["loaded_spans"].tolist(), groups=tr["article_id"].to_numpy(),
        extra_texts=data["extra_texts"], extra_spans=data["extra_spans"])


def eval_sentences(model, dev: pd.DataFrame) -> dict[str, Any]:
    p = model.predict_proba(dev["text"].tolist())
    return binary_metrics(dev["label"].to_numpy(), p, threshold=getattr(model, "threshold_", 0.5))


# --------------------------------------------------------------------------- state media
def state_media_corpus(root, seed: int = 0, per_outlet: int = 2500) -> pd.DataFrame:
    """Outlet-labelled short texts: ``text`` (outlet names removed), ``outlet``, ``state_media``,
    ``family`` (russia | china | wire | world; see ``world_controls``)."""
    rng = np.random.default_rng(seed)
    ru = D.load_ruwa(root)
    ru = ru.assign(family="russia")
    ch = D.load_china_headlines(root).assign(family="china")
    al = D.load_allsides(root, fulltext=True)
    al = al[al["outlet"].isin(["Reuters", "Associated Press", "BBC News"])]
    # Titles only: the China set has headlines only, so controls should look alike.
    al = al.assign(text=al["title"], state_media=0, family="wire")
    parts = []
    for df in (ru, ch, al, world_controls(root)):
        for _outlet, g in df.groupby("outlet"):
            parts.append(g.sample(n=min(len(g), per_outlet), random_state=int(rng.integers(1 << 30))))
    out = pd.concat(parts, ignore_index=True)[["text", "outlet", "state_media", "family"]]
    out["text"] = out["text"].map(strip_outlet_names)
    return out[out["text"].str.len() > 10].reset_index(drop=True)


# AllSides topics of foreign and world news. The China set's headlines are world and China news
# (its BBC control is from the UK/WORLD sections), while the wire controls' titles are mostly US
# politics; without non-state titles on these topics the classifier learns "foreign affairs =
# state media" and calls the test's BBC world headlines state media (mean p 0.78).
WORLD_TOPICS = frozenset({"world", "foreign_policy", "middle_east", "north_korea", "south_korea", "china", "russia",
                          "europe", "asia", "africa", "mexico", "israel", "palestine", "great_britain", "isis",
                          "terrorism", "nuclear_weapons", "state_department"})
# Outlets that are no world-news control: Al Jazeera is state-controlled (State Media Matrix);
# Reuters, AP and BBC News titles are already the "wire" family, every topic.
_NOT_WORLD_CONTROL = frozenset({"Al Jazeera", "Reuters", "Associated Press", "BBC News"})


def world_controls(root: str | os.PathLike) -> pd.DataFrame:
    """Titles of AllSides centre-rated outlets (NPR, USA Today, The Hill, CSM, WSJ...) on
    ``WORLD_TOPICS``: non-state headlines on the topics state media cover (family ``world``).
    Centre outlets only, since partisan titles carry loaded words that headlines of wire and
    public broadcasters rarely do."""
    al = D.load_allsides(root, fulltext=False)
    al = al[al["topic"].isin(WORLD_TOPICS) & (al["bias_text"] == "center") & ~al["outlet"].isin(_NOT_WORLD_CONTROL)]
    return al.assign(text=al["title"], state_media=0, family="world")


# Outlet-disjoint splits: (name, families, train outlets, test outlets); train outlets None means
# every outlet of the families that is not a test outlet. Within one family the texts cover the
# same events and have the same form (RUWA: title + lede; China set, wire and world controls:
# headlines), so the split tests outlets, not text form. The China split trains on CGTN/Xinhua
# against the wire titles and the world-news controls (~25 outlets, none in its test set).
STATE_SPLITS = (
    ("RT -> TASS/News Front", {"russia"}, {"RT", "Reuters", "Ukrinform"},
     {"TASS", "News Front", "BBC", "Al Jazeera", "MSNBC", "Censor.NET"}),
    ("CGTN/Xinhua -> Global Times/China Daily", {"china", "wire", "world"}, None,
     {"Global Times", "China Daily", "BBC", "BBC News"}),
)
# Even prior reported beside each split's figures (``even_prior``), an option like the EM one.
EVEN_PRIOR = 0.5


def baseline_classifier():
    """The reference every figure is compared with: TF-IDF + logistic regression, balanced
    class weights (unweighted, PTC's F1 at 0.5 is ~0.07), no calibration."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    return make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=1000, class_weight="balanced"))


def text_only_classifier(seed: int = 0, stratify_groups: bool = True) -> Any:
    """Hashed word and character n-grams into a calibrated logistic regression.

    Fitted with ``clf__groups=outlets``, its Platt calibration is fitted on folds that hold out
    whole outlets of each class (``class_group_folds``). With random folds the same outlet sits on
    both sides, so the calibration learns to trust outlet-specific vocabulary: on RT -> TASS/News
    Front that made the ECE 0.064 against 0.015 with outlet folds, at the same AUC.
    """
    from sklearn.pipeline import Pipeline

    return Pipeline([("text", text_vectorizer(2**18)),
                     ("clf", CalibratedLinearClassifier(C=1.0, class_weight="balanced", random_state=seed,
                                                        stratify_groups=stratify_groups))])


def em_label_shift(p: np.ndarray, train_rate: float, max_iter: int = 200, tol: float = 1e-6
                   ) -> tuple[float, np.ndarray]:
    """Estimate the positive rate of unlabelled data and re-weight its probabilities to it.

    The EM procedure of Saerens, Latinne & Decaestecker (2002): alternate between moving each
    posterior from the training prior to the current estimate and taking their mean as the new
    estimate. It needs no target labels but assumes pure label shift (the same texts per class,
    other proportions); under a change of topic it can move the wrong way, so it is reported
    as an adaptation option beside the plain figure, never instead of it.
    """
    p = np.clip(np.asarray(p, dtype=float), 1e-12, 1 - 1e-12)
    if not len(p) or not 0 < train_rate < 1:
        return float(train_rate), p
    q, adapted = float(train_rate), p
    for _ in range(max_iter):
        w1, w0 = q / train_rate, (1 - q) / (1 - train_rate)
        adapted = p * w1 / (p * w1 + (1 - p) * w0)
        q_new = float(adapted.mean())
        if abs(q_new - q) < tol:
            q = q_new
            break
        q = q_new
    return q, adapted


def _normalised(text: str) -> str:
    return re.sub(r"\W+", " ", str(text).lower()).strip()


def _move_prior(p: np.ndarray, rate: float, prior: float) -> np.ndarray:
    """Probabilities calibrated at base rate ``rate`` moved to ``prior`` (the ``shift_prior`` log-odds shift)."""
    p = np.clip(np.asarray(p, dtype=float), 1e-12, 1 - 1e-12)
    z = np.log(p / (1 - p)) + np.log(prior / (1 - prior)) - np.log(rate / (1 - rate))
    return 1 / (1 + np.exp(-z))


def eval_state_media(corpus: pd.DataFrame, make: Callable[[], Any], grouped: bool = True) -> dict[str, Any]:
    """ROC AUC (and ECE) of a text classifier trained on some outlets, tested on others.

    ``grouped`` fits ``make()`` with ``clf__groups=<outlet>`` (for ``text_only_classifier``; the
    TF-IDF baseline takes no groups). Each split also records the mean probability per test
    outlet (where the calibration error comes from) and, separately, the figures after the
    label-shift EM re-weighting (``label_shift_em``) and after moving the calibration from the
    training rate to an even prior (``even_prior``): adaptation options, never the headline.
    """
    out = {}
    for name, families, train_outlets, test_outlets in STATE_SPLITS:
        fam = corpus[corpus["family"].isin(families)]
        te = fam[fam["outlet"].isin(test_outlets)]
        tr = fam[~fam["outlet"].isin(test_outlets)] if train_outlets is None else fam[fam["outlet"].isin(train_outlets)]
        # Syndicated copy: a test outlet's text that a training outlet also carried word for word
        # (China Daily and Global Times run Xinhua and CGTN headlines) tests nothing new.
        seen = set(tr["text"].map(_normalised))
        copied = te["text"].map(_normalised).isin(seen)
        te = te[~copied]
        if tr["state_media"].nunique() < 2 or te["state_media"].nunique() < 2:
            continue  # a subsample without both classes on one side has nothing to measure
        m = make()
        # only a pipeline with a "clf" step takes outlet groups (the TF-IDF baseline has none)
        kw = {"clf__groups": tr["outlet"].to_numpy()} if grouped and "clf" in getattr(m, "named_steps", {}) else {}
        m = m.fit(tr["text"].tolist(), tr["state_media"].to_numpy(), **kw)
        p = m.predict_proba(te["text"].tolist())[:, 1]
        y = te["state_media"].to_numpy()
        train_rate = float(tr["state_media"].mean())
        out[name] = binary_metrics(y, p)
        out[name]["train_rate"] = train_rate  # base rates: part of the ECE is their gap
        out[name]["test_rate"] = float(y.mean())
        out[name]["train_outlets"] = sorted(set(tr["outlet"]))
        out[name]["test_rows_dropped_as_training_copies"] = int(copied.sum())
        out[name]["test_outlets"] = sorted(test_outlets)
        by_outlet = te.assign(p=p).groupby("outlet")["p"].mean()
        out[name]["mean_p_by_test_outlet"] = {k: float(v) for k, v in by_outlet.items()}
        q, pa = em_label_shift(p, train_rate)
        em = binary_metrics(y, pa)
        out[name]["label_shift_em"] = {"estimated_rate": q, "roc_auc": em["roc_auc"], "ece": em["ece"],
                                       "brier": em["brier"]}
        ev = binary_metrics(y, _move_prior(p, train_rate, EVEN_PRIOR))
        out[name]["even_prior"] = {"prior": EVEN_PRIOR, "ece": ev["ece"], "brier": ev["brier"],
                                   "mean_p": float(_move_prior(p, train_rate, EVEN_PRIOR).mean())}
    return out


def _with_notices(corpus: pd.DataFrame, seed: int, share: float = 0.3) -> pd.DataFrame:
    """Give a share of texts a syndication notice naming a registry outlet of the same class."""
    from ..registry import default_registry

    reg = list(default_registry())
    state = [o.name for o in reg if o.affiliation == "state-controlled"]
    indep = [o.name for o in reg if o.affiliation == "independent"]
    rng = np.random.default_rng(seed)
    texts = []
    for t, s in zip(corpus["text"], corpus["state_media"]):
        if rng.random() < share and (state if s else indep):
            outlet = rng.choice(state if s else indep)
            t = f"This article was originally published on {outlet}\n\n{t}"
        texts.append(t)
    return corpus.assign(text=texts)


def shift_prior(head: ScoreHead, train_rate: float, prior: float = STATE_PRIOR) -> dict[str, float]:
    """Move a head's calibrated log-odds from the training base rate to ``prior``."""
    logit = lambda q: float(np.log(q / (1 - q)))  # noqa: E731
    shift = logit(prior) - logit(train_rate)
    head.clf_.intercept_ = head.clf_.intercept_ + shift
    return {"train_rate": train_rate, "prior": prior, "log_odds_shift": shift}


# --------------------------------------------------------------------------- default recipe
def default_recipe(root: str | os.PathLike, seed: int = 0, log: Callable[[str], None] = print,
                   validation: Sequence[str | os.PathLike] | None = None) -> tuple[LabelerModel, dict[str, Any]]:
    """The shipped model from the public corpora under ``root``. ``validation``: hand-labelled JSONL
    files that choose the claim threshold (None: the challenge set and the seen held-out sets)."""
    from .train import analyse_texts, summaries

    t0 = time.time()
    metrics: dict[str, Any] = {"seed": seed}
    sdata = sentence_training_data(root)
    clusters = fit_clusters(root, seed)
    metrics["word_classes"] = {"words": len(clusters), "sizes": list(clusters.sizes), "texts": list(CLUSTER_TEXTS)}
    log(f"word classes: {len(clusters):,} words in {'/'.join(map(str, clusters.sizes))} classes "
        f"({time.time() - t0:.0f}s)")
    sm = fit_sentence_model(root, seed, sdata, clusters=clusters)
    metrics["loaded_sentence_ptc_dev"] = eval_sentences(sm, sdata["dev"])
    base: dict[str, Any] = {}
    dv = sdata["dev"]
    pb = baseline_classifier().fit(sdata["train"]["text"], sdata["train"]["label"]).predict_proba(dv["text"])[:, 1]
    base["loaded_sentence_ptc_dev"] = binary_metrics(dv["label"].to_numpy(), pb)
    log(f"sentence model: PTC dev F1 {metrics['loaded_sentence_ptc_dev']['f1']:.3f} ({time.time() - t0:.0f}s)")

    hp_tr, hp_te = D.load_hyperpartisan(root, "train"), D.load_hyperpartisan(root, "test")
    heads = {}
    a_tr, _ = analyse_texts(hp_tr["text"].tolist(), titles=hp_tr["title"].tolist())
    S_tr = summaries(sm, hp_tr["text"].tolist())
    heads["loaded_language"] = ScoreHead("loaded_language", char=True, C=LOADED_C, random_state=seed).fit(
        a_tr, hp_tr["text"].tolist(), hp_tr["label"].to_numpy(), S_tr, groups=hp_tr["publisher"].to_numpy())
    a_te, _ = analyse_texts(hp_te["text"].tolist(), titles=hp_te["title"].tolist())
    S_te = summaries(sm, hp_te["text"].tolist())
    p = heads["loaded_language"].predict_proba(a_te, hp_te["text"].tolist(), S_te)
    metrics["loaded_language_hyperpartisan_test_before_prior_shift"] = binary_metrics(hp_te["label"].to_numpy(), p)
    metrics["loaded_language_prior_shift"] = shift_prior(heads["loaded_language"], float(hp_tr["label"].mean()),
                                                         LOADED_PRIOR)
    p = heads["loaded_language"].predict_proba(a_te, hp_te["text"].tolist(), S_te)
    metrics["loaded_language_hyperpartisan_test"] = binary_metrics(hp_te["label"].to_numpy(), p)
    pb = baseline_classifier().fit(hp_tr["title"] + "\n\n" + hp_tr["text"], hp_tr["label"]).predict_proba(
        hp_te["title"] + "\n\n" + hp_te["text"])[:, 1]
    base["loaded_language_hyperpartisan_test"] = binary_metrics(hp_te["label"].to_numpy(), pb)
    log(f"loaded_language head: hyperpartisan test accuracy "
        f"{metrics['loaded_language_hyperpartisan_test']['accuracy']:.3f} ({time.time() - t0:.0f}s)")

    corpus = state_media_corpus(root, seed)
    metrics["state_media_outlet_disjoint"] = eval_state_media(corpus, lambda: text_only_classifier(seed))
    base["state_media_outlet_disjoint"] = eval_state_media(corpus, baseline_classifier, grouped=False)
    # TF-IDF + LR on the same splits, in the same run: the card's "baseline" column.
    metrics["baselines"] = base
    log("state media text, outlet-disjoint AUC: " + ", ".join(
        f"{k} {v['roc_auc']:.3f}" for k, v in metrics["state_media_outlet_disjoint"].items()))
    # The head keeps its training data without the world controls: it already sees the China set's
    # BBC world headlines as negatives, and with them its outlet-grouped OOF ECE was 0.036 vs 0.034
    # (AUC 0.905 vs 0.901) on the same rows (H18, 2026-11-27).
    sm_corpus = _with_notices(corpus[corpus["family"] != "world"].reset_index(drop=True), seed)
    a_sm, _ = analyse_texts(sm_corpus["text"].tolist())
    heads["state_media"] = ScoreHead("state_media", use_sentences=False, random_state=seed, stratify_groups=True).fit(
        a_sm, sm_corpus["text"].tolist(), sm_corpus["state_media"].to_numpy(), np.zeros((len(sm_corpus), 3)),
        groups=sm_corpus["outlet"].to_numpy())
    metrics["state_media_head_outlet_grouped_oof"] = binary_metrics(
        sm_corpus["state_media"].to_numpy(), 1 / (1 + np.exp(-heads["state_media"].clf_.oof_decision_)))
    metrics["state_media_prior_shift"] = shift_prior(heads["state_media"], float(sm_corpus["state_media"].mean()))
    # The claim model reads no word classes: with them (ClaimSentenceModel(clusters=...)) its validation
    # AUC rose 0.754 -> 0.760 but, at the threshold the bounds then chose (0.87), it added 4 right and 11
    # wrong claims on the seen sets (6 right and 7 wrong without), and held-out set 9 did not
    # move (0.205): measured in session 5, not adopted.
    annotated = D.load_claim_annotations(root)  # read once, for both claim models
    claim_model, metrics["claim_sentences"] = fit_claim_model(root, seed, validation=validation, log=log,
                                                              annotations=annotated)
    encoded = None
    from .claim_encoded import encoder_problem

    problem = encoder_problem(None)
    if problem is None:
        encoded, metrics["claim_sentences_encoded"] = fit_encoded_claim_model(root, seed, validation=validation,
                                                                              log=log, annotations=annotated)
    else:
        log(f"embedding claim model: NOT trained ({problem}); the model reads claims with n-grams only")
        metrics["claim_sentences_encoded"] = {"skipped": problem}
    metrics["train_seconds"] = round(time.time() - t0, 1)
    log(f"done in {metrics['train_seconds']:.0f}s")
    model = LabelerModel("labeler-default", VERSION, heads=heads, sentence_model=sm, claim_model=claim_model,
                         claim_encoder_model=encoded,
                         term_threshold=TERM_THRESHOLD,
                         info={"recipe": "default", "seed": seed,
                               "licenses": {k: D.LICENSES[k] for k in DEFAULT_DATASETS}})
    return model, metrics


RECIPES: dict[str, Callable[..., tuple[LabelerModel, dict[str, Any]]]] = {"default": default_recipe}
