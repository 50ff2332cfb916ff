// Quizzes: full two-team rounds of every kind, by tap and by keyboard only, to the certificate.
import { test, expect } from '@playwright/test';
import { loadBank, answerCurrent, answerEveryQuestion } from './quiz-helpers.js';

const KINDS = ['single', 'multiple', 'true_false', 'ordering', 'matching'];

for (const how of ['tap', 'keyboard']) {
  test(`a two-team game plays every kind by ${how} and reaches the certificate`, async ({ page, request }) => {
    test.setTimeout(90_000);
    await loadBank(request, 'en');
    await page.goto('/quiz/litter-and-sewage?age=adults&lang=en&seed=11');
    await expect(page.getByRole('heading', { level: 1, name: 'Litter and sewage' })).toBeVisible();
    const press = async (locator) => {
      if (how === 'keyboard') {
        await locator.focus();
        await page.keyboard.press('Enter');
      } else {
        await locator.click();
      }
    };
    await press(page.getByRole('group', { name: 'How many teams or players?' }).getByRole('button', { name: '2' }));
    await press(page.getByRole('group', { name: /Team 2/ }).getByRole('button', { name: 'Otters' }));
    await press(page.getByRole('button', { name: 'Start', exact: true }));

    const seen = new Set();
    let wrongOnce = false;
    for (let round = 0; round < 4 && seen.size < KINDS.length; round++) {
      if (round > 0) await press(page.getByRole('button', { name: 'Play again' }));
      for (let turn = 0; ; turn++) {
        const pass = page.getByRole('heading', { name: /Pass the tablet to/ });
        await expect(pass).toBeVisible();
        await expect(pass).toContainText(turn % 2 === 0 ? 'Dolphins' : 'Otters');
        await press(page.getByRole('button', { name: 'Ready' }));
        // One wrong answer per game, to see the teaching feedback too.
        const right = wrongOnce || turn !== 1;
        const kind = await answerCurrent(page, 'en', { how, right });
        seen.add(kind);
        const verdict = page.getByRole('status').getByRole('heading', { level: 2 });
        if (right) {
          await expect(verdict).toHaveText(/Correct!/);
        } else {
          wrongOnce = true;
          await expect(verdict).toHaveText(/Not quite|Partly right/);
          await expect(page.getByText('The answer:')).toBeVisible();
        }
        const results = page.getByRole('button', { name: 'See results' });
        if (await results.isVisible()) {
          await press(results);
          break;
        }
        await press(page.getByRole('button', { name: 'Next question' }));
      }
      await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
    }
    expect([...seen].sort()).toEqual([...KINDS].sort());
    await expect(page.getByRole('img', { name: /of 3 stars/ }).first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Worth reading again' })).toBeVisible();

    await press(page.getByRole('button', { name: 'Certificate for Otters' }));
    const certificate = page.getByRole('article', { name: 'River Guardian' });
    await expect(certificate).toBeVisible();
    await expect(certificate).toContainText('Otters');
    await expect(certificate).toContainText('in the “Litter and sewage” quiz');
    await expect(page.getByRole('button', { name: 'Print or save the certificate' })).toBeVisible();

    // The leaderboard of the day remembers both teams; "next family" clears the game.
    await press(page.getByRole('button', { name: 'Back to results' }));
    await press(page.getByRole('button', { name: 'Next family' }));
    // The button went with the results: the focus starts the next family at the top.
    if (how === 'keyboard') await expect(page.getByRole('heading', { level: 1, name: 'Litter and sewage' })).toBeFocused();
    const board = page.getByRole('region', { name: "Today's leaderboard" });
    await expect(board).toContainText('Otters');
    await expect(board).toContainText('Dolphins');
    await expect(page.getByRole('group', { name: 'How many teams or players?' }).getByRole('button', { name: '1' }))
      .toHaveAttribute('aria-pressed', 'true');
  });
}

test('a round is on the day\'s leaderboard from its last answer, whether or not anyone taps "See results"', async ({ page, request }) => {
  await loadBank(request, 'en');
  await page.goto('/quiz/save-water?age=kindergarten&lang=en');
  const board = page.getByRole('region', { name: "Today's leaderboard" });
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
  await expect(board.getByRole('row')).toHaveCount(0);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await answerEveryQuestion(page, 'en');
  // The family walks off on the last feedback; the next one opens the quiz afresh.
  await page.goto('/quiz/save-water?age=kindergarten&lang=en');
  await expect(board).toContainText('Dolphins');
  await expect(board.getByRole('row')).toHaveCount(2);
  // Carrying on to the results does not put the round on the board twice.
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'See results' }).click();
  await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
  await page.getByRole('button', { name: 'Next family' }).click();
  await expect(board.getByRole('row')).toHaveCount(2);
});

