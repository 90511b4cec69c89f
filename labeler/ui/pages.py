"""The four pages of the Streamlit app. Widgets carry ``key=`` so AppTest can find them.

Every string from an article reaches the page through the escaping renderers in ``render``
(``st.html``) or as table cells (``st.dataframe``), never through markdown.
"""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from ..errors import InputError, LabelerError, ModelError
from . import charts, inputs, method, models, render, tables

PAGES = ("Analyse", "Batch", "Models", "Method")
SOURCES = ("Paste text", "Upload a file", "URL")
NONE = "(none)"
BATCH_CHUNK = 25


# ------------------------------------------------------------------ model state

@st.cache_resource(show_spinner="Loading the model (once)…")
def cached_model(path: str | None):
    """Load once per process: analysing an article then costs only the detectors and the model."""
    import labeler

    return labeler.load_model(path)


def active_model():
    """The model the user chose on the Models page (the shipped default until then)."""
    uploaded = st.session_state.get("uploaded_model")
    if st.session_state.get("active_model") == "uploaded" and uploaded is not None:
        m = uploaded
    else:
        m = cached_model(st.session_state.get("active_model_path"))
    if st.session_state.get("embedding_claims") and getattr(m, "claim_encoder_model", None) is not None:
        return m.with_claims("embedding")
    return m


def sidebar() -> str:
    st.sidebar.title("labeler")
    st.sidebar.caption("Where a news article comes from, and how it frames its story.")
    page = st.sidebar.radio("Page", PAGES, key="page")
    try:
        m = active_model()
        st.sidebar.caption(f"Model: **{m.name}** {m.version}")
        if getattr(m, "claim_encoder_model", None) is not None:
            st.sidebar.checkbox("Read claims with the sentence encoder", key="embedding_claims",
                                help="The embedding claim model ranks sentences better but is about 6x slower "
                                     "and found no more right claims on unseen test articles (README).")
            if st.session_state.get("embedding_claims"):
                from ..model.claim_encoded import encoder_problem

                problem = encoder_problem(getattr(m.claim_encoder_model, "encoder_sha256_", None))
                if problem is not None:
                    st.sidebar.warning(f"Claims are read with n-grams: {problem}")
    except ModelError as e:
        st.sidebar.error(str(e))
    return page


# ------------------------------------------------------------------ 1. Analyse

def analyse_page() -> None:
    st.header("Analyse an article")
    source = st.radio("Article from", SOURCES, key="source", horizontal=True)
    text = html_doc = url = None
    if source == "Paste text":
        text = st.text_area("Article text", key="text", height=200,
                            placeholder="Paste the article here (headline, body, any notices at the end)…")
        url = st.text_input("Page URL (optional; used as metadata, never downloaded)", key="url_meta")
    elif source == "Upload a file":
        up = st.file_uploader("A .txt or .html file", type=["txt", "html", "htm"], key="upload")
        url = st.text_input("Page URL (optional; used as metadata, never downloaded)", key="url_meta")
        if up is not None:
            try:
                content, is_html = inputs.read_upload(up.name, up.getvalue())
                html_doc, text = (content, None) if is_html else (None, content)
            except InputError as e:
                st.error(str(e))
    else:
        url = st.text_input("URL", key="url", placeholder="https://…")
        st.caption(f"The page is downloaded only when you click Analyse "
                   f"(timeout {inputs.FETCH_TIMEOUT:g} s, at most {inputs.FETCH_MAX_BYTES // 1_000_000} MB).")
    title = st.text_input("Title (optional)", key="title")

    if st.button("Analyse", key="analyse", type="primary"):
        st.session_state.pop("result", None)
        try:
            if source == "URL":
                with st.spinner("Downloading…"):
                    html_doc = inputs.fetch(url or "")
            elif source == "Upload a file" and text is None and html_doc is None:
                raise InputError("choose a .txt or .html file first")
            with st.spinner("Analysing…"):
                st.session_state["result"] = inputs.analyse_input(text, html=html_doc, url=url, title=title,
                                                                  model=active_model())
        except (InputError, ModelError) as e:
            st.error(str(e))
        except LabelerError as e:
            st.error(f"Cannot analyse this article: {e}")

    result = st.session_state.get("result")
    if result is not None:
        show_analysis(*result)


