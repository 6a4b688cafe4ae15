"""The first view of the map: where to look so that every site and its largest ring is in view,
on the flat Web Mercator map and on the globe.

The extents are geodesic (each ring's vertices from GeographicLib, :mod:`geo.rings`). What is
left to the browser, which alone knows the map's size in pixels, is one step: the zoom at which
the fitted extent fills the map, ``log2(min(width_px / width_px0, height_px / height_px0))``,
since at zoom 0 the extent measures ``width_px0`` × ``height_px0`` pixels and each zoom level
doubles that (deck.gl's Web Mercator world is 512 px wide at zoom 0; its globe has a radius of
``256 / (pi cos(lat))`` px there, ``lat`` the centre's latitude capped at Mercator's limit).

Where the largest rings span most of the world (a 5,500 km ring around a site north of ~40°N
encloses the North Pole, and on Mercator reaches the map's top edge), fitting them would show
the whole world; the view then fits the largest of the smaller rings that does fit, or else the
sites with a margin, and says so.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from .figure_view import view_centre
from .model import LaunchSite
from .rings import GEOD, circle_vertices

MERCATOR_MAX_LAT = 85.051129
WORLD_PX0 = 512.0
GLOBE_RADIUS_PX0 = 256.0
# Around each site when its rings span most of the world.
SITE_MARGIN_M = 800_000.0
# Beyond this, fitting the rings would show all of the flat map, or more than the globe's
# visible hemisphere shows without crowding it at the edge.
MAX_MERCATOR_SPAN = 0.7  # of the world's width or height
MAX_GLOBE_ANGLE_DEG = 75.0
# Coarse is enough for an extent: 10 km against rings of hundreds of km.
_TOLERANCE_M = 10_000.0
_EARTH_RADIUS_M = 6_371_008.8


@dataclass(frozen=True)
class Fit:
    """Where to look, and how big what must be in view is at zoom 0 (px); ``note`` says when the
    rings do not fit and only the sites do."""

    longitude: float
    latitude: float
    width_px0: float
    height_px0: float
    note: str = ""


def fit_view(sites: Sequence[LaunchSite], radii_m: Sequence[float], view: str) -> Fit | None:
    """The view (``"map"`` or ``"globe"``) that shows every site with the largest of its rings
    (``radii_m``) that fits; ``None`` without sites."""
    if not sites or not radii_m:
        return None
    largest_m, *smaller_m = sorted(set(radii_m), reverse=True)
    fit = _fit(sites, largest_m, view)
    if not _too_big(fit, view) or largest_m <= SITE_MARGIN_M:
        return fit
    largest = f"The {largest_m / 1000:,.0f} km rings span most of the globe"
    for radius_m in smaller_m:
        fit = _fit(sites, radius_m, view)
        if not _too_big(fit, view):
            return replace(
                fit,
                note=f"{largest}: the view fits the {radius_m / 1000:,.0f} km rings; zoom out "
                "to see them whole.",
            )
    fit = _fit(sites, SITE_MARGIN_M, view)
    return replace(
        fit, note=f"{largest}: the view fits the sites; zoom out to see the rings whole."
    )


def _too_big(fit: Fit, view: str) -> bool:
    if view == "globe":
        radius_px0 = GLOBE_RADIUS_PX0 / (math.pi * math.cos(math.radians(_capped(fit.latitude))))
        return fit.width_px0 / (2 * radius_px0) > math.sin(math.radians(MAX_GLOBE_ANGLE_DEG))
    return max(fit.width_px0, fit.height_px0) > MAX_MERCATOR_SPAN * WORLD_PX0


def _ring_points(sites: Sequence[LaunchSite], radius_m: float) -> tuple[np.ndarray, np.ndarray]:
    lons = np.array([s.lon for s in sites], dtype=np.float64)
    lats = np.array([s.lat for s in sites], dtype=np.float64)
    _, _, lon, lat = circle_vertices(lons, lats, radius_m, _TOLERANCE_M)
    lon = np.concatenate([lon, lons])
    lat = np.concatenate([lat, lats])
    # A ring around a pole reaches it: its vertices alone stop short of the pole.
    for pole in (90.0, -90.0):
        _, _, to_pole_m = GEOD.inv(lons, lats, np.zeros_like(lons), np.full_like(lats, pole))
        if (np.asarray(to_pole_m) < radius_m).any():
            lon = np.append(lon, lons[0])
            lat = np.append(lat, pole)
    return lon, lat


def _fit(sites: Sequence[LaunchSite], radius_m: float, view: str) -> Fit:
    lon, lat = _ring_points(sites, radius_m)
    if view == "globe":
        return _globe_fit(sites, lon, lat)
    west, span_deg = _lon_interval(lon)
    y = _mercator_y(lat)
    y_top, y_bottom = float(y.min()), float(y.max())
    return Fit(
        longitude=_wrap(west + span_deg / 2),
        latitude=_mercator_lat((y_top + y_bottom) / 2),
        width_px0=WORLD_PX0 * span_deg / 360.0,
        height_px0=WORLD_PX0 * (y_bottom - y_top),
    )


def _globe_fit(sites: Sequence[LaunchSite], lon: np.ndarray, lat: np.ndarray) -> Fit:
    """Centred on the sites' centre (the figure's too), wide enough for the farthest point."""
    lon0, lat0 = view_centre(sites)
    _, _, far_m = GEOD.inv(np.full_like(lon, lon0), np.full_like(lat, lat0), lon, lat)
    angle = min(float(np.max(far_m)) / _EARTH_RADIUS_M, math.pi / 2)
    radius_px0 = GLOBE_RADIUS_PX0 / (math.pi * math.cos(math.radians(_capped(lat0))))
    size_px0 = 2 * radius_px0 * math.sin(angle)
    return Fit(lon0, lat0, size_px0, size_px0)


def _lon_interval(lon: np.ndarray) -> tuple[float, float]:
    """(west, span) of the shortest run of longitude, eastwards from ``west``, holding all."""
    ordered = np.sort(np.mod(lon, 360.0))
    gaps = np.diff(np.concatenate([ordered, [ordered[0] + 360.0]]))
    widest = int(np.argmax(gaps))
    west = ordered[(widest + 1) % ordered.size]
    return float(west), float(360.0 - gaps[widest])


def _capped(lat: float | np.ndarray) -> float | np.ndarray:
    return np.clip(lat, -MERCATOR_MAX_LAT, MERCATOR_MAX_LAT)


def _mercator_y(lat: np.ndarray) -> np.ndarray:
    """Web Mercator y as a fraction of the world's height, 0 at the top (85.05°N)."""
    phi = np.radians(_capped(lat))
    return 0.5 - np.log(np.tan(math.pi / 4 + phi / 2)) / (2 * math.pi)


def _mercator_lat(y: float) -> float:
    return math.degrees(2 * math.atan(math.exp((0.5 - y) * 2 * math.pi)) - math.pi / 2)


def _wrap(lon: float) -> float:
    return (lon + 180.0) % 360.0 - 180.0
