// The map's text, placed in screen space so that no label overlaps another, a site or the
// map's edge: each site's name (once the map is zoomed in far enough to read them) and one
// label per ring radius, at a free point along that radius's ring around the first site that
// has one. A ring's label sits on a vertex of the drawn ring (geodesy.js circleVertices, the
// ring's own WGS84 points), tried at preferred azimuths; a label with no free point is dropped.
// On a globe a label is only placed on the near side. Placement runs on every camera change
// (the placement for a frame costs well under a millisecond: docs/benchmarks.md); the rows keep
// their array while the placement is the same, so deck.gl rebuilds nothing.

import { viewSize } from "./camera.js";
import { wrapLon } from "./geodesy.js";
import { nearSide } from "./places.js";

export const FONT_PX = 13;
export const FONT_WEIGHT = 700;
// Streamlit's own face, which it ships with the page (offline): proportional, so a comma is
// as narrow as it looks ("2,500 km"; a monospace font gives it a digit's width: "2, 500 km").
// The boxes are measured in the font that is drawn.
export const FONT_FAMILY = '"Source Sans", sans-serif';
const FONT = `${FONT_WEIGHT} ${FONT_PX}px ${FONT_FAMILY}`;
// Names are readable, and no longer a cloud over the rings, from this deck.gl zoom on.
export const NAME_MIN_ZOOM = 3;
// A name longer than this is cut with an ellipsis (the site's tooltip has it whole).
const NAME_MAX_CHARS = 28;
// Clear space around every label (its white outline is 3 px wide), and from the map's edge.
const GAP_PX = 3;
const EDGE_PX = 4;
// A ring label is tried at these azimuths first (east and west read best), then all along.
const PREFERRED_AZ = [90, 270, 180, 0, 135, 225, 45, 315];
const ALONG_RING = 180;
// Sites tried for one ring label, and sites named: bounds the work per camera change.
const SITES_TRIED = 40;
const SITES_NAMED = 200;
const NAME_TEXT = [40, 40, 40, 255];
// The attribute of an element laid over the map that labels keep clear of.
export const OVERLAY = "data-map-overlay";

/**
 * @typedef {object} LabelRow
 * @property {[number, number]} position [lon, lat] of the anchor
 * @property {string} text
 * @property {number[]} color
 * @property {"start" | "middle" | "end"} anchor
 * @property {[number, number]} offset pixels from the anchor
 * @property {"ring" | "name"} kind
 */

/**
 * The viewport of the view state being set (deck.gl's own is a frame behind while the camera
 * moves).
 * @param {import("./state.js").MapState} map
 */
export function currentViewport(map) {
  return map.view.makeViewport({ ...viewSize(map), viewState: map.viewState });
}

/**
 * Place the labels for the current camera and sites in ``map.labels``; true when they changed.
 * ``verticesOf(site, radiusM)`` gives a ring's vertices as drawn ({az, lon, lat}).
 * @param {import("./state.js").MapState} map
 */
export function updateLabels(map, verticesOf) {
  if (!map.view || !map.viewState) return false;
  const viewport = currentViewport(map);
  // Placed once per camera, size, sites and rings (a frame's redraw asks again).
  const inputs = [
    map.viewState,
    map.sites,
    map.rings,
    map.viewType,
    viewport.width,
    viewport.height,
  ];
  if (inputs.every((x, i) => x === map.labelInputs[i])) return false;
  map.labelInputs = inputs;
  const started = performance.now();
  const placer = new Placer(map, viewport);
  const zoom = map.viewState.zoom ?? map.initialZoom;
  if (zoom >= NAME_MIN_ZOOM) {
    for (const site of map.sites.slice(0, SITES_NAMED)) placer.name(site);
  }
  const tried = map.sites.slice(0, SITES_TRIED);
  for (const ring of map.rings) {
    // On the ring around any site, else just outside it (a ring too small on screen to hold
    // its label, as a 480 km ring is on a globe zoomed out to show 5,500 km).
    [false, true].some((beside) =>
      tried.some((site) => placer.ring(site, ring, verticesOf(site, ring.radius_m), beside)),
    );
  }
  map.stats.lastLabelMs = performance.now() - started;
  const key = JSON.stringify(placer.rows.map((r) => [r.text, r.position, r.anchor]));
  if (key === map.labelKey) return false;
  map.labelKey = key;
  map.labels = placer.rows;
  return true;
}

