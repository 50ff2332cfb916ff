// The one table at the end of scripts/bench.sh: every number of issue #8 from bench/results/
// (written by the benchmarks of this run), with its budget and whether it is met.
// Usage: node bench/summary.mjs      (exit 0 whatever the numbers say; benchmarks are not tests)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { RESULTS } from './lib.mjs';

const read = (name) => {
  const path = join(RESULTS, name);
  if (!existsSync(path)) return null;
  return name.endsWith('.json') ? JSON.parse(readFileSync(path, 'utf8')) : readFileSync(path, 'utf8');
};
const rows = [];
const row = (what, measured, budget, met) =>
  rows.push({ what, measured, budget, result: met === undefined ? '' : met === null ? 'not run' : met ? 'met' : 'MISSED' });
/** A number printed for reference beside a budget, with no budget of its own. */
const info = (what, measured) => row(what, measured, '(reference)', undefined);
const notRun = (what, budget) => row(what, '—', budget, null);
const ms = (n) => `${n.toFixed(1)} ms`;
const mb = (n) => `${n >= 0 ? '+' : '−'}${(Math.abs(n) / 1048576).toFixed(2)} MB`;

// 1. First-visit transfer, from scripts/size-report.mjs's last line.
const size = read('size.txt')?.match(/first visit \(home page\): (\d+) files, ([\d.]+) KB raw, ([\d.]+) KB gzip -9/);
if (size) row(`first visit transfer, gzip -9 (${size[1]} files; ${size[2]} KB raw)`, `${size[3]} KB`, '≤ 180 KB', Number(size[3]) <= 180);
else notRun('first visit transfer, gzip -9', '≤ 180 KB');

// 2. Lighthouse, one row per page: performance / accessibility / best practices / SEO.
const lh = read('lighthouse.json');
const lhBudget = '≥95 / 100 / 100 / ≥90';
if (lh) {
  for (const p of lh.pages) {
    const s = p.scores;
    const misses = [s.performance >= 95 || 'perf', s.accessibility >= 100 || 'a11y', s['best-practices'] >= 100 || 'b-p', s.seo >= 90 || 'seo'].filter((x) => x !== true);
    rows.push({
      what: `Lighthouse ${p.path} (perf / a11y / b-p / seo)`,
      measured: `${s.performance} / ${s.accessibility} / ${s['best-practices']} / ${s.seo}`,
      budget: lhBudget,
      result: misses.length ? `MISSED (${misses.join(', ')})` : 'met',
    });
  }
} else notRun('Lighthouse (perf / a11y / b-p / seo)', lhBudget);

// 3. Quiz tap → first frame after the update, 4x CPU throttling.
const tap = read('answer-latency.json');
if (tap) {
  row(`quiz tap → frame, ${tap.rate}x CPU, median of ${tap.taps} taps`, ms(tap.medianMs), '≤ 16 ms', tap.medianMs <= 16.7);
  row(`quiz tap → frame, ${tap.rate}x CPU, worst`, ms(tap.worstMs), '≤ 16 ms', tap.worstMs <= 16.7);
  if (tap.eventTiming) {
    row(`  Event Timing: taps whose input → next paint > 16 ms`, `${tap.eventTiming.over16} of ${tap.taps}` +
      (tap.eventTiming.worstMs ? `, worst ${ms(tap.eventTiming.worstMs)}` : ''), '0', tap.eventTiming.over16 === 0);
  }
  if (tap.floor) info('  floor: the same probe on a page with no app, median; worst', `${ms(tap.floor.medianMs)}; ${ms(tap.floor.worstMs)}`);
} else notRun('quiz tap → frame, 4x CPU, median / worst', '≤ 16 ms');

// 4. Map vs Leaflet.
const map = read('map-scale.json');
if (map) {
  const o = map.maps.ours;
  for (const key of ['leafletSvg', 'leafletCanvas']) {
    const p = map.maps[key], r = map.ratios[key];
    row(`map ${map.vertices / 1000}k vertices, load: ours vs ${p.name}`, `${ms(o.loadMedianMs)} vs ${ms(p.loadMedianMs)} = ${r.load.toFixed(2)}×`, 'ours faster (> 1×)', r.load > 1);
    row(`map pan frame p95: ours vs ${p.name}`, `${ms(o.panP95Ms)} vs ${ms(p.panP95Ms)} = ${r.panP95.toFixed(2)}×`, 'ours faster (> 1×)', r.panP95 > 1);
    if (r.drag !== undefined) row(`  frames skipped (> 25 ms) while panning; drag time`, `${o.panLongFrames} vs ${p.panLongFrames}; ${(o.dragMs / 1000).toFixed(2)} s vs ${(p.dragMs / 1000).toFixed(2)} s = ${r.drag.toFixed(2)}×`, 'ours faster (> 1×)', r.drag > 1 && o.panLongFrames <= p.panLongFrames);
  }
} else notRun('map 10k vertices: ours vs Leaflet (load, pan)', 'ours faster');

// 5. Memory soak.
const soak = read('memory-soak.json');
if (soak) {
  row(`memory soak ${soak.rounds} rounds: JS heap growth`, `${mb(soak.growth.jsHeap)} (${(soak.first.jsHeap / 1048576).toFixed(2)} → ${(soak.last.jsHeap / 1048576).toFixed(2)} MB)`, '< 2 MB', soak.growth.jsHeap < 2 * 1048576);
  row(`memory soak ${soak.rounds} rounds: wasm memory growth`, `${mb(soak.growth.wasm)} (${(soak.first.wasm / 1048576).toFixed(2)} → ${(soak.last.wasm / 1048576).toFixed(2)} MB)`, '< 2 MB', soak.growth.wasm < 2 * 1048576);
  row('memory soak: panics / console errors', `${soak.panics} / ${soak.problems.length}`, '0 panics', soak.panics === 0);
} else notRun('memory soak: heap / wasm growth, panics', '< 2 MB, no panic');

const w = [Math.max(...rows.map((r) => r.what.length)), Math.max(...rows.map((r) => r.measured.length)), Math.max(...rows.map((r) => r.budget.length))];
const line = (a, b, c, d) => `${a.padEnd(w[0])} │ ${b.padEnd(w[1])} │ ${c.padEnd(w[2])} │ ${d}`;
console.log(`\n== summary (issue #8 budgets) — ${new Date().toISOString()}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${(await import('node:os')).cpus().length} cores`);
console.log(line('what', 'measured', 'budget', 'result'));
console.log(line('─'.repeat(w[0]), '─'.repeat(w[1]), '─'.repeat(w[2]), '──────'));
for (const r of rows) console.log(line(r.what, r.measured, r.budget, r.result));
const missed = rows.filter((r) => r.result.startsWith('MISSED')).length;
const skipped = rows.filter((r) => r.result === 'not run').length;
console.log(`${rows.length - missed - skipped} met, ${missed} missed${skipped ? `, ${skipped} not run` : ''}. Timings depend on the machine and its load: compare runs on one machine.`);
