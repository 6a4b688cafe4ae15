"""The notices above the map: one or two are shown as they are; more fold into one box that
says how many it holds, so that a tampered link's notices do not push the map off the screen."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from ui.text import plain

# (kind, text): kind is "error", "warning" or "info"; the text is shown as written.
Notice = tuple[str, str]
MAX_OPEN = 2
_SHOW = {"error": st.error, "warning": st.warning, "info": st.info}
_ICONS = {"error": ":material/error:", "warning": ":material/warning:", "info": ":material/info:"}


def show_notices(notices: Sequence[Notice]) -> None:
    """Each notice in its own box, or, past ``MAX_OPEN``, all in one closed expander."""
    if len(notices) <= MAX_OPEN:
        for kind, text in notices:
            _SHOW[kind](plain(text))
        return
    worst = next(k for k in ("error", "warning", "info") if any(n[0] == k for n in notices))
    with st.expander(f"{len(notices)} notices about this map", icon=_ICONS[worst]):
        for kind, text in notices:
            _SHOW[kind](plain(text))
