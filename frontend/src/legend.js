// The legend on the map: a compact key of the rings (colour and name, each ring's source on
// hover and in full in the legend under the map) and of the marks, from the rows Python sends
// (ui/deckmap.py legend_rows, which the page's legend reads too). Folded on a narrow map, where
// it would cover too much of it; a click on its title opens or folds it.

/** @typedef {import("./state.js").MapState} MapState */

// Narrower maps start with the legend folded (a phone's is ~360 px).
const OPEN_FROM_PX = 520;

/** The legend's element, hidden until it has rows. */
export function createLegend() {
  const element = document.createElement("details");
  element.className = "legend";
  const title = document.createElement("summary");
  title.textContent = "Legend";
  const list = document.createElement("ul");
  element.append(title, list);
  element.hidden = true;
  return element;
}

/**
 * Show ``rows`` (unchanged rows are not drawn again); marks on the land colour they are drawn
 * on, so they read as on the map in either theme.
 * @param {MapState} map
 * @param {import("./contract.js").LegendRow[]} rows
 * @param {number[]} landColour
 */
export function updateLegend(map, rows, landColour) {
  const key = JSON.stringify([rows, landColour]);
  if (map.legendKey === key) return;
  map.legendKey = key;
  // None while the map has no site (Python sends no rows then).
  map.legend.hidden = rows.length === 0;
  // Open or folded when first shown, once the map has its width; then as the user leaves it.
  if (rows.length && !map.legendShown) {
    map.legend.open = map.root.clientWidth >= OPEN_FROM_PX;
    map.legendShown = true;
  }
  const list = map.legend.querySelector("ul");
  list.replaceChildren(
    ...rows.map((row) => {
      const item = document.createElement("li");
      const swatch = document.createElement("span");
      swatch.className = `swatch ${row.kind}`;
      const colour = `rgb(${row.color.slice(0, 3).join(",")})`;
      if (row.kind === "ring") swatch.style.background = colour;
      else {
        // The colour alone: the shorthand would also clear the stylesheet's dot (background-image).
        swatch.style.backgroundColor = `rgb(${landColour.slice(0, 3).join(",")})`;
        swatch.style.setProperty("--mark", colour);
      }
      const label = document.createElement("span");
      label.textContent = row.label;
      if (row.source) item.title = `Source: ${row.source}`;
      item.append(swatch, label);
      return item;
    }),
  );
}
