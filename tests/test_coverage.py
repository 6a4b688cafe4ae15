"""Geodesic disks, bands and coverage checked against GeographicLib (Geod.inv) as the oracle."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from hypothesis import example, given
from hypothesis import strategies as hst
from pyproj import Geod

import geo
from geo.rings import chord_error_m, circle_vertices
from tests.rfc7946 import problems

GEOD = Geod(ellps="WGS84")
KAPUSTIN_YAR = (45.74, 48.58)
KAMYSHLOV = (62.71, 56.85)
MOZDOK = (44.65, 43.74)
SHUYA = (41.39, 56.85)
ANADYR = (177.51, 64.73)
MCMURDO = (166.67, -77.85)
INF_MIN_M, INF_MAX_M = 500_000.0, 5_500_000.0

# Whole globe, with the places where tools break drawn often: poles, ±180°, the equator.
lons = hst.one_of(hst.floats(-180, 180), hst.sampled_from([-180.0, 180.0, 0.0, 179.999, -179.999]))
lats = hst.one_of(hst.floats(-90, 90), hst.sampled_from([-90.0, 90.0, 0.0, 89.9, -89.9]))
centers = hst.tuples(lons, lats)
radii_m = hst.one_of(
    hst.floats(1_000.0, 19_000_000.0), hst.sampled_from([480_000.0, 500_000.0, 5_500_000.0])
)
# Up to the antipodal limit, where rings have corners on the cut locus (tests/test_antipode.py).
radii_to_limit_m = hst.one_of(radii_m, hst.floats(19_000_000.0, geo.HALF_MERIDIAN_M))


def distance_m(center, lon, lat):
    n = np.size(lon)
    # Geod.inv(lons1, lats1, lons2, lats2) -> (az12, az21, distance)
    return GEOD.inv(np.full(n, center[0]), np.full(n, center[1]), lon, lat)[2]


def reference_area_m2(center, radius_m, n=20_000):
    """Area of a dense ring by GeographicLib's polygon area, which copes with an enclosed pole."""
    az = np.linspace(360.0, 0.0, n, endpoint=False)
    lon, lat, _ = GEOD.fwd(np.full(n, center[0]), np.full(n, center[1]), az, np.full(n, radius_m))
    area, _ = GEOD.polygon_area_perimeter(lon, lat)
    return area % geo.EARTH_AREA_M2


def assert_membership_matches_distance(region, center, min_m, max_m, tolerance_m, seed):
    rng = np.random.default_rng(seed)
    lon = rng.uniform(-180, 180, 400)
    lat = np.degrees(np.arcsin(rng.uniform(-1, 1, 400)))
    dist = distance_m(center, lon, lat)
    # covers, not contains: a point on ±180° or at a pole lies on the cut polygon's boundary.
    inside = shapely.covers(region, shapely.points(lon, lat))
    expected = (dist <= max_m) & (dist > min_m)
    clear = (np.abs(dist - max_m) > tolerance_m) & (np.abs(dist - min_m) > tolerance_m)
    wrong = np.flatnonzero(clear & (inside != expected))
    assert wrong.size == 0, [(lon[i], lat[i], dist[i]) for i in wrong[:5]]


@given(center=centers, radius_m=radii_to_limit_m, seed=hst.integers(0, 2**32 - 1))
@example(center=KAPUSTIN_YAR, radius_m=INF_MAX_M, seed=0)
@example(center=(0.0, 90.0), radius_m=19_000_000.0, seed=1)
@example(center=(0.0, -89.90234375), radius_m=9_999_999.0, seed=0)  # vertex on the cut
def test_geodesic_disk__points_inside_exactly_when_within_range(center, radius_m, seed):
    disk = geo.geodesic_disk(center, radius_m)
    assert problems(disk) == []
    assert_membership_matches_distance(disk, center, 0.0, radius_m, 100.0, seed)


@given(
    center=centers,
    radii=hst.tuples(radii_to_limit_m, radii_to_limit_m).filter(lambda r: abs(r[0] - r[1]) > 1_000),
    seed=hst.integers(0, 2**32 - 1),
)
def test_geodesic_bands__points_inside_exactly_when_in_band(center, radii, seed):
    min_m, max_m = sorted(radii)
    band = geo.geodesic_bands([center], min_m, max_m)[0]
    assert problems(band) == []
    assert_membership_matches_distance(band, center, min_m, max_m, 100.0, seed)


