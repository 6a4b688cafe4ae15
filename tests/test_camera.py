"""The first view: every site and its largest ring in view, or the sites with a margin."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from geo.camera import WORLD_PX0, fit_view
from geo.model import LaunchSite

ANADYR = LaunchSite(name="Anadyr", lon=177.51, lat=64.73)
MCMURDO = LaunchSite(name="McMurdo", lon=166.67, lat=-77.85)
KAPUSTIN_YAR = LaunchSite(name="Kapustin Yar", lon=45.74, lat=48.58)


def test_a_ring_is_fitted_across_the_antimeridian():
    fit = fit_view([ANADYR], (480_000.0,), "map")
    # Centred on the site's side of ±180°, about 2 x 480 km wide (20° of longitude at 65°N).
    assert abs(((fit.longitude - 177.51) + 180) % 360 - 180) < 1.0
    assert 17 < fit.width_px0 / WORLD_PX0 * 360 < 23
    assert fit.note == ""


def test_sites_on_both_sides_of_the_antimeridian_are_fitted_the_short_way():
    fit = fit_view([ANADYR, LaunchSite(name="Nome", lon=-165.4, lat=64.5)], (100_000.0,), "map")
    span_deg = fit.width_px0 / WORLD_PX0 * 360
    assert span_deg < 25  # not the 340° the other way round
    assert fit.longitude > 170 or fit.longitude < -170


def test_anadyr_and_mcmurdo_on_the_globe_fit_both():
    fit = fit_view([ANADYR, MCMURDO], (480_000.0,), "globe")
    assert fit.note == ""
    # The centre lies between them, near 172°E on the equator.
    assert abs(fit.latitude) < 10
    assert 160 < fit.longitude < 185


def test_rings_around_a_pole_fit_the_sites_and_say_so():
    fit = fit_view([KAPUSTIN_YAR], (5_500_000.0,), "map")
    assert "5,500 km rings span most of the globe" in fit.note
    assert fit.width_px0 < 0.7 * WORLD_PX0


def test_a_5500_km_ring_fits_on_the_globe():
    fit = fit_view([KAPUSTIN_YAR], (5_500_000.0,), "globe")
    assert fit.note == ""
    # 5,500 km is 49.5° of arc: the fitted disk is sin(49.5°) of the globe's diameter.
    radius_px0 = 256 / (math.pi * math.cos(math.radians(fit.latitude)))
    assert fit.width_px0 == pytest.approx(2 * radius_px0 * math.sin(5_500 / 6_371), rel=0.01)


def test_when_the_largest_ring_spans_most_of_the_globe_the_next_one_is_fitted():
    fit = fit_view([KAPUSTIN_YAR], (480_000.0, 2_500_000.0, 5_500_000.0), "map")
    assert fit.note.startswith(
        "The 5,500 km rings span most of the globe: the view fits the 2,500 km rings"
    )
    assert fit == replace(fit_view([KAPUSTIN_YAR], (2_500_000.0,), "map"), note=fit.note)
    # On the globe the 5,500 km ring fits whole.
    assert fit_view([KAPUSTIN_YAR], (480_000.0, 5_500_000.0), "globe") == fit_view(
        [KAPUSTIN_YAR], (5_500_000.0,), "globe"
    )


def test_no_sites_no_fit():
    assert fit_view([], (480_000.0,), "map") is None
