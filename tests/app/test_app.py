"""The dashboard through Streamlit's AppTest: toggles, sites, import, export, URL state."""

from __future__ import annotations

import json
import shlex

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from geo import LaunchSite
from geo import data as geo_data
from geo.cli import main as cli_main
from geo.places import places_in_range
from tests.app.apptest import map_data, run_app, site_picker, table
from ui.layers import MAX_CITY_DOTS
from ui.text import plain


def deck(at: AppTest) -> dict:
    """The map's static layers (pydeck's JSON), the basemap's Deck first."""
    static = map_data(at)["layers"]
    return {"layers": static["base"] + static["fills"]}


def ring_labels(at: AppTest) -> set[str]:
    return {row["short_label"] for row in map_data(at)["rings"]}


def add_site_button(at: AppTest):
    return next(b for b in at.button if b.label == "Add site")


def test_toggle_switches_rings_in_deck_spec():
    at = run_app(mode="claimed")
    assert ring_labels(at) == {"480 km"}
    at.radio(key="mode").set_value("alleged").run()
    assert ring_labels(at) == {"500 km", "5,500 km", "2,350 km", "2,500 km"}
    fills = next(layer for layer in deck(at)["layers"] if layer["id"] == "bands")
    assert len(fills["data"]["features"]) == 1
    at.checkbox(key="estimates").uncheck().run()
    assert ring_labels(at) == {"500 km", "5,500 km"}
    at.radio(key="mode").set_value("both").run()
    assert ring_labels(at) == {"480 km", "500 km", "5,500 km"}


def test_layers_and_offline_basemap():
    at = run_app()
    spec = deck(at)
    assert [layer["id"] for layer in spec["layers"]] == ["basemap", "bands"]
    assert spec["layers"][0]["data"] == "app/static/basemap-110m.geojson"
    assert spec.get("mapStyle") in (None, "__MAP_STYLE__")  # no tile provider
    assert len(at.get("bidi_component")[0].proto.json) < 200_000


def place_dots(at: AppTest) -> pd.DataFrame:
    """The map's place dots (columns in the component's data) as one row per dot."""
    data = map_data(at)
    columns = data["places"]
    return pd.DataFrame(
        {
            "name": columns["name"],
            "country": [columns["countries"][i] for i in columns["country"]],
            "capital": [bool(v) for v in columns["capital"]],
            "population": columns["population"],
            "distance_km": columns["distance_km"],
            "nearest_site": [data["sites"][i]["name"] for i in columns["nearest"]],
            "lat": columns["lat"],
            "lon": columns["lon"],
        }
    )


def test_place_dots_are_the_places_in_range_capitals_emphasised():
    at = run_app(mode="claimed", site=["48.58,45.74,KY", "43.74,44.65,Mozdok"])
    assert "places" not in {layer["id"] for layer in deck(at)["layers"]}
    dots = place_dots(at)
    sites = (
        LaunchSite(name="KY", lat=48.58, lon=45.74),
        LaunchSite(name="Mozdok", lat=43.74, lon=44.65),
    )
    expected = places_in_range(sites, geo_data.places(), 480e3)
    assert len(dots) == len(expected) < MAX_CITY_DOTS  # no cap needed here: every place
    # Each dot: the place at its position (4 decimals, ~10 m) with what its tooltip says
    # (country, capital or city, distance to and name of the nearest site, population).
    key = ["name", "country", "capital", "population", "distance_km", "nearest_site"]
    assert sorted(map(tuple, dots[key].to_numpy())) == sorted(map(tuple, expected[key].to_numpy()))
    merged = dots.merge(expected, on=key, suffixes=("", "_true"))
    assert len(merged) == len(dots)
    for axis in ("lat", "lon"):
        assert (merged[axis] - merged[f"{axis}_true"]).abs().max() <= 5e-5 + 1e-9
        assert (merged[axis] == merged[axis].round(4)).all()
    # Capitals are drawn after (over) the cities, bigger and in their own colour.
    assert dots["capital"].any()
    assert list(dots["capital"]) == sorted(dots["capital"])
    city, capital = map_data(at)["places"]["style"].values()
    assert capital[0] != city[0]
    assert capital[1] > city[1]


