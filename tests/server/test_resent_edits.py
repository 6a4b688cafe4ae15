"""A map edit sent again (the page missed the answer, e.g. across a reconnection) is applied
once, and every run tells the page which edit it answered last and in which session."""

from __future__ import annotations

from harness.wsclient import Session
from tests.server.conftest import run

ADD = {"action": "add", "id": None, "lat": 10, "lon": 20, "from": None, "key": "page-1"}


def test_an_edit_sent_twice_is_applied_once(app_url):
    async def twice():
        session = Session(app_url)
        opened = await session.open("mode=claimed&site=48.58,45.74,KY")
        first = await session.edit(ADD)
        again = await session.edit(ADD)
        other = Session(app_url)
        elsewhere = await other.open("mode=claimed&site=48.58,45.74,KY")
        await session.close()
        await other.close()
        return opened, first, again, elsewhere

    opened, first, again, elsewhere = run(twice())
    assert opened.map_data["edit_key"] is None
    assert len(first.map_data["sites"]) == len(again.map_data["sites"]) == 2
    assert first.map_data["edit_key"] == again.map_data["edit_key"] == "page-1"
    assert first.map_data["session"] == opened.map_data["session"]
    assert elsewhere.map_data["session"] != opened.map_data["session"]
