// `trade-chart bundle`: the built command line makes one HTML file of a fixture table
// (the chart's standalone script inline, the dataset as JSON), copied alone to an empty
// folder and opened from disk (file://): the chart draws, and hovering a bar shows a
// figure of the input table. Needs `make build` (pkg/) and the CLI (cargo build or test).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { minify } from '../../scripts/frame-min.mjs';
import { ROOT, RESULTS, commandLine, launch, collectErrors, canvasStats, mounted } from './helpers.mjs';

const TABLE = join(ROOT, 'tests/fixtures/import/observations.tsv');

let browser, dir;
before(async () => {
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), 'trade-chart-bundle-'));
});
after(async () => { await browser?.close(); rmSync(dir, { recursive: true, force: true }); });

function bundle(args) {
  const r = spawnSync(commandLine(), ['bundle', TABLE, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr };
}

test('bundle: one file from a table opens from disk, draws, and a hover shows a figure of the table', async () => {
  const file = join(dir, 'story.html');
  const { code, stderr } = bundle(['--view', 'annual-flows', '--lang', 'en', '-o', file]);
  assert.equal(code, 0, stderr);
  const html = readFileSync(file, 'utf8');
  assert.ok(html.includes('<script type="application/json" id="trade-chart-data">'), 'dataset inline');
  assert.ok(!/<script[^>]*\bsrc=/.test(html), 'no external script');
  // The builder's markup (trade_chart_import::publish): the options as the element's attributes.
  assert.ok(html.includes('<div id="trade-chart" data-trade-chart data-tc-pictured data-loading="eager" data-view="annual-flows" data-lang="en"><style>'), 'the builder\'s markup');
  assert.ok(html.includes('</figure><script type="application/json" id="trade-chart-data">{'), 'the picture, then the data');

  const page = await browser.browser.newPage({ viewport: { width: 900, height: 900 } });
  const errors = collectErrors(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  await mounted(page, '#trade-chart');
  const r = await page.$eval('#trade-chart', (el) => ({
    state: el.querySelector('figure').dataset.state, view: el.tradeChart.view, lang: el.tradeChart.lang }));
  assert.deepEqual(r, { state: 'ready', view: 'annual-flows', lang: 'en' });
  assert.ok((await page.$eval('#trade-chart canvas', canvasStats)).colours >= 3, 'canvas blank');

  // The table's KR>JP 2019 figure, 28,420.5 USD million.
  const item = await page.$eval('#trade-chart', (el) =>
    el.tradeChart.items().find((it) => it.period === '2019' && /KR/.test(it.series) && /JP$/.test(it.series)) ||
    el.tradeChart.items()[0]);
  assert.ok(item, 'no items');
  const canvas = page.locator('#trade-chart canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + item.x + item.w / 2, box.y + item.y + item.h / 2);
  const text = await page.$eval('#trade-chart .tc-tooltip', (e) => (e.hidden ? null : e.textContent));
  assert.ok(text && /28[.,]42/.test(text), `tooltip: ${text} (item ${JSON.stringify(item)})`);
  await page.locator('#trade-chart figure').screenshot({ path: join(RESULTS, 'bundle.png') });
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:')), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('bundle: the frame\'s script in the <head> is frame-report.js minified, as committed (frame-report.min.js), without the file\'s comments', () => {
  // scripts/frame-min.mjs writes frame-report.min.js (committed: the CLI builds without
  // Node); the copy must be esbuild's minification of the file as it is now. The copy still
  // works: iframe.test.mjs frames the one-file page (its height reports, the parent's theme).
  const source = readFileSync(join(ROOT, 'www/embed/frame-report.js'), 'utf8');
  const committed = readFileSync(join(ROOT, 'www/embed/frame-report.min.js'), 'utf8');
  assert.equal(committed, minify(source), 'frame-report.min.js is not the minified frame-report.js: run `node scripts/frame-min.mjs`');
  const file = join(dir, 'frame.html');
  const { code, stderr } = bundle(['-o', file]);
  assert.equal(code, 0, stderr);
  const html = readFileSync(file, 'utf8');
  const head = html.slice(0, html.indexOf('</head>'));
  assert.ok(head.includes(`<script>\n${committed}</script>\n`), 'the minified copy in the <head>');
  assert.ok(source.includes('// The framed page') && !head.includes('framed page'));
  assert.ok(committed.length * 2 < source.length, `${committed.length} of ${source.length} bytes`);
});

test('bundle: a missing standalone script is a clear error, and nothing is written', () => {
  const file = join(dir, 'none.html');
  const { code, stderr } = bundle(['--script', join(dir, 'nope.js'), '-o', file]);
  assert.equal(code, 1);
  assert.match(stderr, /nope\.js: cannot read the standalone script.*\n.*make build/);
  assert.ok(!existsSync(file));
});
