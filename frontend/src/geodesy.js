// Geodesic range rings in the browser, for the live preview while a site is dragged.
//
// The rule of geo/rings.py (vertex placement, its constants read from the same file,
// geo/rings.json) and of geo/dateline.py `ring_paths` (cutting at ±180°), on GeographicLib's own
// JavaScript port, so the map draws the same WGS84 circle that Python exports: every vertex is
// a solution of the direct geodesic problem, and vertices are added where the lon/lat chord
// would stray more than the tolerance from the circle. Python's rings are the reference:
// tests/fixtures/rings.json (scripts/make_rings_fixture.py) holds them, and
// frontend/test/rings.test.js and tests/test_deckmap_parity.py hold these to them.

import geodesic from "geographiclib-geodesic";
import RULE from "../../geo/rings.json" with { type: "json" };

const GEOD = geodesic.Geodesic.WGS84;
const M_PER_DEG_EQUATOR = (Math.PI / 180) * GEOD.a;
const E2 = GEOD.f * (2 - GEOD.f);
const DEG = Math.PI / 180;

// What each means: geo/rings.py.
const START_VERTICES = RULE.start_vertices;
const SAFETY = RULE.safety;
const MAX_EDGE_DLON_DEG = RULE.max_edge_dlon_deg;
const MAX_ROUNDS = RULE.max_rounds;
const MIN_STEP_DEG = RULE.min_step_deg;
const MAX_PIECES = RULE.max_pieces;
const OVERSPLIT = RULE.oversplit;
// No site is nearer its cut locus than the conjugate point along the equator, pi * b away.
const CUT_LOCUS_MIN_M = Math.PI * GEOD.a * (1 - GEOD.f);
const CUT_SLACK_M = RULE.cut_slack_m;
const BISECTIONS = RULE.bisections;

/** Wrap a longitude (or a difference of longitudes) into [-180, 180). */
export function wrapLon(lonDeg) {
  return ((((lonDeg + 180) % 360) + 360) % 360) - 180;
}

/**
 * A longitude deck.gl reports (it can be -358 or 362 after panning across world copies) as a
 * value in [-180, 180); null if it is not a finite number.
 */
export function normaliseLon(lonDeg) {
  return Number.isFinite(lonDeg) ? wrapLon(lonDeg) : null;
}

/**
 * [lat, lon] of a point deck.gl reports as ``coordinate`` ([lon, lat], any world copy), or null
 * off the map (none, or not a position).
 */
export function clickedPosition(coordinate) {
  const lon = coordinate ? normaliseLon(coordinate[0]) : null;
  const lat = coordinate ? coordinate[1] : NaN;
  return lon === null || !(Math.abs(lat) <= 90) ? null : [lat, lon];
}

/** The point at geodesic distance `radiusM` from (lat, lon) along azimuth `azDeg`: [lon, lat]. */
export function direct(latDeg, lonDeg, azDeg, radiusM) {
  const r = GEOD.Direct(latDeg, lonDeg, azDeg, radiusM);
  return [wrapLon(r.lon2), r.lat2];
}

/** The geodesic distance between two points on WGS84, metres. */
export function distanceM(lat1Deg, lon1Deg, lat2Deg, lon2Deg) {
  return GEOD.Inverse(lat1Deg, lon1Deg, lat2Deg, lon2Deg).s12;
}

/**
 * Vertices of the geodesic circle of `radiusM` around (lat, lon), counter-clockwise (azimuths
 * decreasing from 360), with lon/lat chords within `toleranceM` of the circle.
 * Returns {az: [...], lon: [...], lat: [...]}; the ring is closed implicitly.
 *
 * As in geo/rings.py, the ring is traced by a parameter u that equals the azimuth except that
 * the azimuths whose geodesic passes the cut locus before running the radius (near the
 * antipodal limit) are squeezed out: the ring then has a corner on the cut locus.
 */
