"""The map view of a static figure: its projection, the lon/lat region it shows, projected layers.

No matplotlib here: :mod:`geo.figure` draws what this module projects, and loads matplotlib only
when a figure is asked for.

The view is an azimuthal equidistant projection centred on the sites, where distances from the
centre are true, or an orthographic globe. Every layer is clipped in lon/lat to a geodesic disk
around the centre *before* projecting, so nothing reaches the projection's singular edge (the
antipode for aeqd, the horizon for ortho); the projected pieces are then dissolved, which
removes the seams the lon/lat chart has at ±180° and along pole lines.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS, Transformer
from shapely.geometry import MultiLineString
from shapely.geometry.base import BaseGeometry

from .coverage import DEFAULT_TOLERANCE_M, geodesic_disk
from .data import DATA_DIR
from .errors import HALF_MERIDIAN_M, GeoInputError
from .model import Band, LaunchSite
from .rings import GEOD

PROJECTIONS = ("aeqd", "ortho")
# Lon/lat edges are cut to this length before projecting, so projected edges follow the curves.
_SEGMENT_DEG = 0.5
# Closing distance that removes the seams once projected (see MapView.project).
_CLOSE_M = 2.0
# Just inside the horizon (~10,002 km) where orthographic coordinates stop being finite.
_ORTHO_CLIP_M = 9_900_000.0


@dataclass(frozen=True, eq=False)
class MapView:
    """A projection centred on ``centre`` (lon, lat) and the lon/lat region it shows."""

    projection: str
    centre: tuple[float, float]
    clip: BaseGeometry
    clip_radius_m: float
    extent_m: float
    transformer: Transformer

    def project(self, geom: BaseGeometry) -> BaseGeometry:
        """Clip a lon/lat geometry to the view, project it to metres and dissolve its pieces."""
        dense = shapely.segmentize(geom.intersection(self.clip), _SEGMENT_DEG)
        parts = [
            p
            for p in shapely.get_parts(shapely.transform(dense, self._xy))
            if not p.is_empty
            and shapely.get_dimensions(p) == shapely.get_dimensions(geom)
            and np.isfinite(shapely.get_coordinates(p)).all()
        ]
        if shapely.get_dimensions(geom) < 2:
            return MultiLineString(parts)
        # Once projected, the cuts along ±180° and the pole lines are zero-width slits and
        # rounding gaps; a 2 m closing (grow, then shrink) removes them, the union with them.
        grown = shapely.buffer(shapely.geometrycollections(parts), _CLOSE_M, join_style="mitre")
        return shapely.buffer(grown, -_CLOSE_M, join_style="mitre")

    def _xy(self, lonlat: np.ndarray) -> np.ndarray:
        return np.column_stack(self.transformer.transform(lonlat[:, 0], lonlat[:, 1]))


def view_centre(sites: Sequence[LaunchSite]) -> tuple[float, float]:
    """(lon, lat) of the sites' centre: the mean of their unit vectors on a sphere.

    Only the projection's centre depends on it, never a distance, so the spherical mean is
    enough; a single site is its own centre, and antipodal sites fall back to the first site.
    """
    lon = np.radians([s.lon for s in sites])
    lat = np.radians([s.lat for s in sites])
    x, y, z = (
        (np.cos(lat) * np.cos(lon)).sum(),
        (np.cos(lat) * np.sin(lon)).sum(),
        np.sin(lat).sum(),
    )
    if len(sites) == 1 or math.hypot(x, y, z) < 1e-9:
        return sites[0].lon, sites[0].lat
    return math.degrees(math.atan2(y, x)), math.degrees(math.atan2(z, math.hypot(x, y)))


def map_view(
    sites: Sequence[LaunchSite],
    bands: Sequence[Band],
    projection: str = "aeqd",
    *,
    tolerance_m: float = DEFAULT_TOLERANCE_M,
) -> MapView:
    """The view that shows every ring: aeqd to the outermost ring + 8 % + 100 km, or a globe.

    Raises:
        GeoInputError: an unknown projection, or no sites or bands.
    """
    if projection not in PROJECTIONS:
        raise GeoInputError(
            f"projection must be one of {', '.join(PROJECTIONS)}, got {projection!r}"
        )
    if not sites or not bands:
        raise GeoInputError("a figure needs at least one site and one range or band")
    lon0, lat0 = view_centre(sites)
    if projection == "aeqd":
        n = len(sites)
        _, _, offsets_m = GEOD.inv(np.full(n, lon0), np.full(n, lat0), *sites_lonlat(sites))
        reach_m = float(np.max(offsets_m)) + max(b.max_km for b in bands) * 1000.0
        # Stay 1 % short of the antipode, where aeqd's scale across the radius blows up.
        clip_m = min(reach_m * 1.08 + 100_000.0, 0.99 * HALF_MERIDIAN_M)
        extent_m = clip_m
    else:
        clip_m, extent_m = _ORTHO_CLIP_M, GEOD.a
    crs = CRS.from_proj4(f"+proj={projection} +lat_0={lat0} +lon_0={lon0} +datum=WGS84 +units=m")
    return MapView(
        projection,
        (lon0, lat0),
        geodesic_disk((lon0, lat0), clip_m, tolerance_m=tolerance_m),
        clip_m,
        extent_m,
        Transformer.from_crs("EPSG:4326", crs, always_xy=True),
    )


@cache
def _countries_lonlat() -> tuple[BaseGeometry, ...]:
    return tuple(gpd.read_file(DATA_DIR / "ne_50m_admin_0_countries.geojson").geometry)


def project_countries(view: MapView) -> list[BaseGeometry]:
    """Natural Earth 1:50m countries inside the view, projected (one geometry per country)."""
    geoms = np.array(_countries_lonlat(), dtype=object)
    near = geoms[shapely.intersects(geoms, view.clip)]
    return [g for g in (view.project(c) for c in near) if not g.is_empty]


def project_graticule(view: MapView) -> list[np.ndarray]:
    """Meridians and parallels every 10° (30° if the view reaches 3,000 km from its centre).

    Projected: one (n, 2) array of x, y in metres per piece left after clipping to the view.
    """
    step_deg = 10 if view.clip_radius_m < 3_000_000 else 30
    meridians = [[(lon, -90), (lon, 90)] for lon in range(-180, 180, step_deg)]
    parallels = [[(-180, lat), (180, lat)] for lat in range(-90 + step_deg, 90, step_deg)]
    lines = view.project(MultiLineString(meridians + parallels))
    return [shapely.get_coordinates(p) for p in shapely.get_parts(lines)]


def sites_lonlat(sites: Sequence[LaunchSite]) -> tuple[np.ndarray, np.ndarray]:
    """The sites' longitudes and latitudes in degrees, as two arrays for pyproj."""
    return np.array([s.lon for s in sites]), np.array([s.lat for s in sites])
