// Chaos in Chromium (issue 13), part 2: hostile input and a crowded page. Two different
// versions of the script (and the ES module) on one page; markup in every attribute; a
// src that 404s, never answers or returns HTML; messages to the iframe page from another
// origin or malformed. Each is a clear error or ignored, never executed: no uncaught
// error, no console error, no injected element, window.__xss never set.
// Part 1 (lifecycle, resizes, leaks, a wasm trap): chaos-lifecycle.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, canvasStats, collectErrors, dataset, launch, startServer } from './helpers.mjs';

// chaos-*-csp.test.mjs run this file again with globalThis.CHAOS_CSP set: every page then
// carries the README's strict Content-Security-Policy, and a violation is a console error
// (which every test asserts there is none of).
const CSP = globalThis.CHAOS_CSP ? "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:" : null;
const reportCsp = () => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));

let server, other, third, browser;
before(async () => { server = await startServer(); other = await startServer(); third = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); other?.close(); third?.close(); });

const STANDALONE = readFileSync(join(ROOT, 'dist/pkg/trade-chart.standalone.js'), 'utf8');
const html = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Chaos</title><link rel="icon" href="data:,"></head><body><main>${body}</main></body></html>`;

// A fresh page whose URLs under /c/ are `files` (name -> [content-type, body]; a function
// gets the route); opens c/<first>.
async function open(files, { context = {}, init } = {}) {
  const ctx = await browser.browser.newContext({ viewport: { width: 900, height: 900 }, ...context });
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  if (init) await init(page);
  if (CSP) await page.addInitScript(reportCsp);
  await page.route(`${server.url}c/**`, (route) => {
    const name = new URL(route.request().url()).pathname.replace(/^\/c\//, '');
    const f = files[name];
    if (typeof f === 'function') return f(route);
    if (!f) return route.fulfill({ status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' });
    const csp = CSP && f[0].startsWith('text/html') ? { 'content-security-policy': CSP } : {};
    return route.fulfill({ status: 200, headers: { 'content-type': f[0], 'cache-control': 'no-store', ...csp }, body: f[1] });
  });
  await page.goto(`${server.url}c/${Object.keys(files)[0]}`);
  return { page, errors, close: () => ctx.close() };
}
const HTML = 'text/html; charset=utf-8', JS = 'text/javascript; charset=utf-8';

// In the page: every chart figure (in the document and in <trade-chart> shadow roots),
// each [id, state, error text, canvas colours > 10].
function figures() {
  const out = [];
  for (const el of document.querySelectorAll('[data-trade-chart], trade-chart, .api')) {
    const f = (el.shadowRoot || el).querySelector('figure.tc');
    if (!f) { out.push([el.id, 'none']); continue; }
    const err = f.querySelector('.tc-error'), c = f.querySelector('canvas');
    let drawn = false;
    if (c.width > 0 && !err.textContent) {
      const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
      const seen = new Set();
      for (let i = 0; i < data.length && seen.size <= 10; i += 4 * 7) seen.add(data[i] << 16 | data[i + 1] << 8 | data[i + 2]);
      drawn = seen.size > 10;
    }
    out.push([el.id, f.dataset.state, err.hidden ? '' : err.textContent, drawn]);
  }
  return out;
}
// Elements that markup in an attribute or message could have made.
const injected = () => document.querySelectorAll('img, svg, iframe:not([data-keep]), script:not([src]), object, embed').length
  + [...document.querySelectorAll('trade-chart')].reduce((n, t) => n + (t.shadowRoot ? t.shadowRoot.querySelectorAll('img, svg, script, iframe').length : 0), 0);

test('two different versions of the standalone script and the ES module on one page: every chart works, nothing throws', async () => {
  // The second copy: another URL and another version string, as a page that pastes an old
  // snippet beside a new one would load.
  const altered = STANDALONE.replaceAll('version:"0.1.0"', 'version:"0.0.9-old"');
  assert.notEqual(altered, STANDALONE, 'the version string was found');
  const { page, errors, close } = await open({
    'page.html': [HTML, html(`<div data-trade-chart id="a1" data-loading="eager"></div><trade-chart id="t1" loading="eager"></trade-chart>
<script src="/pkg/trade-chart.standalone.js?v=1"></script>
<div data-trade-chart id="a2" data-loading="eager" data-view="monthly"></div><trade-chart id="t2" loading="eager" view="monthly"></trade-chart>
<script src="/c/old/trade-chart.standalone.js?v=0.0.9"></script>
<div data-trade-chart id="a3" data-loading="eager" data-view="products"></div><trade-chart id="t3" loading="eager" view="history"></trade-chart>
<div class="api" id="m1"></div>`)],
    'old/trade-chart.standalone.js': [JS, altered],
  });
  try {
    const r = await page.evaluate(async () => {
      const first = window.TradeChart;
      // the ES module too: its own copy of the shell and its own wasm instance
      const esm = await import('/pkg/index.js');
      const m = await esm.create(document.getElementById('m1'), { view: 'balance' });
      const cross = await esm.create(document.getElementById('a1')).then(() => 'resolved', (e) => e.code); // a chart of the other copy
      const all = '[data-trade-chart], trade-chart';
      await new Promise((resolve) => {
        const done = () => [...document.querySelectorAll(all)].every((el) => el.tradeChart);
        if (done()) return resolve();
        const t = setInterval(() => { if (done()) { clearInterval(t); resolve(); } }, 50);
      });
      return { version: first.version, esmVersion: esm.version, same: window.TradeChart === first, element: customElements.get('trade-chart').name,
        m: m.view, cross, views: [...document.querySelectorAll(all)].map((el) => el.tradeChart.view) };
    });
    assert.equal(r.version, '0.1.0', 'the first copy stays window.TradeChart');
    assert.equal(r.same, true);
    assert.equal(r.cross, 'already-mounted', 'the ES module\'s create() sees the standalone\'s chart');
    assert.deepEqual(r.views, ['collapse', 'collapse', 'monthly', 'monthly', 'products', 'history']);
    assert.equal(r.m, 'balance');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const figs = await page.evaluate(figures);
    assert.equal(figs.length, 7);
    for (const f of figs) assert.deepEqual(f.slice(1), ['ready', '', true], JSON.stringify(f));
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('hostile attributes: markup in view, lang, theme, height and src is a clear error shown as text, never markup', async () => {
  const X = (n) => `<img src=x onerror="window.__xss=${n}">`;
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const title = `<img src=x onerror="window.__xss=9"><script>window.__xss=10</script>`;
  const good = dataset();
  good.views[0].title.en = title;
  const { page, errors, close } = await open({
    'page.html': [HTML, html(`<trade-chart id="v" loading="eager" view="${esc(X(1))}"></trade-chart>
<trade-chart id="th" loading="eager" theme="${esc('"><svg onload="window.__xss=2">')}"></trade-chart>
<trade-chart id="s" loading="eager" src="${esc('javascript:window.__xss=3')}"></trade-chart>
<trade-chart id="l" loading="eager" lang="${esc(X(4))}" height="${esc(X(5))}"></trade-chart>
<div data-trade-chart id="dv" data-loading="eager" data-view="${esc(X(6))}"></div>
<trade-chart id="ok" loading="eager" src="/c/title.json"></trade-chart>
<script src="/pkg/trade-chart.standalone.js"></script>`)],
    'title.json': ['application/json', JSON.stringify(good)],
  });
  try {
    await page.waitForFunction(() => [...document.querySelectorAll('trade-chart, [data-trade-chart]')].every((el) => {
      const f = (el.shadowRoot || el).querySelector('figure.tc');
      return f && (el.tradeChart || f.dataset.state === 'error');
    }), null, { timeout: 20_000 });
    await page.waitForTimeout(300); // time for any onerror/onload to have run
    const figs = Object.fromEntries((await page.evaluate(figures)).map(([id, ...rest]) => [id, rest]));
    assert.equal(figs.v[0], 'error');
    assert.ok(figs.v[1].startsWith('view attribute') && figs.v[1].includes(X(1)), figs.v[1]); // the value quoted as text
    assert.equal(figs.th[0], 'error');
    assert.match(figs.th[1], /^theme attribute/);
    assert.equal(figs.s[0], 'error');
    assert.match(figs.s[1], /could not fetch javascript:window.__xss=3 \(not an http\(s\)/);
    assert.equal(figs.dv[0], 'error');
    assert.match(figs.dv[1], /^data-view attribute/);
    // an unknown language is English (README), a height that is not a number is the default
    assert.deepEqual(figs.l, ['ready', '', true]);
    // markup in the data is text: the title reads as written
    assert.deepEqual(figs.ok, ['ready', '', true]);
    assert.equal(await page.evaluate(() => document.getElementById('ok').shadowRoot.querySelector('.tc-title').textContent), title);
    assert.deepEqual(await page.evaluate(`[window.__xss, (${injected})()]`), [undefined, 0]);
    // the same through properties and setAttribute after the chart is drawn
    const later = await page.evaluate(async () => {
      const el = document.getElementById('ok'), events = [];
      el.addEventListener('trade-chart:error', (e) => events.push(e.detail.message));
      el.setAttribute('view', '<img src=x onerror="window.__xss=11">');
      el.theme = '<svg onload="window.__xss=12">';
      el.setAttribute('lang', '"><img src=x onerror="window.__xss=13">');
      await new Promise((r) => setTimeout(r, 300));
      return { events, view: el.tradeChart.view, error: el.shadowRoot.querySelector('.tc-error').textContent };
    });
    assert.equal(later.events.length, 3, JSON.stringify(later));
    assert.ok(later.events[0].startsWith('view: ') && later.events[0].includes('<img src=x onerror="window.__xss=11">'), later.events[0]);
    assert.match(later.events[1], /^options\.theme: .*<svg onload=/);
    assert.match(later.events[2], /^lang: /);
    assert.equal(later.error, later.events[2], 'the last one shown as text');
    assert.equal(later.view, 'collapse', 'the chart keeps its view');
    assert.deepEqual(await page.evaluate(`[window.__xss, (${injected})()]`), [undefined, 0]);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('a src that 404s, returns HTML or never answers: each a clear fetch or data error on the chart, nothing run', async () => {
  const { page, errors, close } = await open({
    'page.html': [HTML, html(`<trade-chart id="nf" loading="eager" src="/c/missing.json"></trade-chart>
<trade-chart id="html" loading="eager" src="/c/page-not-data.json"></trade-chart>
<trade-chart id="hang" loading="eager" src="/c/hang.json"></trade-chart>
<div data-trade-chart id="dhang" data-loading="eager" data-src="/c/hang.json?2"></div>
<div data-trade-chart id="d500" data-loading="eager" data-src="/c/boom.json"></div>
<script src="/pkg/trade-chart.standalone.js"></script>`)],
    'page-not-data.json': [HTML, '<!doctype html><html><body><h1>Welcome</h1><img src=x onerror="window.__xss=1"><script>window.__xss=2</script></body></html>'],
    'hang.json': () => { /* never answered */ },
    'boom.json': (route) => route.fulfill({ status: 500, body: '<h1>oops</h1>' }),
  }, { init: (page) => page.clock.install() }); // the page's timers on a clock the test moves
  try {
    const settled = (ids) => page.waitForFunction((ids) => ids.every((id) => {
      const el = document.getElementById(id), f = el && (el.shadowRoot || el).querySelector('figure.tc');
      return f && (el.tradeChart || f.dataset.state === 'error');
    }), ids, { timeout: 20_000 });
    await settled(['nf', 'html', 'd500']);
    await page.waitForTimeout(500);
    let figs = Object.fromEntries((await page.evaluate(figures)).map(([id, ...rest]) => [id, rest]));
    assert.deepEqual(figs.nf.slice(0, 2), ['error', 'trade-chart: could not fetch /c/missing.json (HTTP 404)']);
    assert.deepEqual(figs.d500.slice(0, 2), ['error', 'trade-chart: could not fetch /c/boom.json (HTTP 500)']);
    assert.deepEqual(figs.html.slice(0, 2), ['error', 'data: expected an object in the trade-chart dataset schema, found markup (an HTML or XML page?)']);
    assert.deepEqual([figs.hang, figs.dhang], [['none'], ['none']], 'still waiting for an answer');
    // 30 s pass without an answer
    await page.clock.fastForward(31_000);
    await settled(['hang', 'dhang']);
    figs = Object.fromEntries((await page.evaluate(figures)).map(([id, ...rest]) => [id, rest]));
    assert.deepEqual(figs.hang.slice(0, 2), ['error', 'trade-chart: could not fetch /c/hang.json (no answer in 30 s)']);
    assert.deepEqual(figs.dhang.slice(0, 2), ['error', 'trade-chart: could not fetch /c/hang.json?2 (no answer in 30 s)']);
    assert.deepEqual(await page.evaluate(`[window.__xss, (${injected})()]`), [undefined, 0]);
    // a failed fetch reports itself in the console as the browser's own network error (a
    // 404, a 500): those and only those are expected
    assert.deepEqual(errors.filter((e) => !/Failed to load resource: the server responded with a status of (404|500)/.test(e)), []);
  } finally { await close(); }
});

