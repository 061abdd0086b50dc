// Opened from disk (file://): the story page with its pkg/ folder, and the single-file
// demo copied alone to an empty folder, as an editor would receive it by email.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, RESULTS, launch, collectErrors, canvasStats, mounted } from './helpers.mjs';

let browser, lonely;
before(async () => {
  browser = await launch();
  lonely = mkdtempSync(join(tmpdir(), 'trade-chart-demo-'));
  copyFileSync(join(ROOT, 'dist/trade-chart-demo.html'), join(lonely, 'trade-chart-demo.html'));
});
after(async () => { await browser?.close(); rmSync(lonely, { recursive: true, force: true }); });

async function opensFromDisk(file, shot, ...inits) {
  const page = await browser.browser.newPage({ viewport: { width: 900, height: 1000 } });
  for (const init of inits) await page.addInitScript(init);
  const errors = collectErrors(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  await mounted(page, '[data-trade-chart]');
  const r = await page.$eval('[data-trade-chart]', (el) => ({
    state: el.querySelector('figure').dataset.state, items: el.tradeChart.items().length, view: el.tradeChart.view }));
  assert.deepEqual({ ...r, items: r.items > 0 }, { state: 'ready', items: true, view: 'collapse' });
  assert.ok((await page.$eval('[data-trade-chart] canvas', canvasStats)).colours >= 3, 'canvas blank');
  await page.locator('[data-trade-chart] figure').screenshot({ path: join(RESULTS, shot) });
  assert.deepEqual(errors, []);
  const streamed = await page.evaluate(() => window.__streamed);
  await page.close();
  return { requests, streamed };
}

// Records whether the wasm was compiled from a stream (the inflated Response) or from bytes.
const spyStreaming = () => {
  window.__streamed = false;
  const streaming = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = (...a) => { window.__streamed = true; return streaming(...a); };
};

test('dist/index.html renders from file:// with no errors', async () => {
  await opensFromDisk(join(ROOT, 'dist/index.html'), 'file-index.png');
});

test('dist/trade-chart-demo.html renders from file:// alone in a folder, loading nothing else', async () => {
  const { requests, streamed } = await opensFromDisk(join(lonely, 'trade-chart-demo.html'), 'file-demo.png', spyStreaming);
  assert.deepEqual(requests.filter((u) => !u.endsWith('/trade-chart-demo.html') && !u.startsWith('data:')), []);
  assert.equal(streamed, true, 'the inline wasm is inflated by DecompressionStream and compiled as it streams');
});

test('the single-file demo also opens where the browser has no DecompressionStream or Uint8Array.fromBase64', async () => {
  // Safari before 16.4: the inline wasm is inflated by the bundled tiny-inflate instead
  const { requests, streamed } = await opensFromDisk(join(lonely, 'trade-chart-demo.html'), 'file-demo-inflate.png', () => {
    delete window.DecompressionStream;
    delete Uint8Array.fromBase64;
  }, spyStreaming);
  assert.deepEqual(requests.filter((u) => !u.endsWith('/trade-chart-demo.html') && !u.startsWith('data:')), []);
  assert.equal(streamed, false, 'compiled from the bytes tiny-inflate made');
});

test('the embed snippet pasted twice on one page mounts one chart per element', async () => {
  copyFileSync(join(ROOT, 'pkg/trade-chart.standalone.js'), join(lonely, 'trade-chart.standalone.js'));
  const embed = (view) => `<div data-trade-chart data-view="${view}"></div><script src="trade-chart.standalone.js"></script>`;
  writeFileSync(join(lonely, 'twice.html'), `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head>
<body style="max-width:600px">${embed('collapse')}<p>Text between.</p>${embed('monthly')}</body></html>`);
  const page = await browser.browser.newPage();
  const errors = collectErrors(page);
  await page.goto(pathToFileURL(join(lonely, 'twice.html')).href);
  await mounted(page, '[data-trade-chart]:last-of-type');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-trade-chart]')].every((el) => el.tradeChart));
  await page.waitForTimeout(200);
  const r = await page.$$eval('[data-trade-chart]', (els) => els.map((el) => [el.tradeChart.view, el.querySelectorAll('figure').length]));
  assert.deepEqual(r, [['collapse', 1], ['monthly', 1]]);
  assert.deepEqual(errors, []);
  await page.close();
});
