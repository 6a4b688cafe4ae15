"""Links are user input: any query string gives a valid map state, and a state survives its link."""

from __future__ import annotations

import math
from urllib.parse import parse_qs, urlencode

import pytest
from hypothesis import example, given
from hypothesis import strategies as hst

from geo import LaunchSite, data
from geo.errors import HALF_MERIDIAN_M, GeoInputError, require_radius_m
from geo.scenario import MODES
from geo.sites_io import MAX_NAME_CHARS, site_name
from ui.urlstate import (
    MAX_EXTRA_RINGS,
    MAX_URL_SITES,
    VIEWS,
    Camera,
    MapState,
    from_query,
    parse_ring_km,
    reported_camera,
    to_query,
)

KEYS = ("system", "mode", "site", "ring", "est", "view")
SYSTEMS = list(data.systems()["name"])
DEFAULT = MapState(
    system="9M729",
    mode="both",
    sites=tuple(data.find_preset(n) for n in ("Kapustin Yar", "Kamyshlov", "Mozdok", "Shuya")),
)

# Text as links deliver it: anything, bytes decoded badly either way, and numbers in every form.
numbers = hst.one_of(
    hst.floats().map(repr),
    hst.floats().map(str),
    hst.integers().map(str),
    hst.sampled_from(["nan", "-inf", "inf", "1e999", "-0", "90", "-90", "180", "-180", "1_0", "٣"]),
    hst.just("9" * 400),
)
texts = hst.one_of(
    hst.text(hst.characters(exclude_categories=())),  # lone surrogates included
    hst.binary().map(lambda b: b.decode("utf-8", "surrogateescape")),
    hst.binary().map(lambda b: b.decode("utf-8", "replace")),
    hst.sampled_from(["", " ", ",", ",,", ",,,", "\x00", "\ufffd", "\udcff", "=1+1"]),
    numbers,
)
site_texts = hst.one_of(
    texts,
    hst.builds(lambda lat, lon, name: f"{lat},{lon},{name}", numbers, numbers, texts),
    hst.builds(lambda lat, lon: f"{lat},{lon}", numbers, numbers),
)
many_sites = hst.builds(
    lambda n, name: [f"{i % 181 - 90},{i % 361 - 180},{name}{i}" for i in range(n)],
    hst.integers(MAX_URL_SITES - 2, 3 * MAX_URL_SITES),
    texts,
)
values = hst.lists(hst.one_of(texts, site_texts), max_size=12)
queries = hst.dictionaries(
    hst.one_of(hst.sampled_from(KEYS), texts),
    values,
).flatmap(
    lambda params: hst.one_of(hst.just(params), many_sites.map(lambda s: {**params, "site": s}))
)


def encodes(text):
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def assert_valid(state, notices):
    assert isinstance(state, MapState)
    assert state.system in SYSTEMS
    assert state.mode in MODES
    assert state.view in VIEWS
    assert isinstance(state.estimates, bool)
    assert len(state.sites) <= MAX_URL_SITES
    for site in state.sites:
        assert isinstance(site, LaunchSite)
        assert math.isfinite(site.lat)
        assert -90.0 <= site.lat <= 90.0
        assert math.isfinite(site.lon)
        assert -180.0 <= site.lon <= 180.0
        assert 0 < len(site.name) <= MAX_NAME_CHARS
        # Names reach the browser as UTF-8: a lone surrogate there would fail the whole page.
        assert encodes(site.name)
    assert len(state.extra_km) <= MAX_EXTRA_RINGS
    for km in state.extra_km:
        # The app asks for km * 1000 m; that exact product must pass the geo functions' check.
        require_radius_m(km * 1000.0)
    assert all(isinstance(n, str) and encodes(n) for n in notices)


@given(params=queries)
@example(params={"site": ["nan,1,X", "1,inf,Y", "91,0,Z", "0,181", "1e999,0"], "ring": ["nan"]})
@example(params={"site": ["10,20,\udcff\ud800"], "ring": ["1,000", "", "-5", "1e308"]})
@example(params={"ring": ["20003.9314586"], "view": ["globe"], "est": ["0"]})
@example(params={"site": [], "system": [], "mode": ["both", "nope"], "est": ["yes"]})
def test_from_query__any_query_gives_a_valid_state(params):
    state, notices = from_query(
        params, default=DEFAULT, systems=SYSTEMS, known_sites=data.preset_sites()
    )
    assert_valid(state, notices)


def test_from_query__too_many_sites_keeps_the_first_and_says_so():
    params = {"site": [f"{i % 90},{i % 180},S{i}" for i in range(2_000)]}
    state, notices = from_query(params, default=DEFAULT, systems=SYSTEMS)
    assert [s.name for s in state.sites] == [f"S{i}" for i in range(MAX_URL_SITES)]
    assert any("2,000 sites" in n for n in notices)


def test_from_query__too_many_rings_keeps_the_first_and_says_so():
    state, notices = from_query(
        {"ring": [str(km) for km in range(1, 30)]}, default=DEFAULT, systems=SYSTEMS
    )
    assert state.extra_km == tuple(float(km) for km in range(1, MAX_EXTRA_RINGS + 1))
    assert any("rings" in n for n in notices)


def test_from_query__unknown_view_and_est_keep_the_default_and_say_so():
    state, notices = from_query({"view": ["3d"], "est": ["yes"]}, default=DEFAULT, systems=SYSTEMS)
    assert (state.view, state.estimates) == (DEFAULT.view, DEFAULT.estimates)
    assert len(notices) == 2


