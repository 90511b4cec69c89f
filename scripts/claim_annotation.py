"""Sentence-level annotation of contested claims on real articles (build step, not run by users).

Why: the claim model learns "contested assertion in the author's voice" from distant labels
(EUvsDisinfo titles, PTC technique sentences against wire copy), and its figure on unseen
hand-labelled articles stayed low. This script draws plain author-voice sentences from the
training splits of the shared corpora for project annotators to label, then turns their labels
into ``data/claim_sentence_labels.csv``, which holds only references (corpus, document id,
character offsets, a hash of the sentence) and labels, never corpus text.

    python scripts/claim_annotation.py sample --data-root ../shared/data --out /tmp/claimlab
    python scripts/claim_annotation.py build --out /tmp/claimlab /tmp/claimlab2

``sample`` writes ``key.csv`` (references) and ``batch_NN.tsv`` files (id, title, previous
sentence, sentence, next sentence) for annotators; each batch's labels come back as
``labels_NN.csv`` (``id,label`` with label 1, 0 or ``?``). ``build`` joins them with the key.
"""
from __future__ import annotations

import argparse
import csv
from pathlib import Path

import pandas as pd

from labeler import datasets as D
from labeler.model.claim_recipes import _plain
from labeler.text import sentences

LABELS = Path(__file__).resolve().parents[1] / "data" / "claim_sentence_labels.csv"
PER_CORPUS = {"ptc": 600, "hyperpartisan": 600, "allsides": 600, "ruwa": 600}
BATCH = 200
OVERLAP = 100  # items shown to two annotators (batch 0 and batch 1 share them): agreement


def candidates(root) -> pd.DataFrame:
    rows = []
    for corpus, doc, outlet, title, text in D.claim_annotation_documents(root).itertuples(index=False):
        ss = sentences(text)
        for i, s in enumerate(ss):
            w = len(s.text.split())
            if not (6 <= w <= 60) or not _plain(s.text) or s.text.strip() == (title or "").strip():
                continue
            rows.append({"corpus": corpus, "doc_id": doc, "outlet": outlet, "start": s.start, "end": s.end,
                         "sha": D.annotation_hash(s.text), "title": title or "",
                         "prev": ss[i - 1].text if i else "", "sentence": s.text,
                         "next": ss[i + 1].text if i + 1 < len(ss) else ""})
    return pd.DataFrame(rows).drop_duplicates("sha").reset_index(drop=True)


