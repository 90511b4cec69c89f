"""The learned omitted_counterclaims head against the TF-IDF baseline and the rule score.

    python bench/counterclaims_eval.py [--data-root ../shared/data] [--label agree|positional]
                                       [--no-sentence-model] [--ablations] [--cs 0.1,1] [--json out.json]

Prints, on FNC-1 bodies with grouped (one rumour = one group) 5-fold out-of-fold predictions:
ROC AUC, F1, accuracy, ECE and Brier of every head option (feature blocks x C), of TF-IDF + LR
and of the rule score; which option grouped CV chose; the chosen head's AUC on the challenge
articles (never fitted on) next to the rule score's; and the strongest word/cue weights of the
head fitted on everything, so a reader can see whether it learned topics or assertion style.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from labeler.model.counterclaims import ABLATIONS, OPTIONS, fit_counterclaims_head


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-root", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    ap.add_argument("--label", default="agree", choices=["agree", "positional"])
    ap.add_argument("--no-sentence-model", action="store_true")
    ap.add_argument("--ablations", action="store_true",
                    help="also fit cues+sentences and cues+sentences+text (slow: the text block)")
    ap.add_argument("--cs", default=None, help="comma-separated C values (default: the module's CS)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", default=None, help="write the metrics here")
    args = ap.parse_args(argv)
    sm = None
    if not args.no_sentence_model:
        import labeler

        model = labeler.load_model()
        sm = getattr(model, "sentence_model", None)
    t0 = time.time()
    kw = {"options": ABLATIONS if args.ablations else OPTIONS}
    if args.cs:
        kw["cs"] = tuple(float(c) for c in args.cs.split(","))
    head, m = fit_counterclaims_head(args.data_root, seed=args.seed, sentence_model=sm, label=args.label, **kw)
    print(f"FNC-1 bodies: {m['n']} ({m['positives']} positive), {m['groups']} rumour groups, "
          f"{m['folds']} grouped folds; label={m['label']}; {time.time() - t0:.0f}s")
    row = "{:<40} {:>6} {:>6} {:>6} {:>6} {:>6}"
    print(row.format("grouped OOF", "AUC", "F1", "acc", "ECE", "Brier"))
    keys = ("roc_auc", "f1", "accuracy", "ece", "brier")
    fmt = lambda name, v: row.format(name, *(f"{v[k]:.3f}" for k in keys))  # noqa: E731
    for name, v in m["options"].items():
        print(fmt("head " + name, v))
    print(fmt("TF-IDF + LR", m["tfidf_lr_grouped_oof"]))
    print(fmt("rule score (uncalibrated)", m["rule_score"]))
    print("chosen:", m["chosen"])
    if m["challenge"]:
        for k, v in m["challenge"].items():
            if isinstance(v, dict):
                print(f"challenge {k} ({v['positives']}/{m['challenge']['n']}): head AUC {v['head_auc']:.3f}, "
                      f"rule AUC {v['rule_auc']:.3f}")
    coef = head.clf_.coef_.ravel()
    names = head.feature_names_
    named = np.argsort(-np.abs(coef[:len(names)]))[:15]
    print("strongest named features:", ", ".join(f"{names[j]} {coef[j]:+.2f}" for j in named))
    if args.json:
        Path(args.json).write_text(json.dumps(m, indent=2, default=float) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
