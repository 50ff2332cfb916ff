// Trunk post-build hook: puts the lazily loaded wasm chunks and their loader into the build.
//
// With the `split` feature (index.html), scripts/wasm-link.mjs splits the wasm inside cargo's
// link: trunk then runs wasm-bindgen and wasm-opt on the main module only, and knows nothing of
// the chunks and of __wasm_split.js (the loader wasm-split writes: it fetches a chunk the first
// time one of its functions is called and instantiates it with the main module's memory, table
// and shared functions). This hook, run before external-loader.mjs and precache.mjs:
//
// 1. optimises each chunk with wasm-opt -Oz (release builds, as trunk does for the main module)
//    and names it <chunk>-<hash>.wasm by its content;
// 2. points the loader at those names and at trunk's glue (wasm-split writes "./main.js"), and
//    hands the chunks the function table as `__wasm_split_table`: wasm-bindgen drops the
//    linker's `__indirect_function_table` export (trunk has no --keep-lld-exports), so
//    scripts/wasm-link.mjs exports the table under that second name too;
// 3. names the loader and the glue, which import each other, by one hash of both (taken with
//    the names left out, so the same name always means the same bytes), and updates index.html
//    (trunk's loader, the modulepreload and its integrity) and adds a modulepreload for the
//    split loader, so that it downloads beside the glue rather than after it;
// 4. writes /deep-links-<hash>.js from scripts/deep-links.mjs and runs it first in index.html:
//    on a deep link it preloads the page's chunks (each module's file and the shared chunks the
//    loader fetches with it) and content files, beside the main module.
//
// Without split points (a build without the feature) the glue does not import __wasm_split.js
// and this does nothing.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEEP_LINKS } from './deep-links.mjs';
import { findLink } from './html-tags.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('run by trunk: TRUNK_STAGING_DIR is not set');
const root = new URL('..', import.meta.url).pathname;
const profile = process.env.TRUNK_PROFILE ?? 'release';
const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
const splitDir = join(targetDir, 'wasm32-unknown-unknown', profile, 'wasm-split');
const LOADER = './__wasm_split.js';
// The main module's function table, as scripts/wasm-link.mjs exports it for the chunks.
const TABLE_EXPORT = '__wasm_split_table';

const fail = (message) => {
  console.error(`wasm-split-stage: ${message}`);
  process.exit(1);
};
const sha256 = (data) => createHash('sha256').update(data).digest('hex');
const sri = (data) => `sha384-${createHash('sha384').update(data).digest('base64')}`;
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Trunk's glue (<bin>-<hash>.js) and main module (<bin>-<hash>_bg.wasm), as index.html names them
// (minified in release builds: see scripts/html-tags.mjs).
const htmlPath = join(staging, 'index.html');
let html = readFileSync(htmlPath, 'utf8');
const glueLink = findLink(html, 'modulepreload', /^\/[^/]+-[0-9a-f]+\.js$/);
const glueName = glueLink?.attrs.get('href').slice(1);
const wasmName = findLink(html, 'preload', /^\/[^/]+-[0-9a-f]+_bg\.wasm$/)?.attrs.get('href').slice(1);
if (!glueName || !wasmName) fail('index.html has no modulepreload of trunk\'s glue or no preload of its wasm');
const glue = readFileSync(join(staging, glueName), 'utf8');
const importsLoader = new RegExp(`(\\bfrom\\s*)(['"])${escape(LOADER)}\\2`, 'g');
if (!importsLoader.test(glue)) {
  console.log('wasm-split-stage: no split points in this build, nothing to do');
  process.exit(0);
}

// The split output must belong to the wasm trunk built (cargo may have linked another one since).
const bin = glueName.replace(/-[0-9a-f]+\.js$/, '');
const cargoWasm = join(targetDir, 'wasm32-unknown-unknown', profile, `${bin}.wasm`);
const stamp = join(splitDir, 'main.sha256');
if (!existsSync(stamp)) fail(`no ${stamp}: did scripts/wasm-link.mjs split the wasm?`);
if (readFileSync(stamp, 'utf8').trim() !== sha256(readFileSync(cargoWasm))) {
  fail(`${splitDir} was split from another build than ${cargoWasm}`);
}
let loader = readFileSync(join(splitDir, '__wasm_split.js'), 'utf8');

// 1. The chunks, optimised and named by content.
const wasmOpt = join(root, 'node_modules', '.bin', 'wasm-opt');
const chunks = readdirSync(splitDir).filter((f) => f.endsWith('.wasm') && f !== 'main.wasm');
for (const chunk of chunks) {
  const reference = `"./${chunk}"`;
  if (!loader.includes(reference)) fail(`__wasm_split.js does not fetch ${chunk}`);
  const optimised = join(staging, chunk);
  if (profile === 'release') {
    execFileSync(wasmOpt, ['-Oz', join(splitDir, chunk), '-o', optimised], { stdio: 'inherit' });
  } else {
    copyFileSync(join(splitDir, chunk), optimised);
  }
  const hashed = `${chunk.replace(/\.wasm$/, '')}-${sha256(readFileSync(optimised)).slice(0, 16)}.wasm`;
  renameSync(optimised, join(staging, hashed));
  loader = loader.replaceAll(reference, `"./${hashed}"`);
}

