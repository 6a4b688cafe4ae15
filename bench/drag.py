"""Drag benchmark: cost per drag frame, release to updated page, bytes per drop.

Run by hand (``.venv/bin/python bench/drag.py``); the tables go into ``docs/benchmarks.md``.
Starts the app on a free port (its script runs timed, see ``SERVE``) and drives it in headless
Chromium (Debian's, CPU WebGL through SwiftShader) at 1400×1000, both scenarios in one run:

* ``single``: ``?mode=both&est=0&site=48.58,45.74,KY``, one site with 480, 500 and 5,500 km rings;
* ``default``: ``/?``, the four reported battalion sites.

(a) Per drag frame, dragging the first site (``FRAME_STEPS`` frames):
    - ``lastFrameMs`` of the map's hook after each real mouse move: the preview rings
      (GeographicLib JS) + building the deck.gl layers + ``deck.setProps``; and the driver's
      round trip per mouse move (Chromium delivers pointer moves with the next frame);
    - main thread: an update through the sites layer's own ``onDrag`` handler (the code a mouse
      move runs) followed by a synchronous ``deck.redraw(true)``, i.e. deck.gl issuing the draw
      calls. SwiftShader rasterises them afterwards, in the GPU process, so this is not the
      whole frame;
    - frame interval, the whole frame: one ``onDrag`` update per animation frame; the time
      between frames includes deck.gl's draw, SwiftShader and Chromium's compositing (which
      reads the WebGL canvas back, waiting for SwiftShader). 16.7 ms, the refresh period, is
      the floor. Measured with the map as it is, with the basemap's country borders not drawn,
      and with no basemap (the map's static layers swapped by the bench, then restored).
    The programmatic drags end exactly where they began, so they send nothing to Python.
(b) Release to updated page, per drop (``DROPS``, back and forth): from the ``pointerup`` (seen
    in the page before deck.gl sees it) to: the trigger sent; ``newSession`` (the rerun starts);
    the map's status line saying "Moved …" (the component re-rendered with Python's data);
    ``scriptFinished``; **shown**: the animation frame after both the status line changed and
    the app's script state went back to ``notRunning`` (coverage panel updated, stale elements
    gone). Also the server's script time of that rerun and the time the page's main thread
    spent in long tasks meanwhile. Repeated with the basemap not drawn (a deck.gl layer filter).
(c) Websocket bytes received (server → browser) per drop, counted with Playwright's
    ``framereceived`` and split by Streamlit message (ForwardMsg) and element type.

Timings in the page use ``performance.now()``; every websocket message is stamped in the page by
a wrapper installed before Streamlit loads.
"""

from __future__ import annotations

import contextlib
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.e2e.server import streamlit_server  # noqa: E402

SCENARIOS = {
    "single": "/?mode=both&est=0&site=48.58,45.74,KY",
    "default": "/?",
}
VIEWPORT = {"width": 1400, "height": 1000}
FRAME_STEPS = 30
DROPS = 8
DROP_STEPS = 10
# Drop targets, alternating: the site's start and this many page pixels east and south of it.
DROP_OFFSET_PX = (90.0, 40.0)
QUIET_S = 1.5
FRAME_TARGET_MS = 16.0
DROP_TARGET_MS = 500.0
BYTES_TARGET = 50_000
# A frame paced by the display cannot beat its refresh period (60 Hz); 16.7 ms counts as met.
REFRESH_MS = 16.8
PACED_VARIANTS = ("map as it is", "no borders", "no basemap")
NAN = float("nan")

# Installed before any page script: stamps websocket traffic and the pointerup of each drop.
RECORDER = """
(() => {
  const bench = { ws: [], sent: [], states: [], status: [], up: null, shown: null };
  window.__bench = bench;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (e) => {
        const d = e.data;
        bench.ws.push([performance.now(), d.byteLength ?? d.size ?? d.length]);
      });
    }
    send(data) {
      bench.sent.push(performance.now());
      return super.send(data);
    }
  };
  addEventListener("pointerup", () => { bench.up = performance.now(); }, true);
  bench.long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.long.push([e.startTime, e.duration]);
  }).observe({ type: "longtask" });
})();
"""

