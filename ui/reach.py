"""Can it reach X? The target search and card, the launch area and the disputed strip.

The numbers come from ``geo`` (``site_distances``, ``ring_reach``, ``systems_reaching``); the
launch area is the geodesic disk around the target and the strip is the band between two rings
with the one meaning bands have everywhere, so the shading, the card and the tables agree. State
lives in ``st.session_state`` (``target``, ``launch_km``, ``strip_km``) and in the link.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import streamlit as st

from geo import (
    MEDIA_TYPES,
    Band,
    GeoInputError,
    LaunchSite,
    MeasuredLine,
    RingSpec,
    Target,
    data,
    measure,
    parse_coordinate,
    ring_outlines,
    ring_reach,
    site_distances,
    systems_reaching,
)
from ui import compute
from ui.edits import measure_points, target_point
from ui.panels import TABLE_MAX_ROWS
from ui.table import Column, sortable_table
from ui.text import plain

# Okabe-Ito, apart from the ring colours: the target and its launch area in black and orange,
# the strip in sky blue.
TARGET_COLOUR = [0, 0, 0]
LAUNCH_COLOUR = [230, 159, 0]
STRIP_COLOUR = [86, 180, 233]
MEASURE_COLOUR = [0, 0, 0]
_FILL_ALPHA = 70
MATCHES = 8
SITE_TABLE = (
    Column("site_name", "site"),
    Column("distance_km", "distance (km)", "{:,.1f}".format),
    Column("azimuth_deg", "azimuth (°)", "{:.1f}".format),
)
STRIP_TABLE = (
    Column("name", "name"),
    Column("country", "country"),
    Column("population", "population", "{:,.0f}".format),
    Column("distance_km", "km", "{:,.1f}".format),
)
SYSTEM_TABLE = (
    Column("system", "system"),
    Column("figure", "figure"),
    Column("range_km", "km", "{:,.0f}".format),
    Column("verdict", "reaches? (margin)"),
)


def map_fills(centers: tuple, view: str) -> list[dict]:
    """Shaded launch area and strip for the map's band layer (the fills the exports hold)."""
    fills = []
    target, launch_km = st.session_state.get("target"), st.session_state.get("launch_km")
    if target is not None and launch_km is not None:
        colour = (*LAUNCH_COLOUR, _FILL_ALPHA)
        fills.append(
            compute.fill_feature(((target.lon, target.lat),), Band(0.0, launch_km), colour, view)
        )
    strip = st.session_state.get("strip_km")
    if strip is not None and centers:
        colour = (*STRIP_COLOUR, _FILL_ALPHA + 60)
        fills.append(compute.fill_feature(centers, Band(*strip), colour, view))
    return fills


def take_measure(edit: dict) -> tuple[bool, str]:
    """Keep the measure the map sent; ``(ok, message)`` for the map's status line."""
    try:
        a, b = measure_points(edit)
    except ValueError as exc:
        return False, f"The measure was ignored: {exc}."
    st.session_state.measure = (a, b)
    return True, measure_text(measured())


def take_target(edit: dict) -> tuple[bool, str]:
    """Make the point picked on the map the target, as the search does; ``(ok, message)``
    for the map's status line (a bad point changes nothing)."""
    try:
        lat, lon = target_point(edit)
    except ValueError as exc:
        return False, f"The target was ignored: {exc}."
    _set_target(_coordinate_target(lat, lon))
    # The search box no longer names the target: emptied, with its error and other matches.
    st.session_state.target_query = ""
    st.session_state.target_error = ""
    st.session_state.target_matches = []
    return True, f"Target set at {lat:.4f}°, {lon:.4f}°."


def measured() -> MeasuredLine | None:
    """The geodesic between the two points measured on the map, if any."""
    ends = st.session_state.get("measure")
    if ends is None:
        return None
    (lat_a, lon_a), (lat_b, lon_b) = ends
    return measure((lon_a, lat_a), (lon_b, lat_b), tolerance_m=compute.TOLERANCE_M)


def measure_text(line: MeasuredLine) -> str:
    """Length and both azimuths, as the map's status line and the caption say them."""
    return (
        f"Measured {line.length_m / 1000:,.1f} km along the geodesic: azimuth "
        f"{line.azimuth_a_deg:.1f}° at the first point, {line.azimuth_b_deg:.1f}° at the second."
    )


def measure_panel() -> None:
    """The measured line's numbers under the map, and a button to clear it."""
    line = measured()
    if line is None:
        st.caption("Measure: press Measure on the map, then click two points or drag from one.")
        return
    st.markdown(plain(measure_text(line)))
    st.button(
        "Clear the measure", key="clear_measure", on_click=st.session_state.pop, args=("measure",)
    )


