"""geo.gazetteer: finding places by name, offline, in the bundled Natural Earth places."""

from __future__ import annotations

import sys

import pandas as pd
import pytest

from geo import data
from geo.gazetteer import Gazetteer, fold

ROOT = data.DATA_DIR.parent

SMALL = pd.DataFrame(
    {
        "name": ["Newark", "York", "New York", "São Paulo", "Yorkton", "York"],
        "nameascii": ["Newark", "York", "New York", "Sao Paulo", "Yorkton", "York"],
        "pop_max": [280_000, 150_000, 19_000_000, 18_000_000, 16_000, 43_000],
    }
)


def test_fold_ignores_case_and_accents():
    assert fold(" São PAULO ") == fold("sao paulo") == "sao paulo"


def test_exact_then_prefix_then_word_then_contains_most_populous_first():
    found = Gazetteer(SMALL).find("york")
    assert list(found["name"]) == ["York", "York", "Yorkton", "New York"]
    assert list(found["pop_max"][:2]) == [150_000, 43_000]
    assert list(Gazetteer(SMALL).find("ew")["name"]) == ["New York", "Newark"]


def test_accents_do_not_matter_either_way():
    assert list(Gazetteer(SMALL).find("sao")["name"]) == ["São Paulo"]
    assert list(Gazetteer(SMALL).find("SÃO P")["name"]) == ["São Paulo"]


def test_empty_query_or_no_match_finds_nothing_and_limit_holds():
    gazetteer = Gazetteer(SMALL)
    assert gazetteer.find("  ").empty
    assert gazetteer.find("Atlantis").empty
    assert gazetteer.find("a(b[*").empty  # text, not a pattern
    assert len(gazetteer.find("o", limit=2)) == 2


def test_bundled_gazetteer_finds_the_reported_sites_towns():
    gazetteer = data.gazetteer()
    for town, country in [("Mozdok", "Russia"), ("Shuya", "Russia"), ("Kyiv", "Ukraine")]:
        best = gazetteer.find(town).iloc[0]
        assert (best["name"], best["adm0name"]) == (town, country)


@pytest.mark.parametrize(
    ("query", "name", "country"),
    [
        ("Kyiv", "Kyiv", "Ukraine"),
        ("Kiev", "Kyiv", "Ukraine"),
        ("Київ", "Kyiv", "Ukraine"),
        ("Lviv", "Lviv", "Ukraine"),
        ("Lvov", "Lviv", "Ukraine"),
        ("Moscow", "Moscow", "Russia"),
        ("Moskva", "Moscow", "Russia"),
        ("Москва", "Moscow", "Russia"),
        ("Chișinău", "Chișinău", "Moldova"),
        ("Chisinau", "Chișinău", "Moldova"),
        ("Rangoon", "Yangon", "Myanmar"),
    ],
)
def test_bundled_gazetteer__current_names_with_old_and_native_spellings_searchable(
    query, name, country
):
    best = data.gazetteer().find(query).iloc[0]
    assert (best["name"], best["adm0name"]) == (name, country)


def test_places__current_names_and_the_same_places_and_capitals_as_natural_earth():
    places = data.places()
    assert len(places) == 7343
    assert int(places["is_capital"].sum()) == 201
    rows = places.set_index("ne_name")
    assert rows.loc["Kiev", "name"] == "Kyiv"
    assert rows.loc["Lvov", "name"] == "Lviv"
    assert rows.loc["Chișinău", "name"] == "Chișinău"  # GeoNames' "Chisinau" only drops marks
    assert "Київ" in rows.loc["Kiev", "other_names"].split("|")


def test_place_names_csv__is_what_the_script_builds_from_the_shipped_files(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import make_place_names
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    make_place_names.main(tmp_path / "place_names.csv")
    assert (tmp_path / "place_names.csv").read_bytes() == data.PLACE_NAMES_CSV.read_bytes()
