"""Areas: of straight-edged lon/lat polygons exactly, and of the true geodesic regions.

``area_km2`` in an export is the area of the disk, band or union itself, whatever tolerance the
polygon is drawn at. The references are GeographicLib's own polygon area of dense rings.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
import shapely
from pyproj import Geod

import geo
from geo import Band
from geo.geojson import coverage_features, dumps

GEOD = Geod(ellps="WGS84")
KAPUSTIN_YAR = (45.74, 48.58)


def dense_ring_area_m2(center, radius_m, n=200_000):
    """GeographicLib's area of a ring of n Geod.fwd points: short of the circle by ~1e-10."""
    az = np.linspace(360.0, 0.0, n, endpoint=False)
    lon, lat, _ = GEOD.fwd(np.full(n, center[0]), np.full(n, center[1]), az, np.full(n, radius_m))
    area, _ = GEOD.polygon_area_perimeter(lon, lat)
    return area % geo.EARTH_AREA_M2


@pytest.mark.parametrize(
    ("center", "radius_m"),
    [
        (KAPUSTIN_YAR, 480_000.0),
        (KAPUSTIN_YAR, 1_000.0),
        ((0.0, 90.0), 5_500_000.0),  # centred on a pole
        ((12.0, -89.9), 3_000_000.0),  # round a pole, off centre
        ((179.9, 60.0), 5_500_000.0),  # across ±180° and round the North Pole
        ((-180.0, 0.0), 500_000.0),  # centred on the antimeridian
        ((10.0, 20.0), 13_000_000.0),  # bigger than a hemisphere
    ],
)
def test_region_area__equals_geographiclib_area_of_dense_ring(center, radius_m):
    assert geo.region_areas_m2([center], 0.0, radius_m)[0] == pytest.approx(
        dense_ring_area_m2(center, radius_m), rel=1e-8
    )


def test_region_area__one_metre_disk_is_pi_square_metres():
    # GeographicLib's polygon area is noisy at 1e-3 m² here; a 1 m disk is flat to 1e-13.
    assert geo.region_areas_m2([KAPUSTIN_YAR], 0.0, 1.0)[0] == pytest.approx(np.pi, rel=1e-9)


@pytest.mark.parametrize("tolerance_m", [1.0, 100.0, 10_000.0])
def test_area_km2__is_the_true_disk_at_any_tolerance(tolerance_m):
    features = coverage_features(
        [geo.LaunchSite(name="Kapustin Yar", lon=KAPUSTIN_YAR[0], lat=KAPUSTIN_YAR[1])],
        [Band(0, 480)],
        tolerance_m=tolerance_m,
    )
    area_km2 = json.loads(dumps(features, tolerance_m=tolerance_m))["features"][0]["properties"][
        "area_km2"
    ]
    assert area_km2 == pytest.approx(dense_ring_area_m2(KAPUSTIN_YAR, 480_000.0) / 1e6, rel=1e-8)


@pytest.mark.parametrize("tolerance_m", [1.0, 100.0])
def test_area_km2__pole_centred_5500_km_is_the_exact_cap(tolerance_m):
    site = geo.LaunchSite(name="North Pole", lat=90.0, lon=0.0)
    features = coverage_features([site], [Band(0, 5500)], tolerance_m=tolerance_m)
    line = json.loads(dumps(features, tolerance_m=tolerance_m))["features"][0]
    # A cap is a parallel, exactly 89,315,765.5 km² (not 89,313,622.5), written to 8 digits.
    assert line["properties"]["area_km2"] == pytest.approx(89_315_765.5, abs=0.5)


def test_area_km2__small_disk_keeps_its_significant_digits():
    features = coverage_features(
        [geo.LaunchSite(name="A", lat=0.0, lon=0.0)], [Band(0, 1)], tolerance_m=1.0
    )
    area_km2 = json.loads(dumps(features, tolerance_m=1.0))["features"][0]["properties"]["area_km2"]
    # 8 significant digits, not 0.1 km² (3 % of this disk).
    assert area_km2 == pytest.approx(3.1415927, abs=2e-7)


