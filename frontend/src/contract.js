// The contract between Python (ui/deckmap.py) and this component, declared once: the data
// Python sends on every rerun and the one-shot trigger value "edit" the map sends back.
// ui/deckmap.py declares the same shapes as TypedDicts; tests/fixtures/deckmap-contract.json is
// one example of each, checked against both declarations (tests/test_deckmap_contract.py and
// frontend/test/contract.test.js).

/**
 * A launch site. ``id`` is the site's index in Python's list, which edits refer to.
 * @typedef {object} Site
 * @property {string} id
 * @property {string} name
 * @property {number} lat degrees north
 * @property {number} lon degrees east, in [-180, 180]
 * @property {string} tooltip plain text (shown with textContent)
 */

/**
 * One radius drawn around every site.
 * @typedef {object} Ring
 * @property {number} radius_m geodesic radius, metres
 * @property {number[]} color RGB(A), 0–255
 * @property {number} width line width, pixels
 * @property {string} label tooltip text, e.g. "480 km: claimed by Russia"
 * @property {string} short_label the label drawn on the map, e.g. "480 km"
 */

/**
 * One entry of the legend: a ring (name, colour, its figure's source) or a kind of mark.
 * @typedef {object} LegendRow
 * @property {"ring" | "site" | "capital" | "city"} kind
 * @property {string} label
 * @property {number[]} color RGB, 0–255
 * @property {string} source where the ring's figure comes from ("" for a mark)
 */

/**
 * The places in range as parallel columns (see places.js); ``country`` and ``nearest`` index
 * into ``countries`` and the sites.
 * @typedef {object} PlaceColumns
 * @property {number[]} lon
 * @property {number[]} lat
 * @property {number[]} capital 1 for a capital, 0 for another city
 * @property {string[]} name
 * @property {number[]} country
 * @property {string[]} countries
 * @property {number[]} population
 * @property {number[]} distance_km
 * @property {number[]} nearest
 * @property {{city: [number[], number], capital: [number[], number]}} style colour and radius
 *   in pixels per kind of place
 */

/**
 * pydeck's JSON of the static layers (``@@type`` and camelCase props, accessors as "@@="
 * expressions), built with deck.gl's JSON converter, by the Deck that draws them: ``base`` the
 * basemap, whose ``data`` is a URL the loader fetches; ``fills`` GeoJSON layers whose features
 * carry ``properties.color`` (band fills, marks).
 * @typedef {object} StaticLayers
 * @property {object[]} base
 * @property {object[]} fills
 */

/**
 * Where the map first looks.
 * @typedef {object} InitialView
 * @property {number} longitude degrees
 * @property {number} latitude degrees
 * @property {number} zoom deck.gl's zoom level
 */

/**
 * How the map draws what both deck.gl and the 2D preview draw (colours RGB(A), 0–255): the
 * basemap (Python builds its layer from this too) and the sites.
 * @typedef {object} MapStyle
 * @property {{fill: number[], ocean: number[], line: number[], line_width_px: number,
 *   fine_url: string, fine_tile_deg: number, fine_min_zoom: number}} basemap the basemap;
 *   ``fine_url`` the folder of its 1:50m tiles, drawn from ``fine_min_zoom`` on
 * @property {{fill: number[], selected_fill: number[], outline: number[],
 *   outline_width_px: number, radius_px: number, selected_radius_px: number}} site
 */

/**
 * What Python sends on every rerun (``component.data``).
 * @typedef {object} DeckmapData
 * @property {StaticLayers} layers
 * @property {MapStyle} style
 * @property {InitialView} initial_view
 * @property {PlaceColumns | null} places
 * @property {Site[]} sites
 * @property {Ring[]} rings
 * @property {LegendRow[]} legend
 * @property {"map" | "globe"} view
 * @property {number} tolerance_m the rings' chord tolerance for export, metres: the floor of
 *   the drawing tolerance (geodesy.js screenToleranceM)
 * @property {string} status what the last edit did, shown on the map ("" for nothing)
 * @property {string | null} edit_key the ``key`` of the last edit Python answered
 * @property {string} session the Python session (a new one after a reconnection)
 * @property {InitialView | null} camera the link's camera; null: the map fits the sites
 * @property {number} height_px the map's whole height, border included: the box Streamlit
 *   reserves for it before this code loads
 * @property {Record<"map" | "globe", FitView> | null} fit per view type, the view that fits
 *   the sites and their largest ring (geo/camera.py); null without sites
 */