# After the app has loaded: watch the script state and the map's status line.
OBSERVERS = """
() => {
  const b = window.__bench;
  const app = document.querySelector("[data-testid=stApp]");
  const line = window.__deckmapTest.element().querySelector(".status");
  const check = () => {
    if (b.up === null || b.shown !== null || b.pending) return;
    const moved = b.status.some(([t, text]) => t > b.up && text.startsWith("Moved"));
    const busy = b.states.findIndex(([t, s]) => t > b.up && s !== "notRunning");
    const idle = busy >= 0 && b.states.slice(busy).some(([, s]) => s === "notRunning");
    if (moved && idle) {
      b.pending = true;
      const stamp = () => {
        b.shown = performance.now();
        b.pending = false;
      };
      requestAnimationFrame(() => setTimeout(stamp));
      return;
    }
    // A rerun whose messages all waited for one busy stretch of the main thread can reach
    // React as one update, so the script state is never seen as running. Then: the status
    // line moved, the app is idle and no message came for 300 ms; shown is counted from the
    // later of the status line and the last message (no frame added).
    const last = b.ws.length ? b.ws[b.ws.length - 1][0] : 0;
    const statusAt = moved ? b.status.findLast(([t]) => t > b.up)[0] : 0;
    const quiet = performance.now() - last > 300;
    if (moved && busy < 0 && quiet && app.getAttribute("data-test-script-state") === "notRunning") {
      b.shown = Math.max(statusAt, last);
      b.fallback = true;
    }
  };
  setInterval(check, 100);
  new MutationObserver(() => {
    b.states.push([performance.now(), app.getAttribute("data-test-script-state")]);
    check();
  }).observe(app, { attributes: true, attributeFilter: ["data-test-script-state"] });
  new MutationObserver(() => {
    b.status.push([performance.now(), line.textContent]);
    check();
  }).observe(line, { childList: true, characterData: true, subtree: true });
}
"""

RESET = """
() => {
  const b = window.__bench;
  for (const list of [b.ws, b.sent, b.states, b.status, b.long]) list.length = 0;
  b.up = null;
  b.shown = null;
  b.pending = false;
  b.fallback = false;
}
"""

# Page pixel of the first site (deck.gl's projection plus the canvas offset).
FIRST_SITE = """
() => {
  const map = window.__deckmapTest;
  const [site] = map.sites();
  return map.project([site.lon, site.lat]);
}
"""

# (a), main thread: updates through the map's drag steps (those the sites layer's handlers
# take), each followed by a synchronous redraw. Ends where it began, so nothing is sent to
# Python.
SYNC_DRAG = """
async ([steps, dx, dy]) => {
  const map = window.__deckmapTest;
  const [site] = map.sites();
  const from = [site.lon, site.lat];
  const [x0, y0] = map.project(from);
  const at = (i) => map.unproject([x0 + (dx * i) / steps, y0 + (dy * i) / steps]);
  map.drag.start(site.id);
  const rows = [];
  for (let i = 1; i <= steps; i++) {
    const t0 = performance.now();
    map.drag.move(at(i));
    const t1 = performance.now();
    map.drawNow();
    rows.push([map.stats().lastFrameMs, t1 - t0, performance.now() - t1, performance.now() - t0]);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  // Back exactly where it was: nothing is sent to Python.
  map.drag.cancel();
  return rows;
}
"""

