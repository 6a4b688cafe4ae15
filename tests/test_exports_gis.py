"""KML, KMZ and GeoPackage hold the GeoJSON's features, read back by GDAL (pyogrio), and the KML
draws right on a globe: no piece as large as a hemisphere, edges within the tolerance in either
reading, and the outline unbroken across ±180°."""

from __future__ import annotations

import io
import json

import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely
from pyproj import Geod
from shapely.geometry import LineString, Polygon, shape

from geo.coverage import geodesic_area_m2
from geo.data import preset_sites
from geo.errors import GeoInputError
from geo.exports import export_bytes, format_for
from geo.geojson import coverage_features, launch_area_feature
from geo.model import Band, LaunchSite
from geo.reach import Target

GEOD = Geod(ellps="WGS84")
TOLERANCE_M = 100.0
SITES = [
    preset_sites()[0],
    LaunchSite(name="McMurdo", lon=166.67, lat=-77.85),
    LaunchSite(name="Dateline", lon=179.9, lat=10.0),
]
BANDS = [Band(0.0, 480.0), Band(500.0, 5500.0), Band(0.0, 12_000.0)]


@pytest.fixture(scope="module")
def features():
    found = coverage_features(SITES, BANDS, tolerance_m=TOLERANCE_M)
    found += coverage_features(SITES, [Band(0.0, 5500.0)], union=True, tolerance_m=TOLERANCE_M)
    found.append(
        launch_area_feature(
            Target(name="Warsaw", lon=21.0, lat=52.23), 480.0, tolerance_m=TOLERANCE_M
        )
    )
    return found


def read(data: bytes, suffix: str, tmp_path):
    path = tmp_path / f"export.{suffix}"
    path.write_bytes(data)
    return pyogrio.read_dataframe(path)


def polygons_of(geom):
    return [g for g in getattr(geom, "geoms", [geom]) if isinstance(g, Polygon)]


def lines_of(geom):
    return [g for g in getattr(geom, "geoms", [geom]) if isinstance(g, LineString)]


@pytest.mark.parametrize("fmt", ["kml", "kmz"])
def test_kml__reads_back_with_the_geojson_regions_names_and_properties(features, fmt, tmp_path):
    geojson = json.loads(export_bytes(features, "geojson", tolerance_m=TOLERANCE_M))
    frame = read(export_bytes(features, fmt, tolerance_m=TOLERANCE_M), fmt, tmp_path)
    assert len(frame) == len(geojson["features"])
    assert list(frame["Name"]) == [f.name for f in features]
    for row, expected in zip(frame.itertuples(), geojson["features"], strict=True):
        for key, value in expected["properties"].items():
            assert str(getattr(row, key)) == str(value)
        region = shapely.union_all(polygons_of(row.geometry))
        want = shape(expected["geometry"])
        # The pieces fill the GeoJSON region: vertices added on its edges change nothing, the
        # cut points round to the export grid (1e-6°).
        assert region.symmetric_difference(want).area < 1e-6 * want.length


def test_kml__no_piece_reaches_a_hemisphere_so_a_globe_fills_the_right_side(features, tmp_path):
    frame = read(export_bytes(features, "kml", tolerance_m=TOLERANCE_M), "kml", tmp_path)
    half_earth_m2 = geodesic_area_m2(shapely.box(-180, -90, 180, 90)) / 2.0
    for row, feature in zip(frame.itertuples(), features, strict=True):
        pieces = polygons_of(row.geometry)
        for piece in pieces:
            assert geodesic_area_m2(piece) < half_earth_m2 / 4.0
        # The 12,000 km disks are larger than a hemisphere: all of them is there, not the rest
        # (the complement would be off by a third of the Earth, not by the area's rounding).
        total = sum(geodesic_area_m2(p) for p in pieces)
        assert total == pytest.approx(geodesic_area_m2(feature.geometry), rel=1e-4)


def test_kml__no_piece_spans_90_degrees_of_latitude_so_none_is_cut_again_at_the_equator(
    features, tmp_path
):
    # CesiumJS cuts a polygon that spans 90° of latitude (or 120° of longitude) at the equator,
    # and one with an edge already there comes out twice: its fill drawn doubly opaque.
    frame = read(export_bytes(features, "kml", tolerance_m=TOLERANCE_M), "kml", tmp_path)
    for geom in frame.geometry:
        for piece in polygons_of(geom):
            west, south, east, north = piece.bounds
            assert north - south <= 45.0 + 1e-9
            assert east - west <= 30.0 + 1e-9


def test_kml__the_north_pole_cap_is_filled_for_kapustin_yar_at_5500_km(tmp_path):
    features = coverage_features(SITES[:1], [Band(0.0, 5500.0)], tolerance_m=TOLERANCE_M)
    frame = read(export_bytes(features, "kml", tolerance_m=TOLERANCE_M), "kml", tmp_path)
    region = shapely.union_all(polygons_of(frame.geometry[0]))
    lons = np.arange(-179.5, 180.0, 1.0)
    assert shapely.covers(region, shapely.points(lons, np.full(lons.size, 89.9))).all()


