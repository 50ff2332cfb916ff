// Trunk post-build hook: moves trunk's inline module loader out of index.html into its own
// content-hashed file (/boot-<hash>.js), so the site runs under a Content-Security-Policy with
// no 'unsafe-inline' (script-src 'self' 'wasm-unsafe-eval').
//
// Why a hook: trunk 0.22.1 has no option for an external loader. `inject_scripts = false` drops
// the loader and the preloads (index.html cannot name the hashed files itself), `create_nonce`
// writes a nonce placeholder that only a server rewriting every response can fill in (not a
// static host, and the service worker caches index.html), `pattern_script` still takes inline
// text, and `data-loader-shim` is for web workers only.
//
// The loader's text is kept byte for byte (it imports the bindings, starts the wasm, sets
// window.wasmBindings and dispatches TrunkApplicationStarted); only where it lives changes.
// Running the hook again on its own output changes nothing. It must run before precache.mjs,
// so that sw.js lists the boot file: Trunk.toml runs the two in one hook, in order (trunk starts
// all hooks of one stage at the same time).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, unlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('run by trunk: TRUNK_STAGING_DIR is not set');
let base = process.env.TRUNK_PUBLIC_URL || '/';
if (!base.endsWith('/')) base += '/';

const htmlPath = join(staging, 'index.html');
const html = readFileSync(htmlPath, 'utf8');

const fail = (message) => {
  console.error(`external-loader: ${message}`);
  process.exit(1);
};

// Every <script> element of the page, with its attributes and text.
const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)].map((m) => {
  const attrs = m[1];
  const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1].toLowerCase() ?? '';
  return { whole: m[0], index: m.index, attrs, type, text: m[2], src: /\bsrc\s*=/i.test(attrs) };
});
// Data blocks (application/json, ld+json, …) never run, so a CSP has nothing to say about them.
const runs = (s) => ['', 'module', 'text/javascript', 'application/javascript'].includes(s.type);
const inline = scripts.filter((s) => !s.src && runs(s) && s.text.trim() !== '');
const loaders = inline.filter((s) => s.type === 'module' && s.text.includes('TrunkApplicationStarted'));
const others = inline.filter((s) => !loaders.includes(s));
// `trunk serve` adds its inline autoreload script (the dev server sends no CSP); anything else
// would be blocked under the CSP, which the end-to-end tests then report.
for (const other of others) {
  console.warn(`external-loader: warning: index.html keeps an inline script that a CSP without 'unsafe-inline' blocks: ${other.whole.slice(0, 120).replace(/\s+/g, ' ')}…`);
}
if (loaders.length > 1) fail(`found ${loaders.length} trunk loaders in index.html, expected one`);

const isBoot = (name) => /^boot-[0-9a-f]{16}\.js$/.test(name);

if (loaders.length === 0) {
  // Already done (the hook ran before): the page must name an existing boot file.
  const booted = scripts.find((s) => s.src && /\bsrc\s*=\s*["'][^"']*\/boot-[0-9a-f]{16}\.js["']/i.test(s.attrs));
  const name = booted && /boot-[0-9a-f]{16}\.js/.exec(booted.attrs)[0];
  if (!name || !existsSync(join(staging, name))) {
    fail('index.html has neither trunk\'s inline loader nor an existing boot file (did trunk change its loader?)');
  }
  console.log(`external-loader: index.html already loads ${name}`);
  process.exit(0);
}

const [loader] = loaders;
const code = `${loader.text.trim()}\n`;
const name = `boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
writeFileSync(join(staging, name), code);
// A stale boot file from an earlier run on the same folder would otherwise be precached too.
for (const file of readdirSync(staging)) {
  if (isBoot(file) && file !== name) unlinkSync(join(staging, file));
}
const tag = `<script type="module" src="${base}${name}" integrity="${integrity}"></script>`;
writeFileSync(htmlPath, html.slice(0, loader.index) + tag + html.slice(loader.index + loader.whole.length));
console.log(`external-loader: trunk's loader moved to ${base}${name}`);
