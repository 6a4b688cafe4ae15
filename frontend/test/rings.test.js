// The browser's rings against Python's (node --test): tests/fixtures/rings.json, written from
// geo/rings.py and geo/dateline.py by scripts/make_rings_fixture.py, at every drawing
// tolerance, round the poles where the 45° edge rule fires, across ±180° and on the globe.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { circleVertices, globePath, ringPaths, screenToleranceM, wrapLon } from "../src/geodesy.js";

const FIXTURE = JSON.parse(
  readFileSync(new URL("../../tests/fixtures/rings.json", import.meta.url), "utf8"),
);
// The fixture's ten-thousandth of a millimetre, and float noise.
const DEG = 2e-9;

/** ``actual`` equals ``expected`` to within DEG; ``lon``: numbers are longitudes (±180° alike). */
function near(actual, expected, what, lon = false) {
  assert.equal(actual.length, expected.length, `${what}: ${actual.length} vs ${expected.length}`);
  actual.forEach((value, i) => {
    if (Array.isArray(value)) {
      near(value, expected[i], `${what}[${i}]`, lon);
    } else {
      const apart = lon ? wrapLon(value - expected[i]) : value - expected[i];
      assert.ok(Math.abs(apart) <= DEG, `${what}[${i}]: ${value} vs ${expected[i]}`);
    }
  });
}

const label = (c) => `(${c.lat}, ${c.lon}) ${c.radius_m} m at ${c.tolerance_m} m`;

test("the browser places Python's vertices, at every tolerance it draws with", () => {
  for (const c of FIXTURE.rings) {
    const ring = circleVertices(c.lat, c.lon, c.radius_m, c.tolerance_m);
    near(ring.az, c.az, `${label(c)} az`);
    near(ring.lon, c.lon_deg, `${label(c)} lon`, true);
    near(ring.lat, c.lat_deg, `${label(c)} lat`);
  }
});

test("the fixture holds rings where the 45° edge rule fires, at every drawing tolerance", () => {
  const fires = FIXTURE.rings.filter((c) => c.edge_rule_fires);
  assert.deepEqual(
    [...new Set(fires.map((c) => c.tolerance_m))].sort((a, b) => a - b),
    FIXTURE.draw_tolerances_m,
  );
});

test("every tolerance the map draws with is in the fixture", () => {
  // deck.gl's controller keeps the zoom within [0, 20].
  for (let zoom = 0; zoom <= 20; zoom += 0.25) {
    const toleranceM = screenToleranceM(zoom, FIXTURE.draw_tolerances_m[0]);
    assert.ok(FIXTURE.draw_tolerances_m.includes(toleranceM), `zoom ${zoom}: ${toleranceM} m`);
  }
});

test("flat-map paths and globe paths are Python's", () => {
  const shaped = FIXTURE.rings.filter((c) => c.paths);
  assert.ok(
    shaped.some((c) => c.paths.length > 1),
    "a ring cut at ±180°",
  );
  for (const c of shaped) {
    near(ringPaths(c.lon_deg, c.lat_deg), c.paths, `${label(c)} paths`);
    near(globePath(c.lon_deg, c.lat_deg), c.globe, `${label(c)} globe`);
  }
});

test("longitudes wrap as Python wraps them", () => {
  for (const [lonDeg, wrapped] of FIXTURE.wrap_deg) {
    assert.ok(Math.abs(wrapLon(lonDeg) - wrapped) < 1e-12, `${lonDeg}: ${wrapLon(lonDeg)}`);
  }
});
