// The builder and large files (issue 12, "Nothing lost": "a file that is too large for the
// browser gives a clear message, not a frozen tab"): the imports run in a worker
// (www/builder/worker.js); a file over 1 MB, or not UTF-8, is held as a file (its first
// lines shown, read-only) and kept in IndexedDB across a reload; a file over the limit is
// refused by its size before it is read; a snippet with megabytes of data inline is shown
// cut and copied whole. dist/builder.html under the strict CSP (builder-page.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, RESULTS } from './helpers.mjs';
import { OBS, SRC, axe, builderSession, drawn, paste, status } from './builder-page.mjs';

const session = builderSession(1280);
const { open } = session;
const dir = mkdtempSync(join(tmpdir(), 'tc-builder-files-'));

// A Comtrade download of `rows` rows made from the fixture's January 2020 export and
// import rows (two directions), as benches/comtrade.rs makes its 10⁵ rows.
function download(rows) {
  const lines = readFileSync(join(ROOT, 'tests/fixtures/comtrade/plus-monthly-pascal.csv'), 'utf8').split('\n');
  const [header, exp, imp] = [lines[0], lines[1], lines.find((l) => l.includes(',202001,') && l.includes(',Import,'))];
  const out = [header];
  for (let n = 0; n < rows; n++) {
    const y = 1900 + Math.floor(n / 2400), m = 1 + (Math.floor(n / 200) % 12), c = Math.floor(n / 2) % 100;
    out.push((n % 2 ? imp : exp).replace(',202001,', `,${y}${String(m).padStart(2, '0')},`)
      .replace(',TOTAL,', `,${String(c).padStart(2, '0')},`).replace(',231510007,', `,${1000 + n},`));
  }
  return out.join('\n') + '\n';
}
// The dataset as the editor would download it (Dataset (JSON)).
async function downloaded(page) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  return JSON.parse(readFileSync(await d.path(), 'utf8'));
}

