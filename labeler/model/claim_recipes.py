"""The claim models' training data, thresholds and figures (the default recipe's claim part).

* n-gram model (``claim_sentence.py``, :func:`fit_claim_model`): three training sources (see
  :func:`claim_training_data`): distant labels (EUvsDisinfo claim titles and PTC
  contested-simplification sentences against plain wire sentences), the project's sentence
  annotations of real articles, and the claim candidates of the seen hand-labelled held-out sets
  (``LABELLED_TRAINING_SETS``, weight ``LABELLED_SET_WEIGHT``: the plain declarative claims the
  distant labels do not teach). Its threshold keeps wrong added claims rare on labelled articles,
  read out of fold (``LABELLED_FOLDS`` groups of whole sets, each scored by a model fitted
  without it; the challenge set, never trained on, by the final model), and on a calibration
  split of wire articles.
* embedding model (``claim_encoded.py``, :func:`fit_encoded_claim_model`): the annotations alone.

A separate wire split gives each model's wire figure.
"""
from __future__ import annotations

import copy
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .. import datasets as D
from .claim_encoded import EncodedClaimModel
from .claim_sentence import ClaimSentenceModel
from .evaluate import binary_metrics
from .word_clusters import WordClusters


# PTC techniques whose sentences assert a contested simplification (extra claim-model positives).
PTC_CLAIM = ("Causal_Oversimplification", "Black-and-White_Fallacy,Dictatorship", "Exaggeration,Minimisation",
             "Flag-Waving", "Doubt")
# Sentences that report someone else's words: neither a clean positive nor a clean negative.
_REPORTED = re.compile(r"\b(said|says|say|told|tells|according to|reported|reports|announced|stated|added|claimed|"
                       r"claims|alleged|accused|denied|insisted|argued|wrote|tweeted|urged|warned)\b", re.I)
_QUOTE_MARKS = re.compile("[\"“”„«»]")
WIRE = ("Reuters", "Associated Press", "BBC News")
CLAIM_C = 1.0
ANNOTATION_WEIGHT = 5.0  # a hand-labelled in-domain sentence counts as this many distant ones
MAX_WIRE_FP = 0.1  # model claims per neutral wire article (calibration split) allowed at the threshold


# The hand-labelled held-out sets of the repository's tests/fixtures (absent from an installed
# package, which then trains and chooses the threshold without them). The split is explicit:
# * SEEN: their misses have already informed rule fixes. The claim model trains on their claim
#   candidates (LABELLED_TRAINING_SETS) and its threshold is chosen on them out of fold.
# * UNSEEN: they measure the model and never tune it; no recipe reads them (labelled_candidates
#   refuses them). A new set starts here and moves to SEEN once its misses have informed fixes.
# The shared challenge set is neither: a sample of the kinds the tool meets, never trained on.
FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures"
SEEN_LABELLED_SETS = tuple(FIXTURES / name for name in ("heldout.jsonl", *(f"heldout{i}.jsonl" for i in range(2, 14))))
UNSEEN_LABELLED_SETS = (FIXTURES / "heldout14.jsonl", FIXTURES / "heldout15.jsonl")
LABELLED_TRAINING_SETS = SEEN_LABELLED_SETS
LABELLED_SET_WEIGHT = 5.0  # a labelled held-out candidate sentence counts as this many distant ones
LABELLED_FOLDS = 5  # groups of whole labelled sets for the out-of-fold threshold (13 sets: 3,3,3,2,2)


def wire_split(article_id) -> str:
    """Article-Bias-Prediction wire articles are split by a hash of their id: ``calibrate`` (10%,
    chooses the claim threshold), ``test`` (10%, the card's wire figure), ``train`` (the rest)."""
    import zlib

    k = zlib.crc32(str(article_id).encode("utf-8")) % 10
    return "calibrate" if k == 0 else "test" if k == 1 else "train"


def _plain(s: str) -> bool:
    return not _QUOTE_MARKS.search(s) and not _REPORTED.search(s)


