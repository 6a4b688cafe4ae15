"""Benchmark: the export files, GeoJSON, KML, KMZ and GeoPackage, time and size per format.

Run by hand: ``.venv/bin/python bench/exports.py [--before PATH]``; the numbers go into
docs/benchmarks.md. Each case's features are built once; the timed call is ``export_bytes``,
what the CLI and the app's download run. Medians of interleaved repeats, because these machines
are shared and noisy. With ``--before PATH`` (another checkout) the same cases also run through
that checkout's ``geo`` in the same process, interleaved with ours.
"""

from __future__ import annotations

import gc
import importlib
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checkouts import load_checkout, run_header

REPEATS = 9
TOLERANCE_M = 100.0
FORMATS = ("geojson", "kml", "kmz", "gpkg")
COLOURS = ("#0072b2", "#d55e00")
# name, the preset sites' indices (None: all five), the bands in km
CASES = [
    ("5 preset sites, 480 and 500–5,500 km", None, [(0.0, 480.0), (500.0, 5500.0)]),
    ("Kapustin Yar, 15,000 km", [0], [(0.0, 15_000.0)]),
]


def export_calls(package: str) -> dict[tuple[str, str], object]:
    """``(case, format) -> call`` through one checkout's ``geo`` package."""
    data, geojson, model, exports = (
        importlib.import_module(f"{package}.{m}") for m in ("data", "geojson", "model", "exports")
    )
    calls = {}
    for case, picks, bands_km in CASES:
        sites = data.preset_sites()
        sites = sites if picks is None else [sites[i] for i in picks]
        bands = [model.Band(lo, hi) for lo, hi in bands_km]
        features = geojson.coverage_features(sites, bands, tolerance_m=TOLERANCE_M)
        colours = dict(zip(bands, COLOURS, strict=False))
        for fmt in FORMATS:
            calls[case, fmt] = lambda fs=features, f=fmt, c=colours: exports.export_bytes(
                fs, f, tolerance_m=TOLERANCE_M, colours=c, sources={}
            )
    return calls


def main() -> None:
    checkouts = {"this": export_calls("geo")}
    if "--before" in sys.argv:
        load_checkout(sys.argv[sys.argv.index("--before") + 1])
        checkouts["before"] = export_calls("geo_before")
    times: dict[tuple, list[float]] = {}
    sizes: dict[tuple, int] = {}
    for _ in range(REPEATS):
        for key in checkouts["this"]:
            for label, calls in checkouts.items():
                gc.collect()  # no call pays for the garbage of the one before
                t0 = time.perf_counter()
                sizes[label, *key] = len(calls[key]())
                times.setdefault((label, *key), []).append(time.perf_counter() - t0)
    print(run_header())
    print("| case | format | checkout | median ms | KB |")
    print("|---|---|---|---:|---:|")
    for label, case, fmt in times:
        ms = statistics.median(times[label, case, fmt]) * 1e3
        print(f"| {case} | {fmt} | {label} | {ms:,.0f} | {sizes[label, case, fmt] / 1e3:,.0f} |")


if __name__ == "__main__":
    main()
