// The ways the site is used besides browsing: a lesson embed in another site's iframe, the
// settings and privacy pages, and storage that is blocked or corrupt.
import { test, expect } from '@playwright/test';
import { createServer } from 'node:http';
import { loadBank, answerCurrent } from './quiz-helpers.js';

/**
 * Plays one single-team round to the results in `root` (a page or an iframe's frame); with
 * `readFirstMs`, the player reads the first question that long before answering.
 */
async function playRound(root, lang = 'en', { readFirstMs = 0 } = {}) {
  await root.getByRole('button', { name: 'Start', exact: true }).click();
  if (readFirstMs) {
    await expect(root.locator('h2.prompt')).toBeVisible();
    await new Promise((resolve) => setTimeout(resolve, readFirstMs));
  }
  for (;;) {
    await answerCurrent(root, lang);
    const results = root.getByRole('button', { name: 'See results' });
    if (await results.isVisible()) {
      await results.click();
      break;
    }
    await root.getByRole('button', { name: 'Next question' }).click();
  }
  await expect(root.getByRole('heading', { name: 'Results' })).toBeVisible();
}

/** Makes every frame of `page` refuse local and session storage, as private mode or a
 * third-party frame may. */
async function refuseStorage(page) {
  await page.addInitScript(() => {
    for (const storage of ['localStorage', 'sessionStorage']) {
      Object.defineProperty(window, storage, {
        get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
      });
    }
  });
}

/**
 * Serves a lesson page from another origin, its body after a heading being `body()` (read at
 * every request, so a test can change the page before a reload), and opens it. Close the
 * returned server at the end.
 */
async function openLesson(page, body) {
  const lesson = createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    .end(`<!doctype html><title>Lesson</title><h1>Lesson</h1>${body()}`));
  await new Promise((resolve) => lesson.listen(0, '127.0.0.1', resolve));
  lesson.unref();
  await page.goto(`http://127.0.0.1:${lesson.address().port}/`);
  return lesson;
}

test('the embed generator code, pasted into another site, shows the quiz alone, sizes the frame and reports the result', async ({ page, request }) => {
  await loadBank(request, 'en');
  // The teacher picks a quiz set and age, and copies the code.
  await page.goto('/teachers?lang=en');
  const generator = page.getByRole('region', { name: 'Embed in a lesson' });
  await generator.getByLabel('What to embed').selectOption({ label: 'Quiz · Saving water' });
  await generator.getByLabel('Age group').selectOption({ label: 'Parents & teachers' });
  const code = await generator.getByLabel('Embed code').inputValue();
  expect(code).toContain('/quiz/save-water?age=adults&amp;lang=en&amp;embed=1');

  // A lesson page on another origin (its own small server on this machine), with that code and
  // a log of the messages it receives.
  const lesson = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>Lesson</title><h1>Lesson</h1>
      <script>window.received = []; addEventListener('message', (e) => window.received.push(e.data));</script>
      ${code}`);
  });
  await new Promise((resolve) => lesson.listen(0, '127.0.0.1', resolve));
  lesson.unref();
  const host = `http://127.0.0.1:${lesson.address().port}/`;
  await page.goto(host);
  const iframe = page.locator('iframe');
  await expect(iframe).toHaveAttribute('title', 'Saving water');
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('heading', { level: 1, name: 'Saving water' })).toBeVisible();
  // Alone: no site header, navigation or footer.
  await expect(frame.getByRole('banner')).toHaveCount(0);
  await expect(frame.getByRole('contentinfo')).toHaveCount(0);

  // Height messages size the iframe to its content (the pasted script sets it).
  await expect.poll(() => page.evaluate(() => window.received.filter((m) => m?.type === 'height').length)).toBeGreaterThan(0);
  const reported = await page.evaluate(() => window.received.filter((m) => m?.type === 'height').at(-1).height);
  expect(reported).toBeGreaterThan(200);
  await expect.poll(async () => Math.round((await iframe.boundingBox()).height)).toBe(reported);

  const inner = page.frames().find((f) => f.url().includes('embed=1'));
  // Timed from just before the tap on Start to the results; a pupil reads the first question
  // for 1.5 s, so the round lasts over a second however fast this machine plays the rest.
  const before = Date.now();
  await playRound(inner, 'en', { readFirstMs: 1500 });
  const elapsed = (Date.now() - before) / 1000;
  await expect.poll(() => page.evaluate(() => window.received.filter((m) => m?.type === 'quiz-result'))).toHaveLength(1);
  const [result] = await page.evaluate(() => window.received.filter((m) => m?.type === 'quiz-result'));
  expect(Object.keys(result).sort()).toEqual(['max', 'score', 'seconds', 'set', 'source', 'team', 'teams', 'type']);
  expect(result).toMatchObject({ source: 'river-guardians', set: 'save-water', team: 1, teams: 1 });
  expect(result.max).toBeGreaterThan(0);
  expect(result.score).toBe(result.max);
  // Whole seconds from Start to the last answer: a clock that never ran (0) or that started at
  // 1970 (no start time) is not the round's time.
  expect(Number.isInteger(result.seconds)).toBe(true);
  expect(result.seconds).toBeGreaterThanOrEqual(1);
  expect(result.seconds).toBeLessThanOrEqual(Math.ceil(elapsed));
  // The height follows the content: the results screen reported its own height too.
  expect(await page.evaluate(() => new Set(window.received.filter((m) => m?.type === 'height').map((m) => m.height)).size)).toBeGreaterThan(1);
  lesson.close();
});

