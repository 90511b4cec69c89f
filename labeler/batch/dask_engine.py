"""The Dask engine: the same chunks, scoring and part files as the local engine, on a cluster.

Inputs become a Dask DataFrame (one partition per Parquet row group, and per run of
``partition_rows`` records of a CSV/JSONL file, cut at record starts found by the same
lossless reader, so a single big CSV is scored by every worker); the model is scattered to every worker once and each
partition is scored with the same fault-tolerant applier, then written by the worker as a
part file. Workers therefore need the inputs and the output folder on a shared filesystem.
The client joins the parts into one file (atomically), or moves them into an output folder.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import time
from collections.abc import Callable
from typing import Any

import pandas as pd
import pyarrow as pa

from ..errors import InputError
from .apply import AnalyzeFn, score_items
from .local import MANIFEST, Plan, chunk_items, fingerprint, merge_results
from .readers import Chunk, Source, Span
from .summary import BatchSummary
from .writers import header_bytes, join_parts, part_bytes, write_atomic

# Hidden columns of a partition: why a record could not be read, its line; the scored result.
PROBLEM, LINE, RESULT = "__labeler_problem__", "__labeler_line__", "__labeler_result__"


PARTITION_ROWS = 20_000


def partitions(sources: list[Source], partition_rows: int = PARTITION_ROWS
               ) -> list[tuple[int, int | None, Span | None]]:
    """(source index, Parquet row group, record span), in input order; None means the whole file.

    Gzipped and UTF-16/32 text files cannot be read from an offset: one partition each.
    """
    out: list[tuple[int, int | None, Span | None]] = []
    for i, s in enumerate(sources):
        if s.fmt.kind == "parquet":
            import pyarrow.parquet as pq

            n = pq.ParquetFile(s.path).metadata.num_row_groups
            out.extend((i, g, None) for g in range(n)) if n else out.append((i, None, None))
        elif s.splittable:
            spans = s.spans(partition_rows)
            out.extend((i, None, sp) for sp in spans) if spans else out.append((i, None, None))
        else:
            out.append((i, None, None))
    return out


def _frame(columns: list[str], rows: list[dict], problems: list, lines: list) -> pd.DataFrame:
    data = {c: pd.Series([r.get(c) for r in rows], dtype=object) for c in columns}
    data[PROBLEM] = pd.Series(problems, dtype=object)
    data[LINE] = pd.Series(lines, dtype=object)
    return pd.DataFrame(data, columns=list(columns) + [PROBLEM, LINE])


def read_partition(spec: tuple[Source, int | None, Span | None, int]) -> pd.DataFrame:
    """One partition as an object-typed frame (values kept exactly as the local reader gives them)."""
    src, group, span, chunk_rows = spec
    if group is not None:
        import pyarrow.parquet as pq

        f = pq.ParquetFile(src.path)
        before = sum(f.metadata.row_group(g).num_rows for g in range(group))
        rows = f.read_row_group(group).to_pylist()
        return _frame(src.columns, rows, [None] * len(rows), list(range(before + 1, before + len(rows) + 1)))
    rows, problems, lines = [], [], []
    for ch in src.chunks(chunk_rows, span):
        rows += ch.rows
        problems += ch.problems
        lines += ch.lines
    return _frame(src.columns, rows, problems, lines)


def score_partition(df: pd.DataFrame, cols: dict[str, str | None], columns: list[str], model: Any,
                    analyze_fn: AnalyzeFn | None) -> pd.DataFrame:
    """The partition with a ``__labeler_result__`` column of (flat, analysis) pairs."""
    rows = df[columns].to_dict("records") if len(df) else []
    chunk = Chunk(rows, df[PROBLEM].tolist(), df[LINE].tolist())
    results = merge_results(chunk, score_items(chunk_items(chunk, cols), model, analyze_fn))
    out = df.copy()
    out[RESULT] = pd.Series(results, index=df.index, dtype=object)
    return out


def write_partition(df: pd.DataFrame, columns: list[str], schema: pa.Schema, fmt, path: str,
                    with_header: bool, name: str) -> dict[str, Any]:
    rows = df[columns].to_dict("records") if len(df) else []
    results = df[RESULT].tolist()
    data = part_bytes(fmt, rows, schema, results)
    if with_header and fmt.kind in ("csv", "tsv"):
        data = header_bytes(fmt, columns) + data
    write_atomic(path, data)
    bad = [f"{name}: {p}" for p in df[PROBLEM].tolist() if p is not None]
    stats = {"rows": len(df), "errors": sum(1 for flat, _ in results if flat["error"] is not None),
             "malformed": len(bad), "malformed_lines": bad[:1000]}
    write_atomic(path + ".json", json.dumps(stats).encode("utf-8"))
    return stats


def run_dask(plan: Plan, *, output_dir: bool = False, scheduler: str | None = None, jobs: int = 1,
             resume: bool = False, quiet: bool = False, model: Any = None,
             analyze_fn: AnalyzeFn | None = None, say: Callable[[str], None] | None = None,
             partition_rows: int = PARTITION_ROWS) -> BatchSummary:
    import dask
    import dask.dataframe as dd
    from distributed import Client, LocalCluster, as_completed

    say = say or (lambda m: None if quiet else print(f"labeler: {m}", file=sys.stderr))
    t0 = time.perf_counter()
    target = plan.output.rstrip("/\\")
    partial = target + ".partial"
    key = dict(fingerprint(plan, None, model), engine="dask", partition_rows=partition_rows)
    manifest = os.path.join(partial, MANIFEST)
    if resume and os.path.isfile(manifest):
        with open(manifest, encoding="utf-8") as f:
            if json.load(f) != key:
                raise InputError(f"cannot resume from {partial}: the inputs or options differ from the killed "
                                 "run; run without --resume to start again")
    elif os.path.isdir(partial):
        shutil.rmtree(partial)
    os.makedirs(partial, exist_ok=True)
    write_atomic(manifest, json.dumps(key).encode("utf-8"))
    specs = partitions(plan.sources, partition_rows)
    columns = plan.sources[0].columns
    names = [os.path.basename(plan.sources[i].path) for i, _g, _s in specs]
    paths = [os.path.join(partial, f"part-{k:06d}{plan.out_fmt.suffix}") for k in range(len(specs))]
    todo = [k for k, p in enumerate(paths) if not (resume and os.path.isfile(p) and os.path.isfile(p + ".json"))]
    if resume and len(todo) < len(specs):
        say(f"resuming: {len(specs) - len(todo)} of {len(specs)} partitions already written")

    cluster = None
    client = Client(scheduler) if scheduler else None
    if client is None:
        cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        with dask.config.set({"dataframe.convert-string": False}):
            meta = _frame(columns, [], [], [])
            ddf = dd.from_map(read_partition, [(plan.sources[i], g, sp, plan.chunk_rows) for i, g, sp in specs],
                              meta=meta, enforce_metadata=False)
            model_ref = client.scatter([model], broadcast=True)[0]  # shipped to each worker once
            scored = ddf.map_partitions(score_partition, plan.cols, columns, model_ref, analyze_fn,
                                        meta=meta.assign(**{RESULT: pd.Series([], dtype=object)}))
            parts = scored.to_delayed()
            writes = [dask.delayed(write_partition)(parts[k], columns, plan.schema, plan.out_fmt, paths[k],
                                                    output_dir, names[k]) for k in todo]
            futures = client.compute(writes)
            bar = _bar(plan, quiet)
            for fut in as_completed(futures):
                bar.update(fut.result()["rows"])
            bar.close()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    stats = []
    for p in paths:
        with open(p + ".json", encoding="utf-8") as f:
            stats.append(json.load(f))
    if output_dir:
        os.makedirs(target, exist_ok=True)
        for old in os.listdir(target):
            if old.startswith("part-"):
                os.remove(os.path.join(target, old))
        for k, p in enumerate(paths):
            os.replace(p, os.path.join(target, os.path.basename(p)))
    else:
        join_parts(plan.out_fmt, paths, target, plan.schema)
    shutil.rmtree(partial, ignore_errors=True)
    seconds = time.perf_counter() - t0
    rows = sum(s["rows"] for s in stats)
    done_now = sum(stats[k]["rows"] for k in todo)
    malformed_lines = [m for s in stats for m in s["malformed_lines"]][:1000]
    return BatchSummary(rows=rows, errors=sum(s["errors"] for s in stats), seconds=seconds,
                        rate=done_now / seconds if seconds > 0 else 0.0, output=target,
                        malformed_lines=malformed_lines, malformed=sum(s["malformed"] for s in stats),
                        resumed_rows=rows - done_now, engine="dask")


def _bar(plan: Plan, quiet: bool):
    from tqdm.auto import tqdm

    exact = all(s.exact_rows for s in plan.sources)
    return tqdm(total=sum(s.size for s in plan.sources) if exact else None, unit=" rows", file=sys.stderr,
                disable=quiet or not sys.stderr.isatty(), desc=os.path.basename(plan.output))
