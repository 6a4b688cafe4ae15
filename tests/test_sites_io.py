"""Importing a user's own launch sites from CSV: dialects, encodings, rows, names, DMS."""

from __future__ import annotations

import csv
import io

import pytest

from geo import LaunchSite
from geo.sites_io import (
    MAX_NAME_CHARS,
    ImportResult,
    RowError,
    parse_sites,
)
from tests.sites_io_cases import (
    KAPUSTIN,
    MOZDOK,
    SYDNEY,
    THREE_SITES,
    messages,
)

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
