"""Benchmark: 1 to 500 sites with the 9M729 rings (claimed 480 km, INF band 500–5,500 km).

Run by hand (``.venv/bin/python bench/scale.py``); the table goes into ``docs/benchmarks.md``.
Medians of interleaved repeats, side by side in one run, because these machines are shared and
noisy.

(a) rings and merged coverage: ``geodesic_disks`` at 480 km and ``geodesic_bands`` for
    500–5,500 km, each merged over the sites (what the app shades).
(b) the two places-in-range tables for the same ranges, with the chord prefilter
    (``geo.places``) and with the loop over every site it replaced (kept in the tests as the
    reference); the two tables are checked to be identical.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import geo
from geo import LaunchSite, data
from geo.places import places_in_range
from harness.places import reference_places_in_range

CLAIMED_M = 480_000.0
BAND_M = (500_000.0, 5_500_000.0)
SITE_COUNTS = (1, 10, 100, 500)
REPEATS = 5
TARGET_S = 2.0


def sites(n: int) -> list[LaunchSite]:
    """Kapustin Yar, then three in four over Eurasia and one in four anywhere (seed fixed).

    The worldwide ones are uniform in latitude, not in area, so one in six lies beyond 75°.
    """
    rng = np.random.default_rng(2026)
    eurasia = [(rng.uniform(20.0, 150.0), rng.uniform(35.0, 72.0)) for _ in range(n)]
    world = [(rng.uniform(-180.0, 180.0), rng.uniform(-90.0, 90.0)) for _ in range(n)]
    lonlats = [(45.74, 48.58)] + [world[i] if i % 4 == 3 else eurasia[i] for i in range(1, n)]
    return [LaunchSite(name=f"S{i}", lat=lat, lon=lon) for i, (lon, lat) in enumerate(lonlats)]


def coverage(centers):
    claimed = geo.merge(geo.geodesic_disks(centers, CLAIMED_M))
    band = geo.merge(geo.geodesic_bands(centers, *BAND_M))
    return claimed, band


def tables(find, site_list, places):
    return (
        find(site_list, places, CLAIMED_M),
        find(site_list, places, BAND_M[1], min_radius_m=BAND_M[0]),
    )


def timed(fn, *args):
    t0 = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - t0, result


def main() -> None:
    places = data.places()
    print(
        "| sites | (a) rings + coverage ms | (b) places, loop ms | (b) places, prefilter ms "
        "| loop / prefilter | rows | same rows | (a) + (b) ms | ≤ 2 s |"
    )
    print("|---:|---:|---:|---:|---:|---:|---|---:|---|")
    for n_sites in SITE_COUNTS:
        site_list = sites(n_sites)
        centers = [(s.lon, s.lat) for s in site_list]
        times: dict[str, list[float]] = {"a": [], "loop": [], "new": []}
        same = True
        for _ in range(REPEATS):
            seconds, _ = timed(coverage, centers)
            times["a"].append(seconds)
            seconds, new = timed(tables, places_in_range, site_list, places)
            times["new"].append(seconds)
            seconds, old = timed(tables, reference_places_in_range, site_list, places)
            times["loop"].append(seconds)
            for got, want in zip(new, old, strict=True):
                try:
                    pd.testing.assert_frame_equal(got, want, check_exact=True)
                except AssertionError:
                    same = False
        ms = {k: statistics.median(v) * 1e3 for k, v in times.items()}
        total_ms = ms["a"] + ms["new"]
        cells = [
            f"{n_sites}",
            f"{ms['a']:,.0f}",
            f"{ms['loop']:,.0f}",
            f"{ms['new']:,.0f}",
            f"{ms['loop'] / ms['new']:.1f}×",
            " + ".join(f"{len(t):,}" for t in new),
            "yes" if same else "NO",
            f"{total_ms:,.0f}",
            "yes" if total_ms <= TARGET_S * 1e3 else "no",
        ]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
