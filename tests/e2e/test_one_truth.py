"""One truth in the browser: the downloads hold what the panel counts, the key columns fit the
column at desktop and phone sizes, and a moved auto-named site is named after where it is."""

from __future__ import annotations

import io
import json
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
import shapely
from shapely.geometry import shape

from geo import Band, data
from harness.mapview import click, open_map, settle, to_screen
from tests.e2e.conftest import ARTIFACTS
from tests.union_check import assert_places_match_union, assert_shares_match_union

pytestmark = pytest.mark.e2e

PLACES = ".st-key-places_table"
SHARES = ".st-key-shares_table"
INF = Band(500.0, 5500.0)
TOLERANCE_M = 100.0


def downloaded(page, button: str) -> str:
    with page.expect_download() as download:
        page.get_by_role("button", name=button).click()
    return download.value.path().read_text(encoding="utf-8")


def test_downloads_hold_the_places_and_shares_the_panel_counts_for_the_band(page, app_url):
    open_map(page, f"{app_url}/?mode=alleged&est=0", "truth-band")
    csv = downloaded(page, "Places in range (INF band 500–5,500 km) as CSV")
    geojson = json.loads(downloaded(page, "Coverage as GeoJSON (RFC 7946)"))
    places = pd.read_csv(io.StringIO(csv), keep_default_na=False, na_values=[""])
    sites = {
        (f["properties"]["site_name"], f["properties"]["site_lat"], f["properties"]["site_lon"])
        for f in geojson["features"]
    }
    assert len(sites) == 4  # the four battalion sites, whose bands overlap their inner disks
    union = shapely.union_all([shape(f["geometry"]) for f in geojson["features"]])
    site_list = [data.find_preset(name) for name, _, _ in sorted(sites)]
    assert_places_match_union(places, data.places(), union, site_list, INF, TOLERANCE_M)
    assert {"Moscow", "Tbilisi", "Yerevan"} <= set(places["name"])
    shown = page.locator(".stMetric").filter(has_text="Places in range").inner_text()
    assert f"{len(places):,}" in shown
    # The shares table as shown (its code column is in the page even where it is dropped).
    headers = [h.strip() for h in page.locator(f"{SHARES} th").all_text_contents()]
    cells = {
        label: page.locator(f"{SHARES} tbody tr td:nth-child({i + 1})").all_text_contents()
        for i, label in enumerate(headers)
    }
    shares = pd.DataFrame(
        {
            "adm0_a3": cells["code"],
            "share_pct": [float(c.removesuffix(" %")) for c in cells["share of country"]],
        }
    )
    assert_shares_match_union(shares, union)


@pytest.mark.parametrize(("width", "height"), [(1400, 900), (390, 844)])
def test_key_columns_and_metrics_fit_without_a_horizontal_scroll(browser, app_url, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        page.goto(f"{app_url}/?mode=alleged&est=0")
        page.wait_for_function("() => window.__deckmapTest?.stats().frames > 0", timeout=60_000)
        settle(page)
        table = page.locator(PLACES)
        table.scroll_into_view_if_needed()
        settle(page)
        page.screenshot(path=ARTIFACTS / f"truth-layout-{width}.png")
        for label in ("name", "distance (km)", "country"):
            box = table.locator("th").filter(has_text=label).first.bounding_box()
            assert box is not None, label
            assert box["width"] > 0, label
            assert box["x"] >= 0, (label, box)
            assert box["x"] + box["width"] <= width, (label, box)
        frame = table.locator(".frame")
        assert frame.evaluate("(f) => f.scrollWidth <= f.clientWidth"), "horizontal scroll"
        for metric in page.locator("[data-testid=stMetricValue]").all():
            assert metric.evaluate("(m) => m.scrollWidth <= m.clientWidth"), metric.inner_text()
        # The dropped columns' cells show on hovering the row.
        title = table.locator("tbody tr").first.get_attribute("title")
        assert "from site: " in title
        assert "azimuth (°): " in title
    finally:
        context.close()


def test_a_moved_auto_named_site_is_named_after_its_new_position(page, app_url):
    open_map(page, f"{app_url}/?mode=claimed&site=49.9371,9.97634,", "truth-auto-name")
    click(page, *to_screen(page, 9.97634, 49.9371))
    page.get_by_label("Lat °N").fill("52.52")
    page.get_by_label("Lon °E").fill("13.405")
    page.get_by_label("Lon °E").press("Enter")
    page.wait_for_function(
        "() => new URL(location.href).searchParams.get('site')?.startsWith('52.52,13.405,')",
        timeout=30_000,
    )
    settle(page)
    (site,) = parse_qs(urlsplit(page.url).query)["site"]
    assert site == "52.52,13.405,Site at 52.52, 13.405"
    # The export names it so too (a stale name reached tooltips, tables and exports).
    exported = json.loads(downloaded(page, "Coverage as GeoJSON (RFC 7946)"))
    names = {f["properties"]["site_name"] for f in exported["features"]}
    assert names == {"Site at 52.52, 13.405"}