test('the embed generator copies the code on screen, and says "Copied" only until the code changes', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/teachers?lang=en');
  const generator = page.getByRole('region', { name: 'Embed in a lesson' });
  await generator.getByLabel('What to embed').selectOption({ label: 'Quiz · Saving water' });
  await generator.getByRole('button', { name: 'Copy code' }).click();
  await expect(generator.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await generator.getByLabel('Embed code').inputValue());
  // The teacher then picks another language: the code changes, and the button no longer says
  // the code in the lesson is this one.
  await generator.getByLabel('Language').selectOption({ label: '中文' });
  await expect(generator.getByRole('button', { name: 'Copy code' })).toBeVisible();
  // So does another age group, and large type: each time the button first says "Copied" for
  // the code copied, then "Copy code" again once the code changes.
  await generator.getByRole('button', { name: 'Copy code' }).click();
  await expect(generator.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await generator.getByLabel('Embed code').inputValue());
  await generator.getByLabel('Age group').selectOption({ label: 'Grades 1-3' });
  await expect(generator.getByRole('button', { name: 'Copy code' })).toBeVisible();
  await generator.getByRole('button', { name: 'Copy code' }).click();
  await expect(generator.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await generator.getByLabel('Embed code').inputValue());
  await generator.getByLabel('Large type for a projector').check();
  await expect(generator.getByRole('button', { name: 'Copy code' })).toBeVisible();
});

/**
 * Opens the teachers page's embed generator on a slow clipboard (a busy school computer: a copy
 * lands 400 ms late), picks a quiz and presses "Copy code"; returns the generator and the code.
 */
async function copyOnSlowClipboard(page, context) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript(() => {
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text) => new Promise((resolve) => setTimeout(resolve, 400)).then(() => write(text));
  });
  await page.goto('/teachers?lang=en');
  const generator = page.getByRole('region', { name: 'Embed in a lesson' });
  await generator.getByLabel('What to embed').selectOption({ label: 'Quiz · Saving water' });
  const copiedCode = await generator.getByLabel('Embed code').inputValue();
  await generator.getByRole('button', { name: 'Copy code' }).click();
  return { generator, copiedCode };
}

test('"Copied" is not said of a code that changed while the copy was under way', async ({ page, context }) => {
  // The copy lands after the teacher's next choice.
  const { generator, copiedCode } = await copyOnSlowClipboard(page, context);
  await generator.getByLabel('Language').selectOption({ label: '中文' });
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(copiedCode);
  await expect(generator.getByRole('button', { name: 'Copy code' })).toBeVisible();
  await expect(generator.getByRole('button', { name: 'Copied' })).toHaveCount(0);
});

