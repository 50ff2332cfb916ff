// The patrol map: routes by tap and keyboard, lengths, zoom, quiz stops, the park story, errors.
import { test, expect } from '@playwright/test';

function haversine([lon1, lat1], [lon2, lat2]) {
  const r = 6371008.8, rad = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * r * Math.asin(Math.min(1, Math.sqrt(h)));
}

function expectedLength(feature) {
  const g = feature.geometry;
  const lines = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
  const metres = lines.reduce((sum, line) => sum + line.slice(1).reduce((s, p, i) => s + haversine(line[i], p), 0), 0);
  return metres < 1000 ? `${metres.toFixed(0)} m` : `${(metres / 1000).toFixed(2)} km`;
}

async function routes(request) {
  const file = await (await request.get('/content/routes.geojson')).json();
  return file.features.filter((f) => f.properties?.kind === 'route');
}

/** Taps a route's line on the map where no symbol covers it, as a finger would. */
async function tapRoute(page, name) {
  const group = page.locator('svg.map g.route-group').filter({ has: page.locator('title', { hasText: name }) });
  const point = await group.locator('path.route').evaluate((el) => {
    const m = el.getScreenCTM();
    for (let f = 0.3; f < 1; f += 0.05) {
      const p = el.getPointAtLength(el.getTotalLength() * f);
      const x = p.x * m.a + p.y * m.c + m.e;
      const y = p.x * m.b + p.y * m.d + m.f;
      if (el.parentElement.contains(document.elementFromPoint(x, y))) return { x, y };
    }
    return null;
  });
  if (!point) throw new Error(`no free spot on ${name}`);
  await page.mouse.click(point.x, point.y);
}

test('tapping a route highlights it and shows its length, time and stops', async ({ page, request }) => {
  const [trail] = await routes(request);
  await page.goto('/map?lang=en');
  await tapRoute(page, trail.properties.name.en);
  await expect(page).toHaveURL(new RegExp(`/map/${trail.properties.id}`));
  const panel = page.getByRole('region', { name: trail.properties.name.en });
  await expect(panel.locator('.route-length')).toHaveText(expectedLength(trail));
  await expect(panel).toContainText('Walking time');
  await expect(panel).toContainText('Easy');
  await expect(panel.getByRole('heading', { name: 'Checkpoints, in order' })).toBeVisible();
  await expect(page.locator('path.route.selected')).toHaveCount(1);
});

test('a route is reachable by keyboard alone, and deep links select it', async ({ page, request }) => {
  const all = await routes(request);
  const south = all.find((f) => f.properties.id === 'south-bank-patrol');
  await page.goto('/map?lang=en');
  const link = page.getByRole('navigation', { name: 'Patrol routes' }).getByRole('link', { name: new RegExp(south.properties.name.en) });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/map\/south-bank-patrol/);
  const panel = page.getByRole('region', { name: south.properties.name.en });
  await expect(panel.locator('.route-length')).toHaveText(expectedLength(south));
  await expect(panel.getByRole('heading', { name: 'Hazards nearby' })).toBeVisible();
  // The same route opened directly.
  await page.goto('/map/west-reach-loop?lang=en');
  const west = all.find((f) => f.properties.id === 'west-reach-loop');
  await expect(page.getByRole('region', { name: west.properties.name.en }).locator('.route-length')).toHaveText(expectedLength(west));
});

test('route and place ids as a mapping tool writes them (spaces, slashes, Chinese) still link', async ({ page }) => {
  const routeId = '南岸 patrol/2 & co';
  const placeId = 'meeting point #1';
  await page.route('**/content/routes.geojson', async (route) => {
    const response = await route.fetch();
    const geojson = await response.json();
    for (const f of geojson.features) {
      if (f.properties.id === 'south-bank-patrol') f.properties.id = routeId;
      if (f.properties.id === 'meeting-stall') f.properties.id = placeId;
    }
    await route.fulfill({ response, json: geojson });
  });
  await page.goto('/map?lang=en');
  await page.getByRole('navigation', { name: 'Patrol routes' }).getByRole('link', { name: /South bank patrol/ }).click();
  await expect(page).toHaveURL(/\/map\/%E5%8D%97%E5%B2%B8%20patrol%2F2%20%26%20co$/);
  await expect(page.getByRole('region', { name: 'South bank patrol' }).locator('.route-length')).toBeVisible();
  // The same address opened directly, as from a QR code.
  await page.goto(`/map/${encodeURIComponent(routeId)}?lang=en`);
  await expect(page.getByRole('region', { name: 'South bank patrol' }).locator('.route-length')).toBeVisible();
  await page.goto(`/map?lang=en&place=${encodeURIComponent(placeId)}`);
  await expect(page.getByRole('region', { name: /Volunteer meeting point/ })).toBeVisible();
});

