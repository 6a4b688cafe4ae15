"""The map as it looks in Streamlit's dark theme and on a phone: its toolbar's text readable
(WCAG AA contrast, measured on the pixels drawn) and every button wholly in view."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from harness.browser import ARTIFACTS
from harness.contrast import AA_TEXT, relative_luminance, text_contrast
from harness.mapview import click, open_map, to_screen

pytestmark = pytest.mark.e2e

KAPUSTIN_YAR = (45.74, 48.58)  # lon, lat
ONE_SITE = "?mode=both&site=48.58,45.74,Kapustin Yar"


@pytest.fixture
def themed_page(browser: Browser, request) -> Iterator[Page]:
    """A page at 1400×900 in the colour scheme ``request.param`` ("light" or "dark"), which
    Streamlit's default theme follows."""
    context = browser.new_context(
        viewport={"width": 1400, "height": 900}, color_scheme=request.param
    )
    page = context.new_page()
    page.console_errors = []  # type: ignore[attr-defined]
    page.on(
        "console",
        lambda m: m.type == "error" and page.console_errors.append(m.text),  # type: ignore[attr-defined]
    )
    yield page
    context.close()


def toolbar_contrasts(page: Page) -> dict[str, float]:
    """Each visible, enabled toolbar control and text, by what it says: its text's contrast."""
    bar = page.locator(".deckmap .bar")
    ratios = {}
    for element in bar.locator("button, input, .hint").all():
        if not element.is_visible() or element.is_disabled():
            continue
        label = element.input_value() if element.evaluate("(e) => e.tagName") == "INPUT" else ""
        ratios[label or element.inner_text()] = text_contrast(page, element)
    return ratios


@pytest.mark.parametrize("themed_page", ["dark", "light"], indirect=True)
def test_toolbar_text_has_aa_contrast_in_both_themes(themed_page, app_url):
    page = themed_page
    dark = page.evaluate("() => matchMedia('(prefers-color-scheme: dark)').matches")
    name = "dark" if dark else "light"
    open_map(page, f"{app_url}/{ONE_SITE}", f"theme-{name}")
    # The theme is in effect: the page's ground is dark in the dark theme, light in the light.
    ground = page.evaluate(
        "() => getComputedStyle(document.querySelector('.stApp')).backgroundColor"
    )
    rgb = [int(v) for v in ground[ground.index("(") + 1 : ground.index(")")].split(",")[:3]]
    assert (relative_luminance(rgb) < 0.2) == dark, ground

    # Nothing selected: "+ Add site", "Measure" and the hint.
    idle = toolbar_contrasts(page)
    assert {"+ Add site", "Measure"} <= idle.keys(), idle
    # A site selected: its name, coordinates, "Move" and "Remove" too.
    click(page, *to_screen(page, *KAPUSTIN_YAR))
    page.locator(".deckmap .bar").get_by_text("Kapustin Yar", exact=True).wait_for()
    selected = toolbar_contrasts(page)
    assert {"Kapustin Yar", "48.5800", "45.7400", "Move", "Remove"} <= selected.keys(), selected
    # Adding: the pressed button.
    page.locator(".deckmap .bar").get_by_role("button", name="+ Add site").click()
    pressed = toolbar_contrasts(page)
    page.locator(".deckmap .bar").screenshot(path=ARTIFACTS / f"toolbar-{name}.png")
    page.keyboard.press("Escape")

    for state, ratios in (("idle", idle), ("selected", selected), ("adding", pressed)):
        low = {text: round(r, 2) for text, r in ratios.items() if r < AA_TEXT}
        assert not low, f"{name} theme, {state}: below {AA_TEXT}:1: {low}"
    assert page.console_errors == []


# Each toolbar control and each camera control over the map: whether its box lies wholly
# inside the bar (or the map's view) and the map, and its text wholly inside its box (a button
# whose text overflows shows "R" for "Remove").
CLIPPED_CONTROLS = """() => {
  const root = window.__deckmapTest.element();
  const bar = root.querySelector('.bar').getBoundingClientRect();
  const view = root.querySelector('.view').getBoundingClientRect();
  const map = root.getBoundingClientRect();
  const clipped = [];
  const controls = root.querySelectorAll('.bar button, .bar input, .bar .hint, .camera button');
  for (const control of controls) {
    const box = control.getBoundingClientRect();
    if (box.width === 0 && control.matches('.hint')) continue;
    const inside = (outer) => box.left >= outer.left - 0.5 && box.right <= outer.right + 0.5
      && box.top >= outer.top - 0.5 && box.bottom <= outer.bottom + 0.5;
    const fits = control.scrollWidth <= control.clientWidth + 1
      && control.scrollHeight <= control.clientHeight + 1;
    if (!inside(control.closest('.camera') ? view : bar) || !inside(map) || !fits) {
      clipped.push(control.textContent || control.getAttribute('aria-label'));
    }
  }
  return clipped;
}"""


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A 390×844 phone screen at device pixel ratio 2, with touch."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    yield page
    context.close()


def test_phone_toolbar_shows_every_button_whole_and_the_map_first(phone, app_url):
    page = phone
    open_map(page, f"{app_url}/", "phone")
    bar = page.locator(".deckmap .bar")
    # The default page: the hint is whole ("Drag a site, or click one to edit it.").
    assert page.evaluate(CLIPPED_CONTROLS) == []
    assert bar.locator(".hint").inner_text().endswith("edit it.")
    # The map comes first: all of it on the first screen, under the title.
    view = page.locator(".deckmap").bounding_box()
    assert view["y"] + view["height"] <= 844, view
    assert view["height"] >= 500, view
    # Drawn at the screen's pixel ratio (2, under the cap): sharp, not stretched.
    ratio = page.evaluate(
        """() => { const c = window.__deckmapTest.element().querySelector('canvas.top');
                   return c.width / c.clientWidth; }"""
    )
    assert ratio == pytest.approx(2, abs=0.01)

    # Every state of the bar: a site selected, adding, measuring, picking a target.
    heights = {bar.bounding_box()["height"]}
    page.evaluate("() => window.__deckmapTest.element().querySelector('canvas.top').focus()")
    page.keyboard.press("n")
    bar.get_by_role("button", name="Remove", exact=True).wait_for()
    assert page.evaluate(CLIPPED_CONTROLS) == []
    heights.add(bar.bounding_box()["height"])
    bar.get_by_role("button", name="+ Add site").click()
    assert page.evaluate(CLIPPED_CONTROLS) == []
    heights.add(bar.bounding_box()["height"])
    page.keyboard.press("Escape")
    bar.get_by_role("button", name="Measure").click()
    assert page.evaluate("() => window.__deckmapTest.mode()") == "measuring"
    assert page.evaluate(CLIPPED_CONTROLS) == []
    heights.add(bar.bounding_box()["height"])
    page.locator(".deckmap").screenshot(path=ARTIFACTS / "phone-measuring-map.png")
    page.keyboard.press("Escape")
    bar.get_by_role("button", name="Target").click()
    assert page.evaluate("() => window.__deckmapTest.mode()") == "targeting"
    assert page.evaluate(CLIPPED_CONTROLS) == []
    heights.add(bar.bounding_box()["height"])
    page.keyboard.press("Escape")
    # The bar kept its height throughout, so the map under it never moved.
    assert len(heights) == 1, heights
