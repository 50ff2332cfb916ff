// River Guardians service worker: the whole site offline after one visit.
// scripts/precache.mjs fills in VERSION and FILES at build time.
const VERSION = '__VERSION__';
const FILES = ['__FILES__'];
const CACHE = `rg-${VERSION}`;

// Install: fetch and keep every file of this build. The new worker then waits until no page
// uses the old one, so a page never mixes two builds.
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

// Activate: drop the caches of older builds, and serve open pages straight away.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('rg-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// A page may ask a waiting worker to take over (after the user agrees to reload).
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

// Pages: network first, the cached app when offline (deep links included).
// Content files: network first so organizers' edits show at once, the cached copy when offline.
// Everything else (hashed app files, pictures): from the cache, else the network.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => caches.match('/', { cacheName: CACHE })));
  } else if (url.pathname.startsWith('/content/')) {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(url.pathname, copy));
          }
          return response;
        })
        .catch(() => caches.match(url.pathname, { cacheName: CACHE })),
    );
  } else {
    event.respondWith(caches.match(request, { cacheName: CACHE, ignoreSearch: true }).then((hit) => hit || fetch(request)));
  }
});
