"""The map: our Streamlit component (Components v2) that owns deck.gl Decks.

``st.pydeck_chart`` reports neither map coordinates nor drags, so the map is a component whose
frontend (``frontend/src``) renders pydeck's JSON for the static layers (each in a Deck of its
own under the interactive one, so a drag does not redraw them), draws the place dots sent as
columns, and draws the sites and their geodesic rings itself, with live rings while a site is
dragged. What it is sent (``DeckmapData``) and what it sends back (``MapEdit``) are declared
here and, the same, in ``frontend/src/contract.js``; ``tests/fixtures/deckmap-contract.json``
is an example of each that both sides are tested against.

Its code is two static files built by ``make frontend`` and fetched once by the browser:
``static/deckmap.js``, which draws a 2D preview of the first view, and the much larger
``static/deckgl.js`` (deck.gl), which loads meanwhile. Only a short loader is sent with each
rerun.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Callable, Mapping, Sequence
from typing import Literal, TypedDict

import pandas as pd
import streamlit as st

from geo import LaunchSite, RingSpec
from geo.camera import fit_view
from geo.style import CAPITAL_COLOUR, CITY_COLOUR, ROLE_COLOURS, SITE_COLOUR, SITE_LABEL
from ui.componentjson import guard_component_json
from ui.layers import (
    BASEMAP_URL,
    INITIAL_VIEW,
    MAP_STYLE,
    MAX_CITY_DOTS,
    MapStyle,
    StaticLayers,
    place_dots,
)
from ui.static import versioned_url
from ui.urlstate import VIEWS, Camera


class SiteRow(TypedDict):
    """A launch site; ``id`` is its index in the session's sites, which edits refer to."""

    id: str
    name: str
    lat: float
    lon: float
    tooltip: str


class RingRow(TypedDict):
    """One radius drawn around every site."""

    radius_m: float
    color: list[int]
    width: int
    label: str
    short_label: str


class LegendRow(TypedDict):
    """One entry of the legend: a ring (its name, colour and the source of its figure) or a
    kind of mark drawn on the map (a launch site, a capital, a city)."""

    kind: Literal["ring", "site", "capital", "city"]
    label: str
    color: list[int]
    source: str


class PlaceColumns(TypedDict):
    """The places in range as parallel columns (``place_columns``)."""

    lon: list[float]
    lat: list[float]
    capital: list[int]
    name: list[str]
    country: list[int]
    countries: list[str]
    population: list[int]
    distance_km: list[float]
    nearest: list[int]
    style: dict[Literal["city", "capital"], tuple[list[int], float]]


class InitialView(TypedDict):
    """Where the map first looks: degrees, and deck.gl's zoom level."""

    longitude: float
    latitude: float
    zoom: float


class FitRow(TypedDict):
    """A view that fits the sites and their largest ring (``geo.camera.Fit``): its centre, and
    the size in pixels at zoom 0 of what must be in view; the map finds the zoom."""

    longitude: float
    latitude: float
    width_px0: float
    height_px0: float
    note: str


class DeckmapData(TypedDict):
    """What the map is sent on every rerun."""

    layers: StaticLayers
    style: MapStyle
    initial_view: InitialView
    places: PlaceColumns | None
    sites: list[SiteRow]
    rings: list[RingRow]
    legend: list[LegendRow]
    view: Literal["map", "globe"]
    tolerance_m: float
    status: str
    edit_key: str | None  # the ``key`` of the last edit answered
    session: str  # this session's token: another after the page reconnects
    camera: InitialView | None  # the link's camera; None: the map fits the sites
    height_px: int  # the map's whole height, border included (MAP_HEIGHT_PX)
    fit: dict[Literal["map", "globe"], FitRow] | None  # per view type; None without sites


# What the map sends as its trigger value "edit" (``ui.edits`` validates every field, as a
# browser can send anything): ``from`` is the [lat, lon] the site had when the edit began; an
# added site has neither ``id`` nor ``from``; a measure is the geodesic from ``from`` to (lat,
# lon), with no ``id``; a target picked on the map is (lat, lon), with neither ``id`` nor ``from``.
# ("from" is a keyword, hence this syntax.)
MapEdit = TypedDict(
    "MapEdit",
    {
        "action": Literal["move", "add", "remove", "measure", "target"],
        "id": str | None,
        "lat": float,
        "lon": float,
        "from": tuple[float, float] | None,
        "key": str,  # unique per edit: one sent again (a dropped connection) is applied once
    },
)

