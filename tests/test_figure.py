"""Static maps (``geo.figure``, its view and ``python -m geo figure``): sizes, formats, geometry.

PNGs are written to ``tests/artifacts/`` (git-ignored) so a human can look at them.
"""

from __future__ import annotations

import math
import re
import struct
from pathlib import Path
from xml.etree import ElementTree

import matplotlib.image
import numpy as np
import pytest
import shapely

from geo import Band, LaunchSite, data, style
from geo.cli import main, parse_site
from geo.figure import render_figure
from geo.figure_view import map_view, project_countries, view_centre
from geo.geojson import coverage_features
from geo.scenario import rings_for, rings_for_bands

SVG_NS = "{http://www.w3.org/2000/svg}"
ARTIFACTS = Path(__file__).parent / "artifacts"
BATTALIONS = [parse_site(s) for s in ("Kapustin", "Kamyshlov", "Mozdok", "Shuya")]
ANADYR = [LaunchSite(name="Anadyr", lat=64.73, lon=177.51)]
SYSTEMS = [data.system(name) for name in data.systems()["name"]]
CLAIM_AND_BAND = rings_for_bands([Band(0.0, 480.0), Band(500.0, 5500.0)], SYSTEMS)
INF_RANGE = rings_for_bands([Band(0.0, 5500.0)], SYSTEMS)
NINE_M_729 = data.system("9M729")
TITLE = "9M729 (SSC-8): the 480 km claim and the INF band"
SCENARIOS = {"battalions": (BATTALIONS, CLAIM_AND_BAND), "anadyr": (ANADYR, INF_RANGE)}


