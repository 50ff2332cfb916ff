// Lighthouse 12.2.3 (npm, pinned) on the release build served on loopback: mobile, default
// (simulated) throttling, in Debian's Chromium with a fresh profile for every run. Prints the four
// category scores and the key metrics per page, and every audit that loses points.
//
// Usage: node bench/lighthouse.mjs [dist] [--runs N] [--raw] [--only /path,/path]
//   --runs N   runs per page (default 3); the run with the median performance score is reported
//   --raw      serve without compression (the tests' static server as is); by default the build is
//              served as deploy/nginx.conf serves it (gzip, immutable caching of hashed files)
// JSON reports: bench/results/lighthouse/<page>.json (the median run) and <page>-run<N>.json.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import { port, serve, serveLikeHost, writeResult, RESULTS, median, launch } from './lib.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const dist = args.find((a, i) => !a.startsWith('--') && !['--runs', '--only'].includes(args[i - 1])) ?? 'dist';
const runs = Number(option('--runs', 3));
const raw = flag('--raw');

const PAGES = [
  ['home', '/'],
  ['quiz', '/quiz/drowning-prevention'],
  ['guide', '/guide'],
  ['guide-section', '/guide/rules-for-children'],
  ['map', '/map'],
];
const only = option('--only', null)?.split(',');
const pages = only ? PAGES.filter(([, path]) => only.includes(path)) : PAGES;
const BUDGET = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 90 };
const CATEGORIES = Object.keys(BUDGET);
const METRICS = [
  ['FCP', 'first-contentful-paint', (v) => `${(v / 1000).toFixed(1)} s`],
  ['LCP', 'largest-contentful-paint', (v) => `${(v / 1000).toFixed(1)} s`],
  ['TBT', 'total-blocking-time', (v) => `${Math.round(v)} ms`],
  ['CLS', 'cumulative-layout-shift', (v) => v.toFixed(3)],
  ['transfer', 'total-byte-weight', (v) => `${Math.round(v / 1024)} KB`],
];
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const cli = join(createRequire(import.meta.url).resolve('lighthouse/package.json'), '..', 'cli', 'index.js');
const version = JSON.parse(readFileSync(join(cli, '..', '..', 'package.json'), 'utf8')).version;
const outDir = join(RESULTS, 'lighthouse');
mkdirSync(outDir, { recursive: true });

const sitePort = port(4);
const stop = raw ? await serve(dist, sitePort) : await serveLikeHost(dist, sitePort, port(5));
const base = `http://127.0.0.1:${sitePort}`;