/**
 * A fitted view: its centre, and the size at zoom 0, in pixels, of what must be in view.
 * @typedef {object} FitView
 * @property {number} longitude
 * @property {number} latitude
 * @property {number} width_px0
 * @property {number} height_px0
 * @property {string} note why only the sites are fitted ("" when the rings are)
 */

/**
 * The edit the map reports, as the trigger value "edit". ``from`` is where the site was, so
 * Python can refuse an edit of a site that changed since (ui/edits.py validates every field).
 * An added site has no ``id`` nor ``from``. A measure ("measure") is the geodesic from ``from``
 * to (``lat``, ``lon``), with no ``id``; a target picked on the map ("target") is (``lat``,
 * ``lon``), with neither.
 * @typedef {object} Edit
 * @property {"move" | "add" | "remove" | "measure" | "target"} action
 * @property {string | null} id
 * @property {number} lat
 * @property {number} lon
 * @property {[number, number] | null} from [lat, lon]
 * @property {string} [key] unique per edit (sendEdit sets it): a re-sent edit is applied once
 */

// An edit not answered by a run of a new session (the page reconnected, maybe to another
// process) or within this long is sent again; Python answers a key it has seen once only.
const RESEND_AFTER_MS = 5000;
const MAX_SENDS = 3;
const PAGE_KEY = Math.random().toString(36).slice(2, 10);
let editCount = 0;

/**
 * Send an edit to Python, which answers with new data (a rerun) naming its ``key``. One edit
 * is in flight at a time: the server merges requests that arrive during a run (the newest
 * wins), so edits made meanwhile wait here, successive moves of one site merged into one.
 * @param {EditSender} map
 * @param {Edit} edit
 */
export function sendEdit(map, edit) {
  if (map.pendingEdit) {
    const last = map.queuedEdits.at(-1);
    if (last && last.action === "move" && edit.action === "move" && last.id === edit.id) {
      map.queuedEdits[map.queuedEdits.length - 1] = { ...edit, from: last.from };
    } else {
      map.queuedEdits.push(edit);
    }
    return;
  }
  editCount += 1;
  const keyed = { ...edit, key: `${PAGE_KEY}-${editCount}` };
  map.pendingEdit = { edit: keyed, sentAt: performance.now(), session: map.session, sends: 0 };
  send(map, map.pendingEdit);
}

// Also on a timer: an edit sent while the page is disconnected is dropped by Streamlit, and
// the page may reconnect with no new data for the map.
/** @param {EditSender} map @param {PendingEdit} pending */
function send(map, pending) {
  pending.sends += 1;
  pending.sentAt = performance.now();
  map.component.setTriggerValue("edit", pending.edit);
  setTimeout(() => {
    if (map.pendingEdit === pending) resend(map, pending, map.session);
  }, RESEND_AFTER_MS);
}

/** @param {EditSender} map @param {PendingEdit} pending @param {string | null} session */
function resend(map, pending, session) {
  if (pending.sends >= MAX_SENDS) {
    map.pendingEdit = null;
    map.queuedEdits = [];
    map.statusLine.textContent = "Your last change did not reach the server: please make it again.";
    map.statusLine.hidden = false;
    return;
  }
  pending.session = session;
  send(map, pending);
}

/**
 * What of a map's state sending edits uses (state.js has it all).
 * @typedef {object} EditSender
 * @property {{setTriggerValue: (name: string, value: Edit) => void} | null} component
 * @property {PendingEdit | null} pendingEdit
 * @property {Edit[]} queuedEdits
 * @property {string | null} session
 * @property {{textContent: string, hidden: boolean}} statusLine
 */

/**
 * An edit sent and not yet answered.
 * @typedef {object} PendingEdit
 * @property {Edit} edit
 * @property {number} sentAt performance.now() when last sent
 * @property {string | null} session the Python session it was sent to
 * @property {number} sends how many times it was sent
 */

/**
 * On new data from Python: forget the pending edit once answered, send it again when it was
 * lost (a connection dropped right after it), or say so after ``MAX_SENDS`` sends.
 * @param {EditSender} map
 * @param {Pick<DeckmapData, "session" | "edit_key">} data
 */
export function answerPendingEdit(map, data) {
  const pending = map.pendingEdit;
  map.session = data.session;
  if (!pending) return;
  if (data.edit_key === pending.edit.key) {
    map.pendingEdit = null;
    const next = map.queuedEdits.shift();
    if (next) sendEdit(map, next);
    return;
  }
  if (data.session === pending.session && performance.now() - pending.sentAt < RESEND_AFTER_MS) {
    return;
  }
  resend(map, pending, data.session);
}
