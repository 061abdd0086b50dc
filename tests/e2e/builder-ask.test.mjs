// The builder asks what a file does not say (issue 21, "The builder shows what it
// understood … and lets the editor change each"; "In the builder: the same list [of pairs]
// to choose from"). (a) A made-up wide table pasted (Month,Exports,Imports,Balance): the
// problems name the builder's fields, not the command line's flags; the editor gives the
// two countries, the unit and the one source; "What I read" has a select per column fed by
// Rust (a column set to "Not used" leaves the preview); all of it kept on reload. (b) A
// made-up Comtrade download of twelve pairs dropped: the pairs in a select, largest trade
// first; the pair chosen is charted, and kept on reload. (c) One of several products: the
// products in a select, the one chosen charted alone. dist/builder.html under the
// strict CSP (builder-page.mjs); axe on the panel. The choices are in the undo too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';
import { axe, builderSession, drawn, paste, status } from './builder-page.mjs';

const { open } = builderSession(1024);
const SHOTS = process.env.TC_SHOTS; // a folder for the panel's screenshots, when asked

// Made-up figures (USD million): the balance agrees with the flows.
const WIDE = 'Month,Exports,Imports,Balance\n2024-01,120.5,80.25,40.25\n2024-02,130,90.5,39.5\n';

// The panel's facts, in order: [key, dt text, value or the select's chosen value].
const facts = (page) => page.$$eval('#read-facts > div', (rows) => rows.map((r) => {
  const select = r.querySelector('select');
  return [r.dataset.key, r.querySelector('dt').textContent, select ? select.value : r.querySelector('.read-value').textContent];
}));
// The preview's figures: `series period: value`, in reading order.
const figures = (page) => page.evaluate(() => document.getElementById('preview').tradeChart.items().map((i) => `${i.series} ${i.period}: ${i.value}`));
const legend = (page) => page.$$eval('#preview .tc-legend button', (b) => b.map((x) => x.textContent.trim()));
const columnSelect = (page, subject) => page.locator('#read-facts > div', { hasText: subject }).locator('select');

