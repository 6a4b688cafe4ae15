// deck.gl's classes, once loaded: deckgl.js is a bundle of its own, imported by URL when the map
// starts (index.js), so the small bundle can draw the 2D preview meanwhile.

/** @type {typeof import("./deckgl.js") | null} */
export let GL = null;
/** pydeck's JSON converter (@deck.gl/json), for the static layers Python describes. */
export let CONVERTER = null;

/** Load deck.gl from ``url`` (once per page). */
export async function loadDeckGl(url) {
  GL ??= await import(url);
  CONVERTER ??= new GL.JSONConverter({
    // pydeck always names a MapView; the views themselves are set by decks.js.
    configuration: {
      classes: {
        GeoJsonLayer: GL.GeoJsonLayer,
        MapView: GL.MapView,
        PathLayer: GL.PathLayer,
        ScatterplotLayer: GL.ScatterplotLayer,
      },
    },
  });
}
