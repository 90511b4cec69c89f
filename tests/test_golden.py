"""Whole-analysis golden files for invented articles (tests/fixtures/articles).

Regenerate after an intended change with ``python scripts/regen_golden.py`` and review the diff.
"""
import json
from pathlib import Path

import pytest

import labeler
from labeler.article import read_document

HERE = Path(__file__).parent
ARTICLES = sorted((HERE / "fixtures" / "articles").iterdir())
URLS = {
    "syndicated_xinhua.html": None,
    "blog_presstv_interview.txt": "https://www.gulf-health-watch.example/2025/03/iran-cancer-drugs/",
}


def analyse_fixture(path: Path) -> dict:
    content, is_html = read_document(path)
    url = URLS.get(path.name)
    if is_html:
        return labeler.analyze(html=content, url=url, model="rules").to_dict()
    return labeler.analyze(content, url=url, model="rules").to_dict()


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_analysis_matches_its_golden_file(path):
    golden = HERE / "golden" / (path.stem + ".json")
    got = analyse_fixture(path)
    assert golden.exists(), f"no golden file for {path.name}: run scripts/regen_golden.py"
    assert got == json.loads(golden.read_text(encoding="utf-8"))
