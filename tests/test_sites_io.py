"""Importing a user's own launch sites: CSV dialects, encodings, DMS, GeoJSON, limits, fuzzing."""

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

KAPUSTIN = LaunchSite(name="Kapustin Yar", lat=48.58, lon=45.74)
MOZDOK = LaunchSite(name="Mozdok", lat=43.74, lon=44.65)
SYDNEY = LaunchSite(name="Sydney", lat=-33.87, lon=-151.2)
THREE_SITES = "Kapustin Yar,48.58,45.74\nMozdok,43.74,44.65\nSydney,-33.87,-151.2\n"


def messages(result: ImportResult) -> list[str]:
    return [error.message for error in result.errors]


def point(lon, lat, **properties):
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": properties,
    }


def collection(*features):
    return json.dumps({"type": "FeatureCollection", "features": list(features)})


# CSV layouts


def test_parse_sites__csv_with_header_keeps_order_and_values():
    result = parse_sites("name,lat,lon\n" + THREE_SITES)
    assert result == ImportResult((KAPUSTIN, MOZDOK, SYDNEY), ())


@pytest.mark.parametrize(
    "header",
    [
        "Name,Latitude,Longitude",
        "NAME,LAT,LNG",
        "name,lat,long",
        " Name , Lat , Lon ",
    ],
)
def test_parse_sites__header_names_are_case_insensitive_with_aliases(header):
    result = parse_sites(f"{header}\n{THREE_SITES}")
    assert result.sites == (KAPUSTIN, MOZDOK, SYDNEY)
    assert result.errors == ()


def test_parse_sites__columns_in_any_order_with_role_and_source():
    text = (
        "source,lon,role,lat,name\n"
        "FAS,45.74,Test range,48.58,Kapustin Yar\n"
        "IISS,44.65,Bomber base,43.74,Mozdok\n"
    )
    result = parse_sites(text)
    assert result.errors == ()
    assert result.sites == (
        LaunchSite(name="Kapustin Yar", lat=48.58, lon=45.74, role="Test range", source="FAS"),
        LaunchSite(name="Mozdok", lat=43.74, lon=44.65, role="Bomber base", source="IISS"),
    )


def test_parse_sites__headerless_csv_is_name_lat_lon():
    assert parse_sites(THREE_SITES) == ImportResult((KAPUSTIN, MOZDOK, SYDNEY), ())


def test_parse_sites__header_without_lat_lon_columns_refuses_the_file_at_row_1():
    result = parse_sites("Site,Y,X\nKapustin Yar,48.58,45.74\n")
    assert result.sites == ()
    assert [error.row for error in result.errors] == [1]
    assert "has no lat or lon column" in result.errors[0].message
    assert result.errors[0].message.startswith("row 1: ")


def test_parse_sites__header_without_name_column_gives_default_names():
    result = parse_sites("lat,lon\n48.58,45.74\n")
    assert result.sites == (LaunchSite(name="Site at 48.58, 45.74", lat=48.58, lon=45.74),)


def test_parse_sites__semicolon_with_decimal_commas():
    text = "Kapustin Yar;48,58;45,74\nMozdok;43,74;44,65\nSydney;-33,87;-151,2\n"
    assert parse_sites(text) == ImportResult((KAPUSTIN, MOZDOK, SYDNEY), ())


def test_parse_sites__semicolon_with_header():
    result = parse_sites("name;lat;lon\nKapustin Yar;48,58;45,74\n")
    assert result.sites == (KAPUSTIN,)


def test_parse_sites__tab_separated():
    text = "name\tlat\tlon\n" + THREE_SITES.replace(",", "\t")
    assert parse_sites(text) == ImportResult((KAPUSTIN, MOZDOK, SYDNEY), ())


def test_parse_sites__quoted_decimal_commas_in_a_comma_file():
    assert parse_sites('Kapustin Yar,"48,58","45,74"\n').sites == (KAPUSTIN,)


def test_parse_sites__unquoted_decimal_commas_in_a_comma_file_are_an_error_with_hint():
    result = parse_sites("Kapustin Yar,48,58,45,74\nMozdok,43.74,44.65\n")
    assert result.sites == (MOZDOK,)
    assert messages(result) == [
        "row 1: has 5 columns, expected 3 (decimal commas need quotes or ';' as separator)"
    ]


def test_parse_sites__trailing_empty_cells_are_ignored():
    result = parse_sites("name,lat,lon\nKapustin Yar,48.58,45.74,,\n")
    assert result == ImportResult((KAPUSTIN,), ())


def test_parse_sites__crlf_and_surrounding_spaces():
    result = parse_sites("name, lat, lon\r\n Kapustin Yar , 48.58 , 45.74 \r\n")
    assert result == ImportResult((KAPUSTIN,), ())


# Encodings


def test_parse_sites__utf8_bom_bytes():
    data = "\ufeffname,lat,lon\nKapustin Yar,48.58,45.74\n".encode()
    assert parse_sites(data) == ImportResult((KAPUSTIN,), ())


def test_parse_sites__bom_in_pasted_text():
    assert parse_sites("\ufeffKapustin Yar,48.58,45.74").sites == (KAPUSTIN,)


