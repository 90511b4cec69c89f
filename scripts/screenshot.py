"""Regenerate docs/screenshot.png: start the app, paste an article, analyse, screenshot.

    python scripts/screenshot.py [--article ../shared/examples/seed_rt_rubio.txt] [--out docs/screenshot.png]

Uses Debian's Chromium (/usr/bin/chromium) through Playwright; never downloads a browser.
tests/test_browser.py drives the app with the same functions, so the README picture is what
the test sees.
"""
from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("LABELER_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
                 "--no-first-run", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def streamlit_server(app: str | Path = ROOT / "app.py", *, port: int | None = None,
                     timeout: float = 90.0) -> Iterator[str]:
    """``streamlit run app`` on a free localhost port; yields its URL; always stops it."""
    port = port or free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(app), "--server.headless", "true",
           "--server.address", "127.0.0.1", "--server.port", str(port),
           "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                out = proc.stdout.read().decode("utf-8", "replace") if proc.stdout else ""
                raise RuntimeError(f"streamlit exited with {proc.returncode}:\n{out[-3000:]}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not answer on {url} within {timeout:g} s")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        if proc.stdout:
            proc.stdout.close()


def launch(playwright, executable: str = CHROMIUM):
    return playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)


def analyse(page, url: str, text: str, *, timeout_ms: int = 60_000) -> None:
    """Open the app, paste the article, click Analyse and wait for the chain graph."""
    page.goto(url, wait_until="domcontentloaded")
    area = page.locator(".st-key-text textarea")
    area.wait_for(timeout=timeout_ms)
    area.fill(text)
    area.press("Control+Enter")  # commit the value before the click (Streamlit's own shortcut)
    page.locator(".st-key-analyse button").click()
    page.locator('[data-testid="stGraphVizChart"] svg g.node').first.wait_for(timeout=timeout_ms)
    page.locator(".labeler-text").wait_for(timeout=timeout_ms)
    page.wait_for_timeout(500)  # let the graph's layout transition finish


def chain_node_texts(page) -> list[str]:
    """The lines of each node of the chain graph (SVG text elements, one per line)."""
    return page.locator('[data-testid="stGraphVizChart"] svg g.node').evaluate_all(
        "gs => gs.map(g => Array.from(g.querySelectorAll('text')).map(t => t.textContent).join('\\n'))")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--article", default=str(ROOT.parent / "shared" / "examples" / "seed_rt_rubio.txt"))
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshot.png"))
    ap.add_argument("--app", default=str(ROOT / "app.py"))
    ap.add_argument("--width", type=int, default=1400)
    ap.add_argument("--height", type=int, default=1700)
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    text = Path(args.article).read_text(encoding="utf-8")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with streamlit_server(args.app) as url, sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page(viewport={"width": args.width, "height": args.height})
            analyse(page, url, text)
            page.locator(".labeler-origin").evaluate("e => e.scrollIntoView({block: 'start'})")
            page.wait_for_timeout(300)
            page.screenshot(path=str(out))
        finally:
            browser.close()
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
