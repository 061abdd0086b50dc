// The iframe embed (issue 11, step 2): dist/embed.html on one origin inside a host page on
// another (two servers), under the strict CSP; dist/embed.js sizes the iframe to the
// height the page reports, both ways; hostile messages are ignored; query values are
// checked; the parent can set the theme. Then the chart's own page (`trade-chart bundle`,
// the builder's iframe page) in the same host: its picture without scripts, and no shift
// and no change of height when the chart takes the picture over.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, RESULTS, collectErrors, commandLine, launch, startServer } from './helpers.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:";
let host, chart, browser;
before(async () => { host = await startServer(); chart = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); host?.close(); chart?.close(); });

function probes() {
  const v = (window.violations = []);
  document.addEventListener('securitypolicyviolation', (e) => v.push(`${e.violatedDirective} ${e.blockedURI}`));
  window.messages = [];
  window.addEventListener('message', (e) => window.messages.push(e.data));
}

// The host page (host origin) with the README snippet twice (embed.js loaded twice too).
// `src`: the frame's page (on the chart's origin) instead of embed.html?query; `init`: more
// scripts before each frame's own; `context`: the browser context's options.
async function open(query, { hash = '', width = 900, late = false, src: page0 = null, init = [], context = {}, routes = null } = {}) {
  const ctx = await browser.browser.newContext({ viewport: { width, height: 900 }, ...context });
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  // the host's console warnings (embed.js must not message a frame still on about:blank)
  page.on('console', (m) => { if (m.type() === 'warning' && /postMessage/.test(m.text())) errors.push(`console warning: ${m.text()}`); });
  await page.addInitScript(probes);
  for (const [fn, arg] of init) await page.addInitScript(fn, arg);
  const src = page0 ? `${chart.url}${page0}${hash}` : `${chart.url}embed.html?${query}${hash}`;
  await page.route(`${host.url}host.html`, (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': `${CSP}; frame-src ${chart.url}` },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><main>
<iframe id="f" data-trade-chart-embed src="${src}" title="North Korea–China trade" loading="lazy" width="100%" height="520" frameborder="0"></iframe>
<noscript><a href="${src}">The chart</a></noscript>
<iframe id="other" src="${chart.url}embed.html?id=other" title="other" height="200"></iframe>
</main>${late ? '' : '<script src="/embed.js"></script><script src="/embed.js"></script>'}</body></html>` }));
  // The embed page under the strict CSP (its own origin).
  await page.route((u) => u.href.startsWith(`${chart.url}embed.html`), async (route) => {
    const res = await route.fetch();
    return route.fulfill({ response: res, headers: { ...res.headers(), 'content-security-policy': CSP } });
  });
  if (routes) await routes(page);
  await page.goto(`${host.url}host.html`);
  let f;
  for (let i = 0; i < 100 && !(f && f.url().startsWith(chart.url)); i++) {
    f = await (await page.waitForSelector('#f', { state: 'attached' })).contentFrame();
    if (!(f && f.url().startsWith(chart.url))) await page.waitForTimeout(100);
  }
  assert.ok(f && f.url().startsWith(chart.url), 'the embed frame loaded: ' + (f && f.url()) + ' ' + page.frames().map((x) => x.url()).join(' '));
  return { page, errors, frame: f, close: () => ctx.close() };
}

// In the frame: how far down its content reaches (px), measured on every element of the
// document and of the chart's shadow root, not the way the frame reports it.
function extent() {
  let bottom = 0;
  const walk = (root) => { for (const n of root.querySelectorAll('*')) { const r = n.getBoundingClientRect(); if (r.height) bottom = Math.max(bottom, r.bottom + scrollY); if (n.shadowRoot) walk(n.shadowRoot); } };
  walk(document);
  return Math.ceil(bottom);
}

// In the frame: the chart's state once drawn or failed.
function frameState() {
  const el = document.querySelector('trade-chart'), f = el && el.shadowRoot && el.shadowRoot.querySelector('figure.tc');
  if (!f || (!el.tradeChart && f.dataset.state !== 'error')) return null;
  const err = f.querySelector('.tc-error');
  return { state: f.dataset.state, error: err.hidden ? '' : err.textContent, view: el.tradeChart ? el.tradeChart.view : null,
    theme: el.tradeChart ? el.tradeChart.theme : null, height: Math.ceil(document.documentElement.getBoundingClientRect().height), violations: window.violations };
}

// Polls until the iframe's height equals the frame's content height twice running; the
// time from the frame's last change of height to the iframe matching it (ms).
async function followed(page, frame) {
  const t0 = Date.now();
  let seen = null, changed = Date.now(), prev = null;
  for (;;) {
    const want = await frame.evaluate(extent);
    if (want !== prev) { changed = Date.now(); prev = want; }
    const height = await page.evaluate(() => Math.round(document.getElementById('f').getBoundingClientRect().height));
    if (want > 100 && height === want) {
      // nothing is cut: the frame's document has nothing to scroll to
      const cut = await frame.evaluate(() => document.documentElement.scrollHeight - innerHeight);
      if (seen === want) return { height, want, cut, lag: Date.now() - changed };
      seen = want;
    } else seen = null;
    // a loaded machine (CI with other work) can take seconds to settle; 15 s before giving up
    if (Date.now() - t0 > 15_000) return { height, want, lag: Infinity };
    await page.waitForTimeout(16);
  }
}

test('cross-origin iframe: the chart draws under the strict CSP; the iframe is the whole document\'s height, nothing cut, as the host narrows from 1000 to 360 px and widens back; the three height messages', async () => {
  const { page, errors, frame, close } = await open('view=monthly&lang=ko&theme=light&id=c1', { hash: '#?secret=abc123', width: 1000 });
  try {
    const s = await (await frame.waitForFunction(frameState, null, { timeout: 30_000 })).jsonValue();
    assert.deepEqual([s.state, s.error, s.view, s.theme, s.violations], ['ready', '', 'monthly', 'light', []]);
    const wide = await followed(page, frame);
    assert.equal(wide.height, wide.want, JSON.stringify(wide));
    assert.equal(wide.cut, 0, `the iframe shows the whole chart: ${JSON.stringify(wide)}`);
    await page.setViewportSize({ width: 360, height: 900 });
    await frame.waitForFunction(`(${extent})() !== ${wide.want}`);
    const narrow = await followed(page, frame);
    assert.equal(narrow.height, narrow.want, JSON.stringify(narrow));
    assert.equal(narrow.cut, 0, `the iframe shows the whole chart on a phone: ${JSON.stringify(narrow)}`);
    assert.ok(narrow.lag < 1000, `the iframe followed the narrow chart after ${narrow.lag} ms`);
    assert.notEqual(narrow.want, wide.want, 'the chart is another height on a phone');
    await page.setViewportSize({ width: 1000, height: 900 });
    await frame.waitForFunction(`(${extent})() !== ${narrow.want}`);
    const back = await followed(page, frame);
    assert.equal(back.height, back.want, JSON.stringify(back));
    assert.equal(back.cut, 0, JSON.stringify(back));
    assert.ok(back.lag < 1000, `the iframe followed back after ${back.lag} ms`);
    const msgs = await page.evaluate(() => window.messages);
    const last = (pred) => msgs.filter(pred).pop();
    assert.deepEqual(last((m) => m.type === 'trade-chart:height'), { type: 'trade-chart:height', id: 'c1', height: back.want });
    assert.deepEqual(last((m) => m.sentinel === 'amp'), { sentinel: 'amp', type: 'embed-size', height: back.want });
    assert.deepEqual(last((m) => m.secret), { secret: 'abc123', message: 'height', value: back.want });
    // the other iframe (no data-trade-chart-embed) is never resized
    assert.equal(await page.evaluate(() => document.getElementById('other').style.height), '');
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('the host\'s script coming after the chart drew (late, or the frame from the cache): it asks the frame again and the iframe follows', async () => {
  const { page, errors, frame, close } = await open('view=collapse&id=c3', { late: true });
  try {
    await frame.waitForFunction(frameState, null, { timeout: 30_000 });
    const want = await frame.evaluate(extent);
    await page.waitForTimeout(300); // the frame's reports went to nobody
    assert.equal(await page.evaluate(() => Math.round(document.getElementById('f').getBoundingClientRect().height)), 520, 'nothing resized it yet');
    await page.evaluate(() => new Promise((r) => { const s = document.createElement('script'); s.src = '/embed.js'; s.onload = r; document.body.append(s); }));
    const got = await followed(page, frame);
    assert.equal(got.height, want, JSON.stringify(got));
    assert.equal(got.cut, 0, JSON.stringify(got));
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('hostile messages are ignored: a wrong source, a bad height, a bad theme; the parent may set the theme', async () => {
  const { page, errors, frame, close } = await open('view=collapse&id=c2');
  try {
    await frame.waitForFunction(frameState, null, { timeout: 30_000 });
    const first = await followed(page, frame);
    assert.equal(first.height, first.want, `the iframe followed the chart before the hostile messages: ${JSON.stringify(first)}`);
    const { want } = first;
    const height = () => page.evaluate(() => Math.round(document.getElementById('f').getBoundingClientRect().height));
    // wrong source: the host page itself, and the other iframe
    await page.evaluate(() => window.postMessage({ type: 'trade-chart:height', id: 'c2', height: 50 }, '*'));
    const other = page.frames().find((f) => f.url().includes('id=other'));
    await other.evaluate(() => parent.postMessage({ type: 'trade-chart:height', id: 'c2', height: 60 }, '*'));
    // bad data from the right frame
    for (const bad of [{ type: 'trade-chart:height', height: '70' }, { type: 'trade-chart:height', height: -1 }, { type: 'trade-chart:height', height: 1e9 }, { type: 'trade-chart:height', height: NaN }, 'trade-chart:height', null]) {
      await frame.evaluate((m) => parent.postMessage(m, '*'), bad);
    }
    await page.waitForTimeout(300);
    assert.equal(await height(), want);
    // set-theme: from the parent only, a known theme only
    await frame.evaluate(() => window.postMessage({ type: 'trade-chart:set-theme', theme: 'dark' }, '*')); // from itself
    await page.evaluate(() => document.getElementById('f').contentWindow.postMessage({ type: 'trade-chart:set-theme', theme: '<img src=x onerror=alert(1)>' }, '*'));
    await page.waitForTimeout(200);
    assert.equal(await frame.evaluate(() => document.querySelector('trade-chart').tradeChart.theme), 'auto');
    await page.evaluate(() => document.getElementById('f').contentWindow.postMessage({ type: 'trade-chart:set-theme', theme: 'dark', colorScheme: 'dark' }, '*'));
    await frame.waitForFunction(() => document.querySelector('trade-chart').tradeChart.theme === 'dark');
    assert.equal(await frame.evaluate(() => getComputedStyle(document.documentElement).colorScheme), 'dark');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('bad query values show the widget error, never script; a non-http src is not fetched', async () => {
  for (const [query, want] of [['view=%3Cscript%3Ealert(1)%3C/script%3E', /view/], ['theme=blue', /theme/], ['src=javascript:alert(1)', /could not fetch/], ['height=1e9', null]]) {
    const { page, frame, close } = await open(query);
    try {
      const s = await (await frame.waitForFunction(frameState, null, { timeout: 30_000 })).jsonValue();
      if (query.startsWith('height')) {
        // height=1e9 is not a height the frame passes on (two to four digits), and a height
        // that is not a number is the default (README): the chart draws at its own height.
        assert.equal(s.state, 'ready', `${query}: ${JSON.stringify(s)}`);
        assert.ok(s.height > 200 && s.height < 1000, `${query}: ${JSON.stringify(s)}`);
      } else {
        assert.equal(s.state, 'error', `${query}: ${JSON.stringify(s)}`);
        assert.match(s.error, want, query);
      }
      assert.equal(await frame.evaluate(() => document.querySelectorAll('script:not([src])').length), 0);
      assert.deepEqual(s.violations, []);
      await page.waitForTimeout(50);
    } finally { await close(); }
  }
});

// ---- the chart's own page as the iframe (the builder's iframe snippet; issue 22) ----
// The one-file page `trade-chart bundle` writes (the builder's "Web page" download, the
// same bytes): its picture inline, the standalone script inline, and frame-report.js in its
// <head>, which reports the whole document's height as embed.html does.
let onePage = null;
function chartPage() {
  if (onePage) return onePage;
  const r = spawnSync(commandLine(), ['bundle', join(ROOT, 'data/kp-cn.json'), '--view', 'collapse', '--script', join(ROOT, 'dist/pkg/trade-chart.standalone.js'), '-o', '-'],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, r.stderr);
  onePage = r.stdout;
  return onePage;
}
// Served as a file on the chart's origin (a route: the page is made here, not in dist/).
async function serveChartPage(page) {
  const body = chartPage();
  await page.route(`${chart.url}charts/kp-cn.html`, (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body }));
}
// Each frame of the chart's origin: its layout shifts, and its wasm held until the test
// says (window.__release()), so the picture is what is shown until then.
function holdWasm(origin) {
  if (location.origin !== origin) return;
  window.__shifts = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__shifts.push({ value: e.value, t: Math.round(e.startTime), sources: (e.sources || []).map((s) => [s.node && (s.node.className || s.node.nodeName), JSON.stringify(s.previousRect), JSON.stringify(s.currentRect)]) }); })
    .observe({ type: 'layout-shift', buffered: true });
  let release;
  const held = new Promise((r) => { release = r; });
  window.__release = () => { window.__releasedAt = Math.round(performance.now()); release(); };
  const W = WebAssembly;
  for (const k of ['instantiate', 'instantiateStreaming', 'compile', 'compileStreaming']) {
    const f = W[k];
    W[k] = async function (...a) { await held; return f.apply(W, a); };
  }
}
// In the frame: the chart's host and whether the picture or the live chart is in it.
function pageState() {
  const el = document.querySelector('[data-trade-chart]');
  const fig = el && el.querySelector('figure.tc');
  const box = (e) => { const b = e.getBoundingClientRect(); return [b.x, b.y, b.width, b.height].map(Math.round); };
  return { picture: !!(fig && fig.hasAttribute('data-tc-picture')), canvas: !!(el && el.querySelector('canvas')), chart: !!(el && el.tradeChart),
    framed: document.documentElement.hasAttribute('data-tc-framed'), figure: fig ? box(fig) : null, source: fig && fig.querySelector('.tc-source') ? box(fig.querySelector('.tc-source')) : null,
    title: fig && fig.querySelector('.tc-title') ? fig.querySelector('.tc-title').textContent : null,
    scrollHeight: document.documentElement.scrollHeight, clientHeight: document.documentElement.clientHeight,
    height: Math.ceil(document.documentElement.getBoundingClientRect().height), bodyMargin: getComputedStyle(document.body).margin + ' ' + getComputedStyle(document.body).padding };
}
// The host's iframe: its height, and the frame's document height (scrollHeight), both ways.
async function sized(page, frame) {
  const r = await followed(page, frame);
  const s = await frame.evaluate(pageState);
  return { ...r, scrollHeight: s.scrollHeight, doc: s.height };
}

test('the chart\'s own page in a cross-origin iframe, scripts held back: the picture is there (the README\'s snippet, nothing run in the frame)', async () => {
  const { page, frame, close } = await open(null, { src: 'charts/kp-cn.html', width: 1000, context: { javaScriptEnabled: false }, routes: serveChartPage });
  try {
    await frame.waitForSelector('[data-trade-chart] figure.tc');
    // Without scripts (Playwright's evaluate still runs; the page's scripts did not): the
    // picture, not framed (frame-report.js did not run), its plot drawn.
    const s = await frame.evaluate(pageState);
    assert.deepEqual([s.picture, s.canvas, s.chart, s.framed], [true, false, false, false]);
    assert.match(s.title, /North Korea/);
    assert.ok(s.figure[3] > 300, JSON.stringify(s));
    const drawn = await frame.evaluate(() => [...document.querySelectorAll('[data-trade-chart] figure.tc svg')].filter((e) => e.getBoundingClientRect().height > 100).length);
    assert.equal(drawn, 1, 'one of the picture\'s widths is shown, drawn');
    await page.screenshot({ path: join(RESULTS, 'iframe-page-noscript.png') });
  } finally { await close(); }
});

test('the chart\'s own page in a cross-origin iframe: the picture first, its height reported; the takeover moves nothing (layout-shift entries) and keeps the height; the iframe is the frame\'s scrollHeight at 1000 and 360 px and back', async (t) => {
  const { page, errors, frame, close } = await open(null, { src: 'charts/kp-cn.html', hash: '#?secret=s22', width: 1000, init: [[holdWasm, chart.url.replace(/\/$/, '')]], routes: serveChartPage });
  try {
    await frame.waitForFunction(() => document.querySelector('[data-trade-chart] figure.tc'));
    // Held: the picture, framed (no padding), and the host has sized the iframe to it.
    const before = await sized(page, frame);
    const held = await frame.evaluate(pageState);
    assert.deepEqual([held.picture, held.canvas, held.chart, held.framed, held.bodyMargin], [true, false, false, true, '0px 0px']);
    assert.equal(before.height, before.want, JSON.stringify(before));
    assert.equal(before.height, before.scrollHeight, `the iframe is the framed document's height: ${JSON.stringify(before)}`);
    assert.equal(before.cut, 0);
    await page.screenshot({ path: join(RESULTS, 'iframe-page-picture-1000.png') });
    // A theme from the parent before the takeover: the picture follows, then the chart.
    const titleColor = () => frame.evaluate(() => getComputedStyle(document.querySelector('[data-trade-chart] .tc-title')).color);
    const light = await titleColor();
    await page.evaluate(() => document.getElementById('f').contentWindow.postMessage({ type: 'trade-chart:set-theme', theme: 'dark' }, '*'));
    await frame.waitForFunction(() => document.querySelector('[data-trade-chart] figure.tc').dataset.tcTheme === 'dark');
    const dark = await titleColor();
    assert.notEqual(dark, light, `the picture is dark: ${light} → ${dark}`);
    // The takeover.
    await frame.evaluate(() => window.__release());
    await frame.waitForFunction(() => { const el = document.querySelector('[data-trade-chart]'); return el && el.tradeChart && el.querySelector('canvas'); }, null, { timeout: 30_000 });
    await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const live = await frame.evaluate(pageState);
    assert.deepEqual([live.picture, live.canvas], [false, true]);
    assert.deepEqual([live.figure, live.source], [held.figure, held.source], 'nothing moved at the takeover');
    const shifts = await frame.evaluate(() => ({ shifts: window.__shifts, released: window.__releasedAt }));
    assert.deepEqual(shifts.shifts, [], `no layout shift in the frame: ${JSON.stringify(shifts)}`);
    const wide = await sized(page, frame);
    assert.equal(wide.height, before.height, `the same height before and after the takeover: ${JSON.stringify({ before, wide })}`);
    assert.equal(wide.height, wide.scrollHeight, JSON.stringify(wide));
    assert.equal(wide.cut, 0);
    // Every height the frame reported: the picture's, which the chart kept.
    const reported = await page.evaluate(() => [...new Set(window.messages.filter((m) => m && m.type === 'trade-chart:height' && m.id === '').map((m) => m.height))]);
    assert.deepEqual(reported, [wide.height], 'one height reported at 1000 px');
    await page.screenshot({ path: join(RESULTS, 'iframe-page-1000.png') });
    // A phone, and back.
    await page.setViewportSize({ width: 360, height: 800 });
    await frame.waitForFunction(`document.documentElement.scrollHeight !== ${wide.scrollHeight}`);
    const narrow = await sized(page, frame);
    assert.equal(narrow.height, narrow.scrollHeight, JSON.stringify(narrow));
    assert.equal(narrow.height, narrow.want, JSON.stringify(narrow));
    assert.equal(narrow.cut, 0);
    assert.notEqual(narrow.height, wide.height, 'another height on a phone');
    await page.screenshot({ path: join(RESULTS, 'iframe-page-360.png'), fullPage: true });
    await page.setViewportSize({ width: 1000, height: 900 });
    await frame.waitForFunction(`document.documentElement.scrollHeight !== ${narrow.scrollHeight}`);
    const back = await sized(page, frame);
    assert.equal(back.height, back.scrollHeight, JSON.stringify(back));
    assert.equal(back.height, wide.height, JSON.stringify({ wide, back }));
    t.diagnostic(`iframe heights (px): picture ${before.height}, chart ${wide.height} at 1000 px; ${narrow.height} at 360 px; ${back.height} back at 1000 px`);
    // The protocol: our message with its (empty) id, AMP's, WordPress's with the secret.
    const msgs = await page.evaluate(() => window.messages);
    const last = (pred) => msgs.filter(pred).pop();
    assert.deepEqual(last((m) => m && m.type === 'trade-chart:height'), { type: 'trade-chart:height', id: '', height: back.height });
    assert.deepEqual(last((m) => m && m.sentinel === 'amp'), { sentinel: 'amp', type: 'embed-size', height: back.height });
    assert.deepEqual(last((m) => m && m.secret), { secret: 's22', message: 'height', value: back.height });
    // The theme asked for before the takeover is the chart's; the parent's next one too.
    assert.equal(await frame.evaluate(() => document.querySelector('[data-trade-chart]').tradeChart.theme), 'dark');
    await page.evaluate(() => document.getElementById('f').contentWindow.postMessage({ type: 'trade-chart:set-theme', theme: 'light', colorScheme: 'light' }, '*'));
    await frame.waitForFunction(() => document.querySelector('[data-trade-chart]').tradeChart.theme === 'light');
    assert.equal(await frame.evaluate(() => getComputedStyle(document.documentElement).colorScheme), 'light');
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});
