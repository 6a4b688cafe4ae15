"""Can it reach X? Distances to a target, which rings and systems reach it, and launch areas.

Every number comes from GeographicLib's inverse problem (``Geod.inv``) on WGS84; a ring reaches
the target when the geodesic distance is at most its range, the rule places in range follow.
The launch area, the region a launcher could fire from, is the geodesic disk around the target.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from shapely.geometry import MultiPolygon, Polygon

from .coverage import DEFAULT_TOLERANCE_M, geodesic_disk
from .errors import GeoInputError, require_lat, require_lon, require_radius_m
from .model import LaunchSite
from .rings import GEOD
from .text import clean_text

# The figures of a row of data/systems.csv: (column, label, source column).
_FIGURES = (
    ("claimed_range_km", "claimed", "source_claimed"),
    ("alleged_range_km_min", "alleged (low)", "source_alleged_min"),
    ("alleged_range_km_max", "alleged (high)", "source_alleged_max"),
)
SITE_COLUMNS = ["site_name", "site_lat", "site_lon", "distance_km", "azimuth_deg"]


@dataclass(frozen=True, kw_only=True)
class Target:
    """A point someone asks about, at ``lat``, ``lon`` in degrees (WGS84); keyword-only like
    :class:`geo.model.LaunchSite`."""

    name: str
    lat: float
    lon: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "lat", require_lat(self.lat))
        object.__setattr__(self, "lon", require_lon(self.lon))


@dataclass(frozen=True)
class RingReach:
    """Whether a range reaches the target from its nearest site, and by how much."""

    range_km: float
    reaches: bool
    margin_km: float  # range minus distance: >= 0 clears the target, < 0 falls short


def site_distances(target: Target, sites: Sequence[LaunchSite]) -> pd.DataFrame:
    """Distance (km) and azimuth (degrees from north, site -> target) from every site, nearest
    first; ties keep the sites' order.

    Columns are ``SITE_COLUMNS``, unrounded: callers round for display only, so a target 1 m
    inside a ring is never rounded out of it.
    """
    n = len(sites)
    lons = np.array([s.lon for s in sites], dtype=np.float64)
    lats = np.array([s.lat for s in sites], dtype=np.float64)
    # Geod.inv(lons1, lats1, lons2, lats2) -> (azimuth at 1 towards 2, back azimuth, metres)
    az, _, dist_m = GEOD.inv(lons, lats, np.full(n, target.lon), np.full(n, target.lat))
    frame = pd.DataFrame(
        {
            "site_name": [s.name for s in sites],
            "site_lat": lats,
            "site_lon": lons,
            "distance_km": np.asarray(dist_m, dtype=np.float64) / 1000.0,
            "azimuth_deg": np.asarray(az, dtype=np.float64) % 360.0,
        },
        columns=SITE_COLUMNS,
    )
    return frame.sort_values("distance_km", kind="stable").reset_index(drop=True)


def reach_table(
    target: Target, sites: Sequence[LaunchSite], ranges_km: Sequence[float]
) -> pd.DataFrame:
    """:func:`site_distances` with one ``reaches_<KM>km`` column (bool) per range.

    Raises:
        GeoInputError: a range is not positive or beyond the antipodal limit.
    """
    frame = site_distances(target, sites)
    for km in ranges_km:
        require_radius_m(km * 1000.0)
        frame[reach_column(km)] = frame["distance_km"] <= km
    return frame


def reach_column(range_km: float) -> str:
    """``reaches_480km`` for 480 km: the column name the CLI and the app write."""
    return f"reaches_{range_km:.10g}km"


def ring_reach(nearest_km: float, ranges_km: Sequence[float]) -> list[RingReach]:
    """For each range, whether it reaches a target ``nearest_km`` from the nearest site."""
    nearest_km = float(nearest_km)
    return [RingReach(km, nearest_km <= km, km - nearest_km) for km in ranges_km]


def systems_reaching(nearest_km: float, systems: pd.DataFrame) -> pd.DataFrame:
    """Every range figure in ``systems`` (claimed, alleged low and high) against the distance.

    Returns:
        One row per figure that the table gives: ``system``, ``figure``, ``range_km``,
        ``reaches``, ``margin_km`` (range minus distance) and ``source``. Systems without a
        figure have no row.
    """
    rows = []
    for system in systems.to_dict("records"):
        for column, label, source in _FIGURES:
            km = system.get(column)
            if not isinstance(km, (int, float)) or not math.isfinite(km):
                continue
            rows.append(
                {
                    "system": system["name"],
                    "figure": label,
                    "range_km": float(km),
                    "reaches": nearest_km <= km,
                    "margin_km": float(km) - nearest_km,
                    "source": str(system[source]),
                }
            )
    return pd.DataFrame(
        rows, columns=["system", "figure", "range_km", "reaches", "margin_km", "source"]
    )


def launch_area(
    target: Target, radius_m: float, *, tolerance_m: float = DEFAULT_TOLERANCE_M
) -> Polygon | MultiPolygon:
    """Where a launcher with range ``radius_m`` could reach ``target`` from: the geodesic disk
    around the target (geodesic distance is symmetric), valid RFC 7946 like every disk.

    Raises:
        GeoInputError: the radius or tolerance is out of range.
    """
    return geodesic_disk((target.lon, target.lat), radius_m, tolerance_m=tolerance_m)


def parse_target(text: str, find_place) -> Target:
    """``LAT,LON[,NAME]``, or a place name looked up with ``find_place(name) -> Target | None``.

    Raises:
        GeoInputError: malformed or out-of-range coordinates, or no place of that name.
    """
    parts = [p.strip() for p in text.split(",", 2)]
    if len(parts) >= 2 and _is_number(parts[0]) and _is_number(parts[1]):
        lat, lon = float(parts[0]), float(parts[1])
        name = clean_text(parts[2]) if len(parts) == 3 else ""
        return Target(name=name or f"{lat:g}, {lon:g}", lat=lat, lon=lon)
    found = find_place(text)
    if found is None:
        raise GeoInputError(
            f"unknown target {text.strip()!r}: give LAT,LON or a place name from the gazetteer"
        )
    return found


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
