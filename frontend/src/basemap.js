// The basemap Deck's layers: the ocean, then the countries with their coasts and borders
// (static/basemap-110m.geojson, scripts/make_basemap.py); zoomed in, 1:50m instead, from the
// tiles in view (fetched once each per page, as the view first needs them; the 1:110m stays
// until all of them are here).
//
// On the globe the far side must stay hidden, and back-face culling alone does not hide it:
// deck.gl triangulates polygons in longitude and latitude, and near a pole some triangles are
// needles (vertices that differ there meet on the sphere, or lie on one meridian with the
// pole), whose facing is a rounding error; the far side's showed through as faint lines. So
// the globe's ocean is a sphere OCEAN_DEPTH_M below the ground, and the land and the lines are
// depth-tested against it: the near side's ocean hides everything behind it. Below the ground,
// because deck.gl draws each triangle as a flat chord under the curved ground: the land's
// chords (cut into GLOBE_RESOLUTION_DEG cells) sag at most ~12 km, the ocean's grid cells
// (OCEAN_GRID_DEG) ~4 km, so the ocean always lies under the land, and never meets it in
// cracks. On the flat map nothing lies behind anything: the ocean is one box drawn first,
// and the land over it in order.

import { GL } from "./gl.js";

/** @typedef {import("./state.js").MapState} MapState */

// deck.gl cuts the globe's polygons into cells this size (GlobeView's `resolution`, 10° by
// default): a chord under a 5° cell sags at most R (1 - cos 3.5°), ~12 km.
export const GLOBE_RESOLUTION_DEG = 5;
const OCEAN_GRID_DEG = 3;
const OCEAN_DEPTH_M = 16_000;
// Web Mercator's world ends here; the flat map's ocean is the world's square.
const MERCATOR_MAX_LAT = 85.051129;
export const OCEAN_BOX = [
  [-180, -MERCATOR_MAX_LAT],
  [180, -MERCATOR_MAX_LAT],
  [180, MERCATOR_MAX_LAT],
  [-180, MERCATOR_MAX_LAT],
];

// The view is sampled on a grid of (VIEW_SAMPLES + 1)² points, its edges and corners
// included, for the tiles it shows: a tile in view then holds a sample, unless it shows in
// less than a cell of the grid at a corner.
const VIEW_SAMPLES = 16;

let globeOcean = null;

/** The globe's ocean: a grid of cells OCEAN_DEPTH_M below the ground, built once. */
function globeOceanCells() {
  if (globeOcean) return globeOcean;
  const z = -OCEAN_DEPTH_M;
  const step = OCEAN_GRID_DEG;
  globeOcean = [];
  for (let lon = -180; lon < 180; lon += step) {
    for (let lat = -90; lat < 90; lat += step) {
      globeOcean.push([
        [lon, lat, z],
        [lon + step, lat, z],
        [lon + step, lat + step, z],
        [lon, lat + step, z],
      ]);
    }
  }
  return globeOcean;
}

/**
 * The globe's ocean as depth only (drawn clear), first on the band fills' Deck: the fills are
 * depth-tested against it as the land is against the ocean, since culling alone lets their
 * far side's needle triangles through as faint lines.
 * @param {MapState} map
 * @returns {object[]}
 */
export function depthMaskLayers(map) {
  if (map.viewType !== "globe") return [];
  return [
    new GL.SolidPolygonLayer({
      id: "fills-depth-mask",
      data: globeOceanCells(),
      getPolygon: (cell) => cell,
      getFillColor: [0, 0, 0, 0],
      parameters: { depthCompare: "less-equal" },
    }),
  ];
}

/**
 * The fine tiles (``<west>_<south>``) the view shows, or none below the fine zoom.
 * @param {MapState} map
 * @returns {string[]}
 */
