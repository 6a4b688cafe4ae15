"""Checks that a places table and country shares describe the same region as a union geometry.

Shared by the unit tests, the AppTest tests and the browser test of the downloads: whatever
counts places or shares for a ring must agree with the region the export writes for it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely
from pyproj import Geod

from geo.countries import country_shares

GEOD = Geod(ellps="WGS84")


def near_an_edge(sites, band, lons, lats, tolerance_m) -> np.ndarray:
    """Points within twice the ring tolerance of some site's inner or outer circle: there the
    polygon's straight edges and the true circle may disagree."""
    lons, lats = np.asarray(lons, dtype=float), np.asarray(lats, dtype=float)
    near = np.zeros(lons.size, dtype=bool)
    for site in sites:
        n = lons.size
        _, _, dist = GEOD.inv(np.full(n, site.lon), np.full(n, site.lat), lons, lats)
        for radius_km in (band.min_km, band.max_km):
            if radius_km > 0:
                near |= np.abs(np.asarray(dist) - radius_km * 1000.0) <= 2 * tolerance_m
    return near


def assert_places_match_union(table, places, union, sites, band, tolerance_m) -> int:
    """The rows of ``table`` are the ``places`` that ``union`` covers, edges excepted.

    Returns:
        How many places the union covers.
    """
    lons = places["longitude"].to_numpy(dtype=float)
    lats = places["latitude"].to_numpy(dtype=float)
    covered = shapely.covers(union, shapely.points(lons, lats))
    listed = pd.MultiIndex.from_frame(table[["name", "lat", "lon"]]).isin(
        pd.MultiIndex.from_arrays([places["name"], places["latitude"], places["longitude"]])
    )
    assert listed.all(), "the table lists places that are not in the gazetteer"
    in_table = pd.MultiIndex.from_arrays(
        [places["name"], places["latitude"], places["longitude"]]
    ).isin(pd.MultiIndex.from_frame(table[["name", "lat", "lon"]]))
    edge = near_an_edge(sites, band, lons, lats, tolerance_m)
    wrong = np.flatnonzero((covered != in_table) & ~edge)
    assert wrong.size == 0, [
        (places["name"].iloc[i], bool(covered[i]), bool(in_table[i])) for i in wrong[:10]
    ]
    return int(covered.sum())


def assert_shares_match_union(shares, union) -> None:
    """The country shares are those of ``union``, to the rounding the table shows."""
    want = country_shares(union).set_index("adm0_a3")
    got = shares.set_index("adm0_a3")
    assert sorted(got.index) == sorted(want.index)
    assert np.allclose(got.loc[want.index, "share_pct"], want["share_pct"], atol=0.11)
