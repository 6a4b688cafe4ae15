"""Memory of the server's per-site caches: it grows to their bound, then stays flat.

Every drop of a dragged site is a new float position, so a new key in ``ui.compute``'s region
and export-line caches. This feeds 3,000 new one-site positions with the "both" ranges (480 km,
500-5,500 km band) through ``geojson_export``, as a dragged site's reruns do, and prints the
entries held and the process's resident memory every 250 positions.

Run: ``.venv/bin/python bench/cache_memory.py``
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geo import Band, LaunchSite
from ui import compute

BANDS = (Band(0, 480), Band(500, 5500))
POSITIONS = 3000


def rss_mb() -> float:
    """Resident set size of this process (Linux)."""
    return int(Path("/proc/self/statm").read_text().split()[1]) * 4096 / 1e6


def main() -> None:
    rng = random.Random(1)
    print("| positions | region entries | export-line entries | RSS MB |")
    print("|---:|---:|---:|---:|")
    print(f"| 0 | 0 | 0 | {rss_mb():.0f} |")
    for step in range(1, POSITIONS + 1):
        site = LaunchSite(name=f"S{step}", lat=rng.uniform(-80, 80), lon=rng.uniform(-180, 180))
        compute.geojson_export((site,), BANDS)
        if step % 250 == 0:
            regions, lines = len(compute.SITE_REGIONS), len(compute.EXPORT_LINES)
            print(f"| {step} | {regions} | {lines} | {rss_mb():.0f} |")


if __name__ == "__main__":
    main()
