"""The bundled data files in ``data/``: sites, systems and Natural Earth populated places.

Every number the app shows traces to a row read here (see ``data/README.md`` for provenance).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd

from .errors import GeoInputError
from .gazetteer import Gazetteer
from .model import LaunchSite, System
from .reach import Target

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
PLACES_CSV = DATA_DIR / "ne_10m_populated_places_simple.csv"
PLACE_NAMES_CSV = DATA_DIR / "place_names.csv"


@cache
def preset_sites() -> tuple[LaunchSite, ...]:
    """The reported 9M729 sites from ``data/sites.csv``, each with its role and source."""
    frame = pd.read_csv(DATA_DIR / "sites.csv", keep_default_na=False)
    return tuple(
        LaunchSite(
            name=row.name, lat=float(row.lat), lon=float(row.lon), role=row.role, source=row.source
        )
        for row in frame.itertuples(index=False)
    )


@cache
def systems() -> pd.DataFrame:
    """Missile systems with their claimed and alleged ranges (km) and sources; empty = none."""
    return pd.read_csv(DATA_DIR / "systems.csv", keep_default_na=False, na_values=[""])


def system(name: str) -> System:
    """The system of ``systems.csv`` named ``name``.

    Raises:
        GeoInputError: no system has that name.
    """
    rows = systems()[systems()["name"] == name]
    if rows.empty:
        known = "; ".join(systems()["name"])
        raise GeoInputError(f"unknown system {name!r}; known systems: {known}")
    return System.from_row(rows.iloc[0].to_dict())


@cache
def places() -> pd.DataFrame:
    """Natural Earth 1:10m populated places (7,343 rows), sorted by population, under their
    current English names (``data/place_names.csv``, from GeoNames: Kyiv, not Kiev).

    ``ne_name`` keeps Natural Earth's own name and ``other_names`` the other spellings that
    GeoNames knows, "|"-separated (Kiev, Київ), for search.
    """
    # Namibia's iso_a2 is the string "NA"; only empty cells are missing (data/README.md).
    frame = pd.read_csv(PLACES_CSV, keep_default_na=False, na_values=[""])
    names = pd.read_csv(PLACE_NAMES_CSV, keep_default_na=False, dtype={"other_names": str})
    key = ["name", "latitude", "longitude"]
    frame = frame.merge(
        names.rename(columns={"name": "current_name", "ne_name": "name"})[
            [*key, "current_name", "other_names"]
        ],
        on=key,
        how="left",
        validate="one_to_one",
    )
    return frame.assign(
        ne_name=frame["name"],
        name=frame["current_name"].fillna(frame["name"]),
        other_names=frame["other_names"].fillna(""),
    ).drop(columns="current_name")


@cache
def gazetteer() -> Gazetteer:
    """The populated places, searchable by name."""
    return Gazetteer(places())


def find_preset(name: str) -> LaunchSite:
    """The preset site whose name equals, or uniquely contains, ``name`` (case-insensitive).

    Raises:
        GeoInputError: no preset or several presets match.
    """
    wanted = name.strip().casefold()
    sites = preset_sites()
    exact = [s for s in sites if s.name.casefold() == wanted]
    matches = exact or [s for s in sites if wanted and wanted in s.name.casefold()]
    if len(matches) == 1:
        return matches[0]
    known = "; ".join(s.name for s in sites)
    if not matches:
        raise GeoInputError(f"unknown site name {name!r}; known sites: {known}")
    names = "; ".join(s.name for s in matches)
    raise GeoInputError(f"site name {name!r} matches several sites: {names}")


def find_target(name: str) -> Target | None:
    """The gazetteer's best match for ``name`` (exact names first, then the most populous), or
    None when no place matches."""
    found = gazetteer().find(name, limit=1)
    if found.empty:
        return None
    return place_target(found.iloc[0])


def place_target(row: pd.Series) -> Target:
    """A row of :func:`places` as a target named "place, country"."""
    return Target(
        name=f"{row['name']}, {row['adm0name']}",
        lat=float(row["latitude"]),
        lon=float(row["longitude"]),
    )
