"""The map's static layers as a pydeck spec (offline basemap, band fills), and the places in
range it shows as dots.

Only JSON-ready data goes in; every geometry comes from ``geo``. The places travel beside the
spec, as columns (``ui.deckmap.place_columns``); the map builds their tooltips in the browser and
shows them with textContent: never as HTML.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import pandas as pd
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from geo.style import BORDER_COLOUR, LAND_COLOUR

# Fetched once by the browser from Streamlit's static route, never sent over the websocket.
BASEMAP_URL = "app/static/basemap-110m.geojson"
MAX_CITY_DOTS = 300
NO_DEPTH = {"depthCompare": "always", "depthWriteEnabled": False}


class CompactDeck(pdk.Deck):
    """A Deck whose JSON has no indentation: pydeck pretty-prints, tripling the payload."""

    def to_json(self) -> str:
        """Compact JSON of the same spec; without ``indent`` json uses its fast C encoder."""
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


def build_deck(*, band_fills: Sequence[dict], marks: Sequence[dict] = ()) -> CompactDeck:
    """The static layers as a pydeck Deck, with no tile provider (works offline).

    The map component (``ui.deckmap``) renders this spec and adds the place dots, the sites and
    their rings, which it draws and lets the user drag.

    Args:
        band_fills: GeoJSON features of shaded bands, with a ``color`` property.
        marks: GeoJSON points and lines drawn over them (the target, a launch area's outline),
            with a ``color`` property.
    """
    layers = [
        pdk.Layer(
            "GeoJsonLayer",
            BASEMAP_URL,
            id="basemap",
            stroked=True,
            filled=True,
            get_fill_color=list(LAND_COLOUR),
            get_line_color=list(BORDER_COLOUR),
            line_width_min_pixels=0.5,
        ),
        pdk.Layer(
            "GeoJsonLayer",
            {"type": "FeatureCollection", "features": list(band_fills)},
            id="bands",
            # On the globe, coplanar layers z-fight; draw in layer order instead.
            parameters=NO_DEPTH,
            filled=True,
            stroked=False,
            get_fill_color="properties.color",
        ),
    ]
    if marks:
        layers.append(
            pdk.Layer(
                "GeoJsonLayer",
                {"type": "FeatureCollection", "features": list(marks)},
                id="marks",
                parameters=NO_DEPTH,
                stroked=True,
                filled=True,
                get_fill_color="properties.color",
                get_line_color="properties.color",
                line_width_min_pixels=2,
                # pydeck reads string values as expressions: sizes in pixels via the minimums.
                point_radius_min_pixels=6,
            )
        )
    return CompactDeck(
        layers=layers,
        initial_view_state=pdk.ViewState(latitude=50.0, longitude=45.0, zoom=1.6),
        map_provider=None,
    )


def place_dots(places: pd.DataFrame | None) -> pd.DataFrame | None:
    """The places in range (``geo.places.PLACE_COLUMNS``) drawn as dots: every capital, and
    the most populous other cities (capped to keep the per-rerun payload small); cities first,
    so capitals are drawn on top."""
    if places is None or places.empty:
        return None
    capitals = places[places["capital"]]
    cities = places[~places["capital"]].nlargest(MAX_CITY_DOTS, "population")
    return pd.concat([cities, capitals], ignore_index=True)
