// Reads the start tags of a built index.html. Trunk's release minifier (Trunk.toml, `minify`)
// writes attributes in its own order and drops quotes (`<link as=fetch crossorigin href=/x.wasm
// rel=preload>`), while our post-build steps write `rel="…" href="…"`: this reads both.

/**
 * Every `<name …>` start tag of `html`, in order: the tag's text and its attributes by lower-case
 * name (an attribute without a value maps to '').
 */
export function startTags(html, name) {
  return [...html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))].map((m) => ({
    whole: m[0],
    attrs: new Map([...m[1].matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)]
      .map(([, attr, double, single, bare]) => [attr.toLowerCase(), double ?? single ?? bare ?? ''])),
  }));
}

/** The first `<link>` whose `rel` is `rel` and whose `href` matches `pattern`, as [`startTags`]. */
export function findLink(html, rel, pattern) {
  return startTags(html, 'link')
    .find(({ attrs }) => attrs.get('rel') === rel && pattern.test(attrs.get('href') ?? ''));
}