test('a link to one route (a trailhead\'s QR code) opens the map on it; "Show all routes" shows the whole map again', async ({ page }) => {
  await page.goto('/map?lang=en');
  const view = page.locator('svg.map g[transform]').first();
  await expect(page.locator('svg.map path.route')).toHaveCount(3);
  const whole = await view.getAttribute('transform');
  await page.goto('/map/west-reach-loop?lang=en');
  await expect(page.getByRole('heading', { level: 2, name: 'West reed-bed loop' })).toBeVisible();
  await expect(view).not.toHaveAttribute('transform', whole);
  await page.getByRole('link', { name: 'Show all routes' }).click();
  await expect(page).toHaveURL(/\/map(\?|$)/);
  await expect(view).toHaveAttribute('transform', whole);
});

test('zoom buttons, keys and reset change the view and the scale bar', async ({ page }) => {
  await page.goto('/map?lang=en');
  const layer = page.locator('svg.map > g').first();
  const scale = page.locator('.scale-label');
  const before = await scale.innerText();
  const transform0 = await layer.getAttribute('transform');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(layer).not.toHaveAttribute('transform', transform0);
  await expect(scale).not.toHaveText(before);
  const zoomed = await layer.getAttribute('transform');
  await page.locator('svg.map').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(layer).not.toHaveAttribute('transform', zoomed);
  await page.getByRole('button', { name: 'Reset view' }).click();
  await expect(layer).toHaveAttribute('transform', transform0);
  await expect(scale).toHaveText(before);
});

test('on a phone the symbols keep a tappable size; the scale bar is true and the buttons hide nothing at every width', async ({ page }) => {
  // Two places at the map's ends and the ground distance between them: the truth the scale bar
  // must agree with. A symbol drawn apart from its neighbours marks its spot with a leader's end.
  const ends = [['Embankment turn-back point', [113.103734, 22.555266]], ['River chief notice board', [113.120992, 22.560611]]];
  const rad = (d) => (d * Math.PI) / 180;
  const [[, a], [, b]] = ends;
  const h = Math.sin(rad(b[1] - a[1]) / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(rad(b[0] - a[0]) / 2) ** 2;
  const groundM = 2 * 6371008.8 * Math.asin(Math.sqrt(h));
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/map?lang=en');
    const svg = page.locator('svg.map');
    const centres = [];
    for (const [name] of ends) {
      const place = svg.locator('g.place').filter({ has: page.locator('title', { hasText: name }) });
      const halo = await place.locator('.place-halo').boundingBox();
      const spot = (await place.locator('.sym-leader-end').count()) ? await place.locator('.sym-leader-end').boundingBox() : halo;
      centres.push([spot.x + spot.width / 2, spot.y + spot.height / 2]);
      // A tap ring near its full 38 px, not the 16 px of a map shrunk to a phone's width.
      expect(halo.width, `${name} at ${width} px`).toBeGreaterThanOrEqual(34);
    }
    const screenPx = Math.hypot(centres[1][0] - centres[0][0], centres[1][1] - centres[0][1]);
    const label = await page.locator('.scale-label').innerText();
    const labelM = parseFloat(label) * (label.trim().endsWith('km') ? 1000 : 1);
    const barPx = (await page.locator('.scale-bar rect').boundingBox()).width;
    const ratio = (labelM / barPx) / (groundM / screenPx);
    expect(ratio, `scale bar at ${width} px: ${label} over ${barPx.toFixed(1)} px`).toBeGreaterThan(0.96);
    expect(ratio, `scale bar at ${width} px: ${label} over ${barPx.toFixed(1)} px`).toBeLessThan(1.04);
    // The zoom buttons sit below the map and hide none of it (over it, they covered its east end).
    const map = await svg.boundingBox();
    const controls = await page.getByRole('button', { name: 'Zoom in' }).boundingBox();
    expect(controls.y, `zoom buttons at ${width} px`).toBeGreaterThanOrEqual(map.y + map.height);
  }
});

test('on a phone a tap that wobbles a few pixels still opens the place', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/map?lang=en');
  const place = page.locator('svg.map g.place').filter({ has: page.locator('title', { hasText: 'River chief notice board' }) });
  const box = await place.locator('.place-halo').boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 3, y + 2, { steps: 3 });
  await page.mouse.up();
  await expect(page).toHaveURL(/[?&]place=cp-river-chief-board/);
});

test('the tab title names the chosen route or place, and the map again when none is', async ({ page }) => {
  await page.goto('/map?lang=en');
  await expect(page).toHaveTitle('Patrol map · River Guardians');
  await page.getByRole('navigation', { name: 'Patrol routes' }).getByRole('link', { name: /South bank patrol/ }).click();
  await expect(page).toHaveTitle('South bank patrol · River Guardians');
  await page.goBack();
  await expect(page).toHaveURL(/\/map\?lang=en$/);
  await expect(page).toHaveTitle('Patrol map · River Guardians');
  await page.getByRole('navigation', { name: 'Places' }).getByRole('link', { name: 'Bird-watching deck', exact: true }).click();
  await expect(page).toHaveTitle('Bird-watching deck · River Guardians');
});

