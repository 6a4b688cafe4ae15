"""Can it reach X, in the app: the target card, the launch area and the disputed strip (AppTest)."""

from __future__ import annotations

import json
from pathlib import Path

import pyogrio
import pytest
import shapely
from pyproj import Geod
from shapely.geometry import Point, shape
from streamlit.runtime.memory_media_file_storage import _calculate_file_id

from geo import INF_BAND, MEDIA_TYPES, Band
from geo import data as geo_data
from geo.cli import main as cli_main
from geo.places import places_in_range
from tests.app.apptest import component_data, map_data, run_app
from ui import compute
from ui.reach import LAUNCH_COLOUR, STRIP_COLOUR, TARGET_COLOUR
from ui.text import plain

GEOD = Geod(ellps="WGS84")
KALININGRAD = Point(20.49734, 54.70001)
WARSAW = "52.25195,20.99805,Warsaw"
BANDS_BOTH = (Band(0.0, 480.0), INF_BAND)


def layers(at) -> dict:
    static = map_data(at)["layers"]
    return {layer["id"]: layer for layer in static["base"] + static["fills"]}


def fill_of(at, colour):
    return [
        f for f in layers(at)["bands"]["data"]["features"] if f["properties"]["color"][:3] == colour
    ]


def table_rows(at, label: str) -> dict[str, list]:
    (data,) = [d for d in component_data(at, "sortable_table") if d["label"] == label]
    return {
        column["label"]: keys if keys is not None else text
        for column, text, keys in zip(data["columns"], data["text"], data["keys"], strict=True)
    }


def test_target_search__a_place_name_gives_the_card_the_link_and_the_dot():
    at = run_app()
    at.text_input(key="target_query").input("Berlin").run()
    assert not at.exception
    assert any(h.value == plain("Can it reach Berlin, Germany?") for h in at.subheader)
    assert at.query_params["target"] == "52.52376,13.3996,Berlin, Germany"
    sites = table_rows(at, "Distance from each site")
    shuya = geo_data.find_preset("Shuya")
    _, _, expected_m = GEOD.inv(shuya.lon, shuya.lat, 13.3996, 52.52376)
    assert sites["site"][0] == "Shuya"
    assert sites["distance (km)"][0] == pytest.approx(expected_m / 1000.0)
    assert sites["distance (km)"] == sorted(sites["distance (km)"])
    text = " ".join(m.value for m in at.markdown)
    assert f"Minimum range needed: {expected_m / 1000:,.1f} km" in text
    assert f"**{plain('Claimed 480 km')}**: falls short by" in text
    assert f"**{plain('Estimate 2,500 km')}**: reaches it" in text
    systems = table_rows(at, "Systems that reach the target")
    keys = zip(systems["system"], systems["figure"], strict=True)
    verdicts = dict(zip(keys, systems["reaches? (margin)"], strict=True))
    assert verdicts[("9M729", "claimed")].startswith("no")
    assert verdicts[("9M729", "alleged (high)")].startswith("yes")
    (dot,) = layers(at)["marks"]["data"]["features"]
    assert dot["geometry"]["coordinates"] == [13.3996, 52.52376]
    assert dot["properties"]["color"] == TARGET_COLOUR


def test_target_search__coordinates_and_a_bad_query():
    at = run_app()
    at.text_input(key="target_query").input("-16.5, 179.9").run()
    assert any(h.value == plain("Can it reach -16.5, 179.9?") for h in at.subheader)
    at.text_input(key="target_query").input("Qqqxyz").run()
    assert not at.exception
    message = "Target not found: no place called 'Qqqxyz' in the gazetteer"
    assert [e.value for e in at.error] == [plain(message)]
    # A bad query keeps the target that was there.
    assert any(h.value == plain("Can it reach -16.5, 179.9?") for h in at.subheader)
    at.text_input(key="target_query").input("95, 10").run()
    assert any("latitude" in e.value for e in at.error)


