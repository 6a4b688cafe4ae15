"""First map paint of two or more checkouts of the app, side by side in one run.

Run by hand, e.g. to compare ``main`` with an older commit::

    git worktree add /tmp/before <commit>
    .venv/bin/python bench/first_paint.py /tmp/before/app.py app.py

Each app runs on its own server. Each round loads the default page ``/?`` once per app, in turn,
each in a fresh browser context (cold HTTP cache) whose tab is open and idle before the page is
requested (a new headless context first loads Chromium's own UI pages, which would otherwise take
a core during the load). Chromium's trace records the screen as it is drawn (DevTools'
filmstrip), compared with how the map area looks 7 s after deck.gl's first frame (mean absolute
difference per channel, of 255): the map's **first picture** is the first frame within 10 of
it (the flat map's 2D preview, which lacks the place dots and ring labels, is ~3.5 away; the
page before it ~45), and the map is **complete** at the first frame within 1. Unlike
``bench/dashboard.py``'s screenshots taken over and over, the filmstrip makes the page draw no
extra frames.
Round 0 warms each server's caches and is not counted.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import statistics
import sys
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from harness import script  # noqa: E402
from harness.browser import VIEWPORT, launch  # noqa: E402
from harness.server import streamlit_server  # noqa: E402

ROUNDS = 4
SETTLE_MS = 7_000
# Mean absolute difference per channel (of 255) from the settled map area.
PICTURE_WITHIN = 10.0
COMPLETE_WITHIN = 1.0
# When the map's hook appears (its Decks are created) and when its top Deck first draws.
MARKS = script("paint_marks")


def painted_at(trace: Path, box: dict) -> tuple[float, float]:
    """Seconds from navigation to the first filmstrip frame with a picture of the map in its
    map area, and to the first whose map area is final."""
    events = json.loads(trace.read_text())["traceEvents"]
    start = min(e["ts"] for e in events if e.get("name") == "navigationStart")
    frames = []
    for event in sorted(
        (e for e in events if e.get("name") == "Screenshot"), key=lambda e: e["ts"]
    ):
        png = base64.b64decode(event["args"]["snapshot"])
        image = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)
        scale = image.shape[1] / VIEWPORT["width"]
        top, left = int(box["y"] * scale), int(box["x"] * scale)
        bottom = int((box["y"] + box["height"]) * scale)
        right = int((box["x"] + box["width"]) * scale)
        frames.append(((event["ts"] - start) / 1e6, image[top:bottom, left:right]))
    final = frames[-1][1]
    differences = [(t, np.abs(crop - final).mean()) for t, crop in frames]
    picture = next(t for t, difference in differences if difference < PICTURE_WITHIN)
    complete = next(t for t, difference in differences if difference < COMPLETE_WITHIN)
    return picture, complete


def load(browser, url: str, trace: Path) -> dict[str, float]:
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.add_init_script(MARKS)
    page.goto("about:blank")
    page.wait_for_timeout(2_500)
    browser.start_tracing(
        page=page, path=str(trace), screenshots=True, categories=["blink.user_timing"]
    )
    page.goto(url + "/?")
    page.wait_for_function("() => window.__paint.drawn", timeout=120_000)
    page.wait_for_timeout(SETTLE_MS)
    box = page.locator(".deckmap .view").bounding_box()
    marks = page.evaluate("() => window.__paint")
    browser.stop_tracing()
    context.close()
    picture, complete = painted_at(trace, box)
    return {
        "mounted": marks["mounted"] / 1e3,
        "picture": picture,
        "drawn": marks["drawn"] / 1e3,
        "complete": complete,
    }


def main(apps: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    results: dict[str, list[dict[str, float]]] = {app: [] for app in apps}
    with contextlib.ExitStack() as stack, sync_playwright() as playwright:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        urls = {}
        for i, app in enumerate(apps):
            program = ["-m", "streamlit", "run", str(Path(app).resolve())]
            _, urls[app] = stack.enter_context(streamlit_server(program, tmp / f"{i}.log"))
        browser = launch(playwright)
        for round_ in range(ROUNDS + 1):
            for app in apps:
                times = load(browser, urls[app], tmp / "trace.json")
                print(round_, app, {k: round(v, 2) for k, v in times.items()}, flush=True)
                if round_:
                    results[app].append(times)
        browser.close()
    keys = ("mounted", "picture", "drawn", "complete")
    print(
        "\n| app | Decks created, s | first picture, s | top Deck's first frame, s | complete, s |"
    )
    print("|---|---:|---:|---:|---:|")
    for app, runs in results.items():
        medians = [statistics.median(r[k] for r in runs) for k in keys]
        print(f"| {app} | " + " | ".join(f"{m:.2f}" for m in medians) + " |")


if __name__ == "__main__":
    main(sys.argv[1:] or ["app.py"])
