"""What a person sees: `streamlit run app.py` driven by a real (headless, system) Chromium.

Uses the same steps as scripts/screenshot.py, which makes the README picture.
"""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def _load_script():
    spec = importlib.util.spec_from_file_location("labeler_screenshot", ROOT / "scripts" / "screenshot.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


shot = _load_script()


@pytest.fixture(scope="module")
def browser_page():
    if not os.path.exists(shot.CHROMIUM):
        pytest.skip(f"{shot.CHROMIUM} not installed (apt-get install chromium); .ci/run installs it")
    from playwright import sync_api  # declared in the dev extra
    with shot.streamlit_server(ROOT / "app.py") as url, sync_api.sync_playwright() as p:
        browser = shot.launch(p)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1100})
            dialogs: list[str] = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            yield url, page, dialogs
        finally:
            browser.close()


def test_seed_article_shows_rt_in_the_chain_and_is_screenshotted(browser_page, seed_text, tmp_path):
    url, page, _ = browser_page
    shot.analyse(page, url, seed_text)
    nodes = shot.chain_node_texts(page)
    assert any(n.splitlines()[0] == "RT" and "state-controlled" in n for n in nodes), nodes
    assert "RT (state-controlled, RU)" in page.locator(".labeler-origin").inner_text()
    out = tmp_path / "screenshot.png"
    page.screenshot(path=str(out))
    assert out.stat().st_size > 10_000


def test_script_and_onerror_in_an_article_appear_as_text_and_never_run(browser_page):
    url, page, dialogs = browser_page
    hostile = ('Officials said <script>window.__labeler_xss = 1; alert("script")</script> on Monday and '
               '<img src=x onerror="window.__labeler_xss = 2; alert(\'img\')"> was posted by "<b>RT</b>".\n\n'
               "This article was originally published on RT.")
    shot.analyse(page, url, hostile)
    shown = page.locator(".labeler-text").inner_text()
    assert "<script>window.__labeler_xss = 1" in shown and "onerror=" in shown
    assert page.evaluate("typeof window.__labeler_xss") == "undefined"
    assert page.locator(".labeler-text img, .labeler-text script, .labeler-text b").count() == 0
    assert dialogs == []
