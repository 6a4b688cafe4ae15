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

# Short, so that the three fit on a phone's one row; the help says which program opens each.
GIS_FORMATS = {"kml": "KML", "kmz": "KMZ", "gpkg": "GeoPackage"}
GIS_HELP = "KML and KMZ (zipped KML) open in Google Earth; GeoPackage in QGIS."
FIGURE_FORMATS = {"png": "PNG", "svg": "SVG", "pdf": "PDF"}
FIGURE_MEDIA = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}


def gis_files(sites: tuple[LaunchSite, ...], rings: Sequence[RingSpec]) -> None:
    """KML, KMZ or GeoPackage of every (site, range), styled with the map's ring colours."""
    fmt = _pick("Coverage for GIS and Google Earth", GIS_FORMATS, "gis_format", "kml", GIS_HELP)
    if fmt is None:
        return
    label = GIS_FORMATS[fmt]
    data = _on_request(
        (sites, tuple(rings), fmt),
        compute.gis_export,
        f"Build the {label} file",
        "build_gis",
        "gis_built",
    )
    if data is not None:
        st.download_button(
            f"Download {label}",
            data,
            file_name=f"inf-range-map-coverage.{fmt}",
            mime=MEDIA_TYPES[fmt],
            key="gis_download",
            on_click="ignore",
        )


def figure(sites: tuple[LaunchSite, ...], rings: Sequence[RingSpec]) -> None:
    """The publication figure: a preview, then the file in the chosen format."""
    fmt = _pick("Publication figure", FIGURE_FORMATS, "figure_format", "png")
    if fmt is None:
        return
    label = FIGURE_FORMATS[fmt]
    data = _on_request(
        (sites, tuple(rings), fmt),
        compute.figure_file,
        f"Make a publication figure ({label})",
        "make_figure",
        "figure_made",
    )
    if data is not None:
        # The preview is the PNG of the same drawing: SVG and PDF differ only in the file.
        st.image(compute.figure_file(sites, tuple(rings), "png"), caption="Preview")
        st.download_button(
            f"Download the figure ({label})",
            data,
            file_name=f"inf-range-map.{fmt}",
            mime=FIGURE_MEDIA[fmt],
            key="figure_download",
            on_click="ignore",
        )


def _pick(
    label: str, formats: dict[str, str], key: str, default: str, help: str | None = None
) -> str | None:
    return st.segmented_control(
        label, list(formats), format_func=formats.get, key=key, default=default, help=help
    )


def _on_request(wanted: tuple, build, button: str, button_key: str, state_key: str):
    """The file ``build(*wanted)`` once its button was pressed for these same inputs, else
    None: kept in the session, so the download survives the reruns that follow."""
    if st.button(button, key=button_key):
        with st.spinner(f"{button}…"):
            st.session_state[state_key] = (wanted, build(*wanted))
    built = st.session_state.get(state_key)
    return built[1] if built and built[0] == wanted else None