export function circleVertices(latDeg, lonDeg, radiusM, toleranceM) {
  const targetM = toleranceM * SAFETY;
  const { kept, gap } = cutInterval(latDeg, lonDeg, radiusM);
  // The period is 360 - 2 * gap = 4 * kept (360° for a ring not cut, whose kept is 90°), so a
  // cut ring's two corners are among the first vertices, exactly.
  const period = 4 * kept;
  // The very expressions of the first vertices at i = 24 and 8, the corners.
  const corners = [period * 0.25, period * 0.75];
  const azOf = (u) => (gap ? u + gap * (Number(u > corners[0]) + Number(u > corners[1])) : u);
  let u = [];
  for (let i = 0; i < START_VERTICES; i++) u.push(period * (1 - i / START_VERTICES));
  const isCorner = (x) => gap > 0 && corners.includes(x);
  let pts = u.map((x) => direct(latDeg, lonDeg, azOf(x), radiusM));
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const steps = u.map((x, i) => stepOf(x, u[(i + 1) % u.length], period));
    const pieces = piecesPerEdge(steps, pts, u.map(isCorner), targetM);
    if (!pieces.some((p) => p > 1)) break;
    const nextU = [];
    const nextPts = [];
    for (let i = 0; i < u.length; i++) {
      nextU.push(u[i]);
      nextPts.push(pts[i]);
      for (let j = 1; j < pieces[i]; j++) {
        const x = u[i] - (steps[i] * j) / pieces[i];
        nextU.push(x);
        nextPts.push(direct(latDeg, lonDeg, azOf(x), radiusM));
      }
    }
    u = nextU;
    pts = nextPts;
  }
  return { az: u.map(azOf), lon: pts.map((p) => p[0]), lat: pts.map((p) => p[1]) };
}

// The parameter step of edge u0 -> u1; the closing edge runs down to 0, where the first vertex is.
function stepOf(u0, u1, period) {
  const step = u0 - u1;
  return step <= 0 ? step + period : step;
}

// The last azimuth kept below 90° and the width of the cut interval after it (geo/rings.py
// `_cut_intervals`: the interval is (kept, 180 - kept) and its mirror image); {kept: 90, gap: 0}
// when no geodesic of this length passes the cut locus.
function cutInterval(latDeg, lonDeg, radiusM) {
  const passed = (az) => {
    const [lon, lat] = direct(latDeg, lonDeg, az, radiusM);
    return GEOD.Inverse(latDeg, lonDeg, lat, lon).s12 < radiusM - CUT_SLACK_M;
  };
  if (radiusM <= CUT_LOCUS_MIN_M - 1 || Math.abs(latDeg) >= 90 || !passed(90)) {
    return { kept: 90, gap: 0 };
  }
  let onCircle = 0;
  let off = 90;
  for (let i = 0; i < BISECTIONS; i++) {
    const mid = 0.5 * (onCircle + off);
    if (passed(mid)) off = mid;
    else onCircle = mid;
  }
  return { kept: onCircle, gap: 180 - 2 * onCircle };
}

// Into how many equal parameter steps to cut each edge (i -> i+1): the sagitta estimate of
// geo/rings.py from second differences of the vertices already computed.
function piecesPerEdge(step, pts, corner, targetM) {
  const n = pts.length;
  const dlon = [];
  const dlat = [];
  for (let i = 0; i < n; i++) {
    const k = (i + 1) % n;
    dlon.push(wrapLon(pts[k][0] - pts[i][0]));
    dlat.push(pts[k][1] - pts[i][1]);
  }
  const curvatureM = [];
  for (let i = 0; i < n; i++) {
    const p = (i - 1 + n) % n;
    const h1 = step[p];
    const h2 = step[i];
    // Written as geo/rings.py computes it, so both round alike.
    const d2lon = (dlon[i] / h2 - dlon[p] / h1) * (2 / (h1 + h2));
    const d2lat = (dlat[i] / h2 - dlat[p] / h1) * (2 / (h1 + h2));
    const lat = pts[i][1] * DEG;
    const w = Math.sqrt(1 - E2 * Math.sin(lat) ** 2);
    const mPerDegLat = (M_PER_DEG_EQUATOR * (1 - E2)) / w ** 3;
    const mPerDegLon = (M_PER_DEG_EQUATOR * Math.cos(lat)) / w;
    // A corner's second difference spans two arcs; each edge there uses its other end's.
    curvatureM.push(corner[i] ? 0 : Math.hypot(d2lon * mPerDegLon, d2lat * mPerDegLat));
  }
  return step.map((h, i) => {
    const sagittaM = (Math.max(curvatureM[i], curvatureM[(i + 1) % n]) * h * h) / 8;
    if (h < MIN_STEP_DEG || (sagittaM <= targetM && Math.abs(dlon[i]) <= MAX_EDGE_DLON_DEG)) {
      return 1;
    }
    const pieces = Math.ceil(Math.sqrt(sagittaM / targetM) * OVERSPLIT);
    return Math.min(Math.max(pieces, 2), MAX_PIECES);
  });
}

/**
 * A closed ring as paths of [lon, lat] for a flat map: cut where it crosses ±180° so no segment
 * jumps across the world (the rule of geo/dateline.py `ring_paths`, the tested reference).
 */
