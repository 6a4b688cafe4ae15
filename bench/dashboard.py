"""Dashboard benchmark: server time of a rerun, first map paint, bytes per view toggle.

Run by hand (``.venv/bin/python bench/dashboard.py``); the table goes into ``docs/benchmarks.md``.

1. Script time of a rerun (callbacks included), timed around Streamlit's exec of the script under
   AppTest, median of ``REPEATS``: one that adds a site at new coordinates (a fifth site; the
   next repeat starts from the four default sites again, in an untimed run) and one that changes
   nothing.
2. In headless Chromium (Debian's, CPU WebGL through SwiftShader) at 1400×1000, ``PAGES`` loads
   of the default page ``/?``, each in a fresh browser context (cold HTTP cache) and a fresh
   session. First paint is timed in three steps, from the start of the navigation:
   - map component built: the map's hook reports its first frame (``stats.frames > 0``: its
     layers, rings included, handed to deck.gl);
   - basemap and rings drawn: the first deck.gl render (an ``onAfterRender`` handler the bench
     adds to the map's Deck) after the basemap's GeoJSON has loaded, with the rings layer in it.
     The draw calls are issued then; SwiftShader rasterises them afterwards;
   - pixels on screen: a screenshot of the map canvas, taken over and over, first shows the
     basemap's land colour and both ring colours (claimed blue, treaty vermillion). Measured
     from the ``page.goto`` call, to within one screenshot (~0.1–1 s here).
   Also when the first run's messages arrived (``newSession``, the map's data,
   ``scriptFinished``; stamped in the page) and the server's script time of that run.
3. Per view toggle (Claimed, then Alleged, then Both, on each page): websocket bytes received
   (Playwright's ``framereceived``, with its events pumped while waiting, see below), the
   server's script time for that rerun (the same exec patch, in the real server: see
   ``bench/drag.py``) and the time from the click (its ``pointerup``) until the rerun's
   ``scriptFinished`` message arrived in the page.

The old version of this bench counted the first "Claimed" click of every page as 0 KB. That was
the bench, not the app: it waited with ``time.sleep``, during which Playwright's sync API
delivers no events, so each toggle's frames were counted under the next toggle (its "Alleged"
was Claimed's bytes, its "Both" Alleged's). Waiting with ``page.wait_for_timeout`` fixes that.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from harness import script  # noqa: E402
from harness.browser import VIEWPORT, launch  # noqa: E402
from harness.timing import running_app, time_script_runs  # noqa: E402
from harness.traffic import Traffic, message_kind  # noqa: E402
from ui.controls import SITE_PICKER  # noqa: E402

RECORDER = script("bench_recorder")
RESET = script("bench_reset")

REPEATS = 9
PAGES = 5
TOGGLES = ("Claimed", "Alleged", "Both")
LAND = (236, 236, 230)
CLAIMED_BLUE = (0, 114, 178)
TREATY_VERMILLION = (213, 94, 0)
MIN_PIXELS = 50
RERUN_TARGET_MS = 100.0
PAINT_TARGET_S = 3.0
TOGGLE_TARGET_KB = 200.0

# Added after RECORDER: when the map's Decks appear, note the first frame and every render (the
# basemap is drawn by the bottom Deck, the rings by the top one).
FIRST_PAINT = script("first_paint_stamps")


def wait_finished(page, traffic: Traffic, timeout_s: float = 120.0) -> None:
    """Pump Playwright's events until a ``scriptFinished`` message has arrived (since the last
    clear). Not the page's script state: when the main thread was busy for the whole rerun,
    React can apply "running" and "not running" in one update, and neither is ever seen."""
    deadline = time.perf_counter() + timeout_s
    seen = 0
    while time.perf_counter() < deadline:
        frames = traffic.frames[seen:]
        if any(message_kind(data) == "script_finished" for _, data in frames):
            return
        seen += len(frames)
        page.wait_for_timeout(50)
    raise TimeoutError("no scriptFinished message")


def _site_picker(at: AppTest):
    return next(widget for widget in at.multiselect if widget.label == SITE_PICKER)


def rerun_server_ms() -> tuple[list[float], list[float]]:
    """Script ms of reruns that add one site (to the four defaults), and of unchanged reruns."""
    durations: list[float] = []
    time_script_runs(durations.append)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    defaults = list(_site_picker(at).value)
    changed, unchanged = [], []
    for i in range(REPEATS):
        at.text_input(key="new_coords").set_value(f"{50 + i * 0.37:.2f}, {30 + i * 0.53:.2f}")
        next(b for b in at.button if b.label == "Add site").click().run()
        if len(_site_picker(at).value) != len(defaults) + 1:
            raise RuntimeError("the bench's 'Add site' did not add a site")
        changed.append(durations[-1] * 1e3)
        at.run()
        unchanged.append(durations[-1] * 1e3)
        _site_picker(at).set_value(defaults).run()
    return changed, unchanged


def painted(png: bytes) -> bool:
    """The map canvas shows land and both ring colours."""
    image = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)

    def count(colour: tuple[int, int, int], tolerance: int) -> int:
        return int(np.all(np.abs(image - np.array(colour)) <= tolerance, axis=-1).sum())

    return (
        count(LAND, 4) >= MIN_PIXELS
        and count(CLAIMED_BLUE, 40) >= MIN_PIXELS
        and count(TREATY_VERMILLION, 40) >= MIN_PIXELS
    )


def load_page(browser, app) -> tuple[dict, list[dict]]:
    """One cold page load: first-paint times (s), then the three toggles."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.add_init_script(RECORDER)
    page.add_init_script(FIRST_PAINT)
    traffic = Traffic(page)
    mark = app.mark()
    t0 = time.perf_counter()
    page.goto(app.url + "/?")
    canvas = page.locator(".deckmap .view")  # the map's stacked canvases
    canvas.wait_for(timeout=120_000)
    while not painted(canvas.screenshot()):
        if time.perf_counter() - t0 > 180:
            raise RuntimeError("the map never showed land and both ring colours")
    pixels = time.perf_counter() - t0
    wait_finished(page, traffic)
    page.wait_for_function("() => window.__bench.paint.drawn !== null", timeout=120_000)
    traffic.wait_quiet(page, quiet_s=3.0)
    log = page.evaluate("() => window.__bench")
    paint = log["paint"]
    load = {
        "component": paint["component"] / 1e3,
        "basemap": paint["basemap"] / 1e3,
        "drawn": paint["drawn"] / 1e3,
        "pixels": pixels,
        "script": app.script_ms(mark)[0] / 1e3,
    }
    # When the bundle and the basemap had been fetched, and how long the main thread was busy.
    fetched = page.evaluate(
        "() => performance.getEntriesByType('resource')"
        ".map((e) => [e.name, e.startTime, e.responseEnd])"
    )
    for name, key in (("deckmap.js", "bundle"), ("basemap", "geojson")):
        ends = [end for url, _, end in fetched if name in url]
        if ends:
            load[key] = ends[0] / 1e3
    load["long"] = sum(d for t, d in log["long"] if t <= paint["drawn"]) / 1e3
    # When the first messages of the first run arrived (stamped in the page).
    kinds = [message_kind(data) for _, data in traffic.frames]
    if [size for _, size in log["ws"]] == [len(data) for _, data in traffic.frames]:
        for (t, _), kind in zip(log["ws"], kinds, strict=True):
            load.setdefault(kind, t / 1e3)
    else:
        print("note: page and Playwright saw different websocket frames", file=sys.stderr)
    toggles = []
    for label in TOGGLES:
        page.evaluate(RESET)
        traffic.frames.clear()
        mark = app.mark()
        page.get_by_role("radio", name=label).check(force=True)
        wait_finished(page, traffic)
        traffic.wait_quiet(page)
        log = page.evaluate("() => window.__bench")
        payloads = [data for _, data in traffic.frames]
        if [size for _, size in log["ws"]] != [len(d) for d in payloads]:
            raise RuntimeError("page and Playwright saw different websocket frames")
        by_kind: dict[str, int] = {}
        done = None
        for (t, _), data in zip(log["ws"], payloads, strict=True):
            kind = message_kind(data)
            by_kind[kind] = by_kind.get(kind, 0) + len(data)
            if kind == "script_finished" and done is None:
                done = (t - log["up"]) / 1e3
        toggles.append(
            {
                "label": label,
                "bytes": sum(len(d) for d in payloads),
                "by_kind": by_kind,
                "script": app.script_ms(mark),
                "done": done,
            }
        )
    context.close()
    return load, toggles


