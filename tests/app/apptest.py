"""Running the app under Streamlit's AppTest, for the tests in this folder."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def run_app(**query: str | list[str]) -> AppTest:
    """The app run once, opened with ``query`` as its link's query string; no exception."""
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    return at