/** One Lighthouse run in a fresh Chromium profile; returns the parsed report. */
async function lighthouse(url, out) {
  const profile = mkdtempSync(join(tmpdir(), 'rg-lh-profile-'));
  try {
    await promisify(execFile)(process.execPath, [cli, url,
      '--output=json', `--output-path=${out}`, '--quiet',
      `--chrome-flags=${[...CHROME_FLAGS, `--user-data-dir=${profile}`].join(' ')}`],
    { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, maxBuffer: 64 << 20 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return JSON.parse(readFileSync(out, 'utf8'));
}

const score = (report, id) => (report.categories[id].score === null ? NaN : Math.round(report.categories[id].score * 100));

/** Audits that cost points (score < 1 with a weight), and failing ones that carry no weight. */
function failing(report) {
  const out = [];
  for (const [category, { auditRefs }] of Object.entries(report.categories)) {
    for (const ref of auditRefs) {
      const a = report.audits[ref.id];
      if (a.scoreDisplayMode === 'error') {
        out.push({ category, id: a.id, weight: ref.weight, score: null, title: a.title, detail: `audit errored: ${a.errorMessage?.split('\n')[0]}` });
      } else if (a.score !== null && a.score < 1 && !['informative', 'notApplicable', 'manual'].includes(a.scoreDisplayMode)) {
        // Metric audits are listed in the metrics columns; opportunities and diagnostics here.
        out.push({ category, id: a.id, weight: ref.weight, score: a.score, title: a.title, detail: a.displayValue ?? '', group: ref.group });
      }
    }
  }
  return out;
}

const results = [];
const started = Date.now();
try {
  for (const [name, path] of pages) {
    const reports = [];
    for (let r = 1; r <= runs; r++) {
      const out = join(outDir, `${name}-run${r}.json`);
      const report = await lighthouse(`${base}${path}`, out);
      reports.push({ report, out });
      process.stderr.write(`  lighthouse ${path} run ${r}/${runs}: performance ${score(report, 'performance')}\n`);
    }
    // The run with the median performance score (the first run closest to it) stands for the page.
    const perf = reports.map(({ report }) => score(report, 'performance'));
    const mid = median(perf);
    const closest = perf.reduce((best, p, i) => (Math.abs(p - mid) < Math.abs(perf[best] - mid) ? i : best), 0);
    const pick = reports[closest];
    copyFileSync(pick.out, join(outDir, `${name}.json`));
    const { report } = pick;
    results.push({
      name, path,
      scores: Object.fromEntries(CATEGORIES.map((c) => [c, score(report, c)])),
      performanceRuns: perf,
      metrics: Object.fromEntries(METRICS.map(([label, id]) => [label, report.audits[id].numericValue])),
      failing: failing(report),
      warnings: report.runWarnings,
      lighthouse: report.lighthouseVersion,
      chrome: report.environment.hostUserAgent.match(/Chrome\/([\d.]+)/)?.[1],
      benchmarkIndex: report.environment.benchmarkIndex,
    });
  }
  // Lighthouse 12.2.3 cannot read this Chromium's screenshot trace events, so its LCP-element and
  // layout-shift tables error out; the same facts from the page itself, at Lighthouse's mobile
  // screen size: the LCP candidates and every layout shift with the elements that moved.
  const browser = await launch();
  try {
    for (const r of results) {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.addInitScript(() => {
        const label = (n) => (n ? `${n.nodeName.toLowerCase()}${n.id ? `#${n.id}` : ''}${typeof n.className === 'string' && n.className ? `.${n.className.trim().split(/\s+/).join('.')}` : ''}` : '?');
        window.__lcp = []; window.__shifts = [];
        new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp.push(`${label(e.element)} (${e.size} px², ${Math.round(e.startTime)} ms)`); }).observe({ type: 'largest-contentful-paint', buffered: true });
        new PerformanceObserver((l) => {
          for (const e of l.getEntries()) {
            window.__shifts.push({ value: e.value, at: Math.round(e.startTime), moved: e.sources.map((s) => `${label(s.node)} y ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)}`) });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${base}${r.path}`);
      await page.waitForTimeout(2500);
      r.diagnosis = await page.evaluate(() => ({ lcp: window.__lcp, shifts: window.__shifts }));
      await context.close();
    }
  } finally {
    await browser.close();
  }
} finally {
  stop();
}

const minutes = ((Date.now() - started) / 60000).toFixed(1);
console.log(`Lighthouse ${version}, mobile, simulated throttling (4x CPU, 150 ms RTT, 1.6 Mbps), ${runs} run(s) a page, median by performance;`);
console.log(`served ${raw ? 'raw by tests/e2e/static-server.mjs (no compression)' : 'like deploy/nginx.conf (gzip 6, immutable hashed files)'}; Chromium ${results[0]?.chrome}, benchmarkIndex ${results.map((r) => r.benchmarkIndex).join('/')}; ${minutes} min`);
const pad = (s, n) => String(s).padStart(n);
console.log(`${'page'.padEnd(30)} ${'perf'.padStart(5)} ${'a11y'.padStart(5)} ${'b-p'.padStart(5)} ${'seo'.padStart(5)} | ${METRICS.map(([l]) => l.padStart(8)).join(' ')}  perf runs`);
for (const r of results) {
  const metrics = METRICS.map(([label, , f]) => pad(f(r.metrics[label]), 8)).join(' ');
  console.log(`${r.path.padEnd(30)} ${CATEGORIES.map((c) => pad(r.scores[c], 5)).join(' ')} | ${metrics}  ${r.performanceRuns.join(',')}`);
}
console.log(`${'budget'.padEnd(30)} ${CATEGORIES.map((c) => pad(`${c === 'accessibility' || c === 'best-practices' ? '' : '≥'}${BUDGET[c]}`, 5)).join(' ')}`);

// Metrics first (one line each, value per page), then the other audits that cost points.
const group = (pred) => {
  const map = new Map();
  for (const r of results) {
    for (const f of r.failing.filter(pred)) {
      const key = `${f.category}/${f.id}`;
      if (!map.has(key)) map.set(key, { ...f, pages: [] });
      map.get(key).pages.push(`${r.path}${f.detail ? ` ${f.detail}` : ''}`);
    }
  }
  return [...map.values()];
};
const losing = group((f) => f.weight > 0 && f.score !== null);
console.log('\naudits that lose points (category · id, weight, title: per page):');
if (!losing.length) console.log('  none');
for (const f of losing) console.log(`  ${f.category} · ${f.id} (weight ${f.weight}) — ${f.title}: ${f.pages.join('; ')}`);
const unweighted = group((f) => f.weight === 0 && f.score !== null);
console.log('failing audits without weight (no effect on the score; worth fixing anyway):');
if (!unweighted.length) console.log('  none');
for (const f of unweighted) console.log(`  ${f.category} · ${f.id} — ${f.title}: ${f.pages.join('; ')}`);
const errored = group((f) => f.score === null);
if (errored.length) {
  const weighted = errored.filter((f) => f.weight > 0);
  console.log(`audits that errored (${weighted.length ? 'SOME WEIGHTED: the category score is void' : 'all without weight, scores unaffected'}): ` +
    `${errored.map((f) => f.id).join(', ')} — ${errored[0].pages[0].replace(/^\S+ /, '')}`);
  console.log('  (Lighthouse 12.2.3\'s trace engine predates this Chromium\'s trace format; the LCP element and layout-shift tables are missing, not the metrics)');
}
const warnings = [...new Set(results.flatMap((r) => r.warnings))];
if (warnings.length) console.log(`run warnings: ${warnings.join(' | ')}`);
console.log('LCP element and layout shifts, seen by the page at 412×823 (no throttling; what Lighthouse\'s errored tables would show):');
for (const r of results) {
  if (!r.diagnosis) continue;
  const cls = r.diagnosis.shifts.reduce((sum, s) => sum + s.value, 0);
  console.log(`  ${r.path}: LCP ${r.diagnosis.lcp.at(-1) ?? 'none'}; layout shift ${cls.toFixed(3)}` +
    r.diagnosis.shifts.filter((s) => s.value >= 0.01).map((s) => ` — ${s.value.toFixed(3)} at ${s.at} ms: ${s.moved.join(', ')}`).join(''));
}
console.log(`JSON reports: ${outDir}/<page>.json`);

writeResult('lighthouse', { version, runs, served: raw ? 'raw' : 'like-nginx', budget: BUDGET, pages: results, minutes: Number(minutes) });
