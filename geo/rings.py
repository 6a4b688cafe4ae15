"""Vertices of geodesic circles on WGS84, placed adaptively for a lon/lat chord tolerance.

A GeoJSON edge is a straight line in lon/lat (RFC 7946 §3.1.1), so what must stay within the
tolerance of the true circle is the *chord in lon/lat* between two vertices, not the geodesic
between them. Near the poles those chords bend away from the circle much faster than elsewhere,
so uniform azimuth steps waste vertices at low latitudes and fall short near a pole.

Every vertex comes from ``Geod.fwd`` (GeographicLib's direct problem). The chord error of each
edge is estimated from second differences of the vertices already computed (the sagitta of a
curve sampled with step ``h`` is ``|P''| h**2 / 8``), so refinement costs no extra ``fwd`` calls
beyond the vertices it keeps. Tests measure the true error with ``Geod.inv``.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray
from pyproj import Geod

GEOD = Geod(ellps="WGS84")
_A_M = GEOD.a
_E2 = GEOD.es

# Initial azimuth count per ring, enough to see the shape before refining it.
_START_VERTICES = 32
# Aim below the tolerance: the second-difference estimate is a local approximation.
_SAFETY = 0.7
# An edge spanning more longitude than this is split, so unwrapping longitudes stays unambiguous
# even for a ring that passes close to a pole.
_MAX_EDGE_DLON_DEG = 45.0
_MAX_ROUNDS = 40
_MIN_STEP_DEG = 1e-9

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]


def wrap_deg(delta_deg: FloatArray) -> FloatArray:
    """Wrap longitude differences into [-180, 180)."""
    return (delta_deg + 180.0) % 360.0 - 180.0


def circle_vertices(
    lons_deg: FloatArray,
    lats_deg: FloatArray,
    radius_m: float,
    tolerance_m: float,
) -> tuple[IntArray, FloatArray, FloatArray, FloatArray]:
    """Boundary vertices of geodesic circles around many centres, counter-clockwise.

    Args:
        lons_deg: Centre longitudes in degrees, validated by the caller.
        lats_deg: Centre latitudes in degrees, same length.
        radius_m: Geodesic radius in metres.
        tolerance_m: Largest allowed distance in metres between a lon/lat chord and the circle.

    Returns:
        ``(ring_index, azimuth_deg, lon_deg, lat_deg)``, grouped by ring and, within a ring,
        by decreasing azimuth (counter-clockwise seen from above, the disk on the left).
    """
    lons_deg = np.asarray(lons_deg, dtype=np.float64)
    lats_deg = np.asarray(lats_deg, dtype=np.float64)
    n_rings = lons_deg.size
    ring = np.repeat(np.arange(n_rings, dtype=np.int64), _START_VERTICES)
    az = np.tile(360.0 - np.arange(_START_VERTICES) * (360.0 / _START_VERTICES), n_rings)
    lon, lat = _forward(lons_deg[ring], lats_deg[ring], az, radius_m)
    target_m = tolerance_m * _SAFETY

    for _ in range(_MAX_ROUNDS):
        nxt = next_index(ring)
        edges, pieces = _edges_to_split(nxt, az, lon, lat, target_m)
        if not edges.size:
            break
        new_ring, new_az = _split_edges(ring, nxt, az, edges, pieces)
        new_lon, new_lat = _forward(lons_deg[new_ring], lats_deg[new_ring], new_az, radius_m)
        ring = np.concatenate([ring, new_ring])
        az = np.concatenate([az, new_az])
        lon = np.concatenate([lon, new_lon])
        lat = np.concatenate([lat, new_lat])
        order = np.lexsort((-az, ring))
        ring, az, lon, lat = ring[order], az[order], lon[order], lat[order]
    return ring, az, lon, lat


def _forward(
    lon0: FloatArray, lat0: FloatArray, az: FloatArray, radius_m: float
) -> tuple[FloatArray, FloatArray]:
    # Geod.fwd takes (lons, lats, azimuths, distances) and returns (lons, lats, back azimuths).
    lon, lat, _ = GEOD.fwd(lon0, lat0, az, np.full(az.shape, radius_m))
    return np.asarray(lon, dtype=np.float64), np.asarray(lat, dtype=np.float64)


def ring_starts(ring: IntArray) -> IntArray:
    """Index of the first vertex of each ring, plus the total count at the end."""
    change = np.flatnonzero(ring[1:] != ring[:-1]) + 1
    return np.concatenate(([0], change, [ring.size]))


def next_index(ring: IntArray) -> IntArray:
    """Index of each vertex's successor within its own ring (cyclic)."""
    starts = ring_starts(ring)
    nxt = np.arange(1, ring.size + 1)
    nxt[starts[1:] - 1] = starts[:-1]
    return nxt