test('a 3 MB Comtrade download is read in a worker, held as a file (first lines shown), drawn, kept across a reload, and removed on request', async () => {
  const text = download(10_000);
  assert.ok(text.length > 2.5e6 && text.length < 3.5e6, `${text.length} bytes`);
  const path = join(dir, 'comtrade-big.csv');
  writeFileSync(path, text);
  const { ctx, page, errors } = await open();
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.setInputFiles('#file', path);
  await status(page, /No problems/);
  await drawn(page);
  // read off the page's thread: the imports ran in the builder's worker
  assert.ok(workers.some((u) => u.endsWith('/builder/worker.js')), workers.join(', '));
  assert.equal(await page.evaluate(() => document.querySelector('input[name=kind]:checked').value), 'comtrade');
  // held: the first lines, read-only, and what the file is
  const shown = await page.inputValue('#comtrade');
  assert.ok(shown.length < 70_000 && text.replace(/\r\n/g, '\n').startsWith(shown), 'the textarea shows the first lines only (its line ends as a textarea keeps them)');
  assert.ok(await page.$eval('#comtrade', (e) => e.readOnly));
  assert.match(await page.textContent('#held-comtrade'), /comtrade-big\.csv \(\d\.\d MB\) is read from the file; its first 200 lines are shown here\./);
  // the held file's note and button pass axe, and show at 360 px
  assert.deepEqual(await axe(page), []);
  await page.setViewportSize({ width: 360, height: 900 });
  await page.locator('#held-comtrade').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(RESULTS, 'builder-files-held-360.png') });
  await page.setViewportSize({ width: 1280, height: 1000 });
  // the whole file went into the chart: both directions, every period of the download
  const series = await page.evaluate(() => document.getElementById('preview').tradeChart.items().length);
  assert.ok(series > 0);
  const d = JSON.parse(await page.evaluate(() => localStorage.getItem('trade-chart-builder:v1')));
  assert.deepEqual(d.held, { comtrade: { name: 'comtrade-big.csv', size: text.length, encoding: { label: 'utf-8', guessed: false } } });
  assert.ok(d.comtrade.length < 70_000, 'localStorage keeps the first lines, not the megabytes');
  const meta = await downloaded(page);
  assert.deepEqual(meta.series.map((s) => s.direction).sort(), ['CHN>PRK', 'PRK>CHN']);
  assert.equal(meta.series.reduce((n, s) => n + s.observations.length, 0), 10_000);

  // reload: the file is back from IndexedDB, drawn again
  await page.reload();
  await page.waitForFunction(() => 'ready' in document.documentElement.dataset);
  await status(page, /No problems/);
  await drawn(page);
  assert.match(await page.textContent('#held-comtrade'), /comtrade-big\.csv/);
  assert.ok(await page.$eval('#comtrade', (e) => e.readOnly));

  // removed: an editable, empty field; undo brings the file back
  await page.click('[data-unhold=comtrade]');
  await status(page, /Paste or open a UN Comtrade download/);
  assert.equal(await page.inputValue('#comtrade'), '');
  assert.ok(!(await page.$eval('#comtrade', (e) => e.readOnly)));
  assert.ok(await page.isHidden('#held-comtrade'));
  await page.click('#undo-paste');
  await status(page, /No problems/);
  assert.ok(await page.$eval('#comtrade', (e) => e.readOnly));
  await page.click('[data-unhold=comtrade]');
  await status(page, /Paste or open/);
  await page.reload();
  await page.waitForFunction(() => 'ready' in document.documentElement.dataset);
  assert.equal(await page.inputValue('#comtrade'), '');
  assert.ok(await page.isHidden('#held-comtrade'));
  assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem('trade-chart-builder:v1'))).held.comtrade, undefined);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the largest download the limits allow (10⁵ rows, 28 MB) draws, and its inline snippet is shown cut but copied whole', async () => {
  const text = download(100_000);
  const path = join(dir, 'comtrade-100k.csv');
  writeFileSync(path, text);
  const { ctx, page, errors } = await open({ permissions: ['clipboard-read', 'clipboard-write'] });
  await page.setInputFiles('#file', path);
  await status(page, /No problems/);
  await drawn(page);
  assert.match(await page.textContent('#preview-note'), /as readers will see it/);
  const shown = await page.inputValue('#snip-script');
  assert.ok(shown.length < 10_000, `${shown.length} characters shown`);
  assert.match(shown, /MB in all, not shown here; “Copy” copies all of it/);
  await page.click('[data-copy=snip-script]');
  await page.waitForFunction(() => /Copied/.test(document.getElementById('copy-status').textContent));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.length > 10e6, `${copied.length} characters copied`);
  const data = JSON.parse(copied.match(/<script type="application\/json">([\s\S]*?)<\/script>/)[1]);
  assert.equal(data.series.reduce((n, s) => n + s.observations.length, 0), 100_000);
  await page.locator('#preview-panel').screenshot({ path: join(RESULTS, 'builder-files-1280.png') });
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a file over the 64 MB limit is refused by its size, unread, and the work so far stays', async () => {
  const path = join(dir, 'comtrade-huge.csv');
  // a sparse file: 70 MB of nothing, never written
  const fd = openSync(path, 'w');
  ftruncateSync(fd, 70 << 20);
  closeSync(fd);
  const { ctx, page, errors } = await open();
  await page.setInputFiles('#file', { name: 'small.csv', mimeType: 'text/csv', buffer: Buffer.from(download(4)) });
  await status(page, /No problems/);
  await drawn(page);
  await page.setInputFiles('#file', path);
  await page.waitForFunction(() => /was not opened/.test(document.getElementById('action-status').textContent), null, { timeout: 30_000 });
  assert.equal(await page.textContent('#action-status'),
    `comtrade-huge.csv was not opened: ${70 << 20} bytes; the limit is ${64 << 20} (64 MB)`);
  // nothing else changed: the small download is still there, drawn
  assert.match(await page.inputValue('#comtrade'), /^TypeCode,/);
  assert.ok(await page.isHidden('#held-comtrade'));
  assert.match(await page.textContent('#status'), /No problems/);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a Windows-1252 Comtrade download is held and decoded in the encoding Rust chose (Côte d’Ivoire, not mojibake)', async () => {
  const { ctx, page, errors } = await open();
  await page.setInputFiles('#file', join(ROOT, 'tests/fixtures/comtrade/legacy-latin1.csv'));
  await status(page, /No problems/);
  await drawn(page);
  assert.ok(await page.$eval('#comtrade', (e) => e.readOnly), 'held: not UTF-8');
  assert.match(await page.inputValue('#comtrade'), /Côte d'Ivoire/, 'its first lines shown as Windows-1252');
  const text = JSON.stringify(await downloaded(page));
  assert.match(text, /Côte d'Ivoire/);
  assert.doesNotMatch(text, /\uFFFD/);
  assert.match(await page.textContent('#warnings'), /Windows-1252|Latin/i);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the builder in one file (dist/trade-chart-builder.html) works from file://: pasted tables draw, hover gives the value and its source, a Comtrade file opens, and the work survives a reload', async () => {
  const file = join(ROOT, 'dist/trade-chart-builder.html');
  const ctx = await session.browser.browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const fetched = [];
  page.on('request', (r) => { if (!r.url().startsWith('data:') && r.url() !== pathToFileURL(file).href) fetched.push(r.url()); });
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => 'ready' in document.documentElement.dataset);
  assert.equal(await page.evaluate(() => document.querySelectorAll('script[src], link[rel=stylesheet]').length), 0, 'no script or stylesheet of its own to fetch');
  await paste(page, 'observations', OBS);
  await paste(page, 'sources', SRC);
  await status(page, /No problems/);
  await drawn(page);
  // hover the first bar: its value and its source
  const item = await page.evaluate(() => document.getElementById('preview').tradeChart.items()[0]);
  const box = await page.$eval('#preview canvas', (c) => { c.scrollIntoView({ block: 'center' }); const b = c.getBoundingClientRect(); return { x: b.x, y: b.y }; });
  await page.mouse.move(box.x + item.x + item.w / 2, box.y + item.y + item.h / 2);
  await page.waitForFunction(() => !document.querySelector('#preview .tc-tooltip').hidden);
  const tip = await page.textContent('#preview .tc-tooltip');
  assert.ok(tip.includes(item.value), tip);
  assert.ok(tip.includes('Made-up Statistics Office'), `the source in the tooltip: ${tip}`);
  // a Comtrade download opened from disk, read on this page's thread (no worker from file://)
  await page.setInputFiles('#file', join(ROOT, 'tests/fixtures/comtrade/plus-annual.csv'));
  // the download's own chart (3 series; the pasted tables' had 4), not the status before it
  await status(page, /No problems\. The chart shows 3 series/);
  assert.equal(await page.evaluate(() => document.querySelector('input[name=kind]:checked').value), 'comtrade');
  assert.match(await page.inputValue('#comtrade'), /^typeCode,/);
  await page.waitForFunction(() => (JSON.parse(localStorage.getItem('trade-chart-builder:v1') || '{}').comtrade || '').startsWith('typeCode,'));
  await page.reload();
  await page.waitForFunction(() => 'ready' in document.documentElement.dataset);
  await status(page, /No problems/);
  // the download comes back from the saved work (a held file is read back asynchronously)
  await page.waitForFunction(() => /^typeCode,/.test(document.getElementById('comtrade').value), null, { timeout: 15_000 }).catch(() => {});
  assert.match(await page.inputValue('#comtrade'), /^typeCode,/);
  assert.deepEqual(fetched, [], 'nothing fetched but the page itself');
  assert.deepEqual(errors, []);
  await ctx.close();
});
