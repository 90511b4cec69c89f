"""Held-out generalisation report: score ``analyze(model="rules")`` (or ``--model``) against hand labels, per cue.

The held-out set (tests/fixtures/heldout.jsonl) was written after the detectors were tuned on the
challenge set, with other outlets, places, notice phrasings and hard negatives, so its figures are
an honest check of generalisation. The same scoring runs on the challenge set for comparison.

    python bench/heldout_report.py                 # held-out: figures + per-article diff
    python bench/heldout_report.py --set challenge # the shared challenge set (../shared)
    python bench/heldout_report.py --only-misses --id h0   # filter articles by id substring
    python bench/heldout_report.py --file tests/fixtures/heldout2.jsonl  # any labelled JSONL

Scoring (also used by tests/test_heldout_sets.py, which pins floors on these figures):

* origin / affiliation / host: exact match per article (no origin = outlet None, "unknown");
* cited outlets: micro F1 over outlet-name sets;
* quoted speakers: case-insensitive; a predicted name matches a gold one if equal or one contains
  the other at word boundaries (so "spokesperson" matches "a government spokesperson", but the
  pronoun "he" does not match "Hendrik"). The labelling convention (sets 7-11) lists only named
  people and organisations, so ``speaker_precision`` scores the quotes whose ``speaker_kind`` is
  ``person`` or ``organisation`` (outlets, unnamed groups, roles and unresolved pronouns are
  reported by the tool but are no named source); ``speaker_recall`` asks whether the tool reports
  the labelled speaker at all, whatever kind it gives (sets 1-6 and the challenge set also label
  unnamed groups such as "residents"), and ``speaker_named_recall`` (printed, not floored) asks it
  of the named quotes only. Quotes with no ``speaker_kind`` (older analyses) count as named;
* loaded terms: micro F1 on (voice, term), then on (voice, term, speaker) where a quoted term's
  speaker must match as above; terms match if equal or one contains the other as whole words;
* unattributed claims: a predicted claim with attributed=False and countered=False matches a gold
  sentence if the normalised texts are equal or one contains the other;
* balanced: accuracy of ``Analysis.balanced`` against the label.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from labeler.provenance.speakers import NAMED_KINDS  # person, organisation: what the convention lists

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "tests" / "fixtures" / "heldout.jsonl"
CHALLENGE = ROOT.parent / "shared" / "examples" / "challenge.jsonl"

FIGURES = (
    "origin_outlet_accuracy", "affiliation_accuracy", "host_accuracy", "cited_outlet_f1",
    "speaker_recall", "speaker_precision", "term_voice_f1", "term_voice_speaker_f1",
    "unattributed_claim_f1", "balanced_accuracy",
)


def load_rows(path: Path) -> list[dict]:
    """The labelled articles of a JSONL file (blank lines skipped); a missing file is an error here."""
    from labeler.datasets import load_labelled_articles

    if not Path(path).is_file():
        raise FileNotFoundError(f"no labelled file at {path}")
    return load_labelled_articles([path])


# --- matching -----------------------------------------------------------------------------------

def _name(s: str | None) -> str:
    s = re.sub(r"[’‘]", "'", (s or "").strip().lower())
    return re.sub(r"^(?:the|a|an)\s+", "", s)


def _contains_words(big: str, small: str) -> bool:
    return bool(small) and re.search(rf"(?<![\w-]){re.escape(small)}(?![\w-])", big) is not None


def speaker_match(pred: str | None, gold: str | None) -> bool:
    """Equal or one contains the other, case-insensitive, at word boundaries."""
    p, g = _name(pred), _name(gold)
    if not p or not g:
        return False
    return p == g or _contains_words(p, g) or _contains_words(g, p)


def term_match(pred: str, gold: str) -> bool:
    p, g = pred.lower(), gold.lower()
    return p == g or _contains_words(p, g) or _contains_words(g, p)


def claim_match(pred: str, gold: str) -> bool:
    from labeler.datasets import claim_matches

    return claim_matches(pred, gold)


# --- per-article comparison ---------------------------------------------------------------------

@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else (1.0 if not (self.fp or self.fn) else 0.0)


@dataclass
class ArticleDiff:
    """Expected vs got for one article, cue by cue; ``misses`` lists one line per disagreement."""

    id: str
    origin: tuple = ()
    affiliation: tuple = ()
    host: tuple = ()
    cited: tuple = ()
    speakers: tuple = ()
    terms: tuple = ()
    claims: tuple = ()
    balanced: tuple = ()
    counts: dict = field(default_factory=dict)
    misses: list = field(default_factory=list)


def _greedy(pred: list, gold: list, match) -> tuple[list, list, list]:
    """One-to-one greedy matching: (matched pairs, unmatched pred, unmatched gold)."""
    left = list(pred)
    pairs, missed = [], []
    for g in gold:
        for i, p in enumerate(left):
            if match(p, g):
                pairs.append((p, g))
                del left[i]
                break
        else:
            missed.append(g)
    return pairs, left, missed


def _distinct_speakers(quotes, named_only: bool) -> list[str]:
    """The speakers of ``quotes`` once each (case-insensitively); ``named_only`` keeps the quotes whose
    ``speaker_kind`` is a named person or organisation, and those with no kind (older analyses)."""
    names = dict.fromkeys(q.speaker for q in quotes if q.speaker and (
        not named_only or getattr(q, "speaker_kind", None) in NAMED_KINDS | {None}))
    return list({_name(s): s for s in names}.values())


def compare(row: dict, a) -> ArticleDiff:
    """Compare one Analysis with its labels."""
    lab = row["labels"]
    d = ArticleDiff(id=row["id"])
    outlet = a.origin.outlet if a.origin else None
    aff = a.origin.affiliation if a.origin else "unknown"
    d.origin = (lab["origin_outlet"], outlet, a.origin.evidence if a.origin else None)
    d.affiliation = (lab["state_affiliation"], aff)
    d.host = (lab["host"], a.host)
    if outlet != lab["origin_outlet"]:
        d.misses.append(f"origin: want {lab['origin_outlet']!r} got {outlet!r}"
                        + (f" (evidence {a.origin.evidence!r}, method {a.origin.method})" if a.origin else ""))
    if aff != lab["state_affiliation"]:
        d.misses.append(f"affiliation: want {lab['state_affiliation']} got {aff}")
    if a.host != lab["host"]:
        d.misses.append(f"host: want {lab['host']!r} got {a.host!r}")

    got_cited = {c.outlet for c in a.cited_outlets}
    want_cited = set(lab["cited_outlets"])
    d.cited = (sorted(want_cited), sorted(got_cited))
    d.counts["cited"] = Counts(len(got_cited & want_cited), len(got_cited - want_cited), len(want_cited - got_cited))
    for x in sorted(want_cited - got_cited):
        d.misses.append(f"cited FN: {x}")
    for x in sorted(got_cited - want_cited):
        ev = next((c.evidence for c in a.cited_outlets if c.outlet == x), "")
        d.misses.append(f"cited FP: {x} ({ev!r})")

    pred_sp = _distinct_speakers(a.quotes, named_only=True)
    found_sp = _distinct_speakers(a.quotes, named_only=False)
    gold_sp = list(lab["quoted_speakers"])
    hit_gold = [g for g in gold_sp if any(speaker_match(p, g) for p in found_sp)]
    d.counts["speaker_named_recall"] = (sum(any(speaker_match(p, g) for p in pred_sp) for g in gold_sp), len(gold_sp))
    good_pred = [p for p in pred_sp if any(speaker_match(p, g) for g in gold_sp)]
    d.speakers = (gold_sp, pred_sp)
    d.counts["speaker_recall"] = (len(hit_gold), len(gold_sp))
    d.counts["speaker_precision"] = (len(good_pred), len(pred_sp))
    for g in gold_sp:
        if g not in hit_gold:
            d.misses.append(f"speaker FN: {g!r}")
    for p in pred_sp:
        if p not in good_pred:
            d.misses.append(f"speaker FP: {p!r}")

    pred_t = list(dict.fromkeys((t.voice, t.term.lower(), t.speaker if t.voice == "quoted" else None)
                                for t in a.loaded_terms))
    gold_t = [("author", t.lower(), None) for t in lab["loaded_terms_author"]] + [
        ("quoted", q["term"].lower(), q["speaker"]) for q in lab["loaded_terms_quoted"]]
    d.terms = (gold_t, pred_t)

    def voice_match(p, g):
        return p[0] == g[0] and term_match(p[1], g[1])

    def speaker_term_match(p, g):
        return voice_match(p, g) and (g[0] == "author" or speaker_match(p[2], g[2]))

    for key, fn in (("term_voice", voice_match), ("term_voice_speaker", speaker_term_match)):
        pairs, fp, fn_ = _greedy(pred_t, gold_t, fn)
        d.counts[key] = Counts(len(pairs), len(fp), len(fn_))
        if key == "term_voice_speaker":
            for g in fn_:
                near = [p for p in fp if voice_match(p, g)] or [p for p in fp if term_match(p[1], g[1])]
                hint = f" (got {near[0]})" if near else ""
                d.misses.append(f"term FN: {g}{hint}")
            for p in fp:
                if not any(term_match(p[1], g[1]) for g in fn_):
                    d.misses.append(f"term FP: {p}")

    bare = [c.sentence for c in a.claims if not c.attributed and not c.countered]
    gold_c = list(lab["unattributed_contested_claims"])
    d.claims = (gold_c, bare, [(c.sentence[:70], c.attributed, c.countered, c.why) for c in a.claims])
    hit = set()
    tp = fp = 0
    for s in bare:
        m = {i for i, g in enumerate(gold_c) if claim_match(s, g)}
        if m:
            tp += 1
            hit |= m
        else:
            fp += 1
            d.misses.append(f"claim FP: {s[:90]!r}")
    fn_c = [g for i, g in enumerate(gold_c) if i not in hit]
    for g in fn_c:
        other = next((c for c in a.claims if claim_match(c.sentence, g)), None)
        why = (f" (found but attributed={other.attributed} countered={other.countered}: {other.why})"
               if other else " (not found as a claim)")
        d.misses.append(f"claim FN: {g[:90]!r}{why}")
    d.counts["claims"] = Counts(tp, fp, len(fn_c))

    d.balanced = (lab["balanced"], a.balanced)
    if bool(a.balanced) != lab["balanced"]:
        d.misses.append(f"balanced: want {lab['balanced']} got {a.balanced}")
    return d


def analyse_rows(rows: list[dict], model: str = "rules") -> list:
    import labeler

    scorer = model
    if isinstance(model, str) and model != "rules":  # a path or "default"; anything else is a loaded model
        scorer = labeler.load_model(None if model == "default" else model)
    return [labeler.analyze(r["text"], url=r["url"], title=r["title"], model=scorer) for r in rows]


def evaluate(rows: list[dict], analyses: list | None = None, model: str = "rules"
             ) -> tuple[dict[str, float], list[ArticleDiff]]:
    """(figures, per-article diffs) for labelled rows; analyses are computed when not given."""
    analyses = analyse_rows(rows, model) if analyses is None else analyses
    diffs = [compare(r, a) for r, a in zip(rows, analyses)]
    n = len(diffs) or 1
    sums = {k: Counts() for k in ("cited", "term_voice", "term_voice_speaker", "claims")}
    rec = [0, 0]
    prec = [0, 0]
    named = [0, 0]
    for d in diffs:
        for k in sums:
            sums[k].add(d.counts[k])
        rec[0], rec[1] = rec[0] + d.counts["speaker_recall"][0], rec[1] + d.counts["speaker_recall"][1]
        prec[0], prec[1] = prec[0] + d.counts["speaker_precision"][0], prec[1] + d.counts["speaker_precision"][1]
        nr = d.counts["speaker_named_recall"]
        named[0], named[1] = named[0] + nr[0], named[1] + nr[1]
    figures = {
        "origin_outlet_accuracy": sum(d.origin[0] == d.origin[1] for d in diffs) / n,
        "affiliation_accuracy": sum(d.affiliation[0] == d.affiliation[1] for d in diffs) / n,
        "host_accuracy": sum(d.host[0] == d.host[1] for d in diffs) / n,
        "cited_outlet_f1": sums["cited"].f1(),
        "speaker_recall": rec[0] / max(rec[1], 1),
        "speaker_precision": prec[0] / max(prec[1], 1),
        "speaker_named_recall": named[0] / max(named[1], 1),  # reported, not floored (see the docstring)
        "term_voice_f1": sums["term_voice"].f1(),
        "term_voice_speaker_f1": sums["term_voice_speaker"].f1(),
        "unattributed_claim_f1": sums["claims"].f1(),
        "balanced_accuracy": sum(bool(d.balanced[1]) == d.balanced[0] for d in diffs) / n,
    }
    return figures, diffs


def render(diff: ArticleDiff, only_misses: bool = False) -> str:
    """A readable block for one article."""
    if only_misses and not diff.misses:
        return ""
    lines = [f"== {diff.id}  ({len(diff.misses)} misses)"]
    if not only_misses:
        lines += [
            f"  origin      want {diff.origin[0]!r:24} got {diff.origin[1]!r}  evidence {diff.origin[2]!r}",
            f"  affiliation want {diff.affiliation[0]!r:24} got {diff.affiliation[1]!r}",
            f"  host        want {diff.host[0]!r:24} got {diff.host[1]!r}",
            f"  cited       want {diff.cited[0]} got {diff.cited[1]}",
            f"  speakers    want {diff.speakers[0]}",
            f"              got  {diff.speakers[1]}",
            f"  terms       want {diff.terms[0]}",
            f"              got  {diff.terms[1]}",
            f"  claims      want {[c[:60] for c in diff.claims[0]]}",
            f"              got  (sentence, attributed, countered, why) {diff.claims[2]}",
            f"  balanced    want {diff.balanced[0]} got {diff.balanced[1]}",
        ]
    lines += [f"  MISS {m}" for m in diff.misses]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", choices=("heldout", "challenge", "both"), default="heldout")
    ap.add_argument("--file", type=Path, metavar="PATH",
                    help="score this labelled JSONL file instead of --set (reported under its file name)")
    ap.add_argument("--path", type=Path, help="another labelled JSONL file (reported as 'custom')")
    ap.add_argument("--id", default="", help="only articles whose id contains this")
    ap.add_argument("--only-misses", action="store_true")
    ap.add_argument("--json", action="store_true", help="print only the figures as JSON")
    ap.add_argument("--model", default="rules",
                    help="'rules' (default: the detectors alone), 'default' or a model path: scores the "
                         "cues the model adds too (its loaded terms and claims)")
    args = ap.parse_args(argv)
    sets = [(args.file.stem, args.file)] if args.file else [("custom", args.path)] if args.path else [
        (name, path) for name, path in (("heldout", HELDOUT), ("challenge", CHALLENGE))
        if args.set in (name, "both")]
    all_figs = {}
    for name, path in sets:
        if not path.exists():
            print(f"{name}: {path} not found", file=sys.stderr)
            return 2
        figures, diffs = evaluate(load_rows(path), model=args.model)
        all_figs[name] = figures
        if args.json:
            continue
        print(f"##### {name} ({len(diffs)} articles, {path})")
        for d in diffs:
            if args.id in d.id:
                block = render(d, args.only_misses)
                if block:
                    print(block)
        print(f"\n{name} figures:")
        for k in FIGURES:
            print(f"  {k:24} {figures[k]:.3f}")
    if args.json:
        print(json.dumps({k: {f: round(v, 3) for f, v in fig.items()} for k, fig in all_figs.items()}, indent=1))
    elif len(all_figs) > 1:
        print("\nfigure                   " + "  ".join(f"{k:>9}" for k in all_figs))
        for f in FIGURES:
            print(f"  {f:24} " + "  ".join(f"{all_figs[k][f]:9.3f}" for k in all_figs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
