"""The browser's rings (frontend/src/geodesy.js, GeographicLib's JavaScript port) against
Python's (geo.rings, GeographicLib through pyproj): the map draws what the export writes.

Runs the JavaScript under node, which ``make test`` installs when it is missing.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np
import pytest

from geo.rings import GEOD, chord_error_m, circle_vertices

SCRIPT = Path(__file__).resolve().parents[1] / "frontend" / "scripts" / "rings.js"
# (lat, lon, radius_m): the reported sites, both poles, ±180°, a disk bigger than a hemisphere,
# radii past the cut locus.
CASES = [
    (48.58, 45.74, 480e3),
    (48.58, 45.74, 500e3),
    (48.58, 45.74, 5500e3),
    (56.85, 62.71, 5500e3),
    (43.74, 44.65, 2350e3),
    (89.99, 0.0, 1000e3),
    (-89.5, 120.0, 3000e3),
    (60.0, 179.9, 5500e3),
    (-10.0, -179.95, 800e3),
    (0.0, 0.0, 15000e3),
    (35.0, 139.0, 1e3),
    # Past the cut locus: rings with corners, and the antipodal limit.
    (0.0, 90.0, 20_000e3),
    (45.0, 10.0, 20_003e3),
    (-30.0, -170.0, 19_995e3),
    (0.0, 0.0, 20_003_930.458625),
]
TOLERANCE_M = 100.0


@pytest.fixture(scope="module")
def python_and_js():
    python = [
        circle_vertices(np.array([lon]), np.array([lat]), radius_m, TOLERANCE_M)
        for lat, lon, radius_m in CASES
    ]
    request = [
        {
            "lat": lat,
            "lon": lon,
            "radius_m": radius_m,
            "tolerance_m": TOLERANCE_M,
            "azimuths": ring[1].tolist(),
        }
        for (lat, lon, radius_m), ring in zip(CASES, python, strict=True)
    ]
    done = subprocess.run(
        ["node", str(SCRIPT)],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return python, json.loads(done.stdout)


@pytest.mark.parametrize("case", range(len(CASES)), ids=[str(c) for c in CASES])
def test_browser_and_python_agree_within_1_m_at_every_vertex_direction(python_and_js, case):
    (_, _, lon_py, lat_py), js = python_and_js[0][case], python_and_js[1][case]
    at = np.array(js["at"])
    _, _, apart_m = GEOD.inv(lon_py, lat_py, at[:, 0], at[:, 1])
    assert np.max(apart_m) < 1.0


@pytest.mark.parametrize("case", range(len(CASES)), ids=[str(c) for c in CASES])
def test_browser_ring_places_the_same_vertices_within_the_tolerance(python_and_js, case):
    lat, lon, radius_m = CASES[case]
    (_, az_py, _, _), js = python_and_js[0][case], python_and_js[1][case]
    ring = js["ring"]
    # The same adaptive rule on both sides: the same azimuths, up to float noise.
    np.testing.assert_allclose(ring["az"], az_py, atol=1e-9)
    # Python's exact check (Geod.inv along every lon/lat chord) on the browser's ring.
    assert chord_error_m((lon, lat), radius_m, ring["lon"], ring["lat"]) <= TOLERANCE_M
