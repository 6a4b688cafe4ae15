"""ui.table.table_data: what the browser's sortable table gets for a frame."""

from __future__ import annotations

import math

import pandas as pd

from ui.table import Column, table_data

COLUMNS = (
    Column("name", "name"),
    Column("population", "population", "{:,.0f}".format),
    Column("share_pct", "share", "{:.1f} %".format, bar=True),
)


def test_text_as_shown_numbers_also_as_values_to_sort_by():
    frame = pd.DataFrame(
        {"name": ["Riga", None], "population": [742_572, math.nan], "share_pct": [12.34, 0.0]}
    )
    data = table_data(frame, COLUMNS, label="Places")
    assert data["label"] == "Places"
    assert data["columns"] == [
        {"label": "name", "align": "text", "bar": False},
        {"label": "population", "align": "num", "bar": False},
        {"label": "share", "align": "num", "bar": True},
    ]
    assert data["text"] == [["Riga", ""], ["742,572", ""], ["12.3 %", "0.0 %"]]
    # A missing value is an empty cell, sorted last (frontend/src/table.js).
    assert data["keys"] == [None, [742_572.0, None], [12.34, 0.0]]
    # The share's bars are drawn from its keys: nothing is sent twice.
    assert set(data) == {"label", "columns", "text", "keys"}


def test_an_empty_frame_gives_empty_columns():
    data = table_data(pd.DataFrame(columns=["name", "population", "share_pct"]), COLUMNS, "x")
    assert data["text"] == [[], [], []]
