"""Contested claims and balance, checked against labelled data outside the challenge set.

    python bench/claims_eval.py [--data-root ../shared/data] [--examples ../shared/examples] [--limit N]

Prints:
* challenge: unattributed-claim sentence F1 and `balanced` accuracy (the test's figures);
* BASIL: how often sentences holding an informational-bias span *outside* quotes are flagged as
  unattributed claims, against the base rate over all sentences and against spans inside quotes
  (a useful detector flags the first more than the base rate, the last less); the same for the
  looser "has a contested cue of weight >= 0.5" (cue_rate_*), since BASIL's mainstream US copy
  rarely carries a full bare claim;
* PolNeAR: on sentences we flag as claims, how often our attributed/unattributed call agrees with
  the gold attribution relations (a claim cue inside a gold Content span = attributed);
* SemEval-2019 hyperpartisan (by-article, train): share of articles with an unattributed claim and
  the mean omitted_counterclaims score, hyperpartisan vs not (should be higher for hyperpartisan);
* FNC-1: share of headline/body pairs where the body "counters" the headline by our rule, per stance
  (disagree should be highest);
* PTC train (propaganda articles from partisan sites): unattributed claims per article and the share
  of articles with one (a recall proxy: these articles assert much in their own voice);
* wire vs partisan (Article-Bias-Prediction full texts): the same rates for Reuters/AP copy (should
  stay low: a neutral wire article should rarely get a claim) against partisan outlets, and the
  share of articles called balanced (wire copy, which routinely quotes both sides, should be higher);
* --timing N: seconds for run_detectors over the first N PTC train articles (rules only).
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import re
from collections import Counter
from pathlib import Path

import time

from labeler.cues.balance import source_balance
from labeler.cues.claims import (
    _contested_hits,
    claim_weight,
    counterclaim_evidence,
    find_claims,
    omitted_counterclaims_score,
)

try:
    from labeler.provenance.quotes import find_quotes
except ImportError:  # the quote detector is optional for this bench
    def find_quotes(text):  # type: ignore[no-redef]
        return []


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s.lower()).strip()


def match_claim(pred: tuple[str, int, int], gold: str, text: str) -> bool:
    """Gold sentence matches: equal or contained normalised text, or >50% offset overlap."""
    p, g = _norm(pred[0]), _norm(gold)
    if p and g and (p == g or p in g or g in p):
        return True
    gs = text.find(gold)
    if gs < 0:
        return False
    ov = min(pred[2], gs + len(gold)) - max(pred[1], gs)
    return ov > 0.5 * max(1, min(pred[2] - pred[1], len(gold)))


def challenge(examples: Path) -> dict:
    rows = [json.loads(line) for line in open(examples / "challenge.jsonl", encoding="utf-8") if line.strip()]
    tp = fp = fn = ok = 0
    errors = []
    for r in rows:
        t = r["text"]
        quotes = find_quotes(t)
        claims = find_claims(t, quotes)
        _, balanced = source_balance(t, quotes, claims)
        ok += balanced == r["labels"]["balanced"]
        pred = [(c.sentence, c.start, c.end) for c in claims if not c.attributed and not c.countered]
        gold = r["labels"]["unattributed_contested_claims"]
        hit = set()
        for p in pred:
            m = [i for i, g in enumerate(gold) if match_claim(p, g, t)]
            if m:
                tp += 1
                hit.update(m)
            else:
                fp += 1
                errors.append(f"FP {r['id']}: {p[0][:100]}")
        for i, g in enumerate(gold):
            if i not in hit:
                fn += 1
                errors.append(f"FN {r['id']}: {g[:100]}")
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return {"unattributed_claim_f1": f1, "tp": tp, "fp": fp, "fn": fn,
            "balanced_accuracy": ok / len(rows), "errors": errors}


def basil(root: Path, limit: int | None) -> dict:
    """Flag rates per sentence class on BASIL (sentences = the dataset's own segmentation)."""
    files = sorted((root / "basil" / "articles").rglob("*.json"))[:limit]
    counts = Counter()
    for f in files:
        ann_path = root / "basil" / "annotations" / f.parent.name / (f.stem + "_ann.json")
        if not ann_path.exists():
            continue
        art = json.loads(f.read_text(encoding="utf-8"))
        ann = json.loads(ann_path.read_text(encoding="utf-8"))
        sents, offs, parts, pos = [], [], [], 0
        for para in art.get("body-paragraphs", []):
            for j, s in enumerate(para):
                sep = " " if j else ("\n\n" if parts else "")
                parts.append(sep + s)
                pos += len(sep)
                offs.append((pos, pos + len(s)))
                sents.append(s)
                pos += len(s)
        text = "".join(parts)
        claims = find_claims(text, find_quotes(text))
        flagged = [(c.start, c.end) for c in claims if not c.attributed and not c.countered]
        kind = {}
        for a in ann.get("phrase-level-annotations", []):
            if a.get("bias") != "inf":
                continue
            sid = str(a.get("id", ""))
            if not re.fullmatch(r"p\d+", sid):
                continue  # "title" spans are in the headline, not the body
            i = int(sid[1:])
            if 0 <= i < len(sents):
                q = "quoted" if a.get("quote") == "yes" else "unquoted"
                kind[i] = "unquoted" if kind.get(i) == "unquoted" else q
        for i, (a, b) in enumerate(offs):
            is_flag = any(s < b and e > a for s, e in flagged)
            k = kind.get(i, "none")
            counts[("all", is_flag)] += 1
            counts[(k, is_flag)] += 1
            cue = claim_weight(sents[i]) >= 0.5  # any contested cue of some weight, attributed or not
            counts[("cue", "all", cue)] += 1
            counts[("cue", k, cue)] += 1
    def rate(k):
        n = counts[(k, True)] + counts[(k, False)]
        return (counts[(k, True)] / n if n else 0.0), n
    out = {"articles": len(files)}
    for k in ("all", "unquoted", "quoted", "none"):
        r, n = rate(k)
        out[f"flag_rate_{k}"] = r
        out[f"sentences_{k}"] = n
    base = out["flag_rate_all"] or 1e-9
    out["lift_unquoted_inf_vs_base"] = out["flag_rate_unquoted"] / base
    for k in ("all", "unquoted", "quoted", "none"):
        n = counts[("cue", k, True)] + counts[("cue", k, False)]
        out[f"cue_rate_{k}"] = counts[("cue", k, True)] / n if n else 0.0
    out["cue_lift_unquoted_inf_vs_base"] = out["cue_rate_unquoted"] / (out["cue_rate_all"] or 1e-9)
    return out


def polnear(root: Path, limit: int | None) -> dict:
    """Attribution agreement on the sentences we flag as contested claims."""
    agree = total = 0
    conf = Counter()
    for split in ("dev", "test"):
        tdir = root / "polnear_attribution" / split / "text"
        adir = root / "polnear_attribution" / split / "attributions"
        if not tdir.exists():
            continue
        for tf in sorted(tdir.glob("*.txt"))[:limit]:
            anns = sorted(adir.glob(tf.stem + "_*.ann"))
            if not anns:
                continue
            text = tf.read_text(encoding="utf-8")
            content = []
            for line in anns[0].read_text(encoding="utf-8").splitlines():
                parts = line.split("\t")
                if len(parts) >= 2 and parts[1].startswith("Content "):
                    for rng in parts[1][len("Content "):].split(";"):
                        a, b = rng.split()
                        content.append((int(a), int(b)))
            for c in find_claims(text, find_quotes(text)):
                hits = [h for h in _contested_hits(c.sentence)]
                if not hits:
                    continue
                gold_attr = all(any(a <= c.start + h.start < b for a, b in content) for h in hits)
                total += 1
                agree += gold_attr == c.attributed
                conf[(gold_attr, c.attributed)] += 1
    return {"claims": total, "attribution_agreement": agree / total if total else 0.0,
            "gold_attr_pred_attr": conf[(True, True)], "gold_attr_pred_unattr": conf[(True, False)],
            "gold_unattr_pred_attr": conf[(False, True)], "gold_unattr_pred_unattr": conf[(False, False)]}


def hyperpartisan(root: Path, limit: int | None) -> dict:
    """Unattributed-claim rate and mean rule score by the article's hyperpartisan label."""
    import xml.etree.ElementTree as ET

    d = root / "semeval2019_task4_hyperpartisan_byarticle"
    gt = {a.get("id"): a.get("hyperpartisan") == "true"
          for a in ET.parse(d / "ground-truth-training-byarticle-20181122.xml").getroot()}
    rows: dict[bool, list[tuple[bool, float]]] = {True: [], False: []}
    for i, a in enumerate(ET.parse(d / "articles-training-byarticle-20181122.xml").getroot()):
        if limit and i >= limit:
            break
        text = "\n\n".join(t for t in ("".join(p.itertext()).strip() for p in a.iter("p")) if t)
        claims = find_claims(text, find_quotes(text))
        bare = any(not c.attributed and not c.countered for c in claims)
        rows[gt[a.get("id")]].append((bare, omitted_counterclaims_score(claims, text)))
    out = {}
    for y, name in ((True, "hyperpartisan"), (False, "mainstream")):
        r = rows[y]
        out[f"{name}_articles"] = len(r)
        out[f"{name}_with_unattributed_claim"] = sum(b for b, _ in r) / len(r) if r else 0.0
        out[f"{name}_mean_score"] = sum(s for _, s in r) / len(r) if r else 0.0
    return out


def fnc(root: Path, limit: int | None, seed: int = 0) -> dict:
    """Share of headline/body pairs our counterclaim rule calls countered, per gold stance."""
    d = root / "fnc1_stance_competition_test"
    csv.field_size_limit(10**8)
    bodies = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(open(d / "competition_test_bodies.csv", encoding="utf-8"))}
    pairs = [r for r in csv.DictReader(open(d / "competition_test_stances.csv", encoding="utf-8")) if r["Stance"] != "unrelated"]
    random.Random(seed).shuffle(pairs)
    pairs = pairs[: limit or 3000]
    n, c = Counter(), Counter()
    for r in pairs:
        n[r["Stance"]] += 1
        c[r["Stance"]] += counterclaim_evidence(r["Headline"], bodies.get(r["Body ID"], "")) is not None
    return {f"countered_rate_{k}": c[k] / n[k] for k in sorted(n)} | {f"pairs_{k}": n[k] for k in sorted(n)}


