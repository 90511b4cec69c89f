"""Batch scoring: every row once, in order, with its columns and results, in every format."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import labeler
from labeler.batch import (ANALYSIS_COLUMN, RESULT_COLUMNS, detect_columns, flat_columns, score_file,
                           score_frame)
from labeler.batch.formats import format_of
from labeler.batch.readers import open_source
from labeler.cli import EXIT_INPUT, EXIT_OK, main
from labeler.errors import InputError
from labeler.schema import analysis_from_dict

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "articles"


def corpus(n: int = 8) -> pd.DataFrame:
    """Invented article texts from the fixtures, plus rows that must fail, repeated to ``n`` rows."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    base = texts + ["", "   "]
    rows = [{"id": f"a{i:04d}", "title": f"Story {i}", "url": f"https://news{i % 3}.example/{i}",
             "text": base[i % len(base)]} for i in range(n)]
    return pd.DataFrame(rows)


def write_input(df: pd.DataFrame, path: Path) -> Path:
    fmt = format_of(path)
    if fmt.kind in ("csv", "tsv"):
        df.to_csv(path, index=False, sep="\t" if fmt.kind == "tsv" else ",",
                  compression="gzip" if fmt.gzip else None)
    elif fmt.kind == "jsonl":
        df.to_json(path, orient="records", lines=True, force_ascii=False,
                   compression="gzip" if fmt.gzip else None)
    else:
        df.to_parquet(path, index=False)
    return path


def read_output(path: Path) -> pd.DataFrame:
    fmt = format_of(path)
    if fmt.kind in ("csv", "tsv"):
        return pd.read_csv(path, dtype=str, keep_default_na=False, sep="\t" if fmt.kind == "tsv" else ",")
    if fmt.kind == "jsonl":
        opener = gzip.open if fmt.gzip else open
        with opener(path, "rt", encoding="utf-8") as f:
            return pd.DataFrame([json.loads(line) for line in f])
    return pq.read_table(path).to_pandas()


def as_dict(value) -> dict:
    """The analysis column as a plain dict, whatever the format stored."""
    if isinstance(value, str):
        return json.loads(value)
    d = {k: (list(v) if hasattr(v, "tolist") and not isinstance(v, (str, dict)) else v) for k, v in value.items()}
    for k in ("sources", "explanations"):
        if isinstance(d.get(k), str):
            d[k] = json.loads(d[k])
    return d


# ---------------------------------------------------------------- columns
@pytest.mark.parametrize("columns, expected", [
    (["id", "headline", "link", "body"], {"text": "body", "title": "headline", "url": "link", "id": "id"}),
    (["Text", "URL", "Title"], {"text": "Text", "url": "URL", "title": "Title", "id": None}),
    (["article_id", "content", "source_url"], {"text": "content", "url": None, "id": "article_id"}),
    (["doc id", "Full Text"], {"text": "Full Text", "id": "doc id"}),
    (["page_html", "url"], {"text": None, "html": "page_html", "url": "url"}),
])
def test_common_column_names_are_detected(columns, expected):
    found = detect_columns(columns)
    assert {k: found[k] for k in expected} == expected


def test_no_text_column_lists_the_columns_present():
    with pytest.raises(InputError, match="columns are: id, title, when"):
        detect_columns(["id", "title", "when"])


def test_a_named_column_that_is_missing_lists_the_columns_present(tmp_path):
    src = write_input(corpus(3), tmp_path / "in.csv")
    with pytest.raises(InputError, match=r"column 'body' not found; columns are: id, title, url, text"):
        score_file(str(src), str(tmp_path / "out.csv"), text_col="body", quiet=True)


def test_failed_row_has_only_its_error():
    flat = flat_columns(None, "InputError: text is empty")
    assert list(flat) == list(RESULT_COLUMNS)
    assert flat["error"] == "InputError: text is empty"
    assert all(v is None for k, v in flat.items() if k != "error")


def test_flat_columns_of_a_real_analysis():
    text = (ARTICLES / "wire_reuters_cites_tass.txt").read_text(encoding="utf-8")
    a = labeler.analyze(text, url="https://www.reuters.example/world/1")
    flat = flat_columns(a, None)
    assert list(flat) == list(RESULT_COLUMNS) and flat["error"] is None
    assert flat["host"] == a.host and flat["score_state_media"] == a.scores.state_media
    assert flat["origin_outlet"] == (a.origin.outlet if a.origin else None)
    assert flat["unattributed_claims"] == sum(not c.attributed for c in a.claims)
    # the named sources are the people and organisations among the speakers, not the outlet TASS
    assert "Alexander Bogomaz" in flat["named_speakers"].split("; ")
    assert "TASS" in flat["quoted_speakers"].split("; ") and "TASS" not in flat["named_speakers"].split("; ")


