"""The app's map in the page: open it, find pixels, project coordinates, read the sites."""

from __future__ import annotations

import io
import time
from urllib.parse import parse_qs, urlsplit

import numpy as np
from PIL import Image
from playwright.sync_api import Page

from harness import script
from harness.browser import ARTIFACTS

CLAIMED_BLUE = (0, 114, 178)
TREATY_VERMILLION = (213, 94, 0)
# The map's stacked canvases (basemap, band fills, then the interactive one) fill this element.
MAP_VIEW = ".deckmap .view"
# A link's camera on Europe to the Urals, for checks that click on places far from the sites
# (without a camera the map fits the sites and their rings: one 480 km ring fills it).
EUROPE_VIEW = "cam=50,45,1.6"
EXPORT_BUTTON = "Coverage as GeoJSON (RFC 7946)"
# Sites as (lat, lon, name), ordered as on the map.
Sites = list[tuple[float, float, str]]
# A page is ready when Streamlit is idle and the map shows the sites the URL (Python's state)
# holds, at the same positions. Waiting for this asserts nothing about whose sites they are.
SETTLED = script("settled")


def settle(page: Page) -> None:
    """Wait until Streamlit is idle and SwiftShader (CPU WebGL) has drawn the last frame."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=60_000
    )
    time.sleep(2.5)


def open_map(page: Page, url: str, name: str) -> np.ndarray:
    """Load ``url``, wait for the map component to draw, save and return the map's pixels."""
    page.goto(url)
    page.wait_for_function("() => window.__deckmapTest?.stats().frames > 0", timeout=60_000)
    settle(page)
    page.screenshot(path=ARTIFACTS / f"{name}-page.png", full_page=True)
    return map_pixels(page, name)


def map_pixels(page: Page, name: str) -> np.ndarray:
    """The map's pixels (all its canvases as shown) as RGB, saved as
    ``tests/artifacts/<name>-map.png``."""
    png = page.locator(MAP_VIEW).screenshot(path=ARTIFACTS / f"{name}-map.png")
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)


def pixels_near(image: np.ndarray, colour: tuple[int, int, int], tolerance: int = 40) -> np.ndarray:
    return np.all(np.abs(image - np.array(colour)) <= tolerance, axis=-1)


def to_screen(page: Page, lon: float, lat: float) -> tuple[float, float]:
    """Page pixel of a map coordinate (deck.gl's own projection, plus the canvas offset)."""
    return tuple(page.evaluate("(lonLat) => window.__deckmapTest.project(lonLat)", [lon, lat]))


def to_canvas(page: Page, lon: float, lat: float) -> tuple[float, float]:
    """Canvas pixel (as in :func:`map_pixels`) of a map coordinate."""
    x, y = to_screen(page, lon, lat)
    box = page.locator(MAP_VIEW).bounding_box()
    return x - box["x"], y - box["y"]


def degrees_per_pixel(page: Page, lon: float, lat: float) -> tuple[float, float]:
    """How far one screen pixel moves the coordinate at (lon, lat): (dlon, dlat) in degrees."""
    return tuple(
        page.evaluate(
            """([lon, lat]) => {
                const map = window.__deckmapTest;
                const [x, y] = map.project([lon, lat]);
                const [lon1, lat1] = map.unproject([x + 1, y + 1]);
                return [Math.abs(lon1 - lon), Math.abs(lat1 - lat)];
            }""",
            [lon, lat],
        )
    )


def drag(page: Page, start: tuple[float, float], end: tuple[float, float], steps: int = 15) -> None:
    """Press at ``start``, move in steps, release at ``end`` (page pixels)."""
    page.mouse.move(*start)
    page.mouse.down()
    for i in range(1, steps + 1):
        t = i / steps
        page.mouse.move(start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t)
    page.mouse.up()


def click(page: Page, x: float, y: float) -> None:
    """Move onto the point as a hand would, then click (a pointer that jumps onto the canvas
    and clicks at once is sometimes not seen as a click by deck.gl's gesture recogniser)."""
    page.mouse.move(x - 15, y - 15, steps=4)
    time.sleep(0.2)
    page.mouse.move(x, y, steps=3)
    time.sleep(0.2)
    page.mouse.click(x, y)


def url_sites(page: Page) -> Sites:
    """The sites the page's link holds (Python's state)."""
    values = parse_qs(urlsplit(page.url).query).get("site", [])
    return [(float(v.split(",")[0]), float(v.split(",")[1]), v.split(",", 2)[2]) for v in values]


def set_view(page: Page, lon: float, lat: float, zoom: float) -> None:
    """Move the camera as the map's controller would, then wait for the frame."""
    page.evaluate(
        "([longitude, latitude, zoom]) =>"
        " window.__deckmapTest.setView({longitude, latitude, zoom})",
        [lon, lat, zoom],
    )
    settle(page)
