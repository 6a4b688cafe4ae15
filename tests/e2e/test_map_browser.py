"""The real page in headless Chromium: rings drawn, no other host asked, names escaped."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

import numpy as np
import pytest

from harness.mapview import CLAIMED_BLUE, TREATY_VERMILLION, open_map, pixels_near, settle

pytestmark = pytest.mark.e2e


def test_claimed_view_draws_480_km_rings_around_the_sites(page, app_url):
    image = open_map(page, f"{app_url}/?mode=claimed", "claimed")
    blue = pixels_near(image, CLAIMED_BLUE)
    assert blue.sum() > 300, "no claimed-range ring pixels on the map"
    assert not pixels_near(image, TREATY_VERMILLION, 25).sum() > 50
    # The rings sit around the sites, in the middle of the default view, not at the edges.
    ys, xs = np.nonzero(blue)
    h, w = blue.shape
    assert 0.2 * w < xs.mean() < 0.8 * w
    assert 0.2 * h < ys.mean() < 0.8 * h


def test_alleged_view_draws_inf_band_rings(page, app_url):
    image = open_map(page, f"{app_url}/?mode=alleged&est=0", "alleged")
    assert pixels_near(image, TREATY_VERMILLION, 25).sum() > 300
    assert pixels_near(image, CLAIMED_BLUE, 25).sum() < 50


def test_page_asks_no_host_but_its_own(page, app_url):
    open_map(page, f"{app_url}/?mode=both&view=globe", "globe")
    own = urlsplit(app_url).netloc
    others = {
        urlsplit(u).netloc
        for u in page.requests
        if urlsplit(u).scheme in ("http", "https", "ws", "wss")
    }
    assert others <= {own}, others


def test_hostile_site_name_is_shown_as_text(page, app_url):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    name = '<img src=x onerror=alert(1)>"><script>alert(2)</script>'
    open_map(page, f"{app_url}/?site={quote('48.58,45.74,' + name)}", "hostile-name")
    page.get_by_text(name, exact=False).first.wait_for(timeout=20_000)
    assert dialogs == []


def test_basemap_is_fetched_once_per_page(page, app_url):
    # The map's loader fetches it while the map's code loads; reruns must not fetch it again.
    open_map(page, f"{app_url}/?mode=both", "basemap-once")
    countries = page.evaluate(
        """() => window.__deckmapTest.layers()
            .find((l) => l.deck === "base" && l.id === "basemap").count"""
    )
    assert countries == 177 + 1  # the countries, their coasts and borders
    for label in ("Claimed", "Alleged"):
        page.get_by_role("radio", name=label).check(force=True)
        settle(page)
    basemap_requests = [u for u in page.requests if "basemap" in urlsplit(u).path]
    assert len(basemap_requests) == 1, basemap_requests
    assert page.console_errors == []


def when_decks_are_created(body: str) -> str:
    """An init script that runs the JavaScript ``body`` (which sees ``map``, the map's test API)
    as soon as the map has created its Decks, before their first frame: when it publishes
    ``window.__deckmapTest``.
    """
    return (
        'Object.defineProperty(window, "__deckmapTest", {configurable: true, '
        "get() { return this.__deckmapHooked; }, "
        "set(map) { this.__deckmapHooked = map; " + body + " }});"
    )


# The size of each Deck's canvas, drawing buffer and displayed, at its first frame.
FIRST_FRAME_SIZES = when_decks_are_created("""
    window.__firstFrames = {};
    map.onDraw((name) => {
      const c = map.element().querySelector(`canvas.${name}`);
      window.__firstFrames[name] ??= [c.width, c.height, c.clientWidth, c.clientHeight];
    });
""")


def test_first_frame_is_drawn_at_the_displayed_size(page, app_url):
    # Drawn at a canvas's default 300x150 and stretched, the first frame showed the rings
    # zoomed in for seconds on a CPU renderer, until the next frame.
    page.add_init_script(FIRST_FRAME_SIZES)
    open_map(page, f"{app_url}/?mode=both", "first-frame-size")
    frames = page.evaluate("() => window.__firstFrames")
    for name in ("top", "base"):
        width, height, shown_width, shown_height = frames[name]
        assert (width, height) == (shown_width, shown_height), frames
        assert shown_width > 300


# What the 2D preview canvas holds when the Decks are created.
PREVIEW_AT_DECKS = when_decks_are_created("""
    const canvas = map.element().querySelector("canvas.preview");
    const rgba = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    const count = ([r, g, b], tolerance) => {
      let n = 0;
      for (let i = 0; i < rgba.length; i += 4) {
        const [dr, dg, db] = [rgba[i] - r, rgba[i + 1] - g, rgba[i + 2] - b];
        if (Math.max(Math.abs(dr), Math.abs(dg), Math.abs(db)) <= tolerance) n += 1;
      }
      return n;
    };
    window.__previewAtDecks = {
      shown: !canvas.hidden,
      land: count([236, 236, 230], 4),
      claimed: count([0, 114, 178], 40),
      treaty: count([213, 94, 0], 40),
    };
""")


def test_flat_map_preview_shows_land_and_rings_before_webgl_starts(page, app_url):
    # deck.gl's first frame takes seconds on a CPU renderer; the 2D preview is on screen first.
    page.add_init_script(PREVIEW_AT_DECKS)
    open_map(page, f"{app_url}/?mode=both", "preview")
    preview = page.evaluate("() => window.__previewAtDecks")
    assert preview["shown"], preview
    assert preview["land"] > 2_000, preview
    assert preview["claimed"] > 50, preview
    assert preview["treaty"] > 50, preview
    # Once deck.gl has drawn the map, the preview is gone.
    assert page.evaluate(
        "() => window.__deckmapTest.element().querySelector('canvas.preview').hidden"
    )
    assert page.console_errors == []
