"""INF Range Map: placeholder page until the dashboard lands (issue 3)."""

import streamlit as st

st.set_page_config(page_title="INF Range Map", layout="wide")
st.title("INF Range Map")
st.write(
    "Geodesic range rings on WGS84. The map is coming; the CLI works now: `python -m geo --help`."
)
