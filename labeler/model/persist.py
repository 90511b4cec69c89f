"""Saving and loading models without ever running code from the file.

A model is a folder: ``model.skops`` (skops.io, which rebuilds objects from a schema
instead of unpickling), ``manifest.json`` (format, version, SHA-256 of the model file),
and beside them the card and metrics. Loading checks, in order:

1. the SHA-256 matches the manifest, else the file was changed after it was saved;
2. every type the file asks for is on ``TRUSTED_TYPES`` (ours, scikit-learn's, numpy's),
   else loading is refused with the list of unknown types.

Both refusals say how to accept the file deliberately (``trusted=``). The checksum guards
against accidents and casual edits; the type list is what keeps a hostile file from running
code, since a file can only name types and skops builds none that are not allowed.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import skops.io as sio

from ..errors import ModelError
from .encoder import file_sha256

FORMAT = "labeler.model/1"
MODEL_FILE = "model.skops"
MANIFEST = "manifest.json"

# Every type a labeler model is built from. skops trusts numpy arrays, scipy sparse matrices
# and builtins itself; the rest must be named here.
TRUSTED_TYPES = sorted({
    "labeler.model.pipeline.LabelerModel",
    "labeler.model.pipeline.ScoreHead",
    "labeler.model.counterclaims.CounterclaimsHead",
    "labeler.model.claim_sentence.ClaimSentenceModel",
    "labeler.model.claim_encoded.EncodedClaimModel",
    "labeler.model.sentence.LoadedSentenceModel",
    "labeler.model.linear.CalibratedLinearClassifier",
    "labeler.model.features.CueFeaturizer",
    "labeler.model.text_features.HashedLexicon",
    "labeler.model.word_clusters.WordClusters",
    "labeler.model.text_features.TextStats",
    "labeler.model.text_features.WordClassNgrams",
    "sklearn.feature_extraction._dict_vectorizer.DictVectorizer",
    "sklearn.feature_extraction._hash.FeatureHasher",
    "sklearn.feature_extraction.text.HashingVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.pipeline.FeatureUnion",
    "sklearn.pipeline.Pipeline",
    "numpy.float64",
    "numpy.int64",
    "numpy.float32",
    "numpy.int32",
    "numpy.dtype",
    "builtins.type",
    "builtins.float",
    "builtins.int",
    "builtins.str",
    "builtins.bool",
    "builtins.dict",
    "builtins.list",
    "builtins.tuple",
    "builtins.NoneType",
    "builtins.frozenset",
    "builtins.set",
    "builtins.slice",
})


_sha256 = file_sha256


def save_model(model: Any, path: str | os.PathLike) -> Path:
    """Write ``model`` to the folder ``path`` (created if needed); returns the folder."""
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / MODEL_FILE
    sio.dump(model, target, compression=8)  # zipfile.ZIP_DEFLATED
    from .. import __version__

    manifest = {"format": FORMAT, "file": MODEL_FILE, "sha256": _sha256(target),
                "name": getattr(model, "name", None), "version": getattr(model, "version", None),
                "labeler": __version__}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return folder


def _locate(path: str | os.PathLike) -> tuple[Path, Path | None]:
    p = Path(path)
    if p.is_dir():
        return p / MODEL_FILE, p / MANIFEST
    return p, (p.parent / MANIFEST if (p.parent / MANIFEST).exists() else None)


def load_model_file(path: str | os.PathLike, *, trusted: bool | list[str] = False) -> Any:
    """Load a saved model safely.

    ``trusted=False`` accepts only ``TRUSTED_TYPES`` and a file whose checksum matches its
    manifest. ``trusted=[...]`` adds type names you have read and accept; ``trusted=True``
    accepts the file as it is (checksum and all types): only for files you made yourself.
    """
    file, manifest_path = _locate(path)
    if not file.is_file():
        raise ModelError(f"model file {str(file)!r} not found (a model folder holds {MODEL_FILE} and {MANIFEST})")
    if trusted is not True:
        if manifest_path is None or not manifest_path.exists():
            raise ModelError(f"refusing {str(file)!r}: no {MANIFEST} beside it, so its integrity cannot be "
                             f"checked. If you made this file, save it with labeler.model.save_model, or load it "
                             f"deliberately with trusted=True (CLI: --trust-model).")
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise ModelError(f"refusing {str(file)!r}: {MANIFEST} is unreadable ({e})") from e
        if manifest.get("sha256") != _sha256(file):
            raise ModelError(f"refusing {str(file)!r}: its SHA-256 differs from the one recorded in {MANIFEST}, "
                             f"so the file was changed after it was saved (tampered or corrupted). If you changed "
                             f"it on purpose, re-save it with labeler.model.save_model, or load it deliberately "
                             f"with trusted=True (CLI: --trust-model).")
    try:
        found = sio.get_untrusted_types(file=file)
    except Exception as e:  # a damaged zip, a schema skops cannot read
        raise ModelError(f"refusing {str(file)!r}: not a readable skops model file ({type(e).__name__}: {e})") from e
    allowed = set(TRUSTED_TYPES) | (set(trusted) if isinstance(trusted, (list, tuple, set)) else set())
    unknown = sorted(t for t in found if t not in allowed)
    if unknown and trusted is not True:
        raise ModelError(
            f"refusing {str(file)!r}: it asks for type(s) labeler does not trust: {', '.join(unknown)}. "
            f"Loading them could run code from the file. Inspect the file (python -m skops.cli or "
            f"skops.io.visualize) and, only if you trust it, pass trusted={unknown!r} "
            f"(CLI: --trust-type NAME for each).")
    try:
        return sio.load(file, trusted=list(found))  # every name in `found` was allowed above
    except Exception as e:
        raise ModelError(f"cannot load {str(file)!r}: {type(e).__name__}: {e}") from e
