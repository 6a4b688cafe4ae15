"""Can it reach X, in the browser: the measure tool (two clicks or a drag, Esc cancels), the
target (searched, or picked on the map) with its launch area, and the strip, as a user sees
them."""

from __future__ import annotations

import re
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from pyproj import Geod

from harness.mapview import (
    EUROPE_VIEW,
    click,
    map_pixels,
    open_map,
    pixels_near,
    set_view,
    settle,
    to_canvas,
    to_screen,
)

GEOD = Geod(ellps="WGS84")
# The launch area's orange (230, 159, 0) at alpha 70/255 over the basemap's land (236, 236, 230).
LAUNCH_ON_LAND = (234, 215, 167)


def mode(page) -> str:
    return page.evaluate("() => window.__deckmapTest.mode()")


def test_measure_two_clicks_give_the_geodesic_length_and_azimuths(page, app_url):
    open_map(page, f"{app_url}/?mode=claimed&site=48.58,45.74,KY&{EUROPE_VIEW}", "measure-before")
    bar = page.locator(".deckmap .bar")
    bar.get_by_role("button", name="Measure").click()
    assert mode(page) == "measuring"
    click(page, *to_screen(page, 20.0, 50.0))
    bar.get_by_role("button", name=re.compile("second point")).wait_for(timeout=10_000)
    click(page, *to_screen(page, 40.0, 60.0))
    page.get_by_text(re.compile(r"^Measured [\d,.]+ km along the geodesic")).first.wait_for(
        timeout=30_000
    )
    settle(page)
    assert mode(page) != "measuring"
    shown = page.get_by_text(re.compile(r"^Measured [\d,.]+ km")).first.inner_text()
    km = float(re.search(r"Measured ([\d,.]+) km", shown).group(1).replace(",", ""))
    _, _, expected_m = GEOD.inv(20.0, 50.0, 40.0, 60.0)
    assert abs(km - expected_m / 1000.0) < 0.01 * expected_m / 1000.0  # clicks land on pixels
    # The line is drawn: dark pixels at its geodesic midpoint, off the straight lon/lat chord.
    image = map_pixels(page, "measure-after")
    lon, lat, _ = GEOD.fwd(20.0, 50.0, GEOD.inv(20.0, 50.0, 40.0, 60.0)[0], expected_m / 2)
    x, y = (round(v) for v in to_canvas(page, lon, lat))
    assert pixels_near(image[y - 4 : y + 5, x - 4 : x + 5], (0, 0, 0), 60).any()


def test_measure_esc_cancels(page, app_url):
    open_map(page, f"{app_url}/?mode=claimed&site=48.58,45.74,KY&{EUROPE_VIEW}", "measure-esc")
    bar = page.locator(".deckmap .bar")
    bar.get_by_role("button", name="Measure").click()
    click(page, *to_screen(page, 20.0, 50.0))
    bar.get_by_role("button", name=re.compile("second point")).wait_for(timeout=10_000)
    page.keyboard.press("Escape")
    assert mode(page) != "measuring"
    bar.get_by_role("button", name="Measure", exact=True).wait_for(timeout=5_000)
    assert page.get_by_text(re.compile(r"^Measured [\d,.]+ km")).count() == 0


def measured_km(page) -> float:
    """The length in the map's message once Python has measured, in km."""
    message = page.get_by_text(re.compile(r"^Measured [\d,.]+ km along the geodesic")).first
    message.wait_for(timeout=30_000)
    return float(
        re.search(r"Measured ([\d,.]+) km", message.inner_text()).group(1).replace(",", "")
    )


def drag_measure(page, a: tuple[float, float], b: tuple[float, float], release=True) -> str:
    """In measure mode, press at ``a`` (lon, lat), drag to ``b`` and release there (unless not
    ``release``); the Measure button's text just before the release."""
    page.locator(".deckmap .bar").get_by_role("button", name="Measure").click()
    start, end = to_screen(page, *a), to_screen(page, *b)
    page.mouse.move(*start, steps=3)
    page.mouse.down()
    for i in range(1, 16):
        t = i / 15
        page.mouse.move(start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t)
    # deck.gl hands on the press and the last moves in its next frames.
    page.wait_for_function("() => window.__deckmapTest.mode() === 'measureDragging'")
    time.sleep(0.5)
    live = page.locator(".deckmap .bar button[aria-pressed=true]").inner_text()
    if release:
        page.mouse.up()
    return live


