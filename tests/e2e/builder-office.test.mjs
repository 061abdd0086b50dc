// The builder asks a long office table what the command line asks with --commodity and
// --flow (docs/DATA.md, "Long tables with words"): a statistics office's table of one
// country against the world by product with flows as words (ELSTAT's layout,
// tests/fixtures/office/en-flows.csv) and a customs query of several partners and
// products whose money column does not say imports or exports (China customs' layout,
// tests/fixtures/office/cn-customs-long.csv), each opened as a file. The problems name the
// builder's fields, never a flag, and list the table's partners with their codes; "What I
// read" offers the products largest first and, for the customs table, what its money
// column holds; the product chosen is charted alone, its figures the fixture's (checked
// in the tooltip too), and the choices are kept on reload. With $TRADE_CHART_REAL_FILES,
// the same for ELSTAT's real file (REAL-FILES.md; skipped without). The figures are made
// up (tests/fixtures/office/README.md). dist/builder.html under the strict CSP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';
import { axe, builderSession, drawn, status } from './builder-page.mjs';

const { open } = builderSession(1280);
const SHOTS = process.env.TC_SHOTS; // a folder for screenshots, when asked
const OFFICE = join(ROOT, 'tests/fixtures/office');

// The panel's facts: [key, dt text, value or the select's chosen value].
const facts = (page) => page.$$eval('#read-facts > div', (rows) => rows.map((r) => {
  const select = r.querySelector('select');
  return [r.dataset.key, r.querySelector('dt').textContent, select ? select.value : r.querySelector('.read-value').textContent];
}));
const select = (page, key) => page.locator(`#read-facts > div[data-key=${key}] select`);
const options = (page, key) => select(page, key).evaluate((s) => [...s.options].map((o) => `${o.value} | ${o.textContent}`));
const problems = (page) => page.$$eval('#errors li', (li) => li.map((l) => l.textContent));
// The problem that says `re`, once `count` problems are listed (the answer to the last edit:
// earlier ones listed more; every question still open is asked at once).
async function problem(page, re, count = 1) {
  await page.waitForFunction(([s, n]) => { const li = [...document.querySelectorAll('#errors li')]; return li.length === n && li.some((l) => new RegExp(s).test(l.textContent)); }, [re.source, count], { timeout: 30_000 })
    .catch(async (e) => { throw new Error(`${e.message}; the problems: ${(await problems(page)).join(' / ')}`); });
  return (await problems(page)).find((p) => re.test(p));
}
const items = (page) => page.evaluate(() => document.getElementById('preview').tradeChart.items().map(({ series, period, value }) => ({ series, period, value })));
// A figure as the chart shows it (`€7.452 billion`, `$1.235 million`, `€200,002`) as a number.
function amount(shown) {
  const m = shown.replace(/,/g, '').match(/([0-9.]+)\s*(billion|million|thousand)?/);
  assert.ok(m, `a figure: ${shown}`);
  return Number(m[1]) * ({ billion: 1e9, million: 1e6, thousand: 1e3 }[m[2]] || 1);
}
// Whether the chart's `shown` is the table's `cell` (`1,234,567`) within the chart's rounding
// (four significant digits).
const agrees = (shown, cell) => {
  const v = Number(cell.replace(/,/g, ''));
  return Math.abs(amount(shown) - v) <= 5e-4 * Math.abs(v);
};

// The fixture's rows as records (quoted CSV, a trailing comma allowed, blank lines out).
function rows(path) {
  const lines = readFileSync(path, 'utf8').replace(/^\ufeff/, '').split(/\r?\n/).filter((l) => l.replace(/,/g, '').trim());
  const cells = (l) => [...l.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].map((m) => (m[2] !== undefined ? m[2] : m[1]).trim()).slice(0, -1);
  const [head, ...rest] = lines.map(cells);
  return rest.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}
