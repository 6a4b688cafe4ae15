"""Which populated places lie within range, decided by geodesic distance (``Geod.inv``)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .coverage import LaunchSite
from .errors import require_band_m, require_radius_m
from .rings import GEOD

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


def places_in_range(
    sites: Sequence[LaunchSite],
    places: pd.DataFrame,
    max_radius_m: float,
    *,
    min_radius_m: float = 0.0,
    capitals_only: bool = False,
) -> pd.DataFrame:
    """Places whose geodesic distance to the nearest site lies in (min, max], nearest first.

    Args:
        sites: Launch sites.
        places: Natural Earth populated places (``geo.data.places()``).
        max_radius_m: Outer range in metres.
        min_radius_m: Inner range in metres for a band (0 for a disk).
        capitals_only: Keep national capitals only.

    Returns:
        One row per place with ``PLACE_COLUMNS``: distance (km) and azimuth (degrees clockwise
        from north, in [0, 360)) from the nearest site.

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
    for i, site in enumerate(sites):
        n = lons.size
        # Geod.inv(lons1, lats1, lons2, lats2) -> (forward azimuth, back azimuth, distance m)
        az, _, dist = GEOD.inv(np.full(n, site.lon), np.full(n, site.lat), lons, lats)
        closer = np.asarray(dist) < best_m
        best_m = np.where(closer, dist, best_m)
        best_az = np.where(closer, az, best_az)
        best_site = np.where(closer, i, best_site)
    keep = (best_m <= max_radius_m) & (best_m > min_radius_m)
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