def claim_training_data(root, annotations: bool | pd.DataFrame = True,
                        labelled: Any = LABELLED_TRAINING_SETS) -> pd.DataFrame:
    """Sentences for the claim model: ``text``, ``label`` (1 = contested assertion), ``source``,
    ``weight``, ``group`` (the labelled set a row comes from, "" for the other sources: what the
    out-of-fold threshold holds out).

    Hand labels first. The claim candidates of the seen hand-labelled held-out sets
    (:func:`labelled_set_training_data`; ``labelled``: paths, a frame of
    :func:`labelled_candidates`, or None/False to leave them out), each weighed
    ``LABELLED_SET_WEIGHT``: the sentences the model reads at run time, positive where they
    match a labelled unattributed claim. They teach the plain declaratives ("The sanctions
    caused the shortages.") that the distant labels below score low. Then the project's sentence
    annotations of real articles
    (``data/claim_sentence_labels.csv``, :func:`labeler.datasets.load_claim_annotations`), each
    weighed ``ANNOTATION_WEIGHT``; where a distant label below repeats an annotated sentence, the
    annotation wins (``annotations``: True loads them, a frame is used as given, False leaves
    them out). Distant labels, weight 1:

    Positives: EUvsDisinfo claim titles (Title-Case ones dropped: their names cannot be told
    from words) and PTC train sentences with a contested-simplification technique (``PTC_CLAIM``).
    Negatives: author-voice wire sentences without quotation marks or reporting verbs: RUWA
    Reuters/BBC/Al Jazeera titles and ledes (the same war and actors as the positives),
    Article-Bias-Prediction Reuters/AP/BBC titles and full texts (the ``train`` part of
    :func:`wire_split`), BABE non-biased sentences."""
    from ..text import sentences

    def title_case(s: str) -> bool:
        ws = [w for w in s.split() if w[:1].isalpha()]
        return len(ws) >= 4 and sum(w[:1].isupper() for w in ws) / len(ws) > 0.7

    rows = [(t, 1, "euvsdisinfo") for t in D.load_euvsdisinfo_claims(root)["text"] if not title_case(t)]
    ptc = D.ptc_sentences(D.load_ptc(root, "train"), techniques=PTC_CLAIM)
    rows += [(t, 1, "ptc") for t, y in zip(ptc["text"], ptc["label"]) if y and _plain(t)]
    ru = D.load_ruwa(root)
    ru = ru[ru["outlet"].isin(["Reuters", "BBC", "Al Jazeera"])]
    for title, lede in zip(ru["title"], ru["lede"]):
        rows += [(s, 0, "ruwa") for s in [title] + [x.text for x in sentences(lede)] if s and _plain(s)]
    al = D.load_allsides(root)
    al = al[al["outlet"].isin(WIRE) & (al["article_id"].map(wire_split) == "train")]
    for title, text in zip(al["title"], al["text"]):
        # all lengths: the positives are short, so short plain sentences must be among the negatives
        rows += [(x.text, 0, "allsides") for x in sentences(text)
                 if len(x.text) <= 300 and len(x.text.split()) >= 3 and _plain(x.text)]
        if len(title.split()) >= 3 and _plain(title):
            rows.append((title, 0, "allsides titles"))
    babe = D.load_babe(root)
    rows += [(t, 0, "babe") for t in babe.loc[babe["label"] == 0, "text"] if _plain(t)]
    df = pd.DataFrame(rows, columns=["text", "label", "source"]).assign(weight=1.0, group="")
    if annotations is not False:
        ann = D.load_claim_annotations(root) if annotations is True else annotations
        ann = pd.DataFrame({"text": ann["text"], "label": ann["label"], "source": "annotated " + ann["corpus"],
                            "weight": ANNOTATION_WEIGHT, "group": ""})
        df = pd.concat([ann, df], ignore_index=True)
    if labelled is not None and labelled is not False:
        df = pd.concat([labelled_set_training_data(labelled), df], ignore_index=True)
    from .recipes import strip_outlet_names

    df["text"] = df["text"].map(strip_outlet_names)
    return df[df["text"].str.len() > 10].drop_duplicates("text").reset_index(drop=True)


