"""The researcher's front end: ``streamlit run app.py``. Thin: routing only; pages live in labeler.ui."""
import streamlit as st

from labeler.ui.pages import ROUTES, sidebar

st.set_page_config(page_title="labeler", page_icon="🔎", layout="wide")
ROUTES[sidebar()]()
