"""Which populated places lie within range, decided by geodesic distance (``Geod.inv``)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .errors import require_band_m, require_radius_m
from .model import LaunchSite
from .rings import GEOD, FloatArray, IntArray

PLACE_COLUMNS = [
    "name",
    "country",
    "capital",
    "population",
    "distance_km",
    "azimuth_deg",
    "nearest_site",
    "lat",
    "lon",
]
# The prefilter compares a computed chord with a computed geodesic distance; 1 m is far above
# the rounding of either (~1e-9 m for the coordinates, ~15 nm for GeographicLib's distance).
_CHORD_SLACK_M = 1.0


def places_in_range(
    sites: Sequence[LaunchSite],
    places: pd.DataFrame,
    max_radius_m: float,
    *,
    min_radius_m: float = 0.0,
    capitals_only: bool = False,
) -> pd.DataFrame:
    """Places in range of at least one site, nearest first: one definition for a range and a band.

    A place is in range when its geodesic distance to *some* site lies in (min, max]: the union
    over sites of each site's disk or band, as the map shades it and the export's union feature
    holds it. A place 263 km from one site (inside its 500 km inner edge) and 971 km from
    another is in the 500–5,500 km band.

    Args:
        sites: Launch sites.
        places: Natural Earth populated places (``geo.data.places()``).
        max_radius_m: Outer range in metres.
        min_radius_m: Inner range in metres for a band (0 for a disk).
        capitals_only: Keep national capitals only.

    Only (site, place) pairs that a straight-line bound cannot rule out reach ``Geod.inv``
    (see :func:`_candidate_pairs`), so the cost grows slowly with the number of sites, and the
    table is the one that testing every site against every place gives.

    Returns:
        One row per place with ``PLACE_COLUMNS``: distance (km) and azimuth (degrees clockwise
        from north, in [0, 360)) from the nearest site whose range holds the place
        (``nearest_site``).

    Raises:
        GeoInputError: a radius is out of range or ``min >= max``.
    """
    if min_radius_m > 0:
        min_radius_m, max_radius_m = require_band_m(min_radius_m, max_radius_m)
    else:
        max_radius_m = require_radius_m(max_radius_m)
    if capitals_only:
        places = places[places["is_capital"] == 1]
    lons = places["longitude"].to_numpy(dtype=np.float64)
    lats = places["latitude"].to_numpy(dtype=np.float64)
    best_m = np.full(lons.size, np.inf)
    best_az = np.zeros(lons.size)
    best_site = np.full(lons.size, -1)
    if sites:
        site, place, az, dist = _candidate_pairs(sites, lons, lats, max_radius_m, min_radius_m)
        held = (dist <= max_radius_m) & (dist > min_radius_m)
        site, place, az, dist = site[held], place[held], az[held], dist[held]
        # Nearest site per place; among sites at the same distance the first one, as a loop
        # over the sites keeping only strictly nearer ones would choose.
        order = np.lexsort((site, dist, place))
        _, first_of_place = np.unique(place[order], return_index=True)
        first = order[first_of_place]
        best_m[place[first]] = dist[first]
        best_az[place[first]] = az[first]
        best_site[place[first]] = site[first]
    keep = np.isfinite(best_m)
    rows = places[keep]
    out = pd.DataFrame(
        {
            "name": rows["name"].to_numpy(),
            "country": rows["adm0name"].to_numpy(),
            "capital": rows["is_capital"].to_numpy() == 1,
            "population": rows["pop_max"].to_numpy(dtype=np.int64),
            "distance_km": best_m[keep] / 1000.0,
            "azimuth_deg": best_az[keep] % 360.0,
            "nearest_site": [sites[i].name for i in best_site[keep]],
            "lat": rows["latitude"].to_numpy(),
            "lon": rows["longitude"].to_numpy(),
        },
        columns=PLACE_COLUMNS,
    )
    # Ties broken by name so the order is the same on every run; rounding comes after sorting.
    out = out.sort_values(["distance_km", "name"], kind="stable").reset_index(drop=True)
    return out.round({"distance_km": 1, "azimuth_deg": 1})


def _candidate_pairs(
    sites: Sequence[LaunchSite],
    lons: FloatArray,
    lats: FloatArray,
    max_radius_m: float,
    min_radius_m: float = 0.0,
) -> tuple[IntArray, IntArray, FloatArray, FloatArray]:
    """(site, place) index pairs that may decide a place's row, with azimuth and distance (m).

    The pairs are picked by the straight line between the two points in Earth-centred
    coordinates, which is never longer than the geodesic on the surface between them: a site
    whose chord to a place exceeds a geodesic distance ``d`` is farther than ``d``. That holds
    on the ellipsoid for any distance, across ±180° and at the poles. A place whose chord to every
    site exceeds ``max_radius_m`` is out of range and gets no pair. Each other place is paired
    with its chord-nearest site, whose exact distance bounds the place's nearest distance, and with
    every site whose chord is within that bound and within ``max_radius_m``; so the nearest site
    of every place in range, and every site tied with it, is among the pairs. A place whose
    nearest site is within ``min_radius_m`` (inside that site's inner edge) may still lie in
    another site's band: it is paired with every site whose chord is within the bound that
    :func:`_inner_bound_m` gives.
    """
    site_lons = np.array([s.lon for s in sites], dtype=np.float64)
    site_lats = np.array([s.lat for s in sites], dtype=np.float64)
    chord_m = _chord_m(_ecef_m(site_lons, site_lats), _ecef_m(lons, lats))
    guess = np.argmin(chord_m, axis=0)
    # A place whose chord to every site exceeds the range is out of range: it gets no pair.
    reachable = np.flatnonzero(
        chord_m[guess, np.arange(lons.size)] <= max_radius_m + _CHORD_SLACK_M
    )
    guess, chord_m = guess[reachable], chord_m[:, reachable]
    # Geod.inv(lons1, lats1, lons2, lats2) -> (forward azimuth, back azimuth, distance m)
    guess_az, _, guess_m = GEOD.inv(
        site_lons[guess], site_lats[guess], lons[reachable], lats[reachable]
    )
    bound_m = np.minimum(guess_m, max_radius_m)
    inner = np.flatnonzero(guess_m <= min_radius_m)
    if inner.size:
        bound_m[inner] = _inner_bound_m(
            site_lons,
            site_lats,
            lons[reachable[inner]],
            lats[reachable[inner]],
            chord_m[:, inner],
            min_radius_m,
            max_radius_m,
        )
    near = chord_m <= bound_m + _CHORD_SLACK_M
    near[guess, np.arange(reachable.size)] = False  # measured already
    site, column = np.nonzero(near)
    place = reachable[column]
    az, _, dist = GEOD.inv(site_lons[site], site_lats[site], lons[place], lats[place])
    return (
        np.concatenate([guess, site]),
        np.concatenate([reachable, place]),
        np.concatenate([guess_az, az]),
        np.concatenate([guess_m, dist]),
    )


def _inner_bound_m(
    site_lons: FloatArray,
    site_lats: FloatArray,
    lons: FloatArray,
    lats: FloatArray,
    chord_m: FloatArray,
    min_radius_m: float,
    max_radius_m: float,
) -> FloatArray:
    """For places inside some site's inner edge: a distance that the nearest site whose band
    holds the place is not farther than, so that only sites whose chord is within it are paired.

    A site whose chord exceeds ``min_radius_m`` is beyond the inner edge; the chord-nearest such
    site within ``max_radius_m`` is measured, and its distance is the bound (else
    ``max_radius_m``).
    """
    beyond = (chord_m > min_radius_m + _CHORD_SLACK_M) & (chord_m <= max_radius_m + _CHORD_SLACK_M)
    found = beyond.any(axis=0)
    bound_m = np.full(lons.size, max_radius_m)
    if found.any():
        nearest = np.argmin(np.where(beyond, chord_m, np.inf), axis=0)[found]
        _, _, dist_m = GEOD.inv(site_lons[nearest], site_lats[nearest], lons[found], lats[found])
        bound_m[found] = np.minimum(dist_m, max_radius_m)
    return bound_m


def _ecef_m(lons: FloatArray, lats: FloatArray) -> FloatArray:
    """Earth-centred Cartesian (x, y, z) in metres of points on the WGS84 ellipsoid, one a row."""
    lon, lat = np.radians(lons), np.radians(lats)
    normal_m = GEOD.a / np.sqrt(1.0 - GEOD.es * np.sin(lat) ** 2)  # prime vertical radius
    return np.column_stack(
        [
            normal_m * np.cos(lat) * np.cos(lon),
            normal_m * np.cos(lat) * np.sin(lon),
            normal_m * (1.0 - GEOD.es) * np.sin(lat),
        ]
    )


def _chord_m(a_xyz: FloatArray, b_xyz: FloatArray) -> FloatArray:
    """Straight-line distances in metres between every row of ``a_xyz`` and of ``b_xyz``."""
    # Coordinate differences, not |a|² + |b|² - 2a·b, which loses decimetres to cancellation
    # between nearby points. One float per pair: 500 sites × 7,343 places take 29 MB.
    squared = np.zeros((len(a_xyz), len(b_xyz)))
    for axis in range(3):
        squared += np.subtract.outer(a_xyz[:, axis], b_xyz[:, axis]) ** 2
    return np.sqrt(squared)


def to_safe_csv(frame: pd.DataFrame) -> str:
    """CSV text in which no text cell can run as a spreadsheet formula.

    A text cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return gets a leading
    apostrophe (OWASP's advice against CSV injection); numbers are written as numbers.
    """
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(_defuse)
    return safe.to_csv(index=False, lineterminator="\n")


def _defuse(value: object) -> object:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
