// The map's style sheet. Its colours follow Streamlit's theme, light or dark: Streamlit sets its
// theme as CSS custom properties (--st-text-color, …) on a wrapper of the component, and they
// inherit into its shadow root. The fallbacks are Streamlit's light theme, for a page that has
// none. What is drawn on the map itself (basemap, rings, labels) keeps one palette in both
// themes, like a paper map; what sits over it (status line, legend, tooltip) has a solid ground.

export const STYLE = `
.deckmap { --fg: var(--st-text-color, #31333f); --bg: var(--st-background-color, #fff);
  --panel: var(--st-secondary-background-color, #f0f2f6);
  --line: var(--st-border-color, #d5d6d8);
  /* A control's edge, 3:1 against the bar in both themes (WCAG 1.4.11). */
  --edge: color-mix(in srgb, var(--fg) 55%, var(--bg));
  --muted: color-mix(in srgb, var(--fg) 72%, var(--bg));
  --accent: #0072b2;
  /* Its height (border included) is the box Python reserved before this code loaded (dom.js),
     so nothing around the map moves when it mounts. */
  display: flex; flex-direction: column; box-sizing: border-box;
  border: 1px solid var(--line);
  border-radius: 6px; overflow: hidden; color: var(--fg);
  font: 13px var(--st-font, sans-serif); }
/* deck.gl styles the canvas outline: none inline: the focus ring needs !important. Drawn
   inside the canvas, which the map's rounded box would clip. */
.deckmap .view > canvas.top:focus-visible { outline: 3px solid var(--accent) !important;
  outline-offset: -3px; }
.deckmap button:focus-visible, .deckmap input:focus-visible { outline: 2px solid var(--fg);
  outline-offset: 1px; }
/* Where Enter adds a site (or a measure's end) when adding or measuring by keyboard. */
.deckmap .crosshair { position: absolute; left: 50%; top: 50%; width: 22px; height: 22px;
  margin: -11px 0 0 -11px; pointer-events: none; display: none;
  background: linear-gradient(var(--accent), var(--accent)) center / 2px 100% no-repeat,
    linear-gradient(var(--accent), var(--accent)) center / 100% 2px no-repeat; }
.deckmap:is([data-mode="adding"], [data-mode="measuring"], [data-mode="targeting"])
  .view:has(canvas.top:focus-visible) .crosshair { display: block; }
/* The bar has one height per width, whatever it says, so the map below never shifts: one row
   on a wide map, two on a narrow one (a phone, a column), the site's controls in the second.
   A button whose text does not fit wraps it, never clips it. */
.deckmap { container-type: inline-size; }
.deckmap .bar { display: flex; gap: 4px 6px; flex-wrap: wrap; align-content: center;
  align-items: center; flex: none; height: 40px; box-sizing: border-box; padding: 0 8px;
  background: var(--panel); border-bottom: 1px solid var(--line); }
.deckmap .edit { display: flex; gap: 6px; align-items: center; flex: none; }
@container (max-width: 760px) {
  /* Room for a site's name in three lines beside the three tools on a phone. */
  .deckmap .bar { height: 80px; }
  .deckmap .bar .hint { -webkit-line-clamp: 3; }
  .deckmap .edit { flex-basis: 100%; }
  /* No room beside a pressed button's longer text, which says what to do. */
  .deckmap:is([data-mode="adding"], [data-mode="measuring"], [data-mode="targeting"]) .hint {
    display: none; }
}
/* Around the globe (and past the flat map's poles): the page, apart from the ocean (basemap.js). */
.deckmap .view { position: relative; flex: 1; background: var(--bg); }
/* Fit and Reset (camera.js), over the map's top left corner (the legend has the right). */
.deckmap .camera { position: absolute; left: 8px; top: 8px; z-index: 1; display: flex; gap: 4px; }
.deckmap .camera button { box-shadow: 0 1px 2px rgba(0,0,0,.3); }
.deckmap .view > canvas { position: absolute; left: 0; top: 0; width: 100%; height: 100%; }
.deckmap .view > canvas.lower, .deckmap .view > canvas.preview { pointer-events: none; }
.deckmap button { font: inherit; line-height: 1.15; min-height: 26px; min-width: min-content;
  padding: 2px 8px; border: 1px solid var(--edge); border-radius: 4px; background: var(--bg);
  color: var(--fg); cursor: pointer; }
.deckmap button[aria-pressed="true"] { background: var(--accent); color: #fff;
  border-color: var(--accent); }
.deckmap button:disabled { opacity: .45; cursor: default; }
.deckmap button { flex: 0 1 auto; }
.deckmap input { flex: none; }
.deckmap input { font: inherit; width: 5.8em; padding: 1px 4px; color: var(--fg);
  background: var(--bg); border: 1px solid var(--edge); border-radius: 3px; }
.deckmap input:disabled { opacity: .6; }
.deckmap input::placeholder { color: var(--muted); opacity: 1; }
/* Over the map: the status line at the bottom left, clear of the scale bar at the right. */
.deckmap .status { position: absolute; left: 8px; bottom: 8px; z-index: 1; padding: 3px 8px;
  max-width: calc(100% - 150px);
  background: var(--bg); color: var(--fg); border-radius: 4px;
  box-shadow: 0 1px 2px rgba(0,0,0,.3); }
.deckmap .tooltip { position: absolute; z-index: 3; pointer-events: none; max-width: 22em;
  padding: 6px 8px; background: rgba(30,30,30,.94); color: #fff; border-radius: 4px;
  box-shadow: 0 1px 3px rgba(0,0,0,.4); white-space: pre-line; font-size: 12px; }
/* The hint or the site's name: up to two lines (three on a narrow map). */
.deckmap .hint { color: var(--fg); flex: 1 1 0; min-width: 0; overflow: hidden;
  line-height: 1.15; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2;
  overflow-wrap: anywhere; }
.deckmap .scalebar { position: absolute; right: 8px; bottom: 8px; z-index: 1; padding: 2px 6px;
  background: color-mix(in srgb, var(--bg) 88%, transparent); color: var(--fg);
  border-radius: 3px; font-size: 11px; line-height: 1.2; cursor: help; }
.deckmap .scalebar .rule { box-sizing: border-box; height: 5px; border: 2px solid var(--fg);
  border-top: none; }
.deckmap .legend { position: absolute; right: 8px; top: 8px; z-index: 1; max-width: 15em;
  padding: 3px 8px; background: color-mix(in srgb, var(--bg) 92%, transparent);
  color: var(--fg); border-radius: 4px; box-shadow: 0 1px 2px rgba(0,0,0,.3);
  font-size: 12px; line-height: 1.3; }
.deckmap .legend summary { cursor: pointer; font-weight: 600; }
.deckmap .legend ul { list-style: none; margin: 2px 0 2px; padding: 0; }
.deckmap .legend li { display: flex; gap: 6px; align-items: center; }
.deckmap .legend .swatch { flex: none; width: 18px; border-radius: 2px; }
.deckmap .legend .swatch.ring { height: 4px; }
/* The marks as the map draws them: a site ringed in white, a capital, a smaller city dot. */
.deckmap .legend .swatch.site { height: 14px;
  background-image: radial-gradient(circle, var(--mark) 3.5px, #fff 4px 5.5px, transparent 6px); }
.deckmap .legend .swatch.capital { height: 14px;
  background-image: radial-gradient(circle, var(--mark) 4px, transparent 4.5px); }
.deckmap .legend .swatch.city { height: 14px;
  background-image: radial-gradient(circle, var(--mark) 2px, transparent 2.5px); }
`;
