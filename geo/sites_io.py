"""Import a user's own launch sites from pasted text or an uploaded file (CSV or GeoJSON).

Pure: no UI imports. Only the whole-input limits raise (:class:`GeoInputError`); every other
problem becomes a :class:`RowError`, so one bad row never costs the user the rest of the file.

Design decisions:

* Separator: sniffed from the first non-empty line outside its quoted fields; tab wins over
  ``;``, which wins over ``,`` (a ``;`` file usually carries decimal commas, so its commas must
  not split fields).
* Header: the first row is a header if it names a known column, or if neither its 2nd nor its
  3rd field has a digit (a header in another language); else it is data, and a bad coordinate
  in it is that row's error. A headerless file is ``name,lat,lon``.
* Quotes: a quote left open would swallow the rest of the file into one field. A field that
  runs over a line end and holds the separator after it is taken for one: that row is reported
  and the lines after it are read as rows of their own. A header without a lat or lon
  column refuses the file with one error at its row: guessed columns could misplace sites.
* Duplicates: a row that is the same site as an earlier one (``LaunchSite.key``: the same name
  and position to 1e-6°) is dropped with an error naming that row; the same name at other
  coordinates is kept and renamed ``"Name (2)"``, ``"Name (3)"`` … so that every site has its
  own label on the map.
* Lat/lon are never swapped silently; a latitude beyond ±90 that would fit swapped gets a hint.
* Each coordinate cell is read by :mod:`geo.coordinates` (decimals and degrees-minutes-seconds);
  this module only checks the range, after both axes are read, so it can give that hint.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass, replace

from .coordinates import check_position, parse_degrees
from .errors import GeoInputError, show_value
from .model import LaunchSite, SiteKey
from .text import clean_text

MAX_IMPORT_BYTES = 1_000_000
MAX_IMPORT_SITES = 500
MAX_NAME_CHARS = 120

_COLUMNS = {
    **dict.fromkeys(("name", "site", "title"), "name"),
    **dict.fromkeys(("lat", "latitude"), "lat"),
    **dict.fromkeys(("lon", "longitude", "lng", "long"), "lon"),
    "role": "role",
    "source": "source",
}
_HEADERLESS = {"name": 0, "lat": 1, "lon": 2}
# Rows of nothing but separators and whitespace (of any sniffed dialect) are skipped silently.
_NO_SEPARATORS = str.maketrans("", "", ",;\t")
_QUOTED = re.compile(r'"(?:[^"]|"")*"')


@dataclass(frozen=True)
class RowError:
    """A row (CSV line number, header included) or GeoJSON feature number that was not imported."""

    row: int
    message: str


@dataclass(frozen=True)
class ImportResult:
    """Sites imported in file order, and the rows that were left out."""

    sites: tuple[LaunchSite, ...]
    errors: tuple[RowError, ...]


def parse_sites(
    data: bytes | str, *, max_bytes: int = MAX_IMPORT_BYTES, max_sites: int = MAX_IMPORT_SITES
) -> ImportResult:
    """Read launch sites from CSV (``name,lat,lon[,role,source]``) or GeoJSON Points.

    Args:
        data: Uploaded bytes (UTF-8, UTF-16 with BOM, else cp1252) or pasted text.
        max_bytes: Largest accepted input in bytes (UTF-8 bytes for text).
        max_sites: Largest accepted number of data rows or features.

    Returns:
        The valid sites in order, and one error per row that was left out.

    Raises:
        GeoInputError: The whole input is refused: more than ``max_bytes`` bytes or more than
            ``max_sites`` data rows/features. Nothing else raises.
    """
    size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise GeoInputError(
            f"file is {size:,} bytes; the limit is {max_bytes:,} bytes ({max_bytes / 1e6:g} MB)"
        )
    text = _decode(data) if isinstance(data, bytes) else data.removeprefix("\ufeff")
    if text.lstrip().startswith("{"):
        entries, errors = _read_geojson(text, max_sites)
        word = "feature"
    else:
        entries, errors = _read_csv(text, max_sites)
        word = "row"
    sites, duplicates = _dedupe(entries, word)
    return ImportResult(tuple(sites), tuple(sorted(errors + duplicates, key=lambda e: e.row)))


def _decode(data: bytes) -> str:
    # Excel's "Unicode text" export is UTF-16 with a BOM; older Windows tools write cp1252.
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_csv(text: str, max_sites: int) -> tuple[list[tuple[int, LaunchSite]], list[RowError]]:
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    outside_quotes = _QUOTED.sub("", first_line)
    delimiter = next((d for d in "\t;" if d in outside_quotes), ",")
    # The csv module's line ends (str.splitlines also splits at \x1c-\x1e, \x85, \u2028…).
    lines = _Lines(io.StringIO(text, newline="").readlines())
    errors: list[RowError] = []
    first = _next_record(lines, delimiter, errors)
    if first is None:
        return [], errors
    columns, width = _HEADERLESS, 3
    if _is_header(first[1]):
        header_row, names = first[0], first[1]
        columns = {}
        for index, name in enumerate(names):
            if key := _COLUMNS.get(name.lower()):
                columns.setdefault(key, index)
        missing = [axis for axis in ("lat", "lon") if axis not in columns]
        if missing:
            shown = ", ".join(map(show_value, names[:5]))
            message = (
                f"row {header_row}: read as a header (it names a column, or its 2nd and 3rd "
                f"fields have no digit) but {shown} has no {' or '.join(missing)} column;"
                " expected name, lat, lon (optional role, source)"
            )
            return [], [*errors, RowError(header_row, message)]
        width = len(names)
        first = _next_record(lines, delimiter, errors)
    entries = []
    data_rows = 0
    record = first
    while record is not None:
        row, cells, start = record
        data_rows += 1
        try:
            entries.append((row, _csv_site(cells, columns, width, delimiter)))
        except GeoInputError as exc:
            if lines.next_index - start > 1:
                # A quoted field ran over line ends and the row is bad: most likely a quote
                # left open, which would swallow the rows after it. Read those on their own.
                message = f'row {row}: a quote (") in it is not closed; the next lines are rows'
                lines.next_index = start + 1
            else:
                message = f"row {row}: {exc}"
            errors.append(RowError(row, message))
        record = _next_record(lines, delimiter, errors)
    _check_count(data_rows, max_sites)
    return entries, errors


def _next_record(
    lines: _Lines, delimiter: str, errors: list[RowError]
) -> tuple[int, list[str], int] | None:
    """The next non-blank record: its row (the line it starts on), cells and line index."""
    while lines.next_index < len(lines.lines):
        start = lines.next_index
        row = start + 1
        # A reader per record, so that reading can go on at any line after an unclosed quote.
        try:
            cells = next(csv.reader(lines, delimiter=delimiter))
        except StopIteration:
            return None
        except csv.Error as exc:  # e.g. a field beyond the csv module's 128 KiB field limit
            errors.append(RowError(row, f"row {row}: {exc}"))
            continue
        if "".join(cells).translate(_NO_SEPARATORS).strip():
            return row, [cell.strip() for cell in cells], start
    return None


class _Lines:
    """The lines of a text, read one at a time from ``next_index`` (which may be moved)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.next_index = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.next_index >= len(self.lines):
            raise StopIteration
        self.next_index += 1
        return self.lines[self.next_index - 1]


