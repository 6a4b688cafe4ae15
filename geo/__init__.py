"""INF Range Map geodesic core: range rings, bands and coverage on the WGS84 ellipsoid.

Pure library: no Streamlit, no pydeck. Everything is computed with pyproj's ``Geod``
(GeographicLib) and returned as shapely geometry in (lon, lat) degrees, valid RFC 7946.
"""

from __future__ import annotations

from .coverage import (
    DEFAULT_TOLERANCE_M,
    EARTH_AREA_M2,
    LaunchSite,
    geodesic_area_m2,
    geodesic_bands,
    geodesic_disk,
    geodesic_disks,
    merge,
    ring_outlines,
)
from .errors import HALF_MERIDIAN_M, GeoInputError

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_TOLERANCE_M",
    "EARTH_AREA_M2",
    "HALF_MERIDIAN_M",
    "GeoInputError",
    "LaunchSite",
    "__version__",
    "geodesic_area_m2",
    "geodesic_bands",
    "geodesic_disk",
    "geodesic_disks",
    "merge",
    "ring_outlines",
]