def test_parse_sites__cp1252_bytes_fall_back_without_raising():
    data = "name;lat;lon\nZürich;47,37;8,54\n".encode("cp1252")
    result = parse_sites(data)
    assert result == ImportResult((LaunchSite(name="Zürich", lat=47.37, lon=8.54),), ())


def test_parse_sites__utf16_excel_unicode_text():
    data = "name\tlat\tlon\r\nZürich\t47.37\t8.54\r\n".encode("utf-16")
    assert parse_sites(data).sites == (LaunchSite(name="Zürich", lat=47.37, lon=8.54),)


def test_parse_sites__utf8_non_ascii_name():
    data = "Капустин Яр,48.58,45.74\n".encode()
    assert parse_sites(data).sites == (LaunchSite(name="Капустин Яр", lat=48.58, lon=45.74),)


# Blank rows and row numbers


def test_parse_sites__empty_and_separator_only_rows_are_skipped_silently():
    text = "\n\nname,lat,lon\n\n,,\n  ;  \nKapustin Yar,48.58,45.74\n\t\nMozdok,43.74,44.65\n\n"
    result = parse_sites(text)
    assert result == ImportResult((KAPUSTIN, MOZDOK), ())


@pytest.mark.parametrize("data", ["", "   \n\n", b"", b"\xef\xbb\xbf", ",,,\n;;"])
def test_parse_sites__empty_input_gives_empty_result(data):
    assert parse_sites(data) == ImportResult((), ())


def test_parse_sites__row_numbers_are_physical_lines_with_header_as_row_1():
    text = "name,lat,lon\nKapustin Yar,48.58,45.74\n\nBad,abc,1\n"
    result = parse_sites(text)
    assert result.errors == (
        RowError(4, "row 4: latitude 'abc' is not a number or degrees-minutes-seconds value"),
    )


def test_parse_sites__row_number_of_a_row_after_a_multiline_quoted_name():
    text = 'name,lat,lon\n"Kapustin\nYar",48.58,45.74\nBad,1,x\n'
    result = parse_sites(text)
    assert result.sites == (KAPUSTIN,)  # the newline inside the name collapses to a space
    assert [error.row for error in result.errors] == [4]


# Bad values


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("A,nan,1", "row 2: latitude 'nan' is not a finite number"),
        ("A,1,NaN", "row 2: longitude 'NaN' is not a finite number"),
        ("A,inf,1", "row 2: latitude 'inf' is not a finite number"),
        ("A,1,-Infinity", "row 2: longitude '-Infinity' is not a finite number"),
        ("A,1e999,1", "row 2: latitude '1e999' is not a finite number"),
        ("A,,1", "row 2: latitude is empty"),
        ("A,1,", "row 2: longitude is empty"),
        ("A,1", "row 2: longitude is empty"),
        ("A,north,1", "row 2: latitude 'north' is not a number or degrees-minutes-seconds value"),
        ("A,1,1.2.3", "row 2: longitude '1.2.3' is not a number or degrees-minutes-seconds value"),
        ("A,95,200", "row 2: latitude 95 is outside [-90, 90]"),
        ("A,45,200", "row 2: longitude 200 is outside [-180, 180]"),
        ("A,-90.0000001,0", "row 2: latitude -90.0000001 is outside [-90, 90] (lat/lon swapped?)"),
    ],
)
def test_parse_sites__bad_values_are_row_errors_naming_the_value(row, message):
    result = parse_sites(f"name,lat,lon\n{row}\nMozdok,43.74,44.65\n")
    assert result.sites == (MOZDOK,)
    assert messages(result) == [message]


def test_parse_sites__swapped_lat_lon_gets_a_hint_and_is_never_swapped():
    result = parse_sites("name,lat,lon\nSydney,-151.2,-33.87\nMcMurdo,166.67,-77.85\n")
    assert result.sites == ()
    assert messages(result) == [
        "row 2: latitude -151.2 is outside [-90, 90] (lat/lon swapped?)",
        "row 3: latitude 166.67 is outside [-90, 90] (lat/lon swapped?)",
    ]


def test_parse_sites__hemisphere_letter_in_the_wrong_column_hints_at_a_swap():
    result = parse_sites("Kapustin Yar,45°44'E,48°35'N\nMozdok,43.74,44.65\n")
    assert result.sites == (MOZDOK,)
    assert messages(result) == [
        'row 1: latitude "45°44\'E" has hemisphere E, which is for a longitude (lat/lon swapped?)'
    ]


@pytest.mark.parametrize("bad", ["A,1e999,1", "Kapustin Yar,abc,45.74", "A,95,10"])
def test_parse_sites__headerless_first_row_with_a_bad_value_is_that_rows_error(bad):
    result = parse_sites(f"{bad}\nMozdok,43.74,44.65\n")
    assert result.sites == (MOZDOK,)
    assert [error.row for error in result.errors] == [1]
    assert result.errors[0].message.startswith("row 1: ")


def test_parse_sites__a_first_row_without_digits_is_a_header_in_any_language():
    result = parse_sites("Name,Breite,Länge\nMozdok,43.74,44.65\n")
    assert result.sites == ()
    assert "has no lat or lon column" in result.errors[0].message


