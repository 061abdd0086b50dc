// The builder's imports in the browser (issue 10, "In the browser"): pkg/import.js reads the
// tables, Comtrade downloads and dataset JSON with the command line's Rust code, in its own
// wasm (pkg/trade_chart_import_bg.wasm), which the reader's pages never load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, collectErrors, launch, mounted, startServer } from './helpers.mjs';

const fixture = (p) => readFileSync(join(ROOT, 'tests/fixtures', p), 'utf8');
const OBS = fixture('import/observations.tsv');
const SRC = fixture('import/sources.tsv');
const NAMES = { observationsFile: 'observations.tsv', sourcesFile: 'sources.tsv' };
const PARTNERS = [{ code: 'KR', name: 'South Korea' }, { code: 'JP', name: 'Japan' }];

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

// A blank page at the server's root (so ./pkg/… resolves), every request's path recorded.
async function blank() {
  const ctx = await browser.browser.newContext({ viewport: { width: 900, height: 900 } });
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.route(`${server.url}blank.html`, (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' },
    body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><div id="chart" style="width:800px"></div></body></html>' }));
  await page.goto(`${server.url}blank.html`);
  return { page, errors, requests, close: () => ctx.close() };
}

test('the fixture tables pasted in the browser become the dataset the command line writes; create() charts it and hover shows a pasted value', async () => {
  const { page, errors, requests, close } = await blank();
  // A value of its own, to find under the pointer: KR>JP 2019, 28,420.5 → 12,345.6 (USD million).
  const obs = OBS.replace('\tKR>JP\t2019\t28,420.5\t', '\tKR>JP\t2019\t12,345.6\t');
  assert.notEqual(obs, OBS);
  const r = await page.evaluate(async ({ OBS, obs, SRC, NAMES, PARTNERS }) => {
    const { importTables } = await import('./pkg/import.js');
    const golden = await importTables(OBS, SRC, { ...NAMES, partners: PARTNERS });
    const result = await importTables(obs, SRC, { ...NAMES, partners: PARTNERS, title: 'Pasted' });
    const { create } = await import('./pkg/index.js');
    const chart = await create(document.getElementById('chart'), { data: result.dataset, view: 'annual-flows' });
    window.chart = chart;
    return { golden, result, title: JSON.parse(result.dataset).title, views: chart.views.map((v) => v.id),
      items: chart.items().filter((i) => i.series === 'kr-jp-annual' && i.period === '2019') };
  }, { OBS, obs, SRC, NAMES, PARTNERS });
  assert.deepEqual(r.golden.errors, []);
  assert.equal(r.golden.dataset, fixture('import/kr-jp.json'), 'the same conversion as tests/import.rs and `trade-chart convert`');
  assert.deepEqual(r.result.errors, []);
  assert.equal(typeof r.result.gaps, 'number');
  assert.equal(r.title, 'Pasted');
  assert.ok(r.views.includes('annual-flows'), r.views.join());
  assert.equal(r.items.length, 1, JSON.stringify(r.items));
  const item = r.items[0];
  assert.match(item.value, /12[.,]3|12,345/, item.value);
  const box = await page.$eval('#chart canvas', (c) => { const b = c.getBoundingClientRect(); return { x: b.x, y: b.y }; });
  await page.mouse.move(box.x + item.x + item.w / 2, box.y + item.y + item.h / 2);
  const tip = await page.$eval('#chart .tc-tooltip', (t) => ({ hidden: t.hidden, text: t.textContent }));
  assert.equal(tip.hidden, false);
  assert.ok(tip.text.includes(item.value), `${tip.text} has ${item.value}`);
  // one import wasm, fetched once for both imports; the reader's wasm for the chart
  assert.equal(requests.filter((p) => p.endsWith('/trade_chart_import_bg.wasm')).length, 1, requests.join('\n'));
  assert.equal(requests.filter((p) => p.endsWith('/trade_chart_bg.wasm')).length, 1, requests.join('\n'));
  assert.deepEqual(errors, []);
  await close();
});

test('a text table given to importTables puts its Korean and Chinese texts in the dataset; its errors name the text file', async () => {
  const { page, errors, close } = await blank();
  const TEXT = fixture('import/text.tsv');
  const r = await page.evaluate(async ({ OBS, SRC, TEXT, NAMES, PARTNERS }) => {
    const { importTables } = await import('./pkg/import.js');
    const options = { ...NAMES, partners: PARTNERS, textFile: 'text.tsv' };
    const ok = await importTables(OBS, SRC, TEXT, options);
    const bad = await importTables(OBS, SRC, 'key\ten\ntitel\tx\n', options);
    const none = await importTables(OBS, SRC, null, { ...NAMES, partners: PARTNERS });
    return { ok, bad, none };
  }, { OBS, SRC, TEXT, NAMES, PARTNERS });
  assert.deepEqual(r.ok.errors, []);
  const d = JSON.parse(r.ok.dataset);
  assert.deepEqual(d.title, { en: 'South Korea–Japan trade (made-up figures)', ko: '한일 교역 (가상 수치)', zh: '韩日贸易（虚构数据）' });
  assert.equal(r.bad.dataset, null);
  const e = r.bad.errors[0];
  assert.deepEqual({ code: e.code, file: e.file, row: e.row, column: e.column, field: e.field },
    { code: 'unknown-field', file: 'text.tsv', row: 2, column: 1, field: 'key' });
  assert.equal(r.none.dataset, fixture('import/kr-jp.json'), 'no text table: the same dataset as before');
  assert.deepEqual(errors, []);
  await close();
});

test('a bad cell is an error with its file, row, column and field, and no dataset; bad options reject naming the option', async () => {
  const { page, errors, close } = await blank();
  // row 3 (the header is row 1) of the value column (4th)
  const obs = OBS.replace('\tKR>JP\t2020\t25,097.8\t', '\tKR>JP\t2020\t25,O97.8\t');
  assert.notEqual(obs, OBS);
  const r = await page.evaluate(async ({ obs, SRC, NAMES }) => {
    const m = await import('./pkg/import.js');
    const result = await m.importTables(obs, SRC, NAMES);
    const unknownSource = await m.importTables(obs.replace('25,O97.8\tUSD million\tCustoms\t\tdemo-stats', '25,097.8\tUSD million\tCustoms\t\tnowhere'), SRC, NAMES);
    const rejected = await Promise.all([
      m.importTables(obs, SRC, { decimal: ';' }), m.importTables(obs, SRC, { accessed: '2024-01-01' }),
      m.importTables(obs, SRC, { bogus: 1 }), m.importTables(null, SRC), m.importComtrade('x', { accessed: 'yesterday' }),
    ].map((p) => p.then(() => null, (e) => ({ code: e.code, message: e.message }))));
    const syntax = await m.checkDataset('{\n  "schema": 1,\n  "title": }', { file: 'story.json' });
    const shape = await m.checkDataset('{"schema": 1}');
    // still usable after all that
    const again = await m.importTables(obs.replace('25,O97.8', '25,097.8'), SRC, NAMES);
    return { result, unknownSource, rejected, syntax, shape, again };
  }, { obs, SRC, NAMES });
  assert.equal(r.result.dataset, null);
  assert.equal(r.result.errors.length, 1, JSON.stringify(r.result.errors));
  const e = r.result.errors[0];
  assert.deepEqual({ code: e.code, file: e.file, row: e.row, column: e.column, field: e.field },
    { code: 'invalid-value', file: 'observations.tsv', row: 3, column: 4, field: 'value' });
  assert.match(e.message, /expected a number[^]*"25,O97\.8"/);
  assert.ok(e.text.startsWith('observations.tsv:3:4: value: '), e.text);
  // an error validation finds later still points at its cell
  assert.equal(r.unknownSource.dataset, null);
  assert.ok(r.unknownSource.errors.some((x) => x.file === 'observations.tsv' && x.row === 3 && /nowhere/.test(x.message)), JSON.stringify(r.unknownSource.errors));
  assert.deepEqual(r.rejected.map((x) => x && x.code), ['invalid-value', 'unknown-field', 'unknown-field', 'invalid-type', 'invalid-value']);
  assert.match(r.rejected[0].message, /^options\.decimal: /);
  assert.match(r.rejected[1].message, /^options\.accessed: not an option of this import/);
  assert.match(r.rejected[2].message, /^options\.bogus: unknown option; expected one of decimal, unit, partners/);
  assert.match(r.rejected[4].message, /^options\.accessed: expected a date YYYY-MM-DD/);
  assert.equal(r.syntax.dataset, null);
  assert.deepEqual({ code: r.syntax.errors[0].code, file: r.syntax.errors[0].file, row: r.syntax.errors[0].row },
    { code: 'json-syntax', file: 'story.json', row: 3 });
  assert.equal(typeof r.syntax.errors[0].column, 'number');
  assert.equal(r.shape.dataset, null);
  assert.ok(r.shape.errors.length >= 1 && r.shape.errors[0].file === 'dataset', JSON.stringify(r.shape.errors));
  assert.deepEqual(r.again.errors, []);
  assert.deepEqual(errors, []);
  await close();
});

test('a Comtrade download, as text or as Windows-1252 bytes, becomes a dataset create() draws; a dataset JSON checks clean', async () => {
  const { page, errors, close } = await blank();
  const annual = fixture('comtrade/plus-annual.csv');
  const latin1 = [...readFileSync(join(ROOT, 'tests/fixtures/comtrade/legacy-latin1.csv'))];
  const kpcn = readFileSync(join(ROOT, 'data/kp-cn.json'), 'utf8');
  const r = await page.evaluate(async ({ annual, latin1, kpcn }) => {
    const m = await import('./pkg/import.js');
    const text = await m.importComtrade(annual, { accessed: '2024-05-01', file: 'plus-annual.csv' });
    const bytes = await m.importComtrade(new Uint8Array(latin1), { file: 'legacy-latin1.csv' });
    const checked = await m.checkDataset(kpcn);
    const { create } = await import('./pkg/index.js');
    const chart = await create(document.getElementById('chart'), { data: text.dataset });
    return { text, bytes, checked, items: chart.items().length };
  }, { annual, latin1, kpcn });
  assert.deepEqual(r.text.errors, []);
  assert.ok(r.text.dataset.includes('"2024-05-01"'), 'the accessed date is the source\'s');
  assert.ok(r.items > 0);
  assert.deepEqual(r.bytes.errors, []);
  assert.ok(r.bytes.warnings.some((w) => /1252|UTF-8/i.test(w.message)), JSON.stringify(r.bytes.warnings));
  assert.deepEqual(r.checked.errors, []);
  assert.equal(JSON.parse(r.checked.dataset).id, JSON.parse(kpcn).id);
  assert.deepEqual(errors, []);
  await close();
});

test('the reader\'s pages (pkg/index.js, the standalone script) never request the import wasm or its glue', async () => {
  for (const path of ['esm.html', 'index.html']) {
    const ctx = await browser.browser.newContext({ viewport: { width: 1000, height: 1000 } });
    const page = await ctx.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(server.url + path);
    await mounted(page, path === 'esm.html' ? '#chart' : '[data-trade-chart]');
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    assert.ok(requests.length > 0);
    assert.deepEqual(requests.filter((p) => /import/.test(p)), [], `${path}: ${requests.join(', ')}`);
    await ctx.close();
  }
});