test('a place chosen from the list is ringed on the map and brought back into sight', async ({ page }) => {
  await page.goto('/map?lang=en');
  const svg = page.locator('svg.map');
  const inSight = async (name) => {
    const place = svg.locator('g.place').filter({ has: page.locator('title', { hasText: name }) });
    const [box, frame] = [await place.boundingBox(), await svg.boundingBox()];
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    return x > frame.x && x < frame.x + frame.width && y > frame.y && y < frame.y + frame.height;
  };
  const list = page.getByRole('navigation', { name: 'Places' });
  const name = (await list.getByRole('link').first().innerText()).trim();
  // Zoom in and pan far away, as a volunteer might have.
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
  await svg.focus();
  for (let i = 0; i < 30 && (await inSight(name)); i++) await page.keyboard.press('ArrowLeft');
  expect(await inSight(name)).toBe(false);
  await expect(svg.locator('g.place.selected')).toHaveCount(0);

  await list.getByRole('link', { name, exact: true }).click();
  await expect(page).toHaveURL(/[?&]place=/);
  const selected = svg.locator('g.place.selected');
  await expect(selected).toHaveCount(1);
  await expect(selected.locator('title')).toHaveText(name);
  await expect.poll(() => inSight(name)).toBe(true);
  // Moved away again, the same place chosen again comes back too (the address stays the same).
  await svg.focus();
  for (let i = 0; i < 30 && (await inSight(name)); i++) await page.keyboard.press('ArrowLeft');
  expect(await inSight(name)).toBe(false);
  await list.getByRole('link', { name, exact: true }).click();
  await expect.poll(() => inSight(name)).toBe(true);
});

test('no map symbol hides another: close ones are drawn apart with a line back to their spot', async ({ page }) => {
  await page.goto('/map?lang=en');
  const symbols = page.locator('svg.map g.place .sym');
  await expect(symbols.first()).toBeVisible();
  const overlaps = async () => {
    const boxes = await symbols.evaluateAll((all) => all.map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height, name: el.closest('g.place').querySelector('title').textContent };
    }));
    const found = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
        const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
        if (w > 2 && h > 2) found.push(`${a.name} / ${b.name}`);
      }
    }
    return found;
  };
  expect(await overlaps()).toEqual([]);
  // The shipped map has a lifebuoy 40 m from a deep-water sign: both are drawn apart.
  await expect(page.locator('svg.map g.place .sym-leader').first()).toBeAttached();
  // Zoomed in far enough, everything sits on its own spot again.
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(page.locator('svg.map g.place .sym-leader')).toHaveCount(0);
  expect(await overlaps()).toEqual([]);
});

test('a checkpoint with a quiz opens that quiz: the route is a learning trail', async ({ page }) => {
  await page.goto('/map/north-bank-learning-trail?lang=en');
  const panel = page.getByRole('region', { name: 'North bank learning trail' });
  await panel.getByRole('link', { name: 'Quiz: Bird-watching deck' }).click();
  await expect(page).toHaveURL(/\/quiz\/river-ecology/);
  await expect(page.getByRole('heading', { level: 1, name: 'River ecology' })).toBeVisible();
});

test('back on the map from a checkpoint\'s quiz on one bar, the map is drawn at once from what the visit read', async ({ page }) => {
  await page.goto('/map/north-bank-learning-trail?lang=en');
  const panel = page.getByRole('region', { name: 'North bank learning trail' });
  await panel.getByRole('link', { name: 'Quiz: Bird-watching deck' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'River ecology' })).toBeVisible();
  // On one bar, every request for the map's files waits on the network.
  await page.route('**/*.geojson', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    await route.continue().catch(() => {});
  });
  await page.goBack();
  await expect(panel.locator('.route-length')).toHaveText(/\d/, { timeout: 2_000 });
  await expect(page.locator('svg.map .bg-water').first()).toBeAttached();
});

