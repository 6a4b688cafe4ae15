"""Edits from the map component (ui.edits): applied exactly, or refused with a reason."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo import LaunchSite
from ui.edits import (
    EDIT_BURST,
    EDITS_PER_SECOND,
    EditBudget,
    apply_edit,
    target_point,
    too_fast,
)
from ui.sitelist import choices, kept_with, without_left_positions
from ui.urlstate import MAX_URL_SITES

KY = LaunchSite(
    name="Kapustin Yar", lat=48.58, lon=45.74, role="reported battalion site", source="NYT"
)
SHUYA = LaunchSite(name="Shuya", lat=56.85, lon=41.39)
SITES = (KY, SHUYA)


def move(site_id="0", lat=50.0, lon=30.0, start=(48.58, 45.74)):
    return {"action": "move", "id": site_id, "lat": lat, "lon": lon, "from": start and list(start)}


def test_move_puts_the_site_at_the_drop_point_and_keeps_the_others():
    result = apply_edit(SITES, move(lat=50.011646, lon=29.923591))
    assert result.ok
    moved, other = result.sites
    assert (moved.lat, moved.lon) == (50.011646, 29.923591)
    assert other == SHUYA
    assert "Moved Kapustin Yar to 50.0116°, 29.9236°" in result.message


def test_moved_preset_is_no_longer_labelled_as_the_preset():
    moved = apply_edit(SITES, move()).sites[0]
    assert moved.name == "Kapustin Yar (moved)"
    assert moved.role == "moved on the map"
    assert moved.source == ""  # the preset's source is about the preset's position
    again = apply_edit((moved, SHUYA), move(lat=51.0, lon=31.0, start=(50.0, 30.0)))
    assert again.sites[0].name == "Kapustin Yar (moved)"


@pytest.mark.parametrize(
    ("reported_lon", "expected_lon"),
    [(-358.0, 2.0), (362.0, 2.0), (180.0, -180.0), (-540.5, 179.5), (725.25, 5.25)],
)
def test_longitudes_of_world_copies_are_normalised(reported_lon, expected_lon):
    result = apply_edit(SITES, move(lon=reported_lon))
    assert result.ok
    assert result.sites[0].lon == pytest.approx(expected_lon, abs=1e-9)


def test_positions_are_kept_to_url_precision():
    moved = apply_edit(SITES, move(lat=50.123456789, lon=30.987654321)).sites[0]
    assert (moved.lat, moved.lon) == (50.123457, 30.987654)


def test_add_appends_a_site_with_a_default_name():
    result = apply_edit(SITES, {"action": "add", "id": None, "lat": -33.87, "lon": 151.21})
    assert result.ok
    assert result.sites[:2] == SITES
    added = result.sites[2]
    assert (added.lat, added.lon, added.role) == (-33.87, 151.21, "added on the map")
    assert added.name == "Site at -33.87, 151.21"


def test_add_beyond_the_site_limit_is_refused():
    many = tuple(LaunchSite(name=f"S{i}", lat=0.0, lon=0.0) for i in range(MAX_URL_SITES))
    result = apply_edit(many, {"action": "add", "lat": 1.0, "lon": 1.0})
    assert not result.ok
    assert result.sites == many
    assert str(MAX_URL_SITES) in result.message


def test_remove_drops_only_that_site():
    result = apply_edit(SITES, {"action": "remove", "id": "1", "from": [56.85, 41.39]})
    assert result.ok
    assert result.sites == (KY,)
    assert result.message == "Removed Shuya."


@pytest.mark.parametrize(
    ("edit", "why"),
    [
        (None, "does not know"),
        ("move", "does not know"),
        ({"action": "teleport"}, "does not know"),
        (move(lat=float("nan")), "not finite"),
        (move(lon=float("inf")), "not finite"),
        (move(lat="50"), "not numbers"),
        (move(lat=True), "not numbers"),
        (move(lat=None), "not numbers"),
        (move(lat=90.5), "latitude 90.5 is outside -90..90"),
        (move(site_id="7"), "not on the map"),
        (move(site_id="-1"), "not on the map"),
        (move(site_id=0), "not on the map"),
        (move(site_id="1" * 50), "not on the map"),
        (move(start=(40.0, 45.74)), "changed since the edit began"),
        (move(start=None), "changed since the edit began"),
        ({**move(), "from": ["48.58", 45.74]}, "changed since the edit began"),
        ({"action": "remove", "id": "0", "from": [0, 0]}, "changed since the edit began"),
    ],
)
def test_bad_or_stale_edits_change_nothing_and_say_why(edit, why):
    result = apply_edit(SITES, edit)
    assert not result.ok
    assert result.sites == SITES
    assert result.message.startswith("The map edit was ignored:")
    assert why in result.message


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=10,
)


@given(
    action=st.sampled_from(["move", "add", "remove", "x"]) | st.text(max_size=5),
    site_id=JSON,
    lat=JSON,
    lon=JSON,
    start=JSON,
)
def test_any_payload_gives_a_valid_site_list_or_a_refusal(action, site_id, lat, lon, start):
    edit = {"action": action, "id": site_id, "lat": lat, "lon": lon, "from": start}
    result = apply_edit(SITES, edit)
    if not result.ok:
        assert result.sites == SITES
    for site in result.sites:
        assert math.isfinite(site.lat)
        assert -90 <= site.lat <= 90
        assert math.isfinite(site.lon)
        assert -180 <= site.lon < 180


def test_positions_a_dragged_site_left_leave_the_site_choices():
    presets = (KY, SHUYA)
    on_map, kept = presets, kept_with((), presets)
    for lat in (50.0, 51.0, 52.0):
        start = (on_map[0].lat, on_map[0].lon)
        result = apply_edit(on_map, move("0", lat, 45.0, start))
        on_map = result.sites
        kept = without_left_positions(kept_with(kept, on_map), on_map)
    offered = choices(presets, kept, on_map)
    # The presets stay (the user may want the original back) and the last position, not 50, 51.
    assert sorted(offered) == ["Kapustin Yar", "Kapustin Yar (moved)", "Shuya"]
    assert offered["Kapustin Yar (moved)"].lat == 52.0


def test_integers_too_large_for_a_float_are_refused_not_raised():
    huge = 10**400
    result = apply_edit(SITES, {"action": "add", "id": None, "lat": huge, "lon": 1, "from": None})
    assert (result.ok, result.sites) == (False, SITES)
    assert "not finite" in result.message
    stale = apply_edit(SITES, move(start=(huge, -huge)))
    assert (stale.ok, stale.sites) == (False, SITES)


def test_moved_auto_named_site_is_named_after_its_new_position():
    added = apply_edit(SITES, {"action": "add", "lat": 49.9371, "lon": 9.97634}).sites[-1]
    assert added.name == "Site at 49.9371, 9.97634"
    edit = move(site_id="2", lat=52.52, lon=13.405, start=(49.9371, 9.97634))
    moved = apply_edit((*SITES, added), edit).sites[-1]
    assert moved.name == "Site at 52.52, 13.405"
    again = apply_edit((*SITES, moved), move("2", lat=-33.87, lon=151.21, start=(52.52, 13.405)))
    assert again.sites[-1].name == "Site at -33.87, 151.21"


def test_a_name_the_user_gave_stays_when_the_site_moves():
    named = LaunchSite(name="Site at the river", lat=49.9371, lon=9.97634)
    edit = move(site_id="2", lat=52.52, lon=13.405, start=(49.9371, 9.97634))
    assert apply_edit((*SITES, named), edit).sites[-1].name == "Site at the river (moved)"
    # An automatic-looking name for another position is the user's, not ours to rewrite.
    elsewhere = LaunchSite(name="Site at 1, 2", lat=49.9371, lon=9.97634)
    assert apply_edit((*SITES, elsewhere), edit).sites[-1].name == "Site at 1, 2 (moved)"


def test_edits_beyond_the_budget_are_refused_until_it_refills():
    budget = EditBudget(at_s=100.0)
    assert [budget.take(100.0) for _ in range(EDIT_BURST + 1)] == [True] * EDIT_BURST + [False]
    assert budget.wait_s() == pytest.approx(1.0 / EDITS_PER_SECOND)
    assert budget.take(100.0 + 1.0 / EDITS_PER_SECOND)
    assert not budget.take(100.0 + 1.0 / EDITS_PER_SECOND)
    refused = too_fast(SITES)
    assert (refused.ok, refused.sites) == (False, SITES)
    assert "more than 5 edits a second" in refused.message


@pytest.mark.parametrize(
    ("lat", "lon", "expected"),
    [
        (52.123456789, 13.4, (52.123457, 13.4)),
        (90, 180.0, (90.0, -180.0)),
        (-90.0, -540.5, (-90.0, 179.5)),
    ],
)
def test_a_target_is_a_position_at_url_precision(lat, lon, expected):
    assert target_point({"action": "target", "id": None, "lat": lat, "lon": lon}) == expected


@pytest.mark.parametrize(
    ("edit", "why"),
    [
        ({"action": "measure", "lat": 1.0, "lon": 2.0}, "not a target"),
        ([], "not a target"),
        ({"action": "target", "lat": -90.5, "lon": 2.0}, "outside -90..90"),
        ({"action": "target", "lat": None, "lon": 2.0}, "not numbers"),
        ({"action": "target", "lat": 1.0, "lon": math.inf}, "not finite"),
    ],
)
def test_a_bad_target_says_why(edit, why):
    with pytest.raises(ValueError, match=why):
        target_point(edit)
