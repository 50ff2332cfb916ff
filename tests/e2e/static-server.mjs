// A minimal static file server for tests: serves a folder on 127.0.0.1, with the right MIME
// types (application/wasm above all), the fallback to index.html that deep links need, and the
// security headers of deploy/security-headers.conf (the CSP above all) on every response.
// Usage: node tests/e2e/static-server.mjs <dir> <port> (0: a free port, named on the first line it prints)
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 4173);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json',
};

// The shipped nginx snippet is the one source of the headers: `add_header Name "value" always;`.
const headersFile = new URL('../../deploy/security-headers.conf', import.meta.url);
const security = Object.fromEntries(
  [...readFileSync(headersFile, 'utf8').matchAll(/^\s*add_header\s+([\w-]+)\s+"([^"]*)"\s+always;/gm)]
    .map((m) => [m[1].toLowerCase(), m[2]]));
if (!security['content-security-policy']) throw new Error(`no Content-Security-Policy in ${headersFile.pathname}`);

// A build from before scripts/external-loader.mjs (Trunk.toml's post-build hook) still has trunk's
// inline loader, which the CSP blocks: say so instead of serving a page that stays blank.
try {
  if (/<script type="module">[^<]*TrunkApplicationStarted/.test(readFileSync(join(root, 'index.html'), 'utf8'))) {
    console.error(`static-server: ${root}/index.html has trunk's inline loader, which the CSP blocks; rebuild with trunk build (its post-build hook moves the loader out)`);
  }
} catch { /* no index.html: every page is a 404 anyway */ }

async function fileFor(urlPath) {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  if (!path.startsWith(root)) return null;
  try {
    const info = await stat(path);
    return info.isFile() ? path : null;
  } catch {
    return null;
  }
}

createServer(async (req, res) => {
  const urlPath = new URL(req.url, 'http://localhost').pathname;
  let path = await fileFor(urlPath);
  // Deep links (/guide/after-rescue) get the app; a missing asset with an extension is a 404.
  if (!path && !extname(urlPath)) path = join(root, 'index.html');
  if (!path) {
    res.writeHead(404, { ...security, 'content-type': 'text/plain' }).end('not found');
    return;
  }
  const body = await readFile(path);
  res.writeHead(200, {
    ...security,
    'content-type': types[extname(path)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
  }).end(body);
}).listen(port, '127.0.0.1', function listening() {
  // Port 0 takes a free port: the line says which.
  console.log(`serving ${root} on http://127.0.0.1:${this.address().port}/`);
});