function fineTilesInView(map) {
  const viewState = map.viewState;
  if (!viewState || !map.view || !map.style) return [];
  const { fine_min_zoom: minZoom, fine_tile_deg: deg } = map.style.basemap;
  if (viewState.zoom < minZoom) return [];
  const { clientWidth: width, clientHeight: height } = map.canvases[0];
  const viewport = map.view.makeViewport({ width, height, viewState });
  const names = new Set();
  for (let i = 0; i <= VIEW_SAMPLES; i++) {
    for (let j = 0; j <= VIEW_SAMPLES; j++) {
      const [lon, lat] = viewport.unproject([
        (width * i) / VIEW_SAMPLES,
        (height * j) / VIEW_SAMPLES,
      ]);
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
      const west = Math.floor(((((lon + 180) % 360) + 360) % 360) / deg) * deg - 180;
      const south = Math.min(Math.floor((lat + 90) / deg) * deg, 180 - deg) - 90;
      names.add(`${west}_${south}`);
    }
  }
  return [...names].sort();
}

/**
 * Fetch the fine tiles the view needs that are not here yet, and choose what the basemap
 * draws: the fine tiles once all those in view are here, else 1:110m. Returns whether that
 * changed (the basemap must then be drawn again).
 * @param {MapState} map
 */
export function chooseBasemap(map) {
  const needed = fineTilesInView(map);
  for (const name of needed) {
    if (map.fineTiles.has(name)) continue;
    const url = new URL(`${map.style.basemap.fine_url}${name}.geojson`, document.baseURI);
    /** @type {{data?: object, failed?: boolean}} */
    const tile = {};
    map.fineTiles.set(name, tile);
    fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        return response.json();
      })
      .then(
        (data) => {
          tile.data = data;
          if (!map.finalized && chooseBasemap(map)) drawBasemap(map);
        },
        (error) => {
          // The 1:110m stays: coarser, but the map still has its land.
          tile.failed = true;
          console.error(error);
        },
      );
  }
  const ready = needed.length > 0 && needed.every((name) => map.fineTiles.get(name).data);
  const shown = ready ? needed.join(" ") : "";
  if (shown === map.fineShown) return false;
  map.fineShown = shown;
  return true;
}

/** Draw the basemap on its Deck. */
export function drawBasemap(map) {
  map.baseDeck.setProps({ layers: basemapLayers(map) });
}

/**
 * The basemap's layers for the map's view type, as ``map.basemapStyle`` says: in full,
 * without its country borders, or none (benchmarks compare the three: testapi.js).
 * @param {MapState} map
 */
function basemapLayers(map) {
  const style = map.basemapStyle;
  if (style === "none") return [];
  const globe = map.viewType === "globe";
  const ocean = new GL.SolidPolygonLayer({
    id: `ocean-${map.viewType}`,
    data: globe ? globeOceanCells() : [OCEAN_BOX],
    getPolygon: (cell) => cell,
    getFillColor: /** @type {[number, number, number]} */ (map.style.basemap.ocean),
    parameters: globe ? { depthCompare: "less-equal" } : { depthWriteEnabled: false },
  });
  const lines = { parameters: { depthCompare: "less-equal" } };
  if (style === "no borders") lines.visible = false;
  const land = {
    // On the flat map the land is drawn in order, without a depth test: coplanar with the
    // ocean and itself, it would fight them for depth.
    parameters: { depthCompare: globe ? "less-equal" : "always" },
    _subLayerProps: { linestrings: lines },
  };
  // Copies: a layer that was taken off a Deck is finalized and cannot be drawn again.
  const [coarse] = map.lowerLayers.base;
  if (!coarse) return [ocean];
  if (!map.fineShown) return [ocean, coarse.clone(land)];
  const tiles = map.fineShown.split(" ");
  const fine = tiles.map((name) =>
    coarse.clone({ ...land, id: `basemap-50m-${name}`, data: map.fineTiles.get(name).data }),
  );
  return [ocean, ...fine];
}
