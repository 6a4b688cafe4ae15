"""The map's contract, Python's side: the data ``ui.deckmap`` sends is a ``DeckmapData``, and so
is the example in tests/fixtures/deckmap-contract.json, whose edits are ``MapEdit``s that
``ui.edits`` applies. frontend/test/contract.test.js holds the browser's side to the same file.
"""

from __future__ import annotations

import json
import types
import typing
from pathlib import Path

import pandas as pd
import pytest

from geo import LaunchSite, data, rings_for
from ui.deckmap import DeckmapData, MapEdit, map_data
from ui.edits import apply_edit, measure_points, target_point
from ui.layers import static_layers

FIXTURE = Path(__file__).parent / "fixtures" / "deckmap-contract.json"


def mismatches(value: object, hint: object, where: str = "data") -> list[str]:
    """Where ``value`` (parsed JSON) is not of type ``hint``: [] when it is. A TypedDict must
    have exactly its keys; JSON has no tuples, so a tuple is a list of that length."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if typing.is_typeddict(hint):
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__}, not an object"]
        fields = typing.get_type_hints(hint)
        if set(value) != set(fields):
            return [f"{where}: keys {sorted(value)}, expected {sorted(fields)}"]
        return [m for key, t in fields.items() for m in mismatches(value[key], t, f"{where}.{key}")]
    if origin in (typing.Union, types.UnionType):
        options = [mismatches(value, option, where) for option in args]
        return [] if any(not m for m in options) else min(options, key=len)
    if origin is typing.Literal:
        return [] if value in args else [f"{where}: {value!r} not one of {args}"]
    if origin is list:
        if not isinstance(value, list):
            return [f"{where}: {type(value).__name__}, not a list"]
        return [
            m for i, item in enumerate(value) for m in mismatches(item, args[0], f"{where}[{i}]")
        ]
    if origin is tuple:
        if not isinstance(value, list) or len(value) != len(args):
            return [f"{where}: {value!r}, not a list of {len(args)}"]
        return [
            m
            for i, (v, t) in enumerate(zip(value, args, strict=True))
            for m in mismatches(v, t, f"{where}[{i}]")
        ]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__}, not an object"]
        key_type, value_type = args
        return [
            m
            for key, item in value.items()
            for m in mismatches(key, key_type, f"{where} key")
            + mismatches(item, value_type, f"{where}.{key}")
        ]
    if hint is object:
        return []
    if hint is type(None):
        return [] if value is None else [f"{where}: {value!r}, not null"]
    if hint is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return [] if ok else [f"{where}: {value!r}, not a number"]
    if hint in (int, str, bool):
        ok = isinstance(value, hint) and (hint is bool or not isinstance(value, bool))
        return [] if ok else [f"{where}: {value!r}, not {hint.__name__}"]
    raise TypeError(f"{where}: no check for {hint!r}")


@pytest.fixture(scope="module")
def example() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def test_example_data_is_a_deckmap_data(example):
    assert mismatches(example["data"], DeckmapData) == []


def test_example_edits_are_map_edits(example):
    for edit in example["edits"]:
        assert mismatches(edit, MapEdit, f"edit {edit['action']}") == []


def test_checker_names_what_is_wrong(example):
    broken = json.loads(json.dumps(example["data"]))
    broken["sites"][0]["lat"] = "48.58"
    del broken["rings"][0]["width"]
    broken["view"] = "3d"
    found = mismatches(broken, DeckmapData)
    assert any("sites[0].lat" in m for m in found), found
    assert any("rings[0]: keys" in m for m in found), found
    assert any("data.view" in m for m in found), found


def test_what_the_app_sends_is_a_deckmap_data_as_in_the_example(example):
    sites = tuple(
        LaunchSite(name=site["name"], lat=site["lat"], lon=site["lon"])
        for site in example["data"]["sites"]
    )
    rings, _ = rings_for(data.system("9M729"), "both", estimates=True, extra_km=(1000.0,))
    places = pd.DataFrame(
        {
            "name": ["Volgograd", "Kiev"],
            "country": ["Russia", "Ukraine"],
            "capital": [False, True],
            "population": [1013533, 2709000],
            "distance_km": [66.1, 1104.5],
            "nearest_site": [sites[0].name, sites[1].name],
            "lat": [48.71, 50.45],
            "lon": [44.50, 30.52],
        }
    )
    fills = example["data"]["layers"]["fills"][0]["data"]["features"]
    for places_in_range in (places, None):
        for view in ("map", "globe"):
            sent = map_data(
                static_layers(band_fills=fills, marks=fills),
                places=places_in_range,
                sites=sites,
                rings=rings,
                view=view,
                tolerance_m=100.0,
            )
            assert mismatches(json.loads(json.dumps(sent)), DeckmapData) == []
    assert sent["layers"]["base"] == example["data"]["layers"]["base"]
    assert sent["style"] == example["data"]["style"]


def test_python_applies_the_example_edits(example):
    sites = tuple(
        LaunchSite(name=site["name"], lat=site["lat"], lon=site["lon"])
        for site in example["data"]["sites"]
    )
    *edits, measure, target = example["edits"]
    for edit in edits:
        result = apply_edit(sites, edit)
        assert result.ok, (edit, result.message)
    assert measure_points(measure) == ((48.58, 45.74), (50.45, 30.52))
    assert target_point(target) == (64.73, 177.51)
    moved, added, removed = (apply_edit(sites, edit).sites for edit in edits)
    assert (moved[0].lat, moved[0].lon) == (50.45, 30.52)
    assert (added[-1].lat, added[-1].lon) == (52.0, 10.0)
    assert [site.name for site in removed] == [sites[0].name]
