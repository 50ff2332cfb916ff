// The drowning-prevention guide and the emergency card.
import { test, expect } from '@playwright/test';

for (const lang of ['zh-CN', 'en']) {
  test(`every guide section opens in ${lang}, with steps, sources and previous/next`, async ({ page, request }) => {
    const guide = await (await request.get('/content/guide.json')).json();
    await page.goto(`/guide?lang=${lang}`);
    await expect(page.getByRole('link', { name: new RegExp(guide.sections[0].title[lang]) })).toBeVisible();
    await page.getByRole('link', { name: new RegExp(guide.sections[0].title[lang]) }).click();
    for (let i = 0; i < guide.sections.length; i++) {
      const section = guide.sections[i];
      await expect(page).toHaveURL(new RegExp(`/guide/${section.id}`));
      await expect(page.getByRole('heading', { level: 1, name: section.title[lang] })).toBeVisible();
      const firstStep = section.groups[0].steps[0].text[lang];
      await expect(page.getByText(firstStep, { exact: true })).toBeVisible();
      await expect(page.getByRole('heading', { name: lang === 'en' ? 'Sources' : '来源' })).toBeVisible();
      const sources = page.getByRole('region', { name: lang === 'en' ? 'Sources' : '来源' });
      await expect(sources.getByRole('listitem').first()).toBeVisible();
      // Every step's markers point at the sources it cites in the numbered list, in ascending order.
      const steps = section.groups.flatMap((group) => group.steps);
      // Known by their addresses: several publishers title a page "Water Safety".
      const hrefs = await sources.getByRole('listitem').evaluateAll((items) => items.map((li) => li.querySelector('a').getAttribute('href')));
      const listed = hrefs.map((href) => guide.sources.find((s) => s.url === href).id);
      const markers = (await page.locator('.guide-section .citations').allInnerTexts()).map((text) => (text.match(/\[\d+\]/g) ?? []).join(''));
      expect(markers).toEqual(steps.map((step) => step.sources.map((id) => listed.indexOf(id) + 1).sort((a, b) => a - b).map((n) => `[${n}]`).join('')));
      if (i + 1 < guide.sections.length) {
        await page.getByRole('link', { name: new RegExp(`${lang === 'en' ? 'Next' : '下一节'}: `) }).click();
      }
    }
  });
}

test('the rule sets sit side by side, and children see short words only', async ({ page, request }) => {
  const guide = await (await request.get('/content/guide.json')).json();
  const rules = guide.sections[0];
  await page.goto('/guide/rules-for-children?lang=en&age=adults');
  for (const group of rules.groups) {
    await expect(page.getByRole('heading', { level: 2, name: group.title.en })).toBeVisible();
  }
  const withDetail = rules.groups.flatMap((g) => g.steps).find((s) => s.detail);
  await expect(page.getByText(withDetail.detail.en)).toBeVisible();
  await page.getByRole('link', { name: 'Grades 1-3' }).click();
  await expect(page.getByText(withDetail.text.en, { exact: true })).toBeVisible();
  await expect(page.getByText(withDetail.detail.en)).toHaveCount(0);
  // The short words alone must not mislead: the Ministry's "if you can't swim well, never go in
  // to rescue" says, in the children's own view, that no child goes in, swimmer or not.
  for (const [lang, text] of [['en', 'In fact no child should, swimmer or not'], ['zh-CN', '其实孩子会不会游泳，都不要下水救人']]) {
    await page.goto(`/guide/rules-for-children?lang=${lang}&age=grades-4-6`);
    await expect(page.getByText(text)).toBeVisible();
  }
});

test('a shared link for young children keeps their short words from section to section', async ({ page, request }) => {
  const guide = await (await request.get('/content/guide.json')).json();
  const [first, second] = guide.sections;
  // Nothing saved on this device: only the link says grades 1-3.
  await page.goto(`/guide/${first.id}?age=grades-1-3&lang=en`);
  await page.getByRole('navigation', { name: 'Guide sections' }).getByRole('link', { name: new RegExp(`Next: ${second.title.en}`) }).click();
  await expect(page).toHaveURL(new RegExp(`/guide/${second.id}\\?age=grades-1-3`));
  const withDetail = second.groups.flatMap((g) => g.steps).find((s) => s.detail);
  await expect(page.getByText(withDetail.text.en, { exact: true })).toBeVisible();
  await expect(page.getByText(withDetail.detail.en)).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Water safety guide' }).getByRole('link', { name: 'Water safety guide' }).click();
  await expect(page).toHaveURL(/\/guide\?age=grades-1-3/);
  // And from the guide's list, any section opens in the children's words too.
  const third = guide.sections[2];
  await page.getByRole('main').getByRole('link', { name: third.title.en }).first().click();
  await expect(page).toHaveURL(new RegExp(`/guide/${third.id}\\?age=grades-1-3`));
  const thirdDetail = third.groups.flatMap((g) => g.steps).find((s) => s.detail);
  if (thirdDetail) await expect(page.getByText(thirdDetail.detail.en)).toHaveCount(0);
});