def sample(root, out: Path, seed: int = 0, previous: list[Path] = (), scores: Path | None = None,
           start_id: int = 0) -> None:
    """Half at random, half from a claim model's top decile (enough positives and hard negatives
    to learn from); at most two sentences per document, none already in a ``previous`` round's
    key. ``scores``: a CSV of ``sha,p`` from another model (round 2 used the embedding model
    trained on round 1); else the shipped claim model scores."""
    cand = candidates(root)
    seen = pd.concat([pd.read_csv(k, dtype={"doc_id": str}) for k in previous]) if previous else None
    if seen is not None:
        cand = cand[~cand["sha"].isin(seen["sha"])]
    if scores is not None:
        cand = cand.merge(pd.read_csv(scores, dtype={"sha": str}), on="sha", how="inner")
    else:
        from labeler.model import load_model

        cand["p"] = load_model().claim_model.predict_proba(cand["sentence"].tolist())[:, 1]
    picked = []
    for corpus, n in PER_CORPUS.items():
        c = cand[cand["corpus"] == corpus]
        c = c.sample(frac=1.0, random_state=seed)
        c = c[c.groupby("doc_id").cumcount() < 2]
        top = c[c["p"] >= c["p"].quantile(0.9)]
        top = top.sample(min(len(top), n // 2), random_state=seed)
        rest = c.drop(top.index).sample(n - len(top), random_state=seed)
        print(f"{corpus}: {len(c)} candidates, {len(top)} from the top decile")
        picked += [top.assign(sampling="model top decile"), rest.assign(sampling="random")]
    items = pd.concat(picked).sample(frac=1.0, random_state=seed).reset_index(drop=True)
    items.insert(0, "id", [f"c{i:04d}" for i in range(start_id, start_id + len(items))])
    out.mkdir(parents=True, exist_ok=True)
    items[["id", "corpus", "doc_id", "outlet", "start", "end", "sha", "sampling", "p"]].to_csv(out / "key.csv", index=False)
    shown = items[["id", "title", "prev", "sentence", "next"]]
    shared = shown.iloc[:OVERLAP]
    rest = shown.iloc[OVERLAP:]
    k = 0
    for lo in range(0, len(rest), BATCH - OVERLAP // 2):
        part = rest.iloc[lo:lo + BATCH - OVERLAP // 2]
        if k < 2:  # the first two batches share the overlap items, in a different order
            part = pd.concat([shared.sample(frac=1.0, random_state=k), part])
        part.to_csv(out / f"batch_{k:02d}.tsv", sep="\t", index=False, quoting=csv.QUOTE_MINIMAL)
        k += 1
    print(f"{len(items)} items in {k} batches under {out}")


def build(rounds: list[Path]) -> None:
    """Join every round's labels with its key (ids are unique across rounds) into the data file."""
    key = pd.concat([pd.read_csv(out / "key.csv", dtype={"doc_id": str}) for out in rounds])
    labels = []
    for n, out in enumerate(rounds, 1):
        for f in sorted(out.glob("labels_*.csv")):
            lab = pd.read_csv(f, dtype=str).rename(columns=str.strip)
            lab["annotator"] = f"round-{n} " + f.stem.replace("labels_", "batch ")
            labels.append(lab[["id", "label", "annotator"]])
    lab = pd.concat(labels)
    lab["label"] = lab["label"].str.strip()
    lab = lab[lab["label"].isin(["0", "1"])]
    # agreement on items labelled twice; those items keep the label only where both agree
    twice = lab[lab.duplicated("id", keep=False)]
    if len(twice):
        from sklearn.metrics import cohen_kappa_score

        twice = twice.assign(round=twice["annotator"].str.split().str[0])
        for rnd, g in twice.groupby("round"):
            pv = g.pivot_table(index="id", columns="annotator", values="label", aggfunc="first").dropna()
            if pv.shape[1] == 2:
                a, b = pv.iloc[:, 0].astype(int), pv.iloc[:, 1].astype(int)
                print(f"{rnd}: agreement on {len(pv)} items: {float((a == b).mean()):.3f}, Cohen's kappa "
                      f"{cohen_kappa_score(a, b):.3f}")
        agreed = twice.groupby("id")["label"].nunique() == 1
        lab = pd.concat([lab[~lab["id"].isin(twice["id"])],
                         twice[twice["id"].isin(agreed[agreed].index)].drop_duplicates("id")])
    df = key.merge(lab, on="id")
    df["label"] = df["label"].astype(int)
    df["source"] = "labeler project annotators, session 6, " + df["annotator"].str.split().str[0] + \
        " (protocol: data/CLAIM_LABELS.md)"
    cols = ["corpus", "doc_id", "start", "end", "sha", "label", "sampling", "source"]
    df.sort_values(["corpus", "doc_id", "start"])[cols].to_csv(LABELS, index=False)
    print(f"{len(df)} labels ({int(df['label'].sum())} positive) -> {LABELS}")
    print(df.groupby(["corpus", "sampling"])["label"].agg(["count", "mean"]).round(3).to_string())


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("step", choices=["sample", "build"])
    ap.add_argument("--data-root", default="../shared/data")
    ap.add_argument("--out", type=Path, nargs="+", default=[Path("/tmp/claimlab")],
                    help="sample: the folder to write; build: every round's folder")
    ap.add_argument("--previous", type=Path, nargs="*", default=[], help="key.csv files of earlier rounds")
    ap.add_argument("--scores", type=Path, help="CSV of sha,p: the model that picks the top decile")
    ap.add_argument("--start-id", type=int, default=0)
    a = ap.parse_args(argv)
    if a.step == "sample":
        sample(a.data_root, a.out[0], previous=a.previous, scores=a.scores, start_id=a.start_id)
    else:
        build(a.out)


if __name__ == "__main__":
    main()
