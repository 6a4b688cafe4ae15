"""The measure tool's edit, as the map sends it: Python measures the geodesic, draws it and says
its length and azimuths; a measure no map would send gets a notice."""

from __future__ import annotations

import numpy as np
import pytest
from pyproj import Geod

from harness.wsclient import Session
from tests.server.conftest import run

GEOD = Geod(ellps="WGS84")
LINK = "mode=claimed&site=48.58,45.74,KY"


def measure_run(app_url, edit):
    async def go():
        session = Session(app_url)
        await session.open(LINK)
        result = await session.edit(edit)
        await session.close()
        return result

    return run(go())


def test_a_measure_across_180_is_drawn_as_the_geodesic_with_its_numbers(app_url):
    edit = {"action": "measure", "id": None, "lat": 62.0, "lon": -170.0, "from": [60.0, 170.0]}
    result = measure_run(app_url, edit)
    assert result.exceptions == []
    az_a, az_b, length_m = GEOD.inv(170.0, 60.0, -170.0, 62.0)
    status = result.map_data["status"]
    assert f"Measured {length_m / 1000:,.1f} km" in status
    assert f"{az_a % 360:.1f}° at the first point, {az_b % 360:.1f}° at the second" in status
    static = result.map_data["layers"]
    layers = {layer["id"]: layer for layer in static["base"] + static["fills"]}
    (line,) = [
        f for f in layers["marks"]["data"]["features"] if f["geometry"]["type"] == "MultiLineString"
    ]
    paths = [np.asarray(p) for p in line["geometry"]["coordinates"]]
    assert len(paths) == 2  # cut at ±180°, no segment across the map
    for path in paths:
        assert np.abs(np.diff(path[:, 0])).max() < 5.0
        # Every vertex on the geodesic: the two legs add up to the whole, to the drawn rounding.
        n = len(path)
        _, _, to_a = GEOD.inv(np.full(n, 170.0), np.full(n, 60.0), path[:, 0], path[:, 1])
        _, _, to_b = GEOD.inv(path[:, 0], path[:, 1], np.full(n, -170.0), np.full(n, 62.0))
        assert np.abs(to_a + to_b - length_m).max() < 30.0


@pytest.mark.parametrize(
    "edit",
    [
        {"action": "measure", "id": None, "lat": 62.0, "lon": -170.0, "from": None},
        {"action": "measure", "id": None, "lat": 95.0, "lon": 10.0, "from": [60.0, 170.0]},
        {"action": "measure", "id": None, "lat": "x", "lon": 10.0, "from": [60.0, 170.0]},
    ],
)
def test_a_bad_measure_gets_a_notice(app_url, edit):
    result = measure_run(app_url, edit)
    assert result.exceptions == []
    assert any("The measure was ignored" in alert for alert in result.alerts), result.alerts
