// Unit tests of the browser's geodesy (node --test): preview rings and longitude handling.

import assert from "node:assert/strict";
import { test } from "node:test";
import geodesic from "geographiclib-geodesic";
import {
  circleVertices,
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
