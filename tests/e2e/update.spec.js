// The offline copy seen by its users: "ready to use offline", the list of saved files in
// settings, working offline, and a new deployment offered as "new version — reload", never
// mixed with the old one. Runs a copy of the build on its own server so the test can deploy a
// "new version" into it.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { controlledByWorker } from './worker-helpers.js';

test.use({ serviceWorkers: 'allow' });

/**
 * Serves a copy of the build from a folder of its own, on a free port (a port picked at random
 * could be one another test's server still holds, and this test would then talk to that one).
 */
async function serveCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'rg-deploy-'));
  cpSync(process.env.E2E_DIST ?? 'dist', dir, { recursive: true });
  const server = spawn('node', ['tests/e2e/static-server.mjs', dir, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    server.stdout.once('data', (line) => resolve(String(line).match(/http:\/\/127\.0\.0\.1:\d+/)[0]));
    server.once('exit', (code) => reject(new Error(`static server exited (${code})`)));
  });
  return { dir, url, stop: () => server.kill() };
}

/** Opens `url` and waits until the site is stored for offline and a worker serves the page. */
async function openStored(page, url) {
  await page.goto(url);
  await expect(page.getByRole('contentinfo').getByText('✓ Ready to use offline')).toBeVisible({ timeout: 15_000 });
  await controlledByWorker(page);
}

/** Deploys into `dir` a build that differs only by its worker's version, now `<hash>-<suffix>`. */
function deployVersion(dir, suffix) {
  const sw = join(dir, 'sw.js');
  writeFileSync(sw, readFileSync(sw, 'utf8').replace(/const VERSION = '([0-9a-f]+)(-\w+)?'/, `const VERSION = '$1-${suffix}'`));
}

/**
 * Counts the app's looks for a new build (the browser also looks by itself after a navigation,
 * so the banner alone would not show who looked), those that failed, and how each install they
 * started ended. Returns a function that reads the counts.
 */
async function watchLooks(page) {
  await page.addInitScript(() => {
    window.looks = { asked: 0, failed: 0, installs: [] };
    const update = ServiceWorkerRegistration.prototype.update;
    ServiceWorkerRegistration.prototype.update = function watchedUpdate() {
      window.looks.asked += 1;
      if (!this.watched) {
        this.watched = true;
        this.addEventListener('updatefound', () => {
          const worker = this.installing;
          const install = window.looks.installs.push(worker.state) - 1;
          worker.addEventListener('statechange', () => { window.looks.installs[install] = worker.state; });
        });
      }
      const looking = update.call(this);
      looking.catch(() => { window.looks.failed += 1; });
      return looking;
    };
  });
  return () => page.evaluate(() => window.looks);
}

/**
 * Opens the site served from `site` as a stall's tablet left open: stored for offline, on a clock
 * the test moves, with the app's looks for a new build counted (see watchLooks).
 */
async function openLeftOpen(page, site) {
  const looks = await watchLooks(page);
  await page.clock.install();
  await openStored(page, `${site.url}/?lang=en`);
  return looks;
}

/** The banner that offers a new build. */
const updateBanner = (page) => page.getByRole('status').filter({ hasText: 'A new version is ready.' });