test('an organizer\'s edit to the routes reaches a page that stays open (a station never reloads): the map opened after shows it', async ({ page }) => {
  await page.goto('/map?lang=en');
  const routes = page.getByRole('navigation', { name: 'Patrol routes' });
  await expect(routes).toContainText('North bank learning trail');
  // The organizer renames the trail on the host.
  await page.route('**/content/routes.geojson', async (route) => {
    const file = await (await route.fetch()).json();
    file.features.find((f) => f.properties.id === 'north-bank-learning-trail').properties.name.en = 'Riverside trail';
    await route.fulfill({ json: file });
  });
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect.poll(async () => {
    await nav.getByRole('link', { name: 'Quiz' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Quiz' })).toBeVisible();
    await nav.getByRole('link', { name: 'Patrol map' }).click();
    await expect(routes.getByRole('link').first()).toBeVisible();
    return routes.innerText();
  }, { intervals: [500], timeout: 15_000 }).toContain('Riverside trail');
});

test('each route\'s numbered checkpoints wear its colour, and a chosen route\'s stand out from the others\'', async ({ page, request }) => {
  const file = await (await request.get('/content/routes.geojson')).json();
  const colourOf = Object.fromEntries(file.features.filter((f) => f.properties.kind === 'route').map((f) => [f.properties.id, f.properties.colour]));
  await page.goto('/map?lang=en');
  const checkpoints = page.locator('svg.map g.place:has(.sym-checkpoint)');
  const expected = file.features.filter((f) => f.properties.kind === 'checkpoint').map((f) => colourOf[f.properties.route]);
  const ring = page.locator('svg.map .sym-checkpoint .ring');
  await expect(ring).toHaveCount(expected.length);
  const rings = await ring.evaluateAll((rings) => rings.map((r) => r.getAttribute('stroke')));
  expect(rings).toEqual(expected);
  expect(new Set(rings).size).toBeGreaterThan(1);
  await expect(page.locator('svg.map g.place.dimmed')).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Patrol routes' }).getByRole('link', { name: /South bank patrol/ }).click();
  const others = expected.filter((colour) => colour !== colourOf['south-bank-patrol']).length;
  await expect(page.locator('svg.map g.place.dimmed')).toHaveCount(others);
  await expect(checkpoints).toHaveCount(expected.length);
});

test('hazards and rescue gear are listed as text, with distinct map symbols', async ({ page }) => {
  await page.goto('/map?lang=en');
  const places = page.getByRole('navigation', { name: 'Places' });
  await expect(places).toContainText('Hazard: deep water');
  await expect(places).toContainText('Lifebuoy');
  await expect(places).toContainText('Rescue pole');
  await expect(page.locator('svg.map .sym-hazard')).toHaveCount(3);
  await expect(page.locator('svg.map .sym-lifebuoy')).toHaveCount(2);
  await expect(page.locator('svg.map .sym-pole')).toHaveCount(1);
  // The legend explains every symbol on the map, the park story's too.
  const legend = page.getByRole('region', { name: 'Legend' });
  const symbols = await page.locator('svg.map g.place .sym').evaluateAll((all) => [...new Set(all.map((g) => g.getAttribute('class')))]);
  for (const symbol of symbols) await expect(legend.locator(`[class="${symbol}"]`).first()).toBeAttached();
});

test('the park story slider compares before and now, by keyboard and by touch', async ({ page }) => {
  await page.goto('/map?lang=en&place=story-shanty-to-lawn');
  const slider = page.getByRole('slider', { name: /compare then and now/ });
  await expect(slider).toHaveValue('50');
  const after = page.locator('.story-after');
  await expect(after).toHaveAttribute('style', /inset\(0(px)? 0(px)? 0(px)? 50%\)/);
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue('60');
  await expect(after).toHaveAttribute('style', /inset\(0(px)? 0(px)? 0(px)? 40%\)/);
  const box = await slider.boundingBox();
  await page.mouse.click(box.x + box.width - 2, box.y + box.height / 2);
  await expect(after).toHaveAttribute('style', /inset\(0(px)? 0(px)? 0(px)? 0%\)/);
});

test('the shipped sample map says above itself, in both languages, that it is made up: its lifebuoys are not there', async ({ page }) => {
  await page.goto('/map/south-bank-patrol?lang=en');
  await expect(page.getByRole('note').filter({ hasText: 'Sample map' })).toContainText('the lifebuoys and rescue pole shown are not really there');
  await page.goto('/map?lang=zh-CN');
  await expect(page.getByRole('note').filter({ hasText: '示意地图' })).toContainText('现场并不存在');
});

test('the shared name-only GeoJSON export displays with defaults', async ({ page }) => {
  await page.route('**/content/routes.geojson', (route) => route.fulfill({ path: '../shared/samples/name-only-routes.geojson' }));
  await page.goto('/map?lang=en');
  const list = page.getByRole('navigation', { name: 'Patrol routes' });
  await expect(list.getByRole('link')).toHaveCount(3);
  await expect(list).toContainText('East bank walk');
  await expect(list).toContainText('Route 3');
  await list.getByRole('link', { name: /Two-bridge loop/ }).click();
  await expect(page.locator('.route-length')).toHaveText(/\d/);
  // Its own data: no sample notice.
  await expect(page.locator('.map-notice')).toHaveCount(0);
});

test('a route with no hazard or gear marked near it says the map marks none, not that there is none', async ({ page }) => {
  await page.route('**/content/routes.geojson', (route) => route.fulfill({ path: '../shared/samples/name-only-routes.geojson' }));
  await page.goto('/map?lang=en');
  await page.getByRole('navigation', { name: 'Patrol routes' }).getByRole('link', { name: /Two-bridge loop/ }).click();
  const panel = page.locator('.panel-card');
  await expect(panel.getByRole('heading', { name: 'Hazards nearby' }).locator('+ p')).toHaveText(/^None marked on the map\. Any riverbank can be dangerous/);
  await expect(panel.getByRole('heading', { name: 'Rescue gear nearby' }).locator('+ p')).toHaveText(/^None marked on the map\. Before you set off/);
});


for (const [name, body, expected] of [
  ['wrong type', () => ({ type: 'Topology', objects: {} }), 'content/routes.geojson'],
  ['only broken features', (g) => { g.features = g.features.slice(0, 2); g.features[0].geometry.coordinates[3] = [213.1, 22.5]; g.features[1].geometry.coordinates = []; return g; }, 'features[0].geometry.coordinates[3]: longitude 213.1'],
]) {
  test(`a GeoJSON file with ${name} shows a clear message; the rest of the app works`, async ({ page }) => {
    await page.route('**/content/routes.geojson', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: JSON.stringify(body(await response.json())) });
    });
    await page.goto('/map?lang=en');
    await expect(page.getByRole('alert')).toContainText(expected);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quiz' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Quiz' })).toBeVisible();
  });
}

