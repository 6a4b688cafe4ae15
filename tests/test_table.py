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
        {"label": "name", "align": "text", "bar": False, "low": False},
        {"label": "population", "align": "num", "bar": False, "low": False},
        {"label": "share", "align": "num", "bar": True, "low": False},
    ]
    assert data["text"] == [["Riga", ""], ["742,572", ""], ["12.3 %", "0.0 %"]]
    # A missing value is an empty cell, sorted last (frontend/src/table.js).
    assert data["keys"] == [None, [742_572.0, None], [12.34, 0.0]]
    # The share's bars are drawn from its keys: nothing is sent twice.
    assert set(data) == {"label", "columns", "text", "keys"}


def test_an_empty_frame_gives_empty_columns():
    data = table_data(pd.DataFrame(columns=["name", "population", "share_pct"]), COLUMNS, "x")
    assert data["text"] == [[], [], []]


def test_place_table__name_distance_and_country_first_and_never_dropped():
    from ui.panels import PLACE_TABLE, SHARE_TABLE

    kept = [c.field for c in PLACE_TABLE if not c.low]
    assert kept[:3] == ["name", "distance_km", "country"]
    assert [c.field for c in PLACE_TABLE[:3]] == kept[:3]
    assert not SHARE_TABLE[0].low
    assert table_data(pd.DataFrame({"a": [1]}), [Column("a", "a", low=True)], "t")["columns"][0][
        "low"
    ]
