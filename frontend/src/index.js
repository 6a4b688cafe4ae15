// The INF Range Map map: a Streamlit Components v2 renderer that owns three stacked deck.gl Decks.
//
// Python describes the static layers with pydeck (basemap by URL, band fills) and sends the
// places in range as columns, the sites and ring radii (contract.js declares the data and the
// edit); the map draws the rings with GeographicLib (geodesy.js), lets the user drag, add and
// remove sites (interaction.js), and reports each edit as the one-shot trigger value "edit".
// Python validates it (ui/edits.py), recomputes coverage and sends new data.
//
//   state.js        every field of a map's state, declared once
//   mode.js         the interaction mode and its transitions
//   dom.js          the elements and their style; toolbar.js the toolbar
//   decks.js        the three stacked Decks: created, fed Python's data, the lower layers
//   layers.js       the layers the map draws itself (rings, labels, dots, sites), and parking
//   interaction.js  select, drag, add, remove, tooltip; the edits sent
//   keyboard.js     the keys
//   preview.js      the 2D preview of a flat map, drawn before deck.gl's first frame
//   testapi.js      the narrow API browser tests and benchmarks use
//
// Streamlit calls the renderer again with the same parentElement on every data change and runs
// only the last cleanup, so one set of Decks lives per parentElement, updated with setProps.

import { bindCameraControls, firstCamera, viewSize } from "./camera.js";
import { applyData, createDecks } from "./decks.js";
import { buildElements } from "./dom.js";
import { loadDeckGl } from "./gl.js";
import { bindControls } from "./interaction.js";
import { bindKeys } from "./keyboard.js";
import { ringRows } from "./layers.js";
import { drawPreview } from "./preview.js";
import { createState } from "./state.js";
import { publishTestApi } from "./testapi.js";
import { refreshToolbar } from "./toolbar.js";

/** @type {WeakMap<HTMLElement, import("./state.js").MapState>} */
const MAPS = new WeakMap();

/**
 * Streamlit's entry point (called by the loader in ui/deckmap.py): mount once per element, then
 * update. ``files`` maps the URLs that layers name as their data (the basemap) to the loader's
 * fetches of them, started before this bundle was loaded; ``deckGlUrl`` is deck.gl's bundle.
 */
export default function render(component, files, deckGlUrl) {
  let map = MAPS.get(component.parentElement);
  const first = !map;
  if (first) {
    const elements = buildElements(component.parentElement, component.data.height_px);
    map = createState(elements, files, deckGlUrl);
    bindControls(map);
    bindCameraControls(map);
    bindKeys(map);
    refreshToolbar(map);
    MAPS.set(component.parentElement, map);
  }
  map.component = component;
  if (first) start(map);
  else if (map.deck) applyData(map, component.data);
  return () => {
    map.finalized = true;
    for (const deck of [map.deck, map.fillsDeck, map.baseDeck]) deck?.finalize();
    MAPS.delete(component.parentElement);
  };
}

/**
 * Create the Decks, on a flat map once a 2D preview of it (preview.js) is on screen. On a CPU
 * WebGL renderer, setting up the Decks' contexts and drawing their first frame take seconds,
 * during which the page shows nothing new, not even a 2D canvas drawn meanwhile. Measured in
 * docs/decisions/0002-2d-preview.md: the first picture sooner, and the whole map too, its first
 * frame now holding the basemap.
 */
async function start(map) {
  // deck.gl loads meanwhile: the preview needs none of it (docs/decisions/0006).
  const loading = loadDeckGl(map.deckGlUrl);
  if (map.component.data.view === "map") {
    // Without a preview the map still works: only later.
    await showPreview(map).catch((error) => console.error("map preview:", error));
  }
  await loading;
  if (map.finalized) return;
  createDecks(map);
  publishTestApi(map);
  applyData(map, map.component.data);
}

/** Draw the 2D preview of the first view, once the layers' files are here, and resolve once it
 * is on screen (after two frames). */
async function showPreview(map) {
  const data = map.component.data;
  const features = async (layers) => {
    const all = [];
    for (const layer of layers) {
      const file = typeof layer.data === "string" ? map.files.get(layer.data) : null;
      const loaded = (file ? await file.promise.catch(() => null) : layer.data)?.features;
      if (Array.isArray(loaded)) all.push(...loaded);
    }
    return all;
  };
  const basemap = await features(data.layers.base);
  const fills = await features(data.layers.fills);
  // What the rings need (applyData() sets them again); the rings are cached for deck.gl's frame.
  map.rings = data.rings;
  map.toleranceM = data.tolerance_m;
  map.previewCanvas.hidden = false; // shown first: a hidden canvas has no size to draw at
  map.previewView = { ...data.initial_view, ...firstCamera(map, data, viewSize(map)) };
  map.initialZoom = map.previewView.zoom;
  drawPreview(map.previewCanvas, {
    viewState: map.previewView,
    style: data.style,
    basemap,
    fills,
    rings: ringRows(map, data.sites, 0),
    sites: data.sites,
  });
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}
