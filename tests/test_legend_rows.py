"""The legend lists what the map draws: the rings and the marks only while there is a site, a
kind of place only when such places are drawn."""

from __future__ import annotations

import pandas as pd

from geo import LaunchSite, data, rings_for
from ui.deckmap import legend_rows

RINGS, _ = rings_for(data.system("9M729"), "both", estimates=True, extra_km=())
SITE = [LaunchSite(name="KY", lat=48.58, lon=45.74)]


def _dots(*capitals: bool) -> pd.DataFrame:
    return pd.DataFrame({"capital": list(capitals)})


def test_no_site_no_legend():
    # No site: no ring, no dot on the map, so nothing to explain.
    assert legend_rows(RINGS, [], _dots(True, False)) == []


def test_with_a_site_each_ring_then_the_marks_drawn():
    rows = legend_rows(RINGS, SITE, _dots(False, True))
    assert [r["label"] for r in rows] == [
        *(ring.label for ring in RINGS),
        "launch site",
        "capital",
        "city (largest 300)",
    ]


def _marks(dots: pd.DataFrame | None) -> list[str]:
    return [r["kind"] for r in legend_rows(RINGS, SITE, dots) if r["kind"] != "ring"]


def test_a_kind_of_place_not_drawn_is_not_listed():
    assert _marks(None) == ["site"]
    assert _marks(_dots(False, False)) == ["site", "city"]
    assert _marks(_dots(True)) == ["site", "capital"]
