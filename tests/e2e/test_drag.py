"""Dragging, adding and removing launch sites on the map, in headless Chromium."""

from __future__ import annotations

import json
import time
from urllib.parse import parse_qs, urlsplit

import numpy as np
import pytest

from harness.browser import ARTIFACTS
from harness.mapview import (
    CLAIMED_BLUE,
    EUROPE_VIEW,
    click,
    degrees_per_pixel,
    drag,
    map_pixels,
    open_map,
    pixels_near,
    settle,
    to_canvas,
    to_screen,
)

pytestmark = pytest.mark.e2e

KAPUSTIN_YAR = (45.74, 48.58)  # lon, lat
KYIV = (30.52, 50.45)  # Kyiv (Natural Earth's "Kiev"), a capital 1,100 km west of Kapustin Yar


def url_sites(page) -> list[tuple[float, float, str]]:
    """The sites in the page's query string, as (lat, lon, name)."""
    values = parse_qs(urlsplit(page.url).query).get("site", [])
    return [(float(v.split(",")[0]), float(v.split(",")[1]), v.split(",", 2)[2]) for v in values]


def wait_for_sites(page, count: int) -> None:
    page.wait_for_function(
        f"() => new URL(location.href).searchParams.getAll('site').length === {count}",
        timeout=30_000,
    )
    settle(page)


def capitals_in_range(page) -> str:
    metric = page.get_by_test_id("stMetric").filter(has_text="Capitals in range")
    return metric.get_by_test_id("stMetricValue").inner_text()


def table_cells(page) -> list[str]:
    """Text of the places table's cells (ui.table)."""
    return page.locator(".st-key-places_table td").all_text_contents()


def test_dragging_a_site_moves_it_its_rings_its_coverage_and_its_export(page, app_url):
    before = open_map(
        page, f"{app_url}/?mode=claimed&site=48.58,45.74,KY&{EUROPE_VIEW}", "drag-before"
    )
    assert capitals_in_range(page) == "0"
    assert "Kyiv" not in table_cells(page)
    blue_before = np.argwhere(pixels_near(before, CLAIMED_BLUE)).mean(axis=0)
    target = to_screen(page, *KYIV)
    slack_lon, slack_lat = degrees_per_pixel(page, *KYIV)

    drag(page, to_screen(page, *KAPUSTIN_YAR), target)
    page.wait_for_function(
        "() => new URL(location.href).searchParams.get('site')?.includes('(moved)')",
        timeout=30_000,
    )
    settle(page)
    after = map_pixels(page, "drag-after")
    page.screenshot(path=ARTIFACTS / "drag-after-page.png", full_page=True)

    # (a) Python's state (the URL mirrors it) and the coordinates shown: at the drop point,
    # to within the ground one screen pixel covers (two, for the rounding of mouse steps).
    ((lat, lon, name),) = url_sites(page)
    assert name == "KY (moved)"
    assert abs(lon - KYIV[0]) <= 2 * slack_lon
    assert abs(lat - KYIV[1]) <= 2 * slack_lat
    shown_lat = float(page.get_by_label("Lat °N").input_value())
    shown_lon = float(page.get_by_label("Lon °E").input_value())
    assert (shown_lat, shown_lon) == (round(lat, 4), round(lon, 4))

    # (b) The ring pixels moved with the site, by about as far as the site moved.
    blue_after = np.argwhere(pixels_near(after, CLAIMED_BLUE)).mean(axis=0)
    site_shift = np.subtract(to_canvas(page, lon, lat), to_canvas(page, *KAPUSTIN_YAR))
    ring_shift = (blue_after - blue_before)[::-1]  # (row, col) -> (x, y)
    assert np.linalg.norm(ring_shift - site_shift) < 0.15 * np.linalg.norm(site_shift)

    # (c) Kyiv, a capital, is now within 480 km: the nearest place in the table.
    assert int(capitals_in_range(page)) >= 1  # Kyiv, and Minsk and Chișinău nearby
    assert "Kyiv" in table_cells(page)

    # (d) The export has the new position.
    with page.expect_download() as download:
        page.get_by_role("button", name="Coverage as GeoJSON (RFC 7946)").click()
    exported = json.loads(download.value.path().read_text())
    props = exported["features"][0]["properties"]
    assert (props["site_lat"], props["site_lon"]) == (lat, lon)


def test_add_a_site_by_click_then_remove_it(page, app_url):
    open_map(page, f"{app_url}/?mode=claimed&site=48.58,45.74,KY&{EUROPE_VIEW}", "add-before")
    page.locator(".deckmap").get_by_role("button", name="+ Add site").click()
    click(page, *to_screen(page, 10.0, 50.0))
    wait_for_sites(page, 2)
    added_lat, added_lon, added_name = url_sites(page)[1]
    slack_lon, slack_lat = degrees_per_pixel(page, 10.0, 50.0)
    assert abs(added_lon - 10.0) <= 2 * slack_lon
    assert abs(added_lat - 50.0) <= 2 * slack_lat
    assert added_name.startswith("Site at ")
    map_pixels(page, "add-after")

    # Select it by clicking, then remove it with the button.
    click(page, *to_screen(page, added_lon, added_lat))
    toolbar = page.locator(".deckmap .bar")
    toolbar.get_by_text(added_name).wait_for(timeout=10_000)
    toolbar.get_by_role("button", name="Remove", exact=True).click()
    wait_for_sites(page, 1)
    assert url_sites(page)[0][2] == "KY"
    map_pixels(page, "remove-after")


def test_keyboard_move_and_delete_key(page, app_url):
    open_map(page, f"{app_url}/?mode=claimed&site=48.58,45.74,KY&site=56.85,41.39,Shuya", "kbd")
    click(page, *to_screen(page, *KAPUSTIN_YAR))
    page.get_by_label("Lat °N").fill("55.75")
    page.get_by_label("Lon °E").fill("37.62")
    page.get_by_label("Lon °E").press("Enter")
    page.wait_for_function(
        "() => new URL(location.href).searchParams.get('site')?.startsWith('55.75,37.62,')",
        timeout=30_000,
    )
    settle(page)
    assert url_sites(page)[0] == (55.75, 37.62, "KY (moved)")
    # Delete removes the selected site when the map has the focus.
    page.get_by_role("application", name="Range map").focus()
    page.keyboard.press("Delete")
    wait_for_sites(page, 1)
    assert url_sites(page)[0][2] == "Shuya"


@pytest.mark.parametrize(
    ("edit", "why"),
    [
        ({"action": "move", "id": "0", "lat": "NaN", "lon": 1, "from": [48.58, 45.74]}, "numbers"),
        ({"action": "move", "id": "9", "lat": 1, "lon": 1, "from": [48.58, 45.74]}, "not on the"),
        ({"action": "move", "id": "0", "lat": 1, "lon": 1, "from": [10, 10]}, "changed since"),
    ],
)
def test_bad_edits_from_the_browser_show_a_notice_and_change_nothing(page, app_url, edit, why):
    open_map(page, f"{app_url}/?mode=claimed&site=48.58,45.74,KY", "bad-edit")
    page.evaluate("(edit) => window.__deckmapTest.sendEdit(edit)", edit)
    page.get_by_text("The map edit was ignored").first.wait_for(timeout=20_000)
    assert why in page.get_by_text("The map edit was ignored").first.inner_text()
    time.sleep(1)
    assert url_sites(page) == [(48.58, 45.74, "KY")]
    assert page.console_errors == []
