"""The map's state as a URL query string, so a copied link reopens the same map.

Pure (no Streamlit): ``ui.controls`` reads the query string through it once per session and
writes it back after each run.

Links get edited and tampered with: everything read back is bounded and validated, and whatever
is wrong falls back to the default with a notice, keeping the parts that are valid.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from geo import (
    COORD_DECIMALS,
    MODES,
    GeoInputError,
    LaunchSite,
    Target,
    clean_text,
    require_radius_m,
    site_name,
)
from geo.numbers import parse_km, split_km_list

MAX_URL_SITES = 500
MAX_EXTRA_RINGS = 10
VIEWS = ("map", "globe")


@dataclass(frozen=True)
class Camera:
    """Where the map looks: its centre in degrees and deck.gl's zoom (the view type is the
    state's ``view``)."""

    longitude: float
    latitude: float
    zoom: float


# Zooms a link may hold: deck.gl's flat map and globe are usable within these.
MIN_ZOOM, MAX_ZOOM = -3.0, 20.0


@dataclass(frozen=True)
class MapState:
    """Everything a link restores: system, view mode, sites and the user's own rings."""

    system: str
    mode: str
    sites: tuple[LaunchSite, ...]
    extra_km: tuple[float, ...] = ()
    estimates: bool = True
    view: str = "map"
    target: Target | None = None  # the point asked about ("can it reach X?")
    launch_km: float | None = None  # the range of the launch area drawn around the target
    strip_km: tuple[float, float] | None = None  # the strip between two rings, inner, outer
    camera: Camera | None = None  # None: the map fits the sites and their largest ring


def to_query(state: MapState) -> dict[str, str | list[str]]:
    """Query parameters for ``state``; sites as ``lat,lon,name`` (6 decimals, ~0.1 m)."""
    return {
        "system": state.system,
        "mode": state.mode,
        # No sites is written as one empty value: a link drops an empty list, and would then
        # reopen with the default sites.
        "site": [f"{short_number(s.lat)},{short_number(s.lon)},{s.name}" for s in state.sites]
        or "",
        "ring": [short_number(km) for km in state.extra_km],
        "est": "1" if state.estimates else "0",
        "view": state.view,
        # Absent values as empty lists: a link then holds no empty parameter for them.
        "target": [] if state.target is None else [_point_text(state.target)],
        "launch": [] if state.launch_km is None else [short_number(state.launch_km)],
        "strip": [] if state.strip_km is None else [":".join(map(short_number, state.strip_km))],
        "cam": [] if state.camera is None else [camera_text(state.camera)],
    }


def camera_text(camera: Camera) -> str:
    """``lat,lon,zoom``: 4 decimals (~10 m) for the centre, 2 for the zoom."""
    return f"{camera.latitude:.4f},{camera.longitude:.4f},{camera.zoom:.2f}"


def parse_camera(text: str) -> Camera:
    """A camera from ``lat,lon,zoom``.

    Raises:
        GeoInputError: not three finite numbers, a latitude beyond ±90°, or a zoom outside
            [MIN_ZOOM, MAX_ZOOM]; a longitude is wrapped into [-180, 180).
    """
    parts = text.split(",")
    try:
        lat, lon, zoom = (float(part) for part in parts)
    except ValueError:
        raise GeoInputError(f"expected lat,lon,zoom, got {text[:40]!r}") from None
    if not all(math.isfinite(v) for v in (lat, lon, zoom)) or abs(lat) > 90:
        raise GeoInputError(f"no such place: {text[:40]!r}")
    if not MIN_ZOOM <= zoom <= MAX_ZOOM:
        raise GeoInputError(f"zoom {zoom:g} is outside {MIN_ZOOM:g} to {MAX_ZOOM:g}")
    return Camera(longitude=(lon + 180.0) % 360.0 - 180.0, latitude=lat, zoom=zoom)


def reported_camera(value: object) -> Camera | None:
    """The camera the map reported (``{"latitude": …, "longitude": …, "zoom": …}``) as the link
    would hold it; ``None`` for anything else (a forged page can send any value)."""
    try:
        return parse_camera(
            ",".join(str(float(value[k])) for k in ("latitude", "longitude", "zoom"))  # type: ignore[index]
        )
    except (GeoInputError, KeyError, TypeError, ValueError):
        return None


def _point_text(target: Target) -> str:
    return f"{short_number(target.lat)},{short_number(target.lon)},{target.name}"