# Valid states as the app makes them: names cleaned by site_name, rings read by parse_ring_km,
# coordinates on the link's 1e-6° grid (finer ones are rounded, see the test after this one).
micro_lats = hst.integers(-90_000_000, 90_000_000).map(lambda n: n / 1e6)
micro_lons = hst.integers(-180_000_000, 180_000_000).map(lambda n: n / 1e6)
custom_sites = hst.builds(
    lambda name, lat, lon: LaunchSite(name=site_name(name, lat, lon), lat=lat, lon=lon),
    texts.filter(encodes),
    micro_lats,
    micro_lons,
)
MAX_RING_KM = math.floor(HALF_MERIDIAN_M * 1000.0) / 1e6  # the largest ring on the 1 mm grid
ring_texts = hst.one_of(
    hst.floats(0.001, MAX_RING_KM).map(repr),
    hst.integers(1, 20_003).map(str),
    hst.sampled_from([repr(MAX_RING_KM), "20003.9314584", "0.001", "1,000"]),
)
states = hst.builds(
    MapState,
    system=hst.sampled_from(SYSTEMS),
    mode=hst.sampled_from(MODES),
    sites=hst.lists(
        hst.one_of(custom_sites, hst.sampled_from(data.preset_sites())), max_size=30
    ).map(tuple),
    extra_km=hst.lists(ring_texts.map(parse_ring_km), max_size=MAX_EXTRA_RINGS).map(tuple),
    estimates=hst.booleans(),
    view=hst.sampled_from(VIEWS),
)


@pytest.mark.parametrize(
    ("text", "km"),
    [("1234.5678", 1234.5678), ("1,000", 1000.0), ("1.1953125", 1.195312), ("0.0009996", 0.001)],
)
def test_parse_ring_km__rounds_to_a_millimetre(text, km):
    assert parse_ring_km(text) == km


def test_parse_ring_km__refuses_a_ring_that_rounds_beyond_the_antipode():
    """Check fix for a ring of 20003.9314586 km that a link wrote as 20003.931459 and then lost."""
    with pytest.raises(GeoInputError, match="antipodal limit"):
        parse_ring_km("20003.9314586")


def through_link(state):
    """Query parameters as a copied link hands them back (Streamlit uses urlencode/parse_qs)."""
    query = {k: v if isinstance(v, list) else [v] for k, v in to_query(state).items()}
    return parse_qs(urlencode(query, doseq=True), keep_blank_values=True)


@given(state=states)
@example(
    state=MapState(
        "9M729", "claimed", (LaunchSite(name="Edge", lat=90.0, lon=-180.0),), (20_003.931458,)
    )
)
def test_to_query__from_query_restores_the_state(state):
    as_lists = {k: v if isinstance(v, list) else [v] for k, v in to_query(state).items()}
    restored, notices = from_query(
        as_lists, default=DEFAULT, systems=SYSTEMS, known_sites=data.preset_sites()
    )
    assert (restored, notices) == (state, [])
    # Through a real link too, including a map with no sites (written as one empty value).
    restored, notices = from_query(
        through_link(state), default=DEFAULT, systems=SYSTEMS, known_sites=data.preset_sites()
    )
    assert (restored, notices) == (state, [])


@given(lat=hst.floats(-90, 90), lon=hst.floats(-180, 180))
def test_to_query__from_query_rounds_coordinates_to_a_micro_degree(lat, lon):
    state = MapState("9M729", "both", (LaunchSite(name="Here", lat=lat, lon=lon),))
    restored, notices = from_query(through_link(state), default=DEFAULT, systems=SYSTEMS)
    (site,) = restored.sites
    assert notices == []
    assert site.lat == pytest.approx(lat, abs=5e-7)
    assert site.lon == pytest.approx(lon, abs=5e-7)


def test_the_camera_goes_into_the_link_and_back():
    state = MapState(
        system="9M729",
        mode="claimed",
        sites=(),
        camera=Camera(longitude=-170.0, latitude=-78.5, zoom=3.25),
    )
    query = to_query(state)
    assert query["cam"] == ["-78.5000,-170.0000,3.25"]
    back, notices = from_query(
        parse_qs(urlencode(query, doseq=True)), default=DEFAULT, systems=SYSTEMS
    )
    assert back.camera == state.camera
    assert notices == []


@pytest.mark.parametrize("cam", ["1,2", "91,0,2", "0,0,99", "nan,0,1", "x"])
def test_a_bad_camera_is_ignored_and_the_map_fits(cam):
    state, notices = from_query({"cam": [cam]}, default=DEFAULT, systems=SYSTEMS)
    assert state.camera is None
    assert any("the map fits the sites" in n for n in notices)


def test_the_camera_the_map_reports_is_taken_as_the_link_holds_it():
    camera = reported_camera({"latitude": 50.0, "longitude": 190.0, "zoom": 5})
    assert camera == Camera(longitude=-170.0, latitude=50.0, zoom=5.0)


@pytest.mark.parametrize(
    "value",
    [
        None,
        "50,30,5",
        {"latitude": 50.0},
        {"latitude": "x", "longitude": 0, "zoom": 1},
        {"latitude": 95.0, "longitude": 0, "zoom": 1},
        {"latitude": 0, "longitude": 0, "zoom": 99},
        [1, 2, 3],
    ],
)
def test_a_forged_camera_report_is_ignored(value):
    assert reported_camera(value) is None
