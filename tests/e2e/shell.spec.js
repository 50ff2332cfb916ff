// The app shell: home page from site.json, the three doors, language, deep links, errors.
import { test, expect } from '@playwright/test';

test('home shows the event from site.json and the three doors, in zh-CN by default', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: '护河护水' })).toBeVisible();
  await expect(page.getByText('江门市江海区下沙公园')).toBeVisible();
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('link', { name: '知识问答' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '防溺水指南' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '巡河地图' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page).toHaveTitle('护河护水');
});

test('the first paint of the home page already shows the event: never "loading" first', async ({ page }) => {
  // At every frame from the start, before it is painted: is the loading message on the page?
  await page.addInitScript(() => {
    window.__framesWithLoading = 0;
    window.__framesWithHeading = 0;
    const look = () => {
      if (document.querySelector('main .loading')) window.__framesWithLoading++;
      if (document.querySelector('main h1')) window.__framesWithHeading++;
      if (window.__framesWithHeading < 3) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.goto('/?lang=en');
  await expect(page.getByRole('heading', { level: 1, name: 'River Guardians' })).toBeVisible();
  await page.waitForFunction(() => window.__framesWithHeading >= 3);
  expect(await page.evaluate(() => window.__framesWithLoading)).toBe(0);
});

test('with site.json slow, the page frame and "loading" show at once, then the event when it arrives', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/content/site.json', async (route) => {
    await held;
    await route.continue();
  });
  // Not until `load`: the page's preload of site.json holds that back.
  await page.goto('/?lang=en', { waitUntil: 'domcontentloaded' });
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quiz' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toBeVisible();
  release();
  await expect(page.getByRole('heading', { level: 1, name: 'River Guardians' })).toBeVisible();
  await expect(page.getByText('Loading')).toHaveCount(0);
});

test('?lang=en shows English, and the switch remembers the choice across a reload', async ({ page }) => {
  await page.goto('/?lang=en');
  await expect(page.getByRole('heading', { level: 1, name: 'River Guardians' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // Switch to Chinese: the ?lang in the address follows, so the link says what the page shows.
  await page.getByRole('button', { name: /Switch language/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '护河护水' })).toBeVisible();
  await expect(page).toHaveURL(/lang=zh-CN/);
  // The switch's name starts with its visible word, and says each part in its own language
  // (an English voice is not asked to read "切换语言", nor a Chinese one "Switch language").
  const languageSwitch = page.getByRole('button', { name: 'English · 切换语言 / Switch language', exact: true });
  await expect(languageSwitch).toBeVisible();
  await expect(languageSwitch.locator('[lang="en"]')).toHaveText(['English', ' / Switch language']);
  await expect(languageSwitch).not.toHaveAttribute('aria-label');
  // Switch back to English, then open the site without any ?lang in another tab: the device
  // remembers.
  await page.getByRole('button', { name: /切换语言/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const other = await page.context().newPage();
  await other.goto('/');
  await expect(other.getByRole('heading', { level: 1, name: 'River Guardians' })).toBeVisible();
});

test('a ?lang=en link keeps English in its tab across pages and reloads, and changes no other tab', async ({ page }) => {
  await page.goto('/?lang=en');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Safety guide' }).click();
  await expect(page).toHaveURL(/\/guide$/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Water safety guide' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The link chose English for this tab only: the device's choice (none: zh-CN) is unchanged.
  const other = await page.context().newPage();
  await other.goto('/guide');
  await expect(other.getByRole('heading', { level: 1, name: '防溺水指南' })).toBeVisible();
});

test('offline with nothing saved (service workers blocked, as in some in-app browsers), the footer does not promise a saved copy', async ({ page, context }) => {
  await page.goto('/?lang=en');
  await expect(page.getByRole('heading', { level: 1, name: 'River Guardians' })).toBeVisible();
  await context.setOffline(true);
  const footer = page.getByRole('contentinfo');
  await expect(footer.getByRole('status')).toHaveText('Offline: pages not opened before will not load');
  await context.setOffline(false);
  await expect(footer.getByText(/^Offline/)).toHaveCount(0);
});

test('an unknown address shows the not-found page with a way home', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: '找不到这个页面' })).toBeVisible();
  await page.getByRole('link', { name: '回到首页' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '护河护水' })).toBeVisible();
});