test('"Where am I?" asks only on request, draws the position, and explains a refusal', async ({ browser }) => {
  const allowed = await browser.newContext({ geolocation: { latitude: 22.5575, longitude: 113.1105 }, permissions: ['geolocation'] });
  const page = await allowed.newPage();
  await page.goto('/map?lang=en');
  await expect(page.locator('svg.map .you-are-here')).toHaveCount(0);
  await page.getByRole('button', { name: 'Where am I?' }).click();
  await expect(page.locator('svg.map .you-are-here')).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'never saved or sent' })).toBeVisible();
  await allowed.close();

  const refused = await browser.newContext({ permissions: [] });
  const other = await refused.newPage();
  await other.goto('/map?lang=en');
  await other.getByRole('button', { name: 'Where am I?' }).click();
  await expect(other.getByText(/permission was refused|cannot find its position/)).toBeVisible();
  await expect(other.locator('svg.map .you-are-here')).toHaveCount(0);
  // The message follows a switch of language.
  await other.getByRole('button', { name: /Switch language/ }).click();
  await expect(other.getByText(/没有获得定位权限|这台设备现在无法定位/)).toBeVisible();
  await refused.close();
});

test('"Where am I?" brings a position on the map into sight and says when one is off the map', async ({ browser }) => {
  const inside = async (page) => {
    const map = await page.locator('svg.map').boundingBox();
    const dot = await page.locator('svg.map .you-are-here').boundingBox();
    const [x, y] = [dot.x + dot.width / 2, dot.y + dot.height / 2];
    return x >= map.x && x <= map.x + map.width && y >= map.y && y <= map.y + map.height;
  };
  // At the river chief notice board (the east end) while the map shows the west end up close.
  const near = await browser.newContext({ geolocation: { latitude: 22.560611, longitude: 113.120992 }, permissions: ['geolocation'] });
  const page = await near.newPage();
  await page.goto('/map?lang=en');
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.locator('svg.map').focus();
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
  await page.getByRole('button', { name: 'Where am I?' }).click();
  await expect(page.locator('svg.map .you-are-here')).toHaveCount(1);
  await expect.poll(() => inside(page)).toBe(true);
  await near.close();
  // 1.5 km east of the map's east end: off the map, and the message says so.
  const far = await browser.newContext({ geolocation: { latitude: 22.5606, longitude: 113.1356 }, permissions: ['geolocation'] });
  const away = await far.newPage();
  await away.goto('/map?lang=en');
  await away.getByRole('button', { name: 'Where am I?' }).click();
  await expect(away.getByRole('status').filter({ hasText: 'You are outside the area of this map.' })).toBeVisible();
  await far.close();
});

test('"Where am I?" keeps the dot with a volunteer walking on, and leaves the map where they put it', async ({ browser }) => {
  const context = await browser.newContext({ geolocation: { latitude: 22.5575, longitude: 113.1105, accuracy: 10 }, permissions: ['geolocation'] });
  const page = await context.newPage();
  await page.goto('/map?lang=en');
  await page.getByRole('button', { name: 'Where am I?' }).click();
  const dot = page.locator('svg.map .you-are-here');
  await expect(dot).toHaveCount(1);
  await expect(page.getByText(/shown on this device only/)).toBeVisible();
  // The volunteer zooms in to look ahead, then walks on a hundred metres or so.
  const view = page.locator('svg.map g[transform]').first();
  const fitted = await view.getAttribute('transform');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => view.getAttribute('transform')).not.toBe(fitted);
  const zoomed = await view.getAttribute('transform');
  const first = await dot.getAttribute('transform');
  await context.setGeolocation({ latitude: 22.5579, longitude: 113.1114, accuracy: 10 });
  await expect.poll(() => dot.getAttribute('transform')).not.toBe(first);
  await expect(dot).toHaveCount(1);
  expect(await view.getAttribute('transform')).toBe(zoomed);
  await expect(page.getByText(/shown on this device only/)).toBeVisible();
  await context.close();
});

