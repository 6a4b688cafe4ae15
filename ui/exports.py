"""Downloads beyond the GeoJSON: KML and KMZ for Google Earth, GeoPackage for QGIS, and the
publication figure in PNG, SVG or PDF with a preview.

Each is built when asked (a KML of many sites or a figure takes a second or more) and kept in
the session for its sites and ranges, then offered for download: the same bytes as the command
line gives (``python -m geo export --format ...``, ``python -m geo figure``).
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from geo import MEDIA_TYPES, LaunchSite, RingSpec
from ui import compute

GIS_FORMATS = {"kml": "KML (Google Earth)", "kmz": "KMZ (Google Earth)", "gpkg": "GeoPackage"}
FIGURE_FORMATS = {"png": "PNG", "svg": "SVG", "pdf": "PDF"}
FIGURE_MEDIA = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}


def gis_files(sites: tuple[LaunchSite, ...], rings: Sequence[RingSpec]) -> None:
    """KML, KMZ or GeoPackage of every (site, range), styled with the map's ring colours."""
    fmt = st.segmented_control(
        "Coverage for GIS and Google Earth",
        list(GIS_FORMATS),
        format_func=GIS_FORMATS.get,
        key="gis_format",
        default="kml",
    )
    if fmt is None:
        return
    wanted = (sites, tuple(rings), fmt)
    if st.button(f"Build the {GIS_FORMATS[fmt]} file", key="build_gis"):
        with st.spinner(f"Writing {GIS_FORMATS[fmt]}…"):
            st.session_state.gis_built = (wanted, compute.gis_export(*wanted))
    built = st.session_state.get("gis_built")
    if built and built[0] == wanted:
        st.download_button(
            f"Download {GIS_FORMATS[fmt]}",
            built[1],
            file_name=f"inf-range-map-coverage.{fmt}",
            mime=MEDIA_TYPES[fmt],
            key="gis_download",
            on_click="ignore",
        )


def figure(sites: tuple[LaunchSite, ...], rings: Sequence[RingSpec]) -> None:
    """The publication figure: a preview, then the file in the chosen format."""
    fmt = st.segmented_control(
        "Publication figure",
        list(FIGURE_FORMATS),
        format_func=FIGURE_FORMATS.get,
        key="figure_format",
        default="png",
    )
    if fmt is None:
        return
    wanted = (sites, tuple(rings), fmt)
    if st.button(f"Make a publication figure ({FIGURE_FORMATS[fmt]})", key="make_figure"):
        with st.spinner("Drawing the figure…"):
            st.session_state.figure_made = (wanted, compute.figure_file(*wanted))
    made = st.session_state.get("figure_made")
    if made and made[0] == wanted:
        # The preview is the PNG of the same drawing: SVG and PDF differ only in the file.
        st.image(compute.figure_file(sites, tuple(rings), "png"), caption="Preview")
        st.download_button(
            f"Download the figure ({FIGURE_FORMATS[fmt]})",
            made[1],
            file_name=f"inf-range-map.{fmt}",
            mime=FIGURE_MEDIA[fmt],
            key="figure_download",
            on_click="ignore",
        )
