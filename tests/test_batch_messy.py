"""Messy input: every record comes out once, in order; what could not be read says why and where."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from labeler.batch import score_file

MESSY = Path(__file__).resolve().parent / "fixtures" / "messy.csv"
HUGE_CHARS = 10_500_000

# One entry per output row, in input order: (id or None when unreadable, error substring or None).
EXPECTED = [
    ("1", None),
    ("2", "empty"),                       # empty body
    ("3", "empty"),                       # whitespace only
    (None, "line 5: not valid utf-8"),    # binary junk, not UTF-8
    ("5", "binary"),                      # control characters (valid UTF-8)
    (None, "line 7: not valid utf-8"),    # a Latin-1 row in a UTF-8 file
    (None, "line 8: malformed CSV"),      # a stray quote inside a quoted field
    (None, "line 9: expected 4 fields, found 6"),
    ("9", "empty"),                       # missing values everywhere
    ("10", None),                         # missing title and URL: still scored
    ("11", None),                         # a quoted body over three lines
    ("12", None),                         # accented UTF-8
    (None, "line 16: malformed CSV"),     # an opening quote that never closes
    ("14", None),                         # reading went on after it
    ("15", "limit"),                      # a 10 MB article
]


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    d = tmp_path_factory.mktemp("messy")
    src = d / "messy.csv"
    shutil.copy(MESSY, src)
    with open(src, "ab") as f:
        f.write(b'15,Huge,https://example.org/news/huge,"' + b"All quiet on the front. " * (HUGE_CHARS // 24) + b'"\n')
    summary = score_file(str(src), str(d / "scored.csv"), quiet=True, chunk_rows=4)
    out = pd.read_csv(d / "scored.csv", dtype=str, keep_default_na=False)
    return summary, out


def test_output_rows_equal_input_records(scored):
    summary, out = scored
    assert len(out) == summary.rows == len(EXPECTED)


@pytest.mark.parametrize("pos", range(len(EXPECTED)))
def test_each_row_in_place_with_its_error_or_its_scores(scored, pos):
    _, out = scored
    row = out.iloc[pos]
    want_id, want_error = EXPECTED[pos]
    assert row["id"] == (want_id or "")
    if want_error is None:
        assert row["error"] == "" and row["score_state_media"] != "" and row["analysis"].startswith("{")
    else:
        assert want_error in row["error"]
        assert row["score_state_media"] == "" and row["analysis"] == "" and row["host"] == ""


def test_summary_counts_errors_and_names_malformed_lines(scored):
    summary, _ = scored
    assert summary.errors == sum(1 for _, e in EXPECTED if e)
    assert summary.malformed == 5
    assert [m.split(": line ")[1].split(":")[0] for m in summary.malformed_lines] == ["5", "7", "8", "9", "16"]


def test_an_explicit_encoding_reads_the_latin1_row(tmp_path):
    summary = score_file(str(MESSY), str(tmp_path / "out.csv"), encoding="latin-1", quiet=True)
    out = pd.read_csv(tmp_path / "out.csv", dtype=str, keep_default_na=False)
    latin = out[out["id"] == "6"].iloc[0]
    assert latin["error"] == "" and "München" in latin["body"]
    assert summary.malformed == 3  # the undecodable rows now decode; the broken CSV lines remain


def test_jsonl_bad_lines_become_error_rows_in_place(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([
        json.dumps({"id": 1, "text": "The ferry service resumed on Friday, the operator said."}),
        "",
        json.dumps({"id": 2, "text": ""}),
        "{not json",
        "[1, 2]",
        json.dumps({"id": 3}),
        json.dumps({"id": 4, "text": "Rail traffic was normal on Sunday, officials said.", "extra": {"a": [1]}}),
    ]) + "\n", encoding="utf-8")
    summary = score_file(str(src), str(tmp_path / "out.jsonl"), quiet=True)
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [1, 2, None, None, 3, 4]
    errors = [r["error"] or "" for r in rows]
    assert errors[0] == "" and errors[5] == ""
    assert "empty" in errors[1] and "line 4: not valid JSON" in errors[2]
    assert "line 5: expected a JSON object" in errors[3] and "no text" in errors[4]
    assert rows[5]["extra"] == {"a": [1]} and isinstance(rows[5]["analysis"], dict)
    assert summary.rows == 6 and summary.malformed == 2
