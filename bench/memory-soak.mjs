// Memory soak: many quiz rounds in one page (kiosk mode), played quickly through the buttons'
// accessible names (two teams: team setup, pass screen, questions, check, next, results, play
// again). Prints the JS heap (after a forced GC) and the wasm memory size at the start, after a
// warm-up, every so often and at the end, and every panic or console error.
// Budget (issue #8): growth from the start to the end < 2 MB in each, and no panic.
//
// The wasm memory is the instance's WebAssembly.Memory, taken from the `TrunkApplicationStarted`
// event that trunk's loader (boot-<hash>.js) dispatches with the instance's exports.
// Usage: node bench/memory-soak.mjs [dist] [rounds, default 500] [quiz set, default drowning-prevention] [teams, default 2]
import { serve, launch, newPage, port, writeResult } from './lib.mjs';

const dist = process.argv[2] ?? 'dist';
const rounds = Number(process.argv[3] ?? 500);
const set = process.argv[4] ?? 'drowning-prevention';
const teams = String(process.argv[5] ?? 2);
const WARMUP = Math.min(10, rounds);
const SAMPLE_EVERY = 50;
const MB = 1024 * 1024;

const stop = await serve(dist, port(6));
const browser = await launch();
const problems = [];
const started = Date.now();
let result;
try {
  const page = await newPage(browser, { width: 1024, height: 768 });
  page.on('console', (m) => {
    if (m.type() === 'error' || /panicked at/.test(m.text())) problems.push(`console.${m.type()}: ${m.text().slice(0, 300)}`);
  });
  if (process.env.SOAK_TRACE) page.on('console', (m) => m.text().startsWith('soak trace') && console.error(m.text()));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message.slice(0, 300)}`));
  page.on('crash', () => problems.push('page crashed'));
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasmMemory = e.detail?.wasm?.memory; });
  });
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`http://127.0.0.1:${port(6)}/quiz/${set}?mode=kiosk&lang=en`);
  await page.getByRole('button', { name: 'Start', exact: true }).or(page.getByRole('button', { name: /Play|Tap to/ })).first().waitFor();
  if (!(await page.evaluate(() => window.__wasmMemory instanceof WebAssembly.Memory))) {
    throw new Error('no WebAssembly.Memory from the TrunkApplicationStarted event (has trunk\'s loader changed?)');
  }

  /** JS heap after a full GC, the wasm memory, and the DOM counters. */
  async function sample(round) {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    const wasm = await page.evaluate(() => window.__wasmMemory.buffer.byteLength);
    return { round, jsHeap: heap.usedSize, wasm, nodes: dom.nodes, listeners: dom.jsEventListeners, seconds: (Date.now() - started) / 1000 };
  }
  await cdp.send('HeapProfiler.enable');

  // Plays `count` rounds inside the page: each step clicks the one button the screen asks for,
  // found by its accessible name (aria-label, else its text), then waits for the next frame.
  const play = (count) => page.evaluate(async ({ count, trace, teams, clearStorage }) => {
    const name = (b) => (b.getAttribute('aria-label') ?? b.innerText ?? '').trim();
    const usable = (b) => !b.disabled && b.getClientRects().length > 0 && !b.closest('dialog:not([open])');
    const buttons = (root = document.querySelector('main')) => [...root.querySelectorAll('button, [role="button"]')].filter(usable);
    const find = (test, root) => buttons(root).find((b) => test(name(b)));
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const log = [];
    // A tap as the page sees it: pointerdown and pointerup (the kiosk's idle clock listens for
    // pointerdown; without it the station would start over after its idle time), then click.
    const tap = async (b) => {
      if (trace) log.push(name(b).slice(0, 24));
      const at = { bubbles: true, cancelable: true, composed: true, pointerId: 1, pointerType: 'touch', isPrimary: true };
      b.dispatchEvent(new PointerEvent('pointerdown', at));
      b.dispatchEvent(new PointerEvent('pointerup', at));
      b.click();
      await frame();
    };
    let done = 0, idle = 0, steps = 0;
    while (done < count) {
      steps++;
      let b;
      if ((b = find((n) => n === 'Play again'))) {
        if (clearStorage) localStorage.clear(); // diagnosis: rule out the saved leaderboard and seen-questions lists
        await tap(b); done++; idle = 0; continue;
      }
      if ((b = find((n) => n === 'See results' || n === 'Next question' || n === 'Ready'))) { await tap(b); idle = 0; continue; }
      const start = find((n) => n === 'Start');
      if (start) {
        const teamCount = find((n) => n === teams);
        if (teamCount && teamCount.getAttribute('aria-pressed') !== 'true' && !teamCount.matches('[aria-checked="true"]')) await tap(teamCount);
        await tap(find((n) => n === 'Start'));
        idle = 0;
        continue;
      }
      const lefts = document.querySelectorAll('.match-left .option, .match-left button');
      if (lefts.length) {
        // Matching: pair each left item with the right item in the same place, then check.
        for (let i = 0; i < lefts.length; i++) {
          const left = document.querySelectorAll('.match-left .option, .match-left button')[i];
          const right = document.querySelectorAll('.match-right .option, .match-right button')[i];
          if (left && usable(left)) await tap(left);
          if (right && usable(right)) await tap(right);
        }
      } else {
        // Single, true/false, multiple: the first option; ordering: as shown.
        const option = buttons().find((x) => x.matches('.options .option'));
        if (option) await tap(option);
      }
      const check = find((n) => n === 'Check answer');
      if (check) { await tap(check); idle = 0; continue; }
      if (!find((n) => /^(Next question|See results|Play again)$/.test(n))) {
        // A screen this driver does not know (kiosk attract screen?): try a start-like button.
        const go = find((n) => /^(Play|Tap to|Start|New round)/i.test(n));
        if (go) { await tap(go); continue; }
        if (++idle > 200) throw new Error(`stuck after ${done} rounds; buttons: ${buttons().map(name).join(' | ')}`);
        await frame();
      }
    }
    if (trace) console.log(`soak trace: ${log.join(' → ')}`);
    return steps;
  }, { count, trace: !!process.env.SOAK_TRACE, teams, clearStorage: !!process.env.SOAK_CLEAR_STORAGE });

  const samples = [await sample(0)];
  let played = 0;
  while (played < rounds) {
    const next = played < WARMUP ? WARMUP : Math.min(rounds, (Math.floor(played / SAMPLE_EVERY) + 1) * SAMPLE_EVERY);
    await play(next - played);
    played = next;
    const s = await sample(played);
    samples.push(s);
    process.stderr.write(`  round ${played}: JS heap ${(s.jsHeap / MB).toFixed(2)} MB, wasm ${(s.wasm / MB).toFixed(2)} MB, ${s.nodes} DOM nodes, ${s.seconds.toFixed(0)} s\n`);
  }
  const first = samples[0], warm = samples.find((s) => s.round === WARMUP) ?? first, last = samples.at(-1);
  result = { set, teams: Number(teams), rounds, seconds: (Date.now() - started) / 1000, samples, first, warm, last,
    growth: { jsHeap: last.jsHeap - first.jsHeap, wasm: last.wasm - first.wasm },
    growthAfterWarmup: { jsHeap: last.jsHeap - warm.jsHeap, wasm: last.wasm - warm.wasm },
    panics: problems.filter((p) => /panicked|unreachable|RuntimeError/.test(p)).length, problems };
} finally {
  await browser.close();
  stop();
}

