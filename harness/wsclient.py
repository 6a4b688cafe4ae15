"""A Streamlit session driven over its websocket, without a browser (tests and bench/).

It speaks the frontend's protocol: a ``BackMsg`` asks for a rerun with the query string and
widget states, and the server answers with ``ForwardMsg`` deltas until the run finishes. Map
edits are sent as the map component sends them (a JSON trigger value), so a test can forge what
a hostile page could send, and a benchmark can time script runs with no browser sharing the CPU.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from dataclasses import dataclass, field

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import ClientConnection, connect

EARLY_FOR_RERUN = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN
# Streamlit's id of a component's trigger widget (streamlit.components.v2 ``_make_trigger_id``).
TRIGGER_ID = "$$STREAMLIT_INTERNAL_KEY_{element_id}__events"


def shown_text(markdown: str) -> str:
    """The text a notice written with ``ui.text.plain`` shows."""
    return re.sub(r"\\(.)", r"\1", markdown.replace(":red[]", ""))


@dataclass
class Run:
    """What one script run sent back."""

    seconds: float
    alerts: list[str] = field(default_factory=list)  # as shown
    exceptions: list[str] = field(default_factory=list)
    map_data: dict | None = None
    map_id: str = ""
    components: list[str] = field(default_factory=list)
    query_string: str | None = None
    # label -> (widget id, values it was set to, or None if left as the page has them) of each
    # multiselect the run drew
    multiselects: dict[str, tuple[str, list[str] | None]] = field(default_factory=dict)


class Session:
    """One user's session: open it on a link, then send map edits and wait for each run."""

    def __init__(self, url: str) -> None:
        self.ws_url = url.replace("http://", "ws://", 1) + "/_stcore/stream"
        self.ws: ClientConnection | None = None
        self.query_string = ""
        self.map_id = ""
        self.session_id = ""
        self.component_ids: dict[str, str] = {}  # component name (last part) -> element id

    async def open(self, query_string: str = "", timeout_s: float = 60.0) -> Run:
        self.ws = await connect(self.ws_url, max_size=64 * 2**20)
        self.query_string = query_string
        return await self.rerun([], timeout_s=timeout_s)

    async def edit(self, edit: object, timeout_s: float = 60.0) -> Run:
        """Send ``edit`` as the map's ``edit`` trigger and wait for the run it starts."""
        return await self.rerun(self.edit_states(edit), timeout_s=timeout_s)

    def edit_states(self, edit: object, *, raw_json: str | None = None) -> list[dict]:
        """Widget states carrying ``edit`` (or ``raw_json``, the edit as JSON text, sent as is)."""
        return self.trigger_states("deckmap", "edit", edit, raw_json=raw_json)

    def trigger_states(
        self, component: str, event: str, value: object, *, raw_json: str | None = None
    ) -> list[dict]:
        """Widget states carrying ``value`` as the ``event`` trigger of ``component``."""
        value_json = json.dumps(value) if raw_json is None else raw_json
        payload = '[{"event": "' + event + '", "value": ' + value_json + "}]"
        element_id = self.component_ids[component]
        return [{"id": TRIGGER_ID.format(element_id=element_id), "json_trigger_value": payload}]

    async def send(self, widgets: list[dict]) -> None:
        """Ask for a rerun with ``widgets`` (``{"id": ..., "<value field>": ...}``; a list is the
        value of an array field such as ``string_array_value``)."""
        msg = BackMsg()
        msg.rerun_script.query_string = self.query_string
        msg.rerun_script.page_script_hash = ""
        for widget in widgets:
            state = msg.rerun_script.widget_states.widgets.add()
            for key, value in widget.items():
                if isinstance(value, list):
                    getattr(state, key).data.extend(value)
                else:
                    setattr(state, key, value)
        assert self.ws is not None
        await self.ws.send(msg.SerializeToString())

    async def rerun(self, widgets: list[dict], timeout_s: float = 60.0) -> Run:
        start = time.perf_counter()
        await self.send(widgets)
        return await self.finish(start, timeout_s)

    async def finish(self, start: float, timeout_s: float = 60.0) -> Run:
        """Read messages until a script run finishes; what it sent, timed from ``start``."""
        run = Run(0.0)
        deadline = start + timeout_s
        assert self.ws is not None
        while True:
            left = deadline - time.perf_counter()
            raw = await asyncio.wait_for(self.ws.recv(), max(left, 0.001))
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            kind = msg.WhichOneof("type")
            if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                which = element.WhichOneof("type")
                if which == "alert":
                    run.alerts.append(shown_text(element.alert.body))
                elif which == "multiselect":
                    picker = element.multiselect
                    values = list(picker.raw_values) if picker.set_value else None
                    run.multiselects[picker.label] = (picker.id, values)
                elif which == "exception":
                    run.exceptions.append(f"{element.exception.type}: {element.exception.message}")
                elif which == "bidi_component":
                    component = element.bidi_component
                    name = component.component_name.rsplit(".", 1)[-1]
                    self.component_ids[name] = component.id
                    run.components.append(name)
                    if name == "deckmap":
                        run.map_data = json.loads(component.json)
                        run.map_id = self.map_id = component.id
            elif kind == "new_session":
                self.session_id = msg.new_session.initialize.session_id
            elif kind == "page_info_changed":
                run.query_string = self.query_string = msg.page_info_changed.query_string
            elif kind == "script_finished" and msg.script_finished != EARLY_FOR_RERUN:
                run.seconds = time.perf_counter() - start
                return run

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