# (a), whole frame: one update per animation frame; deck.gl draws it in its own frame callback
# and Chromium composites it (reading the WebGL canvas back for its software compositor). The
# basemap can be left as it is, drawn without its country borders, or left out (bench only: the
# map's static layers are swapped for the duration, then restored).
PACED_DRAG = """
async ([steps, dx, dy, variant]) => {
  const map = window.__deckmapTest;
  // The basemap has a Deck of its own, under the one that draws the drag.
  map.basemap({ "no borders": "no borders", "no basemap": "none" }[variant] ?? "full");
  const [site] = map.sites();
  const from = [site.lon, site.lat];
  const [x0, y0] = map.project(from);
  const at = (i) => map.unproject([x0 + (dx * i) / steps, y0 + (dy * i) / steps]);
  map.drag.start(site.id);
  // Let the GPU process finish what came before.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const stamps = [];
  await new Promise((resolve) => {
    let i = 0;
    const frame = (t) => {
      stamps.push(t);
      if (i === steps) return resolve();
      map.drag.move(at(++i));
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  map.basemap("full");
  map.drag.cancel();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  return stamps.slice(1).map((t, i) => t - stamps[i]);
}
"""


# Frame intervals of an idle page (nothing changes): the refresh period.
IDLE_FRAMES = """
async (count) => {
  const stamps = [];
  await new Promise((resolve) => {
    const frame = (t) => {
      stamps.push(t);
      if (stamps.length > count) return resolve();
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  return stamps.slice(1).map((t, i) => t - stamps[i]);
}
"""


# The app's server, with each script run timed (callbacks included) and logged: the same patch
# of Streamlit's exec that bench/dashboard.py applies under AppTest.
SERVE = """
import sys, time
from streamlit.runtime.scriptrunner import script_runner
from streamlit.web import cli

original = script_runner.exec_func_with_error_handling

def timed(func, ctx):
    started = time.perf_counter()
    try:
        return original(func, ctx)
    finally:
        print(f"bench-script-ms {(time.perf_counter() - started) * 1e3:.1f}", flush=True)

script_runner.exec_func_with_error_handling = timed
sys.argv = ["streamlit", "run", "app.py", *sys.argv[1:]]
cli.main()
"""


class App:
    """``streamlit run app.py`` on a free port (headless), its script runs timed in its log."""

    def __init__(self, url: str, log: Path) -> None:
        self.url = url
        self.log = log

    def mark(self) -> int:
        return self.log.stat().st_size

    def script_ms(self, since: int) -> list[float]:
        """Script times (ms) of the runs logged after ``mark()`` returned ``since``."""
        with self.log.open("rb") as f:
            f.seek(since)
            lines = f.read().decode(errors="replace").splitlines()
        return [float(line.split()[1]) for line in lines if line.startswith("bench-script-ms ")]


@contextlib.contextmanager
def running_app() -> Iterator[App]:
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "server.log"
        with streamlit_server(["-c", SERVE], log) as (_, url):
            yield App(url, log)


def launch(playwright) -> Browser:
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


class Traffic:
    """Websocket frames the page receives (Playwright's view): ``(perf_counter, payload)``."""

    def __init__(self, page: Page) -> None:
        self.frames: list[tuple[float, bytes]] = []
        page.on("websocket", lambda ws: ws.on("framereceived", self._received))

    def _received(self, payload: bytes | str) -> None:
        data = payload.encode() if isinstance(payload, str) else payload
        self.frames.append((time.perf_counter(), data))

    def wait_quiet(self, page: Page, quiet_s: float = QUIET_S, timeout_s: float = 60.0) -> None:
        """Pump Playwright's events until no frame has arrived for ``quiet_s``."""
        deadline = time.perf_counter() + timeout_s
        while time.perf_counter() < deadline:
            last = self.frames[-1][0] if self.frames else 0.0
            if time.perf_counter() - last >= quiet_s:
                return
            page.wait_for_timeout(100)


