"""The analysis contract (`labeler.analysis/1`): plain dataclasses and their JSON form.

Every later piece (cues, model, batch, UI) reads and writes these; fields may be added,
never renamed. Offsets are character offsets into the analysed text, end exclusive, so
``text[start:end] == evidence`` whenever ``start`` is not None.
"""
from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

SCHEMA = "labeler.analysis/1"

AFFILIATIONS = ("state-controlled", "state-funded", "independent", "unknown")
ROLES = ("host", "origin", "wire", "cited", "speaker")


@dataclass(frozen=True)
class Origin:
    """Where the article was first published, and why we think so."""

    outlet: str
    affiliation: str
    country: str | None
    method: str  # notice | dateline | credit | domain | metadata | disclaimer
    evidence: str
    start: int | None
    end: int | None
    source: str


@dataclass(frozen=True)
class ChainLink:
    role: str
    name: str
    affiliation: str | None
    country: str | None
    via: str | None
    evidence: str
    start: int | None
    end: int | None


@dataclass(frozen=True)
class CitedOutlet:
    outlet: str
    affiliation: str
    evidence: str
    start: int
    end: int


@dataclass(frozen=True)
class Quote:
    """One attribution: who said what, by which cue verb, via whom.

    ``start``/``end`` cover ``content``; ``speaker_start``/``speaker_end`` the mention
    of the speaker in the text (a pronoun or short name when ``speaker`` was resolved).

    ``speaker_kind`` says what kind of thing the speaker is, so a reader can keep only named
    sources (the project's labelling convention lists only named persons and organisations as
    quoted speakers) without losing any quote: ``person`` (a named person), ``organisation`` (a
    named body: ministry, company, party, named group), ``outlet`` (a registered news outlet:
    "Reuters reported" cites an outlet, it is no source), ``group`` (an unnamed group or
    common-noun body: "residents", "officials", "the court"), ``role`` (an unnamed individual:
    "a spokesperson", "the US official") or ``unknown`` (an unresolved pronoun). None in
    analyses written before the field existed.
    """

    speaker: str
    kind: str  # direct | indirect
    cue: str
    content: str
    via: str | None
    start: int
    end: int
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_kind: str | None = None


@dataclass(frozen=True)
class LoadedTerm:
    term: str
    start: int
    end: int
    voice: str  # author | quoted
    speaker: str | None
    category: str
    source: str
    probability: float | None = None  # set when a model rather than the lexicon found it


@dataclass(frozen=True)
class Claim:
    sentence: str
    start: int
    end: int
    attributed: bool
    countered: bool
    why: str
    probability: float | None = None  # set when a model rather than the cue rules found it


@dataclass(frozen=True)
class Scores:
    state_media: float
    loaded_language: float | None = None
    omitted_counterclaims: float | None = None


@dataclass(frozen=True)
class ModelInfo:
    name: str
    version: str


@dataclass
class Analysis:
    host: str | None = None
    origin: Origin | None = None
    chain: list[ChainLink] = field(default_factory=list)
    cited_outlets: list[CitedOutlet] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    loaded_terms: list[LoadedTerm] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    balanced: bool | None = None
    sources: dict[str, Any] | None = None
    scores: Scores = field(default_factory=lambda: Scores(state_media=0.0))
    explanations: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    model: ModelInfo = field(default_factory=lambda: ModelInfo("rules", "0"))
    warnings: list[str] = field(default_factory=list)
    text_length: int = 0
    schema: str = SCHEMA

    def to_dict(self) -> dict[str, Any]:
        """The JSON form, keys in contract order."""
        d = _plain(self)
        ordered = {"schema": d.pop("schema")}
        ordered.update(d)
        return ordered


def analysis_from_dict(d: dict[str, Any]) -> Analysis:
    """Inverse of :meth:`Analysis.to_dict` (for batch outputs and the UI)."""
    d = dict(d)
    d.pop("schema", None)
    origin = d.pop("origin", None)
    return Analysis(
        origin=Origin(**origin) if origin else None,
        chain=[ChainLink(**c) for c in d.pop("chain", [])],
        cited_outlets=[CitedOutlet(**c) for c in d.pop("cited_outlets", [])],
        quotes=[Quote(**q) for q in d.pop("quotes", [])],
        loaded_terms=[LoadedTerm(**t) for t in d.pop("loaded_terms", [])],
        claims=[Claim(**c) for c in d.pop("claims", [])],
        scores=Scores(**d.pop("scores", {"state_media": 0.0})),
        model=ModelInfo(**d.pop("model", {"name": "rules", "version": "0"})),
        **d,
    )


_LEAVES = frozenset({str, int, float, bool, type(None)})


def _plain(v: Any) -> Any:
    """``dataclasses.asdict`` without deep-copying every leaf (several times faster)."""
    t = type(v)
    if t in _LEAVES:
        return v
    if t is list or t is tuple:
        return t(x if type(x) in _LEAVES else _plain(x) for x in v)
    if t is dict:
        return {k: x if type(x) in _LEAVES else _plain(x) for k, x in v.items()}
    if dataclasses.is_dataclass(v):
        return {n: x if type(x) in _LEAVES else _plain(x)
                for n, x in ((f, getattr(v, f)) for f in _field_names(t))}
    return copy.deepcopy(v)  # what dataclasses.asdict does with anything else


@lru_cache(maxsize=None)
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))