def _is_header(cells: list[str]) -> bool:
    if any(cell.lower() in _COLUMNS for cell in cells):
        return True
    return not any(char.isdigit() for cell in cells[1:3] for char in cell)


def _csv_site(cells: list[str], columns: dict[str, int], width: int, delimiter: str) -> LaunchSite:
    used = max(i + 1 for i, cell in enumerate(cells) if cell)
    if used > width:
        hint = " (decimal commas need quotes or ';' as separator)" if delimiter == "," else ""
        raise GeoInputError(f"has {used} columns, expected {width}{hint}")

    def cell(key: str) -> str:
        index = columns.get(key)
        return cells[index] if index is not None and index < len(cells) else ""

    lat, lon = parse_degrees(cell("lat"), "lat"), parse_degrees(cell("lon"), "lon")
    return _make_site(cell("name"), lat, lon, cell("role"), cell("source"))


def _read_geojson(text: str, max_sites: int) -> tuple[list[tuple[int, LaunchSite]], list[RowError]]:
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as exc:  # RecursionError: absurdly deep nesting
        return [], [RowError(1, f"invalid JSON: {exc}")]
    kind = doc.get("type") if isinstance(doc, dict) else None
    if kind == "FeatureCollection":
        features = doc.get("features")
        if not isinstance(features, list):
            return [], [RowError(1, "the FeatureCollection has no list of features")]
    elif kind == "Feature":
        features = [doc]
    elif kind == "Point":
        features = [{"type": "Feature", "geometry": doc}]
    else:
        message = f"GeoJSON type {show_value(kind)} is not a FeatureCollection, Feature or Point"
        return [], [RowError(1, message)]
    _check_count(len(features), max_sites)
    entries, errors = [], []
    for number, feature in enumerate(features, start=1):
        try:
            entries.append((number, _feature_site(feature)))
        except GeoInputError as exc:
            errors.append(RowError(number, f"feature {number}: {exc}"))
    return entries, errors


