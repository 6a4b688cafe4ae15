// Places in range, sent by Python as columns (ui/deckmap.py::place_columns): one array per
// field, countries and nearest sites as indexes into short lists. Rows for deck.gl and the
// tooltip text (shown with textContent, never as HTML) are built here.

/** One row per dot, in the order sent (cities first, so capitals draw on top). */
export function placeRows(columns) {
  if (!columns) return [];
  const rows = [];
  for (let i = 0; i < columns.lon.length; i++) {
    const capital = Boolean(columns.capital[i]);
    const [color, radius] = columns.style[capital ? "capital" : "city"];
    rows.push({ position: [columns.lon[i], columns.lat[i]], capital, color, radius, index: i });
  }
  return rows;
}

const KM = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const COUNT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** The tooltip of dot ``i``: name, country, kind, distance to the nearest site, population. */
export function placeTooltip(columns, i, siteNames) {
  const kind = columns.capital[i] ? "capital" : "city";
  const country = columns.countries[columns.country[i]];
  const site = siteNames[columns.nearest[i]] ?? "?";
  return (
    `${columns.name[i]} (${country}, ${kind})\n` +
    `${KM.format(columns.distance_km[i])} km from ${site}\n` +
    `population ${COUNT.format(columns.population[i])} (Natural Earth)`
  );
}

/**
 * The rows on the near side of a globe: a dot is drawn only where the globe's surface under its
 * pixel is the dot's own place (a lower deck's basemap cannot hide it in this deck's canvas).
 * ``viewport`` is deck.gl's GlobeViewport (project / unproject).
 */
export function nearSide(rows, viewport, toleranceDeg = 0.05) {
  const cosTolerance = Math.cos((toleranceDeg * Math.PI) / 180);
  return rows.filter((row) => {
    const [x, y] = viewport.project(row.position);
    const back = viewport.unproject([x, y]);
    if (!back || !Number.isFinite(back[0]) || !Number.isFinite(back[1])) return false;
    return cosAngle(row.position, back) >= cosTolerance;
  });
}

/** Cosine of the angle between two [lon, lat] points, seen from the centre of a sphere. */
function cosAngle([lon1, lat1], [lon2, lat2]) {
  const r = Math.PI / 180;
  return (
    Math.sin(lat1 * r) * Math.sin(lat2 * r) +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.cos((lon2 - lon1) * r)
  );
}
