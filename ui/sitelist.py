"""The session's site list: the sites on the map, and the choices the sidebar offers.

Pure: no Streamlit. The sites on the map, a tuple in map order, are the truth; the sidebar's
labels are derived from them. Two sites are the same site by ``LaunchSite.key``. The choices are
the presets, the sites the user brought this session and the sites on the map; a position that a
dragged site has left is dropped after each map edit, or every drop would add a choice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from geo import LaunchSite
from ui.edits import MOVED_ROLE

Sites = tuple[LaunchSite, ...]


def with_added(sites: Sites, new: Iterable[LaunchSite], limit: int) -> tuple[Sites, int]:
    """``sites`` followed by those of ``new`` not on the map yet, up to ``limit`` sites in all.

    Returns:
        The sites, and how many new ones did not fit.
    """
    on_map = {site.key for site in sites}
    fresh = list(_unique(site for site in new if site.key not in on_map))
    room = max(0, limit - len(sites))
    return (*sites, *fresh[:room]), max(0, len(fresh) - room)


def kept_with(kept: Sites, sites: Sites) -> Sites:
    """The sites to keep offering: ``kept``, then those of ``sites`` not among them."""
    return tuple(_unique((*kept, *sites)))


def without_left_positions(kept: Sites, on_map: Sites) -> Sites:
    """``kept`` without the positions dragged sites have left (a site moved on the map that is
    no longer on it). Presets and sites the user brought stay."""
    keys = {site.key for site in on_map}
    return tuple(site for site in kept if site.role != MOVED_ROLE or site.key in keys)


def choices(presets: Sequence[LaunchSite], kept: Sites, sites: Sites) -> dict[str, LaunchSite]:
    """Label -> site for the sidebar, each site once. A label is the site's name, with its
    position added when another site has that name."""
    offered: dict[str, LaunchSite] = {}
    for site in _unique((*presets, *kept, *sites)):
        label = site.name
        if label in offered:
            label = f"{site.name} ({site.lat:.4f}, {site.lon:.4f})"
        base, n = label, 2
        while label in offered:
            label, n = f"{base} ({n})", n + 1
        offered[label] = site
    return offered


def labels_of(sites: Sites, offered: dict[str, LaunchSite]) -> list[str]:
    """The labels of ``sites`` among ``offered``, in map order."""
    label_of = {site.key: label for label, site in offered.items()}
    return list(dict.fromkeys(label_of[site.key] for site in sites))


def _unique(sites: Iterable[LaunchSite]) -> Iterable[LaunchSite]:
    seen = set()
    for site in sites:
        if site.key not in seen:
            seen.add(site.key)
            yield site
