"""Vertices of geodesic circles on WGS84, placed adaptively for a lon/lat chord tolerance.

A GeoJSON edge is a straight line in lon/lat (RFC 7946 §3.1.1), so what must stay within the
tolerance of the true circle is the *chord in lon/lat* between two vertices, not the geodesic
between them. Near the poles those chords bend away from the circle much faster than elsewhere,
so uniform azimuth steps waste vertices at low latitudes and fall short near a pole.

Every vertex comes from ``Geod.fwd`` (GeographicLib's direct problem). The chord error of each
edge is estimated from second differences of the vertices already computed (the sagitta of a
curve sampled with step ``h`` is ``|P''| h**2 / 8``), so refinement costs no extra ``fwd`` calls
beyond the vertices it keeps. Tests measure the true error with ``Geod.inv``.

Near the antipodal limit a geodesic can pass its cut locus (a piece of the parallel at minus the
site's latitude, centred on the antipodal meridian) before it has run ``r``: its end point is
then nearer than ``r`` by the other way round, so it is not on the circle. Those azimuths form
one interval around 90° and its mirror image around 270°. They are dropped, their ends found by
bisection with ``Geod.inv``, and the ring runs through the point where the two bounding
geodesics meet on the cut locus, a corner of the circle. Below pi * b (19,970 km) no ring is
checked at all.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
from numpy.typing import ArrayLike, NDArray
from pyproj import Geod

GEOD = Geod(ellps="WGS84")
_E2 = GEOD.es
_M_PER_DEG_EQUATOR = math.pi / 180.0 * GEOD.a

# The rule's constants, in one file the browser's rings (frontend/src/geodesy.js) read too.
_RULE = json.loads(Path(__file__).with_name("rings.json").read_text(encoding="utf-8"))
# Initial azimuth count per ring, enough to see the shape before refining it; a multiple of 4,
# so that a cut ring's corners are among them.
_START_VERTICES = _RULE["start_vertices"]
_START_FRACTIONS = 1.0 - np.arange(_START_VERTICES) / _START_VERTICES
# Aim below the tolerance: the second-difference estimate is a local approximation.
_SAFETY = _RULE["safety"]
# An edge spanning more longitude than this is split, so unwrapping longitudes stays unambiguous
# even for a ring that passes close to a pole.
_MAX_EDGE_DLON_DEG = _RULE["max_edge_dlon_deg"]
_MAX_ROUNDS = _RULE["max_rounds"]
_MIN_STEP_DEG = _RULE["min_step_deg"]
_MAX_PIECES = _RULE["max_pieces"]
# Cut a little finer than the estimate asks: estimated from coarse vertices it runs low, and a
# round that finds a few more edges to split costs more than ~7% more vertices (bench/rings.py).
_OVERSPLIT = _RULE["oversplit"]
# No site is nearer its cut locus than the conjugate point along the equator, pi * b away
# (the equator's curvature there is 1 / b**2): below that radius no ring is checked at all.
CUT_LOCUS_MIN_M = math.pi * GEOD.b
# An end point nearer than the radius by more than this has passed the cut locus: far below
# any tolerance, far above Geod.inv's rounding (~1e-8 m at 20,000 km).
_CUT_SLACK_M = _RULE["cut_slack_m"]
# Halving [0°, 90°] this often pins an interval end to ~1e-14°.
_BISECTIONS = _RULE["bisections"]

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]


def wrap_deg(delta_deg: FloatArray) -> FloatArray:
    """Wrap longitude differences into [-180, 180)."""
    if not isinstance(delta_deg, np.ndarray) or delta_deg.ndim == 0:
        return (delta_deg + 180.0) % 360.0 - 180.0
    shifted = delta_deg + 180.0
    # The remainder is the costly part and changes nothing within [0, 360): the same bits as
    # taking it everywhere, at half the cost for ring vertices (most steps are in range).
    outside = (shifted < 0.0) | (shifted >= 360.0)
    if outside.any():
        shifted[outside] %= 360.0
    return shifted - 180.0


def circle_vertices(
    lons_deg: FloatArray,
    lats_deg: FloatArray,
    radius_m: ArrayLike,
    tolerance_m: ArrayLike,
    *,
    subdivide: int = 1,
) -> tuple[IntArray, FloatArray, FloatArray, FloatArray]:
    """Boundary vertices of geodesic circles around many centres, counter-clockwise.

    Args:
        lons_deg: Centre longitudes in degrees, validated by the caller.
        lats_deg: Centre latitudes in degrees, same length.
        radius_m: Geodesic radius in metres, one for all rings or one per ring.
        tolerance_m: Largest allowed distance in metres between a lon/lat chord and the circle,
            one for all rings or one per ring.
        subdivide: Cut every edge of the finished ring into this many equal steps (area
            extrapolation uses 2).

    Returns:
        ``(ring_index, azimuth_deg, lon_deg, lat_deg)``, grouped by ring and, within a ring,
        counter-clockwise seen from above (the disk on the left): azimuths decrease from 360,
        skipping those cut off at the cut locus.
    """
    lons_deg = np.asarray(lons_deg, dtype=np.float64)
    lats_deg = np.asarray(lats_deg, dtype=np.float64)
    radii_m = _per_ring(radius_m, lons_deg.shape)
    n_rings = lons_deg.size
    # Each ring is traced by a parameter u that decreases from `period` to 0 and equals the
    # azimuth except that the cut intervals are squeezed out (their width `gap`, starting at
    # `kept_deg`): along u, a cut ring is continuous and its corners are ordinary vertices.
    kept_deg, gap_deg = _cut_intervals(lons_deg, lats_deg, radii_m)
    # The period is 360 - 2 * gap = 4 * kept (360° for a ring not cut, whose kept is 90°), so a
    # cut ring's two corners (u = kept and 3 * kept, one on each side of the antipodal meridian)
    # are among the first vertices, exactly.
    period = 4.0 * kept_deg
    ring = np.repeat(np.arange(n_rings, dtype=np.int64), _START_VERTICES)
    u = (period[:, None] * _START_FRACTIONS).ravel()
    corner = _corner_mask(ring, u, kept_deg) if gap_deg.any() else None
    sites = (lons_deg, lats_deg, radii_m, kept_deg, gap_deg)
    # Each vertex's (u, lon, lat), a column: the rounds move them together.
    points = _forward(sites, ring, u)
    tolerance_m = np.asarray(tolerance_m, dtype=np.float64)
    target_m = tolerance_m * _SAFETY

    # Rings stay grouped in ascending order, so each round finds their starts in one search.
    ring_ids = np.arange(n_rings + 1)
    starts = ring_ids * _START_VERTICES
    for _ in range(_MAX_ROUNDS):
        nxt, prv = _neighbours(starts, ring.size)
        step = _steps(points[0], nxt, starts, period)
        # One tolerance for all rings is used as it stands (no copy per vertex).
        pieces = _pieces(
            nxt, prv, step, points[1:], target_m if target_m.ndim == 0 else target_m[ring], corner
        )
        if pieces is None:
            break
        ring, points, corner = _insert(sites, ring, points, corner, step, pieces)
        starts = np.searchsorted(ring, ring_ids)
    if subdivide > 1:
        step = _steps(points[0], _neighbours(starts, ring.size)[0], starts, period)
        pieces = np.full(ring.size, subdivide, dtype=np.int64)
        ring, points, corner = _insert(sites, ring, points, corner, step, pieces)
    u, lon, lat = points
    return ring, _azimuth(ring, u, kept_deg, gap_deg), lon, lat


def _per_ring(value: ArrayLike, shape: tuple[int, ...]) -> FloatArray:
    value = np.asarray(value, dtype=np.float64)
    return np.full(shape, value) if value.ndim == 0 else value


def _cut_intervals(
    lons_deg: FloatArray, lats_deg: FloatArray, radii_m: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """Per ring, the last azimuth kept below 90° and the width of the cut interval after it.

    Meridians (0°, 180°) reach the antipode, the farthest point, so they are never cut, and 90°
    is cut first. The geodesics with azimuths a and 180° - a meet on the cut locus (the
    ellipsoid's symmetry about the equator's plane), so the cut interval is (a, 180° - a); its
    mirror image about the site's meridian, (180° + a, 360° - a), is cut too.
    """
    kept = np.full(lons_deg.shape, 90.0)
    gap = np.zeros(lons_deg.shape)
    if radii_m.max() <= CUT_LOCUS_MIN_M - 1.0:  # the common case, in one comparison
        return kept, gap
    maybe = np.flatnonzero((radii_m > CUT_LOCUS_MIN_M - 1.0) & (np.abs(lats_deg) < 90.0))
    if not maybe.size:
        return kept, gap
    east = np.full(maybe.size, 90.0)
    cut = maybe[_passed_cut_locus(lons_deg[maybe], lats_deg[maybe], radii_m[maybe], east)]
    if not cut.size:
        return kept, gap
    # Bisect the bracket [on the circle, cut] from 0° towards 90°.
    on_circle, off = np.zeros(cut.size), np.full(cut.size, 90.0)
    lon0, lat0, r = lons_deg[cut], lats_deg[cut], radii_m[cut]
    for _ in range(_BISECTIONS):
        mid = 0.5 * (on_circle + off)
        passed = _passed_cut_locus(lon0, lat0, r, mid)
        off = np.where(passed, mid, off)
        on_circle = np.where(passed, on_circle, mid)
    kept[cut] = on_circle
    gap[cut] = 180.0 - 2.0 * on_circle
    return kept, gap


def _passed_cut_locus(
    lon0: FloatArray, lat0: FloatArray, radius_m: FloatArray, az: FloatArray
) -> NDArray[np.bool_]:
    lon, lat, _ = GEOD.fwd(lon0, lat0, az, radius_m)
    # Geod.inv(lons1, lats1, lons2, lats2) -> (az12, az21, distance)
    _, _, dist = GEOD.inv(lon0, lat0, lon, lat)
    return np.asarray(dist) < radius_m - _CUT_SLACK_M


def _azimuth(
    ring: IntArray, u: FloatArray, kept_deg: FloatArray, gap_deg: FloatArray
) -> FloatArray:
    """Azimuth of each parameter value: u with the cut intervals put back after each corner."""
    if not gap_deg.any():
        return u
    first, second = _corners(kept_deg[ring])
    return u + gap_deg[ring] * ((u > first).astype(np.float64) + (u > second))


def _corners(kept_deg: FloatArray) -> tuple[FloatArray, FloatArray]:
    # The very expressions of the first vertices u = period * (1 - i / 32) at i = 24 and 8.
    period = 4.0 * kept_deg
    return period * 0.25, period * 0.75


def _corner_mask(ring: IntArray, u: FloatArray, kept_deg: FloatArray) -> NDArray[np.bool_]:
    first, second = _corners(kept_deg[ring])
    return (u == first) | (u == second)


def _forward(sites: tuple[FloatArray, ...], ring: IntArray, u: FloatArray) -> FloatArray:
    """Vertices at parameter ``u`` on their rings, as rows (u, lon, lat) in degrees."""
    lons_deg, lats_deg, radii_m, kept_deg, gap_deg = sites
    out = np.empty((4, u.size))
    out[0] = u
    lon, lat, az = out[1], out[2], out[3]
    lons_deg.take(ring, out=lon)
    lats_deg.take(ring, out=lat)
    az[:] = _azimuth(ring, u, kept_deg, gap_deg)
    # Geod.fwd(lons, lats, azimuths, distances) -> (lons, lats, back azimuths), here written
    # over its inputs, rows of one array: no copies going in, none to gather coming out.
    GEOD.fwd(lon, lat, az, radii_m[ring], inplace=True)
    return out[:3]


def ring_starts(ring: IntArray) -> IntArray:
    """Index of the first vertex of each ring, plus the total count at the end; ``ring``
    ascends from 0 and leaves no ring out, as :func:`circle_vertices` gives it."""
    return np.searchsorted(ring, np.arange(ring[-1] + 2))


def _neighbours(starts: IntArray, n: int) -> tuple[IntArray, IntArray]:
    """Index of each vertex's successor and predecessor within its own ring (cyclic)."""
    nxt = np.arange(1, n + 1)
    nxt[starts[1:] - 1] = starts[:-1]
    prv = np.arange(-1, n - 1)
    prv[starts[:-1]] = starts[1:] - 1
    return nxt, prv


