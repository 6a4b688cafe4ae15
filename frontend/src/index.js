// The INF Range Map map: a Streamlit Components v2 renderer that owns three stacked deck.gl Decks.
//
// Python describes the static layers with pydeck (basemap by URL, band fills) and sends the
// places in range as columns, the sites and ring radii; this file draws the rings with
// GeographicLib (geodesy.js), lets the user drag, add and remove sites, and reports each edit as
// the one-shot trigger value "edit":
//   {action: "move" | "add" | "remove", id, lat, lon, from: [lat, lon]}
// Python validates it (ui/edits.py), recomputes coverage and sends new data.
//
// Three Decks are stacked, one canvas each, so a frame redraws only what changed (CPU WebGL
// redraws every layer of a Deck in each of its frames): the basemap at the bottom (redrawn when
// the view changes), the band fills in the middle (and when Python sends new fills), and on top
// the interactive Deck (controller, events, picking) with places, rings, labels and sites. The
// top Deck owns the view state and hands each change to the others. While a site is dragged, the
// places and the rings of the other sites move to the middle Deck (see park()).
//
// Streamlit calls the renderer again with the same parentElement on every data change and runs
// only the last cleanup, so one set of Decks lives per parentElement, updated with setProps. On a
// flat map, a 2D preview (preview.js) is shown before the Decks are created (see start()).

import {
  circleVertices,
  globePath,
  normaliseLon,
  ringPaths,
  screenToleranceM,
  wrapLon,
} from "./geodesy.js";
import { nearSide, placeRows, placeTooltip } from "./places.js";
import { drawPreview } from "./preview.js";

// deck.gl's classes (deckgl.js, built as a bundle of its own and loaded by URL, see start()) and
// pydeck's JSON converter, once loaded.
let GL = null;
let CONVERTER = null;
const HEIGHT_PX = 560;
const SELECTED_COLOUR = [230, 159, 0];
const RING_CACHE_LIMIT = 2000;
const MAPS = new WeakMap();
// pydeck's layers by id: these go to the bottom Deck, every other one to the middle Deck.
const BASE_LAYER_IDS = new Set(["basemap"]);
// What places the camera (a view state also holds sizes, limits and interaction state).
const VIEW_KEYS = ["longitude", "latitude", "zoom", "bearing", "pitch", "altitude"];
// What a flat map's preview (preview.js) is drawn for.
const PREVIEW_KEYS = ["longitude", "latitude", "zoom"];

const STYLE = `
.deckmap { display: flex; flex-direction: column; height: ${HEIGHT_PX}px; border: 1px solid #ccc;
  border-radius: 6px; overflow: hidden; font: 13px sans-serif; }
.deckmap:focus-visible { outline: 3px solid #0072b2; }
.deckmap .bar { display: flex; gap: 6px; flex-wrap: nowrap; align-items: center; flex: none;
  height: 36px; box-sizing: border-box; padding: 0 8px; background: #f4f4f2;
  border-bottom: 1px solid #ccc; }
.deckmap .view { position: relative; flex: 1; background: #dbe7f0; }
.deckmap .view > canvas { position: absolute; left: 0; top: 0; width: 100%; height: 100%; }
.deckmap .view > canvas.lower, .deckmap .view > canvas.preview { pointer-events: none; }
.deckmap button { font: inherit; padding: 2px 8px; border: 1px solid #888; border-radius: 4px;
  background: #fff; cursor: pointer; }
.deckmap button[aria-pressed="true"] { background: #0072b2; color: #fff; border-color: #0072b2; }
.deckmap button:disabled { opacity: .45; cursor: default; }
.deckmap button, .deckmap input { flex: none; }
.deckmap input { font: inherit; width: 5.8em; padding: 1px 4px; }
.deckmap .status { position: absolute; left: 8px; bottom: 8px; z-index: 1; padding: 3px 8px;
  background: rgba(255,255,255,.9); border-radius: 4px; box-shadow: 0 1px 2px rgba(0,0,0,.3); }
/* The bar keeps one height whatever it says, so the map below never shifts. */
.deckmap .tooltip { position: absolute; z-index: 3; pointer-events: none; max-width: 22em;
  padding: 6px 8px; background: rgba(30,30,30,.92); color: #fff; border-radius: 4px;
  white-space: pre-line; font-size: 12px; }
.deckmap .hint { color: #333; flex: 1 1 auto; min-width: 0; overflow: hidden;
  text-overflow: ellipsis; white-space: nowrap; }
`;

