"""The session's site list (ui.sitelist) and the one identity rule it uses (LaunchSite.key)."""

from __future__ import annotations

import pytest

from geo import LaunchSite
from ui.sitelist import choices, labels_of, with_added

KY = LaunchSite(name="Kapustin Yar", lat=48.58, lon=45.74, role="reported battalion site")
SHUYA = LaunchSite(name="Shuya", lat=56.85, lon=41.39)


def test_a_site_is_keyword_only_so_lat_and_lon_cannot_be_swapped_by_position():
    with pytest.raises(TypeError):
        LaunchSite("Kapustin Yar", 45.74, 48.58)  # type: ignore[misc]


def test_the_same_site_is_the_same_name_at_the_same_position_to_six_decimals():
    assert (
        LaunchSite(name="A", lat=48.5800004, lon=45.74).key
        == LaunchSite(name="A", lat=48.58, lon=45.7400001, role="imported").key
    )
    assert (
        LaunchSite(name="A", lat=48.58, lon=45.74).key
        != LaunchSite(name="A", lat=48.581, lon=45.74).key
    )
    assert (
        LaunchSite(name="A", lat=48.58, lon=45.74).key
        != LaunchSite(name="B", lat=48.58, lon=45.74).key
    )
    assert (
        LaunchSite(name="E", lat=0.0, lon=180.0).key
        == LaunchSite(name="E", lat=0.0, lon=-180.0).key
    )


def test_adding_skips_sites_already_on_the_map_and_stops_at_the_limit():
    again = LaunchSite(name="Kapustin Yar", lat=48.58, lon=45.74, role="imported")
    sites, left_out = with_added((KY,), [again, SHUYA, SHUYA], limit=5)
    assert sites == (KY, SHUYA)
    assert left_out == 0
    third = LaunchSite(name="Third", lat=1.0, lon=1.0)
    assert with_added((KY, SHUYA), [third], limit=2) == ((KY, SHUYA), 1)


def test_labels_are_names_with_the_position_added_only_when_a_name_repeats():
    elsewhere = LaunchSite(name="Shuya", lat=10.0, lon=20.0)
    offered = choices((KY, SHUYA), (), (elsewhere,))
    assert list(offered) == ["Kapustin Yar", "Shuya", "Shuya (10.0000, 20.0000)"]
    assert labels_of((elsewhere, KY), offered) == ["Shuya (10.0000, 20.0000)", "Kapustin Yar"]
