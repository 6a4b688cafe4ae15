"""Streamlit's decoding of component values, guarded against nesting deeper than Python's JSON
decoder goes (ui.componentjson)."""

from __future__ import annotations

import json

import pytest
from streamlit.components.v2.bidi_component import serialization

from ui.componentjson import TOO_DEEP, guard_component_json

DEEP = "[" * 5000 + "]" * 5000


def trigger(value_json: str, spaced: bool = False) -> str:
    sep = ", " if spaced else ","
    return '[{"event":"edit"' + sep + '"value":' + value_json + "}]"


def test_streamlit_alone_fails_on_deep_nesting(monkeypatch):
    """Why the guard exists: Streamlit catches only JSONDecodeError."""
    monkeypatch.setattr(serialization, "json", json)
    with pytest.raises(RecursionError):
        serialization.deserialize_trigger_list(trigger(DEEP))


@pytest.mark.parametrize("spaced", [False, True])
def test_a_deep_trigger_value_reaches_the_app_as_a_value_it_does_not_know(spaced):
    guard_component_json()
    assert serialization.deserialize_trigger_list(trigger(DEEP, spaced)) == [
        {"event": "edit", "value": TOO_DEEP}
    ]


def test_a_deep_component_state_is_read_as_empty_and_other_values_as_before():
    guard_component_json()
    guard_component_json()  # idempotent
    assert dict(serialization.BidiComponentSerde().deserialize('{"a":' + DEEP + "}")) == {}
    # Not a trigger's shape: Streamlit keeps undecodable text as text.
    assert serialization.deserialize_trigger_list(DEEP) == [DEEP]
    edit = {"action": "move", "id": "0", "lat": 1.5, "lon": 2, "from": [[1, 2]]}
    assert serialization.deserialize_trigger_list(trigger(json.dumps(edit))) == [
        {"event": "edit", "value": edit}
    ]
    assert serialization.deserialize_trigger_list("not json") == ["not json"]
    assert dict(serialization.BidiComponentSerde().deserialize('{"a": [1]}')) == {"a": [1]}
