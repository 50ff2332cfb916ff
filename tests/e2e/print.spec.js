// For teachers and organizers: share dialogs with QR codes, worksheets with answer keys on their
// own page, the stall poster and the lesson page, checked on screen and as printed PDFs.
import { test, expect } from '@playwright/test';

/** Number of pages in a PDF that Chromium printed (it writes one `/Type /Page` object each). */
function pageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** Prints the current page to an A4 (or other) PDF, optionally hiding parts first (through
 * CSSOM: the site's Content-Security-Policy refuses an injected style sheet). */
async function printPages(page, { hide = null, format = 'A4' } = {}) {
  const toggle = (display) => page.evaluate(([selector, value]) => {
    for (const el of document.querySelectorAll(selector)) {
      if (value) el.style.setProperty('display', value, 'important');
      else el.style.removeProperty('display');
    }
  }, [hide, display]);
  if (hide) await toggle('none');
  const pdf = await page.pdf({ format, preferCSSPageSize: false });
  if (hide) await toggle(null);
  return pageCount(pdf);
}

async function quizzes(request) {
  return (await request.get('/content/quizzes.json')).json();
}

const SHARE_CASES = [
  { name: 'a quiz set for an age band', path: '/quiz/drowning-prevention?age=grades-1-3&lang=en' },
  // All ages says so: the tablet scanning the code would otherwise show the band it saved.
  { name: 'a guide section for all ages', path: '/guide/someone-in-trouble?lang=en', shared: '/guide/someone-in-trouble?age=all&lang=en' },
  { name: 'a guide section for an age band', path: '/guide/rules-for-children?age=grades-1-3&lang=en' },
  { name: 'the emergency card', path: '/emergency?lang=en' },
];

for (const { name, path, shared = path } of SHARE_CASES) {
  test(`Share on ${name} shows its deep link as a big QR code and as text`, async ({ page, baseURL }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(path);
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText(`${baseURL}${shared}`, { exact: true })).toBeVisible();
    const qr = dialog.getByRole('img', { name: /^QR code: / });
    const box = await qr.boundingBox();
    // About 10 cm on a 10-inch tablet: a phone reads it from 1.5 m.
    expect(box.width).toBeGreaterThanOrEqual(400);
    expect(Math.abs(box.width - box.height)).toBeLessThan(1);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  });
}

test('Share on a route links to that route in the chosen language', async ({ page, baseURL, request }) => {
  const routes = await (await request.get('/content/routes.geojson')).json();
  const route = routes.features.find((f) => f.geometry?.type?.includes('LineString'));
  const id = route.properties.id;
  await page.goto(`/map/${id}?lang=zh-CN`);
  await page.getByRole('button', { name: '分享' }).click();
  await expect(page.getByRole('dialog').getByText(`${baseURL}/map/${id}?lang=zh-CN`, { exact: true })).toBeVisible();
  await expect(page.getByRole('dialog').getByRole('img', { name: /^二维码：/ })).toBeVisible();
});

test('a quiz set links to its worksheet for the same age band and language', async ({ page }) => {
  await page.goto('/quiz/drowning-prevention?age=grades-4-6&lang=en');
  await page.getByRole('link', { name: 'Worksheet' }).click();
  await expect(page).toHaveURL(/\/quiz\/drowning-prevention\/worksheet\?age=grades-4-6&lang=en$/);
  await expect(page.getByRole('heading', { level: 1, name: /Worksheet/ })).toBeVisible();
  // The sheet's own band line (the age picker above it says the same).
  await expect(page.locator('.sheet-band')).toHaveText('Grades 4-6');
});

