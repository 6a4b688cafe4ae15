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
 * @property {{fill: number[], line: number[], line_width_px: number}} basemap
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
 * @property {"map" | "globe"} view
 * @property {number} tolerance_m the rings' chord tolerance for export, metres: the floor of
 *   the drawing tolerance (geodesy.js screenToleranceM)
 * @property {string} status what the last edit did, shown on the map ("" for nothing)
 */

/**
 * The edit the map reports, as the trigger value "edit". ``from`` is where the site was, so
 * Python can refuse an edit of a site that changed since (ui/edits.py validates every field).
 * An added site has no ``id`` nor ``from``. A measure ("measure") is the geodesic from ``from``
 * to (``lat``, ``lon``), with no ``id``.
 * @typedef {object} Edit
 * @property {"move" | "add" | "remove" | "measure"} action
 * @property {string | null} id
 * @property {number} lat
 * @property {number} lon
 * @property {[number, number] | null} from [lat, lon]
 */

/**
 * Send an edit to Python, which answers with new data (a rerun).
 * @param {{setTriggerValue: (name: string, value: Edit) => void}} component Streamlit's
 * @param {Edit} edit
 */
export function sendEdit(component, edit) {
  component.setTriggerValue("edit", edit);
}
