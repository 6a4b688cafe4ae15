// Geodesic range rings in the browser, for the live preview while a site is dragged.
//
// A port of geo/rings.py (vertex placement) and geo/dateline.py `ring_paths` (cutting at ±180°)
// on GeographicLib's own JavaScript port, so the preview is the same WGS84 circle that Python
// draws and exports: every vertex is a solution of the direct geodesic problem, and vertices
// are added where the lon/lat chord would stray more than the tolerance from the circle.
// tests/test_deckmap_parity.py holds both sides to the same rings.

import geodesic from "geographiclib-geodesic";

const GEOD = geodesic.Geodesic.WGS84;
const A_M = GEOD.a;
const E2 = GEOD.f * (2 - GEOD.f);
const DEG = Math.PI / 180;

// The same constants as geo/rings.py, so both sides place vertices alike.
const START_VERTICES = 32;
const SAFETY = 0.7;
const MAX_EDGE_DLON_DEG = 45;
const MAX_ROUNDS = 40;
const MIN_STEP_DEG = 1e-9;
const MAX_PIECES = 64;

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

/** The point at geodesic distance `radiusM` from (lat, lon) along azimuth `azDeg`: [lon, lat]. */
export function direct(latDeg, lonDeg, azDeg, radiusM) {
  const r = GEOD.Direct(latDeg, lonDeg, azDeg, radiusM);
  return [wrapLon(r.lon2), r.lat2];
}

/**
 * Vertices of the geodesic circle of `radiusM` around (lat, lon), counter-clockwise (azimuths
 * decreasing from 360), with lon/lat chords within `toleranceM` of the circle.
 * Returns {az: [...], lon: [...], lat: [...]}; the ring is closed implicitly.
 */
export function circleVertices(latDeg, lonDeg, radiusM, toleranceM) {
  const targetM = toleranceM * SAFETY;
  let az = [];
  for (let i = 0; i < START_VERTICES; i++) az.push(360 - (i * 360) / START_VERTICES);
  let pts = az.map((a) => direct(latDeg, lonDeg, a, radiusM));
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const pieces = piecesPerEdge(az, pts, targetM);
    if (!pieces.some((p) => p > 1)) break;
    const nextAz = [];
    const nextPts = [];
    const n = az.length;
    for (let i = 0; i < n; i++) {
      nextAz.push(az[i]);
      nextPts.push(pts[i]);
      const step = mod360(az[i] - az[(i + 1) % n]) || 360;
      for (let j = 1; j < pieces[i]; j++) {
        const a = mod360(az[i] - (step * j) / pieces[i]);
        nextAz.push(a);
        nextPts.push(direct(latDeg, lonDeg, a, radiusM));
      }
    }
    az = nextAz;
    pts = nextPts;
  }
  return { az, lon: pts.map((p) => p[0]), lat: pts.map((p) => p[1]) };
}

// Into how many equal azimuth steps to cut each edge (i -> i+1): the sagitta estimate of
// geo/rings.py from second differences of the vertices already computed.
function piecesPerEdge(az, pts, targetM) {
  const n = az.length;
  const step = [];
  const dlon = [];
  const dlat = [];
  for (let i = 0; i < n; i++) {
    const k = (i + 1) % n;
    step.push(mod360(az[i] - az[k]) || 360);
    dlon.push(wrapLon(pts[k][0] - pts[i][0]));
    dlat.push(pts[k][1] - pts[i][1]);
  }
  const curvatureM = [];
  for (let i = 0; i < n; i++) {
    const p = (i - 1 + n) % n;
    const h1 = step[p];
    const h2 = step[i];
    const d2lon = (2 * (dlon[i] / h2 - dlon[p] / h1)) / (h1 + h2);
    const d2lat = (2 * (dlat[i] / h2 - dlat[p] / h1)) / (h1 + h2);
    const lat = pts[i][1] * DEG;
    const w = Math.sqrt(1 - E2 * Math.sin(lat) ** 2);
    const mPerDegLat = (DEG * A_M * (1 - E2)) / w ** 3;
    const mPerDegLon = ((DEG * A_M) / w) * Math.cos(lat);
    curvatureM.push(Math.hypot(d2lon * mPerDegLon, d2lat * mPerDegLat));
  }
  return step.map((h, i) => {
    if (h < MIN_STEP_DEG) return 1;
    const sagittaM = (Math.max(curvatureM[i], curvatureM[(i + 1) % n]) * h * h) / 8;
    let pieces = Math.ceil(Math.sqrt(sagittaM / targetM));
    if (Math.abs(dlon[i]) > MAX_EDGE_DLON_DEG) pieces = Math.max(pieces, 2);
    return Math.min(pieces, MAX_PIECES);
  });
}

function mod360(x) {
  return ((x % 360) + 360) % 360;
}

/**
 * A closed ring as paths of [lon, lat] for a flat map: cut where it crosses ±180° so no segment
 * jumps across the world (a port of geo/dateline.py `ring_paths`).
 */
export function ringPaths(lons, lats) {
  const n = lons.length;
  const unwrapped = [lons[0]];
  for (let i = 1; i <= n; i++) {
    unwrapped.push(unwrapped[i - 1] + wrapLon(lons[i % n] - lons[i - 1]));
  }
  // Close exactly one turn (0 or ±360°), whatever rounding the sum picked up.
  unwrapped[n] = unwrapped[0] + 360 * Math.round((unwrapped[n] - unwrapped[0]) / 360);
  const lat = (i) => lats[i % n];
  const windowOf = (x) => Math.floor((x + 180) / 360);
  const pieces = [[]];
  for (let i = 0; i <= n; i++) {
    const w = windowOf(unwrapped[i]);
    if (i > 0) {
      const wPrev = windowOf(unwrapped[i - 1]);
      if (w !== wPrev) {
        const xCut = 180 + 360 * Math.min(w, wPrev);
        const t = (xCut - unwrapped[i - 1]) / (unwrapped[i] - unwrapped[i - 1]);
        const yCut = lat(i - 1) + t * (lat(i) - lat(i - 1));
        pieces[pieces.length - 1].push([xCut - 360 * wPrev, yCut]);
        pieces.push([[xCut - 360 * w, yCut]]);
      }
    }
    pieces[pieces.length - 1].push([unwrapped[i] - 360 * w, lat(i)]);
  }
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
