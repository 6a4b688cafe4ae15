// The map's elements: a toolbar over a view of stacked canvases (the three Decks' and the 2D
// preview's), a status line and a tooltip, styled by one style sheet.

import { createToolbar } from "./toolbar.js";

export const HEIGHT_PX = 560;

const STYLE = `
.deckmap { display: flex; flex-direction: column; height: ${HEIGHT_PX}px; border: 1px solid #ccc;
  border-radius: 6px; overflow: hidden; font: 13px sans-serif; }
/* deck.gl styles the canvas outline: none inline: the focus ring needs !important. Drawn
   inside the canvas, which the map's rounded box would clip. */
.deckmap .view > canvas.top:focus-visible { outline: 3px solid #0072b2 !important;
  outline-offset: -3px; }
.deckmap button:focus-visible, .deckmap input:focus-visible { outline: 2px solid #0072b2;
  outline-offset: 1px; }
/* Where Enter adds a site (or a measure's end) when adding or measuring by keyboard. */
.deckmap .crosshair { position: absolute; left: 50%; top: 50%; width: 22px; height: 22px;
  margin: -11px 0 0 -11px; pointer-events: none; display: none;
  background: linear-gradient(#0072b2, #0072b2) center / 2px 100% no-repeat,
    linear-gradient(#0072b2, #0072b2) center / 100% 2px no-repeat; }
.deckmap:is([data-mode="adding"], [data-mode="measuring"]) .view:has(canvas.top:focus-visible)
  .crosshair { display: block; }
.deckmap .bar { display: flex; gap: 6px; flex-wrap: nowrap; align-items: center; flex: none;
  height: 36px; box-sizing: border-box; padding: 0 8px; background: #f4f4f2;
  border-bottom: 1px solid #ccc; }
.deckmap .view { position: relative; flex: 1; background: #dbe7f0; }
.deckmap .view > canvas { position: absolute; left: 0; top: 0; width: 100%; height: 100%; }
.deckmap .view > canvas.lower, .deckmap .view > canvas.preview { pointer-events: none; }
.deckmap button { font: inherit; padding: 2px 8px; border: 1px solid #888; border-radius: 4px;
  background: #fff; cursor: pointer; }
.deckmap button[aria-pressed="true"] { background: #0072b2; color: #fff; border-color: #0072b2; }
.deckmap button:disabled { opacity: .45; cursor: default; }
.deckmap button, .deckmap input { flex: none; }
.deckmap input { font: inherit; width: 5.8em; padding: 1px 4px; }
.deckmap .status { position: absolute; left: 8px; bottom: 8px; z-index: 1; padding: 3px 8px;
  background: rgba(255,255,255,.9); border-radius: 4px; box-shadow: 0 1px 2px rgba(0,0,0,.3); }
/* The bar keeps one height whatever it says, so the map below never shifts. */
.deckmap .tooltip { position: absolute; z-index: 3; pointer-events: none; max-width: 22em;
  padding: 6px 8px; background: rgba(30,30,30,.92); color: #fff; border-radius: 4px;
  white-space: pre-line; font-size: 12px; }
.deckmap .hint { color: #333; flex: 1 1 auto; min-width: 0; overflow: hidden;
  text-overflow: ellipsis; white-space: nowrap; }
`;

/**
 * Replace ``parent``'s children with the map's elements.
 * @returns {Pick<import("./state.js").MapState,
 *   "root" | "bar" | "canvases" | "previewCanvas" | "statusLine" | "tooltip">}
 */
export function buildElements(parent) {
  const style = document.createElement("style");
  style.textContent = STYLE;
  const root = document.createElement("div");
  root.className = "deckmap";
  root.setAttribute("role", "group");
  root.setAttribute("aria-label", "Range map: drag a launch site to move it");
  const bar = createToolbar();
  const view = document.createElement("div");
  view.className = "view";
  const canvas = (name) => {
    const element = document.createElement("canvas");
    element.className = name;
    return element;
  };
  const canvases = [canvas("lower base"), canvas("lower fills"), canvas("top")];
  // deck.gl makes every Deck's canvas a tab stop; the lower ones take no input at all.
  for (const lower of canvases.slice(0, 2)) lower.inert = true;
  const previewCanvas = canvas("preview");
  previewCanvas.hidden = true;
  // What the last edit did, announced to screen readers too.
  const statusLine = document.createElement("div");
  statusLine.className = "status";
  statusLine.setAttribute("role", "status");
  statusLine.hidden = true;
  // Our own tooltip (text only, never HTML), so it can be hidden when a drag starts.
  const tooltip = document.createElement("div");
  tooltip.className = "tooltip";
  tooltip.hidden = true;
  const crosshair = document.createElement("div");
  crosshair.className = "crosshair";
  view.append(...canvases, previewCanvas, crosshair, statusLine, tooltip);
  root.append(bar.element, view);
  parent.replaceChildren(style, root);
  // The canvases' drawing buffers get their displayed size (set in STYLE) before the Decks'
  // first frame, which deck.gl would otherwise draw at a canvas's default 300×150 and the page
  // show stretched, zoomed in, until the next frame: seconds on a CPU renderer.
  for (const element of canvases) {
    element.width = Math.round(element.clientWidth * devicePixelRatio);
    element.height = Math.round(element.clientHeight * devicePixelRatio);
  }
  return { root, bar, canvases, previewCanvas, statusLine, tooltip };
}
