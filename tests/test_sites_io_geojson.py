"""Importing a user's own launch sites from GeoJSON, the whole-input limits, and fuzzing."""

from __future__ import annotations

import csv
import io
import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as hst

from geo import LaunchSite
from geo.errors import GeoInputError
from geo.sites_io import (
    MAX_IMPORT_BYTES,
    MAX_IMPORT_SITES,
    MAX_NAME_CHARS,
    ImportResult,
    RowError,
    parse_sites,
)
from tests.sites_io_cases import (
    KAPUSTIN,
    MOZDOK,
    SYDNEY,
    collection,
    messages,
    point,
)

# GeoJSON


def test_parse_sites__geojson_feature_collection_of_points():
    text = collection(
        point(45.74, 48.58, name="Kapustin Yar", role="Test range", source="FAS"),
        point(44.65, 43.74, title="Mozdok"),
        point(-151.2, -33.87, name="Sydney"),
    )
    result = parse_sites(text)
    assert result.errors == ()
    assert result.sites == (
        LaunchSite(name="Kapustin Yar", lat=48.58, lon=45.74, role="Test range", source="FAS"),
        MOZDOK,
        SYDNEY,
    )


def test_parse_sites__geojson_single_feature_and_bare_point():
    feature = json.dumps(point(45.74, 48.58, name="Kapustin Yar"))
    assert parse_sites(feature) == ImportResult((KAPUSTIN,), ())
    bare = json.dumps({"type": "Point", "coordinates": [45.74, 48.58, 12.0]})
    assert parse_sites(f"\n  {bare}".encode()).sites == (
        LaunchSite(name="Site at 48.58, 45.74", lat=48.58, lon=45.74),
    )


def test_parse_sites__geojson_non_points_and_bad_features_are_feature_errors():
    line = {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}}
    text = collection(
        point(45.74, 48.58, name="Kapustin Yar"),
        "not a feature",
        line,
        {"type": "Feature", "geometry": None},
        point(-33.87, -151.2, name="Sydney"),
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [1]}},
        point(True, 1),
        point("45.74", 48.58),
        point(1, float("nan")),
        point(10**400, 1),
        point(44.65, 43.74, name="Mozdok"),
    )
    result = parse_sites(text)
    assert result.sites == (KAPUSTIN, MOZDOK)
    assert messages(result) == [
        "feature 2: is not a GeoJSON Feature",
        "feature 3: geometry type LineString is not a Point",
        "feature 4: has no geometry",
        "feature 5: latitude -151.2 is outside [-90, 90] (lat/lon swapped?)",
        "feature 6: Point coordinates must be [lon, lat], got [1]",
        "feature 7: longitude True is not a number",
        "feature 8: longitude '45.74' is not a number",
        "feature 9: latitude nan is not a finite number",
        "feature 10: longitude 1000000000000000000000000000000000000000… is not a finite number",
    ]


def test_parse_sites__geojson_non_string_names_fall_back_to_the_default():
    result = parse_sites(collection(point(45.74, 48.58, name=42, title=None)))
    assert result.sites[0].name == "Site at 48.58, 45.74"


def test_parse_sites__geojson_duplicates_name_the_feature():
    kapustin = point(45.74, 48.58, name="Kapustin Yar")
    result = parse_sites(collection(kapustin, kapustin))
    assert result.errors == (RowError(2, "feature 2: duplicates feature 1 (Kapustin Yar)"),)


@pytest.mark.parametrize(
    "text",
    ['{"type": "FeatureCollection", "features": [', "{'single': 'quotes'}", '{"a": 1} trailing'],
)
def test_parse_sites__invalid_json_is_one_error_at_row_1(text):
    result = parse_sites(text)
    assert result.sites == ()
    assert len(result.errors) == 1
    assert result.errors[0].row == 1
    assert result.errors[0].message.startswith("invalid JSON: ")


def test_parse_sites__deeply_nested_json_does_not_raise():
    result = parse_sites('{"a":' + "[" * 200_000)
    assert result.sites == ()
    assert [error.row for error in result.errors] == [1]


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ({"type": "Polygon", "coordinates": []}, "GeoJSON type 'Polygon' is not a"),
        ({"features": []}, "GeoJSON type None is not a"),
        ({"type": "FeatureCollection", "features": {}}, "no list of features"),
    ],
)
def test_parse_sites__geojson_of_the_wrong_shape_is_one_error(doc, message):
    result = parse_sites(json.dumps(doc))
    assert result.sites == ()
    assert len(result.errors) == 1
    assert message in result.errors[0].message


# Limits


def test_parse_sites__50_mb_input_is_refused_naming_the_1_mb_limit():
    data = b"Kapustin Yar,48.58,45.74\n" * 2_000_000
    with pytest.raises(GeoInputError, match=r"the limit is 1,000,000 bytes \(1 MB\)"):
        parse_sites(data)


