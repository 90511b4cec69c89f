"""Span-level precision/recall/F1 of author-voice loaded terms on the PTC v2 **dev** split.

Gold: Loaded_Language and Name_Calling,Labeling spans of ``dev-task-flc-tc.labels`` (TSV
``article_id technique start end``, end exclusive; articles ``dev-articles/article<ID>.txt``).
A hit is a true positive when it overlaps a gold span; recall is the share of gold spans that
some hit overlaps. The lexicon was derived from the train split only, so dev is held out.

    python bench/ptc_loaded_terms.py [--data-root ../shared/data] [--all-voices] [--json out.json]
    python bench/ptc_loaded_terms.py --wire [--lexicon path.csv]   # false-positive check

``--wire`` instead counts author-voice hits per 1,000 words on neutral wire copy (the Reuters,
Associated Press and BBC News full texts of the AllSides Article-Bias-Prediction set), listing the
most frequent terms: a lexicon change that raises this figure without raising PTC precision is
flagging plain news vocabulary. It also times ``find_loaded_terms`` over that corpus.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from labeler.cues.loaded_terms import find_loaded_terms, load_lexicon
from labeler.provenance.quotes import find_quotes

TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling")

def load_dev(root: Path) -> tuple[dict[str, str], dict[str, list[tuple[int, int, str]]]]:
    ptc = root / "ptc_semeval2020_task11"
    texts = {p.stem[len("article"):]: p.read_text(encoding="utf-8") for p in sorted((ptc / "dev-articles").glob("article*.txt"))}
    gold: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    with open(ptc / "dev-task-flc-tc.labels", encoding="utf-8") as f:
        for line in f:
            art, tech, s, e = line.rstrip("\n").split("\t")
            if tech in TECHNIQUES:
                gold[art].append((int(s), int(e), tech))
    return texts, gold


def evaluate(texts: dict[str, str], gold: dict[str, list[tuple[int, int, str]]], all_voices: bool = False) -> dict:
    tp = n_hits = covered = n_gold = 0
    by_cat: dict[str, Counter] = defaultdict(Counter)
    wrong: Counter = Counter()
    for art, text in texts.items():
        spans = gold.get(art, [])
        n_gold += len(spans)
        hits = [t for t in find_loaded_terms(text, find_quotes(text)) if all_voices or t.voice == "author"]
        n_hits += len(hits)
        hit_gold = set()
        for t in hits:
            over = [i for i, (s, e, _) in enumerate(spans) if s < t.end and t.start < e]
            by_cat[t.category]["hits"] += 1
            if over:
                tp += 1
                by_cat[t.category]["tp"] += 1
                hit_gold.update(over)
            else:
                wrong[t.term.lower()] += 1
        covered += len(hit_gold)
    p = tp / n_hits if n_hits else 0.0
    r = covered / n_gold if n_gold else 0.0
    return {
        "articles": len(texts),
        "gold_spans": n_gold,
        "hits": n_hits,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "by_category": {c: {"hits": v["hits"], "precision": round(v["tp"] / v["hits"], 3)} for c, v in sorted(by_cat.items())},
        "top_unmatched_terms": wrong.most_common(15),
    }


WIRE_OUTLETS = ("Reuters", "Associated Press", "BBC News")


def wire_hits(root: Path, lexicon_path: Path | None = None) -> dict:
    """Author-voice lexicon hits per 1,000 words on neutral wire copy, with the top terms and timing."""
    from labeler.datasets import load_allsides

    df = load_allsides(root, fulltext=True)
    texts = [t for t, o in zip(df["text"], df["outlet"]) if o in WIRE_OUTLETS and t.strip()]
    lex = load_lexicon(lexicon_path) if lexicon_path else load_lexicon()
    quotes = [find_quotes(t) for t in texts]
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    found = [find_loaded_terms(t, q, lexicon=lex) for t, q in zip(texts, quotes)]
    secs = time.perf_counter() - t0
    author = Counter(h.term.lower() for hits in found for h in hits if h.voice == "author")
    n = sum(author.values())
    return {
        "articles": len(texts),
        "words": words,
        "author_hits": n,
        "author_hits_per_1000_words": round(1000 * n / words, 3),
        "all_hits_per_1000_words": round(1000 * sum(len(h) for h in found) / words, 3),
        "find_loaded_terms_ms_per_article": round(1000 * secs / len(texts), 3),
        "top_author_terms": author.most_common(25),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-root", type=Path, default=Path("../shared/data"))
    ap.add_argument("--all-voices", action="store_true", help="count quoted hits too")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--wire", action="store_true", help="hits per 1,000 words on Reuters/AP/BBC wire copy instead")
    ap.add_argument("--lexicon", type=Path, help="lexicon CSV to use with --wire (default: the packaged one)")
    args = ap.parse_args(argv)
    if args.wire:
        figures = wire_hits(args.data_root, args.lexicon)
        print(json.dumps(figures, indent=1))
        if args.json:
            args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
        return 0
    if not (args.data_root / "ptc_semeval2020_task11" / "dev-task-flc-tc.labels").exists():
        print(f"no PTC dev labels under {args.data_root}/ptc_semeval2020_task11", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    texts, gold = load_dev(args.data_root)
    figures = evaluate(texts, gold, args.all_voices)
    figures["seconds"] = round(time.perf_counter() - t0, 2)
    print(json.dumps(figures, indent=1))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
