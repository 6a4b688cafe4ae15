"""One cleaning of user text for every way it enters: import, link, fields, edits, command line.

A lone surrogate broke every later rerun of a session (no UTF-8 page can hold one); a
right-to-left override showed ``\u202eexe.gnp`` as ``png.exe`` in tooltips, tables and files.
"""

from __future__ import annotations

import json

import pytest

from geo.cli import main
from geo.sites_io import parse_sites
from geo.text import clean_text
from ui.urlstate import MapState, from_query

HIDDEN = [
    "\u202e",  # right-to-left override
    "\u202a",  # left-to-right embedding
    "\u2066",  # left-to-right isolate
    "\u2069",  # pop directional isolate
    "\u200f",  # right-to-left mark
    "\u061c",  # Arabic letter mark
    "\u200b",  # zero-width space
    "\u2060",  # word joiner
    "\ufeff",  # zero-width no-break space (byte order mark)
    "\u200d",  # zero-width joiner between ASCII letters: hides a difference
    "\u00ad",  # soft hyphen
]


@pytest.mark.parametrize("char", HIDDEN)
def test_invisible_format_characters_are_removed(char):
    assert clean_text(f"Moz{char}dok") == "Mozdok"
    assert clean_text(f"{char}exe.gnp") == "exe.gnp"


def test_lone_surrogates_become_replacement_characters_and_text_encodes():
    cleaned = clean_text("evil\udcff and \ud800")
    assert cleaned == "evil\ufffd and \ufffd"
    cleaned.encode("utf-8")


def test_joiners_that_shape_a_script_or_an_emoji_are_kept():
    persian = "می\u200cخواهم"  # ZWNJ between Persian letters
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert clean_text(persian) == persian
    assert clean_text(family) == family


def test_controls_become_spaces_and_text_is_nfc():
    assert clean_text(" Kapustin\tYar\n") == "Kapustin Yar"
    assert clean_text("Mu\u0308nchen") == "M\u00fcnchen"


def test_import_cleans_names_roles_and_sources():
    feature = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [45.74, 48.58]},
        "properties": {"name": "evil\udcff", "role": "\u202erole", "source": "s\u200bource"},
    }
    (site,) = parse_sites(json.dumps(feature)).sites
    assert (site.name, site.role, site.source) == ("evil\ufffd", "role", "source")
    (site,) = parse_sites("name,lat,lon\n\u202eexe.gnp,48.58,45.74\n".encode()).sites
    assert site.name == "exe.gnp"


def test_link_values_are_cleaned():
    default = MapState(system="9M729", mode="both", sites=())
    params = {"site": ["48.58,45.74,\u202eexe.gnp", "10,10,evil\udcff"], "mode": ["claimed\u200b"]}
    state, notices = from_query(params, default=default, systems=["9M729"])
    assert [s.name for s in state.sites] == ["exe.gnp", "evil\ufffd"]
    assert state.mode == "claimed"
    assert notices == []


def test_command_line_names_and_titles_are_cleaned(tmp_path):
    out = tmp_path / "out.geojson"
    # argv is decoded with surrogateescape: undecodable bytes arrive as lone surrogates.
    args = ["export", "--site=48.58,45.74,\u202eexe.gnp\udcff", "--range-km", "480"]
    assert main([*args, "-o", str(out)]) == 0
    names = {f["properties"]["site_name"] for f in json.loads(out.read_text())["features"]}
    assert names == {"exe.gnp\ufffd"}
