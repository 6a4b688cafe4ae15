"""The page on a phone: the map straight after the title.

Streamlit stacks columns below 640 px, so on a phone the caption, the system's figures and the
notices above the map pushed it below the first screen (at 390×844 only its top 300 px showed).
Below that width the page shows the title, then the block holding the map, then the rest; the
order of the page's elements (what a screen reader reads) is unchanged.
"""

from __future__ import annotations

import streamlit as st

# Streamlit's own width for stacking columns (its "stack below 640px" breakpoint).
STACKED_BELOW_PX = 640

_CSS = f"""<style>
@media (max-width: {STACKED_BELOW_PX - 0.02}px) {{
  /* Streamlit's 6rem above the title, less: the header (its sidebar button) is 3.75rem. */
  .stMainBlockContainer {{ padding-top: 4rem; }}
  .stMainBlockContainer > .stVerticalBlock > * {{ order: 2; }}
  .stMainBlockContainer > .stVerticalBlock > .stElementContainer:has(h1) {{ order: 0; }}
  .stMainBlockContainer > .stVerticalBlock > :has(.st-key-map) {{ order: 1; }}
}}
</style>"""


def map_first_on_phones() -> None:
    """Add the page's style for phones (a style sheet only: it takes no room on the page)."""
    st.html(_CSS)
