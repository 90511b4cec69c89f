"""From what the user gave (pasted text, an uploaded file, a URL) to (analysed text, Analysis)."""
from __future__ import annotations

from pathlib import PurePath
from typing import Any

from ..errors import InputError
from ..schema import Analysis

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", ".text", ".md")
FETCH_TIMEOUT = 10.0
FETCH_MAX_BYTES = 5_000_000


def looks_like_html(content: str) -> bool:
    head = content[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or (head.startswith("<") and "<body" in content[:20000].lower())


def read_upload(name: str, data: bytes) -> tuple[str, bool]:
    """(decoded content, is_html) of an uploaded article file."""
    from ..article import decode_bytes

    suffix = PurePath(name or "").suffix.lower()
    if suffix not in HTML_SUFFIXES + TEXT_SUFFIXES:
        raise InputError(f"{name!r}: expected a .txt or .html file, not {suffix or 'a file without extension'}")
    if not data:
        raise InputError(f"{name}: the file is empty")
    content = decode_bytes(data, where=name)
    return content, suffix in HTML_SUFFIXES or looks_like_html(content)


def fetch(url: str, *, timeout: float = FETCH_TIMEOUT, max_bytes: int = FETCH_MAX_BYTES) -> str:
    """The page's HTML, downloaded now (only ever on the user's request)."""
    from .. import article

    url = (url or "").strip()
    if not url:
        raise InputError("no URL given")
    return article.fetch_url(url, timeout=timeout, max_bytes=max_bytes)


def analyse_input(text: str | None = None, *, html: str | None = None, url: str | None = None,
                  title: str | None = None, model: Any = None) -> tuple[str, Analysis]:
    """The text that was analysed (extracted from HTML when HTML is given) and its Analysis.

    The UI needs the analysed text itself to place the highlights, so the article is built
    first and the same text is handed to ``labeler.analyze``.
    """
    import labeler
    from ..pipeline import to_article

    url = (url or "").strip() or None
    title = (title or "").strip() or None
    art = to_article(text, url=url, title=title, html=html)
    analysis = labeler.analyze(art.text, url=art.url, title=art.title, html=html, model=model)
    return art.text, analysis
