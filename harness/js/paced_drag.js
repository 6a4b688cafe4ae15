async ([steps, dx, dy, variant]) => {
  const map = window.__deckmapTest;
  // The basemap has a Deck of its own, under the one that draws the drag.
  map.basemap({ "no borders": "no borders", "no basemap": "none" }[variant] ?? "full");
  const [site] = map.sites();
  const from = [site.lon, site.lat];
  const [x0, y0] = map.project(from);
  const at = (i) => map.unproject([x0 + (dx * i) / steps, y0 + (dy * i) / steps]);
  map.drag.start(site.id);
  // Let the GPU process finish what came before.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const stamps = [];
  await new Promise((resolve) => {
    let i = 0;
    const frame = (t) => {
      stamps.push(t);
      if (i === steps) return resolve();
      map.drag.move(at(++i));
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  map.basemap("full");
  map.drag.cancel();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  return stamps.slice(1).map((t, i) => t - stamps[i]);
}