@given(
    center=centers,
    radius_m=radii_to_limit_m,
    tolerance_m=hst.sampled_from([1.0, 10.0, 100.0, 1000.0]),
)
def test_circle_vertices__every_chord_within_tolerance(center, radius_m, tolerance_m):
    _, _, lon, lat = circle_vertices(
        np.array([center[0]]), np.array([center[1]]), radius_m, tolerance_m
    )
    assert chord_error_m(center, radius_m, lon, lat) <= tolerance_m
    np.testing.assert_allclose(distance_m(center, lon, lat), radius_m, atol=1e-3)


@given(center=centers, radius_m=radii_m)
def test_geodesic_area_m2__matches_dense_reference_ring(center, radius_m):
    disk = geo.geodesic_disk(center, radius_m)
    _, _, lon, lat = circle_vertices(np.array([center[0]]), np.array([center[1]]), radius_m, 100.0)
    perimeter_m = GEOD.line_length(np.r_[lon, lon[0]], np.r_[lat, lat[0]])
    # The polygon's edges stay within 100 m of the circle, so the areas differ by at most that.
    assert geo.geodesic_area_m2(disk) == pytest.approx(
        reference_area_m2(center, radius_m), abs=perimeter_m * 100.0 + 1e6
    )


def test_circle_vertices__kapustin_yar_5500_km_needs_at_most_1000_vertices():
    _, _, lon, _ = circle_vertices(np.array([45.74]), np.array([48.58]), INF_MAX_M, 100.0)
    assert lon.size <= 1000


def test_circle_vertices__fewer_vertices_than_uniform_steps_for_the_same_error():
    _, _, lon, _lat = circle_vertices(np.array([45.74]), np.array([48.58]), INF_MAX_M, 100.0)
    n = lon.size
    az = np.linspace(360.0, 0.0, n, endpoint=False)
    u_lon, u_lat, _ = GEOD.fwd(np.full(n, 45.74), np.full(n, 48.58), az, np.full(n, INF_MAX_M))
    assert chord_error_m(KAPUSTIN_YAR, INF_MAX_M, u_lon, u_lat) > 100.0


def test_geodesic_disk__kapustin_yar_5500_km_encloses_north_pole_not_south():
    disk = geo.geodesic_disk(KAPUSTIN_YAR, INF_MAX_M)
    assert problems(disk) == []
    assert disk.covers(shapely.Point(0.0, 89.99))
    assert disk.covers(shapely.Point(180.0, 89.99))
    assert not disk.intersects(shapely.Point(0.0, -89.99))
    assert disk.covers(shapely.Point(*KAPUSTIN_YAR))


def test_geodesic_disk__anadyr_500_km_is_split_at_antimeridian():
    disk = geo.geodesic_disk(ANADYR, INF_MIN_M)
    assert disk.geom_type == "MultiPolygon"
    assert len(disk.geoms) == 2
    east, west = sorted(disk.geoms, key=lambda p: -p.bounds[0])
    assert east.bounds[2] == 180.0
    assert west.bounds[0] == -180.0
    assert problems(disk) == []


def test_geodesic_disk__mcmurdo_5500_km_encloses_south_pole():
    disk = geo.geodesic_disk(MCMURDO, INF_MAX_M)
    assert disk.covers(shapely.Point(0.0, -89.99))
    assert not disk.intersects(shapely.Point(0.0, 89.99))
    assert problems(disk) == []


def test_geodesic_disk__13000_km_covers_both_poles_not_the_antipode():
    disk = geo.geodesic_disk((10.0, 20.0), 13_000_000.0)
    assert disk.covers(shapely.Point(0.0, 89.99))
    assert disk.covers(shapely.Point(0.0, -89.99))
    assert not disk.intersects(shapely.Point(-170.0, -20.0))
    assert geo.geodesic_area_m2(disk) > geo.EARTH_AREA_M2 / 2
    assert problems(disk) == []


@pytest.mark.parametrize("lon", [180.0, -180.0])
def test_geodesic_disk__site_on_antimeridian(lon):
    disk = geo.geodesic_disk((lon, 0.0), INF_MIN_M)
    assert disk.equals(geo.geodesic_disk((-lon, 0.0), INF_MIN_M))
    assert problems(disk) == []
    assert disk.intersects(shapely.Point(179.0, 0.0))
    assert disk.intersects(shapely.Point(-179.0, 0.0))


@pytest.mark.parametrize("lat", [90.0, -90.0])
def test_geodesic_disk__site_at_pole_is_a_cap(lat):
    disk = geo.geodesic_disk((0.0, lat), 1_000_000.0)
    assert problems(disk) == []
    assert disk.bounds[0] == -180.0
    assert disk.bounds[2] == 180.0
    edge_lat = np.array([disk.bounds[1] if lat > 0 else disk.bounds[3]])
    assert distance_m((0.0, lat), np.array([0.0]), edge_lat)[0] == pytest.approx(1e6, abs=100)


