"""Sites, inputs and helpers shared by the site-import tests."""

from __future__ import annotations

import json

from geo import LaunchSite
from geo.sites_io import ImportResult

KAPUSTIN = LaunchSite(name="Kapustin Yar", lat=48.58, lon=45.74)
MOZDOK = LaunchSite(name="Mozdok", lat=43.74, lon=44.65)
SYDNEY = LaunchSite(name="Sydney", lat=-33.87, lon=-151.2)
THREE_SITES = "Kapustin Yar,48.58,45.74\nMozdok,43.74,44.65\nSydney,-33.87,-151.2\n"


def messages(result: ImportResult) -> list[str]:
    return [error.message for error in result.errors]


def point(lon, lat, **properties):
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": properties,
    }


def collection(*features):
    return json.dumps({"type": "FeatureCollection", "features": list(features)})