def labelled_claim_sentences(paths) -> pd.DataFrame:
    """Author-voice body sentences of hand-labelled articles (JSONL with
    ``labels.unattributed_contested_claims``): ``article``, ``start``, ``end``, ``text``,
    ``label`` (1 = a labelled unattributed contested claim). Sentences mostly inside quotation
    marks are left out (someone else's voice)."""
    from ..cues.claims import scan_body
    from ..text import quoted_spans

    rows = []
    for path in _refuse_unseen(paths):
        for r in D.load_labelled_articles([path]):
            text = r.get("text") or ""
            gold = (r.get("labels") or {}).get("unattributed_contested_claims") or []
            qs = [(q.start, q.end) for q in quoted_spans(text) if len(q.text.split()) >= 4]
            for b in scan_body(text)[0]:
                s = b.span
                inside = sum(min(e, s.end) - max(a, s.start) for a, e in qs if a < s.end and e > s.start)
                if inside > 0.5 * (s.end - s.start):
                    continue
                rows.append((f"{Path(path).stem}:{r.get('id')}", s.start, s.end, s.text,
                             int(any(D.claim_matches(s.text, g) for g in gold))))
    return pd.DataFrame(rows, columns=["article", "start", "end", "text", "label"])


def _refuse_unseen(paths) -> list[Path]:
    paths = [Path(p) for p in ([paths] if isinstance(paths, (str, Path)) else paths)]
    unseen = {q.resolve() for q in UNSEEN_LABELLED_SETS}
    bad = [str(p) for p in paths if p.resolve() in unseen or p.name in {q.name for q in UNSEEN_LABELLED_SETS}]
    if bad:
        raise ValueError(f"unseen labelled set(s) {', '.join(bad)} may measure the claim model, never train or "
                         f"tune it; the sets that may: {', '.join(q.name for q in LABELLED_TRAINING_SETS)}")
    return paths


def labelled_candidates(paths) -> pd.DataFrame:
    """The claim candidates of hand-labelled articles, before any model: the same sentences the
    claim model reads at run time (``pipeline.claim_candidates``: author-voice body sentences the
    rules did not mark), with ``set`` (file stem), ``article``, ``text``, ``gold`` (matches a
    labelled unattributed claim, :func:`labeler.datasets.claim_matches`) and ``countered``.
    ``attrs["articles"]`` counts articles per set. Missing files are skipped; unseen sets are
    refused (``UNSEEN_LABELLED_SETS``)."""
    from ..pipeline import run_detectors, to_article
    from .pipeline import article_sentences
    from .pipeline import claim_candidates as candidate_sentences

    rows, articles = [], {}
    for path in _refuse_unseen(paths):
        name = path.stem
        for r in D.load_labelled_articles([path]):
            try:
                article = to_article(r.get("text") or "", url=r.get("url"), title=r.get("title"))
                analysis = run_detectors(article=article)
            except Exception:  # noqa: BLE001 - an unusable row adds nothing to learn from
                continue
            articles[name] = articles.get(name, 0) + 1
            gold = (r.get("labels") or {}).get("unattributed_contested_claims") or []
            for s, status in candidate_sentences(article.text, article_sentences(article.text), analysis):
                rows.append((name, f"{name}:{r.get('id')}", s.text, any(D.claim_matches(s.text, g) for g in gold),
                             bool(status.countered)))
    out = pd.DataFrame(rows, columns=["set", "article", "text", "gold", "countered"])
    out.attrs["articles"] = articles
    return out


def labelled_set_training_data(labelled: Any = LABELLED_TRAINING_SETS) -> pd.DataFrame:
    """The third claim training source: the claim candidates of the seen labelled sets
    (``labelled``: paths, or a frame of :func:`labelled_candidates`), label 1 where one matches a
    labelled unattributed claim, else 0; weight ``LABELLED_SET_WEIGHT``, ``group`` = its set.
    Candidates the rules find answered by a counterclaim are left out unless labelled: the
    labels list only unanswered claims, so an answered one is no clean negative."""
    c = labelled if isinstance(labelled, pd.DataFrame) else labelled_candidates(labelled)
    c = c[c["gold"].astype(bool) | ~c["countered"].astype(bool)]
    return pd.DataFrame({"text": c["text"], "label": c["gold"].astype(int), "source": "labelled " + c["set"],
                         "weight": LABELLED_SET_WEIGHT, "group": c["set"]})