def _steps(u: FloatArray, nxt: IntArray, starts: IntArray, period: FloatArray) -> FloatArray:
    """Parameter step of each edge; each ring's closing edge runs down to 0, where its first
    vertex is (u decreases along a ring)."""
    step = u - u[nxt]
    step[starts[1:] - 1] += period
    return step


def _pieces(
    nxt: IntArray,
    prv: IntArray,
    step: FloatArray,
    lonlat: FloatArray,
    target_m: FloatArray,
    corner: NDArray[np.bool_] | None,
) -> IntArray | None:
    """Into how many pieces to cut each edge for its estimated chord error to meet
    ``target_m``, or None when every edge meets it (``lonlat``: rows lon, lat)."""
    # Both rows at once: half the numpy calls (and the same numbers) as row by row.
    delta = lonlat.take(nxt, axis=1)
    delta -= lonlat
    dlon = delta[0]
    dlon[:] = wrap_deg(dlon)

    # Second derivative of (lon, lat) with respect to the parameter at each vertex, for uneven
    # steps: the difference of the slopes after and before it.
    slope = delta / step
    d2 = slope - slope.take(prv, axis=1)
    d2 *= 2.0 / (step[prv] + step)
    d2lon, d2lat = d2
    lat = lonlat[1]
    # Local metres per degree: only the size of the error estimate uses this, never a vertex.
    # (cos from sin: a square root costs a fifth of a cosine, and cos(lat) >= 0.)
    sin2 = np.sin(np.radians(lat)) ** 2
    w = np.sqrt(1.0 - _E2 * sin2)
    d2lon *= _M_PER_DEG_EQUATOR * np.sqrt(1.0 - sin2) / w
    d2lat *= _M_PER_DEG_EQUATOR * (1.0 - _E2) / (w * w * w)
    curvature_m = np.hypot(d2lon, d2lat)
    if corner is not None:
        # A corner's second difference spans two arcs; each edge there uses its other end's.
        curvature_m[corner] = 0.0
    sagitta_m = np.maximum(curvature_m, curvature_m[nxt]) * step**2 / 8.0

    split = (sagitta_m > target_m) | (np.abs(dlon) > _MAX_EDGE_DLON_DEG)
    # An edge shorter than the smallest step is left alone rather than split forever.
    split &= step >= _MIN_STEP_DEG
    if not split.any():
        return None
    wanted = np.ceil(np.sqrt(sagitta_m / target_m) * _OVERSPLIT)
    return np.where(split, np.minimum(np.maximum(wanted, 2), _MAX_PIECES), 1).astype(np.int64)


