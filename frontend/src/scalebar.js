// The scale bar: a round length on the ground at the centre of the map, measured on the WGS84
// ellipsoid (GeographicLib) between the centre and a point a few pixels east of it. A Mercator
// map's scale grows with latitude (×2 at 60°), and a globe's shrinks away from its centre, so
// one bar is true only where it is measured: the bar says where ("at 48° N" on the flat map).

import { viewSize } from "./camera.js";
import { distanceM } from "./geodesy.js";

/** @typedef {import("./state.js").MapState} MapState */

const MAX_BAR_PX = 100;
// Far enough for a distance well above rounding, near enough to be local.
const PROBE_PX = 40;

/** The scale bar's element: a ruled line over its length. */
export function createScaleBar() {
  const element = document.createElement("div");
  element.className = "scalebar";
  element.hidden = true;
  const rule = document.createElement("div");
  rule.className = "rule";
  const label = document.createElement("div");
  label.className = "label";
  element.append(rule, label);
  return element;
}

/**
 * Show the scale at the centre of the view ``map.viewState`` (hidden when it has none).
 * @param {MapState} map
 */
export function updateScaleBar(map) {
  const element = map.scaleBar;
  const scale = map.view && map.viewState ? centreScale(map) : null;
  element.hidden = !scale;
  if (!scale) return;
  const { mPerPx, lat } = scale;
  const lengthM = roundLength(mPerPx * MAX_BAR_PX);
  const rule = /** @type {HTMLElement} */ (element.firstElementChild);
  const label = /** @type {HTMLElement} */ (element.lastElementChild);
  rule.style.width = `${Math.round(lengthM / mPerPx)}px`;
  const where =
    map.viewType === "globe"
      ? "at the centre"
      : `at ${Math.abs(lat).toFixed(0)}° ${lat >= 0 ? "N" : "S"}`;
  label.textContent = `${formatLength(lengthM)} ${where}`;
  element.title =
    map.viewType === "globe"
      ? "True at the centre of the globe; shorter towards its edge. Measured on the WGS84 ellipsoid."
      : `Mercator's scale grows with latitude: this bar is true along ${lat.toFixed(1)}° ` +
        "(the map's centre). Measured on the WGS84 ellipsoid.";
}

/** Metres per pixel eastwards at the centre of the view, and the centre's latitude. */
function centreScale(map) {
  const { width, height } = viewSize(map);
  // The viewport of the view state being set (deck.gl's own is a frame behind).
  const viewport = map.view.makeViewport({ width, height, viewState: map.viewState });
  const centre = viewport.unproject([width / 2, height / 2]);
  const east = viewport.unproject([width / 2 + PROBE_PX, height / 2]);
  if (![...(centre ?? []), ...(east ?? [])].every(Number.isFinite)) return null;
  const lat = Math.max(-90, Math.min(90, centre[1]));
  const metres = distanceM(lat, centre[0], Math.max(-90, Math.min(90, east[1])), east[0]);
  return metres > 0 ? { mPerPx: metres / PROBE_PX, lat } : null;
}

/** The largest 1, 2 or 5 × 10^k metres not above ``maxM``. */
export function roundLength(maxM) {
  const power = 10 ** Math.floor(Math.log10(maxM));
  const step = [5, 2, 1].find((s) => s * power <= maxM) ?? 1;
  return step * power;
}

/** "500 km", "2 km", "200 m". */
export function formatLength(lengthM) {
  return lengthM >= 1000 ? `${(lengthM / 1000).toLocaleString("en")} km` : `${lengthM} m`;
}
