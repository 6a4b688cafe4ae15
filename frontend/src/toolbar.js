// The toolbar over the map: "+ Add site", "Measure", "Target", the selected site's name, its coordinates (editable,
// "Move" sends them) and "Remove". What it shows follows the state (refreshToolbar); what its
// controls do is wired in interaction.js.

import { draggedMeasure, selectedSite } from "./state.js";

// Lengths as Python writes them in the measure's message ("1,234.5").
const KM = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * @typedef {object} Toolbar
 * @property {HTMLElement} element
 * @property {HTMLButtonElement} add
 * @property {HTMLButtonElement} measure
 * @property {HTMLButtonElement} target
 * @property {HTMLElement} name the selected site's name, or a hint
 * @property {HTMLFormElement} form
 * @property {HTMLInputElement} lat
 * @property {HTMLInputElement} lon
 * @property {HTMLButtonElement} move
 * @property {HTMLButtonElement} remove
 */

/** @returns {Toolbar} */
export function createToolbar() {
  const element = document.createElement("div");
  element.className = "bar";
  const add = button(
    "+ Add site",
    "Then click the map where the new site goes (or press Enter on the map: its centre)",
  );
  add.setAttribute("aria-pressed", "false");
  const measure = button(
    "Measure",
    "Click two points: the geodesic between them, its length " + "and azimuths (Esc cancels)",
  );
  measure.setAttribute("aria-pressed", "false");
  const target = button(
    "Target",
    "Then click the map at the target: its distance from every site and which rings and " +
      "systems reach it (Esc cancels)",
  );
  target.setAttribute("aria-pressed", "false");
  const name = document.createElement("span");
  name.className = "hint";
  const form = document.createElement("form");
  form.style.display = "contents";
  const lat = coordinateInput("Lat °N", -90, 90);
  const lon = coordinateInput("Lon °E", -180, 180);
  const move = button("Move", "Move the selected site to these coordinates");
  move.type = "submit";
  form.append(lat, lon, move);
  const remove = button("Remove", "Remove the selected site (Delete key)");
  // The selected site's controls, one group: on a narrow map it takes a row of its own.
  const edit = document.createElement("div");
  edit.className = "edit";
  edit.append(form, remove);
  element.append(add, measure, target, name, edit);
  return { element, add, measure, target, name, form, lat, lon, move, remove };
}

function button(text, title) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  b.title = title;
  return b;
}

function coordinateInput(label, min, max) {
  const input = document.createElement("input");
  input.type = "number";
  input.step = "any";
  input.min = String(min);
  input.max = String(max);
  input.required = true;
  input.setAttribute("aria-label", label);
  input.placeholder = label;
  return input;
}

/**
 * Show the state: the add button pressed while adding; the selected site's name and
 * coordinates (unless the user is typing in them), its controls enabled only then.
 * @param {import("./state.js").MapState} map
 */
export function refreshToolbar(map) {
  const { bar } = map;
  // The map's style follows the mode (the crosshair of keyboard adding).
  map.root.dataset.mode = map.mode;
  const adding = map.mode === "adding";
  bar.add.setAttribute("aria-pressed", String(adding));
  bar.add.textContent = adding ? "Click the map… (Esc cancels)" : "+ Add site";
  const measuring = map.mode === "measuring" || map.mode === "measureDragging";
  bar.measure.setAttribute("aria-pressed", String(measuring));
  const line = draggedMeasure(map);
  bar.measure.textContent = line
    ? `${KM.format(line.lengthM / 1000)} km, azimuths ${line.azimuthADeg.toFixed(1)}° and ` +
      `${line.azimuthBDeg.toFixed(1)}°: release to measure (Esc cancels)`
    : !measuring
      ? "Measure"
      : // As short as the add button's prompt: the bar's rows have one height on a phone.
        map.measureFrom
        ? "Click a second point (Esc)"
        : "Click or drag (Esc cancels)";
  const targeting = map.mode === "targeting";
  bar.target.setAttribute("aria-pressed", String(targeting));
  bar.target.textContent = targeting ? "Click the target (Esc)" : "Target";
  const site = selectedSite(map);
  bar.name.textContent = site ? site.name : "Drag a site, or click one to edit it.";
  for (const control of [bar.lat, bar.lon, bar.move, bar.remove]) control.disabled = !site;
  const focused = /** @type {Document | ShadowRoot} */ (bar.element.getRootNode()).activeElement;
  if (site && bar.lat !== focused && bar.lon !== focused) {
    bar.lat.value = site.lat.toFixed(4);
    bar.lon.value = site.lon.toFixed(4);
  }
  if (!site) {
    bar.lat.value = "";
    bar.lon.value = "";
  }
}