# ---------------------------------------------------------------- score_frame
def test_score_frame_keeps_every_row_in_order_with_its_columns():
    df = corpus(12)
    out = score_frame(df, text_col="text")
    assert len(out) == len(df) and list(out["id"]) == list(df["id"])
    assert list(out.columns) == list(df.columns) + list(RESULT_COLUMNS) + [ANALYSIS_COLUMN]
    failed = df["text"].str.strip() == ""
    assert out.loc[failed, "error"].str.startswith("InputError").all()
    assert out.loc[failed, ["host", "score_state_media", ANALYSIS_COLUMN]].isna().all().all()
    assert out.loc[~failed, "error"].isna().all()
    assert out.loc[~failed, "score_state_media"].between(0, 1).all()


def test_score_frame_analysis_column_round_trips_to_the_contract():
    out = score_frame(corpus(4))
    a = analysis_from_dict(out[ANALYSIS_COLUMN].iloc[0])
    assert a.to_dict() == out[ANALYSIS_COLUMN].iloc[0]


def _flaky(text=None, **kw):
    if text and "council" in text.lower():
        raise RuntimeError("detector bug")
    return labeler.analyze(text, **kw)


def test_any_exception_in_a_row_is_recorded_with_its_type_and_counted(tmp_path):
    df = corpus(10)
    src = write_input(df, tmp_path / "in.csv")
    summary = score_file(str(src), str(tmp_path / "out.csv"), quiet=True, analyze_fn=_flaky)
    out = read_output(tmp_path / "out.csv")
    bug = df["text"].str.lower().str.contains("council")
    assert bug.any() and (out.loc[bug, "error"] == "RuntimeError: detector bug").all()
    assert summary.rows == 10 and summary.errors == int((out["error"] != "").sum())
    assert (out.loc[~bug & (df["text"].str.strip() != ""), "error"] == "").all()


def test_a_column_named_like_a_result_is_kept_as_input_column():
    df = corpus(2).assign(error="from the export")
    out = score_frame(df)
    assert list(out["input_error"]) == ["from the export"] * 2


# ---------------------------------------------------------------- formats
FORMATS = ["in.csv", "in.csv.gz", "in.tsv", "in.jsonl", "in.jsonl.gz", "in.parquet"]


@pytest.mark.parametrize("name", FORMATS)
def test_round_trip_in_each_format(tmp_path, name):
    df = corpus(9)
    src = write_input(df, tmp_path / name)
    out_path = tmp_path / name.replace("in.", "out.")
    summary = score_file(str(src), str(out_path), quiet=True, chunk_rows=4)
    out = read_output(out_path)
    assert summary.rows == len(out) == len(df) and summary.output == str(out_path)
    assert list(out.columns) == list(df.columns) + list(RESULT_COLUMNS) + [ANALYSIS_COLUMN]
    pd.testing.assert_frame_equal(out[df.columns].astype(str), df.astype(str))
    scored = out["error"].isin(["", None]) | out["error"].isna()
    assert summary.errors == int((~scored).sum()) == int((df["text"].str.strip() == "").sum())
    for value in out.loc[scored, ANALYSIS_COLUMN]:
        assert analysis_from_dict(as_dict(value)).schema == "labeler.analysis/1"


@pytest.mark.parametrize("src_name, out_name", [
    ("in.csv", "out.parquet"), ("in.parquet", "out.csv"), ("in.jsonl", "out.parquet"), ("in.parquet", "out.jsonl"),
])
def test_cross_format_keeps_values(tmp_path, src_name, out_name):
    df = corpus(5).assign(n=range(5))
    src = write_input(df, tmp_path / src_name)
    score_file(str(src), str(tmp_path / out_name), quiet=True)
    out = read_output(tmp_path / out_name)
    assert list(out["id"]) == list(df["id"]) and [str(v) for v in out["n"]] == [str(v) for v in df["n"]]


def test_format_option_overrides_the_extension(tmp_path):
    src = tmp_path / "export.dat"
    corpus(3).to_csv(src, index=False)
    summary = score_file(str(src), str(tmp_path / "scored.out"), fmt="csv", out_fmt="jsonl", quiet=True)
    assert summary.rows == 3 and len(read_output_as(tmp_path / "scored.out", "jsonl")) == 3


