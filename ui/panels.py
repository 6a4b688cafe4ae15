"""The panels beside the map: system facts with sources, legend, coverage tables, downloads.

User text (site names) is only ever passed to Streamlit as data or escaped with ``html.escape``
(the tables show it with ``textContent``).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import pandas as pd
import streamlit as st

from geo import LaunchSite, RingSpec, System, data
from geo.style import LAND_COLOUR, hex_colour
from ui import compute, exports
from ui.deckmap import legend_rows
from ui.layers import place_dots
from ui.table import Column, sortable_table

DE_FACTO_NOTE = (
    "Countries as drawn by Natural Earth 4.0.0, which follows de facto boundaries "
    "(e.g. Crimea inside Russia)."
)
# The one definition of "in range" that the shading, counts, tables, shares and exports share.
IN_RANGE_RULE = (
    "In range means within reach of at least one site: for a band, at a geodesic distance "
    "(WGS84) from some site between that band's inner and outer edge, as the map shades it."
)
PLACES_NOTE = (
    "Distances are from the nearest site that reaches the place; places and populations from "
    "Natural Earth 1:10m populated places (mixed years, rough), current names from GeoNames. "
    "In a narrow column the table drops the site, azimuth and capital columns: hover a row for "
    "all of it, or download the CSV."
)
# Up to this many sites the GeoJSON export is built on every rerun (cached per site: a drag
# rebuilds one site's lines, 2-10 ms per range); beyond, on request.
EAGER_EXPORT_MAX_SITES = 25
TABLE_MAX_ROWS = 100
# Key columns first: name, distance and country always fit; the others go where it is narrow.
PLACE_TABLE = (
    Column("name", "name"),
    Column("distance_km", "distance (km)", "{:,.1f}".format),
    Column("country", "country"),
    Column("population", "population", "{:,.0f}".format),
    Column("nearest_site", "from site", low=True),
    Column("azimuth_deg", "azimuth (°)", "{:.1f}".format, low=True),
    Column("capital", "capital", low=True),
)
SHARE_TABLE = (
    Column("country", "country"),
    Column("share_pct", "share of country", "{:.1f} %".format, bar=True),
    Column("area_in_range_km2", "area in range (km²)", "{:,.0f}".format),
    Column("adm0_a3", "code", low=True),
)


def system_facts(system: System) -> None:
    """The selected system's claimed and alleged ranges, each with its source."""
    claimed, low, high = system.claimed_km, system.alleged_min_km, system.alleged_max_km
    # One above the other: beside the map, half of the column cut "2,350–2,500 km" to "2,350–2,…".
    st.metric("Claimed range", "none given" if claimed is None else f"{claimed:,.0f} km")
    estimates = sorted({km for km in (low, high) if km is not None})
    alleged = "–".join(f"{km:,.0f}" for km in estimates) + " km" if estimates else "none given"
    st.metric("Third-party estimates", alleged)
    with st.expander("Sources for these figures (data/systems.csv)"):
        st.markdown(f"**{system.name}** ({system.alias})")
        for label, km, source in (
            ("Claimed", system.claimed_km, system.source_claimed),
            ("Estimate", system.alleged_min_km, system.source_alleged_min),
            ("Estimate", system.alleged_max_km, system.source_alleged_max),
        ):
            if km is not None and source:
                st.text(f"{label} {km:,g} km: {source}")
        if system.notes:
            st.text(f"Notes: {system.notes}")


def _short_count(count: int) -> str:
    """``1,243,512,000`` as ``1.24 bn``, ``40,912,345`` as ``40.9 M``: fits a metric's width."""
    if count >= 1e9:
        return f"{count / 1e9:,.2f} bn"
    if count >= 1e6:
        return f"{count / 1e6:,.1f} M"
    return f"{count:,}"


def legend(
    rings: Sequence[RingSpec],
    shown: RingSpec | None,
    sites: Sequence[LaunchSite],
    places: pd.DataFrame | None,
) -> None:
    """Colour key for the rings on the map, each with its own figure's whole source (the map's
    own legend is compact: its rows are the same, ``ui.deckmap.legend_rows``); none while the
    map has no site."""
    rows = legend_rows(rings, sites, place_dots(places))
    if not rows:
        return
    items = []
    marks = []
    places_marks = []
    # Each mark on the land colour it is drawn on, so it reads as on the map in either theme.
    dot = (
        f'<span style="color:{{}};background:{hex_colour(LAND_COLOUR)};border-radius:3px;'
        'padding:0 3px">{}</span> {}'
    ).format
    for row in rows:
        colour = hex_colour(tuple(row["color"]))
        if row["kind"] != "ring":
            mark = dot(colour, "•" if row["kind"] == "city" else "●", row["label"])
            (marks if row["kind"] == "site" else places_marks).append(mark)
            continue
        swatch = f"background:{colour};display:inline-block;width:1.6em;height:0.6em"
        source = (
            # The text's own colour, dimmed: readable in the light and the dark theme.
            f' <span style="opacity:0.75;font-size:0.8em">({html.escape(row["source"])})</span>'
            if row["source"]
            else ""
        )
        items.append(f'<span style="{swatch}"></span> {html.escape(row["label"])}{source}')
    if places_marks:
        within = html.escape(shown.label if shown else "range")
        marks.append(" &nbsp; ".join(places_marks) + " within " + within)
    items.append(" &nbsp; ".join(marks))
    st.markdown("<br>".join(items), unsafe_allow_html=True)


