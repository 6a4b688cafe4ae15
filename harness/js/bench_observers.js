() => {
  const b = window.__bench;
  const app = document.querySelector("[data-testid=stApp]");
  const line = window.__deckmapTest.element().querySelector(".status");
  const check = () => {
    if (b.up === null || b.shown !== null || b.pending) return;
    const moved = b.status.some(([t, text]) => t > b.up && text.startsWith("Moved"));
    const busy = b.states.findIndex(([t, s]) => t > b.up && s !== "notRunning");
    const idle = busy >= 0 && b.states.slice(busy).some(([, s]) => s === "notRunning");
    if (moved && idle) {
      b.pending = true;
      const stamp = () => {
        b.shown = performance.now();
        b.pending = false;
      };
      requestAnimationFrame(() => setTimeout(stamp));
      return;
    }
    // A rerun whose messages all waited for one busy stretch of the main thread can reach
    // React as one update, so the script state is never seen as running. Then: the status
    // line moved, the app is idle and no message came for 300 ms; shown is counted from the
    // later of the status line and the last message (no frame added).
    const last = b.ws.length ? b.ws[b.ws.length - 1][0] : 0;
    const statusAt = moved ? b.status.findLast(([t]) => t > b.up)[0] : 0;
    const quiet = performance.now() - last > 300;
    if (moved && busy < 0 && quiet && app.getAttribute("data-test-script-state") === "notRunning") {
      b.shown = Math.max(statusAt, last);
      b.fallback = true;
    }
  };
  setInterval(check, 100);
  new MutationObserver(() => {
    b.states.push([performance.now(), app.getAttribute("data-test-script-state")]);
    check();
  }).observe(app, { attributes: true, attributeFilter: ["data-test-script-state"] });
  new MutationObserver(() => {
    b.status.push([performance.now(), line.textContent]);
    check();
  }).observe(line, { childList: true, characterData: true, subtree: true });
}
