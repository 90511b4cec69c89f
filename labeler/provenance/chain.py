"""Assemble the provenance chain: host → origin → wire → cited outlets → speakers (via whom).

Precedence for the origin, strongest first: an explicit republication notice in the text;
the page's own syndication metadata (JSON-LD ``isBasedOn``, ``original-source``...); an
agency dateline; a credit line (only when the host is not itself a known outlet, else the
credit is a wire link); a contributor disclaimer naming the outlet; the URL's domain.
An outlet that is only *cited* ("TASS reported", "according to RT") never becomes the origin;
one a repost's lead names ("..., as first reported by X") is the origin only when nothing
stronger names one (not even the host's own domain), else it is cited.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..article import Article, PageMeta
from ..registry import Outlet, Registry, host_of
from ..schema import ChainLink, CitedOutlet, Origin, Quote
from .notices import MAX_MENTIONS, Notice, find_notices

UNKNOWN_SOURCE = "not in the outlet registry: affiliation unknown"

_META_ORIGIN_KEYS = ("isBasedOn", "sourceOrganization", "original-source", "syndication-source", "distributor")


@dataclass(frozen=True)
class Provenance:
    host: str | None
    host_outlet: Outlet | None
    origin: Origin | None
    chain: list[ChainLink]
    cited: list[CitedOutlet]
    notices: list[Notice]
    warnings: tuple[str, ...] = ()  # what was not read (outlet mentions past notices.MAX_MENTIONS)


def _affiliation(o: Outlet | None) -> str:
    return o.affiliation if o else "unknown"


def _source(o: Outlet | None) -> str:
    return o.source if o else UNKNOWN_SOURCE


def _meta_outlet(meta: PageMeta, registry: Registry) -> tuple[str, Outlet | None]:
    v = meta.value.strip()
    o = registry.get(v)
    if o is None and ("." in v and " " not in v):
        o = registry.by_domain(v)
    return (o.name if o else v), o


def build_provenance(article: Article, registry: Registry, quotes: list[Quote] | None = None) -> Provenance:
    text = article.text
    host = host_of(article.url)
    host_outlet = registry.by_domain(article.url) if article.url else None
    skipped: list[int] = []
    notices = find_notices(text, registry, skipped=skipped)

    candidates: list[tuple[int, int, Origin]] = []  # (priority, position tiebreak, origin)

    def add(priority: int, pos: int, name: str, outlet: Outlet | None, method: str, evidence: str,
            start: int | None, end: int | None) -> None:
        candidates.append((priority, -pos, Origin(
            outlet=name, affiliation=_affiliation(outlet), country=outlet.country if outlet else None,
            method=method, evidence=evidence, start=start, end=end, source=_source(outlet))))

    for n in notices:
        if n.role in ("origin", "lead"):
            add(n.priority, n.start or 0, n.name, n.outlet, n.method, n.evidence, n.start, n.end)
        elif n.role == "credit" and (host_outlet is None or (n.outlet is not None and n.outlet == host_outlet)):
            add(n.priority, n.start or 0, n.name, n.outlet, n.method, n.evidence, n.start, n.end)
    for meta in article.meta:
        if meta.key in _META_ORIGIN_KEYS:
            name, o = _meta_outlet(meta, registry)
            if o is not None and o != host_outlet:
                add(90, 0, name, o, "metadata", f"{meta.key}: {meta.value}", None, None)
    if host_outlet is not None and host:
        add(50, 0, host_outlet.name, host_outlet, "domain", host, None, None)
    elif host:
        for meta in article.meta:
            if meta.key in ("og:site_name", "publisher"):
                name, o = _meta_outlet(meta, registry)
                if o is not None:
                    add(40, 0, name, o, "metadata", f"{meta.key}: {meta.value}", None, None)

    origin = max(candidates, key=lambda c: (c[0], c[1]))[2] if candidates else None

    chain: list[ChainLink] = []
    if host:
        chain.append(ChainLink("host", host_outlet.name if host_outlet else host, _affiliation(host_outlet),
                               host_outlet.country if host_outlet else None, None, host, None, None))
    if origin is not None:
        chain.append(ChainLink("origin", origin.outlet, origin.affiliation, origin.country, None,
                               origin.evidence, origin.start, origin.end))

    own = {origin.outlet if origin else None, host_outlet.name if host_outlet else None}
    cited: list[CitedOutlet] = []
    seen_wire: set[str] = set()
    seen_cited: set[str] = set()
    for n in notices:
        if n.name in own or n.start is None:
            continue
        if n.role in ("wire", "credit") or (n.role == "origin" and n.family in ("dateline",)):
            if n.name not in seen_wire:
                seen_wire.add(n.name)
                chain.append(ChainLink("wire", n.name, _affiliation(n.outlet), n.outlet.country if n.outlet else None,
                                       None, n.evidence, n.start, n.end))
        elif n.role == "origin":
            continue  # a weaker competing origin claim (e.g. a second notice): kept in notices only
        if n.role in ("cited", "wire", "credit", "lead") and n.name not in seen_cited:
            seen_cited.add(n.name)
            s, e = (n.mention_start, n.mention_end) if n.family == "mention" else (n.start, n.end)
            cited.append(CitedOutlet(n.name, _affiliation(n.outlet), text[s:e], s, e))
    for c in cited:
        if c.outlet not in seen_wire:
            o = registry.get(c.outlet)
            chain.append(ChainLink("cited", c.outlet, c.affiliation, o.country if o else None, None,
                                   c.evidence, c.start, c.end))
    for q in _distinct_speakers(quotes or []):
        o = registry.get(q.speaker)  # an outlet quoted as a speaker ("RT said in a statement")
        chain.append(ChainLink("speaker", q.speaker, o.affiliation if o else None, o.country if o else None, q.via,
                               text[q.speaker_start:q.speaker_end] if q.speaker_start is not None else q.content,
                               q.speaker_start if q.speaker_start is not None else q.start,
                               q.speaker_end if q.speaker_start is not None else q.end))
    warnings = tuple(f"{n:,} outlet mentions past the first {MAX_MENTIONS:,} were not read for provenance"
                     for n in skipped)
    return Provenance(host, host_outlet, origin, chain, cited, notices, warnings)


def _distinct_speakers(quotes: list[Quote]) -> list[Quote]:
    """First quote of each speaker, preferring one that names an intermediary."""
    best: dict[str, Quote] = {}
    for q in quotes:
        cur = best.get(q.speaker)
        if cur is None or (cur.via is None and q.via is not None):
            best[q.speaker] = q
    return sorted(best.values(), key=lambda q: q.start)