@pytest.mark.parametrize("separator", [";", "\t"])
def test_parse_sites__a_separator_inside_a_quoted_first_name_does_not_decide(separator):
    text = f'"Foo{separator} Bar",48.58,45.74\nMozdok,43.74,44.65\nShuya,56.85,41.39\n'
    result = parse_sites(text)
    name = f"Foo{separator} Bar".replace("\t", " ")  # a tab in a name becomes a space
    assert [site.name for site in result.sites] == [name, "Mozdok", "Shuya"]
    assert result.errors == ()


def test_parse_sites__an_unclosed_quote_costs_only_its_own_row():
    text = 'name,lat,lon\nA,48.58,45.74\nB,"43.74,44.65\nC,56.85,41.39\nD,10,10\n"E",1,2\n'
    result = parse_sites(text)
    assert [site.name for site in result.sites] == ["A", "C", "D", "E"]
    assert [error.row for error in result.errors] == [3]
    assert "not closed" in result.errors[0].message


def test_parse_sites__a_quoted_name_over_two_lines_is_still_one_site():
    result = parse_sites('name,lat,lon\n"Kapustin\nYar, test range",48.58,45.74\n')
    assert [site.name for site in result.sites] == ["Kapustin Yar, test range"]


def test_parse_sites__every_bad_row_is_reported_and_good_rows_kept():
    text = "name,lat,lon\nKapustin Yar,48.58,45.74\nA,x,1\nMozdok,43.74,44.65\nB,1,y\n"
    result = parse_sites(text)
    assert result.sites == (KAPUSTIN, MOZDOK)
    assert [error.row for error in result.errors] == [3, 5]


# Names


@pytest.mark.parametrize(
    "name",
    ["<img src=x onerror=alert(1)>", '"quoted" & <b>bold</b>', "=cmd|' /C calc'!A0"],
)
def test_parse_sites__names_are_kept_verbatim(name):
    buffer = io.StringIO()
    csv.writer(buffer).writerows([["name", "lat", "lon"], [name, 48.58, 45.74]])
    assert parse_sites(buffer.getvalue()).sites == (LaunchSite(name=name, lat=48.58, lon=45.74),)


def test_parse_sites__names_are_stripped_and_control_characters_collapsed():
    result = parse_sites('name,lat,lon\n"  Kapustin\t\x00\r\nYar  ",48.58,45.74\n')
    assert result.sites == (KAPUSTIN,)


def test_parse_sites__long_names_are_truncated():
    result = parse_sites(f"name,lat,lon\n{'K' * 500},48.58,45.74\n")
    assert result.sites[0].name == "K" * MAX_NAME_CHARS


@pytest.mark.parametrize("name", ["", "   ", "\x07"])
def test_parse_sites__empty_names_get_a_default_name(name):
    result = parse_sites(f'name,lat,lon\n"{name}",48.58,45.74\n,-33.87,-151.2\n')
    assert [site.name for site in result.sites] == [
        "Site at 48.58, 45.74",
        "Site at -33.87, -151.2",
    ]


# Duplicates


def test_parse_sites__exact_duplicates_are_dropped_naming_the_first_row():
    text = (
        "name,lat,lon\n"
        "Kapustin Yar,48.58,45.74\n"
        "Mozdok,43.74,44.65\n"
        "Kapustin Yar,48.5800001,45.74\n"
    )
    result = parse_sites(text)
    assert result.sites == (KAPUSTIN, MOZDOK)
    assert result.errors == (RowError(4, "row 4: duplicates row 2 (Kapustin Yar)"),)


def test_parse_sites__same_name_elsewhere_is_kept_and_renamed():
    text = (
        "name,lat,lon\n"
        "Base,48.58,45.74\n"
        "Base,43.74,44.65\n"
        "Base (3),1,1\n"
        "Base,-33.87,-151.2\n"
        "Base,43.74,44.65\n"
    )
    result = parse_sites(text)
    assert [(site.name, site.lat) for site in result.sites] == [
        ("Base", 48.58),
        ("Base (2)", 43.74),
        ("Base (3)", 1.0),
        ("Base (4)", -33.87),
    ]
    assert result.errors == (RowError(6, "row 6: duplicates row 3 (Base)"),)


def test_parse_sites__renamed_long_names_stay_within_the_limit():
    name = "K" * MAX_NAME_CHARS
    result = parse_sites(f"{name},48.58,45.74\n{name},43.74,44.65\n")
    assert [site.name for site in result.sites] == [name, "K" * (MAX_NAME_CHARS - 4) + " (2)"]


# Degrees, minutes, seconds


def test_parse_sites__dms_columns_in_csv():
    text = "name;lat;lon\nKapustin Yar;48°34'48\"N;45°44'24\"E\nSydney;33°52'12\"S;151°12'W\n"
    result = parse_sites(text)
    assert result.errors == ()
    coords = [value for site in result.sites for value in (site.lat, site.lon)]
    assert coords == pytest.approx([48.58, 45.74, -33.87, -151.2], abs=1e-12)


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
