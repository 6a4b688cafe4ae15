"""The websocket traffic a page receives from the app, as the benchmarks count it."""

from __future__ import annotations

import time

from playwright.sync_api import Page
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

QUIET_S = 1.5


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
