"""The map's labels in a real page: none overlaps another, each ring's label sits on its ring,
none shows through a globe, and site names appear once zoomed in."""

from __future__ import annotations

import itertools
import math
import time
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page
from pyproj import Geod

from harness.mapview import MAP_VIEW, map_pixels, open_map, set_view, settle, to_screen

pytestmark = pytest.mark.e2e

GEOD = Geod(ellps="WGS84")
# Forty sites 1.5° apart over eastern Europe: far more rings and names than room for labels.
DENSE = [f"{45 + (i // 8) * 1.5:.1f},{30 + (i % 8) * 1.5:.1f},Site {i}" for i in range(40)]
DENSE_QUERY = urlencode([("mode", "both"), *(("site", s) for s in DENSE)])


def drawn_labels(page: Page) -> list[dict]:
    return page.evaluate("() => window.__deckmapTest.labels()")


def assert_labels_are_clear(page: Page, labels: list[dict]) -> None:
    """No two labels' boxes intersect, and every box lies wholly inside the map."""
    view = page.locator(MAP_VIEW).bounding_box()
    for label in labels:
        assert label["left"] >= view["x"], label
        assert label["top"] >= view["y"], label
        assert label["right"] <= view["x"] + view["width"], label
        assert label["bottom"] <= view["y"] + view["height"], label
    for a, b in itertools.combinations(labels, 2):
        apart = (
            a["right"] <= b["left"]
            or b["right"] <= a["left"]
            or a["bottom"] <= b["top"]
            or b["bottom"] <= a["top"]
        )
        assert apart, f"{a['text']!r} overlaps {b['text']!r}: {a} {b}"


def assert_ring_labels_on_rings(page: Page, labels: list[dict]) -> None:
    """Each ring label's anchor is on that ring of some site: its WGS84 distance is the radius."""
    sites = page.evaluate("() => window.__deckmapTest.sites()")
    for label in labels:
        if label["kind"] != "ring":
            continue
        radius_m = float(label["text"].removesuffix(" km").replace(",", "")) * 1000
        _, _, distances_m = GEOD.inv(
            [s["lon"] for s in sites],
            [s["lat"] for s in sites],
            [label["lon"]] * len(sites),
            [label["lat"]] * len(sites),
        )
        assert min(abs(d - radius_m) for d in distances_m) < 1.0, label


def angle_from_centre_deg(page: Page, lon: float, lat: float) -> float:
    """Angle between (lon, lat) and the globe's centre of view, seen from the Earth's centre."""
    view = page.evaluate("() => window.__deckmapTest.view()")
    r = math.radians
    cos = math.sin(r(lat)) * math.sin(r(view["latitude"])) + math.cos(r(lat)) * math.cos(
        r(view["latitude"])
    ) * math.cos(r(lon - view["longitude"]))
    return math.degrees(math.acos(max(-1.0, min(1.0, cos))))


def zoom_in_at(page: Page, lon: float, lat: float, zoom: float) -> None:
    """Bring (lon, lat) to the centre of the map, then turn the mouse wheel over it until the
    map's zoom reaches ``zoom``: what is around the point stays in view, wherever the first view
    put it."""
    set_view(page, lon, lat, page.evaluate("() => window.__deckmapTest.view().zoom"))
    for _ in range(40):
        if page.evaluate("() => window.__deckmapTest.view().zoom") >= zoom:
            break
        page.mouse.move(*to_screen(page, lon, lat))
        page.mouse.wheel(0, -120)
        time.sleep(0.3)
    settle(page)


@pytest.mark.parametrize("view", ["map", "globe"])
@pytest.mark.parametrize("sites", ["default", "dense"])
def test_labels_never_overlap_and_sit_on_their_rings(page, app_url, view, sites):
    query = f"view={view}" + ("" if sites == "default" else f"&{DENSE_QUERY}")
    open_map(page, f"{app_url}/?{query}", f"labels-{sites}-{view}")
    labels = drawn_labels(page)
    # Both views of both links have room for the ring labels of every radius.
    assert {label["text"] for label in labels} >= {"480 km", "500 km", "2,350 km", "2,500 km"}
    assert_labels_are_clear(page, labels)
    assert_ring_labels_on_rings(page, labels)


def test_globe_draws_no_label_on_its_far_side(page, app_url):
    open_map(page, f"{app_url}/?view=globe&mode=alleged", "labels-globe-turned")
    view = page.locator(MAP_VIEW).bounding_box()
    centre = (view["x"] + view["width"] / 2, view["y"] + view["height"] / 2)
    # Turn the globe west, step by step, as a hand drags it: the rings go round to its back.
    for turn in range(4):
        page.mouse.move(*centre)
        page.mouse.down()
        page.mouse.move(centre[0] + 180, centre[1] - 40, steps=8)
        page.mouse.up()
        settle(page)
        labels = drawn_labels(page)
        for label in labels:
            assert angle_from_centre_deg(page, label["lon"], label["lat"]) < 90, (turn, label)
        assert_labels_are_clear(page, labels)
    map_pixels(page, "labels-globe-turned-west")
    assert page.evaluate("() => window.__deckmapTest.view().longitude") < 0


def test_site_names_appear_when_zoomed_in(page, app_url):
    open_map(page, f"{app_url}/", "labels-names-world")
    assert not [label for label in drawn_labels(page) if label["kind"] == "name"]
    zoom_in_at(page, 45.0, 46.0, 5.0)
    map_pixels(page, "labels-names-caucasus")
    labels = drawn_labels(page)
    names = {label["text"] for label in labels if label["kind"] == "name"}
    assert "Mozdok" in names
    # A long name is cut after a whole word; the site's tooltip has it all.
    assert "Kapustin Yar test range…" in names
    assert_labels_are_clear(page, labels)
    assert_ring_labels_on_rings(page, labels)


# The width of a text in the page's own canvas, in Streamlit's face at the labels' size.
MEASURED_JS = """(texts) => {
    const context = document.createElement('canvas').getContext('2d');
    context.font = '700 13px "Source Sans"';
    return texts.map((text) => context.measureText(text).width);
}"""


def test_ring_labels_set_a_comma_as_narrow_as_it_looks(page, app_url):
    # A monospace font gives the comma a digit's width: "2,500 km" read as "2, 500 km".
    open_map(page, f"{app_url}/?mode=both", "labels-comma")
    labels = [label for label in drawn_labels(page) if "," in label["text"]]
    assert labels
    for label in labels:
        drawn_px = label["right"] - label["left"]
        without_comma_px, digit_px = page.evaluate(
            MEASURED_JS, [label["text"].replace(",", ""), "0"]
        )
        assert drawn_px - without_comma_px < 0.7 * digit_px, (label, without_comma_px, digit_px)
