"""Model files: round trip, and refusal of tampered or untrusted files with a reason."""
from __future__ import annotations

import json
import os

import numpy as np
import pytest
import skops.io as sio

from labeler.errors import ModelError
from labeler.model import load_model, save_model
from labeler.model.linear import CalibratedLinearClassifier
from labeler.model.persist import MANIFEST, MODEL_FILE, _sha256


@pytest.fixture()
def saved(tmp_path):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(80, 3))
    y = (X[:, 0] > 0).astype(int)
    model = CalibratedLinearClassifier().fit(X, y)
    return save_model(model, tmp_path / "m"), model, X


def test_saved_model_loads_back_with_the_same_predictions(saved):
    folder, model, X = saved
    np.testing.assert_allclose(load_model(folder).predict_proba(X), model.predict_proba(X))


def test_a_model_file_path_works_as_well_as_its_folder(saved):
    folder, model, X = saved
    np.testing.assert_allclose(load_model(folder / MODEL_FILE).predict_proba(X), model.predict_proba(X))


def test_tampered_file_is_refused_with_why_and_how_to_trust_it(saved):
    folder, _, _ = saved
    with open(folder / MODEL_FILE, "ab") as f:
        f.write(b"\0tampered")
    with pytest.raises(ModelError, match=r"SHA-256 differs.*tampered.*trusted=True"):
        load_model(folder)


def _untrusted_file(folder):
    folder.mkdir()
    # A file that would hand back os.system: the kind of object a hostile model file holds.
    sio.dump({"payload": os.system}, folder / MODEL_FILE)
    (folder / MANIFEST).write_text(json.dumps({"sha256": _sha256(folder / MODEL_FILE)}))
    return folder


SYSTEM = os.system.__module__ + ".system"  # posix.system (nt.system on Windows)


def test_unknown_types_are_refused_and_named_even_with_a_valid_checksum(tmp_path):
    folder = _untrusted_file(tmp_path / "evil")
    with pytest.raises(ModelError, match=rf"does not trust: {SYSTEM}.*could run code.*trusted=\['{SYSTEM}'\]"):
        load_model(folder)


def test_a_type_trusted_deliberately_is_loaded(tmp_path):
    folder = _untrusted_file(tmp_path / "mine")
    assert load_model(folder, trusted=[SYSTEM]) == {"payload": os.system}


def test_file_without_manifest_is_refused(saved):
    folder, _, _ = saved
    (folder / MANIFEST).unlink()
    with pytest.raises(ModelError, match="no manifest.json"):
        load_model(folder)


@pytest.mark.parametrize("content", [b"", b"not a zip at all", b"PK\x03\x04broken"])
def test_garbage_file_is_refused_not_crashed_on(tmp_path, content):
    folder = tmp_path / "junk"
    folder.mkdir()
    (folder / MODEL_FILE).write_bytes(content)
    (folder / MANIFEST).write_text(json.dumps({"sha256": _sha256(folder / MODEL_FILE)}))
    with pytest.raises(ModelError, match="not a readable skops model file"):
        load_model(folder)


def test_missing_model_names_the_path(tmp_path):
    with pytest.raises(ModelError, match="not found"):
        load_model(tmp_path / "nowhere")
