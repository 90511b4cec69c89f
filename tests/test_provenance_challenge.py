"""Origin, affiliation, host and cited outlets over the whole challenge set, against floors."""
import json
from pathlib import Path

import pytest

import labeler

BASELINE = json.loads((Path(__file__).parent / "baselines" / "provenance.json").read_text())


@pytest.fixture(scope="module")
def results(challenge):
    out = []
    for row in challenge:
        a = labeler.analyze(row["text"], url=row["url"], title=row["title"], model="rules")
        out.append((row, a))
    return out


def _f1(pred: set, gold: set) -> tuple[int, int, int]:
    return len(pred & gold), len(pred - gold), len(gold - pred)


def test_origin_affiliation_host_and_cited_outlets_meet_their_floors(results):
    n = len(results)
    outlet_ok = aff_ok = host_ok = 0
    tp = fp = fn = 0
    wrong = []
    for row, a in results:
        lab = row["labels"]
        outlet = a.origin.outlet if a.origin else None
        aff = a.origin.affiliation if a.origin else "unknown"
        outlet_ok += outlet == lab["origin_outlet"]
        aff_ok += aff == lab["state_affiliation"]
        host_ok += a.host == lab["host"]
        t, p, f = _f1({c.outlet for c in a.cited_outlets}, set(lab["cited_outlets"]))
        tp, fp, fn = tp + t, fp + p, fn + f
        if outlet != lab["origin_outlet"] or aff != lab["state_affiliation"]:
            wrong.append(f"{row['id']}: got {outlet}/{aff}, want {lab['origin_outlet']}/{lab['state_affiliation']}")
    figures = {
        "origin_outlet_accuracy": outlet_ok / n,
        "affiliation_accuracy": aff_ok / n,
        "host_accuracy": host_ok / n,
        "cited_outlet_f1": 2 * tp / (2 * tp + fp + fn) if tp else 0.0,
    }
    print("\nprovenance on challenge:", json.dumps(figures, indent=1), "\nwrong:", *wrong, sep="\n")
    for key, value in figures.items():
        assert value >= BASELINE[key], f"{key} {value:.3f} fell below its floor {BASELINE[key]}"


def test_evidence_is_the_notice_in_the_text(results):
    for row, a in results:
        if a.origin is not None and a.origin.start is not None:
            assert row["text"][a.origin.start:a.origin.end] == a.origin.evidence
