"""``labeler score``: the arguments and the thin call into ``score_file``."""
from __future__ import annotations

import argparse
import sys

EXIT_OK = 0


def add_score_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="CSV/TSV/JSONL/Parquet files (.gz allowed), globs ('corpus/*.parquet') or folders")
    parser.add_argument("-o", "--output", required=True,
                        help="output file (format from its extension) or folder ending in /")
    parser.add_argument("--format", dest="fmt", help="input format when the extension does not say: "
                        "csv, csv.gz, tsv, jsonl, jsonl.gz, parquet")
    parser.add_argument("--output-format", dest="out_fmt", help="output format (default: from -o's extension)")
    for role, what in (("text", "article text"), ("url", "article URL"), ("title", "headline"),
                       ("id", "row identifier"), ("html", "page HTML")):
        parser.add_argument(f"--{role}-col", dest=f"{role}_col", metavar="NAME",
                            help=f"column with the {what} (default: detected from common names)")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (local) or workers "
                        "of the local Dask cluster (default 1)")
    parser.add_argument("--engine", choices=("local", "dask"), default="local")
    parser.add_argument("--scheduler", help="Dask scheduler address, e.g. tcp://HOST:8786 "
                        "(default: start a local cluster)")
    parser.add_argument("--resume", action="store_true",
                        help="continue a killed run from its last finished chunk")
    parser.add_argument("--chunk-rows", type=int, default=1000, help="rows per chunk (default 1000)")
    parser.add_argument("--partition-rows", type=int, default=20_000,
                        help="Dask engine: records per partition of a CSV/JSONL file (default 20000)")
    parser.add_argument("--encoding", help="input text encoding (default UTF-8; e.g. latin-1, cp1252)")
    parser.add_argument("--model", help="model directory or file (default: the shipped model; 'rules' for rule scores)")
    parser.add_argument("--trust-model", action="store_true",
                        help="accept a model file as it is, checksum and all types (only files you made)")
    parser.add_argument("--trust-type", action="append", default=[], metavar="NAME",
                        help="accept one type a model file asks for, after inspecting it (repeatable)")
    parser.add_argument("--claims", choices=("ngram", "embedding"),
                        help="which claim model reads sentences (default ngram; embedding: the sentence "
                             "encoder, about 6x slower, see README)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")


def run_score(args: argparse.Namespace) -> int:
    """Run ``labeler score``; the summary goes to stderr. 0 when the run completed (row errors included).

    Unusable input or model raise ``InputError``/``ModelError``; ``labeler.cli.main`` turns
    them into the message and exit code every command shares (3 input, 4 model).
    """
    from .run import score_file

    model = None
    if getattr(args, "model", None):
        from ..api import load_model
        from ..cli import trust_of

        model = load_model(args.model, trusted=trust_of(args))
    if getattr(args, "claims", None):
        from ..api import load_model, with_claim_reader

        model = with_claim_reader(model if model is not None else load_model(), args.claims)
    summary = score_file(args.inputs, args.output, fmt=args.fmt, out_fmt=args.out_fmt, text_col=args.text_col,
                         url_col=args.url_col, title_col=args.title_col, id_col=args.id_col,
                         html_col=args.html_col, jobs=args.jobs, engine=args.engine, scheduler=args.scheduler,
                         resume=args.resume, quiet=args.quiet, chunk_rows=args.chunk_rows, model=model,
                         encoding=args.encoding, partition_rows=args.partition_rows)
    if not args.quiet:
        print(f"labeler: {summary.describe()}", file=sys.stderr)
        for line in summary.malformed_lines[:20]:
            print(f"labeler: malformed: {line}", file=sys.stderr)
        if summary.malformed > 20:
            print(f"labeler: ... and {summary.malformed - 20} more malformed lines", file=sys.stderr)
    return EXIT_OK
