// Keyboard only: on every page, Tab reaches every control, each one shows a visible focus ring,
// and Tab never gets stuck (it comes back round to where it started). Operating the features by
// keyboard is covered in the feature specs (quiz by keyboard, map by keyboard, the organizer
// menu held with Enter); here are the dialogs and settings.
import { test, expect } from '@playwright/test';

const PAGES = [
  '/', '/quiz', '/quiz/save-water?age=grades-4-6', '/quiz/save-water/worksheet', '/guide',
  '/guide/someone-in-trouble', '/guide/before-you-go', '/map', '/map/south-bank-patrol',
  '/map?place=story-shanty-to-lawn', '/emergency', '/teachers', '/poster', '/settings', '/about',
  '/nowhere',
];

/** Describes the focused element and whether its focus ring shows. */
function focusInfo() {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  return {
    id: el.dataset.kbId,
    label: `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 30)}"`,
    ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none',
    visible: rect.width > 0 && rect.height > 0,
  };
}

for (const lang of ['zh-CN', 'en']) {
  for (const path of PAGES) {
    test(`keyboard (${lang}): Tab reaches every control of ${path} with a visible focus ring, and comes back round`, async ({ page }) => {
      await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
      await expect(page.getByRole('main')).not.toBeEmpty();
      await page.waitForLoadState('networkidle');
      // Pages arrive with their wasm chunk and then their content: wait until the set of
      // controls has stopped changing before numbering them.
      const shownControls = (tag) => {
        const selector = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';
        const shown = [...document.querySelectorAll(selector)].filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('[inert], dialog:not([open])');
        });
        if (tag) shown.forEach((el, i) => { el.dataset.kbId = String(i); });
        return shown.length;
      };
      let settled = -1;
      await expect.poll(async () => {
        const now = await page.evaluate(shownControls, false);
        const steady = now === settled;
        settled = now;
        return steady;
      }, { intervals: [300], timeout: 10_000 }).toBe(true);
      // Number every control a keyboard user should reach.
      const controls = await page.evaluate(shownControls, true);
      expect(controls).toBeGreaterThan(0);
      const reached = new Set();
      let first = null;
      let cameBack = false;
      for (let i = 0; i < controls + 10; i++) {
        await page.keyboard.press('Tab');
        const info = await page.evaluate(focusInfo);
        if (!info) continue;
        if (first === null) first = info.id;
        else if (info.id === first) { cameBack = true; break; }
        expect(info.visible, `${info.label} is visible when focused`).toBe(true);
        expect(info.ring, `${info.label} shows a focus ring`).toBe(true);
        if (info.id !== undefined) reached.add(info.id);
      }
      expect(cameBack, 'Tab comes back round (no trap)').toBe(true);
      expect(reached.size, 'every control is reached by Tab').toBe(controls);
    });
  }
}

test('keyboard: the share dialog opens with Enter, keeps focus inside, and closes with Escape back to its button', async ({ page }) => {
  await page.goto('/guide/someone-in-trouble?lang=en');
  const share = page.getByRole('button', { name: 'Share' });
  await share.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'If someone is in trouble in the water' });
  await expect(dialog).toBeVisible();
  // The focus starts on the dialog's first button (its words and buttons are there as it opens).
  await expect(dialog.getByRole('button', { name: 'Copy link' })).toBeFocused();
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement.closest('dialog') || document.activeElement === document.body)).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(share).toBeFocused();
});

test('keyboard: settings toggles and the embed generator work with Space, Enter and arrow keys', async ({ page }) => {
  await page.goto('/settings?lang=en');
  const contrast = page.getByRole('main').getByRole('button', { name: 'High contrast' });
  await contrast.focus();
  await page.keyboard.press('Space');
  await expect(contrast).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Enter');
  await expect(contrast).toHaveAttribute('aria-pressed', 'false');
  await page.goto('/teachers?lang=en');
  const what = page.getByLabel('What to embed');
  await what.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Embed code')).toHaveValue(/\/quiz\/litter-and-sewage\?/);
  await page.getByLabel('Large type for a projector').focus();
  await page.keyboard.press('Space');
  await expect(page.getByLabel('Embed code')).toHaveValue(/text=large/);
});

test('after moving to another page by keyboard, the focus is on the new page, not left behind in the header or lost', async ({ page }) => {
  await page.goto('/?lang=en');
  await expect(page.getByRole('heading', { level: 1, name: 'River Guardians' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quiz' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Quiz' })).toBeVisible();
  await expect(page.getByRole('main')).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement.closest('main'))).toBe(true);
  // A link on the page, gone with the old page: the focus goes to the new one too.
  await page.getByRole('main').getByRole('link', { name: /Saving water/ }).first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Saving water' })).toBeVisible();
  await expect(page.getByRole('main')).toBeFocused();
});

test('keyboard: choosing an age band on a worksheet or a quiz\'s start screen keeps the focus on the chosen band', async ({ page }) => {
  for (const path of ['/quiz/save-water/worksheet?lang=en', '/quiz/save-water?lang=en']) {
    await page.goto(path);
    const picker = page.getByRole('navigation', { name: 'Age group' });
    await picker.getByRole('link', { name: 'Grades 1-3' }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/age=grades-1-3/);
    // The page draws itself anew for the band, picker and all; the focus stays on the chip.
    await expect(picker.getByRole('link', { name: 'Grades 1-3' })).toHaveAttribute('aria-current', 'true');
    await expect(picker.getByRole('link', { name: 'Grades 1-3' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(picker.getByRole('link', { name: 'Grades 4-6' })).toBeFocused();
  }
});

test('keyboard: the guide\'s Next takes the focus to the next section\'s heading, in the middle of the guide too', async ({ page, request }) => {
  const guide = await (await request.get('/content/guide.json')).json();
  const [, second, third, fourth] = guide.sections;
  await page.goto(`/guide/${second.id}?lang=en`);
  const pager = page.getByRole('navigation', { name: 'Guide sections' });
  await pager.getByRole('link', { name: new RegExp(`^Next: ${third.title.en}`) }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: third.title.en })).toBeFocused();
  // From there, the next Tab goes on through the new section, not to the pager or the footer.
  await page.keyboard.press('Tab');
  await expect(page.locator('main :focus')).toHaveCount(1);
  await expect(pager.locator(':focus')).toHaveCount(0);
  await pager.getByRole('link', { name: new RegExp(`^Next: ${fourth.title.en}`) }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: fourth.title.en })).toBeFocused();
});
