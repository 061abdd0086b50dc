// The builder reads a file in the encoding it was written in (issue 21, "Encodings"): a
// made-up CP949 table and its sources (tests/fixtures/import/cp949/) dropped on the page
// are decoded by the browser's TextDecoder in the encoding Rust chose (the command line's
// detector); "What I read" says so, with the first line; choosing another encoding there
// re-reads the file (the first line and the preview follow), and the choice is kept
// across a reload. dist/builder.html under the strict CSP (builder-page.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';
import { axe, builderSession, drawn, status } from './builder-page.mjs';

const { open } = builderSession(1200);
const bytes = (name) => [...readFileSync(join(ROOT, 'tests/fixtures/import/cp949', name))];
// The real files (docs/REAL-FILES.md), as the Rust tests find them (tests/support/real.rs):
// $TRADE_CHART_REAL_FILES, else ../shared/real beside the repository; none, the test skips.
const REAL = [process.env.TRADE_CHART_REAL_FILES, join(ROOT, '../shared/real')].find((d) => d && existsSync(d));

// Drops files ({ name, bytes }) on the page, as an editor does.
const drop = (page, files) => page.evaluate((list) => {
  const dt = new DataTransfer();
  for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: 'text/csv' }));
  const zone = document.getElementById('drop');
  zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
  zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
}, files);

// The panel's facts: { key: text } (a select: its chosen option's value and text).
const facts = (page) => page.$$eval('#read-facts > div', (rows) => Object.fromEntries(rows.map((r) => {
  const select = r.querySelector('select');
  const value = select ? `${select.value} ${select.selectedOptions[0].textContent}` : r.querySelector('.read-value').textContent;
  const note = r.querySelector('.read-note');
  return [r.dataset.key, note ? `${value} (${note.textContent})` : value];
})));
const legend = (page) => page.$$eval('#preview .tc-legend button', (b) => b.map((x) => x.textContent.trim()));

test('a CP949 table dropped: read as EUC-KR (CP949), guessed; the panel and the preview in Korean; Windows-1252 chosen instead changes the first line and the preview, and is kept on reload', async () => {
  const { ctx, page, errors } = await open();
  await page.evaluate(([obs, src]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(obs)], 'kr-jp-cp949.tsv', { type: 'text/tab-separated-values' }));
    dt.items.add(new File([new Uint8Array(src)], 'sources-cp949.tsv', { type: 'text/tab-separated-values' }));
    const drop = document.getElementById('drop');
    drop.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    drop.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [bytes('observations.tsv'), bytes('sources.tsv')]);
  await status(page, /No problems/);
  await drawn(page);
  const header = 'Series\tDirection\tPeriod\tValue\tUnit\tBasis\tSource IDs\tNote\t비고';
  await page.waitForFunction(() => !document.getElementById('read').hidden);
  assert.deepEqual(await facts(page), {
    format: 'Tab-separated table',
    encoding: 'euc-kr EUC-KR (CP949) (guessed from its bytes)',
    'first-line': header,
  });
  assert.deepEqual(await axe(page), [], 'the panel and its select pass axe');
  // The panel sits above the preview.
  assert.ok(await page.evaluate(() => document.getElementById('read').compareDocumentPosition(document.getElementById('preview')) & Node.DOCUMENT_POSITION_FOLLOWING));
  // Both files held (not UTF-8), their first lines shown in Korean; the preview's labels and figures are the file's.
  assert.equal((await page.inputValue('#observations')).split('\n')[0], header);
  assert.match(await page.inputValue('#sources'), /가상 관세청\t월별 수출입 통계 \(시험용\)/);
  assert.match(await page.inputValue('#observations'), /똠방 시험용/, 'a CP949-only syllable');
  assert.deepEqual((await legend(page)).sort(), ['일본의 대한 수출', '한국의 대일 수출']);
  const values = await page.evaluate(() => document.getElementById('preview').tradeChart.items().map((i) => i.value));
  assert.deepEqual(values, ['$12.346 billion', '$11.111 billion', '$13.579 billion', '$23.457 billion', '$22.222 billion', '$24.68 billion']);

  // Windows-1252 chosen instead: the file is read again; the first line and the preview follow.
  await page.selectOption('#read [data-key=encoding] select', 'windows-1252');
  await page.waitForFunction(() => /ºñ°í/.test(document.querySelector('#read [data-key="first-line"]').textContent));
  const latin = 'Series\tDirection\tPeriod\tValue\tUnit\tBasis\tSource IDs\tNote\tºñ°í';
  assert.deepEqual(await facts(page), {
    format: 'Tab-separated table',
    encoding: 'windows-1252 Windows-1252 (Latin-1)',
    'first-line': latin,
  });
  assert.equal((await page.inputValue('#observations')).split('\n')[0], latin);
  await page.waitForFunction(() => [...document.querySelectorAll('#preview .tc-legend button')].some((b) => /ÇÑ±¹ÀÇ/.test(b.textContent)));
  assert.ok(!(await legend(page)).some((l) => /한국/.test(l)), 'the Korean labels are gone');

  // Kept across a reload: the file from IndexedDB, read in the editor's encoding.
  await page.reload();
  await page.waitForFunction(() => 'ready' in document.documentElement.dataset);
  await drawn(page);
  await page.waitForFunction(() => !document.getElementById('read').hidden);
  assert.deepEqual(await facts(page), {
    format: 'Tab-separated table',
    encoding: 'windows-1252 Windows-1252 (Latin-1)',
    'first-line': latin,
  });
  assert.ok((await legend(page)).some((l) => /ÇÑ±¹ÀÇ/.test(l)));
  assert.deepEqual(errors, []);
  await ctx.close();
});