test('a wide table pasted: the builder asks for the countries, the unit and the source by its fields; a select per column; a column not used leaves the preview; kept on reload', async () => {
  const { ctx, page, errors } = await open();
  await paste(page, 'observations', WIDE);
  await status(page, /3 problems/);
  const problems = await page.$$eval('#errors li', (li) => li.map((l) => l.textContent));
  assert.deepEqual(problems, [
    'What the table does not say: a wide table does not name its countries: give both countries in the fields “Reporting country” and “Partner” (code and name), the reporting country first: its exports are first>second',
    'Unit: a wide table has no unit column, and no header names one: give the unit of its figures in the field “Unit” (USD million, EUR thousand, 억원)',
    'One source: a wide table has no sources column: give its one source in the fields “One source” (publisher, title, URL, date), or a sources table of one row',
  ]);
  // Each problem takes the editor to its field.
  await page.click('#errors li:nth-child(1) button');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'partner-a-code');
  await page.click('#errors li:nth-child(3) button');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'one-publisher');

  for (const [id, v] of [['partner-a-code', 'KR'], ['partner-a-name', 'South Korea'], ['partner-b-code', 'IT'], ['partner-b-name', 'Italy'],
    ['unit', 'USD million'], ['one-publisher', 'Made-up Statistics Office'], ['one-title', 'Invented monthly trade'],
    ['one-url', 'https://example.invalid/trade'], ['one-date', '2024-05']]) await page.fill(`#${id}`, v);
  await status(page, /No problems\. The chart shows 2 series\./);
  await drawn(page);
  const read = [
    ['format', 'Format', 'Comma-separated table'],
    ['first-line', 'First line', 'Month,Exports,Imports,Balance'],
    ['reporter', 'Reporting country', 'KR'],
    ['unit', 'Unit', 'USD million'],
    ['column', 'Column #1 Month', 'period (header says month)'],
    ['column', 'Column #2 Exports', '#2=KR>IT'],
    ['column', 'Column #3 Imports', '#3=IT>KR'],
    ['column', 'Column #4 Balance', '#4=balance'],
  ];
  assert.deepEqual(await facts(page), read);
  // At 1024 px each column's select is on its label's line, right of it (the Balance
  // select, whose row has a note too, went below its label on a line of its own).
  const placed = await page.$$eval('#read-facts > div[data-key=column]', (rows) => rows.filter((r) => r.querySelector('select')).map((r) => {
    const dt = r.querySelector('dt').getBoundingClientRect();
    const select = r.querySelector('select').getBoundingClientRect();
    return `${r.querySelector('dt').textContent}: ${select.top < dt.bottom && select.left >= dt.right ? 'beside its label' : 'below its label'}`;
  }));
  assert.deepEqual(placed, ['Column #2 Exports: beside its label', 'Column #3 Imports: beside its label', 'Column #4 Balance: beside its label']);
  assert.deepEqual(await columnSelect(page, '#3 Imports').evaluate((s) => [...s.options].map((o) => `${o.value} ${o.textContent}`)),
    ['#3=KR>IT Exports', '#3=IT>KR Imports', '#3=two-way Two-way', '#3=balance Balance', '#3=skip Not used']);
  assert.equal(await columnSelect(page, '#3 Imports').getAttribute('aria-label'), 'Column #3 Imports');
  assert.deepEqual(await figures(page), [
    'kr-it-monthly January 2024: $120.5 million',
    'kr-it-monthly February 2024: $130 million',
    'it-kr-monthly January 2024: $80.25 million',
    'it-kr-monthly February 2024: $90.5 million',
  ]);
  assert.deepEqual(await legend(page), ['Exports from South Korea to Italy', 'Exports from Italy to South Korea']);
  assert.deepEqual(await axe(page), [], 'the panel, its selects and the new fields pass axe');
  if (SHOTS) {
    await page.locator('#read').screenshot({ path: join(SHOTS, 'read-wide-1024.png') });
    await page.locator('#table-asks').screenshot({ path: join(SHOTS, 'asks-1024.png') });
  }

  // The imports column not used: one series left, the balance not checked (a warning).
  await columnSelect(page, '#3 Imports').selectOption('#3=skip');
  await status(page, /No problems\. The chart shows 1 series, with 1 warning\./);
  await page.waitForFunction(() => document.getElementById('preview').tradeChart.items().length === 2);
  assert.deepEqual(await figures(page), [
    'kr-it-monthly January 2024: $120.5 million',
    'kr-it-monthly February 2024: $130 million',
  ]);
  const chosen = read.map((f) => (f[1] === 'Column #3 Imports' ? [...f.slice(0, 2), '#3=skip'] : f));
  assert.deepEqual(await facts(page), chosen);

  // Kept across a reload: the fields, the column's choice, the chart.
  await page.reload();
  await page.waitForFunction(() => 'ready' in document.documentElement.dataset);
  await drawn(page);
  await page.waitForFunction(() => document.querySelectorAll('#read-facts select').length === 3);
  assert.deepEqual(await facts(page), chosen);
  assert.equal(await page.inputValue('#one-url'), 'https://example.invalid/trade');
  assert.deepEqual(await figures(page), [
    'kr-it-monthly January 2024: $120.5 million',
    'kr-it-monthly February 2024: $130 million',
  ]);

  // In the undo: another table of the same header pasted keeps the choice; imports chosen
  // for it; the paste undone brings back the table and the choice made for it.
  await page.$eval('#observations', (el) => el.dispatchEvent(new Event('paste')));
  await paste(page, 'observations', WIDE.replace('120.5,80.25,40.25', '100,80.25,19.75'));
  await page.waitForFunction(() => document.getElementById('preview').tradeChart.items()[0]?.value === '$100 million');
  assert.deepEqual(await facts(page), chosen);
  await columnSelect(page, '#3 Imports').selectOption('#3=IT>KR');
  await status(page, /No problems\. The chart shows 2 series\./);
  await page.click('#undo-paste');
  await status(page, /No problems\. The chart shows 1 series, with 1 warning\./);
  assert.deepEqual(await facts(page), chosen);
  assert.deepEqual(await figures(page), [
    'kr-it-monthly January 2024: $120.5 million',
    'kr-it-monthly February 2024: $130 million',
  ]);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a Comtrade download of several pairs dropped: the pairs to choose from, largest trade first; the pair chosen is charted and kept on reload', async () => {
  const { ctx, page, errors } = await open();
  const bytes = [...readFileSync(join(ROOT, 'tests/fixtures/comtrade/plus-many-pairs.csv'))];
  await page.evaluate((b) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(b)], 'plus-many-pairs.csv', { type: 'text/csv' }));
    document.getElementById('drop').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, bytes);
  await status(page, /1 problem\./);
  assert.equal(await page.evaluate(() => document.querySelector('input[name=kind]:checked').value), 'comtrade');
  assert.deepEqual(await page.$$eval('#errors li', (li) => li.map((l) => l.textContent)),
    ['Comtrade download, row 1, column 5 (pair) reporterISO: 12 pairs of countries in one download; a chart is one pair: choose it under “What I read”']);
  const pair = page.locator('#read-facts > div[data-key=pair] select');
  const options = await pair.evaluate((s) => [...s.options].map((o) => `${o.value}|${o.textContent}`));
  assert.equal(options.length, 13);
  assert.deepEqual(options.slice(0, 4), [
    '|Choose the pair to chart',
    'KOR,CHN|Rep. of Korea and China: US$450 billion',
    'KOR,USA|Rep. of Korea and USA: US$170 billion',
    'KOR,JPN|Rep. of Korea and Japan: US$150 billion',
  ]);
  assert.equal(await pair.inputValue(), '');
  assert.deepEqual(await axe(page), [], 'the pair select passes axe');
  if (SHOTS) await page.locator('#read').screenshot({ path: join(SHOTS, 'read-pairs-1024.png') });

  await pair.selectOption('KOR,JPN');
  await status(page, /No problems/);
  await drawn(page);
  const japan = await figures(page);
  // The fixture's four rows of the pair (made up), each reporter's own series.
  assert.deepEqual(japan, [
    'kor-jpn-annual-by-kor 2023: $30 billion',
    'jpn-kor-annual-by-kor 2023: $45 billion',
    'jpn-kor-annual-by-jpn 2023: $44 billion',
    'kor-jpn-annual-by-jpn 2023: $31 billion',
  ]);
  assert.equal(await pair.inputValue(), 'KOR,JPN');

  await page.reload();
  await page.waitForFunction(() => 'ready' in document.documentElement.dataset);
  await drawn(page);
  await page.waitForFunction(() => document.querySelector('#read-facts > div[data-key=pair] select')?.value === 'KOR,JPN');
  assert.deepEqual(await figures(page), japan);

  // Another download opened: its pair is chosen afresh (this one holds one); undone, the
  // first download comes back with its pair.
  const one = [...readFileSync(join(ROOT, 'tests/fixtures/comtrade/plus-annual.csv'))];
  await page.evaluate((b) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(b)], 'plus-annual.csv', { type: 'text/csv' }));
    document.getElementById('drop').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, one);
  await page.waitForFunction(() => !document.querySelector('#read-facts > div[data-key=pair]') && document.getElementById('preview').tradeChart.items().length > 0
    && !document.getElementById('preview').tradeChart.items()[0].series.startsWith('kor-jpn'));
  await page.click('#undo-paste');
  await page.waitForFunction(() => document.querySelector('#read-facts > div[data-key=pair] select')?.value === 'KOR,JPN');
  await page.waitForFunction((first) => document.getElementById('preview').tradeChart.items()[0]?.series === first, japan[0].split(' ')[0]);
  assert.deepEqual(await figures(page), japan);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a Comtrade download of several products: the products to choose from; one chosen is charted alone', async () => {
  const { ctx, page, errors } = await open();
  const bytes = [...readFileSync(join(ROOT, 'tests/fixtures/comtrade/plus-products.csv'))];
  await page.evaluate((b) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(b)], 'plus-products.csv', { type: 'text/csv' }));
    document.getElementById('drop').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, bytes);
  await status(page, /No problems/);
  await drawn(page);
  const product = page.locator('#read-facts > div[data-key=commodity] select');
  assert.deepEqual(await product.evaluate((s) => [...s.options].map((o) => `${o.value}|${o.textContent}`)), [
    '|Every product',
    'TOTAL|The total (TOTAL)',
    '85|85 Electrical machinery and equipment (made-up figures)',
    '84|84 Machinery (made-up figures)',
  ]);
  await product.selectOption('85');
  await page.waitForFunction(() => document.getElementById('preview').tradeChart.items().length === 3);
  // The fixture's rows of commodity 85 (made up): Korea's exports to Viet Nam in 2021
  // and 2022, its imports from Viet Nam in 2022.
  assert.deepEqual(await figures(page), [
    'kor-vnm-annual 2021: $21 billion',
    'kor-vnm-annual 2022: $23.5 billion',
    'vnm-kor-annual 2022: $15 billion',
  ]);
  assert.equal(await product.inputValue(), '85');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await ctx.close();
});
