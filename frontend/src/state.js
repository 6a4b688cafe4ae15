// Everything one map holds, declared in one place. Each map (one per Streamlit element) has one
// MapState, made by createState() when the element is mounted; the modules that draw and
// handle it (decks.js, layers.js, interaction.js, toolbar.js) read and write its fields.

import { geodesicLine } from "./geodesy.js";

/**
 * @typedef {import("./contract.js").DeckmapData} DeckmapData
 * @typedef {import("./contract.js").Site} Site
 * @typedef {import("./contract.js").Ring} Ring
 * @typedef {import("./contract.js").PlaceColumns} PlaceColumns
 * @typedef {import("./mode.js").Mode} Mode
 * @typedef {import("./toolbar.js").Toolbar} Toolbar
 * @typedef {{promise: Promise<object>, data?: object, failed?: boolean}} LoadedFile
 * @typedef {{data: DeckmapData, parentElement: HTMLElement,
 *   setTriggerValue: (name: "edit", value: import("./contract.js").Edit) => void,
 *   setStateValue: (name: "camera", value: {longitude: number, latitude: number,
 *   zoom: number}) => void}} StreamlitComponent
 */

/**
 * Frames counted for tests and benchmarks (testapi.js).
 * @typedef {object} FrameStats
 * @property {number} frames top-Deck layer updates (redraw())
 * @property {number} lastFrameMs the JavaScript of the last one, ms
 * @property {number} lastLabelMs the last placement of the labels, ms
 * @property {{top: number, fills: number, base: number}} drawn frames each Deck drew
 * @property {number} lastDrawAt performance.now() after the last of them
 */

/**
 * @typedef {object} MapState
 * @property {HTMLElement} root
 * @property {Toolbar} bar
 * @property {HTMLCanvasElement[]} canvases the Decks' canvases: base, fills, top
 * @property {HTMLCanvasElement} previewCanvas the 2D preview (preview.js)
 * @property {HTMLElement} statusLine what the last edit did
 * @property {HTMLElement} tooltip
 * @property {HTMLElement} scaleBar the scale at the map's centre (scalebar.js)
 * @property {HTMLDetailsElement} legend (legend.js)
 * @property {HTMLElement} cameraControls "Fit" and "Reset" (camera.js)
 * @property {string} legendKey what the legend shows
 * @property {boolean} legendShown whether the legend has been shown (and opened or folded)
 * @property {StreamlitComponent | null} component Streamlit's, set on every render
 * @property {string} deckGlUrl deck.gl's bundle (deckgl.js), imported by start()
 * @property {boolean} finalized Streamlit has unmounted the map
 *
 * @property {Mode} mode the interaction mode (mode.js)
 * @property {string | null} selectedId the selected site, in modes "selected", "dragging" and
 *   (when one was selected before) "adding"
 * @property {[number, number] | null} dragFrom [lat, lon] of the dragged site when the drag began
 * @property {[number, number] | null} measureFrom [lat, lon] of the measure's first point, in
 *   mode "measuring" once it is clicked, and in "measureDragging" where the press was
 * @property {[number, number] | null} measureTo [lat, lon] of the pointer in "measureDragging"
 * @property {import("./contract.js").PendingEdit | null} pendingEdit sent, not yet answered
 * @property {import("./contract.js").Edit[]} queuedEdits made while one was in flight
 * @property {string | null} session the Python session of the last data
 *
 * @property {Site[]} sites Python's sites, the dragged one at the pointer
 * @property {Ring[]} rings
 * @property {import("./contract.js").MapStyle | null} style how to draw the sites (and basemap)
 * @property {number} toleranceM the export's chord tolerance, the floor of the drawing one
 * @property {PlaceColumns | null} places as sent
 * @property {object[]} placeRows one row per place dot (places.js)
 * @property {object[]} shownPlaces the rows drawn (on the globe, those on its near side)
 * @property {Map<string, object>} ringCache ring vertices by position, radius and tolerance
 * @property {string | null} stillKey what stillPaths were computed for
 * @property {object[]} stillPaths ring paths of the sites not being dragged
 * @property {import("./labels.js").LabelRow[]} labels the labels drawn (labels.js)
 * @property {string | null} labelKey what they say and where
 * @property {unknown[]} labelInputs what they were placed for
 * @property {Map<string, number>} labelAzimuths where each ring's label last sat, so a label
 *   stays put while it has room
 *
 * @property {"map" | "globe" | null} viewType
 * @property {object | null} view deck.gl's MapView or GlobeView of the top Deck
 * @property {object | null} viewState the camera (longitude, latitude, zoom, …)
 * @property {number} initialZoom the first view's zoom (before deck.gl reports a view state)
 * @property {object | null} previewView the view the 2D preview shows
 * @property {{longitude: number, latitude: number, zoom: number} | null} startCamera the
 *   view the map began at, not reported until the camera leaves it (camera.js)
 * @property {ReturnType<typeof setTimeout> | undefined} cameraTimer when the camera is next
 *   reported (camera.js)
 *
 * @property {object | null} deck the top, interactive Deck (decks.js)
 * @property {object | null} fillsDeck the middle Deck: band fills, and what a drag parks there
 * @property {object | null} baseDeck the bottom Deck: the basemap
 * @property {Record<"base" | "fills", string>} lowerJson each lower Deck's layer specs as set
 * @property {Record<"base" | "fills", object[]>} lowerLayers each lower Deck's layers
 * @property {object[]} parked top-Deck layers drawn on the middle Deck while a site is dragged
 * @property {"full" | "no borders" | "none"} basemapStyle how the basemap is drawn (benchmarks)
 * @property {Map<string, {data?: object, failed?: boolean}>} fineTiles the 1:50m tiles fetched,
 *   by name (basemap.js)
 * @property {string} fineShown the names of the fine tiles drawn, "" when 1:110m is
 * @property {Map<string, LoadedFile>} files the loader's fetches by URL (the basemap)
 * @property {object} siteEvents the sites layer's event handlers (interaction.js)
 * @property {boolean} pickingWarm deck.gl's picking has been built (decks.js)
 * @property {Set<(deck: "top" | "fills" | "base") => void>} drawListeners testapi.js's
 * @property {FrameStats} stats
 */

