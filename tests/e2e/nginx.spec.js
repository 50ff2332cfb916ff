// The shipped nginx configuration (deploy/nginx.conf + deploy/security-headers.conf), as served by
// Debian's nginx: types, gzip, caching, deep links, real 404s and the security headers on every
// response. Runs only through scripts/nginx-e2e.sh, which starts nginx and sets E2E_SERVER=nginx.
import { test, expect } from '@playwright/test';
import { readFileSync, statSync } from 'node:fs';
import { get } from 'node:http';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { findLink } from '../../scripts/html-tags.mjs';

test.skip(process.env.E2E_SERVER !== 'nginx', 'needs nginx: scripts/nginx-e2e.sh');

const dist = resolve(process.env.E2E_DIST ?? 'dist');
const IMMUTABLE = 'public, max-age=31536000, immutable';
const gzip = { 'accept-encoding': 'gzip' };
const GZIP_MIN_LENGTH = 512; // deploy/nginx.conf: smaller files are not worth compressing

/** The file in the build behind a URL path. */
const fileOf = (path) => join(dist, path === '/' ? 'index.html' : path);

/** gzip is used (and announced with Vary) for every compressible file of a useful size. */
function expectGzip(headers, path) {
  if (statSync(fileOf(path)).size < GZIP_MIN_LENGTH) return;
  expect(headers['content-encoding'], `${path}: gzip`).toBe('gzip');
  expect(headers.vary ?? '', `${path}: Vary`).toMatch(/Accept-Encoding/i);
}

/** The build's hashed files, as index.html names them. */
function builtFiles() {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const find = (re) => {
    const m = re.exec(html);
    if (!m) throw new Error(`index.html names no ${re}`);
    return m[1];
  };
  const linked = (rel, re) => {
    const href = findLink(html, rel, re)?.attrs.get('href');
    if (!href) throw new Error(`index.html has no <link rel=${rel}> to ${re}`);
    return href;
  };
  return {
    boot: find(/<script type="module" src="(\/boot-[0-9a-f]{16}\.js)"/),
    js: linked('modulepreload', /^\/[^/]+-[0-9a-f]{8,16}\.js$/),
    wasm: linked('preload', /^\/[^/]+-[0-9a-f]{8,16}_bg\.wasm$/),
    css: linked('stylesheet', /^\/[^/]+-[0-9a-f]{8,16}\.css$/),
  };
}

/** The bytes as they travel (no decompression by the client). */
function rawGet(url, headers) {
  return new Promise((done, fail) => {
    get(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail);
  });
}

function expectSecurityHeaders(headers, what) {
  expect(headers['content-security-policy'], `${what}: CSP`).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(headers['x-content-type-options'], `${what}: nosniff`).toBe('nosniff');
  expect(headers['referrer-policy'], `${what}: referrer policy`).toBe('no-referrer');
  expect(headers['permissions-policy'], `${what}: permissions policy`).toContain('geolocation=(self)');
  expect(headers['x-frame-options'], `${what}: no X-Frame-Options (LMS iframes)`).toBeUndefined();
}

test('hashed app files: right types, gzip, cached for a year as immutable', async ({ request, baseURL }) => {
  const files = builtFiles();
  const expected = {
    boot: /^(application|text)\/javascript/, js: /^(application|text)\/javascript/,
    wasm: /^application\/wasm$/, css: /^text\/css/,
  };
  for (const [kind, path] of Object.entries(files)) {
    const response = await request.get(path, { headers: gzip });
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    expect(headers['content-type'], path).toMatch(expected[kind]);
    expect(headers['cache-control'], path).toBe(IMMUTABLE);
    expectGzip(headers, path);
    expectSecurityHeaders(headers, path);
  }
  // On the wire the wasm is gzip, much smaller, and unpacks to exactly the built file.
  const wire = await rawGet(new URL(files.wasm, baseURL), gzip);
  const built = readFileSync(fileOf(files.wasm));
  expect(wire.headers['content-encoding']).toBe('gzip');
  expect(wire.body.length).toBeLessThan(built.length * 0.6);
  expect(gunzipSync(wire.body).equals(built)).toBe(true);
});

