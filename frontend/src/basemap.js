// The basemap Deck's layers: the ocean, then the countries with their coasts and borders
// (static/basemap-110m.geojson, scripts/make_basemap.py).
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
 * The basemap's layers for the map's view type, as ``map.basemapStyle`` says: in full,
 * without its country borders, or none (benchmarks compare the three: testapi.js).
 * @param {MapState} map
 */
export function basemapLayers(map) {
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
  return [ocean, ...map.lowerLayers.base.map((layer) => layer.clone(land))];
}
