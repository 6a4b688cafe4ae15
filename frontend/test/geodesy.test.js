// Unit tests of the browser's geodesy (node --test): preview rings and longitude handling.

import assert from "node:assert/strict";
import { test } from "node:test";
import geodesic from "geographiclib-geodesic";
import {
  circleVertices,
  geodesicLine,
  globePath,
  normaliseLon,
  ringPaths,
  screenToleranceM,
  wrapLon,
} from "../src/geodesy.js";

const GEOD = geodesic.Geodesic.WGS84;

function distanceM(lat1, lon1, lat2, lon2) {
  return GEOD.Inverse(lat1, lon1, lat2, lon2).s12;
}

test("longitudes of world copies are normalised into [-180, 180)", () => {
  assert.equal(normaliseLon(-358), 2);
  assert.equal(normaliseLon(362), 2);
  assert.equal(normaliseLon(180), -180);
  assert.equal(normaliseLon(-180), -180);
  assert.equal(normaliseLon(45.5), 45.5);
  assert.equal(normaliseLon(-725.25), -5.25);
  assert.equal(normaliseLon(Number.NaN), null);
  assert.equal(normaliseLon(Number.POSITIVE_INFINITY), null);
  assert.equal(normaliseLon("12"), null);
});

test("every ring vertex is at the radius, counter-clockwise", () => {
  for (const [lat, lon, radiusM] of [
    [48.58, 45.74, 480e3],
    [48.58, 45.74, 5500e3],
    [89.9, 0, 1000e3],
    [-60, 179.9, 5500e3],
    [0, 0, 15000e3],
    [0, 90, 20000e3], // past the cut locus: a geodesic along 90° ends 16.9 km short
    [45, 10, 20003e3],
  ]) {
    const ring = circleVertices(lat, lon, radiusM, 100);
    for (let i = 0; i < ring.az.length; i++) {
      assert.ok(Math.abs(distanceM(lat, lon, ring.lat[i], ring.lon[i]) - radiusM) < 1e-3);
      if (i > 0) assert.ok(ring.az[i] < ring.az[i - 1], "azimuths decrease");
    }
  }
});

test("lon/lat chords stay within the tolerance of the circle", () => {
  for (const [lat, lon, radiusM, tolM] of [
    [48.58, 45.74, 500e3, 100],
    [56.85, 62.71, 5500e3, 100],
    [85, -120, 2000e3, 10],
  ]) {
    const ring = circleVertices(lat, lon, radiusM, tolM);
    let worstM = 0;
    const n = ring.az.length;
    for (let i = 0; i < n; i++) {
      const k = (i + 1) % n;
      const dlon = wrapLon(ring.lon[k] - ring.lon[i]);
      for (let t = 0.125; t < 1; t += 0.125) {
        const p = [ring.lat[i] + t * (ring.lat[k] - ring.lat[i]), wrapLon(ring.lon[i] + t * dlon)];
        worstM = Math.max(worstM, Math.abs(distanceM(lat, lon, p[0], p[1]) - radiusM));
      }
    }
    assert.ok(worstM <= tolM, `worst chord error ${worstM} m > ${tolM} m`);
  }
});

test("a pole-enclosing ring across ±180° draws as paths that never jump the map", () => {
  const ring = circleVertices(56.85, 62.71, 5500e3, 100);
  const paths = ringPaths(ring.lon, ring.lat);
  let points = 0;
  for (const path of paths) {
    for (let i = 0; i < path.length; i++) {
      const [lon, lat] = path[i];
      assert.ok(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90);
      if (i > 0) assert.ok(Math.abs(lon - path[i - 1][0]) < 180, "no segment jumps across the map");
    }
    points += path.length;
  }
  assert.equal(paths.length, 1, "cut once at ±180° and joined across the ring's start");
  assert.equal(points, ring.az.length + 2, "two cut points added, closing vertex dropped");
  const ends = [paths[0][0][0], paths[0].at(-1)[0]].map(Math.abs);
  assert.deepEqual(ends, [180, 180]);
});

test("a ring inside the map is one closed path", () => {
  const ring = circleVertices(48.58, 45.74, 500e3, 100);
  const [path, ...rest] = ringPaths(ring.lon, ring.lat);
  assert.equal(rest.length, 0);
  assert.deepEqual(path[0], path.at(-1));
});

test("the globe path is continuous in longitude and closes one turn around the pole", () => {
  const ring = circleVertices(56.85, 62.71, 5500e3, 100);
  const path = globePath(ring.lon, ring.lat);
  for (let i = 1; i < path.length; i++) assert.ok(Math.abs(path[i][0] - path[i - 1][0]) < 180);
  assert.equal(Math.abs(Math.round((path.at(-1)[0] - path[0][0]) / 360)), 1);
});