def message_kind(payload: bytes) -> str:
    """ForwardMsg type of one websocket message, with the element or block type for deltas."""
    msg = ForwardMsg.FromString(payload)
    kind = msg.WhichOneof("type") or "?"
    if kind != "delta":
        return kind
    part = msg.delta.WhichOneof("type") or "?"
    if part == "new_element":
        return f"delta {msg.delta.new_element.WhichOneof('type')}"
    return f"delta {part}"


def open_app(browser: Browser, url: str) -> tuple[Page, Traffic]:
    page = browser.new_page(viewport=VIEWPORT)
    page.add_init_script(RECORDER)
    traffic = Traffic(page)
    page.goto(url)
    page.wait_for_function("() => window.__deckmapTest?.stats().frames > 0", timeout=120_000)
    page.wait_for_function(
        "() => document.querySelector('[data-testid=stApp]')"
        "?.getAttribute('data-test-script-state') === 'notRunning'",
        timeout=120_000,
    )
    traffic.wait_quiet(page, quiet_s=3.0)
    page.evaluate(OBSERVERS)
    return page, traffic


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def p90(values: list[float]) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]


def frame_costs(page: Page, traffic: Traffic) -> dict[str, list[float]]:
    """(a): real mouse moves, the synchronous and the frame-paced programmatic drags."""
    start = page.evaluate(FIRST_SITE)
    end = (start[0] + DROP_OFFSET_PX[0] * 1.5, start[1] + DROP_OFFSET_PX[1] * 1.5)
    frames_before = page.evaluate("() => window.__deckmapTest.stats().frames")
    last_frame, driver = [], []
    page.mouse.move(*start)
    page.mouse.down()
    for i in range(1, FRAME_STEPS + 1):
        t = i / FRAME_STEPS
        t0 = time.perf_counter()
        page.mouse.move(start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t)
        driver.append((time.perf_counter() - t0) * 1e3)
        frames, ms = page.evaluate(
            "() => [window.__deckmapTest.stats().frames, window.__deckmapTest.stats().lastFrameMs]"
        )
        if frames > frames_before:
            last_frame.append(ms)
        frames_before = frames
    # Back to where it started; the release may still move it by a fraction of a pixel, and
    # that rerun is left to finish.
    page.mouse.move(*start, steps=3)
    page.mouse.up()
    page.wait_for_timeout(1000)
    traffic.wait_quiet(page)
    page.evaluate(RESET)
    sent = page.evaluate("() => window.__bench.sent.length")
    sync = page.evaluate(SYNC_DRAG, [FRAME_STEPS, *DROP_OFFSET_PX])
    result = {
        "lastFrameMs, real mouse moves": last_frame,
        "driver round trip per mouse move": driver,
        "main thread: onDrag + deck.redraw(true)": [row[3] for row in sync],
        "of which onDrag (lastFrameMs + toolbar)": [row[1] for row in sync],
    }
    page.wait_for_timeout(1500)
    for variant in PACED_VARIANTS:
        key = f"frame interval, {variant}"
        result[key] = page.evaluate(PACED_DRAG, [FRAME_STEPS, *DROP_OFFSET_PX, variant])
    result["frame interval, idle page"] = page.evaluate(IDLE_FRAMES, FRAME_STEPS)
    if page.evaluate("() => window.__bench.sent.length") != sent:
        print("note: a programmatic drag sent an edit to Python", file=sys.stderr)
    return result


