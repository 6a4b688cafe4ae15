"""The map's static layers as pydeck layers (offline basemap, band fills, marks), the map's style
table (its colours from ``geo.style``), and the places in range it shows as dots.

Only JSON-ready data goes in; every geometry comes from ``geo``. The places travel beside the
layers, as columns (``ui.deckmap.place_columns``); the map builds their tooltips in the browser
and shows them with textContent: never as HTML.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TypedDict

import pandas as pd
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from geo.style import BORDER_COLOUR, LAND_COLOUR, OCEAN_COLOUR, SITE_COLOUR

# Fetched once by the browser from Streamlit's static route, never sent over the websocket.
BASEMAP_URL = "app/static/basemap-110m.geojson"
# 1:50m in tiles of FINE_TILE_DEG degrees (scripts/make_basemap.py), each named by its south-west
# corner, for the map to fetch for the tiles in view from FINE_MIN_ZOOM on, each once per page:
# there, 1:110m coastlines are kilometres off (a pixel is ~5 km at zoom 4), and 1:50m for the
# whole world is too heavy to draw on a CPU renderer.
FINE_BASEMAP_DIR = "basemap-50m"
FINE_TILE_DEG = 30
FINE_MIN_ZOOM = 4.0
MAX_CITY_DOTS = 300
# Coplanar on the globe, the fills would z-fight one another, so they write no depth and are
# drawn in layer order; they are tested against the globe's depth mask (frontend/src/basemap.js),
# which hides their far side.
UNDER_MASK = {"depthCompare": "less-equal", "depthWriteEnabled": False}


# Where the map first looks (deck.gl's view state: degrees and zoom level).
INITIAL_VIEW = {"longitude": 45.0, "latitude": 50.0, "zoom": 1.6}


class BasemapStyle(TypedDict):
    fill: list[int]
    ocean: list[int]
    line: list[int]
    line_width_px: float
    fine_url: str  # the 1:50m tiles' folder, ``<west>_<south>.geojson`` in it
    fine_tile_deg: int
    fine_min_zoom: float


class SiteStyle(TypedDict):
    fill: list[int]
    selected_fill: list[int]
    outline: list[int]
    outline_width_px: float
    radius_px: float
    selected_radius_px: float


class MapStyle(TypedDict):
    """How the map draws what both deck.gl and the 2D preview draw: the basemap (the layer
    below, built from it) and the sites. Sent with the map's data, so the browser holds no
    copy that could drift."""

    basemap: BasemapStyle
    site: SiteStyle


MAP_STYLE: MapStyle = {
    "basemap": {
        "fill": list(LAND_COLOUR),
        "ocean": list(OCEAN_COLOUR),
        "line": list(BORDER_COLOUR),
        "line_width_px": 0.5,
        "fine_url": f"app/static/{FINE_BASEMAP_DIR}/",
        "fine_tile_deg": FINE_TILE_DEG,
        "fine_min_zoom": FINE_MIN_ZOOM,
    },
    "site": {
        "fill": [*SITE_COLOUR, 230],
        # Okabe-Ito orange: no ring has it.
        "selected_fill": [230, 159, 0],
        "outline": [255, 255, 255],
        "outline_width_px": 2,
        "radius_px": 7,
        "selected_radius_px": 9,
    },
}


class StaticLayers(TypedDict):
    """pydeck's JSON of the layers the map draws under its own, by the Deck that draws them:
    ``base`` the basemap (redrawn only when the view moves), ``fills`` GeoJSON layers whose
    features carry a ``color`` property (band fills, marks), redrawn when they change."""

    base: list[dict[str, object]]
    fills: list[dict[str, object]]


def static_layers(*, band_fills: Sequence[dict], marks: Sequence[dict] = ()) -> StaticLayers:
    """The static layers, described with pydeck, with no tile provider (works offline).

    The map component (``ui.deckmap``) builds them with deck.gl's JSON converter and adds the
    place dots, the sites and their rings, which it draws and lets the user drag.

    Args:
        band_fills: GeoJSON features of shaded bands, with a ``color`` property.
        marks: GeoJSON points and lines drawn over them (the target, a launch area's outline),
            with a ``color`` property.
    """
    basemap = MAP_STYLE["basemap"]
    fills = [
        pdk.Layer(
            "GeoJsonLayer",
            {"type": "FeatureCollection", "features": list(band_fills)},
            id="bands",
            parameters=UNDER_MASK,
            filled=True,
            stroked=False,
            get_fill_color="properties.color",
        ),
    ]
    if marks:
        fills.append(
            pdk.Layer(
                "GeoJsonLayer",
                {"type": "FeatureCollection", "features": list(marks)},
                id="marks",
                parameters=UNDER_MASK,
                stroked=True,
                filled=True,
                get_fill_color="properties.color",
                get_line_color="properties.color",
                line_width_min_pixels=2,
                # pydeck reads string values as expressions: sizes in pixels via the minimums.
                point_radius_min_pixels=6,
            )
        )
    base = pdk.Layer(
        "GeoJsonLayer",
        BASEMAP_URL,
        id="basemap",
        # The countries are unstroked polygons, each with its colour; their coasts and borders
        # one line feature without the cuts at ±180° and the South Pole
        # (scripts/make_basemap.py). The map draws the ocean below them, and sets their depth
        # test for the view (frontend/src/basemap.js).
        stroked=False,
        filled=True,
        get_fill_color="properties.color",
        get_line_color=basemap["line"],
        line_width_min_pixels=basemap["line_width_px"],
    )
    return {"base": [_json(base)], "fills": [_json(layer) for layer in fills]}


def _json(layer: pdk.Layer) -> dict[str, object]:
    """pydeck's JSON of ``layer`` (camelCase props, accessors as "@@=" expressions), as data:
    the component's data is serialised once, with everything else."""
    return json.loads(json.dumps(layer, default=default_serialize))


def place_dots(places: pd.DataFrame | None) -> pd.DataFrame | None:
    """The places in range (``geo.places.PLACE_COLUMNS``) drawn as dots: every capital, and
    the most populous other cities (capped to keep the per-rerun payload small); cities first,
    so capitals are drawn on top."""
    if places is None or places.empty:
        return None
    capitals = places[places["capital"]]
    cities = places[~places["capital"]].nlargest(MAX_CITY_DOTS, "population")
    return pd.concat([cities, capitals], ignore_index=True)