def test_kml__every_edge_reads_the_same_as_a_great_circle_within_the_tolerance(features, tmp_path):
    frame = read(export_bytes(features, "kml", tolerance_m=TOLERANCE_M), "kml", tmp_path)
    for geom in frame.geometry:
        for part in polygons_of(geom) + lines_of(geom):
            rings = [part.exterior, *part.interiors] if isinstance(part, Polygon) else [part]
            for ring in rings:
                assert _worst_gap_m(np.asarray(ring.coords)) < TOLERANCE_M


def _worst_gap_m(xy: np.ndarray) -> float:
    """Largest distance from a point of a segment's geodesic to the straight lon/lat segment,
    over 9 points on each geodesic and 65 on each straight segment."""
    a, b = xy[:-1], xy[1:]
    az, _, length = GEOD.inv(a[:, 0], a[:, 1], b[:, 0], b[:, 1])
    t = np.linspace(0.0, 1.0, 9)[1:-1]
    g_lon, g_lat, _ = GEOD.fwd(
        np.repeat(a[:, 0], t.size),
        np.repeat(a[:, 1], t.size),
        np.repeat(az, t.size),
        np.outer(length, t).ravel(),
    )
    u = np.linspace(0.0, 1.0, 65)
    dlon = (b[:, 0] - a[:, 0] + 180.0) % 360.0 - 180.0
    s_lon = a[:, 0, None] + dlon[:, None] * u
    s_lat = a[:, 1, None] + (b[:, 1] - a[:, 1])[:, None] * u
    s_lon = np.repeat(s_lon, t.size, axis=0)
    s_lat = np.repeat(s_lat, t.size, axis=0)
    n = u.size
    _, _, d = GEOD.inv(np.repeat(g_lon, n), np.repeat(g_lat, n), s_lon.ravel(), s_lat.ravel())
    # Less the spacing of the straight samples, which only makes the gap look larger.
    step = np.repeat(length, t.size) / (n - 1)
    gap = d.reshape(-1, n).min(axis=1) - step
    return float(gap.max())


def test_kml__the_outline_of_a_ring_across_180_is_one_unbroken_line(tmp_path):
    features = coverage_features(SITES[2:], [Band(0.0, 480.0)], tolerance_m=TOLERANCE_M)
    frame = read(export_bytes(features, "kml", tolerance_m=TOLERANCE_M), "kml", tmp_path)
    (outline,) = lines_of(frame.geometry[0])
    xy = np.asarray(outline.coords)
    assert (xy[:, 0] > 179.0).any()
    assert (xy[:, 0] < -179.0).any()
    assert np.array_equal(xy[0], xy[-1])  # closed
    _, _, steps = GEOD.inv(xy[:-1, 0], xy[:-1, 1], xy[1:, 0], xy[1:, 1])
    assert steps.max() < 50_000  # no edge jumps the globe the long way round
    _, _, dist = GEOD.inv(np.full(len(xy), 179.9), np.full(len(xy), 10.0), xy[:, 0], xy[:, 1])
    assert np.abs(dist - 480_000).max() < TOLERANCE_M


def test_kml__styled_with_the_palette_and_sources_in_the_description(features):
    kml = export_bytes(
        features,
        "kml",
        tolerance_m=TOLERANCE_M,
        colours={Band(0.0, 480.0): "#0072B2"},
        sources={Band(0.0, 480.0): "Matveevsky, 23 Jan 2019"},
    ).decode()
    assert "<color>ffb27200</color>" in kml  # KML writes aabbggrr
    assert "Range: Matveevsky, 23 Jan 2019" in kml
    assert "Site: Deployment: NYT" in kml


def test_gpkg__reads_back_with_the_geojson_features_and_properties(features, tmp_path):
    geojson = read(export_bytes(features, "geojson", tolerance_m=TOLERANCE_M), "geojson", tmp_path)
    gpkg = read(export_bytes(features, "gpkg", tolerance_m=TOLERANCE_M), "gpkg", tmp_path)
    assert list(gpkg.columns) == list(geojson.columns)
    for column in geojson.columns.drop("geometry"):
        pd.testing.assert_series_equal(gpkg[column], geojson[column], check_dtype=False)
    for got, want in zip(gpkg.geometry, geojson.geometry, strict=True):
        assert got.symmetric_difference(want).area < 1e-12
    assert gpkg.crs.to_epsg() == 4326


def test_kmz__is_a_zip_holding_doc_kml(features):
    import zipfile

    data = export_bytes(features[:1], "kmz", tolerance_m=TOLERANCE_M)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == ["doc.kml"]


@pytest.mark.parametrize(
    ("path", "fmt", "expected"),
    [
        ("a.geojson", None, "geojson"),
        ("a.json", None, "geojson"),
        ("a.KMZ", None, "kmz"),
        ("a.gpkg", None, "gpkg"),
        ("-", "kml", "kml"),
        ("-", None, "geojson"),
    ],
)
def test_format_for__from_the_extension_unless_given(path, fmt, expected):
    assert format_for(path, fmt) == expected


@pytest.mark.parametrize(("path", "fmt"), [("a.shp", None), ("a", None), ("a.kml", "svg")])
def test_format_for__names_an_unknown_format(path, fmt):
    with pytest.raises(GeoInputError, match="formats are geojson, kml, kmz, gpkg"):
        format_for(path, fmt)
