"""The target picked on the map, as the map sends it: Python makes it the target, as the search
does (the dot on the map, the link), on ±180° and at a pole too; a target no map would send gets
a notice and the target already chosen stays."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest

from harness.wsclient import Session
from tests.server.conftest import run

LINK = "mode=claimed&site=48.58,45.74,KY"
WARSAW = "target=52.25195,20.99805,Warsaw&launch=480"


def target_run(app_url, edit, link=LINK):
    async def go():
        session = Session(app_url)
        await session.open(link)
        result = await session.edit({"id": None, "from": None, **edit})
        await session.close()
        return result

    return run(go())


def drawn_targets(result) -> list[list[float]]:
    """[lon, lat] of each target dot the map is sent."""
    static = result.map_data["layers"]
    layers = {layer["id"]: layer for layer in static["base"] + static["fills"]}
    features = layers["marks"]["data"]["features"] if "marks" in layers else []
    return [f["geometry"]["coordinates"] for f in features if f["geometry"]["type"] == "Point"]


@pytest.mark.parametrize(
    ("lat", "lon", "link_target", "drawn"),
    [
        (52.52, 13.4, "52.52,13.4,52.52, 13.4", [13.4, 52.52]),
        # The antimeridian, and a world copy's longitude, as deck.gl reports it after panning.
        (-16.5, 180.0, "-16.5,-180,-16.5, -180", [-180.0, -16.5]),
        (64.73, 537.51, "64.73,177.51,64.73, 177.51", [177.51, 64.73]),
        (90.0, 0.0, "90,0,90, 0", [0.0, 90.0]),
    ],
)
def test_a_target_picked_on_the_map_is_the_target_in_the_link_and_on_the_map(
    app_url, lat, lon, link_target, drawn
):
    result = target_run(app_url, {"action": "target", "lat": lat, "lon": lon})
    assert result.exceptions == []
    assert result.map_data["status"].startswith("Target set at ")
    assert drawn_targets(result) == [drawn]
    assert parse_qs(result.query_string)["target"] == [link_target]


@pytest.mark.parametrize(
    "edit",
    [
        {"action": "target", "lat": 95.0, "lon": 10.0},
        {"action": "target", "lat": "52", "lon": 10.0},
        {"action": "target", "lat": True, "lon": 10.0},
        {"action": "target", "lat": 52.0},
        {"action": "target", "lat": 52.0, "lon": 10**400},
    ],
)
def test_a_bad_target_gets_a_notice_and_the_target_chosen_stays(app_url, edit):
    result = target_run(app_url, edit, link=f"{LINK}&{WARSAW}")
    assert result.exceptions == []
    assert any("The target was ignored" in alert for alert in result.alerts), result.alerts
    assert drawn_targets(result) == [[20.99805, 52.25195]]
    # The link is not changed (no new one is sent), or still holds Warsaw and its launch area.
    if result.query_string is not None:
        query = parse_qs(result.query_string)
        assert query["target"] == ["52.25195,20.99805,Warsaw"]
        assert query["launch"] == ["480"]
