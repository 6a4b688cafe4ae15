"""Benchmark: our rings against uniform rings fixed with ``antimeridian`` and raw ``Geod.fwd``.

Run by hand (``make bench``); the numbers go into docs/benchmarks.md. Side by side in one run,
medians of interleaved repeats, because these machines are shared and noisy.

Part 1, one site and the three 9M729 rings (480 km, 500 km, 5,500 km) at 100 m, the case the
app computes most:
(ring)  geo.rings.circle_vertices for all three rings, no polygon;
(disks) geo.geodesic_disks: vertices and RFC 7946 polygons, one call per ring and, where the
        library takes one radius per centre, one call for all three;
(fwd)   raw Geod.fwd for the same number of vertices in one call, no polygon: the floor.
Part 2, radii near the antipodal limit, where rings are cut at the cut locus.
With ``--before PATH`` (another checkout, e.g. a ``git worktree`` of the parent commit), parts 1
and 2 also time that checkout's ``geodesic_disks`` in the same process, interleaved.
Part 3, many sites:
(a) geo.geodesic_disks at 100 m tolerance: vertices + RFC 7946 polygons.
(b) 720 uniform azimuths, counter-clockwise (its best case), then antimeridian.fix_polygon.
(c) raw Geod.fwd for the same number of vertices as (a), no polygon at all.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import antimeridian
import numpy as np
import shapely
from pyproj import Geod

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checkouts import load_checkout, run_header

import geo
from geo.rings import chord_error_m, circle_vertices

GEOD = Geod(ellps="WGS84")
BATTALIONS = [(45.74, 48.58), (62.71, 56.85), (44.65, 43.74), (41.39, 56.85)]
THREE_RINGS_M = (480_000.0, 500_000.0, 5_500_000.0)
REPEATS = 7
SMALL_REPEATS = 201


def sites(n: int) -> list[tuple[float, float]]:
    rng = np.random.default_rng(7)
    extra = [(rng.uniform(-180, 180), rng.uniform(-80, 80)) for _ in range(max(0, n - 4))]
    return (BATTALIONS + extra)[:n]


def ours(centers, radius_m):
    return geo.geodesic_disks(centers, radius_m)


def uniform_antimeridian(centers, radius_m, n=720):
    az = np.linspace(360.0, 0.0, n, endpoint=False)  # counter-clockwise
    out = []
    for lon0, lat0 in centers:
        lon, lat, _ = GEOD.fwd(np.full(n, lon0), np.full(n, lat0), az, np.full(n, radius_m))
        out.append(antimeridian.fix_polygon(shapely.Polygon(zip(lon, lat, strict=True))))
    return out


def raw_fwd(centers, radius_m, n_total):
    per = max(3, n_total // len(centers))
    az = np.tile(np.linspace(360.0, 0.0, per, endpoint=False), len(centers))
    c = np.repeat(np.asarray(centers), per, axis=0)
    return GEOD.fwd(c[:, 0], c[:, 1], az, np.full(az.size, radius_m))


def correct(regions, centers, radius_m) -> bool:
    """Random points are inside exactly when their geodesic distance is within range."""
    rng = np.random.default_rng(1)
    lon = rng.uniform(-180, 180, 300)
    lat = np.degrees(np.arcsin(rng.uniform(-1, 1, 300)))
    for region, (lon0, lat0) in zip(regions, centers, strict=True):
        if not region.is_valid:
            return False
        _, _, d = GEOD.inv(np.full(lon.size, lon0), np.full(lon.size, lat0), lon, lat)
        clear = np.abs(d - radius_m) > 2_000
        if np.any((shapely.covers(region, shapely.points(lon, lat)) != (d <= radius_m))[clear]):
            return False
    return True


def worst_error(centers, radius_m, vertices) -> float:
    pairs = zip(centers, vertices, strict=True)
    return max(chord_error_m(c, radius_m, lon, lat) for c, (lon, lat) in pairs)


def medians_ms(cases: dict, repeats: int) -> dict[str, float]:
    """Median wall time of each case in ms, the cases interleaved within every repeat."""
    times: dict[str, list[float]] = {key: [] for key in cases}
    for _ in range(repeats):
        for key, fn in cases.items():
            t0 = time.perf_counter()
            fn()
            times[key].append(time.perf_counter() - t0)
    return {key: statistics.median(v) * 1e3 for key, v in times.items()}


BEFORE = load_checkout(sys.argv[sys.argv.index("--before") + 1]) if "--before" in sys.argv else None


def vertex_count(center, radii_m) -> int:
    lon0, lat0 = center
    return sum(
        circle_vertices(np.array([lon0]), np.array([lat0]), r, 100.0)[0].size for r in radii_m
    )


def fwd_same_vertices(center, radii_m):
    """Raw Geod.fwd for as many vertices as our rings have, in one call (the floor)."""
    counts = [vertex_count(center, [r]) for r in radii_m]
    az = np.concatenate([np.linspace(360.0, 0.0, n, endpoint=False) for n in counts])
    dist = np.repeat(radii_m, counts)
    lon0 = np.full(az.size, center[0])
    lat0 = np.full(az.size, center[1])
    return lambda: GEOD.fwd(lon0, lat0, az, dist)


def one_site(center, radii_m, label: str) -> None:
    lon0, lat0 = center
    n = vertex_count(center, radii_m)
    cases = {
        "ring": lambda: [
            circle_vertices(np.array([lon0]), np.array([lat0]), r, 100.0) for r in radii_m
        ],
        "disks, a call per ring": lambda: [geo.geodesic_disks([center], r) for r in radii_m],
        "fwd": fwd_same_vertices(center, list(radii_m)),
        "disks, one call": lambda: geo.geodesic_disks([center] * len(radii_m), list(radii_m)),
    }
    if BEFORE is not None:
        cases["before: disks, a call per ring"] = lambda: [
            BEFORE.geodesic_disks([center], r) for r in radii_m
        ]
        cases["before: disks, one call"] = lambda: BEFORE.geodesic_disks(
            [center] * len(radii_m), list(radii_m)
        )
    med = medians_ms(cases, SMALL_REPEATS)
    radii = "/".join(f"{r / 1000:,.0f}" for r in radii_m)
    for key, ms in med.items():
        ratio = ms / med["fwd"]
        print(f"| {label} | {radii} | {key} | {ms:.3f} | {n:,} | {ratio:.2f}x |")


def many_sites() -> None:
    print("| sites | range km | method | median ms | vertices | worst error m | correct |")
    print("|---:|---:|---|---:|---:|---:|---|")
    for n_sites in (1, 10, 100):
        centers = sites(n_sites)
        lons, lats = np.array(centers).T
        for range_km in (480, 500, 5500):
            radius_m = range_km * 1000.0
            ring, _, vlon, vlat = circle_vertices(lons, lats, radius_m, 100.0)
            n_ours = ring.size
            med = medians_ms(
                {
                    "a": lambda c=centers, r=radius_m: ours(c, r),
                    "b": lambda c=centers, r=radius_m: uniform_antimeridian(c, r),
                    "c": lambda c=centers, r=radius_m, n=n_ours: raw_fwd(c, r, n),
                },
                REPEATS,
            )
            ours_vertices = [(vlon[ring == i], vlat[ring == i]) for i in range(n_sites)]
            per = n_ours // n_sites
            uniform = np.linspace(360.0, 0.0, per, endpoint=False)
            uni720 = np.linspace(360.0, 0.0, 720, endpoint=False)

            def uniform_vertices(az, centers=centers, radius_m=radius_m):
                out = []
                for lon0, lat0 in centers:
                    n = az.size
                    lonlat = GEOD.fwd(np.full(n, lon0), np.full(n, lat0), az, np.full(n, radius_m))
                    out.append(lonlat[:2])
                return out

            rows = [
                (
                    "(a) geo, 100 m",
                    med["a"],
                    n_ours,
                    worst_error(centers, radius_m, ours_vertices),
                    correct(ours(centers, radius_m), centers, radius_m),
                ),
                (
                    "(b) 720 + antimeridian",
                    med["b"],
                    720 * n_sites,
                    worst_error(centers, radius_m, uniform_vertices(uni720)),
                    correct(uniform_antimeridian(centers, radius_m), centers, radius_m),
                ),
                (
                    "(c) raw Geod.fwd",
                    med["c"],
                    per * n_sites,
                    worst_error(centers, radius_m, uniform_vertices(uniform)),
                    False,
                ),
            ]
            for name, ms, nv, err, ok in rows:
                ok_text = "yes" if ok else "no"
                if name.startswith("(c)"):
                    ok_text = "no polygon"
                cells = [str(n_sites), f"{range_km:,}", name, f"{ms:.2f}", f"{nv:,}", f"{err:,.0f}"]
                print("| " + " | ".join([*cells, ok_text]) + " |")
            print(
                f"|  |  | ratios | a/c = {med['a'] / med['c']:.1f}x, "
                f"b/a = {med['b'] / med['a']:.1f}x |  |  |  |"
            )


def main() -> None:
    print(run_header())
    print("| site | rings km | method | median ms | vertices | vs fwd |")
    print("|---|---|---|---:|---:|---:|")
    one_site(BATTALIONS[0], THREE_RINGS_M, "Kapustin Yar")
    one_site(BATTALIONS[0], (THREE_RINGS_M[2],), "Kapustin Yar")
    one_site((0.0, 0.0), (19_990_000.0, 20_000_000.0), "0, 0 (cut locus)")
    print()
    if "--quick" not in sys.argv:
        many_sites()


if __name__ == "__main__":
    main()