def _edges_to_split(
    nxt: IntArray, az: FloatArray, lon: FloatArray, lat: FloatArray, target_m: float
) -> tuple[IntArray, IntArray]:
    """Edges whose estimated chord error exceeds ``target_m``, and into how many pieces to cut."""
    prv = np.empty_like(nxt)
    prv[nxt] = np.arange(nxt.size)
    # Azimuths decrease along a ring; the closing edge wraps through 0/360.
    step = (az - az[nxt]) % 360.0
    step[step == 0.0] = 360.0  # a ring reduced to one vertex never happens, but stay finite
    dlon = wrap_deg(lon[nxt] - lon)
    dlat = lat[nxt] - lat

    # Second derivative of (lon, lat) with respect to azimuth at each vertex, for uneven steps.
    h1, h2 = step[prv], step
    d2lon = 2.0 * (dlon / h2 - dlon[prv] / h1) / (h1 + h2)
    d2lat = 2.0 * (dlat / h2 - dlat[prv] / h1) / (h1 + h2)
    # Local metres per degree: only the size of the error estimate uses this, never a vertex.
    sin2 = np.sin(np.radians(lat)) ** 2
    w = np.sqrt(1.0 - _E2 * sin2)
    m_per_deg_lat = math.pi / 180.0 * _A_M * (1.0 - _E2) / w**3
    m_per_deg_lon = math.pi / 180.0 * _A_M / w * np.cos(np.radians(lat))
    curvature_m = np.hypot(d2lon * m_per_deg_lon, d2lat * m_per_deg_lat)
    sagitta_m = np.maximum(curvature_m, curvature_m[nxt]) * step**2 / 8.0

    pieces = np.ceil(np.sqrt(sagitta_m / target_m)).astype(np.int64)
    pieces = np.where(np.abs(dlon) > _MAX_EDGE_DLON_DEG, np.maximum(pieces, 2), pieces)
    # An edge shorter than the smallest step is left alone rather than split forever.
    pieces[step < _MIN_STEP_DEG] = 1
    edges = np.flatnonzero(pieces > 1)
    return edges, np.minimum(pieces[edges], 64)


def _split_edges(
    ring: IntArray, nxt: IntArray, az: FloatArray, edges: IntArray, pieces: IntArray
) -> tuple[IntArray, FloatArray]:
    """New vertices cutting each chosen edge into ``pieces`` equal azimuth steps."""
    step = (az[edges] - az[nxt[edges]]) % 360.0
    counts = pieces - 1
    edge_of_new = np.repeat(np.arange(edges.size), counts)
    # j = 1..pieces-1 within each edge
    first = np.cumsum(counts) - counts
    j = np.arange(edge_of_new.size) - first[edge_of_new] + 1
    new_az = (az[edges][edge_of_new] - step[edge_of_new] * j / pieces[edge_of_new]) % 360.0
    return ring[edges][edge_of_new], new_az


def chord_error_m(
    center: tuple[float, float],
    radius_m: float,
    lons_deg: FloatArray,
    lats_deg: FloatArray,
    samples_per_edge: int = 8,
) -> float:
    """Largest |distance(center, p) - radius| over points p on the closed lon/lat chords.

    This is the exact check (``Geod.inv``) used by tests and the benchmark.
    """
    lons_deg = np.asarray(lons_deg, dtype=np.float64)
    lats_deg = np.asarray(lats_deg, dtype=np.float64)
    dlon = wrap_deg(np.roll(lons_deg, -1) - lons_deg)
    dlat = np.roll(lats_deg, -1) - lats_deg
    t = np.arange(samples_per_edge + 1) / samples_per_edge
    lon = (lons_deg[:, None] + dlon[:, None] * t).ravel()
    lat = (lats_deg[:, None] + dlat[:, None] * t).ravel()
    lon = wrap_deg(lon)
    n = lon.size
    _, _, dist = GEOD.inv(np.full(n, center[0]), np.full(n, center[1]), lon, lat)
    return float(np.max(np.abs(np.asarray(dist) - radius_m)))
