"""Streaming, lossless readers: a table file as chunks of rows, never the whole file in memory.

Every record of the input becomes exactly one row, in order. A record that cannot be read
(broken quoting, wrong number of fields, bytes that are not valid in the encoding, a JSONL
line that is not a JSON object) becomes a row whose ``problem`` says what and on which line;
its input columns are empty. Blank lines are not records (as in pandas).
"""
from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import os
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any, BinaryIO, NamedTuple

import pyarrow as pa

from ..errors import InputError
from .formats import Format

# A quoted field may hold a long article, but an unclosed quote must not swallow the rest
# of a large file into memory: past this many characters the record is reported malformed.
CSV_FIELD_LIMIT = 64 * 1024 * 1024


@dataclass
class Chunk:
    rows: list[dict[str, Any]]
    problems: list[str | None]
    lines: list[int]  # first physical line of each record (CSV/JSONL) or its row number (Parquet)
    position: int = 0  # bytes (or rows, for Parquet) consumed so far, for the progress estimate


@dataclass
class Source:
    """One input file: its columns, their Arrow types (for Parquet output) and its chunks."""

    path: str
    fmt: Format
    columns: list[str]
    schema: pa.Schema
    size: int  # total bytes (CSV/JSONL) or rows (Parquet): the progress bar's denominator
    exact_rows: bool  # True when ``size`` counts rows
    encoding: str | None = None
    delimiter: str = ","

    def chunks(self, chunk_rows: int, span: Span | None = None) -> Iterator[Chunk]:
        """The records as chunks; with ``span``, only that span's records (see ``spans``)."""
        if self.fmt.kind == "parquet":
            return _parquet_chunks(self, chunk_rows)
        if self.fmt.kind == "jsonl":
            return _jsonl_chunks(self, chunk_rows, span)
        return _csv_chunks(self, chunk_rows, span)

    @property
    def splittable(self) -> bool:
        """Whether records can be read from a byte offset (plain CSV/JSONL in a byte-line encoding)."""
        return self.fmt.kind != "parquet" and not self.fmt.gzip and \
            (not self.encoding or "\n".encode(self.encoding) == b"\n")

    def spans(self, records_per_span: int) -> list[Span]:
        """Consecutive runs of ``records_per_span`` records, found by one sequential read.

        Reading each span from its offset gives exactly the records (and line numbers, and
        problems) the whole-file read gives there, so a big file can be scored in parallel
        pieces. A quoted CSV field may span lines: the cut points are record starts found
        by the CSV parser itself, never raw newlines.
        """
        if not self.splittable:
            raise ValueError(f"{self.path}: cannot be read from an offset (compressed or multi-byte encoding)")
        out: list[Span] = []
        lines = _Lines(self.path, self.fmt, self.encoding)
        try:
            if self.fmt.kind == "jsonl":
                records: Iterator[_Record] = (r for r, _obj in _jsonl_records(lines, parse=False))
            else:
                records = _csv_records(lines, self.delimiter, len(self.columns))
                next(records, None)  # the header
            for k, rec in enumerate(records):
                if k % records_per_span == 0:
                    out.append(Span(rec.offset, rec.line, 0))
                out[-1] = out[-1]._replace(records=out[-1].records + 1)
        finally:
            lines.close()
        return out


class Span(NamedTuple):
    """Where a run of records starts (byte offset, physical line) and how many it holds."""

    offset: int
    line: int
    records: int


def open_source(path: str, fmt: Format, *, encoding: str | None = None) -> Source:
    """Read just enough of ``path`` to know its columns (header, Parquet schema, JSONL keys)."""
    if not os.path.isfile(path):
        raise InputError(f"{path}: no such file")
    if fmt.kind == "parquet":
        return _parquet_source(path, fmt)
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}") from None
    if fmt.kind == "jsonl":
        return _jsonl_source(path, fmt, encoding)
    return _csv_source(path, fmt, encoding)


# ---------------------------------------------------------------- physical lines
@dataclass
class _Line:
    number: int
    text: str
    problem: str | None
    offset: int = -1  # byte offset of the line in the file (-1 when unknown: gzip, multi-byte encodings)


