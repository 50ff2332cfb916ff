// Security in the browser: every page runs under the strict Content-Security-Policy of
// deploy/security-headers.conf (no 'unsafe-inline', no 'unsafe-eval') without a single violation,
// and a whole visit makes no request to another origin and leaves no cookie.
// Runs against the local test server and, through scripts/nginx-e2e.sh, against nginx.
import { test, expect } from '@playwright/test';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadBank, answerCurrent } from './quiz-helpers.js';

/**
 * Starts recording, on this page (all its frames) and every page it navigates to: CSP violation
 * events (from before the page's first script) and console messages or uncaught errors about
 * the policy. Returns the list that fills up.
 */
async function watch(page) {
  const problems = [];
  await page.exposeBinding('__cspViolation', (_source, text) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const el = e.target instanceof Element ? e.target : null;
      const element = el
        ? `<${el.localName}${el.id ? ` id="${el.id}"` : ''}${el.getAttribute('class') ? ` class="${el.getAttribute('class')}"` : ''}${el.hasAttribute('style') ? ` style="${el.getAttribute('style')}"` : ''}>`
        : String(e.target);
      window.__cspViolation(`CSP ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} on ${element} (${e.sourceFile}:${e.lineNumber}:${e.columnNumber}) on ${location.pathname}`);
    }, true);
  });
  // Chromium's console words for a policy or header problem: CSP, Permissions-Policy parsing,
  // scripts refused for their MIME type (nosniff).
  page.on('console', (msg) => {
    if (/Content.Security.Policy|Permissions.Policy|Refused to|MIME type/i.test(msg.text())) {
      problems.push(`console ${msg.type()}: ${msg.text()} (${page.url()})`);
    }
  });
  page.on('pageerror', (error) => {
    if (/Content.Security.Policy|unsafe-eval|wasm-unsafe-eval|Refused/i.test(error.message)) {
      problems.push(`page error: ${error.message} (${page.url()})`);
    }
  });
  return problems;
}

/** Lets pending violation reports (queued tasks) arrive. */
const settle = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));

/** The document's response carries the strict policy: otherwise "no violation" would mean nothing. */
function expectStrictPolicy(response) {
  const csp = response.headers()['content-security-policy'];
  expect(csp, 'the page is served with a Content-Security-Policy').toBeTruthy();
  expect(csp).toContain("default-src 'self'");
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  expect(csp).toMatch(/style-src 'self'(;|$)/);
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain("'unsafe-eval'");
  expect(csp).toContain("object-src 'none'");
  expect(csp, 'any page may embed the site, a lesson opened from a file too').not.toContain('frame-ancestors');
  expect(response.headers()['x-frame-options'], 'LMS pages must be able to embed the site').toBeUndefined();
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  expect(response.headers()['referrer-policy']).toBe('no-referrer');
  expect(response.headers()['permissions-policy']).toContain('geolocation=(self)');
  expect(response.headers()['permissions-policy']).toContain('camera=()');
  expect(response.headers()['permissions-policy']).toContain('microphone=()');
}

