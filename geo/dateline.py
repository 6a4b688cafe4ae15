"""Turn a closed ring of lon/lat vertices into the region it bounds, cut at ±180° (RFC 7946 §3.1.9).

Working in *unwrapped* longitude (consecutive vertices never jump by more than 180°), a ring
whose longitudes sum to zero bounds an ordinary polygon, which is clipped into [-180, 180]
windows. A ring whose longitudes advance by ±360° winds around a pole: it is cut where it crosses
the antimeridian and closed along that pole's line (lat = ±90), which RFC 7946 allows. A ring
that winds 0° but runs clockwise bounds the part out of range (both poles inside, a disk bigger
than a hemisphere): the region is the world minus it. Which poles are inside is decided
geodesically by the caller and trusted over the ring's own longitudes, which are arbitrary at a
pole the ring passes through.

This is where general-purpose tools go wrong: the ``antimeridian`` package closes a clockwise
pole-enclosing ring around the wrong pole, and naive polygons from such rings are invalid.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry import MultiPolygon, Polygon, box
from shapely.geometry.base import BaseGeometry

from .rings import FloatArray, IntArray, ring_starts, wrap_deg

WORLD = box(-180.0, -90.0, 180.0, 90.0)
# A ring or piece bounding less than this (about 1 cm² at the equator) has collapsed to a point:
# at the antipodal limit the part out of range vanishes.
_NOTHING_DEG2 = 1e-14
# A vertex this near a pole (1e-9° is ~0.1 mm) is at it: its longitude means nothing there.
_AT_POLE_DEG = 90.0 - 1e-9


def regions_from_rings(
    ring: IntArray,
    lons_deg: FloatArray,
    lats_deg: FloatArray,
    *,
    north_inside: NDArray[np.bool_],
    south_inside: NDArray[np.bool_],
) -> list[Polygon | MultiPolygon]:
    """:func:`region_from_ring` for many rings (grouped by ``ring``), one region per ring.

    The common rings are made in one vectorised shapely call: those that enclose no pole and
    have no edge across ±180° (polygons as they stand: their longitudes cannot wind), and those
    around one pole that pass through neither (caps, one simple polygon each). The rest take
    the general path.
    """
    starts = ring_starts(ring)
    first, last = starts[:-1], starts[1:] - 1
    # Each edge's longitude step (next minus this; each ring's last edge closes it).
    jumps = np.empty_like(lons_deg)
    np.subtract(lons_deg[1:], lons_deg[:-1], out=jumps[:-1])
    jumps[last] = lons_deg[first] - lons_deg[last]
    np.abs(jumps, out=jumps)
    crosses = np.maximum.reduceat(jumps, first) >= 180.0
    simple = ~crosses & ~north_inside & ~south_inside
    at_pole = np.maximum.reduceat(np.abs(lats_deg), first) >= _AT_POLE_DEG
    cap = (north_inside != south_inside) & ~at_pole
    fast = np.concatenate([np.flatnonzero(simple), np.flatnonzero(cap)])
    coords, sizes = [], [np.diff(starts)[simple]]
    if simple.any():
        # Counter-clockwise by construction (the disk on the left), as RFC 7946 wants.
        in_simple = simple[ring]
        coords.append(np.column_stack([lons_deg[in_simple], lats_deg[in_simple]]))
    for i in np.flatnonzero(cap):
        part = slice(starts[i], starts[i + 1])
        winding = 1 if north_inside[i] else -1
        # Round one pole and through neither, the ring's longitude runs one way (edges span at
        # most 45°), so it jumps by ~360° at one edge, where it crosses ±180°: past that edge
        # it is continuous one turn on.
        unwrapped = lons_deg[part].copy()
        unwrapped[int(np.argmax(jumps[part])) + 1 :] += 360.0 * winding
        coords.append(_polar_cap_coords(unwrapped, lats_deg[part], winding))
        sizes.append([len(coords[-1])])
    regions: list = [None] * first.size  # every slot is filled below
    if fast.size:
        polygons = _polygons(np.concatenate(coords), np.concatenate(sizes))
        for i, polygon in zip(fast, polygons, strict=True):
            regions[i] = polygon
    for i in np.flatnonzero(~simple & ~cap):
        part = slice(starts[i], starts[i + 1])
        regions[i] = region_from_ring(
            lons_deg[part],
            lats_deg[part],
            north_inside=bool(north_inside[i]),
            south_inside=bool(south_inside[i]),
        )
    return regions


def _polygons(coords: FloatArray, sizes: IntArray) -> NDArray[np.object_]:
    """Polygons without holes from rings of ``sizes`` rows each, one after another in ``coords``
    (not closed), in one call to GEOS: built from closed rings and their offsets, a quarter of
    the cost of building the rings first."""
    closed_ends = np.cumsum(sizes + 1)
    # Each closed ring's rows are its own, then its first again.
    source = np.arange(closed_ends[-1]) - np.repeat(np.arange(sizes.size), sizes + 1)
    source[closed_ends - 1] = closed_ends - sizes - 1 - np.arange(sizes.size)
    ring_offsets = np.concatenate(([0], closed_ends))
    return shapely.from_ragged_array(
        shapely.GeometryType.POLYGON,
        coords.take(source, axis=0),
        (ring_offsets, np.arange(sizes.size + 1)),
    )


def region_from_ring(
    lons_deg: FloatArray, lats_deg: FloatArray, *, north_inside: bool, south_inside: bool
) -> Polygon | MultiPolygon:
    """Region to the left of a counter-clockwise ring, as polygons within [-180, 180].

    Args:
        lons_deg: Ring longitudes in degrees, in traversal order, not repeated at the end.
        lats_deg: Ring latitudes in degrees.
        north_inside: Whether the North Pole lies inside or on the ring (decided geodesically
            by the caller).
        south_inside: Whether the South Pole lies inside or on the ring.

    Returns:
        Valid polygon(s), exteriors counter-clockwise and holes clockwise.
    """
    through_pole = bool(np.any(np.abs(lats_deg) >= _AT_POLE_DEG))
    if through_pole:
        lons_deg, lats_deg = _lift_pole_vertices(lons_deg, lats_deg)
    # The geodesic pole test is the truth (see _winding_steps).
    winding = int(north_inside) - int(south_inside)
    if winding:
        steps = _winding_steps(np.diff(lons_deg, append=lons_deg[0]), lats_deg, winding)
        region: BaseGeometry = shapely.polygons(
            _polar_cap_coords(_unwrapped(lons_deg, steps), lats_deg, winding)
        )
        if not through_pole:
            return region
        if not region.is_valid:  # it touches the pole line it winds around
            region = shapely.make_valid(region)
    else:
        steps = _winding_steps(np.diff(lons_deg, append=lons_deg[0]), lats_deg, 0)
        unwrapped = _unwrapped(lons_deg, steps)
        chart = Polygon(np.column_stack([unwrapped, lats_deg]))
        region = _clip_to_windows(chart)
        # The disk is on the ring's left: a clockwise chart polygon bounds the part out of range
        # (both poles inside, or on the ring). A ring too small to bound anything leaves the
        # world when both poles are inside (the antipodal limit) and nothing otherwise.
        if region.area < _NOTHING_DEG2:
            region = WORLD if north_inside and south_inside else Polygon()
        elif not chart.exterior.is_ccw:
            region = WORLD.difference(region)
    return oriented(region)


def _winding_steps(raw_steps: FloatArray, lats_deg: FloatArray, winding: int) -> FloatArray:
    """Longitude steps of a ring's edges (``raw_steps``, next minus this), wrapped to summing
    ``winding`` turns.

    The geodesic pole test is the truth: a ring around one pole winds once, counter-clockwise
    seen from outside the disk. Only a ring through a pole (or within rounding of it) can sum
    its longitude steps to another count, and there the step past the pole is the free one.
    """
    steps = wrap_deg(raw_steps)
    off_by = winding - round(float(np.sum(steps)) / 360.0)
    if off_by:
        steps[_edge_nearest_pole(lats_deg)] += 360.0 * off_by
    return steps


def _unwrapped(lons_deg: FloatArray, steps: FloatArray) -> FloatArray:
    """Longitudes made continuous by the ring's steps (the closing step is not used)."""
    return lons_deg[0] + np.concatenate([[0.0], np.cumsum(steps[:-1])])


