"""Disks up to the antipodal limit, and disks whose circle runs through a pole.

Past about 19,970 km a geodesic can pass its cut locus before it has run the radius, so the
circle has corners there; at the antipodal limit the part out of range vanishes. A radius equal
to the distance to a pole puts that pole on the circle. Geod.inv is the oracle throughout.
"""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from hypothesis import example, given, settings
from hypothesis import strategies as hst
from pyproj import Geod

import geo
from geo.rings import CUT_LOCUS_MIN_M, chord_error_m, circle_vertices
from tests.rfc7946 import problems

GEOD = Geod(ellps="WGS84")
LIMIT_M = geo.HALF_MERIDIAN_M
# (lon, lat) 0° N 90° E and the radius of the reproducer ("--site=0,90" is lat,lon).
EQUATOR_90E = (90.0, 0.0)
BOUNDED = settings(max_examples=40, derandomize=True, deadline=None)

near_antipodal_m = hst.one_of(
    hst.floats(19_000_000.0, LIMIT_M),
    hst.floats(CUT_LOCUS_MIN_M, LIMIT_M),
    hst.sampled_from([LIMIT_M - 1.0, LIMIT_M - 1_000.0, 20_000_000.0, 19_990_000.0]),
)
site_lats = hst.one_of(hst.floats(-90.0, 90.0), hst.sampled_from([0.0, 30.0, 45.0, -60.0, 80.0]))
site_lons = hst.floats(-180.0, 180.0)


def distance_m(center, lon, lat):
    n = np.size(lon)
    # Geod.inv(lons1, lats1, lons2, lats2) -> (az12, az21, distance)
    lon, lat = np.atleast_1d(lon), np.atleast_1d(lat)
    return np.asarray(GEOD.inv(np.full(n, center[0]), np.full(n, center[1]), lon, lat)[2])


def points_near_antipode(center, radius_m, seed, n=600):
    """Random points around the antipode, out to a little beyond the circle there."""
    rng = np.random.default_rng(seed)
    antipode = (center[0] + 180.0 if center[0] <= 0 else center[0] - 180.0, -center[1])
    reach_m = (LIMIT_M - radius_m) * 3.0 + 30_000.0
    lon, lat, _ = GEOD.fwd(
        np.full(n, antipode[0]),
        np.full(n, antipode[1]),
        rng.uniform(0.0, 360.0, n),
        reach_m * np.sqrt(rng.uniform(0.0, 1.0, n)),
    )
    return np.asarray(lon), np.asarray(lat)


def out_of_range_area_km2(center, radius_m):
    return (geo.EARTH_AREA_M2 - geo.region_areas_m2([center], 0.0, radius_m)[0]) / 1e6


@BOUNDED
@given(lon=site_lons, lat=site_lats, radius_m=near_antipodal_m, seed=hst.integers(0, 2**16))
@example(lon=90.0, lat=0.0, radius_m=20_000_000.0, seed=0)
@example(lon=0.0, lat=89.99, radius_m=LIMIT_M - 1.0, seed=0)
def test_disk_near_antipode__points_inside_exactly_when_within_range(lon, lat, radius_m, seed):
    center = (lon, lat)
    disk = geo.geodesic_disk(center, radius_m)
    assert problems(disk) == []
    plon, plat = points_near_antipode(center, radius_m, seed)
    dist = distance_m(center, plon, plat)
    inside = shapely.covers(disk, shapely.points(plon, plat))
    clear = np.abs(dist - radius_m) > 100.0
    wrong = np.flatnonzero(clear & (inside != (dist <= radius_m)))
    assert wrong.size == 0, [(plon[i], plat[i], dist[i]) for i in wrong[:5]]


@BOUNDED
@given(
    lon=site_lons,
    lat=site_lats,
    radius_m=near_antipodal_m,
    tolerance_m=hst.sampled_from([1.0, 10.0, 100.0]),
)
def test_ring_near_antipode__every_chord_within_tolerance(lon, lat, radius_m, tolerance_m):
    center = (lon, lat)
    _, _, vlon, vlat = circle_vertices(np.array([lon]), np.array([lat]), radius_m, tolerance_m)
    assert chord_error_m(center, radius_m, vlon, vlat) <= tolerance_m
    np.testing.assert_allclose(distance_m(center, vlon, vlat), radius_m, atol=1e-3)