def show_analysis(text: str, a) -> None:
    st.divider()
    st.html(render.origin_html(a))
    st.subheader("Provenance chain")
    st.graphviz_chart(render.chain_dot(a), width="stretch")
    st.caption("host → origin → wire → cited outlets → speakers (via whom). Hover a node for its evidence; "
               "all evidence is listed under “Chain evidence”.")
    with st.expander("Chain evidence", expanded=False):
        st.dataframe(pd.DataFrame(render.chain_rows(a)), hide_index=True, width="stretch")
    st.subheader("Scores")
    for col, bar in zip(st.columns(3, gap="large"), render.score_bars(a)):
        with col:
            st.html(render.score_bar_html(bar))
    st.caption(f"Model: {a.model.name} {a.model.version}. Numbers in brackets: each feature's contribution.")
    if a.warnings:
        st.html(render.warnings_html(a))
    st.subheader("Article")
    st.html(render.legend_html())
    st.html(render.highlight_html(text, a))
    quotes, terms, claims = st.tabs(["Quotes", "Loaded terms", "Claims"])
    with quotes:
        st.dataframe(pd.DataFrame(render.quote_rows(a)), hide_index=True, width="stretch")
    with terms:
        st.dataframe(pd.DataFrame(render.term_rows(a)), hide_index=True, width="stretch")
    with claims:
        st.dataframe(pd.DataFrame(render.claim_rows(a)), hide_index=True, width="stretch")
    payload = json.dumps(a.to_dict(), ensure_ascii=False, indent=2)
    st.download_button("Download the analysis (JSON)", payload, file_name="analysis.json",
                       mime="application/json", key="download_json")


# ------------------------------------------------------------------ 2. Batch

def _batch_module():
    try:
        from .. import batch
    except ImportError:
        return None
    return batch if hasattr(batch, "score_frame") else None


def _pick(label: str, options: list[str], guess: str | None, key: str) -> str | None:
    index = options.index(guess) if guess in options else 0
    choice = st.selectbox(label, options, index=index, key=key)
    return None if choice == NONE else choice


def batch_page() -> None:
    st.header("Score a table of articles")
    batch = _batch_module()
    if batch is None:
        st.warning("The batch module is not available in this installation (labeler.batch); "
                   "use the Analyse page for single articles.")
        return
    up = st.file_uploader("CSV, TSV, JSONL or Parquet (one article per row)",
                          type=["csv", "tsv", "jsonl", "ndjson", "json", "parquet"], key="batch_upload")
    st.caption(f"Files up to {st.get_option('server.maxUploadSize')} MB and {tables.MAX_UI_ROWS:,} rows here; "
               "score larger corpora with `labeler batch` on the command line.")
    if up is None:
        return
    try:
        df = tables.read_table(up.name, up.getvalue())
    except InputError as e:
        st.error(str(e))
        return
    detected: dict = {}
    try:
        detected = dict(batch.detect_columns(list(df.columns)) or {})
    except InputError as e:
        st.info(str(e))
    cols = [NONE, *df.columns]

    def guess(kind: str):
        return detected.get(kind) or detected.get(f"{kind}_col")

    c1, c2, c3, c4 = st.columns(4)
    with c1:
        text_col = _pick("Text column", cols, guess("text"), "text_col")
    with c2:
        url_col = _pick("URL column", cols, guess("url"), "url_col")
    with c3:
        id_col = _pick("ID column", cols, guess("id"), "id_col")
    with c4:
        title_col = _pick("Title column", cols, guess("title"), "title_col")
    html_col = guess("html")
    st.dataframe(df.head(5), hide_index=True, width="stretch")

    if st.button("Score", key="score", type="primary"):
        st.session_state.pop("scored", None)
        if not text_col and not html_col:
            st.error("Choose the column that holds the article text.")
        else:
            try:
                scored = _score_with_progress(batch, df, text_col=text_col, url_col=url_col, id_col=id_col,
                                              title_col=title_col, html_col=html_col)
                st.session_state["scored"] = (up.name, scored)
            except LabelerError as e:
                st.error(str(e))
    done = st.session_state.get("scored")
    if done is not None and done[0] == up.name:
        show_scored(*done)


def _score_with_progress(batch, df: pd.DataFrame, **cols) -> pd.DataFrame:
    model = active_model()
    bar = st.progress(0.0, text=f"Scoring {len(df):,} rows…")
    parts = []
    for i in range(0, len(df), BATCH_CHUNK):
        parts.append(batch.score_frame(df.iloc[i:i + BATCH_CHUNK], model=model, **cols))
        done = min(len(df), i + BATCH_CHUNK)
        bar.progress(done / len(df), text=f"Scored {done:,} of {len(df):,} rows")
    bar.empty()
    return pd.concat(parts) if parts else df.iloc[:0]


