"""Train a recipe into a model folder with its card (card.md) and metrics.json."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .. import datasets as D
from .persist import MODEL_FILE, save_model


def build(recipe: str, data_root: str | os.PathLike, out: str | os.PathLike, *, seed: int = 0,
          log=print) -> tuple[Any, dict[str, Any]]:
    """``labeler train --recipe NAME --data-root DIR -o OUT``: model, metrics.json and card.md."""
    from .recipes import RECIPES

    if recipe not in RECIPES:
        raise ValueError(f"unknown recipe {recipe!r}; recipes are: {', '.join(RECIPES)}")
    model, metrics = RECIPES[recipe](data_root, seed=seed, log=log)
    folder = save_model(model, out)
    metrics["model_file_bytes"] = (folder / MODEL_FILE).stat().st_size
    (folder / "metrics.json").write_text(json.dumps(metrics, indent=2, default=float) + "\n", encoding="utf-8")
    (folder / "card.md").write_text(card_text(model, metrics), encoding="utf-8")
    return model, metrics


def _f(x: Any) -> str:
    return "n/a" if x is None or x != x else f"{x:.3f}"


def card_text(model, m: dict[str, Any]) -> str:
    s = m.get("loaded_sentence_ptc_dev", {})
    h = m.get("loaded_language_hyperpartisan_test", {})
    sm = m.get("state_media_outlet_disjoint", {})
    smo = m.get("state_media_head_outlet_grouped_oof", {})
    rows = "\n".join(f"| state media text, outlet-disjoint: {k} | ROC AUC {_f(v.get('roc_auc'))} | "
                     f"ECE {_f(v.get('ece'))} | n={v.get('n')} |" for k, v in sm.items())
    lic = "\n".join(f"- **{D.FOLDERS[k]}**: {v}" for k, v in D.LICENSES.items())
    return f"""# Model card: {model.name} {model.version}

Trained by `labeler train --recipe default --data-root ../shared/data -o models/default` (seed {m.get('seed')},
{m.get('train_seconds')} s on a 2-core machine). Model file: {m.get('model_file_bytes', 0) / 1e6:.1f} MB
(skops format; loaded only with labeler's trusted-type list, see `labeler/model/persist.py`).

## Intended use
Media-literacy research and teaching: a second opinion, with reasons, on where an English news
article comes from (state media origin), how loaded its wording is, and whether contested claims
stand without attribution or counterclaim. Not for deciding what people may read, not for
moderation or ranking, and not a verdict on truth: a high score means "look here", with the
evidence listed in `explanations`.

## What it is
- `state_media`: calibrated logistic regression over the rule analysis's cues (origin
  affiliation and how it was found, chain and cited outlets, quotes, claims) and hashed word
  n-grams. The registry's affiliation of a found origin dominates; the text part is a fallback.
  Its intercept assumes 10% state media among the articles scored (training mix:
  {m.get('state_media_prior_shift', {}).get('train_rate', float('nan')):.0%}), so an article with no
  found origin and neutral text scores about 0.1.
- `loaded_language`: calibrated logistic regression over cues (loaded terms by category and
  voice), the sentence model's summary of the article and hashed word n-grams.
- sentence model: a token tagger (hashed word contexts + membership in subjectivity/bias word
  lists, kept as hashes) stacked with a hashed word/character n-gram sentence classifier. Its
  words above 0.5 in loaded sentences are added to `loaded_terms` with `category="model"` and
  their probability.
- `omitted_counterclaims`: no head yet (no public article-level labels fit it); the rule score is kept.
- No vocabulary of the training texts is stored: every text feature is hashed.

## Data and licences
Research-only corpora: do not redistribute this model commercially.
{lic}

## Metrics (held-out data; TF-IDF+LR baselines in `bench/model_quality.py`)
| what | figure | calibration | size |
|---|---|---|---|
| loaded-language sentences, PTC dev (train on PTC train) | F1 {_f(s.get('f1'))}, ROC AUC {_f(s.get('roc_auc'))} (threshold {_f(s.get('threshold'))} chosen on train CV) | ECE {_f(s.get('ece'))} | n={s.get('n')} |
| `loaded_language` head, SemEval-2019 hyperpartisan by-article test (publisher-disjoint) | accuracy {_f(h.get('accuracy'))}, ROC AUC {_f(h.get('roc_auc'))} | ECE {_f(h.get('ece'))} | n={h.get('n')} |
{rows}
| `state_media` head, out-of-fold grouped by outlet (with synthetic notices; before the prior shift) | ROC AUC {_f(smo.get('roc_auc'))} | ECE {_f(smo.get('ece'))} | n={smo.get('n')} |

Published reference points: PTC-sentence TF-IDF+LR 0.376 F1; BABE macro-F1 0.804 (RoBERTa,
5-fold, not part of this recipe, see bench); hyperpartisan best published accuracy 0.822.

## Limits
- English only; trained on 2016-2022 US/UK/Russian/Chinese news.
- The state-media text signal is weak across outlets and shifts with topic; calibration of
  that part does not hold across outlet families (see ECE above). A found origin is the
  reliable cue; without one, treat `state_media` as a hint.
- "Hyperpartisan" is a proxy for article-level loaded language, not the same notion.
- The sentence model learns PTC's and BABE's notion of loaded language, which includes
  name-calling; quoted words are scored like the author's (voice comes from the rules).
"""
