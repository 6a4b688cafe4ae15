"""User text quoted in the page's notices is plain text: no link, emoji or markup, as typed.

Streamlit renders notices as GitHub-flavoured Markdown, which turns bare URLs, ``www.`` names
and e-mail addresses into links even when every Markdown character is escaped; only the real
renderer in a browser shows whether one slipped through.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest

pytestmark = pytest.mark.e2e

ALERTS = "[data-testid=stAlert]"


def alerts(page) -> list[dict]:
    """Each notice's text and how many links it holds."""
    return page.eval_on_selector_all(
        ALERTS,
        "els => els.map(e => ({text: e.innerText, links: e.querySelectorAll('a').length}))",
    )


def wait_for_alert(page, text: str) -> list[dict]:
    page.locator(ALERTS, has_text=text).first.wait_for(timeout=30_000)
    return alerts(page)


def test_urls_in_link_values_are_shown_as_plain_text(page, app_url):
    system = "see http://evil.example/login now :smile: a@evil.example"
    page.goto(f"{app_url}/?system={quote(system)}&ring={quote('http://evil.example')}")
    shown = wait_for_alert(page, "Unknown system")
    assert sum(a["links"] for a in shown) == 0, shown
    texts = "\n".join(a["text"] for a in shown)
    assert f"Unknown system '{system}' in the link" in texts
    assert "ring 'http://evil.example' is not a number of km" in texts
    assert page.locator(f"{ALERTS} img, {ALERTS} a").count() == 0


def test_urls_typed_or_imported_are_shown_as_plain_text(page, app_url):
    page.goto(f"{app_url}/?mode=claimed")
    field = page.get_by_label("Add a site by coordinates")
    field.fill("see www.evil.example")
    page.get_by_role("button", name="Add site", exact=True).click()
    shown = wait_for_alert(page, "Could not add the site")
    assert sum(a["links"] for a in shown) == 0, shown
    assert any("'see www.evil.example'" in a["text"] for a in shown), shown

    page.get_by_text("Import sites (CSV or GeoJSON)").click()
    page.get_by_label("Paste").fill("http://evil.example/login,10,10\nwww.evil.example,x,1")
    page.get_by_role("button", name="Import", exact=True).click()
    shown = wait_for_alert(page, "row 2")
    assert sum(a["links"] for a in shown) == 0, shown