test('a position that arrives after the family left the map breaks nothing', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  // A phone that takes a second and a half to find itself, and delivers the position it was
  // finding even though the map stopped watching meanwhile.
  await page.addInitScript(() => {
    window.positionsDelivered = 0;
    navigator.geolocation.watchPosition = (ok) => {
      setTimeout(() => {
        window.positionsDelivered += 1;
        ok({ coords: { latitude: 22.5575, longitude: 113.1105, accuracy: 10 }, timestamp: Date.now() });
      }, 1500);
      return 1;
    };
    navigator.geolocation.clearWatch = () => {};
  });
  await page.goto('/map?lang=en');
  await page.getByRole('button', { name: 'Where am I?' }).click();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Safety guide' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Water safety guide' })).toBeVisible();
  await page.waitForTimeout(2000);
  await nav.getByRole('link', { name: 'Quiz' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quiz' })).toBeVisible();
  expect(await page.evaluate(() => window.positionsDelivered)).toBe(1);
  expect(errors).toEqual([]);
});

test('no tiles by default; tiles switched on in site.json are drawn with their credit', async ({ page }) => {
  const tileRequests = [];
  await page.route('**/tiles-test/**', (route) => {
    tileRequests.push(route.request().url());
    return route.fulfill({ contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"/>' });
  });
  await page.goto('/map?lang=en');
  await expect(page.locator('svg.map path.route')).toHaveCount(3);
  await expect(page.locator('svg.map image')).toHaveCount(0);
  expect(tileRequests).toEqual([]);

  await page.route('**/content/site.json', async (route) => {
    const response = await route.fetch();
    const site = await response.json();
    site.map_tiles = { url: 'https://127.0.0.1:4173/tiles-test/{z}/{x}/{y}.svg', attribution: { 'zh-CN': '测试瓦片', en: 'Test tiles' } };
    await route.fulfill({ response, json: site });
  });
  await page.goto('/map?lang=en');
  await expect(page.locator('svg.map image').first()).toBeAttached();
  await expect(page.getByText('Map tiles: Test tiles')).toBeVisible();
  const href = await page.locator('svg.map image').first().getAttribute('href');
  expect(href).toMatch(/\/tiles-test\/1[4-8]\/\d+\/\d+\.svg$/);
});

test('Ctrl/⌘ with + − 0 stays the browser\'s page zoom: the map leaves shortcuts with a modifier alone', async ({ page }) => {
  await page.goto('/map?lang=en');
  const layer = page.locator('svg.map > g').first();
  const home = await layer.getAttribute('transform');
  await page.evaluate(() => {
    window.__prevented = [];
    document.addEventListener('keydown', (ev) => {
      if (!['Control', 'Meta', 'Alt'].includes(ev.key)) window.__prevented.push(ev.defaultPrevented);
    });
  });
  await page.locator('svg.map').focus();
  for (const key of ['Control+Equal', 'Control+Minus', 'Meta+Equal', 'Alt+Equal']) await page.keyboard.press(key);
  await page.waitForTimeout(300);
  await expect(layer).toHaveAttribute('transform', home);
  expect(await page.evaluate(() => window.__prevented)).toEqual([false, false, false, false]);
  // Without a modifier the keys still zoom the map.
  await page.keyboard.press('Equal');
  await expect(layer).not.toHaveAttribute('transform', home);
  await page.keyboard.press('Digit0');
  await expect(layer).toHaveAttribute('transform', home);
});

test('the routes\' names on the map follow a switch of language', async ({ page, request }) => {
  const routes = await (await request.get('/content/routes.geojson')).json();
  const first = routes.features.find((f) => f.geometry.type.includes('LineString')).properties.name;
  await page.goto('/map?lang=en');
  const title = page.locator('svg.map .route-group title').first();
  await expect(title).toHaveText(first.en);
  await page.getByRole('button', { name: /Switch language/ }).click();
  await expect(title).toHaveText(first['zh-CN']);
});

test('"Where am I?" asks for the satellites (offline on a river bank) and gives up after 20 s with a message', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.geolocation.watchPosition = (ok, fail, options) => {
      window.__options = options;
      return setTimeout(() => fail({ code: 3, message: 'Timeout expired' }), 300);
    };
    navigator.geolocation.clearWatch = (id) => clearTimeout(id);
  });
  await page.goto('/map?lang=en');
  await page.getByRole('button', { name: 'Where am I?' }).click();
  await expect(page.getByText(/cannot find its position/)).toBeVisible();
  const options = await page.evaluate(() => ({ ...window.__options, keys: Object.keys(window.__options ?? {}) }));
  expect(options.enableHighAccuracy).toBe(true);
  expect(options.timeout).toBe(20_000);
  expect(options.maximumAge).toBe(30_000);
});