test('lazily loaded wasm chunks and their loader: hashed, right types, gzip, cached for a year as immutable', async ({ request }) => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const loader = /<link rel="modulepreload" href="(\/[^"]+-split-[0-9a-f]{16}\.js)"/.exec(html)?.[1];
  expect(loader, 'index.html preloads the split loader').toBeTruthy();
  const chunks = [...readFileSync(fileOf(loader), 'utf8').matchAll(/"\.\/([^"/]+-[0-9a-f]{16}\.wasm)"/g)].map((m) => `/${m[1]}`);
  expect(chunks.length, 'the loader fetches chunks').toBeGreaterThan(0);
  for (const [path, type] of [[loader, /^(application|text)\/javascript/], ...chunks.map((c) => [c, /^application\/wasm$/])]) {
    const response = await request.get(path, { headers: gzip });
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    expect(headers['content-type'], path).toMatch(type);
    expect(headers['cache-control'], path).toBe(IMMUTABLE);
    expectGzip(headers, path);
    expectSecurityHeaders(headers, path);
  }
});

test('without Accept-Encoding: gzip, files come uncompressed', async ({ request }) => {
  const { wasm } = builtFiles();
  const response = await request.get(wasm, { headers: { 'accept-encoding': 'identity' } });
  expect(response.headers()['content-encoding']).toBeUndefined();
  expect(Number(response.headers()['content-length'])).toBe(statSync(fileOf(wasm)).size);
});

test('index.html, sw.js, the manifest and content files: no-cache, right types, gzip', async ({ request }) => {
  const cases = [
    ['/', /^text\/html; charset=utf-8$/],
    ['/index.html', /^text\/html; charset=utf-8$/],
    ['/sw.js', /^(application|text)\/javascript/],
    ['/manifest.webmanifest', /^application\/manifest\+json/],
    ['/content/site.json', /^application\/json/],
    ['/content/quizzes.json', /^application\/json/],
    ['/content/guide.json', /^application\/json/],
    ['/content/routes.geojson', /^application\/geo\+json/],
    ['/content/background.geojson', /^application\/geo\+json/],
    ['/icons/icon.svg', /^image\/svg\+xml/],
  ];
  for (const [path, type] of cases) {
    const response = await request.get(path, { headers: gzip });
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    expect(headers['content-type'], path).toMatch(type);
    expect(headers['cache-control'], path).toBe('no-cache');
    expectGzip(headers, path);
    expectSecurityHeaders(headers, path);
  }
});

test('an unchanged content file revalidates cheaply (304)', async ({ request }) => {
  const first = await request.get('/content/quizzes.json', { headers: gzip });
  const lastModified = first.headers()['last-modified'];
  expect(lastModified).toBeTruthy();
  const again = await request.get('/content/quizzes.json', { headers: { ...gzip, 'if-modified-since': lastModified } });
  expect(again.status()).toBe(304);
});

test('deep links get the app (200, no-cache) and render their page', async ({ page, request }) => {
  for (const path of ['/guide/after-rescue', '/quiz/save-water?age=grades-1-3&lang=en', '/map/south-bank-patrol', '/emergency', '/no/such/page']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type'], path).toMatch(/^text\/html/);
    expect(response.headers()['cache-control'], path).toBe('no-cache');
    expect(await response.text(), path).toContain('<script type="module" src="/boot-');
    expectSecurityHeaders(response.headers(), path);
  }
  await page.goto('/guide/after-rescue?lang=en');
  await expect(page.getByRole('heading', { level: 1, name: 'After someone is rescued' })).toBeVisible();
  await page.goto('/quiz/save-water?age=grades-1-3&lang=en');
  await expect(page.getByRole('heading', { level: 1, name: 'Saving water' })).toBeVisible();
});

test('missing files with an extension are real 404s (never the app, never cached for a year)', async ({ request }) => {
  for (const path of ['/river-guardians-0000000000000000_bg.wasm', '/river-guardians-0000000000000000.js',
    '/boot-0000000000000000.js', '/content/nope.json', '/content/nope.geojson', '/images/nope.svg', '/.trunk-lock']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(response.headers()['cache-control'], path).toBeUndefined();
    expect(await response.text(), path).not.toContain('<script');
    expectSecurityHeaders(response.headers(), path);
  }
});
