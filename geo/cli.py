"""Command line: ``python -m geo export``, ``reach``, ``places`` and ``figure``.

``export`` and ``reach`` run the same code as the app's downloads and target card. Bad input
gets one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence
from pathlib import Path

from .coverage import DEFAULT_TOLERANCE_M
from .data import find_preset, find_target, places, system, systems
from .errors import GeoInputError, require_band_m, require_radius_m, require_tolerance_m
from .exports import export_bytes, format_for
from .files import OutputError, write_output
from .geojson import coverage_features, launch_area_feature
from .model import Band, LaunchSite
from .places import places_in_range, to_safe_csv
from .reach import Target, parse_target, reach_table
from .scenario import rings_for_bands
from .style import ring_colours
from .text import clean_text

EXIT_USAGE = 2


def parse_site(text: str) -> LaunchSite:
    """``LAT,LON[,NAME]`` or the name of a preset site from ``data/sites.csv``.

    Raises:
        GeoInputError: malformed numbers, coordinates out of range or an unknown name.
    """
    parts = [p.strip() for p in text.split(",", 2)]
    if len(parts) >= 2 and _looks_numeric(parts[0]) and _looks_numeric(parts[1]):
        lat, lon = _number(parts[0], "latitude"), _number(parts[1], "longitude")
        name = clean_text(parts[2]) if len(parts) == 3 else ""
        return LaunchSite(name=name or f"{lat:g}, {lon:g}", lat=lat, lon=lon)
    return find_preset(text)


def parse_band(text: str) -> Band:
    """``MIN:MAX`` in km, e.g. ``500:5500``.

    Raises:
        GeoInputError: not two numbers, or an invalid band.
    """
    lo, sep, hi = text.partition(":")
    if not sep:
        raise GeoInputError(f"band must be MIN:MAX in km, got {text!r}")
    min_km, max_km = _number(lo, "band minimum"), _number(hi, "band maximum")
    require_band_m(min_km * 1000.0, max_km * 1000.0)
    return Band(min_km, max_km)


def parse_range(text: str) -> Band:
    """A range in km, e.g. ``480``.

    Raises:
        GeoInputError: not a number, <= 0 or beyond the antipodal limit.
    """
    km = _number(text, "range")
    require_radius_m(km * 1000.0)
    return Band(0.0, km)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except GeoInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OutputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE


def target_of(text: str) -> Target:
    """``LAT,LON[,NAME]`` or a place name from the gazetteer.

    Raises:
        GeoInputError: bad coordinates, or no place of that name.
    """
    return parse_target(text, find_target)


def _export(args: argparse.Namespace) -> int:
    fmt = format_for(args.output, args.format)
    tolerance_m = require_tolerance_m(args.tolerance_m)
    bands = _bands(args)
    if args.launch_area:
        if args.target is None:
            raise GeoInputError("--launch-area needs --target=LAT,LON[,NAME] or a place name")
        if any(band.kind == "band" for band in bands):
            raise GeoInputError("--launch-area takes --range-km, not --band")
        target = target_of(args.target)
        features = [launch_area_feature(target, b.max_km, tolerance_m=tolerance_m) for b in bands]
    else:
        if not args.site:
            raise GeoInputError("give at least one --site (or --launch-area with --target)")
        sites = [parse_site(s) for s in args.site]
        features = coverage_features(sites, bands, union=args.union, tolerance_m=tolerance_m)
    colours, sources = ({}, {}) if fmt in ("geojson", "gpkg") else _ring_styles(bands)
    data = export_bytes(features, fmt, tolerance_m=tolerance_m, colours=colours, sources=sources)
    write_output(args.output, data)
    return 0


def _ring_styles(bands: Sequence[Band]) -> tuple[dict[Band, str], dict[Band, str]]:
    """Colour and source per band, as the map and the figure give them (``geo.style``)."""
    rings = rings_for_bands(bands, [system(name) for name in systems()["name"]])
    return ring_colours(rings), {ring.band: ring.source for ring in rings}


def _reach(args: argparse.Namespace) -> int:
    fmt = _text_format(args.format)
    target = target_of(args.target)
    sites = [parse_site(s) for s in args.site]
    ranges_km = [parse_range(text).max_km for text in args.range_km]
    table = reach_table(target, sites, ranges_km).round({"distance_km": 3, "azimuth_deg": 3})
    _write_table(args.output, table, fmt)
    return 0


def _text_format(fmt: str) -> str:
    if fmt not in ("csv", "json"):
        raise GeoInputError(f"format must be csv or json, got {fmt!r}")
    return fmt


def _write_table(path: str, table, fmt: str) -> None:
    """A table as JSON records or as CSV safe to open in a spreadsheet."""
    if fmt == "json":
        text = table.to_json(orient="records", force_ascii=False, indent=1) + "\n"
    else:
        text = to_safe_csv(table)
    write_output(path, text.encode())


def _bands(args: argparse.Namespace) -> list[Band]:
    """The ranges and bands in the order given: it is the order of the features written."""
    parse = {"range": parse_range, "band": parse_band}
    bands = [parse[kind](text) for kind, text in args.ranges]
    if not bands:
        raise GeoInputError("give at least one --range-km or --band")
    return bands


def _places(args: argparse.Namespace) -> int:
    fmt = _text_format(args.format)
    sites = [parse_site(s) for s in args.site]
    band = parse_range(args.range_km)
    table = places_in_range(sites, places(), band.max_km * 1000.0, capitals_only=args.capitals)
    _write_table(args.output, table, fmt)
    return 0


def _figure(args: argparse.Namespace) -> int:
    # Imported here so that only this command pays for loading matplotlib.
    from .figure import FORMATS, render_figure

    sites = [parse_site(s) for s in args.site]
    bands = _bands(args)
    fmt = Path(args.output).suffix.lower().removeprefix(".")
    if fmt not in FORMATS:
        raise GeoInputError(f"output must end in .png, .svg or .pdf, got {args.output!r}")
    buffer = io.BytesIO()
    render_figure(
        sites,
        rings_for_bands(bands, [system(name) for name in systems()["name"]]),
        buffer,
        fmt=fmt,
        size=args.size,
        projection=args.projection,
        title=clean_text(args.title) if args.title else None,
        tolerance_m=require_tolerance_m(args.tolerance_m),
    )
    write_output(args.output, buffer.getvalue())
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m geo", description="Geodesic range rings on WGS84 (INF Range Map)."
    )
    sub = parser.add_subparsers(required=True, metavar="COMMAND")
    site_help = (
        "LAT,LON[,NAME] (use --site=LAT,LON for negative values) or a name from data/sites.csv"
    )
    target_help = "LAT,LON[,NAME] (use --target=LAT,LON for negative values) or a place name"

    export = sub.add_parser(
        "export", help="write coverage or a launch area as GeoJSON, KML, KMZ or GeoPackage"
    )
    _coverage_arguments(export, site_help, site_required=False)
    export.add_argument("--union", action="store_true", help="one merged feature per range or band")
    export.add_argument(
        "--launch-area",
        action="store_true",
        help="the region a launcher with each --range-km could reach --target from",
    )
    export.add_argument("--target", metavar="LAT,LON[,NAME]|PLACE", help=target_help)
    export.add_argument(
        "--format",
        metavar="geojson|kml|kmz|gpkg",
        help="file format (default: from the -o extension)",
    )
    export.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="output file, - for stdout"
    )
    export.set_defaults(run=_export)

    reach = sub.add_parser("reach", help="distance and azimuth from every site to a target")
    reach.add_argument("--target", required=True, metavar="LAT,LON[,NAME]|PLACE", help=target_help)
    reach.add_argument("--site", action="append", required=True, help=site_help)
    reach.add_argument(
        "--range-km", action="append", default=[], metavar="KM", help="adds reaches_<KM>km"
    )
    reach.add_argument("--format", default="csv", metavar="csv|json")
    reach.add_argument(
        "-o", "--output", default="-", metavar="FILE", help="output file (default stdout)"
    )
    reach.set_defaults(run=_reach)

    near = sub.add_parser("places", help="populated places within range, nearest first")
    near.add_argument("--site", action="append", required=True, help=site_help)
    near.add_argument("--range-km", required=True, metavar="KM", help="range in km")
    near.add_argument("--capitals", action="store_true", help="national capitals only")
    near.add_argument("--format", default="csv", metavar="csv|json")
    near.add_argument(
        "-o", "--output", default="-", metavar="FILE", help="output file (default stdout)"
    )
    near.set_defaults(run=_places)

    figure = sub.add_parser("figure", help="static map of the rings: PNG, SVG or PDF")
    _coverage_arguments(figure, site_help)
    figure.add_argument(
        "--projection",
        default="aeqd",
        metavar="aeqd|ortho",
        help="azimuthal equidistant (default) or orthographic globe",
    )
    figure.add_argument(
        "--size", default="web", metavar="web|print", help="1600x1000 px (default) or A4, 300 dpi"
    )
    figure.add_argument("--title", help="headline naming the system or claim")
    figure.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="map.png, map.svg or map.pdf"
    )
    figure.set_defaults(run=_figure)
    return parser


def _coverage_arguments(
    parser: argparse.ArgumentParser, site_help: str, *, site_required: bool = True
) -> None:
    """The site, range, band and tolerance options that ``export`` and ``figure`` share."""
    parser.add_argument("--site", action="append", required=site_required, help=site_help)
    # One list for both options, so features come in the order the ranges were given.
    parser.add_argument(
        "--range-km",
        action="append",
        dest="ranges",
        default=[],
        type=lambda text: ("range", text),
        metavar="KM",
        help="disk radius in km",
    )
    parser.add_argument(
        "--band",
        action="append",
        dest="ranges",
        type=lambda text: ("band", text),
        metavar="MIN:MAX",
        help="band in km",
    )
    parser.add_argument(
        "--tolerance-m",
        type=float,
        default=DEFAULT_TOLERANCE_M,
        metavar="M",
        help=f"largest edge-to-circle distance in metres (default {DEFAULT_TOLERANCE_M:g}, min 1)",
    )


def _looks_numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _number(text: str, what: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise GeoInputError(f"{what} must be a number, got {text.strip()!r}") from None