test('keyboard: a place chosen from the route\'s lists, and Close, leave the focus on the new panel', async ({ page }) => {
  await page.goto('/map/south-bank-patrol?lang=en');
  const route = page.getByRole('region', { name: 'South bank patrol' });
  const place = route.getByRole('link', { name: 'Footbridge south end' });
  await place.focus();
  await page.keyboard.press('Enter');
  // The link went with the route's panel; the place's heading has the focus, not the document.
  await expect(page.getByRole('heading', { level: 2, name: 'Footbridge south end' })).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement.closest('.map-panel'))).toBe(true);
  await page.getByRole('region', { name: 'Footbridge south end' }).getByRole('link', { name: 'Close' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'South bank patrol' })).toBeFocused();
});

test('a broken background file is named on the page while the routes still show; a missing one is simply left out', async ({ page }) => {
  await page.route('**/content/background.geojson', (route) => route.fulfill({ contentType: 'application/geo+json', body: '{"type": "FeatureCollection", "features": [,]}' }));
  await page.goto('/map?lang=en');
  await expect(page.locator('svg.map path.route').first()).toBeVisible();
  await expect(page.getByText(/^The map's background \(the river and the park\) is not shown\. .*background\.geojson/)).toBeVisible();
  await page.unroute('**/content/background.geojson');
  await page.route('**/content/background.geojson', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('/map?lang=zh-CN');
  await expect(page.locator('svg.map path.route').first()).toBeVisible();
  await expect(page.getByText('地图底图（河流和公园）没有显示。', { exact: false })).toHaveCount(0);
  // Offline, a file the site never had is a network failure: no warning either.
  await page.unroute('**/content/background.geojson');
  await page.route('**/content/background.geojson', (route) => route.abort('internetdisconnected'));
  await page.reload();
  await expect(page.locator('svg.map path.route').first()).toBeVisible();
  await expect(page.getByText('地图底图（河流和公园）没有显示。', { exact: false })).toHaveCount(0);
});

test('"Where am I?" draws how far off the position may be, and says so when it is only approximate', async ({ browser }) => {
  const rough = await browser.newContext({ geolocation: { latitude: 22.5575, longitude: 113.1105, accuracy: 400 }, permissions: ['geolocation'] });
  const page = await rough.newPage();
  await page.goto('/map?lang=en');
  await page.getByRole('button', { name: 'Where am I?' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your position is approximate: within about 400 m (see the circle).' })).toBeVisible();
  // The circle is to scale: 400 m is as wide as 400 m of the scale bar.
  const label = await page.locator('.scale-label').innerText();
  const metres = parseFloat(label) * (label.includes('km') ? 1000 : 1);
  const barPx = (await page.locator('.scale-bar rect').boundingBox()).width;
  const circle = await page.locator('svg.map .you-accuracy').boundingBox();
  expect(Math.abs(circle.width / 2 - (400 * barPx) / metres)).toBeLessThan(3);
  // Asked again, and refused this time: the words went with the old answer.
  await rough.clearPermissions();
  await page.getByRole('button', { name: 'Where am I?' }).click();
  await expect(page.getByText(/permission was refused|cannot find its position/)).toBeVisible();
  await expect(page.getByText(/approximate/)).toHaveCount(0);
  await rough.close();
  // A satellite fix to a few metres: no such words.
  const sharp = await browser.newContext({ geolocation: { latitude: 22.5575, longitude: 113.1105, accuracy: 8 }, permissions: ['geolocation'] });
  const other = await sharp.newPage();
  await other.goto('/map?lang=en');
  await other.getByRole('button', { name: 'Where am I?' }).click();
  await expect(other.getByRole('status').filter({ hasText: 'never saved or sent' })).toBeVisible();
  await expect(other.getByText(/approximate/)).toHaveCount(0);
  await sharp.close();
});

test('a QGIS export\'s MultiPoint gear is drawn, gear of no stated kind is no lifebuoy, and an area or a hazard drawn as a line is named', async ({ page }) => {
  await page.route('**/content/routes.geojson', (route) => route.fulfill({
    contentType: 'application/geo+json',
    body: JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { id: 'bank', name: 'Bank walk' }, geometry: { type: 'LineString', coordinates: [[113.11, 22.557], [113.116, 22.559]] } },
        { type: 'Feature', properties: { id: 'buoys', kind: 'rescue', gear: 'lifebuoy', name: 'Ring' }, geometry: { type: 'MultiPoint', coordinates: [[113.111, 22.5575], [113.115, 22.5585]] } },
        { type: 'Feature', properties: { kind: 'rescue', name: 'Throw bag' }, geometry: { type: 'Point', coordinates: [113.113, 22.558] } },
        { type: 'Feature', properties: { kind: 'hazard', hazard: 'slippery-bank', name: 'Slippery stretch' }, geometry: { type: 'LineString', coordinates: [[113.112, 22.5572], [113.114, 22.5579]] } },
        { type: 'Feature', properties: { name: 'Pond' }, geometry: { type: 'Polygon', coordinates: [[[113.11, 22.556], [113.112, 22.556], [113.112, 22.557], [113.11, 22.556]]] } },
      ],
    }),
  }));
  await page.goto('/map?lang=en');
  const places = page.getByRole('navigation', { name: 'Places' });
  await expect(places.getByRole('link', { name: 'Ring' })).toHaveCount(2);
  await expect(page.locator('svg.map .sym-lifebuoy')).toHaveCount(2);
  // The throw bag has its own symbol, which the legend names as rescue gear, not as a lifebuoy.
  await expect(page.locator('svg.map .sym-gear')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Legend' }).locator('li').filter({ has: page.locator('.sym-gear') })).toHaveText('Rescue gear');
  const notice = page.getByText('Part of the map may be missing or wrong.');
  await expect(notice).toContainText('features[3].properties.kind: a hazard is a point');
  await expect(notice).toContainText('features[4].geometry.type: a Polygon is not drawn on the patrol map');
});

test('asking "Where am I?" again clears the old position, and a tap on the position reaches the symbol under it', async ({ browser }) => {
  const context = await browser.newContext({ geolocation: { latitude: 22.5575, longitude: 113.1105 }, permissions: ['geolocation'] });
  const page = await context.newPage();
  await page.goto('/map?lang=en');
  await page.getByRole('button', { name: 'Where am I?' }).click();
  const dot = page.locator('svg.map .you-are-here');
  await expect(dot).toHaveCount(1);
  // Standing on a checkpoint: the dot covers it, and a tap there opens it.
  const checkpoint = page.locator('svg.map g.place').filter({ has: page.locator('.sym-checkpoint') }).first();
  await checkpoint.scrollIntoViewIfNeeded();
  const box = await checkpoint.boundingBox();
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.evaluate(({ x, y }) => {
    const svg = document.querySelector('svg.map');
    const point = new DOMPoint(x, y).matrixTransform(svg.getScreenCTM().inverse());
    document.querySelector('.you-are-here').setAttribute('transform', `translate(${point.x} ${point.y})`);
  }, centre);
  expect(await page.evaluate(({ x, y }) => !!document.elementFromPoint(x, y).closest('.you-are-here'), centre)).toBe(false);
  await page.mouse.click(centre.x, centre.y);
  await expect(page).toHaveURL(/[?&]place=/);
  // The position cannot be found this time: the old dot goes with the message.
  await context.setGeolocation(null);
  await context.clearPermissions();
  await page.getByRole('button', { name: 'Where am I?' }).click();
  await expect(page.getByText(/permission was refused|cannot find its position/)).toBeVisible();
  await expect(dot).toHaveCount(0);
  await context.close();
});

test('a route or place picked from the lists takes the focus to the panel it opens above them', async ({ page }) => {
  // The lists are the keyboard's and screen reader's way to the routes; the panel opens above
  // them, off-screen on a tablet held upright.
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.goto('/map?lang=en');
  const routes = page.getByRole('navigation', { name: 'Patrol routes' });
  const route = routes.getByRole('link').nth(1);
  const routeName = (await route.innerText()).split(' · ')[0].trim();
  await route.click();
  const heading = page.locator('.map-panel h2').first();
  await expect(heading).toBeFocused();
  await expect(heading).toContainText(routeName);
  await expect(heading).toBeInViewport();
  const place = page.getByRole('navigation', { name: 'Places' }).getByRole('link').first();
  const placeName = (await place.innerText()).trim();
  await place.click();
  await expect(heading).toBeFocused();
  await expect(heading).toContainText(placeName);
});

test('Ctrl + wheel over the map is the browser\'s zoom, not the map\'s', async ({ page }) => {
  await page.goto('/map?lang=en');
  const map = page.locator('svg.map');
  await expect(page.locator('svg.map path.route').first()).toBeVisible();
  const box = await map.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  // The wheel event's default is left alone with Ctrl held (the browser zooms the page), and the
  // map stays as it was; without it the map zooms.
  const wheel = (ctrlKey) => map.evaluate((svg, ctrlKey) => {
    const event = new WheelEvent('wheel', { deltaY: -200, ctrlKey, bubbles: true, cancelable: true, clientX: 400, clientY: 300 });
    svg.dispatchEvent(event);
    return event.defaultPrevented;
  }, ctrlKey);
  const scale = () => page.locator('svg.map g[transform]').first().getAttribute('transform');
  const before = await scale();
  expect(await wheel(true)).toBe(false);
  expect(await scale()).toBe(before);
  expect(await wheel(false)).toBe(true);
  await expect.poll(scale).not.toBe(before);
});
