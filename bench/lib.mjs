// Shared pieces of the benchmarks: serve a built site on loopback and open Debian's Chromium.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

// Ctrl-C, a closed pipe or a kill still run the 'exit' handlers that stop our servers.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGPIPE']) process.once(signal, () => process.exit(130));

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const RESULTS = join(ROOT, 'bench', 'results');

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * The loopback port of one benchmark: BENCH_PORT (default 4300) plus a fixed offset per script,
 * so that scripts never share a port (1 answer-latency, 2 map-scale, 3 the Leaflet page,
 * 4-5 lighthouse, 6 memory-soak).
 */
export const port = (offset) => Number(process.env.BENCH_PORT ?? 4300) + offset;

/** Serves `dir` on 127.0.0.1:`port` with the tests' static server; returns a stop function. */
export async function serve(dir, port) {
  const server = spawn('node', [join(ROOT, 'tests/e2e/static-server.mjs'), dir, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  // Never leave the server behind, however this process ends.
  process.once('exit', () => server.kill());
  await new Promise((resolve, reject) => {
    server.stdout.once('data', resolve);
    server.once('exit', (code) => reject(new Error(`static server on port ${port} exited (${code}); is the port in use?`)));
  });
  return () => server.kill();
}

// What deploy/nginx.conf adds to the test server's answers: gzip (level 6, the same types, not
// below 512 bytes) and a year-long immutable Cache-Control for trunk's content-hashed files.
const GZIP_TYPES = /^(text\/css|text\/javascript|application\/(javascript|wasm|json|geo\+json|manifest\+json)|image\/svg\+xml)/;
const HASHED = /^\/[^/]+-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;

/**
 * Serves `dir` like the production host: the tests' static server (fallback to index.html,
 * MIME types, the CSP and other security headers) on `innerPort`, behind a small proxy on
 * `port` that compresses and sets caching as deploy/nginx.conf does. Returns a stop function.
 */
export async function serveLikeHost(dir, port, innerPort) {
  const stopInner = await serve(dir, innerPort);
  const proxy = createServer((req, res) => {
    const upstream = request({ host: '127.0.0.1', port: innerPort, path: req.url, method: req.method, headers: req.headers }, (up) => {
      const chunks = [];
      up.on('data', (c) => chunks.push(c));
      up.on('end', () => {
        let body = Buffer.concat(chunks);
        const headers = { ...up.headers };
        delete headers['content-length'];
        delete headers['transfer-encoding'];
        delete headers.connection;
        const path = new URL(req.url, 'http://localhost').pathname;
        if (up.statusCode === 200 && HASHED.test(path)) headers['cache-control'] = 'public, max-age=31536000, immutable';
        if (GZIP_TYPES.test(headers['content-type'] ?? '')) {
          headers.vary = 'Accept-Encoding';
          if (body.length >= 512 && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
            body = gzipSync(body, { level: 6 });
            headers['content-encoding'] = 'gzip';
          }
        }
        headers['content-length'] = String(body.length);
        res.writeHead(up.statusCode, headers).end(req.method === 'HEAD' ? undefined : body);
      });
    });
    upstream.on('error', (e) => res.writeHead(502).end(String(e)));
    req.pipe(upstream);
  });
  await new Promise((resolve, reject) => proxy.once('error', reject).listen(port, '127.0.0.1', resolve));
  return () => { proxy.close(); proxy.closeAllConnections?.(); stopInner(); };
}

/** Launches headless Chromium from apt. */
export function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A fresh page in its own context with the service worker off (it would precache the whole
 * site in the background while we measure, and answer later loads from its cache). */
export async function newPage(browser, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  return context.newPage();
}

/** Ten wiggly routes along the river near Xiasha, `total` positions in all (seeded): the same
 * file for our map and for the Leaflet page. */
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

/** Writes one benchmark's numbers to bench/results/<name>.json, for scripts/bench.sh's summary. */
export function writeResult(name, data) {
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, `${name}.json`), JSON.stringify({ ...data, at: new Date().toISOString() }, null, 2));
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
export const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
export const fmt = (ms) => `${ms.toFixed(1)} ms`;
