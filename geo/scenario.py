"""Which rings to draw for a missile system and a claimed/alleged view, each with its source.

Figures come from ``data/systems.csv``; the INF band is the treaty's (``data/FACTS.md`` §2).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from .model import INF_BAND, INF_SOURCE, Band, System

MODES = ("claimed", "alleged", "both")


@dataclass(frozen=True)
class RingSpec:
    """A ring (or band) to draw: its range in km, what it stands for and where it comes from."""

    band: Band
    role: str  # "claimed", "treaty", "estimate" or "custom"
    label: str
    source: str


def rings_for(
    system: System, mode: str, *, estimates: bool, extra_km: Sequence[float] = ()
) -> tuple[list[RingSpec], list[str]]:
    """Rings for one system of ``systems.csv`` in ``mode``, plus notices for missing figures.

    Args:
        system: One of ``data/systems.csv`` (:func:`geo.data.system`).
        mode: "claimed", "alleged" or "both".
        estimates: Also draw the third-party estimate rings in the alleged view.
        extra_km: The user's own rings in km.

    Returns:
        ``(rings, notices)``; a notice says which figure is missing instead of drawing nothing.
    """
    name = system.name
    rings: list[RingSpec] = []
    notices: list[str] = []
    if mode in ("claimed", "both"):
        claimed = system.claimed_km
        if claimed is None:
            notices.append(f"data/systems.csv has no claimed range for {name}.")
        else:
            rings.append(
                RingSpec(
                    Band(0.0, claimed),
                    "claimed",
                    f"Claimed {claimed:,g} km",
                    system.source_claimed,
                )
            )
    if mode in ("alleged", "both"):
        low, high = system.alleged_min_km, system.alleged_max_km
        if low is None and high is None:
            notices.append(f"data/systems.csv has no alleged range for {name}.")
        else:
            rings.append(RingSpec(INF_BAND, "treaty", f"INF band {INF_BAND.label}", INF_SOURCE))
            if estimates:
                rings += _estimates(system)
    rings += [
        RingSpec(Band(0.0, km), "custom", f"Custom {km:,g} km", "your own ring") for km in extra_km
    ]
    return rings, notices


def _estimates(system: System) -> list[RingSpec]:
    """The third-party estimate rings, smallest first, each with the source of its own figure."""
    found: dict[float, str] = {}
    for km, source in (
        (system.alleged_min_km, system.source_alleged_min),
        (system.alleged_max_km, system.source_alleged_max),
    ):
        if km is not None:
            found.setdefault(km, source)
    return [
        RingSpec(Band(0.0, km), "estimate", f"Estimate {km:,g} km", source)
        for km, source in sorted(found.items())
    ]


def rings_for_bands(bands: Sequence[Band], systems: Sequence[System]) -> list[RingSpec]:
    """Rings for bare bands (the command line's ``--range-km`` and ``--band``), named and cited
    as the app names them where a band is the INF band or a figure of one of ``systems``."""
    rings = []
    for band in bands:
        ring = RingSpec(band, "custom", f"Custom {band.label}", "your own ring")
        if band == INF_BAND:
            ring = RingSpec(band, "treaty", f"INF band {INF_BAND.label}", INF_SOURCE)
        elif band.kind == "disk":
            for system in systems:
                if system.claimed_km == band.max_km:
                    label = f"{system.name} claimed {band.label}"
                    ring = RingSpec(band, "claimed", label, system.source_claimed)
                    break
                estimate = [e for e in _estimates(system) if e.band == band]
                if estimate:
                    ring = replace(estimate[0], label=f"{system.name} estimate {band.label}")
                    break
        rings.append(ring)
    return rings