def midpoint_is_drawn(page, a, b, name: str) -> bool:
    """Dark pixels on the map at the geodesic midpoint of a to b."""
    image = map_pixels(page, name)
    az, _, length_m = GEOD.inv(*a, *b)
    lon, lat, _ = GEOD.fwd(*a, az, length_m / 2)
    x, y = (round(v) for v in to_canvas(page, lon, lat))
    return bool(pixels_near(image[y - 4 : y + 5, x - 4 : x + 5], (0, 0, 0), 60).any())


def test_measure_by_drag_shows_the_geodesic_live_and_measures_on_release(page, app_url):
    open_map(page, f"{app_url}/?mode=claimed&site=48.58,45.74,KY&{EUROPE_VIEW}", "measure-drag")
    a, b = (20.0, 50.0), (40.0, 60.0)
    view = page.evaluate("() => window.__deckmapTest.view()")
    live = drag_measure(page, a, b, release=False)
    az_a, az_b, expected_m = GEOD.inv(*a, *b)
    # While dragging: the length and both azimuths, and the line drawn, the map not panned.
    km, az1, az2 = (float(v.replace(",", "")) for v in re.findall(r"[\d,]+\.\d", live)[:3])
    assert abs(km - expected_m / 1000.0) < 0.01 * expected_m / 1000.0
    assert abs(az1 - az_a % 360) < 1.0
    assert abs(az2 - az_b % 360) < 1.0
    assert page.evaluate("() => window.__deckmapTest.view()") == view
    page.evaluate("() => window.__deckmapTest.drawNow()")
    assert midpoint_is_drawn(page, a, b, "measure-drag-live")
    page.mouse.up()
    assert abs(measured_km(page) - expected_m / 1000.0) < 0.01 * expected_m / 1000.0
    settle(page)
    assert mode(page) != "measuring"
    assert midpoint_is_drawn(page, a, b, "measure-drag-after")


def test_measure_drag_esc_cancels(page, app_url):
    open_map(page, f"{app_url}/?mode=claimed&site=48.58,45.74,KY&{EUROPE_VIEW}", "measure-drag-esc")
    drag_measure(page, (20.0, 50.0), (40.0, 60.0), release=False)
    page.keyboard.press("Escape")
    assert mode(page) not in ("measuring", "measureDragging")
    page.mouse.up()
    page.locator(".deckmap .bar").get_by_role("button", name="Measure", exact=True).wait_for()
    time.sleep(2)
    assert page.get_by_text(re.compile(r"^Measured [\d,.]+ km")).count() == 0
    page.evaluate("() => window.__deckmapTest.drawNow()")
    assert not midpoint_is_drawn(page, (20.0, 50.0), (40.0, 60.0), "measure-drag-esc-after")


def test_target_card_and_launch_area_on_the_map(page, app_url):
    url = (
        f"{app_url}/?mode=claimed&site=48.58,45.74,KY&{EUROPE_VIEW}"
        "&target=52.25195,20.99805,Warsaw&launch=480"
    )
    image = open_map(page, url, "target-launch")
    page.get_by_text("Can it reach Warsaw?").wait_for(timeout=30_000)
    page.get_by_text(re.compile("Minimum range needed")).wait_for()
    x, y = (round(v) for v in to_canvas(page, 20.99805 + 3.0, 52.25195))
    assert pixels_near(image[y - 3 : y + 4, x - 3 : x + 4], LAUNCH_ON_LAND, 12).any()
    # The target's dot.
    x, y = (round(v) for v in to_canvas(page, 20.99805, 52.25195))
    assert pixels_near(image[y - 3 : y + 4, x - 3 : x + 4], (0, 0, 0), 60).any()


