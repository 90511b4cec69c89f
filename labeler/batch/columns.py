"""Which input columns hold the article, and the flat result columns a scored table gets.

Column names in exports differ (``text``, ``body``, ``content``, ``maintext``...), so the
common ones are recognised; anything else is named with ``--text-col`` and friends. A name
that is not there is an error that lists the columns that are.
"""
from __future__ import annotations

import re
from typing import Any

from ..errors import InputError
from ..provenance.speakers import NAMED_KINDS
from ..schema import Analysis

ROLES = ("text", "url", "title", "id", "html")

# Recognised names by role, most specific first; matched case-insensitively with spaces,
# hyphens and dots read as underscores.
CANDIDATES: dict[str, tuple[str, ...]] = {
    "text": ("text", "article_text", "body", "body_text", "content", "article", "full_text", "fulltext",
             "content_original", "maintext", "main_text", "story", "document", "doc", "clean_text",
             "article_body", "articlebody", "news_text", "plain_text"),
    "url": ("url", "article_url", "link", "href", "uri", "permalink", "page_url", "news_url", "web_url",
            "canonical_url"),
    "title": ("title", "headline", "article_title", "heading", "news_title", "subject"),
    "id": ("id", "article_id", "doc_id", "document_id", "uuid", "guid", "key", "_id", "row_id"),
    "html": ("html", "raw_html", "page_html", "body_html", "content_html", "html_content", "source_html"),
}

RESULT_COLUMNS = (
    "host", "origin_outlet", "origin_affiliation", "origin_country", "origin_method", "origin_evidence",
    "score_state_media", "score_loaded_language", "score_omitted_counterclaims",
    "loaded_terms_author", "loaded_terms_quoted", "quoted_speakers", "named_speakers", "unattributed_claims", "balanced",
    "error",
)
ANALYSIS_COLUMN = "analysis"
OUTPUT_COLUMNS = RESULT_COLUMNS + (ANALYSIS_COLUMN,)
LIST_SEPARATOR = "; "


def _norm(name: str) -> str:
    return re.sub(r"[\s\-.]+", "_", str(name).strip().lower())


def detect_columns(columns: list[str]) -> dict[str, str | None]:
    """The column for each role (text, url, title, id, html) among ``columns``, or None.

    Raises InputError listing the columns when neither a text nor an HTML column is found.
    """
    by_norm: dict[str, str] = {}
    for c in columns:
        by_norm.setdefault(_norm(c), c)
    found: dict[str, str | None] = {}
    for role in ROLES:
        found[role] = next((by_norm[n] for n in CANDIDATES[role] if n in by_norm), None)
    if found["text"] is None and found["html"] is None:
        raise InputError(
            f"no text column found; columns are: {_listing(columns)}; name the article text with "
            f"--text-col (or text_col=) or the page HTML with --html-col (recognised text names: "
            f"{', '.join(CANDIDATES['text'][:8])}...)"
        )
    return found


def resolve_columns(columns: list[str], **given: str | None) -> dict[str, str | None]:
    """Explicit choices (``text_col=`` etc., by role) checked against ``columns``; the rest detected."""
    present = list(columns)
    chosen: dict[str, str | None] = {}
    for role in ROLES:
        name = given.get(f"{role}_col")
        if name is not None:
            if name not in present:
                raise InputError(f"{role} column {name!r} not found; columns are: {_listing(present)}")
            chosen[role] = name
    if chosen.get("text") is None and chosen.get("html") is None:
        detected = detect_columns(present)
    else:
        try:
            detected = detect_columns(present)
        except InputError:
            detected = {role: None for role in ROLES}
    for role in ROLES:
        if role not in chosen:
            detected_name = detected.get(role)
            # A detected column never doubles as one the user named for another role.
            chosen[role] = detected_name if detected_name not in chosen.values() else None
    return chosen


def _listing(columns: list[str]) -> str:
    shown = [str(c) for c in columns[:50]]
    more = f", ... ({len(columns) - 50} more)" if len(columns) > 50 else ""
    return (", ".join(shown) + more) if shown else "(none)"


def _distinct(values: list[str]) -> str | None:
    seen: dict[str, str] = {}
    for v in values:
        if v and v.strip():
            seen.setdefault(v.strip().lower(), v.strip())
    return LIST_SEPARATOR.join(seen.values()) if seen else None


def flat_columns(analysis: Analysis | None, error: str | None) -> dict[str, Any]:
    """The flat result columns for one row: all empty (None) but ``error`` when it failed.

    Lists are distinct values joined by ``"; "`` in order of first appearance;
    ``unattributed_claims`` counts the contested claims without attribution.
    """
    out: dict[str, Any] = dict.fromkeys(RESULT_COLUMNS)
    if analysis is None or error is not None:
        out["error"] = error if error is not None else "no analysis"
        return out
    o = analysis.origin
    s = analysis.scores
    out.update(
        host=analysis.host,
        origin_outlet=o.outlet if o else None,
        origin_affiliation=o.affiliation if o else None,
        origin_country=o.country if o else None,
        origin_method=o.method if o else None,
        origin_evidence=o.evidence if o else None,
        score_state_media=_float(s.state_media),
        score_loaded_language=_float(s.loaded_language),
        score_omitted_counterclaims=_float(s.omitted_counterclaims),
        loaded_terms_author=_distinct([t.term for t in analysis.loaded_terms if t.voice == "author"]),
        loaded_terms_quoted=_distinct([t.term for t in analysis.loaded_terms if t.voice != "author"]),
        quoted_speakers=_distinct([q.speaker for q in analysis.quotes]),
        # the named people and organisations among them (Quote.speaker_kind), without outlets,
        # unnamed groups ("residents") and roles ("a spokesperson")
        named_speakers=_distinct([q.speaker for q in analysis.quotes if q.speaker_kind in NAMED_KINDS]),
        unattributed_claims=sum(1 for c in analysis.claims if not c.attributed),
        balanced=analysis.balanced,
        error=None,
    )
    return out


def _float(v: Any) -> float | None:
    return None if v is None else float(v)