def map_marks() -> list[dict]:
    """The target point, the launch area's outline and the measured geodesic, as GeoJSON
    features with a colour."""
    marks = _measure_marks()
    target = st.session_state.get("target")
    if target is None:
        return marks
    marks += [
        {
            "type": "Feature",
            "properties": {"color": TARGET_COLOUR},
            "geometry": {"type": "Point", "coordinates": [target.lon, target.lat]},
        }
    ]
    launch_km = st.session_state.get("launch_km")
    if launch_km is not None:
        (paths,) = ring_outlines(
            [(target.lon, target.lat)], launch_km * 1000.0, tolerance_m=compute.TOLERANCE_M
        )
        marks.append(
            {
                "type": "Feature",
                "properties": {"color": LAUNCH_COLOUR},
                "geometry": {
                    "type": "MultiLineString",
                    "coordinates": [p.round(compute.DRAW_DECIMALS).tolist() for p in paths],
                },
            }
        )
    return marks


def _measure_marks() -> list[dict]:
    line = measured()
    if line is None:
        return []
    ends = [[float(line.lons_deg[i]), float(line.lats_deg[i])] for i in (0, -1)]
    paths = [p.round(compute.DRAW_DECIMALS).tolist() for p in line.paths]
    return [
        {
            "type": "Feature",
            "properties": {"color": MEASURE_COLOUR},
            "geometry": {"type": "MultiLineString", "coordinates": paths},
        },
        {
            "type": "Feature",
            "properties": {"color": MEASURE_COLOUR},
            "geometry": {"type": "MultiPoint", "coordinates": ends},
        },
    ]


def target_search() -> None:
    """The search box: a place from the gazetteer or coordinates, answered at once."""
    st.text_input(
        "Can it reach…?",
        key="target_query",
        placeholder="a place (Berlin) or lat, lon (52.52, 13.40)",
        on_change=_on_target_query,
        help="The target's distance and azimuth from every site, which rings and systems reach "
        "it, and the link keeps it.",
    )
    if st.session_state.get("target_error"):
        st.error(plain(st.session_state.target_error))
    matches = st.session_state.get("target_matches") or []
    if len(matches) > 1:
        st.selectbox(
            "Other places of that name",
            range(len(matches)),
            key="target_match",
            format_func=lambda i: matches[i].name,
            on_change=lambda: _set_target(matches[st.session_state.target_match]),
        )


def target_card(sites: Sequence[LaunchSite], rings: Sequence[RingSpec]) -> None:
    """The answer for the target: distances, rings, systems, the launch area."""
    target = st.session_state.get("target")
    if target is None:
        return
    st.subheader(plain(f"Can it reach {target.name}?"), anchor=False)
    st.caption(f"Target at {target.lat:.4f}, {target.lon:.4f} (WGS84), the black dot on the map.")
    st.button("Clear the target", key="clear_target", on_click=_set_target, args=(None,))
    if not sites:
        st.info("Add a launch site to measure the distance to the target.")
        return
    table = site_distances(target, sites)
    nearest = table.iloc[0]
    nearest_km = float(nearest["distance_km"])
    st.markdown(
        f"**Minimum range needed: {nearest_km:,.1f} km**, from "
        f"{plain(str(nearest['site_name']))} (azimuth {nearest['azimuth_deg']:.1f}°)."
    )
    lines = []
    reaches = ring_reach(nearest_km, [r.band.max_km for r in rings])
    for ring, reach in zip(rings, reaches, strict=True):
        verdict = (
            f"reaches it, with {reach.margin_km:,.1f} km to spare"
            if reach.reaches
            else f"falls short by {-reach.margin_km:,.1f} km"
        )
        lines.append(f"- **{plain(ring.label)}**: {verdict}")
    st.markdown("\n".join(lines))
    # The name before any parenthesis: the side column has room for three short columns.
    short = table.assign(site_name=table["site_name"].str.split(" (", regex=False).str[0])
    sortable_table(short, SITE_TABLE, label="Distance from each site", key="target_sites")
    figures = systems_reaching(nearest_km, data.systems())
    figures = figures.assign(verdict=[_verdict(r) for r in figures.itertuples()])
    st.markdown("**Which systems reach it** from the nearest site (data/systems.csv)")
    sortable_table(figures, SYSTEM_TABLE, label="Systems that reach the target", key="target_sys")
    with st.expander("Sources of these figures"):
        for row in figures.drop_duplicates(["system", "source"]).itertuples():
            st.text(f"{row.system} ({row.figure}): {row.source}")
    _launch_area(target, rings)


