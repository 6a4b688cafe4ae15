"""Write static/basemap-110m.geojson, the offline basemap the map fetches once by URL.

Natural Earth 1:110m countries from data/, names only, 4 decimals (~11 m, far below a pixel at
the zooms we draw). Russia and Fiji are already cut at ±180° there (data/README.md).
Run: .venv/bin/python scripts/make_basemap.py
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _round(coords):
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], 4), round(coords[1], 4)]
    return [_round(c) for c in coords]


def main() -> None:
    source = json.loads((ROOT / "data" / "ne_110m_admin_0_countries.geojson").read_text())
    features = [
        {
            "type": "Feature",
            "properties": {"name": f["properties"]["NAME"]},
            "geometry": {
                "type": f["geometry"]["type"],
                "coordinates": _round(f["geometry"]["coordinates"]),
            },
        }
        for f in source["features"]
    ]
    out = {"type": "FeatureCollection", "features": features}
    target = ROOT / "static" / "basemap-110m.geojson"
    target.write_text(json.dumps(out, separators=(",", ":")) + "\n")
    print(f"wrote {target} ({target.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