test('leaving the page while a slow clipboard is still copying breaks nothing', async ({ page, context }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const { copiedCode } = await copyOnSlowClipboard(page, context);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Safety guide' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(copiedCode);
  // The app still answers: another page opens.
  await nav.getByRole('link', { name: 'Quiz' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quiz' })).toBeVisible();
  expect(errors).toEqual([]);
});

/** Makes the page's clipboard refuse every write, as a locked-down school computer does. */
async function refuseClipboard(page) {
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
}

test('where the browser refuses to copy, the embed code is selected and the teacher is told to copy it by hand', async ({ page }) => {
  await refuseClipboard(page);
  await page.goto('/teachers?lang=en');
  const generator = page.getByRole('region', { name: 'Embed in a lesson' });
  await generator.getByLabel('What to embed').selectOption({ label: 'Quiz · Saving water' });
  await generator.getByRole('button', { name: 'Copy code' }).click();
  const refused = generator.getByRole('status').filter({ hasText: /^Copying was not allowed here\. It is selected: press Ctrl\+C/ });
  await expect(refused).toBeVisible();
  await expect(generator.getByRole('button', { name: 'Copied' })).toHaveCount(0);
  await expect(generator.getByRole('status').filter({ hasText: 'Copied' })).toHaveCount(0);
  // The whole code is selected in its box, with the focus there: Ctrl+C copies it.
  const box = generator.getByLabel('Embed code');
  await expect(box).toBeFocused();
  const code = await box.inputValue();
  expect(await box.evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe(code);
  // Another choice is another code: the message goes.
  await generator.getByLabel('Language').selectOption({ label: '中文' });
  await expect(generator.getByRole('status').filter({ hasText: /./ })).toHaveCount(0);
});

test('where the browser refuses to copy, Share selects the link and says so, in Chinese too', async ({ page }) => {
  await refuseClipboard(page);
  await page.goto('/quiz/save-water');
  await page.getByRole('button', { name: '分享' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '复制链接' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: /^此处不允许自动复制。内容已选中/ })).toBeVisible();
  const link = await dialog.locator('.share-link').textContent();
  expect(link).toContain('/quiz/save-water');
  expect(await page.evaluate(() => String(window.getSelection()))).toBe(link);
});

test('the embed generator starts from the age group picked above it on the teachers\' page, until the teacher picks one in it', async ({ page }) => {
  await page.goto('/teachers?lang=en');
  await page.getByRole('link', { name: 'Grades 4-6' }).click();
  const generator = page.getByRole('region', { name: 'Embed in a lesson' });
  await generator.getByLabel('What to embed').selectOption({ label: 'Quiz · Saving water' });
  await expect(generator.getByLabel('Age group')).toHaveValue('grades-4-6');
  await expect(generator.getByLabel('Embed code')).toHaveValue(/\/quiz\/save-water\?age=grades-4-6&amp;lang=en&amp;embed=1/);
  await generator.getByLabel('Age group').selectOption({ label: 'All ages' });
  await page.getByRole('link', { name: 'Parents & teachers' }).click();
  await expect(generator.getByLabel('Embed code')).toHaveValue(/\?age=all&amp;lang=en&amp;embed=1/);
});

test('in a lesson on another site, Share → Copy link copies the page\'s link (the embed code lets the frame write to the clipboard)', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/teachers?lang=en');
  const generator = page.getByRole('region', { name: 'Embed in a lesson' });
  await generator.getByLabel('What to embed').selectOption({ label: 'Quiz · Saving water' });
  const code = await generator.getByLabel('Embed code').inputValue();
  const lesson = await openLesson(page, () => code);
  const frame = page.frameLocator('iframe');
  await frame.getByRole('button', { name: 'Share' }).click();
  await frame.getByRole('button', { name: 'Copy link' }).click();
  await expect(frame.getByRole('button', { name: 'Copied' })).toBeVisible();
  // The frame shows all ages, and so does the link: the device opening it shows what the pupil saw.
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('/quiz/save-water?age=all&lang=en');
  lesson.close();
});

test('a quiz clock that runs out in a lesson embed leaves the keyboard in the lesson page', async ({ page, baseURL }) => {
  // The pupil (or teacher) types in the lesson page beside the frame while a question waits.
  await page.route('**/content/quizzes.json', async (route) => {
    const quizzes = await (await route.fetch()).json();
    quizzes.sets.find((s) => s.id === 'river-ecology').timer_seconds = 10;
    await route.fulfill({ json: quizzes });
  });
  const lesson = await openLesson(page, () => `<label>Notes <textarea></textarea></label>
      <iframe title="Quiz" width="800" height="600" src="${baseURL}/quiz/river-ecology?age=adults&lang=en&embed=1"></iframe>`);
  const frame = page.frameLocator('iframe[title="Quiz"]');
  await frame.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(frame.locator('h2.prompt')).toBeVisible();
  const notes = page.getByRole('textbox', { name: 'Notes' });
  await notes.click();
  await page.keyboard.type('ab');
  await expect(frame.getByText('Time ran out.')).toBeVisible({ timeout: 15_000 });
  await page.waitForTimeout(500); // the feedback screen's focus moves two frames after it shows
  await page.keyboard.type('cd');
  await expect(notes).toBeFocused();
  await expect(notes).toHaveValue('abcd');
  lesson.close();
});

test('a lesson embed stays an embed in large type when its frame reloads on a page reached inside it', async ({ page, baseURL }) => {
  const lesson = await openLesson(page, () => `<iframe title="Guide" width="800" height="600" src="${baseURL}/guide/someone-in-trouble?lang=en&embed=1&text=large"></iframe>`);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('heading', { level: 1, name: 'If someone is in trouble in the water' })).toBeVisible();
  // A pupil pages on (the link's address has no ?embed=1), then the frame reloads (an update,
  // "Try again" after a failed download).
  await frame.getByRole('link', { name: /^Next:/ }).click();
  await expect(frame.getByRole('heading', { level: 1, name: 'If you fall in' })).toBeVisible();
  const inner = page.frames().find((f) => f !== page.mainFrame());
  expect(inner.url()).not.toContain('embed=1');
  await inner.evaluate(() => location.reload());
  await expect(frame.getByRole('heading', { level: 1, name: 'If you fall in' })).toBeVisible();
  await expect(frame.locator('html')).toHaveClass(/embedded/);
  await expect(frame.locator('html')).toHaveClass(/large-text/);
  await expect(frame.getByRole('banner')).toHaveCount(0);
  await expect(frame.getByRole('contentinfo')).toHaveCount(0);
  lesson.close();
});

