"""Our KML on a real globe renderer: CesiumJS (from npm, served from this machine) reads the file
the CLI writes, and its pixels show the pole cap filled, a disk larger than a hemisphere filling
its own side, each in one shade (no piece drawn twice), and a ring across ±180° as one shape.

A globe joins vertices by great circles and fills the smaller side of a ring; those are the
readings the KML is cut and densified for (``geo/kml.py``, decision 0011). The globe is drawn
white with no imagery, so a filled pixel is one the KML's translucent fill has tinted.
"""

from __future__ import annotations

import http.server
import io
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from geo.cli import main as cli_main
from harness.browser import ARTIFACTS

pytestmark = pytest.mark.e2e

CESIUM = Path(__file__).resolve().parent / "globe" / "node_modules" / "cesium" / "Build" / "Cesium"
SIZE_PX = 600
PAGE = """<!doctype html>
<html><head><meta charset="utf-8">
<script>window.CESIUM_BASE_URL = "/Cesium/";</script>
<script src="/Cesium/Cesium.js"></script>
<link rel="stylesheet" href="/Cesium/Widgets/widgets.css">
<style>html, body, #view { margin: 0; width: %(size)dpx; height: %(size)dpx; overflow: hidden; }
.cesium-viewer-bottom { display: none; }
</style></head>
<body><div id="view"></div><script>
const viewer = new Cesium.Viewer("view", {
  baseLayer: false, baseLayerPicker: false, geocoder: false, homeButton: false,
  sceneModePicker: false, navigationHelpButton: false, animation: false, timeline: false,
  fullscreenButton: false, infoBox: false, selectionIndicator: false,
  skyBox: false, skyAtmosphere: false,
});
const scene = viewer.scene;
scene.globe.baseColor = Cesium.Color.WHITE;
scene.globe.showGroundAtmosphere = false;
scene.globe.enableLighting = false;
scene.fog.enabled = false;
scene.backgroundColor = Cesium.Color.BLACK;
// The data source reports ready before its primitives are built (in workers): wait for every
// primitive too, or a large region is photographed before it is drawn.
const built = (c) => {
  for (let i = 0; i < c.length; i++) {
    const p = c.get(i);
    if (p instanceof Cesium.PrimitiveCollection ? !built(p) : p.ready === false) return false;
  }
  return true;
};
const drawn = () => new Promise((resolve) => {
  const poll = () => {
    scene.render();
    if (viewer.dataSourceDisplay.ready && scene.globe.tilesLoaded && built(scene.primitives)
        && built(scene.groundPrimitives)) {
      scene.render();
      requestAnimationFrame(resolve);
    } else {
      setTimeout(poll, 100);
    }
  };
  poll();
});
// Seen from straight above (lon, lat) at a height in metres, once all of it is drawn.
window.look = (lon, lat, height_m) => {
  scene.camera.setView({ destination: Cesium.Cartesian3.fromDegrees(lon, lat, height_m) });
  return drawn();
};
Cesium.KmlDataSource.load(new URLSearchParams(location.search).get("kml"),
  { camera: scene.camera, canvas: scene.canvas })
  .then((source) => viewer.dataSources.add(source))
  .then(drawn)
  .then(() => { window.globeReady = true; })
  .catch((error) => { window.globeError = String(error); });
</script></body></html>
"""


@pytest.fixture(scope="module")
def globe_server(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """A local HTTP server for Cesium's build, the page and the KML files."""
    assert CESIUM.is_dir(), "CesiumJS missing: make test installs it (tests/e2e/globe)"
    root = tmp_path_factory.mktemp("globe")
    (root / "Cesium").symlink_to(CESIUM)
    (root / "index.html").write_text(PAGE % {"size": SIZE_PX})
    handler = partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", root
    server.shutdown()
    server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def render(browser, globe_server, name: str, cli_args: list[str], *views) -> list[np.ndarray]:
    """The CLI's KML for ``cli_args`` drawn by Cesium, one RGB picture for each view
    ``(lon, lat, height_m)``: the globe seen from straight above that point."""
    url, root = globe_server
    assert cli_main(["export", *cli_args, "-o", str(root / f"{name}.kml")]) == 0
    page = browser.new_page(viewport={"width": SIZE_PX, "height": SIZE_PX})
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    pictures = []
    try:
        page.goto(f"{url}/index.html?kml={name}.kml")
        page.wait_for_function("window.globeReady || window.globeError", timeout=240_000)
        assert page.evaluate("window.globeError || null") is None
        for i, (lon, lat, height_m) in enumerate(views):
            page.evaluate("([lon, lat, h]) => look(lon, lat, h)", [lon, lat, height_m])
            png = page.screenshot()
            ARTIFACTS.mkdir(exist_ok=True)
            (ARTIFACTS / f"globe-kml-{name}-{i}.png").write_bytes(png)
            pictures.append(np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int))
    finally:
        page.close()
    # Workers and images Cesium makes itself come as blob: and data: URLs, never from a host.
    others = [r for r in requests if not r.startswith((url, "blob:", "data:"))]
    assert others == [], "the globe asked another host"
    assert all(rgb.shape == (SIZE_PX, SIZE_PX, 3) for rgb in pictures)
    return pictures