test('switching the language in the middle of a quiz keeps the game where it was', async ({ page, request }) => {
  await loadBank(request, 'en');
  await page.goto('/quiz/save-water?age=adults&lang=en&seed=7');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await answerCurrent(page, 'en');
  await expect(page.getByRole('status').getByRole('heading', { level: 2 })).toHaveText(/Correct!/);
  // A grandparent switches to Chinese: the same feedback, now in Chinese, and the game goes on.
  await page.getByRole('button', { name: /Switch language/ }).click();
  await expect(page).toHaveURL(/lang=zh-CN/);
  await expect(page.getByRole('status').getByRole('heading', { level: 2 })).toHaveText(/答对了/);
  await page.getByRole('button', { name: '下一题' }).click();
  await expect(page.getByText(/第 2 题/)).toBeVisible();
});

test('a round left for the emergency card, by Back or by a reload carries on where it was', async ({ page, request }) => {
  test.setTimeout(60_000);
  await loadBank(request, 'en');
  await page.goto('/quiz/litter-and-sewage?age=adults&lang=en&seed=5');
  await page.getByRole('group', { name: 'How many teams or players?' }).getByRole('button', { name: '2' }).click();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('button', { name: 'Ready' }).click();
  const firstPrompt = (await page.locator('h2.prompt').innerText()).trim();
  await answerCurrent(page, 'en', { right: false });
  const feedback = page.getByRole('status').getByRole('heading', { level: 2 });
  const verdict = (await feedback.innerText()).trim();

  // A parent checks the emergency numbers, then comes Back: the game is offered, not lost.
  await page.getByRole('link', { name: /Emergency/ }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/emergency/i);
  await page.goBack();
  const carryOn = page.getByRole('region', { name: 'Still playing?' });
  await expect(carryOn).toBeVisible();
  // The question it stood at: the first team's first, whose feedback was showing.
  await expect(carryOn).toContainText('Question 1 of');
  await expect(carryOn).toContainText('Dolphins');
  // Back on the feedback of the answer given, "You chose" and all.
  await carryOn.getByRole('button', { name: 'Continue' }).click();
  await expect(feedback).toHaveText(verdict);
  await expect(page.getByRole('status').locator('.prompt-again')).toHaveText(firstPrompt);
  await page.getByRole('button', { name: 'Next question' }).click();

  // The second team's turn survives a reload too, and the scores with it.
  await expect(page.getByRole('heading', { name: /Pass the tablet to/ })).toContainText('Egrets');
  await page.reload();
  await expect(carryOn).toContainText('Egrets');
  await carryOn.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: /Pass the tablet to/ })).toContainText('Egrets');
  await page.getByRole('button', { name: 'Ready' }).click();
  await expect(page.getByText('Question 1 of')).toBeVisible();
  for (;;) {
    await answerCurrent(page, 'en');
    if (await page.getByRole('button', { name: 'See results' }).isVisible()) break;
    await page.getByRole('button', { name: 'Next question' }).click();
    const pass = page.getByRole('button', { name: 'Ready' });
    if (await pass.isVisible()) await pass.click();
  }
  await page.getByRole('button', { name: 'See results' }).click();
  await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
  // The first team's wrong answer before the reload still counts against it.
  await expect(page.locator('.team-results li').first()).not.toContainText(/(\d+) of \1 points/);

  // A finished round is not offered again; Start begins a new one.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
  await expect(carryOn).toHaveCount(0);
});

test('a round left in another topic or age band is not offered here', async ({ page }) => {
  await page.goto('/quiz/save-water?age=adults&lang=en&seed=3');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.locator('h2.prompt')).toBeVisible();
  await page.goto('/quiz/save-water?age=grades-4-6&lang=en');
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Still playing?' })).toHaveCount(0);
  await page.goto('/quiz/litter-and-sewage?age=adults&lang=en');
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Still playing?' })).toHaveCount(0);
  await page.goto('/quiz/save-water?age=adults&lang=en');
  await expect(page.getByRole('region', { name: 'Still playing?' })).toBeVisible();
});

