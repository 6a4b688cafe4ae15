"""A sortable table: a plain HTML table whose headers sort it (``frontend/src/table.js``).

The coverage panel used ``st.dataframe``, whose grid and Arrow code (~1.5 MB of JavaScript)
loaded and ran before the map could first paint (``docs/decisions/0005-html-tables.md``).
This table sends each cell as the text to show, formatted here, and each number
column's values to sort by.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from ui.static import versioned_url

_LOADER = f"""
const BUNDLE = new URL("{versioned_url("table.js")}", document.baseURI).href;
export default async function (component) {{
  const {{ default: render }} = await import(BUNDLE);
  return render(component);
}}
"""
_COMPONENT = st.components.v2.component("sortable_table", js=_LOADER)


@dataclass(frozen=True)
class Column:
    """One column: ``field`` of the frame, its header, and for numbers how to show them."""

    field: str
    label: str
    # None: text, sorted as text. Else the text shown for each value, sorted by the value.
    number_format: Callable[[float], str] | None = None
    # Show the value (0–100) as a bar behind its text too (drawn from the values sent to sort).
    bar: bool = False
    # Dropped where the table is narrow (a side column, a phone), so that the key columns fit
    # without a horizontal scroll; every cell of a row shows on hovering the row.
    low: bool = False


def table_data(frame: pd.DataFrame, columns: Sequence[Column], label: str) -> dict:
    """What the browser's table gets: per column, the cells' text, and for numbers their values
    (``None`` for a missing one, shown as an empty cell and sorted last)."""
    text, keys = [], []
    for column in columns:
        values = frame[column.field].tolist()
        if column.number_format is None:
            text.append(["" if _missing(v) else str(v) for v in values])
            keys.append(None)
            continue
        numbers = [None if _missing(v) else float(v) for v in values]
        text.append(["" if v is None else column.number_format(v) for v in numbers])
        keys.append(numbers)
    return {
        "label": label,
        "columns": [
            {
                "label": c.label,
                "align": "text" if c.number_format is None else "num",
                "bar": c.bar,
                "low": c.low,
            }
            for c in columns
        ],
        "text": text,
        "keys": keys,
    }


def sortable_table(frame: pd.DataFrame, columns: Sequence[Column], *, label: str, key: str) -> None:
    """Show ``frame``'s ``columns`` as a table that sorts by any column on a click of its
    header; ``label`` names it for screen readers."""
    _COMPONENT(key=key, data=table_data(frame, columns, label))


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))
