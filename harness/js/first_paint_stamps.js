(() => {
  const bench = window.__bench;
  bench.paint = { component: null, basemap: null, drawn: null, renders: 0 };
  const layer = (map, deck, id) => map.layers().find((l) => l.deck === deck && l.id === id);
  const poll = () => {
    const map = window.__deckmapTest;
    const basemap = map && layer(map, "base", "basemap");
    if (basemap && basemap.loaded && bench.paint.basemap === null) {
      bench.paint.basemap = performance.now();
    }
    if (map && map.stats().frames > 0 && bench.paint.component === null) {
      bench.paint.component = performance.now();
      map.onDraw((deck) => {
        if (deck === "top") bench.paint.renders += 1;
        if (bench.paint.drawn !== null || deck === "fills") return;
        const basemap = layer(map, "base", "basemap");
        const rings = layer(map, "top", "rings");
        if (basemap && basemap.loaded && rings && rings.count) {
          bench.paint.drawn = performance.now();
        }
      });
    }
    if (bench.paint.drawn === null) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();