def chosen_ring(rings: Sequence[RingSpec]) -> RingSpec | None:
    """The ring picked in the coverage panel (the first one until the user picks)."""
    by_label = {r.label: r for r in rings}
    return by_label.get(st.session_state.get("coverage_for"), rings[0] if rings else None)


def coverage(sites: tuple[LaunchSite, ...], rings: Sequence[RingSpec]) -> None:
    """Per range: capitals, cities and people in range, places table, countries touched."""
    if not sites or not rings:
        st.info("Add a launch site and choose a range to see what lies within it.")
        return
    labels = [r.label for r in rings]
    if st.session_state.get("coverage_for") not in labels:
        st.session_state.coverage_for = labels[0]
    st.selectbox(
        "Coverage for",
        labels,
        key="coverage_for",
        help="The map shows the capitals and cities of this range.",
    )
    ring = chosen_ring(rings)
    places = compute.places_for(sites, ring.band)
    capitals = places[places["capital"]]
    cols = st.columns(3)
    cols[0].metric("Capitals in range", f"{len(capitals):,}")
    cols[1].metric(
        "Places in range", f"{len(places):,}", help="Cities and towns, capitals included"
    )
    population = int(places["population"].sum())
    # A third of the side column holds ~8 characters: shortened, the exact count on hover.
    cols[2].metric(
        "Population",
        _short_count(population),
        help=f"{population:,} people (Natural Earth estimates)",
    )
    st.caption(IN_RANGE_RULE + " " + PLACES_NOTE)
    table = places
    if len(places) > TABLE_MAX_ROWS:
        # Every row would be sent on each rerun (~75 B each; a 5,500 km range holds thousands).
        table = places.nlargest(TABLE_MAX_ROWS, "population", keep="first").sort_index()
        st.caption(
            f"The table shows the {TABLE_MAX_ROWS:,} most populous of these {len(places):,} "
            "places, nearest first; the CSV below holds them all."
        )
    sortable_table(
        table.assign(capital=table["capital"].map({True: "yes", False: ""})),
        PLACE_TABLE,
        label=f"Places within {ring.label}",
        key="places_table",
    )
    st.subheader("Countries touched")
    st.caption(DE_FACTO_NOTE + " Shares are of each country's geodesic area (1:50m outlines).")
    # A miss takes seconds on a large map; the spinner shows only after half a second.
    with st.spinner("Measuring country areas in range…"):
        shares = compute.shares_for(compute.centers_of(sites), ring.band)
    sortable_table(
        shares, SHARE_TABLE, label=f"Countries touched by {ring.label}", key="shares_table"
    )
    st.download_button(
        f"Places in range ({ring.label}) as CSV",
        # Built in the script run (cached), not on click: Streamlit keeps a file built on click
        # for no session, so other sessions' reruns can delete it before the browser fetches it.
        compute.places_csv(sites, ring.band),
        file_name=f"places-{ring.band.min_km:g}-{ring.band.max_km:g}km.csv",
        mime="text/csv",
        key="places_csv",
        on_click="ignore",
    )


def downloads(sites: tuple[LaunchSite, ...], rings: Sequence[RingSpec]) -> None:
    """GeoJSON of every (site, range): the same bytes as the CLI command shown.

    Built in the script run, not on click (see ``coverage``): at once for a small map, whose
    lines are cached per site, and on request for a large one, which takes seconds to build.
    """
    if not sites or not rings:
        return
    bands = tuple(r.band for r in rings)
    if len(sites) <= EAGER_EXPORT_MAX_SITES:
        geojson = compute.geojson_export(sites, bands)
    else:
        geojson = _built_on_request(sites, bands)
    if geojson is not None:
        st.download_button(
            "Coverage as GeoJSON (RFC 7946)",
            geojson,
            file_name="inf-range-map-coverage.geojson",
            mime="application/geo+json",
            key="geojson_download",
            # No rerun on click: a rerun would drop the file before the browser fetches it.
            on_click="ignore",
        )
    # A popover, not an expander: its content is drawn only when opened, so the first page
    # load does not fetch and run the code highlighter (1.5 MB of JavaScript).
    with st.popover("The same file from the command line"):
        st.code(cli_command(sites, bands), language="bash", wrap_lines=True)
    exports.gis_files(sites, rings)
    exports.figure(sites, rings)


def _built_on_request(sites: tuple[LaunchSite, ...], bands: tuple) -> str | None:
    wanted = (sites, bands)
    label = f"Build the GeoJSON export ({len(sites)} sites × {len(bands)} ranges)"
    if st.button(label, key="build_geojson"):
        with st.spinner("Building the GeoJSON export…"):
            st.session_state.geojson_built = (wanted, compute.geojson_export(sites, bands))
    built = st.session_state.get("geojson_built")
    return built[1] if built and built[0] == wanted else None


def cli_command(sites: Sequence[LaunchSite], bands: Sequence) -> str:
    """The ``python -m geo export`` command that writes the same GeoJSON."""

    def quote(text: str) -> str:
        return "'" + text.replace("'", "'\\''") + "'"

    args = [quote(f"--site={s.lat!r},{s.lon!r},{s.name}") for s in sites]
    for band in bands:
        # repr: the shortest text that reads back as the same float, so the bytes match.
        args.append(
            f"--band {band.min_km!r}:{band.max_km!r}"
            if band.kind == "band"
            else f"--range-km {band.max_km!r}"
        )
    return "python -m geo export " + " ".join(args) + " -o coverage.geojson"


def preset_sources() -> None:
    """Where the preset site coordinates come from (all approximate)."""
    with st.expander("Where the preset sites come from (data/sites.csv)"):
        for site in data.preset_sites():
            st.text(f"{site.name} — {site.role}\n{site.source}")