def test_region_area__band_is_outer_minus_inner_disk():
    band = geo.region_areas_m2([KAPUSTIN_YAR], 500_000.0, 5_500_000.0)[0]
    outer, inner = (geo.region_areas_m2([KAPUSTIN_YAR], 0.0, r)[0] for r in (5.5e6, 5e5))
    assert band == pytest.approx(outer - inner, rel=1e-12)
    assert band == pytest.approx(
        dense_ring_area_m2(KAPUSTIN_YAR, 5.5e6) - dense_ring_area_m2(KAPUSTIN_YAR, 5e5), rel=1e-8
    )


def test_region_area__union_of_apart_disks_is_their_sum_and_of_equal_ones_is_one():
    apart = [(0.0, 0.0), (90.0, 0.0), (179.5, 60.0)]
    (union,) = geo.region_areas_m2(apart, 0.0, 1_000_000.0, union=True)
    assert union == pytest.approx(sum(geo.region_areas_m2(apart, 0.0, 1_000_000.0)), rel=1e-9)
    (same,) = geo.region_areas_m2([KAPUSTIN_YAR] * 2, 0.0, 480_000.0, union=True)
    assert same == pytest.approx(dense_ring_area_m2(KAPUSTIN_YAR, 480_000.0), rel=1e-8)


def test_region_area__union_of_overlapping_disks_follows_the_true_union():
    # Two disks 600 km apart: the union is 2 disks minus the lens both cover.
    a, b = (0.0, 0.0), (GEOD.fwd(0.0, 0.0, 90.0, 600_000.0)[0], 0.0)
    (union,) = geo.region_areas_m2([a, b], 0.0, 480_000.0, union=True)
    disk = geo.region_areas_m2([a], 0.0, 480_000.0)[0]
    # The lens from a fine Monte Carlo-free construction: both coarse polygons at 1 m.
    fine = [geo.geodesic_disk(c, 480_000.0, tolerance_m=1.0) for c in (a, b)]
    lens_m2 = geo.geodesic_area_m2(fine[0].intersection(fine[1]))
    assert union == pytest.approx(2 * disk - lens_m2, rel=1e-6)


@pytest.mark.parametrize(
    "polygon",
    [
        shapely.box(10.0, 20.0, 11.0, 21.0),
        shapely.Polygon([(0.0, -80.0), (10.0, 80.0), (20.0, -80.0)]),  # long sloping edges
        shapely.box(170.0, -10.0, 180.0, 10.0),
        shapely.box(-180.0, 80.0, 180.0, 90.0),  # a cap closed along the pole line
    ],
)
def test_geodesic_area_m2__straight_lon_lat_edges_match_finely_cut_geodesic_edges(polygon):
    fine = shapely.segmentize(polygon, 0.001)
    lon, lat = np.asarray(fine.exterior.coords).T
    reference, _ = GEOD.polygon_area_perimeter(lon, lat)
    assert geo.geodesic_area_m2(polygon) == pytest.approx(abs(reference), rel=1e-9)
    assert geo.geodesic_area_m2(shapely.orient_polygons(polygon, exterior_cw=True)) == (
        pytest.approx(geo.geodesic_area_m2(polygon), rel=1e-12)
    )


def test_geodesic_area_m2__world_and_world_minus_a_hole():
    world = shapely.box(-180.0, -90.0, 180.0, 90.0)
    hole = shapely.box(0.0, 0.0, 1.0, 1.0)
    assert geo.geodesic_area_m2(world) == pytest.approx(geo.EARTH_AREA_M2, rel=1e-14)
    assert geo.geodesic_area_m2(world.difference(hole)) == pytest.approx(
        geo.EARTH_AREA_M2 - geo.geodesic_area_m2(hole), rel=1e-14
    )


def test_region_area__union_of_bands_of_apart_sites_is_their_sum():
    apart = [(0.0, 0.0), (120.0, 10.0)]
    (union,) = geo.region_areas_m2(apart, 480_000.0, 500_000.0, union=True)
    bands = geo.region_areas_m2(apart, 480_000.0, 500_000.0)
    assert union == pytest.approx(sum(bands), rel=1e-9)
    assert bands[0] == pytest.approx(
        dense_ring_area_m2(apart[0], 5e5) - dense_ring_area_m2(apart[0], 4.8e5), rel=1e-7
    )
