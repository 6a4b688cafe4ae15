"""What the panel counts is what the export holds: places, metrics and shares of each ring agree
with the union of the downloaded GeoJSON's regions for that ring (AppTest)."""

from __future__ import annotations

import html
import io
import json

import pandas as pd
import pytest
import shapely
from shapely.geometry import shape

from geo import Band, RingSpec, data, rings_for, style
from geo.model import INF_SOURCE
from tests.app.apptest import map_data, run_app, table
from tests.app.test_exports import GEOJSON_NAME, cli_bytes, download, served_by
from tests.union_check import assert_places_match_union, assert_shares_match_union
from ui import compute
from ui.text import plain

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
    system = data.system(at.session_state.system)
    rings, _ = rings_for(system, at.session_state.mode, estimates=at.session_state.estimates)
    return rings


def test_moscow_is_counted_in_the_inf_band_of_the_default_map():
    at = run_app(mode="alleged", est="0")
    sites = at.session_state.sites
    csv = compute.places_csv(sites, Band(500.0, 5500.0))
    names = set(pd.read_csv(io.StringIO(csv))["name"])
    assert {"Moscow", "Tbilisi", "Yerevan"} <= names


def test_legend_and_ring_tooltips_cite_each_figure_own_source_in_full():
    at = run_app(mode="both", est="1")
    system = data.system("9M729")
    low, high = system.source_alleged_min, system.source_alleged_max
    legend = next(m.value for m in at.markdown if "Estimate 2,350 km" in m.value)
    rows = legend.split("<br>")
    row_low = next(r for r in rows if "Estimate 2,350 km" in r)
    row_high = next(r for r in rows if "Estimate 2,500 km" in r)
    assert html.escape(low) in row_low
    assert html.escape(high) not in row_low
    assert html.escape(high) in row_high
    assert html.escape(low) not in row_high
    assert html.escape(INF_SOURCE) in legend  # whole, not cut at 90 characters
    tooltips = {row["radius_m"]: row["label"] for row in map_data(at)["rings"]}
    assert tooltips[2_350_000.0] == f"2,350 km: Estimate 2,350 km\nSource: {low}"
    assert tooltips[2_500_000.0] == f"2,500 km: Estimate 2,500 km\nSource: {high}"
    assert INF_SOURCE in tooltips[500_000.0]
    assert INF_SOURCE in tooltips[5_500_000.0]


def test_map_legend_and_fills_use_the_one_palette():
    at = run_app(mode="both", est="1", ring="1000")
    rings = compute_rings(at)
    colours = {row["radius_m"]: tuple(row["color"]) for row in map_data(at)["rings"]}
    legend = next(m.value for m in at.markdown if "Estimate 2,350 km" in m.value)
    for ring in [*rings, RingSpec(Band(0.0, 1000.0), "custom", "Custom 1,000 km", "")]:
        assert colours[ring.band.max_km * 1000.0] == style.ROLE_COLOURS[ring.role]
        assert f"background:{style.hex_colour(style.ROLE_COLOURS[ring.role])}" in legend
    fills = map_data(at)["layers"]["fills"][0]["data"]["features"]
    treaty = (*style.ROLE_COLOURS["treaty"], style.FILL_ALPHA)
    assert [tuple(f["properties"]["color"]) for f in fills] == [treaty]
    # The basemap and the sites, as deck.gl and the 2D preview draw them, in the same palette.
    drawn = map_data(at)["style"]
    assert tuple(drawn["basemap"]["fill"]) == style.LAND_COLOUR
    assert tuple(drawn["basemap"]["line"]) == style.BORDER_COLOUR
    assert tuple(drawn["site"]["fill"][:3]) == style.SITE_COLOUR


@pytest.mark.parametrize(
    ("typed", "labels"),
    [("1,000", ["Custom 1,000 km"]), ("1000 km, 2 500", ["Custom 1,000 km", "Custom 2,500 km"])],
)
def test_rings_box_reads_numbers_as_typed_and_the_link_keeps_them(typed, labels):
    at = run_app(mode="claimed")
    at.text_input(key="extra_rings").set_value(typed).run()
    assert not at.exception
    assert not [e.value for e in at.error]
    options = at.selectbox(key="coverage_for").options
    assert [o for o in options if o.startswith("Custom")] == labels
    ring = at.query_params["ring"]
    assert (ring if isinstance(ring, list) else [ring]) == [
        label.split()[1].replace(",", "") for label in labels
    ]


def test_rings_box_refuses_an_ambiguous_comma_with_an_error_naming_it():
    at = run_app(mode="claimed")
    at.text_input(key="extra_rings").set_value("1,5").run()
    errors = [e.value for e in at.error]
    assert len(errors) == 1
    assert plain("ring '1,5' is ambiguous") in errors[0]
    assert not [o for o in at.selectbox(key="coverage_for").options if o.startswith("Custom")]


def test_with_no_site_neither_legend_shows():
    # No site, no ring or dot on the map: no legend under it, none sent to the map's own.
    at = run_app(mode="both", est="1", site="")
    assert map_data(at)["legend"] == []
    assert not [m for m in at.markdown if "Estimate 2,350 km" in m.value]
    # One site: both again.
    at = run_app(mode="both", est="1", site="48.58,45.74,KY")
    labels = [r["label"] for r in map_data(at)["legend"]]
    assert {"Estimate 2,350 km", "launch site"} <= set(labels)
    assert [m for m in at.markdown if "Estimate 2,350 km" in m.value]
