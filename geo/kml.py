"""Coverage as KML and KMZ for Google Earth and other globes, written with fastkml.

A globe joins vertices by great circles and fills the smaller side of a closed ring, so the
RFC 7946 shapes cannot go in as they are: a disk larger than a hemisphere would come out as its
complement, and the edges along ±180° and the pole lines, which exist only on the flat chart,
would show. So each region is filled with pieces cut along meridians 30° apart, the equator and
the parallels at ±45°: each piece is far smaller than a hemisphere and spans under 90° of
latitude (CesiumJS cuts a polygon that does at the equator, and one with an edge already on the
equator then comes out twice, drawn doubly opaque). Pieces on either side of a cut share its
vertices, so in either reading they meet without a gap or an overlap. The outline is drawn
apart, as lines that follow the true boundary across ±180° in one piece. Every edge is densified
(:func:`geo.lines.densify_straight`) so its great-circle reading lies within the tolerance of
the straight one, which is what the GeoJSON holds.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence

import numpy as np
import pygeoif
import shapely
from fastkml import KML, Document, Placemark, Style
from fastkml.data import Data, ExtendedData
from fastkml.geometry import LineString, MultiGeometry
from fastkml.geometry import Polygon as KmlPolygon
from fastkml.styles import LineStyle, PolyStyle, StyleUrl
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from . import __version__
from .geojson import CoverageFeature, feature_properties
from .lines import densify_straight
from .model import COORD_DECIMALS, Band

_CELL_LON_DEG, _CELL_LAT_DEG = 30.0, 45.0
_WEST, _SOUTH = np.meshgrid(
    np.arange(-180.0, 180.0, _CELL_LON_DEG), np.arange(-90.0, 90.0, _CELL_LAT_DEG)
)
CELLS = shapely.box(_WEST, _SOUTH, _WEST + _CELL_LON_DEG, _SOUTH + _CELL_LAT_DEG).ravel()
# Fill opacity as KML's alpha byte: the rings stay readable over the globe's imagery.
_FILL_ALPHA = "59"  # about 35 %
_ON_EDGE_DEG = 1e-9


def kml_text(
    features: Sequence[CoverageFeature],
    *,
    tolerance_m: float,
    colours: Mapping[Band, str],
    sources: Mapping[Band, str],
) -> str:
    """The features as one KML document: a styled Placemark each, in order.

    Args:
        features: What the GeoJSON export writes (``coverage_features``, launch areas).
        tolerance_m: Largest gap between the two readings of an edge, in metres.
        colours: ``#RRGGBB`` per band, the app's palette; a band without one is drawn grey.
        sources: The source of each band's figure, written into the description.
    """
    bands = list(dict.fromkeys(f.band for f in features))
    style_ids = {band: f"ring-{i}" for i, band in enumerate(bands)}
    document = Document(
        name="INF Range Map",
        description=(
            f"Geodesic range rings on WGS84 (GeographicLib), inf-range-map {__version__}; "
            f"edges within {tolerance_m:g} m of the true boundary."
        ),
        styles=[_style(style_ids[b], colours.get(b, "#808080")) for b in bands],
        features=[
            _placemark(f, tolerance_m, style_ids[f.band], sources.get(f.band)) for f in features
        ],
    )
    return KML(features=[document]).to_string(prettyprint=True)


def kmz_bytes(kml: str) -> bytes:
    """A KMZ archive: the KML document as ``doc.kml`` in a zip (the format Google Earth reads)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("doc.kml", kml)
    return buffer.getvalue()


def fill_pieces(region: BaseGeometry) -> list[Polygon]:
    """The region cut into pieces none of which crosses a 30° meridian, the equator or ±45°."""
    pieces = shapely.intersection(region, CELLS)
    return [
        p
        for piece in pieces
        for p in getattr(piece, "geoms", [piece])
        if isinstance(p, Polygon) and not p.is_empty
    ]


def outline_paths(region: BaseGeometry) -> list[np.ndarray]:
    """The region's true boundary as (lon, lat) paths, without the chart's own edges along ±180°
    and the pole lines, joined where the boundary crosses ±180°.
    """
    runs: list[np.ndarray] = []
    for polygon in getattr(region, "geoms", [region]):
        if polygon.is_empty:
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            runs += _true_runs(np.asarray(ring.coords))
    return _join_at_antimeridian(runs)


