"""INF Range Map: what a missile launched from a chosen site can reach, claimed vs alleged.

Thin page: widgets (ui.controls) -> geodesic core (geo, cached in ui.compute) -> map and panels.
"""

import streamlit as st

from geo import data
from geo.scenario import rings_for
from ui import compute, controls, panels
from ui.layers import ROLE_COLOURS, build_deck

st.set_page_config(page_title="INF Range Map", page_icon="🗺️", layout="wide")
controls.init_session()
controls.sidebar()
state, ring_errors = controls.current_state()
controls.sync_url(state)

systems = data.systems()
system = systems[systems["name"] == state.system].iloc[0]
rings, notices = rings_for(system, state.mode, estimates=state.estimates, extra_km=state.extra_km)

st.title("INF Range Map")
st.caption(
    "Geodesic range rings on the WGS84 ellipsoid (GeographicLib via pyproj). The INF Treaty "
    "banned ground-launched missiles with a range of 500–5,500 km; Russia says the 9M729 reaches "
    "480 km, the US says it was tested beyond 500 km."
)
for notice in st.session_state.notices:
    st.warning(notice)
for message in notices:
    st.info(message)
for message in ring_errors:
    st.error(f"Extra rings: {message}")
if not state.sites:
    st.info("No launch site selected: pick one in the sidebar.")

panels.system_facts(system)

centers = compute.centers_of(state.sites)
ring_paths = [
    {
        "path": path,
        "color": ROLE_COLOURS[ring.role],
        "width": 3 if ring.role == "claimed" else 2,
        "tooltip": f"{radius_km:,g} km: {ring.label}",
    }
    for ring in rings
    for radius_km in {ring.band.max_km, ring.band.min_km} - {0.0}
    for center in centers
    for path in compute.outline(center, radius_km)
]
band_fills = [
    compute.fill_feature(centers, ring.band, [*ROLE_COLOURS[ring.role], 40], state.view)
    for ring in rings
    if ring.band.kind == "band" and centers
]
shown = panels.chosen_ring(rings)
places = compute.places_for(state.sites, shown.band) if shown and state.sites else None

map_column, side_column = st.columns([3, 2])
with map_column:
    deck = build_deck(
        ring_paths=ring_paths,
        band_fills=band_fills,
        places=places,
        sites=state.sites,
        view=state.view,
    )
    st.pydeck_chart(deck, height=560, key="map")
    panels.legend(rings, shown)
    panels.downloads(state.sites, rings)
with side_column:
    panels.coverage(state.sites, rings)
    panels.preset_sources()
