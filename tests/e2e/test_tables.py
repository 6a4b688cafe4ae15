"""The coverage tables in headless Chromium: a click on a header sorts, and the sort stays."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from harness.browser import ARTIFACTS
from harness.mapview import open_map, settle

pytestmark = pytest.mark.e2e

PLACES = ".st-key-places_table"
SHARES = ".st-key-shares_table"


def column(page: Page, table: str, label: str) -> list[str]:
    """The cells of the column headed ``label``, top to bottom, as shown."""
    headers = page.locator(f"{table} th").all_text_contents()
    index = [h.strip() for h in headers].index(label) + 1
    return page.locator(f"{table} tbody tr td:nth-child({index})").all_text_contents()


def numbers(cells: list[str]) -> list[float]:
    return [float(c.replace(",", "").removesuffix(" %")) for c in cells]


def test_a_click_on_a_header_sorts_the_table_and_the_sort_survives_a_rerun(page, app_url):
    open_map(page, f"{app_url}/?mode=claimed", "tables")
    distances = numbers(column(page, PLACES, "distance (km)"))
    assert len(distances) > 20
    assert distances == sorted(distances)  # nearest first, as sent

    header = page.locator(f"{PLACES} th").filter(has_text="population")
    header.get_by_role("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    population = numbers(column(page, PLACES, "population"))
    assert population == sorted(population)
    header.get_by_role("button").click()
    assert header.get_attribute("aria-sort") == "descending"
    population = numbers(column(page, PLACES, "population"))
    assert population == sorted(population, reverse=True)
    page.screenshot(path=ARTIFACTS / "tables-sorted-page.png", full_page=True)

    # Another view: new rows, the same sort.
    page.get_by_text("Alleged", exact=True).click()
    page.wait_for_function(
        "() => new URL(location.href).searchParams.get('mode') === 'alleged'", timeout=30_000
    )
    settle(page)
    assert header.get_attribute("aria-sort") == "descending"
    population = numbers(column(page, PLACES, "population"))
    assert population == sorted(population, reverse=True)
    assert len(population) == 100  # the table's cap; the alleged band holds thousands

    shares = page.locator(f"{SHARES} th").filter(has_text="share of country")
    shares.get_by_role("button").click()
    share = numbers(column(page, SHARES, "share of country"))
    assert share == sorted(share)
    assert share[-1] > 0
