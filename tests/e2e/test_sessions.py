"""Five browser sessions on one app server, editing and exporting at the same time.

Each Playwright context is its own Streamlit session with its own site. Playwright's sync API is
single-threaded, so the sessions take turns, but no session waits for its own result before the
next one acts: five drags; five exports, then five more one after another; five exports each
followed by an add by click; five exports one after another. So the server reruns sessions and
builds files at the same time. After every action each session must see exactly its own sites,
in its URL, on its map and in its exports; at the end no browser console and no server log line
may report an error. The one-minute runs with memory readings are ``bench/sessions.py``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Download, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from harness.browser import ARTIFACTS
from harness.mapview import (
    EUROPE_VIEW,
    EXPORT_BUTTON,
    SETTLED,
    Sites,
    click,
    degrees_per_pixel,
    drag,
    to_screen,
    url_sites,
)
from harness.server import BAD_LOG_LINE

pytestmark = pytest.mark.e2e

SESSIONS = 5
SERVER_LOG = ARTIFACTS / "server.log"


@dataclass
class Session:
    """One browser context: its page, what it should hold, and what went wrong in it."""

    index: int
    page: Page
    expected: list[str]
    url: str = ""
    console_errors: list[str] = field(default_factory=list)
    downloads: list[Download] = field(default_factory=list)
    media_statuses: list[int] = field(default_factory=list)
    exports: int = 0

    @property
    def name(self) -> str:
        return f"User{self.index}"


def start(browser: Browser, app_url: str, index: int, lat: float, lon: float) -> Session:
    """Open a context on a one-site link and start loading it (without waiting for the map)."""
    context = browser.new_context(viewport={"width": 1100, "height": 800}, accept_downloads=True)
    page = context.new_page()
    session = Session(index, page, expected=[f"User{index}"])
    page.on("console", lambda m: m.type == "error" and session.console_errors.append(m.text))
    page.on("pageerror", lambda exc: session.console_errors.append(f"pageerror: {exc}"))
    page.on("download", lambda download: session.downloads.append(download))
    page.on("response", lambda r: "/media/" in r.url and session.media_statuses.append(r.status))
    page.goto(
        f"{app_url}/?mode=claimed&site={lat},{lon},User{index}&{EUROPE_VIEW}", wait_until="commit"
    )
    return session


def wait_settled(session: Session) -> None:
    """Wait until the session's last action has been applied by Python and drawn by the map."""
    try:
        session.page.wait_for_function(SETTLED, arg=session.url, timeout=180_000, polling=250)
    except PlaywrightTimeoutError:
        shot = ARTIFACTS / f"sessions-{session.index}-stuck.png"
        session.page.screenshot(path=shot, full_page=True)
        raise AssertionError(
            f"{session.name} never settled at {session.page.url}; see {shot}"
        ) from None
    session.url = session.page.url


def map_sites(page: Page) -> Sites:
    rows = page.evaluate("() => window.__deckmapTest.sites().map((s) => [s.lat, s.lon, s.name])")
    return [tuple(row) for row in rows]


def check_own_sites(session: Session, sessions: list[Session]) -> Sites:
    """The URL and the map hold exactly this session's sites, and never another session's."""
    in_url = url_sites(session.page)
    on_map = map_sites(session.page)
    others = {s.name for s in sessions if s is not session}
    names = [name for _, _, name in in_url + on_map]
    leaked = sorted({n for n in names if n.removesuffix(" (moved)") in others})
    assert leaked == [], f"{session.name} sees another session's sites: {leaked}"
    assert [name for _, _, name in in_url] == session.expected, session.name
    assert on_map == in_url, session.name
    return in_url


def near(site: tuple[float, float, str], session: Session, lon: float, lat: float) -> bool:
    """Whether ``site`` is where the mouse left it (within two screen pixels of ground)."""
    slack_lon, slack_lat = degrees_per_pixel(session.page, lon, lat)
    return abs(site[1] - lon) <= 2 * slack_lon and abs(site[0] - lat) <= 2 * slack_lat


def start_export(session: Session) -> None:
    """Click the session's GeoJSON export (the download arrives later)."""
    session.page.get_by_role("button", name=EXPORT_BUTTON).click()