/**
 * A name as drawn: at most NAME_MAX_CHARS characters (code points, so no emoji is cut), a
 * longer one cut after its last whole word that fits.
 */
export function shownName(name) {
  const chars = Array.from(name.trim());
  if (chars.length <= NAME_MAX_CHARS) return chars.join("");
  const head = chars.slice(0, NAME_MAX_CHARS - 1).join("");
  const space = head.lastIndexOf(" ");
  const cut = space > NAME_MAX_CHARS / 2 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s([{,;:/-]+$/u, "")}…`;
}

/** Greedy placement: each label takes the first free spot it is offered. */
class Placer {
  constructor(map, viewport) {
    this.map = map;
    this.viewport = viewport;
    this.globe = map.viewType === "globe";
    this.centreLon = map.viewState.longitude ?? 0;
    /** @type {LabelRow[]} */
    this.rows = [];
    /** @type {number[][]} boxes taken: [left, top, right, bottom] */
    this.taken = [];
    // The sites' dots are obstacles: no label covers one.
    this.dotRadiusPx = (map.style?.site?.selected_radius_px ?? 8) + GAP_PX;
    const radiusPx = this.dotRadiusPx;
    for (const site of map.sites) {
      const xy = this.visible([site.lon, site.lat]);
      if (!xy) continue;
      this.taken.push([xy[0] - radiusPx, xy[1] - radiusPx, xy[0] + radiusPx, xy[1] + radiusPx]);
    }
    // So is what the map lays over itself (the status line, a legend): the elements marked
    // OVERLAY (deck.gl's own full-size elements in the view are not).
    const origin = map.tooltip.parentElement.getBoundingClientRect();
    for (const element of map.root.querySelectorAll(`[${OVERLAY}]`)) {
      const box = element.getBoundingClientRect();
      if (!box.width || !box.height) continue;
      const { left, top } = origin;
      this.taken.push([box.left - left, box.top - top, box.right - left, box.bottom - top]);
    }
  }

  /** The pixel of ``lonLat`` (on a flat map, its copy nearest the centre), or null when it is
   * off screen or on a globe's far side; and the position to draw at. */
  visible(lonLat) {
    const position = this.position(lonLat);
    if (this.globe && !nearSide([{ position }], this.viewport).length) return null;
    const [x, y] = this.viewport.project(position);
    if (!(x >= 0 && y >= 0 && x <= this.viewport.width && y <= this.viewport.height)) return null;
    return [x, y, position];
  }

  /** Where ``lonLat`` is drawn: on a flat map, its copy nearest the centre. */
  position(lonLat) {
    return this.globe ? lonLat : [this.centreLon + wrapLon(lonLat[0] - this.centreLon), lonLat[1]];
  }

  /** Take the box of ``text`` anchored at pixel (x, y) if it is free and inside the map. */
  take(x, y, text, anchor, offset) {
    const width = textWidthPx(text);
    const left = x + offset[0] - (anchor === "middle" ? width / 2 : anchor === "end" ? width : 0);
    const top = y + offset[1] - FONT_PX / 2;
    const box = [left - GAP_PX, top - GAP_PX, left + width + GAP_PX, top + FONT_PX + GAP_PX];
    const { width: w, height: h } = this.viewport;
    if (box[0] < EDGE_PX || box[1] < EDGE_PX || box[2] > w - EDGE_PX || box[3] > h - EDGE_PX) {
      return false;
    }
    if (this.taken.some((t) => t[0] < box[2] && box[0] < t[2] && t[1] < box[3] && box[1] < t[3])) {
      return false;
    }
    this.taken.push(box);
    return true;
  }

  /** The site's name right of its dot, else left, above or below it. */
  name(site) {
    const spot = this.visible([site.lon, site.lat]);
    const text = shownName(site.name);
    if (!spot || !text) return false;
    // Clear of the site's own dot, which is taken with a gap round it.
    const clearPx = this.dotRadiusPx + GAP_PX + 1;
    /** @type {[LabelRow["anchor"], [number, number]][]} */
    const tries = [
      ["start", [clearPx, 0]],
      ["end", [-clearPx, 0]],
      ["middle", [0, -clearPx - FONT_PX / 2]],
      ["middle", [0, clearPx + FONT_PX / 2]],
    ];
    for (const [anchor, offset] of tries) {
      if (this.take(spot[0], spot[1], text, anchor, offset)) {
        this.rows.push({ position: spot[2], text, color: NAME_TEXT, anchor, offset, kind: "name" });
        return true;
      }
    }
    return false;
  }

  /** The ring's label on the first free vertex: where it last was, at the preferred azimuths,
   * then anywhere along the ring; centred on the vertex, or ``beside`` the ring: just outside
   * it, away from the site. */
  ring(site, ring, vertices, beside) {
    const memory = this.map.labelAzimuths;
    const key = `${site.id}:${ring.radius_m}`;
    const last = memory.get(key);
    const tried = candidateVertices(vertices);
    const indices = last === undefined ? tried : [nearestVertex(vertices.az, last), ...tried];
    const [siteX, siteY] = this.viewport.project(this.position([site.lon, site.lat]));
    for (const i of indices) {
      const spot = this.visible([vertices.lon[i], vertices.lat[i]]);
      if (!spot) continue;
      const [anchor, offset] = beside ? outside(spot[0] - siteX, spot[1] - siteY) : ON_RING;
      if (!this.take(spot[0], spot[1], ring.short_label, anchor, offset)) continue;
      memory.set(key, vertices.az[i]);
      this.rows.push({
        position: spot[2],
        text: ring.short_label,
        color: ring.color,
        anchor,
        offset,
        kind: "ring",
      });
      return true;
    }
    return false;
  }
}

/** @type {[LabelRow["anchor"], [number, number]]} */
const ON_RING = ["middle", [0, 0]];

/**
 * A label's anchor and offset just outside a ring, at a vertex (dx, dy) pixels from its site:
 * beside the vertex on a ring's east or west side, above or below it at the north or south.
 * @returns {[LabelRow["anchor"], [number, number]]}
 */
function outside(dx, dy) {
  const clearPx = GAP_PX + 1;
  if (Math.abs(dx) >= Math.abs(dy)) {
    return dx >= 0 ? ["start", [clearPx, 0]] : ["end", [-clearPx, 0]];
  }
  const below = FONT_PX / 2 + clearPx;
  return ["middle", [0, dy >= 0 ? below : -below]];
}

const candidates = new WeakMap();

/**
 * The vertices a ring's label is tried at, in order: those nearest the preferred azimuths, then
 * up to ALONG_RING more spread along the ring (zoomed in, only a short arc is on screen). Kept
 * per ring.
 */
function candidateVertices(vertices) {
  let indices = candidates.get(vertices);
  if (!indices) {
    const n = vertices.az.length;
    const stride = Math.max(1, Math.floor(n / ALONG_RING));
    const along = Array.from({ length: Math.ceil(n / stride) }, (_, k) => k * stride);
    indices = [...PREFERRED_AZ.map((az) => nearestVertex(vertices.az, az)), ...along];
    candidates.set(vertices, indices);
  }
  return indices;
}

function nearestVertex(azimuths, azDeg) {
  let best = 0;
  let bestGap = 360;
  for (let i = 0; i < azimuths.length; i++) {
    const gap = Math.abs(wrapLon(azimuths[i] - azDeg));
    if (gap < bestGap) {
      bestGap = gap;
      best = i;
    }
  }
  return best;
}

let fontLoaded = false;

/**
 * Whether the labels' font is here; if it is still loading, ``then`` runs once it is. Until
 * then no label is placed: deck.gl's glyph atlas and the measured widths would be a fallback's.
 */
export function labelFontLoaded(then) {
  fontLoaded ||= document.fonts.check(FONT);
  if (!fontLoaded) {
    document.fonts.load(FONT).then(() => {
      fontLoaded = true;
      then();
    }, then);
  }
  return fontLoaded;
}

const widths = new Map();
let context = null;

/** The drawn width of ``text`` in pixels, as the label font sets it. */
function textWidthPx(text) {
  let width = widths.get(text);
  if (width === undefined) {
    context ??= document.createElement("canvas").getContext("2d");
    context.font = FONT;
    width = context.measureText(text).width;
    if (widths.size > 5000) widths.clear();
    widths.set(text, width);
  }
  return width;
}
