"""``python -m geo reach`` and the GIS exports: the fields the analyst reads, the same features in
every format, and one ``error:`` line with exit status 2 for bad input."""

from __future__ import annotations

import csv
import io
import json

import pyogrio
import pytest
from pyproj import Geod
from shapely.geometry import Point, shape

from geo.cli import main

GEOD = Geod(ellps="WGS84")


def run(capsys, *args):
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_reach__csv_one_row_per_site_nearest_first_with_reaches_columns(capsys):
    status, out, _ = run(
        capsys,
        "reach",
        "--target=52.25195,20.99805,Warsaw",
        "--site=Kapustin Yar",
        "--site=54.70001,20.49734,Kaliningrad",
        "--range-km",
        "480",
        "--range-km",
        "2500",
    )
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == [
        "site_name",
        "site_lat",
        "site_lon",
        "distance_km",
        "azimuth_deg",
        "reaches_480km",
        "reaches_2500km",
    ]
    assert [r["site_name"] for r in rows] == ["Kaliningrad", rows[1]["site_name"]]
    assert rows[1]["site_name"].startswith("Kapustin Yar")
    az, _, dist = GEOD.inv(20.49734, 54.70001, 20.99805, 52.25195)
    assert float(rows[0]["distance_km"]) == pytest.approx(dist / 1000.0, abs=5e-4)
    assert float(rows[0]["azimuth_deg"]) == pytest.approx(az % 360.0, abs=5e-4)
    assert (rows[0]["reaches_480km"], rows[0]["reaches_2500km"]) == ("True", "True")
    assert (rows[1]["reaches_480km"], rows[1]["reaches_2500km"]) == ("False", "True")


def test_reach__json_list_of_objects_and_a_gazetteer_target(capsys):
    status, out, _ = run(
        capsys, "reach", "--target=Berlin", "--site=Kapustin", "--range-km=2500", "--format=json"
    )
    assert status == 0
    (row,) = json.loads(out)
    assert set(row) == {
        "site_name",
        "site_lat",
        "site_lon",
        "distance_km",
        "azimuth_deg",
        "reaches_2500km",
    }
    assert row["distance_km"] == pytest.approx(2313.2, abs=0.1)
    assert row["reaches_2500km"] is True


def test_reach__writes_a_file(tmp_path, capsys):
    out = tmp_path / "reach.csv"
    assert main(["reach", "--target=0,179.9", "--site=0,-179.9", "-o", str(out)]) == 0
    assert "22.26" in out.read_text()  # 0.2° of equator across ±180°, not 359.8°


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["reach", "--target=Nowhereville Qq", "--site=Kapustin"], "'Nowhereville Qq'"),
        (["reach", "--target=95,10", "--site=Kapustin"], "got 95"),
        (["reach", "--target=10,200", "--site=Kapustin"], "got 200"),
        (["reach", "--target=Berlin", "--site=Kapustin", "--format=xml"], "'xml'"),
        (["reach", "--target=Berlin", "--site=Kapustin", "--range-km=-5"], "-5"),
        (["export", "--site=Kapustin", "--range-km=480", "--format=shp", "-o", "x"], "'shp'"),
        (["export", "--site=Kapustin", "--range-km=480", "-o", "out.txt"], "'out.txt'"),
        (["export", "--launch-area", "--range-km=480", "-o", "a.kml"], "--target"),
        (
            ["export", "--launch-area", "--target=Atlantis Qq", "--range-km=480", "-o", "a.kml"],
            "'Atlantis Qq'",
        ),
    ],
)
def test_bad_input__one_error_line_naming_the_value_and_exit_2(
    args, named, capsys, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, *args)
    assert status == 2
    assert out == ""
    assert err.startswith("error: ")
    assert err.count("\n") == 1
    assert named in err
    assert list(tmp_path.iterdir()) == []  # nothing half-written


@pytest.mark.parametrize("suffix", ["geojson", "kml", "kmz", "gpkg"])
def test_export__the_same_features_in_every_format(suffix, tmp_path):
    args = [
        "export",
        "--site=Kapustin",
        "--site=-77.85,166.67,McMurdo",
        "--range-km=480",
        "--band=500:5500",
    ]
    out = tmp_path / f"coverage.{suffix}"
    assert main([*args, "-o", str(out)]) == 0
    frame = pyogrio.read_dataframe(out)
    assert list(frame["kind"].astype(str)) == ["disk", "disk", "band", "band"]
    assert [str(n) for n in frame["site_name"]][1] == "McMurdo"


def test_export__format_option_overrides_the_extension(tmp_path):
    out = tmp_path / "coverage.dat"
    assert (
        main(["export", "--site=Kapustin", "--range-km=480", "--format=kml", "-o", str(out)]) == 0
    )
    assert out.read_text().startswith("<kml")


def test_export__launch_area_of_warsaw_at_480_km_holds_kaliningrad(tmp_path):
    out = tmp_path / "launch.geojson"
    args = ["export", "--launch-area", "--target=Warsaw", "--range-km", "480", "-o", str(out)]
    assert main(args) == 0
    (feature,) = json.loads(out.read_text())["features"]
    assert feature["properties"]["kind"] == "launch_area"
    assert feature["properties"]["target_name"] == "Warsaw, Poland"
    assert feature["properties"]["range_km"] == 480
    assert shape(feature["geometry"]).covers(Point(20.49734, 54.70001))  # Kaliningrad
