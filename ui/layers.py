"""The map's static layers as a pydeck spec: offline basemap, band fills, places in range.

Only JSON-ready data goes in; every geometry comes from ``geo``. Names reach the browser as data
and are shown by deck.gl's ``text`` tooltip, which sets textContent: never as HTML.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import pandas as pd
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

# Fetched once by the browser from Streamlit's static route, never sent over the websocket.
BASEMAP_URL = "app/static/basemap-110m.geojson"
# Okabe-Ito colours (colour-blind safe): the claimed 480 km ring (blue) and the 500 km edge of
# the INF band (vermillion) are 20 km apart, so they must differ in hue, not just in width.
ROLE_COLOURS = {
    "claimed": [0, 114, 178],
    "treaty": [213, 94, 0],
    "estimate": [204, 121, 167],
    "custom": [0, 158, 115],
}
CAPITAL_COLOUR = [86, 40, 120]
CITY_COLOUR = [90, 90, 90]
MAX_CITY_DOTS = 300
NO_DEPTH = {"depthCompare": "always", "depthWriteEnabled": False}


class CompactDeck(pdk.Deck):
    """A Deck whose JSON has no indentation: pydeck pretty-prints, tripling the payload."""

    def to_json(self) -> str:
        """Compact JSON of the same spec; without ``indent`` json uses its fast C encoder."""
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


def build_deck(*, band_fills: Sequence[dict], places: pd.DataFrame | None) -> CompactDeck:
    """The static layers as a pydeck Deck, with no tile provider (works offline).

    The map component (``ui.deckmap``) renders this spec and adds the sites and their rings,
    which it draws and lets the user drag.

    Args:
        band_fills: GeoJSON features of shaded bands, with a ``color`` property.
        places: Places in range (``geo.places.PLACE_COLUMNS``).
    """
    layers = [
        pdk.Layer(
            "GeoJsonLayer",
            BASEMAP_URL,
            id="basemap",
            stroked=True,
            filled=True,
            get_fill_color=[236, 236, 230],
            get_line_color=[160, 160, 160],
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
        pdk.Layer(
            "ScatterplotLayer",
            _place_dots(places),
            id="places",
            get_position=["lon", "lat"],
            get_fill_color="color",
            get_radius="radius",
            radius_units='"pixels"',
            pickable=True,
        ),
    ]
    return CompactDeck(
        layers=layers,
        initial_view_state=pdk.ViewState(latitude=50.0, longitude=45.0, zoom=1.6),
        map_provider=None,
    )


def _place_dots(places: pd.DataFrame | None) -> list[dict]:
    if places is None or places.empty:
        return []
    # Capitals always; other cities by population, capped to keep the per-rerun payload small.
    capitals = places[places["capital"]]
    cities = places[~places["capital"]].nlargest(MAX_CITY_DOTS, "population")
    rows = []
    for frame, colour, radius in ((cities, CITY_COLOUR, 2.5), (capitals, CAPITAL_COLOUR, 5)):
        for r in frame.itertuples(index=False):
            kind = "capital" if r.capital else "city"
            rows.append(
                {
                    "lon": round(float(r.lon), 4),
                    "lat": round(float(r.lat), 4),
                    "color": colour,
                    "radius": radius,
                    "tooltip": f"{r.name} ({r.country}, {kind})\n{r.distance_km:,.1f} km from "
                    f"{r.nearest_site}\npopulation {r.population:,} (Natural Earth)",
                }
            )
    return rows