test('the SOS button in a lesson embed leads to the card and back to the section embedded, keeping its age band', async ({ page, baseURL }) => {
  const lesson = await openLesson(page, () => `<iframe title="Guide" width="800" height="600" src="${baseURL}/guide/recognise-drowning?lang=en&embed=1&age=grades-1-3"></iframe>`);
  const frame = page.frameLocator('iframe');
  const section = frame.getByRole('heading', { level: 1, name: 'Recognise drowning' });
  await expect(section).toBeVisible();
  // Children see steps without their details: the first says a shouting swimmer needs help too.
  await expect(frame.getByText('Someone splashing and shouting is in trouble too: get help now.', { exact: false })).toBeVisible();
  await frame.getByRole('link', { name: /Emergency/ }).click();
  await expect(frame.getByRole('heading', { level: 1, name: 'Emergency help' })).toBeVisible();
  await expect(frame.getByRole('link', { name: 'Read the full rescue steps' })).toHaveAttribute('href', '/guide/someone-in-trouble?age=grades-1-3');
  // A reload of the frame on the card still knows where the lesson's embed started.
  const inner = page.frames().find((f) => f.url().includes('/emergency'));
  await inner.evaluate(() => location.reload());
  await frame.getByRole('link', { name: 'Back to the lesson' }).click();
  await expect(section).toBeVisible();
  expect(page.frames().find((f) => f !== page.mainFrame()).url()).toContain('/guide/recognise-drowning?lang=en&embed=1&age=grades-1-3');
  await expect(frame.locator('html')).toHaveClass(/embedded/);
  lesson.close();
  // Outside an embed the card has no such link.
  await page.goto('/emergency?lang=en');
  await expect(page.getByRole('heading', { level: 1, name: 'Emergency help' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to the lesson' })).toHaveCount(0);
});

test('two embeds on one lesson page keep their own type size and language, and a reloaded lesson takes its new codes', async ({ page, baseURL }) => {
  let large = '&text=large';
  const lesson = await openLesson(page, () => `
      <iframe name="projector" title="Quiz" width="800" height="500" src="${baseURL}/quiz/save-water?lang=en&embed=1${large}"></iframe>
      <iframe title="Guide" width="800" height="500" src="${baseURL}/guide/someone-in-trouble?lang=zh-CN&embed=1"></iframe>`);
  const [quiz, guide] = [page.frameLocator('iframe[title="Quiz"]'), page.frameLocator('iframe[title="Guide"]')];
  await expect(quiz.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(guide.getByRole('heading', { level: 1, name: '有人落水怎么办' })).toBeVisible();
  await expect(quiz.locator('html')).toHaveClass(/large-text/);
  await expect(guide.locator('html')).not.toHaveClass(/large-text/);
  // The guide's pupil pages on (the address loses ?lang) and the frame reloads: still Chinese,
  // though the other frame shows English.
  await guide.getByRole('link', { name: /^下一节/ }).click();
  await expect(guide.getByRole('heading', { level: 1, name: '如果自己落水' })).toBeVisible();
  const inner = page.frames().find((f) => f.url().includes('/guide/if-you-fall-in'));
  expect(inner.url()).not.toContain('lang=');
  await inner.evaluate(() => location.reload());
  await expect(guide.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(guide.getByRole('heading', { level: 1, name: '如果自己落水' })).toBeVisible();
  // The teacher drops large type from the quiz's code and reloads the lesson.
  large = '';
  await page.reload();
  await expect(quiz.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(quiz.locator('html')).toHaveClass(/embedded/);
  await expect(quiz.locator('html')).not.toHaveClass(/large-text/);
  lesson.close();
});

test('no worksheet (with its answer key) in a lesson embed or at a kiosk station', async ({ page }) => {
  await page.goto('/quiz/save-water?lang=en');
  await expect(page.getByRole('link', { name: 'Worksheet' })).toBeVisible();
  await page.goto('/quiz/save-water?lang=en&embed=1');
  await expect(page.getByRole('button', { name: 'Share' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Worksheet' })).toBeHidden();
  await page.goto('/quiz/save-water?lang=en&mode=kiosk');
  await expect(page.locator('html')).toHaveClass(/kiosk/);
  await expect(page.getByRole('button', { name: 'Share' })).toBeAttached();
  await expect(page.getByRole('link', { name: 'Worksheet' })).toBeHidden();
});

test('a projector embed of a guide section uses large type', async ({ page }) => {
  const stepSize = () => page.locator('.step-text').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  await page.goto('/guide/someone-in-trouble?lang=en&embed=1');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const normal = await stepSize();
  await page.goto('/guide/someone-in-trouble?lang=en&embed=1&text=large');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveClass(/large-text/);
  // The steps' type, not only the class: at least a fifth larger.
  expect(await stepSize()).toBeGreaterThan(normal * 1.2);
  await expect(page.locator('html')).toHaveClass(/embedded/);
  await expect(page.getByRole('banner')).toHaveCount(0);
  // A source opens in a new tab, not inside the lesson's frame.
  const sources = page.getByRole('region', { name: 'Sources' }).getByRole('link');
  expect(await sources.count()).toBeGreaterThan(0);
  for (const link of await sources.all()) await expect(link).toHaveAttribute('target', '_blank');
});

test('settings change language, contrast, motion and text size, remembered on the device, and clear everything', async ({ page }) => {
  await page.goto('/?lang=en');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  for (const name of ['High contrast', 'Reduce motion', 'Large text']) {
    const toggle = page.getByRole('main').getByRole('button', { name });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(page.locator('html')).toHaveClass(/high-contrast/);
  await expect(page.locator('html')).toHaveClass(/reduce-motion/);
  await expect(page.locator('html')).toHaveClass(/large-text/);
  await page.getByRole('button', { name: '中文' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();

  // An age group, chosen here, is saved for the next visit.
  await page.getByRole('link', { name: '一至三年级' }).click();
  await page.goto('/settings');
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
  await expect(page.getByRole('link', { name: '一至三年级' })).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('html')).toHaveClass(/high-contrast/);
  await expect(page.getByRole('main').getByRole('button', { name: '高对比度' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText(/本设备保存了 [1-9]\d* 项/)).toBeVisible();
  // A quiz round left unfinished in this tab (kept for the tab only) goes too.
  await page.goto('/quiz/save-water?age=adults');
  await page.getByRole('button', { name: '开始', exact: true }).click();
  await expect(page.locator('h2.prompt')).toBeVisible();
  await page.goto('/settings');
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('rg.')))).toContain('rg.v1.quiz.round');

  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: '清除本设备上的全部数据' }).click();
  await expect(page.getByText(/本设备保存了 0 项/)).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rg.')))).toEqual([]);
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('rg.')))).toEqual([]);
  // The page shows what it now holds: the display choices are off again, without a reload.
  await expect(page.locator('html')).not.toHaveClass(/high-contrast|reduce-motion|large-text/);
  await expect(page.getByRole('main').getByRole('button', { name: '高对比度' })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('link', { name: '一至三年级' })).not.toHaveAttribute('aria-current', /./);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rg.')))).toEqual([]);
  // A choice made afterwards is counted as it is saved.
  await page.getByRole('main').getByRole('button', { name: '高对比度' }).click();
  await expect(page.getByText(/本设备保存了 1 项/)).toBeVisible();
});

test('the privacy page says nothing leaves the device', async ({ page }) => {
  await page.goto('/about?lang=en');
  await expect(page.getByRole('heading', { level: 1, name: 'About and privacy' })).toBeVisible();
  const privacy = page.getByRole('region', { name: 'Privacy' });
  await expect(privacy).toContainText('No analytics, no cookies, and no requests to any third party.');
  await expect(privacy).toContainText('No accounts');
});

test('with storage blocked (private mode, third-party iframe) the site still works', async ({ page, request }) => {
  await refuseStorage(page);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await loadBank(request, 'en');
  await page.goto('/quiz/save-water?age=adults&lang=en');
  await playRound(page);
  await page.getByRole('button', { name: 'Next family' }).click();
  await page.goto('/guide/before-you-go?lang=en');
  await page.getByRole('checkbox').first().click();
  await expect(page.getByRole('checkbox').first()).toBeChecked();
  await page.goto('/settings?lang=en');
  await page.getByRole('main').getByRole('button', { name: 'High contrast' }).click();
  await expect(page.locator('html')).toHaveClass(/high-contrast/);
  await expect(page.getByText(/^0 settings and records/)).toBeVisible();
  await page.getByRole('button', { name: 'Switch language / 切换语言' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a lesson frame that refuses storage (a sandboxed learning platform) plays a round, reports it once, and keeps its way back from the card', async ({ page, baseURL, request }) => {
  await refuseStorage(page);
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await loadBank(request, 'en');
  const lesson = await openLesson(page, () => `<script>window.results = [];
      addEventListener('message', (e) => e.data?.type === 'quiz-result' && results.push(e.data));</script>
    <iframe title="Quiz" width="800" height="600" src="${baseURL}/quiz/save-water?age=adults&lang=en&embed=1&text=large"></iframe>`);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('html')).toHaveClass(/embedded/);
  await expect(frame.locator('html')).toHaveClass(/large-text/);
  await playRound(frame);
  expect(await page.evaluate(() => window.results.map((r) => [r.set, r.team, r.teams]))).toEqual([['save-water', 1, 1]]);
  await frame.getByRole('link', { name: /Emergency/ }).click();
  await expect(frame.getByRole('heading', { level: 1, name: 'Emergency help' })).toBeVisible();
  await frame.getByRole('link', { name: 'Back to the lesson' }).click();
  await expect(frame.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
  expect(errors).toEqual([]);
  lesson.close();
});

test('corrupt saved values are ignored, not fatal', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('rg.v1.leaderboard', '{not json');
    localStorage.setItem('rg.v1.lang', 'klingon');
    localStorage.setItem('rg.v1.age', '12345');
    localStorage.setItem('rg.v1.checklist.before-you-go', '[1, "x"');
    localStorage.setItem('rg.v1.quiz.seen.save-water.all', 'null');
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/quiz');
  await expect(page.getByRole('heading', { level: 1, name: '知识问答' })).toBeVisible();
  await expect(page.getByRole('region', { name: '今日排行榜' })).toBeVisible();
  await page.goto('/guide/before-you-go');
  await expect(page.getByRole('checkbox').first()).not.toBeChecked();
  await page.goto('/quiz/save-water');
  await page.getByRole('button', { name: '开始', exact: true }).click();
  await expect(page.locator('h2.prompt')).toBeVisible();
  expect(errors).toEqual([]);
});

test('feedback sounds: a chime after an answer, none when sound is off, none in an embed', async ({ page, request }) => {
  await loadBank(request, 'en');
  await page.addInitScript(() => {
    window.tones = 0;
    const Real = window.AudioContext;
    window.AudioContext = class extends Real {
      createOscillator() { window.tones += 1; return super.createOscillator(); }
    };
  });
  const answerOne = async (query) => {
    await page.goto(`/quiz/save-water?age=adults&lang=en${query}`);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await answerCurrent(page, 'en');
    await expect(page.getByRole('button', { name: /Next question|See results/ })).toBeVisible();
    return page.evaluate(() => window.tones);
  };
  expect(await answerOne('')).toBe(2);
  expect(await answerOne('&sound=off')).toBe(0);
  expect(await answerOne('&embed=1')).toBe(0);
  // Turned off in settings, it stays off.
  await page.goto('/settings?lang=en');
  const sound = page.getByRole('main').getByRole('button', { name: 'Sound' });
  await expect(sound).toHaveAttribute('aria-pressed', 'true');
  await sound.click();
  await expect(sound).toHaveAttribute('aria-pressed', 'false');
  expect(await answerOne('')).toBe(0);
});

test('a lesson embed keeps the emergency card one tap away, and opens it inside the embed', async ({ page }) => {
  await page.goto('/guide/someone-in-trouble?lang=en&embed=1');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('banner')).toHaveCount(0);
  await page.getByRole('link', { name: /Emergency/ }).click();
  await expect(page.getByRole('link', { name: /^120/ }).first()).toBeVisible();
  await expect(page.locator('html')).toHaveClass(/embedded/);
  await expect(page.getByRole('banner')).toHaveCount(0);
});

test('an "All ages" lesson embed shows every band, even after a pupil picked one in another embed on this device', async ({ page }) => {
  await page.goto('/teachers?lang=en');
  const generator = page.getByRole('region', { name: 'Embed in a lesson' });
  await generator.getByLabel('What to embed').selectOption({ label: 'Quiz · Saving water' });
  await generator.getByLabel('Age group').selectOption({ label: 'All ages' });
  const code = await generator.getByLabel('Embed code').inputValue();
  const src = new URL(/src="([^"]+)"/.exec(code)[1].replaceAll('&amp;', '&'));
  expect(src.searchParams.get('age')).toBe('all');
  // A pupil picks a band in another frame of the site: the device remembers it.
  await page.goto('/guide/someone-in-trouble?lang=en&embed=1');
  const picker = page.getByRole('navigation', { name: 'Age group' });
  await picker.getByRole('link', { name: 'Grades 1-3' }).click();
  await expect(page).toHaveURL(/age=grades-1-3/);
  // The all-ages frame, next lesson.
  await page.goto(src.pathname + src.search);
  await expect(picker.getByRole('link', { name: 'All ages' })).toHaveAttribute('aria-current', 'true');
});
