"""The app on a free local port, driven over its websocket (``harness.wsclient``), no browser."""

from __future__ import annotations

import asyncio
import concurrent.futures
import subprocess
from collections.abc import Iterator

import pytest

from harness.server import ROOT, streamlit_server


@pytest.fixture(scope="module")
def app_server(tmp_path_factory) -> Iterator[tuple[subprocess.Popen, str]]:
    """The server process and its URL."""
    log = tmp_path_factory.mktemp("server") / "server.log"
    with streamlit_server(["-m", "streamlit", "run", "app.py"], log) as server:
        yield server


@pytest.fixture(scope="module")
def app_url(app_server) -> str:
    return app_server[1]


def run(coroutine):
    """Run one test's coroutine (the sessions it opens share one event loop) in a thread of its
    own: the browser tests' Playwright keeps an event loop running in pytest's thread."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


__all__ = ["ROOT", "run"]
