// The layers the map draws itself, on the top Deck: place dots, ring outlines of every site and
// radius, labels (placed by labels.js) and the sites. While a site is dragged, what stays put
// (the dots, the other sites' rings) is "parked" on the middle Deck (park()), so each drag frame
// redraws only what moves.
//
// On the globe nothing of these shows through from its far side (tests/e2e/test_globe.py
// checks it). A lower Deck's ocean cannot hide it in this canvas, and back-face culling lets
// slivers of the far side's lines through, so each Deck on the globe draws the ocean's depth
// first (basemap.js) and these are tested against it, writing no depth of their own (coplanar,
// they would fight). Labels are billboards, not culled: labels.js places them on the near side.

import { depthMaskLayers } from "./basemap.js";
import { circleVertices, globePath, ringPaths, screenToleranceM } from "./geodesy.js";
import { GL } from "./gl.js";
import {
  currentViewport,
  FONT_FAMILY,
  FONT_PX,
  FONT_WEIGHT,
  labelFontLoaded,
  updateLabels,
} from "./labels.js";
import { nearSide } from "./places.js";
import { draggedMeasure } from "./state.js";

// Tested against the globe's depth mask; on the flat map nothing is behind anything.
const UNDER_MASK = /** @type {const} */ ({ depthCompare: "less-equal", depthWriteEnabled: false });

const RING_CACHE_LIMIT = 2000;

/**
 * Set the top Deck's layers from the state (and park the steady ones while dragging).
 * @param {import("./state.js").MapState} map
 */
export function redraw(map) {
  if (!map.deck) return;
  const started = performance.now();
  const dragging = map.mode === "dragging";
  const [still, moving, labels] = ringLayers(map);
  const steady = [placesLayer(map), still];
  park(map, dragging ? steady : []);
  map.deck.setProps({
    layers: [
      ...depthMaskLayers(map),
      ...(dragging ? [] : steady),
      moving,
      labels,
      sitesLayer(map),
      measureLayer(map),
    ],
  });
  map.stats.lastFrameMs = performance.now() - started;
  map.stats.frames += 1;
}

/**
 * Draw ``layers`` on the middle Deck, over the band fills, drawn there once: set again only
 * when their data changes (e.g. a zoom).
 */
function park(map, layers) {
  const data = layers.map((layer) => layer.props.data);
  const before = map.parked.map((layer) => layer.props.data);
  if (data.length === before.length && data.every((d, i) => d === before[i])) return;
  map.parked = layers;
  map.fillsDeck.setProps({ layers: [...map.lowerLayers.fills, ...layers] });
}

/** Ring outlines of every site and radius, and the labels. */
function ringLayers(map) {
  const movingId = map.mode === "dragging" ? map.selectedId : null;
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
  const moving = ringRows(
    map,
    map.sites.filter((s) => s.id === movingId),
    1,
    false,
  );
  // Picking draws every pickable layer again on each pointer event: not while dragging.
  const pickable = movingId === null;
  return [
    pathLayer("rings", map.stillPaths, pickable),
    pathLayer("rings-moving", moving, false),
    labelLayer(map),
  ];
}

/**
 * One path row per ring of each site (several where a flat map cuts it at ±180°), ``extraWidth``
 * pixels wider than its ring's width; ``cache``: whether to keep the rings' vertices.
 * @param {import("./state.js").MapState} map
 */
export function ringRows(map, sites, extraWidth, cache = true) {
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

/** The measure being dragged, drawn as its geodesic (nothing otherwise). */
function measureLayer(map) {
  const line = draggedMeasure(map);
  // Black, as Python draws the measured line once it is released (ui/reach.py).
  const data = line ? line.paths.map((path) => ({ path, color: [0, 0, 0], width: 2 })) : [];
  return pathLayer("measure-drag", data, false);
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
    parameters: UNDER_MASK,
  });
}

/**
 * Place the labels for the current camera (labels.js), on the rings as drawn; true when they
 * moved.
 * @param {import("./state.js").MapState} map
 */
export function placeLabels(map) {
  if (!labelFontLoaded(() => map.finalized || redraw(map))) return false;
  const movingId = map.mode === "dragging" ? map.selectedId : null;
  return updateLabels(map, (site, radiusM) => ringOf(map, site, radiusM, site.id !== movingId));
}

/** The labels labels.js placed: ring radii on their rings, and site names. */
function labelLayer(map) {
  placeLabels(map);
  return new GL.TextLayer({
    id: "labels",
    data: map.labels,
    getPosition: (d) => d.position,
    getText: (d) => d.text,
    getColor: (d) => d.color,
    getPixelOffset: (d) => d.offset,
    getTextAnchor: (d) => d.anchor,
    getSize: FONT_PX,
    getAlignmentBaseline: "center",
    fontFamily: FONT_FAMILY,
    fontWeight: FONT_WEIGHT,
    // Site names are the user's text, in any script: the glyph atlas holds what they use.
    characterSet: "auto",
    fontSettings: { sdf: true },
    outlineWidth: 3,
    outlineColor: [255, 255, 255, 230],
    // GlobeView culls back faces by default, and that culls every glyph (deck.gl #9777).
    parameters: { depthCompare: "always", depthWriteEnabled: false, cullMode: "none" },
  });
}

/** The rings' chord tolerance (m) at the current zoom (geodesy.js screenToleranceM). */
export function drawToleranceM(map) {
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
export function visiblePlaces(map) {
  if (map.viewType !== "globe") return map.placeRows;
  const rows = nearSide(map.placeRows, currentViewport(map));
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
    pickable: map.mode !== "dragging",
  });
}

function sitesLayer(map) {
  const selected = map.selectedId;
  const { site } = map.style;
  return new GL.ScatterplotLayer({
    id: "sites",
    data: map.sites,
    getPosition: (d) => [d.lon, d.lat],
    getFillColor: (d) => (d.id === selected ? site.selected_fill : site.fill),
    getLineColor: site.outline,
    getRadius: (d) => (d.id === selected ? site.selected_radius_px : site.radius_px),
    radiusUnits: "pixels",
    stroked: true,
    lineWidthMinPixels: site.outline_width_px,
    pickable: true,
    updateTriggers: { getFillColor: selected, getRadius: selected },
    parameters: UNDER_MASK,
    ...map.siteEvents,
  });
}
