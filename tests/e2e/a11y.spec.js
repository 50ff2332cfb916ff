// Accessibility: axe-core finds no violations on every page, in both languages.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function axe(page, rules = {}) {
  // Evaluated by the test driver: an added <script> tag would be inline script, which the site's
  // Content-Security-Policy (deploy/security-headers.conf) rightly blocks.
  await page.evaluate(axeSource);
  const result = await page.evaluate((rules) => window.axe.run(document, { resultTypes: ['violations'], rules }), rules);
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

// Each page: its path, a role that only its own content has (in <main>, except the kiosk's
// attract screen, which covers the page), and for the two index pages, whose heading and age
// picker come before their content has loaded, the name of a card that only the content has.
const pages = [
  ['home', '/', 'heading'],
  ['quiz topics', '/quiz', 'link', /questions|道题/],
  ['quiz setup', '/quiz/save-water?age=grades-4-6', 'button'],
  ['guide index', '/guide', 'link', /^(Safety rules for children|孩子们的安全守则)/],
  ['guide section', '/guide/rules-for-children', 'heading'],
  ['guide checklist', '/guide/before-you-go', 'checkbox'],
  ['map', '/map/south-bank-patrol', 'application'],
  ['map story', '/map?place=story-shanty-to-lawn', 'slider'],
  ['emergency card', '/emergency', 'link'],
  ['not found', '/nowhere', 'heading'],
  ['teachers page and embed generator', '/teachers', 'combobox'],
  ['worksheet', '/quiz/save-water/worksheet?age=grades-4-6', 'heading'],
  ['stall poster', '/poster', 'img'],
  ['settings', '/settings', 'button'],
  ['about and privacy', '/about', 'heading'],
  ['lesson embed', '/guide/someone-in-trouble?embed=1&text=large', 'heading'],
  ['kiosk attract screen', '/?mode=kiosk', 'dialog'],
];

test('axe: the loading page (index.html, before the app starts) has no violations', async ({ page }) => {
  // The main module never arrives: the page stays as index.html drew it.
  await page.route(/_bg\.wasm$/, () => {});
  await page.goto('/');
  await expect(page.getByRole('link', { name: /120/ })).toBeVisible();
  // Every rule but the page-structure ones: the loading page has no heading and no landmarks of
  // its own, so that nothing of it passes for the app's page (the app's h1, main and banner
  // arrive as it goes); its four short lines read in order.
  const structure = ['page-has-heading-one', 'landmark-one-main', 'region'];
  expect(await axe(page, Object.fromEntries(structure.map((id) => [id, { enabled: false }])))).toEqual([]);
});

for (const lang of ['zh-CN', 'en']) {
  for (const [name, path, role, card] of pages) {
    test(`axe: ${name} (${lang}) has no violations`, async ({ page }) => {
      await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
      const main = page.getByRole('main');
      // The page itself, not only the header's links and buttons: every page but home, the
      // emergency card and not-found renders once its lazily loaded wasm chunk has arrived.
      await expect((role === 'dialog' ? page : main).getByRole(role, card ? { name: card } : {}).first()).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      // And its content, not "Loading…".
      await expect(main.getByRole('status').filter({ hasText: /^(Loading…|正在加载…)$/ })).toHaveCount(0);
      expect(await axe(page)).toEqual([]);
    });
  }
}

// What the quiz's buttons and headings say, in each language.
const QUIZ_WORDS = {
  'zh-CN': {
    start: '开始', passTo: /请把平板交给/, ready: '准备好了', stillPlaying: '还在玩吗？', carryOn: '继续',
    next: '下一题', check: '确定答案', seeResults: '看成绩', results: '成绩', certificate: /的证书$/,
  },
  en: {
    start: 'Start', passTo: /Pass the tablet/, ready: 'Ready', stillPlaying: 'Still playing?', carryOn: 'Continue',
    next: 'Next question', check: 'Check answer', seeResults: 'See results', results: 'Results', certificate: /^Certificate for/,
  },
};