def _lift_pole_vertices(
    lons_deg: FloatArray, lats_deg: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """Vertices at a pole have no longitude of their own (GeographicLib gives them one anyway,
    and refinement may put several there): each run of them becomes two vertices on the pole
    line, on the meridians the ring arrives and leaves by."""
    pole = np.abs(lats_deg) >= _AT_POLE_DEG
    if pole.all():
        return lons_deg, lats_deg
    first = pole & ~np.roll(pole, 1)
    last = pole & ~np.roll(pole, -1)
    arrive, leave = np.roll(lons_deg, 1), np.roll(lons_deg, -1)
    lons = np.where(first, arrive, np.where(last, leave, lons_deg))
    lats = np.where(pole, np.copysign(90.0, lats_deg), lats_deg)
    keep = ~pole | first | last
    single = (first & last)[keep]  # a run of one vertex: it leaves by another meridian
    lons, lats = lons[keep], lats[keep]
    at = np.flatnonzero(single) + 1
    return np.insert(lons, at, leave[first & last]), np.insert(lats, at, lats[at - 1])


def _edge_nearest_pole(lats_deg: FloatArray) -> int:
    """Index of the edge (i -> i+1) that passes nearest to a pole."""
    nxt = np.roll(lats_deg, -1)
    north = np.minimum(lats_deg, nxt)
    south = np.maximum(lats_deg, nxt)
    if 90.0 - north.max() <= 90.0 + south.min():
        return int(np.argmax(north))
    return int(np.argmin(south))


def _polar_cap_coords(unwrapped: FloatArray, lats: FloatArray, winding: int) -> FloatArray:
    """Cut a pole-winding ring at the antimeridian and close it along the pole line.

    Along such a ring the longitude is monotonic (each meridian crosses it once), so the cap is a
    simple polygon spanning exactly [-180, 180], counter-clockwise (the path, then the pole
    line back).

    Returns:
        The cap's exterior as (lon, lat) rows, not closed.
    """
    n = unwrapped.size
    # One full turn: vertices 0..n-1, then vertex 0 again shifted by the winding.
    last_lon = unwrapped[0] + 360.0 * winding
    # The antimeridian crossing X = 180 + 360k inside this turn, where the cut goes.
    lo = min(unwrapped[0], last_lon)
    x_cut = 180.0 + 360.0 * math.ceil((lo - 180.0) / 360.0)
    lon_turn = np.concatenate((unwrapped, [last_lon]))
    side = lon_turn - x_cut
    k = int(np.argmax(side[:-1] * side[1:] <= 0))
    lat_k, lat_k1 = lats[k], lats[(k + 1) % n]
    if lon_turn[k] == lon_turn[k + 1]:
        lat_cut = lat_k
    else:
        t = (x_cut - lon_turn[k]) / (lon_turn[k + 1] - lon_turn[k])
        lat_cut = lat_k + t * (lat_k1 - lat_k)
    start, end = (-180.0, 180.0) if winding > 0 else (180.0, -180.0)
    pole = 90.0 if winding > 0 else -90.0
    # Path from the cut: the rest of this turn, then the start of the next turn up to the cut,
    # shifted to run from ``start`` to ``end`` (it runs from x_cut to x_cut ± 360).
    coords = np.empty((n + 4, 2))
    coords[0] = start, lat_cut
    coords[1 : n - k + 1, 0] = lon_turn[k + 1 :] - (x_cut - start)
    coords[n - k + 1 : n + 1, 0] = (lon_turn[1 : k + 1] + 360.0 * winding) - (x_cut - start)
    coords[1 : n - k, 1] = lats[k + 1 :]
    coords[n - k : n + 1, 1] = lats[: k + 1]
    coords[n + 1 :] = (end, lat_cut), (end, pole), (start, pole)
    # A vertex on the cut itself (within rounding) would make a spike beside the cut point.
    on_cut = np.flatnonzero(np.abs(coords[1 : n + 1, 0]) >= 180.0)
    return np.delete(coords, on_cut + 1, axis=0) if on_cut.size else coords


def _clip_to_windows(polygon: Polygon) -> BaseGeometry:
    """Cut a polygon in unwrapped longitude into [-180, 180] and shift each piece home."""
    if not polygon.is_valid:
        polygon = shapely.make_valid(polygon)
    minx, _, maxx, _ = polygon.bounds
    pieces = []
    for k in range(math.floor((minx + 180.0) / 360.0), math.floor((maxx + 180.0) / 360.0) + 1):
        shift = 360.0 * k
        piece = polygon.intersection(box(shift - 180.0, -90.0, shift + 180.0, 90.0))
        if not piece.is_empty:
            pieces.append(shapely.affinity.translate(piece, xoff=-shift))
    return shapely.union_all(pieces)


def oriented(geom: BaseGeometry) -> Polygon | MultiPolygon:
    """Polygons of ``geom`` with counter-clockwise exteriors and clockwise holes.

    Pieces too small to bound anything are rounding debris of overlays (where two arcs of a
    circle meet at a grazing angle on the cut locus) and are left out.
    """
    # make_valid can nest polygons in a collection beside lines: two levels of parts.
    parts = shapely.get_parts(shapely.get_parts(geom))
    polygons = [
        _without_debris_holes(g)
        for g in parts
        if isinstance(g, Polygon) and g.area >= _NOTHING_DEG2
    ]
    if not polygons:
        return Polygon()
    out = polygons[0] if len(polygons) == 1 else MultiPolygon(polygons)
    return shapely.orient_polygons(out)


def _without_debris_holes(polygon: Polygon) -> Polygon:
    holes = [h for h in polygon.interiors if Polygon(h).area >= _NOTHING_DEG2]
    return polygon if len(holes) == len(polygon.interiors) else Polygon(polygon.exterior, holes)


def ring_paths(lons_deg: FloatArray, lats_deg: FloatArray) -> list[FloatArray]:
    """A closed ring as drawable paths, cut where it crosses ±180° (no edge jumps the map).

    Outlines are drawn as lines rather than polygon edges, so a pole-enclosing ring shows no
    edges along ±180° or the pole line.

    Returns:
        Arrays of (lon, lat) rows, every longitude in [-180, 180].
    """
    return _cut_paths(lons_deg, lats_deg, closed=True)


def line_paths(lons_deg: FloatArray, lats_deg: FloatArray) -> list[FloatArray]:
    """An open polyline as drawable paths, cut where it crosses ±180° (see :func:`ring_paths`)."""
    return _cut_paths(lons_deg, lats_deg, closed=False)


def _cut_paths(lons_deg: FloatArray, lats_deg: FloatArray, *, closed: bool) -> list[FloatArray]:
    lon = np.append(lons_deg, lons_deg[0]) if closed else np.asarray(lons_deg, dtype=np.float64)
    lat = np.append(lats_deg, lats_deg[0]) if closed else np.asarray(lats_deg, dtype=np.float64)
    unwrapped = lon[0] + np.concatenate([[0.0], np.cumsum(wrap_deg(np.diff(lon)))])
    if closed:
        # Close exactly one turn (0 or ±360°), whatever rounding the sum picked up.
        unwrapped[-1] = unwrapped[0] + 360.0 * round((unwrapped[-1] - unwrapped[0]) / 360.0)
    # The 360° window each vertex falls in; a path is cut where the window changes.
    window = np.floor((unwrapped + 180.0) / 360.0)
    home = np.column_stack([unwrapped - 360.0 * window, lat])
    cuts = np.flatnonzero(np.diff(window))
    pieces = np.split(home, cuts + 1)
    for k, i in enumerate(cuts):
        x_cut = 180.0 + 360.0 * min(window[i], window[i + 1])
        t = (x_cut - unwrapped[i]) / (unwrapped[i + 1] - unwrapped[i])
        y_cut = lat[i] + t * (lat[i + 1] - lat[i])
        pieces[k] = np.vstack([pieces[k], [x_cut - 360.0 * window[i], y_cut]])
        pieces[k + 1] = np.vstack([[x_cut - 360.0 * window[i + 1], y_cut], pieces[k + 1]])
    if closed and len(pieces) > 1:
        # The ring is closed: its last path runs on into the first.
        pieces[0] = np.vstack([pieces.pop()[:-1], pieces[0]])
    return pieces
