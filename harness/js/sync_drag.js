async ([steps, dx, dy]) => {
  const map = window.__deckmapTest;
  const [site] = map.sites();
  const from = [site.lon, site.lat];
  const [x0, y0] = map.project(from);
  const at = (i) => map.unproject([x0 + (dx * i) / steps, y0 + (dy * i) / steps]);
  map.drag.start(site.id);
  const rows = [];
  for (let i = 1; i <= steps; i++) {
    const t0 = performance.now();
    map.drag.move(at(i));
    const t1 = performance.now();
    map.drawNow();
    rows.push([map.stats().lastFrameMs, t1 - t0, performance.now() - t1, performance.now() - t0]);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  // Back exactly where it was: nothing is sent to Python.
  map.drag.cancel();
  return rows;
}
