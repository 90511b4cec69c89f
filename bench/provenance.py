"""Provenance quality and speed on the challenge set: origin/affiliation accuracy, wrong ids, articles/s.

    python bench/provenance.py [--examples ../shared/examples] [--repeat 5]
"""
from __future__ import annotations

import argparse
import json
import time
import tracemalloc
from pathlib import Path

import labeler
from labeler.registry import default_registry


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--examples", default=str(Path(__file__).resolve().parents[2] / "shared" / "examples"))
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    rows = [json.loads(l) for l in open(Path(args.examples) / "challenge.jsonl", encoding="utf-8")]
    default_registry()
    labeler.analyze("Warm-up sentence, the ministry said.", model="rules")
    ok_outlet = ok_aff = 0
    wrong = []
    for r in rows:
        a = labeler.analyze(r["text"], url=r["url"], title=r["title"], model="rules")
        lab = r["labels"]
        outlet = a.origin.outlet if a.origin else None
        aff = a.origin.affiliation if a.origin else "unknown"
        ok_outlet += outlet == lab["origin_outlet"]
        ok_aff += aff == lab["state_affiliation"]
        if outlet != lab["origin_outlet"] or aff != lab["state_affiliation"]:
            wrong.append((r["id"], outlet, aff, lab["origin_outlet"], lab["state_affiliation"]))
    n = len(rows)
    print(f"articles: {n}")
    print(f"origin outlet accuracy: {ok_outlet / n:.3f}")
    print(f"affiliation accuracy:   {ok_aff / n:.3f}")
    for w in wrong:
        print("  wrong:", *w)
    tracemalloc.start()
    t0 = time.perf_counter()
    chars = 0
    for _ in range(args.repeat):
        for r in rows:
            labeler.analyze(r["text"], url=r["url"], model="rules")
            chars += len(r["text"])
    dt = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    k = n * args.repeat
    print(f"speed (rules, 1 process): {k / dt:.1f} articles/s, {chars / dt / 1e6:.2f} M chars/s, "
          f"mean {chars / k:.0f} chars/article; traced peak {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