test('Back from the emergency card shows the guide section at once, without waiting for the network', async ({ page, context }) => {
  await page.goto('/guide/someone-in-trouble?lang=en');
  await expect(page.getByRole('heading', { level: 1, name: 'If someone is in trouble in the water' })).toBeVisible();
  // One bar on the river bank: guide.json gets no answer any more.
  let asked = 0;
  await context.route('**/content/guide.json', async (route) => {
    asked++;
    await new Promise((resolve) => setTimeout(resolve, 30_000));
    await route.continue().catch(() => {});
  });
  await page.getByRole('link', { name: /Emergency/ }).first().click();
  await expect(page.getByRole('link', { name: /120/ })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'If someone is in trouble in the water' })).toBeVisible({ timeout: 2_000 });
  // The kept copy is all it reads: the file is not asked for again.
  expect(asked).toBe(0);
  await context.unrouteAll({ behavior: 'ignoreErrors' });
});

test('the family checklist keeps its ticks across a reload', async ({ page }) => {
  await page.goto('/guide/before-you-go?lang=en');
  const boxes = page.getByRole('checkbox');
  await expect(boxes.first()).toBeVisible();
  const total = await boxes.count();
  await boxes.nth(0).check();
  await boxes.nth(2).check();
  await expect(page.getByText(`2 of ${total} done`)).toBeVisible();
  await page.reload();
  await expect(page.getByRole('checkbox').nth(0)).toBeChecked();
  await expect(page.getByRole('checkbox').nth(1)).not.toBeChecked();
  await expect(page.getByRole('checkbox').nth(2)).toBeChecked();
  await page.getByRole('button', { name: 'Clear ticks' }).click();
  await expect(page.getByText(`0 of ${total} done`)).toBeVisible();
});

test('checklist ticks from an earlier trip (over a day old) do not stand for today', async ({ page }) => {
  await page.goto('/guide/before-you-go?lang=en');
  await page.getByRole('checkbox').nth(0).check();
  await expect(page.getByRole('checkbox').nth(0)).toBeChecked();
  // The same ticks, as if saved 25 hours ago: the list starts empty.
  await page.evaluate(() => {
    const key = 'rg.v1.checklist.before-you-go';
    const saved = JSON.parse(localStorage.getItem(key));
    saved.at -= 25 * 3600 * 1000;
    localStorage.setItem(key, JSON.stringify(saved));
  });
  await page.reload();
  await expect(page.getByRole('checkbox').first()).toBeVisible();
  await expect(page.getByRole('checkbox').nth(0)).not.toBeChecked();
});

test('a checklist in several groups keeps each group\'s ticks apart', async ({ page }) => {
  // The content format allows a checklist section with groups (none ships yet): ticks are
  // numbered across the section, so group 2's first box is not group 1's first box.
  await page.route('**/content/guide.json', async (route) => {
    const response = await route.fetch();
    const guide = await response.json();
    const section = guide.sections.find((s) => s.id === 'rules-for-children');
    section.checklist = true;
    await route.fulfill({ response, json: guide });
  });
  await page.goto('/guide/rules-for-children?lang=en');
  const groups = page.locator('section.group');
  await expect(groups).toHaveCount(3);
  const [first, second] = [groups.nth(0), groups.nth(1)];
  const [firstTotal, secondTotal] = [await first.getByRole('checkbox').count(), await second.getByRole('checkbox').count()];
  await first.getByRole('checkbox').nth(0).check();
  await second.getByRole('checkbox').nth(1).check();
  await second.getByRole('checkbox').nth(2).check();
  await expect(first.getByText(`1 of ${firstTotal} done`)).toBeVisible();
  await expect(second.getByText(`2 of ${secondTotal} done`)).toBeVisible();
  await page.reload();
  await expect(first.getByRole('checkbox').nth(0)).toBeChecked();
  await expect(first.getByRole('checkbox').nth(1)).not.toBeChecked();
  await expect(second.getByRole('checkbox').nth(0)).not.toBeChecked();
  await expect(second.getByRole('checkbox').nth(1)).toBeChecked();
  await expect(second.getByRole('checkbox').nth(2)).toBeChecked();
  // Clearing one group leaves the other's ticks, on the page and after a reload.
  await first.getByRole('button', { name: 'Clear ticks' }).click();
  await expect(first.getByText(`0 of ${firstTotal} done`)).toBeVisible();
  await expect(second.getByText(`2 of ${secondTotal} done`)).toBeVisible();
  await page.reload();
  await expect(second.getByRole('checkbox').nth(1)).toBeChecked();
  await expect(first.getByRole('checkbox').nth(0)).not.toBeChecked();
});

for (const from of ['/quiz', '/map']) {
  test(`the emergency card is one tap away from ${from}`, async ({ page, request }) => {
    const site = await (await request.get('/content/site.json')).json();
    await page.goto(`${from}?lang=zh-CN`);
    await page.getByRole('link', { name: /紧急求助/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: '紧急求助' })).toBeVisible();
    for (const number of ['119', '110', '120']) {
      await expect(page.getByRole('link', { name: new RegExp(number) })).toHaveAttribute('href', `tel:${number}`);
    }
    // Water rescue first: a panicking bystander taps the first big button.
    await expect(page.locator('.call-list .call-number')).toHaveText(['119', '110', '120']);
    for (const step of site.emergency.steps) {
      await expect(page.getByText(step['zh-CN'], { exact: true })).toBeVisible();
    }
  });
}

