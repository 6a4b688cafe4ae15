"""The project's core types: a launch site, a range band, a missile system.

Positions are kept to ``COORD_DECIMALS`` decimals of a degree (about 0.1 m) wherever they are
written (links, the export's grid) or come from the map, and two sites are the same site when
their :attr:`LaunchSite.key` is equal: the same name at the same position to that precision.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from .errors import require_lat, require_lon

# 6 decimals of a degree: ~0.11 m, far below any tolerance we allow (1 m); RFC 7946 §11.2.
COORD_DECIMALS = 6


def round_deg(value_deg: float) -> float:
    """A coordinate at the project's precision (``COORD_DECIMALS``), never ``-0.0``."""
    return round(value_deg, COORD_DECIMALS) + 0.0


SiteKey = tuple[str, float, float]


@dataclass(frozen=True, kw_only=True)
class LaunchSite:
    """A named launch site at ``lat``, ``lon`` in degrees (WGS84), with where it came from.

    Keyword-only, so latitude and longitude can never be swapped by position.
    """

    name: str
    lat: float
    lon: float
    role: str = ""
    source: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "lat", require_lat(self.lat))
        object.__setattr__(self, "lon", require_lon(self.lon))

    @property
    def key(self) -> SiteKey:
        """The site's identity: name and position to ``COORD_DECIMALS`` (role and source aside)."""
        return (self.name, *position_key(self.lat, self.lon))

    @property
    def lonlat(self) -> tuple[float, float]:
        """``(lon, lat)``, the order of GeoJSON and shapely."""
        return (self.lon, self.lat)

    def is_at(self, lat: float, lon: float) -> bool:
        """Whether ``lat``, ``lon`` is this site's position, to ``COORD_DECIMALS``."""
        return position_key(lat, lon) == self.key[1:]


def position_key(lat: float, lon: float) -> tuple[float, float]:
    """A position as the identity rule compares it; longitude ±180° is one meridian."""
    return round_deg(lat), round_deg(-180.0 if lon == 180.0 else lon)


@dataclass(frozen=True)
class Band:
    """A range band in km: ``min_km`` < distance <= ``max_km``; ``min_km == 0`` is a disk."""

    min_km: float
    max_km: float

    @property
    def kind(self) -> str:
        """ "disk" for a plain range, "band" for an annulus."""
        return "band" if self.min_km > 0 else "disk"

    @property
    def label(self) -> str:
        """Human label, e.g. "480 km" or "500–5,500 km"."""
        if self.kind == "disk":
            return f"{self.max_km:,g} km"
        return f"{self.min_km:,g}–{self.max_km:,g} km"


# The ranges the INF Treaty banned for ground-launched missiles (data/FACTS.md §2).
INF_BAND = Band(500.0, 5500.0)
INF_SOURCE = (
    "INF Treaty (8 Dec 1987) Art. II: ground-launched missiles of 500–5,500 km range. US State "
    "Dept compliance reports: the 9M729 has a 'range capability of 500 km to 5,500 km' "
    "(CRS R43832); US Embassy Moscow 24 Jan 2019: tested 'to ranges beyond 500 kilometers'"
)


@dataclass(frozen=True)
class System:
    """A missile system of ``data/systems.csv``: its ranges in km (``None``: no figure) and
    the source of each (the low and the high estimate have one each)."""

    name: str
    alias: str = ""
    claimed_km: float | None = None
    alleged_min_km: float | None = None
    alleged_max_km: float | None = None
    source_claimed: str = ""
    source_alleged_min: str = ""
    source_alleged_max: str = ""
    notes: str = ""

    @classmethod
    def from_row(cls, row: Mapping[str, object]) -> System:
        """A row of ``systems.csv`` (empty cells read as NaN or missing)."""
        return cls(
            name=str(row["name"]),
            alias=_text(row.get("alias")),
            claimed_km=_km(row.get("claimed_range_km")),
            alleged_min_km=_km(row.get("alleged_range_km_min")),
            alleged_max_km=_km(row.get("alleged_range_km_max")),
            source_claimed=_text(row.get("source_claimed")),
            source_alleged_min=_text(row.get("source_alleged_min")),
            source_alleged_max=_text(row.get("source_alleged_max")),
            notes=_text(row.get("notes")),
        )


def _km(value: object) -> float | None:
    try:
        km = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return km if math.isfinite(km) and km > 0 else None


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""
