// The three stacked Decks, one canvas each, so a frame redraws only what changed (CPU WebGL
// redraws every layer of a Deck in each of its frames): the basemap at the bottom (redrawn when
// the view changes), the band fills in the middle (and when Python sends new fills), and on top
// the interactive Deck (controller, events, picking) with places, rings, labels and sites
// (layers.js). The top Deck owns the view state and hands each change to the others.

import { chooseBasemap, depthMaskLayers, drawBasemap, GLOBE_RESOLUTION_DEG } from "./basemap.js";
import { firstCamera, refreshCameraControls, reportCamera, viewSize } from "./camera.js";
import { answerPendingEdit } from "./contract.js";
import { drawingPixelRatio } from "./dom.js";
import { CONVERTER, GL } from "./gl.js";
import { cursor, go, onMapClick, showTooltip, siteEvents, stopDragging } from "./interaction.js";
import { drawToleranceM, placeLabels, redraw, visiblePlaces } from "./layers.js";
import { updateLegend } from "./legend.js";
import { measureDragEvents } from "./measure.js";
import { placeRows } from "./places.js";
import { updateScaleBar } from "./scalebar.js";
import { refreshToolbar } from "./toolbar.js";

/** @typedef {import("./state.js").MapState} MapState */

// What places the camera (a view state also holds sizes, limits and interaction state).
const VIEW_KEYS = ["longitude", "latitude", "zoom", "bearing", "pitch", "altitude"];
// What a flat map's preview (preview.js) is drawn for.
const PREVIEW_KEYS = ["longitude", "latitude", "zoom"];

/** @param {MapState} map */
export function createDecks(map) {
  const [baseCanvas, fillsCanvas, topCanvas] = map.canvases;
  const counted = (name) => () => {
    map.stats.drawn[name] += 1;
    map.stats.lastDrawAt = performance.now();
    for (const listener of map.drawListeners) listener(name);
    endPreview(map);
  };
  const lowerDeck = (element, name) =>
    new GL.Deck({
      canvas: element,
      width: "100%",
      height: "100%",
      controller: false,
      useDevicePixels: drawingPixelRatio(),
      layers: [],
      onAfterRender: counted(name),
    });
  map.siteEvents = siteEvents(map);
  map.baseDeck = lowerDeck(baseCanvas, "base");
  map.fillsDeck = lowerDeck(fillsCanvas, "fills");
  map.deck = new GL.Deck({
    canvas: topCanvas,
    width: "100%",
    height: "100%",
    controller: true,
    useDevicePixels: drawingPixelRatio(),
    onAfterRender: () => {
      counted("top")();
      warmUpPicking(map);
    },
    onHover: (info) => showTooltip(map, info),
    getCursor: (state) => cursor(map, state),
    onViewStateChange: ({ viewState }) => viewChanged(map, viewState),
    onClick: (info) => onMapClick(map, info),
    ...measureDragEvents(map),
  });
}

/** The top Deck's camera moved: the lower Decks follow, the rings follow the zoom and the
 * labels are placed again. */
function viewChanged(map, viewState) {
  const before = drawToleranceM(map);
  map.viewState = viewState;
  reportCamera(map);
  // The preview is a picture of the first view: gone once the camera moves.
  if (PREVIEW_KEYS.some((k) => viewState[k] !== map.previewView?.[k])) {
    map.previewCanvas.hidden = true;
  }
  // The controller also reports changes of size or interaction state only: those would
  // redraw the lower Decks for nothing.
  if (VIEW_KEYS.some((k) => viewState[k] !== map.baseDeck.props.viewState[k])) {
    for (const deck of [map.baseDeck, map.fillsDeck]) deck.setProps({ viewState });
  }
  // Zoomed in, the basemap is 1:50m, from the tiles in view.
  if (chooseBasemap(map)) drawBasemap(map);
  // On the globe, the dots on the near side change as it turns; labels find room as it moves.
  const placesMoved = visiblePlaces(map) !== map.shownPlaces;
  if (placeLabels(map) || drawToleranceM(map) !== before || placesMoved) redraw(map);
  updateScaleBar(map);
  return viewState;
}