// Hovers the figure `item` and returns the tooltip's text.
async function tip(page, item) {
  const box = await page.$eval('#preview canvas', (c) => { c.scrollIntoView({ block: 'center' }); const b = c.getBoundingClientRect(); return { x: b.x, y: b.y }; });
  await page.mouse.move(box.x + item.x + item.w / 2, box.y + item.y + item.h / 2);
  await page.waitForFunction(() => !document.querySelector('#preview .tc-tooltip').hidden);
  return page.textContent('#preview .tc-tooltip');
}
async function fill(page, fields) {
  for (const [id, v] of Object.entries(fields)) await page.fill(`#${id}`, v);
}
const source = (publisher) => ({ 'one-publisher': publisher, 'one-title': 'Made-up trade by product', 'one-url': 'https://example.invalid/trade', 'one-date': '2024-05-01' });

// An office table of flows as words against the world: the product asked, chosen, charted.
async function flowsAsWords(file, { product, name, count }) {
  const { ctx, page, errors } = await open();
  await page.setInputFiles('#file', file);
  await fill(page, { 'partner-a-code': 'GR', 'partner-a-name': 'Greece', 'partner-b-code': 'WLD', 'partner-b-name': 'World', ...source('Made-up Statistics Office') });
  const asked = await problem(page, new RegExp(`the table holds ${count} products, and a chart is one product's figures \\(rows are never summed\\): choose it as “Product” under “What I read”\\. In the table, largest first: `));
  assert.ok(!asked.includes('--'), `no command-line flag: ${asked}`);
  const offered = await options(page, 'product');
  assert.equal(offered.length, count + 1);
  assert.equal(offered[0], ' | Choose the product to chart');
  assert.ok(offered.includes(`${product} | ${product} ${name}`), offered.join('\n'));
  if (SHOTS) {
    await page.locator('#read').screenshot({ path: join(SHOTS, 'office-product-1280.png') });
    await page.setViewportSize({ width: 375, height: 900 });
    await page.locator('#read').screenshot({ path: join(SHOTS, 'office-product-375.png') });
    await page.setViewportSize({ width: 1280, height: 1000 });
  }
  await select(page, 'product').selectOption(product);
  await status(page, /No problems/);
  await drawn(page);
  // the chart: the product's imports and exports, each period's figure the table's
  const want = rows(file).filter((r) => r.SITC_1 === product);
  const drawnItems = await items(page);
  assert.equal(drawnItems.length, want.length, JSON.stringify(drawnItems));
  for (const r of want) {
    const cell = r['VALUE IN EURO'];
    // imports: the world's exports to Greece; exports: Greece's to the world
    const series = r.FLOW === 'IMPORTS' ? 'wld-gr-annual' : 'gr-wld-annual';
    const at = drawnItems.find((i) => i.series === series && i.period === r.YEAR.replace(/\(.*\)$/, ''));
    assert.ok(at && agrees(at.value, cell), `${r.YEAR} ${r.FLOW} ${cell}: ${JSON.stringify(at)}`);
  }
  const first = (await page.evaluate(() => document.getElementById('preview').tradeChart.items()[0]));
  const text = await tip(page, first);
  assert.ok(text.includes(first.value) && text.includes('Made-up Statistics Office'), text);
  const chosen = await facts(page);
  assert.deepEqual(chosen.find((f) => f[0] === 'product'), ['product', 'Product', product]);
  assert.deepEqual(await axe(page), []);
  // kept across a reload: the product chosen, the same figures
  await page.reload();
  await page.waitForFunction(() => 'ready' in document.documentElement.dataset);
  await drawn(page);
  await page.waitForFunction(() => document.querySelector('#read-facts div[data-key=product] select'));
  assert.equal(await select(page, 'product').inputValue(), product);
  assert.deepEqual(await items(page), drawnItems);
  assert.deepEqual(errors, []);
  await ctx.close();
}

test('an office table by product with flows as words (ELSTAT\'s layout): the product asked as a field, largest first; the one chosen charted with the table\'s figures; kept on reload', async () => {
  await flowsAsWords(join(OFFICE, 'en-flows.csv'), { product: '1', name: 'Beverages and tobacco', count: 2 });
});

