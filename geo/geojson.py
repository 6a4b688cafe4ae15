"""Coverage as an RFC 7946 FeatureCollection: the bytes the CLI writes and the app downloads.

Output is deterministic: features in input order, coordinates on a 1e-6° grid (about 0.1 m),
compact JSON with a fixed key order, and the geodesic settings recorded in the file.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import LinearRing, MultiPolygon, Polygon

from . import __version__
from .coverage import (
    geodesic_bands,
    geodesic_disks,
    merge,
    region_areas_m2,
)
from .dateline import oriented
from .model import COORD_DECIMALS, Band, LaunchSite
from .reach import Target, launch_area

# The project's coordinate precision (geo.model): 1e-6° is about 0.11 m.
GRID_DEG = 10.0**-COORD_DECIMALS
# ``area_km2`` is the true region's area (coverage.region_areas_m2, within ~1e-9), written to
# the significant digits that supports whatever the region's size.
AREA_DIGITS = 8


@dataclass(frozen=True)
class CoverageFeature:
    """One exported feature: a region, its true area and the properties the CLI and app
    write."""

    kind: str
    band: Band
    geometry: Polygon | MultiPolygon
    area_m2: float
    site: LaunchSite | None = None
    target: Target | None = None  # the point a launch area is drawn around

    @property
    def name(self) -> str:
        """What the feature is, e.g. "480 km from Kaliningrad" or "480 km launch area of
        Warsaw": the name exports other than GeoJSON show."""
        if self.target is not None:
            return f"{self.band.label} launch area of {self.target.name}"
        if self.site is not None:
            return f"{self.band.label} from {self.site.name}"
        return f"{self.band.label}, all sites merged"


def band_areas_m2(
    centers: Sequence[tuple[float, float]], band: Band, *, union: bool = False
) -> list[float]:
    """True geodesic area of the band around each centre (or of their union), in m²."""
    return region_areas_m2(centers, band.min_km * 1000.0, band.max_km * 1000.0, union=union)


def coverage_features(
    sites: Sequence[LaunchSite],
    bands: Sequence[Band],
    *,
    union: bool = False,
    tolerance_m: float,
) -> list[CoverageFeature]:
    """Regions for every (site, band), or one merged region per band with ``union``.

    Raises:
        GeoInputError: a coordinate, range, band or the tolerance is out of range.
    """
    centers = [(s.lon, s.lat) for s in sites]
    features: list[CoverageFeature] = []
    for band in bands:
        if band.kind == "disk":
            regions = geodesic_disks(centers, band.max_km * 1000.0, tolerance_m=tolerance_m)
        else:
            regions = geodesic_bands(
                centers, band.min_km * 1000.0, band.max_km * 1000.0, tolerance_m=tolerance_m
            )
        areas = band_areas_m2(centers, band, union=union)
        if union:
            features.append(CoverageFeature("union", band, snap(merge(regions)), areas[0]))
        else:
            features += [
                CoverageFeature(band.kind, band, snap(region), area_m2, site)
                for site, region, area_m2 in zip(sites, regions, areas, strict=True)
            ]
    return features


def snap(geom: Polygon | MultiPolygon) -> Polygon | MultiPolygon:
    """Put coordinates on the export grid, keeping the geometry valid and RFC 7946-wound."""
    return oriented(shapely.set_precision(geom, GRID_DEG))


def dumps(features: Sequence[CoverageFeature], *, tolerance_m: float) -> str:
    """Serialise features exactly as the CLI writes them (one feature per line)."""
    return join_lines([feature_line(f) for f in features], tolerance_m=tolerance_m)


def feature_line(feature: CoverageFeature) -> str:
    """One feature as its line in the file: each line depends on its own feature only, so the
    app can cache lines per (site, range) and still write the CLI's bytes."""
    return json.dumps(_feature(feature), separators=(",", ":"), allow_nan=False)


def join_lines(lines: Sequence[str], *, tolerance_m: float) -> str:
    """The FeatureCollection around feature lines, with the generator and geodesic settings
    as foreign members."""
    head = {
        "type": "FeatureCollection",
        "generator": {"name": "inf-range-map", "version": __version__},
        "geodesy": {
            "ellipsoid": "WGS84",
            "method": "GeographicLib geodesics via pyproj.Geod",
            "tolerance_m": tolerance_m,
        },
    }
    opening = json.dumps(head, separators=(",", ":"))[:-1] + ',"features":['
    return opening + "\n" + ",\n".join(lines) + "\n]}\n"


def launch_area_feature(target: Target, range_km: float, *, tolerance_m: float) -> CoverageFeature:
    """The launch-area disk around ``target`` as an export feature (kind "launch_area").

    Raises:
        GeoInputError: the range or tolerance is out of range.
    """
    region = launch_area(target, range_km * 1000.0, tolerance_m=tolerance_m)
    band = Band(0.0, range_km)
    (area_m2,) = band_areas_m2([(target.lon, target.lat)], band)
    return CoverageFeature("launch_area", band, snap(region), area_m2, target=target)


def feature_properties(feature: CoverageFeature) -> dict[str, object]:
    """The properties every export format writes for a feature, in this order."""
    properties: dict[str, object] = {
        "kind": feature.kind,
        "range_km": feature.band.max_km,
        "min_range_km": feature.band.min_km,
        "area_km2": float(f"{feature.area_m2 / 1e6:.{AREA_DIGITS}g}"),
    }
    if feature.site is not None:
        properties |= {
            "site_name": feature.site.name,
            "site_lat": feature.site.lat,
            "site_lon": feature.site.lon,
        }
    if feature.target is not None:
        properties |= {
            "target_name": feature.target.name,
            "target_lat": feature.target.lat,
            "target_lon": feature.target.lon,
        }
    return properties


def _feature(feature: CoverageFeature) -> dict:
    return {
        "type": "Feature",
        "properties": feature_properties(feature),
        "geometry": _geometry(feature.geometry),
    }


def _geometry(geom: Polygon | MultiPolygon) -> dict:
    def ring(line: LinearRing) -> list[list[float]]:
        # Vertices are on the 1e-6° grid already (snap): rounding only trims the binary noise
        # so that json writes the short decimal; numpy's rounding gives the same floats there.
        return np.round(shapely.get_coordinates(line), COORD_DECIMALS).tolist()

    def polygon(p: Polygon) -> list[list[list[float]]]:
        return [ring(p.exterior)] + [ring(h) for h in p.interiors]

    if geom.is_empty:
        return {"type": "Polygon", "coordinates": []}
    if isinstance(geom, MultiPolygon):
        return {"type": "MultiPolygon", "coordinates": [polygon(p) for p in geom.geoms]}
    return {"type": "Polygon", "coordinates": polygon(geom)}