def from_query(
    params: Mapping[str, Sequence[str]],
    *,
    default: MapState,
    systems: Sequence[str],
    known_sites: Sequence[LaunchSite] = (),
) -> tuple[MapState, list[str]]:
    """Read a state back from query parameters (each key to its list of values).

    Args:
        params: e.g. ``{key: st.query_params.get_all(key)}``.
        default: What to use for anything missing or invalid.
        systems: Names of known systems.
        known_sites: Preset sites; a URL site with the same name and position gets their
            role and source back.

    Returns:
        ``(state, notices)``: one notice per value that was ignored.
    """
    notices: list[str] = []
    state = default
    params = {key: [clean_text(value) for value in values] for key, values in params.items()}

    for key, allowed in (("system", systems), ("mode", MODES), ("view", VIEWS)):
        value = _one(params, key)
        if value is None:
            continue
        if value in allowed:
            state = replace(state, **{key: value})
        else:
            shown = getattr(default, key)
            notices.append(f"Unknown {key} {value[:60]!r} in the link; showing {shown}.")
    est = _one(params, "est")
    if est in ("0", "1"):
        state = replace(state, estimates=est == "1")
    elif est is not None:
        notices.append(f"Unknown est {est[:60]!r} in the link; use 0 or 1.")

    if "site" in params:
        values = [value for value in params["site"] if value != ""]
        if len(values) > MAX_URL_SITES:
            notices.append(
                f"The link has {len(values):,} sites; only the first {MAX_URL_SITES} are used."
            )
            values = values[:MAX_URL_SITES]
        presets = {s.key: s for s in known_sites}
        sites = []
        for i, value in enumerate(values, start=1):
            try:
                site = _site(value)
            except GeoInputError as exc:
                notices.append(f"Site {i} in the link was ignored: {exc}.")
                continue
            sites.append(presets.get(site.key, site))
        if sites or not values:
            state = replace(state, sites=tuple(sites))
    if "ring" in params:
        values = list(params["ring"])
        if len(values) > MAX_EXTRA_RINGS:
            notices.append(
                f"The link has {len(values):,} rings; only the first {MAX_EXTRA_RINGS} are used."
            )
        rings = []
        for value in values[:MAX_EXTRA_RINGS]:
            try:
                rings.append(parse_ring_km(value))
            except GeoInputError as exc:
                notices.append(f"A ring in the link was ignored: {exc}.")
        state = replace(state, extra_km=tuple(rings))
    cam = _one(params, "cam")
    if cam is not None:
        try:
            state = replace(state, camera=parse_camera(cam))
        except GeoInputError as exc:
            notices.append(f"The link's camera was ignored ({exc}); the map fits the sites.")
    return _reach_from_query(params, state, notices), notices


def _reach_from_query(
    params: Mapping[str, Sequence[str]], state: MapState, notices: list[str]
) -> MapState:
    """The target, its launch area and the strip, each kept only if valid."""
    readers = (
        ("target", "target", "The target", _target),
        ("launch", "launch_km", "The launch area", parse_ring_km),
        ("strip", "strip_km", "The strip", parse_strip_km),
    )
    for key, field, what, read in readers:
        value = _one(params, key)
        if not value:
            continue
        try:
            state = replace(state, **{field: read(value)})
        except GeoInputError as exc:
            notices.append(f"{what} in the link was ignored: {exc}.")
    return state


def _target(value: str) -> Target:
    site = _site(value)
    return Target(name=site.name, lat=site.lat, lon=site.lon)


def parse_strip_km(text: str) -> tuple[float, float]:
    """``INNER:OUTER`` in km, e.g. ``"480:500"``.

    Raises:
        GeoInputError: not two valid ring radii with inner below outer.
    """
    inner, sep, outer = text.partition(":")
    if not sep:
        raise GeoInputError(f"strip must be INNER:OUTER in km, got {text[:30]!r}")
    inner_km, outer_km = parse_ring_km(inner), parse_ring_km(outer)
    if inner_km >= outer_km:
        raise GeoInputError(f"strip inner edge must be below its outer edge, got {text[:30]!r}")
    return inner_km, outer_km


def parse_ring_km(text: str) -> float:
    """A ring radius in km from user text, e.g. ``"1000"``, ``"1,000"`` or ``"1000 km"``
    (:func:`geo.numbers.parse_km`), rounded to 6 decimals (1 mm).

    Rounded as links and the rings box write it (:func:`short_number`), so a ring reads back
    from a link as the same number; a ring that rounds to beyond the antipodal limit is refused
    here rather than written into a link that would then refuse it.

    Raises:
        GeoInputError: not a finite number in [1 m, antipodal limit].
    """
    km = round(parse_km(text), COORD_DECIMALS)
    require_radius_m(km * 1000.0, "ring")
    return km


def parse_rings_km(text: str) -> tuple[list[float], list[str]]:
    """The rings of the rings box, e.g. ``"1,000; 2 500 km, 3000"``, each read as
    :func:`parse_ring_km` reads a link's ring, plus one error per ring that is refused."""
    rings, errors = [], []
    for item in split_km_list(text):
        try:
            rings.append(parse_ring_km(item))
        except GeoInputError as exc:
            errors.append(str(exc))
    return rings, errors


def short_number(value: float) -> str:
    """A number as short text that keeps 6 decimals (URL values and the rings text box)."""
    # 6 decimals (geo.model's precision): ~0.1 m for a coordinate, 1 mm for a ring in km.
    return f"{value:.{COORD_DECIMALS}f}".rstrip("0").rstrip(".")


def _one(params: Mapping[str, Sequence[str]], key: str) -> str | None:
    values = params.get(key)
    return values[-1] if values else None


def _site(value: str) -> LaunchSite:
    parts = value.split(",", 2)
    if len(parts) < 2:
        raise GeoInputError(f"expected lat,lon,name, got {value[:40]!r}")
    try:
        lat, lon = float(parts[0]), float(parts[1])
    except ValueError:
        raise GeoInputError(f"expected numbers in {value[:40]!r}") from None
    return LaunchSite(
        name=site_name(parts[2] if len(parts) == 3 else "", lat, lon), lat=lat, lon=lon
    )
