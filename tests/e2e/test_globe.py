"""The basemap as drawn on the globe and the flat map: land exactly where Natural Earth has land,
at 1:110m, and at 1:50m once zoomed in (its tiles fetched only then, each once per page).

Where deck.gl drew polygons that cross ±180° or close at a pole as it gets them, land-coloured
slivers and wedges showed over the ocean, and outlines along the cuts drew lines on land. Each
check samples the map on a grid: deck.gl's own unprojection says where each sample is on the
Earth, and a sample whose whole neighbourhood (±4 px) is on one side of every coast and border
must show the land or the ocean colour, nothing else. The same check, beyond a site's widest
ring, finds any ring, band or site dot that shows through from the globe's far side.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
import shapely
from pyproj import Geod
from shapely import affinity
from shapely.geometry import shape

from geo.style import LAND_COLOUR, OCEAN_COLOUR
from harness.mapview import map_pixels, open_map, set_view, settle
from harness.server import ROOT
from ui.layers import FINE_BASEMAP_DIR, FINE_MIN_ZOOM

pytestmark = pytest.mark.e2e

LAND = LAND_COLOUR
OCEAN = OCEAN_COLOUR
STEP_PX = 12
NEAR_PX = 4
# Globe radius on screen of each view: deck.gl's globe scale is 2**zoom / (pi cos(lat)), the
# latitude capped at Web Mercator's limit.
GLOBE_RADIUS_PX = 230


def _globe_zoom(lat: float) -> float:
    cap = min(abs(lat), 85.051129)
    return math.log2(GLOBE_RADIUS_PX * math.pi * math.cos(math.radians(cap)) / 256)


# For each sample (a pixel of the map's view): where it and its neighbours are on the Earth
# ([lon, lat]), or null where a pixel is off the globe (its unprojection does not project back).
SAMPLES_JS = """([step, near]) => {
    const api = window.__deckmapTest;
    const box = api.element().querySelector(".view").getBoundingClientRect();
    const onEarth = (x, y) => {
        const lonLat = api.unproject([box.left + x, box.top + y]);
        if (!lonLat.every(Number.isFinite)) return null;
        const [px, py] = api.project(lonLat);
        return Math.hypot(px - box.left - x, py - box.top - y) < 0.5 ? lonLat : null;
    };
    const out = [];
    for (let y = step / 2; y < box.height; y += step) {
        for (let x = step / 2; x < box.width; x += step) {
            const around = [];
            for (const dy of [-near, 0, near]) for (const dx of [-near, 0, near]) {
                around.push(onEarth(x + dx, y + dy));
            }
            out.push([x, y, around]);
        }
    }
    return out;
}"""


def _land_and_lines(paths) -> tuple:
    features = [f for path in paths for f in json.loads(path.read_text())["features"]]
    land = shapely.union_all([shape(f["geometry"]) for f in features if "name" in f["properties"]])
    lines = shapely.union_all(
        [shape(f["geometry"]) for f in features if f["properties"].get("kind") == "borders"]
    )
    shapely.prepare(land)
    shapely.prepare(lines)
    return land, lines


@pytest.fixture(scope="module")
def basemap():
    """Land and lines (coasts and borders) as the map's file has them."""
    return _land_and_lines([ROOT / "static" / "basemap-110m.geojson"])


@pytest.fixture(scope="module")
def fine_basemap():
    """The same at 1:50m, from all of its tiles."""
    return _land_and_lines(sorted((ROOT / "static" / FINE_BASEMAP_DIR).glob("*.geojson")))


def _unwrapped(points: list, lon0: float) -> list[tuple[float, float]]:
    # Neighbours across ±180° stay neighbours: longitudes near the first one's.
    return [((lon - lon0 + 180.0) % 360.0 - 180.0 + lon0, lat) for lon, lat in points]


