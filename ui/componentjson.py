"""A component value nested too deeply for Python's JSON decoder reaches the app as a value it
does not know, which it answers with its notice, instead of failing before the app runs.

Streamlit decodes what a component sends (``streamlit.components.v2.bidi_component
.serialization``) with ``json.loads`` and catches only ``JSONDecodeError``. Nested past the
interpreter's recursion limit (about 1,000 levels; no page of this app nests deeper than three)
the decoder raises ``RecursionError`` instead, in Streamlit's code before the app's callbacks, and
the page shows Streamlit's error box. Only a forged message nests that deep.
"""

from __future__ import annotations

import json
import re

from streamlit.components.v2.bidi_component import serialization

# What a component's trigger sends (Streamlit's frontend, or a forgery of it): a list of
# {"event": name, "value": value}. Read without decoding the value.
_TRIGGER = re.compile(r'\s*\[\s*\{\s*"event"\s*:\s*"(\w{1,64})"\s*,\s*"value"\s*:')
TOO_DEEP = "a value nested too deeply to read"


class _GuardedJson:
    """``json`` for Streamlit's component decoding, with ``loads`` guarded."""

    def __getattr__(self, name: str) -> object:
        return getattr(json, name)

    @staticmethod
    def loads(text: str, *args: object, **kwargs: object) -> object:
        try:
            return json.loads(text, *args, **kwargs)
        except RecursionError:
            trigger = _TRIGGER.match(text) if isinstance(text, str) else None
            if trigger is None:  # a component's state: Streamlit reads an undecodable one as {}
                raise json.JSONDecodeError("nested too deeply", text, 0) from None
            return [{"event": trigger[1], "value": TOO_DEEP}]


def guard_component_json() -> None:
    """Make Streamlit's component decoding use the guarded ``loads`` (idempotent)."""
    serialization.json = _GuardedJson()
