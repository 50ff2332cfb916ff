// River Guardians service worker: the whole site offline after one visit.
// scripts/precache.mjs fills in VERSION and FILES at build time.
const VERSION = '__VERSION__';
const FILES = ['__FILES__'];
const CACHE = `rg-${VERSION}`;

// Install: fetch and keep every file of this build. The new worker then waits until no page
// uses the old one, so a page never mixes two builds. A content file or picture the host no
// longer has (404 or 410: an organizer removed the optional background or a sample picture)
// costs only itself, not the whole offline copy; a content file is kept only when it parses as
// JSON (a cut-off upload is never the copy kept). Anything else that fails (the signal dropped,
// a server error) fails the install, which the app tries again a minute later (and at its
// next look, src/shell/offline.rs): "ready to use offline" always means every file is there.
const isAppFile = (path) => !path.startsWith('/content/') && !path.startsWith('/images/');
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all([
    cache.addAll(FILES.filter(isAppFile)),
    ...FILES.filter((path) => !isAppFile(path)).map((path) => fetch(path).then((response) => {
      if (response.status === 404 || response.status === 410) return undefined;
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      return path.startsWith('/content/') ? keepContent(path, response) : cache.put(path, response);
    })),
  ])));
});

// A content file's answer, stored only when it parses as JSON.
const keepContent = (path, response) => response.clone().json()
  .then(() => caches.open(CACHE).then((cache) => cache.put(path, response)), () => {});

// Activate: drop the caches of older builds, and serve open pages straight away. The content an
// older build's worker read after this one installed (an organizer's edit seen that morning,
// while this build waited) is newer than this build's copy: it is carried over first, not lost
// with the old cache. One old cache at a time, oldest first; one that cannot be read (storage
// full) is dropped all the same, so the switch always completes.
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const older of (await caches.keys()).filter((k) => k.startsWith('rg-') && k !== CACHE)) {
      await carryNewerContent(older).catch(() => {});
      await caches.delete(older);
    }
    await self.clients.claim();
  })());
});

const dateOf = (response) => Date.parse(response.headers.get('Date')) || 0;

async function carryNewerContent(older) {
  const [from, to] = await Promise.all([caches.open(older), caches.open(CACHE)]);
  for (const request of await from.keys()) {
    if (!new URL(request.url).pathname.startsWith('/content/')) continue;
    const [theirs, ours] = await Promise.all([from.match(request), to.match(request)]);
    if (!ours || dateOf(theirs) > dateOf(ours)) await to.put(request, theirs);
  }
}

// The last copy of each content file that the app read without a problem. A file can be valid
// JSON and still wrong (a question without its English, a step without a source): the app then
// asks for `<file>?good` and shows this copy, with the problem named, instead of a red box on
// every tablet at the stall. Kept across builds, so not an `rg-` cache.
const GOOD = 'content-good';
// Pictures added after the build (a story's before and after, a question's), kept once seen
// online. Also kept across builds: the build's list does not have them.
const SEEN = 'images-seen';

// A page may ask a waiting worker to take over (after the user agrees to reload), or hand over
// the text of a content file it has read without a problem: `good /content/<file>\n<text>`.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
  const text = String(event.data);
  const newline = text.indexOf('\n');
  const [word, path] = text.slice(0, Math.max(newline, 0)).split(' ');
  if (word === 'good' && path && path.startsWith('/content/')) {
    const type = path.endsWith('.geojson') ? 'application/geo+json' : 'application/json';
    event.waitUntil(caches.open(GOOD).then((cache) => cache.put(path, new Response(text.slice(newline + 1), {
      headers: { 'Content-Type': `${type}; charset=utf-8` },
    }))));
  }
});

// A weak signal (one bar on a river bank) can take half a minute to fail. After this long the
// stored copy answers; the network's answer, if it comes, still refreshes the stored content.
const NETWORK_WAIT_MS = 3000;

// The network's answer to the event's request, or the stored one when the network fails, is
// slow, or the server is in trouble (a 5xx, 408 or 429: a host under maintenance, a proxy's 502);
// `keep` stores a good network answer (the worker stays alive until it has).
function networkFirst(event, stored, keep) {
  const network = fetch(event.request);
  // Registered before the answer below reads the body, so the copy is taken first.
  event.waitUntil(network.then((response) => response.ok && keep(response.clone()), () => {}));
  const answer = network.then((response) => (response.status >= 500 || response.status === 408 || response.status === 429
    ? stored().then((hit) => hit || response)
    : response));
  const late = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS))
    .then(stored)
    .then((hit) => hit || answer);
  return Promise.race([answer, late]).catch(() => stored().then((hit) => hit || Response.error()));
}

// Pages (deep links too; not a file such as /content/guide.json opened to check an upload):
// this worker's stored app, so a page never mixes two builds (after a
// deploy the network's page needs the new build's files) and opens at once on any signal. A new
// build comes as the update banner's "Reload"; with no stored copy, the network.
// Content files: network first so organizers' edits show at once, the cached copy when offline
// or slow. A file that does not parse as JSON (a cut-off upload, a missing comma) is shown, so
// the organizer sees the problem, but never stored over the last copy that did: the tablets on
// the river bank keep a working map. (The one other file there, the organizers' README, is not
// for offline use.) `<file>?good`: the last copy the app read without a problem (see GOOD).
// Everything else (hashed app files, the build's pictures): from the cache, else the network.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && !/\.\w+$/.test(url.pathname)) {
    event.respondWith(caches.match('/', { cacheName: CACHE }).then((hit) => hit || fetch(request)));
  } else if (url.pathname.startsWith('/content/') && url.searchParams.has('good')) {
    event.respondWith(caches.match(url.pathname, { cacheName: GOOD })
      .then((hit) => hit || new Response('', { status: 404 })));
  } else if (url.pathname.startsWith('/images/') || request.destination === 'image') {
    // The build's pictures from its copy; one added after the build network first (a picture
    // replaced under the same name shows online), its last copy kept for the river bank,
    // wherever the organizer put it (images/, or content/ beside the files that name it).
    event.respondWith(caches.match(request, { cacheName: CACHE, ignoreSearch: true }).then((hit) => hit || networkFirst(
      event,
      () => caches.match(url.pathname, { cacheName: SEEN }),
      (copy) => copy.status === 200 && caches.open(SEEN).then((cache) => cache.put(url.pathname, copy)),
    )));
  } else if (url.pathname.startsWith('/content/')) {
    event.respondWith(networkFirst(
      event,
      () => caches.match(url.pathname, { cacheName: CACHE }),
      (copy) => keepContent(url.pathname, copy),
    ));
  } else {
    event.respondWith(caches.match(request, { cacheName: CACHE, ignoreSearch: true }).then((hit) => hit || fetch(request)));
  }
});
