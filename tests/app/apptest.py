"""Running the app under Streamlit's AppTest, for the tests in this folder."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Multiselect

from ui.controls import SITE_PICKER

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def run_app(**query: str | list[str]) -> AppTest:
    """The app run once, opened with ``query`` as its link's query string; no exception."""
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    return at


def site_picker(at: AppTest) -> Multiselect:
    """The sidebar's site picker (its key changes with every change of the sites elsewhere)."""
    (picker,) = [widget for widget in at.multiselect if widget.label == SITE_PICKER]
    return picker


def component_data(at: AppTest, name: str) -> list[dict]:
    """The ``data`` each of the app's components called ``name`` receives, in page order."""
    return [
        json.loads(element.proto.json)
        for element in at.get("bidi_component")
        if element.proto.component_name.endswith(name)
    ]


def map_data(at: AppTest) -> dict:
    """The ``data`` the map component receives (ui.deckmap)."""
    (data,) = component_data(at, "deckmap")
    return data


def table(at: AppTest, index: int = 0) -> pd.DataFrame:
    """Coverage table ``index`` (0 places, 1 countries) as sent to the browser (ui.table): one
    column per header, numbers as their values, text as shown."""
    data = component_data(at, "sortable_table")[index]
    return pd.DataFrame(
        {
            column["label"]: keys if keys is not None else text
            for column, text, keys in zip(data["columns"], data["text"], data["keys"], strict=True)
        }
    )
