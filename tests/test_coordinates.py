"""One typed latitude or longitude (``geo.coordinates``): decimals, DMS, errors, fuzzing."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as hst

from geo.coordinates import parse_coordinate
from geo.errors import GeoInputError


@pytest.mark.parametrize(
    ("text", "axis", "expected"),
    [
        ("48.58", "lat", 48.58),
        ("-45.7", "lon", -45.7),
        ("+45.7", "lon", 45.7),
        ("48,58", "lat", 48.58),
        ("1e-05", "lon", 1e-05),
        ("48°35'N", "lat", 48 + 35 / 60),
        ("45°43'12\"E", "lon", 45.72),
        ("48 35 12 N", "lat", 48 + 35 / 60 + 12 / 3600),
        ("48°35.5'N", "lat", 48 + 35.5 / 60),
        ("48°35,5'N", "lat", 48 + 35.5 / 60),
        ("33°52′S", "lat", -(33 + 52 / 60)),
        ("151°12′W", "lon", -(151 + 12 / 60)),
        ("151º 12' 30'' W", "lon", -(151 + 12 / 60 + 30 / 3600)),
        ("45°43′12″E", "lon", 45.72),
        ("N 48°35'", "lat", 48 + 35 / 60),
        ("48.58n", "lat", 48.58),
        ("−33.87", "lat", -33.87),
        ("-33°52'", "lat", -(33 + 52 / 60)),
        ("90", "lat", 90.0),
        ("-180", "lon", -180.0),
    ],
)
def test_parse_coordinate__accepted_forms(text, axis, expected):
    assert parse_coordinate(text, axis) == pytest.approx(expected, abs=1e-12)


def test_parse_coordinate__dms_values_are_exact():
    assert parse_coordinate("48°35'N", "lat") == 48 + 35 / 60
    assert parse_coordinate("45°43'12\"E", "lon") == 45.72


@pytest.mark.parametrize(
    ("text", "axis", "fragment"),
    [
        ("48°35'N", "lon", "hemisphere N, which is for a latitude (lat/lon swapped?)"),
        ("45°43'E", "lat", "hemisphere E, which is for a longitude (lat/lon swapped?)"),
        ("-48°35'S", "lat", "has both a sign and a hemisphere letter"),
        ("N48S", "lat", "has two hemisphere letters"),
        ("48°60'N", "lat", "minutes and seconds must be below 60"),
        ("48°35'60\"N", "lat", "minutes and seconds must be below 60"),
        ("48.5°30'N", "lat", "degrees must be whole when minutes follow"),
        ("48°30.5'15\"N", "lat", "minutes must be whole when seconds follow"),
        ("48'35°N", "lat", "is not a number or degrees-minutes-seconds value"),
        ("1,234.5", "lon", "is not a number or degrees-minutes-seconds value"),
        ("1_000", "lon", "is not a number or degrees-minutes-seconds value"),
        ("٤٨", "lat", "is not a number or degrees-minutes-seconds value"),
        ("95°N", "lat", "latitude 95 is outside [-90, 90]"),
        ("181", "lon", "longitude 181 is outside [-180, 180]"),
        ("", "lat", "latitude is empty"),
        ("nan", "lat", "is not a finite number"),
        ("48", "height", "axis must be 'lat' or 'lon'"),
    ],
)
def test_parse_coordinate__errors_are_specific(text, axis, fragment):
    with pytest.raises(GeoInputError, match=None) as caught:
        parse_coordinate(text, axis)
    assert fragment in str(caught.value)


@given(hst.text(max_size=200), hst.sampled_from(["lat", "lon"]))
def test_parse_coordinate__any_text_gives_degrees_in_range_or_geo_input_error(text, axis):
    try:
        value = parse_coordinate(text, axis)
    except GeoInputError:
        return
    assert math.isfinite(value)
    assert abs(value) <= (90 if axis == "lat" else 180)


@given(
    hst.integers(0, 179),
    hst.integers(0, 59),
    hst.integers(0, 59),
    hst.sampled_from(["E", "W"]),
    hst.sampled_from(["{}°{:02d}'{:02d}\"{}", "{} {} {} {}", "{}º {}′ {}″ {}"]),
)
def test_parse_coordinate__dms_round_trip(degrees, minutes, seconds, hemisphere, form):
    text = form.format(degrees, minutes, seconds, hemisphere)
    expected = (degrees + minutes / 60 + seconds / 3600) * (-1 if hemisphere == "W" else 1)
    assert parse_coordinate(text, "lon") == pytest.approx(expected, abs=1e-12)
