() => {
  const map = window.__deckmapTest;
  const [site] = map.sites();
  return map.project([site.lon, site.lat]);
}
