// The interaction mode's transitions (node --test): what each mode allows, and where it leads.

import assert from "node:assert/strict";
import { test } from "node:test";
import { nextMode } from "../src/mode.js";

test("a site is selected, dragged and dropped, staying selected", () => {
  assert.equal(nextMode("idle", "select", true), "selected");
  assert.equal(nextMode("selected", "startDrag", true), "dragging");
  assert.equal(nextMode("dragging", "endDrag", true), "selected");
  assert.equal(nextMode("selected", "deselect", false), "idle");
});

test("adding keeps the selection and returns to it", () => {
  assert.equal(nextMode("selected", "startAdding", true), "adding");
  assert.equal(nextMode("adding", "stopAdding", true), "selected");
  assert.equal(nextMode("idle", "startAdding", false), "adding");
  assert.equal(nextMode("adding", "stopAdding", false), "idle");
  // A site removed meanwhile is deselected; the map still waits for the click.
  assert.equal(nextMode("adding", "deselect", false), "adding");
});

test("no drag starts and nothing is selected while adding, and no mode changes mid-drag", () => {
  assert.equal(nextMode("adding", "startDrag", true), null);
  assert.equal(nextMode("adding", "select", true), null);
  assert.equal(nextMode("dragging", "startAdding", true), null);
  assert.equal(nextMode("dragging", "select", true), null);
  assert.equal(nextMode("dragging", "deselect", false), null);
});

test("measuring is left only by its own event", () => {
  assert.equal(nextMode("idle", "startMeasuring", false), "measuring");
  assert.equal(nextMode("measuring", "startDrag", true), null);
  assert.equal(nextMode("measuring", "stopMeasuring", false), "idle");
});

test("a drag measures from measuring only, and its release or Esc leaves measuring", () => {
  assert.equal(nextMode("measuring", "startMeasureDrag", false), "measureDragging");
  assert.equal(nextMode("idle", "startMeasureDrag", false), null);
  assert.equal(nextMode("selected", "startMeasureDrag", true), null);
  assert.equal(nextMode("measureDragging", "endMeasureDrag", true), "selected");
  assert.equal(nextMode("measureDragging", "stopMeasuring", false), "idle");
  // Nothing else happens mid-drag: no site is dragged, selected or added.
  /** @type {import("../src/mode.js").ModeEvent[]} */
  const others = ["startDrag", "select", "deselect", "startAdding", "startMeasuring"];
  for (const event of others) {
    assert.equal(nextMode("measureDragging", event, true), null);
  }
});

test("targeting keeps the selection, waits for its click, and is left only by its own event", () => {
  assert.equal(nextMode("idle", "startTargeting", false), "targeting");
  assert.equal(nextMode("selected", "startTargeting", true), "targeting");
  assert.equal(nextMode("targeting", "stopTargeting", true), "selected");
  assert.equal(nextMode("targeting", "stopTargeting", false), "idle");
  // A site removed meanwhile is deselected; the map still waits for the click.
  assert.equal(nextMode("targeting", "deselect", false), "targeting");
  /** @type {import("../src/mode.js").ModeEvent[]} */
  const others = ["startDrag", "select", "startAdding", "startMeasuring", "startMeasureDrag"];
  for (const event of others) assert.equal(nextMode("targeting", event, true), null);
  for (const mode of /** @type {const} */ (["adding", "dragging", "measuring"])) {
    assert.equal(nextMode(mode, "startTargeting", true), null);
  }
});