/**
 * Streamlit's entry point (called by the loader in ui/deckmap.py): mount once per element, then
 * update. ``files`` maps the URLs that layers name as their data (the basemap) to the loader's
 * fetches of them, started before this bundle was loaded; ``deckGlUrl`` is deck.gl's bundle.
 */
export default function render(component, files, deckGlUrl) {
  let map = MAPS.get(component.parentElement);
  const first = !map;
  if (first) {
    map = mount(component.parentElement, files);
    map.deckGlUrl = deckGlUrl;
    MAPS.set(component.parentElement, map);
  }
  map.component = component;
  if (first) start(map);
  else if (map.deck) update(map, component.data);
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
  const loading = import(map.deckGlUrl);
  if (map.component.data.view === "map") {
    // Without a preview the map still works: only later.
    await showPreview(map).catch((error) => console.error("map preview:", error));
  }
  GL = await loading;
  CONVERTER ??= new GL.JSONConverter({
    // pydeck always names a MapView; the views themselves are set here (see update()).
    configuration: {
      classes: {
        GeoJsonLayer: GL.GeoJsonLayer,
        MapView: GL.MapView,
        PathLayer: GL.PathLayer,
        ScatterplotLayer: GL.ScatterplotLayer,
      },
    },
  });
  if (map.finalized) return;
  createDecks(map);
  update(map, map.component.data);
}

function mount(parent, files) {
  const style = document.createElement("style");
  style.textContent = STYLE;
  const root = document.createElement("div");
  root.className = "deckmap";
  root.tabIndex = 0;
  root.setAttribute("role", "application");
  root.setAttribute("aria-label", "Range map: drag a launch site to move it");
  const bar = toolbar();
  const view = document.createElement("div");
  view.className = "view";
  const canvas = (name) => {
    const element = document.createElement("canvas");
    element.className = name;
    return element;
  };
  const [baseCanvas, fillsCanvas, topCanvas] = [canvas("lower base"), canvas("lower fills"), canvas("top")];
  const previewCanvas = canvas("preview");
  previewCanvas.hidden = true;
  // What the last edit did, announced to screen readers too.
  const statusLine = document.createElement("div");
  statusLine.className = "status";
  statusLine.setAttribute("role", "status");
  statusLine.hidden = true;
  // Our own tooltip (text only, never HTML), so it can be hidden when a drag starts.
  const tooltip = document.createElement("div");
  tooltip.className = "tooltip";
  tooltip.hidden = true;
  view.append(baseCanvas, fillsCanvas, topCanvas, previewCanvas, statusLine, tooltip);
  root.append(bar.element, view);
  parent.replaceChildren(style, root);
  // The canvases' drawing buffers get their displayed size (set in STYLE) before the Decks'
  // first frame, which deck.gl would otherwise draw at a canvas's default 300×150 and the page
  // show stretched, zoomed in, until the next frame: seconds on a CPU renderer.
  for (const element of [baseCanvas, fillsCanvas, topCanvas]) {
    element.width = Math.round(element.clientWidth * devicePixelRatio);
    element.height = Math.round(element.clientHeight * devicePixelRatio);
  }

  const map = {
    root,
    bar,
    canvases: [baseCanvas, fillsCanvas, topCanvas],
    previewCanvas,
    statusLine,
    tooltip,
    sites: [],
    rings: [],
    selected: null,
    dragging: null,
    adding: false,
    viewType: null,
    viewState: null,
    ringCache: new Map(),
    places: null,
    placeRows: [],
    shownPlaces: [],
    lowerJson: {},
    // The loader's fetches by URL: {promise}, then {data} once loaded, or {failed}.
    files: new Map(),
    lowerLayers: { base: [], fills: [] },
    parked: [],
    // frames: top-Deck layer updates; lastFrameMs: the last one's JavaScript; drawn: frames each
    // Deck drew, and lastDrawAt: performance.now() after the last (deck.gl's onAfterRender).
    stats: { frames: 0, lastFrameMs: 0, drawn: { top: 0, fills: 0, base: 0 }, lastDrawAt: 0 },
  };
  for (const [url, promise] of files) {
    const file = { promise };
    map.files.set(url, file);
    promise.then(
      (data) => (file.data = data),
      () => (file.failed = true),
    );
  }
  bar.add.addEventListener("click", () => setAdding(map, !map.adding));
  bar.remove.addEventListener("click", () => removeSelected(map));
  bar.form.addEventListener("submit", (event) => {
    event.preventDefault();
    moveSelectedTo(map, Number(bar.lat.value), Number(bar.lon.value));
  });
  root.addEventListener("keydown", (event) => {
    if (event.target !== root) return;
    if (event.key === "Delete" || event.key === "Backspace") removeSelected(map);
    if (event.key === "Escape") {
      setAdding(map, false);
      select(map, null);
    }
  });
  refreshToolbar(map);
  return map;
}