test('after a wrong answer the feedback repeats what the player chose (a wrong tick marked), then the right answer', async ({ page, request }) => {
  test.setTimeout(60_000);
  const bank = await loadBank(request, 'en');
  await page.goto('/quiz/litter-and-sewage?age=adults&lang=en&seed=5');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const shown = new Set();
  for (;;) {
    const q = bank.get((await page.locator('h2.prompt').innerText()).trim());
    await answerCurrent(page, 'en', { right: false });
    const feedback = page.getByRole('status');
    await expect(feedback.getByRole('heading', { level: 2 })).toHaveText(/Not quite|Partly right/);
    const chose = feedback.locator('.your-answer');
    if (q.kind === 'single') {
      await expect(chose).toHaveText(`You chose: ${q.options[(q.answer + 1) % q.options.length].en}`);
    } else if (q.kind === 'multiple') {
      // The ticks as a list, a wrong one marked and heard as wrong.
      await expect(chose).toContainText('You chose:');
      await expect(chose.getByRole('listitem')).toHaveText([`✗ not right: ${q.options.find((_, i) => !q.answers.includes(i)).en}`]);
    } else if (q.kind === 'true_false') {
      await expect(chose).toHaveText(`You chose: ${q.answer ? 'False' : 'True'}`);
    } else {
      // Ordering and matching: the player's steps or pairs, the wrong ones marked.
      await expect(chose).toContainText('You chose:');
      expect(await chose.locator('.wrong-item').count()).toBeGreaterThan(0);
    }
    shown.add(q.kind);
    await expect(feedback.getByText('The answer:')).toBeVisible();
    const results = page.getByRole('button', { name: 'See results' });
    if (await results.isVisible()) break;
    await page.getByRole('button', { name: 'Next question' }).click();
  }
  expect([...shown].filter((k) => ['single', 'multiple', 'true_false'].includes(k)).length).toBeGreaterThan(1);
});

test('a teacher deep link opens one set for one age band in Chinese', async ({ page, request }) => {
  await loadBank(request, 'zh-CN');
  await page.goto('/quiz/drowning-prevention?age=kindergarten&lang=zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '防溺水' })).toBeVisible();
  await expect(page.getByRole('link', { name: '幼儿园' })).toHaveAttribute('aria-current', 'true');
  await page.getByRole('button', { name: '开始', exact: true }).click();
  // Kindergarten rounds are short: four questions for one player, no hand-over screen.
  await expect(page.getByText('第 1 题，共 4 题')).toBeVisible();
  await answerCurrent(page, 'zh-CN');
  await expect(page.getByRole('status').getByRole('heading', { level: 2 })).toHaveText(/答对了/);
});

test('the topic list shows every set with its question count for the age band', async ({ page, request }) => {
  const content = await (await request.get('/content/quizzes.json')).json();
  // A question is in a band when the band is among its ages (every question names at least one).
  const count = (set, band) => set.questions.filter((q) => q.ages.includes(band)).length;
  await page.goto('/quiz?lang=en&age=grades-1-3');
  const cards = page.getByRole('main').getByRole('link', { name: /questions/ });
  // The card's own "N questions" line (not "18 questions" read as containing "8 questions").
  const shown = (set) => cards.filter({ hasText: set.title.en }).getByText(/^\d+ questions$/);
  await expect(cards).toHaveCount(content.sets.length);
  // Each card says how many questions its set has for grades 1-3, not for every age.
  for (const set of content.sets) {
    expect(count(set, 'grades-1-3'), set.id).toBeLessThan(set.questions.length);
    await expect(shown(set)).toHaveText(`${count(set, 'grades-1-3')} questions`);
  }
  // Another band on the age picker: the cards count that band's questions instead.
  await page.getByRole('navigation', { name: 'Age group' }).getByRole('link', { name: 'Kindergarten' }).click();
  await expect(page).toHaveURL(/age=kindergarten/);
  for (const set of content.sets) {
    expect(count(set, 'kindergarten'), set.id).not.toBe(count(set, 'grades-1-3'));
    await expect(shown(set)).toHaveText(`${count(set, 'kindergarten')} questions`);
  }
  // And all ages: the whole set.
  await page.getByRole('navigation', { name: 'Age group' }).getByRole('link', { name: 'All ages' }).click();
  for (const set of content.sets) {
    await expect(shown(set)).toHaveText(`${set.questions.length} questions`);
  }
  await page.goto('/quiz?lang=en&age=grades-1-3');
  await cards.filter({ hasText: 'Saving water' }).click();
  await expect(page).toHaveURL(/\/quiz\/save-water\?lang=en&age=grades-1-3$/);
});

for (const [name, body] of [
  ['wrong type', (q) => { q.sets[0].round_size = 'six'; return JSON.stringify(q); }],
  ['unknown kind', (q) => { q.sets[2].questions[0].kind = 'slider'; return JSON.stringify(q); }],
  ['empty bank', (q) => { q.sets[1].questions = []; return JSON.stringify(q); }],
]) {
  test(`a malformed quiz file (${name}) names the file and problem; guide and map still work`, async ({ page }) => {
    await page.route('**/content/quizzes.json', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: body(await response.json()) });
    });
    await page.goto('/quiz?lang=en');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('content/quizzes.json');
    await expect(alert).toContainText(name === 'empty bank' ? 'sets[1].questions' : name === 'unknown kind' ? 'slider' : 'invalid type');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Safety guide' }).click();
    await expect(page.getByRole('link', { name: /If someone is in trouble/ })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patrol map' }).click();
    await expect(page.getByRole('navigation', { name: 'Patrol routes' }).getByRole('link')).toHaveCount(3);
  });
}

