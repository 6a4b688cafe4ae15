"""A link of more than 1,000 parameters in a real page: its first 500 sites open, with a notice."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

pytestmark = pytest.mark.e2e

SITES = [f"{10 + i * 0.05:.2f},{20 + i * 0.05:.2f},S{i}" for i in range(1200)]


def test_a_link_streamlit_ignores_opens_the_sites_that_fit(page, app_url):
    query = urlencode([("mode", "claimed"), *(("site", s) for s in SITES)])
    page.goto(f"{app_url}/?{query}")
    page.locator("[data-testid=stAlert]", has_text="1,201 parameters").wait_for(timeout=60_000)
    page.wait_for_function(
        "() => window.__deckmapTest && window.__deckmapTest.sites().length === 500",
        timeout=60_000,
    )
    assert page.evaluate("() => window.__deckmapTest.sites()[499].name") == "S499"
    page.wait_for_function("() => location.search.split('&').length < 1000", timeout=30_000)
    link = parse_qs(urlsplit(page.url).query)
    assert [value.split(",")[2] for value in link["site"]] == [f"S{i}" for i in range(500)]
    assert link["mode"] == ["claimed"]
