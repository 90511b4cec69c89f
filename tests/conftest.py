"""Shared fixtures: the read-only ../shared folder (never copied into the project)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"../shared not present ({p} missing)")
    return p


@pytest.fixture(scope="session")
def seed_text() -> str:
    return shared_path("examples", "seed_rt_rubio.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def challenge() -> list[dict]:
    with open(shared_path("examples", "challenge.jsonl"), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
