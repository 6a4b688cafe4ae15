"""Many users: five browser sessions drag and export for a minute, twice.

Run by hand (``.venv/bin/python bench/sessions.py [--seconds 60] [--sessions 5] [--mouse]``);
the table goes into ``docs/benchmarks.md`` ("Many users"). Starts the app on a free port (server
log in ``tests/artifacts/bench-sessions-server.log``) and opens one Playwright context per user
in Debian's headless Chromium (CPU WebGL), each on its own one-site link (``site=…,User<i>``,
``mode=both`` by default: five radii and three bands per site, so every drop makes many keys).

Every user works on its own: as soon as its last action is over it starts the next, so the
server always has up to five sessions to serve. Three actions in four drop the user's site at a
random point (random floats: positions never repeat, so every drop makes new cache keys), the
fourth clicks the GeoJSON export. A drop is sent as the map sends one when the mouse is
released (the ``edit`` trigger with the site's id and start position): a real mouse drag costs
~3 s of CPU WebGL here and would leave the server idle; ``--mouse`` drags with the mouse
instead (real drags are tested in ``tests/e2e/test_sessions.py``). A drop is over when the URL
and the map agree on the new position, an export when its download is in or its error shown; an
action not over after two minutes counts as hung and the page is reloaded.

Reported: the server process's resident memory (``VmRSS``; psutil if installed) after a warm-up,
the peak during and the level after each of two runs of the same users; drops (reruns from
drags) and exports done; exports that failed and how; sessions that ever held another's site;
error lines in the server log and browser console errors; websocket bytes per drop at the start
and end (what a rerun sends a browser; it grows when per-session state grows with every drop).
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import statistics
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, Download, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from harness.browser import ARTIFACTS, launch  # noqa: E402
from harness.mapview import EXPORT_BUTTON, SETTLED, drag, to_screen, url_sites  # noqa: E402
from harness.server import BAD_LOG_LINE, streamlit_server  # noqa: E402

SERVER_LOG = ARTIFACTS / "bench-sessions-server.log"
EXPORT_EVERY = 4  # rounds
WAIT_MS = 120_000  # a drop or a download not done by then counts as hung
# The label the sidebar's site list gives a moved site whose name is already taken.
OLD_POSITION_LABEL = re.compile(rb"User\d+ \(moved\) \(-?[\d.]+, -?[\d.]+\)")
DROP_LATS, DROP_LONS = (30.0, 65.0), (10.0, 80.0)  # where drops land (the map's initial view)


@dataclass
class User:
    index: int
    page: Page
    url: str = ""
    console_errors: list[str] = field(default_factory=list)
    downloads: list[Download] = field(default_factory=list)
    ws_bytes: int = 0
    foreign: int = 0
    actions: int = 0
    action: str = ""
    mark: int = 0  # websocket bytes (a drop) or downloads (an export) when the action began
    deadline: float = 0.0
    frames: list[bytes] = field(default_factory=list)  # received since the action began
    labels: int = 0  # distinct "User<i> (moved) (lat, lon)" labels the last drop's rerun sent

    @property
    def name(self) -> str:
        return f"User{self.index}"


@dataclass
class Tally:
    """What one phase did."""

    seconds: float = 0.0
    drops: int = 0
    exports: int = 0
    failed: Counter = field(default_factory=Counter)
    hung: int = 0
    drop_bytes: list[int] = field(default_factory=list)
    rss_peak: float = 0.0
    rss_after: float = 0.0


# --- server and memory ---------------------------------------------------------------------


def rss_mb(pid: int) -> float:
    """Resident memory of one process in MB (psutil if installed, else /proc)."""
    try:
        import psutil
    except ImportError:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError(f"no VmRSS for {pid}") from None
    return psutil.Process(pid).memory_info().rss / 2**20


class Sampler(threading.Thread):
    """Reads the server's RSS twice a second; ``peak()`` since the last ``reset()``."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.high = 0.0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.5):
            self.high = max(self.high, rss_mb(self.pid))

    def reset(self) -> None:
        self.high = rss_mb(self.pid)

    def peak(self) -> float:
        return self.high


def settled_rss(pid: int) -> float:
    """RSS once the server is idle: the median of five readings over five seconds."""
    readings = []
    for _ in range(5):
        time.sleep(1)
        readings.append(rss_mb(pid))
    return statistics.median(readings)


# --- users ---------------------------------------------------------------------------------


