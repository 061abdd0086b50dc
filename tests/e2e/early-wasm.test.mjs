// When the wasm is fetched (issue 22): a chart with a published picture starts its wasm's
// download and streaming compile as soon as the script runs, wherever the chart is (the
// reader sees the chart already; the takeover needs the code), though the chart itself is
// still made only when it nears the viewport or the reader reaches the picture. A lazy
// chart without a picture waits below without loading the wasm until the page is idle or
// the chart nears the viewport, as before (issue 11). Needs `make build` (pkg/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, collectErrors, launch, startServer } from './helpers.mjs';

let server, browser, element, light;
before(async () => {
  const { render } = await import(join(ROOT, 'pkg/server.js'));
  element = render(JSON.parse(readFileSync(join(ROOT, 'data/kp-cn.json'), 'utf8')), { view: 'collapse', lang: 'en' })
    .replace('<trade-chart ', '<trade-chart id="c" ');
  // The same picture as a child of a [data-trade-chart] (the story's data: the default); the
  // shadow root's box ends last (the picture's own tooltips are a <template> inside it).
  light = element.slice(element.indexOf('<div class="tc-box" data-tc-pictured>') + '<div class="tc-box" data-tc-pictured>'.length, element.lastIndexOf('</div></template>'));
  assert.ok(light.startsWith('<style>') && light.endsWith('</figure>'), light.slice(-40));
  server = await startServer(ROOT);
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); });

const HTML = 'text/html; charset=utf-8', JS = 'text/javascript; charset=utf-8';
const FAR = '<div style="height:3000px">Text</div>'; // the chart three screens below

// Opens the page `files[0]` (served under /t/); `hold.js`, a parser-blocking script after
// trade-chart.js, is held until the wasm has been asked for or `holdMs` have passed, so
// what happens while the page is still being parsed is seen. `never idle`: the page's
// requestIdleCallback never calls back (a page that is busy for long). Resolves with the
// page, `events` ('wasm': the wasm requested; 'parsed': hold.js released), in order, and
// `wasm`, the paths of the .wasm files asked for.
async function open(files, { holdMs = 4000, neverIdle = false } = {}) {
  const ctx = await browser.browser.newContext({ viewport: { width: 800, height: 800 } });
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  const events = [];
  let wasmAsked;
  const asked = new Promise((r) => { wasmAsked = r; });
  const wasm = []; // the paths of the .wasm files asked for, in order
  page.on('request', (r) => {
    if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname);
    if (r.url().endsWith('/trade_chart_bg.wasm')) { events.push('wasm'); wasmAsked(); }
  });
  await page.addInitScript(`window.instantiations = 0;
for (const k of ['instantiate', 'instantiateStreaming']) { const o = WebAssembly[k]; WebAssembly[k] = function (...a) { window.instantiations++; return o.apply(this, a); }; }
${neverIdle ? 'window.requestIdleCallback = () => 1;' : ''}`);
  await page.route(`${server.url}t/**`, async (route) => {
    const name = new URL(route.request().url()).pathname.replace(/^\/t\//, '');
    if (name === 'hold.js') {
      await Promise.race([asked, new Promise((r) => setTimeout(r, holdMs))]);
      events.push('parsed');
      return route.fulfill({ status: 200, headers: { 'content-type': JS }, body: 'window.held = true;' });
    }
    const f = files[name];
    return f ? route.fulfill({ status: 200, headers: { 'content-type': f[0] }, body: f[1] }) : route.fulfill({ status: 404, body: '' });
  });
  await page.goto(`${server.url}t/${Object.keys(files)[0]}`, { waitUntil: 'commit' });
  return { page, errors, events, wasm, close: () => ctx.close() };
}
const page = (body) => [HTML, `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head>
<body style="margin:0">${FAR}${body}<p>After the chart</p></body></html>`];

// In the page: the chart's state (`sel`: its element; the live canvas is in the element's
// shadow root for <trade-chart>, in the element for [data-trade-chart]).
const state = (sel) => {
  const el = document.querySelector(sel), root = el.shadowRoot || el;
  return { canvas: !!root.querySelector('canvas'), picture: !!root.querySelector('figure[data-tc-picture]'), scrollY, instantiations };
};

