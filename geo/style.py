"""One look for the map, its legend and the publication figure: colours and marker labels.

Plain data (no matplotlib, no pydeck): ``ui`` builds the map and legend from it and
:mod:`geo.figure` the figure, so what a reader sees on one is what the other shows. Rings are
named by :class:`geo.scenario.RingSpec` and sites by their own name, in both.
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import Band
from .scenario import RingSpec

RGB = tuple[int, int, int]

# Okabe-Ito colours (colour-blind safe), one per kind of ring: the claimed 480 km ring (blue)
# and the 500 km edge of the INF band (vermillion) are 20 km apart, so they must differ in hue,
# not just in width.
ROLE_COLOURS: dict[str, RGB] = {
    "claimed": (0, 114, 178),
    "treaty": (213, 94, 0),
    "estimate": (204, 121, 167),
    "custom": (0, 158, 115),
}
# Opacity (of 255) of a shaded band or region over the basemap.
FILL_ALPHA = 40
SITE_COLOUR: RGB = (0, 0, 0)
CAPITAL_COLOUR: RGB = (86, 40, 120)
CITY_COLOUR: RGB = (90, 90, 90)
LAND_COLOUR: RGB = (236, 236, 230)
OCEAN_COLOUR: RGB = (219, 231, 240)
BORDER_COLOUR: RGB = (160, 160, 160)

SITE_LABEL = "launch site"
CAPITAL_LABEL = "capital in range"


def hex_colour(rgb: RGB) -> str:
    """``(213, 94, 0)`` as ``"#D55E00"``, for matplotlib and CSS.

    >>> hex_colour(ROLE_COLOURS["treaty"])
    '#D55E00'
    """
    return "#{:02X}{:02X}{:02X}".format(*rgb)


def ring_colours(rings: Iterable[RingSpec]) -> dict[Band, str]:
    """``#RRGGBB`` per ring's band, the colour of its role: what the KML export styles each
    ring with."""
    return {ring.band: hex_colour(ROLE_COLOURS[ring.role]) for ring in rings}
