"""Python's rings against tests/fixtures/rings.json, the reference the browser's rings are held
to (frontend/test/rings.test.js): the committed file is what scripts/make_rings_fixture.py
writes from geo/rings.py and geo/dateline.py today, and it covers what it claims to."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import make_rings_fixture  # noqa: E402

from geo.rings import chord_error_m  # noqa: E402


@pytest.fixture(scope="module")
def committed() -> dict:
    return json.loads(make_rings_fixture.FIXTURE.read_text(encoding="utf-8"))


def test_committed_fixture_is_what_python_makes_now(committed):
    fresh = json.loads(make_rings_fixture.text())
    assert len(fresh["rings"]) == len(committed["rings"])
    for new, old in zip(fresh["rings"], committed["rings"], strict=True):
        where = (old["lat"], old["lon"], old["radius_m"], old["tolerance_m"])
        assert new.keys() == old.keys(), where
        assert new["edge_rule_fires"] == old["edge_rule_fires"], where
        for key in ("az", "lon_deg", "lat_deg", "globe"):
            if key in old:
                assert len(new[key]) == len(old[key]), (where, key)
                np.testing.assert_allclose(new[key], old[key], rtol=0, atol=1e-9, err_msg=key)
        for new_path, old_path in zip(new.get("paths", []), old.get("paths", []), strict=True):
            np.testing.assert_allclose(new_path, old_path, rtol=0, atol=1e-9)
    assert fresh["wrap_deg"] == committed["wrap_deg"]
    assert fresh["draw_tolerances_m"] == committed["draw_tolerances_m"]


def test_fixture_covers_the_drawing_tolerances_and_the_45_degree_rule(committed):
    tolerances = {case["tolerance_m"] for case in committed["rings"]}
    assert tolerances == {100.0 * 2**k for k in range(8)}
    assert set(committed["draw_tolerances_m"]) == tolerances
    polar = [c for c in committed["rings"] if c["edge_rule_fires"]]
    assert any(c["lat"] > 89 for c in polar)
    assert any(c["lat"] < -89 for c in polar)
    assert {c["tolerance_m"] for c in polar} == tolerances
    assert any(len(c.get("paths", [])) > 1 for c in committed["rings"])  # cut at ±180°
    assert any(abs(x) > 180 for x, _ in committed["wrap_deg"])


def test_every_fixture_ring_is_within_its_tolerance_with_no_edge_over_45_degrees(committed):
    for case in committed["rings"]:
        lon, lat = np.array(case["lon_deg"]), np.array(case["lat_deg"])
        centre = (case["lon"], case["lat"])
        assert chord_error_m(centre, case["radius_m"], lon, lat) <= case["tolerance_m"]
        dlon = (np.diff(np.append(lon, lon[0])) + 180.0) % 360.0 - 180.0
        assert np.max(np.abs(dlon)) <= 45.0, centre