def _insert(
    sites: tuple[FloatArray, ...],
    ring: IntArray,
    points: FloatArray,
    corner: NDArray[np.bool_] | None,
    step: FloatArray,
    pieces: IntArray,
):
    """Cut each edge into ``pieces`` equal parameter steps; the new vertices go right after the
    edge's first vertex, so the order stays counter-clockwise without sorting."""
    n_old = ring.size
    edge_of_new = np.repeat(np.arange(n_old), pieces - 1)
    n_new = edge_of_new.size
    # Old vertex i moves down by the new vertices before it; the k-th new vertex (of edge e)
    # follows the e + 1 old and k new ones before it.
    old_at = np.cumsum(pieces) - pieces
    new_at = edge_of_new + np.arange(1, n_new + 1)
    j = new_at - old_at[edge_of_new]
    new_u = points[0, edge_of_new] - step[edge_of_new] * j / pieces[edge_of_new]
    new_points = _forward(sites, ring[edge_of_new], new_u)
    # Where each output column comes from, old columns first, then new: one gather of whole
    # columns (numpy's column scatter costs several times as much).
    source = np.empty(n_old + n_new, dtype=np.int64)
    source[old_at] = np.arange(n_old)
    source[new_at] = np.arange(n_old, n_old + n_new)
    out = np.concatenate((points, new_points), axis=1).take(source, axis=1)
    if corner is not None:
        out_corner = np.zeros(source.size, dtype=bool)
        out_corner[old_at] = corner
        corner = out_corner
    # Each new vertex is on its edge's ring.
    return np.repeat(ring, pieces), out, corner


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
