// Kiosk / event-station mode: the idle countdown and reset between families, the attract
// screen, the organizer menu behind a long press and the PIN from site.json, no way out of the app.
import { test, expect } from '@playwright/test';
import { loadBank, answerCurrent, answerEveryQuestion } from './quiz-helpers.js';

const saved = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rg.v1.')).sort());

/** Holds the organizer corner button down for 2 s, as an organizer does (here with Enter; the
 * half second past the 1.5 s it needs leaves room for a busy machine's late keydown). */
async function holdCorner(page) {
  await page.getByRole('button', { name: 'Organizer menu (press and hold)' }).focus();
  await page.keyboard.down('Enter');
  await page.waitForTimeout(2000);
  await page.keyboard.up('Enter');
}

/** Opens the organizer menu with its PIN; returns the menu. */
async function openMenu(page, pin) {
  await holdCorner(page);
  const menu = page.getByRole('dialog', { name: 'Organizer menu' });
  await menu.getByLabel('Organizer PIN').fill(pin);
  await menu.getByRole('button', { name: 'Open' }).click();
  return menu;
}

test('idle: "Still playing?" counts down, Continue keeps the game, then the station starts over for the next family', async ({ page, request }) => {
  test.setTimeout(60_000);
  await loadBank(request, 'en');
  // A family plays a whole round (the leaderboard remembers it), then ticks the checklist.
  await page.goto('/quiz/save-water?mode=kiosk&idle=3&age=adults&lang=en');
  await expect(page.getByRole('dialog', { name: 'River Guardians' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  for (;;) {
    await answerCurrent(page, 'en');
    const results = page.getByRole('button', { name: 'See results' });
    if (await results.isVisible()) {
      await results.click();
      break;
    }
    await page.getByRole('button', { name: 'Next question' }).click();
  }
  await page.goto('/guide/before-you-go?idle=3&lang=en');
  await page.getByRole('checkbox').first().click();
  expect(await saved(page)).toEqual(expect.arrayContaining(['rg.v1.leaderboard', 'rg.v1.checklist.before-you-go', 'rg.v1.kiosk']));

  // Nobody touches the tablet: the countdown asks, and Continue keeps everything.
  const ask = page.getByRole('alertdialog', { name: 'Still playing?' });
  await expect(ask).toBeVisible({ timeout: 8_000 });
  await expect(ask).toContainText(/Starting over for the next family. Seconds left: [1-3]/);
  await expect(ask.getByRole('button', { name: 'Continue' })).toBeFocused();
  await ask.getByRole('button', { name: 'Continue' }).click();
  await expect(ask).toHaveCount(0);
  await expect(page.getByRole('checkbox').first()).toBeChecked();
  // The focus is back on the checkbox the family ticked.
  await expect(page.getByRole('checkbox').first()).toBeFocused();

  // Then nobody answers the countdown either: the station starts over.
  await expect(ask).toBeVisible({ timeout: 8_000 });
  const attract = page.getByRole('dialog', { name: 'River Guardians' });
  await expect(attract).toBeVisible({ timeout: 8_000 });
  await expect(page).toHaveURL(/\/\?idle=3$/); // home, with the station's own switches
  const keys = await saved(page);
  expect(keys).toContain('rg.v1.leaderboard');
  expect(keys).not.toContain('rg.v1.checklist.before-you-go');
  expect(keys.filter((k) => k.startsWith('rg.v1.quiz.seen.'))).toEqual([]);

  // The attract screen: a big start button and the water facts from site.json.
  const site = await (await request.get('/content/site.json')).json();
  await expect(attract.getByText(site.water_facts[0].en)).toBeVisible();
  await expect(attract.getByRole('link', { name: 'Quiz' })).toBeVisible();
  // The page under it is out of reach of Tab and a screen reader while it shows.
  for (const part of ['.skip-link', '.site-header', '#main', '.site-footer', '.organizer-button']) await expect(page.locator(part)).toHaveAttribute('inert', '');
  expect(await page.evaluate(() => { document.querySelector('.site-header a').focus(); return document.activeElement.closest('.site-header'); })).toBeNull();
  await attract.getByRole('button', { name: 'Tap to start' }).click();
  await expect(attract).toHaveCount(0);
  // The button went with the screen: the focus is on the page it uncovered.
  await expect(page.locator('#main')).not.toHaveAttribute('inert');
  await expect(page.locator('#main')).toBeFocused();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quiz' }).click();
  // The day's one entry, under the column names a screen reader says with each cell.
  const board = page.getByRole('region', { name: "Today's leaderboard" });
  await expect(board.getByRole('row')).toHaveCount(2);
  await expect(board.getByRole('columnheader')).toHaveText(['Place', 'Team', 'Quiz', 'Points']);
  await page.goto('/guide/before-you-go?lang=en');
  await expect(page.getByRole('checkbox').first()).not.toBeChecked();
});

test('the organizer menu opens on a long press and the PIN, sets the station, and leaves kiosk mode', async ({ page, request }) => {
  const site = await (await request.get('/content/site.json')).json();
  await page.goto('/?mode=kiosk&lang=en');
  await page.getByRole('button', { name: 'Tap to start' }).click();
  const corner = page.getByRole('button', { name: 'Organizer menu (press and hold)' });
  // A tap is not enough.
  await corner.click();
  await expect(page.getByRole('dialog', { name: 'Organizer menu' })).toHaveCount(0);
  // Held down (here by keyboard: Enter held for 2 s).
  await corner.focus();
  await page.keyboard.down('Enter');
  await page.waitForTimeout(2000);
  const pin = page.getByRole('dialog', { name: 'Organizer menu' });
  await expect(pin.getByLabel('Organizer PIN')).toBeFocused();
  // The key still held repeats into the PIN field: that is not a (wrong) PIN.
  await page.keyboard.down('Enter');
  await page.keyboard.up('Enter');
  await expect(pin.getByLabel('Organizer PIN')).toBeFocused();
  await expect(pin.getByRole('alert')).toHaveCount(0);
  await pin.getByLabel('Organizer PIN').fill('0000');
  await pin.getByRole('button', { name: 'Open' }).click();
  await expect(pin.getByRole('alert')).toHaveText('That PIN is not right. Try again.');
  await pin.getByLabel('Organizer PIN').fill(site.kiosk.organizer_pin);
  await pin.getByRole('button', { name: 'Open' }).click();

  const menu = page.getByRole('dialog', { name: 'Organizer menu' });
  // The menu takes the focus from the PIN field it replaced.
  await expect(menu.getByRole('heading', { name: 'Organizer menu' })).toBeFocused();
  // The station was opened with ?lang=en, for every age.
  await expect(menu.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await expect(menu.getByRole('button', { name: 'All ages' })).toHaveAttribute('aria-pressed', 'true');
  await menu.getByRole('button', { name: 'Grades 1-3' }).click();
  await expect(menu.getByRole('button', { name: 'Grades 1-3' })).toHaveAttribute('aria-pressed', 'true');
  await menu.getByRole('button', { name: '中文' }).click();
  const menuZh = page.getByRole('dialog', { name: '组织者菜单' });
  await expect(menuZh.getByRole('heading', { name: '组织者菜单' })).toBeVisible();
  expect(await page.evaluate(() => [localStorage.getItem('rg.v1.kiosk.lang'), localStorage.getItem('rg.v1.kiosk.age')])).toEqual(['zh-CN', 'grades-1-3']);
  await menuZh.getByRole('button', { name: '退出摊位模式' }).click();
  await expect(page.getByRole('button', { name: '组织者菜单（长按）' })).toHaveCount(0);
  await expect(page.locator('html')).not.toHaveClass(/kiosk/);
  await expect(page).toHaveURL(/\/$/);
  // The station's choices leave with it: a later station starts from zh-CN and every age.
  expect(await page.evaluate(() => [localStorage.getItem('rg.v1.kiosk.lang'), localStorage.getItem('rg.v1.kiosk.age')])).toEqual([null, null]);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('button', { name: '组织者菜单（长按）' })).toHaveCount(0);
});

test('starting over closes an organizer menu left open and gives the next family the station\'s language and normal type', async ({ page, request }) => {
  test.setTimeout(60_000);
  const site = await (await request.get('/content/site.json')).json();
  await page.goto('/?mode=kiosk&idle=3');
  await page.getByRole('button', { name: '点一下，开始！' }).click();
  // A grandparent switches to English and large type.
  await page.getByRole('button', { name: /切换语言/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('banner').getByRole('button', { name: 'Large text' }).click();
  await expect(page.locator('html')).toHaveClass(/large-text/);
  // An organizer opens the menu with the PIN, and walks away.
  const menu = await openMenu(page, site.kiosk.organizer_pin);
  await expect(menu.getByRole('button', { name: 'Grades 1-3' })).toBeVisible();
  // The menu shows the station's language, not the one the grandparent switched the screen to.
  await expect(menu.getByRole('button', { name: '中文' })).toHaveAttribute('aria-pressed', 'true');
  await expect(menu.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'false');
  // Nobody touches the tablet: the next family finds the start screen in Chinese, normal type,
  // and no menu open behind it.
  const attract = page.getByRole('dialog', { name: '护河护水' });
  await expect(attract).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('html')).not.toHaveClass(/large-text/);
  await expect(page.getByRole('dialog', { name: /Organizer menu|组织者菜单/ })).toHaveCount(0);
  await expect(page.getByLabel(/Organizer PIN|组织者密码/)).toHaveCount(0);
});

test('"Next family" at a station gives the next family the station\'s language and normal type', async ({ page, request }) => {
  test.setTimeout(60_000);
  await loadBank(request, 'en');
  await page.goto('/quiz/save-water?mode=kiosk&age=adults');
  // A grandparent switches to English and large type, and plays a round.
  await page.getByRole('button', { name: /切换语言/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('banner').getByRole('button', { name: 'Large text' }).click();
  await expect(page.locator('html')).toHaveClass(/large-text/);
  // For a small grandchild: the kindergarten round, with no clock.
  const picker = page.getByRole('navigation', { name: 'Age group' });
  await picker.getByRole('link', { name: 'Kindergarten' }).click();
  await expect(page).toHaveURL(/age=kindergarten/);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await answerEveryQuestion(page, 'en');
  await page.getByRole('button', { name: 'See results' }).click();
  await page.getByRole('button', { name: 'Next family' }).click();
  // The next family starts in the station's Chinese, in normal type.
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('html')).not.toHaveClass(/large-text/);
  await expect(page.getByRole('button', { name: '开始', exact: true })).toBeVisible();
  // …and the station's age band (none was set: all ages), not the grandparent's.
  await expect(page).toHaveURL(/age=all/);
  await expect(page.getByRole('navigation', { name: '适合年龄' }).getByRole('link', { name: '全部年龄' })).toHaveAttribute('aria-current', 'true');
});

test('"Next family" gives the station\'s band also when the last family\'s came from the device, not the address, and forgets their checklist ticks', async ({ page, request }) => {
  test.setTimeout(60_000);
  await loadBank(request, 'en');
  // A grandparent picks Kindergarten on the guide (saved on the device), ticks the first item
  // of the checklist, then opens a quiz by an address without a band.
  await page.goto('/guide?mode=kiosk&lang=en');
  await page.getByRole('navigation', { name: 'Age group' }).getByRole('link', { name: 'Kindergarten' }).click();
  await expect(page).toHaveURL(/age=kindergarten/);
  await page.goto('/guide/before-you-go?lang=en');
  await page.getByRole('checkbox').first().click();
  await expect(page.getByRole('checkbox').first()).toBeChecked();
  await page.goto('/quiz/save-water?lang=en');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByText('Question 1 of 4')).toBeVisible();
  await answerEveryQuestion(page, 'en');
  await page.getByRole('button', { name: 'See results' }).click();
  await page.getByRole('button', { name: 'Next family' }).click();
  // (The station was started in English, `lang=en`: so is the next family.)
  await expect(page).toHaveURL(/age=all/);
  await expect(page.getByRole('navigation', { name: 'Age group' }).getByRole('link', { name: 'All ages' })).toHaveAttribute('aria-current', 'true');
  // The round dealt is the one the picker says: all ages, not four kindergarten questions.
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByText(/^Question 1 of \d+$/)).toBeVisible();
  await expect(page.getByText('Question 1 of 4')).toHaveCount(0);
  // The grandparent's tick is gone for the next family.
  await page.goto('/guide/before-you-go?lang=en');
  await expect(page.getByRole('checkbox').first()).not.toBeChecked();
});

test('a station offers no print buttons (the stall has no printer; the print sheet is a screen the reset cannot cover)', async ({ page, request }) => {
  test.setTimeout(60_000);
  await loadBank(request, 'en');
  await page.goto('/quiz/save-water?mode=kiosk&age=kindergarten&lang=en');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await answerEveryQuestion(page, 'en');
  await page.getByRole('button', { name: 'See results' }).click();
  await page.getByRole('button', { name: /Certificate for/ }).click();
  await expect(page.getByRole('article', { name: 'River Guardian' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print or save the certificate' })).toBeHidden();
  await page.goto('/guide/rules-for-children?lang=en');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Share' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print this page' })).toBeHidden();
  // The organizer prints the stall poster from the station.
  await page.goto('/poster?lang=en');
  await expect(page.getByRole('button', { name: 'Print poster' })).toBeVisible();
});

test('a station that starts over forgets the round the last family left unfinished', async ({ page }) => {
  test.setTimeout(30_000);
  await page.goto('/quiz/save-water?mode=kiosk&idle=3&age=adults&lang=en');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.locator('h2.prompt')).toBeVisible();
  await page.goto('/quiz/save-water?idle=3&age=adults&lang=en');
  await expect(page.getByRole('region', { name: 'Still playing?' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'River Guardians' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Tap to start' }).click();
  await page.goto('/quiz/save-water?idle=3&age=adults&lang=en');
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Still playing?' })).toHaveCount(0);
});

test('a station set up by its address keeps that setup when it starts over and when it reloads', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/?mode=kiosk&lang=en&contrast=high&idle=3');
  await page.getByRole('button', { name: 'Tap to start' }).click();
  // A grandparent turns large text on; then nobody touches the tablet and the station starts over.
  await page.getByRole('banner').getByRole('button', { name: 'Large text' }).click();
  const attract = page.getByRole('dialog', { name: 'River Guardians' });
  await expect(attract).toBeVisible({ timeout: 15_000 });
  await expect(page).toHaveURL(/\/\?(?=.*\bidle=3\b)(?=.*\bcontrast=high\b)/);
  await expect(page).not.toHaveURL(/text=|mode=/);
  // A reload (an update, a tablet that restarts): high contrast and the 3-second idle time are
  // still the station's; the large text was the grandparent's.
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/high-contrast/);
  await expect(page.locator('html')).not.toHaveClass(/large-text/);
  await page.getByRole('button', { name: 'Tap to start' }).click();
  await expect(attract).toHaveCount(0);
  await expect(attract).toBeVisible({ timeout: 15_000 });
});

test('Escape closes the PIN prompt and the organizer menu, and the focus goes back to the corner button', async ({ page, request }) => {
  const site = await (await request.get('/content/site.json')).json();
  await page.goto('/quiz?mode=kiosk&lang=en');
  const corner = page.getByRole('button', { name: 'Organizer menu (press and hold)' });
  const hold = () => holdCorner(page);
  const dialog = page.getByRole('dialog', { name: 'Organizer menu' });
  await hold();
  await expect(dialog.getByLabel('Organizer PIN')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(corner).toBeFocused();
  await hold();
  await dialog.getByLabel('Organizer PIN').fill(site.kiosk.organizer_pin);
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Leave kiosk mode' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(corner).toBeFocused();
});

test('a station never leaves the app: links to outside sources do nothing', async ({ page }) => {
  await page.goto('/guide/someone-in-trouble?mode=kiosk&lang=en');
  const sources = page.getByRole('region', { name: 'Sources' });
  const outside = sources.locator('a[href^="http"]').first();
  await expect(outside).toBeVisible();
  // The station's code (its own chunk) may arrive after the guide's: wait until it is up.
  await expect(page.getByRole('button', { name: 'Organizer menu (press and hold)' })).toBeAttached();
  const url = page.url();
  await outside.click();
  await page.waitForTimeout(500);
  expect(page.url()).toBe(url);
  expect(page.context().pages()).toHaveLength(1);
});

test('a station (and a lesson embed) hides the settings and the leaderboard reset from visitors; the same page outside kiosk mode has both', async ({ page }) => {
  // A leaderboard entry for today, so that the reset button is there.
  await page.goto('/quiz/drowning-prevention?lang=en');
  await page.evaluate(() => localStorage.setItem('rg.v1.leaderboard', JSON.stringify([
    { team: 'dolphin', set: 'drowning-prevention', points: 3, max: 5, date: new Date().toISOString().slice(0, 10) },
  ])));
  await page.reload();
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Clear the leaderboard' })).toBeVisible();
  // Nor do pupils in a lesson embed, on a classroom PC the teacher shares.
  await page.goto('/quiz/drowning-prevention?lang=en&embed=1');
  await expect(page.getByRole('region', { name: "Today's leaderboard" })).toContainText('Dolphins');
  await expect(page.getByRole('button', { name: 'Clear the leaderboard' })).toBeHidden();
  await page.goto('/?mode=kiosk&lang=en');
  await page.getByRole('button', { name: 'Tap to start' }).click();
  await expect(page.locator('html')).toHaveClass(/kiosk/);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quiz' }).click();
  await page.getByRole('link', { name: /Drowning prevention/ }).first().click();
  await expect(page.getByRole('region', { name: "Today's leaderboard" })).toContainText('Dolphins');
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Settings' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Clear the leaderboard' })).toBeHidden();
});

test('"Still playing?" is not hidden behind a share dialog left open: the dialog closes, the station asks, and Continue goes back to Share', async ({ page }) => {
  test.setTimeout(60_000);
  // A family holds the QR code up for a grandparent to scan, and the station's idle time runs out.
  await page.goto('/guide/someone-in-trouble?mode=kiosk&idle=15&lang=en');
  await page.getByRole('button', { name: 'Share' }).click();
  const share = page.getByRole('dialog', { name: /If someone is in trouble/ });
  await expect(share).toBeVisible();
  const asked = page.getByRole('alertdialog', { name: 'Still playing?' });
  await expect(asked).toBeVisible({ timeout: 20_000 });
  await expect(share).toBeHidden();
  await expect(asked.getByRole('button', { name: 'Continue' })).toBeFocused();
  await asked.getByRole('button', { name: 'Continue' }).click();
  await expect(asked).toBeHidden();
  await expect(page.getByRole('button', { name: 'Share' })).toBeFocused();
});

test('a screen reader reading on (the page scrolls, nobody touches it) is someone playing: the station does not ask yet', async ({ page }) => {
  test.setTimeout(60_000);
  // An idle time of 5 s: "Still playing?" after 5 s with no play.
  await page.goto('/guide/someone-in-trouble?mode=kiosk&idle=5&lang=en');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const asked = page.getByRole('alertdialog', { name: 'Still playing?' });
  for (let i = 0; i < 5; i++) {
    await page.waitForTimeout(2_000);
    await page.evaluate(() => window.scrollBy(0, 120));
  }
  // 10 s without a touch, a key or the wheel, but the page read on: not asked, not started over.
  await expect(page).toHaveURL(/\/guide\/someone-in-trouble/);
  await expect(asked).toHaveCount(0);
  // Then nobody reads on: the station asks.
  await expect(asked).toBeVisible({ timeout: 10_000 });
});

test('a timed question stands still while the station asks "Still playing?", and goes on after Continue', async ({ page }) => {
  test.setTimeout(60_000);
  // river-ecology has a 30-second clock on every question; after 15 idle seconds the station asks
  // for 5 seconds.
  await page.goto('/quiz/river-ecology?mode=kiosk&idle=15&age=adults&lang=en');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const clock = page.locator('.countdown');
  await expect(clock).toContainText(/seconds left/i);
  const ask = page.getByRole('alertdialog', { name: 'Still playing?' });
  await expect(ask).toBeVisible({ timeout: 20_000 });
  const seconds = async () => Number((await clock.innerText()).match(/\d+/)[0]);
  const asked = await seconds();
  await page.waitForTimeout(2_000);
  expect(await seconds()).toBe(asked);
  await ask.getByRole('button', { name: 'Continue' }).click();
  await expect(ask).toHaveCount(0);
  await expect.poll(seconds, { timeout: 5_000 }).toBeLessThan(asked);
});

test('a station does not ask someone reading the emergency card, starts over only after its long hold, and its start screen opens the card in one tap', async ({ page }) => {
  test.setTimeout(40_000);
  await page.goto('/?mode=kiosk&idle=3&lang=en');
  const start = page.getByRole('dialog', { name: 'River Guardians' });
  await expect(start).toBeVisible();
  await start.getByRole('link', { name: /Emergency/ }).click();
  await expect(start).toHaveCount(0);
  await expect(page).toHaveURL(/\/emergency/);
  await expect(page.getByRole('link', { name: /^120/ }).first()).toBeVisible();
  // Three idle seconds, three more of countdown, and then some: the card stays, unasked.
  await page.waitForTimeout(9_000);
  await expect(page.getByRole('alertdialog', { name: 'Still playing?' })).toHaveCount(0);
  await expect(page).toHaveURL(/\/emergency/);
  await expect(page.getByRole('link', { name: /^120/ }).first()).toBeVisible();
  // A card left up for good (five idle times here, a quarter of an hour at a real station) is
  // nobody's reading: the next family gets the start screen, not the last one's tablet.
  await expect(start).toBeVisible({ timeout: 12_000 });
  await expect(page.getByRole('alertdialog', { name: 'Still playing?' })).toHaveCount(0);
});

test('a tap on "Still playing?" carries on, and does not also answer the question under the finger', async ({ browser }) => {
  test.setTimeout(60_000);
  const context = await browser.newContext({ hasTouch: true, viewport: { width: 800, height: 1000 } });
  const page = await context.newPage();
  await page.goto('/quiz/save-water?mode=kiosk&idle=5&age=adults&lang=en');
  await page.getByRole('button', { name: 'Start', exact: true }).tap();
  // Whatever kind of question comes first: an option, a step or a match to tap.
  const answer = page.locator('.options .option, ol.ordering .option, .match-right .option').first();
  const box = await answer.boundingBox();
  const before = await page.getByRole('main').innerHTML();
  const ask = page.getByRole('alertdialog', { name: 'Still playing?' });
  await expect(ask).toBeVisible({ timeout: 15_000 });
  // A grandparent taps the dimmed screen where an answer lies beneath.
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await expect(ask).toHaveCount(0);
  await page.waitForTimeout(500);
  // Nothing answered, picked or paired: the question is as it was.
  expect(await page.getByRole('main').innerHTML()).toBe(before);
  await context.close();
});

test('a station whose site.json cannot be read keeps the organizer menu shut, or behind the PIN it last knew', async ({ page, request }) => {
  const site = await (await request.get('/content/site.json')).json();
  const hold = () => holdCorner(page);
  // Never read on this tablet: a child's long press opens nothing.
  await page.route('**/content/site.json', (route) => route.abort('internetdisconnected'));
  await page.goto('/?mode=kiosk&lang=en');
  await page.getByRole('button', { name: 'Tap to start' }).click();
  await hold();
  await expect(page.getByRole('dialog', { name: 'Organizer menu' })).toHaveCount(0);
  // Read once, then out of reach: the PIN it gave is still asked for.
  await page.unroute('**/content/site.json');
  await page.reload();
  await page.getByRole('button', { name: 'Tap to start' }).click();
  await expect.poll(() => page.evaluate(() => localStorage.getItem('rg.v1.kiosk.pin'))).toBe(site.kiosk.organizer_pin);
  await page.route('**/content/site.json', (route) => route.abort('internetdisconnected'));
  await page.reload();
  await page.getByRole('button', { name: 'Tap to start' }).click();
  await hold();
  await expect(page.getByRole('dialog', { name: 'Organizer menu' }).getByLabel('Organizer PIN')).toBeVisible();
});

test('"Clear the leaderboard" in the organizer menu empties the table on the page beneath at once', async ({ page, request }) => {
  const site = await (await request.get('/content/site.json')).json();
  await page.goto('/quiz/drowning-prevention?mode=kiosk&lang=en');
  await page.evaluate(() => localStorage.setItem('rg.v1.leaderboard', JSON.stringify([
    { team: 'dolphin', set: 'drowning-prevention', points: 3, max: 5, date: new Date().toISOString().slice(0, 10) },
  ])));
  await page.reload();
  const board = page.getByRole('region', { name: "Today's leaderboard" });
  await expect(board).toContainText('Dolphins');
  const menu = await openMenu(page, site.kiosk.organizer_pin);
  page.once('dialog', (dialog) => dialog.accept());
  await menu.getByRole('button', { name: 'Clear the leaderboard' }).click();
  await menu.getByRole('button', { name: 'Close' }).click();
  await expect(board).toContainText('No scores yet today.');
  await expect(board).not.toContainText('Dolphins');
});

test('a station whose code could not be downloaded tries again, and becomes a station once it comes', async ({ page }) => {
  await page.clock.install();
  // The first try of every lazily loaded chunk fails (a weak signal at the stall).
  let offline = true;
  await page.route(/\/[^/]+-[0-9a-f]{16}\.wasm$/, (route) => (offline ? route.abort('internetdisconnected') : route.fallback()));
  await page.goto('/?mode=kiosk&lang=en');
  await expect(page.getByRole('heading', { level: 1, name: 'River Guardians' })).toBeVisible();
  const start = page.getByRole('button', { name: 'Tap to start' });
  await expect(start).toHaveCount(0);
  offline = false;
  // Half a minute later the station's code is fetched again: the attract screen and the
  // organizer's corner are there.
  await expect(async () => {
    await page.clock.fastForward('00:31');
    await expect(start).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
});