def tinted(rgb: np.ndarray) -> np.ndarray:
    """Pixels the translucent fill has coloured: off the white globe, not the black sky."""
    return (rgb.min(axis=-1) < 235) & (rgb.sum(axis=-1) > 300)


def white(rgb: np.ndarray) -> np.ndarray:
    return (rgb > 245).all(axis=-1)


def shade_spread(rgb: np.ndarray, block_px: int = 10) -> float:
    """How much darker the darkest patch of fill is than the lightest: the median brightness of
    each fully filled block, so the outline and single-pixel seams do not count. One layer of
    fill varies by about 25 towards the globe's rim; a piece drawn twice (doubly opaque) is
    about 110 darker."""
    filled, brightness = tinted(rgb), rgb.sum(axis=-1)
    medians = [
        np.median(brightness[y : y + block_px, x : x + block_px])
        for y in range(0, SIZE_PX, block_px)
        for x in range(0, SIZE_PX, block_px)
        if filled[y : y + block_px, x : x + block_px].all()
    ]
    assert len(medians) > 20, "too little fill to judge its shade"
    return float(max(medians) - min(medians))


def test_the_north_pole_cap_is_filled_for_kapustin_yar_at_5500_km(browser, globe_server):
    (rgb,) = render(
        browser, globe_server, "pole", ["--site=Kapustin Yar", "--range-km=5500"], (0, 90, 9e6)
    )
    c = SIZE_PX // 2
    assert tinted(rgb[c - 20 : c + 20, c - 20 : c + 20]).all()  # around the pole
    # The cap is no hemisphere: far from it the globe is bare (its rim stays white).
    globe = tinted(rgb) | white(rgb)
    assert white(rgb).sum() > 0.1 * globe.sum()
    assert tinted(rgb).sum() > 0.1 * globe.sum()
    assert shade_spread(rgb) < 50  # no piece at the pole drawn twice


def test_a_disk_larger_than_a_hemisphere_fills_its_own_side(browser, globe_server):
    # 15,000 km from Kapustin Yar (48.6° N, 45.8° E): all but a 5,000 km cap round the antipode.
    above_site, above_antipode = render(
        browser,
        globe_server,
        "hemisphere",
        ["--site=Kapustin Yar", "--range-km=15000"],
        (45.8, 48.6, 2e7),
        (-134.2, -48.6, 2e7),
    )
    globe = tinted(above_site) | white(above_site)
    assert tinted(above_site).sum() > 0.99 * globe.sum()
    assert shade_spread(above_site) < 50
    # Over the antipode the cap left out is bare, ringed by the fill out to the globe's rim.
    c = SIZE_PX // 2
    assert white(above_antipode[c - 40 : c + 40, c - 40 : c + 40]).all()
    globe = tinted(above_antipode) | white(above_antipode)
    assert 0.2 * globe.sum() < tinted(above_antipode).sum() < 0.8 * globe.sum()
    assert shade_spread(above_antipode) < 50


def test_a_ring_across_180_draws_as_one_shape(browser, globe_server):
    (rgb,) = render(
        browser,
        globe_server,
        "dateline",
        ["--site=10,179.9,Dateline", "--range-km=480"],
        (180.0, 10.0, 3e6),
    )
    row = tinted(rgb[SIZE_PX // 2])
    filled = np.flatnonzero(row)
    # One run of filled pixels through the centre, across the antimeridian (no seam, no gap).
    assert filled.size > SIZE_PX // 5
    assert row[filled[0] + 3 : filled[-1] - 2].all()  # the rim's antialiased pixels aside
    assert filled[0] < SIZE_PX // 2 < filled[-1]
    # And nothing else of the globe is filled: the disk did not wrap the long way round.
    assert white(rgb[:40, :40]).all()
    assert white(rgb[-40:, -40:]).all()