def open_user(browser: Browser, url: str, index: int, mode: str) -> User:
    context = browser.new_context(viewport={"width": 1100, "height": 800}, accept_downloads=True)
    page = context.new_page()
    user = User(index, page)
    page.on("console", lambda m: m.type == "error" and user.console_errors.append(m.text))
    page.on("pageerror", lambda exc: user.console_errors.append(f"pageerror: {exc}"))
    page.on("download", lambda d: user.downloads.append(d))

    def count(frame: bytes | str) -> None:
        user.ws_bytes += len(frame)
        user.frames.append(frame if isinstance(frame, bytes) else frame.encode())

    page.on("websocket", lambda ws: ws.on("framereceived", count))
    lat, lon = 40.0 + 3 * index, 25.0 + 9 * index
    page.goto(f"{url}/?mode={mode}&site={lat},{lon},User{index}", wait_until="commit")
    return user


def wait_settled(user: User) -> bool:
    try:
        user.page.wait_for_function(SETTLED, arg=user.url, timeout=WAIT_MS, polling=200)
    except PlaywrightTimeoutError:
        return False
    user.url = user.page.url
    names = [name for _, _, name in url_sites(user.page)]
    if names != [f"{user.name} (moved)"] and names != [user.name]:
        user.foreign += 1
    return True


def reload(user: User) -> None:
    """A hung page: start over (a new session, the same link)."""
    user.page.reload(wait_until="commit")
    user.url = ""
    wait_settled(user)


def start_drop(user: User, rng: random.Random, mouse: bool) -> None:
    """Drop the user's site at a random point: with the mouse, or as the map sends a drop."""
    page = user.page
    lat, lon, _ = url_sites(page)[0]
    if mouse:
        page.locator(".deckmap").scroll_into_view_if_needed()
        box = page.locator(".deckmap .view").bounding_box()  # the stacked canvases
        target = (
            box["x"] + box["width"] * rng.uniform(0.2, 0.8),
            box["y"] + box["height"] * rng.uniform(0.2, 0.8),
        )
        drag(page, to_screen(page, lon, lat), target, steps=3)
        return
    edit = {
        "action": "move",
        "id": "0",
        "lat": rng.uniform(*DROP_LATS),
        "lon": rng.uniform(*DROP_LONS),
        "from": [lat, lon],
    }
    page.evaluate("(edit) => window.__deckmapTest.sendEdit(edit)", edit)


def begin(user: User, rng: random.Random, mouse: bool) -> None:
    """Start the user's next action: a drop, or every ``EXPORT_EVERY``-th an export."""
    user.actions += 1
    user.deadline = time.monotonic() + WAIT_MS / 1000
    user.frames = []
    if user.actions % EXPORT_EVERY == 0:
        user.action, user.mark = "export", len(user.downloads)
        user.page.get_by_role("button", name=EXPORT_BUTTON).click()
    else:
        user.action, user.mark = "drop", user.ws_bytes
        start_drop(user, rng, mouse)


def finished(user: User, tally: Tally) -> bool:
    """Whether the user's action is over; if so its outcome is tallied."""
    page = user.page
    if user.action == "drop" and page.evaluate(SETTLED, user.url):
        user.url = page.url
        if [name for _, _, name in url_sites(page)] != [f"{user.name} (moved)"]:
            user.foreign += 1
        tally.drops += 1
        tally.drop_bytes.append(user.ws_bytes - user.mark)
        user.labels = len({m for f in user.frames for m in OLD_POSITION_LABEL.findall(f)})
        return True
    if user.action == "export":
        failure = page.get_by_test_id("stDownloadButtonError")
        if failure.count():
            tally.failed[f"error shown: {failure.first.inner_text()}"] += 1
            failure.first.wait_for(state="detached", timeout=30_000)  # shown for 5 s
            return True
        if len(user.downloads) > user.mark:
            why = user.downloads[-1].failure()
            if why is None:
                tally.exports += 1
            else:
                tally.failed[f"download {why}"] += 1
            return True
    if time.monotonic() > user.deadline:
        if user.action == "drop":
            tally.hung += 1
        else:
            tally.failed["no answer (button spins)"] += 1
        reload(user)
        return True
    return False


def run_phase(
    users: list[User],
    rng: random.Random,
    sampler: Sampler,
    *,
    mouse: bool,
    seconds: float,
    actions: int = 0,
) -> Tally:
    """Every user works on its own: as soon as one action is over it starts the next, for
    ``seconds`` (or ``actions`` actions per user when given)."""
    tally = Tally()
    sampler.reset()
    started = time.monotonic()
    planned = {user.name: user.actions + actions for user in users}

    def more(user: User) -> bool:
        if actions:
            return user.actions < planned[user.name]
        return time.monotonic() - started < seconds

    busy = list(users)
    for user in busy:
        begin(user, rng, mouse)
    while busy:
        for user in list(busy):
            if finished(user, tally):
                if more(user):
                    begin(user, rng, mouse)
                else:
                    busy.remove(user)
        time.sleep(0.05)
    tally.seconds = time.monotonic() - started
    tally.rss_peak = sampler.peak()
    return tally


