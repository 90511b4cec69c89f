"""Article: the text to analyse plus what the page says about itself (URL, site, credits).

Built from plain text, a file (.txt or .html), raw HTML or, only on request, a URL.
HTML is parsed with trafilatura for the text; the provenance-bearing meta tags
(og:site_name, canonical link, author, JSON-LD ``isBasedOn``/``sourceOrganization``,
distributor/syndication-source tags) are read here so detectors never touch HTML.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError

MAX_CHARS = 2_000_000  # ~400 printed pages; larger inputs are refused rather than silently cut
MAX_FETCH_BYTES = 5_000_000


@dataclass(frozen=True)
class PageMeta:
    """One provenance-bearing fact from the page's HTML head (no offset: not in the text)."""

    key: str  # og:site_name | canonical | author | isBasedOn | sourceOrganization | distributor | syndication-source | original-source | publisher
    value: str


@dataclass(frozen=True)
class Article:
    text: str
    title: str | None = None
    url: str | None = None
    meta: tuple[PageMeta, ...] = ()
    warnings: tuple[str, ...] = field(default=())


def check_text(text: object, *, where: str = "text", max_chars: int = MAX_CHARS) -> str:
    """The text if it can be analysed; otherwise an InputError that says what and where."""
    if text is None:
        raise InputError(f"{where}: no text given")
    if isinstance(text, bytes):
        text = decode_bytes(text, where=where)
    if not isinstance(text, str):
        raise InputError(f"{where}: expected text, got {type(text).__name__}")
    if not text.strip():
        raise InputError(f"{where}: text is empty or whitespace only")
    if len(text) > max_chars:
        raise InputError(
            f"{where}: text has {len(text):,} characters, more than the limit of {max_chars:,}; "
            "split the document or raise the limit (max_chars)"
        )
    if _looks_binary(text):
        raise InputError(f"{where}: text looks like binary data (control characters), not an article")
    return text