class _Lines:
    """Decoded physical lines with their numbers; lines can be pushed back to be parsed again."""

    def __init__(self, path: str, fmt: Format, encoding: str | None, span: Span | None = None):
        self.raw = open(path, "rb")
        self.fh: BinaryIO = gzip.GzipFile(fileobj=self.raw) if fmt.gzip else self.raw
        self.encoding = encoding or "utf-8"
        self.number = 0
        self.offsets = not fmt.gzip
        if span is not None:
            self.raw.seek(span.offset)
            self.number = span.line - 1
        self.pending: deque[_Line] = deque()
        self.consumed: list[_Line] = []
        self.text_mode = None
        if encoding and "\n".encode(encoding) != b"\n":  # UTF-16/32: lines cannot be split as bytes
            self.text_mode = io.TextIOWrapper(self.fh, encoding=encoding, newline="")

    @property
    def position(self) -> int:
        return self.raw.tell()

    def close(self) -> None:
        self.raw.close()

    def __iter__(self) -> _Lines:
        return self

    def _read(self) -> _Line:
        if self.text_mode is not None:
            try:
                text = self.text_mode.readline()
            except UnicodeDecodeError as e:
                raise InputError(f"{self.raw.name}: not valid {self.encoding} after line {self.number} "
                                 f"({e.reason}); check --encoding") from None
            if not text:
                raise StopIteration
            self.number += 1
            return _Line(self.number, text, None)
        offset = self.raw.tell() if self.offsets else -1
        try:
            data = self.fh.readline()
        except (OSError, EOFError) as e:  # a truncated or corrupt gzip stream
            raise InputError(f"{self.raw.name}: cannot read past line {self.number} ({e})") from None
        if not data:
            raise StopIteration
        self.number += 1
        problem = None
        try:
            text = data.decode(self.encoding)
        except UnicodeDecodeError as e:
            text = data.decode(self.encoding, errors="replace")
            problem = (f"line {self.number}: not valid {self.encoding} (byte 0x{data[e.start]:02x} at "
                       f"column {e.start + 1}); give the file's encoding with --encoding")
        if self.number == 1 and text.startswith("\ufeff"):
            text = text[1:]
        return _Line(self.number, text, problem, offset)

    def __next__(self) -> str:
        line = self.pending.popleft() if self.pending else self._read()
        self.consumed.append(line)
        return line.text

    def mark(self) -> None:
        self.consumed = []

    def push_back(self, lines: list[_Line]) -> None:
        self.pending.extendleft(reversed(lines))


# ---------------------------------------------------------------- CSV
@dataclass
class _Record:
    line: int
    fields: list[str] | None
    problem: str | None
    offset: int = -1  # byte offset of its first line


def _csv_records(lines: _Lines, delimiter: str, width: int | None) -> Iterator[_Record]:
    """Records with their first line; a broken one is reported and parsing restarts on its next line."""
    csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    while True:
        lines.mark()
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            used = list(lines.consumed)
            if not used:
                return
            lines.push_back(used[1:])
            reader = csv.reader(lines, delimiter=delimiter, strict=True)
            yield _Record(used[0].number, None, f"line {used[0].number}: malformed CSV ({e}); "
                          "the line is kept as an error row and reading goes on with the next line", used[0].offset)
            continue
        used = list(lines.consumed)
        if not fields:  # a blank line is not a record
            continue
        first, offset = used[0].number, used[0].offset
        if width is not None and len(fields) != width:
            if len(used) > 1:  # a quote opened on this line and ran into the next ones
                lines.push_back(used[1:])
                reader = csv.reader(lines, delimiter=delimiter, strict=True)
                yield _Record(first, None, f"line {first}: malformed CSV (a quoted field runs over "
                              f"{len(used)} lines and leaves {len(fields)} fields instead of {width}; "
                              "unbalanced quote?); reading goes on with the next line", offset)
            else:
                yield _Record(first, None, f"line {first}: expected {width} fields, found {len(fields)}", offset)
            continue
        bad = next((ln.problem for ln in used if ln.problem), None)
        yield _Record(first, None if bad else fields, bad, offset)


def _unique(names: list[str]) -> list[str]:
    out: list[str] = []
    seen: dict[str, int] = {}
    for i, n in enumerate(names):
        n = n.strip() or f"column_{i + 1}"
        if n in seen:
            seen[n] += 1
            n = f"{n}.{seen[n]}"
        else:
            seen[n] = 0
        out.append(n)
    return out


def _csv_source(path: str, fmt: Format, encoding: str | None) -> Source:
    delimiter = "\t" if fmt.kind == "tsv" else ","
    lines = _Lines(path, fmt, encoding)
    try:
        header = next(_csv_records(lines, delimiter, None), None)
    finally:
        lines.close()
    if header is None:
        raise InputError(f"{path}: the file is empty (no header line)")
    if header.fields is None:
        raise InputError(f"{path}: cannot read the header: {header.problem}")
    columns = _unique(header.fields)
    size = os.path.getsize(path)
    return Source(path, fmt, columns, pa.schema([(c, pa.string()) for c in columns]), size, False,
                  encoding, delimiter)


def _csv_chunks(src: Source, chunk_rows: int, span: Span | None = None) -> Iterator[Chunk]:
    lines = _Lines(src.path, src.fmt, src.encoding, span)
    try:
        records = _csv_records(lines, src.delimiter, len(src.columns))
        if span is None:
            next(records)  # the header
        else:
            records = islice(records, span.records)
        yield from _batched(records, src.columns, chunk_rows, lambda: lines.position)
    finally:
        lines.close()