// The first pick builds deck.gl's picking buffers and shaders: ~0.5 s on a CPU renderer. A
// finger held that long is no tap to deck.gl's gesture recogniser (at most 250 ms, timed as the
// events are handled), so the first tap on a site did nothing. Pick once, unseen, once the
// sites are drawn and the page is idle: not at once, which would hold back the first frame's
// pixels by that ~0.5 s.
function warmUpPicking(map) {
  if (map.pickingWarm || !map.sites.length) return;
  map.pickingWarm = true;
  requestIdleCallback(() => map.deck.pickObject({ x: 0, y: 0 }), { timeout: 2000 });
}

/** The preview goes once every Deck has drawn, the basemap loaded. */
function endPreview(map) {
  if (map.previewCanvas.hidden || Object.values(map.stats.drawn).some((n) => n === 0)) return;
  if (!map.baseDeck.layerManager.getLayers().every((layer) => layer.isLoaded)) return;
  map.previewCanvas.hidden = true;
}

/**
 * Show Python's new data. A drag in progress ends (the sites are Python's again), and a
 * selected site that is gone is deselected.
 * @param {MapState} map
 * @param {import("./contract.js").DeckmapData} data
 */
export function applyData(map, data) {
  if (data.places !== map.places) {
    map.places = data.places;
    map.placeRows = placeRows(data.places);
  }
  map.sites = data.sites.map((s) => ({ ...s }));
  map.rings = data.rings;
  map.style = data.style;
  map.toleranceM = data.tolerance_m;
  map.statusLine.textContent = data.status;
  map.statusLine.hidden = !data.status;
  answerPendingEdit(map, data);
  stopDragging(map, false);
  showTooltip(map, null);
  if (map.selectedId !== null && !map.sites.some((s) => s.id === map.selectedId)) {
    go(map, "deselect", null, false);
  }
  if (data.view !== map.viewType) {
    // A new view type starts from where the user was looking (or the link's or fitted view).
    const initial = { ...data.initial_view, ...firstCamera(map, data, viewSize(map)) };
    map.initialZoom = initial.zoom;
    // Not reported as the user's until the camera leaves it (Map → Globe keeps a reported one).
    if (!map.viewState) map.startCamera = initial;
    map.viewType = data.view;
    map.viewState = initial;
    map.view = makeView(data.view);
    map.deck.setProps({ views: map.view, initialViewState: initial });
    map.fillsDeck.setProps({
      views: makeView(data.view, GLOBE_RESOLUTION_DEG),
      viewState: initial,
    });
    map.baseDeck.setProps({ views: makeView(data.view, GLOBE_RESOLUTION_DEG), viewState: initial });
  }
  updateScaleBar(map);
  refreshCameraControls(map, data);
  updateLegend(map, data.legend, data.style.basemap.fill);
  setLowerLayers(map, "base", data.layers.base);
  setLowerLayers(map, "fills", data.layers.fills);
  refreshToolbar(map);
  redraw(map);
}

function makeView(type, resolution = undefined) {
  return type === "globe"
    ? new GL.GlobeView({ id: "globe", resolution })
    : new GL.MapView({ id: "map", repeat: true });
}

/** Where the camera looks, without sizes, limits and interaction state. */
export function camera(viewState) {
  if (!viewState) return {};
  const { longitude, latitude, zoom } = viewState;
  return { longitude, latitude, zoom };
}

/** A lower Deck's layers (pydeck's JSON) are replaced only when they changed: else it does
 * not redraw. */
function setLowerLayers(map, name, specs) {
  // Both Decks' layers also depend on the view type (basemap.js).
  const json = JSON.stringify(specs) + map.viewType;
  if (map.lowerJson[name] === json) return;
  map.lowerJson[name] = json;
  const layers = specs.length ? CONVERTER.convert({ layers: specs }).layers : [];
  // A file the loader has fetched is drawn at once; one still loading is handed to deck.gl as
  // its promise, drawn when it arrives: on a CPU renderer, the Decks' first frame (seconds of
  // shader compiles) then runs while the file loads. One that failed is left to deck.gl, which
  // fetches the URL again and reports the error.
  for (const [i, layer] of layers.entries()) {
    const file = map.files.get(specs[i].data);
    if (file && !file.failed) layers[i] = layer.clone({ data: file.data ?? file.promise });
  }
  map.lowerLayers[name] = name === "fills" ? [...depthMaskLayers(map), ...layers] : layers;
  if (name === "fills")
    map.fillsDeck.setProps({ layers: [...map.lowerLayers.fills, ...map.parked] });
  else {
    chooseBasemap(map);
    drawBasemap(map);
  }
}
