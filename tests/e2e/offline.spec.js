// Offline: after one online visit the whole site works with the network off.
import { test, expect, chromium } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { controlledByWorker } from './worker-helpers.js';

test.use({ serviceWorkers: 'allow' });

test('after one visit, the quiz, the guide, the map and the emergency card work offline', async ({ page, context }) => {
  await page.goto('/?lang=en');
  await expect(page.getByRole('heading', { level: 1, name: 'River Guardians' })).toBeVisible();
  await controlledByWorker(page);
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const cache = await caches.open(keys.find((k) => k.startsWith('rg-')));
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  for (const file of ['/', '/content/site.json', '/content/quizzes.json', '/content/guide.json', '/content/routes.geojson', '/manifest.webmanifest']) {
    expect(cached).toContain(file);
  }
  expect(cached.some((f) => f.endsWith('.wasm'))).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'River Guardians' })).toBeVisible();
  // A quiz, opened by deep link while offline, plays.
  await page.goto('/quiz/save-water?age=adults&lang=en');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.locator('h2.prompt')).toBeVisible();
  // The guide and the map.
  await page.goto('/guide/someone-in-trouble?lang=en');
  await expect(page.getByRole('heading', { level: 1, name: 'If someone is in trouble in the water' })).toBeVisible();
  await page.goto('/map/south-bank-patrol?lang=en');
  await expect(page.locator('.route-length')).toHaveText(/\d/);
  await page.getByRole('link', { name: /Emergency/ }).click();
  await expect(page.getByRole('link', { name: /120/ })).toHaveAttribute('href', 'tel:120');
  await expect(page.getByText('Site settings did not load')).toHaveCount(0);
});