export function ringPaths(lons, lats) {
  const n = lons.length;
  const unwrapped = [lons[0]];
  for (let i = 1; i <= n; i++) {
    unwrapped.push(unwrapped[i - 1] + wrapLon(lons[i % n] - lons[i - 1]));
  }
  // Close exactly one turn (0 or ±360°), whatever rounding the sum picked up.
  unwrapped[n] = unwrapped[0] + 360 * Math.round((unwrapped[n] - unwrapped[0]) / 360);
  const pieces = cutAtAntimeridian(unwrapped.map((x, i) => [x, lats[i % n]]));
  if (pieces.length > 1) {
    // The ring is closed: its last path runs on into the first.
    const last = pieces.pop();
    pieces[0] = [...last.slice(0, -1), ...pieces[0]];
  }
  return pieces;
}

// A drawn ring needs no finer chords than a fraction of a screen pixel: at world zoom that cuts
// its vertices several-fold (500 sites stay draggable on a CPU renderer). Every vertex is still
// an exact point of the geodesic circle, and the export's tolerance is the floor. The tolerance
// doubles per zoom level out, so zooming recomputes rings once per level at most.
const EQUATOR_M = 40075016.686;
const COS_75 = Math.cos(75 * DEG); // towards the poles a Mercator pixel spans less ground

/** Chord tolerance (m) for drawing at deck.gl `zoom`: 0.3 px or finer, never below `floorM`. */
export function screenToleranceM(zoom, floorM) {
  const metresPerPixel = (EQUATOR_M / (512 * 2 ** zoom)) * COS_75;
  const steps = Math.floor(Math.log2((0.3 * metresPerPixel) / floorM));
  return floorM * 2 ** Math.max(0, steps);
}

/** A ring as one closed path in continuous longitude, for the globe (no cut needed there). */
export function globePath(lons, lats) {
  const path = [[lons[0], lats[0]]];
  for (let i = 1; i <= lons.length; i++) {
    const k = i % lons.length;
    path.push([path[i - 1][0] + wrapLon(lons[k] - lons[i - 1]), lats[k]]);
  }
  return path;
}

// A measured line's vertices are this far apart along the geodesic (or closer: at most
// MAX_LINE_VERTICES): for a preview drawn while the pointer moves; Python draws the measured line.
const LINE_STEP_M = 20000;
const MAX_LINE_VERTICES = 1000;

/**
 * The geodesic from (lat1, lon1) to (lat2, lon2): its length, the azimuth at each end towards
 * the other (clockwise from north, in [0, 360)) and vertices on it, as paths of [lon, lat] for
 * ``viewType`` (a flat map's cut at ±180°, the globe's one path in continuous longitude).
 * @param {"map" | "globe" | null} viewType
 */
export function geodesicLine(lat1, lon1, lat2, lon2, viewType) {
  const line = GEOD.InverseLine(lat1, lon1, lat2, lon2);
  const n = Math.min(MAX_LINE_VERTICES, Math.max(2, Math.ceil(line.s13 / LINE_STEP_M) + 1));
  const path = [];
  for (let i = 0; i < n; i++) {
    const p = line.Position((line.s13 * i) / (n - 1));
    // Continuous longitude (GeographicLib unrolls it along the line unless told otherwise).
    const lon = i === 0 ? lon1 : path[i - 1][0] + wrapLon(p.lon2 - path[i - 1][0]);
    path.push([lon, p.lat2]);
  }
  const end = GEOD.Inverse(lat1, lon1, lat2, lon2);
  return {
    lengthM: end.s12,
    azimuthADeg: (end.azi1 + 360) % 360,
    azimuthBDeg: (end.azi2 + 180 + 360) % 360,
    paths: viewType === "globe" ? [path] : cutAtAntimeridian(path),
  };
}

/** An open path in continuous longitude as paths in [-180, 180], cut where it crosses ±180°. */
function cutAtAntimeridian(path) {
  const windowOf = (x) => Math.floor((x + 180) / 360);
  const pieces = [[]];
  for (let i = 0; i < path.length; i++) {
    const [x, y] = path[i];
    const w = windowOf(x);
    if (i > 0) {
      const [xPrev, yPrev] = path[i - 1];
      const wPrev = windowOf(xPrev);
      if (w !== wPrev) {
        const xCut = 180 + 360 * Math.min(w, wPrev);
        const yCut = yPrev + ((xCut - xPrev) / (x - xPrev)) * (y - yPrev);
        pieces[pieces.length - 1].push([xCut - 360 * wPrev, yCut]);
        pieces.push([[xCut - 360 * w, yCut]]);
      }
    }
    pieces[pieces.length - 1].push([x - 360 * w, y]);
  }
  return pieces;
}