const mb = (n) => `${(n / MB).toFixed(2)} MB`;
const signed = (n) => `${n >= 0 ? '+' : '−'}${mb(Math.abs(n))}`;
console.log(`memory soak: ${rounds} rounds of /quiz/${set}?mode=kiosk in one page (${teams} teams), ${result.seconds.toFixed(0)} s (${(result.seconds / rounds).toFixed(2)} s a round)`);
console.log(`  ${'round'.padStart(5)} ${'JS heap'.padStart(10)} ${'wasm memory'.padStart(12)} ${'DOM nodes'.padStart(10)} ${'listeners'.padStart(10)}`);
for (const s of result.samples) console.log(`  ${String(s.round).padStart(5)} ${mb(s.jsHeap).padStart(10)} ${mb(s.wasm).padStart(12)} ${String(s.nodes).padStart(10)} ${String(s.listeners).padStart(10)}`);
console.log(`  growth start → end: JS heap ${signed(result.growth.jsHeap)}, wasm memory ${signed(result.growth.wasm)} (budget < 2 MB each)`);
console.log(`  growth after the ${WARMUP}-round warm-up → end: JS heap ${signed(result.growthAfterWarmup.jsHeap)}, wasm memory ${signed(result.growthAfterWarmup.wasm)}`);
console.log(`  panics: ${result.panics}; console errors and page errors: ${result.problems.length}`);
for (const p of [...new Set(result.problems)].slice(0, 10)) console.log(`    ${p}`);
writeResult('memory-soak', result);
