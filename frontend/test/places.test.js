// Unit tests of the place dots (node --test): rows from Python's columns, tooltip text, and
// which dots a globe shows.

import assert from "node:assert/strict";
import { test } from "node:test";
import { _GlobeView as GlobeView, MapView } from "@deck.gl/core";
import { nearSide, placeRows, placeTooltip } from "../src/places.js";

const COLUMNS = {
  lon: [30.5167, 37.6178],
  lat: [50.4333, 55.7558],
  capital: [0, 1],
  name: ["Kharkiv <b>", "Moscow"],
  country: [1, 0],
  countries: ["Russia", "Ukraine"],
  population: [1430885, 10452000],
  distance_km: [612.25, 1010.0],
  nearest: [1, 0],
  style: { city: [[90, 90, 90], 2.5], capital: [[86, 40, 120], 5] },
};
const SITES = ["Kapustin Yar", "Mozdok"];

test("rows keep the order sent and take colour and radius from their kind", () => {
  const rows = placeRows(COLUMNS);
  assert.deepEqual(
    rows.map((r) => [r.position, r.capital, r.color, r.radius, r.index]),
    [
      [[30.5167, 50.4333], false, [90, 90, 90], 2.5, 0],
      [[37.6178, 55.7558], true, [86, 40, 120], 5, 1],
    ],
  );
  assert.deepEqual(placeRows(null), []);
});

test("the tooltip names the place, its country and kind, distance, nearest site, population", () => {
  assert.equal(
    placeTooltip(COLUMNS, 0, SITES),
    "Kharkiv <b> (Ukraine, city)\n612.3 km from Mozdok\npopulation 1,430,885 (Natural Earth)",
  );
  assert.equal(
    placeTooltip(COLUMNS, 1, SITES),
    "Moscow (Russia, capital)\n1,010.0 km from Kapustin Yar\npopulation 10,452,000 (Natural Earth)",
  );
});

test("a globe shows the dots on its near side only", () => {
  const rows = placeRows({
    ...COLUMNS,
    lon: [45, -135, -100, 60],
    lat: [50, -50, 10, 20],
    capital: [0, 0, 0, 0],
    name: ["near", "antipode", "far side", "near, south"],
    country: [0, 0, 0, 0],
    population: [1, 1, 1, 1],
    distance_km: [1, 1, 1, 1],
    nearest: [0, 0, 0, 0],
  });
  const viewport = new GlobeView({ id: "globe" }).makeViewport({
    width: 800,
    height: 520,
    viewState: { longitude: 45, latitude: 50, zoom: 1.6 },
  });
  assert.deepEqual(
    nearSide(rows, viewport).map((r) => r.index),
    [0, 3],
  );
  // On a flat map every dot is where it is (no filter is applied there, but nothing breaks).
  const flat = new MapView({ id: "map" }).makeViewport({
    width: 800,
    height: 520,
    viewState: { longitude: 45, latitude: 50, zoom: 1.6 },
  });
  assert.equal(nearSide(rows, flat).length, 4);
});
