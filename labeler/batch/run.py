"""``score_file``: check the inputs and options, then hand the plan to the local or Dask engine.

Everything that can make a run unusable (missing file, unknown format, no text column,
inputs with different columns) is found here, before any article is scored.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..errors import InputError
from .apply import AnalyzeFn, resolve_model
from .columns import resolve_columns
from .formats import Format, expand_inputs, format_of, parse_format
from .local import Plan, run_local
from .readers import Source, open_source
from .summary import BatchSummary

ENGINES = ("local", "dask")


def _is_dir_target(output: str) -> bool:
    return output.endswith(("/", os.sep)) or os.path.isdir(output)


def _stem(path: str, fmt: Format) -> str:
    name = Path(path).name
    for suffix in (fmt.suffix, ".gz", Path(name).suffix):
        if suffix and name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def _free_name(folder: str, stem: str, suffix: str, taken: set[str]) -> str:
    """``folder/stem+suffix``, or ``stem-2``, ``stem-3``... when an earlier input of this run
    has the same name (``a/x.csv`` and ``b/x.csv``): two inputs never write one output."""
    name, k = stem + suffix, 1
    while name in taken:
        k += 1
        name = f"{stem}-{k}{suffix}"
    taken.add(name)
    return os.path.join(folder, name)


def _same_columns(sources: list[Source]) -> pa.Schema:
    first = sources[0]
    for s in sources[1:]:
        if s.columns != first.columns:
            raise InputError(f"{s.path} has columns {', '.join(s.columns)} but {first.path} has "
                             f"{', '.join(first.columns)}; score them separately or into a folder (-o DIR/)")
        if s.fmt.kind == "parquet" and first.fmt.kind == "parquet" and not s.schema.equals(first.schema):
            raise InputError(f"{s.path} and {first.path} have the same columns with different types")
    if len({s.fmt.kind for s in sources}) > 1 and any(s.fmt.kind != "csv" for s in sources):
        # Types differ between formats: write every input column as text.
        return pa.schema([(c, pa.string()) for c in first.columns])
    return first.schema


def score_file(inputs: str | list[str], output: str, *, fmt: str | None = None, out_fmt: str | None = None,
               text_col: str | None = None, url_col: str | None = None, title_col: str | None = None,
               id_col: str | None = None, html_col: str | None = None, jobs: int = 1, engine: str = "local",
               scheduler: str | None = None, resume: bool = False, quiet: bool = False, chunk_rows: int = 1000,
               model: Any = None, model_path: str | None = None, encoding: str | None = None,
               analyze_fn: AnalyzeFn | None = None, partition_rows: int = 20_000) -> BatchSummary:
    """Score CSV/TSV/JSONL/Parquet files (optionally gzipped) into ``output``.

    ``inputs``: a path, glob or folder, or a list of them. ``output``: a file (format from its
    extension or ``out_fmt``), or a folder (ending in ``/`` or existing) for one output per
    input (local) or one part per partition (Dask). Every input record becomes one output row,
    in order; rows that fail carry their ``error``. Raises InputError for unusable input.
    ``partition_rows``: records per Dask partition of a CSV/JSONL file (Dask engine only).
    """
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}; engines are: {', '.join(ENGINES)}")
    if chunk_rows < 1:
        raise InputError(f"chunk_rows must be at least 1, not {chunk_rows}")
    if partition_rows < 1:
        raise InputError(f"partition_rows must be at least 1, not {partition_rows}")
    if jobs < 1:
        raise InputError(f"jobs must be at least 1, not {jobs}")
    files = expand_inputs(inputs)
    sources = [open_source(f, format_of(f, fmt), encoding=encoding) for f in files]
    given = dict(text_col=text_col, url_col=url_col, title_col=title_col, id_col=id_col, html_col=html_col)
    cols = [resolve_columns(s.columns, **given) for s in sources]
    dir_target = _is_dir_target(output)
    m = resolve_model(model, model_path)  # load (and check) once, here; shipped to workers as is

    if engine == "dask":
        from .dask_engine import run_dask

        if dir_target:
            ofmt = parse_format(out_fmt) if out_fmt else Format(sources[0].fmt.kind)
        else:
            ofmt = format_of(output, out_fmt)
        schema = _same_columns(sources)
        plan = Plan(sources, cols[0], output, ofmt, schema, chunk_rows)
        return run_dask(plan, output_dir=dir_target, scheduler=scheduler, jobs=jobs, resume=resume,
                        quiet=quiet, model=m, analyze_fn=analyze_fn, partition_rows=partition_rows)

    if not dir_target:
        schema = _same_columns(sources)
        plan = Plan(sources, cols[0], output, format_of(output, out_fmt), schema, chunk_rows)
        return run_local(plan, jobs=jobs, resume=resume, quiet=quiet, model=m, analyze_fn=analyze_fn,
                         encoding=encoding)

    os.makedirs(output, exist_ok=True)
    summaries = []
    taken: set[str] = set()
    for s, c in zip(sources, cols):
        ofmt = parse_format(out_fmt) if out_fmt else s.fmt
        target = _free_name(output, _stem(s.path, s.fmt), ofmt.suffix, taken)
        plan = Plan([s], c, target, ofmt, s.schema, chunk_rows)
        summaries.append(run_local(plan, jobs=jobs, resume=resume, quiet=quiet, model=m,
                                   analyze_fn=analyze_fn, encoding=encoding))
    return _combine(summaries, output)


def _combine(summaries: list[BatchSummary], output: str) -> BatchSummary:
    seconds = sum(s.seconds for s in summaries)
    rows = sum(s.rows for s in summaries)
    resumed = sum(s.resumed_rows for s in summaries)
    return BatchSummary(rows=rows, errors=sum(s.errors for s in summaries), seconds=seconds,
                        rate=(rows - resumed) / seconds if seconds > 0 else 0.0, output=output,
                        malformed_lines=[m for s in summaries for m in s.malformed_lines][:1000],
                        malformed=sum(s.malformed for s in summaries), resumed_rows=resumed,
                        engine=summaries[0].engine if summaries else "local")
