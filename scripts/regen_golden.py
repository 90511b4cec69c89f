"""Rewrite tests/golden/*.json from the current code; review the diff before committing."""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_golden import ARTICLES, analyse_fixture  # noqa: E402

for path in ARTICLES:
    out = ROOT / "tests" / "golden" / (path.stem + ".json")
    out.write_text(json.dumps(analyse_fixture(path), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print("wrote", out.relative_to(ROOT))
