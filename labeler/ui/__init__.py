"""The Streamlit front end's logic: pure renderers (``render``), table I/O (``tables``), the
Method page text (``method``) and the pages themselves (``pages``, the only module that imports
streamlit). ``app.py`` only routes between pages.
"""
from __future__ import annotations

from .render import chain_dot, highlight_html, legend_html, score_bars, score_bars_html

__all__ = ["chain_dot", "highlight_html", "legend_html", "score_bars", "score_bars_html"]
