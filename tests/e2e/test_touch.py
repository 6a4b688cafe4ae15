"""Touch: tap to select, drag with a finger, tap to add (deck.gl reads pointer events, which a
touch screen sends differently from a mouse: no hover before a press)."""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlsplit

import pytest

from harness.browser import ARTIFACTS
from harness.mapview import EUROPE_VIEW, degrees_per_pixel, open_map, settle, to_screen

pytestmark = pytest.mark.e2e

KAPUSTIN_YAR = (45.74, 48.58)  # lon, lat
TARGET = (38.0, 52.0)
ADDED = (30.52, 50.45)


def url_sites(page) -> list[tuple[float, float, str]]:
    values = parse_qs(urlsplit(page.url).query).get("site", [])
    return [(float(v.split(",")[0]), float(v.split(",")[1]), v.split(",", 2)[2]) for v in values]


def touch(cdp, kind: str, x: float, y: float) -> None:
    """A real touch event (Chromium's input pipeline, as from a touch screen)."""
    points = [] if kind == "touchEnd" else [{"x": x, "y": y, "id": 1}]
    cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})


def finger_tap(cdp, x: float, y: float) -> None:
    """A tap as a finger makes it: down, held 80 ms, up (deck.gl counts a press of up to 250 ms
    as a tap, measured from when it handles the events)."""
    touch(cdp, "touchStart", x, y)
    time.sleep(0.08)
    touch(cdp, "touchEnd", x, y)


def finger_drag(cdp, start: tuple[float, float], end: tuple[float, float], steps: int = 12):
    """One finger down at ``start``, moved in steps, lifted at ``end``."""
    touch(cdp, "touchStart", *start)
    for i in range(1, steps + 1):
        t = i / steps
        x, y = start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t
        touch(cdp, "touchMove", x, y)
        time.sleep(0.03)
    touch(cdp, "touchEnd", *end)


def test_tap_selects_a_finger_drags_and_a_tap_adds(browser, app_url):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, has_touch=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    try:
        open_map(page, f"{app_url}/?mode=claimed&site=48.58,45.74,KY&{EUROPE_VIEW}", "touch-before")
        finger_tap(cdp, *to_screen(page, *KAPUSTIN_YAR))
        page.wait_for_function(
            "() => window.__deckmapTest.element().querySelector('.bar .hint').textContent === 'KY'",
            timeout=10_000,
        )
        assert page.locator(".deckmap .bar input").first.input_value() == "48.5800"

        slack_lon, slack_lat = degrees_per_pixel(page, *TARGET)
        finger_drag(cdp, to_screen(page, *KAPUSTIN_YAR), to_screen(page, *TARGET))
        page.wait_for_function(
            "() => new URL(location.href).searchParams.get('site')?.includes('(moved)')",
            timeout=30_000,
        )
        settle(page)
        ((lat, lon, name),) = url_sites(page)
        assert name == "KY (moved)"
        assert abs(lon - TARGET[0]) <= 2 * slack_lon
        assert abs(lat - TARGET[1]) <= 2 * slack_lat

        page.get_by_role("button", name="+ Add site").tap()  # a DOM button: any tap
        finger_tap(cdp, *to_screen(page, *ADDED))
        page.wait_for_function(
            "() => new URL(location.href).searchParams.getAll('site').length === 2",
            timeout=30_000,
        )
        settle(page)
        added = url_sites(page)[1]
        assert added[2].startswith("Site at ")
        slack_lon, slack_lat = degrees_per_pixel(page, *ADDED)
        assert abs(added[1] - ADDED[0]) <= 2 * slack_lon
        assert abs(added[0] - ADDED[1]) <= 2 * slack_lat
        page.screenshot(path=ARTIFACTS / "touch-after-page.png")
    finally:
        context.close()