test('messages to the iframe page from another origin or malformed are ignored; the parent\'s good one still works', async () => {
  const ctx = await browser.browser.newContext({ viewport: { width: 900, height: 900 } });
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  await page.route(`${server.url}host.html`, (route) => route.fulfill({ status: 200, headers: { 'content-type': HTML },
    body: html(`<iframe id="f" data-keep data-trade-chart-embed src="${other.url}embed.html?view=monthly&id=c1" title="chart" width="100%" height="500"></iframe>
<iframe id="evil" data-keep src="${third.url}evil.html" title="another origin" height="50"></iframe><script src="/embed.js"></script>`) }));
  // the embed page's origin, fetched by the test (as iframe.test.mjs does)
  await page.route(`${other.url}**`, async (route) => route.fulfill({ response: await route.fetch() }));
  await page.route(`${third.url}evil.html`, (route) => route.fulfill({ status: 200, headers: { 'content-type': HTML }, body: html('<p>another origin</p>') }));
  try {
    await page.goto(`${server.url}host.html`);
    const frameOf = async (prefix) => {
      for (let i = 0; i < 100; i++) {
        const f = page.frames().find((x) => x.url().startsWith(prefix));
        if (f) return f;
        await page.waitForTimeout(100);
      }
      throw new Error('no frame ' + prefix);
    };
    const chart = await frameOf(other.url), evil = await frameOf(third.url);
    await chart.waitForFunction(() => document.querySelector('trade-chart') && document.querySelector('trade-chart').ready, null, { timeout: 30_000 });
    const state = () => chart.evaluate(() => ({ theme: document.querySelector('trade-chart').tradeChart.theme, scheme: document.documentElement.style.colorScheme,
      attrs: document.querySelector('trade-chart').getAttributeNames().sort().join(' '), xss: window.__xss,
      injected: document.querySelectorAll('img, svg, iframe, object, embed, script:not([src])').length + document.querySelector('trade-chart').shadowRoot.querySelectorAll('img, svg, script').length }));
    const start = await state();
    // another origin (a sibling frame) sends a well-formed message: not the parent, ignored
    await evil.evaluate(() => parent.frames[0].postMessage({ type: 'trade-chart:set-theme', theme: 'dark', colorScheme: 'dark' }, '*'));
    // the parent sends malformed ones
    await page.evaluate(() => {
      const w = document.getElementById('f').contentWindow, X = '<img src=x onerror="window.__xss=1">';
      for (const m of [null, undefined, 0, 'trade-chart:set-theme', ['trade-chart:set-theme', 'dark'], {}, { type: 'trade-chart:set-theme' },
        { type: 'trade-chart:set-theme', theme: X }, { type: 'trade-chart:set-theme', theme: ['dark'] }, { type: 'trade-chart:set-theme', theme: { toString: null } },
        { type: 'trade-chart:set-theme', theme: 'dark '.repeat(200000) }, { type: 'trade-chart:set-theme', colorScheme: 'dark; background: url(x)' },
        { type: 'trade-chart:set-theme', colorScheme: X }, { type: ['trade-chart:set-theme'], theme: 'dark' }, JSON.parse('{"__proto__": {"type": "trade-chart:set-theme", "theme": "dark"}}'),
        new Blob(['x']), new ArrayBuffer(8), { type: 'trade-chart:height', height: 1 }]) w.postMessage(m, '*');
    });
    await page.waitForTimeout(400);
    const mid = await state();
    assert.deepEqual(mid, start, 'nothing changed');
    assert.deepEqual([mid.theme, mid.xss, mid.injected], ['auto', undefined, 0]);
    // and the page still listens: the parent's well-formed message applies
    await page.evaluate(() => document.getElementById('f').contentWindow.postMessage({ type: 'trade-chart:set-theme', theme: 'dark', colorScheme: 'dark' }, '*'));
    await chart.waitForFunction(() => document.querySelector('trade-chart').tradeChart.theme === 'dark');
    assert.equal((await state()).scheme, 'dark');
    assert.deepEqual(errors, []);
  } finally { await ctx.close(); }
});
