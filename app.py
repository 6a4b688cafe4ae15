"""INF Range Map: what a missile launched from a chosen site can reach, claimed vs alleged.

Thin page: widgets (ui.controls) -> geodesic core (geo, cached in ui.compute) -> map and panels.
"""

import streamlit as st

from geo import data, rings_for
from geo.style import FILL_ALPHA, ROLE_COLOURS
from ui import compute, controls, panels, phone, reach
from ui.deckmap import deck_map
from ui.layers import static_layers
from ui.notices import show_notices

st.set_page_config(page_title="INF Range Map", page_icon="🗺️", layout="wide")
NO_SITES = "No launch site selected: pick one in the sidebar, or add one on the map."
controls.init_session()
controls.sidebar()
state, ring_errors = controls.current_state()
controls.sync_url(state)

system = data.system(state.system)
rings, notices = rings_for(system, state.mode, estimates=state.estimates, extra_km=state.extra_km)

phone.map_first_on_phones()
st.title("INF Range Map")
st.caption(
    "Geodesic range rings on the WGS84 ellipsoid (GeographicLib via pyproj). The INF Treaty "
    "banned ground-launched missiles with a range of 500–5,500 km; Russia says the 9M729 reaches "
    "480 km, the US says it was tested beyond 500 km."
)
edit_ok, edit_message = controls.map_message()
# One block whatever it holds: the map after it keeps its place in the page, so the browser
# keeps the map (and its WebGL context and view) instead of mounting a new one.
with st.container():
    show_notices(
        [("warning", notice) for notice in st.session_state.notices]
        + ([] if edit_ok else [("warning", edit_message)])
        + [("info", message) for message in notices]
        + [("error", f"Extra rings: {message}") for message in ring_errors]
        + ([] if state.sites else [("info", NO_SITES)])
    )

centers = compute.centers_of(state.sites)
band_fills = [
    compute.fill_feature(centers, ring.band, (*ROLE_COLOURS[ring.role], FILL_ALPHA), state.view)
    for ring in rings
    if ring.band.kind == "band" and centers
] + reach.map_fills(centers, state.view)
shown = panels.chosen_ring(rings)
places = compute.places_for(state.sites, shown.band) if shown and state.sites else None

map_column, side_column = st.columns([3, 2])
with map_column:
    deck_map(
        static_layers(band_fills=band_fills, marks=reach.map_marks()),
        places=places,
        sites=state.sites,
        rings=rings,
        view=state.view,
        tolerance_m=compute.TOLERANCE_M,
        on_edit=controls.on_map_edit,
        status=edit_message,
        receipt=controls.edit_receipt(),
        camera=state.camera,
        on_camera=controls.on_camera,
    )
    reach.measure_panel()
    panels.legend(rings, shown, state.sites, places)
    panels.downloads(state.sites, rings)
with side_column:
    # Beside the map, not above it: a metric grows after the first paint and would push the
    # map down, and on a phone the map comes first.
    panels.system_facts(system)
    reach.target_search()
    reach.target_card(state.sites, rings)
    reach.strip_panel(state.sites, rings)
    panels.coverage(state.sites, rings)
    panels.preset_sources()
controls.forget_map_message()