def _true_runs(coords: np.ndarray) -> list[np.ndarray]:
    """The runs of a closed ring's edges that are not on ±180° or a pole line."""
    a, b = coords[:-1], coords[1:]
    on_cut = (np.abs(np.abs(a[:, 0]) - 180.0) < _ON_EDGE_DEG) & (
        np.abs(a[:, 0] - b[:, 0]) < _ON_EDGE_DEG
    )
    on_pole = (np.abs(np.abs(a[:, 1]) - 90.0) < _ON_EDGE_DEG) & (
        np.abs(a[:, 1] - b[:, 1]) < _ON_EDGE_DEG
    )
    keep = ~(on_cut | on_pole)
    if keep.all():
        return [coords]
    # Start after an edge that is dropped, so no run is split at the ring's first vertex.
    shift = int(np.flatnonzero(~keep)[0]) + 1
    keep = np.roll(keep, -shift)
    vertices = np.roll(coords[:-1], -shift, axis=0)
    runs, start = [], None
    for i, kept in enumerate(keep):
        if kept and start is None:
            start = i
        if not kept and start is not None:
            runs.append(vertices[start : i + 1])
            start = None
    if start is not None:
        runs.append(np.vstack([vertices[start:], vertices[:1]]))
    return runs


def _join_at_antimeridian(runs: list[np.ndarray]) -> list[np.ndarray]:
    """Chain runs where one ends on ±180° and another starts at the same point on ∓180°."""

    def key(point: np.ndarray) -> tuple[float, float] | None:
        if abs(abs(point[0]) - 180.0) >= _ON_EDGE_DEG:
            return None
        return (float(np.sign(point[0])), round(float(point[1]), 9))

    starts = {key(run[0]): i for i, run in enumerate(runs) if key(run[0]) is not None}
    used: set[int] = set()
    paths = []
    for i in range(len(runs)):
        if i in used:
            continue
        used.add(i)
        path = [runs[i]]
        while (end := key(path[-1][-1])) is not None:
            j = starts.get((-end[0], end[1]))
            if j is None:
                break
            if j == i:  # back where it started: a ring cut only by the antimeridian
                path.append(runs[i][:1])
                break
            if j in used:
                break
            used.add(j)
            path.append(runs[j])
        paths.append(np.vstack(path))
    return paths


def _placemark(
    feature: CoverageFeature, tolerance_m: float, style_id: str, source: str | None
) -> Placemark:
    parts: list[KmlPolygon | LineString] = []
    for piece in fill_pieces(feature.geometry):
        rings = [
            _dense(np.asarray(r.coords)[:-1], tolerance_m, closed=True)
            for r in (piece.exterior, *piece.interiors)
        ]
        rings = [_coords(np.vstack([r, r[:1]])) for r in rings]
        parts.append(KmlPolygon(tessellate=True, geometry=pygeoif.Polygon(rings[0], rings[1:])))
    for path in outline_paths(feature.geometry):
        closed = len(path) > 2 and np.array_equal(path[0], path[-1])
        dense = _dense(path[:-1] if closed else path, tolerance_m, closed=closed)
        if closed:
            dense = np.vstack([dense, dense[:1]])
        parts.append(LineString(tessellate=True, geometry=pygeoif.LineString(_coords(dense))))
    properties = feature_properties(feature)
    return Placemark(
        name=feature.name,
        description=_description(feature, source),
        style_url=StyleUrl(url=f"#{style_id}"),
        extended_data=ExtendedData(
            elements=[Data(name=k, value=str(v)) for k, v in properties.items()]
        ),
        kml_geometry=MultiGeometry(kml_geometries=parts),
    )


def _dense(coords: np.ndarray, tolerance_m: float, *, closed: bool) -> np.ndarray:
    lons, lats = densify_straight(coords[:, 0], coords[:, 1], tolerance_m, closed=closed)
    return np.column_stack([lons, lats])


def _coords(xy: np.ndarray) -> list[tuple[float, float]]:
    # On the export grid (1e-6°, ~0.1 m) like the GeoJSON: added vertices need no more digits.
    return [(x, y) for x, y in np.round(xy, COORD_DECIMALS).tolist()]


def _description(feature: CoverageFeature, source: str | None) -> str:
    lines = [feature.name + "."]
    if source:
        lines.append(f"Range: {source}")
    if feature.site is not None and feature.site.source:
        lines.append(f"Site: {feature.site.source}")
    return "\n".join(lines)


def _style(style_id: str, colour: str) -> Style:
    """Outline in the ring's colour; the fill in the same colour, translucent, and no polygon
    outline, which would show the cuts between fill pieces."""
    rr, gg, bb = colour[1:3], colour[3:5], colour[5:7]
    return Style(
        id=style_id,
        styles=[
            LineStyle(color=f"ff{bb}{gg}{rr}".lower(), width=2.0),
            PolyStyle(color=f"{_FILL_ALPHA}{bb}{gg}{rr}".lower(), fill=True, outline=False),
        ],
    )
