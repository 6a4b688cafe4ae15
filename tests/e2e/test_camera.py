"""The first view fits the link's sites, and the camera goes into the link and back."""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlsplit

import pytest

from harness.mapview import MAP_VIEW, open_map, set_view, settle, to_screen

pytestmark = pytest.mark.e2e

# Either side of the Pacific and of the equator, one beyond the Antarctic circle.
ANADYR_MCMURDO = "site=64.73,177.51,Anadyr&site=-77.85,166.67,McMurdo"


@pytest.mark.parametrize("view", ["map", "globe"])
def test_a_link_opens_on_all_of_its_sites(page, app_url, view):
    open_map(page, f"{app_url}/?mode=claimed&view={view}&{ANADYR_MCMURDO}", f"fit-{view}")
    box = page.locator(MAP_VIEW).bounding_box()
    for lon, lat in ((177.51, 64.73), (166.67, -77.85)):
        x, y = to_screen(page, lon, lat)
        assert box["x"] + 10 < x < box["x"] + box["width"] - 10, (view, lon, lat, x, box)
        assert box["y"] + 10 < y < box["y"] + box["height"] - 10, (view, lon, lat, y, box)


def test_a_fitted_view_says_what_it_fits_and_stays_out_of_the_link(page, app_url):
    open_map(page, f"{app_url}/?view=map", "fit-note")
    time.sleep(1.5)  # longer than the map waits before it reports a camera
    settle(page)
    note = page.evaluate(
        "() => { const s = window.__deckmapTest.element().querySelector('.status');"
        " return s.hidden ? '' : s.textContent; }"
    )
    assert "5,500 km rings span most of the globe" in note, note
    assert "fits the 2,500 km rings" in note, note
    assert "cam" not in parse_qs(urlsplit(page.url).query)


def test_the_camera_goes_into_the_link_and_back(page, browser, app_url):
    open_map(page, f"{app_url}/?mode=claimed&site=48.58,45.74,KY", "camera-before")
    set_view(page, 30.0, 50.0, 5.0)
    page.wait_for_function("() => new URL(location.href).searchParams.has('cam')", timeout=20_000)
    lat, lon, zoom = (float(v) for v in parse_qs(urlsplit(page.url).query)["cam"][0].split(","))
    assert (lat, lon, zoom) == pytest.approx((50.0, 30.0, 5.0), abs=1e-3)
    other = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        open_map(other, page.url, "camera-after")
        view = other.evaluate("() => window.__deckmapTest.view()")
        assert (view["latitude"], view["longitude"], view["zoom"]) == pytest.approx(
            (50.0, 30.0, 5.0), abs=1e-3
        )
    finally:
        other.close()


def focused(page) -> str:
    """The text of what has the focus in the map."""
    return page.evaluate(
        "() => window.__deckmapTest.element().getRootNode().activeElement?.textContent ?? ''"
    )


def test_fit_and_reset_by_keyboard(page, app_url):
    open_map(page, f"{app_url}/?mode=claimed&{ANADYR_MCMURDO}&cam=10,-60,6", "fit-keys")
    canvas = page.get_by_role("application", name="Range map")
    canvas.focus()
    # Tab goes on from the map to its controls; Enter on "Fit" brings both sites into view.
    for _ in range(4):
        page.keyboard.press("Tab")
        if focused(page) == "Fit":
            break
    assert focused(page) == "Fit"
    page.keyboard.press("Enter")
    page.wait_for_function("() => window.__deckmapTest.view().zoom < 3", timeout=10_000)
    settle(page)
    box = page.locator(MAP_VIEW).bounding_box()
    for lon, lat in ((177.51, 64.73), (166.67, -77.85)):
        x, y = to_screen(page, lon, lat)
        assert box["x"] < x < box["x"] + box["width"], (lon, lat, x, box)
        assert box["y"] < y < box["y"] + box["height"], (lon, lat, y, box)
    # The next Tab is "Reset": the whole world's width, north up, at the equator.
    page.keyboard.press("Tab")
    assert focused(page) == "Reset"
    page.keyboard.press("Enter")
    page.wait_for_function("() => window.__deckmapTest.view().latitude === 0", timeout=10_000)
    view = page.evaluate("() => window.__deckmapTest.view()")
    assert 512 * 2 ** view["zoom"] == pytest.approx(box["width"], rel=0.01)
    assert page.console_errors == []


# From the page's start, on every frame: where the map's box (Streamlit's element for the
# component keyed "map") is, and whether the map has drawn its preview or first frame.
BOX_FRAMES_JS = """
window.__mapBoxFrames = [];
const record = () => {
    const box = document.querySelector(".st-key-map");
    if (box) {
        const r = box.getBoundingClientRect();
        const drawn = Boolean(window.__deckmapTest);
        window.__mapBoxFrames.push([r.top + window.scrollY, r.height, drawn]);
    }
    if (window.__mapBoxFrames.length < 5000) requestAnimationFrame(record);
};
requestAnimationFrame(record);
"""


@pytest.mark.parametrize("query", ["mode=claimed", f"mode=claimed&{ANADYR_MCMURDO}"])
def test_the_map_box_does_not_move_from_first_paint(page, app_url, query):
    page.add_init_script(BOX_FRAMES_JS)
    open_map(page, f"{app_url}/?{query}", "no-shift")
    frames = page.evaluate("() => window.__mapBoxFrames.filter(([, height]) => height > 0)")
    settled_top, settled_height, _ = frames[-1]
    first_top, first_height, drawn = frames[0]
    # The box is there, at its final place and height, before the map's code has drawn.
    assert not drawn
    assert (first_top, first_height) == pytest.approx((settled_top, settled_height), abs=1)
    moved = [f for f in frames if abs(f[0] - settled_top) > 1 or abs(f[1] - settled_height) > 1]
    assert not moved, moved[:5]
