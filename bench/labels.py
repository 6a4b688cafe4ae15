"""Label placement benchmark: what placing the labels again costs per camera change and per drag
frame, on a flat map and a globe.

Run by hand (``flock /tmp/browser.lock .venv/bin/python bench/labels.py``); the table goes into
``docs/benchmarks.md``. Starts the app on a free port and drives it in headless Chromium (Debian's,
CPU WebGL through SwiftShader) at 1400×1000, for three links: the default page (four sites), 40
sites 1.5° apart, and 500 sites. For each link and view:

* pan: the map dragged by the mouse in ``PAN_STEPS`` moves of 6 px (each one camera change, the
  labels placed again); ``lastLabelMs`` (labels.js, one placement) after each move;
* zoomed pan: the same at zoom 4, where site names are placed too;
* site drag: the first site dragged through the test API in ``DRAG_STEPS`` moves; ``lastFrameMs``
  (the whole top-Deck update of a drag frame) and its ``lastLabelMs``.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path
from urllib.parse import urlencode

from playwright.sync_api import Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from harness.browser import VIEWPORT, launch
from harness.mapview import MAP_VIEW, settle
from harness.timing import running_app

PAN_STEPS = 40
DRAG_STEPS = 30


def link(sites: list[str]) -> str:
    return "/?" + urlencode([("mode", "both"), *(("site", s) for s in sites)])


def grid(count: int, columns: int, step_deg: float) -> list[str]:
    """``count`` sites in rows of ``columns``, ``step_deg`` apart, from 40°N 20°E."""
    return [
        f"{40 + (i // columns) * step_deg:.2f},{20 + (i % columns) * step_deg:.2f},S{i}"
        for i in range(count)
    ]


SCENARIOS = {
    "default (4 sites)": "/?",
    "40 sites": link(grid(40, 8, 1.5)),
    "500 sites": link(grid(500, 25, 1.0)),
}


def open_view(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_function("() => window.__deckmapTest?.stats().frames > 0", timeout=120_000)
    settle(page)


def pan(page: Page) -> list[float]:
    box = page.locator(MAP_VIEW).bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    costs = []
    for i in range(1, PAN_STEPS + 1):
        page.mouse.move(x + 6 * i, y + 2 * i)
        costs.append(page.evaluate("() => window.__deckmapTest.stats().lastLabelMs"))
    page.mouse.up()
    return costs


def zoom_to(page: Page, zoom: float) -> None:
    box = page.locator(MAP_VIEW).bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(30):
        if page.evaluate("() => window.__deckmapTest.view().zoom") >= zoom:
            break
        page.mouse.wheel(0, -120)
        page.wait_for_timeout(300)
    settle(page)


def site_drag(page: Page) -> tuple[list[float], list[float]]:
    site = page.evaluate("() => window.__deckmapTest.sites()[0]")
    page.evaluate("(id) => window.__deckmapTest.drag.start(id)", site["id"])
    frames, labels = [], []
    for i in range(1, DRAG_STEPS + 1):
        stats = page.evaluate(
            "(lonLat) => { window.__deckmapTest.drag.move(lonLat);"
            " return window.__deckmapTest.stats(); }",
            [site["lon"] + 0.1 * i, site["lat"] + 0.05 * i],
        )
        frames.append(stats["lastFrameMs"])
        labels.append(stats["lastLabelMs"])
    page.evaluate("() => window.__deckmapTest.drag.cancel()")
    return frames, labels


def spread(values: list[float]) -> str:
    ordered = sorted(values)
    p90 = ordered[round(0.9 * (len(ordered) - 1))]
    return f"{statistics.median(values):.1f} / {p90:.1f} / {max(values):.1f}"


def main() -> None:
    rows = []
    with running_app() as app, sync_playwright() as p:
        browser = launch(p)
        for name, path in SCENARIOS.items():
            for view in ("map", "globe"):
                page = browser.new_page(viewport=VIEWPORT)
                joiner = "" if path.endswith("?") else "&"
                open_view(page, f"{app.url}{path}{joiner}view={view}")
                panned = pan(page)
                frames, dragged = site_drag(page)
                zoom_to(page, 4.0)
                zoomed = pan(page)
                labels = page.evaluate("() => window.__deckmapTest.labels().length")
                rows.append((name, view, panned, zoomed, frames, dragged, labels))
                page.close()
        browser.close()
    print("median / p90 / max, ms")
    print(
        "| link | view | placement per pan move | at zoom 4 | drag frame JS | its placement "
        "| labels at zoom 4 |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, view, panned, zoomed, frames, dragged, labels in rows:
        print(
            f"| {name} | {view} | {spread(panned)} | {spread(zoomed)} | {spread(frames)} "
            f"| {spread(dragged)} | {labels} |"
        )


if __name__ == "__main__":
    main()