def one_drop(app: App, page: Page, traffic: Traffic, target: tuple[float, float]) -> dict | None:
    """(b) and (c) for one drag of the first site to ``target`` (page pixels)."""
    traffic.wait_quiet(page)
    page.evaluate(RESET)
    traffic.frames.clear()
    mark = app.mark()
    drawn_before = page.evaluate("() => window.__deckmapTest.stats().drawn")
    start = page.evaluate(FIRST_SITE)
    page.mouse.move(*start)
    page.mouse.down()
    for i in range(1, DROP_STEPS + 1):
        t = i / DROP_STEPS
        page.mouse.move(
            start[0] + (target[0] - start[0]) * t, start[1] + (target[1] - start[1]) * t
        )
    page.mouse.up()
    try:
        page.wait_for_function("() => window.__bench.shown !== null", timeout=30_000)
    except PlaywrightTimeoutError:
        log = page.evaluate("() => window.__bench")
        print(
            f"note: a drop was not shown: status line {log['status']}, script states "
            f"{log['states']}, {len(log['sent'])} messages sent",
            file=sys.stderr,
        )
        traffic.wait_quiet(page)
        return None
    traffic.wait_quiet(page)
    log = page.evaluate("() => window.__bench")
    drawn = page.evaluate("() => window.__deckmapTest.stats().drawn")
    payloads = [data for _, data in traffic.frames]
    kinds = [message_kind(data) for data in payloads]
    up = log["up"]
    runs = app.script_ms(mark)
    result = {
        "bytes": sum(len(d) for d in payloads),
        "by_kind": Counter(),
        "shown": log["shown"] - up,
        "status": next(t for t, text in log["status"] if t > up and text.startswith("Moved")) - up,
        "sent": next((t - up for t in log["sent"] if t >= up), NAN),
        "script": sum(runs) if runs else NAN,
        "runs": len(runs),
        "fallback": log.get("fallback", False),
        "blocked": sum(d for t, d in log["long"] if up <= t <= log["shown"]),
        "drawn": {deck: drawn[deck] - drawn_before[deck] for deck in drawn},
    }
    for kind, data in zip(kinds, payloads, strict=True):
        result["by_kind"][kind] += len(data)
    if [size for _, size in log["ws"]] == [len(d) for d in payloads]:
        # The first message of each kind after the pointerup, as stamped in the page.
        stamps: dict[str, float] = {}
        for (t, _), kind in zip(log["ws"], kinds, strict=True):
            stamps.setdefault(kind, t - up)
        result["new_session"] = stamps.get("new_session", NAN)
        result["finished"] = stamps.get("script_finished", NAN)
    else:
        print("note: page and Playwright saw different websocket frames", file=sys.stderr)
        result["new_session"] = result["finished"] = NAN
    return result


def drops(app: App, page: Page, traffic: Traffic, first: int = 0) -> list[dict]:
    """Back and forth between the site's start and a point east-south-east of it, a few pixels
    further each time (``first`` continues the count of an earlier series): a drop on the very
    spot of an earlier one would send the same map data again, which Streamlit's message cache
    replaces with a short reference."""
    home = page.evaluate(FIRST_SITE)
    results = []
    for i in range(first, first + DROPS):
        dx, dy = DROP_OFFSET_PX if i % 2 == 0 else (0.0, 0.0)
        target = (home[0] + dx + 3 * i, home[1] + dy + 2 * i)
        result = one_drop(app, page, traffic, target)
        if result is not None:
            results.append(result)
    return results


def main() -> None:
    frames: dict[str, dict[str, list[float]]] = {}
    results: dict[str, list[dict]] = {}
    mounts: dict[str, int] = {}
    with running_app() as app, sync_playwright() as p:
        browser = launch(p)
        for name, path in SCENARIOS.items():
            page, traffic = open_app(browser, app.url + path)
            frames[name] = frame_costs(page, traffic)
            results[name] = drops(app, page, traffic)
            # The same drops with the basemap not drawn (the map keeps this across reruns).
            page.evaluate("() => window.__deckmapTest.basemap('none')")
            results[f"{name}, no basemap"] = drops(app, page, traffic, first=DROPS)
            mounts[name] = page.evaluate("() => window.__deckmapTest.mounts()")
            page.close()
        browser.close()
    print_tables(frames, results, mounts)


def fmt(value: float, digits: int = 0) -> str:
    return f"{value:,.{digits}f}"


def spread(values: list[float], digits: int = 0) -> str:
    return f"{fmt(median(values), digits)} ({fmt(min(values), digits)}–{fmt(max(values), digits)})"


