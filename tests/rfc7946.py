"""An independent check that a geometry is what RFC 7946 asks for."""

from __future__ import annotations

import shapely
from shapely.geometry import MultiPolygon, Polygon


def problems(geom: Polygon | MultiPolygon) -> list[str]:
    """Every RFC 7946 rule the geometry breaks (empty when it is valid)."""
    found = []
    if not geom.is_valid:
        found.append(f"invalid: {shapely.is_valid_reason(geom)}")
    for polygon in getattr(geom, "geoms", [geom]):
        if not shapely.is_ccw(polygon.exterior):
            found.append("exterior ring is clockwise")
        found += ["hole is counter-clockwise" for h in polygon.interiors if shapely.is_ccw(h)]
        for ring in [polygon.exterior, *polygon.interiors]:
            for (x0, y0), (x1, y1) in zip(ring.coords[:-1], ring.coords[1:], strict=True):
                if not (-180 <= x0 <= 180 and -90 <= y0 <= 90):
                    found.append(f"coordinate out of range: {x0}, {y0}")
                # An edge may span longitude only along a pole line, where it has no length.
                if abs(x1 - x0) > 180 and not (y0 == y1 and abs(y0) == 90):
                    found.append(f"edge jumps the antimeridian: {x0},{y0} -> {x1},{y1}")
    return found