// 2. The shared imports the loader takes from the main module must all be its exports; the
//    function table is `__wasm_split_table` (scripts/wasm-link.mjs adds that export).
const shares = /const \{ ([^}]*) \} = initSync\(undefined, undefined\);/.exec(loader);
if (!shares) fail('__wasm_split.js no longer takes its shared imports from initSync (wasm-split changed?)');
const exports = WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(join(staging, wasmName))));
if (!exports.some((e) => e.name === TABLE_EXPORT && e.kind === 'table')) fail(`the main module does not export its function table as ${TABLE_EXPORT}`);
const names = shares[1].split(',').map((s) => s.trim()).filter(Boolean);
const renamed = names.map((name) => {
  if (name === '__indirect_function_table') return `${TABLE_EXPORT}: ${name}`;
  if (!exports.some((e) => e.name === name)) fail(`the main module does not export ${name}, which the chunks import`);
  return name;
});
loader = loader.replace(shares[0], `const { ${renamed.join(', ')} } = initSync(undefined, undefined);`);

// 3. One hash for the glue and the loader, taken before either names the other.
const GLUE = '__GLUE__';
const SPLIT = '__SPLIT__';
if (!loader.includes('"./main.js"')) fail('__wasm_split.js does not import "./main.js"');
if ([glue, loader].some((text) => text.includes(GLUE) || text.includes(SPLIT))) fail('a placeholder name is taken');
loader = loader.replace('"./main.js"', `"./${GLUE}"`);
const glueTemplate = glue.replace(importsLoader, `$1$2./${SPLIT}$2`);
const hash = sha256(`${glueTemplate}\0${loader}`).slice(0, 16);
const newGlueName = `${bin}-${hash}.js`;
const loaderName = `${bin}-split-${hash}.js`;
const newGlue = glueTemplate.replaceAll(SPLIT, loaderName);
loader = loader.replaceAll(GLUE, newGlueName);
unlinkSync(join(staging, glueName));
writeFileSync(join(staging, newGlueName), newGlue);
writeFileSync(join(staging, loaderName), loader);

if (!glueLink.attrs.has('integrity')) fail('index.html\'s modulepreload of the glue has no integrity');
html = html.replace(glueLink.whole,
  `<link rel="modulepreload" href="/${newGlueName}" crossorigin="anonymous" integrity="${sri(newGlue)}">` +
  `<link rel="modulepreload" href="/${loaderName}" crossorigin="anonymous" integrity="${sri(loader)}">`);
html = html.replaceAll(`/${glueName}`, `/${newGlueName}`);

// 4. The deep-link preloads. Each loader entry is `const <name> = makeLoad(() => { … fetch(new
//    URL("./<file>" … }, [<the entries it loads first>])`, exported as __wasm_split_load_<module>
//    for a split module.
const entries = new Map([...loader.matchAll(
  /const (__\w+) = (?:wrapAsyncCb\()?makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?\n, \[([^\]]*)\]\)/g,
)].map(([, name, file, deps]) => [name, { file, deps: deps.split(',').map((d) => d.trim()).filter(Boolean) }]));
const fetches = loader.match(/fetch\(new URL\("/g)?.length ?? 0;
if (entries.size !== fetches) fail(`read ${entries.size} loader entries but the loader fetches ${fetches} files (wasm-split changed its loader?)`);
const filesOf = (name) => {
  const entry = entries.get(name);
  if (!entry) fail(`the loader has no entry ${name}`);
  return [entry.file, ...entry.deps.flatMap(filesOf)];
};
const pages = DEEP_LINKS.map(({ path, query = null, modules, content = [] }) => [path.source, query,
  [...new Set([...modules.flatMap((module) => filesOf(`__wasm_split_load_${module}`)), ...content])].map((f) => `/${f}`)]);
const deepLinks = `// Generated by scripts/wasm-split-stage.mjs from scripts/deep-links.mjs: preloads the wasm chunks
// and content files the page at this address needs, so they download beside the main module.
const pages = ${JSON.stringify(pages)};
const query = new URLSearchParams(location.search);
const files = new Set();
for (const [path, param, list] of pages) {
  if (new RegExp(path).test(location.pathname) && (!param || query.get(param[0]) === param[1])) {
    for (const file of list) files.add(file);
  }
}
for (const href of files) {
  const link = document.createElement('link');
  Object.assign(link, { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href });
  document.head.append(link);
}
`;
const deepLinksName = `deep-links-${sha256(deepLinks).slice(0, 16)}.js`;
for (const file of readdirSync(staging)) if (/^deep-links-[0-9a-f]{16}\.js$/.test(file)) unlinkSync(join(staging, file));
writeFileSync(join(staging, deepLinksName), deepLinks);
const firstScript = html.search(/<script\b/i);
if (firstScript < 0) fail('index.html has no script (trunk\'s loader) to run the deep-link preloads before');
html = `${html.slice(0, firstScript)}<script type="module" src="/${deepLinksName}" integrity="${sri(deepLinks)}"></script>${html.slice(firstScript)}`;
writeFileSync(htmlPath, html);
console.log(`wasm-split-stage: ${chunks.length} chunks, glue ${newGlueName}, loader ${loaderName}, preloads ${deepLinksName}`);
