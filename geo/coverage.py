"""Geodesic disks, bands and merged coverage on WGS84, and the true area of each.

All geometry is shapely in (lon, lat) degrees, valid RFC 7946: cut at ±180°, exteriors
counter-clockwise, holes clockwise. Membership of points is decided by geodesic distance
(``Geod.inv``), never by point-in-polygon.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from .area import geodesic_area_m2
from .dateline import oriented, regions_from_rings, ring_paths
from .errors import (
    GeoInputError,
    require_band_m,
    require_lat,
    require_lon,
    require_radius_m,
    require_tolerance_m,
)
from .rings import GEOD, FloatArray, circle_vertices, ring_starts

DEFAULT_TOLERANCE_M = 100.0
# Areas are of the true geodesic regions, whatever tolerance a drawing uses: rings this fine
# (relative to the radius), each also halved, and Richardson's extrapolation between the two
# (an inscribed polygon falls short by ~(edge length)**2) leave ~1e-9 of the area: measured
# against GeographicLib's area of rings of 400,000 vertices, 1e-12 to 1.3e-9.
_AREA_TOLERANCE_PER_M = 1e-4

LonLat = tuple[float, float]


def geodesic_disks(
    centers: Sequence[LonLat],
    radius_m: float | Sequence[float],
    *,
    tolerance_m: float = DEFAULT_TOLERANCE_M,
) -> list[Polygon | MultiPolygon]:
    """Geodesic disks of ``radius_m`` around each centre, computed together.

    Args:
        centers: (lon, lat) pairs in degrees.
        radius_m: Geodesic radius in metres, 1 m to the antipodal limit (~20,004 km): one for
            every centre, or one per centre (several rings of one site in one call).
        tolerance_m: Largest distance in metres between a lon/lat edge and the true circle.

    Returns:
        One valid RFC 7946 polygon or multipolygon per centre.

    Raises:
        GeoInputError: a coordinate, the radius or the tolerance is out of range.

    >>> disk = geodesic_disks([(45.74, 48.58)], 5_500_000)[0]
    >>> disk.is_valid, disk.bounds[3]
    (True, 90.0)
    """
    lons, lats, radii_m, tolerance_m = _validated(centers, radius_m, tolerance_m)
    if not lons.size:
        return []
    ring, _, lon, lat = circle_vertices(lons, lats, radii_m, tolerance_m)
    north_in, south_in = _poles_inside(lons, lats, radii_m)
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
    n = len(centers)
    # Both rings of every centre in one call: the fixed cost of a call is paid once.
    disks = geodesic_disks(
        [*centers, *centers], [max_radius_m] * n + [min_radius_m] * n, tolerance_m=tolerance_m
    )
    return [oriented(o.difference(i)) for o, i in zip(disks[:n], disks[n:], strict=True)]


def merge(regions: Sequence[BaseGeometry]) -> Polygon | MultiPolygon:
    """Union of regions that already live in the [-180, 180] chart (merged coverage)."""
    return oriented(shapely.union_all(list(regions)))


def region_areas_m2(
    centers: Sequence[LonLat], min_radius_m: float, max_radius_m: float, *, union: bool = False
) -> list[float]:
    """Area in m² of each site's true geodesic disk (``min_radius_m == 0``) or band, or with
    ``union`` of their union: of the region itself, not of a polygon drawn at some tolerance.

    Raises:
        GeoInputError: bad coordinates or radii.
    """
    n = len(centers)
    if min_radius_m > 0:
        min_radius_m, max_radius_m = require_band_m(min_radius_m, max_radius_m)
        # Both rings of every centre in one call.
        both = _halved_pair([*centers, *centers], [max_radius_m] * n + [min_radius_m] * n)
        outer, inner = (both[0][:n], both[1][:n]), (both[0][n:], both[1][n:])
    else:
        outer, inner = _halved_pair(centers, max_radius_m), None
    if union:
        pair = []
        for k in (0, 1):
            regions = outer[k]
            if inner is not None:
                regions = [o.difference(i) for o, i in zip(regions, inner[k], strict=True)]
            pair.append(geodesic_area_m2(shapely.union_all(regions)))
        return [_extrapolated(*pair)]
    areas = [
        _extrapolated(geodesic_area_m2(c), geodesic_area_m2(f)) for c, f in zip(*outer, strict=True)
    ]
    if inner is not None:
        areas = [
            a - _extrapolated(geodesic_area_m2(c), geodesic_area_m2(f))
            for a, c, f in zip(areas, *inner, strict=True)
        ]
    return areas


def _halved_pair(
    centers: Sequence[LonLat], radius_m: float | Sequence[float]
) -> tuple[list[Polygon | MultiPolygon], list[Polygon | MultiPolygon]]:
    """Each disk from fine rings, and from the same rings with every edge halved."""
    lons, lats, radii_m, _ = _validated(centers, radius_m, DEFAULT_TOLERANCE_M)
    if not lons.size:
        return [], []
    tolerance_m = radii_m * _AREA_TOLERANCE_PER_M
    ring, _, lon, lat = circle_vertices(lons, lats, radii_m, tolerance_m, subdivide=2)
    north_in, south_in = _poles_inside(lons, lats, radii_m)
    # The halving put one new vertex after each old one: the old ring is every other vertex.
    starts = ring_starts(ring)
    old = (np.arange(ring.size) - starts[ring]) % 2 == 0
    return tuple(
        regions_from_rings(ring[k], lon[k], lat[k], north_inside=north_in, south_inside=south_in)
        for k in (old, slice(None))
    )


def _extrapolated(coarse_m2: float, halved_m2: float) -> float:
    # Each edge's shortfall shrinks fourfold when it is halved.
    return (4.0 * halved_m2 - coarse_m2) / 3.0


def _validated(
    centers: Sequence[LonLat], radius_m: float | Sequence[float], tolerance_m: float
) -> tuple[FloatArray, FloatArray, FloatArray, float]:
    """Centre longitudes and latitudes, one radius per centre, and the tolerance, all checked."""
    tolerance_m = require_tolerance_m(tolerance_m)
    lons = np.array([require_lon(lon) for lon, _ in centers], dtype=np.float64)
    lats = np.array([require_lat(lat) for _, lat in centers], dtype=np.float64)
    if isinstance(radius_m, Sequence | np.ndarray):
        if len(radius_m) != lons.size:
            raise GeoInputError(f"{len(radius_m)} radii for {lons.size} centres")
        radii_m = np.array([require_radius_m(r) for r in radius_m], dtype=np.float64)
    else:
        radii_m = np.full(lons.size, require_radius_m(radius_m))
    return lons, lats, radii_m, tolerance_m


def _poles_inside(
    lons: FloatArray, lats: FloatArray, radii_m: FloatArray
) -> tuple[NDArray[np.bool_], NDArray[np.bool_]]:
    """Whether each disk holds the North and the South Pole; a pole on the circle is in the
    closed disk, as every point at distance r is."""
    n = lons.size
    # Geod.inv(lons1, lats1, lons2, lats2) -> (az12, az21, distance), both poles in one call;
    # the arrays are its own to write over (in place: no copies).
    points = np.empty((4, 2 * n))
    points[0, :n] = points[0, n:] = lons
    points[1, :n] = points[1, n:] = lats
    points[2] = 0.0
    points[3, :n] = 90.0
    points[3, n:] = -90.0
    dist = GEOD.inv(*points, inplace=True)[2]
    return dist[:n] <= radii_m, dist[n:] <= radii_m
