"""Edits the map component reports (move, add, remove a site), applied to the site list, and
the points of its other tools (a measure's ends, a target).

Pure: no Streamlit. Whatever the browser sends is untrusted: a payload that is malformed, out of
range, for an unknown site or stale (the site moved since the drag began) changes nothing and
comes back with a notice saying why.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from geo import LaunchSite, round_deg, site_name, wrap_deg
from geo.sites_io import auto_site_name, is_auto_named
from ui.urlstate import MAX_URL_SITES

MOVED = " (moved)"
MOVED_ROLE = "moved on the map"
ACTIONS = ("move", "add", "remove")


# A person drags, clicks or types a few edits a second at most; a page sending more is broken or
# hostile, and each edit that changes the sites costs a full rerun of the server's time.
EDIT_BURST = 10
EDITS_PER_SECOND = 5.0


@dataclass
class EditBudget:
    """How many edits a session may still make: ``EDIT_BURST`` at once, refilled at
    ``EDITS_PER_SECOND`` (a token bucket)."""

    at_s: float  # when ``tokens`` was counted (time.monotonic)
    tokens: float = EDIT_BURST

    def take(self, now_s: float) -> bool:
        """Spend one edit at ``now_s``; False (nothing spent) when none is left."""
        self.tokens = min(EDIT_BURST, self.tokens + (now_s - self.at_s) * EDITS_PER_SECOND)
        self.at_s = now_s
        if self.tokens < 1.0:
            return False
        self.tokens -= 1.0
        return True

    def wait_s(self) -> float:
        """Seconds until the next edit may be spent."""
        return max(0.0, 1.0 - self.tokens) / EDITS_PER_SECOND


def too_fast(sites: tuple[LaunchSite, ...]) -> EditResult:
    """The refusal of an edit beyond the session's budget."""
    return _refused(
        sites, f"the map sent more than {EDITS_PER_SECOND:g} edits a second; wait a moment"
    )


@dataclass(frozen=True)
class EditResult:
    """The site list after an edit, and what to tell the user (``ok`` False: nothing changed)."""

    sites: tuple[LaunchSite, ...]
    message: str
    ok: bool


def apply_edit(sites: tuple[LaunchSite, ...], edit: object) -> EditResult:
    """Apply ``{action, id, lat, lon, from}`` from the map to ``sites``.

    ``id`` is the site's index in ``sites`` as text; ``from`` is the ``[lat, lon]`` the browser
    had for it when the edit began, so an edit made on an outdated map is refused, not guessed.
    """
    if not isinstance(edit, dict) or edit.get("action") not in ACTIONS:
        return _refused(sites, "the map sent an edit this app does not know")
    action = edit["action"]
    if action != "remove":
        try:
            lat, lon = _position(edit.get("lat"), edit.get("lon"))
        except ValueError as exc:
            return _refused(sites, str(exc))
    if action == "add":
        if len(sites) >= MAX_URL_SITES:
            return _refused(sites, f"at most {MAX_URL_SITES} sites fit on one map")
        added = LaunchSite(name=site_name("", lat, lon), lat=lat, lon=lon, role="added on the map")
        return EditResult((*sites, added), f"Added {added.name}.", ok=True)

    index = _index(edit.get("id"), len(sites))
    if index is None:
        return _refused(sites, "it names a site that is not on the map")
    site = sites[index]
    if not _same_position(edit.get("from"), site):
        return _refused(sites, f"{site.name} changed since the edit began; try again")
    if action == "remove":
        rest = sites[:index] + sites[index + 1 :]
        return EditResult(rest, f"Removed {site.name}.", ok=True)
    if is_auto_named(site):
        name = auto_site_name(lat, lon)  # it said where the site was: now where it is
    elif site.name.endswith(MOVED):
        name = site.name
    else:
        name = site_name(site.name + MOVED, lat, lon)
    moved = LaunchSite(name=name, lat=lat, lon=lon, role=MOVED_ROLE)
    return EditResult(
        (*sites[:index], moved, *sites[index + 1 :]),
        f"Moved {site.name} to {lat:.4f}°, {lon:.4f}°.",
        ok=True,
    )


def measure_points(edit: object) -> tuple[tuple[float, float], tuple[float, float]]:
    """The two ends ``(lat, lon)`` of a measure the map sent (``action`` "measure": from ``from``
    to ``lat``, ``lon``).

    Raises:
        ValueError: not a measure, or an end that is not a position.
    """
    if not isinstance(edit, dict) or edit.get("action") != "measure":
        raise ValueError("it is not a measure")
    start = edit.get("from")
    if not isinstance(start, list | tuple) or len(start) != 2:
        raise ValueError("its first point is missing")
    return _position(*start), _position(edit.get("lat"), edit.get("lon"))


def target_point(edit: object) -> tuple[float, float]:
    """The target ``(lat, lon)`` the map sent (``action`` "target", picked on the map).

    Raises:
        ValueError: not a target, or not a position.
    """
    if not isinstance(edit, dict) or edit.get("action") != "target":
        raise ValueError("it is not a target")
    return _position(edit.get("lat"), edit.get("lon"))


def _refused(sites: tuple[LaunchSite, ...], why: str) -> EditResult:
    return EditResult(sites, f"The map edit was ignored: {why}.", ok=False)


def _position(lat: object, lon: object) -> tuple[float, float]:
    if not (_is_number(lat) and _is_number(lon)):
        raise ValueError("its coordinates are not numbers")
    lat, lon = _float(lat), _float(lon)
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise ValueError("its coordinates are not finite numbers")
    if not -90.0 <= lat <= 90.0:
        raise ValueError(f"latitude {lat:g} is outside -90..90")
    # deck.gl reports longitudes of the world copies left and right of the main one (-358, 362).
    lon = float(wrap_deg(lon))
    # At the project's precision, as in links, so a shared link reopens the same sites and the
    # same export bytes.
    return round_deg(lat), round_deg(lon)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _float(number: int | float) -> float:
    """A JSON number as a float; an integer of hundreds of digits (forged) is infinite."""
    try:
        return float(number)
    except OverflowError:
        return math.inf if number > 0 else -math.inf


def _index(site_id: object, count: int) -> int | None:
    if not isinstance(site_id, str) or not site_id.isdecimal() or len(site_id) > 6:
        return None
    index = int(site_id)
    return index if index < count else None


def _same_position(start: object, site: LaunchSite) -> bool:
    if not isinstance(start, list | tuple) or len(start) != 2:
        return False
    lat, lon = start
    if not (_is_number(lat) and _is_number(lon)):
        return False
    lat, lon = _float(lat), _float(lon)
    # The browser had the coordinates Python sent: the same position by the one identity rule.
    return site.is_at(lat, float(wrap_deg(lon)))
