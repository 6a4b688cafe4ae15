// The map's interaction mode: one value, changed only by the named events of one table.
//
//   idle      nothing selected; a drag pans the map
//   selected  a site is selected (the toolbar edits it; Delete removes it)
//   adding    the next click on the map adds a site (the selection, if any, is kept)
//   dragging  a site follows the pointer; the map does not pan
//   measuring the next two clicks on the map are the ends of a geodesic to measure (Python
//             measures and draws it), or a press on the map starts measuring by drag; a drag
//             does not pan; Esc or the Measure button leaves
//   measureDragging  the pointer, pressed on the map, is the far end of a geodesic drawn live
//             from where it was pressed; the release measures it (as a second click), Esc
//             leaves without measuring
//   targeting the next click on the map is the target (Python answers with its card); Esc or
//             the Target button leaves (the selection, if any, is kept)
//
// To add a mode: name it in Mode, give it a row saying which events leave it (and to where),
// add the events that enter it to the rows of the modes it can be entered from, and make the
// effects (cursor, toolbar, layers) read `state.mode`. An event a mode's row does not name is
// ignored in that mode, so e.g. a drag cannot start while adding.

/**
 * @typedef {"idle" | "selected" | "adding" | "dragging" | "measuring" | "measureDragging"
 *   | "targeting"} Mode
 */

/**
 * @typedef {"select" | "deselect" | "startAdding" | "stopAdding" | "startDrag" | "endDrag"
 *   | "startMeasuring" | "stopMeasuring" | "startMeasureDrag" | "endMeasureDrag"
 *   | "startTargeting" | "stopTargeting"} ModeEvent
 */

// Where an event leads: a mode, or `SELECTION`: "selected" if a site is selected, else "idle".
const SELECTION = "selection";

/** @type {Record<Mode, Partial<Record<ModeEvent, Mode | typeof SELECTION>>>} */
const TRANSITIONS = {
  idle: {
    select: "selected",
    deselect: "idle",
    startAdding: "adding",
    startDrag: "dragging",
    startMeasuring: "measuring",
    startTargeting: "targeting",
  },
  selected: {
    select: "selected",
    deselect: "idle",
    startAdding: "adding",
    startDrag: "dragging",
    startMeasuring: "measuring",
    startTargeting: "targeting",
  },
  adding: { stopAdding: SELECTION, deselect: "adding" },
  dragging: { endDrag: SELECTION },
  measuring: {
    stopMeasuring: SELECTION,
    deselect: "measuring",
    startMeasureDrag: "measureDragging",
  },
  measureDragging: { endMeasureDrag: SELECTION, stopMeasuring: SELECTION },
  targeting: { stopTargeting: SELECTION, deselect: "targeting" },
};

/**
 * The mode ``event`` leads to from ``mode``, or null when ``mode`` ignores it.
 * @param {Mode} mode
 * @param {ModeEvent} event
 * @param {boolean} hasSelection whether a site is selected once the event is handled
 * @returns {Mode | null}
 */
export function nextMode(mode, event, hasSelection) {
  const target = TRANSITIONS[mode][event];
  if (target === undefined) return null;
  if (target === SELECTION) return hasSelection ? "selected" : "idle";
  return target;
}
