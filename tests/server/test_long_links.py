"""Links of more than 1,000 parameters, which Streamlit hands the app as no parameter at all:
the page reports its address, and the app keeps what fits, with a notice."""

from __future__ import annotations

from urllib.parse import urlencode

from harness.wsclient import Session
from tests.server.conftest import run

SITES = [f"{10 + i * 0.05:.2f},{20 + i * 0.05:.2f},S{i}" for i in range(1200)]
LONG_QUERY = urlencode([("mode", "claimed"), *(("site", s) for s in SITES), ("ring", "1000")])


def test_a_link_of_1200_sites_opens_its_first_500_with_a_notice(app_url):
    async def open_long_link():
        session = Session(app_url)
        # Streamlit drops the whole query string: the first run sees an empty link.
        first = await session.open(LONG_QUERY)
        fields = LONG_QUERY.count("&") + 1
        report = session.trigger_states("longlink", "link", {"fields": fields, "query": LONG_QUERY})
        second = await session.rerun(report)
        await session.close()
        return first, second

    first, second = run(open_long_link())
    assert "longlink" in first.components
    assert first.query_string is None, "the first run leaves the link as it is"
    names = [site["name"] for site in second.map_data["sites"]]
    assert names == [f"S{i}" for i in range(500)]
    assert any("1,202 parameters" in alert for alert in second.alerts), second.alerts
    assert any("only the first 500" in alert for alert in second.alerts), second.alerts
    assert {row["short_label"] for row in second.map_data["rings"]} == {"480 km", "1,000 km"}
    assert second.query_string.count("site=") == 500
    assert second.exceptions == []


def test_a_short_link_is_not_read_twice(app_url):
    async def open_default_page():
        session = Session(app_url)
        first = await session.open("")
        report = session.trigger_states("longlink", "link", {"fields": 0, "query": ""})
        second = await session.rerun(report)
        await session.close()
        return first, second

    first, second = run(open_default_page())
    assert len(second.map_data["sites"]) == len(first.map_data["sites"]) == 4
    assert second.alerts == []
    assert "site=" in second.query_string
