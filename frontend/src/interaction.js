// What the user does on the map: select, drag, add and remove sites (pointer, touch, toolbar
// and keys), pick a target, the tooltip, and the edits sent to Python. Every change of mode goes through
// go() and the table in mode.js.

import { sendEdit } from "./contract.js";
import { clickedPosition, normaliseLon, wrapLon } from "./geodesy.js";
import { redraw } from "./layers.js";
import { nextMode } from "./mode.js";
import { placeTooltip } from "./places.js";
import { selectedSite } from "./state.js";
import { refreshToolbar } from "./toolbar.js";

/**
 * @typedef {import("./state.js").MapState} MapState
 * @typedef {import("./mode.js").ModeEvent} ModeEvent
 */

/** @type {import("./mode.js").Mode[]} */
const MEASURING = ["measuring", "measureDragging"];
/** The modes in which a click on the map picks a point. @type {import("./mode.js").Mode[]} */
const POINTING = ["adding", "targeting", ...MEASURING];

/**
 * Handle ``event`` in the current mode, selecting ``selectedId`` (unchanged if not given), and
 * show the result unless ``show`` is false (the caller draws); false, and nothing changed, when
 * the mode ignores the event.
 * @param {MapState} map
 * @param {ModeEvent} event
 * @param {string | null} [selectedId]
 */
export function go(map, event, selectedId = map.selectedId, show = true) {
  const mode = nextMode(map.mode, event, selectedId !== null);
  if (mode === null) return false;
  const wasMeasuring = MEASURING.includes(map.mode);
  map.mode = mode;
  // While measuring a drag on the map is a measure (measure.js), not a pan.
  if (wasMeasuring !== MEASURING.includes(mode)) {
    map.deck?.setProps({ controller: wasMeasuring ? true : { dragPan: false } });
  }
  map.selectedId = selectedId;
  if (show) {
    refreshToolbar(map);
    redraw(map);
  }
  return true;
}

/** Wire the toolbar's controls (keyboard.js the keys). */
export function bindControls(map) {
  const { bar } = map;
  bar.add.addEventListener("click", () => {
    if (!go(map, "startAdding")) go(map, "stopAdding");
  });
  bar.measure.addEventListener("click", () => {
    if (!go(map, "startMeasuring")) stopMeasuring(map);
  });
  bar.target.addEventListener("click", () => {
    if (!go(map, "startTargeting")) go(map, "stopTargeting");
  });
  bar.remove.addEventListener("click", () => removeSelected(map));
  bar.form.addEventListener("submit", (event) => {
    event.preventDefault();
    moveSelectedTo(map, Number(bar.lat.value), Number(bar.lon.value));
  });
}

/** The sites layer's event handlers (layers.js). */
export function siteEvents(map) {
  return {
    onDragStart: (info) => info.object && startDrag(map, info.object.id),
    onDrag: (info) => dragTo(map, info.coordinate),
    onDragEnd: (info) => endDrag(map, info.coordinate),
    onClick: (info) => Boolean(info.object) && go(map, "select", info.object.id),
  };
}

/** The mouse cursor over the map (deck.gl's getCursor). */
export function cursor(map, { isHovering, isDragging }) {
  if (POINTING.includes(map.mode)) return "crosshair";
  if (map.mode === "dragging" || isDragging) return "grabbing";
  return isHovering ? "grab" : "default";
}

/** Start dragging site ``id``; false when the mode does not allow it (e.g. while adding). */
export function startDrag(map, id) {
  const site = map.sites.find((s) => s.id === id);
  if (!site || nextMode(map.mode, "startDrag", true) === null) return false;
  showTooltip(map, null);
  map.dragFrom = [site.lat, site.lon];
  // The map must not pan while a site is dragged.
  map.deck.setProps({ controller: { dragPan: false } });
  return go(map, "startDrag", id);
}

