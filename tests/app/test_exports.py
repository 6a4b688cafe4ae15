"""Downloads through AppTest: what each button serves, for small and large maps.

Files are built in the script run (Streamlit keeps a file built on click for no session, so
other sessions' reruns can delete it before the browser fetches it). A download button's URL
names its file by a hash of the bytes, so comparing it with the hash of the CLI's bytes checks
the bytes served.
"""

from __future__ import annotations

import json
import shlex
from pathlib import Path

from streamlit.runtime.memory_media_file_storage import _calculate_file_id
from streamlit.testing.v1 import AppTest

from geo.cli import main as cli_main
from tests.app.apptest import run_app, table
from ui import compute, panels

GEOJSON_NAME = "inf-range-map-coverage.geojson"


def download(at: AppTest, label_start: str):
    return next(b for b in at.get("download_button") if b.proto.label.startswith(label_start))


def served_by(button, data: str, mime: str, file_name: str) -> bool:
    file_id = _calculate_file_id(data.encode(), mime, file_name)
    return Path(button.proto.url).stem == file_id


def cli_bytes(at: AppTest, tmp_path: Path) -> str:
    """What the command the app shows writes."""
    args = shlex.split(at.code[0].value)[3:]
    args[args.index("-o") + 1] = str(tmp_path / "cli.geojson")
    assert cli_main(args) == 0
    return (tmp_path / "cli.geojson").read_text()


def test_geojson_download_serves_the_cli_bytes_also_after_one_site_moves(tmp_path):
    sites = ["48.58,45.74,Kapustin Yar", "56.85,41.39,Shuya", "65.0,178.5,Anadyr side"]
    at = run_app(mode="both", est="0", site=sites)
    expected = cli_bytes(at, tmp_path)
    assert served_by(
        download(at, "Coverage as GeoJSON"), expected, "application/geo+json", GEOJSON_NAME
    )
    assert len(json.loads(expected)["features"]) == 3 * 2  # 480 km, and the 500–5,500 km band

    # One site moved: its lines are new, the others come from the per-site cache.
    moved = run_app(mode="both", est="0", site=[sites[0], "57.5,40.1,Shuya (moved)", sites[2]])
    expected = cli_bytes(moved, tmp_path)
    button = download(moved, "Coverage as GeoJSON")
    assert served_by(button, expected, "application/geo+json", GEOJSON_NAME)
    names = [f["properties"]["site_name"] for f in json.loads(expected)["features"]]
    assert names[:3] == ["Kapustin Yar", "Shuya (moved)", "Anadyr side"]


def test_regions_are_the_same_whatever_else_is_computed_with_them():
    centers = [(45.74, 48.58), (178.5, 65.0), (-179.9, -85.0), (10.0, 0.0)]
    band = compute.Band(500, 5500)
    together = compute._regions([(c, band) for c in centers])
    for center, region in zip(centers, together, strict=True):
        (alone,) = compute._regions([(center, band)])
        assert alone.equals_exact(region, tolerance=0.0)


def test_a_large_map_builds_its_geojson_on_request(tmp_path):
    count = panels.EAGER_EXPORT_MAX_SITES + 1
    sites = [f"{40 + i * 0.5},{30 + i},S{i}" for i in range(count)]
    at = run_app(mode="claimed", site=sites)
    assert not [b for b in at.get("download_button") if "GeoJSON" in b.proto.label]
    build = next(b for b in at.button if b.label.startswith("Build the GeoJSON export"))
    assert f"({count} sites × 1 ranges)" in build.label
    build.click().run()
    assert not at.exception
    expected = cli_bytes(at, tmp_path)
    assert served_by(
        download(at, "Coverage as GeoJSON"), expected, "application/geo+json", GEOJSON_NAME
    )
    # A change makes the built file stale: it is not offered for the new map.
    at.radio(key="mode").set_value("both").run()
    assert not [b for b in at.get("download_button") if "GeoJSON" in b.proto.label]


def test_a_long_places_table_shows_the_most_populous_and_the_csv_holds_all():
    at = run_app(mode="alleged", est="0")
    assert at.selectbox(key="coverage_for").value.startswith("INF band")
    in_range = int(
        next(m for m in at.metric if m.label == "Places in range").value.replace(",", "")
    )
    assert in_range > panels.TABLE_MAX_ROWS
    # Over a billion people: shortened to fit its column, the exact count on hover.
    population = next(m for m in at.metric if m.label == "Population")
    assert population.value.endswith(" bn")
    assert len(population.value) <= 8
    assert population.proto.help.endswith("people (Natural Earth estimates)")
    shown = table(at)
    assert len(shown) == panels.TABLE_MAX_ROWS
    assert list(shown["distance (km)"]) == sorted(shown["distance (km)"])
    captions = " ".join(c.value for c in at.caption)
    assert f"the {panels.TABLE_MAX_ROWS} most populous of these {in_range:,} places" in captions

    sites = at.session_state.sites
    csv = compute.places_csv(sites, compute.Band(500, 5500))
    assert len(csv.splitlines()) == 1 + in_range
    button = download(at, "Places in range")
    assert served_by(button, csv, "text/csv", "places-500-5500km.csv")
