// What a deep link needs beyond the main module: for each kind of address, the lazily loaded wasm
// modules (the `in <module>` of src/routes.rs, src/kiosk/views.rs and src/share/views.rs) and the
// content files its page reads. This covers the first page of a visit, before any wasm runs; the
// `prefetch` files of src/routes.rs cover moving between pages inside the app (on a deep link the
// app's prefetch then takes the preloaded response: the e2e test checks each file downloads
// once). scripts/wasm-split-stage.mjs turns this into /deep-links-<hash>.js, which index.html
// runs first: it preloads what the address needs, so a link from a poster's QR code or a lesson
// downloads the page's chunks and content beside the main module instead of after it
// (Lighthouse, mobile: quiz LCP 5.1 s → 3.9 s).
//
// Every entry whose `path` (and `query`, a [name, value] pair) matches the address applies.
// tests/e2e/shell.spec.js opens one address of each kind and fails if the page fetched a chunk or
// a content file that was not preloaded; keep this in step with the routes.
export const DEEP_LINKS = [
  { path: /^\/quiz(\/|$)/, modules: ['quiz'], content: ['content/quizzes.json'] },
  { path: /^\/quiz\/[^/]+\/worksheet\/?$/, modules: ['print'] },
  { path: /^\/teachers\/?$/, modules: ['print'], content: ['content/quizzes.json', 'content/guide.json', 'content/routes.geojson'] },
  { path: /^\/poster\/?$/, modules: ['print'] },
  { path: /^\/guide(\/|$)/, modules: ['guide'], content: ['content/guide.json'] },
  { path: /^\/map(\/|$)/, modules: ['map'], content: ['content/routes.geojson', 'content/background.geojson'] },
  { path: /^\/(settings|about)\/?$/, modules: ['guide'] },
  // A kiosk station opens on the home page, but it is there for the quiz: the station's code is
  // in the quiz chunk, and the quizzes arrive before the first family taps "Quiz".
  { path: /^\//, query: ['mode', 'kiosk'], modules: ['quiz'], content: ['content/quizzes.json'] },
];