test("drawing tolerance is under a third of a pixel and never below the export's", () => {
  for (const zoom of [0, 1.6, 3, 5.5, 8, 12, 20]) {
    const tol = screenToleranceM(zoom, 100);
    const pixelAt75N = (40075016.686 / (512 * 2 ** zoom)) * Math.cos((75 * Math.PI) / 180);
    assert.ok(tol >= 100);
    assert.ok(tol === 100 || tol <= 0.3 * pixelAt75N, `zoom ${zoom}: ${tol} m`);
    assert.ok(Number.isInteger(Math.log2(tol / 100)), "steps of a power of two");
  }
  assert.equal(screenToleranceM(12, 100), 100);
  assert.ok(screenToleranceM(1.6, 100) >= 1600);
  const world = circleVertices(48.58, 45.74, 5500e3, screenToleranceM(1.6, 100));
  const fine = circleVertices(48.58, 45.74, 5500e3, 100);
  assert.ok(world.az.length * 3 < fine.az.length, "several-fold fewer vertices at world zoom");
});

/** Distance (m) from (lat, lon) to the geodesic from a to b: the nearest of 200 steps along
 * it, then narrowed down around it by ternary search. */
function offGeodesicM(a, b, lat, lon) {
  const line = GEOD.InverseLine(a[0], a[1], b[0], b[1]);
  const at = (s) => {
    const p = line.Position(Math.min(Math.max(s, 0), line.s13));
    return distanceM(lat, lon, p.lat2, p.lon2);
  };
  const step = line.s13 / 200;
  let best = 0;
  for (let i = 1; i <= 200; i++) if (at(i * step) < at(best * step)) best = i;
  let [lo, hi] = [(best - 1) * step, (best + 1) * step];
  for (let k = 0; k < 60; k++) {
    const m1 = lo + (hi - lo) / 3;
    const m2 = hi - (hi - lo) / 3;
    if (at(m1) < at(m2)) hi = m2;
    else lo = m1;
  }
  return at((lo + hi) / 2);
}

test("a measured line across ±180° is the geodesic, cut into two paths on the flat map", () => {
  const a = [62, 172];
  const b = [68, -172];
  const line = geodesicLine(a[0], a[1], b[0], b[1], "map");
  const expected = GEOD.Inverse(a[0], a[1], b[0], b[1]);
  assert.ok(Math.abs(line.lengthM - expected.s12) < 1e-6);
  assert.ok(Math.abs(line.azimuthADeg - ((expected.azi1 + 360) % 360)) < 1e-9);
  assert.ok(Math.abs(line.azimuthBDeg - ((expected.azi2 + 180 + 360) % 360)) < 1e-9);
  assert.equal(line.paths.length, 2);
  assert.equal(Math.abs(line.paths[0].at(-1)[0]), 180);
  assert.equal(line.paths[0].at(-1)[1], line.paths[1][0][1]);
  // Vertices on the geodesic; the cut point, on the lon/lat chord between two of them under
  // 20 km apart, within 100 m of it (the line a drag draws; Python draws the measured one).
  for (const path of line.paths) {
    for (const [lon, lat] of path) {
      assert.ok(Math.abs(lon) <= 180);
      assert.ok(offGeodesicM(a, b, lat, lon) < (Math.abs(lon) === 180 ? 100 : 1));
    }
  }
  // The globe's path is one, in continuous longitude.
  const globe = geodesicLine(a[0], a[1], b[0], b[1], "globe");
  assert.equal(globe.paths.length, 1);
  assert.ok(globe.paths[0].at(-1)[0] > 180);
});

test("a measured line over the pole keeps to the geodesic, with no step the long way round", () => {
  const a = [80, 10];
  const b = [75, -170]; // across the pole: 180° of longitude apart
  for (const viewType of /** @type {const} */ (["map", "globe"])) {
    const line = geodesicLine(a[0], a[1], b[0], b[1], viewType);
    const points = line.paths.flat();
    assert.ok(Math.max(...points.map((p) => p[1])) > 89); // it passes near the pole
    for (const [lon, lat] of points) assert.ok(offGeodesicM(a, b, lat, lon) < 1);
    for (const path of line.paths) {
      for (let i = 1; i < path.length; i++) {
        assert.ok(distanceM(path[i - 1][1], path[i - 1][0], path[i][1], path[i][0]) < 25_000);
      }
    }
  }
});
