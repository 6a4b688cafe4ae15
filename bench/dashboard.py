"""Dashboard benchmark: server time of a rerun after one change, first map paint, bytes per
interaction. Run by hand (``.venv/bin/python bench/dashboard.py``); numbers go in the README.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from streamlit.runtime.scriptrunner import script_runner
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, app_url  # noqa: E402

REPEATS = 9


def _time_script_runs(durations: list[float]) -> None:
    """Time each execution of the app script itself (AppTest adds its own polling around it)."""
    original = script_runner.exec_func_with_error_handling

    def timed(func, ctx):
        t0 = time.perf_counter()
        try:
            return original(func, ctx)
        finally:
            durations.append(time.perf_counter() - t0)

    script_runner.exec_func_with_error_handling = timed


def rerun_server_ms() -> tuple[float, float]:
    """Median ms of script time for a rerun that adds one site, and for one that changes nothing."""
    durations: list[float] = []
    _time_script_runs(durations)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    changed, unchanged = [], []
    for i in range(REPEATS):
        at.text_input(key="new_coords").set_value(f"{50 + i * 0.37:.2f}, {30 + i * 0.53:.2f}")
        next(b for b in at.button if b.label == "Add site").click().run()
        changed.append(durations[-1])
        at.run()
        unchanged.append(durations[-1])
    return statistics.median(changed) * 1e3, statistics.median(unchanged) * 1e3


def browser_numbers() -> tuple[list[float], list[int]]:
    from playwright.sync_api import sync_playwright

    server = app_url.__wrapped__()  # the fixture's generator: starts streamlit
    url = next(server)
    paints, payloads = [], []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            for _ in range(3):
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                received = []

                def count(frame, r=received):
                    r.append(len(frame) if isinstance(frame, (bytes, str)) else 0)

                page.on("websocket", lambda ws, c=count: ws.on("framereceived", c))
                t0 = time.perf_counter()
                page.goto(url)
                page.locator("canvas").first.wait_for(timeout=60_000)
                page.wait_for_function(
                    "() => !document.querySelector('[data-testid=stStatusWidget]')"
                )
                paints.append(time.perf_counter() - t0)
                time.sleep(2)
                for label in ("Claimed", "Alleged", "Both"):
                    before = sum(received)
                    page.get_by_role("radio", name=label).check(force=True)
                    time.sleep(2.5)
                    payloads.append(sum(received) - before)
                page.close()
            browser.close()
    finally:
        server.close()
    return paints, payloads


def main() -> None:
    changed_ms, unchanged_ms = rerun_server_ms()
    paints, payloads = browser_numbers()
    print("| measure | median | all runs |")
    print("|---|---:|---|")
    print(f"| script time of a rerun adding one site | {changed_ms:.0f} ms | |")
    print(f"| script time of a rerun changing nothing | {unchanged_ms:.0f} ms | |")
    print(
        f"| page request to first map paint | {statistics.median(paints):.1f} s | "
        + ", ".join(f"{t:.1f}" for t in paints)
        + " |"
    )
    print(
        f"| websocket bytes per view toggle | {statistics.median(payloads) / 1000:.0f} KB | "
        + ", ".join(f"{b / 1000:.0f}" for b in payloads)
        + " |"
    )


if __name__ == "__main__":
    main()
