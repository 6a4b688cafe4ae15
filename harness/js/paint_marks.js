(() => {
  window.__paint = {};
  const poll = () => {
    const map = window.__deckmapTest;
    if (map && !__paint.mounted) __paint.mounted = performance.now();
    if (map && map.stats().drawn.top > 0 && !__paint.drawn) __paint.drawn = performance.now();
    if (!__paint.drawn) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();