test('a broken site.json shows a friendly message naming the file, and retry recovers', async ({ page }) => {
  let broken = true;
  await page.route('**/content/site.json', async (route) => {
    if (broken) {
      await route.fulfill({ status: 200, contentType: 'application/json', body: '{"title": {"zh-CN": "护河护水"},' });
    } else {
      await route.continue();
    }
  });
  await page.goto('/?lang=en');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('content/site.json');
  await expect(alert).toContainText('line 1');
  // Fixed on the server: "Try again" loads it without a reload.
  broken = false;
  await alert.getByRole('button', { name: 'Try again' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'River Guardians' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The button went with the error: the focus is on the content's heading, not left behind.
  await expect(page.getByRole('heading', { level: 1, name: 'River Guardians' })).toBeFocused();
});

test('a server in trouble is named as such, not as a missing file', async ({ page }) => {
  await page.route('**/content/guide.json', (route) => route.fulfill({ status: 503, body: 'busy' }));
  await page.goto('/guide?lang=en');
  await expect(page.getByRole('alert')).toContainText('The server could not send content/guide.json just now (status 503); try again in a moment.');
});

test('with site.json broken, the header still works', async ({ page }) => {
  await page.route('**/content/site.json', (route) => route.fulfill({ status: 200, body: '[1, 2' }));
  await page.goto('/?lang=en');
  await expect(page.getByRole('alert')).toContainText('content/site.json');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quiz' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quiz' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Safety guide' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Water safety guide' })).toBeVisible();
});

test('site.json that parses but breaks a rule names the field', async ({ page }) => {
  await page.route('**/content/site.json', async (route) => {
    const response = await route.fetch();
    const site = await response.json();
    site.emergency.numbers[0].number = 'call me';
    await route.fulfill({ response, json: site });
  });
  await page.goto('/?lang=en');
  await expect(page.getByRole('alert')).toContainText('emergency.numbers[0].number');
});