def _feature_site(feature: object) -> LaunchSite:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise GeoInputError("is not a GeoJSON Feature")
    geometry = feature.get("geometry")
    if not isinstance(geometry, dict):
        raise GeoInputError("has no geometry")
    if geometry.get("type") != "Point":
        raise GeoInputError(f"geometry type {str(geometry.get('type'))[:40]} is not a Point")
    coords = geometry.get("coordinates")
    if not isinstance(coords, list) or len(coords) < 2:
        raise GeoInputError(f"Point coordinates must be [lon, lat], got {show_value(coords)}")
    lon, lat = _json_number(coords[0], "longitude"), _json_number(coords[1], "latitude")
    props = feature.get("properties")
    props = props if isinstance(props, dict) else {}

    def text(*keys: str) -> str:
        # Only strings are taken; a number or object as a name falls back to the default name.
        return next((props[k] for k in keys if isinstance(props.get(k), str)), "")

    return _make_site(text("name", "title"), lat, lon, text("role"), text("source"))


def _json_number(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise GeoInputError(f"{what} {show_value(value)} is not a number")
    try:
        number = float(value)
    except OverflowError:  # a JSON integer with hundreds of digits
        number = math.inf
    if not math.isfinite(number):
        raise GeoInputError(f"{what} {show_value(value)} is not a finite number")
    return number


def _make_site(name: str, lat: float, lon: float, role: str, source: str) -> LaunchSite:
    check_position(lat, lon)
    return LaunchSite(
        name=site_name(name, lat, lon),
        lat=lat,
        lon=lon,
        role=clean_text(role),
        source=clean_text(source),
    )


def _dedupe(
    entries: list[tuple[int, LaunchSite]], word: str
) -> tuple[list[LaunchSite], list[RowError]]:
    first: dict[SiteKey, int] = {}
    taken: set[str] = set()
    sites, errors = [], []
    for number, site in entries:
        key = site.key
        if key in first:
            message = f"{word} {number}: duplicates {word} {first[key]} ({site.name})"
            errors.append(RowError(number, message))
            continue
        first[key] = number
        name, n = site.name, 2
        while name in taken:
            suffix = f" ({n})"
            name, n = site.name[: MAX_NAME_CHARS - len(suffix)].rstrip() + suffix, n + 1
        taken.add(name)
        sites.append(replace(site, name=name))
    return sites, errors


def _check_count(count: int, max_sites: int) -> None:
    if count > max_sites:
        raise GeoInputError(f"file has {count:,} sites; the limit is {max_sites:,} sites")


def site_name(text: str, lat: float, lon: float) -> str:
    """A user's site name made safe to show (:func:`geo.text.clean_text`), at most
    MAX_NAME_CHARS.

    ``<``, ``>`` and quotes are kept: escaping is the display's job.
    """
    return clean_text(text)[:MAX_NAME_CHARS].rstrip() or auto_site_name(lat, lon)


def auto_site_name(lat: float, lon: float) -> str:
    """The name a site gets when nobody named it: where it is, e.g. "Site at 52.52, 13.405".

    >>> auto_site_name(52.52, 13.405)
    'Site at 52.52, 13.405'
    """
    return f"Site at {lat:g}, {lon:g}"


def is_auto_named(site: LaunchSite) -> bool:
    """Whether ``site``'s name is the automatic one for its position: a name that only says
    where the site is, which must follow the site when it moves (a name someone gave stays)."""
    return site.name == auto_site_name(site.lat, site.lon)