def print_tables(frames: dict, results: dict, mounts: dict) -> None:
    names = list(frames)
    print(f"(a) Per drag frame, ms, median / p90 of {FRAME_STEPS} (target ≤ 16 ms)\n")
    print("| measure | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    for key in frames[names[0]]:
        cells = [f"{fmt(median(frames[n][key]), 1)} / {fmt(p90(frames[n][key]), 1)}" for n in names]
        print(f"| {key} | " + " | ".join(cells) + " |")
    columns = list(results)
    counts = {c: len(results[c]) for c in results}
    print(f"\n(b, c) Per drop, median (min–max), ms after the pointerup; drops shown: {counts}\n")
    print("| measure | " + " | ".join(columns) + " |")
    print("|---|" + "---:|" * len(columns))
    rows = [
        ("trigger sent to the server", "sent"),
        ("newSession arrived (rerun started)", "new_session"),
        ("server script time (callback + script)", "script"),
        ("map status line says 'Moved …'", "status"),
        ("scriptFinished arrived", "finished"),
        ("page main thread in long tasks (≥ 50 ms) meanwhile", "blocked"),
        ("**shown** (frame after idle + status; target ≤ 500)", "shown"),
    ]
    for label, key in rows:
        cells = [spread([r[key] for r in results[c]]) for c in columns]
        print(f"| {label} | " + " | ".join(cells) + " |")
    cells = [spread([r["bytes"] / 1000 for r in results[c]], 1) for c in columns]
    print("| **websocket KB received** (target ≤ 50) | " + " | ".join(cells) + " |")
    runs = {c: sorted({r["runs"] for r in results[c]}) for c in columns}
    print(f"\nScript runs per drop: {runs}")
    fallback = {c: sum(r["fallback"] for r in results[c]) for c in columns}
    print(f"Drops whose script state was never seen running (shown without a frame): {fallback}")
    print("\nWebsocket KB per drop by message (median; messages under 1 KB in 'other'):\n")
    print("| message | " + " | ".join(columns) + " |")
    print("|---|" + "---:|" * len(columns))
    kinds = sorted({k for c in columns for r in results[c] for k in r["by_kind"]})
    big = [
        k
        for k in kinds
        if max(median([r["by_kind"][k] for r in results[c]]) for c in columns) >= 1000
    ]
    for kind in big:
        cells = [fmt(median([r["by_kind"][kind] / 1000 for r in results[c]]), 1) for c in columns]
        print(f"| {kind} | " + " | ".join(cells) + " |")
    other = [
        fmt(
            median(
                [sum(v for k, v in r["by_kind"].items() if k not in big) / 1000 for r in results[c]]
            ),
            1,
        )
        for c in columns
    ]
    print("| other | " + " | ".join(other) + " |")
    drawn = {
        c: {d: median([r["drawn"][d] for r in results[c]]) for d in ("top", "fills", "base")}
        for c in columns
    }
    print(f"\nFrames each Deck drew per drop, drag and rerun (median): {drawn}")
    print(f"\nMap mounts per page (1 = never remounted): {mounts}\n")
    for n in names:
        js = median(frames[n]["lastFrameMs, real mouse moves"])
        wall = median(frames[n][f"frame interval, {PACED_VARIANTS[0]}"])
        shown = median([r["shown"] for r in results[n]])
        size = median([r["bytes"] for r in results[n]])
        print(
            f"{n}: JS per frame {fmt(js, 1)} ms ({verdict(js <= FRAME_TARGET_MS)}), "
            f"whole frame {fmt(wall, 1)} ms ({verdict(wall <= REFRESH_MS)}), "
            f"release→shown {fmt(shown)} ms ({verdict(shown <= DROP_TARGET_MS)}), "
            f"{fmt(size / 1000, 1)} KB/drop ({verdict(size <= BYTES_TARGET)})"
        )


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


if __name__ == "__main__":
    main()
