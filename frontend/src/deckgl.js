// deck.gl's classes, a bundle of its own (static/deckgl.js, most of the map's code) that
// index.js imports by URL when the map starts: it loads while the 2D preview (preview.js) is
// drawn, by the small deckmap.js, which does not need it.

export { _GlobeView as GlobeView, Deck, MapView } from "@deck.gl/core";
export { JSONConverter } from "@deck.gl/json";
export {
  GeoJsonLayer,
  PathLayer,
  ScatterplotLayer,
  SolidPolygonLayer,
  TextLayer,
} from "@deck.gl/layers";
