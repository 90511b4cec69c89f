"""Batch scoring of tables: streaming, lossless, in order; local processes or a Dask cluster.

Public API::

    score_frame(df, text_col=None, ...) -> DataFrame      one DataFrame in memory
    score_file(inputs, output, ...) -> BatchSummary       files of any size, resumable
    flat_columns(analysis, error) -> dict                 the flat result columns of one row
    detect_columns(columns) -> dict                       which column holds text, url, title, id, html
    add_score_arguments(parser) / run_score(args) -> int  the ``labeler score`` command
"""
from __future__ import annotations

from .apply import score_frame
from .cli import add_score_arguments, run_score
from .columns import ANALYSIS_COLUMN, RESULT_COLUMNS, detect_columns, flat_columns
from .run import score_file
from .summary import BatchSummary

__all__ = ["score_frame", "score_file", "flat_columns", "detect_columns", "BatchSummary",
           "add_score_arguments", "run_score", "RESULT_COLUMNS", "ANALYSIS_COLUMN"]