test('a worksheet lays out every kind of question for pen and paper, with a name line', async ({ page, request }) => {
  const content = await quizzes(request);
  // The set with the most kinds of question.
  const kinds = (set) => new Set(set.questions.map((q) => q.kind)).size;
  const set = [...content.sets].sort((a, b) => kinds(b) - kinds(a))[0];
  await page.goto(`/quiz/${set.id}/worksheet?lang=en`);
  await expect(page.getByRole('heading', { level: 1, name: `${set.title.en} · Worksheet` })).toBeVisible();
  await expect(page.getByText('Name:')).toBeVisible();
  const items = page.locator('.paper-questions > li');
  await expect(items).toHaveCount(set.questions.length);
  for (const [i, q] of set.questions.entries()) {
    const item = items.nth(i);
    await expect(item).toContainText(q.prompt.en);
    if (q.image) {
      // "What does this sign mean?" needs its sign on paper too.
      const picture = item.getByRole('img', { name: q.image.alt.en });
      await expect(picture).toBeVisible();
      await expect.poll(() => picture.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
    }
    if (q.kind === 'single' || q.kind === 'multiple') {
      for (const option of q.options) await expect(item).toContainText(option.en);
      await expect(item.locator('.paper-box')).toHaveCount(q.options.length);
    } else if (q.kind === 'ordering') {
      await expect(item.locator('.paper-box')).toHaveCount(q.steps.length);
    } else if (q.kind === 'matching') {
      await expect(item.locator('.paper-left li')).toHaveCount(q.pairs.length);
      await expect(item.locator('.paper-right li')).toHaveCount(q.pairs.length);
    } else if (q.kind === 'true_false') {
      await expect(item.locator('.paper-box')).toHaveCount(2);
    }
  }
  const key = page.getByRole('region', { name: /^Answer key/ });
  await expect(key.getByRole('listitem')).toHaveCount(set.questions.length);
  await expect(key).toContainText(set.questions[0].explanation.en);
  // Printed alone, the key says which band's sheet it marks (each band numbers its questions
  // from 1), and cites its sources so that a teacher can find them from paper.
  await expect(key.getByRole('heading', { level: 2 })).toHaveText(`Answer key · ${set.title.en} · All ages`);
  const cited = set.questions.find((q) => q.sources?.length);
  const source = content.sources.find((s) => s.id === cited.sources[0]);
  await expect(key.getByRole('listitem').nth(set.questions.indexOf(cited)))
    .toContainText(`${source.title.en} (${source.publisher}${source.year ? `, ${source.year}` : ''}) ${source.url}`);
});

/** What a worksheet shows, read back from the page: per question its prompt, its lettered
 * choices or steps and its two matching columns, in printed order; per answer-key entry its
 * answer and its whole line. */
function readWorksheet(page) {
  return page.evaluate(() => {
    const texts = (root, selector) => [...root.querySelectorAll(selector)].map((el) => el.textContent.trim());
    return {
      questions: [...document.querySelectorAll('.paper-questions > li')].map((li) => ({
        prompt: li.querySelector('.paper-prompt').textContent.trim(),
        choices: texts(li, '.paper-choices li'),
        left: texts(li, '.paper-left li'),
        right: texts(li, '.paper-right li'),
      })),
      key: [...document.querySelectorAll('.answer-key ol > li')].map((li) => ({
        answer: li.querySelector('.key-answer').textContent.trim(),
        line: li.textContent,
      })),
    };
  });
}

/** "A. Turn off the tap", "B. …" → { A: 'Turn off the tap', … }, checking the labels run A, B, C… */
function byLabel(lines, labels) {
  const map = {};
  lines.forEach((line, i) => {
    const [, label, text] = /^(\S+)\. ([\s\S]*)$/.exec(line) ?? [];
    expect(label, `label of "${line}"`).toBe(labels(i));
    map[label] = text;
  });
  return map;
}

const letters = (i) => String.fromCharCode(65 + i);
const sorted = (list) => [...list].sort();

for (const lang of ['zh-CN', 'en']) {
  test(`every worksheet's answer key names the letters printed on its sheet, for every age band (${lang})`, async ({ page, request }) => {
    test.setTimeout(120_000);
    const content = await quizzes(request);
    const t = (text) => text[lang];
    const [yes, no] = lang === 'en' ? ['True', 'False'] : ['对', '错'];
    for (const set of content.sets) {
      for (const age of [null, 'kindergarten', 'grades-1-3', 'grades-4-6', 'grades-7-12', 'adults']) {
        const questions = set.questions.filter((q) => !age || q.ages.includes(age));
        if (questions.length === 0) continue;
        await page.goto(`/quiz/${set.id}/worksheet?lang=${lang}${age ? `&age=${age}` : ''}`);
        // The sheet and its key list the band's questions, one key line each, in the same order.
        await expect(page.locator('.paper-questions > li')).toHaveCount(questions.length);
        const key = page.getByRole('region', { name: new RegExp(`^${lang === 'en' ? 'Answer key' : '答案'}`) });
        await expect(key.getByRole('listitem')).toHaveCount(questions.length);
        const sheet = await readWorksheet(page);
        for (const [i, q] of questions.entries()) {
          const where = `${set.id} ${age ?? 'all ages'} no. ${i + 1} (${q.id})`;
          const printed = sheet.questions[i];
          const answer = sheet.key[i].answer;
          expect(printed.prompt.startsWith(t(q.prompt)), `${where}: "${printed.prompt}"`).toBe(true);
          expect(sheet.key[i].line, where).toContain(t(q.explanation));
          // What a teacher marking the sheet reads: the letter the pupil ticked on paper.
          const choices = q.kind === 'true_false' ? {} : byLabel(printed.choices, letters);
          const letterOf = (text) => Object.keys(choices).find((l) => choices[l] === text);
          switch (q.kind) {
            case 'single':
              expect(sorted(Object.values(choices)), where).toEqual(sorted(q.options.map(t)));
              expect(answer, where).toBe(letterOf(t(q.options[q.answer])));
              break;
            case 'multiple':
              expect(sorted(Object.values(choices)), where).toEqual(sorted(q.options.map(t)));
              expect(answer, where).toBe(sorted(q.answers.map((a) => letterOf(t(q.options[a])))).join(', '));
              break;
            case 'true_false':
              expect(printed.choices, where).toEqual([yes, no]);
              expect(answer, where).toBe(q.answer ? yes : no);
              break;
            case 'ordering': {
              // "A 2 · B 3 · C 1": the number to write beside each printed step.
              expect(sorted(Object.values(choices)), where).toEqual(sorted(q.steps.map(t)));
              const entries = answer.split(' · ').map((part) => /^([A-Z]) (\d+)$/.exec(part));
              expect(entries.map((e) => e?.[1]), `${where}: "${answer}"`).toEqual(Object.keys(choices));
              expect(sorted(entries.map((e) => Number(e[2]))), where).toEqual(sorted(q.steps.map((_, n) => n + 1)));
              for (const [, label, n] of entries) expect(choices[label], `${where}: ${label} ${n}`).toBe(t(q.steps[n - 1]));
              break;
            }
            case 'matching': {
              // "1–C · 2–A": each numbered item on the left with the letter of its match.
              const left = byLabel(printed.left, (n) => String(n + 1));
              const right = byLabel(printed.right, letters);
              expect(Object.values(left), where).toEqual(q.pairs.map((p) => t(p.left)));
              expect(sorted(Object.values(right)), where).toEqual(sorted(q.pairs.map((p) => t(p.right))));
              const entries = answer.split(' · ').map((part) => /^(\d+)–([A-Z])$/.exec(part));
              expect(entries.map((e) => e?.[1]), `${where}: "${answer}"`).toEqual(Object.keys(left));
              for (const [, n, label] of entries) expect(right[label], `${where}: ${n}–${label}`).toBe(t(q.pairs[n - 1].right));
              break;
            }
            default:
              throw new Error(`${where}: unknown kind ${q.kind}`);
          }
        }
      }
    }
  });
}

for (const lang of ['zh-CN', 'en']) {
  test(`every quiz set's worksheet fits A4 without overflow, ~8 questions a page, key on its own page (${lang})`, async ({ page, request }) => {
    test.setTimeout(120_000);
    const content = await quizzes(request);
    for (const set of content.sets) {
      for (const age of [null, 'kindergarten', 'adults']) {
        const questions = set.questions.filter((q) => !age || q.ages.includes(age));
        if (questions.length === 0) continue;
        await page.goto(`/quiz/${set.id}/worksheet?lang=${lang}${age ? `&age=${age}` : ''}`);
        await expect(page.locator('.paper-questions > li')).toHaveCount(questions.length);
        await page.emulateMedia({ media: 'print' });
        // A4 less the worksheet's 14 mm side margins, at 96 px per inch.
        await page.setViewportSize({ width: Math.floor(((210 - 28) / 25.4) * 96), height: 1000 });
        const overflow = await page.evaluate(() => {
          const sheet = document.querySelector('.worksheet').getBoundingClientRect();
          const wide = [...document.querySelectorAll('.worksheet *')].filter((el) => {
            const r = el.getBoundingClientRect();
            return r.width > 0 && (r.right > sheet.right + 0.5 || r.left < sheet.left - 0.5 || el.scrollWidth > el.clientWidth + 1);
          });
          return {
            page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            elements: wide.map((el) => `${el.tagName}.${el.className}: ${el.textContent.slice(0, 40)}`),
          };
        });
        expect(overflow.page, `${set.id} ${age} page overflow`).toBeLessThanOrEqual(0);
        expect(overflow.elements, `${set.id} ${age}`).toEqual([]);
        const all = await printPages(page);
        const sheet = await printPages(page, { hide: '.answer-key' });
        const key = await printPages(page, { hide: '.sheet-head, .paper-questions' });
        expect(all, `${set.id} ${age}: the key starts on a page of its own`).toBe(sheet + key);
        expect(sheet, `${set.id} ${age}: ${questions.length} questions`).toBeLessThanOrEqual(Math.ceil(questions.length / 6));
        await page.emulateMedia({ media: 'screen' });
      }
    }
  });
}

test('the stall poster shows the event, three QR codes and the emergency numbers, on one A4 or A3 page', async ({ page, request, baseURL }) => {
  const site = await (await request.get('/content/site.json')).json();
  await page.goto('/poster?lang=en');
  await expect(page.getByRole('heading', { level: 1, name: site.title.en })).toBeVisible();
  await expect(page.getByText(site.event.name.en)).toBeVisible();
  await expect(page.getByText(site.tagline.en)).toBeVisible();
  for (const [name, path] of [['Quiz', '/quiz'], ['Water safety guide', '/guide'], ['Patrol map', '/map']]) {
    await expect(page.getByRole('img', { name: `QR code: ${name}` })).toBeVisible();
    await expect(page.getByText(`${baseURL}${path}?lang=en`, { exact: true })).toBeVisible();
  }
  for (const n of site.emergency.numbers) {
    await expect(page.getByRole('region', { name: 'Emergency' }).getByText(n.number, { exact: true })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'Print poster' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  expect(await printPages(page, { format: 'A4' })).toBe(1);
  expect(await printPages(page, { format: 'A3' })).toBe(1);
});

test('the worksheet prints the pupils\' copies without the answer key, and the key alone for the teacher', async ({ page, request }) => {
  const content = await quizzes(request);
  const set = content.sets[0];
  await page.goto(`/quiz/${set.id}/worksheet?lang=en`);
  const key = page.getByRole('region', { name: /^Answer key/ });
  const firstPrompt = page.getByText(set.questions[0].prompt.en).first();
  await expect(key).toBeVisible();
  // What the page looks like when the browser prints: the class on <html> at that moment.
  await page.evaluate(() => { window.print = () => { window.printedWith = document.documentElement.className; }; });
  const printed = async (button) => {
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: button }).click();
    await page.emulateMedia({ media: 'print' });
    return page.evaluate(() => window.printedWith);
  };
  expect(await printed('Print worksheet')).toContain('print-sheet');
  await expect(key).toBeHidden();
  await expect(firstPrompt).toBeVisible();
  // Once printed, the page prints whole again (the browser's own Print gives both).
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await expect(key).toBeVisible();
  expect(await printed('Print answer key')).toContain('print-key');
  await expect(key).toBeVisible();
  await expect(firstPrompt).toBeHidden();
  // The key alone starts on its first page (no page break before it).
  expect(await key.evaluate((el) => getComputedStyle(el).breakBefore)).toBe('auto');
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await expect(firstPrompt).toBeVisible();
  // A print that never ran (no print events: a frame that may not print) leaves no trap: the
  // other button prints its own part only, and the browser's own Print gives both again.
  expect(await printed('Print worksheet')).toContain('print-sheet');
  const both = await printed('Print answer key');
  expect(both).toContain('print-key');
  expect(both).not.toContain('print-sheet');
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await expect(key).toBeVisible();
  await expect(firstPrompt).toBeVisible();
});

test('a matching question on paper numbers its left column as the key does, with dots that print', async ({ page, request }) => {
  const content = await quizzes(request);
  const set = content.sets.find((s) => s.questions.some((q) => q.kind === 'matching'));
  const question = set.questions.find((q) => q.kind === 'matching');
  await page.goto(`/quiz/${set.id}/worksheet?lang=en`);
  const item = page.getByRole('listitem').filter({ hasText: question.prompt.en });
  for (const [i, pair] of question.pairs.entries()) {
    await expect(item.getByText(`${i + 1}. ${pair.left.en}`, { exact: true })).toBeVisible();
  }
  // Drawn as borders: browsers leave backgrounds out of print unless asked.
  const dot = await item.locator('.paper-dot').first().evaluate((el) => getComputedStyle(el).borderTopWidth);
  expect(parseFloat(dot)).toBeGreaterThan(0);
});

test('"All ages" shows the whole set again after a band was chosen on this device', async ({ page, request }) => {
  const content = await quizzes(request);
  const set = content.sets[0];
  await page.goto('/teachers?lang=en');
  await page.getByRole('link', { name: 'Grades 1-3' }).click();
  await expect(page.getByRole('link', { name: `Play: ${set.title.en}` })).toHaveAttribute('href', `/quiz/${set.id}?age=grades-1-3&lang=en`);
  await page.getByRole('link', { name: 'All ages' }).click();
  await expect(page.getByRole('link', { name: 'All ages' })).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('link', { name: `Play: ${set.title.en}` })).toHaveAttribute('href', `/quiz/${set.id}?age=all&lang=en`);
  // The device forgot the band: the next page opens for all ages too.
  await page.goto(`/quiz/${set.id}/worksheet?lang=en`);
  await expect(page.locator('.paper-questions > li')).toHaveCount(set.questions.length);
  // A teacher's all-ages link is not narrowed by a band a family saved on a shared tablet.
  await page.getByRole('link', { name: 'Kindergarten' }).click();
  await page.goto(`/quiz/${set.id}/worksheet?age=all&lang=en`);
  await expect(page.getByRole('article').getByText('All ages', { exact: true })).toBeVisible();
  await expect(page.locator('.paper-questions > li')).toHaveCount(set.questions.length);
  // The device forgot the family's band: the next page opens for all ages too.
  await page.goto(`/quiz/${set.id}/worksheet?lang=en`);
  await expect(page.locator('.paper-questions > li')).toHaveCount(set.questions.length);
});

