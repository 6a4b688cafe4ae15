"""Places in range: the chord prefilter returns exactly what a loop over every site returns."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given
from hypothesis import strategies as hst
from pyproj import Geod, Transformer

from geo import LaunchSite, data
from geo.errors import HALF_MERIDIAN_M
from geo.places import PLACE_COLUMNS, _chord_m, _ecef_m, places_in_range
from harness.places import reference_places_in_range

GEOD = Geod(ellps="WGS84")
# WGS84 geographic 3-D to geocentric Cartesian, PROJ's own conversion: the oracle for _ecef_m.
TO_ECEF = Transformer.from_crs("EPSG:4979", "EPSG:4978", always_xy=True)
BATTALIONS = ["Kapustin Yar", "Kamyshlov", "Mozdok", "Shuya"]

lons = hst.one_of(hst.floats(-180, 180), hst.sampled_from([-180.0, 180.0, 0.0, 179.999, -179.999]))
lats = hst.one_of(hst.floats(-90, 90), hst.sampled_from([-90.0, 90.0, 0.0, 89.9, -89.9]))
lonlats = hst.tuples(lons, lats)
radii_m = hst.one_of(
    hst.floats(1_000.0, 19_000_000.0),
    hst.sampled_from([480_000.0, 500_000.0, 5_500_000.0, 10_000_000.0, 19_000_000.0]),
)


def assert_same_as_reference(sites, places, max_radius_m, **kwargs):
    got = places_in_range(sites, places, max_radius_m, **kwargs)
    want = reference_places_in_range(sites, places, max_radius_m, **kwargs)
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    return got


def places_around(sites, radii_m, seed):
    """Real places plus made-up ones on, just inside and just outside each radius of each site."""
    rng = np.random.default_rng(seed)
    real = data.places().sample(300, random_state=seed)
    centre = np.repeat([(s.lon, s.lat) for s in sites], 8 * len(radii_m), axis=0)
    factors = np.tile(np.repeat([1.0 - 1e-9, 1.0, 1.0 + 1e-9, 1.0 + 1e-6], 2), len(sites))
    dist_m = np.concatenate([np.minimum(r * factors, HALF_MERIDIAN_M) for r in radii_m])
    az = rng.uniform(-180.0, 180.0, dist_m.size)
    # Geod.fwd(lons, lats, azimuths, distances) -> (lons, lats, back azimuths)
    lon, lat, _ = GEOD.fwd(centre[:, 0], centre[:, 1], az, dist_m)
    lon = np.concatenate([lon, [180.0, -180.0, 0.0, 0.0]])
    lat = np.concatenate([lat, [0.0, 0.0, 90.0, -90.0]])
    made_up = pd.DataFrame(
        {
            "name": [f"P{i % 7}" for i in range(lon.size)],  # shared names test the tie order
            "adm0name": "Nowhere",
            "is_capital": rng.integers(0, 2, lon.size),
            "pop_max": rng.integers(0, 10**7, lon.size),
            "latitude": lat,
            "longitude": lon,
        }
    )
    return pd.concat([real, made_up], ignore_index=True)


@given(
    centres=hst.lists(lonlats, min_size=1, max_size=6),
    repeat=hst.booleans(),
    max_radius_m=radii_m,
    inner=hst.one_of(hst.none(), hst.floats(0.0, 1.0, exclude_max=True)),
    capitals_only=hst.booleans(),
    seed=hst.integers(0, 2**32 - 1),
)
@example(
    centres=[(180.0, 0.0), (-180.0, 0.0), (0.0, 90.0), (0.0, -90.0)],
    repeat=True,
    max_radius_m=19_000_000.0,
    inner=0.5,
    capitals_only=False,
    seed=0,
)
def test_places_in_range__same_rows_as_every_site_against_every_place(
    centres, repeat, max_radius_m, inner, capitals_only, seed
):
    sites = [LaunchSite(name=f"S{i}", lat=lat, lon=lon) for i, (lon, lat) in enumerate(centres)]
    if repeat:  # the same positions again under new names: exact ties for the nearest site
        sites += [LaunchSite(name=f"T{i}", lat=s.lat, lon=s.lon) for i, s in enumerate(sites)]
    min_radius_m = 0.0 if inner is None else max(1.0, inner * max_radius_m)
    if min_radius_m >= max_radius_m:
        min_radius_m = 0.0
    places = places_around(sites, [max_radius_m, min_radius_m or max_radius_m], seed)
    assert_same_as_reference(
        sites, places, max_radius_m, min_radius_m=min_radius_m, capitals_only=capitals_only
    )


@pytest.mark.parametrize(
    ("max_radius_m", "min_radius_m"),
    [(480_000.0, 0.0), (5_500_000.0, 500_000.0), (19_000_000.0, 0.0)],
)
def test_places_in_range__all_natural_earth_places_for_sites_across_the_globe(
    max_radius_m, min_radius_m
):
    rng = np.random.default_rng(5)
    world_lons = rng.uniform(-180, 180, 12)
    world_lats = np.degrees(np.arcsin(rng.uniform(-1, 1, 12)))  # uniform over the sphere
    sites = [data.find_preset(name) for name in BATTALIONS] + [
        LaunchSite(name=f"W{i}", lat=lat, lon=lon)
        for i, (lon, lat) in enumerate(zip(world_lons, world_lats, strict=True))
    ]
    table = assert_same_as_reference(sites, data.places(), max_radius_m, min_radius_m=min_radius_m)
    assert len(table) > 0


def test_places_in_range__tied_sites_name_the_first_one():
    sites = [
        LaunchSite(name="North", lat=10.0, lon=30.0),
        LaunchSite(name="South", lat=-10.0, lon=30.0),
    ]
    equator = pd.DataFrame(
        {
            "name": ["A", "B"],
            "adm0name": "Nowhere",
            "is_capital": 0,
            "pop_max": 1,
            "latitude": [0.0, 0.0],
            "longitude": [30.0, 35.0],
        }
    )
    table = assert_same_as_reference(sites, equator, 2_000_000.0)
    assert list(table["nearest_site"]) == ["North", "North"]
    table = assert_same_as_reference(sites[::-1], equator, 2_000_000.0)
    assert list(table["nearest_site"]) == ["South", "South"]


def test_places_in_range__no_sites_or_no_places_give_an_empty_table():
    assert places_in_range([], data.places(), 5_500_000.0).empty
    site = data.find_preset("Kapustin Yar")
    empty = assert_same_as_reference([site], data.places().iloc[:0], 5_500_000.0)
    assert list(empty.columns) == PLACE_COLUMNS


@given(a=lonlats, b=lonlats)
@example(a=(0.0, 0.0), b=(180.0, 0.0))  # antipodes on the equator
@example(a=(0.0, 90.0), b=(0.0, -90.0))  # pole to pole
@example(a=(179.999, 89.9), b=(-179.999, 89.9))  # across ±180° next to a pole
@example(a=(10.0, 45.0), b=(10.0, 45.0))
def test_chord_m__never_longer_than_the_geodesic(a, b):
    xyz = _ecef_m(np.array([a[0], b[0]]), np.array([a[1], b[1]]))
    chord_m = _chord_m(xyz[:1], xyz[1:])
    _, _, geodesic_m = GEOD.inv(a[0], a[1], b[0], b[1])
    assert chord_m.shape == (1, 1)
    # A nanometre for rounding, as geo.places allows a metre: the bound itself must hold exactly.
    assert chord_m[0, 0] <= geodesic_m + 1e-6


@given(lon=lons, lat=lats)
def test_ecef_m__matches_proj(lon, lat):
    want = TO_ECEF.transform(lon, lat, 0.0)
    got = _ecef_m(np.array([lon]), np.array([lat]))[0]
    assert got == pytest.approx(want, abs=1e-6)
