// The peer map of bench/map-scale.mjs: the same generated routes file drawn by Leaflet 1.9's
// L.geoJSON, with no tiles. Query: ?renderer=svg|canvas (Leaflet's default is SVG; canvas is
// preferCanvas), &w=&h= the map's size in CSS pixels (set to our map's size in the same run).
// window.__drawn is set once the routes are on the map (Leaflet adds SVG paths synchronously and
// paints a canvas in its next animation frame, the frame the benchmark's probe records).
(async () => {
  const params = new URLSearchParams(location.search);
  const el = document.getElementById('map');
  if (params.get('w')) el.style.setProperty('width', `${Number(params.get('w'))}px`);
  if (params.get('h')) el.style.setProperty('height', `${Number(params.get('h'))}px`);
  const map = L.map(el, {
    preferCanvas: params.get('renderer') === 'canvas',
    // Zoom buttons step by ×1.5, as ours do, so "three times zoom in" is the same scale on both.
    zoomSnap: 0,
    zoomDelta: Math.log2(1.5),
    attributionControl: false,
  });
  const data = await (await fetch('/routes.geojson')).json();
  const routes = L.geoJSON(data, { style: { color: '#1565c0', weight: 4 } });
  map.fitBounds(routes.getBounds(), { animate: false });
  routes.addTo(map);
  window.__drawn = true;
})();