/**
 * A new map's state around its elements (dom.js), with the loader's fetches ``files``.
 * @param {Pick<MapState, "root" | "bar" | "canvases" | "previewCanvas" | "statusLine" | "tooltip"
 *   | "scaleBar" | "legend" | "cameraControls">} elements
 * @param {Map<string, Promise<object>>} files
 * @param {string} deckGlUrl
 * @returns {MapState}
 */
export function createState(elements, files, deckGlUrl) {
  /** @type {MapState} */
  const state = {
    ...elements,
    component: null,
    legendKey: "",
    legendShown: false,
    deckGlUrl,
    finalized: false,

    mode: "idle",
    selectedId: null,
    dragFrom: null,
    measureFrom: null,
    measureTo: null,
    pendingEdit: null,
    queuedEdits: [],
    session: null,

    sites: [],
    rings: [],
    style: null,
    toleranceM: 0,
    places: null,
    placeRows: [],
    shownPlaces: [],
    ringCache: new Map(),
    stillKey: null,
    stillPaths: [],
    labels: [],
    labelKey: null,
    labelInputs: [],
    labelAzimuths: new Map(),

    viewType: null,
    view: null,
    viewState: null,
    initialZoom: 0,
    previewView: null,
    startCamera: null,
    cameraTimer: undefined,

    deck: null,
    fillsDeck: null,
    baseDeck: null,
    lowerJson: { base: "", fills: "" },
    lowerLayers: { base: [], fills: [] },
    parked: [],
    basemapStyle: "full",
    fineTiles: new Map(),
    fineShown: "",
    files: new Map(),
    siteEvents: {},
    pickingWarm: false,
    drawListeners: new Set(),
    stats: {
      frames: 0,
      lastFrameMs: 0,
      lastLabelMs: 0,
      drawn: { top: 0, fills: 0, base: 0 },
      lastDrawAt: 0,
    },
  };
  for (const [url, promise] of files) {
    /** @type {LoadedFile} */
    const file = { promise };
    state.files.set(url, file);
    promise.then(
      (data) => (file.data = data),
      () => (file.failed = true),
    );
  }
  return state;
}

/** The selected site, if any. */
export function selectedSite(state) {
  return state.sites.find((s) => s.id === state.selectedId) ?? null;
}

/**
 * The measure being dragged: its geodesic, length and azimuths (geodesy.js geodesicLine); null
 * unless in mode "measureDragging".
 * @param {MapState} state
 */
export function draggedMeasure(state) {
  if (state.mode !== "measureDragging" || !state.measureFrom || !state.measureTo) return null;
  const [[lat1, lon1], [lat2, lon2]] = [state.measureFrom, state.measureTo];
  return geodesicLine(lat1, lon1, lat2, lon2, state.viewType);
}
