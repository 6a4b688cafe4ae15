// The map's contract, the browser's side (node --test), against the example both sides share
// (tests/fixtures/deckmap-contract.json; tests/test_deckmap_contract.py holds Python to it):
// the map reads the example's data as it is, and the edits it sends have the example's shape.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { answerPendingEdit } from "../src/contract.js";
import { loadDeckGl } from "../src/gl.js";
import { bindControls, dragTo, endDrag, go, onMapClick, startDrag } from "../src/interaction.js";
import { bindKeys } from "../src/keyboard.js";
import { ringRows } from "../src/layers.js";
import { placeRows, placeTooltip } from "../src/places.js";
import { createState } from "../src/state.js";

// No page in node: the labels' font counts as loaded (labels.js labelFontLoaded).
/** @type {any} */ (globalThis).document = { fonts: { check: () => true } };

const EXAMPLE = JSON.parse(
  readFileSync(new URL("../../tests/fixtures/deckmap-contract.json", import.meta.url), "utf8"),
);
const { data } = EXAMPLE;

/** A map state around stand-ins for its elements and Decks, its edits collected in ``sent``. */
function mapWithData(sent) {
  /** @type {() => any} */
  const element = () =>
    Object.assign(new EventTarget(), { setAttribute() {}, style: {}, dataset: {} });
  const bar = { element: element(), add: element(), name: element(), form: element() };
  Object.assign(bar, { lat: element(), lon: element(), move: element(), remove: element() });
  Object.assign(bar, { measure: element(), target: element() });
  bar.element.getRootNode = () => ({ activeElement: null });
  const canvases = [element(), element(), element()];
  const elements = { root: element(), bar, canvases, previewCanvas: element() };
  Object.assign(elements, { statusLine: element(), tooltip: element() });
  const map = createState(/** @type {any} */ (elements), new Map(), "");
  const deck = () => ({ setProps() {} });
  Object.assign(map, { deck: deck(), fillsDeck: deck(), baseDeck: deck() });
  const setTriggerValue = (name, edit) => void sent.push([name, edit]);
  map.component = /** @type {any} */ ({ data, setTriggerValue });
  map.sites = data.sites.map((s) => ({ ...s }));
  map.rings = data.rings;
  map.style = data.style;
  map.toleranceM = data.tolerance_m;
  map.viewType = data.view;
  map.initialZoom = data.initial_view.zoom;
  return map;
}

/** Whether two JSON values are equal, numbers to within 1e-9. */
function close(a, b) {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => close(x, b[i]));
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => close(a[k], b[k]));
  }
  return a === b;
}

/** The JSON type of each field: the shape Python's MapEdit checks. */
function shape(edit) {
  return Object.fromEntries(
    Object.entries(edit)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => [
        key,
        Array.isArray(value) ? `array of ${value.length}` : value === null ? "null" : typeof value,
      ]),
  );
}

test("the map reads the example's sites, rings and places", () => {
  const map = mapWithData([]);
  const rows = ringRows(map, map.sites, 0);
  // Every ring of every site, the one by the date line cut in two on the flat map.
  assert.ok(rows.length > map.sites.length * map.rings.length);
  for (const row of rows) {
    assert.ok(
      row.path.length > 2 &&
        row.path.every(([lon, lat]) => Math.abs(lon) <= 180 && Math.abs(lat) <= 90),
    );
    assert.ok(data.rings.some((ring) => ring.color === row.color));
  }
  const places = placeRows(data.places);
  assert.deepEqual(
    places.map((row) => [row.position, row.capital, row.color]),
    [
      [[44.5, 48.71], false, data.places.style.city[0]],
      [[30.52, 50.45], true, data.places.style.capital[0]],
    ],
  );
  const tooltip = placeTooltip(
    data.places,
    1,
    map.sites.map((s) => s.name),
  );
  assert.match(tooltip, /^Kiev \(Ukraine, capital\)\n1,104\.5 km from Kapustin Yar\n/);
});

/** Python's answer to the edit in flight, so that the map sends the next (one at a time). */
function answer(map) {
  answerPendingEdit(map, {
    ...EXAMPLE.data,
    session: map.session,
    edit_key: map.pendingEdit.edit.key,
  });
}

test("the edits the map sends have the example's shape", async () => {
  await loadDeckGl(new URL("../src/deckgl.js", import.meta.url).href);
  const sent = [];
  const map = mapWithData(sent);
  bindControls(map);
  bindKeys(map);
  // Drag the first site to where the example's move goes.
  const move = EXAMPLE.edits.find((edit) => edit.action === "move");
  assert.ok(startDrag(map, move.id));
  dragTo(map, [move.lon, move.lat]);
  endDrag(map, null);
  answer(map);
  // Add a site by clicking the map.
  const add = EXAMPLE.edits.find((edit) => edit.action === "add");
  assert.ok(go(map, "startAdding"));
  onMapClick(map, { coordinate: [add.lon, add.lat] });
  answer(map);
  // Remove the selected site with the Delete key.
  const remove = EXAMPLE.edits.find((edit) => edit.action === "remove");
  go(map, "select", remove.id);
  map.root.dispatchEvent(Object.assign(new Event("keydown"), { key: "Delete" }));
  answer(map);
  // Measure between two clicks on the map.
  const measure = EXAMPLE.edits.find((edit) => edit.action === "measure");
  assert.ok(go(map, "startMeasuring"));
  onMapClick(map, { coordinate: [measure.from[1], measure.from[0]] });
  onMapClick(map, { coordinate: [measure.lon, measure.lat] });
  answer(map);
  // Pick the target with the Target button and a click on the map (a world copy's longitude).
  const target = EXAMPLE.edits.find((edit) => edit.action === "target");
  map.bar.target.dispatchEvent(new Event("click"));
  assert.equal(map.mode, "targeting");
  onMapClick(map, { coordinate: [target.lon - 360, target.lat] });
  assert.notEqual(map.mode, "targeting");

  const examples = [move, add, remove, measure, target];
  assert.deepEqual(
    sent.map(([name]) => name),
    examples.map(() => "edit"),
  );
  for (const [[, edit], example] of sent.map((s, i) => [s, examples[i]])) {
    assert.deepEqual(shape(edit), shape(example));
    // The same edit, up to the rounding of wrapping longitudes into [-180, 180).
    // Each edit's key is its own (the example's is one such key).
    const keyed = { ...edit, key: example.key };
    assert.ok(close(keyed, example), `${JSON.stringify(edit)} vs ${JSON.stringify(example)}`);
  }
});