def test_target_in_the_link__a_pole_and_a_bad_value():
    at = run_app(target="90,0,North Pole")
    assert any(h.value == plain("Can it reach North Pole?") for h in at.subheader)
    at = run_app(target="95,0,Nowhere")
    assert not at.exception
    assert any("target in the link was ignored" in w.value for w in at.warning)


def test_launch_area__drawn_shaded_holds_kaliningrad_and_downloads_the_cli_bytes(tmp_path):
    at = run_app(target=WARSAW, launch="480")
    (fill,) = fill_of(at, LAUNCH_COLOUR)
    assert shape(fill["geometry"]).contains(KALININGRAD)
    assert at.query_params["launch"] == "480"
    outline = [
        f for f in layers(at)["marks"]["data"]["features"] if f["geometry"]["type"] != "Point"
    ]
    assert outline[0]["properties"]["color"] == LAUNCH_COLOUR
    out = tmp_path / "launch.geojson"
    args = ["export", "--launch-area", f"--target={WARSAW}", "--range-km", "480", "-o", str(out)]
    assert cli_main(args) == 0
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Launch area as GeoJSON" in labels
    assert "Launch area as KML" in labels
    # The download's bytes (built in the script run, cached) are the command line's.
    assert compute.launch_area_export(at.session_state["target"], 480.0, "geojson") == (
        out.read_bytes()
    )


def test_strip__480_to_500_km_shaded_with_its_places():
    at = run_app(strip="480:500")
    (fill,) = fill_of(at, STRIP_COLOUR)
    rows = table_rows(at, "Places 480–500 km from some site")
    sites = [geo_data.find_preset(n) for n in ("Kapustin Yar", "Kamyshlov", "Mozdok", "Shuya")]
    expected = places_in_range(sites, geo_data.places(), 500_000.0, min_radius_m=480_000.0)
    assert sorted(rows["name"]) == sorted(expected["name"])
    assert len(rows["name"]) > 0
    region = shape(fill["geometry"])
    for row in expected.itertuples():
        assert region.distance(Point(row.lon, row.lat)) < 0.01  # drawn to ~11 m
    assert at.query_params["strip"] == "480:500"
    at.selectbox(key="strip_km").set_value(None).run()
    assert fill_of(at, STRIP_COLOUR) == []
    assert "strip" not in at.query_params


def test_gis_files__kml_and_geopackage_hold_the_regions_of_the_geojson_download(tmp_path):
    at = run_app(mode="both", est="0", site=["48.58,45.74,Kapustin Yar", "65.0,178.5,Anadyr"])
    geojson = json.loads(compute.geojson_export(at.session_state["sites"], BANDS_BOTH))
    for fmt in ("kml", "gpkg"):
        at.segmented_control(key="gis_format").set_value(fmt).run()
        next(b for b in at.button if b.label.startswith("Build the")).click().run()
        assert not at.exception
        (button,) = [
            b
            for b in at.get("download_button")
            if b.proto.label.startswith("Download") and "figure" not in b.proto.label
        ]
        data = at.session_state["gis_built"][1]
        assert Path(button.proto.url).stem == _calculate_file_id(
            data, MEDIA_TYPES[fmt], f"inf-range-map-coverage.{fmt}"
        )
        path = tmp_path / f"coverage.{fmt}"
        path.write_bytes(data)
        frame = pyogrio.read_dataframe(path)
        assert len(frame) == len(geojson["features"])
        for geom, feature in zip(frame.geometry, geojson["features"], strict=True):
            want = shape(feature["geometry"])
            got = shapely.union_all(
                [g for g in getattr(geom, "geoms", [geom]) if g.geom_type == "Polygon"]
            )
            assert got.symmetric_difference(want).area < 1e-6 * want.length


def test_figure__svg_with_a_png_preview():
    at = run_app(mode="claimed")
    at.segmented_control(key="figure_format").set_value("svg").run()
    next(b for b in at.button if b.label.startswith("Make a publication figure")).click().run()
    assert not at.exception
    assert at.get("image")  # the preview
    assert [b for b in at.get("download_button") if "figure (SVG)" in b.proto.label]
    assert at.session_state["figure_made"][1].lstrip().startswith(b"<?xml")
