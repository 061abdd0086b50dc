// Issue 14: the reader's core wasm and the full module. A page with the story chart
// fetches only the core before its first frame; the first export fetches the full module
// once and exports what the reader sees (view, hidden series, language); a full module that
// cannot be fetched is a clear error in the widget and the chart keeps working; the
// standalone script from file:// opens the table and exports (its inline wasm is the full one).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, RESULTS, startServer, launch, collectErrors, mounted } from './helpers.mjs';

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); });

const wasmName = (u) => new URL(u).pathname.split('/').pop();

// A served page of dist/ in a fresh context, every request's file name in order.
async function openPage(path, { block } = {}) {
  const ctx = await browser.browser.newContext({ viewport: { width: 1000, height: 1000 }, acceptDownloads: true });
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  const requests = [];
  page.on('request', (r) => requests.push(wasmName(r.url())));
  if (block) await page.route(block, (route) => route.abort());
  await page.goto(server.url + path);
  return { ctx, page, errors, requests };
}

// The CSV a download gives, read in the page (a Blob, its BOM dropped).
const csvOf = (page, get) => page.evaluate(async (src) => {
  const chart = (0, eval)(src)();
  const blob = await chart.downloadCsv();
  return (await blob.text()).replace(/^\uFEFF/, '');
}, `() => (${get})`);

test('ES module: only the core wasm before the first frame; the first export fetches the full module once, exporting what the reader sees', async () => {
  const { ctx, page, errors, requests } = await openPage('esm.html');
  try {
    // window.chart is the <div id="chart"> (named access) until create() resolves
    await page.waitForFunction(() => window.chart && typeof window.chart.downloadCsv === 'function', null, { timeout: 30_000 });
    const loaded = requests.filter((f) => /\.wasm$|^trade_chart.*\.js$/.test(f));
    assert.deepEqual(loaded, ['trade_chart.js', 'trade_chart_bg.wasm'], 'before any export: the core only');
    // The table and the claims are the core's: no fetch.
    const table = await page.evaluate(() => { window.chart.showData(); return window.chart.table(); });
    assert.ok(table.rows.length > 3);
    assert.equal(requests.filter((f) => f.includes('full')).length, 0, 'the table fetched the full module');
    // The table's values are the hover's.
    const pairs = await page.evaluate(() => {
      const c = window.chart, f = document.querySelector('#chart figure'), r = f.querySelector('canvas').getBoundingClientRect();
      return c.items().filter((it) => !it.id.startsWith('claim:')).map((it) => {
        f.querySelector('.tc-plot').dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + it.x + it.w / 2, clientY: r.top + it.y + it.h / 2, bubbles: true }));
        return [it.label, f.querySelector('.tc-tooltip').hidden ? null : f.querySelector('.tc-tt-value').textContent];
      });
    });
    const cells = new Set(table.rows.flat());
    assert.ok(pairs.length > 3);
    for (const [label, value] of pairs) assert.ok(value && cells.has(value), `${label}: hover says ${value}, not in the table`);

    // Reader changes, then an export: the full module's copy restores them.
    await page.evaluate(() => { window.chart.setView('balance'); window.chart.toggleSeries(document.querySelector('#chart .tc-legend button').dataset.series); });
    const hidden = await page.$eval('#chart .tc-legend button', (b) => [b.dataset.series, b.getAttribute('aria-pressed')]);
    assert.equal(hidden[1], 'false');
    const csv = await csvOf(page, 'window.chart');
    const lines = csv.trim().split('\n');
    const head = lines[0].split(','), col = head.indexOf('series_id');
    assert.ok(col >= 0, lines[0]);
    const series = new Set(lines.slice(1).map((l) => l.split(',')[col]));
    assert.ok(series.size >= 1 && !series.has(hidden[0]), `the hidden series ${hidden[0]} is in the CSV: ${[...series]}`);
    await page.evaluate(() => window.chart.setLang('ko'));
    const svg = await page.evaluate(async () => (await window.chart.downloadSvg()).text());
    const title = await page.$eval('#chart .tc-title', (e) => e.textContent);
    assert.match(title, /[\uac00-\ud7a3]/, 'the title is Korean');
    assert.ok(svg.includes(title.replace(/&/g, '&amp;')), 'the SVG has the Korean title the page shows');
    await page.evaluate(async () => { await window.chart.downloadPng(); await window.chart.downloadCsv(); });
    assert.deepEqual(requests.filter((f) => f.includes('full')), ['trade_chart_full.js', 'trade_chart_full_bg.wasm'], 'the full module, once');
    assert.equal(await page.$eval('#chart .tc-download', (g) => g.getAttribute('aria-busy')), 'false');
    assert.deepEqual(errors, []);
  } finally { await ctx.close(); }
});