def _basemap_pixels(page, name: str) -> np.ndarray:
    """The map's pixels without what lies over it (legend, scale bar, status line)."""
    page.evaluate(
        """() => window.__deckmapTest.element().querySelectorAll('[data-map-overlay]')
            .forEach((e) => { e.style.visibility = 'hidden'; })"""
    )
    return map_pixels(page, name)


def _mismatches(image: np.ndarray, samples: list, land, lines) -> list[str]:
    wrong = []
    checked = 0
    for x, y, around in samples:
        if any(p is None for p in around):
            continue
        lon0, lat0 = around[4]
        points = _unwrapped(around, lon0)
        hull = shapely.convex_hull(shapely.MultiPoint(points))
        # A neighbourhood that wraps a pole or spans ±180° is checked in both frames.
        shifted = [affinity.translate(hull, dx) for dx in (-360.0, 0.0, 360.0)]
        if any(lines.intersects(h) for h in shifted) or abs(lat0) > 89.0:
            continue
        is_land = land.contains(shapely.Point(((lon0 + 180.0) % 360.0) - 180.0, lat0))
        expected = LAND if is_land else OCEAN
        pixel = image[int(y), int(x)]
        checked += 1
        if np.abs(pixel - np.array(expected)).max() > 6:
            wrong.append(
                f"({lon0:.1f}, {lat0:.1f}) at px ({x}, {y}): {tuple(pixel)}, want {expected}"
            )
    assert checked > 300, f"only {checked} samples checked"
    return wrong


@pytest.mark.parametrize(
    ("name", "view", "lon", "lat", "zoom"),
    [
        ("north-pole", "globe", 0.0, 90.0, _globe_zoom(90.0)),
        ("south-pole", "globe", 0.0, -90.0, _globe_zoom(-90.0)),
        ("antimeridian", "globe", 180.0, 0.0, _globe_zoom(0.0)),
        ("chukotka", "globe", 180.0, 66.0, _globe_zoom(66.0) + 2.0),
        ("ross-sea-flat", "map", 180.0, -70.0, 2.0),
    ],
)
def test_land_is_drawn_only_where_there_is_land(page, app_url, basemap, name, view, lon, lat, zoom):
    open_map(page, f"{app_url}/?view={view}&mode=claimed&site=", f"basemap-{name}")
    set_view(page, lon, lat, zoom)
    image = _basemap_pixels(page, f"basemap-{name}")
    samples = page.evaluate(SAMPLES_JS, [STEP_PX, NEAR_PX])
    wrong = _mismatches(image, samples, *basemap)
    assert not wrong, f"{len(wrong)} samples: " + "; ".join(wrong[:8])


FINE_LAYERS_JS = """() => window.__deckmapTest.layers()
    .filter((l) => l.deck === "base" && l.id.startsWith("basemap-50m-") && l.loaded)
    .map((l) => l.id).sort()"""


def _tile_requests(page) -> list[str]:
    return [u for u in page.requests if f"/{FINE_BASEMAP_DIR}/" in u]


@pytest.mark.parametrize(
    ("name", "view", "lon", "lat"),
    [("baltic", "map", 21.0, 58.5), ("black-sea-coast", "globe", 40.5, 43.0)],
)
def test_zoomed_in_the_land_is_1_to_50m(page, app_url, fine_basemap, name, view, lon, lat):
    # 1:110m coasts are kilometres off here: a pixel is ~1 km at zoom 7.
    open_map(page, f"{app_url}/?view={view}&mode=claimed&site=", f"fine-{name}")
    set_view(page, lon, lat, 7.0)
    page.wait_for_function(f"() => ({FINE_LAYERS_JS})().length > 0", timeout=30_000)
    settle(page)
    image = _basemap_pixels(page, f"fine-{name}")
    samples = page.evaluate(SAMPLES_JS, [STEP_PX, NEAR_PX])
    wrong = _mismatches(image, samples, *fine_basemap)
    assert not wrong, f"{len(wrong)} samples: " + "; ".join(wrong[:8])


