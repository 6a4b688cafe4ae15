"""The slow, obvious places-in-range: every site against every place with ``Geod.inv``.

The oracle that ``geo.places.places_in_range`` (with its chord prefilter) must equal, row for
row: ``tests/test_places.py`` checks it, and ``bench/scale.py`` times both side by side.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from pyproj import Geod

from geo.places import PLACE_COLUMNS

GEOD = Geod(ellps="WGS84")


def reference_places_in_range(
    sites, places, max_radius_m, *, min_radius_m=0.0, capitals_only=False
):
    """Every site against every place with Geod.inv: a place is in range when some site's
    distance lies in (min, max]; its row names the nearest such site."""
    if capitals_only:
        places = places[places["is_capital"] == 1]
    lons = places["longitude"].to_numpy(dtype=np.float64)
    lats = places["latitude"].to_numpy(dtype=np.float64)
    best_m = np.full(lons.size, np.inf)
    best_az = np.zeros(lons.size)
    best_site = np.full(lons.size, -1)
    for i, site in enumerate(sites):
        n = lons.size
        az, _, dist = GEOD.inv(np.full(n, site.lon), np.full(n, site.lat), lons, lats)
        dist = np.asarray(dist)
        closer = (dist < best_m) & (dist <= max_radius_m) & (dist > min_radius_m)
        best_m = np.where(closer, dist, best_m)
        best_az = np.where(closer, az, best_az)
        best_site = np.where(closer, i, best_site)
    keep = np.isfinite(best_m)
    rows = places[keep]
    out = pd.DataFrame(
        {
            "name": rows["name"].to_numpy(),
            "country": rows["adm0name"].to_numpy(),
            "capital": rows["is_capital"].to_numpy() == 1,
            "population": rows["pop_max"].to_numpy(dtype=np.int64),
            "distance_km": best_m[keep] / 1000.0,
            "azimuth_deg": best_az[keep] % 360.0,
            "nearest_site": [sites[i].name for i in best_site[keep]],
            "lat": rows["latitude"].to_numpy(),
            "lon": rows["longitude"].to_numpy(),
        },
        columns=PLACE_COLUMNS,
    )
    out = out.sort_values(["distance_km", "name"], kind="stable").reset_index(drop=True)
    return out.round({"distance_km": 1, "azimuth_deg": 1})