for (const [lang, text] of [['zh-CN', 'normal'], ['zh-CN', 'large'], ['en', 'large']]) {
test(`touch targets in the header are at least 44 by 44 px on a 320 px phone (${lang}, ${text} text)`, async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(`/?lang=${lang}${text === 'large' ? '&text=large' : ''}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const targets = page.locator('header a, header button');
  const count = await targets.count();
  expect(count).toBeGreaterThanOrEqual(5);
  for (let i = 0; i < count; i++) {
    const box = await targets.nth(i).boundingBox();
    expect(box.width, `target ${i} width`).toBeGreaterThanOrEqual(44);
    expect(box.height, `target ${i} height`).toBeGreaterThanOrEqual(44);
  }
  // Nothing overflows sideways on a 320 px screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
}

test('nothing scrolls sideways on a 320 px phone with large text, on any kind of page', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  // A local hotline in digit groups and a volunteer team's mobile, as an organizer adds them.
  await page.route('**/content/site.json', async (route) => {
    const response = await route.fetch();
    const site = await response.json();
    site.emergency.numbers.push({ number: '0750-3501234', label: { 'zh-CN': '河长办', en: 'River chief office' } });
    site.emergency.numbers.push({ number: '13800138000', label: { 'zh-CN': '志愿救援队', en: 'Volunteer rescue team' } });
    await route.fulfill({ response, json: site });
  });
  for (const lang of ['zh-CN', 'en']) {
    for (const path of ['/', '/quiz', '/quiz/drowning-prevention', '/guide', '/guide/rules-for-children', '/map', '/emergency', '/teachers', '/poster', '/quiz/save-water/worksheet']) {
      await page.goto(`${path}?lang=${lang}&text=large`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
        .filter((el) => {
          const box = el.getBoundingClientRect();
          return (box.right > window.innerWidth + 0.5 || box.left < -0.5) && !el.closest('.visually-hidden');
        })
        .map((el) => `${el.tagName}.${el.className}`));
      expect(wide, `${path} (${lang})`).toEqual([]);
    }
  }
});

for (const [lang, width] of [['zh-CN', 360], ['en', 360], ['en', 412], ['en', 1280]]) {
  test(`the header's tools stay together and share the brand's row, the three doors share one row (${lang}, ${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`/?lang=${lang}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const top = (locator) => locator.evaluate((el) => Math.round(el.getBoundingClientRect().top));
    const brand = await top(page.locator('header .brand'));
    const tools = page.locator('header .header-tools > *');
    await expect(tools).toHaveCount(3);
    for (const tool of await tools.all()) expect(Math.abs((await top(tool)) - brand)).toBeLessThanOrEqual(6);
    // On a phone the doors take the second row, all three of them: a third row would take a
    // quarter of the screen on every page.
    const doors = page.getByRole('navigation', { name: lang === 'en' ? 'Main' : '主导航' }).getByRole('link');
    await expect(doors).toHaveCount(3);
    const doorTops = new Set();
    for (const door of await doors.all()) doorTops.add(await top(door));
    expect([...doorTops], 'the doors\' rows').toHaveLength(1);
    // The brand keeps its name for screen readers when only its icon shows.
    await expect(page.getByRole('link', { name: lang === 'en' ? 'River Guardians' : '护河护水' }).first()).toBeVisible();
  });
}

test('before the app has downloaded, the page says it is loading and offers the emergency numbers as calls', async ({ page, request }) => {
  const site = await (await request.get('/content/site.json')).json();
  // A weak signal: the main module takes as long as it takes.
  let release;
  const arrived = new Promise((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (route) => { await arrived; await route.fallback(); });
  await page.goto('/guide/someone-in-trouble');
  await expect(page.getByText('正在加载…')).toBeVisible();
  for (const n of site.emergency.numbers) {
    const call = page.getByRole('link', { name: `${n.number} ${n.label['zh-CN']} · ${n.label.en}`, exact: true });
    await expect(call).toBeVisible();
    await expect(call).toHaveAttribute('href', `tel:${n.number}`);
  }
  // The app takes over: the loading page is gone, nothing of it stays beside the app.
  release();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('正在加载…')).toHaveCount(0);
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^120 / })).toHaveCount(0);
});

test('a page whose wasm chunk cannot be downloaded says so, keeps the app running, and retry loads it', async ({ page }) => {
  // Every wasm file but the main module (trunk's <name>-<hash>_bg.wasm) is a lazily loaded chunk.
  let offline = true;
  await page.route(/\/[^/]+-[0-9a-f]{16}\.wasm$/, (route) => (offline ? route.abort('internetdisconnected') : route.fallback()));
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/?lang=en');
  await expect(page.getByRole('heading', { level: 1, name: 'River Guardians' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quiz' }).click();
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: 'This page could not be downloaded' })).toBeVisible();
  // The main module still runs: the emergency card (in the main module) opens.
  await page.getByRole('link', { name: /Emergency/ }).click();
  await expect(page.getByRole('link', { name: /120/ })).toBeVisible();
  // A failed download is not remembered: back on the page it is tried (and fails) again.
  await page.goBack();
  await expect(alert.getByRole('heading', { name: 'This page could not be downloaded' })).toBeVisible();
  // The tab's title says so too (it kept the emergency card's).
  await expect(page).toHaveTitle(/^This page could not be downloaded/);
  offline = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  // "Try again" reloads /quiz, whose address has lost the ?lang=en of the first page: the tab
  // keeps the English it showed (the device has no saved choice, which would be zh-CN).
  await expect(page).toHaveURL(/\/quiz$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Quiz' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(errors).toEqual([]);
});

test('while a page\'s wasm chunk downloads, the page says it is loading', async ({ page }) => {
  // The chunks never arrive (a very slow network): the frame is there, and the page says "Loading…".
  await page.route(/\/[^/]+-[0-9a-f]{16}\.wasm$/, () => {});
  await page.goto('/guide?lang=en');
  await expect(page.getByRole('banner')).toBeVisible();
  const main = page.locator('main');
  await expect.poll(() => main.evaluate((m) => getComputedStyle(m, '::before').content)).toBe('"Loading…"');
  await expect(main).toHaveAttribute('data-loading', 'Loading…');
  await expect.poll(() => main.evaluate((m) => getComputedStyle(m, '::before').visibility)).toBe('visible');
});

// scripts/deep-links.mjs: a deep link preloads its page's wasm chunks and content files, so they
// download beside the main module. Every chunk or content file the page fetches must have been
// preloaded, and fetched once (a preload the page's own request does not match downloads twice).
for (const address of ['/quiz', '/quiz/drowning-prevention', '/quiz/drowning-prevention/worksheet', '/teachers',
  '/poster', '/guide', '/guide/rules-for-children', '/map', '/map/north-bank-learning-trail', '/settings', '/about', '/?mode=kiosk']) {
  test(`a deep link to ${address} preloads every chunk and content file its page fetches`, async ({ page }) => {
    const fetched = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      const chunk = /\.wasm$/.test(path) && !/_bg\.wasm$/.test(path);
      if (chunk || path.startsWith('/content/')) fetched.push(path);
    });
    await page.goto(address);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    const preloaded = await page.evaluate(() =>
      [...document.querySelectorAll('link[rel=preload]')].map((link) => new URL(link.href).pathname));
    expect(fetched.some((path) => path.endsWith('.wasm')), 'the page loads a chunk').toBe(true);
    expect([...new Set(fetched)].filter((path) => !preloaded.includes(path)), 'fetched without a preload').toEqual([]);
    expect(fetched.filter((path, i) => fetched.indexOf(path) !== i), 'downloaded twice').toEqual([]);
  });
}

test('"Skip to content" moves the keyboard focus into the page, so the next Tab does not start in the header again', async ({ page }) => {
  await page.goto('/guide/before-you-go?lang=en');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement.closest('main'))).toBe(true);
});
