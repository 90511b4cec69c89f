"""The models a user can pick: the shipped ones under ``models/`` plus the rule fallback."""
from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

DEFAULT = "default (shipped)"
RULES = "rules"


@dataclass(frozen=True)
class ModelEntry:
    """One model directory: its path for ``load_model``, its card, metrics and reliability plot."""

    name: str
    path: str | None  # None: load_model's default; "rules": the rule scorer
    card: str | None = None
    metrics: dict | None = None
    reliability_png: bytes | None = None


def _models_root() -> Path | None:
    try:
        root = resources.files("labeler.models")
    except ModuleNotFoundError:
        return None
    p = Path(str(root))
    return p if p.is_dir() else None


def _read(p: Path, name: str) -> str | None:
    f = p / name
    return f.read_text(encoding="utf-8") if f.is_file() else None


def entry_for(directory: Path, name: str | None = None, path: str | None = None) -> ModelEntry:
    metrics = None
    raw = _read(directory, "metrics.json")
    if raw:
        try:
            metrics = json.loads(raw)
        except ValueError:
            metrics = {"error": "metrics.json is not valid JSON"}
    png = next((directory / n for n in ("reliability.png", "calibration.png") if (directory / n).is_file()), None)
    return ModelEntry(name or directory.name, str(directory) if path is None else path,
                      _read(directory, "card.md"), metrics, png.read_bytes() if png else None)


def list_models() -> list[ModelEntry]:
    """The shipped default first, then every model directory under ``models/``, then the rules."""
    root = _models_root()
    entries = []
    default_dir = None
    dirs: list[Path] = []
    if root is not None:
        dirs = sorted(d for d in root.iterdir() if d.is_dir() and not d.name.startswith(("_", ".")))
        default_dir = next((d for d in dirs if d.name == "default"), dirs[0] if len(dirs) == 1 else None)
    if default_dir is not None:
        entries.append(entry_for(default_dir, DEFAULT, path=None))
    elif root is not None and (root / "card.md").is_file():
        entries.append(entry_for(root, DEFAULT, path=None))
    else:
        entries.append(ModelEntry(DEFAULT, None))
    entries += [entry_for(d) for d in dirs if d != default_dir]
    entries.append(ModelEntry(RULES, "rules", card="Transparent rule scores: no learned weights. "
                              "Used when no trained model is installed."))
    return entries


def reliability_points(metrics: dict | None) -> list[dict]:
    """Reliability-curve points from metrics.json, if it has any (keys vary by writer)."""
    if not isinstance(metrics, dict):
        return []
    out: list[dict] = []

    def walk(node, score):
        if isinstance(node, dict):
            for k, v in node.items():
                if k in ("reliability", "calibration", "reliability_curve") and isinstance(v, (dict, list)):
                    out.extend(_points(v, score))
                else:
                    walk(v, k if k in ("state_media", "loaded_language", "omitted_counterclaims") else score)
    walk(metrics, None)
    return out


def _points(v, score) -> list[dict]:
    if isinstance(v, dict):
        if "mean_predicted" in v and "fraction_positive" in v:
            return [{"score": score or "score", "predicted": p, "observed": o}
                    for p, o in zip(v["mean_predicted"], v["fraction_positive"])]
        if "prob_pred" in v and "prob_true" in v:
            return [{"score": score or "score", "predicted": p, "observed": o}
                    for p, o in zip(v["prob_pred"], v["prob_true"])]
        return [pt for k, sub in v.items() for pt in _points(sub, k)]
    if isinstance(v, list):
        pts = []
        for item in v:
            if isinstance(item, dict):
                p = item.get("predicted", item.get("mean_predicted", item.get("prob_pred")))
                o = item.get("observed", item.get("fraction_positive", item.get("prob_true")))
                if p is not None and o is not None:
                    pts.append({"score": item.get("score", score or "score"), "predicted": p, "observed": o})
        return pts
    return []
