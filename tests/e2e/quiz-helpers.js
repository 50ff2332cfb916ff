// Plays quiz questions the way a person does: reads the question on screen, then taps (or
// presses Enter on) the buttons whose accessible names are the right answers. The right answers
// come from the shipped quizzes.json, looked up by the prompt shown.
import { expect } from '@playwright/test';

let bank = null;

/** Every question of the shipped content, by its prompt in `lang`. */
export async function loadBank(request, lang) {
  const content = await (await request.get('/content/quizzes.json')).json();
  bank = new Map();
  for (const set of content.sets) {
    for (const q of set.questions) bank.set(q.prompt[lang] ?? q.prompt['zh-CN'], q);
  }
  return bank;
}

const exact = (s) => new RegExp(`^\\s*${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
const startsWith = (s) => new RegExp(`^\\s*${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/** Activates a button by pointer tap or by keyboard (focus, then Enter). */
async function activate(locator, how) {
  if (how === 'keyboard') {
    await locator.focus();
    await locator.page().keyboard.press('Enter');
  } else {
    await locator.click();
  }
}

/**
 * Answers the question on screen. `right` false answers wrongly on purpose (where possible);
 * `check` false leaves a multiple-choice, ordering or matching answer made but unchecked.
 * Returns the question's kind.
 */
export async function answerCurrent(page, lang, { how = 'tap', right = true, check: checked = true } = {}) {
  const promptText = (await page.locator('h2.prompt').innerText()).trim();
  const q = bank.get(promptText);
  expect(q, `question "${promptText}" is in the bank`).toBeTruthy();
  const t = (text) => text[lang] ?? text['zh-CN'];
  const options = page.locator('.options');
  const check = page.getByRole('button', { name: lang === 'en' ? 'Check answer' : '确定答案' });
  switch (q.kind) {
    case 'single': {
      const index = right ? q.answer : (q.answer + 1) % q.options.length;
      await activate(options.getByRole('button', { name: exact(t(q.options[index])) }), how);
      break;
    }
    case 'multiple': {
      const picks = right ? q.answers : [q.options.findIndex((_, i) => !q.answers.includes(i))];
      for (const i of picks) {
        const option = options.getByRole('button', { name: startsWith(t(q.options[i])) });
        await activate(option, how);
        await expect(option).toHaveAttribute('aria-pressed', 'true');
      }
      if (checked) await activate(check, how);
      break;
    }
    case 'true_false': {
      const say = right ? q.answer : !q.answer;
      const name = lang === 'en' ? (say ? 'True' : 'False') : (say ? '对' : '错');
      await activate(options.getByRole('button', { name: exact(name) }), how);
      break;
    }
    case 'ordering': {
      const list = page.locator('ol.ordering');
      const want = q.steps.map(t);
      if (right) {
        for (let i = 0; i < want.length; i++) {
          const names = await list.getByRole('button').allInnerTexts();
          const at = names.findIndex((n) => n.includes(want[i]));
          if (at !== i) {
            await activate(list.getByRole('button').nth(i), how);
            await activate(list.getByRole('button').nth(at), how);
          }
        }
        const final = await list.getByRole('button').allInnerTexts();
        want.forEach((step, i) => expect(final[i]).toContain(step));
      }
      if (checked) await activate(check, how);
      break;
    }
    case 'matching': {
      const pairs = q.pairs.map((p) => [t(p.left), t(p.right)]);
      for (let i = 0; i < pairs.length; i++) {
        const [left, rightText] = pairs[right ? i : i];
        const target = right ? rightText : pairs[(i + 1) % pairs.length][1];
        await activate(page.locator('.match-left').getByRole('button', { name: startsWith(left) }), how);
        await activate(page.locator('.match-right').getByRole('button', { name: exact(target) }), how);
      }
      if (checked) await activate(check, how);
      break;
    }
    default:
      throw new Error(`unknown kind ${q.kind}`);
  }
  return q.kind;
}

/** Answers every question of the round in play, right, and stops on the last one's feedback
 * (where "See results" is). */
export async function answerEveryQuestion(root, lang) {
  for (;;) {
    await answerCurrent(root, lang);
    if (await root.getByRole('button', { name: lang === 'en' ? 'See results' : '看成绩' }).isVisible()) return;
    await root.getByRole('button', { name: lang === 'en' ? 'Next question' : '下一题' }).click();
  }
}
