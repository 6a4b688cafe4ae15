"""Drag benchmark: cost per drag frame, release to updated page, bytes per drop.

Run by hand (``.venv/bin/python bench/drag.py``); the tables go into ``docs/benchmarks.md``.
Starts the app on a free port (its script runs timed, see ``harness.timing``) and drives it in
headless Chromium (Debian's, CPU WebGL through SwiftShader) at 1400×1000, both scenarios in one
run:

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

import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from harness import script  # noqa: E402
from harness.browser import VIEWPORT, launch  # noqa: E402
from harness.timing import App, running_app  # noqa: E402
from harness.traffic import Traffic, message_kind  # noqa: E402

SCENARIOS = {
    "single": "/?mode=both&est=0&site=48.58,45.74,KY",
    "default": "/?",
}
FRAME_STEPS = 30
DROPS = 8
DROP_STEPS = 10
# Drop targets, alternating: the site's start and this many page pixels east and south of it.
DROP_OFFSET_PX = (90.0, 40.0)
FRAME_TARGET_MS = 16.0
DROP_TARGET_MS = 500.0
BYTES_TARGET = 50_000
# A frame paced by the display cannot beat its refresh period (60 Hz); 16.7 ms counts as met.
REFRESH_MS = 16.8
PACED_VARIANTS = ("map as it is", "no borders", "no basemap")
NAN = float("nan")

# Installed before any page script: stamps websocket traffic and the pointerup of each drop.
RECORDER = script("bench_recorder")

# After the app has loaded: watch the script state and the map's status line.
OBSERVERS = script("bench_observers")

RESET = script("bench_reset")

# Page pixel of the first site (deck.gl's projection plus the canvas offset).
FIRST_SITE = script("first_site")

# (a), main thread: updates through the map's drag steps (those the sites layer's handlers
# take), each followed by a synchronous redraw. Ends where it began, so nothing is sent to
# Python.
SYNC_DRAG = script("sync_drag")

# (a), whole frame: one update per animation frame; deck.gl draws it in its own frame callback
# and Chromium composites it (reading the WebGL canvas back for its software compositor). The
# basemap can be left as it is, drawn without its country borders, or left out (bench only: the
# map's static layers are swapped for the duration, then restored).
PACED_DRAG = script("paced_drag")


# Frame intervals of an idle page (nothing changes): the refresh period.
IDLE_FRAMES = script("idle_frames")


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