def test_parse_sites__text_size_counts_utf8_bytes():
    text = "Zürich,47.37,8.54\n" * (MAX_IMPORT_BYTES // 18)  # under the limit in characters
    with pytest.raises(GeoInputError, match=r"^file is 1,0\d\d,\d\d\d bytes; the limit is"):
        parse_sites(text)


def test_parse_sites__exactly_max_bytes_is_accepted():
    row = b"Kapustin Yar,48.58,45.74\n"
    assert parse_sites(row, max_bytes=len(row)).sites == (KAPUSTIN,)
    with pytest.raises(GeoInputError, match="the limit is 24 bytes"):
        parse_sites(row, max_bytes=len(row) - 1)


def test_parse_sites__100k_rows_are_refused_naming_500_sites():
    # Speed is not asserted here (timed tests fail on a loaded machine); refusal is counted
    # before any row is parsed.
    text = "name,lat,lon\n" + "a,1,2\n" * 100_000
    with pytest.raises(GeoInputError, match=r"^file has 100,000 sites; the limit is 500 sites$"):
        parse_sites(text)


def test_parse_sites__max_sites_counts_data_rows_not_header_or_blank_lines():
    rows = "".join(f"S{i},{i % 90},{i % 180}\n\n" for i in range(MAX_IMPORT_SITES))
    result = parse_sites("name,lat,lon\n" + rows)
    assert len(result.sites) == MAX_IMPORT_SITES
    with pytest.raises(GeoInputError, match="501 sites; the limit is 500 sites"):
        parse_sites("name,lat,lon\n" + rows + "extra,1,1\n")


def test_parse_sites__invalid_rows_count_towards_the_limit():
    with pytest.raises(GeoInputError, match="3 sites; the limit is 2 sites"):
        parse_sites("Kapustin Yar,48.58,45.74\nbad,x,y\nbad,x,y\n", max_sites=2)


def test_parse_sites__too_many_geojson_features_are_refused():
    text = collection(*[point(1, 1, name=str(i)) for i in range(MAX_IMPORT_SITES + 1)])
    with pytest.raises(GeoInputError, match="501 sites; the limit is 500 sites"):
        parse_sites(text)


def test_parse_sites__huge_cells_are_row_errors_not_crashes():
    result = parse_sites("name,lat,lon\nA," + "1" * 100_000 + "x,1\nB," + "1 " * 60_000 + ",2\n")
    assert result.sites == ()
    assert [error.row for error in result.errors] == [2, 3]
    assert all(len(error.message) < 200 for error in result.errors)


def test_parse_sites__field_beyond_csv_limit_is_a_row_error():
    result = parse_sites("A," + "1" * 200_000 + ",1\nMozdok,43.74,44.65\n")
    assert result.sites == (MOZDOK,)
    assert [error.row for error in result.errors] == [1]


# Properties


def parse_or_refuse(data: bytes | str) -> ImportResult | None:
    """``parse_sites`` with at most 20 sites; None when the whole input is refused."""
    try:
        result = parse_sites(data, max_sites=20)
    except GeoInputError as exc:
        refusal = str(exc)
    else:
        assert_valid(result)
        return result
    # Under 1 MB, the site count is the only reason to refuse a whole input.
    assert refusal.endswith("the limit is 20 sites")
    return None


def assert_valid(result: ImportResult) -> None:
    assert isinstance(result, ImportResult)
    for site in result.sites:
        assert isinstance(site, LaunchSite)
        assert math.isfinite(site.lat)
        assert -90 <= site.lat <= 90
        assert math.isfinite(site.lon)
        assert -180 <= site.lon <= 180
        assert 0 < len(site.name) <= MAX_NAME_CHARS
    for error in result.errors:
        assert isinstance(error, RowError)
        assert error.row >= 1
        assert error.message


@given(hst.binary(max_size=2000))
def test_parse_sites__any_bytes_give_a_result_or_a_limit_error(data):
    parse_or_refuse(data)


@given(hst.text(max_size=2000))
def test_parse_sites__any_text_gives_a_result_or_a_limit_error(text):
    parse_or_refuse(text)


CSV_ALPHABET = hst.sampled_from("Kapustin Yar0123456789.,;-+°'\"NSEW \t\n\r")


@given(hst.lists(hst.lists(hst.text(CSV_ALPHABET, max_size=12), max_size=6), max_size=30))
def test_parse_sites__csv_like_text_gives_a_result_or_a_limit_error(rows):
    parse_or_refuse("\n".join(",".join(cells) for cells in rows))


@given(
    hst.lists(
        hst.tuples(hst.sampled_from(["{", "[", "1", '"a"', "null", "true"]), hst.text(max_size=8)),
        max_size=20,
    )
)
def test_parse_sites__json_like_text_gives_a_result_or_a_limit_error(parts):
    parse_or_refuse("{" + "".join(a + b for a, b in parts))


@given(
    hst.lists(
        hst.tuples(
            hst.text(max_size=20),
            hst.floats(-90, 90, allow_nan=False),
            hst.floats(-180, 180, allow_nan=False),
        ),
        max_size=40,
    ),
    hst.sampled_from([",", ";", "\t"]),
)
def test_parse_sites__csv_round_trip_keeps_coordinates(sites, delimiter):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(["name", "lat", "lon"])
    # The index keeps names unique, so no row is an exact duplicate of another.
    writer.writerows([f"{name} #{i}", lat, lon] for i, (name, lat, lon) in enumerate(sites))
    result = parse_sites(buffer.getvalue())
    assert result.errors == ()
    assert [site.lat for site in result.sites] == pytest.approx([s[1] for s in sites], abs=1e-9)
    assert [site.lon for site in result.sites] == pytest.approx([s[2] for s in sites], abs=1e-9)
