"""The browser's rings (frontend/src/geodesy.js, GeographicLib's JavaScript port) against
Python's (geo.rings, GeographicLib through pyproj): the map draws what the export writes.

Runs the JavaScript under node, which ``make test`` installs when it is missing.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import make_rings_fixture  # noqa: E402

from geo.rings import GEOD, chord_error_m, circle_vertices  # noqa: E402

SCRIPT = ROOT / "frontend" / "scripts" / "rings.js"
# The fixture's cases (the reported sites, both poles, ±180°, a disk bigger than a hemisphere)
# and radii past the cut locus: rings with corners, and the antipodal limit.
CASES = [
    *make_rings_fixture.SITES,
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