for (const lang of ['zh-CN', 'en']) {
  test(`axe: a quiz mid-game, its feedback, the results and the certificate have no violations (${lang})`, async ({ page }) => {
    const w = QUIZ_WORDS[lang];
    const button = (name) => page.getByRole('button', { name, exact: typeof name === 'string' });
    await page.goto(`/quiz/river-chief?age=adults&lang=${lang}&seed=3`);
    await button('2').click();
    await button(w.start).click();
    await expect(page.getByRole('heading', { name: w.passTo })).toBeVisible();
    expect(await axe(page)).toEqual([]);
    await button(w.ready).click();
    await expect(page.locator('h2.prompt')).toBeVisible();
    expect(await axe(page)).toEqual([]);
    // After a reload the round is offered again ("Still playing?" above the setup).
    await page.reload();
    await expect(page.getByRole('region', { name: w.stillPlaying })).toBeVisible();
    expect(await axe(page)).toEqual([]);
    await button(w.carryOn).click();
    await button(w.ready).click();
    // Play through with first choices, checking feedback once.
    let checkedFeedback = false;
    for (let i = 0; i < 40; i++) {
      if (await button(w.seeResults).isVisible()) break;
      if (await button(w.ready).isVisible()) await button(w.ready).click();
      const next = button(w.next);
      if (await next.isVisible()) { await next.click(); continue; }
      await page.locator('.options .option, ol.ordering .option, .match-right .option').first().click();
      const rights = page.locator('.match-right .option');
      if (await page.locator('.match-left').isVisible()) for (let r = 1; r < await rights.count(); r++) await rights.nth(r).click();
      const check = button(w.check);
      if (await check.isVisible()) await check.click();
      if (!checkedFeedback) {
        await expect(page.getByRole('status').first()).toBeVisible();
        expect(await axe(page)).toEqual([]);
        checkedFeedback = true;
      }
    }
    await button(w.seeResults).click();
    await expect(page.getByRole('heading', { name: w.results, exact: true })).toBeVisible();
    expect(await axe(page)).toEqual([]);
    await button(w.certificate).first().click();
    await expect(page.getByRole('article')).toBeVisible();
    expect(await axe(page)).toEqual([]);
  });
}

// The kiosk's organizer controls, in each language.
const ORGANIZER_WORDS = {
  'zh-CN': { hold: '组织者菜单（长按）', menu: '组织者菜单', pin: '组织者密码', open: '打开', leave: '退出摊位模式' },
  en: { hold: 'Organizer menu (press and hold)', menu: 'Organizer menu', pin: 'Organizer PIN', open: 'Open', leave: 'Leave kiosk mode' },
};

for (const lang of ['zh-CN', 'en']) {
  test(`axe: the share dialog, the kiosk countdown, the organizer PIN and the organizer menu have no violations (${lang})`, async ({ page, request }) => {
    const site = await (await request.get('/content/site.json')).json();
    const w = ORGANIZER_WORDS[lang];
    await page.goto(`/quiz/save-water?lang=${lang}`);
    await page.locator('.share-button').click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await axe(page)).toEqual([]);
    await page.goto(`/quiz/save-water?lang=${lang}&mode=kiosk&idle=2`);
    await expect(page.getByRole('alertdialog')).toBeVisible({ timeout: 8_000 });
    expect(await axe(page)).toEqual([]);
    // The PIN prompt and the menu on a station with its usual idle time: with idle=2 the
    // countdown and then the attract screen (a dialog too) would come over them.
    await page.goto(`/quiz/save-water?lang=${lang}&mode=kiosk`);
    // Until the station knows its PIN (from site.json), a long press opens nothing.
    await expect.poll(() => page.evaluate(() => localStorage.getItem('rg.v1.kiosk.pin'))).toBe(site.kiosk.organizer_pin);
    // The organizer holds the corner button down (here Enter, held past its 1.5 s).
    await page.getByRole('button', { name: w.hold }).focus();
    await page.keyboard.down('Enter');
    await page.waitForTimeout(2000);
    await page.keyboard.up('Enter');
    const dialog = page.getByRole('dialog', { name: w.menu });
    await expect(dialog.getByLabel(w.pin)).toBeFocused();
    expect(await axe(page)).toEqual([]);
    await dialog.getByLabel(w.pin).fill(site.kiosk.organizer_pin);
    await dialog.getByRole('button', { name: w.open }).click();
    // The menu itself: the station's language and age, the leaderboard, leaving kiosk mode.
    await expect(dialog.getByRole('heading', { level: 2, name: w.menu })).toBeFocused();
    await expect(dialog.getByRole('button', { name: w.leave })).toBeVisible();
    expect(await axe(page)).toEqual([]);
  });
}

test('in a Windows contrast theme (forced colours), a chosen chip and A+ still show that they are chosen', async ({ page }) => {
  // Forced colours paint every background alike: the chosen age band and A+ draw a mark.
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto('/quiz/save-water?lang=en');
  const mark = (locator) => locator.evaluate((el) => getComputedStyle(el, '::before').content);
  const picker = page.getByRole('navigation', { name: 'Age group' });
  await expect(picker.getByRole('link', { name: 'All ages' })).toHaveAttribute('aria-current', 'true');
  expect(await mark(picker.getByRole('link', { name: 'All ages' }))).toContain('✓');
  expect(await mark(picker.getByRole('link', { name: 'Kindergarten' }))).toBe('none');
  const larger = page.getByRole('button', { name: /^A\+/ });
  expect(await mark(larger)).toBe('none');
  await larger.click();
  await expect(larger).toHaveAttribute('aria-pressed', 'true');
  expect(await mark(larger)).toContain('✓');
  // The mark is not part of the name.
  await expect(picker.getByRole('link', { name: 'All ages', exact: true })).toBeVisible();
});
