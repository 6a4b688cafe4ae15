"""The map by keyboard, also after mouse use: Delete and Esc after a click on a site or on
"+ Add site", arrows pan, a site chosen and added and a target picked with keys only, the focus
shown."""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlsplit

import pytest

from harness.mapview import click, open_map, settle, to_screen, url_sites

pytestmark = pytest.mark.e2e

KAPUSTIN_YAR = (45.74, 48.58)  # lon, lat
SHUYA = (41.39, 56.85)
TWO_SITES = "?mode=claimed&site=48.58,45.74,KY&site=56.85,41.39,Shuya"


def mode(page) -> str:
    return page.evaluate("() => window.__deckmapTest.mode()")


def wait_for_sites(page, count: int) -> None:
    page.wait_for_function(
        # No sites is one empty value in the link.
        "() => new URL(location.href).searchParams.getAll('site')"
        f".filter((v) => v !== '').length === {count}",
        timeout=30_000,
    )
    settle(page)


def test_delete_and_esc_work_after_mouse_clicks(page, app_url):
    open_map(page, f"{app_url}/{TWO_SITES}", "keys-mouse")
    bar = page.locator(".deckmap .bar")

    # A click on a site (the focus is then on the map's canvas), then Esc deselects it.
    click(page, *to_screen(page, *SHUYA))
    bar.get_by_text("Shuya", exact=True).wait_for(timeout=10_000)
    page.keyboard.press("Escape")
    assert mode(page) == "idle"
    assert bar.get_by_role("button", name="Remove", exact=True).is_disabled()

    # A click on a site, then Delete removes it.
    click(page, *to_screen(page, *KAPUSTIN_YAR))
    bar.get_by_text("KY", exact=True).wait_for(timeout=10_000)
    page.keyboard.press("Delete")
    wait_for_sites(page, 1)
    assert [name for _, _, name in url_sites(page)] == ["Shuya"]

    # A click on "+ Add site" (the focus is then on that button), then Esc cancels adding: a
    # click on the map afterwards adds nothing.
    bar.get_by_role("button", name="+ Add site").click()
    assert mode(page) == "adding"
    page.keyboard.press("Escape")
    assert mode(page) == "idle"
    assert bar.get_by_role("button", name="+ Add site").is_visible()
    click(page, *to_screen(page, 20.0, 45.0))
    settle(page)
    assert len(url_sites(page)) == 1

    # Backspace also removes the selected site.
    click(page, *to_screen(page, *SHUYA))
    bar.get_by_text("Shuya", exact=True).wait_for(timeout=10_000)
    page.keyboard.press("Backspace")
    wait_for_sites(page, 0)
    assert page.console_errors == []


def test_keys_alone_pan_select_add_and_remove(page, app_url):
    open_map(page, f"{app_url}/{TWO_SITES}", "keys-only")
    bar = page.locator(".deckmap .bar")
    canvas = page.get_by_role("application", name="Range map")
    # Tab from the last toolbar control reaches the map (the site controls are disabled
    # while no site is selected, so "Target" is the last enabled one).
    bar.get_by_role("button", name="Target").focus()
    page.keyboard.press("Tab")
    assert canvas.evaluate("(c) => c.getRootNode().activeElement === c")
    # The focus is shown.
    assert canvas.evaluate("(c) => c.matches(':focus-visible')")
    assert canvas.evaluate("(c) => getComputedStyle(c).outlineStyle") != "none"

    # Arrow keys pan (deck.gl eases the move over a few frames).
    before = page.evaluate("() => window.__deckmapTest.view().longitude")
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        f"() => window.__deckmapTest.view().longitude > {before} + 1", timeout=10_000
    )

    # N selects the first site, again the next; Delete removes it.
    page.keyboard.press("n")
    bar.get_by_text("KY", exact=True).wait_for(timeout=10_000)
    page.keyboard.press("n")
    bar.get_by_text("Shuya", exact=True).wait_for(timeout=10_000)
    page.keyboard.press("Delete")
    wait_for_sites(page, 1)
    assert [name for _, _, name in url_sites(page)] == ["KY"]

    # "+ Add site" by keyboard, then Enter on the map adds a site at its centre.
    bar.get_by_role("button", name="+ Add site").focus()
    page.keyboard.press("Enter")
    assert mode(page) == "adding"
    for _ in range(8):  # on through the toolbar to the map
        if canvas.evaluate("(c) => c.getRootNode().activeElement === c"):
            break
        page.keyboard.press("Tab")
    assert canvas.evaluate("(c) => c.getRootNode().activeElement === c")
    assert page.locator(".deckmap .crosshair").is_visible()
    centre = page.evaluate("() => window.__deckmapTest.view()")
    page.keyboard.press("Enter")
    wait_for_sites(page, 2)
    lat, lon, name = url_sites(page)[1]
    assert name.startswith("Site at ")
    assert abs(lat - centre["latitude"]) < 0.01
    assert abs(lon - centre["longitude"]) < 0.01
    time.sleep(0.5)
    assert page.console_errors == []


def test_keys_alone_pick_a_target_at_the_map_centre(page, app_url):
    open_map(page, f"{app_url}/{TWO_SITES}", "keys-target")
    bar = page.locator(".deckmap .bar")
    canvas = page.get_by_role("application", name="Range map")
    bar.get_by_role("button", name="Target").focus()
    page.keyboard.press("Enter")
    assert mode(page) == "targeting"
    page.keyboard.press("Tab")
    assert canvas.evaluate("(c) => c.getRootNode().activeElement === c")
    assert page.locator(".deckmap .crosshair").is_visible()
    centre = page.evaluate("() => window.__deckmapTest.view()")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => new URL(location.href).searchParams.get('target')", timeout=30_000
    )
    settle(page)
    lat, lon = (float(v) for v in parse_qs(urlsplit(page.url).query)["target"][0].split(",")[:2])
    assert abs(lat - centre["latitude"]) < 0.01
    assert abs(lon - centre["longitude"]) < 0.01
    page.get_by_text("Minimum range needed", exact=False).wait_for()
    assert mode(page) != "targeting"
    assert page.console_errors == []