def browser_numbers() -> tuple[list[dict], list[dict]]:
    from playwright.sync_api import sync_playwright

    loads, toggles = [], []
    with running_app() as app, sync_playwright() as p:
        browser = launch(p)
        for _ in range(PAGES):
            load, page_toggles = load_page(browser, app)
            loads.append(load)
            toggles.extend(page_toggles)
        browser.close()
    return loads, toggles


def cell(values: list[float], digits: int = 0) -> tuple[str, str]:
    median = statistics.median(values)
    return f"{median:,.{digits}f}", ", ".join(f"{v:,.{digits}f}" for v in values)


def main() -> None:
    changed, unchanged = rerun_server_ms()
    loads, toggles = browser_numbers()
    print("| measure | median | all runs |")
    print("|---|---:|---|")
    for label, values in (
        ("script time of a rerun adding a fifth site, ms", changed),
        ("script time of a rerun changing nothing, ms", unchanged),
    ):
        median, runs = cell(values)
        print(f"| {label} | {median} | {runs} |")
    for label, key in (
        ("navigation → newSession (the server starts the first run), s", "new_session"),
        ("server script time of that first run, s", "script"),
        ("navigation → the map's data arrives, s", "delta bidi_component"),
        ("navigation → map bundle (static/deckmap.js) fetched, s", "bundle"),
        ("navigation → map component built (first frame handed to deck.gl), s", "component"),
        ("navigation → basemap GeoJSON fetched, s", "geojson"),
        ("navigation → basemap GeoJSON loaded (parsed, layer ready), s", "basemap"),
        ("navigation → basemap and rings drawn (draw calls issued), s", "drawn"),
        ("page.goto → pixels on screen (canvas screenshot), s", "pixels"),
        ("navigation → scriptFinished of the first run, s", "script_finished"),
        ("page main thread in long tasks (≥ 50 ms) until drawn, s", "long"),
    ):
        median, runs = cell([load.get(key, float("nan")) for load in loads], 1)
        print(f"| {label} | {median} | {runs} |")
    for label in TOGGLES:
        mine = [t for t in toggles if t["label"] == label]
        median, runs = cell([t["bytes"] / 1000 for t in mine])
        print(f"| websocket KB, toggle to {label} | {median} | {runs} |")
        median, runs = cell([sum(t["script"]) for t in mine])
        print(f"| server script time, toggle to {label}, ms | {median} | {runs} |")
        median, runs = cell([t["done"] for t in mine], 2)
        print(f"| click → scriptFinished arrived, toggle to {label}, s | {median} | {runs} |")
    print("\nScript runs per toggle:", sorted({len(t["script"]) for t in toggles}))
    print("\nLargest messages per toggle, median KB:")
    for label in TOGGLES:
        mine = [t for t in toggles if t["label"] == label]
        kinds = {k for t in mine for k in t["by_kind"]}
        sizes = {k: statistics.median(t["by_kind"].get(k, 0) / 1000 for t in mine) for k in kinds}
        top = sorted(sizes.items(), key=lambda kv: -kv[1])[:4]
        print(f"  {label}: " + ", ".join(f"{k} {v:,.1f}" for k, v in top))
    paint = statistics.median(load["pixels"] for load in loads)
    sizes = {
        label: statistics.median(t["bytes"] for t in toggles if t["label"] == label) / 1000
        for label in TOGGLES
    }
    print(
        f"\nRerun adding a site {statistics.median(changed):,.0f} ms "
        f"(target ≤ {RERUN_TARGET_MS:.0f}), unchanged {statistics.median(unchanged):,.0f} ms; "
        f"first paint {paint:.1f} s (target ≤ {PAINT_TARGET_S:.0f} s); toggles "
        + ", ".join(f"{label} {size:,.0f} KB" for label, size in sizes.items())
        + f" (target ≤ {TOGGLE_TARGET_KB:.0f} KB)"
    )


if __name__ == "__main__":
    main()