def test_city_dots_are_capped_to_the_most_populous_capitals_all_kept():
    at = run_app(mode="alleged", est="0", site="48.58,45.74,KY")
    dots = place_dots(at)
    sites = (LaunchSite(name="KY", lat=48.58, lon=45.74),)
    expected = places_in_range(sites, geo_data.places(), 5500e3, min_radius_m=500e3)
    cities = expected[~expected["capital"]].nlargest(MAX_CITY_DOTS, "population")
    assert len(expected) > len(cities) + expected["capital"].sum()  # the cap applies
    assert sorted(dots[~dots["capital"]]["name"]) == sorted(cities["name"])
    assert sorted(dots[dots["capital"]]["name"]) == sorted(expected[expected["capital"]]["name"])
    assert len(json.dumps(map_data(at)["places"])) < 40_000


def test_map_component_receives_the_sites_and_rings_of_the_state():
    at = run_app(mode="claimed", site=["48.58,45.74,A", "-33.87,151.21,B <b>"], ring="1000")
    data = map_data(at)
    assert [(s["id"], s["name"], s["lat"], s["lon"]) for s in data["sites"]] == [
        ("0", "A", 48.58, 45.74),
        ("1", "B <b>", -33.87, 151.21),
    ]
    assert [(r["radius_m"], r["short_label"]) for r in data["rings"]] == [
        (480_000.0, "480 km"),
        (1_000_000.0, "1,000 km"),
    ]
    assert data["tolerance_m"] == 100.0
    assert data["view"] == "map"
    # The bundle is a static file; each rerun sends only a short loader.
    proto = at.get("bidi_component")[0].proto
    assert "app/static/deckmap.js" in proto.js_content
    assert len(proto.js_content) < 1000


def test_system_without_alleged_range_says_so():
    at = run_app(system="Pershing II", mode="alleged")
    assert any("no alleged range for Pershing II" in i.value for i in at.info)
    assert ring_labels(at) == set()


def test_add_site_by_coordinates_changes_coverage_table():
    at = run_app(mode="claimed")
    assert "Sydney" not in set(table(at)["name"])
    at.text_input(key="new_coords").set_value("-33.87, 151.21")
    at.text_input(key="new_name").set_value("Sydney test site")
    add_site_button(at).click().run()
    assert not at.exception
    assert "Sydney test site" in site_picker(at).value
    assert "Sydney" in set(table(at)["name"])


@pytest.mark.parametrize(("text", "message"), [("95, 10", "lat/lon swapped?"), ("abc", "abc")])
def test_bad_coordinates_show_error_not_exception(text, message):
    at = run_app()
    at.text_input(key="new_coords").set_value(text)
    add_site_button(at).click().run()
    assert not at.exception
    assert any(plain(message) in e.value for e in at.error)


def test_removing_a_site_changes_coverage_table():
    at = run_app(mode="claimed")
    assert "Vladikavkaz" in set(table(at)["name"])  # near Mozdok
    site_picker(at).unselect("Mozdok").run()
    assert "Vladikavkaz" not in set(table(at)["name"])


def open_import(at: AppTest) -> None:
    """Open the "Import sites" section (drawn only while open)."""
    at.session_state["import_open"] = True
    at.run()


def test_import_section_is_drawn_only_while_open():
    at = run_app()
    assert not at.text_area
    open_import(at)
    assert at.text_area(key="import_text")


def test_import_csv_adds_good_rows_and_reports_bad_ones():
    at = run_app(mode="claimed")
    open_import(at)
    at.text_area(key="import_text").set_value(
        "name,lat,lon\nTartu,58.38,26.72\nBroken,95,10\nRiga test,56.95,24.11\n"
    )
    next(b for b in at.button if b.label == "Import").click().run()
    assert not at.exception
    assert {"Tartu", "Riga test"} <= set(site_picker(at).value)
    assert any("95" in w.value for w in at.warning)
    assert "Tallinn" in set(table(at)["name"])


def test_add_site_by_place_name_from_the_gazetteer():
    at = run_app(mode="claimed")
    at.text_input(key="place_query").set_value("tallinn").run()
    matches = at.selectbox(key="gazetteer")
    assert matches.options == ["Tallinn, Harju, Estonia (pop. 394,024)"]
    assert "Tallinn, Estonia" not in site_picker(at).value
    places = geo_data.places()
    matches.set_value(places.index[places["name"] == "Tallinn"][0]).run()
    assert not at.exception
    assert "Tallinn, Estonia" in site_picker(at).value
    assert "Riga" in set(table(at)["name"])
    assert at.text_input(key="place_query").value == ""
    assert "gazetteer" not in [s.key for s in at.selectbox]


