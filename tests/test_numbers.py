"""Rings as people type them: the one parser behind the rings box and the link."""

from __future__ import annotations

import pytest

from geo.errors import GeoInputError
from geo.numbers import parse_km, split_km_list
from tests.test_urlstate import DEFAULT, SYSTEMS
from ui.urlstate import from_query, parse_ring_km, parse_rings_km


@pytest.mark.parametrize(
    ("text", "km"),
    [
        ("1,000", 1000.0),
        ("1 000", 1000.0),
        ("1\u00a0000", 1000.0),  # no-break space, as word processors put between thousands
        ("1000 km", 1000.0),
        ("1000km", 1000.0),
        ("1,000 KM", 1000.0),
        ("2,350.5", 2350.5),
        ("2350", 2350.0),
        (" 12,345 ", 12345.0),
    ],
)
def test_parse_km__accepts_numbers_as_people_type_them(text, km):
    assert parse_km(text) == km
    assert parse_ring_km(text) == km


@pytest.mark.parametrize("text", ["1,5", "1,50", "500,1000", "1.000,5", "12,34.5"])
def test_parse_km__refuses_an_ambiguous_comma_naming_the_text_and_why(text):
    with pytest.raises(GeoInputError) as error:
        parse_ring_km(text)
    message = str(error.value)
    assert repr(text) in message
    assert "ambiguous" in message
    assert "thousands" in message


@pytest.mark.parametrize(("text", "named"), [("abc", "not a number"), ("-5", "greater than 0")])
def test_parse_ring_km__refuses_what_is_not_a_range(text, named):
    with pytest.raises(GeoInputError, match=named):
        parse_ring_km(text)


@pytest.mark.parametrize(
    ("text", "rings"),
    [
        ("1,000", [1000.0]),
        ("1 000", [1000.0]),
        ("1000 km", [1000.0]),
        ("1000, 2000", [1000.0, 2000.0]),
        ("1,000; 2,350.5", [1000.0, 2350.5]),
        ("500 1000 1500", [500.0, 1000.0, 1500.0]),
        ("1000 km 2000 km", [1000.0, 2000.0]),
        ("1000\n2000", [1000.0, 2000.0]),
    ],
)
def test_parse_rings_km__reads_lists_with_no_error(text, rings):
    assert parse_rings_km(text) == (rings, [])


def test_parse_rings_km__an_ambiguous_ring_is_refused_and_the_others_kept():
    rings, errors = parse_rings_km("1,5; 2000")
    assert rings == [2000.0]
    assert len(errors) == 1
    assert "'1,5' is ambiguous" in errors[0]


def test_split_km_list__spaces_between_thousands_are_one_number():
    assert split_km_list("1 000, 2 500 km") == ["1 000", "2 500 km"]


@pytest.mark.parametrize(("value", "km"), [("1,000", 1000.0), ("1000 km", 1000.0)])
def test_from_query__a_link_reads_rings_as_the_box_does(value, km):
    state, notices = from_query({"ring": [value]}, default=DEFAULT, systems=SYSTEMS)
    assert state.extra_km == (km,)
    assert notices == []


def test_from_query__an_ambiguous_ring_in_the_link_gets_a_notice_naming_it():
    state, notices = from_query({"ring": ["1,5"]}, default=DEFAULT, systems=SYSTEMS)
    assert state.extra_km == ()
    assert len(notices) == 1
    assert "'1,5' is ambiguous" in notices[0]
