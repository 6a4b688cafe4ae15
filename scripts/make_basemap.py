"""Write the offline basemaps the map fetches by URL: ``static/basemap-110m.geojson`` (the whole
world, fetched once per page) and ``static/basemap-50m/`` (1:50m in tiles of ``FINE_TILE_DEG``,
fetched only for the part of the world in view once the map is zoomed in).

Each file holds, in drawing order, the countries as unstroked polygons (properties: ``name``),
each with its fill ``color``, and one ``MultiLineString`` feature (properties: ``kind:
"borders"``) with every coastline and border drawn once. The ocean is not in the files: the map
draws it below them (frontend/src/basemap.js), on the globe as a sphere that hides the far side.
The lines leave out the
edges that are not on the ground: Natural Earth cuts Russia, Fiji and Antarctica at ±180° and
closes Antarctica along the South Pole, and an outline drawn along those cuts shows as a sliver
on the map and a line to the pole on the globe. The tiles' own cut edges are left out the same
way. Every edge is densified to at most ``MAX_EDGE_DEG``, so that on deck.gl's globe (which
draws an edge as a straight chord) no long edge cuts inside the sphere. 4 decimals (~11 m, far
below a pixel at the zooms each file is drawn at).

Run: .venv/bin/python -m scripts.make_basemap
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, box, mapping, shape
from shapely.geometry.base import BaseGeometry

from geo.style import LAND_COLOUR
from ui.layers import FINE_BASEMAP_DIR, FINE_TILE_DEG

ROOT = Path(__file__).resolve().parent.parent

MAX_EDGE_DEG = 2.0
# Natural Earth closes Antarctica at -89.99893°, not at -90.
POLE_LAT_DEG = 89.99
PRECISION = 4
Bounds = tuple[float, float, float, float]
WORLD: Bounds = (-180.0, -90.0, 180.0, 90.0)


def _is_cut(a: tuple[float, float], b: tuple[float, float], cell: Bounds) -> bool:
    """Whether the edge a-b runs along a cut: ±180°, a pole, or the edge of ``cell``."""
    if abs(a[1]) > POLE_LAT_DEG and abs(b[1]) > POLE_LAT_DEG:
        return True
    west, south, east, north = cell
    if a[0] == b[0] and a[0] in (-180.0, 180.0, west, east):
        return True
    return a[1] == b[1] and a[1] in (south, north)


def outlines(geometry: BaseGeometry, cell: Bounds) -> list[LineString]:
    """The polygons' rings as lines, less the edges along ±180°, a pole or ``cell``'s edge."""
    lines = []
    for polygon in getattr(geometry, "geoms", [geometry]):
        for ring in (polygon.exterior, *polygon.interiors):
            run: list[tuple[float, float]] = []
            coords = list(ring.coords)
            for a, b in itertools.pairwise(coords):
                if _is_cut(a, b, cell):
                    if len(run) > 1:
                        lines.append(LineString(run))
                    run = []
                    continue
                if not run:
                    run = [a]
                run.append(b)
            if len(run) > 1:
                lines.append(LineString(run))
    return lines


def _rounded(geometry: BaseGeometry) -> dict:
    geometry = shapely.segmentize(geometry, MAX_EDGE_DEG)
    # Vertices along a pole line all go to the pole itself: left a few metres apart, they made
    # needle triangles that the globe's back-face culling cannot tell apart, and the far side's
    # showed through as faint lines.
    geometry = shapely.transform(geometry, _to_pole)
    return mapping(shapely.set_precision(geometry, 10**-PRECISION, mode="pointwise"))


def _to_pole(xy):
    xy = xy.copy()
    near = abs(xy[:, 1]) > POLE_LAT_DEG
    xy[near, 1] = 90.0 * np.sign(xy[near, 1])
    return xy


def collection(countries: list[tuple[str, BaseGeometry]], cell: Bounds = WORLD) -> dict:
    """The countries as polygons, and one feature of their outlines, each border drawn once."""
    features = [
        {
            "type": "Feature",
            "properties": {"name": name, "color": list(LAND_COLOUR)},
            "geometry": _rounded(geometry),
        }
        for name, geometry in countries
    ]
    lines = [line for _, geometry in countries for line in outlines(geometry, cell)]
    if lines:
        # The union nodes the lines and keeps a border shared by two countries once.
        merged = shapely.line_merge(shapely.union_all(lines))
        parts = list(getattr(merged, "geoms", [merged]))
        features.append(
            {
                "type": "Feature",
                "properties": {"kind": "borders"},
                "geometry": _rounded(MultiLineString(parts)),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def countries_of(path: Path) -> list[tuple[str, BaseGeometry]]:
    source = json.loads(path.read_text())
    return [(f["properties"]["NAME"], shape(f["geometry"])) for f in source["features"]]


def write(target: Path, fc: dict) -> int:
    target.write_text(json.dumps(fc, separators=(",", ":")) + "\n")
    return target.stat().st_size


def tiles(countries: list[tuple[str, BaseGeometry]]):
    """``(name, collection)`` per tile of ``FINE_TILE_DEG``, named by its south-west corner;
    every tile is written, an empty one too, so the map never asks for a file that is not
    there."""
    for west in range(-180, 180, FINE_TILE_DEG):
        for south in range(-90, 90, FINE_TILE_DEG):
            cell = box(west, south, west + FINE_TILE_DEG, south + FINE_TILE_DEG)
            inside = []
            for name, geometry in countries:
                if not geometry.intersects(cell):
                    continue
                part = shapely.intersection(geometry, cell)
                polygons = [p for p in getattr(part, "geoms", [part]) if p.geom_type == "Polygon"]
                if polygons:
                    inside.append((name, shapely.MultiPolygon(polygons)))
            yield f"{west}_{south}", collection(inside, cell.bounds)


def build(static: Path) -> None:
    """Write both basemaps into the folder ``static``."""
    coarse = countries_of(ROOT / "data" / "ne_110m_admin_0_countries.geojson")
    target = static / "basemap-110m.geojson"
    print(f"wrote {target} ({write(target, collection(coarse)):,} bytes)")

    fine = countries_of(ROOT / "data" / "ne_50m_admin_0_countries.geojson")
    folder = static / FINE_BASEMAP_DIR
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.geojson"):
        old.unlink()
    sizes = {name: write(folder / f"{name}.geojson", fc) for name, fc in tiles(fine)}
    print(
        f"wrote {len(sizes)} tiles in {folder}: {sum(sizes.values()):,} bytes, "
        f"largest {max(sizes, key=sizes.get)} ({max(sizes.values()):,} bytes)"
    )


if __name__ == "__main__":
    build(ROOT / "static")
