// Where the map looks: first, the link's camera or a view fitted to the sites and their
// largest ring; the "Fit" and "Reset" controls over the map; and the camera it reports back
// for the link once it stops moving.
//
// Python fits the view to the sites and their largest ring (geo/camera.py): for each view
// type, a centre and the size at zoom 0 of what must be in view. Only the map knows its size in
// pixels, so the zoom is found here: each zoom level doubles the size.

/** @typedef {import("./state.js").MapState} MapState */

// Of the map's width and height, what the fitted extent may fill: the rest is a margin.
const FILL = 0.85;
// Zoom levels the fitted view stays within (deck.gl's own limits are wider).
const MIN_ZOOM = -2;
const MAX_ZOOM = 12;
// After the camera stops, it goes into the link: not on every frame of a pan.
const REPORT_AFTER_MS = 800;
// deck.gl's flat world is 512 px wide at zoom 0; its globe's radius is 256 / (pi cos(lat)) px
// there, lat capped at Web Mercator's limit.
const WORLD_PX0 = 512;
const MERCATOR_MAX_LAT = 85.051129;
// The smallest globe worth switching to: its radius as a share of the map's smaller side.
const MIN_GLOBE_RADIUS = 0.3;

/**
 * The first camera of a view type: the link's (``data.camera``) if this is the map's first
 * view; where the user was looking, on a switch between the flat map and the globe (never a
 * globe smaller than MIN_GLOBE_RADIUS); else Python's fit for this view type.
 * @param {MapState} map
 * @param {import("./contract.js").DeckmapData} data
 * @param {{width: number, height: number}} size the map's view in CSS pixels
 */
export function firstCamera(map, data, size) {
  const where = map.viewState;
  if (where) {
    const { longitude, latitude, zoom } = where;
    if (data.view !== "globe") return { longitude, latitude, zoom };
    const smallest = globeZoom(latitude, MIN_GLOBE_RADIUS * Math.min(size.width, size.height));
    return { longitude, latitude, zoom: Math.max(zoom, smallest) };
  }
  if (data.camera) return { ...data.camera };
  return fittedCamera(data, size) ?? {};
}

/** Python's fit for the data's view type, at the zoom where it fills the map; null without
 * sites. */
function fittedCamera(data, { width, height }) {
  const fit = data.fit?.[data.view];
  if (!fit) return null;
  const zoom = Math.log2(
    Math.min((FILL * width) / fit.width_px0, (FILL * height) / fit.height_px0),
  );
  return {
    longitude: fit.longitude,
    latitude: fit.latitude,
    zoom: Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Number.isFinite(zoom) ? zoom : MIN_ZOOM)),
  };
}

/** The whole world, north up: the flat map's width, or the whole globe, around the sites. */
function worldCamera(data, { width, height }) {
  const centre = data.fit?.[data.view] ?? data.initial_view;
  if (data.view === "globe") {
    const latitude = centre.latitude;
    return {
      longitude: centre.longitude,
      latitude,
      zoom: globeZoom(latitude, (FILL * Math.min(width, height)) / 2),
    };
  }
  return { longitude: centre.longitude, latitude: 0, zoom: Math.log2(width / WORLD_PX0) };
}

function globeZoom(latitude, radiusPx) {
  const cap = Math.min(Math.abs(latitude), MERCATOR_MAX_LAT);
  return Math.log2((radiusPx * Math.PI * Math.cos((cap * Math.PI) / 180)) / 256);
}

/**
 * The map's view, under the toolbar (the Decks' canvases fill it), in CSS pixels, as laid out:
 * the one size the fit, the labels and the scale bar work in. The toolbar's height depends on
 * the map's width (one row or two: style.js), so the view's is read, never derived. A map not
 * laid out (on a hidden page) has no size: then a stand-in, until the next camera change.
 * @param {MapState} map
 */
export function viewSize(map) {
  const { clientWidth: width, clientHeight: height } = map.tooltip.parentElement;
  return width && height ? { width, height } : { width: 600, height: 480 };
}

/**
 * Move the camera as the controller does (the lower Decks follow through onViewStateChange).
 * @param {MapState} map
 * @param {{longitude: number, latitude: number, zoom: number}} where
 */
export function moveCamera(map, where) {
  map.startCamera = null; // the user's move: reported even where the map began
  const viewState = { ...map.viewState, bearing: 0, pitch: 0, ...where };
  map.deck.setProps({ initialViewState: viewState });
  map.deck.props.onViewStateChange({ viewState });
}

/** The "Fit" and "Reset" buttons over the map's top left corner (dom.js places them). */
export function createCameraControls() {
  const box = document.createElement("div");
  box.className = "camera";
  const control = (text, title) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.title = title;
    return b;
  };
  box.append(
    control("Fit", "Fit the view to the sites and their largest ring (that fits)"),
    control("Reset", "Reset the view: the whole world, north up"),
  );
  return box;
}

/**
 * What "Fit" and "Reset" do: each a button, so Tab reaches them and Enter or Space presses them.
 * @param {MapState} map
 */
export function bindCameraControls(map) {
  const buttons = map.cameraControls.querySelectorAll("button");
  const press = (button, where) =>
    button.addEventListener("click", () => {
      const camera = where(map.component.data, viewSize(map));
      if (camera) moveCamera(map, camera);
    });
  press(buttons[0], fittedCamera);
  press(buttons[1], worldCamera);
}

/**
 * "Fit" has nothing to fit without sites.
 * @param {MapState} map
 * @param {import("./contract.js").DeckmapData} data
 */
export function refreshCameraControls(map, data) {
  /** @type {HTMLButtonElement} */ (map.cameraControls.firstElementChild).disabled = !data.fit;
}

/**
 * Report the camera to Python (state value "camera", written into the link) once it has
 * stopped moving; not the map's own first view (``map.startCamera``), which deck.gl reports as
 * a change once the flat map's Deck starts: a link without a camera keeps fitting, and the map
 * keeps saying when it fits less than the rings.
 * @param {MapState} map
 */
export function reportCamera(map) {
  clearTimeout(map.cameraTimer);
  map.cameraTimer = setTimeout(() => {
    if (map.finalized || !map.viewState) return;
    const { longitude, latitude, zoom } = map.viewState;
    if (map.startCamera && sameInLink(map.startCamera, map.viewState)) return;
    map.startCamera = null;
    map.component.setStateValue("camera", { longitude, latitude, zoom });
  }, REPORT_AFTER_MS);
}

/** Whether two cameras are the same as the link writes them (4 decimals, 2 for the zoom). */
function sameInLink(a, b) {
  return (
    Math.abs(((a.longitude - b.longitude + 540) % 360) - 180) < 1e-4 &&
    Math.abs(a.latitude - b.latitude) < 1e-4 &&
    Math.abs(a.zoom - b.zoom) < 5e-3
  );
}
