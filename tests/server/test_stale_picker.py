"""A request the page sent before it saw a change of its sites made on the map (a click in the
sidebar while a drop's run goes on) carries the sidebar's site picker as it was before. It must
not undo the change, empty the map or fail the run; a pick made in it is not applied over sites
the user had not seen, and the user is told."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest

from harness.wsclient import Session
from tests.server.conftest import run
from ui.controls import SITE_PICKER, STALE_PICK

ADD = {"action": "add", "id": None, "lat": 50, "lon": 30, "from": None}


def move(lat_from: float, lat_to: float) -> dict:
    return {"action": "move", "id": "0", "lat": lat_to, "lon": 30, "from": [lat_from, 30]}


def sites(result) -> list[tuple[float, float]]:
    return [(s["lat"], s["lon"]) for s in result.map_data["sites"]]


def link_sites(query_string: str) -> list[str]:
    """The link's sites as "lat,lon" (without their names)."""
    return [",".join(site.split(",")[:2]) for site in parse_qs(query_string)["site"]]


def picker_state(picker_id: str, labels: list[str]) -> list[dict]:
    return [{"id": picker_id, "string_array_value": labels}]


def crossing(app_url: str, link: str, edits: list[dict], labels: list[str] | None = None):
    """Open ``link`` and make ``edits`` on the map, then send the site picker the page had
    before the last edit, with its labels as shown or ``labels``. Returns the last edit's run,
    the crossing request's run, a later run and the link at the end."""

    async def scenario():
        session = Session(app_url)
        runs = [await session.open(link)]
        for edit in edits:
            runs.append(await session.edit(edit))
        picker_id, shown = runs[-2].multiselects[SITE_PICKER]
        stale = await session.rerun(picker_state(picker_id, shown if labels is None else labels))
        after = await session.rerun([])
        await session.close()
        return runs[-1], stale, after, session.query_string

    return run(scenario())


@pytest.mark.parametrize(
    ("link", "edits"),
    [
        ("mode=claimed&site=50,30", [move(50, 50.1)]),  # was: the move undone
        ("mode=claimed&site=50,30", [move(50, 50.1), move(50.1, 50.2)]),  # was: an error box
        ("mode=claimed&site=", [ADD]),  # was: the map emptied, site= blank in the link
    ],
)
def test_a_crossing_request_undoes_no_edit(app_url, link, edits):
    edited, stale, after, link = crossing(app_url, link, edits)
    for result in (stale, after):
        assert result.exceptions == []
        assert sites(result) == sites(edited)
        assert STALE_PICK not in result.alerts
    assert link_sites(link) == [f"{lat:g},{lon:g}" for lat, lon in sites(edited)]


def test_a_pick_made_in_a_crossing_request_is_not_applied_and_the_user_is_told(app_url):
    edited, stale, after, link = crossing(app_url, "mode=claimed&site=50,30", [move(50, 50.1)], [])
    assert stale.exceptions == []
    assert sites(stale) == sites(after) == sites(edited)
    assert STALE_PICK in stale.alerts
    assert link_sites(link) == ["50.1,30"]


def test_a_pick_in_the_picker_shown_applies_and_a_forged_label_is_left_out(app_url):
    async def scenario():
        session = Session(app_url)
        opened = await session.open("mode=claimed&site=50,30&site=40,20")
        picker_id, shown = opened.multiselects[SITE_PICKER]
        picked = await session.rerun(picker_state(picker_id, [shown[1], "no such site"]))
        await session.close()
        return picked

    picked = run(scenario())
    assert picked.exceptions == []
    assert sites(picked) == [(40, 20)]