def test_a_place_name_with_no_match_says_so_as_plain_text():
    at = run_app()
    at.text_input(key="place_query").set_value("[Atlantis](http://example.com)").run()
    assert "gazetteer" not in [s.key for s in at.selectbox]
    # Shown as typed (tests/test_text.py checks that plain() disarms Markdown).
    message = (
        "No place name in the gazetteer contains '[Atlantis](http://example.com)', in its "
        "current, older or native spelling: try part of the name."
    )
    assert plain(message) in [c.value for c in at.caption]


def test_geojson_export_equals_cli_output(tmp_path):
    at = run_app(mode="both")
    command = at.code[0].value
    args = shlex.split(command)[3:]
    args[args.index("-o") + 1] = str(tmp_path / "cli.geojson")
    assert cli_main(args) == 0
    from ui import compute  # the function the download button serves

    sites = at.session_state.sites
    fc = json.loads((tmp_path / "cli.geojson").read_text())
    bands = tuple(
        compute.Band(f["properties"]["min_range_km"], f["properties"]["range_km"])
        for f in fc["features"][:: len(sites)]
    )
    assert compute.geojson_export(sites, bands) == (tmp_path / "cli.geojson").read_text()


def test_url_state_restores_map():
    at = run_app(system="Pershing II", mode="claimed", site=["-33.87,151.21,Sydney"], ring="1000")
    assert at.selectbox(key="system").value == "Pershing II"
    assert site_picker(at).value == ["Sydney"]
    assert ring_labels(at) == {"1,770 km", "1,000 km"}
    site = at.query_params["site"]
    assert (site if isinstance(site, list) else [site]) == ["-33.87,151.21,Sydney"]


def test_import_beyond_500_sites_keeps_the_first_and_says_so():
    at = run_app()
    open_import(at)
    rows = "\n".join(f"S{i},{i % 80},{i % 170}" for i in range(497))
    at.text_area(key="import_text").set_value("name,lat,lon\n" + rows)
    next(b for b in at.button if b.label == "Import").click().run()
    assert len(site_picker(at).value) == 500
    assert plain("1 site(s) not added: a map holds at most 500 sites.") in [
        e.value for e in at.error
    ]
    assert len(map_data(at)["sites"]) == 500
    assert len(at.query_params["site"]) == 500


def test_a_map_with_no_sites_stays_empty_in_its_link():
    at = run_app()
    site_picker(at).set_value([]).run()
    assert at.query_params["site"] in ("", [""])
    link = {key: at.query_params[key] for key in at.query_params}
    reopened = run_app(**link)
    assert site_picker(reopened).value == []
    assert map_data(reopened)["sites"] == []
    assert not reopened.warning


def test_malformed_url_falls_back_with_notice():
    at = run_app(system="Nope", mode="sideways", site=["999,0,Bad", "nan,1,X"], ring="-5")
    notices = " ".join(w.value for w in at.warning)
    assert "Unknown system" in notices
    assert "Unknown mode" in notices
    assert "Site 1 in the link was ignored" in notices
    assert at.selectbox(key="system").value == "9M729"
    assert len(site_picker(at).value) == 4  # defaults kept


def test_publication_figure_is_made_on_request():
    at = run_app(mode="claimed")
    assert not [b for b in at.get("download_button") if "figure" in b.proto.label]
    next(b for b in at.button if b.label.startswith("Make a publication figure")).click().run()
    assert not at.exception
    assert [b for b in at.get("download_button") if "figure" in b.proto.label]


def test_url_ring_keeps_its_digits_in_the_export_command():
    """A ring of 1234.5678 km from a link is not rounded on the way to the export."""
    at = run_app(mode="claimed", ring="1234.5678")
    assert "--range-km 1234.5678" in at.code[0].value


def test_many_notices_fold_into_one_box_that_says_how_many():
    # A tampered link: four notices would push the map below the fold.
    at = run_app(system="Nope", mode="sideways", site=["999,0,Bad", "nan,1,X"])
    (box,) = [e for e in at.expander if "notices" in e.label]
    assert box.label == "4 notices about this map"
    assert len(box.warning) == 4
    assert "Unknown system" in " ".join(w.value for w in box.warning)


def test_two_notices_stay_open():
    at = run_app(system="Nope", mode="sideways")
    assert not [e for e in at.expander if "notices" in e.label]
    assert len(at.warning) == 2