def set_folds(sets, folds: int = LABELLED_FOLDS) -> dict[str, int]:
    """Whole labelled sets dealt to ``folds`` folds in name order (round robin): a set's
    articles are always scored by a model that never saw any of that set."""
    names = sorted(set(sets))
    return {s: i % max(1, min(folds, len(names))) for i, s in enumerate(names)}


def out_of_fold_probabilities(data: pd.DataFrame, cands: pd.DataFrame, fit: Callable[[pd.DataFrame], Any],
                              folds: int = LABELLED_FOLDS) -> np.ndarray:
    """P(claim) for each labelled candidate from a model fitted (``fit(training rows)``) on
    ``data`` without the rows of its fold's sets (``group``): what the threshold is chosen on,
    since the final model has read every seen set's labels."""
    fold = set_folds(cands["set"], folds)
    p = np.full(len(cands), np.nan)
    for k in sorted(set(fold.values())):
        held = [s for s, f in fold.items() if f == k]
        model = fit(data[~data["group"].isin(held)])
        idx = cands["set"].isin(held).to_numpy()
        if idx.any():
            p[idx] = model.predict_proba(cands.loc[idx, "text"].tolist())[:, 1]
    return p


def default_validation(root) -> list[Path]:
    """The hand-labelled articles that choose thresholds and give the claim figures: the shared
    challenge set (beside the data root) and the seen held-out sets."""
    return [Path(root).parent / "examples" / "challenge.jsonl", *SEEN_LABELLED_SETS]


MAX_ADDED_FP = 0.05  # model claims that are no labelled claim, per validation article, at the chosen threshold


def claim_candidates(model: ClaimSentenceModel | EncodedClaimModel, rows) -> pd.DataFrame:
    """Every claim the model could add to the rules (threshold 0) on ``rows`` (dicts with
    ``text``, optional ``title``, ``url``, ``labels.unattributed_contested_claims``): ``article``,
    ``probability``, ``gold`` (matches a labelled claim), for those the rules' logic leaves
    unattributed and uncountered; ``attrs["articles"]`` counts the articles read."""
    from ..pipeline import run_detectors, to_article
    from .pipeline import article_sentences, model_claims

    probe = copy.copy(model)
    probe.threshold = 0.0
    if hasattr(model, "encoder"):  # a copy drops the encoder (as a saved model does); keep the run's
        probe.encoder = model.encoder
    out_rows, articles = [], 0
    for r in rows:
        try:
            article = to_article(r.get("text") or "", url=r.get("url"), title=r.get("title"))
        except Exception:  # noqa: BLE001 - an unusable row adds nothing to choose from
            continue
        articles += 1
        gold = (r.get("labels") or {}).get("unattributed_contested_claims") or []
        analysis = run_detectors(article=article)
        for c in model_claims(probe, article.text, article_sentences(article.text), analysis, explain=False):
            if not (c.attributed or c.countered):
                out_rows.append((r.get("id"), c.probability, any(D.claim_matches(c.sentence, g) for g in gold)))
    out = pd.DataFrame(out_rows, columns=["article", "probability", "gold"])
    out.attrs["articles"] = articles
    return out


def wire_rows(root, split: str) -> list[dict]:
    al = D.load_allsides(root)
    al = al[al["outlet"].isin(WIRE) & (al["article_id"].map(wire_split) == split)]
    return [{"id": i, "text": t, "title": ti} for i, t, ti in zip(al["article_id"], al["text"], al["title"])]


def _wrong_per_article(c: pd.DataFrame, t: float) -> float:
    wrong = c.loc[~c["gold"].astype(bool), "probability"].to_numpy()
    return float((wrong >= t).sum() / max(c.attrs.get("articles", 1), 1))


