"""The offline basemaps (scripts/make_basemap.py): what the map draws has no line along a cut
(±180°, the South Pole, a tile's edge), no edge long enough to cut inside the globe, the same
land as Natural Earth, and the committed files are what the script builds."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import shapely
from shapely.geometry import box, shape

from scripts import make_basemap
from ui.layers import FINE_BASEMAP_DIR, FINE_TILE_DEG

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "static"
COARSE = STATIC / "basemap-110m.geojson"
TILES = sorted((STATIC / FINE_BASEMAP_DIR).glob("*.geojson"))


def _features(path: Path) -> list[dict]:
    return json.loads(path.read_text())["features"]


def _edges(geometry) -> np.ndarray:
    """Every edge as rows (lon0, lat0, lon1, lat1)."""
    parts = getattr(geometry, "geoms", [geometry])
    lines = []
    for part in parts:
        rings = [part] if part.geom_type == "LineString" else [part.exterior, *part.interiors]
        for ring in rings:
            xy = np.asarray(ring.coords)
            lines.append(np.hstack([xy[:-1], xy[1:]]))
    return np.vstack(lines)


def _borders(path: Path):
    lines = [f for f in _features(path) if f["properties"].get("kind") == "borders"]
    return shape(lines[0]["geometry"]) if lines else None


def _tile_bounds(path: Path) -> tuple[float, float, float, float]:
    west, south = (float(v) for v in path.stem.split("_"))
    return west, south, west + FINE_TILE_DEG, south + FINE_TILE_DEG


def test_every_tile_of_the_world_is_there():
    assert len(TILES) == (360 // FINE_TILE_DEG) * (180 // FINE_TILE_DEG)


@pytest.mark.parametrize("path", [COARSE, *TILES[::7]], ids=lambda p: p.stem)
def test_no_line_runs_along_a_cut(path):
    borders = _borders(path)
    if borders is None:
        return
    e = _edges(borders)
    west, south, east, north = _tile_bounds(path) if path != COARSE else (-180, -90, 180, 90)
    along_meridian = (e[:, 0] == e[:, 2]) & np.isin(e[:, 0], [-180, 180, west, east])
    along_parallel = (e[:, 1] == e[:, 3]) & np.isin(e[:, 1], [south, north])
    at_pole = (np.abs(e[:, 1]) > 89.99) & (np.abs(e[:, 3]) > 89.99)
    assert not (along_meridian | along_parallel | at_pole).any()


def test_no_edge_is_long_on_the_globe():
    for feature in _features(COARSE):
        e = _edges(shape(feature["geometry"]))
        assert (
            np.hypot(e[:, 2] - e[:, 0], e[:, 3] - e[:, 1]).max() <= make_basemap.MAX_EDGE_DEG + 1e-3
        )


def test_borders_are_drawn_once():
    # A border shared by two countries is one line, not two on top of each other.
    borders = _borders(COARSE)
    assert shapely.get_num_geometries(borders) > 100
    assert borders.length == pytest.approx(shapely.union_all(borders).length, rel=1e-3)


def test_tiles_hold_the_1_to_50m_land():
    source = shapely.union_all(
        [
            shape(f["geometry"])
            for f in _features(ROOT / "data" / "ne_50m_admin_0_countries.geojson")
        ]
    )
    for path in TILES[::5]:
        cell = box(*_tile_bounds(path))
        polygons = [shape(f["geometry"]) for f in _features(path) if "kind" not in f["properties"]]
        drawn = shapely.union_all(polygons) if polygons else shapely.Polygon()
        expected = source.intersection(cell)
        # Rounding to 4 decimals moves a coast by at most ~8 m: nothing at this scale.
        assert drawn.symmetric_difference(expected).area <= 1e-3 * max(expected.area, 1.0)


def test_committed_basemaps_are_what_the_script_builds(tmp_path):
    make_basemap.build(tmp_path)
    assert (tmp_path / COARSE.name).read_bytes() == COARSE.read_bytes()
    built = sorted((tmp_path / FINE_BASEMAP_DIR).glob("*.geojson"))
    assert [p.name for p in built] == [p.name for p in TILES]
    for new, old in zip(built, TILES, strict=True):
        assert new.read_bytes() == old.read_bytes(), old.name