test('offline on a device that has the site, the status line says "using the saved copy" from the start, never "will not load"', async ({ page, context }) => {
  await page.goto('/?lang=en');
  await controlledByWorker(page);
  await expect(page.getByText('Ready to use offline')).toBeVisible();
  // Every text the status line shows, from the first.
  await page.addInitScript(() => {
    window.badgeTexts = [];
    new MutationObserver(() => {
      const text = document.querySelector('.offline-badge')?.textContent ?? '';
      if (text && window.badgeTexts.at(-1) !== text) window.badgeTexts.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await context.setOffline(true);
  await page.goto('/map?lang=en');
  await expect(page.getByText('Offline: using the copy saved on this device')).toBeVisible();
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.badgeTexts)).toEqual(['Offline: using the copy saved on this device']);
});

test('a signal that drops while the site is being saved is not "ready to use offline"; the next visit saves it all', async ({ page, context }) => {
  // The largest content file does not get through while the worker stores the site.
  await context.route('**/content/routes.geojson', (route) => route.abort('internetdisconnected'));
  await page.goto('/?lang=en');
  const registration = () => page.evaluate(async () => {
    const r = await navigator.serviceWorker.getRegistration();
    return r?.active ? 'active' : r?.installing || r?.waiting ? 'installing' : 'none';
  });
  await expect.poll(registration, { timeout: 15_000 }).toBe('none');
  await expect(page.getByText('✓ Ready to use offline')).toHaveCount(0);
  // The signal comes back: the next visit stores everything, the map included.
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await page.goto('/map/south-bank-patrol?lang=en');
  await expect(page.getByText('✓ Ready to use offline')).toBeVisible({ timeout: 15_000 });
  await controlledByWorker(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.route-length')).toHaveText(/\d/);
});

test('a content file cut off on the server is shown once but never stored over the good copy offline', async ({ page, context }) => {
  test.setTimeout(60_000);
  await page.goto('/map/south-bank-patrol?lang=en');
  await controlledByWorker(page);
  // Read through the worker, which keeps a good copy: wait for it, then take it away (a device
  // with no good copy to fall back on).
  await page.reload();
  await expect(page.locator('.route-length')).toHaveText(/\d/);
  const goodCopy = () => page.evaluate(async () => Boolean(await (await caches.open('content-good')).match('/content/routes.geojson')));
  await expect.poll(goodCopy).toBe(true);
  await page.evaluate(() => caches.delete('content-good'));
  // An organizer's upload is cut off halfway: online, the map names the problem.
  const good = await (await page.request.get('/content/routes.geojson')).text();
  await context.route('**/content/routes.geojson', (route) => route.fulfill({
    status: 200, contentType: 'application/geo+json', body: good.slice(0, good.length / 2),
  }));
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('routes.geojson');
  // On the river bank, offline, the tablet still has the last good map.
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.route-length')).toHaveText(/\d/);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a server in trouble (503) is answered from the stored copy, not a red box', async ({ page, context }) => {
  await page.goto('/map/south-bank-patrol?lang=en');
  await controlledByWorker(page);
  await page.reload();
  await expect(page.locator('.route-length')).toHaveText(/\d/);
  // The host is under maintenance for a moment.
  await context.route('**/content/routes.geojson', (route) => route.fulfill({ status: 503, body: 'Service Unavailable' }));
  await page.reload();
  await expect(page.locator('.route-length')).toHaveText(/\d/);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a content file with a mistake is read from the last copy that worked, and the mistake is named', async ({ page, context }) => {
  test.setTimeout(60_000);
  await page.goto('/quiz?lang=en');
  await controlledByWorker(page);
  // Read once through the worker, without a problem: the worker keeps that copy.
  await page.reload();
  await expect(page.getByText('Saving water').first()).toBeVisible();
  const kept = () => page.evaluate(async () => Boolean(await (await caches.open('content-good')).match('/content/quizzes.json')));
  await expect.poll(kept).toBe(true);
  // An organizer's edit leaves a question without its English: valid JSON, wrong content.
  const edited = await (await page.request.get('/content/quizzes.json')).json();
  delete edited.sets[0].questions[0].prompt.en;
  await context.route('**/content/quizzes.json', (route) => route.fulfill({
    status: 200, contentType: 'application/json', body: JSON.stringify(edited),
  }));
  await page.reload();
  const notice = page.getByRole('status').filter({ hasText: 'The last copy that worked is shown.' });
  await expect(notice).toContainText('content/quizzes.json has problems: sets[0].questions[0].prompt.en: the English translation is missing');
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The stall keeps playing, from the good copy.
  await page.goto('/quiz/save-water?age=adults&lang=en');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.locator('h2.prompt')).toBeVisible();
  // Families come and go on a station that never reloads: the notice is said once, not once a visit.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Safety guide' }).click();
  await nav.getByRole('link', { name: 'Quiz' }).click();
  await expect(notice).toHaveCount(1);
  expect((await notice.innerText()).split('has problems').length).toBe(2);
  // The copy with the mistake never became the one to fall back on.
  const fallback = await page.evaluate(async () => (await fetch('/content/quizzes.json?good')).json());
  expect(fallback.sets[0].questions[0].prompt.en).toBeTruthy();
  // The organizer's fix shows on the next visit to the page, without a reload, and the notice goes.
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await nav.getByRole('link', { name: 'Safety guide' }).click();
  await nav.getByRole('link', { name: 'Quiz' }).click();
  await expect(page.getByText('Saving water').first()).toBeVisible();
  await expect(page.getByText('The last copy that worked is shown.')).toHaveCount(0);
});

test('a routes file with a mistake in one feature is drawn without it; one with nothing drawable, from the last good map', async ({ page, context }) => {
  test.setTimeout(60_000);
  const routeLinks = page.getByRole('navigation', { name: 'Patrol routes' }).getByRole('link');
  await page.goto('/map?lang=en');
  await controlledByWorker(page);
  // Read once through the worker, without a problem: the worker keeps that copy.
  await page.reload();
  await expect(routeLinks).toHaveCount(3);
  await expect.poll(() => page.evaluate(async () => Boolean(await (await caches.open('content-good')).match('/content/routes.geojson')))).toBe(true);
  const good = await (await page.request.get('/content/routes.geojson')).text();
  const serve = (body) => context.route('**/content/routes.geojson', (route) => route.fulfill({
    status: 200, contentType: 'application/geo+json', body,
  }));
  // One point typed latitude first: the organizer's file as it is now, without that route.
  const edited = JSON.parse(good);
  edited.features[0].geometry.coordinates[0] = [22.55, 113.1];
  await serve(JSON.stringify(edited));
  await page.reload();
  await expect(page.getByText('Part of the map may be missing or wrong.')).toContainText('features[0].geometry.coordinates[0]: latitude 113.1');
  await expect(routeLinks).toHaveCount(2);
  await expect(page.getByText('The last copy that worked is shown.')).toHaveCount(0);
  // A cut-off upload: nothing to draw, so the last good map, and the problem named.
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await serve(good.slice(0, good.length / 2));
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'The last copy that worked is shown.' })).toContainText('content/routes.geojson is not valid');
  await expect(routeLinks).toHaveCount(3);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('with no copy that worked, a content file with a mistake is the red box, as before', async ({ page, context }) => {
  await page.goto('/?lang=en');
  await controlledByWorker(page);
  const edited = await (await page.request.get('/content/guide.json')).json();
  edited.sections[1].groups[0].steps[0].sources = [];
  await context.route('**/content/guide.json', (route) => route.fulfill({
    status: 200, contentType: 'application/json', body: JSON.stringify(edited),
  }));
  await page.goto('/guide?lang=en');
  await expect(page.getByRole('alert')).toContainText('content/guide.json has problems: sections[1].groups[0].steps[0].sources');
  await expect(page.getByText('The last copy that worked is shown.')).toHaveCount(0);
});

test('a picture added after the build is kept once seen, for offline', async ({ page, context }) => {
  await page.goto('/?lang=en');
  await controlledByWorker(page);
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="#1565c0"/></svg>';
  await context.route('**/images/story/added-later.svg', (route) => route.fulfill({ status: 200, contentType: 'image/svg+xml', body: svg }));
  const status = () => page.evaluate(async () => {
    try { return (await fetch('/images/story/added-later.svg')).status; } catch { return 'failed'; }
  });
  expect(await status()).toBe(200);
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.setOffline(true);
  await expect.poll(status).toBe(200);
});

test('a picture an organizer put in the content folder is kept once seen, for offline', async ({ page, context }) => {
  await page.goto('/?lang=en');
  await controlledByWorker(page);
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="#1565c0"/></svg>';
  await context.route(/\/content\/story-1998\.svg/, (route) => route.fulfill({ status: 200, contentType: 'image/svg+xml', body: svg }));
  // Shown as a picture (a new query each time: the page's memory cache never answers).
  const shown = () => page.evaluate(() => new Promise((resolve) => {
    const img = new Image();
    img.onload = () => resolve(img.naturalWidth);
    img.onerror = () => resolve('broken');
    img.src = `/content/story-1998.svg?${Math.random()}`;
  }));
  expect(await shown()).toBe(4);
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.setOffline(true);
  await expect.poll(shown).toBe(4);
});

test('an organizer who opens a content file to check an upload sees the file, not the app', async ({ page }) => {
  await page.goto('/?lang=en');
  await controlledByWorker(page);
  await page.goto('/content/site.json');
  expect(JSON.parse(await page.locator('body').innerText()).emergency.numbers.length).toBeGreaterThan(0);
  // A missing file stays a 404, not the app's "page not found".
  const missing = await page.goto('/content/nothing.json');
  expect(missing.status()).toBe(404);
});

test('on a signal too weak to answer, the stored pages and content open within seconds', async ({ page, context }) => {
  test.setTimeout(60_000);
  await page.goto('/?lang=en');
  await controlledByWorker(page);
  await page.goto('/guide/someone-in-trouble?lang=en');
  await expect(page.getByRole('heading', { level: 1, name: 'If someone is in trouble in the water' })).toBeVisible();
  // One bar on the river bank: the page and its content file get no answer for 30 s.
  const stalled = [];
  await context.route((url) => url.pathname === '/guide/before-you-go' || url.pathname === '/content/guide.json', async (route) => {
    stalled.push(new URL(route.request().url()).pathname);
    await new Promise((resolve) => setTimeout(resolve, 30_000));
    await route.continue().catch(() => {});
  });
  const started = Date.now();
  await page.goto('/guide/before-you-go?lang=en', { waitUntil: 'commit' });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 12_000 });
  await expect(page.getByRole('checkbox').first()).toBeVisible();
  expect(Date.now() - started).toBeLessThan(12_000);
  expect(stalled).toContain('/content/guide.json');
  await context.unrouteAll({ behavior: 'ignoreErrors' });
});

test('Chromium finds the site installable (manifest and service worker valid)', async ({ baseURL }, testInfo) => {
  // A persistent profile: the default context is incognito, where nothing is installable.
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'rg-install-')), {
    executablePath: '/usr/bin/chromium',
    args: testInfo.project.use.launchOptions?.args ?? ['--no-sandbox'],
  });
  try {
    const page = await context.newPage();
    await page.goto(`${baseURL}/`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('the site has a web app manifest for installing to a home screen', async ({ request }) => {
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  expect(manifest.display).toBe('standalone');
  expect(manifest.start_url).toBe('/');
  expect(manifest.icons.length).toBeGreaterThan(0);
  const icon = await request.get(manifest.icons[0].src);
  expect(icon.ok()).toBe(true);
});
