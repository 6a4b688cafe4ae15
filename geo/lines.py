"""Geodesic lines drawn with straight lon/lat segments, and straight edges that also read right
as great circles.

A renderer joins two vertices either by a straight line in lon/lat (GeoJSON, deck.gl's flat map)
or by a great circle (Google Earth, CesiumJS). Where the two readings of an edge differ by more
than the tolerance, a vertex goes in between: on the geodesic for a measured line, so the
straight reading follows the geodesic; on the straight segment for an exported edge, so the
region stays exactly what the GeoJSON holds and the great-circle reading stays within the
tolerance of it. Both are bisection on the same measure of the gap, :func:`reading_gap_m`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .dateline import line_paths
from .errors import require_lat, require_lon, require_tolerance_m
from .rings import GEOD, FloatArray, wrap_deg

# Each halving divides the gap by about 4; 40 rounds reach far below any tolerance from 20,000 km.
_MAX_ROUNDS = 40
# A segment shorter than this is never split: its two readings cannot be farther apart.
_MIN_SEGMENT_M = 0.5


@dataclass(frozen=True)
class MeasuredLine:
    """The geodesic between two points: its length, both azimuths and a drawable polyline."""

    length_m: float
    azimuth_a_deg: float  # at the first point, towards the second, clockwise from north
    azimuth_b_deg: float  # at the second point, towards the first
    lons_deg: FloatArray  # vertices on the geodesic, first point to second
    lats_deg: FloatArray

    @property
    def paths(self) -> list[FloatArray]:
        """The polyline cut at ±180°, as (lon, lat) rows with longitudes in [-180, 180]."""
        return line_paths(self.lons_deg, self.lats_deg)


def reading_gap_m(
    lon1: FloatArray, lat1: FloatArray, lon2: FloatArray, lat2: FloatArray
) -> FloatArray:
    """How far the midpoint of the straight lon/lat segment lies off the geodesic, in metres.

    Measured across the geodesic (distance times the sine of the azimuth difference, seen from
    the first point), so an edge on a meridian or on the equator, where both readings are the
    same line, has no gap whatever its length.
    """
    mid_lon = _midpoint_lon(lon1, lon2)
    mid_lat = (lat1 + lat2) / 2.0
    # Geod.inv(lons1, lats1, lons2, lats2) -> (azimuth at 1, back azimuth, distance m)
    az_end, _, _ = GEOD.inv(lon1, lat1, lon2, lat2)
    az_mid, _, to_mid_m = GEOD.inv(lon1, lat1, mid_lon, mid_lat)
    gap = np.abs(np.asarray(to_mid_m) * np.sin(np.radians(np.asarray(az_mid) - az_end)))
    return np.asarray(gap, dtype=np.float64)


def measure(
    a: tuple[float, float], b: tuple[float, float], *, tolerance_m: float = 100.0
) -> MeasuredLine:
    """The geodesic from ``a`` to ``b`` ((lon, lat) degrees), with vertices close enough that
    straight lon/lat segments between them stay within ``tolerance_m`` of it.

    Raises:
        GeoInputError: a coordinate or the tolerance is out of range.
    """
    lon_a, lat_a = require_lon(a[0]), require_lat(a[1])
    lon_b, lat_b = require_lon(b[0]), require_lat(b[1])
    tolerance_m = require_tolerance_m(tolerance_m)
    az_a, back_az, length_m = GEOD.inv(lon_a, lat_a, lon_b, lat_b)
    line = (lon_a, lat_a, az_a)

    s_m = np.array([0.0, length_m])
    lons, lats = np.array([lon_a, lon_b]), np.array([lat_a, lat_b])
    for _ in range(_MAX_ROUNDS):
        seg = np.flatnonzero(
            (np.diff(s_m) > _MIN_SEGMENT_M) & (_point_gap_m(line, s_m, lons, lats) > tolerance_m)
        )
        if not seg.size:
            break
        mid_m = (s_m[seg] + s_m[seg + 1]) / 2.0
        mid_lon, mid_lat = _on_line(line, mid_m)
        s_m = np.insert(s_m, seg + 1, mid_m)
        lons, lats = np.insert(lons, seg + 1, mid_lon), np.insert(lats, seg + 1, mid_lat)
    # The end points are the user's own, exactly (GeographicLib may return -180 for 180).
    lons[0], lats[0], lons[-1], lats[-1] = lon_a, lat_a, lon_b, lat_b
    return MeasuredLine(float(length_m), az_a % 360.0, back_az % 360.0, lons, lats)


def _on_line(line: tuple[float, float, float], s_m: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Points ``s_m`` metres along the geodesic leaving (lon, lat) at an azimuth."""
    lon0, lat0, az = line
    n = s_m.size
    lon, lat, _ = GEOD.fwd(np.full(n, lon0), np.full(n, lat0), np.full(n, az), s_m)
    return np.asarray(lon, dtype=np.float64), np.asarray(lat, dtype=np.float64)


def _point_gap_m(
    line: tuple[float, float, float], s_m: FloatArray, lons: FloatArray, lats: FloatArray
) -> FloatArray:
    """Distance from the geodesic's midpoint of each segment to the straight segment's midpoint."""
    geo_lon, geo_lat = _on_line(line, (s_m[:-1] + s_m[1:]) / 2.0)
    mid_lon = _midpoint_lon(lons[:-1], lons[1:])
    mid_lat = (lats[:-1] + lats[1:]) / 2.0
    _, _, gap_m = GEOD.inv(geo_lon, geo_lat, mid_lon, mid_lat)
    return np.asarray(gap_m, dtype=np.float64)


def densify_straight(
    lons_deg: FloatArray, lats_deg: FloatArray, tolerance_m: float, *, closed: bool
) -> tuple[FloatArray, FloatArray]:
    """Vertices added on the straight lon/lat segments of a path until the great-circle reading
    of every segment lies within ``tolerance_m`` of the straight one (:func:`reading_gap_m`).

    The straight reading is unchanged: every added vertex lies on it. ``closed`` counts the
    segment from the last vertex back to the first (a ring given without its repeated end).
    """
    lons = np.asarray(lons_deg, dtype=np.float64)
    lats = np.asarray(lats_deg, dtype=np.float64)
    if closed:
        lons, lats = np.append(lons, lons[0]), np.append(lats, lats[0])
    for _ in range(_MAX_ROUNDS):
        gap = reading_gap_m(lons[:-1], lats[:-1], lons[1:], lats[1:])
        _, _, length_m = GEOD.inv(lons[:-1], lats[:-1], lons[1:], lats[1:])
        seg = np.flatnonzero((gap > tolerance_m) & (np.asarray(length_m) > _MIN_SEGMENT_M))
        if not seg.size:
            break
        mid_lon = _midpoint_lon(lons[seg], lons[seg + 1])
        lons = np.insert(lons, seg + 1, mid_lon)
        lats = np.insert(lats, seg + 1, (lats[seg] + lats[seg + 1]) / 2.0)
    if closed:
        return lons[:-1], lats[:-1]
    return lons, lats


def _midpoint_lon(lon1: FloatArray, lon2: FloatArray) -> FloatArray:
    """Midpoint longitude the short way round, moved into [-180, 180] only when outside it, so
    a segment along the antimeridian keeps the side (+180 or -180) it was given on."""
    mid = lon1 + wrap_deg(lon2 - lon1) / 2.0
    return np.where(mid > 180.0, mid - 360.0, np.where(mid < -180.0, mid + 360.0, mid))