def log_errors(text: str) -> Counter:
    """Error lines of the server log, by message (timestamps and ids removed)."""
    kinds: Counter = Counter()
    for line in text.splitlines():
        if BAD_LOG_LINE.search(line) and not line.startswith(("Traceback", " ")):
            kinds[re.sub(r"[0-9a-f]{32}|^\S+ \S+ ", "…", line).strip()] += 1
    return kinds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--sessions", type=int, default=5)
    parser.add_argument("--runs", type=int, default=2, help="runs of --seconds each")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--mode", default="both", help="claimed, alleged or both")
    parser.add_argument(
        "--mouse", action="store_true", help="drag with the mouse (~3 s a drag here)"
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)

    ARTIFACTS.mkdir(exist_ok=True)
    with streamlit_server(["-m", "streamlit", "run", "app.py"], SERVER_LOG) as (proc, url):
        sampler = Sampler(proc.pid)
        sampler.start()
        phases: dict[str, Tally] = {}
        try:
            with sync_playwright() as p:
                browser = launch(p)
                users = [open_user(browser, url, i, args.mode) for i in range(args.sessions)]
                t0 = time.monotonic()
                for user in users:
                    if not wait_settled(user):
                        raise RuntimeError(f"{user.name} never loaded")
                print(f"{args.sessions} pages loaded in {time.monotonic() - t0:.0f} s", flush=True)
                # Warm-up: three rounds of drops, one of exports (imports, first cache entries).
                warm = run_phase(
                    users, rng, sampler, mouse=args.mouse, seconds=0, actions=EXPORT_EVERY
                )
                warm.rss_after = settled_rss(proc.pid)
                phases["warm-up"] = warm
                for run in range(1, args.runs + 1):
                    name = f"run {run}"
                    tally = run_phase(users, rng, sampler, mouse=args.mouse, seconds=args.seconds)
                    tally.rss_after = settled_rss(proc.pid)
                    phases[name] = tally
                    print(f"{name}: {tally}", flush=True)
                console = {u.name: u.console_errors for u in users if u.console_errors}
                labels = {u.name: (u.actions, u.labels) for u in users}
                foreign = sum(u.foreign for u in users)
                browser.close()
        finally:
            sampler.stop.set()
    errors = log_errors(SERVER_LOG.read_text(errors="replace"))
    report(phases, args, errors, console, foreign, labels)


def report(
    phases: dict[str, Tally],
    args: argparse.Namespace,
    errors: Counter,
    console: dict,
    foreign: int,
    labels: dict[str, tuple[int, int]],
) -> None:
    print()
    print(f"{args.sessions} sessions, mode={args.mode}, {args.seconds:g} s per run, every")
    print(f"{EXPORT_EVERY}th action an export; RSS in MB (after a phase: median of 5, idle).")
    print()
    print("| phase | s | drops | exports ok | exports failed | hung drops | peak RSS | RSS after |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, t in phases.items():
        failed = sum(t.failed.values())
        peak = f"{t.rss_peak:.0f}" if name != "warm-up" else ""
        print(
            f"| {name} | {t.seconds:.0f} | {t.drops} | {t.exports} | {failed} | {t.hung} "
            f"| {peak} | {t.rss_after:.0f} |"
        )
    names = list(phases)
    print()
    growth = [
        f"{phases[name].rss_after - phases[previous].rss_after:+.0f} MB in {name}"
        for previous, name in itertools.pairwise(names)
    ]
    print(f"- RSS growth: {', '.join(growth)}")
    for name in phases:
        for why, n in phases[name].failed.items():
            print(f"- {name}: {n} export(s) failed: {why}")
    first, last = phases[names[1]].drop_bytes[:10], phases[names[-1]].drop_bytes[-10:]
    if first and last:
        print(
            f"- websocket bytes per drop: median {statistics.median(first) / 1e3:.0f} KB "
            f"(first 10 of {names[1]}), {statistics.median(last) / 1e3:.0f} KB "
            f"(last 10 of {names[-1]})"
        )
    print(
        "- old positions listed in the sidebar's site list at the end (actions done): "
        + ", ".join(f"{name} {n} ({done})" for name, (done, n) in labels.items())
    )
    print(f"- sessions that saw another session's site: {foreign} times")
    print(f"- server log error lines: {sum(errors.values())}")
    for kind, n in errors.most_common():
        print(f"  - {n}× {kind[:160]}")
    print(f"- browser console errors: {sum(len(v) for v in console.values())}")
    for name, messages in console.items():
        for message in sorted(set(messages))[:3]:
            print(f"  - {name}: {message[:160]}")


if __name__ == "__main__":
    main()
