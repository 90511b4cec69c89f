"""Table formats by name or file extension, and turning ``inputs`` (paths, globs, folders) into files."""
from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

KINDS = ("csv", "tsv", "jsonl", "parquet")
_ALIASES = {"csv": "csv", "tsv": "tsv", "tab": "tsv", "jsonl": "jsonl", "ndjson": "jsonl", "json": "jsonl",
            "parquet": "parquet", "pq": "parquet"}
KNOWN = ("csv", "csv.gz", "tsv", "tsv.gz", "jsonl", "jsonl.gz", "ndjson", "parquet")


@dataclass(frozen=True)
class Format:
    kind: str  # csv | tsv | jsonl | parquet
    gzip: bool = False

    @property
    def name(self) -> str:
        return self.kind + (".gz" if self.gzip else "")

    @property
    def suffix(self) -> str:
        return "." + self.name


def parse_format(name: str) -> Format:
    """``csv``, ``csv.gz``, ``jsonl``, ``parquet``... (leading dot allowed)."""
    n = name.strip().lower().lstrip(".")
    gz = n.endswith(".gz") or n.endswith(".gzip")
    base = n.rsplit(".", 1)[0] if gz else n
    kind = _ALIASES.get(base)
    if kind is None or (gz and kind == "parquet"):
        raise InputError(f"unknown format {name!r}; known formats: {', '.join(KNOWN)}")
    return Format(kind, gz)


def format_of(path: str | os.PathLike, given: str | None = None) -> Format:
    """The format named by ``given``, else by the file's extension."""
    if given:
        return parse_format(given)
    p = Path(path).name.lower()
    parts = p.split(".")
    if len(parts) >= 3 and parts[-1] in ("gz", "gzip"):
        ext = parts[-2] + ".gz"
    elif len(parts) >= 2:
        ext = parts[-1]
    else:
        ext = ""
    try:
        return parse_format(ext) if ext else parse_format("?")
    except InputError:
        raise InputError(f"cannot tell the format of {os.fspath(path)!r} from its extension; known "
                         f"formats: {', '.join(KNOWN)}; name one with --format") from None


def _has_glob(s: str) -> bool:
    return any(ch in s for ch in "*?[")


def expand_inputs(inputs: str | os.PathLike | list) -> list[str]:
    """Files to read, in a stable order: paths as given, globs and folders expanded and sorted."""
    items = [inputs] if isinstance(inputs, (str, os.PathLike)) else list(inputs)
    if not items:
        raise InputError("no input files given")
    out: list[str] = []
    for item in items:
        s = os.fspath(item)
        if _has_glob(s) and not os.path.exists(s):
            matches = sorted(m for m in glob.glob(s) if os.path.isfile(m))
            if not matches:
                raise InputError(f"{s}: no files match this pattern")
            out.extend(matches)
        elif os.path.isdir(s):
            matches = sorted(str(p) for p in Path(s).iterdir() if p.is_file() and not p.name.startswith(".")
                             and _known(p))
            if not matches:
                raise InputError(f"{s}: folder holds no {', '.join(KNOWN)} files")
            out.extend(matches)
        elif not os.path.exists(s):
            raise InputError(f"{s}: no such file")
        else:
            out.append(s)
    return out


def _known(p: Path) -> bool:
    try:
        format_of(p)
        return True
    except InputError:
        return False
