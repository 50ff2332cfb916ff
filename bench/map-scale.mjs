// Map at scale, side by side with a peer: one generated 10,000-vertex routes file drawn by our
// map (the release build, the file served as /content/routes.geojson) and by a Leaflet 1.9 page
// (bench/leaflet/, L.geoJSON, no tiles; the default SVG renderer and preferCanvas), in one run
// of the same headless Chromium, same viewport, same map size, same mouse drags.
//
// For each map: navigation → the first frame with all routes drawn (5 loads, interleaved between
// the maps; median, and the first, cold load), then two drags of 120 mouse moves (at the fitted
// zoom, then after three "Zoom in" taps, ×1.5 each on both) while every frame's duration is
// recorded, plus Chromium's main-thread task time (CDP Performance.getMetrics) per move.
// Usage: node bench/map-scale.mjs [dist] [vertices, default 10000] [loads, default 5]
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { serve, launch, newPage, port, bigRoutes, writeResult, median, percentile, fmt, ROOT } from './lib.mjs';

const dist = process.argv[2] ?? 'dist';
const vertices = Number(process.argv[3] ?? 10_000);
const loads = Number(process.argv[4] ?? 5);
const MOVES = 120;
const VIEWPORT = { width: 1280, height: 800 };

const geojson = JSON.stringify(bigRoutes(vertices));
const routeCount = JSON.parse(geojson).features.length;

// Our site: the release build with the big file in place of the shipped routes.
const site = mkdtempSync(join(tmpdir(), 'rg-bench-'));
cpSync(dist, site, { recursive: true });
writeFileSync(join(site, 'content/routes.geojson'), geojson);
const stopSite = await serve(site, port(2));

// The peer: the bench's own tiny server for the Leaflet page, Leaflet's files from node_modules
// and the same routes file (no compression, like the tests' static server).
const leafletDist = join(createRequire(import.meta.url).resolve('leaflet/package.json'), '..', 'dist');
const files = {
  '/': [join(ROOT, 'bench/leaflet/index.html'), 'text/html; charset=utf-8'],
  '/map.js': [join(ROOT, 'bench/leaflet/map.js'), 'text/javascript'],
  '/page.css': [join(ROOT, 'bench/leaflet/page.css'), 'text/css'],
  '/leaflet/leaflet.js': [join(leafletDist, 'leaflet.js'), 'text/javascript'],
  '/leaflet/leaflet.css': [join(leafletDist, 'leaflet.css'), 'text/css'],
};
const peer = createServer((req, res) => {
  const path = new URL(req.url, 'http://localhost').pathname;
  if (path === '/routes.geojson') return res.writeHead(200, { 'content-type': 'application/geo+json', 'cache-control': 'no-cache' }).end(geojson);
  const file = files[path];
  if (!file) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': file[1], 'cache-control': 'no-cache' }).end(readFileSync(file[0]));
});
await new Promise((resolve, reject) => peer.once('error', reject).listen(port(3), '127.0.0.1', resolve));

// Records, from the first animation frame on, the time of the first frame in which the map's
// routes are all there; and on demand every frame's duration.
const PROBE = `(() => {
  const ready = () => window.__drawn === true || document.querySelectorAll('svg.map path.route').length === ${routeCount};
  const poll = () => { if (ready()) window.__drawnAt = performance.now(); else requestAnimationFrame(poll); };
  requestAnimationFrame(poll);
  window.__recordFrames = () => {
    window.__frames = [];
    window.__recording = true;
    let last = performance.now();
    const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__recording) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  };
})();`;

