"""What the panel counts is what the export holds: places, metrics and shares of each ring agree
with the union of the downloaded GeoJSON's regions for that ring (AppTest)."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
import shapely
from shapely.geometry import shape

from geo import Band, data
from tests.app.apptest import run_app, table
from tests.app.test_exports import GEOJSON_NAME, cli_bytes, download, served_by
from tests.union_check import assert_places_match_union, assert_shares_match_union
from ui import compute

SITE_SETS = {
    "battalions": {},  # the default map: four sites whose bands overlap each other's inner disks
    "overlapping pair": {"site": ["50.0,10.0,Alpha", "51.0,13.0,Beta"]},
}


def union_of(geojson: str, band: Band):
    """The union of the downloaded features of one ring."""
    features = json.loads(geojson)["features"]
    return shapely.union_all(
        [
            shape(f["geometry"])
            for f in features
            if (f["properties"]["min_range_km"], f["properties"]["range_km"])
            == (band.min_km, band.max_km)
        ]
    )


@pytest.mark.parametrize("query", SITE_SETS.values(), ids=SITE_SETS.keys())
def test_places_metrics_and_shares_of_each_ring_match_the_exported_union(query, tmp_path):
    at = run_app(mode="both", **query)
    geojson = cli_bytes(at, tmp_path)
    assert served_by(
        download(at, "Coverage as GeoJSON"), geojson, "application/geo+json", GEOJSON_NAME
    )
    sites = at.session_state.sites
    labels = at.selectbox(key="coverage_for").options
    assert any(label.startswith("INF band") for label in labels)
    for label in labels:
        at.selectbox(key="coverage_for").set_value(label).run()
        assert not at.exception
        ring = next(r for r in compute_rings(at) if r.label == label)
        csv = compute.places_csv(sites, ring.band)
        name = f"places-{ring.band.min_km:g}-{ring.band.max_km:g}km.csv"
        assert served_by(download(at, "Places in range"), csv, "text/csv", name)
        places = pd.read_csv(io.StringIO(csv), keep_default_na=False, na_values=[""])
        union = union_of(geojson, ring.band)
        covered = assert_places_match_union(
            places, data.places(), union, sites, ring.band, compute.TOLERANCE_M
        )
        metric = next(m for m in at.metric if m.label == "Places in range")
        assert int(metric.value.replace(",", "")) == len(places)
        assert abs(covered - len(places)) <= 3, label
        capitals = next(m for m in at.metric if m.label == "Capitals in range")
        assert int(capitals.value.replace(",", "")) == int(places["capital"].sum())
        shares = table(at, 1).rename(columns={"code": "adm0_a3", "share of country": "share_pct"})
        assert_shares_match_union(shares, union)


def compute_rings(at):
    from geo.scenario import rings_for

    system = data.system(at.session_state.system)
    rings, _ = rings_for(system, at.session_state.mode, estimates=at.session_state.estimates)
    return rings


def test_moscow_is_counted_in_the_inf_band_of_the_default_map():
    at = run_app(mode="alleged", est="0")
    sites = at.session_state.sites
    csv = compute.places_csv(sites, Band(500.0, 5500.0))
    names = set(pd.read_csv(io.StringIO(csv))["name"])
    assert {"Moscow", "Tbilisi", "Yerevan"} <= names