const REAL = process.env.TRADE_CHART_REAL_FILES;
test('ELSTAT\'s real table (gr-elstat-sitc-eur.csv): product 3 asked, chosen, charted with its figures', { skip: !(REAL && existsSync(join(REAL, 'gr-elstat-sitc-eur.csv'))) && 'skipped: $TRADE_CHART_REAL_FILES has no gr-elstat-sitc-eur.csv' }, async () => {
  await flowsAsWords(join(REAL, 'gr-elstat-sitc-eur.csv'), { product: '3', name: 'Mineral fuels, lubricants and related materials', count: 10 });
});

test('a customs query of several partners and products (China customs\' layout): the partners listed with their codes, the product and the flow asked as fields; charted with the table\'s figures; kept on reload', async () => {
  const file = join(OFFICE, 'cn-customs-long.csv');
  const { ctx, page, errors } = await open();
  await page.setInputFiles('#file', file);
  await fill(page, source('Made-up Customs'));
  const partners = await problem(page, /the table holds 2 partners/, 3); // the partners, the product, the flow
  assert.match(partners, /the table holds 2 partners: give both countries in the fields “Reporting country” and “Partner” .*In the table, largest first: 601 澳大利亚 \(4 rows\); 133 韩国 \(2 rows\)$/);
  assert.ok(!partners.includes('--'), partners);
  assert.deepEqual((await facts(page)).find((f) => f[0] === 'partners'), ['partners', 'Partners in the table', '601 澳大利亚; 133 韩国']);

  await fill(page, { 'partner-a-code': 'CN', 'partner-a-name': 'China', 'partner-b-code': '601', 'partner-b-name': 'Australia' });
  const product = await problem(page, /products/, 2); // the product, the flow
  assert.match(product, /the table holds 2 products.*: choose it as “Product” under “What I read”\. In the table, largest first: 26011100 未烧结铁矿砂 \(3 rows\); 26011200 已烧结铁矿砂 \(1 row\)$/);
  assert.deepEqual(await options(page, 'product'), [' | Choose the product to chart', '26011100 | 26011100 未烧结铁矿砂', '26011200 | 26011200 已烧结铁矿砂']);
  await select(page, 'product').selectOption('26011100');

  // the money column does not say imports or exports: asked of its column
  const flow = await problem(page, /imports or exports/);
  assert.match(flow, /"美元" holds imports or exports.*: choose what each column holds under “What I read”$/);
  assert.ok(!flow.includes('--'), flow);
  assert.deepEqual(await options(page, 'column'), [' | Choose what it holds', '#10=CN>601 | Exports', '#10=601>CN | Imports']);
  if (SHOTS) {
    await page.locator('#read').screenshot({ path: join(SHOTS, 'office-flow-1280.png') });
    await page.setViewportSize({ width: 375, height: 900 });
    await page.locator('#read').screenshot({ path: join(SHOTS, 'office-flow-375.png') });
    await page.setViewportSize({ width: 1280, height: 1000 });
  }
  await select(page, 'column').selectOption('#10=601>CN');
  await status(page, /No problems\. The chart shows 1 series/);
  await drawn(page);
  const want = rows(file).filter((r) => r['贸易伙伴编码'] === '601' && r['商品编码'] === '26011100');
  const drawnItems = await items(page);
  assert.equal(drawnItems.length, want.length, JSON.stringify(drawnItems));
  for (const [i, r] of want.entries()) {
    assert.equal(drawnItems[i].series, '601-cn-monthly', 'China\'s imports from Australia');
    assert.ok(agrees(drawnItems[i].value, r['美元']), `${r['数据年月']}: ${drawnItems[i].value} against ${r['美元']}`);
  }
  const first = await page.evaluate(() => document.getElementById('preview').tradeChart.items()[0]);
  const text = await tip(page, first);
  assert.ok(text.includes(first.value) && text.includes('Made-up Customs'), text);
  assert.deepEqual(await axe(page), []);

  await page.reload();
  await page.waitForFunction(() => 'ready' in document.documentElement.dataset);
  await drawn(page);
  await page.waitForFunction(() => document.querySelector('#read-facts div[data-key=product] select'));
  assert.equal(await select(page, 'product').inputValue(), '26011100');
  assert.deepEqual(await items(page), drawnItems);
  assert.deepEqual(errors, []);
  await ctx.close();
});
