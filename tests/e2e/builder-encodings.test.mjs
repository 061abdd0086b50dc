// The builder reads a file in the encoding it was written in (issue 21, "Encodings"): a
// made-up CP949 table and its sources (tests/fixtures/import/cp949/) dropped on the page
// are decoded by the browser's TextDecoder in the encoding Rust chose (the command line's
// detector); "What I read" says so, with the first line; choosing another encoding there
// re-reads the file (the first line and the preview follow), and the choice is kept
// across a reload. dist/builder.html under the strict CSP (builder-page.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';
import { axe, builderSession, drawn, status } from './builder-page.mjs';

const { open } = builderSession(1200);
const bytes = (name) => [...readFileSync(join(ROOT, 'tests/fixtures/import/cp949', name))];

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
