// Embedding everywhere (issue 11): every mode under a strict CSP and Trusted Types, the
// <trade-chart> element (attributes, data, lifecycle, a hostile host stylesheet, parts,
// theming) and hidden charts that draw when shown. Pages are served by the test server's
// origin through page.route (with their CSP header); their scripts are files there too,
// never inline, and the package comes from dist/pkg/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { canvasStats, collectErrors, dataset, launch, startServer } from './helpers.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:";
let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

// Runs before the page's scripts: every CSP violation, and the wasm objects the glue
// registers for finalization (a freed one has __wbg_ptr 0).
function probes() {
  const v = (window.violations = []);
  document.addEventListener('securitypolicyviolation', (e) => v.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  const FR = window.FinalizationRegistry, objects = (window.wasmObjects = []);
  window.FinalizationRegistry = class extends FR {
    register(obj, held, token) { if (obj && '__wbg_ptr' in obj) objects.push(obj); return super.register(obj, held, token); }
  };
}

// No inline script or style anywhere (the policy refuses both): page.css is each page's layout.
const html = (body, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><link rel="stylesheet" href="page.css">${head}</head><body>${body}</body></html>`;
const PAGE_CSS = 'main, .w600 { width: 640px !important } .w500 { width: 500px }';

/**
 * A fresh page whose URLs under /embed/ are `files` (name -> [content-type, text]); the
 * HTML answers carry `csp` as their Content-Security-Policy. Opens `embed/<first>`.
 */
async function open(files, { csp = CSP, context = {} } = {}) {
  const ctx = await browser.browser.newContext({ viewport: { width: 900, height: 900 }, ...context });
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  await page.addInitScript(probes);
  await page.route(`${server.url}embed/**`, (route) => {
    const name = new URL(route.request().url()).pathname.replace(/^\/embed\//, '');
    const f = name === 'page.css' ? ['text/css', PAGE_CSS] : files[name];
    if (!f) return route.fulfill({ status: 404, body: 'not found' });
    const headers = { 'content-type': f[0], 'cache-control': 'no-store' };
    if (csp && f[0].startsWith('text/html')) headers['content-security-policy'] = csp;
    return route.fulfill({ status: 200, headers, body: f[1] });
  });
  await page.goto(`${server.url}embed/${Object.keys(files)[0]}`);
  return { page, errors, close: () => ctx.close() };
}
const HTML = 'text/html; charset=utf-8', JS = 'text/javascript; charset=utf-8', JSON_TYPE = 'application/json';
const STANDALONE = '<script src="/pkg/trade-chart.standalone.js"></script>';

// In the page: the state of the chart in `sel` (a [data-trade-chart] or a <trade-chart>):
// null until it settles; its figure's state, canvas pixels and whether its screen-reader
// texts are out of sight.
function chartState(sel) {
  const el = document.querySelector(sel);
  const root = el && (el.shadowRoot || el);
  const f = root && root.querySelector('figure.tc');
  if (!f || !el.tradeChart && f.dataset.state !== 'error') return null;
  const c = f.querySelector('canvas'), err = f.querySelector('.tc-error');
  let colours = 0;
  if (c.width > 0 && c.height > 0) {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height), seen = new Set();
    for (let i = 0; i < data.length && seen.size < 50; i += 4) seen.add((data[i] << 24) ^ (data[i + 1] << 16) ^ (data[i + 2] << 8) ^ data[i + 3]);
    colours = seen.size;
  }
  const r = c.getBoundingClientRect();
  return { state: f.dataset.state, error: err.hidden ? '' : err.textContent, colours, cssWidth: Math.round(r.width),
    srHidden: [...f.querySelectorAll('.tc-sr')].every((p) => { const b = p.getBoundingClientRect(); return b.width <= 1 && b.height <= 1; }) };
}
async function settled(page, sel) {
  const h = await page.waitForFunction(chartState, sel, { timeout: 30_000 });
  return h.jsonValue();
}

// ---- strict CSP ----

const ESM_TEST = `import { create } from '/pkg/index.js';
const el = document.getElementById('chart');
create(el, { view: 'monthly' }).then((c) => { window.chart = c; }, (e) => { window.failed = e.message; });
`;

for (const [mode, files, sels] of [
  ['the standalone script, [data-trade-chart] and <trade-chart>', {
    'standalone.html': [HTML, html(`<div data-trade-chart data-view="balance" class="w600"></div><trade-chart view="history"></trade-chart>${STANDALONE}`)],
  }, ['[data-trade-chart]', 'trade-chart']],
  ['the ES module, create() and <trade-chart>', {
    'esm.html': [HTML, html('<div id="chart"></div><trade-chart view="balance"></trade-chart><script type="module" src="esm-test.js"></script>')],
    'esm-test.js': [JS, ESM_TEST],
  }, ['#chart', 'trade-chart']],
]) {
  test(`strict CSP (${CSP}): ${mode} draw with zero securitypolicyviolation events`, async () => {
    const { page, errors, close } = await open(files);
    try {
      for (const sel of sels) {
        const s = await settled(page, sel);
        assert.deepEqual({ ...s, colours: s.colours > 10 }, { state: 'ready', error: '', colours: true, cssWidth: s.cssWidth, srHidden: true }, `${sel}: ${JSON.stringify(s)}`);
        assert.ok(s.cssWidth > 300, `${sel} has a width`);
      }
      // Hover works (the overlay is positioned through CSSOM, not a style attribute).
      const canvas = page.locator(`${sels[0]} canvas`);
      const box = await canvas.boundingBox();
      const it = await page.$eval(sels[0], (el) => el.tradeChart.items().find((i) => i.w > 4 && i.h > 4));
      await page.mouse.move(box.x + it.x + it.w / 2, box.y + it.y + it.h / 2);
      assert.equal(await page.locator(`${sels[0]} .tc-tooltip`).isVisible(), true);
      assert.equal(await page.evaluate(() => document.querySelectorAll('style').length + [...document.querySelectorAll('trade-chart')].reduce((n, e) => n + e.shadowRoot.querySelectorAll('style').length, 0)), 0, 'no <style>');
      assert.deepEqual(await page.evaluate(() => window.violations), []);
      assert.deepEqual(errors, []);
    } finally { await close(); }
  });
}

test('strict CSP without constructed stylesheets (older browsers): a <link> to pkg/trade-chart.css styles the document and the element', async () => {
  const { page, errors, close } = await open({
    'nosheets.html': [HTML, html(`<script src="no-adopt.js"></script><div data-trade-chart class="w500"></div><trade-chart></trade-chart>${STANDALONE}`)],
    'no-adopt.js': [JS, 'delete Document.prototype.adoptedStyleSheets; delete ShadowRoot.prototype.adoptedStyleSheets;'],
  });
  try {
    for (const sel of ['[data-trade-chart]', 'trade-chart']) {
      const s = await settled(page, sel);
      assert.equal(s.state, 'ready', sel);
      await page.waitForFunction((sel) => { const e = document.querySelector(sel); return getComputedStyle((e.shadowRoot || e).querySelector('.tc-sr')).position === 'absolute'; }, sel);
    }
    const links = await page.evaluate(() => [document.querySelectorAll('link#trade-chart-style').length, document.querySelector('trade-chart').shadowRoot.querySelectorAll('link#trade-chart-style').length,
      new URL(document.querySelector('link#trade-chart-style').href).pathname]);
    assert.deepEqual(links, [1, 1, '/pkg/trade-chart.css']);
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test("Trusted Types (require-trusted-types-for 'script') with the strict CSP: the standalone script and <trade-chart> draw", async () => {
  const { page, errors, close } = await open({
    'tt.html': [HTML, html(`<trade-chart view="monthly"></trade-chart><div data-trade-chart class="w500"></div>${STANDALONE}`)],
  }, { csp: `${CSP}; require-trusted-types-for 'script'; trusted-types 'none'` });
  try {
    for (const sel of ['trade-chart', '[data-trade-chart]']) {
      const s = await settled(page, sel);
      assert.equal(s.state, 'ready', `${sel}: ${JSON.stringify(s)}`);
      assert.ok(s.colours > 10, sel);
    }
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

// ---- <trade-chart> ----

const HOSTILE = '* { all: revert } canvas { width: 100% !important } button { display: block; font-size: 30px } p { display: none }';

test('<trade-chart>: a hostile host stylesheet changes nothing inside; its own styles do not leak out; ::part and --tc-* style it', async () => {
  const { page, errors, close } = await open({
    'hostile.html': [HTML, html(`<main><p class="tc-title" id="outside">Outside text</p><button class="tc-toggle" id="outside-button">Outside</button>
<trade-chart view="balance"></trade-chart></main>${STANDALONE}`, '<link rel="stylesheet" href="host.css">')],
    'host.css': ['text/css', '#outside { font-size: 13px; font-weight: 400 } trade-chart { --tc-bg: rgb(250, 240, 200) }'],
    'hostile.css': ['text/css', HOSTILE],
    'parts.css': ['text/css', 'trade-chart::part(title) { color: rgb(1, 2, 3) }'],
  });
  try {
    await settled(page, 'trade-chart');
    // Layout and visibility of the widget's pieces, relative to the figure.
    const layout = () => page.$eval('trade-chart', (el) => {
      const f = el.shadowRoot.querySelector('figure'), o = f.getBoundingClientRect();
      const parts = ['.tc-title', '.tc-tabs', '.tc-legend', 'canvas', '.tc-tools', '.tc-tools button', '.tc-foot', '.tc-notes', '.tc-desc, .tc-sr'];
      return { figure: [Math.round(o.width), Math.round(o.height)], parts: parts.map((s) => {
        const n = f.querySelector(s), r = n.getBoundingClientRect(), cs = getComputedStyle(n);
        return [s, Math.round(r.left - o.left), Math.round(r.top - o.top), Math.round(r.width), Math.round(r.height), cs.display, cs.visibility, cs.fontSize];
      }) };
    });
    const before = await layout();
    const hash = async () => (await page.$eval('trade-chart', (el) => el.shadowRoot.querySelector('canvas').toDataURL()));
    const pixels = await hash();
    await page.evaluate(() => new Promise((r) => {
      const l = document.createElement('link');
      l.rel = 'stylesheet'; l.href = 'hostile.css'; l.onload = r;
      document.head.append(l);
    }));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.deepEqual(await layout(), before, 'the hostile sheet moved or hid something');
    assert.equal(await hash(), pixels, 'the hostile sheet changed the drawing');
    // Ours does not leak: the page's own .tc-title and .tc-toggle are the page's.
    const outside = await page.evaluate(() => {
      const p = getComputedStyle(document.getElementById('outside')), b = getComputedStyle(document.getElementById('outside-button'));
      return { weight: p.fontWeight, size: p.fontSize, minHeight: b.minHeight, sheets: document.adoptedStyleSheets.length };
    });
    assert.deepEqual({ ...outside, minHeight: outside.minHeight === '32px' }, { weight: '400', size: '13px', minHeight: false, sheets: 0 });
    // ::part() and the host's --tc-* (host.css) reach in, the canvas background too.
    await page.evaluate(() => new Promise((r) => {
      const l = document.createElement('link');
      l.rel = 'stylesheet'; l.href = 'parts.css'; l.onload = r;
      document.head.append(l);
    }));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const themed = await page.$eval('trade-chart', (el) => {
      const c = el.shadowRoot.querySelector('canvas'), k = c.width / c.getBoundingClientRect().width;
      return { title: getComputedStyle(el.shadowRoot.querySelector('.tc-title')).color,
        bg: [...c.getContext('2d').getImageData(Math.round(3 * k), Math.round(3 * k), 1, 1).data] };
    });
    assert.deepEqual(themed, { title: 'rgb(1, 2, 3)', bg: [250, 240, 200, 255] });
    // The canvas and every node its ARIA attributes name sit in the element's shadow root.
    const aria = await page.$eval('trade-chart', (el) => {
      const root = el.shadowRoot, c = root.querySelector('canvas');
      const ids = [c.getAttribute('aria-describedby'), root.querySelector('.tc-plot').getAttribute('aria-labelledby'),
        ...[...root.querySelectorAll('[aria-controls]')].map((b) => b.getAttribute('aria-controls'))];
      return ids.filter((id) => !root.getElementById(id));
    });
    assert.deepEqual(aria, []);
    const parts = await page.$eval('trade-chart', (el) => [...el.shadowRoot.querySelectorAll('[part]')].map((n) => n.getAttribute('part')));
    for (const p of ['figure', 'title', 'tabs', 'legend', 'plot', 'tools']) assert.ok(parts.includes(p), `part ${p}`);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('<trade-chart>: prefers-color-scheme and a .dark / [data-theme] ancestor theme it', async () => {
  const { page, errors, close } = await open({
    'dark.html': [HTML, html(`<div id="wrap"><trade-chart view="balance"></trade-chart></div>${STANDALONE}`)],
  }, { context: { colorScheme: 'dark' } });
  try {
    await settled(page, 'trade-chart');
    const bg = () => page.$eval('trade-chart', (el) => {
      const c = el.shadowRoot.querySelector('canvas'), k = c.width / c.getBoundingClientRect().width;
      return [...c.getContext('2d').getImageData(Math.round(3 * k), Math.round(3 * k), 1, 1).data].join(',');
    });
    const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await bg(), '24,24,27,255', 'prefers-color-scheme: dark');
    await page.evaluate(() => { document.getElementById('wrap').dataset.theme = 'light'; });
    await frames();
    assert.equal(await bg(), '255,255,255,255', '[data-theme=light] ancestor');
    await page.evaluate(() => { document.getElementById('wrap').className = 'dark'; delete document.getElementById('wrap').dataset.theme; });
    await page.emulateMedia({ colorScheme: 'light' });
    await frames();
    assert.equal(await bg(), '24,24,27,255', '.dark ancestor');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('<trade-chart>: attributes before the definition (and properties before upgrade), inline JSON data, src, changes after mount, the JS API and events', async () => {
  const data = dataset();
  for (const v of data.views) v.title = { en: 'Inline data', ko: '인라인', zh: '内联' };
  const other = dataset();
  for (const v of other.views) v.title = { en: 'Fetched data', ko: '가져온', zh: '获取' };
  const { page, errors, close } = await open({
    'attrs.html': [HTML, html(`<main>
<trade-chart id="a" view="monthly" lang="ko" theme="dark" height="300"><script type="application/json">${JSON.stringify(data)}</script></trade-chart>
<trade-chart id="b" src="other.json"></trade-chart>
<trade-chart id="bad" src="missing.json"></trade-chart></main>
<script src="before.js"></script>${STANDALONE}`)],
    'before.js': [JS, `const events = (window.events = []);
for (const t of ['trade-chart:ready', 'trade-chart:error']) document.addEventListener(t, (e) => events.push([e.target.id, t, e.detail && (e.detail.message || e.detail.view)]));
// Properties set before the element is defined.
document.getElementById('b').view = 'history';
document.getElementById('b').theme = 'light';
`],
    'other.json': [JSON_TYPE, JSON.stringify(other)],
  });
  try {
    for (const id of ['a', 'b', 'bad']) await settled(page, '#' + id);
    const a = await page.$eval('#a', (el) => ({ view: el.view, lang: el.lang, theme: el.theme, height: el.height,
      title: el.shadowRoot.querySelector('.tc-title').textContent, canvasHeight: el.shadowRoot.querySelector('canvas').style.height,
      base: el.shadowRoot.querySelector('figure').dataset.tcBase, views: el.views.length, items: el.items().length, ready: el.ready,
      same: el.tradeChart && el.tradeChart.view === el.view }));
    assert.deepEqual(a, { view: 'monthly', lang: 'ko', theme: 'dark', height: 300, title: '인라인', canvasHeight: '300px', base: 'dark', views: 5, items: a.items, ready: true, same: true });
    assert.ok(a.items > 5);
    const b = await page.$eval('#b', (el) => [el.view, el.theme, el.getAttribute('view'), el.shadowRoot.querySelector('.tc-title').textContent]);
    assert.deepEqual(b, ['history', 'light', 'history', 'Fetched data']);
    const bad = await page.$eval('#bad', (el) => [el.ready, el.shadowRoot.querySelector('figure').dataset.state, el.shadowRoot.querySelector('.tc-error').textContent]);
    assert.deepEqual(bad.slice(0, 2), [false, 'error']);
    assert.match(bad[2], /missing\.json.*404/);
    // Changes after the mount apply.
    await page.evaluate(() => {
      const el = document.getElementById('a');
      el.setAttribute('view', 'balance');
      el.lang = 'zh';
      el.theme = 'light';
      el.height = 250;
    });
    const changed = await page.$eval('#a', (el) => [el.view, el.lang, el.theme, el.shadowRoot.querySelector('figure').dataset.tcBase,
      el.shadowRoot.querySelector('.tc-title').textContent, el.shadowRoot.querySelector('canvas').style.height]);
    assert.deepEqual(changed, ['balance', 'zh', 'light', 'light', '内联', '250px']);
    await page.evaluate(() => { document.getElementById('a').src = 'other.json'; });
    await page.waitForFunction(() => document.getElementById('a').shadowRoot.querySelector('.tc-title').textContent === '获取');
    // The API, delegated; a bad call throws an Error naming it.
    const api = await page.$eval('#a', async (el) => {
      el.setView('history');
      const visible = el.toggleSeries(el.shadowRoot.querySelector('.tc-legend button').dataset.series);
      el.showData(); const table = !el.shadowRoot.querySelector('.tc-data').hidden; el.showData(false);
      const csv = await el.downloadCsv();
      let thrown = ''; try { el.setView('nope'); } catch (e) { thrown = e.message; }
      const early = document.createElement('trade-chart');
      let notReady = ''; try { early.items(); } catch (e) { notReady = e.code; }
      return { view: el.view, visible, table, csv: csv.size > 100, thrown, notReady, claims: el.claims().length, rows: el.table().headers.length > 0 };
    });
    assert.deepEqual({ ...api, visible: typeof api.visible }, { view: 'history', visible: 'boolean', table: true, csv: true, thrown: api.thrown, notReady: 'not-ready', claims: api.claims, rows: true });
    assert.match(api.thrown, /nope/);
    const events = await page.evaluate(() => window.events);
    assert.deepEqual(events.filter((e) => e[1] === 'trade-chart:ready').map((e) => e[0]).sort(), ['a', 'b']);
    assert.deepEqual(events.filter((e) => e[1] === 'trade-chart:error').map((e) => e[0]), ['bad']);
    assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
  } finally { await close(); }
});

test('<trade-chart>: a move keeps the chart; removal frees it; re-inserting draws again; createElement + append later mounts; two copies of the script do not throw', async () => {
  const { page, errors, close } = await open({
    'life.html': [HTML, html(`<main><section id="one"><trade-chart id="t"></trade-chart></section><section id="two"></section></main>
${STANDALONE}<script type="module" src="second-copy.js"></script>`)],
    'second-copy.js': [JS, `import { version } from '/pkg/index.js'; window.esmLoaded = version;`],
  });
  try {
    await settled(page, '#t');
    await page.waitForFunction(() => window.esmLoaded);
    const moved = await page.evaluate(async () => {
      const el = document.getElementById('t'), fig = el.shadowRoot.querySelector('figure'), chart = el.tradeChart, n = wasmObjects.length;
      document.getElementById('two').append(el); // disconnect + connect in one task
      await new Promise((r) => setTimeout(r, 50));
      return { sameFigure: el.shadowRoot.querySelector('figure') === fig, sameChart: el.tradeChart === chart, newWasm: wasmObjects.length - n,
        figures: el.shadowRoot.querySelectorAll('figure').length, works: el.items().length > 0 };
    });
    assert.deepEqual(moved, { sameFigure: true, sameChart: true, newWasm: 0, figures: 1, works: true });
    const removed = await page.evaluate(async () => {
      const el = document.getElementById('t'), chart = el.tradeChart, live = () => wasmObjects.filter((o) => o.__wbg_ptr).length, n = live();
      window.removedEl = el;
      el.remove();
      await new Promise((r) => setTimeout(r, 0));
      let code = ''; try { chart.items(); } catch (e) { code = e.code; }
      return { freed: n - live(), code, tradeChart: 'tradeChart' in el, figures: el.shadowRoot.querySelectorAll('figure').length };
    });
    assert.deepEqual(removed, { freed: 1, code: 'destroyed', tradeChart: false, figures: 0 });
    await page.evaluate(() => document.getElementById('one').append(window.removedEl));
    const again = await settled(page, '#t');
    assert.equal(again.state, 'ready');
    assert.ok(again.colours > 10);
    // Made by script, attributes set, appended later.
    await page.evaluate(() => {
      const el = document.createElement('trade-chart');
      el.id = 'later';
      el.view = 'products';
      window.laterEl = el;
      setTimeout(() => document.getElementById('two').append(el), 50);
    });
    const later = await settled(page, '#later');
    assert.equal(later.state, 'ready');
    assert.equal(await page.$eval('#later', (el) => el.view), 'products');
    assert.deepEqual(await page.evaluate(() => [typeof customElements.get('trade-chart'), typeof window.esmLoaded]), ['function', 'string']);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

// ---- hidden charts ----

test('hidden at creation (a closed <details>, display: none): no error; drawn when shown', async () => {
  const { page, errors, close } = await open({
    'hidden.html': [HTML, html(`<main>
<details id="d1"><summary>Chart</summary><trade-chart id="el"></trade-chart></details>
<details id="d2"><summary>Chart</summary><div data-trade-chart id="div"></div></details>
<div id="tab" hidden><div id="api"></div></div></main>
${STANDALONE}<script src="hidden.js"></script>`)],
    'hidden.js': [JS, `window.viaApi = TradeChart.create(document.getElementById('api'), { view: 'monthly' }).then(() => 'ok', (e) => e.code + ' ' + e.message);`],
  });
  try {
    const states = () => page.evaluate(() => [['#el', document.getElementById('el').shadowRoot], ['#div', document.getElementById('div')], ['#api', document.getElementById('api')]]
      .map(([k, r]) => { const f = r && r.querySelector('figure'); return [k, f && f.dataset.state, f && f.querySelector('canvas').width]; }));
    await page.waitForFunction(() => document.getElementById('el').tradeChart && document.getElementById('div').tradeChart);
    assert.equal(await page.evaluate(() => window.viaApi), 'ok');
    const hidden = await states();
    // A closed <details> still lays its content out (content-visibility: hidden): those may
    // draw already; display: none cannot.
    for (const [k, state] of hidden) assert.equal(state, 'ready', k);
    assert.ok(hidden[2][2] <= 300, `#api is not drawn while display: none (backing store ${hidden[2][2]})`);
    await page.evaluate(() => { document.getElementById('d1').open = true; document.getElementById('d2').open = true; document.getElementById('tab').hidden = false; });
    for (const sel of ['#el', '#div', '#api']) {
      await page.waitForFunction((sel) => { const s = document.querySelector(sel); const r = s.shadowRoot || s; return r.querySelector('canvas').width >= 600; }, sel);
      const s = await settled(page, sel);
      assert.equal(s.state, 'ready', sel);
      assert.ok(s.colours > 10, `${sel} drew once shown: ${JSON.stringify(s)}`);
      assert.equal(s.cssWidth, 640, sel);
    }
    assert.deepEqual(errors, []);
  } finally { await close(); }
});