test('a malformed guide file names the problem, and the emergency card still shows', async ({ page }) => {
  await page.route('**/content/guide.json', async (route) => {
    const response = await route.fetch();
    const guide = await response.json();
    guide.sections[2].groups[0].steps[0].sources = [];
    await route.fulfill({ response, json: guide });
  });
  await page.goto('/guide/someone-in-trouble?lang=en');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('content/guide.json');
  await expect(alert).toContainText('sections[2].groups[0].steps[0].sources: must cite at least one source');
  await page.getByRole('link', { name: /Emergency/ }).click();
  await expect(page.getByRole('link', { name: /120/ })).toHaveAttribute('href', 'tel:120');
});

test('the emergency card shows mainland China numbers even when site.json fails', async ({ page }) => {
  await page.route('**/content/site.json', (route) => route.fulfill({ status: 500, body: 'down' }));
  await page.goto('/emergency?lang=en');
  await expect(page.getByText('Site settings did not load')).toBeVisible();
  await expect(page.getByRole('link', { name: /120/ })).toHaveAttribute('href', 'tel:120');
});

test('a mistake elsewhere in site.json keeps its local emergency numbers on the card', async ({ page }) => {
  await page.route('**/content/site.json', async (route) => {
    const site = await (await route.fetch()).json();
    site.emergency.numbers.unshift({ number: '0750-3501234', label: { 'zh-CN': '下沙公园值班室', en: 'Xiasha Park duty office' } });
    site.water_facts.push({ 'zh-CN': '只有中文' });
    await route.fulfill({ json: site });
  });
  await page.goto('/emergency?lang=en');
  await expect(page.getByRole('link', { name: /Xiasha Park duty office/ })).toHaveAttribute('href', 'tel:07503501234');
  await expect(page.getByRole('link', { name: /120/ })).toHaveAttribute('href', 'tel:120');
  await expect(page.getByText('Site settings did not load')).toHaveCount(0);
  // The mistake is still named, where the organizer looks.
  await page.goto('/?lang=en');
  await expect(page.getByRole('alert')).toContainText('water_facts');
});

test('the age picker marks only the chosen band as the current one, and "All ages" before a choice', async ({ page }) => {
  await page.goto('/guide?lang=en');
  const picker = page.getByRole('navigation', { name: 'Age group' });
  await expect(picker.getByRole('link')).toHaveCount(6);
  await expect(picker.locator('a[aria-current]')).toHaveCount(1);
  await expect(picker.getByRole('link', { name: 'All ages' })).toHaveAttribute('aria-current', 'true');
  await picker.getByRole('link', { name: 'Grades 4-6' }).click();
  await expect(page).toHaveURL(/age=grades-4-6/);
  await expect(picker.locator('a[aria-current]')).toHaveCount(1);
  await expect(picker.getByRole('link', { name: 'Grades 4-6' })).toHaveAttribute('aria-current', 'true');
});

test('ticks saved before organizers changed a checklist\'s steps are not shown on other steps', async ({ page }) => {
  let edited = false;
  await page.route('**/content/guide.json', async (route) => {
    const guide = await (await route.fetch()).json();
    if (edited) {
      // A new first step in the checklist: every saved step number now names another step.
      const section = guide.sections.find((s) => s.id === 'before-you-go');
      section.groups[0].steps.unshift({ ...section.groups[0].steps[1], text: { 'zh-CN': '带上哨子', en: 'Bring a whistle.' } });
    }
    await route.fulfill({ json: guide });
  });
  await page.goto('/guide/before-you-go?lang=en');
  const boxes = page.getByRole('checkbox');
  await boxes.nth(0).check();
  await boxes.nth(2).check();
  await page.reload();
  await expect(boxes.nth(0)).toBeChecked();
  await expect(boxes.nth(2)).toBeChecked();
  edited = true;
  await page.reload();
  await expect(page.getByRole('checkbox', { name: /Bring a whistle/ })).toBeVisible();
  for (const box of await boxes.all()) await expect(box).not.toBeChecked();
});

test('a local number written in groups (0750-3501234) is shown as written and dials its digits', async ({ page }) => {
  await page.route('**/content/site.json', async (route) => {
    const response = await route.fetch();
    const site = await response.json();
    site.emergency.numbers.push({ number: '0750-3501234', label: { 'zh-CN': '河长办', en: 'River chief office' } });
    await route.fulfill({ response, json: site });
  });
  await page.goto('/emergency?lang=en');
  const call = page.getByRole('link', { name: /River chief office/ });
  await expect(call).toContainText('0750-3501234');
  await expect(call).toHaveAttribute('href', 'tel:07503501234');
  // The rest of site.json still counts: not the built-in numbers' note.
  await expect(page.getByText('Site settings did not load')).toHaveCount(0);
});
