"""INF Range Map geodesic core: range rings, bands and coverage on the WGS84 ellipsoid.

Pure library: no Streamlit, no pydeck. Everything is computed with pyproj's ``Geod``
(GeographicLib) and returned as shapely geometry in (lon, lat) degrees, valid RFC 7946.

This package's names are its interface; the app imports from here. Two parts are modules of
their own: ``geo.data`` (the bundled data files) and ``geo.figure`` (matplotlib, loaded only
when a figure is made).
"""

from __future__ import annotations

# Before the imports: geo.geojson writes it into every export.
__version__ = "0.1.0"

from .area import EARTH_AREA_M2, geodesic_area_m2
from .coordinates import parse_coordinate, parse_position
from .countries import country_shares
from .coverage import (
    DEFAULT_TOLERANCE_M,
    geodesic_bands,
    geodesic_disk,
    geodesic_disks,
    merge,
    region_areas_m2,
    ring_outlines,
)
from .errors import HALF_MERIDIAN_M, GeoInputError, require_radius_m
from .geojson import CoverageFeature, band_areas_m2, feature_line, join_lines, snap
from .model import (
    COORD_DECIMALS,
    INF_BAND,
    Band,
    LaunchSite,
    System,
    position_key,
    round_deg,
)
from .places import places_in_range, to_safe_csv
from .rings import wrap_deg
from .scenario import MODES, RingSpec, rings_for
from .sites_io import parse_sites, site_name
from .text import clean_text

__all__ = [
    "COORD_DECIMALS",
    "DEFAULT_TOLERANCE_M",
    "EARTH_AREA_M2",
    "HALF_MERIDIAN_M",
    "INF_BAND",
    "MODES",
    "Band",
    "CoverageFeature",
    "GeoInputError",
    "LaunchSite",
    "RingSpec",
    "System",
    "__version__",
    "band_areas_m2",
    "clean_text",
    "country_shares",
    "feature_line",
    "geodesic_area_m2",
    "geodesic_bands",
    "geodesic_disk",
    "geodesic_disks",
    "join_lines",
    "merge",
    "parse_coordinate",
    "parse_position",
    "parse_sites",
    "places_in_range",
    "position_key",
    "region_areas_m2",
    "require_radius_m",
    "ring_outlines",
    "rings_for",
    "round_deg",
    "site_name",
    "snap",
    "to_safe_csv",
    "wrap_deg",
]
