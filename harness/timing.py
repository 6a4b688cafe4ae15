"""Each run of the app's script timed, callbacks included, by wrapping Streamlit's exec.

``bench/dashboard.py`` applies it under AppTest; ``python -m harness.timing [streamlit options]``
serves ``app.py`` with it and prints ``bench-script-ms <ms>`` after each run (``bench/drag.py``).
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from streamlit.runtime.scriptrunner import script_runner

from harness.server import streamlit_server


def time_script_runs(record: Callable[[float], object]) -> None:
    """Call ``record(seconds)`` after each execution of the app script."""
    original = script_runner.exec_func_with_error_handling

    def timed(func, ctx):
        started = time.perf_counter()
        try:
            return original(func, ctx)
        finally:
            record(time.perf_counter() - started)

    script_runner.exec_func_with_error_handling = timed


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
        with streamlit_server(["-m", "harness.timing"], log) as (_, url):
            yield App(url, log)


if __name__ == "__main__":
    from streamlit.web import cli

    time_script_runs(lambda seconds: print(f"bench-script-ms {seconds * 1e3:.1f}", flush=True))
    sys.argv = ["streamlit", "run", "app.py", *sys.argv[1:]]
    cli.main()
