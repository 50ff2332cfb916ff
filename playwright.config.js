// End-to-end tests: Debian's Chromium (never a downloaded browser) against the release build in
// dist/, served by a small local static server that falls back to index.html like a real host
// and sends the security headers (CSP) of deploy/security-headers.conf.
//   E2E_PORT=4181        another port for the local server (default 4173)
//   E2E_DIST=/tmp/x      serve another build folder (default dist)
//   E2E_BASE_URL=http://127.0.0.1:4182   test a server that is already running (nginx: scripts/nginx-e2e.sh);
//                        no local server is started then
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const BASE_URL = process.env.E2E_BASE_URL?.replace(/\/$/, '');

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    // The offline tests turn the service worker on; elsewhere it would answer requests that
    // the tests replace with broken content.
    serviceWorkers: 'block',
    baseURL: BASE_URL ?? `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: BASE_URL ? undefined : {
    command: `node tests/e2e/static-server.mjs ${process.env.E2E_DIST ?? 'dist'} ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
  },
});
