"""The local engine: stream chunks, score them on N worker processes, keep order, resume.

Finished chunks are part files in ``<output>.partial/`` with a ``manifest.json`` that records
the inputs and options; ``resume=True`` skips the chunks already there, so a killed run
finishes with the same output as an uninterrupted one. The output appears only at the end,
through a temporary file and a rename.
"""
from __future__ import annotations

import json
import multiprocessing as mp
import os
import shutil
import sys
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from ..errors import InputError
from .apply import AnalyzeFn, Item, Result, make_item, problem_result, score_items
from .columns import OUTPUT_COLUMNS
from .formats import Format
from .readers import Chunk, Source
from .summary import BatchSummary
from .writers import join_parts, part_bytes, write_atomic

MANIFEST = "manifest.json"
MANIFEST_VERSION = 1
MAX_MALFORMED_KEPT = 1000


@dataclass
class Plan:
    """One output file: its inputs (same columns), the chosen columns and the formats."""

    sources: list[Source]
    cols: dict[str, str | None]
    output: str
    out_fmt: Format
    schema: pa.Schema
    chunk_rows: int


def chunk_items(chunk: Chunk, cols: dict[str, str | None]) -> list[Item]:
    """The analyzer arguments of the readable rows of a chunk (rows with a problem are skipped)."""
    def get(row: dict, role: str) -> Any:
        name = cols.get(role)
        return row.get(name) if name is not None else None

    return [make_item(get(r, "text"), get(r, "url"), get(r, "title"), get(r, "html"))
            for r, p in zip(chunk.rows, chunk.problems) if p is None]


def merge_results(chunk: Chunk, scored: Sequence[Result]) -> list[Result]:
    """Scored rows and problem rows back in input order."""
    it = iter(scored)
    return [problem_result(p) if p is not None else next(it) for p in chunk.problems]


# ---------------------------------------------------------------- workers
_WORKER: dict[str, Any] = {}


def _init_worker(model: Any, analyze_fn: AnalyzeFn | None) -> None:
    _WORKER["model"] = model
    _WORKER["fn"] = analyze_fn


def _score_in_worker(items: list[Item]) -> list[Result]:
    return score_items(items, _WORKER["model"], _WORKER["fn"])


def _context() -> mp.context.BaseContext:
    # forkserver/spawn: workers never inherit the parent's threads (progress bar, Dask, tqdm).
    methods = mp.get_all_start_methods()
    return mp.get_context("forkserver" if "forkserver" in methods else "spawn")


