// index.html's loading page shows the emergency numbers before the app has downloaded: they must
// be the ones the app shows, from content/site.json, each with both languages' label, as calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const html = readFileSync(new URL('index.html', root), 'utf8');
const site = JSON.parse(readFileSync(new URL('public/content/site.json', root), 'utf8'));

/** The loading page's calls: [href, number, visible text] for every link in `.boot-calls`. */
function bootCalls() {
  const list = /<ul class="boot-calls">([\s\S]*?)<\/ul>/.exec(html);
  assert.ok(list, 'index.html has a <ul class="boot-calls">');
  return [...list[1].matchAll(/<a href="([^"]*)"><b>([^<]*)<\/b>([\s\S]*?)<\/a>/g)]
    .map(([, href, number, rest]) => [href, number, rest.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim()]);
}

test('the loading page calls the numbers of site.json, in its order, with both labels', () => {
  const calls = bootCalls();
  assert.deepEqual(calls.map(([, number]) => number), site.emergency.numbers.map((n) => n.number));
  for (const [href, number, text] of calls) {
    const entry = site.emergency.numbers.find((n) => n.number === number);
    assert.equal(href, `tel:${number}`);
    assert.equal(text, `${entry.label['zh-CN']} · ${entry.label.en}`);
  }
});
