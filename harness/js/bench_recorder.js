(() => {
  const bench = { ws: [], sent: [], states: [], status: [], up: null, shown: null };
  window.__bench = bench;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (e) => {
        const d = e.data;
        bench.ws.push([performance.now(), d.byteLength ?? d.size ?? d.length]);
      });
    }
    send(data) {
      bench.sent.push(performance.now());
      return super.send(data);
    }
  };
  addEventListener("pointerup", () => { bench.up = performance.now(); }, true);
  bench.long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.long.push([e.startTime, e.duration]);
  }).observe({ type: "longtask" });
})();
