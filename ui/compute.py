"""Cached computations for the app: each keyed on what it depends on, so a rerun after one
change recomputes only that. Caches are bounded (``max_entries``, ``maxsize``) because keys hold
float positions that users can vary without end.

The rule (``docs/decisions/0004-caches.md``): results per (site, range), asked for many at a
time, go in a ``BatchCache``; every other result in ``functools.lru_cache``. Both are shared by
all sessions, so no result is ever changed in place (pandas >= 3 copies on write: a frame
derived from a cached one is a new frame). Not ``st.cache_data``: each hit unpickles a copy.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

import geo
from geo import (
    Band,
    CoverageFeature,
    LaunchSite,
    RingSpec,
    country_shares,
    data,
    feature_line,
    join_lines,
    places_in_range,
    snap,
    to_safe_csv,
)
from geo.style import ring_colours
from ui.batchcache import BatchCache

TOLERANCE_M = geo.DEFAULT_TOLERANCE_M
# Rounding for drawing only (1e-4° is ~11 m, under a pixel below zoom 12); exports use
# geo.geojson's own 1e-6° grid.
DRAW_DECIMALS = 4

Center = tuple[float, float]
_WEST, _SOUTH = np.meshgrid(np.arange(-180.0, 180.0, 10.0), np.arange(-90.0, 90.0, 10.0))
GLOBE_CELLS = shapely.box(_WEST, _SOUTH, _WEST + 10.0, _SOUTH + 10.0).ravel()


def _regions(keys: list[tuple[Center, Band]]) -> list[BaseGeometry]:
    """Each (site, range) region, computed together per range."""
    regions: dict[tuple[Center, Band], BaseGeometry] = {}
    for band in dict.fromkeys(band for _, band in keys):
        centers = [center for center, b in keys if b == band]
        if band.kind == "disk":
            found = geo.geodesic_disks(centers, band.max_km * 1000.0, tolerance_m=TOLERANCE_M)
        else:
            found = geo.geodesic_bands(
                centers, band.min_km * 1000.0, band.max_km * 1000.0, tolerance_m=TOLERANCE_M
            )
        regions |= {(center, band): region for center, region in zip(centers, found, strict=True)}
    return [regions[key] for key in keys]


# Per (site, range): a drag recomputes the moved site's regions only. Each region depends on its
# own site alone (the vertex rule is per ring), so batches of any size give the same region.
# Room for 500 sites x 4 ranges; a 5,500 km band holds ~15 KB of vertices.
SITE_REGIONS = BatchCache(_regions, max_entries=2048)


def site_regions(centers: Sequence[Center], band: Band) -> list[BaseGeometry]:
    """The range or band around each site."""
    return SITE_REGIONS.get_many([(center, band) for center in centers])


@functools.lru_cache(maxsize=128)
def merged_region(centers: tuple[Center, ...], band: Band) -> BaseGeometry:
    """Union over sites of one range or band."""
    return geo.merge(site_regions(centers, band))


@functools.lru_cache(maxsize=128)
def fill_feature(
    centers: tuple[Center, ...], band: Band, colour: tuple[int, ...], view: str
) -> dict:
    """A shaded band as a GeoJSON feature for drawing (coordinates rounded to ~11 m).

    On the globe, deck.gl draws each triangle of a polygon as a flat facet through the sphere,
    so a fill is cut into 10° cells first; each facet then stays close to the surface.
    """
    region = merged_region(centers, band)
    if view == "globe":
        cells = shapely.intersection(region, GLOBE_CELLS)
        region = shapely.MultiPolygon(
            [
                p
                for cell in cells
                for p in getattr(cell, "geoms", [cell])
                if isinstance(p, shapely.Polygon) and not p.is_empty
            ]
        )
    region = shapely.transform(region, lambda xy: xy.round(DRAW_DECIMALS))
    return {"type": "Feature", "properties": {"color": colour}, "geometry": mapping(region)}


@functools.lru_cache(maxsize=128)
def places_for(sites: tuple[LaunchSite, ...], band: Band) -> pd.DataFrame:
    """Populated places in one range or band of some site (the region ``merged_region`` holds)."""
    return places_in_range(
        sites, data.places(), band.max_km * 1000.0, min_radius_m=band.min_km * 1000.0
    )


@functools.lru_cache(maxsize=64)
def shares_for(centers: tuple[Center, ...], band: Band) -> pd.DataFrame:
    """Countries touched by one merged range, with the geodesic share of each inside."""
    return country_shares(merged_region(centers, band))


def _export_lines(keys: list[tuple[LaunchSite, Band]]) -> list[str]:
    regions = SITE_REGIONS.get_many([(site.lonlat, band) for site, band in keys])
    areas: dict[tuple[LaunchSite, Band], float] = {}
    for band in dict.fromkeys(band for _, band in keys):
        sites = [site for site, b in keys if b == band]
        found = geo.band_areas_m2([s.lonlat for s in sites], band)
        areas |= {(site, band): area for site, area in zip(sites, found, strict=True)}
    return [
        feature_line(CoverageFeature(band.kind, band, snap(region), areas[site, band], site))
        for (site, band), region in zip(keys, regions, strict=True)
    ]


# Per (site, range), as the region cache: each export line depends on its own site alone.
EXPORT_LINES = BatchCache(_export_lines, max_entries=2048)


def geojson_export(sites: Sequence[LaunchSite], bands: Sequence[Band]) -> str:
    """The bytes ``python -m geo export`` writes for the same sites and ranges (feature order:
    by range, then by site, as ``geo.geojson.coverage_features``)."""
    lines = EXPORT_LINES.get_many([(site, band) for band in bands for site in sites])
    return join_lines(lines, tolerance_m=TOLERANCE_M)


@functools.lru_cache(maxsize=8)
def figure_file(sites: tuple[LaunchSite, ...], rings: tuple[RingSpec, ...], fmt: str) -> bytes:
    """The map's rings as a figure (web size), in the map's colours and with its labels."""
    from geo.figure import render_figure  # matplotlib loads only when a figure is asked for

    buffer = io.BytesIO()
    render_figure(sites, rings, buffer, fmt=fmt, tolerance_m=TOLERANCE_M)
    return buffer.getvalue()


@functools.lru_cache(maxsize=8)
def gis_export(sites: tuple[LaunchSite, ...], rings: tuple, fmt: str) -> bytes:
    """Every (site, range) as KML, KMZ or GeoPackage: the GeoJSON export's features, with each
    ring's colour and source."""
    bands = [r.band for r in rings]
    features = geo.coverage_features(sites, bands, tolerance_m=TOLERANCE_M)
    sources = {r.band: r.source for r in rings}
    return geo.export_bytes(
        features, fmt, tolerance_m=TOLERANCE_M, colours=ring_colours(rings), sources=sources
    )


@functools.lru_cache(maxsize=128)
def area_km2(centers: tuple[Center, ...], band: Band) -> float:
    """Geodesic area in km² of the merged range or band."""
    return geo.geodesic_area_m2(merged_region(centers, band)) / 1e6


@functools.lru_cache(maxsize=32)
def launch_area_export(target: geo.Target, range_km: float, fmt: str) -> bytes:
    """The launch-area disk as ``python -m geo export --launch-area`` writes it."""
    feature = geo.launch_area_feature(target, range_km, tolerance_m=TOLERANCE_M)
    return geo.export_bytes([feature], fmt, tolerance_m=TOLERANCE_M)


def centers_of(sites: Sequence[LaunchSite]) -> tuple[Center, ...]:
    """(lon, lat) of each site, hashable for the caches."""
    return tuple(s.lonlat for s in sites)


@functools.lru_cache(maxsize=128)
def places_csv(sites: tuple[LaunchSite, ...], band: Band) -> str:
    """The places-in-range table as CSV, safe to open in a spreadsheet."""
    return to_safe_csv(places_for(sites, band))
