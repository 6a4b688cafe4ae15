"""Sidebar controls and the session's state. State lives in ``st.session_state``; the URL
mirrors it (``ui.urlstate``) so a copied link reopens the same map.

The sites on the map are ``st.session_state.sites``, a tuple; the sidebar's site labels are
derived from it (``ui.sitelist``), and every change (sidebar, import, map edit) sets it.
"""

from __future__ import annotations

import secrets
import time

import streamlit as st

from geo import MODES, LaunchSite, data
from ui import addsites, longlink, reach, sitelist
from ui.edits import EditBudget, apply_edit, too_fast
from ui.urlstate import (
    MAX_EXTRA_RINGS,
    MAX_URL_SITES,
    VIEWS,
    MapState,
    from_query,
    parse_rings_km,
    reported_camera,
    short_number,
    to_query,
)

DEFAULT_SITES = ("Kapustin Yar", "Kamyshlov", "Mozdok", "Shuya")
MODE_LABELS = {"claimed": "Claimed", "alleged": "Alleged", "both": "Both"}
SITE_PICKER = "Sites on the map"
# More than the site changes a request can cross: a page sends one map edit at a time.
PICKER_KEYS = 8
STALE_PICK = (
    "The change in the sidebar's site list was not applied: the sites changed on the map at "
    "the same moment. Make it again."
)
# The map's tools that send a point, not a site edit: what takes each (ui.reach).
TOOLS = {"measure": reach.take_measure, "target": reach.take_target}
URL_KEYS = ("system", "mode", "site", "ring", "est", "view", "target", "launch", "strip", "cam")


def default_state() -> MapState:
    """9M729, both views, the four reported battalion sites."""
    return MapState(
        system="9M729",
        mode="both",
        sites=tuple(data.find_preset(name) for name in DEFAULT_SITES),
    )


def init_session() -> None:
    """On a session's first run, load the state from the URL (with notices for bad parts)."""
    if "sites" in st.session_state:
        return
    params = {key: st.query_params.get_all(key) for key in URL_KEYS if key in st.query_params}
    load_link(params)
    # An empty link may be one Streamlit ignored (more than 1,000 parameters): the first run
    # asks the page (ui.longlink) and leaves the URL as it is.
    st.session_state.link_unread = not st.query_params


def load_link(params: dict[str, list[str]], notices: tuple[str, ...] = ()) -> None:
    """Make the link's ``params`` the session's state; notices for what was ignored."""
    state, ignored = from_query(
        params,
        default=default_state(),
        systems=list(data.systems()["name"]),
        known_sites=data.preset_sites(),
    )
    st.session_state.kept = ()
    set_sites(state.sites)
    st.session_state.system = state.system
    st.session_state.mode = state.mode
    st.session_state.estimates = state.estimates
    st.session_state.view = state.view
    st.session_state.extra_rings = ", ".join(short_number(km) for km in state.extra_km)
    st.session_state.notices = [*notices, *ignored]
    # The target card's state (ui.reach): the point asked about, its launch area, the strip.
    st.session_state.target = state.target
    st.session_state.launch_km = state.launch_km
    st.session_state.strip_km = state.strip_km
    st.session_state.camera = state.camera


def _on_link_report() -> None:
    report = longlink.reported()
    if report is None:
        return
    fields, params = report
    if params:
        params = {key: values for key, values in params.items() if key in URL_KEYS}
        notice = (
            f"The link has {fields:,} parameters, more than the {longlink.STREAMLIT_MAX_FIELDS:,}"
            " Streamlit reads; the app read it itself, keeping what fits."
        )
        load_link(params, (notice,))


def current_state() -> tuple[MapState, list[str]]:
    """The state the widgets show, plus errors in the user's extra rings."""
    extra, errors = parse_rings_km(st.session_state.extra_rings)
    if len(extra) > MAX_EXTRA_RINGS:
        errors.append(f"at most {MAX_EXTRA_RINGS} extra rings; the rest are ignored")
    state = MapState(
        system=st.session_state.system,
        mode=st.session_state.mode or "both",
        sites=st.session_state.sites,
        extra_km=tuple(dict.fromkeys(extra))[:MAX_EXTRA_RINGS],
        estimates=st.session_state.estimates,
        view=st.session_state.view,
        # .get: Streamlit drops a widget's value in a run that does not draw it.
        target=st.session_state.get("target"),
        launch_km=st.session_state.get("launch_km"),
        strip_km=st.session_state.get("strip_km"),
        camera=st.session_state.get("camera"),
    )
    return state, errors


def on_camera() -> None:
    """The map's camera stopped moving: it goes into the link (a bad one is ignored)."""
    camera = reported_camera(st.session_state["map"].camera)
    if camera is not None:
        st.session_state.camera = camera


def sync_url(state: MapState) -> None:
    """Write the state into the query string, only when it changed; not on the first run of
    an empty link, which the page may have to report first."""
    if st.session_state.link_unread:
        st.session_state.link_unread = False
        return
    wanted = to_query(state)
    current = {key: st.query_params.get_all(key) for key in URL_KEYS}
    as_lists = {k: v if isinstance(v, list) else [v] for k, v in wanted.items()}
    if current != as_lists:
        st.query_params.from_dict(wanted)


