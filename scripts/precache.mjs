// Trunk post-build hook: writes sw.js, the service worker, into the build with the list of every
// file of this build and a version derived from their contents. A build with other files
// therefore installs a new cache; the old one is removed only when the new worker takes over
// (never half-updated).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('run by trunk: TRUNK_STAGING_DIR is not set');

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const files = walk(staging)
  .map((path) => relative(staging, path).split('\\').join('/'))
  .filter((file) => file !== 'sw.js' && !file.startsWith('.') && !file.endsWith('.md'))
  .sort();
const hash = createHash('sha256');
for (const file of files) hash.update(file).update(readFileSync(join(staging, file)));
const version = hash.digest('hex').slice(0, 16);
// Without its comment lines: they are for whoever edits public/sw.js, and every first visit
// downloads the worker (about 1 KB of the 180 KB budget).
const template = readFileSync(new URL('../public/sw.js', import.meta.url), 'utf8')
  .split('\n').filter((line) => !/^\s*\/\//.test(line)).join('\n');
const urls = files.map((f) => (f === 'index.html' ? '/' : `/${f}`));
writeFileSync(join(staging, 'sw.js'),
  template.replace('__VERSION__', version).replace("['__FILES__']", JSON.stringify(urls)));
console.log(`sw.js: ${urls.length} files, version ${version}`);