function createDecks(map) {
  const [baseCanvas, fillsCanvas, topCanvas] = map.canvases;
  const counted = (name) => () => {
    map.stats.drawn[name] += 1;
    map.stats.lastDrawAt = performance.now();
    endPreview(map);
  };
  const lowerDeck = (element, name) =>
    new GL.Deck({
      canvas: element,
      width: "100%",
      height: "100%",
      controller: false,
      layers: [],
      onAfterRender: counted(name),
    });
  map.baseDeck = lowerDeck(baseCanvas, "base");
  map.fillsDeck = lowerDeck(fillsCanvas, "fills");
  map.deck = new GL.Deck({
    canvas: topCanvas,
    width: "100%",
    height: "100%",
    controller: true,
    onAfterRender: () => {
      counted("top")();
      warmUpPicking(map);
    },
    onHover: (info) => showTooltip(map, map.dragging ? null : info),
    getCursor: ({ isHovering, isDragging }) =>
      map.adding ? "crosshair" : map.dragging || isDragging ? "grabbing" : isHovering ? "grab" : "default",
    onViewStateChange: ({ viewState }) => {
      const before = drawToleranceM(map);
      map.viewState = viewState;
      // The preview is a picture of the first view: gone once the camera moves.
      if (PREVIEW_KEYS.some((k) => viewState[k] !== map.previewView?.[k])) {
        map.previewCanvas.hidden = true;
      }
      // The controller also reports changes of size or interaction state only: those would
      // redraw the lower Decks for nothing.
      if (VIEW_KEYS.some((k) => viewState[k] !== map.baseDeck.props.viewState[k])) {
        for (const deck of [map.baseDeck, map.fillsDeck]) deck.setProps({ viewState });
      }
      // On the globe, the dots on the near side change as it turns.
      if (drawToleranceM(map) !== before || visiblePlaces(map) !== map.shownPlaces) redraw(map);
      return viewState;
    },
    onClick: (info) => onMapClick(map, info),
  });
  // A test and benchmark hook: the top Deck (for projecting coordinates), the lower ones
  // (baseDeck, fillsDeck) and frame timings.
  window.__deckmap = map;
  window.__deckmapMounts = (window.__deckmapMounts || 0) + 1;
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

function toolbar() {
  const element = document.createElement("div");
  element.className = "bar";
  const add = button("+ Add site", "Then click the map where the new site goes");
  add.setAttribute("aria-pressed", "false");
  const name = document.createElement("span");
  name.className = "hint";
  const form = document.createElement("form");
  form.style.display = "contents";
  const lat = coordinateInput("Lat °N", -90, 90);
  const lon = coordinateInput("Lon °E", -180, 180);
  const move = button("Move", "Move the selected site to these coordinates");
  move.type = "submit";
  form.append(lat, lon, move);
  const remove = button("Remove", "Remove the selected site (Delete key)");
  element.append(add, name, form, remove);
  return { element, add, name, form, lat, lon, move, remove };
}

function button(text, title) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  b.title = title;
  return b;
}