# Kept multi-line on purpose: Streamlit takes one-line inline JS for a file path. Streamlit runs
# this module once per page and its function on every rerun: the basemap is fetched once, while
# the bundle loads, so the map's first frame can draw it (see ``render`` in frontend/src).
_LOADER = f"""
const BUNDLE = new URL("{versioned_url("deckmap.js")}", document.baseURI).href;
const FILES = new Map(
  {json.dumps([BASEMAP_URL])}.map((url) => [
    url,
    fetch(new URL(url, document.baseURI)).then((response) => {{
      if (!response.ok) throw new Error(`${{url}}: HTTP ${{response.status}}`);
      return response.json();
    }}),
  ]),
);
const DECK_GL = new URL("{versioned_url("deckgl.js")}", document.baseURI).href;
export default async function (component) {{
  const {{ default: render }} = await import(BUNDLE);
  return render(component, FILES, DECK_GL);
}}
"""
_COMPONENT = st.components.v2.component("deckmap", js=_LOADER)
# The map's box has this height from the first paint, before its code loads, and the map
# draws itself at the height it is sent (frontend/src/dom.js), so nothing below it shifts.
MAP_HEIGHT_PX = 560
# What the first view fits around each site when no ring is drawn.
DEFAULT_FIT_RADIUS_M = 500_000.0
# Before any value a page sends is decoded: a forged edit nested too deeply gets the map's notice.
guard_component_json()


def ring_rows(rings: Sequence[RingSpec]) -> list[RingRow]:
    """One row per distinct radius to draw around every site: radius, colour, width, labels.

    The tooltip label names each ring that has an edge at that radius, with that ring's source.
    """
    rows: dict[float, RingRow] = {}
    for ring in rings:
        for radius_km in (ring.band.min_km, ring.band.max_km):
            if radius_km <= 0:
                continue
            entry = f"{radius_km:,g} km: {ring.label}" + (
                f"\nSource: {ring.source}" if ring.source else ""
            )
            if radius_km in rows:
                rows[radius_km]["label"] += "\n" + entry
                continue
            rows[radius_km] = {
                "radius_m": radius_km * 1000.0,
                "color": list(ROLE_COLOURS[ring.role]),
                "width": 3 if ring.role == "claimed" else 2,
                "label": entry,
                "short_label": f"{radius_km:,g} km",
            }
    return sorted(rows.values(), key=lambda row: row["radius_m"])


def legend_rows(
    rings: Sequence[RingSpec], sites: Sequence[LaunchSite], dots: pd.DataFrame | None
) -> list[LegendRow]:
    """The legend, for the map and the page (``ui.panels.legend``), of what the map draws: each
    ring with its own figure's source, then the marks. With no site there is no ring and no
    dot, so no legend; ``dots`` (``ui.layers.place_dots``) says which kinds of place are drawn."""
    if not sites:
        return []
    rows: list[LegendRow] = [
        {
            "kind": "ring",
            "label": ring.label,
            "color": list(ROLE_COLOURS[ring.role]),
            "source": ring.source or "",
        }
        for ring in rings
    ]
    capitals = dots is not None and bool(dots["capital"].any())
    cities = dots is not None and not bool(dots["capital"].all())
    marks: list[tuple[Literal["site", "capital", "city"], str, tuple[int, int, int], bool]] = [
        ("site", SITE_LABEL, SITE_COLOUR, True),
        ("capital", "capital", CAPITAL_COLOUR, capitals),
        ("city", f"city (largest {MAX_CITY_DOTS})", CITY_COLOUR, cities),
    ]
    rows += [
        {"kind": k, "label": label, "color": list(c), "source": ""}
        for k, label, c, drawn in marks
        if drawn
    ]
    return rows


def site_rows(sites: Sequence[LaunchSite]) -> list[SiteRow]:
    """Sites for the map; ``id`` is the index the map's edits refer to (``ui.edits``)."""
    rows = []
    for i, site in enumerate(sites):
        tooltip = f"{site.name}\n{site.lat:.4f}°, {site.lon:.4f}°"
        if site.role:
            tooltip += f"\n{site.role}"
        if site.source:
            tooltip += f"\nSource: {site.source[:300]}"
        rows.append(
            {"id": str(i), "name": site.name, "lat": site.lat, "lon": site.lon, "tooltip": tooltip}
        )
    return rows


