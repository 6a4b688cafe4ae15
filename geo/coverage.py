"""Geodesic disks, bands and merged coverage on WGS84; geodesic areas; places in range.

All geometry is shapely in (lon, lat) degrees, valid RFC 7946: cut at ±180°, exteriors
counter-clockwise, holes clockwise. Membership of points is decided by geodesic distance
(``Geod.inv``), never by point-in-polygon.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon, box
from shapely.geometry.base import BaseGeometry

from .dateline import oriented, regions_from_rings, ring_paths
from .errors import (
    require_band_m,
    require_lat,
    require_lon,
    require_radius_m,
    require_tolerance_m,
)
from .rings import GEOD, FloatArray, circle_vertices, ring_starts

DEFAULT_TOLERANCE_M = 100.0
# Area of the WGS84 ellipsoid in m², 4πc² with c² the authalic radius squared (GeographicLib).
_E = math.sqrt(GEOD.es)
EARTH_AREA_M2 = 2.0 * math.pi * (GEOD.a**2 + GEOD.b**2 * math.atanh(_E) / _E)
_HEMISPHERES = (box(-180.0, 0.0, 180.0, 90.0), box(-180.0, -90.0, 180.0, 0.0))
# Longest lon/lat edge handed to GeographicLib when measuring area: long straight edges only
# occur along ±180° and the pole lines, where a short step keeps each geodesic on the meridian.
_AREA_SEGMENT_DEG = 1.0

LonLat = tuple[float, float]


def geodesic_disks(
    centers: Sequence[LonLat], radius_m: float, *, tolerance_m: float = DEFAULT_TOLERANCE_M
) -> list[Polygon | MultiPolygon]:
    """Geodesic disks of ``radius_m`` around each centre, computed together.

    Args:
        centers: (lon, lat) pairs in degrees.
        radius_m: Geodesic radius in metres, 1 m to the antipodal limit (~20,004 km).
        tolerance_m: Largest distance in metres between a lon/lat edge and the true circle.

    Returns:
        One valid RFC 7946 polygon or multipolygon per centre.

    Raises:
        GeoInputError: a coordinate, the radius or the tolerance is out of range.

    >>> disk = geodesic_disks([(45.74, 48.58)], 5_500_000)[0]
    >>> disk.is_valid, disk.bounds[3]
    (True, 90.0)
    """
    lons, lats, radius_m, tolerance_m = _validated(centers, radius_m, tolerance_m)
    if not lons.size:
        return []
    ring, _, lon, lat = circle_vertices(lons, lats, radius_m, tolerance_m)
    north_in, south_in = _poles_inside(lons, lats, radius_m)
    return regions_from_rings(ring, lon, lat, north_inside=north_in, south_inside=south_in)


def ring_outlines(
    centers: Sequence[LonLat], radius_m: float, *, tolerance_m: float = DEFAULT_TOLERANCE_M
) -> list[list[FloatArray]]:
    """Outlines of the geodesic circles around each centre, as paths cut at ±180°, for drawing.

    The vertices are those of :func:`geodesic_disks`, so outline and exported polygon agree.

    Raises:
        GeoInputError: a coordinate, the radius or the tolerance is out of range.
    """
    lons, lats, radius_m, tolerance_m = _validated(centers, radius_m, tolerance_m)
    if not lons.size:
        return []
    ring, _, lon, lat = circle_vertices(lons, lats, radius_m, tolerance_m)
    starts = ring_starts(ring)
    return [ring_paths(lon[a:b], lat[a:b]) for a, b in itertools.pairwise(starts)]


def geodesic_disk(
    center: LonLat, radius_m: float, *, tolerance_m: float = DEFAULT_TOLERANCE_M
) -> Polygon | MultiPolygon:
    """Geodesic disk of ``radius_m`` around ``center`` (lon, lat); see :func:`geodesic_disks`."""
    return geodesic_disks([center], radius_m, tolerance_m=tolerance_m)[0]


def geodesic_bands(
    centers: Sequence[LonLat],
    min_radius_m: float,
    max_radius_m: float,
    *,
    tolerance_m: float = DEFAULT_TOLERANCE_M,
) -> list[Polygon | MultiPolygon]:
    """Annuli ``min_radius_m`` < distance <= ``max_radius_m`` around each centre.

    Raises:
        GeoInputError: bad coordinates, radii, ``min >= max`` or tolerance.
    """
    min_radius_m, max_radius_m = require_band_m(min_radius_m, max_radius_m)
    outer = geodesic_disks(centers, max_radius_m, tolerance_m=tolerance_m)
    inner = geodesic_disks(centers, min_radius_m, tolerance_m=tolerance_m)
    return [oriented(o.difference(i)) for o, i in zip(outer, inner, strict=True)]


def merge(regions: Sequence[BaseGeometry]) -> Polygon | MultiPolygon:
    """Union of regions that already live in the [-180, 180] chart (merged coverage)."""
    return oriented(shapely.union_all(list(regions)))


def geodesic_area_m2(geom: BaseGeometry) -> float:
    """Geodesic area in m² of a lon/lat (multi)polygon on WGS84.

    Each hemisphere is measured apart, so no piece can exceed half the Earth, where
    GeographicLib's signed area would be ambiguous; that handles disks bigger than a hemisphere
    and pieces that run along a pole line.
    """
    total = 0.0
    _, south, _, north = geom.bounds
    # A shape within one hemisphere is its own piece: no overlay (the costly step) is needed.
    if south >= 0.0 or north <= 0.0:
        pieces = [geom]
    else:
        pieces = [geom.intersection(half) for half in _HEMISPHERES]
    for piece in pieces:
        for polygon in getattr(piece, "geoms", [piece]):
            if isinstance(polygon, Polygon) and not polygon.is_empty:
                total += _polygon_area_m2(polygon)
    return total


def _polygon_area_m2(polygon: Polygon) -> float:
    dense = shapely.segmentize(shapely.orient_polygons(polygon), _AREA_SEGMENT_DEG)
    area = _ring_area_m2(dense.exterior.coords)
    for hole in dense.interiors:
        area -= _ring_area_m2(hole.coords, clockwise=True)
    return area


def _ring_area_m2(coords: Sequence[tuple[float, float]], *, clockwise: bool = False) -> float:
    xy = np.asarray(coords, dtype=np.float64)
    signed, _ = GEOD.polygon_area_perimeter(xy[:, 0], xy[:, 1])
    signed = -signed if clockwise else signed
    # Counter-clockwise means positive; a value wrapped past half the Earth comes back negative.
    return signed if signed >= 0 else signed + EARTH_AREA_M2


def _validated(
    centers: Sequence[LonLat], radius_m: float, tolerance_m: float
) -> tuple[FloatArray, FloatArray, float, float]:
    """Centre longitudes and latitudes as arrays, radius and tolerance, all checked."""
    radius_m = require_radius_m(radius_m)
    tolerance_m = require_tolerance_m(tolerance_m)
    lons = np.array([require_lon(lon) for lon, _ in centers], dtype=np.float64)
    lats = np.array([require_lat(lat) for _, lat in centers], dtype=np.float64)
    return lons, lats, radius_m, tolerance_m


def _poles_inside(
    lons: FloatArray, lats: FloatArray, radius_m: float
) -> tuple[FloatArray, FloatArray]:
    n = lons.size
    # Geod.inv(lons1, lats1, lons2, lats2) -> (az12, az21, distance)
    _, _, to_north = GEOD.inv(lons, lats, np.zeros(n), np.full(n, 90.0))
    _, _, to_south = GEOD.inv(lons, lats, np.zeros(n), np.full(n, -90.0))
    return np.asarray(to_north) < radius_m, np.asarray(to_south) < radius_m
