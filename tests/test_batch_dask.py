"""The Dask engine on a real (local) distributed cluster gives the local engine's output."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from labeler.batch import score_file

import distributed  # a declared dev dependency: its absence is a failure, not a skip

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "articles"
MESSY = Path(__file__).resolve().parent / "fixtures" / "messy.csv"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as c:
        yield c


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("dask")
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))] + ["", "  "]
    for i in range(3):
        n = 7 + i
        pd.DataFrame({"id": [f"p{i}-{j}" for j in range(n)], "url": [f"https://x{j}.example/a" for j in range(n)],
                      "text": [texts[(i + j) % len(texts)] for j in range(n)]}).to_parquet(
            d / f"part{i}.parquet", index=False, row_group_size=4)
    return d


@pytest.mark.parametrize("out_name", ["scored.csv", "scored.parquet"])
def test_dask_output_equals_local_output(cluster, corpus, tmp_path, out_name):
    pattern = str(corpus / "*.parquet")
    local = score_file(pattern, str(tmp_path / ("local-" + out_name)), quiet=True, chunk_rows=4)
    dask = score_file(pattern, str(tmp_path / out_name), quiet=True, engine="dask",
                      scheduler=cluster.scheduler_address)
    assert (dask.rows, dask.errors) == (local.rows, local.errors) == (24, local.errors)
    if out_name.endswith(".csv"):
        assert (tmp_path / out_name).read_bytes() == (tmp_path / ("local-" + out_name)).read_bytes()
    else:
        a = pd.read_parquet(tmp_path / out_name).astype(str)
        b = pd.read_parquet(tmp_path / ("local-" + out_name)).astype(str)
        pd.testing.assert_frame_equal(a, b)
    assert not list(tmp_path.glob("*.partial"))


@pytest.mark.parametrize("partition_rows", [20_000, 3])
def test_dask_keeps_malformed_csv_lines_as_error_rows(cluster, tmp_path, partition_rows):
    local = score_file(str(MESSY), str(tmp_path / "local.jsonl"), quiet=True)
    dask = score_file(str(MESSY), str(tmp_path / "dask.jsonl"), quiet=True, engine="dask",
                      scheduler=cluster.scheduler_address, partition_rows=partition_rows)
    assert dask.malformed == local.malformed == 5 and dask.malformed_lines == local.malformed_lines
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()


def test_dask_splits_one_big_csv_across_partitions(cluster, tmp_path):
    out = tmp_path / "parts"
    summary = score_file(str(MESSY), str(out) + "/", quiet=True, engine="dask", out_fmt="csv",
                         scheduler=cluster.scheduler_address, partition_rows=4)
    local = score_file(str(MESSY), str(tmp_path / "local.csv"), quiet=True)
    parts = sorted(out.glob("part-*.csv"))
    assert summary.rows == local.rows and len(parts) == -(-local.rows // 4)
    joined = pd.concat([pd.read_csv(p, dtype=str, keep_default_na=False) for p in parts], ignore_index=True)
    expected = pd.read_csv(tmp_path / "local.csv", dtype=str, keep_default_na=False)
    pd.testing.assert_frame_equal(joined, expected)


def test_dask_writes_a_folder_of_parts(cluster, corpus, tmp_path):
    out = tmp_path / "scored"
    summary = score_file(str(corpus / "*.parquet"), str(out) + "/", quiet=True, engine="dask",
                         scheduler=cluster.scheduler_address)
    parts = sorted(out.glob("part-*.parquet"))
    assert summary.rows == 24 and len(parts) == 2 + 2 + 3  # one per row group of 4 rows
    ids = pd.concat([pd.read_parquet(p) for p in parts])["id"].tolist()
    assert ids == [f"p{i}-{j}" for i in range(3) for j in range(7 + i)]