// Every main route, with what shows that the app (not just the HTML shell) is running.
const pages = [
  ['home (zh-CN)', '/', (page) => page.getByRole('heading', { level: 1, name: '护河护水' })],
  ['home', '/?lang=en', (page) => page.getByRole('heading', { level: 1, name: 'River Guardians' })],
  ['quiz topics', '/quiz?lang=en', (page) => page.getByRole('heading', { level: 1, name: 'Quiz' })],
  ['quiz set', '/quiz/save-water?age=adults&lang=en', (page) => page.getByRole('heading', { level: 1, name: 'Saving water' })],
  ['guide', '/guide?lang=en', (page) => page.getByRole('heading', { level: 1, name: 'Water safety guide' })],
  ['guide section', '/guide/someone-in-trouble?lang=en', (page) => page.getByRole('heading', { level: 1, name: 'If someone is in trouble in the water' })],
  ['guide checklist', '/guide/before-you-go?lang=en', (page) => page.getByRole('checkbox').first()],
  ['map', '/map?lang=en', (page) => page.getByRole('heading', { level: 2, name: 'Legend' })],
  ['map route', '/map/south-bank-patrol?lang=en', (page) => page.locator('.route-length').filter({ hasText: /\d/ })],
  ['map story', '/map?place=story-shanty-to-lawn&lang=en', (page) => page.getByRole('slider')],
  ['emergency card', '/emergency?lang=en', (page) => page.getByRole('heading', { level: 1, name: 'Emergency help' })],
  ['worksheet', '/quiz/save-water/worksheet?age=grades-4-6&lang=en', (page) => page.getByRole('heading', { level: 1 }).first()],
  ['teachers page', '/teachers?lang=en', (page) => page.getByRole('heading', { level: 1, name: 'For teachers' })],
  ['poster', '/poster?lang=en', (page) => page.getByRole('heading', { level: 1 }).first()],
  ['settings', '/settings?lang=en', (page) => page.getByRole('heading', { level: 1 })],
  ['about', '/about?lang=en', (page) => page.getByRole('heading', { level: 1 })],
  ['lesson embed', '/quiz/save-water?age=grades-4-6&lang=en&embed=1', (page) => page.getByRole('heading', { level: 1, name: 'Saving water' })],
  ['not found', '/no/such/page?lang=en', (page) => page.getByRole('heading', { level: 1 })],
];

for (const [name, path, shown] of pages) {
  test(`CSP: ${name} runs under the strict policy with no violation`, async ({ page }) => {
    const problems = await watch(page);
    const response = await page.goto(path);
    expect(response.status()).toBe(200);
    expectStrictPolicy(response);
    await expect(shown(page)).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await settle(page);
    expect(problems).toEqual([]);
  });
}

test('CSP: a two-team quiz game, the map (route, zoom, story, "Where am I?") run with no violation', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, geolocation: { latitude: 22.5575, longitude: 113.1105 }, permissions: ['geolocation'] });
  const page = await context.newPage();
  const problems = await watch(page);
  await page.goto('/quiz/river-chief?age=adults&lang=en&seed=3');
  await page.getByRole('group', { name: 'How many teams or players?' }).getByRole('button', { name: '2', exact: true }).click();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Pass the tablet to/ })).toBeVisible();
  await page.getByRole('button', { name: 'Ready' }).click();
  await expect(page.locator('h2.prompt')).toBeVisible();
  await expect(page.locator('.team-badge').first()).toBeVisible();

  await page.goto('/map/south-bank-patrol?lang=en');
  await expect(page.locator('.route-length')).toHaveText(/\d/);
  await page.getByRole('button', { name: /Zoom in/ }).click();
  await page.getByRole('button', { name: 'Where am I?' }).click();
  await expect(page.locator('svg.map .you-are-here')).toHaveCount(1);
  await page.goto('/map?place=story-shanty-to-lawn&lang=en');
  await page.getByRole('slider').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('End');
  // The Share dialog draws its QR code.
  await page.goto('/guide/someone-in-trouble?lang=en');
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('dialog').getByRole('img', { name: /^QR code: / })).toBeVisible();
  await settle(page);
  expect(problems).toEqual([]);
  await context.close();
});

test('a school LMS page on another site can embed the site in an iframe', async ({ page, baseURL }) => {
  // No frame-ancestors and no X-Frame-Options: the embed renders inside another site's page. The
  // "LMS" is a real server on loopback (Chromium refuses loopback frames in pages from elsewhere),
  // reached as localhost, so it is another site than the 127.0.0.1 the app is served from.
  const lms = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!DOCTYPE html><title>Course</title><h1>Course</h1>
      <iframe title="River Guardians" src="${baseURL}/quiz/save-water?age=grades-4-6&lang=en&embed=1" width="800" height="600"></iframe>`);
  });
  await new Promise((resolve) => lms.listen(0, '127.0.0.1', resolve));
  try {
    const problems = await watch(page);
    await page.goto(`http://localhost:${lms.address().port}/course/7`);
    const frame = page.frameLocator('iframe[title="River Guardians"]');
    await expect(frame.getByRole('heading', { level: 1, name: 'Saving water' })).toBeVisible();
    await frame.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(frame.locator('h2.prompt')).toBeVisible();
    await settle(page);
    expect(problems).toEqual([]);
  } finally {
    lms.close();
  }
});