def choose_claim_threshold(labelled: pd.DataFrame, wire: pd.DataFrame | None = None,
                           max_fp: float = MAX_ADDED_FP, max_wire_fp: float = MAX_WIRE_FP) -> float:
    """The lowest threshold (0.5 to 0.99, step 0.01) at which the model adds at most ``max_fp``
    wrong claims per hand-labelled article and at most ``max_wire_fp`` per neutral wire article.
    Why not F1 of rules + model on the labelled articles: the rules were written on them and find
    almost every labelled claim there, so that F1 only falls as the model adds claims; what the
    model is for is the articles the rules were not written on. The bounds keep its cost known."""
    for t in np.round(np.arange(0.5, 0.99, 0.01), 2):
        if _wrong_per_article(labelled, t) <= max_fp and (wire is None or _wrong_per_article(wire, t) <= max_wire_fp):
            return float(t)
    return 0.99


def _fit_ngram(data: pd.DataFrame, seed: int, clusters: WordClusters | None) -> ClaimSentenceModel:
    return ClaimSentenceModel(C=CLAIM_C, random_state=seed, clusters=clusters).fit(
        data["text"].tolist(), data["label"].to_numpy(), sample_weight=data["weight"].to_numpy())


def fit_claim_model(root, seed: int = 0, validation=None, log: Callable[[str], None] = print,
                    clusters: WordClusters | None = None, annotations: bool | pd.DataFrame = True,
                    labelled: Any = LABELLED_TRAINING_SETS, folds: int = LABELLED_FOLDS
                    ) -> tuple[ClaimSentenceModel, dict[str, Any]]:
    """The claim model, its threshold chosen on labelled validation articles, and its figures.

    The labelled training sets (``labelled``) also validate, so their candidates are scored out
    of fold (:func:`out_of_fold_probabilities`, ``folds`` groups of whole sets); the other
    validation files (the challenge set) are scored by the final model, which never read them.
    The threshold rule (:func:`choose_claim_threshold`) then reads those scores and the wire
    calibration split; the validation figures are out of fold too."""
    from sklearn.metrics import roc_auc_score

    t0 = time.time()
    if validation is None:
        validation = default_validation(root)
    missing = [str(p) for p in validation if not Path(p).is_file()]
    if missing:
        log(f"claim model: validation files not found, threshold chosen without them: {', '.join(missing)}")
    if isinstance(labelled, pd.DataFrame):
        train_cands = labelled
    elif labelled is None or labelled is False:
        train_cands = labelled_candidates([])
    else:
        present = [p for p in labelled if Path(p).is_file()]
        if len(present) < len(labelled):
            log(f"claim model: {len(labelled) - len(present)} of {len(labelled)} hand-labelled held-out sets not "
                "found (the repository's tests/fixtures); trained without them")
        train_cands = labelled_candidates(present)
    data = claim_training_data(root, annotations=annotations, labelled=train_cands)
    model = _fit_ngram(data, seed, clusters)
    sizes = data.groupby(["source", "label"]).size()
    m: dict[str, Any] = {"train_sizes": {f"{src} ({'pos' if y else 'neg'})": int(c) for (src, y), c in sizes.items()}}
    m["labelled_training_sets"] = sorted(train_cands["set"].unique().tolist())
    m["labelled_set_weight"] = LABELLED_SET_WEIGHT
    oof_all = 1 / (1 + np.exp(-model.clf_.oof_decision_))
    m["train_oof"] = binary_metrics(data["label"].to_numpy(), oof_all)
    ann = data["source"].str.startswith("annotated ").to_numpy()
    if ann.any() and len(set(data.loc[ann, "label"])) == 2:
        m["annotations_oof_auc"] = float(roc_auc_score(data.loc[ann, "label"], oof_all[ann]))

    trained = set(train_cands["set"])
    m["validation_files"] = [str(p) for p in validation if Path(p).is_file()]
    others = [p for p in m["validation_files"] if Path(p).stem not in trained]
    # The validation sentences (author-voice body sentences with no reporting verb, as before the
    # labelled sets were trained on) and the claim candidates, scored in one pass out of fold.
    val = labelled_claim_sentences(m["validation_files"])
    if len(val):  # an empty frame indexed by an empty list would lose its columns
        val = val[[not _REPORTED.search(t) for t in val["text"]]]
    val = val.assign(set=val["article"].str.split(":").str[0])
    in_fold = val["set"].isin(trained).to_numpy()
    parts = []
    if len(train_cands):
        to_score = pd.concat([train_cands[["set", "text"]], val.loc[in_fold, ["set", "text"]]])
        p = out_of_fold_probabilities(data, to_score, lambda d: _fit_ngram(d, seed, clusters), folds)
        parts.append(train_cands.assign(probability=p[:len(train_cands)]))
        val.loc[in_fold, "probability"] = p[len(train_cands):]
        m["validation_oof_folds"] = {str(k): sorted(s for s, f in set_folds(train_cands["set"], folds).items()
                                                    if f == k) for k in range(folds)}
    if (~in_fold).any():
        val.loc[~in_fold, "probability"] = model.predict_proba(val.loc[~in_fold, "text"].tolist())[:, 1]
    if others:
        oc = labelled_candidates(others)
        parts.append(oc.assign(probability=model.predict_proba(oc["text"].tolist())[:, 1] if len(oc) else []))
    wire = claim_candidates(model, wire_rows(root, "calibrate"))
    cands = None
    if parts:
        allc = pd.concat(parts, ignore_index=True)
        allc = allc[~allc["countered"].astype(bool)]  # as claim_candidates: unattributed, uncountered
        cands = allc[["article", "probability", "gold"]].copy()
        cands.attrs["articles"] = sum(sum(p.attrs["articles"].values()) for p in parts)
    if cands is not None and len(cands) and cands["gold"].nunique() == 2:
        model.threshold = choose_claim_threshold(cands, wire)
        over = cands[cands["probability"] >= model.threshold]
        m["validation_added_claims"] = {"articles": cands.attrs["articles"], "correct": int(over["gold"].sum()),
                                        "wrong": int((~over["gold"].astype(bool)).sum()),
                                        "max_wrong_per_article": MAX_ADDED_FP,
                                        "what": "labelled training sets out of fold; other validation files "
                                                "(never trained on) by the final model"}
        m["validation_candidates"] = binary_metrics(cands["gold"].astype(int).to_numpy(),
                                                    cands["probability"].to_numpy(), threshold=model.threshold)
        m["validation_candidates_by_set_auc"] = {
            name: float(roc_auc_score(g["gold"].astype(int), g["probability"]))
            for name, g in allc.groupby("set") if g["gold"].nunique() == 2}
        if val["label"].nunique() == 2:
            m["validation"] = binary_metrics(val["label"].to_numpy(), val["probability"].to_numpy(),
                                             threshold=model.threshold)
        m["validation_what"] = ("validation: author-voice body sentences without a reporting verb; "
                                "validation_candidates: the unattributed, uncountered sentences the model reads "
                                "(rule claims excluded); both out of fold on the labelled training sets")
    else:  # no hand-labelled articles (e.g. an installed package without the repository's fixtures)
        log("claim model: WARNING no labelled validation articles found; threshold chosen on neutral "
            "wire copy alone (fewer wrong claims than the shipped model's choice is not guaranteed)")
        model.threshold = choose_claim_threshold(claim_candidates(model, []), wire)
        m["validation_missing"] = True
    m["calibration_wire_per_article"] = _wrong_per_article(wire, model.threshold)
    m["threshold"] = model.threshold
    test = claim_candidates(model, wire_rows(root, "test"))
    m["heldout_wire"] = {"articles": test.attrs["articles"],
                         "unattributed_per_article": _wrong_per_article(test, model.threshold),
                         "what": "unattributed, uncountered model claims per Reuters/AP/BBC article of the test split"}
    m["seconds"] = round(time.time() - t0, 1)
    log(f"claim model: validation (out of fold) AUC {m.get('validation', {}).get('roc_auc', float('nan')):.3f}, "
        f"F1 {m.get('validation', {}).get('f1', float('nan')):.3f} at {model.threshold:.2f}; held-out wire "
        f"{m['heldout_wire']['unattributed_per_article']:.3f} claims/article ({m['seconds']:.0f}s)")
    return model, m