# control characters other than whitespace, surrogates, private use, and the replacement character
_BINARY_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufffd]")


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if "\x00" in sample:
        return True
    bad = len(_BINARY_CHARS.findall(sample))
    return bad > max(8, len(sample) // 50)


def decode_bytes(data: bytes, *, where: str = "input", encoding: str | None = None) -> str:
    """Decode bytes as the given encoding, else UTF-8 (BOM-aware), else a detected one."""
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise InputError(f"{where}: unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as e:
            raise InputError(f"{where}: not valid {encoding} at byte {e.start}") from None
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{where}: looks like binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        first_bad = e.start
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # detector unavailable or failed: fall through to the clear error
        best = None
    if best is None:
        raise InputError(
            f"{where}: not valid UTF-8 (first bad byte at offset {first_bad}) and no other encoding "
            "fits; give the encoding explicitly (--encoding)"
        )
    return str(best)


def from_text(text: str, *, url: str | None = None, title: str | None = None) -> Article:
    return Article(text=check_text(text), title=title, url=url)


def read_document(path: str | Path, *, encoding: str | None = None, as_html: bool | None = None) -> tuple[str, bool]:
    """(decoded content, is_html) of a file, ``-`` meaning standard input."""
    import sys

    where = "standard input" if str(path) == "-" else str(path)
    try:
        data = sys.stdin.buffer.read() if str(path) == "-" else Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{where}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{where}: is a directory, not an article file") from None
    except OSError as e:
        raise InputError(f"{where}: cannot read ({e.strerror})") from None
    content = decode_bytes(data, where=where, encoding=encoding)
    if as_html is None:
        as_html = Path(str(path)).suffix.lower() in (".html", ".htm", ".xhtml") or _sniff_html(content)
    return content, as_html


def from_file(path: str | Path, *, url: str | None = None, encoding: str | None = None) -> Article:
    """A .txt/.md file as text; .html/.htm (or anything that looks like HTML) parsed as HTML."""
    content, is_html = read_document(path, encoding=encoding)
    if is_html:
        return from_html(content, url=url, where=str(path))
    return Article(text=check_text(content, where=str(path)), url=url)


def _sniff_html(text: str) -> bool:
    head = text[:1000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<head" in head and "<body" in text[:20000].lower())


def from_html(html: str, *, url: str | None = None, where: str = "html") -> Article:
    """Main text via trafilatura; provenance meta tags kept as PageMeta."""
    if not html or not html.strip():
        raise InputError(f"{where}: HTML is empty")
    if len(html) > 4 * MAX_CHARS:
        raise InputError(f"{where}: HTML has {len(html):,} characters, more than {4 * MAX_CHARS:,}")
    import trafilatura
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except Exception as e:  # lxml raises several types on garbage
        raise InputError(f"{where}: cannot parse HTML ({type(e).__name__}: {e})") from None
    meta = tuple(_page_meta(tree))
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True,
                               deduplicate=False) or ""
    title = None
    try:
        md = trafilatura.extract_metadata(html)
        if md is not None:
            title = md.title
            url = url or md.url
    except Exception:
        md = None
    if not url:
        canon = next((m.value for m in meta if m.key == "canonical"), None)
        url = canon
    if not text.strip():
        raise InputError(f"{where}: HTML has no article text (empty body or only navigation)")
    return Article(text=check_text(text, where=where), title=title, url=url, meta=meta)


_META_NAMES = {
    "og:site_name": "og:site_name",
    "author": "author",
    "article:author": "author",
    "dc.publisher": "publisher",
    "dcterms.publisher": "publisher",
    "distributor": "distributor",
    "syndication-source": "syndication-source",
    "original-source": "original-source",
    "article:publisher": "publisher",
    "citation_publisher": "publisher",
}


def _page_meta(tree) -> list[PageMeta]:
    out: list[PageMeta] = []
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or "").strip().lower()
        val = (el.get("content") or "").strip()
        if key in _META_NAMES and val:
            out.append(PageMeta(_META_NAMES[key], val))
    for el in tree.iter("link"):
        rel = (el.get("rel") or "").lower().split()
        href = (el.get("href") or "").strip()
        if "canonical" in rel and href:
            out.append(PageMeta("canonical", href))
        if "original-source" in rel and href:
            out.append(PageMeta("original-source", href))
    for el in tree.iter("script"):
        if (el.get("type") or "").lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = json.loads(el.text)
        except ValueError:
            continue
        for node in _walk_jsonld(data):
            for key in ("isBasedOn", "sourceOrganization", "publisher", "author"):
                for name in _jsonld_names(node.get(key)):
                    out.append(PageMeta(key if key in ("isBasedOn", "sourceOrganization") else key.lower(), name))
    return out


def _walk_jsonld(data):
    if isinstance(data, list):
        for d in data:
            yield from _walk_jsonld(d)
    elif isinstance(data, dict):
        yield data
        for v in data.get("@graph", []) if isinstance(data.get("@graph"), list) else []:
            yield from _walk_jsonld(v)


def _jsonld_names(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [n for v in value for n in _jsonld_names(v)]
    if isinstance(value, dict):
        for k in ("name", "url", "@id"):
            if isinstance(value.get(k), str):
                return [value[k]]
    return []


def fetch_url(url: str, *, timeout: float = 10.0, max_bytes: int = MAX_FETCH_BYTES) -> str:
    """Download a page, only when the user asked for it; clear errors for every failure."""
    if not re.match(r"^https?://[^\s/]+", url or ""):
        raise InputError(f"not an http(s) URL: {url!r}")
    import requests

    try:
        with requests.get(url, timeout=timeout, stream=True,
                          headers={"User-Agent": "labeler/0.1 (media-literacy research)"}) as r:
            r.raise_for_status()
            chunks, size = [], 0
            for chunk in r.iter_content(65536):
                size += len(chunk)
                if size > max_bytes:
                    raise InputError(f"{url}: page is larger than the {max_bytes:,}-byte limit")
                chunks.append(chunk)
            data = b"".join(chunks)
            enc = r.encoding if r.encoding and "charset" in r.headers.get("content-type", "").lower() else None
    except InputError:
        raise
    except requests.exceptions.Timeout:
        raise InputError(f"{url}: no answer within {timeout:g} s") from None
    except requests.exceptions.ConnectionError as e:
        raise InputError(f"{url}: cannot connect (no network, or the host is unreachable): {e.__class__.__name__}") from None
    except requests.exceptions.HTTPError as e:
        raise InputError(f"{url}: the server answered {e.response.status_code}") from None
    except requests.exceptions.RequestException as e:
        raise InputError(f"{url}: download failed ({e.__class__.__name__})") from None
    try:
        return decode_bytes(data, where=url, encoding=enc)
    except InputError:
        return decode_bytes(data, where=url)


def from_url(url: str, *, timeout: float = 10.0, max_bytes: int = MAX_FETCH_BYTES) -> Article:
    return from_html(fetch_url(url, timeout=timeout, max_bytes=max_bytes), url=url, where=url)
