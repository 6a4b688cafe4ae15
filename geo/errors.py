"""Input validation at the boundary of ``geo``.

pyproj (GeographicLib) answers NaN, not an error, for NaN input or |lat| > 90, so every public
function checks its own arguments and raises :class:`GeoInputError` with a message that names the
value. The CLI turns it into exit status 2, the app into ``st.error``.
"""

from __future__ import annotations

import math

# Half the WGS84 meridian (pole to pole): the longest geodesic distance from any point, reached
# at its antipode. GeographicLib: Geodesic.WGS84.Inverse(0, 0, 0, 180)["s12"] would take the
# equator; the shortest antipodal path follows a meridian.
HALF_MERIDIAN_M = 20_003_931.458625
MIN_RADIUS_M = 1.0
MIN_TOLERANCE_M = 1.0
SWAP_HINT = " (lat/lon swapped?)"


class GeoInputError(ValueError):
    """An argument to a geo function is outside its documented range."""


def require_lat(lat: float) -> float:
    """Return ``lat`` as a float if it is a finite latitude in [-90, 90].

    Raises:
        GeoInputError: NaN, infinite or outside [-90, 90] (with a lat/lon swap hint).
    """
    lat = _finite(lat, "latitude")
    if not -90.0 <= lat <= 90.0:
        raise GeoInputError(f"latitude must be in [-90, 90], got {lat:g}{swap_hint(lat)}")
    return lat


def swap_hint(lat_deg: float, lon_deg: float = 0.0) -> str:
    """The hint for a latitude beyond ±90° that would fit as a longitude, given a longitude that
    would fit as a latitude: a swapped pair is pointed out, never swapped silently."""
    return SWAP_HINT if abs(lat_deg) <= 180.0 and abs(lon_deg) <= 90.0 else ""


def require_lon(lon: float) -> float:
    """Return ``lon`` as a float if it is a finite longitude in [-180, 180].

    Raises:
        GeoInputError: NaN, infinite or outside [-180, 180].
    """
    lon = _finite(lon, "longitude")
    if not -180.0 <= lon <= 180.0:
        raise GeoInputError(f"longitude must be in [-180, 180], got {lon:g}")
    return lon


def require_radius_m(radius_m: float, what: str = "range") -> float:
    """Return ``radius_m`` if it lies in [1 m, half meridian].

    Raises:
        GeoInputError: not a finite number, below 1 m, or beyond the antipodal limit.
    """
    radius_m = _finite(radius_m, what)
    if radius_m <= 0:
        raise GeoInputError(f"{what} must be greater than 0 km, got {radius_m / 1000:g} km")
    if radius_m < MIN_RADIUS_M:
        raise GeoInputError(f"{what} must be at least {MIN_RADIUS_M:g} m, got {radius_m:g} m")
    if radius_m > HALF_MERIDIAN_M:
        raise GeoInputError(
            f"{what} {radius_m / 1000:g} km is beyond the antipodal limit of "
            f"{HALF_MERIDIAN_M / 1000:,.3f} km (no point on Earth is farther)"
        )
    return radius_m


def require_band_m(min_m: float, max_m: float) -> tuple[float, float]:
    """Validate a band (annulus) given as inner and outer radius in metres.

    Raises:
        GeoInputError: either radius invalid, or ``min_m >= max_m``.
    """
    max_m = require_radius_m(max_m, "band maximum")
    min_m = require_radius_m(min_m, "band minimum")
    if min_m >= max_m:
        raise GeoInputError(
            f"band minimum must be below its maximum, got {min_m / 1000:g}:{max_m / 1000:g} km"
        )
    return min_m, max_m


def require_tolerance_m(tolerance_m: float) -> float:
    """Validate the boundary tolerance in metres (at least 1 m).

    Raises:
        GeoInputError: not finite or below 1 m.
    """
    tolerance_m = _finite(tolerance_m, "tolerance")
    if tolerance_m < MIN_TOLERANCE_M:
        raise GeoInputError(
            f"tolerance must be at least {MIN_TOLERANCE_M:g} m, got {tolerance_m:g} m"
        )
    return tolerance_m


def show_value(value: object) -> str:
    """``repr`` of a user's value, cut short so a hostile cell cannot flood the message."""
    shown = repr(value)
    return shown if len(shown) <= 42 else shown[:40] + "…"


def _finite(value: float, what: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise GeoInputError(f"{what} must be a number, got {value!r}") from None
    if not math.isfinite(number):
        raise GeoInputError(f"{what} must be a finite number, got {value!r}")
    return number