def show_scored(name: str, scored: pd.DataFrame) -> None:
    failed = tables.failed_rows(scored)
    msg = f"Scored {len(scored):,} rows"
    st.success(msg + (f"; {failed:,} could not be analysed (see the error column)." if failed else "."))
    st.dataframe(tables.display_frame(scored), hide_index=True, width="stretch", key="scored_table")
    long = tables.score_long(scored)
    left, right = st.columns(2)
    with left:
        st.subheader("Score distributions")
        if long.empty:
            st.caption("No score columns found.")
        else:
            st.altair_chart(charts.score_chart(tables.score_histogram(long)), width="stretch")
    with right:
        st.subheader("Origins by affiliation and country")
        origins = tables.origin_counts(scored)
        if origins.empty:
            st.caption("No origins established.")
        else:
            st.altair_chart(charts.origins_chart(origins), width="stretch")
    fmt = tables.table_format(name)
    data, mime, ext = tables.write_table(scored, fmt)
    st.download_button(f"Download the scored table (.{ext})", data, file_name=f"{Path(name).stem}.scored.{ext}",
                       mime=mime, key="download_scored")


# ------------------------------------------------------------------ 3. Models

def models_page() -> None:
    st.header("Models")
    entries = models.list_models()
    names = [e.name for e in entries]
    current = st.session_state.get("active_model", names[0])
    paths = {e.name: e.path for e in entries}

    def chosen() -> None:  # only a change of the box switches the model (an upload stays in use)
        st.session_state["active_model"] = st.session_state["model_choice"]
        st.session_state["active_model_path"] = paths[st.session_state["model_choice"]]

    choice = st.selectbox("Model used for analysis and batch scoring", names,
                          index=names.index(current) if current in names else 0, key="model_choice",
                          on_change=chosen)
    entry = entries[names.index(choice)]
    try:
        m = cached_model(entry.path)
        st.success(f"In use: {m.name} {m.version}")
    except ModelError as e:
        st.error(str(e))
    show_model_entry(entry)

    st.subheader("Use your own model file")
    up = st.file_uploader("A model file saved by labeler (skops format)", key="model_upload")
    trusted = st.checkbox("I trust this file (it was made by me or someone I trust)", key="trust_model")
    if st.button("Load the uploaded model", key="load_uploaded"):
        if up is None:
            st.error("Choose a model file first.")
        else:
            _load_uploaded(up, trusted)
    if st.session_state.get("active_model") == "uploaded" and st.session_state.get("uploaded_model") is not None:
        m = st.session_state["uploaded_model"]
        st.info(f"The uploaded model {m.name} {m.version} is in use until you pick another one above.")


def _load_uploaded(up, trusted: bool) -> None:
    import labeler

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / (Path(up.name).name or "uploaded.skops")
        path.write_bytes(up.getvalue())
        try:
            m = labeler.load_model(str(path), trusted=True) if trusted else labeler.load_model(str(path))
        except (ModelError, InputError) as e:
            st.error(str(e).replace(str(path), up.name))  # name the user's file, not our temp copy
            return
        except Exception as e:  # a broken file must give a message, not a traceback
            st.error(f"{up.name}: not a usable model file ({type(e).__name__}: {e})")
            return
    st.session_state["uploaded_model"] = m
    st.session_state["active_model"] = "uploaded"
    st.success(f"Loaded {m.name} {m.version} from {up.name}.")


def show_model_entry(entry: models.ModelEntry) -> None:
    if not (entry.card or entry.metrics or entry.reliability_png):
        st.caption("No card, metrics or reliability plot found for this model under models/.")
    if entry.card:
        with st.expander("Model card", expanded=True):
            st.markdown(entry.card)  # project-shipped text, not article content
    if entry.metrics:
        st.subheader("Metrics")
        st.json(entry.metrics, expanded=1)
    pts = models.reliability_points(entry.metrics)
    if entry.reliability_png:
        st.subheader("Reliability")
        st.image(entry.reliability_png, caption="Predicted probability against observed frequency")
    elif pts:
        st.subheader("Reliability")
        st.line_chart(pd.DataFrame(pts), x="predicted", y="observed", color="score")


# ------------------------------------------------------------------ 4. Method

def method_page() -> None:
    st.header("Method")
    st.markdown(method.METHOD_MD)
    st.subheader("Outlet registry")
    reg = method.registry_summary()
    if reg:
        st.caption("Outlets in data/outlets.csv by affiliation, with the source of each classification.")
        st.dataframe(pd.DataFrame(reg), hide_index=True, width="stretch")
    else:
        st.caption("Registry summary unavailable.")
    st.subheader("Loaded-terms lexicon")
    lex = method.lexicon_summary()
    if lex:
        st.caption("Curated terms in data/loaded_terms.csv, each row naming the data sets it was derived from.")
        by_source, by_category = st.columns(2)
        by_source.dataframe(pd.DataFrame(lex), hide_index=True, width="stretch")
        by_category.dataframe(pd.DataFrame(method.lexicon_categories()), hide_index=True, width="stretch")
    else:
        st.caption("Lexicon summary unavailable.")


ROUTES = {"Analyse": analyse_page, "Batch": batch_page, "Models": models_page, "Method": method_page}
