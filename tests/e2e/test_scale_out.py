"""Two app processes behind nginx (deploy/): one dies mid-session, and the page reconnects
through the proxy to the other with its map and its link intact."""

from __future__ import annotations

import subprocess
from urllib.parse import parse_qs, urlsplit

import pytest

from deploy.scale_out import scale_out
from harness.server import free_port

pytestmark = pytest.mark.e2e

SITES = "() => window.__deckmapTest && window.__deckmapTest.sites()"


def connected(port: int) -> bool:
    """Whether the app on ``port`` has an open connection from the proxy (a websocket)."""
    found = subprocess.run(
        ["ss", "-Htn", "state", "established", f"( sport = :{port} )"],
        capture_output=True,
        text=True,
    )
    return bool(found.stdout.strip())


def serving_port(ports: list[int]) -> int:
    """The app port that holds the page's websocket."""
    busy = [port for port in ports if connected(port)]
    assert len(busy) == 1, busy
    return busy[0]


def wait_for_site(page, lat: float, lon: float) -> None:
    page.wait_for_function(
        f"""() => {{
            const sites = ({SITES})();
            return sites && sites.length === 1 && sites[0].lat === {lat} && sites[0].lon === {lon}
                && new URL(location.href).searchParams.get('site')?.startsWith('{lat},{lon},');
        }}""",
        timeout=60_000,
    )


def test_a_process_killed_mid_session_loses_nothing(browser, tmp_path):
    ports = [free_port(), free_port()]
    with scale_out(free_port(), ports, tmp_path / "run") as cluster:
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        page = context.new_page()
        page.goto(f"{cluster.url}/?mode=claimed&ring=1000&site=48.58,45.74,KY")
        wait_for_site(page, 48.58, 45.74)
        move = "(edit) => window.__deckmapTest.sendEdit(edit)"
        page.evaluate(
            move, {"action": "move", "id": "0", "lat": 50, "lon": 40, "from": [48.58, 45.74]}
        )
        wait_for_site(page, 50, 40)
        link = page.url

        victim = serving_port(ports)
        cluster.apps[victim].kill()
        cluster.apps[victim].wait(timeout=10)
        # Streamlit's page reconnects by itself; the proxy sends it to the process left.
        survivor = next(port for port in ports if port != victim)
        for _ in range(120):
            if connected(survivor):
                break
            page.wait_for_timeout(500)
        assert connected(survivor), "the page did not reconnect through the proxy"
        wait_for_site(page, 50, 40)
        assert parse_qs(urlsplit(page.url).query) == parse_qs(urlsplit(link).query)
        assert "1000" in parse_qs(urlsplit(page.url).query)["ring"]

        # The new session works: a second move goes through the process left.
        page.evaluate(move, {"action": "move", "id": "0", "lat": 51, "lon": 41, "from": [50, 40]})
        wait_for_site(page, 51, 41)
        context.close()


def test_a_drop_just_before_the_connection_drops_is_not_lost(browser, tmp_path):
    ports = [free_port(), free_port()]
    with scale_out(free_port(), ports, tmp_path / "run") as cluster:
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        page = context.new_page()
        page.goto(f"{cluster.url}/?mode=claimed&site=48.58,45.74,KY")
        wait_for_site(page, 48.58, 45.74)
        victim = serving_port(ports)
        cluster.apps[victim].kill()
        cluster.apps[victim].wait(timeout=10)
        # The drop leaves while the connection is going: no process answers it.
        page.evaluate(
            "(edit) => window.__deckmapTest.sendEdit(edit)",
            {"action": "move", "id": "0", "lat": 50, "lon": 40, "from": [48.58, 45.74]},
        )
        # The page reconnects to the process left, which sees the drop when the map sends it
        # again: the site ends where it was dropped, on the map and in the link.
        wait_for_site(page, 50, 40)
        context.close()
