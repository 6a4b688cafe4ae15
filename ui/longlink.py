"""Links of more than 1,000 parameters, which Streamlit hands the app as no parameter at all.

Streamlit ignores a query string of more than 1,000 fields (or 512 Ki characters), so such a
link would open the default map with no word. While a session's first link reads as empty, a
small component reports what the page's address holds; a long link is then read here, with the
same validation and limits as any other (``ui.urlstate``), and a notice.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qs

import streamlit as st

# Streamlit's own limits (streamlit.runtime.state.query_params).
STREAMLIT_MAX_FIELDS = 1000
MAX_QUERY_CHARS = 512 * 1024

_JS = f"""
export default function (component) {{
  const query = window.location.search.slice(1);
  const fields = query ? query.split("&").length : 0;
  // Only a link Streamlit ignored is sent back, cut at a field boundary below its size limit.
  let kept = fields > {STREAMLIT_MAX_FIELDS} ? query.slice(0, {MAX_QUERY_CHARS}) : "";
  if (kept.length < query.length) kept = kept.slice(0, kept.lastIndexOf("&"));
  component.setTriggerValue("link", {{ fields, query: kept }});
}}
"""
_COMPONENT = st.components.v2.component("longlink", js=_JS)


def report_link(on_report: Callable[[], None]) -> None:
    """Ask the page for its address; ``on_report`` then finds it with :func:`reported`."""
    _COMPONENT(key="longlink", on_link_change=on_report)


def reported() -> tuple[int, dict[str, list[str]]] | None:
    """``(fields, params)`` the page reported: how many fields its query string has and, if
    Streamlit ignored it, the parameters; ``None`` for a report no page sends."""
    report = st.session_state["longlink"].link
    if not isinstance(report, dict):
        return None
    fields, query = report.get("fields"), report.get("query")
    if not (isinstance(fields, int) and not isinstance(fields, bool) and isinstance(query, str)):
        return None
    if fields <= STREAMLIT_MAX_FIELDS:
        return fields, {}
    return fields, parse_qs(query[:MAX_QUERY_CHARS], keep_blank_values=True)
