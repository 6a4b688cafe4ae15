"""Pixel-ratio benchmark: what drawing the map at a screen's devicePixelRatio costs on CPU WebGL.

Run by hand (``.venv/bin/python bench/pixel_ratio.py``); the table goes into
``docs/benchmarks.md``. Starts the app on a free port and opens ``/?`` (the four default sites)
in headless Chromium (Debian's, SwiftShader) as a phone (390×844) and as a desktop (1400×900),
each at device pixel ratios 1, 2 and 3, alternating, ``ROUNDS`` times. For each it reports the
map canvas's drawing buffer over its CSS size (the ratio the map draws at) and the median time
per step of a mouse pan across the empty map (``PAN_STEPS`` moves of 4 px): Chromium delivers
each move with the next frame, and a pan redraws all three Decks (basemap, fills, top), so a
step is one whole frame, SwiftShader's rasterising and the compositor's readback included.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from harness.browser import launch  # noqa: E402
from harness.server import streamlit_server  # noqa: E402

SCREENS = {"phone 390×844": (390, 844), "desktop 1400×900": (1400, 900)}
RATIOS = (1, 2, 3)
ROUNDS = 3
PAN_STEPS = 40


def measure(browser, url: str, size: tuple[int, int], ratio: float) -> tuple[float, float]:
    """(the ratio the map draws at, median ms per pan step) for one page load."""
    context = browser.new_context(
        viewport={"width": size[0], "height": size[1]}, device_scale_factor=ratio
    )
    page = context.new_page()
    try:
        page.goto(url)
        page.wait_for_function("() => window.__deckmapTest?.stats().frames > 0", timeout=90_000)
        page.wait_for_function(
            "() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=60_000
        )
        time.sleep(3)
        drawn = page.evaluate(
            """() => { const c = window.__deckmapTest.element().querySelector('canvas.top');
                       return c.width / c.clientWidth; }"""
        )
        view = page.locator(".deckmap .view")
        view.scroll_into_view_if_needed()
        box = view.bounding_box()
        # Near the top left corner: open map, no site or ring to grab.
        x, y = box["x"] + 20, box["y"] + 20
        page.mouse.move(x, y)
        page.mouse.down()
        steps = []
        for i in range(1, PAN_STEPS + 1):
            started = time.perf_counter()
            page.mouse.move(x + 4 * i, y + 2 * i)
            page.evaluate("() => new Promise((r) => requestAnimationFrame(() => r()))")
            steps.append((time.perf_counter() - started) * 1000)
        page.mouse.up()
        return drawn, statistics.median(steps[5:])
    finally:
        context.close()


def main() -> None:
    results: dict[tuple[str, float], list[tuple[float, float]]] = {}
    with (
        streamlit_server(
            ["-m", "streamlit", "run", "app.py"], Path("/tmp/pixel-ratio-bench.log")
        ) as (_, base_url),
        sync_playwright() as p,
    ):
        browser = launch(p)
        for _ in range(ROUNDS):
            for screen, size in SCREENS.items():
                for ratio in RATIOS:
                    results.setdefault((screen, ratio), []).append(
                        measure(browser, f"{base_url}/?", size, ratio)
                    )
        browser.close()
    print("| screen | devicePixelRatio | drawn at | pan step, median ms (per load) |")
    print("|---|---:|---:|---:|")
    for (screen, ratio), runs in results.items():
        drawn = statistics.median(d for d, _ in runs)
        step = statistics.median(s for _, s in runs)
        each = ", ".join(f"{s:.0f}" for _, s in runs)
        print(f"| {screen} | {ratio} | {drawn:.2f} | **{step:.0f}** ({each}) |")


if __name__ == "__main__":
    main()