def png_size(path: Path) -> tuple[int, int]:
    """(width, height) from the IHDR chunk, which must come first in a valid PNG."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    assert head[12:16] == b"IHDR"
    return struct.unpack(">II", head[16:24])


def artifact(name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name


def edge_lengths_m(geom) -> np.ndarray:
    lengths = []
    for polygon in shapely.get_parts(geom):
        for ring in (polygon.exterior, *polygon.interiors):
            xy = np.asarray(ring.coords)
            lengths.append(np.hypot(*np.diff(xy, axis=0).T))
    return np.concatenate(lengths)


@pytest.mark.parametrize(
    ("scenario", "projection"),
    [("battalions", "aeqd"), ("anadyr", "aeqd"), ("anadyr", "ortho")],
)
def test_render__web_png_is_1600x1000_and_not_blank(scenario, projection):
    sites, rings = SCENARIOS[scenario]
    out = artifact(f"{scenario}_{projection}.png")
    render_figure(sites, rings, str(out), fmt="png", projection=projection, title=TITLE)
    assert png_size(out) == (1600, 1000)
    pixels = matplotlib.image.imread(out)[:, :, :3]
    # Land, sea, shading and text: a large share of the canvas is not white.
    assert (pixels < 0.97).any(axis=2).mean() > 0.3


def test_render__print_png_is_a4_landscape_at_300_dpi():
    out = artifact("anadyr_aeqd_print.png")
    render_figure(ANADYR, INF_RANGE, str(out), fmt="png", size="print")
    assert png_size(out) == (round(11.69 * 300), round(8.27 * 300))


def test_render__svg_keeps_text_as_text_and_pdf_is_written(tmp_path):
    svg, pdf = tmp_path / "map.svg", tmp_path / "map.pdf"
    render_figure(BATTALIONS, CLAIM_AND_BAND, str(svg), fmt="svg", title=TITLE)
    render_figure(BATTALIONS, CLAIM_AND_BAND, str(pdf), fmt="pdf", size="print", title=TITLE)
    text = svg.read_text(encoding="utf-8")
    # svg.fonttype "none": every line is a <text> element; the title may wrap onto two lines.
    lines = [e.text or "" for e in ElementTree.fromstring(text).iter(f"{SVG_NS}text")]
    assert TITLE in " ".join(lines)
    # Legend entries name each range and its source; furniture credits the data.
    assert "9M729 claimed 480 km: Lt-Gen Mikhail Matveevsky" in " ".join(lines)
    assert "Made with Natural Earth" in text
    assert "Azimuthal equidistant centred on" in text
    assert pdf.read_bytes().startswith(b"%PDF")


def test_render__writes_to_a_buffer_with_the_same_bytes_every_time(tmp_path):
    first, second = (tmp_path / "a.svg"), (tmp_path / "b.svg")
    for out in (first, second):
        with out.open("wb") as fh:
            render_figure(ANADYR, INF_RANGE, fh, fmt="svg")
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize(
    ("site", "radius_km"),
    [
        (ANADYR[0], 5500.0),
        (BATTALIONS[0], 480.0),
        (LaunchSite(name="McMurdo", lat=-77.85, lon=166.67), 5500.0),
    ],
)
def test_project__single_site_ring_is_a_true_circle_in_aeqd(site, radius_km):
    bands = [Band(0.0, radius_km)]
    view = map_view([site], bands)
    region = coverage_features([site], bands, union=True, tolerance_m=100.0)[0].geometry
    projected = view.project(region)
    # The ±180° cut and the pole line are dissolved: one disk, no slit, no hole.
    assert projected.geom_type == "Polygon"
    assert not projected.interiors
    xy = shapely.get_coordinates(projected.exterior)
    distance_m = np.hypot(xy[:, 0], xy[:, 1])
    assert np.abs(distance_m / (radius_km * 1000.0) - 1.0).max() < 1e-3


@pytest.mark.parametrize("scenario", ["battalions", "anadyr"])
@pytest.mark.parametrize("projection", ["aeqd", "ortho"])
def test_project__countries_have_no_streaks(scenario, projection):
    sites, rings = SCENARIOS[scenario]
    countries = project_countries(map_view(sites, [r.band for r in rings], projection))
    assert len(countries) > 15
    lengths = np.concatenate([edge_lengths_m(c) for c in countries])
    assert np.isfinite(lengths).all()
    # Edges are cut to 0.5° in lon/lat before projecting (<= 56 km on the ground); within these
    # views aeqd stretches lengths by at most 1.25 and ortho only shrinks them, so no true edge
    # exceeds ~70 km. A streak across ±180° or the map edge spans thousands of km, and even
    # unsegmented Natural Earth chords reach ~460 km here.
    assert lengths.max() < 150_000.0


def test_view_centre__one_site_is_itself_and_two_sites_meet_on_the_great_circle():
    assert view_centre(ANADYR) == (177.51, 64.73)
    lon, lat = view_centre(
        [LaunchSite(name="a", lat=10.0, lon=170.0), LaunchSite(name="b", lat=10.0, lon=-170.0)]
    )
    assert abs(lon) == pytest.approx(180.0)
    # The great circle through both bows towards the pole: its midpoint is north of 10°.
    ten = math.radians(10.0)
    assert lat == pytest.approx(math.degrees(math.atan(math.tan(ten) / math.cos(ten))))


def svg_text(rings, tmp_path, sites=BATTALIONS) -> tuple[str, str]:
    """(the SVG file, its text lines joined by spaces) of a figure of ``rings``."""
    out = tmp_path / "map.svg"
    render_figure(sites, rings, str(out), fmt="svg")
    text = out.read_text(encoding="utf-8")
    lines = [e.text or "" for e in ElementTree.fromstring(text).iter(f"{SVG_NS}text")]
    return text, " ".join(lines)


def test_render__each_estimate_cites_its_own_figure_in_the_legend(tmp_path):
    rings, _ = rings_for(NINE_M_729, "alleged", estimates=True)
    _, words = svg_text(rings, tmp_path)
    low = "Estimate 2,350 km: " + NINE_M_729.source_alleged_min
    high = "Estimate 2,500 km: " + NINE_M_729.source_alleged_max
    # Compared without spaces: the legend wraps a URL longer than a line mid-word.
    assert "".join(low.split()) in "".join(words.split())
    assert "".join(high.split()) in "".join(words.split())
    assert "Frankfurter" in low
    assert "Frankfurter" not in high
    assert "CSIS" in high
    assert "CSIS" not in low


def test_render__rings_in_the_map_colours_of_the_one_palette(tmp_path):
    rings, _ = rings_for(NINE_M_729, "both", estimates=True, extra_km=[1000.0])
    svg, _ = svg_text(rings, tmp_path)
    strokes = {c.upper() for c in re.findall(r"stroke: ?(#[0-9a-fA-F]{6})", svg)}
    for role in ("claimed", "treaty", "estimate", "custom"):
        assert style.hex_colour(style.ROLE_COLOURS[role]) in strokes, role
    assert style.hex_colour(style.CAPITAL_COLOUR) in {
        c.upper() for c in re.findall(r"fill: ?(#[0-9a-fA-F]{6})", svg)
    }


def test_render__a_moved_site_is_named_as_on_the_map(tmp_path):
    moved = LaunchSite(
        name="Kapustin Yar test range (Kapustin Yar / Znamensk) (moved)", lat=49.0, lon=46.0
    )
    _, words = svg_text(CLAIM_AND_BAND, tmp_path, sites=[moved])
    assert "Launch site: Kapustin Yar test range (Kapustin Yar / Znamensk) (moved)" in words
    assert "(moved)" in words.split("Launch site:")[0]  # the label on the map, too


def test_rings_for_bands__claims_estimates_and_the_inf_band_are_cited():
    rings = rings_for_bands(
        [Band(0.0, 480.0), Band(500.0, 5500.0), Band(0.0, 2500.0), Band(0.0, 1234.0)],
        SYSTEMS,
    )
    claimed, band, estimate, custom = rings
    assert (claimed.role, claimed.label) == ("claimed", "9M729 claimed 480 km")
    assert "23 Jan 2019" in claimed.source
    assert band.role == "treaty"
    assert "INF Treaty" in band.source
    assert estimate.role == "estimate"
    assert estimate.source.startswith("CSIS")
    assert custom.role == "custom"


def test_cli__figure_format_follows_the_extension(tmp_path):
    out = tmp_path / "map.png"
    args = ["figure", "--site=Mozdok", "--site=64.73,177.51,Anadyr", "--range-km", "480"]
    assert main([*args, "--band", "500:5500", "--title", TITLE, "-o", str(out)]) == 0
    assert png_size(out) == (1600, 1000)
    svg = tmp_path / "map.SVG"
    assert main([*args, "--projection", "ortho", "-o", str(svg)]) == 0
    assert "<svg" in svg.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "output", "named"),
    [
        (["--site=Mozdok", "--range-km", "480"], "map.jpg", "map.jpg"),
        (["--site=Mozdok", "--range-km", "480"], "map", "map"),
        (["--site=Mozdok"], "map.png", "--range-km"),
        (["--site=95,10", "--range-km", "5"], "map.png", "95"),
        (["--site=Atlantis", "--range-km", "5"], "map.png", "Atlantis"),
        (["--site=1,1", "--band", "5500:500"], "map.png", "5500:500"),
        (["--site=1,1", "--range-km", "25000"], "map.png", "25000 km"),
        (["--site=1,1", "--range-km", "5", "--projection", "mercator"], "map.png", "mercator"),
        (["--site=1,1", "--range-km", "5", "--size", "huge"], "map.png", "huge"),
        (["--site=1,1", "--range-km", "5"], "missing/map.png", "missing"),
    ],
)
def test_cli__figure_bad_input_exits_2_with_message_naming_value(
    args, output, named, tmp_path, capsys
):
    assert main(["figure", *args, "-o", str(tmp_path / output)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert err.count("\n") == 1
    assert named in err
    assert list(tmp_path.iterdir()) == []
