// The JSON Schemas in schemas/ accept every shipped content file and the shared GIS export,
// and reject the mistakes organizers make. Run with: node --test tests/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const read = (path) => JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
const schemas = Object.fromEntries(
  ['site', 'quizzes', 'guide', 'routes'].map((name) => [name, ajv.compile(read(`schemas/${name}.schema.json`))]),
);

function check(schema, value) {
  const ok = schemas[schema](value);
  return { ok, errors: ajv.errorsText(schemas[schema].errors) };
}

for (const [schema, file] of [
  ['site', 'public/content/site.json'],
  ['quizzes', 'public/content/quizzes.json'],
  ['guide', 'public/content/guide.json'],
  ['routes', 'public/content/routes.geojson'],
  ['routes', 'public/content/background.geojson'],
  ['routes', '../shared/samples/name-only-routes.geojson'],
]) {
  test(`${file} follows schemas/${schema}.schema.json`, () => {
    const { ok, errors } = check(schema, read(file));
    assert.ok(ok, errors);
  });
}

test('schemas/routes.schema.json accepts map names as other tools write them, and no other keys', () => {
  const routes = read('public/content/routes.geojson');
  const props = routes.features[0].properties;
  for (const name of [{ 'zh-cn': '北岸', EN: 'North bank' }, { en: 'North bank' }, { zh: '北岸' }, '{"zh-CN": "北岸"}']) {
    props.name = name;
    const { ok, errors } = check('routes', routes);
    assert.ok(ok, `${JSON.stringify(name)}: ${errors}`);
  }
  props.name = { fr: 'Rive nord' };
  assert.equal(check('routes', routes).ok, false);
});

const broken = [
  ['site', 'an unknown key', (s) => { s.colour = 'blue'; }],
  ['site', 'a phone number with letters', (s) => { s.emergency.numbers[0].number = '12O'; }],
  ['site', 'an empty zh-CN', (s) => { s.title['zh-CN'] = ''; }],
  ['quizzes', 'an unknown question kind', (q) => { q.sets[0].questions[0].kind = 'slider'; }],
  ['quizzes', 'a single choice without its answer', (q) => {
    delete q.sets[0].questions.find((x) => x.kind === 'single').answer;
  }],
  ['quizzes', 'an answer past the last option', (q) => {
    const single = q.sets[0].questions.find((x) => x.kind === 'single');
    single.answer = single.options.length;
  }],
  ['quizzes', 'an unknown age band', (q) => { q.sets[0].questions[0].ages = ['toddlers']; }],
  ['quizzes', 'an unsourced drowning-prevention question', (q) => {
    q.sets.find((s) => s.id === 'drowning-prevention').questions[0].sources = [];
  }],
  ['guide', 'a step with no source', (g) => { g.sections[0].groups[0].steps[0].sources = []; }],
  ['guide', 'a section id that is not a slug', (g) => { g.sections[0].id = 'Rules For Children'; }],
  ['routes', 'swapped longitude and latitude', (r) => {
    r.features[0].geometry.coordinates = r.features[0].geometry.coordinates.map(([a, b]) => [b, a + 100]);
  }],
  ['routes', 'a colour by name', (r) => { r.features[0].properties.colour = 'green'; }],
];
const files = { site: 'public/content/site.json', quizzes: 'public/content/quizzes.json', guide: 'public/content/guide.json', routes: 'public/content/routes.geojson' };
for (const [schema, what, mutate] of broken) {
  test(`schemas/${schema}.schema.json rejects ${what}`, () => {
    const value = read(files[schema]);
    mutate(value);
    assert.equal(check(schema, value).ok, false);
  });
}
