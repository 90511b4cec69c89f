"""The `labeler` command. Parsing here, doing in the library.

Exit codes: 0 success (a batch run with some failed rows included); 1 unexpected internal
error; 2 bad command line; 3 unusable input (missing/empty/binary/oversized file, missing
column, unknown format or encoding); 4 model problem (unknown, untrusted or broken file).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from .errors import InputError, LabelerError, ModelError, RegistryError

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_INPUT, EXIT_MODEL = 0, 1, 2, 3, 4


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="labeler",
        description="Where a news article comes from (provenance, state-media origin) and how it frames its story.",
        epilog="Exit codes: 0 ok, 1 internal error, 2 bad arguments, 3 unusable input, 4 model problem.",
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    a = sub.add_parser("analyze", help="analyse one article and print the analysis (JSON, or --format text)")
    a.add_argument("path", help="a .txt or .html file, or - for standard input")
    a.add_argument("--url", help="the page's address (metadata only; nothing is downloaded without --fetch)")
    a.add_argument("--title", help="the article's headline")
    a.add_argument("--fetch", action="store_true", help="download --url and analyse that page (PATH is ignored; use -)")
    a.add_argument("--html", action="store_true", help="treat the input as HTML even without an .html suffix")
    a.add_argument("--encoding", help="text encoding of the file (default: UTF-8, else detected)")
    a.add_argument("--model", help="model directory or file (default: the shipped model; 'rules' for rule scores)")
    a.add_argument("--trust-model", action="store_true", help="accept a model file as it is, checksum and all types (only files you made)")
    a.add_argument("--trust-type", action="append", default=[], metavar="NAME",
                   help="accept one type a model file asks for, after inspecting it (repeatable)")
    a.add_argument("--claims", choices=("ngram", "embedding"),
                   help="which claim model reads sentences (default ngram; embedding: the sentence encoder)")
    a.add_argument("--registry", help="extra outlet registry CSV merged over the built-in one")
    a.add_argument("--compact", action="store_true", help="one-line JSON")
    a.add_argument("--format", choices=("json", "text"), default="json",
                   help="json (default: the complete analysis) or text (a short report to read)")

    r = sub.add_parser("registry", help="outlet registry tools")
    rsub = r.add_subparsers(dest="registry_command", required=True, metavar="ACTION")
    ri = rsub.add_parser("import", help="convert a public registry (SMM, MBFC, Wikipedia RSP) to labeler's CSV")
    ri.add_argument("path", help="the dataset's folder or file")
    ri.add_argument("--format", required=True, dest="fmt", choices=("smm", "mbfc", "perennial"),
                    help="smm (State Media Matrix), mbfc (Baly et al. MBFC), perennial (Wikipedia RSP)")
    ri.add_argument("-o", "--output", help="write the converted registry CSV here (default: print a summary)")
    rl = rsub.add_parser("lookup", help="look an outlet up by name, alias, domain or URL")
    rl.add_argument("query")
    rl.add_argument("--registry", help="extra registry CSV merged over the built-in one")

    s = sub.add_parser("score", help="score a CSV / JSONL / Parquet corpus (batch)")
    _add_batch_arguments(s)

    for name, helptext in (("train", "train a model from labelled data"), ("evaluate", "evaluate a model on labelled data")):
        t = sub.add_parser(name, help=helptext)
        _add_model_arguments(name, t)
    return p


def _add_batch_arguments(parser: argparse.ArgumentParser) -> None:
    try:
        from .batch import add_score_arguments
    except ImportError:
        parser.add_argument("args", nargs=argparse.REMAINDER)
        return
    add_score_arguments(parser)


def _add_model_arguments(name: str, parser: argparse.ArgumentParser) -> None:
    try:
        from .model import cli as model_cli
    except ImportError:
        parser.add_argument("args", nargs=argparse.REMAINDER)
        return
    getattr(model_cli, f"add_{name}_arguments")(parser)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "analyze":
            return _analyze(args)
        if args.command == "registry":
            return _registry(args)
        if args.command == "score":
            from .batch import run_score
            return run_score(args)
        if args.command in ("train", "evaluate"):
            from .model import cli as model_cli
            return getattr(model_cli, f"run_{args.command}")(args)
    except ModelError as e:
        print(f"labeler: model error: {e}", file=sys.stderr)
        return EXIT_MODEL
    except (InputError, RegistryError) as e:
        print(f"labeler: {e}", file=sys.stderr)
        return EXIT_INPUT
    except LabelerError as e:
        print(f"labeler: {e}", file=sys.stderr)
        return EXIT_INPUT
    except ImportError as e:
        print(f"labeler: {args.command} is not available in this installation ({e})", file=sys.stderr)
        return EXIT_INTERNAL
    except KeyboardInterrupt:
        print("labeler: interrupted", file=sys.stderr)
        return 130
    parser.error(f"unknown command {args.command!r}")
    return EXIT_USAGE


def _analyze(args: argparse.Namespace) -> int:
    from . import article as art
    from .api import analyze, load_model
    from .registry import default_registry, load_registry

    registry = default_registry().merged(load_registry(args.registry)) if args.registry else None
    html = text = None
    url = args.url
    if args.fetch:
        if not url:
            raise InputError("--fetch needs --url")
        html = art.fetch_url(url)
    else:
        content, is_html = art.read_document(args.path, encoding=args.encoding, as_html=True if args.html else None)
        if is_html:
            html = content
        else:
            text = art.check_text(content, where="standard input" if args.path == "-" else args.path)
    model = load_model(args.model, trusted=trust_of(args)) if args.model else None
    if getattr(args, "claims", None):
        from .api import with_claim_reader

        model = with_claim_reader(model if model is not None else load_model(), args.claims)
    analysis = analyze(text, url=url, title=args.title, html=html, model=model, registry=registry)
    if args.format == "text":
        from .summary import summary_text

        sys.stdout.write(summary_text(analysis))
        return EXIT_OK
    json.dump(analysis.to_dict(), sys.stdout, ensure_ascii=False, indent=None if args.compact else 2)
    sys.stdout.write("\n")
    return EXIT_OK


def trust_of(args: argparse.Namespace) -> bool | list[str]:
    """--trust-model accepts the whole file; --trust-type NAME accepts named types only."""
    if getattr(args, "trust_model", False):
        return True
    return list(getattr(args, "trust_type", None) or []) or False


def _registry(args: argparse.Namespace) -> int:
    from .registry import default_registry, load_registry

    if args.registry_command == "import":
        from .registry_import import import_registry, write_registry

        reg = import_registry(args.path, args.fmt)
        if args.output:
            write_registry(reg, args.output)
            print(f"wrote {len(reg.outlets)} outlets to {args.output}", file=sys.stderr)
        else:
            counts: dict[str, int] = {}
            for o in reg.outlets:
                counts[o.affiliation] = counts.get(o.affiliation, 0) + 1
            print(json.dumps({"outlets": len(reg.outlets), "by_affiliation": counts}, indent=2))
        return EXIT_OK
    if args.registry_command == "lookup":
        reg = default_registry().merged(load_registry(args.registry)) if args.registry else default_registry()
        o = reg.get(args.query) or reg.by_domain(args.query)
        if o is None:
            print(f"labeler: {args.query!r} is not in the registry", file=sys.stderr)
            return EXIT_INPUT
        from dataclasses import asdict
        print(json.dumps(asdict(o), indent=2, ensure_ascii=False))
        return EXIT_OK
    return EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
