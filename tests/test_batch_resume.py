"""A killed run leaves no output that looks complete, and --resume finishes it to the same bytes."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import labeler
from labeler.batch import score_file
from labeler.errors import InputError

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "articles"


def write_corpus(path: Path, n: int) -> Path:
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))] + [""]
    pd.DataFrame({"id": [f"r{i}" for i in range(n)], "text": [texts[i % len(texts)] for i in range(n)]}).to_csv(
        path, index=False)
    return path


class InterruptAfter:
    """The real analyzer, until a Ctrl-C arrives on call ``n`` (in the middle of a chunk)."""

    def __init__(self, n: int):
        self.n, self.calls = n, 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        if self.calls == self.n:
            raise KeyboardInterrupt
        return labeler.analyze(*args, **kwargs)


@pytest.mark.parametrize("out_name", ["scored.csv", "scored.parquet", "scored.jsonl.gz"])
def test_interrupted_run_resumes_to_the_same_output(tmp_path, out_name):
    src = write_corpus(tmp_path / "in.csv", 30)
    whole = tmp_path / "whole" / out_name
    whole.parent.mkdir()
    score_file(str(src), str(whole), quiet=True, chunk_rows=4)
    out = tmp_path / out_name
    with pytest.raises(KeyboardInterrupt):
        score_file(str(src), str(out), quiet=True, chunk_rows=4, analyze_fn=InterruptAfter(15))
    assert not out.exists()
    partial = Path(str(out) + ".partial")
    assert (partial / "manifest.json").exists() and len(list(partial.glob("part-*"))) == 3
    summary = score_file(str(src), str(out), quiet=True, chunk_rows=4, resume=True)
    assert summary.rows == 30 and summary.resumed_rows == 12
    assert out.read_bytes() == whole.read_bytes() if not out_name.endswith(".parquet") else \
        pd.read_parquet(out).astype(str).equals(pd.read_parquet(whole).astype(str))
    assert not partial.exists()


def _chunks_done(partial: Path) -> int:
    try:
        return json.loads((partial / "manifest.json").read_text(encoding="utf-8"))["chunks"]
    except (OSError, ValueError):
        return 0


def test_killed_process_resumes_to_the_same_output(tmp_path):
    src = write_corpus(tmp_path / "in.csv", 200)
    out = tmp_path / "scored.csv"
    partial = Path(str(out) + ".partial")
    cmd = [sys.executable, "-c", "import sys; from labeler.cli import main; sys.exit(main(sys.argv[1:]))",
           "score", str(src), "-o", str(out), "--chunk-rows", "10", "--quiet"]
    proc = subprocess.Popen(cmd, stderr=subprocess.DEVNULL)  # a full pipe would stall the run
    deadline = time.monotonic() + 600  # generous: the model loads first, and CI machines may be busy
    while _chunks_done(partial) < 1 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    assert _chunks_done(partial) >= 1, "no chunk was finished before the kill"
    assert not out.exists()
    summary = score_file(str(src), str(out), quiet=True, chunk_rows=10, resume=True)
    whole = tmp_path / "whole.csv"
    score_file(str(src), str(whole), quiet=True, chunk_rows=10)
    assert summary.rows == 200 and summary.resumed_rows > 0
    assert out.read_bytes() == whole.read_bytes()


def test_resume_refuses_a_changed_input(tmp_path):
    src = write_corpus(tmp_path / "in.csv", 12)
    out = tmp_path / "scored.csv"
    with pytest.raises(KeyboardInterrupt):
        score_file(str(src), str(out), quiet=True, chunk_rows=4, analyze_fn=InterruptAfter(6))
    write_corpus(src, 13)
    with pytest.raises(InputError, match="cannot resume"):
        score_file(str(src), str(out), quiet=True, chunk_rows=4, resume=True)


def test_resume_refuses_another_claim_reader(tmp_path):
    model = labeler.load_model()
    if not hasattr(model, "with_claims"):
        pytest.skip("no default model shipped")
    src = write_corpus(tmp_path / "in.csv", 12)
    out = tmp_path / "scored.csv"
    with pytest.raises(KeyboardInterrupt):
        score_file(str(src), str(out), quiet=True, chunk_rows=4, analyze_fn=InterruptAfter(6), model=model)
    with pytest.raises(InputError, match="cannot resume.*--claims"):
        score_file(str(src), str(out), quiet=True, chunk_rows=4, resume=True, model=model.with_claims("embedding"))
    summary = score_file(str(src), str(out), quiet=True, chunk_rows=4, resume=True, model=model)
    assert summary.rows == 12 and summary.resumed_rows == 4


def test_without_resume_an_unfinished_run_is_started_again(tmp_path):
    src = write_corpus(tmp_path / "in.csv", 12)
    out = tmp_path / "scored.csv"
    with pytest.raises(KeyboardInterrupt):
        score_file(str(src), str(out), quiet=True, chunk_rows=4, analyze_fn=InterruptAfter(6))
    summary = score_file(str(src), str(out), quiet=True, chunk_rows=4)
    assert summary.rows == 12 and summary.resumed_rows == 0