def test_fine_tiles_are_fetched_only_zoomed_in_and_once(page, app_url):
    open_map(page, f"{app_url}/?mode=claimed", "fine-once")
    set_view(page, 21.0, 58.5, FINE_MIN_ZOOM - 0.5)
    assert _tile_requests(page) == []
    set_view(page, 21.0, 58.5, FINE_MIN_ZOOM + 1.0)
    page.wait_for_function(f"() => ({FINE_LAYERS_JS})().length > 0", timeout=30_000)
    shown = page.evaluate(FINE_LAYERS_JS)
    # The Baltic at this zoom lies in one tile, maybe two: not the world's 72.
    assert 1 <= len(shown) <= 4, shown
    fetched = _tile_requests(page)
    assert len(fetched) == len(set(fetched)) <= 4, fetched
    # A rerun, a zoom out and back in: nothing fetched again, the same tiles drawn.
    page.get_by_role("radio", name="Alleged").check(force=True)
    settle(page)
    set_view(page, 21.0, 58.5, 2.0)
    assert page.evaluate(FINE_LAYERS_JS) == []
    set_view(page, 21.0, 58.5, FINE_MIN_ZOOM + 1.0)
    page.wait_for_function(f"() => ({FINE_LAYERS_JS})().length > 0", timeout=30_000)
    assert page.evaluate(FINE_LAYERS_JS) == shown
    assert _tile_requests(page) == fetched
    assert page.console_errors == []


# Kapustin Yar (lat, lon): its 5,500 km ring, band and the site itself go round to the back of
# each of these globes, wholly or in part.
KAPUSTIN_YAR = (48.58, 45.79)
BAND_OUTER_M = 5_500_000.0
FAR_SIDE_QUERY = f"view=globe&mode=both&site={KAPUSTIN_YAR[0]},{KAPUSTIN_YAR[1]},Kapustin%20Yar"
GEOD = Geod(ellps="WGS84")

LABEL_BOXES_JS = """() => {
    const box = window.__deckmapTest.element().querySelector(".view").getBoundingClientRect();
    return window.__deckmapTest.labels().map(
        (l) => [l.left - box.left, l.top - box.top, l.right - box.left, l.bottom - box.top]);
}"""


@pytest.mark.parametrize(
    ("name", "lon", "lat"),
    [
        ("atlantic", -35.0, 5.0),
        ("north-america", -100.0, 40.0),
        ("indian-ocean", 100.0, -20.0),
        ("antipode", -134.2, -48.6),
        ("south-pole", 0.0, -90.0),
    ],
)
def test_the_far_side_of_rings_and_sites_is_hidden(page, app_url, basemap, name, lon, lat):
    # Beyond 5,500 km of the site (on the globe's near side) nothing is drawn but the basemap:
    # a ring, band or site dot on the globe's back would show over it there.
    open_map(page, f"{app_url}/?{FAR_SIDE_QUERY}", f"far-side-{name}")
    set_view(page, lon, lat, _globe_zoom(lat))
    labels = page.evaluate(LABEL_BOXES_JS)
    image = _basemap_pixels(page, f"far-side-{name}")
    samples = [
        (x, y, around)
        for x, y, around in page.evaluate(SAMPLES_JS, [STEP_PX, NEAR_PX])
        if all(p is not None for p in around)
        and not any(
            b[0] - NEAR_PX <= x <= b[2] + NEAR_PX and b[1] - NEAR_PX <= y <= b[3] + NEAR_PX
            for b in labels
        )
    ]
    points = np.array([p for _, _, around in samples for p in around]).reshape(-1, 2)
    _, _, distance_m = GEOD.inv(
        np.full(len(points), KAPUSTIN_YAR[1]), np.full(len(points), KAPUSTIN_YAR[0]), *points.T
    )
    beyond = (distance_m.reshape(-1, 9) > BAND_OUTER_M + 50_000).all(axis=1)
    outside = [s for s, keep in zip(samples, beyond, strict=True) if keep]
    wrong = _mismatches(image, outside, *basemap)
    assert not wrong, f"{len(wrong)} samples: " + "; ".join(wrong[:8])
