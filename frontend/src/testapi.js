// What browser tests and benchmarks may read and do, as `window.__deckmapTest` (set when the
// map has created its Decks, before their first frame). Nothing else of the map is reachable
// from the page, so its internals can change without breaking them silently.

import { drawBasemap } from "./basemap.js";
import { sendEdit } from "./contract.js";
import { camera } from "./decks.js";
import { cancelDrag, dragTo, startDrag } from "./interaction.js";
import { FONT_PX } from "./labels.js";

let mounts = 0;

/**
 * @typedef {object} DeckmapTestApi
 * @property {() => number} mounts how many times a map created its Decks in this page
 * @property {() => HTMLElement} element the map's element (in Streamlit's shadow DOM, which
 *   the page's document.querySelector does not reach): what the user sees
 * @property {() => import("./state.js").FrameStats} stats frame counts and timings (a copy)
 * @property {(listener: (deck: "top" | "fills" | "base") => void) => void} onDraw call
 *   ``listener`` after each frame a Deck draws
 * @property {() => import("./mode.js").Mode} mode
 * @property {() => {type: string, longitude?: number, latitude?: number, zoom?: number}} view
 *   the view type and camera (no camera before deck.gl reports one)
 * @property {() => {id: string, name: string, lat: number, lon: number}[]} sites as drawn
 * @property {(lonLat: [number, number]) => [number, number]} project a map coordinate to the
 *   page pixel (clientX, clientY) it is drawn at, by deck.gl's own projection
 * @property {(xy: [number, number]) => [number, number]} unproject a page pixel to [lon, lat]
 * @property {() => {deck: string, id: string, loaded: boolean, count: number}[]} layers each
 *   Deck's layers: id, whether its data is loaded, and how many rows (or features) it holds
 * @property {(edit: import("./contract.js").Edit) => void} sendEdit as the map sends one
 * @property {{start: (id: string) => boolean, move: (lonLat: [number, number]) => boolean,
 *   cancel: () => boolean}} drag drag a site as the pointer does; cancel: put it back where it
 *   was and send nothing
 * @property {(view: {longitude: number, latitude: number, zoom: number}) => void} setView move
 *   the camera there, as the controller does
 * @property {() => void} drawNow draw the top Deck at once (deck.gl otherwise waits a frame)
 * @property {(style: "full" | "no borders" | "none") => void} basemap how to draw the basemap
 * @property {() => DrawnLabel[]} labels the labels the top Deck drew in its last frame, each
 *   boxed as deck.gl's TextLayer lays out its glyphs
 */

/**
 * @typedef {object} DrawnLabel
 * @property {string} text
 * @property {"ring" | "name"} kind
 * @property {number} lon of its anchor, degrees
 * @property {number} lat
 * @property {number} left page pixels
 * @property {number} top
 * @property {number} right
 * @property {number} bottom
 */

/**
 * Publish the test API of ``map`` (the page's last map, as the app has one).
 * @param {import("./state.js").MapState} map
 */
export function publishTestApi(map) {
  mounts += 1;
  const topCanvas = map.canvases[2];
  const viewport = () => map.deck.getViewports()[0];
  /** @type {DeckmapTestApi} */
  const api = {
    mounts: () => mounts,
    element: () => map.root,
    stats: () => structuredClone(map.stats),
    onDraw: (listener) => void map.drawListeners.add(listener),
    mode: () => map.mode,
    view: () => ({ type: map.viewType, ...camera(map.viewState) }),
    sites: () => map.sites.map(({ id, name, lat, lon }) => ({ id, name, lat, lon })),
    project: (lonLat) => {
      const box = topCanvas.getBoundingClientRect();
      const [x, y] = viewport().project(lonLat);
      return [box.left + x, box.top + y];
    },
    unproject: ([x, y]) => {
      const box = topCanvas.getBoundingClientRect();
      return viewport().unproject([x - box.left, y - box.top]);
    },
    layers: () =>
      Object.entries({ base: map.baseDeck, fills: map.fillsDeck, top: map.deck }).flatMap(
        ([name, deck]) =>
          (deck.layerManager?.getLayers() ?? [])
            .filter((layer) => !layer.parent)
            .map((layer) => ({
              deck: name,
              id: layer.id,
              loaded: layer.isLoaded,
              count: rowCount(layer.props.data),
            })),
      ),
    sendEdit: (edit) => sendEdit(map, edit),
    drag: {
      start: (id) => startDrag(map, id),
      move: (lonLat) => dragTo(map, lonLat),
      cancel: () => cancelDrag(map),
    },
    setView: (view) => {
      const viewState = { ...map.viewState, ...view };
      map.deck.setProps({ initialViewState: viewState });
      map.deck.props.onViewStateChange({ viewState });
    },
    drawNow: () => map.deck.redraw(true),
    basemap: (style) => {
      map.basemapStyle = style;
      drawBasemap(map);
    },
    labels: () => drawnLabels(map.deck, topCanvas.getBoundingClientRect()),
  };
  /** @type {any} */ (window).__deckmapTest = api;
}

/** The top Deck's labels with their boxes on the page: deck.gl's own projection and layout. */
function drawnLabels(deck, canvasBox) {
  const layer = deck.layerManager?.getLayers().find((l) => l.id === "labels");
  if (!layer?.state.fontAtlasManager?.mapping) return [];
  const viewport = deck.getViewports()[0];
  // The layout is in the glyph atlas's units, drawn at FONT_PX.
  const scale = FONT_PX / layer.state.fontAtlasManager.props.fontSize;
  const data = layer.props.data;
  return data.map((row, index) => {
    const [x, y] = viewport.project(row.position);
    const [dx, dy, width, height] = layer.getBoundingRect(row, { index, data, target: [] });
    const left = canvasBox.left + x + row.offset[0] + dx * scale;
    const top = canvasBox.top + y + row.offset[1] + dy * scale;
    const [lon, lat] = row.position;
    const box = { left, top, right: left + width * scale, bottom: top + height * scale };
    return { text: row.text, kind: row.kind, lon, lat, ...box };
  });
}

function rowCount(data) {
  if (Array.isArray(data)) return data.length;
  if (Array.isArray(data?.features)) return data.features.length;
  return 0;
}