ENCODED_CLAIM_C = 0.3  # chosen by 5-fold document-grouped AUC on the annotations (0.1/0.3/1/3: .757/.764/.761/.749)
# A model claim is listed when the calibrated probability says it is more likely a contested claim than
# not. The best out-of-fold F1 on the annotations is at a much lower threshold (0.22 in session 6), but
# there the model added 2.1 claims per neutral wire article (0.20 at 0.5, 0.07 at 0.6), and on held-out
# set 9 the rules plus the model scored F1 0.333 at 0.3, 0.308 at 0.5, 0.216 at 0.6 (the rules alone 0.216).
ENCODED_CLAIM_THRESHOLD = 0.5


def best_f1_threshold(y: np.ndarray, p: np.ndarray, lo: float = 0.05, hi: float = 0.95) -> float:
    """The probability threshold (step 0.01) with the best F1 of ``p`` against ``y``."""
    from sklearn.metrics import f1_score

    grid = np.round(np.arange(lo, hi + 1e-9, 0.01), 2)
    f1 = [f1_score(y, p >= t, zero_division=0) for t in grid]
    return float(grid[int(np.argmax(f1))])


def fit_encoded_claim_model(root, seed: int = 0, validation=None, log: Callable[[str], None] = print,
                            encoder=None, annotations: pd.DataFrame | None = None
                            ) -> tuple[EncodedClaimModel, dict[str, Any]]:
    """The embedding claim model, trained on the project's sentence annotations of real articles
    alone (the distant labels lowered its AUC on the held-out articles' sentences: 0.813 -> 0.796 in
    session 6), calibrated on document-grouped out-of-fold scores, listing a claim from
    ``ENCODED_CLAIM_THRESHOLD``. Figures: out-of-fold on the annotations, AUC on the author-voice
    sentences of the hand-labelled sets, claims added there, and claims per neutral wire article
    (test split)."""
    from sklearn.metrics import roc_auc_score

    from .encoder import CachedEncoder, default_encoder

    enc = CachedEncoder(encoder if encoder is not None else default_encoder())
    ann = D.load_claim_annotations(root) if annotations is None else annotations
    m: dict[str, Any] = {"annotations": {"sentences": len(ann), "positives": int(ann["label"].sum()),
                                         "dropped_unresolved": ann.attrs.get("dropped", 0),
                                         "by_corpus": {k: int(v) for k, v in ann["corpus"].value_counts().items()}}}
    model = EncodedClaimModel(C=ENCODED_CLAIM_C, random_state=seed, encoder=enc,
                              threshold=ENCODED_CLAIM_THRESHOLD).fit(
        ann["text"].tolist(), ann["label"].to_numpy(), groups=ann["doc_id"].to_numpy())
    oof = 1 / (1 + np.exp(-model.clf_.oof_decision_))
    m["annotations_oof"] = binary_metrics(ann["label"].to_numpy(), oof, threshold=model.threshold)
    m["annotations_oof_best_f1_threshold"] = best_f1_threshold(ann["label"].to_numpy(), oof)
    m["threshold"] = model.threshold
    m["encoder"] = model.encoder_name_
    if validation is None:
        validation = default_validation(root)
    val = labelled_claim_sentences(validation)
    if len(val) and val["label"].nunique() == 2:
        m["validation_all_author_sentences_auc"] = float(roc_auc_score(
            val["label"], model.predict_proba(val["text"].tolist())[:, 1]))
        cands = claim_candidates(model, D.load_labelled_articles(validation))
        over = cands[cands["probability"] >= model.threshold]
        m["validation_added_claims"] = {"articles": cands.attrs["articles"], "correct": int(over["gold"].sum()),
                                        "wrong": int((~over["gold"].astype(bool)).sum())}
    w = claim_candidates(model, wire_rows(root, "test"))
    m["wire_test"] = {"articles": w.attrs["articles"], "unattributed_per_article": _wrong_per_article(w, model.threshold),
                      "what": "unattributed, uncountered model claims per Reuters/AP/BBC article of the test split"}
    model.encoder = None  # the cache goes with the run; the installed encoder serves from here on
    log(f"embedding claim model: annotations OOF AUC {m['annotations_oof']['roc_auc']:.3f}, F1 "
        f"{m['annotations_oof']['f1']:.3f} at {model.threshold:.2f}; held-out sentences AUC "
        f"{m.get('validation_all_author_sentences_auc', float('nan')):.3f}; wire "
        f"{m['wire_test']['unattributed_per_article']:.3f} claims/article")
    return model, m
