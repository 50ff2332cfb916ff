// Broken and hostile content, generated from the shipped files: every case loads the release
// build with one file replaced; no panic, no blank page, a clear message naming the file on the
// affected section, content always shown as text, and the other sections keep working.
import { test, expect } from '@playwright/test';

const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';
const huge = 'x'.repeat(3000);

const files = {
  site: { url: '**/content/site.json', page: '/', name: 'content/site.json', other: ['Quiz', 'Quiz'] },
  quizzes: { url: '**/content/quizzes.json', page: '/quiz', name: 'content/quizzes.json', other: ['Safety guide', 'Water safety guide'] },
  guide: { url: '**/content/guide.json', page: '/guide/someone-in-trouble', name: 'content/guide.json', other: ['Quiz', 'Quiz'] },
  routes: { url: '**/content/routes.geojson', page: '/map', name: 'content/routes.geojson', other: ['Quiz', 'Quiz'] },
};

const text = (s) => () => s;
const json = (mutate) => (original) => { const v = JSON.parse(original); const out = mutate(v); return JSON.stringify(out === undefined ? v : out); };

// [file, case, body from the original text, what the alert must say]
const cases = [
  ['site', 'truncated', (o) => o.slice(0, o.length / 2), 'EOF while parsing'],
  ['site', 'an array instead of an object', text('[1, 2, 3]'), 'invalid type'],
  ['site', 'a missing title', json((s) => { delete s.title; }), 'missing field `title`'],
  ['site', 'no emergency numbers', json((s) => { s.emergency.numbers = []; }), 'emergency.numbers: must have at least one entry'],
  ['site', 'a number with letters', json((s) => { s.emergency.numbers[2].number = '1l9'; }), 'emergency.numbers[2].number'],
  ['site', 'an enormous string', json((s) => { s.tagline.en = huge; }), 'tagline: is 3000 characters long'],
  ['site', 'an unknown field', json((s) => { s.theme = 'dark'; }), 'unknown field `theme`'],
  ['site', 'an empty file', text(''), 'EOF while parsing'],
  ['site', 'a wrong date', json((s) => { s.event.date = '2026-13-40'; }), 'event.date'],
  ['quizzes', 'truncated', (o) => o.slice(0, 5000), 'EOF while parsing'],
  ['quizzes', 'sets as a string', json((q) => { q.sets = 'none'; }), 'invalid type'],
  ['quizzes', 'an unknown question kind', json((q) => { q.sets[0].questions[1].kind = 'slider'; }), 'unknown variant `slider`'],
  ['quizzes', 'no sets', json((q) => { q.sets = []; }), 'sets: must have at least one entry'],
  ['quizzes', 'an empty bank', json((q) => { q.sets[3].questions = []; }), 'sets[3].questions: must have at least one entry'],
  ['quizzes', 'duplicate question ids', json((q) => { q.sets[1].questions[2].id = q.sets[0].questions[0].id; }), 'is used twice'],
  ['quizzes', 'an answer past the options', json((q) => { const s = q.sets[0].questions.find((x) => x.kind === 'single'); s.answer = 9; }), '9 is not one of the'],
  ['quizzes', 'an unknown age band', json((q) => { q.sets[0].questions[0].ages = ['babies']; }), 'unknown variant `babies`'],
  ['quizzes', 'a zero timer', json((q) => { q.sets[0].timer_seconds = 0; }), 'sets[0].timer_seconds'],
  ['quizzes', 'a one-pair matching', json((q) => { const m = q.sets[0].questions.find((x) => x.kind === 'matching'); m.pairs = m.pairs.slice(0, 1); }), 'needs 2 to 6 entries'],
  ['quizzes', 'an enormous file', (o) => o + ' '.repeat(5 * 1024 * 1024), 'content files are at most'],
  ['guide', 'truncated', (o) => o.slice(0, 3000), 'EOF while parsing'],
  ['guide', 'no sections', json((g) => { g.sections = []; }), 'sections: must have at least one entry'],
  ['guide', 'an unsourced step', json((g) => { g.sections[1].groups[0].steps[2].sources = []; }), 'sections[1].groups[0].steps[2].sources'],
  ['guide', 'an unknown source', json((g) => { g.sections[2].groups[0].steps[0].sources = ['blog']; }), '"blog" is not one of the listed sources'],
  ['guide', 'duplicate section ids', json((g) => { g.sections[3].id = g.sections[2].id; }), 'is used twice'],
  ['guide', 'an empty step', json((g) => { g.sections[2].groups[0].steps[0].text['zh-CN'] = ' '; }), 'must not be empty'],
  ['routes', 'truncated', (o) => o.slice(0, 2000), 'EOF while parsing'],
  ['routes', 'not a FeatureCollection', text('{"type": "Topology", "objects": {}}'), 'content/routes.geojson'],
  ['routes', 'no features', json((r) => { r.features = []; }), 'has nothing to draw'],
  ['routes', 'only a broken line', json((r) => { r.features = [r.features[1]]; r.features[0].geometry.coordinates = [[113.1, 22.5]]; }), 'a line needs at least 2 positions'],
];

