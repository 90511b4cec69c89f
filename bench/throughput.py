"""Batch throughput and memory: articles per second and peak RSS of ``labeler score``.

Corpus: real article texts (PTC v2 train/dev/test articles, the SemEval-2019 hyperpartisan
by-article set and the Article-Bias-Prediction full texts, ~5,000 distinct articles read from
../shared, never copied), repeated to ``--rows`` rows (default 20,000) and written to a
temporary CSV. Repetition flatters the model's word caches a little (every word has been
seen after the first pass); the floors below are measured on distinct articles. Measured in one run:

* the full analysis through ``score_file`` (CSV in, CSV out) with 1 and 2 worker processes;
* the same with 2 workers on a tenth of the rows: peak memory should not grow with the input;
* the floors, in one process with no I/O: the bare featuriser (the rule detectors that produce
  every cue, ``labeler.pipeline.run_detectors``), the model's own featuriser when the loaded
  model exposes one (``featurize``/``transform``), and ``labeler.analyze`` in a plain loop.

Peak memory is the largest sum of RSS over the scoring process and its workers, sampled every
50 ms with psutil. Nothing here is asserted; the figures are printed (and written with --json).

    python bench/throughput.py [--data-root ../shared/data] [--rows 20000] [--jobs 1 2] [--json out.json]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def real_texts(data_root: Path) -> pd.DataFrame:
    """PTC and hyperpartisan article texts (title, url where known)."""
    rows = []
    ptc = data_root / "ptc_semeval2020_task11"
    for split in ("train-articles", "dev-articles", "test-articles"):
        for p in sorted((ptc / split).glob("*.txt")):
            rows.append({"id": f"ptc-{p.stem}", "title": "", "url": "", "text": p.read_text(encoding="utf-8")})
    from labeler.datasets import load_hyperpartisan

    for split in ("train", "test"):
        hp = load_hyperpartisan(data_root, split)
        for r in hp.itertuples():
            rows.append({"id": f"hp-{r.article_id}", "title": r.title, "url": r.url, "text": r.text})
    from labeler.datasets import load_allsides

    for r in load_allsides(data_root, fulltext=True).itertuples():
        rows.append({"id": f"as-{r.article_id}", "title": r.title, "url": r.url, "text": r.text})
    df = pd.DataFrame(rows)
    return df[df["text"].str.strip() != ""].reset_index(drop=True)


def repeated(df: pd.DataFrame, n: int) -> pd.DataFrame:
    reps = -(-n // len(df))
    out = pd.concat([df] * reps, ignore_index=True).iloc[:n].copy()
    out["id"] = [f"{i:07d}-{x}" for i, x in enumerate(out["id"])]
    return out


def run_scoring(src: Path, out: Path, jobs: int, chunk_rows: int) -> dict:
    """``score_file`` in a fresh process; wall time and peak RSS of the process tree."""
    import psutil

    code = ("import sys, json; from labeler.batch import score_file; "
            "s = score_file(sys.argv[1], sys.argv[2], jobs=int(sys.argv[3]), chunk_rows=int(sys.argv[4]), quiet=True); "
            "print(json.dumps({'rows': s.rows, 'errors': s.errors, 'seconds': s.seconds, 'rate': s.rate}))")
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, str(src), str(out), str(jobs), str(chunk_rows)],
                            stdout=subprocess.PIPE, text=True)
    ps = psutil.Process(proc.pid)
    peak_total = peak_single = 0
    while proc.poll() is None:
        try:
            procs = [ps] + ps.children(recursive=True)
            rss = [p.memory_info().rss for p in procs]
            peak_total, peak_single = max(peak_total, sum(rss)), max(peak_single, max(rss))
        except psutil.Error:
            pass
        time.sleep(0.05)
    stdout = proc.stdout.read() if proc.stdout else ""
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"scoring failed with exit code {proc.returncode}")
    res = json.loads(stdout.strip().splitlines()[-1])
    res.update(jobs=jobs, wall_seconds=round(wall, 2), articles_per_second=round(res["rows"] / wall, 1),
               peak_rss_mb=round(peak_total / 2**20, 1), peak_rss_largest_process_mb=round(peak_single / 2**20, 1),
               output_mb=round(out.stat().st_size / 2**20, 1))
    res["seconds"] = round(res["seconds"], 2)
    res["rate"] = round(res["rate"], 1)
    return res


def floors(texts: list[str], urls: list[str]) -> dict:
    """Per-article costs in one process with no I/O (warm: each function runs once first)."""
    import labeler
    from labeler.pipeline import run_detectors

    model = labeler.load_model()
    out: dict[str, dict] = {}

    def timed(name: str, fn) -> None:
        fn(texts[0], urls[0])
        t0 = time.perf_counter()
        for t, u in zip(texts, urls):
            try:
                fn(t, u)
            except labeler.InputError:
                pass
        s = time.perf_counter() - t0
        out[name] = {"articles": len(texts), "seconds": round(s, 2), "articles_per_second": round(len(texts) / s, 1)}

    timed("bare_featuriser (run_detectors)", lambda t, u: run_detectors(t, url=u or None))
    feat = getattr(model, "featurize", None) or getattr(model, "transform", None)
    if callable(feat):
        timed(f"model featuriser ({type(model).__name__}.{feat.__name__})", lambda t, u: feat([t]))
    items = [(t, u or None, None, None) for t, u in zip(texts, urls)]
    labeler.analyze_many(items[:1], model=model)  # caches start cold: only the model load is excluded
    t0 = time.perf_counter()
    for i in range(0, len(items), 250):
        labeler.analyze_many(items[i:i + 250], model=model)
    s = time.perf_counter() - t0
    out["labeler.analyze_many (batches of 250, no I/O)"] = {
        "articles": len(items), "seconds": round(s, 2), "articles_per_second": round(len(items) / s, 1)}
    timed("labeler.analyze (loop, no I/O)", lambda t, u: labeler.analyze(t, url=u or None, model=model))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-root", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--rows", type=int, default=20_000)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--chunk-rows", type=int, default=1000)
    ap.add_argument("--floor-articles", type=int, default=2000, help="articles timed for each floor")
    ap.add_argument("--json", type=Path, help="write the figures here")
    args = ap.parse_args(argv)

    base = real_texts(args.data_root)
    corpus = repeated(base, args.rows)
    mean_chars = float(corpus["text"].str.len().mean())
    report: dict = {"corpus": {"distinct_articles": len(base), "rows": len(corpus),
                               "mean_chars": round(mean_chars), "median_chars": int(corpus["text"].str.len().median()),
                               "cpus": os.cpu_count()}}
    print(json.dumps(report["corpus"]), flush=True)
    with tempfile.TemporaryDirectory(prefix="labeler-bench-") as d:
        big, small = Path(d) / "big.csv", Path(d) / "small.csv"
        corpus.to_csv(big, index=False)
        corpus.iloc[: len(corpus) // 10].to_csv(small, index=False)
        sub = base.sample(n=min(args.floor_articles, len(base)), random_state=0)
        report["floors"] = floors(sub["text"].tolist(), sub["url"].tolist())
        print(json.dumps(report["floors"]), flush=True)
        runs = []
        for jobs in args.jobs:
            r = run_scoring(big, Path(d) / f"out-{jobs}.csv", jobs, args.chunk_rows)
            runs.append(r)
            print(json.dumps(r), flush=True)
        jobs = max(args.jobs)
        r = run_scoring(small, Path(d) / "out-small.csv", jobs, args.chunk_rows)
        r["note"] = "a tenth of the rows: peak memory should match the full run"
        runs.append(r)
        print(json.dumps(r), flush=True)
        report["runs"] = runs
    bare = report["floors"]["bare_featuriser (run_detectors)"]["articles_per_second"]
    best = max(r["articles_per_second"] for r in runs[:-1])
    report["summary"] = {
        "best_articles_per_second": best,
        "bare_featuriser_articles_per_second_1_core": bare,
        "slowdown_vs_bare_featuriser_per_core": round(bare / (best / max(args.jobs)), 2),
        "peak_rss_mb_full_vs_tenth": [runs[-2]["peak_rss_mb"], runs[-1]["peak_rss_mb"]],
    }
    print(json.dumps(report["summary"], indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
