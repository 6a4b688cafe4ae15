"""One latitude or longitude typed by a person: decimal degrees or degrees-minutes-seconds.

Pure: no UI imports. Used by the site importer (:mod:`geo.sites_io`) for every cell and by the
app's coordinate box; every problem raises :class:`GeoInputError` with a message that names the
value, so the caller can show it as it is or attach a row number.
"""

from __future__ import annotations

import math
import re

from .errors import SWAP_HINT, GeoInputError, show_value, swap_hint

# axis -> (name in messages, largest absolute value in degrees, its hemisphere letters)
_AXES = {"lat": ("latitude", 90.0, "NS"), "lon": ("longitude", 180.0, "EW")}
# Typographic variants that spreadsheets and web pages put into pasted coordinates.
_SYMBOLS = str.maketrans("º˚′’‘″”“−", "°°'''\"\"\"-")
# Possessive quantifiers (Python 3.11) keep matching linear on long hostile cells.
_DECIMAL = re.compile(r"(?:\d++\.?+\d*+|\.\d++)(?:E[+-]?+\d++)?+", re.ASCII)
_DMS = re.compile(
    r"(?P<deg>\d++(?:\.\d++)?+)\s*+°?+\s*+"
    r"(?:(?P<min>\d++(?:\.\d++)?+)\s*+'?+\s*+"
    r"(?:(?P<sec>\d++(?:\.\d++)?+)\s*+\"?+)?+)?+",
    re.ASCII,
)


def parse_coordinate(text: str, axis: str) -> float:
    """Parse one latitude (``axis="lat"``) or longitude (``axis="lon"``) in degrees.

    Accepts decimals (``"48.58"``, ``"-45.7"``, ``"48,58"``) and degrees-minutes-seconds
    (``48°35'N``, ``45°43'12"E``, ``48 35 12 N``, ``48°35.5'N``). S and W are negative; a
    hemisphere letter of the other axis is an error.

    Raises:
        GeoInputError: Not a coordinate, not finite, or out of range; the message names the value.

    >>> parse_coordinate("45°43'12\\"E", "lon")
    45.72
    """
    value_deg = parse_degrees(text, axis)
    check_range_deg(value_deg, axis)
    return value_deg


def parse_position(lat_text: str, lon_text: str) -> tuple[float, float]:
    """Parse a latitude and a longitude as :func:`parse_coordinate` does, both read before either
    is range-checked, so a swapped pair gets the hint (:func:`check_position`).

    Raises:
        GeoInputError: either is not a coordinate, or the position is out of range.
    """
    lat_deg, lon_deg = parse_degrees(lat_text, "lat"), parse_degrees(lon_text, "lon")
    check_position(lat_deg, lon_deg)
    return lat_deg, lon_deg


def check_position(lat_deg: float, lon_deg: float) -> None:
    """Refuse a position out of range; a latitude beyond ±90° gets the swap hint when the pair
    would fit the other way round.

    Raises:
        GeoInputError: out of range; the message names the value.
    """
    check_range_deg(lat_deg, "lat", swap_hint(lat_deg, lon_deg))
    check_range_deg(lon_deg, "lon")


def parse_degrees(text: str, axis: str) -> float:
    """Degrees from ``text`` as :func:`parse_coordinate` reads them, without the range check.

    For callers that check lat and lon together, so a latitude beyond ±90 can be reported as a
    possible lat/lon swap (:func:`check_position`).

    Raises:
        GeoInputError: Unknown axis, not a coordinate, or not finite.
    """
    if axis not in _AXES:
        raise GeoInputError(f"axis must be 'lat' or 'lon', got {axis!r}")
    what, _, hemispheres = _AXES[axis]
    shown = show_value(text.strip())
    t = text.strip().translate(_SYMBOLS).replace("''", '"').upper()
    if not t:
        raise GeoInputError(f"{what} is empty")
    if t.lstrip("+-") in ("NAN", "INF", "INFINITY"):
        raise GeoInputError(f"{what} {shown} is not a finite number")
    if t.count(",") == 1 and "." not in t:
        t = t.replace(",", ".")
    hemisphere = ""
    if t[0] in "NSEW":
        hemisphere, t = t[0], t[1:]
    if t[-1:] in ("N", "S", "E", "W"):
        if hemisphere:
            raise GeoInputError(f"{what} {shown} has two hemisphere letters")
        hemisphere, t = t[-1], t[:-1]
    if hemisphere and hemisphere not in hemispheres:
        other = "latitude" if axis == "lon" else "longitude"
        raise GeoInputError(
            f"{what} {shown} has hemisphere {hemisphere}, which is for a {other}{SWAP_HINT}"
        )
    t = t.strip()
    sign = -1.0 if hemisphere in ("S", "W") or t.startswith("-") else 1.0
    if t[:1] in ("-", "+"):
        if hemisphere:
            raise GeoInputError(f"{what} {shown} has both a sign and a hemisphere letter")
        t = t[1:].lstrip()
    if _DECIMAL.fullmatch(t):
        value_deg = float(t)
    elif match := _DMS.fullmatch(t):
        value_deg = _dms_degrees(match, f"{what} {shown}")
    else:
        raise GeoInputError(f"{what} {shown} is not a number or degrees-minutes-seconds value")
    if not math.isfinite(value_deg):
        raise GeoInputError(f"{what} {shown} is not a finite number")
    return sign * value_deg


def check_range_deg(value_deg: float, axis: str, hint: str = "") -> None:
    """Refuse a latitude outside [-90, 90] or a longitude outside [-180, 180] degrees.

    Raises:
        GeoInputError: Out of range; the message names the value and ends with ``hint``.
    """
    what, limit_deg, _ = _AXES[axis]
    if not -limit_deg <= value_deg <= limit_deg:
        raise GeoInputError(
            f"{what} {value_deg:.15g} is outside [{-limit_deg:g}, {limit_deg:g}]{hint}"
        )


def _dms_degrees(match: re.Match[str], label: str) -> float:
    degrees, minutes, seconds = match["deg"], match["min"], match["sec"]
    if minutes is not None and "." in degrees:
        raise GeoInputError(f"{label}: degrees must be whole when minutes follow")
    if seconds is not None and "." in minutes:
        raise GeoInputError(f"{label}: minutes must be whole when seconds follow")
    mins, secs = float(minutes or 0), float(seconds or 0)
    if mins >= 60 or secs >= 60:
        raise GeoInputError(f"{label}: minutes and seconds must be below 60")
    return float(degrees) + mins / 60 + secs / 3600
