// Helpers for the tests that run with the service worker (offline.spec.js, update.spec.js).

/** Waits until the service worker controls the page (and so has stored every file of the build). */
export async function controlledByWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}