def _batched(records: Iterator[_Record], columns: list[str], chunk_rows: int, position) -> Iterator[Chunk]:
    chunk = Chunk([], [], [])
    empty = dict.fromkeys(columns)
    for rec in records:
        chunk.rows.append(dict(zip(columns, rec.fields)) if rec.fields is not None else dict(empty))
        chunk.problems.append(rec.problem)
        chunk.lines.append(rec.line)
        if len(chunk.rows) >= chunk_rows:
            chunk.position = position()
            yield chunk
            chunk = Chunk([], [], [])
    if chunk.rows:
        chunk.position = position()
        yield chunk


# ---------------------------------------------------------------- JSONL
def _jsonl_records(lines: _Lines, parse: bool = True) -> Iterator[tuple[_Record, dict | None]]:
    """Each non-blank line as a record; ``parse=False`` only finds where records are."""
    for text in lines:
        line = lines.consumed[-1]
        lines.mark()
        if not text.strip():
            continue
        n, off = line.number, line.offset
        if line.problem:
            yield _Record(n, None, line.problem, off), None
            continue
        if not parse:
            yield _Record(n, [], None, off), None
            continue
        try:
            obj = json.loads(text)
        except ValueError as e:
            yield _Record(n, None, f"line {n}: not valid JSON ({e})", off), None
            continue
        if not isinstance(obj, dict):
            yield _Record(n, None, f"line {n}: expected a JSON object, found {type(obj).__name__}", off), None
            continue
        yield _Record(n, [], None, off), obj


_KIND_TYPES = {"bool": pa.bool_(), "int": pa.int64(), "float": pa.float64(), "str": pa.string()}


def _kind(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, int):
        return "int" if -(2**63) <= v < 2**63 else "other"
    if isinstance(v, float):
        return "float"
    if isinstance(v, str):
        return "str"
    return "other"


def _arrow_type(kinds: set[str]) -> pa.DataType:
    kinds = kinds - {"null"}
    if kinds == {"int", "float"}:
        return pa.float64()
    if len(kinds) == 1 and next(iter(kinds)) in _KIND_TYPES:
        return _KIND_TYPES[next(iter(kinds))]
    return pa.string()  # mixed or nested values: JSON text in Parquet output


def _jsonl_source(path: str, fmt: Format, encoding: str | None) -> Source:
    """A first pass collects every key (in order of first appearance) and its value types."""
    kinds: dict[str, set[str]] = {}
    lines = _Lines(path, fmt, encoding)
    try:
        for _rec, obj in _jsonl_records(lines):
            if obj is None:
                continue
            for k, v in obj.items():
                kinds.setdefault(k, set()).add(_kind(v))
    finally:
        lines.close()
    columns = list(kinds)
    if not columns:
        raise InputError(f"{path}: no JSON objects found (empty file or no valid line)")
    schema = pa.schema([(c, _arrow_type(kinds[c])) for c in columns])
    return Source(path, fmt, columns, schema, os.path.getsize(path), False, encoding)


def _jsonl_chunks(src: Source, chunk_rows: int, span: Span | None = None) -> Iterator[Chunk]:
    lines = _Lines(src.path, src.fmt, src.encoding, span)

    def records() -> Iterator[_Record]:
        for rec, obj in _jsonl_records(lines):
            if obj is not None:
                rec.fields = [obj.get(c) for c in src.columns]
            yield rec

    try:
        recs = records() if span is None else islice(records(), span.records)
        yield from _batched(recs, src.columns, chunk_rows, lambda: lines.position)
    finally:
        lines.close()


# ---------------------------------------------------------------- Parquet
def _parquet_source(path: str, fmt: Format) -> Source:
    import pyarrow.parquet as pq

    try:
        f = pq.ParquetFile(path)
    except Exception as e:  # noqa: BLE001 - pyarrow raises several types for a bad file
        raise InputError(f"{path}: not a readable Parquet file ({type(e).__name__}: {e})") from None
    schema = f.schema_arrow
    schema = schema.remove_metadata()
    return Source(path, fmt, list(schema.names), schema, f.metadata.num_rows, True)


def _parquet_chunks(src: Source, chunk_rows: int) -> Iterator[Chunk]:
    import pyarrow.parquet as pq

    f = pq.ParquetFile(src.path)
    done = 0
    try:
        for batch in f.iter_batches(batch_size=chunk_rows):
            rows = batch.to_pylist()
            n = len(rows)
            yield Chunk(rows, [None] * n, list(range(done + 1, done + n + 1)), done + n)
            done += n
    finally:
        f.close()
