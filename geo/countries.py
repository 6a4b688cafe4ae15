"""Countries touched by a coverage region and the share of each country's area inside it.

Natural Earth draws boundaries "according to de facto status" (e.g. Crimea inside Russia); the
app says so wherever countries are listed (``data/README.md``).
"""

from __future__ import annotations

from functools import cache

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from .area import geodesic_area_m2
from .data import DATA_DIR

COUNTRIES_50M = DATA_DIR / "ne_50m_admin_0_countries.geojson"
SHARE_COLUMNS = ["country", "adm0_a3", "area_in_range_km2", "share_pct"]


@cache
def countries() -> gpd.GeoDataFrame:
    """Natural Earth 1:50m countries with their geodesic area (``area_m2``)."""
    frame = gpd.read_file(COUNTRIES_50M, columns=["NAME", "ADM0_A3"])
    frame["area_m2"] = [geodesic_area_m2(g) for g in frame.geometry]
    return frame


def country_shares(region: BaseGeometry) -> pd.DataFrame:
    """Countries that ``region`` touches, with the area inside it, largest share first.

    Areas are geodesic on WGS84 (:func:`geo.geodesic_area_m2`) of the 1:50m polygons.
    """
    frame = countries()
    if region.is_empty:
        return pd.DataFrame(columns=SHARE_COLUMNS)
    shapely.prepare(region)
    candidates = frame.iloc[frame.sindex.query(region, predicate="intersects")]
    inside_m2 = np.array(
        [
            geom_area if region.covers(geom) else geodesic_area_m2(region.intersection(geom))
            for geom, geom_area in zip(candidates.geometry, candidates["area_m2"], strict=True)
        ]
    )
    out = pd.DataFrame(
        {
            "country": candidates["NAME"].to_numpy(),
            "adm0_a3": candidates["ADM0_A3"].to_numpy(),
            "area_in_range_km2": np.round(inside_m2 / 1e6),
            "share_pct": np.round(100.0 * inside_m2 / candidates["area_m2"].to_numpy(), 1),
        },
        columns=SHARE_COLUMNS,
    )
    out = out[out["area_in_range_km2"] > 0]
    return out.sort_values(["share_pct", "country"], ascending=[False, True]).reset_index(drop=True)
