"""Derive loaded-term candidates from the shared datasets; data/loaded_terms.csv is its reviewed output.

Three kinds of evidence, each counted per word (lower-cased token) and per two-word phrase:

* PTC v2 **train** split (never dev, which the bench uses): how often a token lies inside a
  Loaded_Language or Name_Calling,Labeling gold span (``ptc_in``), how often it occurs at all
  (``ptc_all``), and the ratio. A high ratio means annotators mark the word as loaded wherever it
  appears, which is what a context-free lexicon needs.
* BABE/MBIC expert and crowd ``biased_words`` lists: how often the word was marked (``babe``).
* Recasens et al. (2013) NPOV bias lexicon: membership (``recasens``), as a tie-breaker only (it is
  mostly neutral Wikipedia vocabulary such as "accept" or "account").

Usage::

    python scripts/build_loaded_terms.py --data-root ../shared/data > candidates.tsv
    python scripts/build_loaded_terms.py --data-root ../shared/data --check data/loaded_terms.csv
    python scripts/build_loaded_terms.py --data-root ../shared/data --train-precision data/loaded_terms.csv
    python scripts/build_loaded_terms.py --data-root ../shared/data --refresh-sources data/loaded_terms.csv

The first prints candidates sorted by evidence. A person then keeps the ones that are loaded in
news context (not generic sentiment: "huge", "violence", "no" are dropped) and writes them to the
CSV with a ``source`` naming the count, e.g. "PTC v2 train Loaded_Language spans (n=6)". ``--check``
recomputes the counts for the curated rows so a reviewer can see that each cited count holds.
"""
from __future__ import annotations

import argparse
import ast
import csv
import re
import sys
from collections import Counter
from pathlib import Path

TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling")
TOKEN = re.compile(r"[a-z]+(?:[-'’][a-z]+)*")
# Function words and reporting vocabulary that turn up inside long gold spans without being loaded.
STOP = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being it its
    this that these those he she they we you i his her their our your my me him them us not no so
    very all any some more most than then there here who whom which what when where why how do does
    did have has had will would can could should may might must just also only about into over
    after before said says say one two out up down like""".split()
)


def tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text.lower())]


def ptc_counts(root: Path) -> tuple[Counter, Counter, Counter]:
    """(in-span counts, all counts, per-technique in-span counts keyed (tech, term)) on PTC train."""
    ptc = root / "ptc_semeval2020_task11"
    spans: dict[str, list[tuple[int, int, str]]] = {}
    with open(ptc / "train-task-flc-tc.labels", encoding="utf-8") as f:
        for line in f:
            art, tech, s, e = line.rstrip("\n").split("\t")
            if tech in TECHNIQUES:
                spans.setdefault(art, []).append((int(s), int(e), tech))
    inside, total, by_tech = Counter(), Counter(), Counter()
    for path in sorted((ptc / "train-articles").glob("article*.txt")):
        art = path.stem[len("article"):]
        text = path.read_text(encoding="utf-8")
        toks = tokens(text)
        art_spans = spans.get(art, [])
        grams = [(s, e, w) for s, e, w in toks] + [
            (a[0], b[1], a[2] + " " + b[2]) for a, b in zip(toks, toks[1:]) if text[a[1]:b[0]].strip() == ""
        ]
        for s, e, w in grams:
            total[w] += 1
            techs = {t for gs, ge, t in art_spans if gs <= s and e <= ge}
            if techs:
                inside[w] += 1
                for t in techs:
                    by_tech[(t, w)] += 1
    return inside, total, by_tech


def babe_counts(root: Path) -> Counter:
    """How often each word was marked as a biased word in BABE SG1/SG2 and MBIC."""
    out: Counter = Counter()
    babe = root / "babe_mbic"
    for name, delim in (("final_labels_SG1.csv", ";"), ("final_labels_SG2.csv", ";"), ("final_labels_MBIC.csv", ",")):
        path = babe / name
        if not path.exists():
            continue
        with open(path, encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f, delimiter=delim):
                try:
                    words = ast.literal_eval(row.get("biased_words") or "[]")
                except (ValueError, SyntaxError):
                    continue
                for w in words:
                    out[str(w).strip().lower()] += 1
    return out


def recasens_lemmas(root: Path) -> set[str]:
    path = root / "bias_lexicons_recasens2013" / "recasens_acl2013" / "bias-lexicon" / "bias-lexicon_og.txt"
    if not path.exists():
        return set()
    return {w.strip().lower() for w in path.read_text(encoding="utf-8").split() if w.strip()}


def candidates(root: Path, min_in: int = 2, min_ratio: float = 0.3, min_babe: int = 3):
    inside, total, by_tech = ptc_counts(root)
    babe = babe_counts(root)
    rec = recasens_lemmas(root)
    rows = []
    for w in set(inside) | set(babe):
        if all(p in STOP for p in w.split()):
            continue
        n_in, n_all = inside.get(w, 0), total.get(w, 0)
        ratio = n_in / n_all if n_all else 0.0
        ptc_ok = n_in >= min_in and ratio >= min_ratio
        babe_ok = babe.get(w, 0) >= min_babe
        if not (ptc_ok or babe_ok):
            continue
        rows.append(
            {
                "term": w,
                "ptc_in": n_in,
                "ptc_all": n_all,
                "ptc_ratio": round(ratio, 2),
                "ptc_loaded": by_tech.get(("Loaded_Language", w), 0),
                "ptc_name_calling": by_tech.get(("Name_Calling,Labeling", w), 0),
                "babe": babe.get(w, 0),
                "recasens": int(w in rec),
            }
        )
    rows.sort(key=lambda r: (-(r["ptc_in"] * r["ptc_ratio"] + r["babe"] / 2), r["term"]))
    return rows


def evidence(term: str, inflect: str, by_tech: Counter, babe: Counter, rec: set[str]) -> tuple[int, int, int, bool]:
    """(PTC Loaded_Language, PTC Name_Calling, BABE marks, in Recasens) summed over a row's forms."""
    from labeler.cues.loaded_terms import inflections

    forms = inflections(term.lower(), inflect)
    return (
        sum(by_tech.get(("Loaded_Language", f), 0) for f in forms),
        sum(by_tech.get(("Name_Calling,Labeling", f), 0) for f in forms),
        sum(babe.get(f, 0) for f in forms),
        any(f in rec for f in forms),
    )


