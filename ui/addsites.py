"""The sidebar's three ways to add sites: coordinates, a place from the offline gazetteer, and
an import (CSV or GeoJSON). Each hands its sites to ``add`` (``ui.controls.add_sites``), which
keeps the map, its export and its link to the same sites and says how many did not fit.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import streamlit as st

from geo import GeoInputError, LaunchSite, data, parse_position, parse_sites, site_name
from ui.text import plain
from ui.urlstate import MAX_URL_SITES

GAZETTEER_MATCHES = 20
# Adds sites to the map; returns how many did not fit.
AddSites = Callable[[list[LaunchSite]], int]


def widgets(add: AddSites) -> None:
    """The coordinates form, the gazetteer search and the import section, in that order."""
    _add_by_coordinates(add)
    _add_by_place_name(add)
    _import_sites(add)


def _add_by_coordinates(add: AddSites) -> None:
    with st.form("add_coordinates", clear_on_submit=False, border=False):
        st.text_input(
            "Add a site by coordinates",
            key="new_coords",
            placeholder="48.58, 45.74  or  48°35'N 45°44'E",
        )
        st.text_input("Name (optional)", key="new_name")
        st.form_submit_button("Add site", on_click=_on_add_coordinates, args=(add,))
    if st.session_state.get("coords_error"):
        st.error(plain(st.session_state.coords_error))


def _on_add_coordinates(add: AddSites) -> None:
    st.session_state.coords_error = ""
    text = st.session_state.new_coords.strip()
    parts = [p for p in re.split(r"\s*[,;]\s*|\s+(?=[-+\d])", text) if p]
    try:
        if len(parts) != 2:
            raise GeoInputError(f"expected 'lat, lon', got {text[:60]!r}")
        lat, lon = parse_position(parts[0], parts[1])
        name = site_name(st.session_state.new_name, lat, lon)
        if add([LaunchSite(name=name, lat=lat, lon=lon, role="added by you")]):
            raise GeoInputError(f"the map already has {MAX_URL_SITES} sites, the most it holds")
    except GeoInputError as exc:
        st.session_state.coords_error = f"Could not add the site: {exc}"


def _add_by_place_name(add: AddSites) -> None:
    # A search box, not one select of all 7,343 places, whose options delayed the page's first
    # paint (docs/decisions/0008-gazetteer-search.md).
    st.text_input(
        "Add a place by name (offline gazetteer)",
        key="place_query",
        placeholder="Type a place name, then Enter",
        help="Natural Earth populated places under their current names (GeoNames), bundled "
        "with the app; older and native spellings find them too (Kiev, Київ).",
    )
    query = st.session_state.get("place_query", "")
    found = data.gazetteer().find(query, limit=GAZETTEER_MATCHES)
    if query.strip() and found.empty:
        st.caption(
            plain(
                f"No place name in the gazetteer contains {query.strip()[:60]!r}, in its "
                "current, older or native spelling: try part of the name."
            )
        )
    elif not found.empty:
        labels = {row.Index: _place_option(row) for row in found.itertuples()}
        st.selectbox(
            f"{len(found)} matching places"
            if len(found) < GAZETTEER_MATCHES
            else f"The {GAZETTEER_MATCHES} best matches",
            list(labels),
            key="gazetteer",
            index=None,
            format_func=labels.__getitem__,
            placeholder="Pick one to add it",
            on_change=_on_pick_place,
            args=(add,),
        )


def _place_option(row) -> str:
    region = f", {row.adm1name}" if isinstance(row.adm1name, str) and row.adm1name else ""
    return f"{row.name}{region}, {row.adm0name} (pop. {int(row.pop_max):,})"


def _on_pick_place(add: AddSites) -> None:
    index = st.session_state.gazetteer
    if index is None:
        return
    row = data.places().loc[index]
    left_out = add(
        [
            LaunchSite(
                name=f"{row['name']}, {row['adm0name']}",
                lat=float(row["latitude"]),
                lon=float(row["longitude"]),
                role="place from the gazetteer",
                source="Natural Earth 1:10m populated places",
            )
        ]
    )
    st.session_state.coords_error = (
        f"Could not add the place: the map already has {MAX_URL_SITES} sites, the most it holds"
        if left_out
        else ""
    )
    st.session_state.gazetteer = None
    st.session_state.place_query = ""


def _import_sites(add: AddSites) -> None:
    # Drawn only while open: its file uploader and text area cost the page's first paint.
    with st.expander(
        "Import sites (CSV or GeoJSON)", key="import_open", on_change="rerun"
    ) as section:
        if not section.open:
            return
        st.caption("CSV columns `name,lat,lon` (optional `role,source`), or GeoJSON points.")
        st.text_area("Paste", key="import_text", height=100)
        st.file_uploader(
            "or upload a file", type=["csv", "txt", "tsv", "geojson", "json"], key="import_file"
        )
        st.button("Import", on_click=_on_import, args=(add,))
        for level, message in st.session_state.get("import_messages", []):
            getattr(st, level)(plain(message))


def _on_import(add: AddSites) -> None:
    upload = st.session_state.import_file
    raw = upload.getvalue() if upload is not None else st.session_state.import_text
    messages = []
    try:
        result = parse_sites(raw)
    except GeoInputError as exc:
        messages.append(("error", f"Import refused: {exc}"))
    else:
        left_out = add(list(result.sites))
        if len(result.sites) > left_out:
            messages.append(("success", f"Imported {len(result.sites) - left_out} site(s)."))
        if left_out:
            messages.append(
                (
                    "error",
                    f"{left_out} site(s) not added: a map holds at most {MAX_URL_SITES} sites.",
                )
            )
        for err in result.errors[:50]:
            messages.append(("warning", err.message))
        if len(result.errors) > 50:
            messages.append(("warning", f"…and {len(result.errors) - 50} more rows with errors."))
        if not result.sites and not result.errors:
            messages.append(("warning", "Nothing to import: the input has no rows."))
    st.session_state.import_messages = messages
