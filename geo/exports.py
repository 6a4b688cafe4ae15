"""One set of features, four files: GeoJSON, KML, KMZ and GeoPackage, as bytes.

The CLI writes these bytes and the app offers them for download, so both give the same files.
The GeoPackage holds the GeoJSON's features with the same properties (written through GDAL
by pyogrio); the KML holds the same regions, cut for globes (:mod:`geo.kml`).
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import geopandas
from shapely.geometry import MultiPolygon

from .errors import GeoInputError
from .geojson import CoverageFeature, dumps, feature_properties
from .kml import kml_text, kmz_bytes
from .model import Band

EXPORT_FORMATS = ("geojson", "kml", "kmz", "gpkg")
MEDIA_TYPES = {
    "geojson": "application/geo+json",
    "kml": "application/vnd.google-earth.kml+xml",
    "kmz": "application/vnd.google-earth.kmz",
    "gpkg": "application/geopackage+sqlite3",
}
GPKG_LAYER = "coverage"


def format_for(path: str, fmt: str | None) -> str:
    """The export format: ``fmt`` if given, else the output file's extension; GeoJSON on
    standard output (``-``).

    Raises:
        GeoInputError: an unknown format, or no format and an extension that names none.
    """
    wanted = fmt if fmt is not None else Path(path).suffix.lower().removeprefix(".")
    if fmt is None and (path == "-" or wanted == "json"):
        wanted = "geojson"
    if wanted not in EXPORT_FORMATS:
        given = f"format {fmt!r}" if fmt is not None else f"output {path!r}"
        raise GeoInputError(f"{given}: the formats are {', '.join(EXPORT_FORMATS)}")
    return wanted


def export_bytes(
    features: Sequence[CoverageFeature],
    fmt: str,
    *,
    tolerance_m: float,
    colours: Mapping[Band, str] | None = None,
    sources: Mapping[Band, str] | None = None,
) -> bytes:
    """The features as a file of format ``fmt`` (one of ``EXPORT_FORMATS``).

    ``colours`` (``#RRGGBB`` per band) and ``sources`` style and describe the KML and KMZ.
    """
    if fmt == "geojson":
        return dumps(features, tolerance_m=tolerance_m).encode("utf-8")
    if fmt in ("kml", "kmz"):
        text = kml_text(
            features, tolerance_m=tolerance_m, colours=colours or {}, sources=sources or {}
        )
        return text.encode("utf-8") if fmt == "kml" else kmz_bytes(text)
    if fmt == "gpkg":
        return _gpkg_bytes(features)
    known = ", ".join(EXPORT_FORMATS)
    raise GeoInputError(f"unknown export format {fmt!r}: the formats are {known}")


def _gpkg_bytes(features: Sequence[CoverageFeature]) -> bytes:
    frame = geopandas.GeoDataFrame(
        [feature_properties(f) for f in features],
        # One geometry type for the layer, as GeoPackage readers expect.
        geometry=[_multi(f.geometry) for f in features],
        crs="EPSG:4326",
    )
    # SQLite needs a real file; it lives only as long as this call.
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "coverage.gpkg"
        frame.to_file(path, driver="GPKG", layer=GPKG_LAYER, engine="pyogrio")
        return path.read_bytes()


def _multi(geom):
    return geom if isinstance(geom, MultiPolygon) else MultiPolygon([] if geom.is_empty else [geom])