test('trade-chart.js: the core wasm next to it before the first frame, the full module next to it on the first export', async () => {
  const { ctx, page, errors, requests } = await openPage('index.html');
  try {
    // index.html uses the standalone script: the same page with trade-chart.js instead
    await page.route('**/pkg/trade-chart.standalone.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(join(ROOT, 'dist/pkg/trade-chart.js')) }));
    requests.length = 0;
    await page.reload();
    await mounted(page, '[data-trade-chart]');
    assert.deepEqual(requests.filter((f) => f.endsWith('.wasm')), ['trade_chart_bg.wasm']);
    const csv = await csvOf(page, "document.querySelector('[data-trade-chart]').tradeChart");
    assert.match(csv, /^period,/);
    assert.deepEqual(requests.filter((f) => f.endsWith('.wasm')), ['trade_chart_bg.wasm', 'trade_chart_full_bg.wasm']);
    assert.deepEqual(errors, []);
  } finally { await ctx.close(); }
});

test('the full module failing to load: a clear error in the widget (full-failed), the chart keeps working, and the next export tries again', async () => {
  const { ctx, page, requests } = await openPage('esm.html', { block: '**/trade_chart_full*' });
  try {
    // window.chart is the <div id="chart"> (named access) until create() resolves
    await page.waitForFunction(() => window.chart && typeof window.chart.downloadCsv === 'function', null, { timeout: 30_000 });
    const r = await page.evaluate(async () => {
      try { await window.chart.downloadCsv(); return { ok: true }; } catch (e) { return { code: e.code, message: e.message }; }
    });
    assert.equal(r.code, 'full-failed', JSON.stringify(r));
    const shown = await page.$eval('#chart', (el) => ({ text: el.querySelector('.tc-error').textContent, hidden: el.querySelector('.tc-error').hidden }));
    assert.equal(shown.hidden, false);
    assert.match(shown.text, /^trade-chart: the downloads could not be loaded \(.+\); try again$/);
    // the same by the button: a rejection shown in the widget, no unhandled error
    await page.click('#chart .tc-download button[data-format=svg]');
    await page.waitForFunction(() => document.querySelector('#chart .tc-download').getAttribute('aria-busy') === 'false');
    // the chart still hovers, switches view and opens its table
    const alive = await page.evaluate(() => {
      const c = window.chart, f = document.querySelector('#chart figure'), r = f.querySelector('canvas').getBoundingClientRect();
      c.setView('monthly');
      const it = c.items().find((i) => !i.id.startsWith('claim:'));
      f.querySelector('.tc-plot').dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + it.x + it.w / 2, clientY: r.top + it.y + it.h / 2, bubbles: true }));
      c.showData();
      return { view: c.view, tooltip: !f.querySelector('.tc-tooltip').hidden, rows: c.table().rows.length, state: f.dataset.state, error: f.querySelector('.tc-error').hidden };
    });
    assert.deepEqual(alive, { view: 'monthly', tooltip: true, rows: alive.rows, state: 'ready', error: true });
    assert.ok(alive.rows > 3);
    await page.screenshot({ path: join(RESULTS, 'split-full-failed.png') });
    // the network comes back: the next export loads it
    await page.unroute('**/trade_chart_full*');
    const csv = await csvOf(page, 'window.chart');
    assert.match(csv, /^period,/);
    assert.ok(requests.filter((f) => f === 'trade_chart_full_bg.wasm').length >= 1);
  } finally { await ctx.close(); }
});

test('the standalone script from file:// opens the table and exports (the full module inline, inflated on first use)', async () => {
  const ctx = await browser.browser.newContext({ viewport: { width: 1000, height: 1200 }, acceptDownloads: true });
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  try {
    await page.goto(pathToFileURL(join(ROOT, 'dist/index.html')).href);
    await mounted(page, '[data-trade-chart]');
    await page.click('[data-trade-chart] .tc-show-data');
    const t = await page.$eval('[data-trade-chart]', (el) => ({ open: !el.querySelector('.tc-data').hidden, rows: el.querySelectorAll('.tc-data tbody tr').length }));
    assert.equal(t.open, true);
    assert.ok(t.rows >= 2, `${t.rows} rows`);
    await page.locator('[data-trade-chart] figure').screenshot({ path: join(RESULTS, 'split-table-file.png') });
    const csv = await csvOf(page, "document.querySelector('[data-trade-chart]').tradeChart");
    assert.match(csv, /^period,/);
    assert.deepEqual(requests.filter((u) => u.endsWith('.wasm')), [], 'from disk nothing is fetched: the wasm is inline');
    assert.deepEqual(errors, []);
  } finally { await ctx.close(); }
});

test('a chart of columns is made in the full module (the core has no columns charts); its failure to load rejects create() with full-failed', async () => {
  for (const block of [undefined, '**/trade_chart_full*']) {
    const { ctx, page, requests } = await openPage('esm.html', { block });
    try {
      // window.chart is the <div id="chart"> (named access) until create() resolves
      await page.waitForFunction(() => window.chart && typeof window.chart.downloadCsv === 'function', null, { timeout: 30_000 });
      const r = await page.evaluate(async () => {
        const { create } = await import('./pkg/index.js');
        const el = document.body.appendChild(document.createElement('div'));
        el.style.width = '600px';
        try {
          const c = await create(el, { title: 'Columns', columns: { x: [1, 2, 3], series: [{ id: 'a', label: 'A', values: [1, 4, 2] }] } });
          return { ok: true, items: c.items().length, csv: (await (await c.downloadCsv()).text()).split('\n')[0] };
        } catch (e) {
          return { code: e.code, message: e.message, shown: el.querySelector('.tc-error').textContent };
        }
      });
      if (!block) {
        assert.equal(r.ok, true, JSON.stringify(r));
        assert.match(r.csv, /x/);
        assert.deepEqual(requests.filter((f) => f.endsWith('.wasm')), ['trade_chart_bg.wasm', 'trade_chart_full_bg.wasm']);
      } else {
        assert.equal(r.code, 'full-failed', JSON.stringify(r));
        assert.match(r.shown, /^trade-chart: the chart could not be loaded/);
        // the story chart on the page is unharmed
        assert.equal(await page.evaluate(() => { window.chart.setView('collapse'); return window.chart.view; }), 'collapse');
      }
    } finally { await ctx.close(); }
  }
});
