// How fast the screen answers a tap in the quiz, under 4x CPU throttling.
//
// For each tap (an answer, then "Next question") it records, from Chromium's performance
// timeline (Event Timing API), the time from the input to the next paint, and from a
// requestAnimationFrame probe the time from the input to the first frame after the DOM changed.
// Usage: node bench/answer-latency.mjs [dist] [taps] [cpu-throttling-rate, default 4]
import { serve, launch, newPage, port, writeResult, median, percentile, fmt } from './lib.mjs';

/**
 * The probe's floor: the same taps and rAF probe on a page with no app, whose button only changes
 * one heading's text, under the same throttling. Returns the input → frame times.
 */
async function floorLatency(browser, rate, taps) {
  const page = await newPage(browser, { width: 1024, height: 768 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.setContent('<main><h1>Question 1</h1><button type="button">Next question</button></main>');
  await page.evaluate(() => {
    window.__frames = [];
    let n = 1;
    document.querySelector('button').addEventListener('click', () => { document.querySelector('h1').textContent = `Question ${++n}`; });
    document.addEventListener('click', (ev) => {
      const start = ev.timeStamp;
      const observer = new MutationObserver(() => {
        observer.disconnect();
        requestAnimationFrame(() => window.__frames.push(performance.now() - start));
      });
      observer.observe(document.querySelector('main'), { subtree: true, childList: true, characterData: true });
    }, true);
  });
  for (let i = 0; i < taps; i++) await page.getByRole('button', { name: 'Next question' }).click();
  await page.waitForTimeout(300);
  const frames = await page.evaluate(() => window.__frames);
  await page.close();
  return frames;
}

const dist = process.argv[2] ?? 'dist';
const taps = Number(process.argv[3] ?? 40);
const rate = Number(process.argv[4] ?? 4);
const stop = await serve(dist, port(1));
const browser = await launch();
try {
  const page = await newPage(browser, { width: 1024, height: 768 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.goto(`http://127.0.0.1:${port(1)}/quiz/save-water?age=adults&lang=en&seed=7`);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.evaluate(() => {
    window.__latency = { events: [], frames: [] };
    new PerformanceObserver((list) => {
      // duration: input → next paint; delay: input → handlers start; handlers: the event handlers
      // (the app's reactive update of the DOM runs inside them); the rest is style, layout, paint.
      for (const e of list.getEntries()) {
        if (e.name === 'click') {
          window.__latency.events.push({ duration: e.duration, delay: e.processingStart - e.startTime, handlers: e.processingEnd - e.processingStart });
        }
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: false });
    // Also catch clicks faster than the observer's 16 ms floor: input → first frame after a change.
    document.addEventListener('click', (ev) => {
      const start = ev.timeStamp;
      const label = (ev.target.closest('button')?.innerText ?? '').trim().slice(0, 14);
      const main = document.querySelector('main');
      const observer = new MutationObserver(() => {
        observer.disconnect();
        requestAnimationFrame(() => window.__latency.frames.push({ label, ms: performance.now() - start }));
      });
      observer.observe(main, { subtree: true, childList: true, characterData: true, attributes: true });
    }, true);
  });
  let done = 0;
  while (done < taps) {
    const next = page.getByRole('button', { name: /Next question|See results/ });
    if (await next.isVisible()) {
      if ((await next.innerText()).includes('See results')) {
        await next.click();
        await page.getByRole('button', { name: 'Play again' }).click();
      } else {
        await next.click();
      }
      done++;
      continue;
    }
    // Single choice and true/false answer in one tap; other kinds need several, so they are
    // answered by their first option and "Check" (each tap is measured the same way).
    const option = page.locator('.options .option, ol.ordering .option, .match-right .option').first();
    await option.click();
    done++;
    const check = page.getByRole('button', { name: 'Check answer' });
    if (await check.isVisible() && await check.isEnabled()) {
      await check.click();
      done++;
    } else if (await page.locator('.match-left').isVisible()) {
      // Matching: pair every left item, then check.
      const rights = page.locator('.match-right .option');
      for (let i = 1; i < await rights.count(); i++) await rights.nth(i).click();
      await page.getByRole('button', { name: 'Check answer' }).click();
    }
  }
  await page.waitForTimeout(300);
  const { events: timed, frames: labelled } = await page.evaluate(() => window.__latency);
  const events = timed.map((e) => e.duration);
  const frames = labelled.map((f) => f.ms);
  const kinds = { 'next question': (l) => l.startsWith('Next question'), check: (l) => l.startsWith('Check answer') };
  for (const [kind, test] of Object.entries(kinds)) {
    const xs = labelled.filter((f) => test(f.label)).map((f) => f.ms);
    if (xs.length) console.log(`  ${kind.padEnd(14)} ${xs.length} taps: median ${fmt(median(xs))}, worst ${fmt(Math.max(...xs))}`);
  }
  const byKind = {};
  for (const [kind, test] of Object.entries(kinds)) byKind[kind] = labelled.filter((f) => test(f.label)).map((f) => f.ms);
  const answers = labelled.filter((f) => !Object.values(kinds).some((t) => t(f.label))).map((f) => f.ms);
  byKind.answer = answers;
  console.log(`  ${'answer/option'.padEnd(14)} ${answers.length} taps: median ${fmt(median(answers))}, worst ${fmt(Math.max(...answers))}`);
  console.log(`quiz tap → next frame, ${rate}x CPU throttling, ${frames.length} taps`);
  console.log(`  input → first frame after the update (rAF probe):  median ${fmt(median(frames))}, p95 ${fmt(percentile(frames, 95))}, worst ${fmt(Math.max(...frames))}`);
  console.log(`  Event Timing entries over 16 ms (input → next paint): ${events.length} of ${frames.length}` +
    (events.length ? `, worst ${fmt(Math.max(...events))}` : ''));
  if (timed.length) {
    const part = (k) => median(timed.map((e) => e[k]));
    const rest = median(timed.map((e) => e.duration - e.delay - e.handlers));
    console.log(`    of which (medians): input delay ${fmt(part('delay'))}, event handlers (the app's update) ${fmt(part('handlers'))}, style/layout/paint until the frame ${fmt(rest)}`);
  }
  console.log(`  within one frame (16.7 ms): ${frames.filter((f) => f <= 16.7).length} of ${frames.length}`);
  await page.close(); // nothing of the app keeps running beside the floor's page
  const floor = await floorLatency(browser, rate, 40);
  console.log(`  floor: the same probe on a page with no app (one button that changes one heading), ${floor.length} taps: ` +
    `median ${fmt(median(floor))}, worst ${fmt(Math.max(...floor))}: what input dispatch and frame timing cost in this browser`);
  const stats = (xs) => ({ taps: xs.length, medianMs: median(xs), p95Ms: percentile(xs, 95), worstMs: Math.max(...xs) });
  writeResult('answer-latency', {
    rate, taps: frames.length, ...stats(frames),
    withinFrame: frames.filter((f) => f <= 16.7).length,
    floor: stats(floor),
    kinds: Object.fromEntries(Object.entries(byKind).map(([k, xs]) => [k, stats(xs)])),
    eventTiming: {
      over16: events.length, worstMs: events.length ? Math.max(...events) : null,
      medianDelayMs: median(timed.map((e) => e.delay)), medianHandlersMs: median(timed.map((e) => e.handlers)),
      medianRenderMs: median(timed.map((e) => e.duration - e.delay - e.handlers)),
    },
  });
} finally {
  await browser.close();
  stop();
}