test('offline ready, the saved files listed, offline status, and a new version offered as a reload', async ({ page, context }) => {
  const site = await serveCopy();
  try {
    await openStored(page, `${site.url}/?lang=en`);
    const footer = page.getByRole('contentinfo');

    await footer.getByRole('link', { name: 'Settings' }).click();
    await expect(page).toHaveURL(/\/settings$/);
    await page.goto(`${site.url}/settings?lang=en`);
    const copy = page.getByRole('region', { name: 'Offline copy' });
    await expect(copy.getByText(/^\d+ files are saved on this device/)).toBeVisible();
    const saved = Number((await copy.getByText(/files are saved/).innerText()).match(/\d+/)[0]);
    expect(saved).toBeGreaterThan(20);
    await expect(copy.getByText('Content files: 5')).toBeVisible();
    const firstVersion = await copy.locator('code').innerText();

    await context.setOffline(true);
    await expect(footer.getByText('Offline: using the copy saved on this device')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await context.setOffline(false);

    // Deploy a new build: a different sw.js (its version changes with any file of the build).
    deployVersion(site.dir, 'next');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const banner = updateBanner(page);
    await expect(banner).toBeVisible({ timeout: 15_000 });
    // Until the user agrees, the old build's files stay and keep serving the page.
    const buildCaches = () => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('rg-')).sort());
    await expect.poll(buildCaches).toEqual([`rg-${firstVersion}`, `rg-${firstVersion}-next`]);
    // Listening before the tap: the reload can be over before the click returns.
    const reloaded = page.waitForEvent('load');
    await banner.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Offline copy' }).locator('code')).toHaveText(`${firstVersion}-next`);
    await expect(page.getByText('A new version is ready.')).toHaveCount(0);
    // Only the new build's cache remains.
    await expect.poll(buildCaches).toEqual([`rg-${firstVersion}-next`]);
  } finally {
    site.stop();
  }
});

test('a version deployed while the site was closed is offered after it opens again', async ({ page }) => {
  const site = await serveCopy();
  try {
    await openStored(page, `${site.url}/?lang=en`);
    // Deploy, then open the site again: the update is found as the page starts, not later.
    deployVersion(site.dir, 'next');
    await page.reload();
    await expect(updateBanner(page)).toBeVisible({ timeout: 15_000 });
  } finally {
    site.stop();
  }
});

/**
 * Deploys into `dir` a new build as trunk would: the main module under a new hashed name, the
 * loader that names it under a new name and integrity, index.html pointing at both, and a sw.js
 * with the new file list and version. Returns the new files' names.
 */
function deployNewBuild(dir) {
  const html = join(dir, 'index.html');
  let page = readFileSync(html, 'utf8');
  const wasm = readdirSync(dir).find((f) => /_bg\.wasm$/.test(f));
  const boot = readdirSync(dir).find((f) => /^boot-[0-9a-f]+\.js$/.test(f));
  const [newWasm, newBoot] = [wasm.replace('_bg', 'next_bg'), boot.replace('.js', 'next.js')];
  writeFileSync(join(dir, newWasm), readFileSync(join(dir, wasm)));
  const bootText = readFileSync(join(dir, boot), 'utf8').replaceAll(wasm, newWasm);
  writeFileSync(join(dir, newBoot), bootText);
  const integrity = `sha384-${createHash('sha384').update(bootText).digest('base64')}`;
  page = page.replaceAll(wasm, newWasm).replace(new RegExp(`${boot}"? integrity="?[^" >]+`), `${newBoot}" integrity="${integrity}`);
  writeFileSync(html, page);
  const sw = join(dir, 'sw.js');
  writeFileSync(sw, readFileSync(sw, 'utf8').replaceAll(wasm, newWasm).replaceAll(boot, newBoot)
    .replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = '$1-next'"));
  return [newWasm, newBoot];
}

test('after a deploy, on a signal too weak for the new build, the saved copy still opens, and the new build comes as a reload', async ({ page, context }) => {
  test.setTimeout(60_000);
  const site = await serveCopy();
  try {
    await openStored(page, `${site.url}/settings?lang=en`);
    // The settings page lists the saved copy once a worker serves it.
    await page.goto(`${site.url}/settings?lang=en`);
    const firstVersion = await page.getByRole('region', { name: 'Offline copy' }).locator('code').innerText();
    const fresh = deployNewBuild(site.dir);
    // One bar on the river bank: the new build's files do not get through.
    await context.route((url) => fresh.some((f) => url.pathname.endsWith(f)), (route) => route.abort('internetdisconnected'));
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible({ timeout: 10_000 });
    await expect(page.getByRole('region', { name: 'Offline copy' }).locator('code')).toHaveText(firstVersion);
    // The signal comes back: the new build is stored, offered, and runs after "Reload".
    await context.unrouteAll({ behavior: 'ignoreErrors' });
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const banner = updateBanner(page);
    await expect(banner).toBeVisible({ timeout: 20_000 });
    await banner.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByRole('region', { name: 'Offline copy' }).locator('code')).toHaveText(`${firstVersion}-next`, { timeout: 15_000 });
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('next_bg.wasm')))).toBe(true);
  } finally {
    site.stop();
  }
});

