"""INF Range Map geodesic core: range rings, bands and coverage on the WGS84 ellipsoid.

Pure library: no Streamlit, no pydeck. Everything is computed with pyproj's ``Geod``
(GeographicLib) and returned as shapely geometry in (lon, lat) degrees, valid RFC 7946.

This package's names are its interface; the app imports from here. Some parts are modules of
their own: ``geo.data`` (the bundled data files) and ``geo.figure`` (matplotlib, loaded only
when a figure is made); ``geo.style`` holds the palette that the app and the figure share.
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
from .exports import EXPORT_FORMATS, MEDIA_TYPES, export_bytes
from .geojson import (
    CoverageFeature,
    band_areas_m2,
    coverage_features,
    feature_line,
    join_lines,
    launch_area_feature,
    snap,
)
from .lines import MeasuredLine, measure
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
from .reach import (
    RingReach,
    Target,
    launch_area,
    parse_target,
    ring_reach,
    site_distances,
    systems_reaching,
)
from .rings import wrap_deg
from .scenario import MODES, RingSpec, rings_for
from .sites_io import parse_sites, site_name
from .text import clean_text

__all__ = [
    "COORD_DECIMALS",
    "DEFAULT_TOLERANCE_M",
    "EARTH_AREA_M2",
    "EXPORT_FORMATS",
    "HALF_MERIDIAN_M",
    "INF_BAND",
    "MEDIA_TYPES",
    "MODES",
    "Band",
    "CoverageFeature",
    "GeoInputError",
    "LaunchSite",
    "MeasuredLine",
    "RingReach",
    "RingSpec",
    "System",
    "Target",
    "__version__",
    "band_areas_m2",
    "clean_text",
    "country_shares",
    "coverage_features",
    "export_bytes",
    "feature_line",
    "geodesic_area_m2",
    "geodesic_bands",
    "geodesic_disk",
    "geodesic_disks",
    "join_lines",
    "launch_area",
    "launch_area_feature",
    "measure",
    "merge",
    "parse_coordinate",
    "parse_position",
    "parse_sites",
    "parse_target",
    "places_in_range",
    "position_key",
    "region_areas_m2",
    "require_radius_m",
    "ring_outlines",
    "ring_reach",
    "rings_for",
    "round_deg",
    "site_distances",
    "site_name",
    "snap",
    "systems_reaching",
    "to_safe_csv",
    "wrap_deg",
]
