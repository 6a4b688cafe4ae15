"""What the map shows over itself: a scale bar true at the map's centre (WGS84, geodesic) that
says where it is true, and a compact legend whose names, colours and sources are the page's."""

from __future__ import annotations

import re

import pytest
from pyproj import Geod

from geo import data, rings_for
from geo.style import CAPITAL_COLOUR, CITY_COLOUR, ROLE_COLOURS, SITE_COLOUR
from harness.mapview import click, open_map, settle, to_screen

pytestmark = pytest.mark.e2e

WGS84 = Geod(ellps="WGS84")

# The scale bar's rule, its label, and the ground its rule spans at the centre of the view
# (deck.gl's own projection): the rule's width eastwards from the centre pixel, unprojected.
SCALE_BAR = """() => {
  const root = window.__deckmapTest.element();
  const bar = root.querySelector('.scalebar');
  const view = root.querySelector('.view').getBoundingClientRect();
  const rule = bar.querySelector('.rule').getBoundingClientRect().width;
  const x = view.left + view.width / 2, y = view.top + view.height / 2;
  const centre = window.__deckmapTest.unproject([x, y]);
  const east = window.__deckmapTest.unproject([x + rule, y]);
  return {label: bar.textContent, hidden: bar.hidden, rule, centre, east};
}"""


def km_in(label: str) -> float:
    value, unit = re.match(r"([\d,.]+) (km|m)", label).groups()
    return float(value.replace(",", "")) * (1 if unit == "km" else 0.001)


def test_scale_bar_is_true_at_the_centre_and_says_where(page, app_url):
    open_map(page, f"{app_url}/?mode=claimed&site=48.58,45.74,KY", "scale-bar")
    shown = page.evaluate(SCALE_BAR)
    assert not shown["hidden"]
    (clon, clat), (elon, elat) = shown["centre"], shown["east"]
    _, _, ground_m = WGS84.inv(clon, clat, elon, elat)
    # The rule spans its label's length on the ground (to a pixel of its ~100).
    assert km_in(shown["label"]) == pytest.approx(ground_m / 1000, rel=0.02), shown
    assert 40 <= shown["rule"] <= 100
    # It says at which latitude (Mercator's scale grows with it).
    assert shown["label"].endswith(f"at {abs(clat):.0f}° {'N' if clat >= 0 else 'S'}"), shown

    # Panned north, the bar follows: true at the new centre.
    page.get_by_role("application", name="Range map").focus()
    for _ in range(6):
        page.keyboard.press("ArrowUp")
    settle(page)
    north = page.evaluate(SCALE_BAR)
    assert north["centre"][1] > clat + 3
    _, _, ground_m = WGS84.inv(*north["centre"], *north["east"])
    assert km_in(north["label"]) == pytest.approx(ground_m / 1000, rel=0.02), north
    assert north["label"].endswith(f"at {north['centre'][1]:.0f}° N"), north


def test_scale_bar_on_the_globe_is_true_at_its_centre(page, app_url):
    open_map(page, f"{app_url}/?mode=claimed&site=48.58,45.74,KY&view=globe", "scale-globe")
    shown = page.evaluate(SCALE_BAR)
    _, _, ground_m = WGS84.inv(*shown["centre"], *shown["east"])
    assert km_in(shown["label"]) == pytest.approx(ground_m / 1000, rel=0.02), shown
    assert shown["label"].endswith("at the centre"), shown


def test_map_legend_has_the_pages_names_colours_and_sources(page, app_url):
    open_map(page, f"{app_url}/?mode=both&est=1", "legend")
    rows = page.evaluate("""() => [...window.__deckmapTest.element()
        .querySelectorAll('.legend li')].map((li) => ({
          label: li.textContent, title: li.title,
          colour: getComputedStyle(li.querySelector('.swatch')).backgroundColor,
          image: getComputedStyle(li.querySelector('.swatch')).backgroundImage}))""")
    assert page.locator(".deckmap .legend").evaluate("(d) => d.open")
    rings, _ = rings_for(data.system("9M729"), "both", estimates=True, extra_km=())
    ring_rows = rows[: len(rings)]
    for ring, row in zip(rings, ring_rows, strict=True):
        assert row["label"] == ring.label
        assert row["colour"] == "rgb({}, {}, {})".format(*ROLE_COLOURS[ring.role])
        assert row["title"] == f"Source: {ring.source}"
        # The same name and source, in full, in the legend under the map.
        below = page.get_by_test_id("stMarkdownContainer").filter(has_text=ring.label)
        assert below.filter(has_text=ring.source).count() == 1
    assert [r["label"] for r in rows[len(rings) :]] == [
        "launch site",
        "capital",
        "city (largest 300)",
    ]
    # Each mark is drawn as its dot, in the map's colour for it.
    for row, colour in zip(
        rows[len(rings) :], (SITE_COLOUR, CAPITAL_COLOUR, CITY_COLOUR), strict=True
    ):
        assert "radial-gradient" in row["image"], row
        assert "rgb({}, {}, {})".format(*colour) in row["image"], row
    # Folded by its title, and opened again.
    page.locator(".deckmap .legend summary").click()
    assert not page.locator(".deckmap .legend li").first.is_visible()
    page.locator(".deckmap .legend summary").click()
    assert page.locator(".deckmap .legend li").first.is_visible()


def test_map_legend_shows_only_once_there_is_a_site(page, app_url):
    # No site: no ring or dot on the map, so no legend over it.
    open_map(page, f"{app_url}/?mode=both&est=1&site=", "legend-no-site")
    legend = page.locator(".deckmap .legend")
    assert legend.is_hidden()
    # A site added on the map: its rings, and the legend, open on a wide map.
    page.locator(".deckmap").get_by_role("button", name="+ Add site").click()
    click(page, *to_screen(page, 45.0, 50.0))
    page.wait_for_function(
        "() => new URL(location.href).searchParams.getAll('site').some((v) => v !== '')",
        timeout=30_000,
    )
    settle(page)
    assert legend.is_visible()
    assert legend.evaluate("(d) => d.open")
    assert legend.locator("li").filter(has_text="Estimate 2,350 km").is_visible()