def _bare(text: str) -> int:
    return _bare_balanced(text)[0]


def _bare_balanced(text: str) -> tuple[int, bool]:
    """(unattributed, uncountered claims; balanced) for one article."""
    quotes = find_quotes(text)
    claims = find_claims(text, quotes)
    return sum(not c.attributed and not c.countered for c in claims), source_balance(text, quotes, claims)[1]


def _ptc_files(root: Path, limit: int | None) -> list[Path]:
    return sorted((root / "ptc_semeval2020_task11" / "train-articles").glob("article*.txt"))[:limit]


def _read(f: Path) -> str:
    with open(f, encoding="utf-8", newline="") as fh:
        return fh.read()


def ptc(root: Path, limit: int | None) -> dict:
    """Unattributed, uncountered claims per PTC train article (propaganda-dense partisan copy)."""
    counts = [_bare(_read(f)) for f in _ptc_files(root, limit)]
    n = len(counts) or 1
    return {"articles": len(counts), "unattributed_claims_per_article": sum(counts) / n,
            "share_with_unattributed_claim": sum(c > 0 for c in counts) / n}


WIRES = ("Reuters", "Associated Press")
PARTISAN = ("Breitbart News", "Salon", "The Daily Caller", "Newsmax", "American Spectator", "CBN")


