"""geo.gazetteer: finding places by name, offline, in the bundled Natural Earth places."""

from __future__ import annotations

import pandas as pd

from geo import data
from geo.gazetteer import Gazetteer, fold

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
    for town, country in [("Mozdok", "Russia"), ("Shuya", "Russia"), ("Kiev", "Ukraine")]:
        best = gazetteer.find(town).iloc[0]
        assert (best["name"], best["adm0name"]) == (town, country)
