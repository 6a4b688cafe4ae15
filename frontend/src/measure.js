// Measuring by drag: in mode "measuring", a press on the map starts a geodesic that follows the
// pointer, drawn live with its length and azimuths (geodesy.js, GeographicLib); the release
// sends it to Python as a measure, as a second click does, and Python measures and draws it.
// Esc (keyboard.js) leaves without sending. The map does not pan while measuring, so a drag is
// a measure.

import { sendEdit } from "./contract.js";
import { clickedPosition as position } from "./geodesy.js";
import { go, stopMeasuring } from "./interaction.js";
import { redraw } from "./layers.js";
import { refreshToolbar } from "./toolbar.js";

/** @typedef {import("./state.js").MapState} MapState */

/**
 * Where the pointer was pressed, [lon, lat]: deck.gl starts a drag once the pointer has moved
 * a few pixels, and reports where it is by then.
 */
function pressedAt(info, event) {
  const [dx, dy] = [event?.deltaX ?? 0, event?.deltaY ?? 0];
  return info.viewport?.unproject([info.x - dx, info.y - dy]) ?? info.coordinate;
}

/** The top Deck's drag handlers (decks.js); each is true when it handled the event. */
export function measureDragEvents(map) {
  return {
    onDragStart: (info, event) => startMeasureDrag(map, pressedAt(info, event)),
    onDrag: (info) => measureDragTo(map, info.coordinate),
    onDragEnd: (info) => endMeasureDrag(map, info.coordinate),
  };
}

/** Start a measure at ``coordinate``; false unless measuring (and on the map). */
export function startMeasureDrag(map, coordinate) {
  const from = position(coordinate);
  if (map.mode !== "measuring" || !from) return false;
  map.measureFrom = from;
  map.measureTo = from;
  return go(map, "startMeasureDrag");
}

/** Move the measure's far end to ``coordinate``. */
export function measureDragTo(map, coordinate) {
  if (map.mode !== "measureDragging") return false;
  const to = position(coordinate);
  if (!to) return true;
  map.measureTo = to;
  refreshToolbar(map);
  redraw(map);
  return true;
}

/** Release: send the measure from the press to ``coordinate`` (where the end is, if none). */
export function endMeasureDrag(map, coordinate) {
  if (map.mode !== "measureDragging") return false;
  const [lat, lon] = position(coordinate) ?? map.measureTo;
  const from = map.measureFrom;
  map.measureFrom = null;
  map.measureTo = null;
  go(map, "endMeasureDrag");
  sendEdit(map, { action: "measure", id: null, lat, lon, from });
  return true;
}

/** Leave measuring (Esc, the Measure button), mid-drag too; false when not measuring. */
export function cancelMeasuring(map) {
  if (map.mode !== "measuring" && map.mode !== "measureDragging") return false;
  map.measureTo = null;
  return stopMeasuring(map);
}
