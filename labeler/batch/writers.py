"""Writing scored chunks as part files, and joining the parts into one output atomically.

Each chunk is written to its own part file; the final output is the parts joined in order
into a temporary file beside the target, then renamed over it. A run killed at any point
leaves either no output or the previous one, never a truncated file that looks complete.
CSV cells hold the analysis as JSON text; JSONL nests it; Parquet stores it as a struct whose
free-form maps (``sources``, ``explanations``) are JSON text.
"""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import decimal
import gzip
import io
import json
import math
import os
import shutil
import tempfile
import types
import typing
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, Union

import pyarrow as pa

from ..schema import Analysis
from .apply import Result
from .columns import ANALYSIS_COLUMN, RESULT_COLUMNS
from .formats import Format

_RESULT_TYPES = {
    "score_state_media": pa.float64(), "score_loaded_language": pa.float64(),
    "score_omitted_counterclaims": pa.float64(), "unattributed_claims": pa.int64(), "balanced": pa.bool_(),
}


# ---------------------------------------------------------------- Arrow types from the contract
def _arrow_type(tp: Any) -> pa.DataType:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        return _arrow_type(rest[0]) if len(rest) == 1 else pa.string()
    if tp is str:
        return pa.string()
    if tp is bool:
        return pa.bool_()
    if tp is int:
        return pa.int64()
    if tp is float:
        return pa.float64()
    if origin is list:
        return pa.list_(_arrow_type(args[0]))
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        return pa.struct([(f.name, _arrow_type(hints[f.name])) for f in dataclasses.fields(tp)])
    return pa.string()  # dict[str, Any] and anything free-form: JSON text


def _json_text(value: Any) -> Any:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=_json_default)


def _identity(value: Any) -> Any:
    return value


@lru_cache(maxsize=None)
def _converter(tp: Any) -> Callable[[Any], Any]:
    """A function turning a value of contract type ``tp`` (as in ``to_dict``) into its Arrow value.

    Built once per type: Parquet output converts every row, so no type inspection per value.
    """
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        return _converter(rest[0]) if len(rest) == 1 else _json_text
    if tp in (str, bool, int, float):
        return _identity
    if origin is list:
        item = _converter(args[0])
        if item is _identity:
            return _identity
        return lambda v: None if v is None else [item(x) for x in v]
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        plan = [(f.name, _converter(hints[f.name])) for f in dataclasses.fields(tp)]
        return lambda v: None if v is None else {name: conv(v.get(name)) for name, conv in plan}
    return _json_text


@lru_cache(maxsize=1)
def analysis_arrow_type() -> pa.DataType:
    """The Parquet type of the ``analysis`` column, derived from ``labeler.schema.Analysis``."""
    return _arrow_type(Analysis)


def output_columns(input_columns: Sequence[str]) -> list[str]:
    """Input columns (one named like a result column becomes ``input_<name>``), then the results."""
    taken = set(RESULT_COLUMNS) | {ANALYSIS_COLUMN}
    return [f"input_{c}" if c in taken else c for c in input_columns] + list(RESULT_COLUMNS) + [ANALYSIS_COLUMN]


def output_schema(input_schema: pa.Schema) -> pa.Schema:
    names = output_columns(input_schema.names)
    fields = [pa.field(n, f.type) for n, f in zip(names, input_schema)]
    fields += [pa.field(c, _RESULT_TYPES.get(c, pa.string())) for c in RESULT_COLUMNS]
    fields.append(pa.field(ANALYSIS_COLUMN, analysis_arrow_type()))
    return pa.schema(fields)


# ---------------------------------------------------------------- cells
def _json_default(v: Any) -> Any:
    if isinstance(v, (dt.datetime, dt.date, dt.time)):
        return v.isoformat()
    if isinstance(v, decimal.Decimal):
        return str(v)
    if isinstance(v, bytes):
        return v.decode("utf-8", errors="replace")
    if hasattr(v, "item"):  # numpy scalars
        return v.item()
    if hasattr(v, "tolist"):
        return v.tolist()
    return str(v)


def _nan_to_none(v: Any) -> Any:
    return None if isinstance(v, float) and math.isnan(v) else v


def _csv_cell(v: Any) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, (dict, list)):
        return json.dumps(v, ensure_ascii=False, default=_json_default)
    if isinstance(v, (dt.datetime, dt.date, dt.time)):
        return v.isoformat()
    return str(v)


