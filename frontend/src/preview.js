// A first picture of the flat map, drawn with the 2D canvas and shown until deck.gl's first
// frame is on screen. On a CPU WebGL renderer that frame takes seconds (shader compiles, then
// the renderer's first draws); the 2D canvas draws the same geometry, in the same Web Mercator
// projection, in milliseconds, while deck.gl itself is still loading (index.js start()): the
// basemap and band fills of the static layers, the geodesic rings and the sites. Place dots and
// ring labels wait for deck.gl. Its styles are the map's, as Python sends them (DeckmapData).

// math.gl's projection, the one deck.gl's MapView uses, without the rest of deck.gl.
import { lngLatToWorld, WebMercatorViewport, worldToPixels } from "@math.gl/web-mercator";
import { OCEAN_BOX } from "./basemap.js";

// deck.gl clamps Mercator's world y (512 units at zoom 0) here, ±89.9° of latitude, so that
// the poles (y = ±∞) still draw; math.gl's viewport does not, so the preview clamps as deck.gl.
const WORLD_Y_MIN = -318;
const WORLD_Y_MAX = 830;

/** ``(lon, lat) => [x, y]``: the canvas pixel deck.gl's MapView puts a point at, poles too. */
export function projector(viewState, width, height) {
  const viewport = new WebMercatorViewport({ ...viewState, width, height });
  return (lon, lat) => {
    const [x, y] = lngLatToWorld([lon, lat]);
    const clamped = Math.min(Math.max(y, WORLD_Y_MIN), WORLD_Y_MAX);
    return worldToPixels([x, clamped], viewport.pixelProjectionMatrix).slice(0, 2);
  };
}

/**
 * Draw on ``canvas`` (sized to its element) the map as deck.gl will show it.
 *
 * @param {HTMLCanvasElement} canvas
 * @param {object} scene ``viewState`` (longitude, latitude, zoom); ``style``: the map's
 *   (contract.js MapStyle), for the basemap and the sites; ``basemap``: its GeoJSON
 *   features; ``fills``: GeoJSON features filled with their ``properties.color`` (band fills);
 *   ``rings``: rows ``{path: [[lon, lat], ...], color, width}``; ``sites``: ``{lon, lat}``.
 */
export function drawPreview(canvas, { viewState, style, basemap, fills, rings, sites }) {
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const context = canvas.getContext("2d");
  context.scale(ratio, ratio);
  const project = projector(viewState, width, height);
  // The flat map repeats the world sideways (MapView repeat): draw the copies in view too.
  const worldPx = 512 * 2 ** viewState.zoom;
  const copies = [-worldPx, 0, worldPx];
  const trace = (coordinates, dx) => {
    coordinates.forEach(([lon, lat], i) => {
      const [x, y] = project(lon, lat);
      if (i === 0) context.moveTo(x + dx, y);
      else context.lineTo(x + dx, y);
    });
  };
  const polygons = (feature, fill, line) => {
    for (const dx of copies) {
      context.beginPath();
      for (const polygon of polygonsOf(feature.geometry)) {
        for (const ring of polygon) {
          trace(ring, dx);
          context.closePath();
        }
      }
      context.fillStyle = css(fill);
      context.fill("evenodd");
      if (line) context.stroke();
    }
  };
  context.strokeStyle = css(style.basemap.line);
  context.lineWidth = style.basemap.line_width_px;
  // The ocean as the map draws it (basemap.js), then the basemap's polygons (the countries),
  // which carry their own colour and are not stroked; its coasts and borders are its line
  // features (scripts/make_basemap.py).
  const ocean = { geometry: { type: "Polygon", coordinates: [OCEAN_BOX] } };
  polygons(ocean, style.basemap.ocean, false);
  for (const feature of basemap) {
    polygons(feature, feature.properties?.color ?? style.basemap.fill, false);
  }
  for (const feature of basemap) {
    for (const dx of copies) {
      context.beginPath();
      for (const line of linesOf(feature.geometry)) trace(line, dx);
      context.stroke();
    }
  }
  for (const feature of fills) polygons(feature, feature.properties.color, false);
  context.lineJoin = "round";
  for (const ring of rings) {
    context.strokeStyle = css(ring.color);
    context.lineWidth = ring.width;
    for (const dx of copies) {
      context.beginPath();
      trace(ring.path, dx);
      context.stroke();
    }
  }
  context.fillStyle = css(style.site.fill);
  context.strokeStyle = css(style.site.outline);
  context.lineWidth = style.site.outline_width_px;
  for (const site of sites) {
    const [x, y] = project(site.lon, site.lat);
    for (const dx of copies) {
      context.beginPath();
      context.arc(x + dx, y, style.site.radius_px, 0, 2 * Math.PI);
      context.fill();
      context.stroke();
    }
  }
}

function linesOf(geometry) {
  if (geometry?.type === "LineString") return [geometry.coordinates];
  if (geometry?.type === "MultiLineString") return geometry.coordinates;
  return [];
}

function polygonsOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === "Polygon") return [geometry.coordinates];
  if (geometry.type === "MultiPolygon") return geometry.coordinates;
  return [];
}

/** @param {number[]} rgba */
function css([r, g, b, a = 255]) {
  return `rgba(${r}, ${g}, ${b}, ${a / 255})`;
}