def test_geodesic_bands__inf_band_excludes_inner_disk():
    band = geo.geodesic_bands([KAPUSTIN_YAR], INF_MIN_M, INF_MAX_M)[0]
    assert problems(band) == []
    lon, lat, _ = GEOD.fwd([45.74] * 2, [48.58] * 2, [90, 90], [400_000, 600_000])
    assert not band.covers(shapely.Point(lon[0], lat[0]))
    assert band.covers(shapely.Point(lon[1], lat[1]))
    area = geo.geodesic_area_m2(band)
    outer, inner = (
        geo.geodesic_area_m2(geo.geodesic_disk(KAPUSTIN_YAR, r)) for r in (INF_MAX_M, INF_MIN_M)
    )
    assert area == pytest.approx(outer - inner, rel=1e-6)


def test_merge__four_battalion_sites():
    sites = [KAPUSTIN_YAR, KAMYSHLOV, MOZDOK, SHUYA]
    disks = geo.geodesic_disks(sites, INF_MAX_M)
    union = geo.merge(disks)
    assert problems(union) == []
    assert all(union.buffer(1e-9).covers(d) for d in disks)
    areas = [geo.geodesic_area_m2(d) for d in disks]
    assert max(areas) < geo.geodesic_area_m2(union) < sum(areas)
    assert union.covers(shapely.Point(0.0, 89.99))


def test_geodesic_disks__batched_equals_one_by_one():
    sites = [KAPUSTIN_YAR, ANADYR, MCMURDO]
    for batched, center in zip(geo.geodesic_disks(sites, INF_MAX_M), sites, strict=True):
        assert batched.equals(geo.geodesic_disk(center, INF_MAX_M))


@pytest.mark.parametrize(
    ("center", "radius_m", "message"),
    [
        ((0.0, 91.0), 1e6, "latitude must be in [-90, 90], got 91"),
        ((45.0, 120.0), 1e6, "lat/lon swapped?"),
        ((181.0, 0.0), 1e6, "longitude must be in [-180, 180], got 181"),
        ((float("nan"), 0.0), 1e6, "longitude must be a finite number"),
        ((0.0, 0.0), 0.0, "greater than 0 km"),
        ((0.0, 0.0), float("inf"), "finite"),
        ((0.0, 0.0), 20_100_000.0, "antipodal limit"),
    ],
)
def test_geodesic_disk__bad_input_raises_named_error(center, radius_m, message):
    with pytest.raises(geo.GeoInputError, match=message.replace("[", r"\[").replace("?", r"\?")):
        geo.geodesic_disk(center, radius_m)


def test_geodesic_bands__min_not_below_max_raises():
    with pytest.raises(geo.GeoInputError, match="band minimum must be below its maximum"):
        geo.geodesic_bands([KAPUSTIN_YAR], 5_500_000.0, 500_000.0)


def test_antimeridian_package__closes_clockwise_polar_ring_around_wrong_pole():
    """Why ``geo`` does not hand pole rings to ``antimeridian``: it returns the complement."""
    antimeridian = pytest.importorskip("antimeridian")
    az = np.linspace(0.0, 360.0, 180, endpoint=False)  # pyproj's natural, clockwise order
    lon, lat, _ = GEOD.fwd(np.full(180, 45.74), np.full(180, 48.58), az, np.full(180, INF_MAX_M))
    fixed = antimeridian.fix_polygon(shapely.Polygon(zip(lon, lat, strict=True)))
    assert fixed.intersects(shapely.Point(0.0, -89.99))  # wrong: the South Pole is 15,000 km away
    assert geo.geodesic_disk(KAPUSTIN_YAR, INF_MAX_M).covers(shapely.Point(0.0, 89.99))


def test_geodesic_disk__covers_points_on_the_cut_that_contains_misses():
    """Why membership is tested with covers: after the RFC 7946 cut, a point on ±180° or at a
    pole lies on the polygon's boundary."""
    cap = geo.geodesic_disk((0.0, 90.0), 1_000_000.0)
    anadyr = geo.geodesic_disk(ANADYR, INF_MIN_M)
    for region, point in [(cap, (0.0, 90.0)), (anadyr, (180.0, 64.73)), (anadyr, (-180.0, 64.73))]:
        assert distance_m(ANADYR if region is anadyr else (0.0, 90.0), *point) < 1_000_000.0
        assert region.covers(shapely.Point(point))
        assert not region.contains(shapely.Point(point))