test('a content file or picture removed on the host costs only itself: the rest is still saved for offline', async ({ page, context }) => {
  test.setTimeout(60_000);
  const site = await serveCopy();
  try {
    // The organizer removed the optional background and replaced a sample story picture.
    rmSync(join(site.dir, 'content/background.geojson'));
    rmSync(join(site.dir, 'images/story/litter-bank-after.svg'));
    await openStored(page, `${site.url}/map/south-bank-patrol?lang=en`);
    // On the river bank the map and a quiz still open.
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('.route-length')).toHaveText(/\d/);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.goto(`${site.url}/quiz/save-water?age=adults&lang=en`);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(page.locator('h2.prompt')).toBeVisible();
  } finally {
    site.stop();
  }
});

test('content read while a new build waited is not lost when the new build takes over offline', async ({ page, context }) => {
  test.setTimeout(60_000);
  const site = await serveCopy();
  try {
    await openStored(page, `${site.url}/map?lang=en`);
    // A new build is deployed and stored (with the routes as they are now); it waits.
    deployVersion(site.dir, 'next');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const banner = updateBanner(page);
    await expect(banner).toBeVisible({ timeout: 15_000 });
    // Later (servers date their answers to the second), the organizer renames a route, and the
    // volunteer sees it online.
    await page.waitForTimeout(1_100);
    const routes = join(site.dir, 'content/routes.geojson');
    writeFileSync(routes, readFileSync(routes, 'utf8').replace('"en":"South bank patrol"', '"en":"South bank patrol, new start"'));
    await page.reload();
    const renamed = page.getByRole('navigation', { name: 'Patrol routes' }).getByRole('link', { name: /South bank patrol, new start/ });
    await expect(renamed).toBeVisible();
    // On the river bank, the volunteer takes the new version: the renamed route stays.
    await context.setOffline(true);
    await updateBanner(page).getByRole('button', { name: 'Reload' }).click();
    // The page reloads itself once the new build serves it, and the old build's cache is gone.
    await expect.poll(() => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('rg-')))
      .catch(() => 'reloading')).toEqual([expect.stringMatching(/-next$/)]);
    await page.reload();
    await expect(renamed).toBeVisible();
  } finally {
    site.stop();
  }
});