def wire_vs_partisan(root: Path, limit: int | None, per_group: int = 300) -> dict:
    """Claim rates on wire copy (should stay low) against partisan outlets (Article-Bias-Prediction)."""
    path = root / "article_bias_prediction_allsides" / "articles_fulltext_subset.jsonl"
    groups: dict[str, list[str]] = {"wire": [], "partisan": []}
    cap = min(limit or per_group, per_group)
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            g = "wire" if r.get("source") in WIRES else "partisan" if r.get("source") in PARTISAN else None
            if g and len(groups[g]) < cap and (r.get("content_original") or "").strip():
                groups[g].append(r["content_original"])
    out = {}
    for g, texts in groups.items():
        got = [_bare_balanced(t) for t in texts]
        counts = [c for c, _ in got]
        n = len(counts) or 1
        out[f"{g}_share_balanced"] = sum(b for _, b in got) / n
        out[f"{g}_articles"] = len(counts)
        out[f"{g}_unattributed_claims_per_article"] = sum(counts) / n
        out[f"{g}_share_with_unattributed_claim"] = sum(c > 0 for c in counts) / n
    return out


def timing(root: Path, n: int) -> dict:
    """Wall-clock and CPU seconds of run_detectors (rules) over the first n PTC train articles."""
    from labeler.pipeline import run_detectors

    texts = [_read(f) for f in _ptc_files(root, n)]
    t0, c0 = time.perf_counter(), time.process_time()
    for t in texts:
        run_detectors(t)
    return {"articles": len(texts), "seconds": round(time.perf_counter() - t0, 2),
            "cpu_seconds": round(time.process_time() - c0, 2)}


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parents[2] / "shared"
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-root", default=str(here / "data"))
    ap.add_argument("--examples", default=str(here / "examples"))
    ap.add_argument("--limit", type=int, default=None, help="files per dataset (default all; FNC pairs default 3000)")
    ap.add_argument("--only", default="challenge,basil,polnear,hyperpartisan,fnc,ptc,wire",
                    help="comma-separated sections to run")
    ap.add_argument("--timing", type=int, default=0, help="also time run_detectors on N PTC train articles")
    args = ap.parse_args(argv)
    root = Path(args.data_root)
    only = set(args.only.split(","))
    if args.timing:
        print("timing:", json.dumps(timing(root, args.timing)))
    sections = [("BASIL", "basil", basil), ("PolNeAR", "polnear", polnear), ("hyperpartisan", "hyperpartisan", hyperpartisan),
                ("FNC-1", "fnc", fnc), ("PTC train", "ptc", ptc), ("wire vs partisan", "wire", wire_vs_partisan)]
    if "challenge" in only:
        _print_challenge(Path(args.examples))
    for title, key, fn in sections:
        if key in only:
            print(f"{title}:", json.dumps(fn(root, args.limit), indent=1), flush=True)
    return 0


def _print_challenge(examples: Path) -> None:
    ch = challenge(examples)
    errors = ch.pop("errors")
    print("challenge:", json.dumps(ch, indent=1))
    for e in errors:
        print("  ", e)


if __name__ == "__main__":
    raise SystemExit(main())
