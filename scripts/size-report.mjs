// Prints every file in a built site with its raw and gzip -9 size, then the first-visit total:
// the files a browser downloads to show the home page (html, js, wasm, css, site.json, icons),
// then the lazily loaded wasm chunks (the `split` feature): fetched when one of their pages opens,
// or by the service worker after the page has loaded, never before the home page shows. A wasm
// file is on the first visit only when index.html names it (trunk's preload of the main module).
// Usage: node scripts/size-report.mjs <dist> [--budget-kb N]   (exit 1 when over the budget)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startTags } from './html-tags.mjs';

const dist = process.argv[2] ?? 'dist';
const budgetAt = process.argv.indexOf('--budget-kb');
const budgetKb = budgetAt > 0 ? Number(process.argv[budgetAt + 1]) : null;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const linked = new Set(startTags(html, 'link').map((tag) => tag.attrs.get('href')));
const isChunk = (file) => file.endsWith('.wasm') && !linked.has(`/${file}`);
const firstVisit = (file) =>
  file === 'index.html' || /\.(js|css)$/.test(file) || (file.endsWith('.wasm') && !isChunk(file)) ||
  file === 'content/site.json' || /^icons\/(icon|quiz|guide|map)\.svg$/.test(file);

const rows = walk(dist).map((path) => {
  const body = readFileSync(path);
  return { file: relative(dist, path), raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
}).sort((a, b) => b.gzip - a.gzip);

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${'file'.padEnd(48)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)}  first visit`);
for (const r of rows) {
  console.log(`${r.file.padEnd(48)} ${kb(r.raw)} ${kb(r.gzip)}  ${firstVisit(r.file) ? 'yes' : isChunk(r.file) ? 'lazy chunk' : ''}`);
}
const first = rows.filter((r) => firstVisit(r.file));
const total = first.reduce((sum, r) => sum + r.gzip, 0);
const rawTotal = first.reduce((sum, r) => sum + r.raw, 0);
console.log(`\nfirst visit (home page): ${first.length} files, ${kb(rawTotal).trim()} KB raw, ${kb(total).trim()} KB gzip -9`);
const chunks = rows.filter((r) => isChunk(r.file));
if (chunks.length > 0) {
  const sum = (list, key) => kb(list.reduce((n, r) => n + r[key], 0)).trim();
  console.log(`lazy wasm chunks: ${chunks.length} files, ${sum(chunks, 'raw')} KB raw, ${sum(chunks, 'gzip')} KB gzip -9`);
  const app = [...first, ...chunks];
  console.log(`first visit + every chunk: ${app.length} files, ${sum(app, 'raw')} KB raw, ${sum(app, 'gzip')} KB gzip -9`);
}
if (budgetKb !== null) {
  const ok = total <= budgetKb * 1024;
  console.log(`budget ${budgetKb} KB gzip: ${ok ? 'within' : 'OVER'}`);
  if (!ok) process.exit(1);
}
