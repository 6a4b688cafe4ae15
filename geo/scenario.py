"""Which rings to draw for a missile system and a claimed/alleged view, each with its source.

Figures come from ``data/systems.csv``; the INF band is the treaty's (``data/FACTS.md`` §2).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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
                rings += [
                    RingSpec(
                        Band(0.0, km),
                        "estimate",
                        f"Estimate {km:,g} km",
                        system.source_alleged,
                    )
                    for km in sorted({k for k in (low, high) if k is not None})
                ]
    rings += [
        RingSpec(Band(0.0, km), "custom", f"Custom {km:,g} km", "your own ring") for km in extra_km
    ]
    return rings, notices