def exported_sites(session: Session) -> Sites:
    """Wait for the session's next download; the (lat, lon, name) of its sites, in order.

    A download the server fails to build never arrives; Streamlit shows why under the button.
    """
    page = session.page
    failure = page.get_by_test_id("stDownloadButtonError")
    for _ in range(1800):
        if len(session.downloads) > session.exports or failure.count():
            break
        page.wait_for_timeout(100)
    assert failure.count() == 0, f"{session.name}'s export failed: {failure.first.inner_text()}"
    assert len(session.downloads) == session.exports + 1, f"{session.name}: no single download"
    session.exports += 1
    download = session.downloads[-1]
    # A file the server dropped before the browser fetched it (a 404) ends as "canceled".
    assert download.failure() is None, (
        f"{session.name}'s export download failed ({download.failure()}); "
        f"HTTP statuses of its /media/ requests: {session.media_statuses}"
    )
    path = ARTIFACTS / f"sessions-{session.index}-export-{session.exports}.geojson"
    download.save_as(path)
    props = [f["properties"] for f in json.loads(path.read_text())["features"]]
    return list(dict.fromkeys((p["site_lat"], p["site_lon"], p["site_name"]) for p in props))


def add_by_click(session: Session, lat: float, lon: float) -> None:
    """Press "+ Add site", then click the map at (lat, lon).

    Under load deck.gl's gesture recogniser sometimes does not take a click as a tap; the map
    then stays in adding mode and has sent nothing, so clicking again adds one site, not two.
    """
    page = session.page
    page.locator(".deckmap").scroll_into_view_if_needed()  # an export click scrolls down
    adding = page.locator(".deckmap").get_by_role("button", name="+ Add site")
    adding.click()
    for _ in range(3):
        click(page, *to_screen(page, lon, lat))
        try:
            page.wait_for_function(
                "() => window.__deckmapTest.mode() !== 'adding'", timeout=5_000, polling=100
            )
            return
        except PlaywrightTimeoutError:
            continue
    raise AssertionError(f"{session.name}: the map never took the click that adds a site")


def server_log_from(offset: int) -> list[str]:
    with Path(SERVER_LOG).open(encoding="utf-8", errors="replace") as log:
        log.seek(offset)
        return log.read().splitlines()


def test_five_sessions_edit_and_export_without_seeing_each_other(browser, app_url):
    log_offset = SERVER_LOG.stat().st_size
    # Session i starts at its own place; each moves and adds at places no other session uses.
    starts = [(44.0, 22.0 + 10 * i) for i in range(SESSIONS)]  # (lat, lon)
    moves = [(56.0, 25.0 + 10 * i) for i in range(SESSIONS)]
    additions = [(38.0, 28.0 + 10 * i) for i in range(SESSIONS)]
    sessions = [start(browser, app_url, i, *starts[i]) for i in range(SESSIONS)]

    try:
        for session in sessions:
            wait_settled(session)
            ((lat, lon, _),) = check_own_sites(session, sessions)
            assert (lat, lon) == starts[session.index]

        # Round 1: every session drags its site to its own target.
        for session in sessions:
            page = session.page
            (lat, lon), (to_lat, to_lon) = starts[session.index], moves[session.index]
            drag(page, to_screen(page, lon, lat), to_screen(page, to_lon, to_lat), steps=3)
            session.expected = [f"{session.name} (moved)"]
        for session in sessions:
            wait_settled(session)
            (moved,) = check_own_sites(session, sessions)
            assert near(moved, session, *moves[session.index][::-1]), (session.name, moved)

        # Round 2: all five export before any download is awaited; then one after another,
        # each clicked while the previous click's rerun runs.
        for session in sessions:
            start_export(session)
        for session in sessions:
            assert exported_sites(session) == url_sites(session.page), session.name
        for session in sessions:
            start_export(session)
            assert exported_sites(session) == url_sites(session.page), session.name

        # Round 3: each exports and adds a site by clicking the map, so files are built while
        # other sessions rerun; an export holds the sites shown when it was clicked.
        shown = {session.name: url_sites(session.page) for session in sessions}
        for session in sessions:
            start_export(session)
            add_by_click(session, *additions[session.index])
        for session in sessions:
            assert exported_sites(session) == shown[session.name], session.name
        for session in sessions:
            wait_settled(session)
            added = url_sites(session.page)[-1]
            session.expected.append(added[2])
            assert added[2].startswith("Site at "), (session.name, added)
            assert near(added, session, *additions[session.index][::-1]), (session.name, added)
            check_own_sites(session, sessions)

        # Round 4: one export after another again, now with two sites each.
        for session in sessions:
            start_export(session)
            assert exported_sites(session) == url_sites(session.page), session.name
    finally:
        for session in sessions:
            session.page.context.close()

    assert {s.name: s.console_errors for s in sessions} == {s.name: [] for s in sessions}
    bad = [line for line in server_log_from(log_offset) if BAD_LOG_LINE.search(line)]
    assert bad == [], "the server log reports errors; see tests/artifacts/server.log"
