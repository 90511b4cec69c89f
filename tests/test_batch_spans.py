"""A CSV/JSONL file read in spans gives exactly the records of one sequential read.

This is what lets the Dask engine split one big file across workers: same rows, same
problems, same line numbers, whatever the span size, even with quoted fields running over
several lines, malformed lines and invalid bytes.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from labeler.batch.formats import format_of
from labeler.batch.readers import open_source

MESSY = Path(__file__).resolve().parent / "fixtures" / "messy.csv"


def _records(src, span=None):
    rows, problems, lines = [], [], []
    for ch in src.chunks(2, span):
        rows += ch.rows
        problems += ch.problems
        lines += ch.lines
    return rows, problems, lines


def _spanned(src, n):
    rows, problems, lines = [], [], []
    for span in src.spans(n):
        r, p, ln = _records(src, span)
        rows, problems, lines = rows + r, problems + p, lines + ln
    return rows, problems, lines


@pytest.fixture
def multiline_csv(tmp_path) -> Path:
    p = tmp_path / "multi.csv"
    body = ['id,text', '1,"first line\nsecond line, with a comma"', '2,plain', '',
            '3,"a ""quoted"" word\n\nand a blank line inside"', '4,"unclosed quote', '5,after the bad one',
            '6,too,many,fields', '7,"last\nrecord"']
    p.write_bytes(("\n".join(body) + "\n").encode("utf-8") + b"8,bad byte \xff here\n9,end\n")
    return p


@pytest.fixture
def jsonl(tmp_path) -> Path:
    p = tmp_path / "rows.jsonl"
    p.write_bytes(b'\xef\xbb\xbf{"id": 1, "text": "bom first"}\n{"id": 2, "text": "two"}\n\n[1, 2]\nnot json\n'
                  b'{"id": 5, "text": "bad \xff byte"}\n{"id": 6, "text": "six"}\n')
    return p


@pytest.mark.parametrize("per_span", [1, 2, 3, 100])
@pytest.mark.parametrize("which", ["messy", "multiline", "jsonl"])
def test_reading_in_spans_equals_reading_the_whole_file(which, per_span, multiline_csv, jsonl):
    path = {"messy": MESSY, "multiline": multiline_csv, "jsonl": jsonl}[which]
    src = open_source(str(path), format_of(str(path)))
    whole = _records(src)
    assert _spanned(src, per_span) == whole
    assert sum(s.records for s in src.spans(per_span)) == len(whole[0])


def test_spans_cut_only_at_record_starts(multiline_csv):
    src = open_source(str(multiline_csv), format_of(str(multiline_csv)))
    lines = [s.line for s in src.spans(1)]
    assert lines[:2] == [2, 4]  # record 1 runs over lines 2-3


def test_a_gzipped_file_is_not_splittable(tmp_path):
    import gzip

    p = tmp_path / "a.csv.gz"
    p.write_bytes(gzip.compress(b"id,text\n1,a\n2,b\n"))
    src = open_source(str(p), format_of(str(p)))
    assert not src.splittable
    with pytest.raises(ValueError, match="cannot be read from an offset"):
        src.spans(1)
