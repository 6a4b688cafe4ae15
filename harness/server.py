"""A Streamlit program on a free local port, for the browser tests and the benchmarks."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# A server log line that means something went wrong in a script run.
BAD_LOG_LINE = re.compile(r"Traceback|Error|Exception|ScriptRunContext")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(
    program: Sequence[str], log: Path, cwd: Path = ROOT
) -> Iterator[tuple[subprocess.Popen, str]]:
    """Run ``python <program> --server.port P --server.address 127.0.0.1`` from ``cwd`` (the
    project root, or another checkout a benchmark compares, with its own
    ``.streamlit/config.toml``), its output in ``log``; yield the process and its URL once its
    health check answers, and stop it on exit.

    ``program`` is e.g. ``["-m", "streamlit", "run", "app.py"]``.
    """
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, *program, "--server.port", str(port), "--server.address", "127.0.0.1"],
            cwd=cwd,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                        if resp.status == 200:
                            break
                except OSError:
                    if time.monotonic() > deadline or proc.poll() is not None:
                        raise RuntimeError(f"streamlit did not start; see {log}") from None
                    time.sleep(0.3)
            yield proc, url
        finally:
            proc.terminate()
            proc.wait(timeout=10)