/** Move the dragged site to ``coordinate`` ([lon, lat], as deck.gl reports it). */
export function dragTo(map, coordinate) {
  if (map.mode !== "dragging" || !coordinate) return false;
  const lon = normaliseLon(coordinate[0]);
  const lat = coordinate[1];
  if (lon === null || !(Math.abs(lat) <= 90)) return true;
  const site = selectedSite(map);
  site.lon = lon;
  site.lat = lat;
  map.sites = [...map.sites];
  refreshToolbar(map);
  redraw(map);
  return true;
}

/** Drop the dragged site at ``coordinate`` (where it is, if none) and send the move. */
export function endDrag(map, coordinate) {
  if (map.mode !== "dragging") return false;
  dragTo(map, coordinate);
  const site = selectedSite(map);
  const from = map.dragFrom;
  stopDragging(map);
  if (site.lat !== from[0] || site.lon !== from[1]) {
    sendEdit(map, { action: "move", id: site.id, lat: site.lat, lon: site.lon, from });
  }
  return true;
}

/** Put the dragged site back where the drag began and end the drag, sending nothing. */
export function cancelDrag(map) {
  if (map.mode !== "dragging") return false;
  const site = selectedSite(map);
  [site.lat, site.lon] = map.dragFrom;
  map.sites = [...map.sites];
  stopDragging(map);
  return true;
}

/** End a drag without sending anything; ``show``: as for go(). */
export function stopDragging(map, show = true) {
  if (map.mode !== "dragging") return;
  map.deck.setProps({ controller: true });
  map.dragFrom = null;
  go(map, "endDrag", map.selectedId, show);
}

/** Leave measuring, forgetting a first point (nothing is sent); false when not measuring. */
export function stopMeasuring(map) {
  map.measureFrom = null;
  return go(map, "stopMeasuring");
}

/** A click while measuring: the first point, or the second, which sends the measure. */
function measureClick(map, info) {
  const point = clickedPosition(info.coordinate);
  if (!point) return;
  const [lat, lon] = point;
  if (!map.measureFrom) {
    map.measureFrom = [lat, lon];
    refreshToolbar(map);
    return;
  }
  const from = map.measureFrom;
  stopMeasuring(map);
  sendEdit(map, { action: "measure", id: null, lat, lon, from });
}

/**
 * A click on the map (not handled by the sites layer): add a site there, measure, pick the
 * target, or deselect.
 */
export function onMapClick(map, info) {
  if (map.mode === "measuring") {
    measureClick(map, info);
    return;
  }
  const action = { adding: "add", targeting: "target" }[map.mode];
  if (!action) {
    if (!info.object) go(map, "deselect", null);
    return;
  }
  const point = clickedPosition(info.coordinate);
  if (!point) return;
  const [lat, lon] = point;
  go(map, action === "add" ? "stopAdding" : "stopTargeting");
  sendEdit(map, { action, id: null, lat, lon, from: null });
}

function moveSelectedTo(map, lat, lon) {
  const site = selectedSite(map);
  if (!site) return;
  // Python validates the numbers and says what is wrong with them.
  lon = Number.isFinite(lon) ? wrapLon(lon) : lon;
  sendEdit(map, { action: "move", id: site.id, lat, lon, from: [site.lat, site.lon] });
}

/** Send the removal of the selected site; false when none is selected. */
export function removeSelected(map) {
  const site = selectedSite(map);
  if (!site) return false;
  /** @type {[number, number]} */
  const from = [site.lat, site.lon];
  sendEdit(map, { action: "remove", id: site.id, lat: site.lat, lon: site.lon, from });
  // Ids are indexes: the next site takes this one's, and must not look selected.
  go(map, "deselect", null);
  return true;
}

function tooltipText(map, info) {
  if (!info?.object) return null;
  if (info.layer && info.layer.id === "places") {
    return placeTooltip(
      map.places,
      info.object.index,
      map.sites.map((s) => s.name),
    );
  }
  return info.object.tooltip;
}

/** Show the tooltip of what deck.gl's ``info`` points at (none while dragging, or for null). */
export function showTooltip(map, info) {
  const text = map.mode === "dragging" ? null : tooltipText(map, info);
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
