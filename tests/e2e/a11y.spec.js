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

const pages = [
  ['home', '/', 'heading'],
  ['quiz topics', '/quiz', 'link'],
  ['quiz setup', '/quiz/save-water?age=grades-4-6', 'button'],
  ['guide index', '/guide', 'link'],
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
  for (const [name, path, role] of pages) {
    test(`axe: ${name} (${lang}) has no violations`, async ({ page }) => {
      await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
      await expect(page.getByRole(role).first()).toBeVisible();
      // The page itself, not only the header's links and buttons: every page but home, the
      // emergency card and not-found renders once its lazily loaded wasm chunk has arrived.
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      expect(await axe(page)).toEqual([]);
    });
  }
}

test('axe: a quiz mid-game, its feedback, the results and the certificate have no violations', async ({ page }) => {
  await page.goto('/quiz/river-chief?age=adults&lang=en&seed=3');
  await page.getByRole('button', { name: '2', exact: true }).click();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Pass the tablet/ })).toBeVisible();
  expect(await axe(page)).toEqual([]);
  await page.getByRole('button', { name: 'Ready' }).click();
  await expect(page.locator('h2.prompt')).toBeVisible();
  expect(await axe(page)).toEqual([]);
  // After a reload the round is offered again ("Still playing?" above the setup).
  await page.reload();
  await expect(page.getByRole('region', { name: 'Still playing?' })).toBeVisible();
  expect(await axe(page)).toEqual([]);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Ready' }).click();
  // Play through with first choices, checking feedback once.
  let checkedFeedback = false;
  for (let i = 0; i < 40; i++) {
    if (await page.getByRole('button', { name: 'See results' }).isVisible()) break;
    if (await page.getByRole('button', { name: 'Ready' }).isVisible()) await page.getByRole('button', { name: 'Ready' }).click();
    const next = page.getByRole('button', { name: 'Next question' });
    if (await next.isVisible()) { await next.click(); continue; }
    await page.locator('.options .option, ol.ordering .option, .match-right .option').first().click();
    const rights = page.locator('.match-right .option');
    if (await page.locator('.match-left').isVisible()) for (let r = 1; r < await rights.count(); r++) await rights.nth(r).click();
    const check = page.getByRole('button', { name: 'Check answer' });
    if (await check.isVisible()) await check.click();
    if (!checkedFeedback) {
      await expect(page.getByRole('status').first()).toBeVisible();
      expect(await axe(page)).toEqual([]);
      checkedFeedback = true;
    }
  }
  await page.getByRole('button', { name: 'See results' }).click();
  await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
  expect(await axe(page)).toEqual([]);
  await page.getByRole('button', { name: /Certificate for/ }).first().click();
  await expect(page.getByRole('article')).toBeVisible();
  expect(await axe(page)).toEqual([]);
});

for (const lang of ['zh-CN', 'en']) {
  test(`axe: the share dialog, the kiosk countdown and the organizer PIN have no violations (${lang})`, async ({ page }) => {
    await page.goto(`/quiz/save-water?lang=${lang}`);
    await page.locator('.share-button').click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await axe(page)).toEqual([]);
    await page.goto(`/quiz/save-water?lang=${lang}&mode=kiosk&idle=2`);
    await expect(page.getByRole('alertdialog')).toBeVisible({ timeout: 8_000 });
    expect(await axe(page)).toEqual([]);
    await page.getByRole('alertdialog').getByRole('button').click();
    await page.locator('.organizer-button').focus();
    await page.keyboard.down('Enter');
    await page.waitForTimeout(1600);
    await page.keyboard.up('Enter');
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await axe(page)).toEqual([]);
  });
}
