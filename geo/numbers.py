"""Distances in km as people type them: "1,000", "1 000", "1000 km", "2,350.5", and lists of them.

A comma is a thousands separator only between groups of three digits, and never a decimal mark:
"1,5" could mean 1.5 km, 1,500 km or the two rings 1 and 5 km, so it is refused with a message
that says so rather than guessed. Rings in a list are separated by ";", a new line, or a comma
followed by a space ("1000, 2000"); spaces alone separate them where the text cannot be one
number with spaces between its thousands ("500 1000 1500", but "1 000" is one thousand).
"""

from __future__ import annotations

import re

from .errors import GeoInputError

# Spaces people put between thousands: plain, no-break and narrow no-break (SI style).
_SPACES = " \u00a0\u202f"
_UNIT = re.compile(r"\s*km\s*$", re.IGNORECASE)
_PLAIN = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
# 1-3 digits, then groups of exactly three after one separator used throughout, then decimals.
_GROUPED = re.compile(rf"[+-]?\d{{1,3}}(?P<sep>[,{_SPACES}])\d{{3}}(?:(?P=sep)\d{{3}})*(?:\.\d+)?")
_LIST_SEPARATOR = re.compile(r";|\n|,\s+")


def parse_km(text: str, what: str = "ring") -> float:
    """One distance in km from ``text``, e.g. ``"2,350.5"``, ``"1 000"``, ``"1000 km"``.

    Raises:
        GeoInputError: not a number, or ambiguous (a comma that is not a thousands separator),
            naming the text and ``what`` it was for.

    >>> parse_km("2,350.5"), parse_km("1 000 km"), parse_km("2350")
    (2350.5, 1000.0, 2350.0)
    """
    number = _UNIT.sub("", text.strip())
    shown = text.strip()[:30]
    if _PLAIN.fullmatch(number):
        return float(number)
    if _GROUPED.fullmatch(number):
        return float(re.sub(f"[,{_SPACES}]", "", number))
    if "," in number and re.fullmatch(r"[+-]?[\d.,]+", number):
        raise GeoInputError(
            f"{what} {shown!r} is ambiguous: a comma separates thousands only before groups of "
            "three digits (1,500) and is never a decimal point; write 1.5 for a decimal, or "
            "'1, 5' (comma and space) for two rings"
        )
    raise GeoInputError(f"{what} {shown!r} is not a number of km")


def split_km_list(text: str) -> list[str]:
    """The rings of a list as separate texts, each for :func:`parse_km` (see the module doc).

    >>> split_km_list("1,000; 2 500 km, 3000 4000")
    ['1,000', '2 500 km', '3000', '4000']
    """
    items = []
    for item in _LIST_SEPARATOR.split(text):
        item = item.strip()
        if not item:
            continue
        words = _UNIT.sub("", item).split()
        if len(words) > 1 and not _GROUPED.fullmatch(" ".join(words)):
            # Several numbers separated by spaces ("500 1000"), each maybe followed by "km".
            numbers = [w for w in re.split(r"\s+(?:km\b\s*)?", item, flags=re.IGNORECASE) if w]
            if all(_PLAIN.fullmatch(_UNIT.sub("", n)) for n in numbers):
                items += numbers
                continue
        items.append(item)
    return items
