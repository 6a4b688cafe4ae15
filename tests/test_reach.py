"""Can it reach X: distances and azimuths, ring and system reach, launch areas, the measured line
and the disputed strip, checked against GeographicLib (``Geod.inv``)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import shapely
from pyproj import Geod
from shapely.geometry import Point

from geo.coverage import geodesic_disk
from geo.data import places, preset_sites, systems
from geo.errors import HALF_MERIDIAN_M, GeoInputError
from geo.lines import measure
from geo.model import LaunchSite
from geo.reach import (
    Target,
    launch_area,
    reach_table,
    ring_reach,
    site_distances,
    systems_reaching,
)
from geo.strip import disputed_strip
from tests.rfc7946 import problems

GEOD = Geod(ellps="WGS84")
KAPUSTIN_YAR = preset_sites()[0]
KALININGRAD = LaunchSite(name="Kaliningrad", lon=20.49734, lat=54.70001)
BERLIN = Target(name="Berlin", lon=13.3996, lat=52.52376)
WARSAW = Target(name="Warsaw", lon=20.99805, lat=52.25195)


# Golden values: Geod.inv(lon1, lat1, lon2, lat2) on WGS84 (GeographicLib), site -> target.
@pytest.mark.parametrize(
    ("site", "target", "distance_km", "azimuth_deg"),
    [
        (KAPUSTIN_YAR, BERLIN, 2313.199688563121, 360.0 - 66.82079186784358),
        (KALININGRAD, WARSAW, 274.476061541722, 172.84134092993534),
        # Fiji to a target across ±180°: 225 km, not the 40,000 km the long way round.
        (
            LaunchSite(name="Fiji", lon=179.5, lat=-16.5),
            Target(name="East", lon=-179.2, lat=-18.1),
            224.62445708807666,
            142.21888740823837,
        ),
    ],
)
def test_site_distances__golden_distance_and_azimuth(site, target, distance_km, azimuth_deg):
    row = site_distances(target, [site]).iloc[0]
    assert row["distance_km"] == pytest.approx(distance_km, abs=1e-6)
    assert row["azimuth_deg"] == pytest.approx(azimuth_deg, abs=1e-9)


def test_site_distances__nearest_first():
    table = site_distances(BERLIN, [KAPUSTIN_YAR, KALININGRAD, *preset_sites()[1:]])
    assert table["site_name"].iloc[0] == "Kaliningrad"
    assert table["distance_km"].is_monotonic_increasing


@pytest.mark.parametrize("offset_m", [-1.0, 1.0])
@pytest.mark.parametrize(("lat", "lon", "az"), [(48.58, 45.74, 290.0), (-16.5, 179.9, 90.0)])
def test_reach__a_target_one_metre_inside_reaches_and_one_metre_outside_falls_short(
    lat, lon, az, offset_m
):
    site = LaunchSite(name="site", lon=lon, lat=lat)
    t_lon, t_lat, _ = GEOD.fwd(lon, lat, az, 480_000.0 + offset_m)
    target = Target(name="edge", lon=t_lon, lat=t_lat)
    table = reach_table(target, [site], [480.0])
    assert bool(table["reaches_480km"].iloc[0]) is (offset_m < 0)
    (ring,) = ring_reach(table["distance_km"].iloc[0], [480.0])
    assert ring.reaches is (offset_m < 0)
    assert ring.margin_km == pytest.approx(-offset_m / 1000.0, abs=1e-6)


def test_reach__at_a_pole_and_at_the_antipode():
    pole = site_distances(Target(name="North Pole", lon=0.0, lat=90.0), [KAPUSTIN_YAR]).iloc[0]
    _, _, expected = GEOD.inv(KAPUSTIN_YAR.lon, KAPUSTIN_YAR.lat, 0.0, 90.0)
    assert pole["distance_km"] == pytest.approx(expected / 1000.0)
    assert pole["azimuth_deg"] == pytest.approx(0.0, abs=1e-9)
    antipode = Target(name="antipode", lon=KAPUSTIN_YAR.lon - 180.0, lat=-KAPUSTIN_YAR.lat)
    far = reach_table(antipode, [KAPUSTIN_YAR], [20_000.0]).iloc[0]
    _, _, expected = GEOD.inv(KAPUSTIN_YAR.lon, KAPUSTIN_YAR.lat, antipode.lon, antipode.lat)
    assert (
        far["distance_km"] == pytest.approx(expected / 1000.0) == pytest.approx(20_003.9, abs=0.1)
    )
    assert not far["reaches_20000km"]
    # The antipode is as far as anything gets: the longest range allowed ends there.
    (longest,) = ring_reach(far["distance_km"], [HALF_MERIDIAN_M / 1000.0])
    assert abs(longest.margin_km) < 1e-6


def test_systems_reaching__claimed_and_alleged_figures_each_with_source():
    table = systems_reaching(1200.0, systems())
    m729 = table[table["system"] == "9M729"].set_index("figure")
    assert m729.loc["claimed", "range_km"] == 480
    assert not m729.loc["claimed", "reaches"]
    assert m729.loc["claimed", "margin_km"] == pytest.approx(-720.0)
    assert m729.loc["alleged (low)", "reaches"]
    assert m729.loc["alleged (high)", "range_km"] == 2500
    assert "Matveevsky" in m729.loc["claimed", "source"]
    # Each estimate cites its own figure's source.
    assert "Frankfurter" in m729.loc["alleged (low)", "source"]
    assert "CSIS" not in m729.loc["alleged (low)", "source"]
    assert "CSIS" in m729.loc["alleged (high)", "source"]
    # A system with no figure in the table has no row rather than a guessed one.
    assert "9M728" not in set(table["system"])


def test_launch_area__is_the_disk_around_the_target_and_holds_kaliningrad():
    area = launch_area(WARSAW, 480_000.0)
    assert shapely.equals_exact(area, geodesic_disk((WARSAW.lon, WARSAW.lat), 480_000.0), 0.0)
    assert problems(area) == []
    assert area.covers(Point(KALININGRAD.lon, KALININGRAD.lat))
    assert reach_table(WARSAW, [KALININGRAD], [480.0])["reaches_480km"].iloc[0]


def test_launch_area__membership_agrees_with_distance_away_from_the_edge():
    area = launch_area(Target(name="Dateline", lon=179.0, lat=65.0), 2_000_000.0)
    rng = np.random.default_rng(5)
    lons, lats = rng.uniform(-180, 180, 4000), rng.uniform(20, 90, 4000)
    _, _, dist = GEOD.inv(np.full(4000, 179.0), np.full(4000, 65.0), lons, lats)
    clear = np.abs(dist - 2_000_000.0) > 200.0  # twice the tolerance from the circle
    inside = shapely.covers(area, shapely.points(lons, lats))
    assert (inside[clear] == (dist[clear] < 2_000_000.0)).all()
    assert inside.sum() > 100


def test_launch_area__rejects_a_range_beyond_the_antipode():
    with pytest.raises(GeoInputError, match="antipodal"):
        launch_area(WARSAW, 21_000_000.0)


def _off_geodesic_m(line, lon, lat):
    """Distance from (lon, lat) to the nearest of 20,001 points on the measured geodesic."""
    az, _, length = GEOD.inv(
        line.lons_deg[0], line.lats_deg[0], line.lons_deg[-1], line.lats_deg[-1]
    )
    s = np.linspace(0.0, length, 20_001)
    n = s.size
    g_lon, g_lat, _ = GEOD.fwd(
        np.full(n, line.lons_deg[0]), np.full(n, line.lats_deg[0]), np.full(n, az), s
    )
    _, _, d = GEOD.inv(g_lon, g_lat, np.full(n, lon), np.full(n, lat))
    return float(np.min(d)) - 0.5 * length / 20_000  # less half the sampling step


@pytest.mark.parametrize(
    ("a", "b"),
    [((170.0, 60.0), (-165.0, 55.0)), ((10.0, 85.0), (-150.0, 86.0)), ((0.0, 80.0), (180.0, 80.0))],
    ids=["across-180", "near-pole", "over-pole"],
)
def test_measure__geodesic_with_its_midpoint_on_the_geodesic(a, b):
    line = measure(a, b, tolerance_m=100.0)
    az_a, az_b, length = GEOD.inv(*a, *b)
    assert line.length_m == pytest.approx(length)
    assert line.azimuth_a_deg == pytest.approx(az_a % 360.0)
    assert line.azimuth_b_deg == pytest.approx(az_b % 360.0)
    # The midpoint of the drawn line (half its length along the polyline) is on the geodesic.
    pts = np.column_stack([line.lons_deg, line.lats_deg])
    _, _, seg = GEOD.inv(pts[:-1, 0], pts[:-1, 1], pts[1:, 0], pts[1:, 1])
    k = int(np.searchsorted(np.cumsum(seg), length / 2.0))
    assert _off_geodesic_m(line, *pts[k]) < 1.0
    # And every straight lon/lat segment stays within the tolerance of it.
    for (lon1, lat1), (lon2, lat2) in itertools.pairwise(pts):
        mid_lon = lon1 + ((lon2 - lon1 + 180.0) % 360.0 - 180.0) / 2.0
        assert _off_geodesic_m(line, mid_lon, (lat1 + lat2) / 2.0) < 100.0
    # Drawn paths never jump across the map, except along a pole, where every longitude meets.
    for path in line.paths:
        assert np.all(np.abs(path[:, 0]) <= 180.0)
        jumps = np.abs(np.diff(path[:, 0])) >= 180.0
        at_pole = (np.abs(path[:-1, 1]) == 90.0) | (np.abs(path[1:, 1]) == 90.0)
        assert np.all(at_pole[jumps])


def test_disputed_strip__places_480_to_500_km_from_some_site():
    sites = preset_sites()[:4]
    strip = disputed_strip(sites, 480.0, 500.0, places())
    assert problems(strip.region) == []
    assert len(strip.places) > 0
    assert strip.population == strip.places["population"].sum() > 0
    lons, lats = strip.places["lon"].to_numpy(), strip.places["lat"].to_numpy()
    dist = np.array(
        [
            GEOD.inv(np.full(lons.size, s.lon), np.full(lons.size, s.lat), lons, lats)[2]
            for s in sites
        ]
    )
    in_band = (dist > 480_000.0) & (dist <= 500_000.0)
    assert in_band.any(axis=0).all()
    # Clear of every ring by twice the tolerance, the shaded strip holds them too.
    clear = (np.abs(dist - 480_000.0).min(axis=0) > 200.0) & (
        np.abs(dist - 500_000.0).min(axis=0) > 200.0
    )
    assert shapely.covers(strip.region, shapely.points(lons[clear], lats[clear])).all()
    # A 20 km band around four sites: far smaller than one 500 km disk.
    assert 50_000 < strip.area_km2 < 4 * 2 * np.pi * 490 * 20