test('a topic with fewer questions for an age band than four teams offers only as many teams', async ({ page }) => {
  // Two kindergarten questions: two teams at most, one question each, and every question
  // drawn is asked (none is remembered as seen without being played).
  let set;
  await page.route('**/content/quizzes.json', async (route) => {
    const response = await route.fetch();
    const quizzes = await response.json();
    set = quizzes.sets[0];
    set.questions.forEach((q, i) => { q.ages = i < 2 ? ['kindergarten'] : ['adults']; });
    await route.fulfill({ response, json: quizzes });
  });
  await page.goto(`/quiz/${(await (await page.request.get('/content/quizzes.json')).json()).sets[0].id}?age=kindergarten&lang=en`);
  const teams = page.getByRole('group', { name: 'How many teams or players?' }).getByRole('button');
  await expect(teams).toHaveText(['1', '2']);
  await teams.nth(1).click();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await loadBank(page.request, 'en');
  for (let turn = 0; turn < 2; turn++) {
    await expect(page.getByRole('heading', { name: /Pass the tablet to/ })).toBeVisible();
    await page.getByRole('button', { name: 'Ready' }).click();
    // Each team answers one: every turn is its team's question 1 of 1.
    await expect(page.getByText('Question 1 of 1')).toBeVisible();
    // No stray tap can leave a running round: Share and Worksheet wait for the results.
    await expect(page.getByRole('link', { name: 'Worksheet' })).toBeHidden();
    await answerCurrent(page, 'en');
    await page.getByRole('button', { name: turn === 0 ? 'Next question' : 'See results' }).click();
  }
  await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Worksheet' })).toBeVisible();
  const seen = await page.evaluate((id) => Object.entries(localStorage).filter(([k]) => k.includes(id) && k.includes('seen')).map(([, v]) => v), set.id);
  expect(seen.length).toBe(1);
  expect(JSON.parse(seen[0]).sort()).toEqual(set.questions.slice(0, 2).map((q) => q.id).sort());
});

