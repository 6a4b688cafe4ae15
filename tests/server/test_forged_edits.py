"""Edits no map would send, as raw websocket messages: each gets a notice, never a traceback,
and the session's sites are unchanged."""

from __future__ import annotations

import pytest

from harness.wsclient import Session
from tests.server.conftest import run

LINK = "mode=claimed&site=48.58,45.74,KY"


def sites(result) -> list[tuple[float, float, str]]:
    return [(s["lat"], s["lon"], s["name"]) for s in result.map_data["sites"]]


@pytest.mark.parametrize(
    ("edit_json", "why"),
    [
        # An integer of 400 digits: too large for a float.
        ('{"action":"add","id":null,"lat":1' + "0" * 400 + ',"lon":10,"from":null}', "finite"),
        ('{"action":"move","id":"0","lat":10,"lon":10,"from":[1' + "0" * 400 + ",45.74]}", "KY"),
        # An action that is not a name (a list cannot even be looked up).
        ('{"action":["target"],"id":null,"lat":10,"lon":10,"from":null}', "know"),
        # Nested deeper than Streamlit can copy the map's value.
        (
            '{"action":"move","id":"0","lat":' + "[" * 500 + "]" * 500 + ',"lon":1,"from":null}',
            "not numbers",
        ),
        # Deeper than Python's JSON decoder goes, which fails in Streamlit before the app runs.
        *[
            (
                '{"action":"move","id":"0","lat":' + "[" * n + "]" * n + ',"lon":1,"from":null}',
                "know",
            )
            for n in (1000, 100_000)
        ],
    ],
)
def test_a_forged_edit_gets_a_notice_and_changes_nothing(app_url, edit_json, why):
    async def forge():
        session = Session(app_url)
        opened = await session.open(LINK)
        result = await session.rerun(session.edit_states(None, raw_json=edit_json))
        after = await session.rerun([])  # and the session goes on working
        await session.close()
        return opened, result, after

    opened, result, after = run(forge())
    assert result.exceptions == []
    assert after.exceptions == []
    assert result.map_data is not None, "the map is drawn"
    assert sites(result) == sites(opened) == sites(after)
    assert any("ignored" in alert and why in alert for alert in result.alerts), result.alerts