def place_columns(dots: pd.DataFrame | None, sites: Sequence[LaunchSite]) -> PlaceColumns | None:
    """The place dots (``ui.layers.place_dots``) as parallel arrays, for the map's dots and the
    tooltips it builds (name, country, kind, distance to the nearest site, population).

    Coordinates are rounded to 4 decimals (~10 m, far below a pixel); countries and nearest
    sites are indexes into ``countries`` and the map's sites (``site_rows``).
    """
    if dots is None or dots.empty:
        return None
    countries = sorted(set(dots["country"]))
    country_index = {name: i for i, name in enumerate(countries)}
    site_index: dict[str, int] = {}
    for i, site in enumerate(sites):
        site_index.setdefault(site.name, i)
    return {
        "lon": [round(float(v), 4) for v in dots["lon"]],
        "lat": [round(float(v), 4) for v in dots["lat"]],
        "capital": [int(v) for v in dots["capital"]],
        "name": [str(v) for v in dots["name"]],
        "country": [country_index[v] for v in dots["country"]],
        "countries": [str(v) for v in countries],
        "population": [int(v) for v in dots["population"]],
        "distance_km": [round(float(v), 1) for v in dots["distance_km"]],
        "nearest": [site_index[v] for v in dots["nearest_site"]],
        # [colour, radius in pixels] per kind of place.
        "style": {"city": [list(CITY_COLOUR), 2.5], "capital": [list(CAPITAL_COLOUR), 5]},
    }


@functools.lru_cache(maxsize=64)
def fits(sites: tuple[LaunchSite, ...], radii_m: tuple[float, ...]) -> dict[str, FitRow] | None:
    """The view of each type that fits the sites and the largest of the rings of ``radii_m``
    around each that fits (``geo.camera``), as the map takes it; ``None`` without sites."""
    if not sites:
        return None
    return {view: dataclasses.asdict(fit_view(sites, radii_m, view)) for view in VIEWS}


def map_data(
    layers: StaticLayers,
    *,
    places: pd.DataFrame | None,
    sites: Sequence[LaunchSite],
    rings: Sequence[RingSpec],
    view: Literal["map", "globe"],
    tolerance_m: float,
    status: str = "",
    receipt: Mapping[str, str | None] | None = None,
    camera: Camera | None = None,
) -> DeckmapData:
    """What the map is sent: see ``deck_map``."""
    answered = {"edit_key": None, "session": "", **(receipt or {})}
    dots = place_dots(places)
    # Every ring drawn, a band's inner edge too: the fit takes the largest that fits.
    edges_km = {km for ring in rings for km in (ring.band.min_km, ring.band.max_km) if km > 0}
    radii_m = tuple(sorted(km * 1000.0 for km in edges_km))
    fit = fits(tuple(sites), radii_m or (DEFAULT_FIT_RADIUS_M,))
    if camera is None and fit and not status:
        # The map fits the sites only: say so (until the user moves the camera).
        status = fit[view]["note"]
    return {
        "layers": layers,
        "style": MAP_STYLE,
        "initial_view": INITIAL_VIEW,
        "places": place_columns(dots, sites),
        "sites": site_rows(sites),
        "rings": ring_rows(rings),
        "legend": legend_rows(rings, sites, dots),
        "view": view,
        "tolerance_m": tolerance_m,
        "status": status,
        "edit_key": answered["edit_key"],
        "session": answered["session"] or "",
        "camera": None if camera is None else dataclasses.asdict(camera),
        "height_px": MAP_HEIGHT_PX,
        "fit": fit,
    }


def deck_map(
    layers: StaticLayers,
    *,
    places: pd.DataFrame | None,
    sites: Sequence[LaunchSite],
    rings: Sequence[RingSpec],
    view: Literal["map", "globe"],
    tolerance_m: float,
    on_edit: Callable[[], None],
    status: str = "",
    receipt: Mapping[str, str | None] | None = None,
    camera: Camera | None = None,
    on_camera: Callable[[], None] | None = None,
) -> None:
    """Show the map; ``on_edit`` runs when the user drags, adds or removes a site, measures or
    picks a target, and ``on_camera`` when its camera stops moving (then in
    ``st.session_state["map"].camera``).

    The map first looks where ``camera`` says (the link's), else it fits the sites and the
    largest of their rings that fits (``geo.camera``).

    ``layers`` are the static layers (``ui.layers.static_layers``), ``places`` the places in
    range (``geo.places.PLACE_COLUMNS``), drawn as dots (``ui.layers.place_dots``).

    The edit (a ``MapEdit``) is then in ``st.session_state["map"].edit`` for that one rerun.
    ``status`` is shown in the map's toolbar (what the last edit did). ``receipt`` tells the
    map which edit was answered last (``edit_key``) and in which session (``session``): an edit
    lost with a dropped connection is sent again.
    """
    data = map_data(
        layers,
        places=places,
        sites=sites,
        rings=rings,
        view=view,
        tolerance_m=tolerance_m,
        status=status,
        receipt=receipt,
        camera=camera,
    )
    try:
        _COMPONENT(
            key="map",
            data=data,
            on_edit_change=on_edit,
            on_camera_change=on_camera,
            height=MAP_HEIGHT_PX,
        )
    except RecursionError:
        # Streamlit copies the map's last edit while it registers the map. Only a forged
        # message can send an edit nested deeper than Python's recursion limit: the callback
        # has refused it already, and the next run, with no edit, draws the map.
        st.rerun()
