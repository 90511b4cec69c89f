"""The Method page's content: what each score and cue means, where the data comes from, limits.

The summaries are computed from the shipped data files, so the page never drifts from them.
"""
from __future__ import annotations

import csv
import io
import re
from collections import Counter
from importlib import resources

METHOD_MD = """
### What labeler looks for

**Provenance chain.** The site hosting the article (from its URL), the outlet it was *originally*
published by (a republication notice such as "originally published on", the page's syndication
metadata, an agency dateline such as "MOSCOW (TASS) —", a credit line, a contributor disclaimer, or
the URL's own domain, strongest first), wire credits, outlets that are merely *cited* ("TASS
reported", "according to RT"), and who is quoted, via whom ("told journalist X", "in an interview
with X"). A cited outlet never becomes the origin.

**Affiliation.** Each outlet is looked up in the outlet registry: *state-controlled* (editorial
control by a state), *state-funded* (public money with editorial independence in law), *independent*,
or *unknown* (not in the registry). Every classification carries its source.

**Loaded terms.** Words and spellings that carry a judgement ("hysteria", "regime", "so-called",
"Kiev" versus "Kyiv"). Each is placed in the **author's voice** or **inside a quote**, with the
speaker: a loaded word in a politician's quote is reporting, the same word in the narration is framing.

**Unattributed contested claims.** Sentences asserting a contested fact (who caused, urged,
sabotaged, lied...) with no source ("according to...", "X said") and no counterclaim ("X denies", "critics
say") nearby. Cue rules find most; with the default model a sentence model trained on
EUvsDisinfo claim titles against plain wire sentences adds assertions the rules miss, each
shown with its probability and its strongest words, and judged for attribution and counterclaim
by the same rules.

### The three scores (0 to 1)

| score | meaning |
|---|---|
| State-media origin | how likely the article's origin is a state-controlled or state-funded outlet |
| Loaded language | how much loaded wording the article uses in its own voice (quoted words weigh less) |
| Omitted counterclaims | how much the article asserts contested claims with no attribution and no other side |

With the default model the scores are calibrated probabilities from a scikit-learn model over the
cues above; the Models page shows its card, metrics and reliability plot. With the rule fallback
(model "rules") they are transparent rule scores. Each score lists its strongest features in words
with the evidence from the text.

### Limits

- English-language articles; other languages get provenance from notices and domains only.
- The registry covers known outlets; an unknown outlet is reported as *unknown*, never guessed.
- A loaded term is a cue, not a verdict: context (irony, quotation marks, historical usage) matters.
- Quotes are found from quotation marks and reporting verbs; unusual layouts (interviews, tables)
  can be missed, and unbalanced quotation marks are flagged in the warnings.
- Very long or repetitive texts are read in part, and the warnings say so: contested claims in the
  first 300,000 characters, each lexicon term at most 200 times, at most 1,000 outlet mentions.
- Contested claims are the hardest cue: on articles written independently of the rules, the claims
  found match the labelled ones with an F1 of about 0.4 (see the README's held-out figures).
- The scores describe framing cues, not truth: a state-media article can be accurate and an
  independent one misleading. Read the evidence.
"""


def _data_rows(name: str) -> list[dict[str, str]]:
    try:
        raw = resources.files("labeler.data").joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError, ModuleNotFoundError):
        return []
    return list(csv.DictReader(io.StringIO(raw)))


def _datasets(source: str) -> list[str]:
    """'PTC v2 spans (n=1); BABE biased words (n=5)' -> ['PTC v2 spans', 'BABE biased words'].

    Splits on semicolons outside parentheses; drops only the trailing '(n=...)' counts.
    """
    parts, depth, cur = [], 0, []
    for ch in source or "":
        depth += (ch == "(") - (ch == ")")
        if ch == ";" and depth <= 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    names = [re.sub(r"\s*\(n=\d+\)\s*$", "", p).strip() for p in parts]
    return [n for n in names if n] or ["(no source)"]


def lexicon_summary(name: str = "loaded_terms.csv") -> list[dict[str, object]]:
    """Terms per source dataset in a shipped lexicon (a term citing two datasets counts for each)."""
    counts = Counter(d for r in _data_rows(name) for d in dict.fromkeys(_datasets(r.get("source", ""))))
    return [{"source": s, "terms": n} for s, n in counts.most_common()]


def lexicon_categories(name: str = "loaded_terms.csv") -> list[dict[str, object]]:
    counts = Counter(r.get("category", "") or "?" for r in _data_rows(name))
    return [{"category": c, "terms": n} for c, n in counts.most_common()]


def _outlets(registry) -> list:
    for attr in ("outlets", "all", "values"):
        v = getattr(registry, attr, None)
        if v is not None:
            v = v() if callable(v) else v
            return list(v.values()) if isinstance(v, dict) else list(v)
    try:
        return list(registry)
    except TypeError:
        return []


def registry_summary(registry=None) -> list[dict[str, object]]:
    """Outlets per (affiliation, source) in the registry the analysis uses."""
    if registry is None:
        try:
            from ..registry import default_registry
            registry = default_registry()
        except Exception:  # the registry module is optional for this page
            return []
    counts = Counter((getattr(o, "affiliation", "?"), getattr(o, "source", "?")) for o in _outlets(registry))
    return [{"affiliation": a, "source": s, "outlets": n} for (a, s), n in sorted(counts.items())]
