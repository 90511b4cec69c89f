"""Quote attribution measured on PolNeAR (source–cue–content attributions in US political news).

    python bench/polnear_attribution.py [--data-root ../shared/data] [--split test]

One annotator file per article (the first by name). Spans are compared as character
ranges: *exact* needs identical boundaries (after trimming a leading "the" and edge
punctuation), *overlap* any shared character. Precision is the share of predicted spans
matching a gold span of the same role, recall the share of gold spans matched. Cues are
located by searching the reported cue text next to the speaker mention (Quote holds the
cue word, not its offsets). PolNeAR also marks attributions with no explicit source and
thoughts/beliefs; they stay in the gold set, so recall is a lower bound for our task.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from labeler.provenance.quotes import find_quotes


@dataclass
class Gold:
    source: list[tuple[int, int]]
    cue: list[tuple[int, int]]
    content: list[tuple[int, int]]


def read_ann(path: Path) -> Gold:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, ranges = parts[1].partition(" ")
            frags = []
            for r in ranges.split(";"):
                a, b = r.split()
                frags.append((int(a), int(b)))
            spans[parts[0]] = (kind, frags)
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(x.split(":", 1) for x in parts[1].split() if ":" in x))
    g = Gold([], [], [])
    for e in events:
        for role, bucket in (("Source", g.source), ("Cue", g.cue), ("Content", g.content)):
            tid = e.get(role)
            if tid in spans:
                frags = spans[tid][1]
                bucket.append((frags[0][0], frags[-1][1]))
    return g


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in "\"'“”‘’,.:;"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in "\"'“”‘’,.:;"):
        e -= 1
    if text[s:s + 4].lower() == "the ":
        s += 4
    return s, e


def _cue_span(text: str, cue: str, near: int) -> tuple[int, int] | None:
    lo = max(0, near - 300)
    best = None
    i = text.find(cue, lo, near + 300)
    while i >= 0:
        if best is None or abs(i - near) < abs(best - near):
            best = i
        i = text.find(cue, i + 1, near + 300)
    return (best, best + len(cue)) if best is not None else None


class PRF:
    def __init__(self) -> None:
        self.tp_p = self.n_p = self.tp_r = self.n_r = 0

    def add(self, text: str, pred: set[tuple[int, int]], gold: set[tuple[int, int]], exact: bool) -> None:
        norm_p = {_trim(text, *p) for p in pred}
        norm_g = {_trim(text, *g) for g in gold}
        if exact:
            hit_p = sum(p in norm_g for p in norm_p)
            hit_r = sum(g in norm_p for g in norm_g)
        else:
            def ov(a, b):
                return a[0] < b[1] and b[0] < a[1]
            hit_p = sum(any(ov(p, g) for g in norm_g) for p in norm_p)
            hit_r = sum(any(ov(g, p) for p in norm_p) for g in norm_g)
        self.tp_p += hit_p
        self.n_p += len(norm_p)
        self.tp_r += hit_r
        self.n_r += len(norm_g)

    def scores(self) -> tuple[float, float, float]:
        p = self.tp_p / self.n_p if self.n_p else 0.0
        r = self.tp_r / self.n_r if self.n_r else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def evaluate(split_dir: Path) -> dict[str, tuple[float, float, float]]:
    texts = sorted((split_dir / "text").glob("*.txt"))
    anns: dict[str, list[Path]] = defaultdict(list)
    for a in sorted((split_dir / "attributions").glob("*.ann")):
        anns[a.name.rsplit("_", 1)[0]].append(a)
    metrics = {k: PRF() for k in ("source exact", "source overlap", "cue exact", "cue overlap", "content overlap")}
    n_articles = 0
    for tp in texts:
        if tp.stem not in anns:
            continue
        text = tp.read_text(encoding="utf-8")
        gold = read_ann(anns[tp.stem][0])
        quotes = find_quotes(text)
        src = {(q.speaker_start, q.speaker_end) for q in quotes if q.speaker_start is not None}
        cues = {c for q in quotes for c in [_cue_span(text, q.cue, q.speaker_start if q.speaker_start is not None
                                                       else q.start)] if c}
        content = {(q.start, q.end) for q in quotes}
        metrics["source exact"].add(text, src, set(gold.source), True)
        metrics["source overlap"].add(text, src, set(gold.source), False)
        metrics["cue exact"].add(text, cues, set(gold.cue), True)
        metrics["cue overlap"].add(text, cues, set(gold.cue), False)
        metrics["content overlap"].add(text, content, set(gold.content), False)
        n_articles += 1
    out = {k: v.scores() for k, v in metrics.items()}
    out["articles"] = (n_articles, 0.0, 0.0)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-root", default=str(Path("..") / "shared" / "data"))
    ap.add_argument("--split", default="test", choices=["train", "dev", "test"])
    args = ap.parse_args(argv)
    split_dir = Path(args.data_root) / "polnear_attribution" / args.split
    if not split_dir.is_dir():
        print(f"PolNeAR split not found: {split_dir}", file=sys.stderr)
        return 2
    res = evaluate(split_dir)
    print(f"PolNeAR {args.split}: {int(res.pop('articles')[0])} articles")
    print(f"{'span':<18}{'P':>7}{'R':>7}{'F1':>7}")
    for k, (p, r, f) in res.items():
        print(f"{k:<18}{p:7.3f}{r:7.3f}{f:7.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
