"""The plain-text report (``labeler analyze --format text``): the same facts as the JSON, readable."""
from __future__ import annotations

import pytest

import labeler
from labeler.cli import EXIT_OK, main
from labeler.summary import summary_text

from conftest import shared_path


@pytest.fixture(scope="module")
def seed_report() -> str:
    path = shared_path("examples", "seed_rt_rubio.txt")
    return summary_text(labeler.analyze(path.read_text(encoding="utf-8"), model="rules"))


def test_the_report_leads_with_the_origin_its_affiliation_and_evidence(seed_report):
    origin = next(line for line in seed_report.splitlines() if line.startswith("Origin:"))
    assert "RT (state-controlled, RU)" in origin and "originally published on RT" in origin
    assert "affiliation source:" in seed_report


@pytest.mark.parametrize("term, voice", [("Kiev", "author"), ("hysteria", "quoted, Marco Rubio"),
                                         ("hyperbole", "quoted, Marco Rubio")])
def test_each_loaded_term_shows_its_voice_and_speaker(seed_report, term, voice):
    assert any(f"\u201c{term}\u201d" in line and voice in line for line in seed_report.splitlines())


def test_the_unattributed_claim_is_quoted_with_why(seed_report):
    flat = " ".join(seed_report.split())
    assert "Kiev later withdrew from the deal" in flat and "why: asserts causation" in flat
    assert "Gives the other side: no" in seed_report


def test_every_score_is_listed_with_its_reasons(seed_report):
    for label in ("state media", "loaded language", "omitted counterclaims"):
        assert f"  {label}" in seed_report
    assert "+ " in seed_report.split("Scores")[1]


def test_an_article_with_nothing_found_says_so_instead_of_leaving_gaps():
    report = summary_text(labeler.analyze("The council met on Tuesday to discuss the budget.", model="rules"))
    assert "Origin: none found" in report and "Quoted: nobody" in report and "Loaded terms: none" in report


def test_cli_prints_the_report_with_format_text(capsys, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Exports rose.\n\nThis article first appeared on CGTN.", encoding="utf-8")
    assert main(["analyze", str(p), "--format", "text", "--model", "rules"]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("Host:") and "Origin: CGTN (state-controlled, CN), by notice" in out