function coordinateInput(label, min, max) {
  const input = document.createElement("input");
  input.type = "number";
  input.step = "any";
  input.min = String(min);
  input.max = String(max);
  input.required = true;
  input.setAttribute("aria-label", label);
  input.placeholder = label;
  return input;
}

function parseSpec(data) {
  return typeof data.deck === "string" ? JSON.parse(data.deck) : data.deck;
}

/** Draw the 2D preview of the first view, once the layers' files are here, and resolve once it
 * is on screen (after two frames). */
async function showPreview(map) {
  const data = map.component.data;
  const spec = parseSpec(data);
  const layers = [];
  for (const layer of spec.layers || []) {
    const file = typeof layer.data === "string" ? map.files.get(layer.data) : null;
    const features = (file ? await file.promise.catch(() => null) : layer.data)?.features;
    if (!Array.isArray(features)) continue;
    layers.push({
      features,
      fill: layer.filled === false ? null : colourOf(layer.getFillColor),
      line: layer.stroked ? colourOf(layer.getLineColor) : null,
    });
  }
  // What the rings need (update() sets them again); the rings are cached for deck.gl's frame.
  map.rings = data.rings;
  map.toleranceM = data.tolerance_m;
  map.initialZoom = spec.initialViewState.zoom;
  map.previewCanvas.hidden = false; // shown first: a hidden canvas has no size to draw at
  map.previewView = spec.initialViewState;
  drawPreview(map.previewCanvas, {
    viewState: map.previewView,
    layers,
    rings: ringRows(map, data.sites, 0),
    sites: data.sites,
  });
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/** A pydeck colour: a constant, or an accessor (e.g. "@@=properties.color"): the feature's. */
function colourOf(accessor) {
  return Array.isArray(accessor) ? accessor : "feature";
}

/** The preview goes once every Deck has drawn, the basemap loaded. */
function endPreview(map) {
  if (map.previewCanvas.hidden || Object.values(map.stats.drawn).some((n) => n === 0)) return;
  if (!map.baseDeck.layerManager.getLayers().every((layer) => layer.isLoaded)) return;
  map.previewCanvas.hidden = true;
}

function update(map, data) {
  const spec = parseSpec(data);
  if (data.places !== map.places) {
    map.places = data.places;
    map.placeRows = placeRows(data.places);
  }
  map.sites = data.sites.map((s) => ({ ...s }));
  map.rings = data.rings;
  map.toleranceM = data.tolerance_m;
  map.statusLine.textContent = data.status;
  map.statusLine.hidden = !data.status;
  map.dragging = null;
  showTooltip(map, null);
  if (map.selected && !map.sites.some((s) => s.id === map.selected)) map.selected = null;
  if (data.view !== map.viewType) {
    // A new view type starts from where the user was looking (or the initial view).
    const initial = { ...spec.initialViewState, ...pick(map.viewState) };
    map.initialZoom = initial.zoom;
    map.viewType = data.view;
    map.viewState = initial;
    map.view = makeView(data.view);
    map.deck.setProps({ views: map.view, initialViewState: initial });
    for (const deck of [map.baseDeck, map.fillsDeck]) {
      deck.setProps({ views: makeView(data.view), viewState: initial });
    }
  }
  const layers = spec.layers || [];
  setLowerLayers(map, map.baseDeck, "base", layers.filter((l) => BASE_LAYER_IDS.has(l.id)));
  setLowerLayers(map, map.fillsDeck, "fills", layers.filter((l) => !BASE_LAYER_IDS.has(l.id)));
  refreshToolbar(map);
  redraw(map);
}

function makeView(type) {
  return type === "globe" ? new GL.GlobeView({ id: "globe" }) : new GL.MapView({ id: "map", repeat: true });
}

/** A lower Deck's layers are replaced only when their JSON changed: else it does not redraw. */
function setLowerLayers(map, deck, name, specs) {
  const json = JSON.stringify(specs);
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
  map.lowerLayers[name] = layers;
  deck.setProps({ layers: name === "fills" ? [...layers, ...map.parked] : layers });
}

/**
 * While a site is dragged, what stays put on the top Deck (place dots, the other sites' rings)
 * is "parked" on the middle Deck, drawn there once, so each drag frame redraws only the moving
 * rings, the labels and the sites. Set again only when their data changes (e.g. a zoom).
 */
function park(map, layers) {
  const data = layers.map((layer) => layer.props.data);
  const before = map.parked.map((layer) => layer.props.data);
  if (data.length === before.length && data.every((d, i) => d === before[i])) return;
  map.parked = layers;
  map.fillsDeck.setProps({ layers: [...map.lowerLayers.fills, ...layers] });
}

function pick(viewState) {
  if (!viewState) return {};
  const { longitude, latitude, zoom } = viewState;
  return { longitude, latitude, zoom };
}

function redraw(map) {
  if (!map.deck) return;
  const started = performance.now();
  const [still, moving, labels] = ringLayers(map);
  const steady = [placesLayer(map), still];
  park(map, map.dragging ? steady : []);
  map.deck.setProps({
    layers: [...(map.dragging ? [] : steady), moving, labels, sitesLayer(map)],
  });
  map.stats.lastFrameMs = performance.now() - started;
  map.stats.frames += 1;
}

/** Ring outlines of every site and radius, and one label per radius on the first site. */
function ringLayers(map) {
  const movingId = map.dragging ? map.dragging.id : null;
  const still = map.sites.filter((s) => s.id !== movingId);
  // The rings of the sites that stay put keep their array while one site is dragged, so
  // deck.gl does not rebuild their vertex buffers on every frame (500 sites still drag).
  const key = JSON.stringify([
    map.viewType,
    map.rings,
    drawToleranceM(map),
    still.map((s) => [s.id, s.name, s.lat, s.lon]),
  ]);
  if (key !== map.stillKey) {
    map.stillKey = key;
    map.stillPaths = ringRows(map, still, 0);
  }
  const moving = ringRows(map, map.sites.filter((s) => s.id === movingId), 1, false);
  // Picking draws every pickable layer again on each pointer event: not while dragging.
  const pickable = !map.dragging;
  return [
    pathLayer("rings", map.stillPaths, pickable),
    pathLayer("rings-moving", moving, false),
    labelLayer(map),
  ];
}

function ringRows(map, sites, extraWidth, cache = true) {
  const rows = [];
  for (const site of sites) {
    for (const ring of map.rings) {
      const v = ringOf(map, site, ring.radius_m, cache);
      const shapes = map.viewType === "globe" ? [globePath(v.lon, v.lat)] : ringPaths(v.lon, v.lat);
      const tooltip = `${ring.label}\naround ${site.name}`;
      for (const path of shapes) {
        rows.push({ path, color: ring.color, width: ring.width + extraWidth, tooltip });
      }
    }
  }
  return rows;
}

function pathLayer(id, data, pickable) {
  return new GL.PathLayer({
    id,
    data,
    getPath: (d) => d.path,
    getColor: (d) => d.color,
    getWidth: (d) => d.width,
    widthUnits: "pixels",
    pickable,
    parameters: { depthCompare: "always", depthWriteEnabled: false },
  });
}

function labelLayer(map) {
  const first = map.sites[0];
  const labels = first
    ? map.rings.map((ring, k) => {
        // Small rings are labelled at their eastern point, large ones south-south-west, where
        // the default view still shows them; neighbouring radii (480/500 km) alternate above
        // and below, so their labels never sit on top of each other.
        const v = ringOf(map, first, ring.radius_m, !map.dragging || map.dragging.id !== first.id);
        const i = v.az.findIndex((az) => az <= (ring.radius_m < 1.5e6 ? 90 : 200));
        return {
          position: [v.lon[i], v.lat[i]],
          text: ring.short_label,
          color: ring.color,
          offset: [6, k % 2 ? 10 : -10],
        };
      })
    : [];
  return new GL.TextLayer({
    id: "ring-labels",
    data: labels,
    getPosition: (d) => d.position,
    getText: (d) => d.text,
    getColor: (d) => d.color,
    getPixelOffset: (d) => d.offset,
    getSize: 13,
    getTextAnchor: "start",
    getAlignmentBaseline: "center",
    fontWeight: 700,
    fontSettings: { sdf: true },
    outlineWidth: 3,
    outlineColor: [255, 255, 255, 230],
    // GlobeView culls back faces by default, and that culls every glyph (deck.gl #9777).
    parameters: { depthCompare: "always", depthWriteEnabled: false, cullMode: "none" },
  });
}

function drawToleranceM(map) {
  return screenToleranceM(map.viewState ? map.viewState.zoom : map.initialZoom, map.toleranceM);
}

// Rings are cached per (position, radius, tolerance). A dragged site's preview rings are not
// cached: each pointer position is seen once.
function ringOf(map, site, radiusM, cache = true) {
  const toleranceM = drawToleranceM(map);
  const key = `${site.lat},${site.lon},${radiusM},${toleranceM}`;
  let vertices = map.ringCache.get(key);
  if (!vertices) {
    vertices = circleVertices(site.lat, site.lon, radiusM, toleranceM);
    if (!cache) return vertices;
    if (map.ringCache.size >= RING_CACHE_LIMIT) map.ringCache.clear();
    map.ringCache.set(key, vertices);
  }
  return vertices;
}

/**
 * The place dots to draw: all of them on a flat map; on the globe those on its near side (the
 * basemap, in a Deck below, cannot hide the others). The same array while the same dots are
 * shown, so deck.gl keeps its buffers.
 */
function visiblePlaces(map) {
  if (map.viewType !== "globe") return map.placeRows;
  // The viewport of the view state being set (deck.gl's own is a frame behind in here).
  const element = map.tooltip.parentElement;
  const viewport = map.view.makeViewport({
    width: element.clientWidth || 600,
    height: element.clientHeight || HEIGHT_PX - 36,
    viewState: map.viewState,
  });
  const rows = nearSide(map.placeRows, viewport);
  const shown = map.shownPlaces;
  return rows.length === shown.length && rows.every((row, i) => row === shown[i]) ? shown : rows;
}

/** Places in range (tooltips built from Python's columns, see places.js). */
function placesLayer(map) {
  const data = visiblePlaces(map);
  map.shownPlaces = data;
  return new GL.ScatterplotLayer({
    id: "places",
    data,
    getPosition: (d) => d.position,
    getFillColor: (d) => d.color,
    getRadius: (d) => d.radius,
    radiusUnits: "pixels",
    pickable: !map.dragging,
  });
}

function sitesLayer(map) {
  return new GL.ScatterplotLayer({
    id: "sites",
    data: map.sites,
    getPosition: (d) => [d.lon, d.lat],
    getFillColor: (d) => (d.id === map.selected ? SELECTED_COLOUR : [0, 0, 0, 230]),
    getLineColor: [255, 255, 255],
    getRadius: (d) => (d.id === map.selected ? 9 : 7),
    radiusUnits: "pixels",
    stroked: true,
    lineWidthMinPixels: 2,
    pickable: true,
    updateTriggers: { getFillColor: map.selected, getRadius: map.selected },
    parameters: { depthCompare: "always", depthWriteEnabled: false },
    onDragStart: (info) => startDrag(map, info),
    onDrag: (info) => drag(map, info),
    onDragEnd: (info) => endDrag(map, info),
    onClick: (info) => {
      if (map.adding || !info.object) return false;
      select(map, info.object.id);
      return true;
    },
  });
}

function tooltipText(map, info) {
  if (!info || !info.object) return null;
  if (info.layer && info.layer.id === "places") {
    return placeTooltip(map.places, info.object.index, map.sites.map((s) => s.name));
  }
  return info.object.tooltip;
}

function showTooltip(map, info) {
  const text = tooltipText(map, info);
  map.tooltip.hidden = !text;
  if (!text) return;
  map.tooltip.textContent = text;
  // Beside the pointer, towards the middle of the map, so it stays on the map.
  const { clientWidth: width, clientHeight: height } = map.tooltip.parentElement;
  const left = info.x < width / 2;
  const above = info.y > height / 2;
  map.tooltip.style.left = left ? `${info.x + 12}px` : "";
  map.tooltip.style.right = left ? "" : `${width - info.x + 12}px`;
  map.tooltip.style.top = above ? "" : `${info.y + 12}px`;
  map.tooltip.style.bottom = above ? `${height - info.y + 12}px` : "";
}

function startDrag(map, info) {
  if (!info.object || map.adding) return false;
  showTooltip(map, null);
  const site = map.sites.find((s) => s.id === info.object.id);
  map.dragging = { id: site.id, from: [site.lat, site.lon] };
  // The map must not pan while a site is dragged.
  map.deck.setProps({ controller: { dragPan: false } });
  select(map, site.id);
  return true;
}

function drag(map, info) {
  if (!map.dragging || !info.coordinate) return false;
  const lon = normaliseLon(info.coordinate[0]);
  const lat = info.coordinate[1];
  if (lon === null || !(Math.abs(lat) <= 90)) return true;
  const site = map.sites.find((s) => s.id === map.dragging.id);
  site.lon = lon;
  site.lat = lat;
  map.sites = [...map.sites];
  refreshToolbar(map);
  redraw(map);
  return true;
}

function endDrag(map, info) {
  if (!map.dragging) return false;
  drag(map, info);
  const site = map.sites.find((s) => s.id === map.dragging.id);
  const from = map.dragging.from;
  map.deck.setProps({ controller: true });
  map.dragging = null;
  redraw(map);
  if (site.lat !== from[0] || site.lon !== from[1]) {
    send(map, { action: "move", id: site.id, lat: site.lat, lon: site.lon, from });
  }
  return true;
}

function onMapClick(map, info) {
  if (!map.adding) {
    if (!info.object) select(map, null);
    return;
  }
  if (!info.coordinate) return;
  const lon = normaliseLon(info.coordinate[0]);
  const lat = info.coordinate[1];
  if (lon === null || !(Math.abs(lat) <= 90)) return;
  setAdding(map, false);
  send(map, { action: "add", id: null, lat, lon, from: null });
}

function moveSelectedTo(map, lat, lon) {
  const site = map.sites.find((s) => s.id === map.selected);
  if (!site) return;
  // Python validates the numbers and says what is wrong with them.
  send(map, { action: "move", id: site.id, lat, lon: Number.isFinite(lon) ? wrapLon(lon) : lon, from: [site.lat, site.lon] });
}

function removeSelected(map) {
  const site = map.sites.find((s) => s.id === map.selected);
  if (!site) return;
  send(map, { action: "remove", id: site.id, lat: site.lat, lon: site.lon, from: [site.lat, site.lon] });
}

function send(map, edit) {
  map.component.setTriggerValue("edit", edit);
}

function select(map, id) {
  map.selected = id;
  refreshToolbar(map);
  redraw(map);
}

function setAdding(map, adding) {
  map.adding = adding;
  map.bar.add.setAttribute("aria-pressed", String(adding));
  map.bar.add.textContent = adding ? "Click the map… (Esc cancels)" : "+ Add site";
}

function refreshToolbar(map) {
  const { bar } = map;
  const site = map.sites.find((s) => s.id === map.selected);
  bar.name.textContent = site ? site.name : "Drag a site, or click one to edit it.";
  for (const control of [bar.lat, bar.lon, bar.move, bar.remove]) control.disabled = !site;
  if (site && bar.lat !== bar.element.getRootNode().activeElement && bar.lon !== bar.element.getRootNode().activeElement) {
    bar.lat.value = site.lat.toFixed(4);
    bar.lon.value = site.lon.toFixed(4);
  }
  if (!site) {
    bar.lat.value = "";
    bar.lon.value = "";
  }
}
