"""Reading an uploaded table and writing the scored one, with errors a researcher can act on."""
from __future__ import annotations

import io
import json
from pathlib import PurePath

import pandas as pd

from ..errors import InputError

FORMATS = {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
           ".parquet": "parquet", ".pq": "parquet"}
MAX_UI_ROWS = 5_000  # the UI scores interactively; bigger corpora belong to the CLI (`labeler batch`)


def table_format(name: str) -> str:
    ext = PurePath(name or "").suffix.lower()
    if ext not in FORMATS:
        raise InputError(f"{name!r}: unknown table type {ext or '(none)'!r}; "
                         f"use one of: {', '.join(sorted(FORMATS))}")
    return FORMATS[ext]


def read_table(name: str, data: bytes, *, max_rows: int = MAX_UI_ROWS) -> pd.DataFrame:
    """A DataFrame from uploaded bytes, or an InputError saying what is wrong with the file."""
    fmt = table_format(name)
    if not data or not data.strip():
        raise InputError(f"{name}: the file is empty")
    buf = io.BytesIO(data)
    try:
        if fmt == "csv":
            df = pd.read_csv(buf, dtype=str, keep_default_na=False, on_bad_lines="error")
        elif fmt == "tsv":
            df = pd.read_csv(buf, sep="\t", dtype=str, keep_default_na=False, on_bad_lines="error")
        elif fmt == "jsonl":
            df = pd.read_json(buf, lines=True, dtype=False)
        elif fmt == "json":
            df = pd.read_json(buf, dtype=False)
        else:
            df = pd.read_parquet(buf)
    except (ValueError, pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError, OSError) as e:
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise InputError(f"{name}: cannot read it as {fmt.upper()} ({first})") from None
    except Exception as e:  # pyarrow raises its own error types on corrupt files
        raise InputError(f"{name}: cannot read it as {fmt.upper()} ({type(e).__name__}: {e})") from None
    if df.empty or len(df.columns) == 0:
        raise InputError(f"{name}: no rows found")
    if len(df) > max_rows:
        raise InputError(f"{name}: {len(df):,} rows is more than the UI's limit of {max_rows:,}; "
                         "score large files with the command line (labeler batch), which streams them")
    df.columns = [str(c) for c in df.columns]
    return df


def _cell_json(v):
    if isinstance(v, (list, dict, tuple)):
        return json.dumps(v, ensure_ascii=False, default=str)
    if hasattr(v, "tolist") and not isinstance(v, (str, bytes)):
        return json.dumps(v.tolist(), ensure_ascii=False, default=str)
    return v


def write_table(df: pd.DataFrame, fmt: str) -> tuple[bytes, str, str]:
    """(bytes, mime type, file extension) of the scored table in the upload's format."""
    if fmt == "parquet":
        buf = io.BytesIO()
        try:
            df.to_parquet(buf, index=False)
        except Exception:  # nested object columns pyarrow cannot type: store them as JSON text
            df.map(_cell_json).to_parquet(buf, index=False)
        return buf.getvalue(), "application/vnd.apache.parquet", "parquet"
    if fmt in ("jsonl", "json"):
        text = df.to_json(orient="records", lines=True, force_ascii=False, default_handler=str)
        return text.encode("utf-8"), "application/jsonl", "jsonl"
    sep = "\t" if fmt == "tsv" else ","
    text = df.map(_cell_json).to_csv(index=False, sep=sep)
    return text.encode("utf-8"), "text/csv" if sep == "," else "text/tab-separated-values", fmt


SCORE_KEYS = ("state_media", "loaded_language", "omitted_counterclaims")
_BINS = [i / 10 for i in range(11)]


def score_columns(df: pd.DataFrame) -> dict[str, str]:
    """score name -> column holding it (``state_media``, ``score_state_media``, ``scores.state_media``...)."""
    found: dict[str, str] = {}
    for key in SCORE_KEYS:
        for c in df.columns:
            low = str(c).lower()
            if (low == key or low.endswith(("_" + key, "." + key))) and pd.api.types.is_numeric_dtype(
                    pd.to_numeric(df[c], errors="coerce")):
                found[key] = c
                break
    return found


def score_long(df: pd.DataFrame) -> pd.DataFrame:
    """One row per (article, score) with a numeric value; empty when no score columns exist."""
    frames = [pd.DataFrame({"score": key, "value": pd.to_numeric(df[c], errors="coerce")})
              for key, c in score_columns(df).items()]
    if not frames:
        return pd.DataFrame(columns=["score", "value"])
    return pd.concat(frames, ignore_index=True).dropna()


def score_histogram(long: pd.DataFrame) -> pd.DataFrame:
    """Rows per 0.1-wide bin of each score (for a grouped bar chart)."""
    labels = [f"{a:.1f}–{b:.1f}" for a, b in zip(_BINS, _BINS[1:])]
    binned = pd.cut(long["value"].clip(0, 1), bins=_BINS, labels=labels, include_lowest=True)
    out = long.assign(bin=binned).groupby(["score", "bin"], observed=False).size().reset_index(name="rows")
    out["bin"] = out["bin"].astype(str)
    return out


def _first(df: pd.DataFrame, *names: str) -> str | None:
    low = {str(c).lower(): c for c in df.columns}
    for n in names:
        if n in low:
            return low[n]
    return None


def origin_counts(df: pd.DataFrame) -> pd.DataFrame:
    """Articles per origin (affiliation, country); rows without an origin are left out."""
    aff = _first(df, "origin_affiliation", "origin.affiliation", "state_affiliation", "affiliation")
    country = _first(df, "origin_country", "origin.country", "state_country", "country")
    if aff is None:
        return pd.DataFrame(columns=["affiliation", "country", "articles"])
    sub = pd.DataFrame({"affiliation": df[aff].astype("string").fillna("").replace("", pd.NA),
                        "country": (df[country].astype("string") if country else pd.Series("", index=df.index))
                        .fillna("").replace("", "unknown")}).dropna(subset=["affiliation"])
    return sub.groupby(["affiliation", "country"]).size().reset_index(name="articles")


def failed_rows(df: pd.DataFrame) -> int:
    col = _first(df, "error", "_error", "labeler_error")
    if col is None:
        return 0
    s = df[col]
    return int((s.notna() & (s.astype(str).str.strip() != "") & (s.astype(str) != "None")).sum())


def display_frame(df: pd.DataFrame, *, max_chars: int = 300) -> pd.DataFrame:
    """The scored table for display: nested values as JSON text, long text cut, the full ``analysis``
    dicts left out (they are in the download)."""
    df = df.drop(columns=[c for c in ("analysis",) if c in df.columns])
    first = [c for c in df.columns if str(c).startswith(("score_", "origin_"))]
    df = df[first + [c for c in df.columns if c not in first]]

    def cell(v):
        v = _cell_json(v)
        return v[: max_chars - 1] + "…" if isinstance(v, str) and len(v) > max_chars else v
    return df.map(cell)