test('the certificate prints on one A4 page without the site chrome', async ({ page }) => {
  await page.goto('/quiz/save-water?age=kindergarten&lang=en&seed=5');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  for (let i = 0; i < 10; i++) {
    const results = page.getByRole('button', { name: 'See results' });
    if (await results.isVisible()) { await results.click(); break; }
    const next = page.getByRole('button', { name: 'Next question' });
    if (await next.isVisible()) { await next.click(); continue; }
    await page.locator('.options .option, ol.ordering .option, .match-right .option').first().click();
    if (await page.locator('.match-left').isVisible()) {
      const rights = page.locator('.match-right .option');
      for (let r = 1; r < await rights.count(); r++) await rights.nth(r).click();
    }
    const check = page.getByRole('button', { name: 'Check answer' });
    if (await check.isVisible()) await check.click();
  }
  await page.getByRole('button', { name: /Certificate for/ }).click();
  await expect(page.getByRole('article', { name: 'River Guardian' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print or save the certificate' })).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBe(1);
});

test('a team that got none right takes home a certificate for taking part, not a 0 and empty stars', async ({ page, request }) => {
  await loadBank(request, 'en');
  await page.goto('/quiz/save-water?age=kindergarten&lang=en&seed=5');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  for (;;) {
    await answerCurrent(page, 'en', { right: false });
    const results = page.getByRole('button', { name: 'See results' });
    if (await results.isVisible()) { await results.click(); break; }
    await page.getByRole('button', { name: 'Next question' }).click();
  }
  await expect(page.getByText(/^0 of \d+ points?$/)).toBeVisible();
  await page.getByRole('button', { name: /Certificate for/ }).click();
  const certificate = page.getByRole('article', { name: 'River Guardian' });
  await expect(certificate).toContainText('took part in the “Saving water” quiz');
  await expect(certificate).not.toContainText(/\b0\b/);
  await expect(certificate.getByRole('img', { name: /stars/ })).toHaveCount(0);
  await expect(certificate).toContainText('Thank you for helping to protect our rivers!');
});

test('a timed set can be played without its clock, and starts without it up to grade 3 and for all ages', async ({ page }) => {
  await page.goto('/quiz/river-ecology?age=adults&lang=en');
  const clockChoice = page.getByRole('checkbox', { name: 'Time limit: 30 seconds a question' });
  await expect(clockChoice).toBeChecked();
  await clockChoice.uncheck();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByText('Question 1 of 6')).toBeVisible();
  await page.waitForTimeout(1_500);
  await expect(page.getByText(/Seconds left/)).toHaveCount(0);

  // From grade 4 the clock starts on.
  await page.goto('/quiz/river-ecology?age=grades-4-6&lang=en');
  await expect(clockChoice).toBeChecked();
  // Kindergarten (a parent reads everything aloud), grades 1-3 (slow readers) and all ages (a
  // family of mixed readers) start without it.
  for (const age of ['grades-1-3', 'all']) {
    await page.goto(`/quiz/river-ecology?age=${age}&lang=en`);
    await expect(clockChoice).not.toBeChecked();
  }
  await page.goto('/quiz/river-ecology?age=kindergarten&lang=en');
  await expect(clockChoice).not.toBeChecked();
  // It can be turned on.
  await clockChoice.check();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.locator('.countdown')).toHaveText(/^Seconds left: \d+$/);
});

test('when time runs out, the answer on screen is marked as if checked: a food chain put in order scores its point', async ({ page, request }) => {
  test.setTimeout(40_000);
  await loadBank(request, 'en');
  await page.route('**/content/quizzes.json', async (route) => {
    const quizzes = await (await route.fetch()).json();
    const set = quizzes.sets.find((s) => s.id === 'river-ecology');
    set.questions = set.questions.filter((q) => q.id === 're-food-chain');
    set.round_size = 1;
    set.timer_seconds = 10;
    await route.fulfill({ json: quizzes });
  });
  await page.goto('/quiz/river-ecology?age=adults&lang=en');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  expect(await answerCurrent(page, 'en', { check: false })).toBe('ordering');
  await expect(page.locator('section.feedback')).toHaveCount(0);
  // Nobody taps "Check answer"; the clock runs out.
  await expect(page.locator('section.feedback')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('section.feedback')).toContainText('Correct!');
  await page.getByRole('button', { name: 'See results' }).click();
  await expect(page.getByText('1 of 1 point', { exact: true })).toBeVisible();
});

// A finger's tap is a PointerEvent of type "touch"; Safari before 18.2 sends a plain MouseEvent.
for (const [device, make] of [['a touch screen', 'PointerEvent'], ['Safari before 18.2', 'MouseEvent']]) {
test(`the second tap of a slow double tap on "Next question", on the same spot, does not answer the next question; a tap of its own does (${device})`, async ({ page, request }) => {
  await loadBank(request, 'en');
  await page.goto('/quiz/save-water?age=adults&lang=en&seed=7');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const feedback = page.locator('section.feedback');
  const oneTap = '.options:not(:has(.toggle)) .option';
  // Play on to a one-tap question (single choice or true/false) that follows another question.
  for (let question = 0; ; question++) {
    expect(question).toBeLessThan(5);
    await answerCurrent(page, 'en');
    await expect(feedback).toHaveCount(1);
    // A finger's two taps 450 ms apart, both of them single taps to the browser (detail 1), on
    // the spot where "Next question" was and the next question's first answer now is.
    const answered = await page.evaluate(([oneTap, make]) => new Promise((resolve) => {
      const at = { clientX: 200, clientY: 300, detail: 1, pointerType: 'touch', bubbles: true, cancelable: true };
      const tap = () => new window[make]('click', at);
      [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Next question')
        .dispatchEvent(tap());
      setTimeout(() => {
        const answer = document.querySelector(oneTap);
        answer?.dispatchEvent(tap());
        requestAnimationFrame(() => resolve(answer ? document.querySelectorAll('section.feedback').length : null));
      }, 450);
    }), [oneTap, make]);
    if (answered === null) continue;
    expect(answered).toBe(0);
    break;
  }
  await expect(page.locator('h2.prompt')).toBeVisible();
  await expect(feedback).toHaveCount(0);
  // A tap of its own, however soon, answers (a finger's tap elsewhere).
  await page.locator(oneTap).first().evaluate((answer, make) => {
    const box = answer.getBoundingClientRect();
    answer.dispatchEvent(new window[make]('click', { clientX: box.right - 5, clientY: box.bottom - 5, detail: 1, pointerType: 'touch', bubbles: true, cancelable: true }));
  }, make);
  await expect(feedback).toHaveCount(1);
});
}

/** Opens, for adults in English, a set made of the first adults' question that meets each test. */
async function openAdultsSetOf(page, tests) {
  await page.route('**/content/quizzes.json', async (route) => {
    const quizzes = await (await route.fetch()).json();
    const all = quizzes.sets.flatMap((s) => s.questions).filter((q) => q.ages.includes('adults'));
    const set = quizzes.sets[0];
    set.questions = tests.map((test) => all.find(test));
    set.round_size = tests.length;
    await route.fulfill({ json: quizzes });
  });
  const setId = (await (await page.request.get('/content/quizzes.json')).json()).sets[0].id;
  await page.goto(`/quiz/${setId}?age=adults&lang=en`);
}

/** Opens the river-ecology set for adults in English with its clock set to `seconds`. */
async function openRiverEcologyWithClock(page, seconds) {
  await page.route('**/content/quizzes.json', async (route) => {
    const quizzes = await (await route.fetch()).json();
    quizzes.sets.find((s) => s.id === 'river-ecology').timer_seconds = seconds;
    await route.fulfill({ json: quizzes });
  });
  await page.goto('/quiz/river-ecology?age=adults&lang=en');
}

test('a timed question says once, in a status message, that ten seconds are left', async ({ page }) => {
  await openRiverEcologyWithClock(page, 12);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const said = page.getByRole('status').filter({ hasText: 'Seconds left: 10' });
  await expect(said).toHaveCount(1, { timeout: 5_000 });
  await expect(said).toHaveCount(0, { timeout: 3_000 });
  // The clock on screen is not read out every second.
  await expect(page.locator('.countdown')).toHaveAttribute('aria-live', 'off');
});

test('a set whose clock is too short to read a question gives each question 10 seconds', async ({ page }) => {
  await openRiverEcologyWithClock(page, 3);
  await expect(page.getByText('Time limit: 10 seconds a question')).toBeVisible();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.locator('.countdown')).toHaveText(/Seconds left: (10|9|8)$/);
  // Still on the question after the 3 seconds the file asked for.
  await page.waitForTimeout(3_500);
  await expect(page.locator('h2.prompt')).toBeVisible();
});

test('after picking an age band and going back, the quiz plays the band the picker shows', async ({ page }) => {
  await page.goto('/quiz/drowning-prevention?lang=en');
  await page.getByRole('link', { name: 'Kindergarten' }).click();
  await expect(page).toHaveURL(/age=kindergarten/);
  await page.goBack();
  await expect(page).not.toHaveURL(/age=/);
  await expect(page.getByRole('link', { name: 'Kindergarten' })).toHaveAttribute('aria-current', 'true');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  // Kindergarten's short round, not the all-ages one.
  await expect(page.getByText('Question 1 of 4')).toBeVisible();
});

test('the chosen answers and the matching item being paired are marked on screen, not in their names', async ({ page }) => {
  // One set of two questions: a multiple-choice one and a matching one.
  await openAdultsSetOf(page, [(q) => q.kind === 'multiple', (q) => q.kind === 'matching']);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const mark = (button) => button.evaluate((b) => getComputedStyle(b, '::after').content);
  const seen = [];
  for (let turn = 0; turn < 2; turn++) {
    await expect(page.getByText(`Question ${turn + 1} of 2`)).toBeVisible();
    if (await page.locator('.match-left').isVisible()) {
      // The item to pair next is marked "→" (a "✓" read as "right" before anything was done).
      const first = page.locator('.match-left .option').first();
      await expect(first).toHaveAttribute('aria-pressed', 'true');
      expect(await mark(first)).toContain('→');
      expect(await first.evaluate((b) => b.textContent)).not.toMatch(/[✓→]/);
      await expect(first).not.toHaveAccessibleName(/[✓→]/);
      seen.push('matching');
      for (const right of await page.locator('.match-right .option').all()) await right.click();
    } else {
      const option = page.locator('.options .option').first();
      await option.click();
      await expect(option).toHaveAttribute('aria-pressed', 'true');
      expect(await mark(option)).toContain('✓');
      await expect(option).not.toHaveAccessibleName(/✓/);
      seen.push('multiple');
    }
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page.getByRole('button', { name: /Next question|See results/ }).click();
  }
  expect(seen.sort()).toEqual(['matching', 'multiple']);
});

test('a screen reader hears what a swap of steps and a pair just made did', async ({ page }) => {
  // One set of two questions: an ordering one and a matching one.
  await openAdultsSetOf(page, [(q) => q.kind === 'ordering', (q) => q.kind === 'matching']);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const said = page.getByRole('status');
  for (let turn = 0; turn < 2; turn++) {
    await expect(page.getByText(`Question ${turn + 1} of 2`)).toBeVisible();
    if (await page.locator('.match-left').isVisible()) {
      const left = (await page.locator('.match-left .option .match-item').first().innerText()).trim();
      const right = page.locator('.match-right .option').nth(1);
      const rightText = (await right.locator('.match-item').innerText()).trim();
      await right.click();
      await expect(said).toHaveText(`${left}, matched with: ${rightText}`);
      for (const other of await page.locator('.match-right .option').all()) await other.click();
    } else {
      const steps = page.locator('ol.ordering .option');
      const text = async (i) => (await steps.nth(i).textContent()).replace(/^\d+\. /, '').trim();
      const [first, third] = [await text(0), await text(2)];
      await steps.nth(0).click();
      await steps.nth(2).click();
      // The focused button (the third) now holds the first step, and the first the third.
      await expect(said).toHaveText(`3. ${first} · 1. ${third}`);
    }
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page.getByRole('button', { name: /Next question|See results/ }).click();
  }
});

test('after a partly right multiple choice, the feedback marks each tick right or wrong', async ({ page, request }) => {
  const bank = await loadBank(request, 'en');
  await openAdultsSetOf(page, [(q) => q.kind === 'multiple' && q.answers.length >= 2 && q.options.length > q.answers.length]);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const q = bank.get((await page.locator('h2.prompt').innerText()).trim());
  const right = q.options[q.answers[0]].en;
  const wrong = q.options.find((_, i) => !q.answers.includes(i)).en;
  const startsWith = (text) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  for (const text of [right, wrong]) await page.locator('.options').getByRole('button', { name: startsWith(text) }).click();
  await page.getByRole('button', { name: 'Check answer' }).click();
  const ticks = page.locator('.feedback .your-answer').getByRole('listitem');
  // In the content's order.
  const expected = [[q.answers[0], `✓ ${right}`], [q.options.findIndex((o) => o.en === wrong), `✗ not right: ${wrong}`]]
    .sort((a, b) => a[0] - b[0]).map(([, text]) => text);
  await expect(ticks).toHaveText(expected);
});

test('after a wrong order or wrong pairs, the feedback shows the player\'s steps and pairs, the wrong ones marked', async ({ page }) => {
  const isOrdering = (q) => q.kind === 'ordering';
  const isMatching = (q) => q.kind === 'matching' && q.pairs.length >= 3;
  const all = (await (await page.request.get('/content/quizzes.json')).json()).sets
    .flatMap((s) => s.questions).filter((q) => q.ages.includes('adults'));
  const [ordering, matching] = [all.find(isOrdering), all.find(isMatching)];
  await openAdultsSetOf(page, [isOrdering, isMatching]);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const shown = async (items) => (await items.allTextContents()).map((t) => t.replace(/^\d+\. /, '').trim());
  for (let turn = 0; turn < 2; turn++) {
    await expect(page.getByText(`Question ${turn + 1} of 2`)).toBeVisible();
    let expected;
    if (await page.locator('.match-left').isVisible()) {
      const lefts = await shown(page.locator('.match-left .option .match-item'));
      const rights = await shown(page.locator('.match-right .option .match-item'));
      const leftIndex = (text) => matching.pairs.findIndex((p) => p.left.en === text);
      const rightIndex = (text) => matching.pairs.findIndex((p) => p.right.en === text);
      // Each left item in turn with the right item in the same row, or the next row's when every
      // row happens to hold a right pair.
      const allRight = lefts.every((l, i) => leftIndex(l) === rightIndex(rights[i]));
      const chosen = lefts.map((_, i) => (allRight ? (i + 1) % rights.length : i));
      for (const j of chosen) await page.locator('.match-right .option').nth(j).click();
      expected = matching.pairs.map((pair, k) => {
        const row = lefts.indexOf(pair.left.en);
        const right = rights[chosen[row]];
        return rightIndex(right) === k ? `✓ ${pair.left.en} → ${right}` : `✗ not a pair: ${pair.left.en} → ${right}`;
      });
    } else {
      const steps = page.locator('ol.ordering .option');
      let order = await shown(steps);
      const place = (text) => ordering.steps.findIndex((s) => s.en === text);
      if (order.every((text, i) => place(text) === i)) {
        await steps.nth(0).click();
        await steps.nth(1).click();
        order = await shown(steps);
      }
      expected = order.map((text, i) => (place(text) === i ? `✓ ${text}` : `✗ not in its place: ${text}`));
    }
    await page.getByRole('button', { name: 'Check answer' }).click();
    await expect(page.getByRole('heading', { name: /Not quite/ })).toBeVisible();
    const mine = page.locator('.feedback .your-answer');
    await expect(mine).toContainText('You chose:');
    await expect(mine.getByRole('listitem')).toHaveText(expected);
    await expect(mine.locator('.wrong-item')).toHaveCount(expected.filter((e) => e.startsWith('✗')).length);
    await page.getByRole('button', { name: /Next question|See results/ }).click();
  }
});

test('a double tap on a matching item, a small child\'s slow one too, keeps its pair; a tap of its own or a left item tapped first pairs it again; the right column says its pairs', async ({ page }) => {
  await openAdultsSetOf(page, [(q) => q.kind === 'matching' && q.pairs.length >= 3]);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const lefts = page.locator('.match-left .option');
  const rights = page.locator('.match-right .option');
  const state = (i) => lefts.nth(i).locator('.match-state');
  // A child's double tap on the first item on the right: it pairs with the first on the left,
  // and the second tap does not move it to the second.
  await rights.first().dblclick();
  const paired = (await rights.first().locator('.match-item').innerText()).trim();
  const leftText = (i) => lefts.nth(i).locator('.match-item').innerText();
  const esc = (s) => s.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pairedWith = async (i) => new RegExp(`^${esc(paired)}\\s*, matched with: ${esc(await leftText(i))}$`);
  await expect(state(0)).toContainText(paired);
  // A screen reader hears, on the right, which item it is paired with.
  await expect(rights.first()).toHaveAccessibleName(await pairedWith(0));
  await expect(rights.nth(1)).toHaveAccessibleName((await rights.nth(1).locator('.match-item').innerText()).trim());
  await expect(state(1)).not.toContainText(paired);
  await expect(lefts.nth(1)).toHaveAttribute('aria-pressed', 'true');
  // A tap of its own, a moment later, on that same item pairs it with the left item now
  // highlighted.
  await page.waitForTimeout(800);
  await rights.first().click();
  await expect(state(1)).toContainText(paired);
  await expect(state(0)).not.toContainText(paired);
  await expect(rights.first()).toHaveAccessibleName(await pairedWith(1));
  // Tapping a left item first, then that same right item, moves the pair on purpose.
  await lefts.nth(0).click();
  await rights.first().click();
  await expect(state(0)).toContainText(paired);
  await expect(state(1)).not.toContainText(paired);
  await expect(rights.first()).toHaveAccessibleName(await pairedWith(0));
  // A small child's slow double tap on the second right item (two clicks of their own, 0.3 s
  // apart, timed in the page): it pairs with the highlighted second left item and stays there.
  await expect(lefts.nth(1)).toHaveAttribute('aria-pressed', 'true');
  const second = (await rights.nth(1).locator('.match-item').innerText()).trim();
  await page.evaluate(() => new Promise((resolve) => {
    const item = document.querySelectorAll('.match-right .option')[1];
    item.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, detail: 1 }));
    setTimeout(() => {
      item.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, detail: 1 }));
      resolve();
    }, 300);
  }));
  await expect(state(1)).toContainText(second);
  await expect(state(2)).not.toContainText(second);
});