def link_target(page) -> tuple[float, float]:
    """(lon, lat) of the target the page's link holds."""
    (value,) = parse_qs(urlsplit(page.url).query)["target"]
    lat, lon = (float(v) for v in value.split(",")[:2])
    return lon, lat


@pytest.mark.parametrize(
    ("view", "camera", "point"),
    [
        ("map", None, (30.0, 55.0)),
        # The globe turned to the Bering Strait: a target on the antimeridian.
        ("globe", (180.0, 60.0, 1.5), (180.0, 64.0)),
    ],
)
def test_a_target_picked_on_the_map_gets_its_card_with_the_geodesic_distance(
    page, app_url, view, camera, point
):
    # Over Europe: one site's fitted first view would leave the map's point off screen.
    link = f"{app_url}/?view={view}&mode=claimed&site=48.58,45.74,KY&{EUROPE_VIEW}"
    open_map(page, link, f"pick-{view}")
    if camera:
        set_view(page, *camera)
    bar = page.locator(".deckmap .bar")
    bar.get_by_role("button", name="Target", exact=True).click()
    assert mode(page) == "targeting"
    bar.get_by_role("button", name="Click the target (Esc)").wait_for()
    x, y = to_screen(page, *point)
    clicked = page.evaluate("(xy) => window.__deckmapTest.unproject(xy)", [x, y])
    click(page, x, y)
    page.get_by_text(re.compile(r"^Can it reach -?[\d.]+, -?[\d.]+\?$")).wait_for(timeout=30_000)
    settle(page)
    assert mode(page) != "targeting"
    bar.get_by_role("button", name="Target", exact=True).wait_for()
    # The target is where the click was (to a pixel), and the link holds it.
    lon, lat = link_target(page)
    per_px = max(
        abs(a - b)
        for a, b in zip(
            page.evaluate("(xy) => window.__deckmapTest.unproject(xy)", [x + 1, y + 1]),
            clicked,
            strict=True,
        )
    )
    assert abs(lat - clicked[1]) <= 2 * per_px
    assert abs((lon - clicked[0] + 180) % 360 - 180) <= 2 * per_px
    # The card's distance is the geodesic on WGS84 to that point.
    _, _, expected_m = GEOD.inv(45.74, 48.58, lon, lat)
    needed = page.get_by_text(re.compile("Minimum range needed")).inner_text()
    km = float(re.search(r"needed: ([\d,.]+) km", needed).group(1).replace(",", ""))
    assert abs(km - expected_m / 1000.0) <= 0.05 + 1e-9
    # The target's dot is drawn where the click was.
    image = map_pixels(page, f"pick-{view}-after")
    x, y = (round(v) for v in to_canvas(page, lon, lat))
    assert pixels_near(image[y - 3 : y + 4, x - 3 : x + 4], (0, 0, 0), 60).any()
    assert page.console_errors == []


def test_picking_a_target_is_cancelled_by_esc(page, app_url):
    url = f"{app_url}/?mode=claimed&site=48.58,45.74,KY&target=52.25195,20.99805,Warsaw"
    open_map(page, url, "pick-esc")
    bar = page.locator(".deckmap .bar")
    bar.get_by_role("button", name="Target", exact=True).click()
    assert mode(page) == "targeting"
    page.keyboard.press("Escape")
    assert mode(page) != "targeting"
    bar.get_by_role("button", name="Target", exact=True).wait_for()
    # A click on the map now changes nothing: Warsaw stays the target.
    click(page, *to_screen(page, 30.0, 55.0))
    settle(page)
    assert link_target(page) == (20.99805, 52.25195)
    page.get_by_text("Can it reach Warsaw?").wait_for()


def test_strip_is_listed_with_its_places(page, app_url):
    open_map(page, f"{app_url}/?mode=both&strip=480:500", "strip")
    page.get_by_text("Places in the strip").wait_for(timeout=30_000)
    table = page.get_by_role("table", name="Places 480–500 km from some site")
    table.get_by_role("cell", name="Lipetsk").wait_for(timeout=30_000)
    assert table.get_by_role("row").count() > 2  # the header and the places
