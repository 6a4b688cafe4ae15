// The map's style sheet. Its colours follow Streamlit's theme, light or dark: Streamlit sets its
// theme as CSS custom properties (--st-text-color, …) on a wrapper of the component, and they
// inherit into its shadow root. The fallbacks are Streamlit's light theme, for a page that has
// none. What is drawn on the map itself (basemap, rings, labels) keeps one palette in both
// themes, like a paper map; what sits over it (status line, legend, tooltip) has a solid ground.

export const HEIGHT_PX = 560;

export const STYLE = `
.deckmap { --fg: var(--st-text-color, #31333f); --bg: var(--st-background-color, #fff);
  --panel: var(--st-secondary-background-color, #f0f2f6);
  --line: var(--st-border-color, #d5d6d8);
  /* A control's edge, 3:1 against the bar in both themes (WCAG 1.4.11). */
  --edge: color-mix(in srgb, var(--fg) 55%, var(--bg));
  --muted: color-mix(in srgb, var(--fg) 72%, var(--bg));
  --accent: #0072b2;
  display: flex; flex-direction: column; height: ${HEIGHT_PX}px; border: 1px solid var(--line);
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
.deckmap:is([data-mode="adding"], [data-mode="measuring"]) .view:has(canvas.top:focus-visible)
  .crosshair { display: block; }
.deckmap .bar { display: flex; gap: 6px; flex-wrap: nowrap; align-items: center; flex: none;
  height: 36px; box-sizing: border-box; padding: 0 8px; background: var(--panel);
  border-bottom: 1px solid var(--line); }
/* Around the globe (and past the flat map's poles): the page, apart from the ocean (basemap.js). */
.deckmap .view { position: relative; flex: 1; background: var(--bg); }
.deckmap .view > canvas { position: absolute; left: 0; top: 0; width: 100%; height: 100%; }
.deckmap .view > canvas.lower, .deckmap .view > canvas.preview { pointer-events: none; }
.deckmap button { font: inherit; padding: 2px 8px; border: 1px solid var(--edge);
  border-radius: 4px; background: var(--bg); color: var(--fg); cursor: pointer; }
.deckmap button[aria-pressed="true"] { background: var(--accent); color: #fff;
  border-color: var(--accent); }
.deckmap button:disabled { opacity: .45; cursor: default; }
.deckmap button, .deckmap input { flex: none; }
.deckmap input { font: inherit; width: 5.8em; padding: 1px 4px; color: var(--fg);
  background: var(--bg); border: 1px solid var(--edge); border-radius: 3px; }
.deckmap input:disabled { opacity: .6; }
.deckmap input::placeholder { color: var(--muted); opacity: 1; }
.deckmap .status { position: absolute; left: 8px; bottom: 8px; z-index: 1; padding: 3px 8px;
  background: var(--bg); color: var(--fg); border-radius: 4px;
  box-shadow: 0 1px 2px rgba(0,0,0,.3); }
/* The bar keeps one height whatever it says, so the map below never shifts. */
.deckmap .tooltip { position: absolute; z-index: 3; pointer-events: none; max-width: 22em;
  padding: 6px 8px; background: rgba(30,30,30,.94); color: #fff; border-radius: 4px;
  box-shadow: 0 1px 3px rgba(0,0,0,.4); white-space: pre-line; font-size: 12px; }
.deckmap .hint { color: var(--fg); flex: 1 1 auto; min-width: 0; overflow: hidden;
  text-overflow: ellipsis; white-space: nowrap; }
`;
