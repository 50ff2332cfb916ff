// Map at scale: a generated 10,000-vertex routes file, load-to-drawn time and frame times
// while panning, in headless Chromium against the release build.
// Usage: node bench/map-scale.mjs [dist] [vertices]
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, median, percentile, fmt } from './lib.mjs';

const dist = process.argv[2] ?? 'dist';
const vertices = Number(process.argv[3] ?? 10_000);

/** Ten wiggly routes along the river near Xiasha, `vertices` positions in all (seeded). */
export function bigRoutes(total, routes = 10) {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const per = Math.floor(total / routes);
  const features = [];
  for (let r = 0; r < routes; r++) {
    let lon = 113.10 + r * 0.002, lat = 22.552 + r * 0.001;
    const coordinates = [];
    for (let i = 0; i < per; i++) {
      lon += 0.00002 + (random() - 0.5) * 0.00004;
      lat += (random() - 0.5) * 0.00004 + 0.000005;
      coordinates.push([+lon.toFixed(6), +lat.toFixed(6)]);
    }
    features.push({ type: 'Feature', properties: { name: `Route ${r + 1}` }, geometry: { type: 'LineString', coordinates } });
  }
  return { type: 'FeatureCollection', features };
}

const site = mkdtempSync(join(tmpdir(), 'rg-bench-'));
cpSync(dist, site, { recursive: true });
writeFileSync(join(site, 'content/routes.geojson'), JSON.stringify(bigRoutes(vertices)));
const stop = await serve(site, 4302);
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const loads = [];
  for (let run = 0; run < 5; run++) {
    await page.goto('http://127.0.0.1:4302/map?lang=en');
    await page.waitForFunction(() => document.querySelectorAll('svg.map path.route').length === 10, null, { polling: 'raf' });
    loads.push(await page.evaluate(() => performance.now()));
  }
  // Pan: 120 drag steps while every frame's duration is recorded.
  const box = await page.locator('svg.map').boundingBox();
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__frames.length < 100000) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 0; i < 120; i++) {
    await page.mouse.move(cx + 150 * Math.sin(i / 10), cy + 100 * Math.cos(i / 13));
  }
  await page.mouse.up();
  // Zoomed in (finer simplification), pan again.
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 0; i < 120; i++) await page.mouse.move(cx + 150 * Math.sin(i / 10), cy + 100 * Math.cos(i / 13));
  await page.mouse.up();
  const frames = (await page.evaluate(() => window.__frames)).slice(1);
  console.log(`map with ${vertices} vertices in 10 routes (headless Chromium, no throttling)`);
  console.log(`  navigation → all routes drawn: median ${fmt(median(loads))} of 5 loads, worst ${fmt(Math.max(...loads))}`);
  console.log(`  frame time while panning (${frames.length} frames): median ${fmt(median(frames))}, p95 ${fmt(percentile(frames, 95))}, worst ${fmt(Math.max(...frames))}`);
} finally {
  await browser.close();
  stop();
  rmSync(site, { recursive: true, force: true });
}
