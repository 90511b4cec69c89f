"""Chart specs for the Batch page (Altair, rendered by the browser; no system dependencies)."""
from __future__ import annotations

import altair as alt
import pandas as pd

# Bars need stronger colours than the graph's pastel fills (render.AFFILIATION_COLOURS); same hues.
BAR_COLOURS = {"state-controlled": "#d9534f", "state-funded": "#f0ad4e", "independent": "#5cb85c",
               "unknown": "#9e9e9e"}


def origins_chart(origins: pd.DataFrame) -> alt.Chart:
    """Articles per origin country, stacked by affiliation, coloured as in the provenance graph."""
    return alt.Chart(origins).mark_bar().encode(
        x=alt.X("country:N", sort="-y", title="origin country"),
        y=alt.Y("sum(articles):Q", title="articles"),
        color=alt.Color("affiliation:N", scale=alt.Scale(domain=list(BAR_COLOURS), range=list(BAR_COLOURS.values())),
                        legend=alt.Legend(orient="bottom")),
        tooltip=["country", "affiliation", "articles"],
    )


def score_chart(hist: pd.DataFrame) -> alt.Chart:
    """Rows per 0.1-wide bin, one small panel per score."""
    return alt.Chart(hist).mark_bar(color="#1f4e9c").encode(
        x=alt.X("bin:N", title="score", axis=alt.Axis(labelAngle=-45)),
        y=alt.Y("rows:Q", title="articles"),
        tooltip=["score", "bin", "rows"],
    ).properties(height=120).facet(row=alt.Row("score:N", title=None, header=alt.Header(labelAngle=0,
                                                                                        labelAlign="left")))