@pytest.mark.parametrize("lat", [0.0, 30.0, 45.0, 60.0, 80.0])
def test_ring_past_cut_locus__no_vertex_falls_inside_the_circle(lat):
    # Just past the first radius where Geod.fwd stops ending on the circle at this latitude.
    for radius_m in (20_003_000.0, LIMIT_M - 1.0):
        _, _, vlon, vlat = circle_vertices(np.array([0.0]), np.array([lat]), radius_m, 100.0)
        assert np.min(distance_m((0.0, lat), vlon, vlat)) > radius_m - 1e-3


def test_disk_past_cut_locus__holds_a_point_19995_km_away():
    disk = geo.geodesic_disk(EQUATOR_90E, 20_000_000.0)
    point = (-90.3, 0.0)
    assert distance_m(EQUATOR_90E, *point)[0] == pytest.approx(19_995_600.0, abs=100.0)
    assert disk.covers(shapely.Point(point))


@pytest.mark.parametrize(
    ("radius_m", "out_km2"),
    [(19_990_000.0, 1_674.5), (20_000_000.0, 243.7), (LIMIT_M - 1.0, 0.001)],
)
def test_disk_past_cut_locus__region_out_of_range_is_one_piece_of_the_true_area(radius_m, out_km2):
    outside = geo.dateline.WORLD.difference(geo.geodesic_disk(EQUATOR_90E, radius_m))
    # One region around the antipode (lon -90), which no cut at ±180° divides.
    assert len(getattr(outside, "geoms", [outside])) == 1
    assert list(outside.interiors) == []
    assert out_of_range_area_km2(EQUATOR_90E, radius_m) == pytest.approx(out_km2, abs=0.05)


@pytest.mark.parametrize("center", [EQUATOR_90E, (10.0, 45.0), (0.0, 90.0), (-170.0, -89.0)])
def test_disk_at_antipodal_limit__is_the_whole_world(center):
    disk = geo.geodesic_disk(center, LIMIT_M)
    assert problems(disk) == []
    # Whatever is left out is below a square millimetre (a ring of that size round the pole).
    assert geo.geodesic_area_m2(geo.dateline.WORLD.difference(disk)) < 1e-6
    assert geo.region_areas_m2([center], 0.0, LIMIT_M)[0] == pytest.approx(
        geo.EARTH_AREA_M2, rel=1e-12
    )


def pole_distance_m(center, pole_lat):
    return distance_m(center, 0.0, pole_lat)[0]


@pytest.mark.parametrize(
    ("center", "pole_lat"),
    [
        ((0.0, 0.0), 90.0),
        ((0.0, 0.0), -90.0),
        ((0.0, 45.0), -90.0),
        ((30.0, -20.0), 90.0),
        ((180.0, -30.0), -90.0),  # several vertices land on the pole, the site on ±180°
        ((-106.76, 87.92), 90.0),  # 233 km from the pole
    ],
)
@pytest.mark.parametrize("ulps_below", [0, 1])
def test_radius_equal_to_pole_distance__is_the_disk_not_its_complement(
    center, pole_lat, ulps_below
):
    radius_m = pole_distance_m(center, pole_lat)
    for _ in range(ulps_below):
        radius_m = np.nextafter(radius_m, 0.0)
    disk = geo.geodesic_disk(center, radius_m)
    assert problems(disk) == []
    assert disk.covers(shapely.Point(center))
    rng = np.random.default_rng(3)
    lon = rng.uniform(-180, 180, 2000)
    lat = np.degrees(np.arcsin(rng.uniform(-1, 1, 2000)))
    dist = distance_m(center, lon, lat)
    clear = np.abs(dist - radius_m) > 100.0
    inside = shapely.covers(disk, shapely.points(lon, lat))
    assert not np.any(clear & (inside != (dist <= radius_m)))
    # The polygon at 100 m is within ~1e-4 of the true disk, nowhere near its complement.
    true_m2 = geo.region_areas_m2([center], 0.0, radius_m)[0]
    assert geo.geodesic_area_m2(disk) == pytest.approx(true_m2, rel=1e-3)


def test_radius_equal_to_pole_distance__reproducers_export_the_disk():
    """The two reported radii: ~254,697,293 km² (not 255,368,073) and ~434,746,983 km²
    (not 75,316,950)."""
    areas = [
        geo.region_areas_m2([(0.0, 0.0)], 0.0, 10_001_965.729312724)[0],
        geo.region_areas_m2([(0.0, 45.0)], 0.0, 14_986_910.107290467)[0],
    ]
    assert areas == pytest.approx([254_697_293.27e6, 434_746_983.20e6], rel=1e-8)