def check(root: Path, csv_path: Path) -> int:
    """Print the recomputed evidence for every curated literal term."""
    inside, total, by_tech = ptc_counts(root)
    babe = babe_counts(root)
    rec = recasens_lemmas(root)
    with open(csv_path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    w = csv.writer(sys.stdout, delimiter="\t")
    w.writerow(["term", "category", "ptc_loaded", "ptc_name_calling", "babe", "recasens", "source"])
    for r in rows:
        if r["is_pattern"] == "true":
            continue
        ll, nc, bb, rr = evidence(r["term"], r["inflect"], by_tech, babe, rec)
        w.writerow([r["term"], r["category"], ll, nc, bb, int(rr), r["source"]])
    return 0


_DATA_PARTS = re.compile(r"^(?:PTC v2 train (?:Loaded_Language|Name_Calling) spans \(n=\d+\)|BABE biased words \(n=\d+\)|Recasens 2013 bias lexicon)$")


def refresh_sources(root: Path, csv_path: Path) -> int:
    """Rewrite the dataset counts in each row's ``source`` from the data (other citations kept)."""
    inside, total, by_tech = ptc_counts(root)
    babe = babe_counts(root)
    rec = recasens_lemmas(root)
    with open(csv_path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        fields, rows = reader.fieldnames, list(reader)
    changed = 0
    for r in rows:
        kept = [p for p in r["source"].split("; ") if p and not _DATA_PARTS.match(p)]
        if r["is_pattern"] != "true":
            ll, nc, bb, rr = evidence(r["term"], r["inflect"], by_tech, babe, rec)
            kept += [f"PTC v2 train Loaded_Language spans (n={ll})"] * bool(ll)
            kept += [f"PTC v2 train Name_Calling spans (n={nc})"] * bool(nc)
            kept += [f"BABE biased words (n={bb})"] * bool(bb)
            kept += ["Recasens 2013 bias lexicon"] * bool(rr)
        new = "; ".join(kept)
        if not new:
            print(f"row {r['term']!r} would have no source; kept as it was", file=sys.stderr)
            continue
        changed += new != r["source"]
        r["source"] = new
    with open(csv_path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{changed} source cells updated in {csv_path}", file=sys.stderr)
    return 0


def train_precision(root: Path, csv_path: Path) -> int:
    """Per-row precision of the curated lexicon on PTC **train** (a hit overlapping a
    Loaded_Language/Name_Calling span counts as right). Rows that are usually wrong on train are
    candidates for removal; naming conventions are kept whatever PTC says, since PTC's US
    partisan news rarely uses them and its annotators did not label spellings."""
    from labeler.cues.loaded_terms import find_loaded_terms, load_lexicon

    ptc = root / "ptc_semeval2020_task11"
    spans: dict[str, list[tuple[int, int]]] = {}
    with open(ptc / "train-task-flc-tc.labels", encoding="utf-8") as f:
        for line in f:
            art, tech, s, e = line.rstrip("\n").split("\t")
            if tech in TECHNIQUES:
                spans.setdefault(art, []).append((int(s), int(e)))
    lex = load_lexicon(csv_path)
    by_source: dict[str, list[int]] = {}
    for path in sorted((ptc / "train-articles").glob("article*.txt")):
        text = path.read_text(encoding="utf-8")
        gold = spans.get(path.stem[len("article"):], [])
        for t in find_loaded_terms(text, [], lexicon=lex):
            key = t.term.lower()
            ok = any(s < t.end and t.start < e for s, e in gold)
            acc = by_source.setdefault(key, [0, 0])
            acc[0] += ok
            acc[1] += 1
    w = csv.writer(sys.stdout, delimiter="\t")
    w.writerow(["form", "train_hits", "train_correct", "precision"])
    for key, (ok, n) in sorted(by_source.items(), key=lambda kv: kv[1][0] / kv[1][1]):
        w.writerow([key, n, ok, round(ok / n, 2)])
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-root", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    ap.add_argument("--min-in", type=int, default=2, help="min PTC train in-span count")
    ap.add_argument("--min-ratio", type=float, default=0.3, help="min PTC in-span / all occurrences")
    ap.add_argument("--min-babe", type=int, default=3, help="min BABE biased-word marks")
    ap.add_argument("--check", type=Path, help="recompute evidence for a curated CSV instead")
    ap.add_argument("--train-precision", type=Path, help="per-form precision of a curated CSV on PTC train")
    ap.add_argument("--refresh-sources", type=Path, help="rewrite the dataset counts in a curated CSV's source column")
    args = ap.parse_args(argv)
    if not (args.data_root / "ptc_semeval2020_task11").exists():
        print(f"data root {args.data_root} has no ptc_semeval2020_task11/", file=sys.stderr)
        return 2
    if args.check:
        return check(args.data_root, args.check)
    if args.refresh_sources:
        return refresh_sources(args.data_root, args.refresh_sources)
    if args.train_precision:
        return train_precision(args.data_root, args.train_precision)
    rows = candidates(args.data_root, args.min_in, args.min_ratio, args.min_babe)
    w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["term"], delimiter="\t")
    w.writeheader()
    w.writerows(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
