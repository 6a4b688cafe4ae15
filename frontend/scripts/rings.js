// Rings computed by the browser's code, for tests/test_deckmap_parity.py (run under node).
// Reads [{lat, lon, radius_m, tolerance_m, azimuths}] as JSON on stdin; writes, per case,
// the ring's vertices and the points at the given azimuths.

import { readFileSync } from "node:fs";
import { circleVertices, direct } from "../src/geodesy.js";

const cases = JSON.parse(readFileSync(0, "utf8"));
const out = cases.map((c) => ({
  ring: circleVertices(c.lat, c.lon, c.radius_m, c.tolerance_m),
  at: c.azimuths.map((az) => direct(c.lat, c.lon, az, c.radius_m)),
}));
process.stdout.write(JSON.stringify(out));
