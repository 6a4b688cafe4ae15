"""Which rings to draw for a missile system and a claimed/alleged view, each with its source.

Figures come from ``data/systems.csv``; the INF band is the treaty's (``data/FACTS.md`` §2).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from .geojson import Band

MODES = ("claimed", "alleged", "both")
INF_BAND_KM = (500.0, 5500.0)
INF_SOURCE = (
    "INF Treaty (8 Dec 1987) Art. II: ground-launched missiles of 500–5,500 km range. US State "
    "Dept compliance reports: the 9M729 has a 'range capability of 500 km to 5,500 km' "
    "(CRS R43832); US Embassy Moscow 24 Jan 2019: tested 'to ranges beyond 500 kilometers'"
)


@dataclass(frozen=True)
class RingSpec:
    """A ring (or band) to draw: its range in km, what it stands for and where it comes from."""

    band: Band
    role: str  # "claimed", "treaty", "estimate" or "custom"
    label: str
    source: str


def rings_for(
    system: pd.Series, mode: str, *, estimates: bool, extra_km: Sequence[float] = ()
) -> tuple[list[RingSpec], list[str]]:
    """Rings for one row of ``systems.csv`` in ``mode``, plus notices for missing figures.

    Args:
        system: A row of :func:`geo.data.systems`.
        mode: "claimed", "alleged" or "both".
        estimates: Also draw the third-party estimate rings in the alleged view.
        extra_km: The user's own rings in km.

    Returns:
        ``(rings, notices)``; a notice says which figure is missing instead of drawing nothing.
    """
    name = system["name"]
    rings: list[RingSpec] = []
    notices: list[str] = []
    if mode in ("claimed", "both"):
        claimed = _km(system["claimed_range_km"])
        if claimed is None:
            notices.append(f"data/systems.csv has no claimed range for {name}.")
        else:
            rings.append(
                RingSpec(
                    Band(0.0, claimed),
                    "claimed",
                    f"Claimed {claimed:,g} km",
                    str(system["source_claimed"]),
                )
            )
    if mode in ("alleged", "both"):
        low, high = _km(system["alleged_range_km_min"]), _km(system["alleged_range_km_max"])
        if low is None and high is None:
            notices.append(f"data/systems.csv has no alleged range for {name}.")
        else:
            rings.append(
                RingSpec(Band(*INF_BAND_KM), "treaty", "INF band 500–5,500 km", INF_SOURCE)
            )
            if estimates:
                rings += [
                    RingSpec(
                        Band(0.0, km),
                        "estimate",
                        f"Estimate {km:,g} km",
                        str(system["source_alleged"]),
                    )
                    for km in sorted({k for k in (low, high) if k is not None})
                ]
    rings += [
        RingSpec(Band(0.0, km), "custom", f"Custom {km:,g} km", "your own ring") for km in extra_km
    ]
    return rings, notices


def _km(value: object) -> float | None:
    try:
        km = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return km if math.isfinite(km) and km > 0 else None