test('the second click of a double tap on "Next question" does not choose an option or step of the next question', async ({ page, request }) => {
  await loadBank(request, 'en');
  // A multiple-choice and an ordering question, in either order.
  await openAdultsSetOf(page, [(q) => q.kind === 'multiple', (q) => q.kind === 'ordering']);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await answerCurrent(page, 'en');
  // The double tap: its first click on "Next question", its second a frame later on an option or
  // step of the question just shown (in the page, so no round trip to the test falls between).
  await page.evaluate(() => new Promise((resolve) => {
    [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Next question').click();
    requestAnimationFrame(() => {
      document.querySelector('.options .toggle, ol.ordering .option')
        .dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, detail: 2 }));
      resolve();
    });
  }));
  // Not chosen.
  const control = page.locator('.options .toggle, ol.ordering .option').first();
  await expect(control).toHaveAttribute('aria-pressed', 'false');
  // Later, two quick taps on neighbours (a double click to the browser) count.
  await page.waitForTimeout(700);
  await control.dispatchEvent('click', { detail: 2 });
  await expect(control).toHaveAttribute('aria-pressed', 'true');
});

test('the second click of a double tap never answers the question the first one brought', async ({ page, request }) => {
  await loadBank(request, 'en');
  await page.goto('/quiz/save-water?age=adults&lang=en&seed=7');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const feedback = page.locator('section.feedback');
  // A one-tap answer (single choice or true/false), as the question after "Next" shows it.
  const oneTap = page.locator('.options:not(:has(.toggle)) .option').first();
  for (let question = 0; ; question++) {
    expect(question).toBeLessThan(6);
    await expect(page.locator('h2.prompt')).toBeVisible();
    if (await oneTap.count()) break;
    await answerCurrent(page, 'en');
    await page.getByRole('button', { name: 'Next question' }).click();
  }
  // A double tap's second click (detail 2) lands on an answer: nothing is chosen.
  await oneTap.dispatchEvent('click', { detail: 2 });
  await page.waitForTimeout(300);
  await expect(feedback).toHaveCount(0);
  await expect(page.locator('h2.prompt')).toBeVisible();
  // A tap of its own answers.
  await oneTap.click();
  await expect(feedback).toHaveCount(1);
  // On the feedback screen, a double tap's second click on "Next question" does not skip the
  // next question either.
  const next = page.getByRole('button', { name: /Next question|See results/ });
  await next.dispatchEvent('click', { detail: 2 });
  await page.waitForTimeout(300);
  await expect(feedback).toHaveCount(1);
});

test('a source is cited by its title in the reader\'s language', async ({ page, request }) => {
  await loadBank(request, 'zh-CN');
  await page.goto('/quiz/drowning-prevention?age=adults&lang=zh-CN&seed=3');
  await page.getByRole('button', { name: '开始', exact: true }).click();
  await answerCurrent(page, 'zh-CN');
  const citations = page.locator('section.feedback .citations');
  await expect(citations).toHaveText(/^来源：\s*\S/);
  // Every title cited is one of the Chinese titles of quizzes.json's sources.
  const content = await (await request.get('/content/quizzes.json')).json();
  const titles = content.sources.map((s) => s.title['zh-CN']);
  const text = await citations.innerText();
  expect(titles.some((title) => text.includes(title))).toBe(true);
});