class _Scorer:
    """Scores lists of items in this process (jobs=1) or on a pool, returning futures-like results."""

    def __init__(self, jobs: int, model: Any, analyze_fn: AnalyzeFn | None):
        self.jobs = max(1, int(jobs))
        self.model, self.fn = model, analyze_fn
        self.pool = (ProcessPoolExecutor(self.jobs, mp_context=_context(), initializer=_init_worker,
                                         initargs=(model, analyze_fn)) if self.jobs > 1 else None)

    def submit(self, items: list[Item]) -> list[Future] | list[Result]:
        if self.pool is None:
            return score_items(items, self.model, self.fn)
        n = max(1, -(-len(items) // (self.jobs * 4)))  # a few pieces per worker keeps them all busy
        return [self.pool.submit(_score_in_worker, items[i:i + n]) for i in range(0, len(items), n)]

    @staticmethod
    def collect(pending: list[Future] | list[Result]) -> list[Result]:
        if pending and isinstance(pending[0], Future):
            out: list[Result] = []
            for f in pending:
                out.extend(f.result())
            return out
        return list(pending)  # type: ignore[arg-type]

    def close(self, cancel: bool = False) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=cancel)


# ---------------------------------------------------------------- resume state
def model_identity(model: Any) -> dict[str, Any]:
    """Which model (and claim reader) scored a run: resuming with another would mix two in one output."""
    if model is None:
        return {"model": "default"}
    return {"model": str(getattr(model, "name", type(model).__name__)), "version": str(getattr(model, "version", "")),
            "claims": str(getattr(model, "claims", ""))}


def fingerprint(plan: Plan, encoding: str | None, model: Any = None) -> dict[str, Any]:
    """What must not change between a killed run and its resumption."""
    files = []
    for s in plan.sources:
        st = os.stat(s.path)
        files.append({"path": os.path.abspath(s.path), "bytes": st.st_size, "mtime_ns": st.st_mtime_ns,
                      "format": s.fmt.name})
    return {"version": MANIFEST_VERSION, "inputs": files, "output_format": plan.out_fmt.name,
            "columns": plan.cols, "chunk_rows": plan.chunk_rows, "encoding": encoding,
            # a newer labeler may write other result columns: chunks of both must not meet in one file
            "result_columns": list(OUTPUT_COLUMNS), **model_identity(model)}


def _load_state(partial: str, key: dict[str, Any], resume: bool, say: Callable[[str], None]) -> dict:
    fresh = {"fingerprint": key, "chunks": 0, "rows": 0, "errors": 0, "malformed": 0,
             "malformed_lines": []}
    path = os.path.join(partial, MANIFEST)
    if resume and os.path.isfile(path):
        with open(path, encoding="utf-8") as f:
            state = json.load(f)
        if state.get("fingerprint") != key:
            raise InputError(f"cannot resume from {partial}: the inputs or options differ from the killed run "
                             "(files changed, or other columns/format/--chunk-rows/model/--claims); run without --resume "
                             "to start again")
        say(f"resuming after {state['chunks']} finished chunks ({state['rows']:,} rows)")
        return state
    if os.path.isdir(partial):
        if not resume:
            say(f"discarding an unfinished earlier run in {partial} (use --resume to continue it)")
        shutil.rmtree(partial)
    elif resume:
        say(f"nothing to resume ({partial} not found); starting from the beginning")
    os.makedirs(partial)
    write_atomic(path, json.dumps(fresh, ensure_ascii=False).encode("utf-8"))
    return fresh


def _remove_stale_temporaries(output: str) -> None:
    """Temporary files a run killed while joining its parts left beside the output."""
    import glob

    d, name = os.path.split(os.path.abspath(output))
    for tmp in glob.glob(os.path.join(glob.escape(d), f".{glob.escape(name)}.*.tmp")):
        try:
            os.remove(tmp)
        except OSError:
            pass


def _part(partial: str, k: int, fmt: Format) -> str:
    return os.path.join(partial, f"part-{k:06d}{fmt.suffix}")


# ---------------------------------------------------------------- the run
def run_local(plan: Plan, *, jobs: int = 1, resume: bool = False, quiet: bool = False,
              model: Any = None, analyze_fn: AnalyzeFn | None = None, encoding: str | None = None,
              say: Callable[[str], None] | None = None) -> BatchSummary:
    """Score every input of ``plan`` into ``plan.output``; see the module docstring."""
    say = say or (lambda m: None if quiet else print(f"labeler: {m}", file=sys.stderr))
    t0 = time.perf_counter()
    partial = plan.output.rstrip("/\\") + ".partial"
    _remove_stale_temporaries(plan.output)
    state = _load_state(partial, fingerprint(plan, encoding, model), resume, say)
    skip = state["chunks"]
    resumed_rows = state["rows"]
    bar = _progress(plan, quiet)
    bar.update(resumed_rows)
    scorer = _Scorer(jobs, model, analyze_fn)
    pending: deque[tuple[int, Chunk, Any]] = deque()
    k = 0
    done_bytes = 0

    def finish(k_done: int, chunk: Chunk, handle: Any) -> None:
        results = merge_results(chunk, scorer.collect(handle))
        write_atomic(_part(partial, k_done, plan.out_fmt), part_bytes(plan.out_fmt, chunk.rows, src_schema, results))
        errors = sum(1 for flat, _ in results if flat["error"] is not None)
        bad = [f"{src_name}: {p}" for p in chunk.problems if p is not None]
        state.update(chunks=k_done + 1, rows=state["rows"] + len(results), errors=state["errors"] + errors,
                     malformed=state["malformed"] + len(bad),
                     malformed_lines=(state["malformed_lines"] + bad)[:MAX_MALFORMED_KEPT])
        write_atomic(os.path.join(partial, MANIFEST), json.dumps(state, ensure_ascii=False).encode("utf-8"))
        bar.update(len(results))
        _estimate_total(bar, plan, done_bytes + chunk.position)

    src_schema = plan.schema
    try:
        for src in plan.sources:
            src_name = os.path.basename(src.path)
            for chunk in src.chunks(plan.chunk_rows):
                if k < skip:
                    k += 1
                    continue
                pending.append((k, chunk, scorer.submit(chunk_items(chunk, plan.cols))))
                k += 1
                while len(pending) > (1 if scorer.pool else 0):  # workers score one chunk ahead
                    finish(*pending.popleft())
            while pending:
                finish(*pending.popleft())
            done_bytes += src.size
    except BaseException:
        scorer.close(cancel=True)
        bar.close()
        raise
    scorer.close()
    bar.close()
    if k < skip:
        raise InputError(f"cannot resume from {partial}: it holds {skip} chunks but the input has only {k}")
    join_parts(plan.out_fmt, [_part(partial, i, plan.out_fmt) for i in range(k)], plan.output, plan.schema)
    shutil.rmtree(partial, ignore_errors=True)
    seconds = time.perf_counter() - t0
    scored_now = state["rows"] - resumed_rows
    return BatchSummary(rows=state["rows"], errors=state["errors"], seconds=seconds,
                        rate=scored_now / seconds if seconds > 0 else 0.0, output=plan.output,
                        malformed_lines=state["malformed_lines"], malformed=state["malformed"],
                        resumed_rows=resumed_rows, engine=f"local, {max(1, jobs)} job{'s' if jobs > 1 else ''}")


def _progress(plan: Plan, quiet: bool):
    from tqdm.auto import tqdm

    exact = all(s.exact_rows for s in plan.sources)
    return tqdm(total=sum(s.size for s in plan.sources) if exact else None, unit=" rows", file=sys.stderr,
                disable=quiet or not sys.stderr.isatty(), dynamic_ncols=True, smoothing=0.1,
                desc=os.path.basename(plan.output))


def _estimate_total(bar: Any, plan: Plan, position: int) -> None:
    """For CSV/JSONL the row count is unknown: estimate it from bytes read so far (for the ETA)."""
    if bar.disable or all(s.exact_rows for s in plan.sources) or position <= 0:
        return
    total_bytes = sum(s.size for s in plan.sources)
    bar.total = max(bar.n, int(bar.n * total_bytes / position))
    bar.refresh()
