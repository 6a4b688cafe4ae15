// The map's elements: a toolbar over a view of stacked canvases (the three Decks' and the 2D
// preview's), a status line and a tooltip, styled by one style sheet (style.js).

import { createCameraControls } from "./camera.js";
import { OVERLAY } from "./labels.js";
import { createLegend } from "./legend.js";
import { createScaleBar } from "./scalebar.js";
import { STYLE } from "./style.js";
import { createToolbar } from "./toolbar.js";

// The Decks draw at the screen's devicePixelRatio (sharp on a phone's 2× or 3× screen), but at
// most at MAX_PIXEL_RATIO. Measured on CPU WebGL (SwiftShader), a pan frame cost the same at 1×,
// 2× and 3× (within noise: docs/benchmarks.md, "Pixel ratio"), but each canvas's memory grows
// with the square of the ratio and a browser zoomed in on a 4× screen reports 8× or more, past
// what a CPU renderer draws in time (and past WebGL's largest drawing buffer on a desktop).
// docs/decisions/0016-pixel-ratio-cap.md says what would change the cap.
export const MAX_PIXEL_RATIO = 3;

/** The pixel ratio the Decks draw at. */
export function drawingPixelRatio() {
  return Math.min(window.devicePixelRatio || 1, MAX_PIXEL_RATIO);
}

/**
 * Replace ``parent``'s children with the map's elements, ``heightPx`` high: the box Python
 * reserved for the map before this code loaded (MAP_HEIGHT_PX in ui/deckmap.py).
 * @param {HTMLElement} parent
 * @param {number} heightPx
 * @returns {Pick<import("./state.js").MapState,
 *   "root" | "bar" | "canvases" | "previewCanvas" | "statusLine" | "tooltip"
 *   | "scaleBar" | "legend" | "cameraControls">}
 */
export function buildElements(parent, heightPx) {
  const style = document.createElement("style");
  style.textContent = STYLE;
  const root = document.createElement("div");
  root.className = "deckmap";
  root.style.height = `${heightPx}px`;
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
  statusLine.setAttribute(OVERLAY, "");
  statusLine.hidden = true;
  // Our own tooltip (text only, never HTML), so it can be hidden when a drag starts.
  const tooltip = document.createElement("div");
  tooltip.className = "tooltip";
  tooltip.hidden = true;
  const crosshair = document.createElement("div");
  crosshair.className = "crosshair";
  const scaleBar = createScaleBar();
  const legend = createLegend();
  const cameraControls = createCameraControls();
  // Map labels keep clear of what lies over the map.
  for (const overlay of [scaleBar, legend, cameraControls]) overlay.setAttribute(OVERLAY, "");
  // In this order Tab goes from the toolbar to the map's canvas, then to the legend and to the
  // camera's controls over it.
  view.append(...canvases, previewCanvas, crosshair, statusLine, scaleBar, legend);
  view.append(cameraControls, tooltip);
  root.append(bar.element, view);
  parent.replaceChildren(style, root);
  // The canvases' drawing buffers get their displayed size (set in STYLE) before the Decks'
  // first frame, which deck.gl would otherwise draw at a canvas's default 300×150 and the page
  // show stretched, zoomed in, until the next frame: seconds on a CPU renderer.
  const ratio = drawingPixelRatio();
  for (const element of canvases) {
    element.width = Math.round(element.clientWidth * ratio);
    element.height = Math.round(element.clientHeight * ratio);
  }
  return {
    root,
    bar,
    canvases,
    previewCanvas,
    statusLine,
    tooltip,
    scaleBar,
    legend,
    cameraControls,
  };
}
