"""Exact area on WGS84 of lon/lat polygons whose edges are straight lines in lon/lat.

That is how RFC 7946 reads an edge, and how every shape in ``geo`` is drawn and exported, so the
area is of the very polygon in the file: no edge is reinterpreted as a geodesic. On the
ellipsoid, the area between the equator and latitude phi per radian of longitude is

    F(phi) = a**2 (1 - e**2) / 2 * (sin phi / (1 - e**2 sin**2 phi) + atanh(e sin phi) / e),

so by Green's theorem a counter-clockwise ring encloses -∮ F(phi) d(lambda). Along a straight
edge phi is linear in lambda, and the integral is a Gauss-Legendre sum, exact to rounding for
the smooth F over an edge of at most a few degrees of latitude (longer ones are cut first).
Poles, the ±180° cut and regions bigger than a hemisphere need no special case: a pole line is
an edge like any other.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry.base import BaseGeometry

from .rings import GEOD

_A_M = GEOD.a
_E = math.sqrt(GEOD.es)
# Area of the WGS84 ellipsoid in m², 4πc² with c² the authalic radius squared (GeographicLib).
EARTH_AREA_M2 = 2.0 * math.pi * (GEOD.a**2 + GEOD.b**2 * math.atanh(_E) / _E)
# Gauss-Legendre nodes and weights on [0, 1]; 6 nodes integrate F to rounding over 2° steps.
_NODES, _WEIGHTS = np.polynomial.legendre.leggauss(6)
_NODES = (_NODES + 1.0) / 2.0
_WEIGHTS = _WEIGHTS / 2.0
_MAX_EDGE_DLAT_DEG = 2.0


def _zone_m2_per_rad(lat_rad: NDArray[np.float64]) -> NDArray[np.float64]:
    """F(phi): area between the equator and ``lat_rad`` per radian of longitude."""
    s = np.sin(lat_rad)
    return (_A_M**2 * (1.0 - _E**2) / 2.0) * (s / (1.0 - (_E * s) ** 2) + np.arctanh(_E * s) / _E)


def geodesic_area_m2(geom: BaseGeometry) -> float:
    """Area in m² on WGS84 of a lon/lat (multi)polygon with straight lon/lat edges.

    Holes count negatively and either winding is accepted; degrees in [-180, 180] x [-90, 90].
    """
    polygons = shapely.get_parts(geom)
    polygons = polygons[shapely.get_type_id(polygons) == shapely.GeometryType.POLYGON]
    rings, polygon_of = shapely.get_rings(polygons, return_index=True)
    if not rings.size:
        return 0.0
    signed = _signed_ring_areas_m2(rings)
    is_exterior = np.r_[True, polygon_of[1:] != polygon_of[:-1]]
    return float(np.sum(np.where(is_exterior, 1.0, -1.0) * np.abs(signed)))


def _signed_ring_areas_m2(rings: NDArray[np.object_]) -> NDArray[np.float64]:
    """Area enclosed by each closed ring, positive when counter-clockwise."""
    xy, ring_of = shapely.get_coordinates(rings, return_index=True)
    lam, phi = np.radians(xy[:, 0]), np.radians(xy[:, 1])
    # Edges k -> k+1 within one ring (a closed ring repeats its first vertex at the end).
    same = ring_of[1:] == ring_of[:-1]
    lam0, phi0, ring_of = lam[:-1][same], phi[:-1][same], ring_of[:-1][same]
    dlam, dphi = lam[1:][same] - lam0, phi[1:][same] - phi0
    moving = dlam != 0.0  # meridian edges add nothing
    lam0, phi0, ring_of, dlam, dphi = (a[moving] for a in (lam0, phi0, ring_of, dlam, dphi))
    # Long edges in latitude are cut into equal pieces, each summed by its own nodes.
    pieces = np.maximum(1, np.ceil(np.abs(dphi) / math.radians(_MAX_EDGE_DLAT_DEG))).astype(int)
    if np.any(pieces > 1):
        edge = np.repeat(np.arange(pieces.size), pieces)
        k = np.arange(edge.size) - np.repeat(np.cumsum(pieces) - pieces, pieces)
        phi0 = phi0[edge] + dphi[edge] * k / pieces[edge]
        dlam, dphi, ring_of = (dlam / pieces)[edge], (dphi / pieces)[edge], ring_of[edge]
    # A constant offset cancels around a closed ring (its d(lambda) sum to 0) and keeps the
    # terms small for a small ring far from the equator.
    offset = _zone_m2_per_rad(phi[:1])[0] if phi.size else 0.0
    zone = _zone_m2_per_rad(phi0[:, None] + dphi[:, None] * _NODES) - offset
    integral = dlam * (zone @ _WEIGHTS)
    return -np.bincount(ring_of, weights=integral, minlength=rings.size)
