// The map's keys. The map's canvas is its keyboard focus (a tab stop, and focused by a click or
// tap on it); the keys below work wherever the focus is in the map: on the canvas after a click
// on a site, on a toolbar button after a press of it. deck.gl's controller handles the canvas's
// own keys: arrows pan, + and - zoom, Shift+arrows rotate (on a flat map) or tilt.
//
//   Delete, Backspace  remove the selected site (not while typing in a coordinate)
//   Esc                leave adding, measuring or targeting, else deselect
//   Enter              while adding, measuring or targeting: the point at the map's centre, as
//                      a click
//   N, Shift+N         select the next, the previous site (so a site can be chosen by keyboard)

import { go, onMapClick, removeSelected } from "./interaction.js";
import { cancelMeasuring } from "./measure.js";

/** @typedef {import("./state.js").MapState} MapState */

export const KEYS_HELP =
  "Arrow keys pan, + and − zoom; N selects the next site, Delete removes it, Esc deselects. " +
  "While adding, measuring or picking a target, Enter picks the centre of the map.";

/**
 * Make the map's canvas focusable and handle the keys.
 * @param {MapState} map
 */
export function bindKeys(map) {
  const canvas = map.canvases[2];
  // deck.gl sets the same tab index when it starts; set here, the canvas can take the focus
  // (and the keys work) while deck.gl is still loading.
  canvas.tabIndex = 0;
  canvas.setAttribute("role", "application");
  canvas.setAttribute("aria-label", `Range map. ${KEYS_HELP}`);
  map.root.addEventListener("keydown", (event) => {
    if (handleKey(map, event, event.target === canvas)) {
      event.preventDefault();
      // Streamlit's own shortcuts listen on the page; a key the map used is not theirs.
      event.stopPropagation();
    }
  });
}

/**
 * Do what ``event``'s key asks; true when the map used it.
 * @param {MapState} map
 * @param {KeyboardEvent} event
 * @param {boolean} onCanvas whether the canvas has the focus
 */
function handleKey(map, event, onCanvas) {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  const typing = /** @type {HTMLElement} */ (event.target).tagName === "INPUT";
  switch (event.key) {
    case "Escape":
      if (cancelMeasuring(map)) return true;
      if (map.mode === "adding") return go(map, "stopAdding");
      if (map.mode === "targeting") return go(map, "stopTargeting");
      return !typing && map.selectedId !== null && go(map, "deselect", null);
    case "Delete":
    case "Backspace":
      return !typing && removeSelected(map);
    case "Enter":
      return onCanvas && pickCentre(map);
    case "n":
    case "N":
      return onCanvas && selectNext(map, event.shiftKey ? -1 : 1);
    default:
      return false;
  }
}

/** While adding, measuring or targeting, click the map's centre. */
function pickCentre(map) {
  if (!["adding", "measuring", "targeting"].includes(map.mode) || !map.viewState) return false;
  const { longitude, latitude } = map.viewState;
  onMapClick(map, { coordinate: [longitude, latitude], object: null });
  return true;
}

/** Select the site ``step`` places after the selected one (the first, if none). */
function selectNext(map, step) {
  const count = map.sites.length;
  if (!count) return false;
  const at = map.sites.findIndex((s) => s.id === map.selectedId);
  const next = at < 0 ? (step > 0 ? 0 : count - 1) : (at + step + count) % count;
  return go(map, "select", map.sites[next].id);
}