test('a page left open hears of a new build when the network comes back, and every half hour', async ({ page, context }) => {
  test.setTimeout(60_000);
  const site = await serveCopy();
  try {
    const looks = await openLeftOpen(page, site);
    const checks = async () => (await looks()).asked;
    expect(await checks()).toBe(0);
    const banner = updateBanner(page);
    // A stall tablet loses the signal; meanwhile a new build is deployed; the signal comes back.
    await context.setOffline(true);
    deployVersion(site.dir, 'next');
    await context.setOffline(false);
    await expect.poll(checks).toBe(1);
    // The page may hear "online" before its worker's network is back (as a tablet joining a
    // network before anything gets through): a failed look is tried again a minute later.
    await expect(async () => {
      await page.clock.fastForward('00:20');
      await expect(banner).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    // The family takes it; later another build is deployed while the station stays open: the
    // app looks again after half an hour, not before.
    const reloaded = page.waitForEvent('load');
    await banner.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await expect(page.getByRole('heading', { level: 1, name: 'River Guardians' })).toBeVisible();
    deployVersion(site.dir, 'later');
    await page.clock.fastForward('29:00');
    expect(await checks()).toBe(0);
    await page.clock.fastForward('01:01');
    await expect.poll(checks).toBe(1);
    await expect(banner).toBeVisible({ timeout: 15_000 });
  } finally {
    site.stop();
  }
});

/** Removes `file` from the host's copy in `dir` (an upload not yet finished); returns a function that puts it back. */
function withhold(dir, file) {
  const path = join(dir, file);
  const body = readFileSync(path);
  rmSync(path);
  return () => writeFileSync(path, body);
}

/** A stylesheet of the build in `dir`, a file every install needs. */
const stylesheetIn = (dir) => readdirSync(dir).find((file) => file.endsWith('.css'));

test('a look for a new build that fails is tried again a minute later, once: a deploy missing a file is not fetched every minute', async ({ page }) => {
  test.setTimeout(60_000);
  const site = await serveCopy();
  try {
    const looks = await openLeftOpen(page, site);
    const banner = updateBanner(page);
    // The half-hourly look while the host has no worker file: it fails.
    const restoreWorker = withhold(site.dir, 'sw.js');
    await page.clock.fastForward('30:01');
    await expect.poll(looks).toMatchObject({ asked: 1, failed: 1 });
    // Meanwhile the organizer uploads a new build, but a stylesheet does not arrive: the look a
    // minute later finds it, and its install fails.
    restoreWorker();
    deployVersion(site.dir, 'uploading');
    const restoreStylesheet = withhold(site.dir, stylesheetIn(site.dir));
    await page.clock.fastForward('01:01');
    await expect.poll(looks).toMatchObject({ asked: 2, failed: 1, installs: ['redundant'] });
    // That was the one retry: ten minutes later the app has not fetched the build again.
    await page.clock.fastForward('10:00');
    expect(await looks()).toMatchObject({ asked: 2, installs: ['redundant'] });
    await expect(banner).toBeHidden();
    // The stylesheet is uploaded; the next half-hourly look finds the whole build.
    restoreStylesheet();
    await page.clock.fastForward('19:00');
    await expect.poll(looks).toMatchObject({ asked: 3, installs: ['redundant', 'installed'] });
    await expect(banner).toBeVisible();
  } finally {
    site.stop();
  }
});

test('a look that finds a deploy still uploading (its install fails) is tried again a minute later', async ({ page }) => {
  test.setTimeout(60_000);
  const site = await serveCopy();
  try {
    const looks = await openLeftOpen(page, site);
    deployVersion(site.dir, 'uploading');
    const restoreStylesheet = withhold(site.dir, stylesheetIn(site.dir));
    await page.clock.fastForward('30:01');
    await expect.poll(looks).toMatchObject({ asked: 1, failed: 0, installs: ['redundant'] });
    restoreStylesheet();
    await page.clock.fastForward('01:01');
    await expect.poll(looks).toMatchObject({ asked: 2, installs: ['redundant', 'installed'] });
    await expect(updateBanner(page)).toBeVisible();
  } finally {
    site.stop();
  }
});

test('a first visit whose offline copy failed to store (a file missing mid-upload) stores it a minute later', async ({ page }) => {
  test.setTimeout(60_000);
  const site = await serveCopy();
  try {
    // Records how the first worker's install ends.
    await page.addInitScript(() => {
      window.firstInstall = [];
      const register = ServiceWorkerContainer.prototype.register;
      ServiceWorkerContainer.prototype.register = async function watchedRegister(...args) {
        const registration = await register.apply(this, args);
        const worker = registration.installing;
        if (worker && window.firstInstall.length === 0) {
          window.firstInstall.push(worker.state);
          worker.addEventListener('statechange', () => window.firstInstall.push(worker.state));
        }
        return registration;
      };
    });
    const restoreStylesheet = withhold(site.dir, stylesheetIn(site.dir));
    await page.clock.install();
    // The page opens without its stylesheet (the app runs all the same); its worker's install
    // fails for the missing file, and the browser drops the registration.
    await page.goto(`${site.url}/?lang=en`);
    await expect.poll(() => page.evaluate(() => window.firstInstall)).toContain('redundant');
    const ready = page.getByRole('contentinfo').getByText('✓ Ready to use offline');
    await expect(ready).toHaveCount(0);
    restoreStylesheet();
    await page.clock.fastForward('01:01');
    await expect(ready).toBeVisible({ timeout: 15_000 });
    await controlledByWorker(page);
  } finally {
    site.stop();
  }
});