// A mistake in one feature of routes.geojson costs that feature, not the map: volunteers on the
// river bank keep the other routes (the service worker keeps any file that parses as JSON).
// [case, body, what the notice must say, routes still listed]
const partial = [
  ['longitude out of range', json((r) => { r.features[0].geometry.coordinates[0][0] = 999; }), 'features[0].geometry.coordinates[0]: longitude 999 is outside', 2],
  ['a NaN-like string coordinate', json((r) => { r.features[0].geometry.coordinates[1][1] = 'NaN'; }), 'features[0]: invalid type', 2],
  ['an empty LineString', json((r) => { r.features[1].geometry.coordinates = []; }), 'features[1].geometry.coordinates: a line needs at least 2 positions', 2],
  ['a colour by name', json((r) => { r.features[0].properties.colour = 'green'; }), 'features[0].properties.colour: "green" is not a colour written #rrggbb', 3],
  ['duplicate ids', json((r) => { r.features[1].properties.id = r.features[0].properties.id; }), 'features[1].properties.id: "north-bank-learning-trail" is used twice', 2],
];

// Content that is odd but fine: it must display, with strings as plain text.
const displays = [
  ['site', 'HTML and script in the tagline', json((s) => { s.tagline.en = XSS; }), XSS],
  ['quizzes', 'HTML in a set description', json((q) => { q.sets[0].description.en = XSS; }), XSS],
  ['guide', 'HTML in a step', json((g) => { g.sections[2].groups[0].steps[0].text.en = XSS; }), XSS],
  ['routes', 'unknown properties and HTML in a name', json((r) => { r.features[0].properties.name = { 'zh-CN': XSS, en: XSS }; r.features[0].properties.osm_id = 42; r.features[0].properties.highway = 'footway'; }), XSS],
];

async function open(page, file, body) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route(files[file].url, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ status: 200, contentType: 'application/json', body: body(await response.text()) });
  });
  await page.goto(`${files[file].page}?lang=en`);
  return errors;
}

for (const [file, what, body, message] of cases) {
  test(`${files[file].name} with ${what}: a clear message, and the rest works`, async ({ page }) => {
    const errors = await open(page, file, body);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(files[file].name);
    await expect(alert).toContainText(message);
    await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
    const [link, heading] = files[file].other;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    expect(errors).toEqual([]);
  });
}

for (const [what, body, message, routes] of partial) {
  test(`content/routes.geojson with ${what}: the rest of the map is drawn, and a notice names the mistake`, async ({ page }) => {
    const errors = await open(page, 'routes', body);
    const notice = page.getByText('Part of the map may be missing or wrong.');
    await expect(notice).toContainText('content/routes.geojson');
    await expect(notice).toContainText(message);
    await expect(page.getByRole('navigation', { name: 'Patrol routes' }).getByRole('link')).toHaveCount(routes);
    await expect(page.locator('svg.map g.route-group')).toHaveCount(routes);
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
}

for (const [file, what, body, shown] of displays) {
  test(`${files[file].name} with ${what}: shown as text, never run`, async ({ page }) => {
    const errors = await open(page, file, body);
    if (file === 'guide') await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    if (file === 'routes') await page.getByRole('navigation', { name: 'Patrol routes' }).getByRole('link').first().click();
    const where = file === 'routes' ? page.getByRole('heading', { level: 2, name: shown }) : page.getByText(shown).first();
    await expect(where).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(await page.evaluate(() => window.__xss)).toBeUndefined();
    expect(await page.locator('main img[src="x"], main script').count()).toBe(0);
    expect(errors).toEqual([]);
  });
}
