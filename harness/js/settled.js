(previousUrl) => {
    if (location.href === previousUrl) return false;
    if (document.querySelector('[data-testid=stStatusWidget]')) return false;
    const map = window.__deckmapTest;
    if (!map || map.stats().frames === 0 || map.mode() === 'dragging') return false;
    const inUrl = new URL(location.href).searchParams.getAll('site').map((v) => v.split(','));
    const sites = map.sites();
    return inUrl.length === sites.length && inUrl.every(([lat, lon, ...name], i) =>
        Number(lat) === sites[i].lat && Number(lon) === sites[i].lon
        && name.join(',') === sites[i].name);
}
