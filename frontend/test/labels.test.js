// Unit tests of the label placement (node --test) on deck.gl's own viewports: ring labels on
// ring vertices, none on a globe's far side, names only zoomed in, long names cut at a word.
// The browser tests (tests/e2e/test_labels.py) check the drawn boxes in a real page.

import assert from "node:assert/strict";
import { test } from "node:test";
import { _GlobeView as GlobeView, MapView } from "@deck.gl/core";
import { circleVertices } from "../src/geodesy.js";
import { shownName, updateLabels } from "../src/labels.js";

// No canvas in node: every character 7.8 px wide, about the 13 px label font's average.
/** @type {any} */ (globalThis).document = {
  createElement: () => ({
    getContext: () => ({ measureText: (text) => ({ width: 7.8 * text.length }) }),
  }),
};

const SITES = [
  { id: "0", name: "Kapustin Yar test range (Kapustin Yar / Znamensk)", lat: 48.58, lon: 45.74 },
  { id: "1", name: "Mozdok", lat: 43.74, lon: 44.65 },
];
const RINGS = [480, 500, 2350, 5500].map((km) => ({
  radius_m: km * 1000,
  color: [0, 0, 0],
  short_label: `${km.toLocaleString("en-US")} km`,
}));

function mapAt(view, viewState) {
  const element = { clientWidth: 560, clientHeight: 520 };
  element.getBoundingClientRect = () => ({ left: 0, top: 0 });
  return /** @type {any} */ ({
    root: { querySelectorAll: () => [] },
    view,
    viewType: view instanceof GlobeView ? "globe" : "map",
    viewState,
    initialZoom: viewState.zoom,
    sites: SITES,
    rings: RINGS,
    style: null,
    tooltip: { parentElement: element },
    stats: {},
    labels: [],
    labelKey: null,
    labelInputs: [],
    labelAzimuths: new Map(),
  });
}

const vertices = new Map();
function verticesOf(site, radiusM) {
  const key = `${site.id}:${radiusM}`;
  if (!vertices.has(key)) vertices.set(key, circleVertices(site.lat, site.lon, radiusM, 1000));
  return vertices.get(key);
}

test("each ring label sits on a vertex of its ring, names only when zoomed in", () => {
  const map = mapAt(new MapView({ repeat: true }), { longitude: 45, latitude: 50, zoom: 1.6 });
  assert.equal(updateLabels(map, verticesOf), true);
  assert.deepEqual(
    map.labels.map((l) => l.text),
    RINGS.map((r) => r.short_label),
  );
  for (const label of map.labels) {
    const ring = RINGS.find((r) => r.short_label === label.text);
    const onRing = SITES.some((site) => {
      const v = verticesOf(site, ring.radius_m);
      return v.lon.some((lon, i) => lon === label.position[0] && v.lat[i] === label.position[1]);
    });
    assert.ok(onRing, label.text);
  }
  // The same camera again: nothing to place, the same rows.
  const rows = map.labels;
  map.viewState = { ...map.viewState };
  assert.equal(updateLabels(map, verticesOf), false);
  assert.equal(map.labels, rows);
  map.viewState = { longitude: 45, latitude: 46, zoom: 5 };
  updateLabels(map, verticesOf);
  const names = map.labels.filter((l) => l.kind === "name").map((l) => l.text);
  assert.deepEqual(names, ["Kapustin Yar test range…", "Mozdok"]);
});

test("a globe turned away from the sites draws no label on its far side", () => {
  const view = new GlobeView({ id: "globe" });
  const map = mapAt(view, { longitude: -100, latitude: 30, zoom: 0.5 });
  updateLabels(map, verticesOf);
  const r = Math.PI / 180;
  for (const { position, text } of map.labels) {
    const [lon, lat] = position;
    const cos =
      Math.sin(lat * r) * Math.sin(30 * r) +
      Math.cos(lat * r) * Math.cos(30 * r) * Math.cos((lon + 100) * r);
    assert.ok(cos > 0, `${text} at ${position} is on the far side`);
  }
  // Over the Atlantic the 5,500 km ring comes round to the near side, and is labelled there.
  map.viewState = { longitude: 0, latitude: 45, zoom: 0.5 };
  updateLabels(map, verticesOf);
  assert.ok(map.labels.some((l) => l.text === "5,500 km"));
});

test("a long name is cut after its last whole word", () => {
  assert.equal(shownName("  Mozdok "), "Mozdok");
  assert.equal(shownName("Kapustin Yar test range (Kapustin Yar)"), "Kapustin Yar test range…");
  assert.equal(shownName("A".repeat(40)), `${"A".repeat(27)}…`);
  assert.equal(Array.from(shownName("🚀".repeat(40))).length, 28);
});