def sidebar() -> None:
    """System, view mode, sites (presets, coordinates, place names, import) and extra rings."""
    systems = data.systems()
    with st.sidebar:
        st.header("Missile system")
        st.selectbox("System", list(systems["name"]), key="system")
        st.radio(
            "Whose range?",
            MODES,
            key="mode",
            horizontal=True,
            format_func=MODE_LABELS.get,
            help="Claimed: the operating state's figure. Alleged: what others say it can do.",
        )
        st.checkbox("Show third-party estimates in the alleged view", key="estimates")
        st.text_input(
            "Extra rings (km)",
            key="extra_rings",
            placeholder="e.g. 1,000; 2,500",
            help="Your own ranges in km, e.g. 1,000 or 1 000 or 1000 km. Separate rings with "
            "';' or a comma and a space (1000, 2000); a decimal takes a point (2,350.5).",
        )

        st.header("Launch sites")
        offered = _choices()
        key = _picker_key()
        st.session_state[key] = sitelist.labels_of(st.session_state.sites, offered)
        # What each picker showed: a request that crossed changes carries one (_on_pick_labels).
        st.session_state.picker_shown = {
            **st.session_state.get("picker_shown", {}),
            key: st.session_state[key],
        }
        st.multiselect(
            SITE_PICKER,
            list(offered),
            key=key,
            on_change=_on_pick_labels,
            args=(key,),
            help="Presets from data/sites.csv (approximate town points) and your own sites.",
        )
        addsites.widgets(add_sites)

        st.header("Map")
        st.radio("View", VIEWS, key="view", horizontal=True, format_func=str.capitalize)
        if st.session_state.link_unread:
            longlink.report_link(_on_link_report)


def add_sites(sites: list[LaunchSite]) -> int:
    """Add sites to the map (one already there is not added twice), up to ``MAX_URL_SITES``
    in all, so that the map, its export and its link always hold the same sites.

    Returns:
        How many sites did not fit.
    """
    added, left_out = sitelist.with_added(st.session_state.sites, sites, MAX_URL_SITES)
    set_sites(added)
    return left_out


def set_sites(sites: tuple[LaunchSite, ...], *, picked: bool = False) -> None:
    """Make ``sites`` the map's sites, in order; new ones stay among the sidebar's choices.

    A change not ``picked`` in the sidebar's site picker gives the picker a new key: a request
    the page sent before it saw the change (a click in the sidebar while a drop's run goes on)
    carries the picker's labels from before, which Streamlit would otherwise take for the
    user's pick, undoing the change or naming a site no longer offered.
    """
    if not picked and sites != st.session_state.get("sites"):
        st.session_state.picker_version = st.session_state.get("picker_version", 0) + 1
    st.session_state.sites = sites
    st.session_state.kept = sitelist.kept_with(st.session_state.kept, sites)


def _choices() -> dict[str, LaunchSite]:
    return sitelist.choices(data.preset_sites(), st.session_state.kept, st.session_state.sites)


def _picker_key() -> str:
    # A few keys in turn: Streamlit keeps what it knows of every widget key a session used.
    return f"site_labels_{st.session_state.picker_version % PICKER_KEYS}"


def _on_pick_labels(key: str) -> None:
    if key != _picker_key():
        # The page's picker from before a change made elsewhere, sent with a request that
        # crossed that change: as the page showed it, nothing to do; changed, it is not
        # applied over sites the user had not seen yet.
        if st.session_state[key] != st.session_state.picker_shown.get(key):
            st.session_state.map_message = (False, STALE_PICK)
        return
    offered = _choices()
    # A label the picker never offered comes only from a forged message: left out.
    picked = (offered[label] for label in st.session_state[key] if label in offered)
    set_sites(tuple(picked), picked=True)


def on_map_edit() -> None:
    """A site dragged, added or removed, a measure or a target picked on the map: apply it, or
    say why it was ignored."""
    edit = st.session_state["map"].edit
    if edit is None:
        return
    key = edit.get("key") if isinstance(edit, dict) else None
    key = key if isinstance(key, str) and len(key) <= 64 else None
    if key is not None and key == st.session_state.get("edit_key"):
        return  # sent again by a page that missed the answer: applied once
    st.session_state.edit_key = key
    now_s = time.monotonic()
    budget = st.session_state.setdefault("edit_budget", EditBudget(at_s=now_s))
    if budget.take(now_s):
        tool = edit.get("action") if isinstance(edit, dict) else None
        if isinstance(tool, str) and tool in TOOLS:
            st.session_state.map_message = TOOLS[tool](edit)
            return
        result = apply_edit(st.session_state.sites, edit)
    else:
        result = too_fast(st.session_state.sites)
        # This run waits (sleeping, so other sessions' runs take the CPU) until the next edit
        # could count: requests that arrive meanwhile are merged into one rerun, so a page
        # that floods the server with edits gets a few runs a second, not hundreds.
        time.sleep(budget.wait_s())
    if result.ok:
        set_sites(result.sites)
        st.session_state.kept = sitelist.without_left_positions(st.session_state.kept, result.sites)
    st.session_state.map_message = (result.ok, result.message)


def edit_receipt() -> dict[str, str | None]:
    """The key of the last map edit answered, and this session's token (ui.deckmap)."""
    session = st.session_state.setdefault("session_token", secrets.token_hex(8))
    return {"edit_key": st.session_state.get("edit_key"), "session": session}


def map_message() -> tuple[bool, str]:
    """``(applied, message)`` of the last map edit; ``(True, "")`` if there was none."""
    return st.session_state.get("map_message", (True, ""))


def forget_map_message() -> None:
    """Called once a run has shown the message: a run cut short shows it again in the next."""
    st.session_state.pop("map_message", None)
