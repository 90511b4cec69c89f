"""Run every rule detector over one article and fill the analysis contract.

This is the part with no learned weights: provenance, quotes, loaded terms, claims and
balance, plus rule-derived scores. ``labeler.analyze`` puts a trained model on top.
"""
from __future__ import annotations

from .article import Article, check_text, from_html
from .cues.balance import source_balance
from .cues.claims import MAX_TEXT as CLAIMS_MAX_TEXT, find_claims, omitted_counterclaims_score
from .cues.loaded_terms import MAX_PER_TERM, find_loaded_terms, loaded_language_score
from .provenance.chain import Provenance, build_provenance
from .provenance.quotes import find_quotes
from .registry import Registry, default_registry
from .schema import Analysis, ModelInfo, Origin, Scores
from .text import quoted_spans

RULES_MODEL = ModelInfo(name="rules", version="1")

# Rule prior for state_media by the origin's registry affiliation (before a model is trained).
_STATE_PRIOR = {"state-controlled": 0.95, "state-funded": 0.5, "independent": 0.05, "unknown": 0.1}


def to_article(text: str | None = None, *, url: str | None = None, title: str | None = None,
               html: str | None = None) -> Article:
    """The Article for the arguments of ``analyze``: HTML when given, else the text."""
    if html is not None and (text is None or not str(text).strip()):
        art = from_html(html, url=url)
        return Article(text=art.text, title=title or art.title, url=url or art.url, meta=art.meta)
    text = check_text(text)
    if html is not None:
        meta = from_html(html, url=url).meta
        return Article(text=text, title=title, url=url, meta=meta)
    return Article(text=text, title=title, url=url)


def run_detectors(text: str | None = None, *, url: str | None = None, title: str | None = None,
                  html: str | None = None, registry: Registry | None = None,
                  article: Article | None = None) -> Analysis:
    """All cues with evidence, rule-based scores. Raises InputError for unusable input."""
    art = article if article is not None else to_article(text, url=url, title=title, html=html)
    reg = registry if registry is not None else default_registry()
    t = art.text
    warnings = list(art.warnings)
    unbalanced = [q for q in quoted_spans(t) if not q.balanced]
    if unbalanced:
        warnings.append(
            f"{len(unbalanced)} quotation mark(s) without a partner (first at offset {unbalanced[0].start - 1}); "
            "quotes there were cut at the paragraph end, so voice and speakers may be off"
        )
    if len(t) > CLAIMS_MAX_TEXT:
        warnings.append(f"text has {len(t):,} characters: contested claims were looked for in the first "
                        f"{CLAIMS_MAX_TEXT:,} only")
    quotes = find_quotes(t)
    prov = build_provenance(art, reg, quotes)
    warnings.extend(prov.warnings)
    repeated: list[str] = []
    terms = find_loaded_terms(t, quotes, capped=repeated)
    if repeated:
        warnings.append(f"{', '.join(sorted(set(repeated)))}: occurs more than {MAX_PER_TERM} times; only the "
                        f"first {MAX_PER_TERM} occurrences were read")
    claims = find_claims(t, quotes, terms)
    sources, balanced = source_balance(t, quotes, claims)
    scores = Scores(
        state_media=state_media_rule_score(prov),
        loaded_language=loaded_language_score(terms, t),
        omitted_counterclaims=omitted_counterclaims_score(claims, t),
    )
    return Analysis(
        host=prov.host,
        origin=prov.origin,
        chain=prov.chain,
        cited_outlets=prov.cited,
        quotes=quotes,
        loaded_terms=terms,
        claims=claims,
        balanced=balanced,
        sources=sources,
        scores=scores,
        explanations=rule_explanations(prov.origin, prov, terms, claims),
        model=RULES_MODEL,
        warnings=warnings,
        text_length=len(t),
    )


def state_media_rule_score(prov: Provenance) -> float:
    if prov.origin is not None:
        return _STATE_PRIOR.get(prov.origin.affiliation, 0.1)
    return 0.1


def rule_explanations(origin: Origin | None, prov: Provenance, terms, claims) -> dict[str, list[dict]]:
    """Why each rule score is what it is, in words, with the evidence spans."""
    sm: list[dict] = []
    if origin is not None:
        sm.append({
            "feature": f"origin by {origin.method}: {origin.outlet} ({origin.affiliation})",
            "contribution": _STATE_PRIOR.get(origin.affiliation, 0.1),
            "evidence": origin.evidence, "start": origin.start, "end": origin.end,
        })
    else:
        sm.append({"feature": "no origin established (no notice, dateline, credit or known domain)",
                   "contribution": 0.1, "evidence": None, "start": None, "end": None})
    for c in prov.cited[:3]:
        sm.append({"feature": f"cited outlet (not the origin): {c.outlet} ({c.affiliation})",
                   "contribution": 0.0, "evidence": c.evidence, "start": c.start, "end": c.end})
    ll = [{"feature": f"loaded term: {t.term} ({t.voice}{', ' + t.speaker if t.speaker else ''}; {t.category})",
           "contribution": 1.0 if t.voice == "author" else 0.25,
           "evidence": t.term, "start": t.start, "end": t.end} for t in terms[:10]]
    oc = [{"feature": "contested claim without attribution or counterclaim" if not (c.attributed or c.countered)
           else ("attributed claim" if c.attributed else "countered claim"),
           "contribution": 1.0 if not (c.attributed or c.countered) else 0.0,
           "evidence": c.sentence, "start": c.start, "end": c.end, "why": c.why} for c in claims[:10]]
    return {"state_media": sm, "loaded_language": ll, "omitted_counterclaims": oc}