test('a checklist printed for a class to take home has empty boxes, whatever this device ticked', async ({ page }) => {
  await page.goto('/guide/before-you-go?lang=en');
  const first = page.getByRole('checkbox').first();
  await first.check();
  await expect(page.getByRole('status').filter({ hasText: /^1 of/ })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const box = await first.evaluate((el) => {
    const style = getComputedStyle(el);
    return { appearance: style.appearance, border: style.borderTopWidth };
  });
  expect(box.appearance).toBe('none');
  expect(parseFloat(box.border)).toBeGreaterThan(0);
  // Nor the device's own words: how many are ticked, that ticks are saved on this device.
  await expect(page.getByRole('status').filter({ hasText: /^1 of/ })).toBeHidden();
  await expect(page.getByText('Ticks are saved on this device only.')).toBeHidden();
});

test('a guide section printed for a child band says whom it is for and that it is the short version', async ({ page }) => {
  await page.goto('/guide/recognise-drowning?age=grades-1-3&lang=en');
  await expect(page.getByRole('heading', { level: 1, name: 'Recognise drowning' })).toBeVisible();
  const band = page.getByText('Grades 1-3 · short version, without the details');
  await expect(band).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(band).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Age group' })).toBeHidden();
  // A copy for adults shows the details and names its band alone.
  await page.goto('/guide/recognise-drowning?age=adults&lang=en');
  await expect(page.getByRole('heading', { level: 1, name: 'Recognise drowning' })).toBeVisible();
  await expect(page.locator('.print-band')).toHaveText('Parents & teachers');
});

test('the children\'s rules print as a one-sheet classroom poster in Chinese, two sheets in English with the sources, for any band', async ({ page }) => {
  for (const [lang, sheets] of [['zh-CN', 1], ['en', 2]]) {
    for (const age of ['grades-1-3', 'adults']) {
      await page.goto(`/guide/rules-for-children?age=${age}&lang=${lang}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('.sources li').first()).toBeVisible();
      expect(await printPages(page), `${lang}, ${age}`).toBe(sheets);
    }
  }
  // The three groups on the poster: the longest down the left, the other two stacked on the right.
  await page.emulateMedia({ media: 'print' });
  const boxes = await page.locator('.group').evaluateAll((groups) => groups.map((g) => g.getBoundingClientRect().toJSON()));
  expect(boxes).toHaveLength(3);
  expect(boxes[1].left).toBeGreaterThan(boxes[0].right);
  expect(Math.abs(boxes[2].left - boxes[1].left)).toBeLessThan(1);
  expect(boxes[2].top).toBeGreaterThan(boxes[1].bottom - 1);
});

test('a printed guide section sets its sources small in two columns and keeps its picture small beside the title', async ({ page }) => {
  await page.goto('/guide/after-rescue?age=adults&lang=en');
  await expect(page.getByRole('heading', { level: 1, name: 'After someone is rescued' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const list = await page.locator('.sources ol').evaluate((ol) => {
    const style = getComputedStyle(ol);
    return { columns: style.columnCount, size: parseFloat(getComputedStyle(ol.querySelector('li')).fontSize) };
  });
  expect(list).toEqual({ columns: '2', size: expect.any(Number) });
  // 8 pt is 10.7 px.
  expect(list.size).toBeLessThan(11);
  const title = await page.getByRole('heading', { level: 1 }).boundingBox();
  const picture = await page.locator('.section-head img').boundingBox();
  // 38 mm at 96 px an inch, beside the title rather than under it.
  expect(picture.height).toBeLessThanOrEqual(144);
  expect(picture.y).toBeLessThan(title.y + title.height);
});

test('the teachers page prints its lesson plan without the embed generator\'s form', async ({ page }) => {
  await page.goto('/teachers?lang=en');
  const generator = page.getByRole('region', { name: 'Embed in a lesson' });
  await expect(generator).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(generator).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('the print styles leave the paper size to the print dialog (A3 for the poster)', async ({ page }) => {
  await page.goto('/poster?lang=en');
  await expect(page.getByRole('button', { name: 'Print poster' })).toBeVisible();
  // With the page's own size preferred, a CSS size (A4) would win over the A3 asked for.
  const pdf = (await page.pdf({ format: 'A3', preferCSSPageSize: true })).toString('latin1');
  const [width, height] = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/.exec(pdf).slice(1).map(Number);
  // A3 is 297 × 420 mm: 842 × 1191 pt (Chromium rounds its page box up to whole pixels).
  expect(Math.abs(width - 842)).toBeLessThan(2);
  expect(Math.abs(height - 1191)).toBeLessThan(2);
});

test('the printed poster scales with the paper: on A3 its QR codes and numbers are larger than on A4', async ({ page }) => {
  await page.goto('/poster?lang=en');
  await expect(page.getByRole('button', { name: 'Print poster' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  // In print, the viewport is the page inside its 15 mm margins: 180 mm wide on A4, 267 on A3.
  const measure = async (mm) => {
    await page.setViewportSize({ width: Math.round((mm / 25.4) * 96), height: 1000 });
    const qr = await page.getByRole('img', { name: 'QR code: Quiz' }).boundingBox();
    const number = await page.getByRole('region', { name: 'Emergency' }).locator('strong').first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    return { qr: qr.width, number };
  };
  const a4 = await measure(180);
  const a3 = await measure(267);
  expect(a3.qr / a4.qr).toBeGreaterThan(1.4);
  expect(a3.number / a4.number).toBeGreaterThan(1.4);
  // And on A4 the codes stay big enough to scan from a step away (about 48 mm).
  expect((a4.qr / 96) * 25.4).toBeGreaterThan(44);
});

test('the embed generator still lists guide sections when the map file fails', async ({ page }) => {
  await page.route('**/content/routes.geojson', (route) => route.abort('internetdisconnected'));
  await page.goto('/teachers?lang=en');
  const what = page.getByRole('region', { name: 'Embed in a lesson' }).getByLabel('What to embed');
  await expect(what.locator('option', { hasText: 'Safety rules for children' })).toHaveCount(1);
  await expect(what.locator('option', { hasText: 'Quiz · ' }).first()).toBeAttached();
});

test('the teachers page has the 40-minute plan and links every set to play and to its worksheet', async ({ page, request }) => {
  const content = await quizzes(request);
  await page.goto('/?lang=en');
  await page.getByRole('link', { name: 'For teachers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'For teachers' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'A 40-minute lesson' }).getByRole('listitem')).toHaveCount(4);
  await page.getByRole('link', { name: 'Grades 1-3' }).click();
  for (const set of content.sets) {
    await expect(page.getByRole('link', { name: `Play: ${set.title.en}` })).toHaveAttribute('href', `/quiz/${set.id}?age=grades-1-3&lang=en`);
    await expect(page.getByRole('link', { name: `Worksheet: ${set.title.en}` })).toHaveAttribute('href', `/quiz/${set.id}/worksheet?age=grades-1-3&lang=en`);
  }
  await page.getByRole('link', { name: `Worksheet: ${content.sets[0].title.en}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${content.sets[0].title.en} · Worksheet` })).toBeVisible();
});

test('with public_url in site.json, the poster and share links point to the public site, not the laptop it was printed from', async ({ page, request }) => {
  const site = await (await request.get('/content/site.json')).json();
  await page.route('**/content/site.json', (route) => route.fulfill({ json: { ...site, public_url: 'https://rivers.example.org' } }));
  await page.goto('/poster?lang=en');
  await expect(page.getByText('https://rivers.example.org/quiz?lang=en', { exact: true })).toBeVisible();
  await page.goto('/emergency?lang=en');
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('dialog').getByText('https://rivers.example.org/emergency?lang=en', { exact: true })).toBeVisible();
});

test('a content file downloaded ahead for a page that never read it is not shown later in place of the current one', async ({ page }) => {
  // The teachers page downloads the guide ahead for its embed generator, which appears only once
  // the quizzes have loaded; here they fail, so the guide is never read there.
  await page.route('**/content/quizzes.json', (route) => route.abort('internetdisconnected'));
  let guideDownloads = 0;
  await page.route('**/content/guide.json', async (route) => {
    const guide = await (await route.fetch()).json();
    guideDownloads += 1;
    // Organizers edit the guide between the two visits.
    guide.sections[0].title.en = `Rules for children, edition ${guideDownloads}`;
    await route.fulfill({ json: guide });
  });
  await page.goto('/teachers?lang=en');
  await expect(page.getByRole('heading', { level: 1, name: 'For teachers' })).toBeVisible();
  await expect.poll(() => guideDownloads).toBe(1);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Safety guide' }).click();
  await expect(page.getByText('Rules for children, edition 2')).toBeVisible();
  await expect(page.getByText('Rules for children, edition 1')).toHaveCount(0);
});