const browser = await launch();
const maps = [
  { name: 'ours (SVG, wasm)', key: 'ours', base: `http://127.0.0.1:${port(2)}/map?lang=en`, map: 'svg.map', zoomIn: (page) => page.getByRole('button', { name: 'Zoom in' }) },
  { name: 'Leaflet 1.9 SVG', key: 'leafletSvg', base: `http://127.0.0.1:${port(3)}/?renderer=svg`, map: '#map', zoomIn: (page) => page.getByRole('button', { name: 'Zoom in' }) },
  { name: 'Leaflet 1.9 canvas', key: 'leafletCanvas', base: `http://127.0.0.1:${port(3)}/?renderer=canvas`, map: '#map', zoomIn: (page) => page.getByRole('button', { name: 'Zoom in' }) },
];

/** Loads `url` and returns navigation → first frame with the routes drawn (ms). */
async function load(page, url) {
  await page.goto(url);
  const handle = await page.waitForFunction(() => window.__drawnAt, null, { timeout: 60_000 });
  return handle.jsonValue();
}

/** One drag of MOVES mouse moves through the map's middle; frames and main-thread time per move. */
async function drag(page, cdp, selector) {
  const box = await page.locator(selector).boundingBox();
  const cx = box.x + box.width / 2, cy = box.y + Math.min(box.height / 2, (VIEWPORT.height - box.y) / 2);
  await page.mouse.move(cx, cy);
  await page.evaluate(() => window.__recordFrames());
  const before = await mainThread(cdp);
  const t0 = performance.now();
  await page.mouse.down();
  for (let i = 0; i < MOVES; i++) await page.mouse.move(cx + 150 * Math.sin(i / 10), cy + 100 * Math.cos(i / 13));
  await page.mouse.up();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const dragMs = performance.now() - t0;
  const after = await mainThread(cdp);
  const frames = await page.evaluate(() => { window.__recording = false; return window.__frames.slice(1); });
  const perMove = (name) => ((after[name] - before[name]) * 1000) / MOVES;
  return {
    frames, dragMs, mainMsPerMove: perMove('TaskDuration'),
    breakdown: { script: perMove('ScriptDuration'), style: perMove('RecalcStyleDuration'), layout: perMove('LayoutDuration') },
  };
}
/** Chromium's cumulative main-thread times (seconds): all tasks, script, style, layout. */
const mainThread = async (cdp) => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics
  .filter((m) => ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration'].includes(m.name))
  .map((m) => [m.name, m.value]));

const results = Object.fromEntries(maps.map((m) => [m.key, { name: m.name, loads: [], fitted: null, zoomed: null }]));
const started = Date.now();
try {
  // The map's size on our page, given to the Leaflet page so both draw into the same box.
  {
    const page = await newPage(browser, VIEWPORT);
    await page.addInitScript(PROBE);
    await load(page, maps[0].base);
    const box = await page.locator('svg.map').boundingBox();
    for (const m of maps.slice(1)) m.url = `${m.base}&w=${Math.round(box.width)}&h=${Math.round(box.height)}`;
    maps[0].url = maps[0].base;
    await page.context().close();
  }
  const pages = {};
  for (const m of maps) {
    pages[m.key] = await newPage(browser, VIEWPORT);
    await pages[m.key].addInitScript(PROBE);
  }
  for (let run = 0; run < loads; run++) {
    for (const m of maps) results[m.key].loads.push(await load(pages[m.key], m.url));
  }
  for (const m of maps) {
    const page = pages[m.key];
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    results[m.key].fitted = await drag(page, cdp, m.map);
    for (let i = 0; i < 3; i++) await m.zoomIn(page).click();
    await page.waitForTimeout(500); // Leaflet animates its zoom
    results[m.key].zoomed = await drag(page, cdp, m.map);
  }
} finally {
  await browser.close();
  stopSite();
  peer.close();
  rmSync(site, { recursive: true, force: true });
}

