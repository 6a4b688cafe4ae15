() => {
  const b = window.__bench;
  for (const list of [b.ws, b.sent, b.states, b.status, b.long]) list.length = 0;
  b.up = null;
  b.shown = null;
  b.pending = false;
  b.fallback = false;
}
