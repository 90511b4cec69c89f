"""An analysis as a short plain-text report, for reading in a terminal or pasting into notes.

The JSON (``Analysis.to_dict``) is the complete record; this is the reading view of the same
facts, in the order a researcher checks them: where the article comes from, who is quoted, which
words and claims frame it, and what the scores rest on.
"""
from __future__ import annotations

import textwrap

from .schema import Analysis

WIDTH = 100
SCORE_NAMES = {"state_media": "state media", "loaded_language": "loaded language",
               "omitted_counterclaims": "omitted counterclaims"}


def _clip(s: str | None, limit: int = 160) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= limit else s[: limit - 1] + "\u2026"


def _wrap(line: str, indent: str = "    ") -> list[str]:
    return textwrap.wrap(line, WIDTH, initial_indent=indent, subsequent_indent=indent + "  ") or [indent]


def _origin_lines(a: Analysis) -> list[str]:
    lines = [f"Host:   {a.host or '(no address given)'}"]
    o = a.origin
    if o is None:
        lines.append("Origin: none found (no notice, dateline, credit or known domain)")
    else:
        where = f"{o.affiliation}, {o.country}" if o.country else o.affiliation
        lines.append(f"Origin: {o.outlet} ({where}), by {o.method}: \u201c{_clip(o.evidence, 120)}\u201d")
        if o.source:
            lines += _wrap(f"affiliation source: {o.source}")
    others = [c for c in a.chain if c.role in ("wire", "cited")]
    for c in others:
        aff = f" ({c.affiliation})" if c.affiliation else ""
        lines.append(f"  {c.role}: {c.name}{aff}: \u201c{_clip(c.evidence, 80)}\u201d")
    for c in a.cited_outlets:
        if not any(link.role == "cited" and link.name == c.outlet for link in others):
            lines.append(f"  cited: {c.outlet} ({c.affiliation}): \u201c{_clip(c.evidence, 80)}\u201d")
    return lines


def _quote_lines(a: Analysis, limit: int) -> list[str]:
    if not a.quotes:
        return ["Quoted: nobody"]
    lines = [f"Quoted ({len(a.quotes)} attributions, {a.sources.get('count', 0)} distinct sources):"
             if a.sources else f"Quoted ({len(a.quotes)} attributions):"]
    for q in a.quotes[:limit]:
        via = f" via {q.via}" if q.via else ""
        lines += _wrap(f"{q.speaker}{via} ({q.kind}, \u201c{q.cue}\u201d): {_clip(q.content, 110)}")
    if len(a.quotes) > limit:
        lines.append(f"    \u2026 and {len(a.quotes) - limit} more (see the JSON)")
    return lines


def _term_lines(a: Analysis) -> list[str]:
    if not a.loaded_terms:
        return ["Loaded terms: none"]
    lines = [f"Loaded terms ({len(a.loaded_terms)}):"]
    for t in a.loaded_terms:
        voice = f"quoted, {t.speaker}" if t.voice == "quoted" and t.speaker else t.voice
        found = f", model p={t.probability:.2f}" if t.probability is not None else ""
        lines += _wrap(f"\u201c{t.term}\u201d [{t.category}; {voice}{found}] source: {_clip(t.source, 140)}")
    return lines


def _claim_lines(a: Analysis) -> list[str]:
    open_claims = [c for c in a.claims if not (c.attributed or c.countered)]
    lines = [f"Contested claims: {len(a.claims)}, of which {len(open_claims)} with no source and no counterclaim"]
    for c in open_claims:
        found = f" (model p={c.probability:.2f})" if c.probability is not None else ""
        lines += _wrap(f"\u201c{_clip(c.sentence, 200)}\u201d{found}")
        lines += _wrap(f"why: {_clip(c.why, 200)}", "      ")
    if a.balanced is not None:
        lines.append(f"Gives the other side: {'yes' if a.balanced else 'no'}")
    return lines


def _score_lines(a: Analysis, top: int) -> list[str]:
    model = f"{a.model.name} {a.model.version}" if a.model else "rules"
    lines = [f"Scores (model: {model}):"]
    for key, label in SCORE_NAMES.items():
        value = getattr(a.scores, key)
        lines.append(f"  {label:22} {'n/a' if value is None else f'{value:.2f}'}")
        for r in (a.explanations.get(key) or [])[:top]:
            sign = "+" if r.get("contribution", 0) >= 0 else "-"
            ev = f": {_clip(r.get('evidence'), 70)}" if r.get("evidence") else ""
            lines += _wrap(f"{sign} {r.get('feature')}{ev}", "      ")
    return lines


def summary_text(a: Analysis, *, top: int = 3, max_quotes: int = 8) -> str:
    """The analysis as a plain-text report (provenance, quotes, terms, claims, scores with reasons)."""
    parts = [_origin_lines(a), _quote_lines(a, max_quotes), _term_lines(a), _claim_lines(a), _score_lines(a, top)]
    if a.warnings:
        parts.append(["Warnings:", *(f"  {w}" for w in a.warnings)])
    return "\n\n".join("\n".join(p) for p in parts) + "\n"