const summary = (r) => {
  const pan = [...r.fitted.frames, ...r.zoomed.frames];
  return {
    name: r.name,
    loadMedianMs: median(r.loads), loadFirstMs: r.loads[0], loadWorstMs: Math.max(...r.loads), loads: r.loads,
    panFrames: pan.length, panMedianMs: median(pan), panP95Ms: percentile(pan, 95), panWorstMs: Math.max(...pan),
    panFittedP95Ms: percentile(r.fitted.frames, 95), panZoomedP95Ms: percentile(r.zoomed.frames, 95),
    // Frames longer than 1.5 vsyncs: at least one frame skipped.
    panLongFrames: pan.filter((f) => f > 25).length,
    // Wall time for both drags (each move waits for the page to take it): input throughput.
    dragMs: r.fitted.dragMs + r.zoomed.dragMs,
    mainMsPerMove: (r.fitted.mainMsPerMove + r.zoomed.mainMsPerMove) / 2,
    mainBreakdownPerMove: Object.fromEntries(Object.keys(r.fitted.breakdown)
      .map((k) => [k, (r.fitted.breakdown[k] + r.zoomed.breakdown[k]) / 2])),
  };
};
const s = Object.fromEntries(Object.entries(results).map(([k, r]) => [k, summary(r)]));
console.log(`map with ${vertices} vertices in ${routeCount} routes, ours vs Leaflet 1.9.4, headless Chromium, no throttling, viewport ${VIEWPORT.width}×${VIEWPORT.height}, ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${'map'.padEnd(20)} ${'load median'.padStart(12)} ${'first load'.padStart(11)} | ${'drags'.padStart(8)} ${'frames'.padStart(6)} ${'>25ms'.padStart(5)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'worst'.padStart(8)} ${'p95 fit'.padStart(8)} ${'p95 zoom'.padStart(8)} | main thread/move`);
for (const r of Object.values(s)) {
  console.log(`${r.name.padEnd(20)} ${fmt(r.loadMedianMs).padStart(12)} ${fmt(r.loadFirstMs).padStart(11)} | ${`${(r.dragMs / 1000).toFixed(2)} s`.padStart(8)} ${String(r.panFrames).padStart(6)} ${String(r.panLongFrames).padStart(5)} ${fmt(r.panMedianMs).padStart(8)} ${fmt(r.panP95Ms).padStart(8)} ${fmt(r.panWorstMs).padStart(8)} ${fmt(r.panFittedP95Ms).padStart(8)} ${fmt(r.panZoomedP95Ms).padStart(8)} | ${fmt(r.mainMsPerMove)} (script ${r.mainBreakdownPerMove.script.toFixed(1)}, style ${r.mainBreakdownPerMove.style.toFixed(1)}, layout ${r.mainBreakdownPerMove.layout.toFixed(1)})`);
}
console.log('  (load: navigation → first frame with every route drawn; drags: wall time of both drags of ' + MOVES + ' mouse moves; frames: rAF frame durations during them, >25ms = a frame skipped; main thread/move: the renderer main thread\'s task time during a drag ÷ moves, input dispatch included)');
const ratios = {};
for (const peerKey of ['leafletSvg', 'leafletCanvas']) {
  ratios[peerKey] = {
    load: s[peerKey].loadMedianMs / s.ours.loadMedianMs,
    panP95: s[peerKey].panP95Ms / s.ours.panP95Ms,
    drag: s[peerKey].dragMs / s.ours.dragMs,
    mainPerMove: s[peerKey].mainMsPerMove / s.ours.mainMsPerMove,
  };
  console.log(`  ${s[peerKey].name} ÷ ours (above 1: ours faster): load ${ratios[peerKey].load.toFixed(2)}×, pan frame p95 ${ratios[peerKey].panP95.toFixed(2)}×, drag time ${ratios[peerKey].drag.toFixed(2)}×, frames skipped ${s[peerKey].panLongFrames} vs ${s.ours.panLongFrames}, main-thread time per move ${ratios[peerKey].mainPerMove.toFixed(2)}×`);
}
writeResult('map-scale', { vertices, routes: routeCount, loads, moves: MOVES, viewport: VIEWPORT, maps: s, ratios });