// A file's encoding sample is as long as the bytes it decodes (up to 64 KB), not a
// dataset string's 2,000 characters: these made-up tables of 5,425 and 5,981 characters
// (tests/fixtures/import/cp949/, gbk/) were not opened before (an uncaught page error,
// `decodings[0].text: … characters; the limit is 2000`).
for (const [file, label, name, header] of [
  ['cp949/kstat-annual-long.csv', 'euc-kr', 'EUC-KR (CP949)', '년,수출금액,수출증감률,수출중량,수출증감률,수입금액,수입증감률,수입중량,수입증감률,수지'],
  ['gbk/customs-soybeans-long.csv', 'gbk', 'GBK', '"数据年月","贸易伙伴编码","贸易伙伴名称","商品编码","商品名称","第一数量","第一计量单位","第二数量","第二计量单位","人民币",'],
]) {
  test(`a ${name} table of over 2,000 characters dropped (${file}): opened, read as ${name}, guessed`, async () => {
    const { ctx, page, errors } = await open();
    const b = [...readFileSync(join(ROOT, 'tests/fixtures/import', file))];
    await drop(page, [{ name: file.split('/')[1], bytes: b }]);
    await page.waitForFunction(() => !document.getElementById('read').hidden);
    // what it read of the file (a customs table also lists its partners: builder-office)
    const got = await facts(page);
    assert.deepEqual({ format: got.format, encoding: got.encoding, 'first-line': got['first-line'] }, {
      format: 'Comma-separated table',
      encoding: `${label} ${name} (guessed from its bytes)`,
      'first-line': header,
    });
    assert.equal((await page.inputValue('#observations')).split('\n')[0], header);
    assert.equal(await page.textContent('#action-status'), '', 'no "was not opened"');
    assert.deepEqual(errors, []);
    await ctx.close();
  });
}

// The real K-stat table (docs/REAL-FILES.md: CP949, 4,849 bytes, Korea–Italy, thousand
// USD) opens, and once the builder's questions are answered charts the figures the list
// gives: 2025 exports 4,505,575 and imports 7,899,058; 1965 exports 1,193, imports 2,178.
test('the real K-stat table (CP949) opens in the builder and charts its figures', { skip: !REAL && 'no real files ($TRADE_CHART_REAL_FILES)' }, async () => {
  const { ctx, page, errors } = await open();
  const name = 'kr-kstat-italy-annual-cp949.csv';
  await drop(page, [{ name, bytes: [...readFileSync(join(REAL, name))] }]);
  await page.waitForFunction(() => !document.getElementById('read').hidden);
  const f = await facts(page);
  assert.equal(f.encoding, 'euc-kr EUC-KR (CP949) (guessed from its bytes)');
  assert.equal(f['first-line'], '년,수출금액,수출증감률,수출중량,수출증감률,수입금액,수입증감률,수입중량,수입증감률,수지');
  for (const [id, v] of [['partner-a-code', 'KR'], ['partner-a-name', 'South Korea'], ['partner-b-code', 'IT'], ['partner-b-name', 'Italy'],
    ['unit', 'USD thousand'], ['one-publisher', 'KITA'], ['one-title', 'K-stat trade statistics, Korea–Italy'],
    ['one-url', 'https://stat.kita.net'], ['one-date', '2025-12']]) await page.fill(`#${id}`, v);
  await status(page, /No problems\. The chart shows 2 series/);
  await drawn(page);
  const raw = await page.evaluate(() => document.getElementById('preview').tradeChart.items().map((i) => [i.series, i.period, i.value]));
  const at = (series, period) => raw.find((r) => r[0] === series && r[1] === period)?.[2];
  assert.equal(raw.length, 2 * 61, '61 years, 1965–2025, of exports and imports');
  assert.deepEqual([at('kr-it-annual', '2025'), at('it-kr-annual', '2025'), at('kr-it-annual', '1965'), at('it-kr-annual', '1965')],
    ['$4.506 billion', '$7.899 billion', '$1.193 million', '$2.178 million']);
  assert.deepEqual(errors, []);
  await ctx.close();
});