test('a picture three screens below: the wasm is asked for while the page is still parsed, before any scroll; the chart is made only when the reader reaches it (the focus in the picture, no scroll)', async () => {
  const { page: p, errors, events, close } = await open({
    'pic.html': page(`${element}\n<script src="/pkg/trade-chart.js"></script><script src="hold.js"></script>`),
  });
  try {
    await p.waitForFunction(() => window.held && window.instantiations === 1, null, { timeout: 30_000 });
    // The wasm was asked for before the parser went past hold.js: not at idle, not at
    // DOMContentLoaded, not when the chart neared the viewport.
    assert.deepEqual(events.slice(0, 2), ['wasm', 'parsed']);
    // Loaded, and the page idle for a while: the picture is still what the reader sees.
    await p.evaluate(() => new Promise((r) => requestIdleCallback(() => setTimeout(r, 500))));
    assert.deepEqual(await p.evaluate(state, '#c'), { canvas: false, picture: true, scrollY: 0, instantiations: 1 });
    // The focus in the picture (its first tab, without scrolling): made at once.
    await p.evaluate(() => document.getElementById('c').shadowRoot.querySelector('figure[data-tc-picture] button').focus({ preventScroll: true }));
    await p.waitForFunction(() => document.getElementById('c').tradeChart, null, { timeout: 30_000 });
    assert.deepEqual(await p.evaluate(state, '#c'), { canvas: true, picture: false, scrollY: 0, instantiations: 1 });
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('[data-trade-chart] with a picture far below, on a page that is never idle: the wasm loads at once; the chart waits until scrolled to and pointed at', async () => {
  const { page: p, errors, close } = await open({
    'div.html': page(`<div id="c" data-trade-chart data-view="collapse" data-lang="en">${light}</div>\n<script src="/pkg/trade-chart.js"></script>`),
  }, { neverIdle: true });
  try {
    await p.waitForFunction(() => window.instantiations === 1, null, { timeout: 30_000 });
    await p.waitForTimeout(500);
    assert.deepEqual(await p.evaluate(state, '#c'), { canvas: false, picture: true, scrollY: 0, instantiations: 1 });
    await p.evaluate(() => document.getElementById('c').scrollIntoView());
    // Near the viewport, a picture's chart waits for idle or the reader: here, the pointer.
    await p.hover('#c .tc-picture-img');
    await p.waitForFunction(() => document.getElementById('c').tradeChart, null, { timeout: 30_000 });
    const s = await p.evaluate(state, '#c');
    assert.deepEqual({ canvas: s.canvas, picture: s.picture, instantiations: s.instantiations }, { canvas: true, picture: false, instantiations: 1 });
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('a lazy chart without a picture far below: no wasm while the page is parsed, none on a page that is never idle; scrolled to, it loads and is made', async () => {
  const { page: p, errors, events, close } = await open({
    'bare.html': page('<trade-chart id="c" view="collapse"></trade-chart>\n<script src="/pkg/trade-chart.js"></script><script src="hold.js"></script>'),
  }, { holdMs: 1500, neverIdle: true });
  try {
    await p.waitForFunction(() => window.held && document.readyState === 'complete', null, { timeout: 30_000 });
    await p.waitForTimeout(1000);
    assert.deepEqual(events, ['parsed'], 'no wasm before the chart nears the viewport or the page is idle');
    assert.deepEqual(await p.evaluate(state, '#c'), { canvas: false, picture: false, scrollY: 0, instantiations: 0 });
    await p.evaluate(() => document.getElementById('c').scrollIntoView());
    await p.waitForFunction(() => document.getElementById('c').tradeChart, null, { timeout: 30_000 });
    assert.deepEqual(events, ['parsed', 'wasm']);
    const s = await p.evaluate(state, '#c');
    assert.deepEqual({ canvas: s.canvas, instantiations: s.instantiations }, { canvas: true, instantiations: 1 });
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test("the wasm asked for in <head> (TradeChartWasm = fetch(…)): trade-chart.js takes that response, one request; one for another URL is left, and the wasm fetched from its own", async () => {
  for (const [url, requests] of [['/pkg/trade_chart_bg.wasm', ['/pkg/trade_chart_bg.wasm']], ['/t/old.wasm', ['/t/old.wasm', '/pkg/trade_chart_bg.wasm']]]) {
    const { page: p, errors, wasm, close } = await open({
      'head.html': [HTML, `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script>TradeChartWasm = fetch(${JSON.stringify(url)});</script></head><body style="margin:0">${element}
<script src="/pkg/trade-chart.js"></script><p>After the chart</p></body></html>`],
    });
    try {
      await p.hover('#c');
      await p.waitForFunction(() => document.getElementById('c').tradeChart, null, { timeout: 30_000 });
      assert.deepEqual(await p.evaluate(state, '#c'), { canvas: true, picture: false, scrollY: 0, instantiations: 1 });
      assert.equal(await p.evaluate(() => window.TradeChartWasm), undefined, 'taken once');
      assert.deepEqual(wasm, requests);
      assert.deepEqual(errors.filter((e) => !/old\.wasm|404/.test(e)), []);
    } finally { await close(); }
  }
});
