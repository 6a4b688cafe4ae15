// The 2D preview's projection (node --test) against deck.gl's own, which draws the map after it.

import assert from "node:assert/strict";
import { test } from "node:test";
import { WebMercatorViewport } from "@deck.gl/core";
import { projector } from "../src/preview.js";

test("the preview puts points where deck.gl does, poles and ±180° included", () => {
  const viewState = { longitude: 45, latitude: 50, zoom: 1.6 };
  const [width, height] = [554, 524];
  const project = projector(viewState, width, height);
  const deck = new WebMercatorViewport({ ...viewState, width, height });
  for (const point of [
    [45, 50],
    [0, 90],
    [-170, -90],
    [180, 89.9],
    [-180, -45],
    [12.5, 41.9],
  ]) {
    const [x, y] = project(...point);
    const [deckX, deckY] = deck.project(point);
    assert.ok(Number.isFinite(x) && Number.isFinite(y), `${point}`);
    assert.ok(Math.hypot(x - deckX, y - deckY) < 1e-6, `${point}: ${[x, y]} vs ${[deckX, deckY]}`);
  }
});
