"""One definition of "in range": the places table holds the places the exported union covers."""

from __future__ import annotations

import pytest
import shapely

from geo import DEFAULT_TOLERANCE_M, Band, LaunchSite, data
from geo.geojson import coverage_features
from geo.places import places_in_range
from tests.union_check import assert_places_match_union

BATTALIONS = [data.find_preset(n) for n in ("Kapustin Yar", "Kamyshlov", "Mozdok", "Shuya")]
SITE_SETS = {
    "battalions": BATTALIONS,
    # Each site inside the other's inner disk: the band is the union of two annuli.
    "close pair": [
        LaunchSite(name="A", lat=50.0, lon=10.0),
        LaunchSite(name="B", lat=51.0, lon=13.0),
    ],
    "across 180": [
        LaunchSite(name="E", lat=65.0, lon=179.5),
        LaunchSite(name="W", lat=60.0, lon=-170.0),
    ],
    "near poles": [
        LaunchSite(name="N", lat=89.0, lon=0.0),
        LaunchSite(name="S", lat=-85.0, lon=120.0),
    ],
}
BANDS = [Band(500.0, 5500.0), Band(0.0, 480.0), Band(0.0, 2500.0), Band(1000.0, 1500.0)]


@pytest.mark.parametrize("band", BANDS, ids=lambda b: b.label)
@pytest.mark.parametrize("sites", SITE_SETS.values(), ids=SITE_SETS.keys())
def test_places_in_range__are_the_places_the_union_feature_covers(sites, band):
    places = data.places()
    table = places_in_range(sites, places, band.max_km * 1000.0, min_radius_m=band.min_km * 1000.0)
    [union] = coverage_features(sites, [band], union=True, tolerance_m=DEFAULT_TOLERANCE_M)
    assert union.kind == "union"
    covered = assert_places_match_union(
        table, places, union.geometry, sites, band, DEFAULT_TOLERANCE_M
    )
    assert covered == pytest.approx(len(table), abs=3)


def test_places_in_range__moscow_tbilisi_yerevan_in_the_inf_band_of_the_battalions():
    # Moscow is 263 km from Shuya, inside its 500 km edge, but 971 km from Kapustin Yar.
    table = places_in_range(BATTALIONS, data.places(), 5_500_000.0, min_radius_m=500_000.0)
    rows = table.set_index("name")
    for name in ("Moscow", "Tbilisi", "Yerevan"):
        assert name in rows.index, name
    assert rows.loc["Moscow", "nearest_site"].startswith("Kapustin Yar")
    assert rows.loc["Moscow", "distance_km"] == pytest.approx(971, abs=5)


def test_places_in_range__a_place_inside_every_inner_disk_is_out_of_the_band():
    sites = [LaunchSite(name="A", lat=50.0, lon=10.0), LaunchSite(name="B", lat=50.0, lon=11.0)]
    table = places_in_range(sites, data.places(), 5_500_000.0, min_radius_m=500_000.0)
    union = shapely.union_all(
        [
            g.geometry
            for g in coverage_features(sites, [Band(500.0, 5500.0)], union=True, tolerance_m=100.0)
        ]
    )
    for name in ("Frankfurt", "Würzburg"):
        assert name not in set(table["name"])
        row = data.places().query("name == @name").iloc[0]
        assert not union.covers(shapely.Point(row["longitude"], row["latitude"]))
