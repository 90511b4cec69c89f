"""Pure rendering of an Analysis for the UI: escaped HTML, a Graphviz DOT string, score bars.

Nothing here imports streamlit, so every piece is tested without a browser. Article text,
names and evidence are untrusted: every string that came from an article goes through
``html.escape`` (HTML) or ``dot_string`` (DOT) before it is placed in markup.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ..schema import Analysis

# Colours by registry affiliation; speakers (people) get their own colour.
AFFILIATION_COLOURS: dict[str, str] = {
    "state-controlled": "#f4a3a3",
    "state-funded": "#f9d27d",
    "independent": "#a8dab5",
    "unknown": "#dddddd",
}
PERSON_COLOUR = "#c9d7f2"
ARTICLE_COLOUR = "#ffffff"

SCORE_LABELS: dict[str, str] = {
    "state_media": "State-media origin",
    "loaded_language": "Loaded language",
    "omitted_counterclaims": "Omitted counterclaims",
}
SCORE_HELP: dict[str, str] = {
    "state_media": "How likely the article's origin is a state-controlled or state-funded outlet.",
    "loaded_language": "How much loaded wording the article uses in its own (author's) voice.",
    "omitted_counterclaims": "How much of the article asserts contested claims with no source and no other side.",
}

# Text marks: one kind per cue, each with an inline style (inline, because st.html sanitises
# and may drop <style> blocks) and the legend's description. Later kinds win on conflicts.
MARK_STYLES: dict[str, dict[str, str]] = {
    "quote": {"color": "#1f4e9c", "font-style": "italic"},
    "speaker": {"border-bottom": "2px solid #1f4e9c"},
    "claim-unattributed": {"background-color": "#fff2a8", "text-decoration": "underline wavy #c79100"},
    "notice": {"outline": "2px solid #2e7d32", "border-radius": "3px", "background-color": "#e6f4e7"},
    "outlet": {"outline": "1px dashed #6d4c41", "border-radius": "3px"},
    "term-quoted": {"background-color": "#e3d4f5", "font-weight": "600", "border-radius": "3px"},
    "term-author": {"background-color": "#f7b2b2", "font-weight": "600", "border-radius": "3px"},
}
MARK_LEGEND: dict[str, str] = {
    "term-author": "loaded term in the author's own voice",
    "term-quoted": "loaded term inside a quote (the speaker's words)",
    "claim-unattributed": "contested claim asserted without attribution or counterclaim",
    "quote": "quoted or reported speech",
    "speaker": "mention of a quoted speaker",
    "notice": "provenance evidence (notice, dateline, credit)",
    "outlet": "cited outlet",
}
_KIND_ORDER = {k: i for i, k in enumerate(MARK_STYLES)}

MAX_DISPLAY_CHARS = 300_000  # beyond this the highlighted view is cut (the analysis is not)


@dataclass(frozen=True)
class Mark:
    """A highlighted span of the article: its kind, what the hover says, extra data- attributes."""

    start: int
    end: int
    kind: str
    label: str
    attrs: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Segment:
    """A run of text under one unchanging set of marks."""

    start: int
    end: int
    text: str
    marks: tuple[Mark, ...] = ()

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(m.kind for m in self.marks)


def _valid(start: int | None, end: int | None, n: int) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= n


# How a speaker mark names ``Quote.speaker_kind``: "speaker (unnamed group): residents".
_SPEAKER_KIND_LABEL = {"person": "named person", "organisation": "named organisation", "outlet": "news outlet",
                       "group": "unnamed group", "role": "unnamed individual", "unknown": "unresolved"}


def text_marks(text: str, a: Analysis) -> list[Mark]:
    """Every cue of the analysis that has an offset, as a Mark. Bad offsets are skipped, not fatal."""
    n = len(text)
    marks: list[Mark] = []
    for q in a.quotes:
        via = f", via {q.via}" if q.via else ""
        if _valid(q.start, q.end, n):
            marks.append(Mark(q.start, q.end, "quote",
                              f"{q.kind} quote by {q.speaker}{via} (cue: {q.cue})",
                              (("data-speaker", q.speaker),)))
        if _valid(q.speaker_start, q.speaker_end, n):
            kind = f" ({_SPEAKER_KIND_LABEL.get(q.speaker_kind, q.speaker_kind)})" if q.speaker_kind else ""
            marks.append(Mark(q.speaker_start, q.speaker_end, "speaker", f"speaker{kind}: {q.speaker}{via}",
                              (("data-speaker", q.speaker),)))
    for t in a.loaded_terms:
        if not _valid(t.start, t.end, n):
            continue
        if t.voice == "quoted":
            who = f"inside a quote by {t.speaker}" if t.speaker else "inside a quote"
            kind = "term-quoted"
        else:
            who, kind = "in the author's own voice", "term-author"
        prob = f", p={t.probability:.2f}" if t.probability is not None else ""
        attrs = [("data-term", t.term), ("data-voice", t.voice)]
        if t.speaker:
            attrs.append(("data-speaker", t.speaker))
        marks.append(Mark(t.start, t.end, kind,
                          f"loaded term \u201c{t.term}\u201d ({t.category}{prob}) {who}", tuple(attrs)))
    for c in a.claims:
        if not (c.attributed or c.countered) and _valid(c.start, c.end, n):
            found_by = "" if c.probability is None else f" (found by the model, p={c.probability:.2f})"
            marks.append(Mark(c.start, c.end, "claim-unattributed",
                              f"unattributed contested claim{found_by}: {c.why}", (("data-claim", "unattributed"),)))
    if a.origin is not None and _valid(a.origin.start, a.origin.end, n):
        o = a.origin
        marks.append(Mark(o.start, o.end, "notice",
                          f"origin by {o.method}: {o.outlet} ({o.affiliation}{', ' + o.country if o.country else ''})",
                          (("data-outlet", o.outlet),)))
    seen = {(m.start, m.end) for m in marks if m.kind == "notice"}
    for link in a.chain:
        if link.role in ("wire", "host") and _valid(link.start, link.end, n) and (link.start, link.end) not in seen:
            seen.add((link.start, link.end))
            marks.append(Mark(link.start, link.end, "notice", f"{link.role}: {link.name}",
                              (("data-outlet", link.name),)))
    for c in a.cited_outlets:
        if _valid(c.start, c.end, n):
            marks.append(Mark(c.start, c.end, "outlet", f"cited outlet: {c.outlet} ({c.affiliation})",
                              (("data-outlet", c.outlet),)))
    return marks


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """Cut the text at every mark boundary; each piece carries the marks covering it (sweep, O(n log n))."""
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    active: list[Mark] = []
    out: list[Segment] = []
    for a, b in zip(bounds, bounds[1:]):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        if a >= b:
            continue
        ordered = tuple(sorted(active, key=lambda m: (_KIND_ORDER.get(m.kind, 99), m.start)))
        out.append(Segment(a, b, text[a:b], ordered))
    return out


def _style(kinds: tuple[str, ...]) -> str:
    props: dict[str, str] = {}
    for k in kinds:
        props.update(MARK_STYLES.get(k, {}))
    return ";".join(f"{k}:{v}" for k, v in props.items())


def _attr(name: str, value: str) -> str:
    return f'{name}="{html.escape(value, quote=True)}"'


def highlight_html(text: str, a: Analysis, *, max_chars: int = MAX_DISPLAY_CHARS) -> str:
    """The article as escaped HTML with cues highlighted; hovering a mark says what it is."""
    shown = text[:max_chars]
    parts = ['<div class="labeler-text" style="white-space:pre-wrap;line-height:1.65;'
             'font-family:Georgia,serif;font-size:1rem;padding:0.75rem 1rem;border:1px solid #e5e5e5;'
             'border-radius:6px;background:#fcfcfc">']
    for seg in segments(shown, text_marks(shown, a)):
        body = html.escape(seg.text, quote=True)
        if not seg.marks:
            parts.append(body)
            continue
        classes = " ".join(f"lab-{k}" for k in dict.fromkeys(seg.kinds))
        attrs: dict[str, str] = {}
        for m in seg.marks:
            for k, v in m.attrs:
                attrs.setdefault(k, v)
        title = "\n".join(dict.fromkeys(m.label for m in seg.marks))
        extra = "".join(" " + _attr(k, v) for k, v in attrs.items())
        parts.append(f'<span {_attr("class", classes)} {_attr("style", _style(seg.kinds))} '
                     f'{_attr("title", title)}{extra}>{body}</span>')
    if len(text) > max_chars:
        parts.append(html.escape(f"\n\n[… display cut at {max_chars:,} of {len(text):,} characters]"))
    parts.append("</div>")
    return "".join(parts)


def legend_html() -> str:
    """Legend for text marks and graph colours (static, trusted strings)."""
    items = [f'<span style="{_style((k,))};padding:0 4px">{html.escape(k.replace("-", " "))}</span>'
             f' {html.escape(desc)}' for k, desc in MARK_LEGEND.items()]
    colours = [f'<span style="background:{c};border:1px solid #999;border-radius:3px;padding:0 6px">'
               f'{html.escape(aff)}</span>' for aff, c in AFFILIATION_COLOURS.items()]
    colours.append(f'<span style="background:{PERSON_COLOUR};border:1px solid #999;border-radius:12px;'
                   'padding:0 6px">person (speaker)</span>')
    return ('<div class="labeler-legend" style="font-size:0.85rem;line-height:1.9">'
            '<div><b>Text:</b> ' + " &nbsp;·&nbsp; ".join(items) + '</div>'
            '<div><b>Chain (affiliation):</b> ' + " ".join(colours) + '</div></div>')


# ---------------------------------------------------------------- provenance chain (DOT)

def dot_string(value: object, limit: int = 300) -> str:
    """A DOT double-quoted string body: no quotes, backslashes, control characters or raw entities."""
    s = "" if value is None else str(value)
    s = re.sub(r"[\x00-\x1f\x7f]+", " ", s)
    if len(s) > limit:
        s = s[: limit - 1] + "…"
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return s.replace("\\", "\\\\").replace('"', '\\"')


def _label(*lines: str) -> str:
    return "\\n".join(dot_string(x, 60) for x in lines if x)


_EDGE_LABEL = {"origin": "republished from", "wire": "credits", "cited": "cites", "speaker": "quotes"}


def chain_dot(a: Analysis) -> str:
    """The provenance chain as Graphviz DOT: host → origin → wire → cited outlets → speakers (via whom).

    Nodes are coloured by affiliation; hovering one shows its evidence (the ``tooltip``).
    """
    lines = ['digraph provenance {', '  rankdir=LR; bgcolor="transparent"; nodesep=0.3; ranksep=0.5;',
             '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=14, color="#777777",'
             ' margin="0.15,0.08"];',
             '  edge [fontname="Helvetica", fontsize=11, color="#666666", fontcolor="#555555"];']
    names: dict[str, str] = {}  # lowercased name -> node id
    counter = 0

    def node(name: str, role: str, affiliation: str | None, country: str | None, evidence: str,
             person: bool = False, dashed: bool = False) -> str:
        nonlocal counter
        nid = f"n{counter}"
        counter += 1
        desc = " · ".join(x for x in (role, affiliation, country) if x)
        fill = PERSON_COLOUR if person else AFFILIATION_COLOURS.get(affiliation or "unknown", "#dddddd")
        style = '"rounded,filled,dashed"' if dashed else '"rounded,filled"'
        shape = "ellipse" if person else "box"
        tip = f"{role}: {name}" + (f" — evidence: {evidence}" if evidence else "")
        lines.append(f'  {nid} [label="{_label(name, desc)}", shape={shape}, style={style}, '
                     f'fillcolor="{fill}", tooltip="{dot_string(tip)}"];')
        names.setdefault(name.strip().lower(), nid)
        return nid

    def edge(src: str, dst: str, label: str) -> None:
        lines.append(f'  {src} -> {dst} [label="{dot_string(label, 40)}"];')

    links = list(a.chain)
    host = next((c for c in links if c.role == "host"), None)
    if host is not None:
        root = node(host.name, "host", host.affiliation, host.country, host.evidence)
    else:
        root = node(a.host or "this article", "host" if a.host else "no URL given", None, None, "", dashed=True)
    origin_id = None
    for c in links:
        if c.role == "origin":
            origin_id = node(c.name, "origin", c.affiliation, c.country, c.evidence)
            edge(root, origin_id, _EDGE_LABEL["origin"])
            break
    publisher = origin_id or root
    for c in links:
        if c.role in ("wire", "cited"):
            nid = node(c.name, c.role, c.affiliation, c.country, c.evidence)
            edge(publisher, nid, _EDGE_LABEL[c.role])
    for c in links:
        if c.role != "speaker":
            continue
        nid = node(c.name, "speaker", c.affiliation, c.country, c.evidence, person=not c.affiliation)
        if c.via:
            via_id = names.get(c.via.strip().lower())
            if via_id is None or via_id == nid:
                via_id = node(c.via, "intermediary", None, None, f"{c.name} quoted via {c.via}", person=True,
                              dashed=True)
                edge(publisher, via_id, "quotes via")
            edge(via_id, nid, "via")
        else:
            edge(publisher, nid, _EDGE_LABEL["speaker"])
    lines.append("}")
    return "\n".join(lines)


def chain_rows(a: Analysis) -> list[dict[str, object]]:
    """The chain as table rows (role, name, affiliation, country, via, evidence) for display below the graph."""
    return [{"role": c.role, "name": c.name, "affiliation": c.affiliation or "", "country": c.country or "",
             "via": c.via or "", "evidence": c.evidence} for c in a.chain]


def origin_html(a: Analysis) -> str:
    """One escaped line: where the article comes from, with the evidence."""
    o = a.origin
    if o is None:
        host = f" (host: {a.host})" if a.host else ""
        return (f'<div class="labeler-origin" style="font-size:1.05rem">Origin: <b>not established</b>'
                f'{html.escape(host)} — no notice, dateline, credit or known domain.</div>')
    colour = AFFILIATION_COLOURS.get(o.affiliation, "#dddddd")
    where = ", ".join(x for x in (o.affiliation, o.country) if x)
    return ('<div class="labeler-origin" style="font-size:1.05rem">Origin: '
            f'<span data-outlet="{html.escape(o.outlet, quote=True)}" style="background:{colour};'
            f'padding:2px 8px;border-radius:4px;font-weight:700">{html.escape(o.outlet)} '
            f'({html.escape(where)})</span> '
            f'<span style="color:#555">by {html.escape(o.method)}: \u201c{html.escape(o.evidence)}\u201d'
            f'{" — host " + html.escape(a.host) if a.host else ""}</span>'
            f'<div style="color:#777;font-size:0.8rem">affiliation source: {html.escape(o.source)}</div></div>')


# ---------------------------------------------------------------- scores

@dataclass(frozen=True)
class Reason:
    feature: str
    contribution: float
    evidence: str | None = None


@dataclass(frozen=True)
class ScoreBar:
    key: str
    label: str
    value: float | None
    help: str
    reasons: list[Reason] = field(default_factory=list)

    @property
    def band(self) -> str:
        if self.value is None:
            return "n/a"
        return "high" if self.value >= 0.66 else "medium" if self.value >= 0.33 else "low"


def _merge_repeats(reasons: list[Reason]) -> list[Reason]:
    """The same feature twice (a term used twice) is one line with a count, not two lines."""
    seen: dict[str, list[Reason]] = {}
    for r in reasons:
        seen.setdefault(r.feature, []).append(r)
    out = []
    for feature, rs in seen.items():
        label = feature if len(rs) == 1 else f"{feature} ×{len(rs)}"
        out.append(Reason(label, max((r.contribution for r in rs), key=abs), rs[0].evidence))
    return out


def score_bars(a: Analysis, *, top: int = 5) -> list[ScoreBar]:
    """The three scores with their strongest reasons, strongest first, in words."""
    bars = []
    for key, label in SCORE_LABELS.items():
        value = getattr(a.scores, key, None)
        raw = a.explanations.get(key, []) if isinstance(a.explanations, dict) else []
        reasons = []
        for e in raw:
            if not isinstance(e, dict) or not e.get("feature"):
                continue
            try:
                contrib = float(e.get("contribution") or 0.0)
            except (TypeError, ValueError):
                contrib = 0.0
            ev = e.get("evidence")
            reasons.append(Reason(str(e["feature"]), contrib, str(ev) if ev else None))
        reasons = _merge_repeats(reasons)
        reasons.sort(key=lambda r: -abs(r.contribution))
        bars.append(ScoreBar(key, label, None if value is None else float(value), SCORE_HELP[key],
                             reasons[:top]))
    return bars


_BAND_COLOUR = {"high": "#d9534f", "medium": "#f0ad4e", "low": "#5cb85c", "n/a": "#bbbbbb"}


def score_bar_html(b: ScoreBar) -> str:
    """One horizontal bar, 0–1, with its top reasons and their evidence underneath."""
    pct = 0 if b.value is None else max(0.0, min(1.0, b.value)) * 100
    shown = "n/a" if b.value is None else f"{b.value:.2f}"
    out = [f'<div style="margin:0.4rem 0 0.9rem 0" data-score="{html.escape(b.key)}">'
           f'<div style="display:flex;justify-content:space-between;gap:0.5rem;font-weight:600">'
           f'<span style="white-space:nowrap" title="{html.escape(b.help, quote=True)}">{html.escape(b.label)}</span>'
           f'<span style="white-space:nowrap">{shown} <span style="color:#777;font-weight:400">({b.band})</span></span></div>'
           f'<div style="background:#eee;border-radius:4px;height:12px">'
           f'<div style="width:{pct:.1f}%;background:{_BAND_COLOUR[b.band]};height:12px;border-radius:4px">'
           '</div></div>'
           f'<div style="color:#777;font-size:0.8rem;margin-top:0.2rem">{html.escape(b.help)}</div>']
    if b.reasons:
        out.append('<ul style="margin:0.3rem 0 0 1.1rem;padding:0;font-size:0.85rem;color:#333">')
        for r in b.reasons:
            ev = (f' <span style="color:#777">— \u201c{html.escape(_short(r.evidence))}\u201d</span>'
                  if r.evidence else "")
            out.append(f'<li>{html.escape(r.feature)} '
                       f'<span style="color:#777">({r.contribution:+.2f})</span>{ev}</li>')
        out.append("</ul>")
    out.append("</div>")
    return "".join(out)


def score_bars_html(bars: list[ScoreBar]) -> str:
    """All bars stacked (the UI may also place ``score_bar_html`` side by side)."""
    return '<div class="labeler-scores">' + "".join(score_bar_html(b) for b in bars) + "</div>"


def _short(s: str, limit: int = 140) -> str:
    return s if len(s) <= limit else s[: limit - 1] + "…"


def warnings_html(a: Analysis) -> str:
    if not a.warnings:
        return ""
    items = "".join(f"<li>{html.escape(w)}</li>" for w in a.warnings)
    return f'<ul class="labeler-warnings" style="color:#8a6d3b;font-size:0.85rem">{items}</ul>'


# ---------------------------------------------------------------- evidence tables

def quote_rows(a: Analysis) -> list[dict[str, object]]:
    return [{"speaker": q.speaker, "via": q.via or "", "kind": q.kind, "cue": q.cue, "content": q.content}
            for q in a.quotes]


def term_rows(a: Analysis) -> list[dict[str, object]]:
    return [{"term": t.term, "voice": t.voice, "speaker": t.speaker or "", "category": t.category,
             "source": t.source, "model probability": t.probability} for t in a.loaded_terms]


def claim_rows(a: Analysis) -> list[dict[str, object]]:
    return [{"unattributed": not (c.attributed or c.countered), "attributed": c.attributed,
             "countered": c.countered, "why": c.why, "model probability": c.probability,
             "sentence": c.sentence} for c in a.claims]