def _string_cell(v: Any) -> Any:
    """A value bound for a Parquet string column (JSONL input with mixed or nested values)."""
    if v is None or isinstance(v, str):
        return v
    if isinstance(v, (dict, list)):
        return json.dumps(v, ensure_ascii=False, default=_json_default)
    return _csv_cell(v)


# ---------------------------------------------------------------- parts
def records(rows: Sequence[dict[str, Any]], input_columns: Sequence[str], results: Sequence[Result]):
    """Output rows as value lists in ``output_columns`` order."""
    for row, (flat, analysis) in zip(rows, results):
        yield [row.get(c) for c in input_columns] + [flat[c] for c in RESULT_COLUMNS] + [analysis]


def part_bytes(fmt: Format, rows: Sequence[dict[str, Any]], input_schema: pa.Schema,
               results: Sequence[Result]) -> bytes:
    """One chunk in the output format (CSV/JSONL: no header; gzip: one complete gzip member)."""
    cols = input_schema.names
    if fmt.kind in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="\t" if fmt.kind == "tsv" else ",", lineterminator="\n")
        for rec in records(rows, cols, results):
            w.writerow([_csv_cell(v) for v in rec])
        data = buf.getvalue().encode("utf-8")
    elif fmt.kind == "jsonl":
        names = output_columns(cols)
        lines = [json.dumps({n: _nan_to_none(v) for n, v in zip(names, rec)}, ensure_ascii=False,
                            default=_json_default) for rec in records(rows, cols, results)]
        data = ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
    else:
        return _parquet_bytes(rows, input_schema, results)
    return gzip.compress(data, mtime=0) if fmt.gzip else data


def header_bytes(fmt: Format, input_columns: Sequence[str]) -> bytes:
    if fmt.kind not in ("csv", "tsv"):
        return b""
    buf = io.StringIO()
    csv.writer(buf, delimiter="\t" if fmt.kind == "tsv" else ",", lineterminator="\n").writerow(
        output_columns(input_columns))
    data = buf.getvalue().encode("utf-8")
    return gzip.compress(data, mtime=0) if fmt.gzip else data


def _parquet_bytes(rows: Sequence[dict[str, Any]], input_schema: pa.Schema, results: Sequence[Result]) -> bytes:
    import pyarrow.parquet as pq

    schema = output_schema(input_schema)
    arrays = []
    for f_in in input_schema:
        values = [r.get(f_in.name) for r in rows]
        if pa.types.is_string(f_in.type) or pa.types.is_large_string(f_in.type):
            values = [_string_cell(v) for v in values]
        elif pa.types.is_floating(f_in.type):
            values = [float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v for v in values]
        arrays.append(pa.array(values, type=f_in.type))
    for c in RESULT_COLUMNS:
        arrays.append(pa.array([flat[c] for flat, _ in results], type=schema.field(c).type))
    to_arrow = _converter(Analysis)
    arrays.append(pa.array([to_arrow(a) for _, a in results], type=analysis_arrow_type()))
    table = pa.Table.from_arrays(arrays, schema=schema)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue().to_pybytes()


def write_atomic(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    d = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=d)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        _remove(tmp)
        raise


def join_parts(fmt: Format, parts: Sequence[str], output: str, input_schema: pa.Schema) -> None:
    """The parts, in order, as one output file, written beside it and renamed into place."""
    out_dir = os.path.dirname(os.path.abspath(output)) or "."
    os.makedirs(out_dir, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(output)}.", suffix=".tmp", dir=out_dir)
    try:
        if fmt.kind == "parquet":
            os.close(fd)
            _join_parquet(parts, tmp, output_schema(input_schema))
        else:
            with os.fdopen(fd, "wb") as out:
                out.write(header_bytes(fmt, input_schema.names))
                for p in parts:
                    with open(p, "rb") as f:
                        shutil.copyfileobj(f, out, 1 << 20)
                out.flush()
                os.fsync(out.fileno())
        os.replace(tmp, output)
    except BaseException:
        _remove(tmp)
        raise


def _join_parquet(parts: Sequence[str], tmp: str, schema: pa.Schema) -> None:
    import pyarrow.parquet as pq

    with pq.ParquetWriter(tmp, schema, compression="zstd") as w:
        for p in parts:
            w.write_table(pq.read_table(p, schema=schema))  # one part in memory at a time


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except FileNotFoundError:
        pass
