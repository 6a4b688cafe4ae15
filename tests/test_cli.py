"""``python -m geo``: exports that read back, places in range, and one-line errors with exit 2."""

from __future__ import annotations

import json
import subprocess
import sys

import geopandas
import numpy as np
import pytest
from pyproj import Geod
from shapely.geometry import shape

from geo.cli import main
from tests.rfc7946 import problems

GEOD = Geod(ellps="WGS84")


def export(tmp_path, *args):
    out = tmp_path / "coverage.geojson"
    assert main(["export", *args, "-o", str(out)]) == 0
    return out


def test_export__features_and_properties_read_back_with_geopandas(tmp_path):
    out = export(
        tmp_path,
        "--site=Kapustin Yar",
        "--site=-77.85,166.67,McMurdo",
        "--range-km",
        "480",
        "--band",
        "500:5500",
    )
    fc = json.loads(out.read_text())
    frame = geopandas.read_file(out)
    assert len(frame) == len(fc["features"]) == 4
    assert list(frame["kind"]) == ["disk", "disk", "band", "band"]
    assert list(frame["range_km"]) == [480, 480, 5500, 5500]
    assert list(frame["min_range_km"]) == [0, 0, 500, 500]
    assert list(frame["site_name"])[1] == "McMurdo"
    assert (frame["site_lat"][1], frame["site_lon"][1]) == (-77.85, 166.67)
    assert (frame["area_km2"] > 0).all()
    for feature in fc["features"]:
        assert problems(shape(feature["geometry"])) == []


def test_export__union_gives_one_feature_per_range(tmp_path):
    out = export(
        tmp_path,
        "--site=Kapustin",
        "--site=Kamyshlov",
        "--site=Mozdok",
        "--site=Shuya",
        "--range-km",
        "5500",
        "--band",
        "500:5500",
        "--union",
    )
    features = json.loads(out.read_text())["features"]
    assert [f["properties"]["kind"] for f in features] == ["union", "union"]
    assert "site_name" not in features[0]["properties"]
    assert shape(features[0]["geometry"]).covers(shape({"type": "Point", "coordinates": [0, 89.9]}))


def test_export__same_input_gives_identical_bytes(tmp_path):
    args = ["--site=Mozdok", "--site=64.73,177.51,Anadyr", "--range-km", "500"]
    first = export(tmp_path, *args).read_bytes()
    assert export(tmp_path, *args).read_bytes() == first
    fc = json.loads(first)
    assert fc["geodesy"] == {
        "ellipsoid": "WGS84",
        "method": "GeographicLib geodesics via pyproj.Geod",
        "tolerance_m": 100.0,
    }


def test_export__stdout_and_negative_coordinates(capsys):
    assert main(["export", "--site=-33.87,-151.2", "--range-km", "10", "-o", "-"]) == 0
    fc = json.loads(capsys.readouterr().out)
    assert fc["features"][0]["properties"]["site_lat"] == -33.87


def test_export__tolerance_down_to_1_m_is_honoured(tmp_path):
    coarse = export(tmp_path, "--site=Kapustin", "--range-km", "5500").read_text()
    fine = export(
        tmp_path, "--site=Kapustin", "--range-km", "5500", "--tolerance-m", "1"
    ).read_text()
    assert len(fine) > 5 * len(coarse)


def test_places__capitals_within_2500_km_of_kapustin_yar_nearest_first(capsys):
    assert (
        main(["places", "--site=Kapustin", "--range-km", "2500", "--capitals", "--format", "json"])
        == 0
    )
    rows = json.loads(capsys.readouterr().out)
    names = [r["name"] for r in rows]
    assert {"Moscow", "Kyiv", "Warsaw", "Berlin"} <= set(names)
    assert "Paris" not in names
    distances = [r["distance_km"] for r in rows]
    assert distances == sorted(distances)
    assert max(distances) <= 2500
    moscow = rows[names.index("Moscow")]
    az, _, dist = GEOD.inv(45.74, 48.58, moscow["lon"], moscow["lat"])
    assert moscow["distance_km"] == pytest.approx(dist / 1000, abs=0.05)
    assert moscow["azimuth_deg"] == pytest.approx(az % 360, abs=0.05)


def test_places__csv_has_header_and_nearest_site(capsys):
    assert main(["places", "--site=Mozdok", "--site=Shuya", "--range-km", "300"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert (
        lines[0] == "name,country,capital,population,distance_km,azimuth_deg,nearest_site,lat,lon"
    )
    assert any(
        line.endswith("Mozdok," + line.split(",")[-2] + "," + line.split(",")[-1])
        for line in lines[1:]
    )
    assert np.all([float(line.split(",")[4]) <= 300 for line in lines[1:]])


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--site=95,10", "--range-km", "5"], "95"),
        (["--site=10,200", "--range-km", "5"], "200"),
        (["--site=nan,10", "--range-km", "5"], "nan"),
        (["--site=10,inf", "--range-km", "5"], "inf"),
        (["--site=1,1", "--range-km", "0"], "0 km"),
        (["--site=1,1", "--range-km", "-5"], "-5 km"),
        (["--site=1,1", "--range-km", "25000"], "25000 km"),
        (["--site=1,1", "--band", "5500:500"], "5500:500"),
        (["--site=Atlantis", "--range-km", "5"], "Atlantis"),
        (["--site=1,1", "--range-km", "5", "--tolerance-m", "0.5"], "0.5 m"),
    ],
)
def test_export__bad_input_exits_2_with_message_naming_value(args, named, tmp_path, capsys):
    assert main(["export", *args, "-o", str(tmp_path / "x.json")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert named in err
    assert "Traceback" not in err
    assert not (tmp_path / "x.json").exists()


def test_export__unwritable_path_exits_2_without_traceback(tmp_path):
    target = tmp_path / "missing-dir" / "x.json"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "geo",
            "export",
            "--site=Mozdok",
            "--range-km",
            "480",
            "-o",
            str(target),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert str(target) in run.stderr
    assert "Traceback" not in run.stderr