def _verdict(row) -> str:
    if row.reaches:
        return f"yes (+{row.margin_km:,.0f} km)"
    return f"no ({row.margin_km:,.0f} km)"


def _launch_area(target: Target, rings: Sequence[RingSpec]) -> None:
    options = [None, *sorted({r.band.max_km for r in rings})]
    if st.session_state.get("launch_km") not in options:
        options.append(st.session_state.launch_km)
    st.selectbox(
        "Launch area: from where could a missile of this range reach it?",
        options,
        key="launch_km",
        format_func=lambda km: "not shown" if km is None else f"{km:,g} km",
        help="The geodesic disk around the target: every point from which the range reaches it.",
    )
    launch_km = st.session_state.launch_km
    if launch_km is None:
        return
    area_km2 = compute.area_km2(((target.lon, target.lat),), Band(0.0, launch_km))
    st.caption(
        f"Shaded orange on the map: {area_km2:,.0f} km² from which {launch_km:,g} km reaches "
        f"{plain(target.name)}."
    )
    for fmt, label in (("geojson", "GeoJSON"), ("kml", "KML")):
        st.download_button(
            f"Launch area as {label}",
            compute.launch_area_export(target, launch_km, fmt),
            file_name=f"launch-area-{launch_km:g}km.{fmt}",
            mime=MEDIA_TYPES[fmt],
            key=f"launch_{fmt}",
            on_click="ignore",
        )


def strip_panel(sites: Sequence[LaunchSite], rings: Sequence[RingSpec]) -> None:
    """The disputed strip between two rings of the map, its places and population."""
    radii = sorted({km for r in rings for km in (r.band.min_km, r.band.max_km) if km > 0})
    pairs = [(a, b) for i, a in enumerate(radii) for b in radii[i + 1 :]]
    if not sites or not pairs:
        return
    if st.session_state.get("strip_km") not in pairs:
        st.session_state.strip_km = None
    st.selectbox(
        "Disputed strip: what lies between two rings?",
        [None, *pairs],
        key="strip_km",
        format_func=lambda p: "not shown" if p is None else f"{p[0]:,g}–{p[1]:,g} km",
        help="Places at a distance between the two ranges from some site: e.g. 480–500 km, "
        "between Russia's claim for the 9M729 and the INF Treaty's floor.",
    )
    strip = st.session_state.strip_km
    if strip is None:
        return
    band = Band(*strip)
    places = compute.places_for(tuple(sites), band)
    population = int(places["population"].sum())
    cols = st.columns(2)
    cols[0].metric("Places in the strip", f"{len(places):,}")
    cols[1].metric("Population", f"{population / 1e6:,.2f} M", help=f"{population:,} people")
    area_km2 = compute.area_km2(compute.centers_of(sites), band)
    st.caption(
        f"Shaded sky blue on the map: {area_km2:,.0f} km² at {band.label} from some site, as "
        "places in range count (Natural Earth populations)."
    )
    shown = places.nlargest(TABLE_MAX_ROWS, "population", keep="first").sort_index()
    sortable_table(shown, STRIP_TABLE, label=f"Places {band.label} from some site", key="strip")


def _on_target_query() -> None:
    text = st.session_state.target_query.strip()
    st.session_state.target_error = ""
    st.session_state.target_matches = []
    if not text:
        return
    try:
        if re.search(r"\d", text):
            _set_target(_coordinates(text))
            return
        found = data.gazetteer().find(text, limit=MATCHES)
        if found.empty:
            raise GeoInputError(f"no place called {text[:60]!r} in the gazetteer")
        matches = [data.place_target(row) for _, row in found.iterrows()]
        st.session_state.target_matches = matches
        st.session_state.target_match = 0
        _set_target(matches[0])
    except GeoInputError as exc:
        st.session_state.target_error = f"Target not found: {exc}"


def _coordinates(text: str) -> Target:
    parts = [p for p in re.split(r"\s*[,;]\s*|\s+(?=[-+\d])", text) if p]
    if len(parts) != 2:
        raise GeoInputError(f"expected a place name or 'lat, lon', got {text[:60]!r}")
    return _coordinate_target(parse_coordinate(parts[0], "lat"), parse_coordinate(parts[1], "lon"))


def _coordinate_target(lat: float, lon: float) -> Target:
    return Target(name=f"{lat:g}, {lon:g}", lat=lat, lon=lon)


def _set_target(target: Target | None) -> None:
    st.session_state.target = target
    if target is None:
        st.session_state.launch_km = None
        st.session_state.target_matches = []
