"""Write tests/fixtures/rings.json: Python's rings, the reference the browser's are held to.

Run after changing how rings are placed or cut (geo/rings.py, geo/dateline.py, geo/rings.json):
``.venv/bin/python scripts/make_rings_fixture.py``. tests/test_rings_fixture.py fails while the
committed file is not what this writes; frontend/test/rings.test.js holds frontend/src/geodesy.js
to it, and tests/test_deckmap_parity.py runs the same cases through the browser's code.

Each ring: centre, radius and tolerance; whether the 45° edge rule (an edge spanning more
longitude than ``max_edge_dlon_deg`` is split) adds vertices to it; its azimuths and vertices
(``geo.rings.circle_vertices``); its flat-map paths (``geo.dateline.ring_paths``) and its globe
path (one closed path in continuous longitude). Also longitudes and their wrapped values
(``geo.rings.wrap_deg``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo import dateline, rings  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "rings.json"
# The export's tolerance; the map draws with it times 2**k as it zooms out (geodesy.js
# screenToleranceM): k = 0..7 covers every zoom level the map allows.
FLOOR_M = 100.0
DRAW_TOLERANCES_M = [FLOOR_M * 2**k for k in range(8)]
# (lat, lon, radius_m): the reported sites, both poles, ±180°, a disk bigger than a hemisphere.
SITES = [
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
]
# Those whose paths are written too: across ±180°, round a pole, larger than a hemisphere, and
# one that needs no cut.
SHAPED = {SITES[0], SITES[5], SITES[6], SITES[7], SITES[8], SITES[9]}
# Rings that pass close to a pole without (or just) enclosing it, where the 45° rule fires.
POLAR = [
    (89.9, 0.0, 11e3),
    (89.0, 0.0, 111e3),
    (89.0, 45.0, 112e3),
    (-89.9, 170.0, 11.1e3),
]
WRAP_DEG = [-725.25, -540.0, -358.0, -180.0, -179.999, 0.0, 45.5, 179.999, 180.0, 362.0, 540.0]
# Nine decimals of a degree: ~0.1 mm, far below any tolerance, well above float noise.
DECIMALS = 9


def ring_case(lat: float, lon: float, radius_m: float, tolerance_m: float, shapes: bool) -> dict:
    def vertices():
        _, az, lons, lats = rings.circle_vertices(
            np.array([lon]), np.array([lat]), radius_m, tolerance_m
        )
        return az, lons, lats

    az, lons, lats = vertices()
    rule = rings._MAX_EDGE_DLON_DEG
    try:
        rings._MAX_EDGE_DLON_DEG = np.inf
        without_rule = vertices()[0]
    finally:
        rings._MAX_EDGE_DLON_DEG = rule
    case = {
        "lat": lat,
        "lon": lon,
        "radius_m": radius_m,
        "tolerance_m": tolerance_m,
        "edge_rule_fires": len(without_rule) != len(az),
        "az": rounded(az),
        "lon_deg": rounded(lons),
        "lat_deg": rounded(lats),
    }
    if shapes:
        # From the vertices as written, so that a reader cutting them gets these very paths.
        lons, lats = np.array(case["lon_deg"]), np.array(case["lat_deg"])
        case["paths"] = [rounded(path) for path in dateline.ring_paths(lons, lats)]
        case["globe"] = rounded(globe_path(lons, lats))
    return case


def globe_path(lons_deg: np.ndarray, lats_deg: np.ndarray) -> np.ndarray:
    """The ring closed once, in continuous longitude (no cut: the globe needs none)."""
    lon = np.append(lons_deg, lons_deg[0])
    unwrapped = lon[0] + np.concatenate([[0.0], np.cumsum(rings.wrap_deg(np.diff(lon)))])
    return np.column_stack([unwrapped, np.append(lats_deg, lats_deg[0])])


def rounded(values: np.ndarray) -> list:
    return np.round(np.asarray(values, dtype=np.float64), DECIMALS).tolist()


def fixture() -> dict:
    cases = [ring_case(*site, FLOOR_M, shapes=site in SHAPED) for site in SITES]
    cases += [ring_case(*site, FLOOR_M, shapes=True) for site in POLAR]
    for lat, lon, r in [SITES[0], *POLAR]:
        cases += [ring_case(lat, lon, r, t, shapes=False) for t in DRAW_TOLERANCES_M[1:]]
    return {
        "_comment": "Written by scripts/make_rings_fixture.py: do not edit.",
        "draw_tolerances_m": DRAW_TOLERANCES_M,
        "rings": cases,
        "wrap_deg": [[x, float(rings.wrap_deg(np.float64(x)))] for x in WRAP_DEG],
    }


def text() -> str:
    """The fixture as written: one ring per line."""
    data = fixture()
    lines = [json.dumps(case, separators=(",", ":")) for case in data.pop("rings")]
    head = json.dumps(data, indent=1)[:-2]
    return head + ',\n "rings": [\n  ' + ",\n  ".join(lines) + "\n ]\n}\n"


if __name__ == "__main__":
    FIXTURE.write_text(text(), encoding="utf-8")
    print(f"wrote {FIXTURE.relative_to(ROOT)}")