test('a lesson page opened from a file can embed the site', async ({ page, baseURL }) => {
  // A teacher's lesson.html on a USB stick (file:): `frame-ancestors *` would refuse it.
  const dir = mkdtempSync(join(tmpdir(), 'rg-lesson-'));
  const embed = `${baseURL}/guide/someone-in-trouble?age=all&lang=en&embed=1`;
  const lesson = join(dir, 'lesson.html');
  writeFileSync(lesson, `<!DOCTYPE html><title>Lesson</title><h1>Lesson</h1>
    <iframe title="River Guardians" src="${embed}" width="800" height="600"></iframe>`);
  try {
    await page.goto(pathToFileURL(lesson).href);
    const frame = page.frameLocator('iframe[title="River Guardians"]');
    await expect(frame.getByRole('heading', { level: 1, name: 'If someone is in trouble' })).toBeVisible();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CSP: the watch itself sees an inline script and a style attribute being blocked', async ({ page }) => {
  // A control: shows that the checks above would catch what the policy forbids.
  const problems = await watch(page);
  await page.goto('/?lang=en');
  await expect(page.getByRole('heading', { level: 1, name: 'River Guardians' })).toBeVisible();
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.head.append(script);
    document.querySelector('h1').setAttribute('style', 'color: red');
    return window.__inlineRan === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => problems.filter((p) => p.startsWith('CSP ')).length).toBeGreaterThanOrEqual(2);
  expect(problems.some((p) => p.startsWith('CSP script-src-elem'))).toBe(true);
  expect(problems.some((p) => p.startsWith('CSP style-src-attr blocked inline on <h1 style="color: red">'))).toBe(true);
});

test.describe('with the service worker on', () => {
  test.use({ serviceWorkers: 'allow' });

  test('a whole visit makes no request to another origin and leaves no cookie', async ({ page, context, baseURL, request }) => {
    test.setTimeout(60_000);
    const origin = new URL(baseURL).origin;
    // Every request of the context: pages, the service worker's precaching, fetches, pictures.
    const requests = [];
    context.on('request', (request) => requests.push(request.url()));
    const problems = await watch(page);

    for (const [, path, shown] of pages) {
      await page.goto(path);
      await expect(shown(page)).toBeVisible();
    }
    await page.evaluate(() => navigator.serviceWorker.ready);

    // A quiz played a little, by tap: three questions answered, with their feedback.
    await loadBank(request, 'en');
    await page.goto('/quiz/save-water?age=grades-4-6&lang=en&seed=7');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    for (let i = 0; i < 3; i++) {
      await expect(page.locator('h2.prompt')).toBeVisible();
      await answerCurrent(page, 'en', { right: i !== 1 });
      await expect(page.getByRole('status').getByRole('heading', { level: 2 })).toBeVisible();
      await page.getByRole('button', { name: /Next question|See results/ }).click();
    }

    // The map: zoomed, a route, and the emergency card from there.
    await page.goto('/map?lang=en');
    await expect(page.locator('svg.map path.route')).toHaveCount(3);
    await page.getByRole('button', { name: /Zoom in/ }).click();
    await page.goto('/map/south-bank-patrol?lang=en');
    await expect(page.locator('.route-length')).toHaveText(/\d/);
    await page.getByRole('link', { name: /Emergency/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Emergency help' })).toBeVisible();

    // The record is real: it holds the app, the content and the service worker's precaching.
    expect(requests.length).toBeGreaterThan(30);
    for (const path of [/\/boot-[0-9a-f]{16}\.js$/, /_bg\.wasm$/, /\/content\/quizzes\.json$/, /\/content\/routes\.geojson$/, /\/sw\.js$/]) {
      expect(requests.some((url) => path.test(new URL(url).pathname)), `a request for ${path}`).toBe(true);
    }
    const foreign = requests.filter((url) => new URL(url).origin !== origin);
    expect(foreign, `every request goes to ${origin}`).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(problems).toEqual([]);
  });
});
