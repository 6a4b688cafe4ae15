"""The disputed strip: what lies between two rings, e.g. Russia's 480 km and the treaty's 500 km.

It is the band between the two ranges with the one meaning bands have everywhere (the map, the
tables, the exports): a point is in it when its distance to *some* site lies in (inner, outer],
the union over sites of each site's band, and its places are :func:`places_in_range` of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from shapely.geometry import MultiPolygon, Polygon

from .coverage import DEFAULT_TOLERANCE_M, geodesic_bands, merge, region_areas_m2
from .errors import require_band_m
from .model import LaunchSite
from .places import places_in_range


@dataclass(frozen=True)
class Strip:
    """The region between two ranges, with the places in it."""

    inner_km: float
    outer_km: float
    region: Polygon | MultiPolygon
    places: pd.DataFrame  # geo.places.PLACE_COLUMNS, nearest first
    area_m2: float  # of the true strip (geo.region_areas_m2), not of the drawn polygon

    @property
    def population(self) -> int:
        """Total population of the places in the strip (Natural Earth ``pop_max``)."""
        return int(self.places["population"].sum())

    @property
    def area_km2(self) -> float:
        """Geodesic area of the strip in km²."""
        return self.area_m2 / 1e6


def disputed_strip(
    sites: Sequence[LaunchSite],
    inner_km: float,
    outer_km: float,
    places: pd.DataFrame,
    *,
    tolerance_m: float = DEFAULT_TOLERANCE_M,
) -> Strip:
    """The strip between ``inner_km`` and ``outer_km`` around the sites.

    Raises:
        GeoInputError: a range is out of range or ``inner_km >= outer_km``.
    """
    inner_m, outer_m = require_band_m(inner_km * 1000.0, outer_km * 1000.0)
    centers = [(s.lon, s.lat) for s in sites]
    region = merge(geodesic_bands(centers, inner_m, outer_m, tolerance_m=tolerance_m))
    table = places_in_range(sites, places, outer_m, min_radius_m=inner_m)
    (area_m2,) = region_areas_m2(centers, inner_m, outer_m, union=True)
    return Strip(inner_km, outer_km, region, table, area_m2)
