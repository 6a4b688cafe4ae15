"""Cached computations for the app: each keyed on what it depends on, so a rerun after one
change recomputes only that. Caches are bounded (``max_entries``) because keys hold float
positions that users can vary without end.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import numpy as np
import pandas as pd
import shapely
import streamlit as st
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

import geo
from geo import data
from geo.countries import country_shares
from geo.coverage import LaunchSite
from geo.geojson import Band, coverage_features, dumps
from geo.places import places_in_range

TOLERANCE_M = geo.DEFAULT_TOLERANCE_M
# Rounding for drawing only (1e-4° is ~11 m, under a pixel below zoom 12); exports use
# geo.geojson's own 1e-6° grid.
DRAW_DECIMALS = 4

Center = tuple[float, float]
_WEST, _SOUTH = np.meshgrid(np.arange(-180.0, 180.0, 10.0), np.arange(-90.0, 90.0, 10.0))
GLOBE_CELLS = shapely.box(_WEST, _SOUTH, _WEST + 10.0, _SOUTH + 10.0).ravel()


@st.cache_data(max_entries=1024, show_spinner=False)
def outline(center: Center, radius_km: float) -> list[list[list[float]]]:
    """Drawable outline paths of one site's ring (per site and range, so a drag reuses the rest)."""
    paths = geo.ring_outlines([center], radius_km * 1000.0, tolerance_m=TOLERANCE_M)[0]
    return [p.round(DRAW_DECIMALS).tolist() for p in paths]


@st.cache_data(max_entries=128, show_spinner=False)
def merged_region(centers: tuple[Center, ...], band: Band) -> BaseGeometry:
    """Union over sites of one range or band."""
    if band.kind == "disk":
        regions = geo.geodesic_disks(centers, band.max_km * 1000.0, tolerance_m=TOLERANCE_M)
    else:
        regions = geo.geodesic_bands(
            centers, band.min_km * 1000.0, band.max_km * 1000.0, tolerance_m=TOLERANCE_M
        )
    return geo.merge(regions)


@st.cache_data(max_entries=128, show_spinner=False)
def fill_feature(centers: tuple[Center, ...], band: Band, colour: list[int], view: str) -> dict:
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


@st.cache_data(max_entries=128, show_spinner=False)
def places_for(sites: tuple[LaunchSite, ...], band: Band) -> pd.DataFrame:
    """Populated places in one range or band of the nearest site."""
    return places_in_range(
        sites, data.places(), band.max_km * 1000.0, min_radius_m=band.min_km * 1000.0
    )


@st.cache_data(max_entries=64, show_spinner="Measuring country areas in range…")
def shares_for(centers: tuple[Center, ...], band: Band) -> pd.DataFrame:
    """Countries touched by one merged range, with the geodesic share of each inside."""
    return country_shares(merged_region(centers, band))


def geojson_export(sites: tuple[LaunchSite, ...], bands: tuple[Band, ...]) -> str:
    """The bytes ``python -m geo export`` writes for the same sites and ranges.

    Not cached: it runs on a download click, outside the script run, where Streamlit's caches
    are not available (they warn ``missing ScriptRunContext`` in the server log).
    """
    features = coverage_features(sites, bands, tolerance_m=TOLERANCE_M)
    return dumps(features, tolerance_m=TOLERANCE_M)


def figure_png(sites: tuple[LaunchSite, ...], bands: tuple[Band, ...]) -> bytes:
    """The same figure as ``python -m geo figure ... -o map.png`` (web size)."""
    from geo.figure import render_figure  # matplotlib loads only when a figure is asked for

    buffer = io.BytesIO()
    render_figure(sites, bands, buffer, fmt="png", tolerance_m=TOLERANCE_M)
    return buffer.getvalue()


def centers_of(sites: Sequence[LaunchSite]) -> tuple[Center, ...]:
    """(lon, lat) of each site, hashable for the caches."""
    return tuple((s.lon, s.lat) for s in sites)