def read_output_as(path: Path, kind: str) -> list:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def test_parallel_workers_give_the_same_output(tmp_path):
    src = write_input(corpus(40), tmp_path / "in.csv")
    score_file(str(src), str(tmp_path / "one.csv"), quiet=True, chunk_rows=7)
    summary = score_file(str(src), str(tmp_path / "two.csv"), quiet=True, chunk_rows=7, jobs=2)
    assert summary.rows == 40
    assert (tmp_path / "one.csv").read_bytes() == (tmp_path / "two.csv").read_bytes()


def test_several_inputs_into_a_folder_one_output_each(tmp_path):
    a = write_input(corpus(3), tmp_path / "a.csv")
    b = write_input(corpus(4), tmp_path / "b.jsonl")
    summary = score_file([str(a), str(b)], str(tmp_path / "scored") + "/", out_fmt="parquet", quiet=True)
    assert summary.rows == 7
    assert sorted(p.name for p in (tmp_path / "scored").iterdir()) == ["a.parquet", "b.parquet"]


def test_two_inputs_with_the_same_name_never_write_one_output(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    a = write_input(corpus(3), tmp_path / "x" / "part.csv")
    b = write_input(corpus(4), tmp_path / "y" / "part.csv")
    summary = score_file([str(a), str(b)], str(tmp_path / "scored") + "/", out_fmt="csv", quiet=True)
    assert summary.rows == 7
    assert sorted(p.name for p in (tmp_path / "scored").iterdir()) == ["part-2.csv", "part.csv"]
    assert len(read_output(tmp_path / "scored" / "part-2.csv")) == 4


def test_a_glob_scores_its_files_in_name_order_into_one_output(tmp_path):
    (tmp_path / "corpus").mkdir()
    for i in range(3):
        write_input(corpus(3).assign(part=str(i)), tmp_path / "corpus" / f"p{i}.parquet")
    score_file(str(tmp_path / "corpus" / "*.parquet"), str(tmp_path / "all.csv"), quiet=True)
    assert list(read_output(tmp_path / "all.csv")["part"]) == ["0"] * 3 + ["1"] * 3 + ["2"] * 3


def test_chunks_never_exceed_chunk_rows(tmp_path):
    src = write_input(corpus(25), tmp_path / "in.csv")
    sizes = [len(c.rows) for c in open_source(str(src), format_of(src)).chunks(10)]
    assert sizes == [10, 10, 5]


def test_success_leaves_no_temporary_or_partial_files(tmp_path):
    src = write_input(corpus(5), tmp_path / "in.csv")
    score_file(str(src), str(tmp_path / "out.csv"), quiet=True, chunk_rows=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.csv"]


# ---------------------------------------------------------------- unusable input and the command
@pytest.mark.parametrize("setup, message", [
    (lambda d: d / "missing.csv", "no such file"),
    (lambda d: (d / "in.xlsx").write_bytes(b"PK") and d / "in.xlsx", "known formats: csv"),
    (lambda d: write_input(pd.DataFrame({"id": [1], "when": ["today"]}), d / "in.csv"), "columns are: id, when"),
    (lambda d: (d / "in.csv").write_bytes(b"") or d / "in.csv", "empty"),
    (lambda d: d / "nothing-*.csv", "no files match"),
])
def test_unusable_input_is_an_input_error_before_scoring(tmp_path, setup, message):
    src = setup(tmp_path)
    with pytest.raises(InputError, match=message):
        score_file(str(src), str(tmp_path / "out.csv"), quiet=True)
    assert not (tmp_path / "out.csv").exists()


def test_cli_scores_and_prints_a_summary(tmp_path, capsys):
    src = write_input(corpus(6), tmp_path / "articles.csv")
    code = main(["score", str(src), "-o", str(tmp_path / "scored.csv"), "--text-col", "text"])
    err = capsys.readouterr().err
    assert code == EXIT_OK and "scored 6 rows" in err and "errors" in err and "rows/s" in err
    assert len(read_output(tmp_path / "scored.csv")) == 6


@pytest.mark.parametrize("argv_tail, message", [
    (["--text-col", "body"], "column 'body' not found; columns are: id, title, url, text"),
    (["--format", "xlsx"], "unknown format 'xlsx'"),
])
def test_cli_unusable_input_exits_3_with_a_clear_message(tmp_path, capsys, argv_tail, message):
    src = write_input(corpus(2), tmp_path / "articles.csv")
    code = main(["score", str(src), "-o", str(tmp_path / "scored.csv"), *argv_tail])
    err = capsys.readouterr().err
    assert code == EXIT_INPUT and message in err and "Traceback" not in err


def test_cli_missing_file_exits_3(tmp_path, capsys):
    code = main(["score", str(tmp_path / "nope.csv"), "-o", str(tmp_path / "o.csv"), "--quiet"])
    assert code == EXIT_INPUT and "no such file" in capsys.readouterr().err
