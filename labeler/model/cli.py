"""``labeler train`` and ``labeler evaluate``: argument parsing apart from the work."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import ModelError


def add_train_arguments(p: argparse.ArgumentParser) -> None:
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--recipe", help="a named recipe over the public corpora (recipes: default)")
    src.add_argument("--data", help="your labelled table (CSV/TSV/JSONL/Parquet): text + 0/1 score columns")
    p.add_argument("--data-root", help="folder holding the corpora, for --recipe (e.g. ../shared/data)")
    p.add_argument("--text-col", default="text")
    p.add_argument("--labels", help="comma-separated label columns (default: every score column present)")
    p.add_argument("-o", "--output", required=True, help="model folder to write")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--validation", nargs="+", metavar="JSONL",
                   help="for --recipe: hand-labelled articles (challenge-set format) that choose the claim "
                        "model's threshold (default: <data-root>/../examples/challenge.jsonl and the "
                        "repository's seen held-out sets)")
    p.add_argument("--name", default="labeler-custom")
    p.add_argument("--version", default="1")


def add_evaluate_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", required=True, help="labelled table (CSV/TSV/JSONL/Parquet): text + 0/1 score columns")
    p.add_argument("--model", help="model folder or file (default: the shipped model)")
    p.add_argument("--trust-model", action="store_true", help="accept the model file as it is (only files you made)")
    p.add_argument("--trust-type", action="append", default=[], metavar="NAME",
                   help="accept one type the model file asks for, after inspecting it (repeatable)")
    p.add_argument("--text-col", default="text")
    p.add_argument("--json", help="also write the metrics (and predictions) as JSON here")


def run_train(args: argparse.Namespace) -> int:
    from .persist import save_model

    if args.recipe:
        from .card import build

        if not args.data_root:
            print("labeler: --recipe needs --data-root (the folder holding the corpora)", file=sys.stderr)
            return 2
        missing = [v for v in (args.validation or []) if not Path(v).is_file()]
        if missing:
            print(f"labeler: --validation file not found: {', '.join(missing)}", file=sys.stderr)
            return 2
        _model, metrics = build(args.recipe, args.data_root, args.output, seed=args.seed,
                                log=lambda m: print(m, file=sys.stderr), validation=args.validation)
        print(json.dumps({k: v for k, v in metrics.items() if not isinstance(v, dict)}, default=float))
        return 0
    from ..datasets import load_labelled_csv
    from .train import train

    labels = args.labels.split(",") if args.labels else None
    df = load_labelled_csv(args.data, text_col=args.text_col, label_cols=labels)
    model = train(df, seed=args.seed, name=args.name, version=args.version)
    folder = save_model(model, args.output)
    print(f"saved {model!r} to {folder}")
    return 0


def run_evaluate(args: argparse.Namespace) -> int:
    from ..datasets import load_labelled_csv
    from . import load_model
    from .train import evaluate

    from ..cli import trust_of
    model = load_model(args.model, trusted=trust_of(args)) if args.model else load_model(None)
    if model is None:
        raise ModelError("no default model is installed; pass --model PATH")
    df = load_labelled_csv(args.data, text_col=args.text_col)
    result = evaluate(model, df)
    for score in model.heads:
        if score in result:
            r = result[score]
            print(f"{score:<24} n={r['n']:<5} accuracy {r['accuracy']:.3f}  F1 {r['f1']:.3f}  "
                  f"ROC AUC {r['roc_auc']:.3f}  ECE {r['ece']:.3f}")
    for err in result["failed_rows"]:
        print(f"failed: {err}", file=sys.stderr)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=2, default=float)
    return 0
