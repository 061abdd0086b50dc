// Chaos in Chromium (issue 13), part 1: the life of a chart under abuse. destroy() while
// create() is pending; create() twice on one element; the element removed mid-create;
// setData 1000× alternating good and bad data; 1000 resizes in a burst; a
// devicePixelRatio change; a tab (panel) hidden and shown during a create; 50 charts
// made and destroyed 20×; a wasm allocation failure. Each ends with no uncaught error and
// no console error; the leaks are read from Chromium's own counters and the wasm memory.
// Part 2 (hostile input, two copies of the script): chaos-hostile.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { canvasStats, collectErrors, dataset, launch, startServer } from './helpers.mjs';

// chaos-*-csp.test.mjs run this file again with globalThis.CHAOS_CSP set: every page then
// carries the README's strict Content-Security-Policy, and a violation is a console error
// (which every test asserts there is none of).
const CSP = globalThis.CHAOS_CSP ? "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:" : null;
const reportCsp = () => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

// Before the page's scripts: the wasm memory as it is instantiated; every wasm object the
// glue registers for finalization (freed: __wbg_ptr 0); and every draw of a chart canvas
// with the animation frame it fell in. A draw starts with getContext('2d') on the chart's
// canvas (src/canvas.rs, Canvas2d::new, once per paint); the frame number is bumped by a
// rAF loop started first, so it changes before any chart's own rAF of the same frame.
function probes() {
  for (const k of ['instantiate', 'instantiateStreaming']) {
    const orig = WebAssembly[k];
    WebAssembly[k] = async function (...a) {
      const r = await orig.apply(this, a);
      const inst = r.instance || r;
      if (inst.exports && inst.exports.memory) window.wasmMemory = inst.exports.memory;
      return r;
    };
  }
  const FR = window.FinalizationRegistry, objects = (window.wasmObjects = []);
  window.FinalizationRegistry = class extends FR {
    register(obj, held, token) { if (obj && '__wbg_ptr' in obj) objects.push(obj); return super.register(obj, held, token); }
  };
  window.liveCharts = () => objects.filter((o) => o.__wbg_ptr).length;
  window.frame = 0;
  window.draws = []; // the frame number of every chart draw
  const tick = () => { window.frame++; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  const get = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (...a) {
    if (this.getAttribute('part') === 'canvas') window.draws.push(window.frame);
    return get.apply(this, a);
  };
}

// A fresh page (its own context) with `body` and the standalone script.
async function open(body, { b = browser.browser, context = {} } = {}) {
  const ctx = await b.newContext({ viewport: { width: 900, height: 900 }, ...context });
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  await page.addInitScript(probes);
  if (CSP) await page.addInitScript(reportCsp);
  // The fixtures' style attributes become rules of a stylesheet file (a strict CSP refuses
  // style attributes in markup; the page's own CSS is not what is tested).
  const rules = [];
  body = body.replace(/ style="([^"]*)"/g, (_, css) => ` data-test-style="${rules.push(css) - 1}"`);
  await page.route(`${server.url}c/**`, (route) => route.request().url().endsWith('.css')
    ? route.fulfill({ status: 200, headers: { 'content-type': 'text/css' }, body: rules.map((r, i) => `[data-test-style="${i}"] { ${r} }`).join('\n') })
    : route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', ...(CSP ? { 'content-security-policy': CSP } : {}) },
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Chaos</title><link rel="icon" href="data:,"><link rel="stylesheet" href="page.css"></head><body><main>${body}</main><script src="/pkg/trade-chart.standalone.js"></script></body></html>` }));
  await page.goto(`${server.url}c/page.html`);
  await page.waitForFunction(() => window.TradeChart);
  return { page, errors, ctx, close: () => ctx.close() };
}

const frames = (page, n = 2) => page.evaluate((n) => new Promise((r) => {
  const f = () => (--n ? requestAnimationFrame(f) : r());
  requestAnimationFrame(f);
}), n);

// Chromium's DOM node and listener counts, the JS heap and the wasm memory, after two GCs.
async function counters(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { jsEventListeners, nodes } = await cdp.send('Memory.getDOMCounters');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return { listeners: jsEventListeners, nodes, heap: usedSize, memory: await page.evaluate(() => window.wasmMemory.buffer.byteLength) };
}

test('destroy() while create() is pending: nothing is drawn, nothing leaks, no event; put back, it mounts', async () => {
  const { page, errors, close } = await open('<div id="box"></div><div id="far"></div>');
  try {
    const r = await page.evaluate(async () => {
      const events = [];
      const make = (attrs) => {
        const el = document.createElement('trade-chart');
        for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
        for (const t of ['trade-chart:ready', 'trade-chart:error']) el.addEventListener(t, (e) => events.push(t + ' ' + (e.detail && e.detail.message || '')));
        return el;
      };
      const box = document.getElementById('box');
      // 1. destroyed in the task that connected it (before the wasm is even asked for)
      const a = make({ loading: 'eager' });
      box.append(a);
      a.destroy();
      // 2. destroyed while create() waits for the wasm (the page's first load)
      const b = make({ loading: 'eager' });
      box.append(b);
      await new Promise((r) => setTimeout(r, 0));
      const loading = !window.wasmMemory; // the wasm was still loading when destroyed
      b.destroy();
      // 3. a lazy chart far below the viewport, destroyed while it waits to near it
      const far = document.getElementById('far');
      far.style.marginTop = '5000px';
      const c = make({});
      far.append(c);
      await new Promise((r) => setTimeout(r, 50));
      const pending = c.shadowRoot.querySelector('.tc-box').hasAttribute('data-tc-pending');
      c.destroy();
      await TradeChart.init(); // the wasm is loaded: every pending create() has settled
      c.scrollIntoView();
      await new Promise((r) => setTimeout(r, 300));
      const figures = [a, b, c].map((el) => (el.shadowRoot ? el.shadowRoot.querySelectorAll('figure').length : 0));
      const state = { loading, pending, figures, ready: [a.ready, b.ready, c.ready], events: [...events], live: liveCharts(), made: wasmObjects.length };
      // put back: a destroyed element mounts again when connected
      b.remove();
      const drawn = new Promise((r) => b.addEventListener('trade-chart:ready', r, { once: true }));
      box.append(b);
      await drawn;
      state.again = { view: b.view, live: liveCharts(), width: b.shadowRoot.querySelector('canvas').width };
      return state;
    });
    assert.equal(r.loading, true, 'b was destroyed while the wasm loaded');
    assert.equal(r.pending, true, 'c was waiting to near the viewport');
    assert.deepEqual(r.figures, [0, 0, 0], 'no figure left behind');
    assert.deepEqual(r.ready, [false, false, false]);
    assert.deepEqual(r.events, [], 'no ready or error event from a destroyed chart');
    assert.equal(r.live, 0, `a chart made for a destroyed element was freed (${r.made} made)`);
    assert.equal(r.again.live, 1);
    assert.ok(r.again.width > 100 && r.again.view, JSON.stringify(r.again));
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('create() twice on the same element: one chart, the second call rejects with already-mounted', async () => {
  const { page, errors, close } = await open('<div id="a"></div><trade-chart id="t" loading="eager"></trade-chart>');
  try {
    const r = await page.evaluate(async () => {
      const el = document.getElementById('a');
      const settled = await Promise.allSettled([TradeChart.create(el), TradeChart.create(el, { view: 'monthly' })]);
      const later = await TradeChart.create(el).then(() => 'resolved', (e) => e.code);
      const chart = el.tradeChart;
      chart.setView('monthly'); // the first chart still answers
      // the element's own chart, and create() on a <trade-chart> as well
      const t = document.getElementById('t');
      const onHost = await TradeChart.create(t).then(() => 'resolved', (e) => e.code);
      await new Promise((r) => (t.ready ? r() : t.addEventListener('trade-chart:ready', r, { once: true })));
      const afterReady = await TradeChart.create(t).then(() => 'resolved', (e) => e.code);
      return {
        settled: settled.map((s) => s.status + ' ' + (s.reason ? s.reason.code : '')),
        later, view: chart.view, figures: el.querySelectorAll('figure.tc').length,
        state: el.querySelector('figure.tc').dataset.state, error: el.querySelector('.tc-error').hidden,
        onHost, afterReady, hostFigures: t.querySelectorAll('figure').length + t.shadowRoot.querySelectorAll('figure').length,
        live: liveCharts(),
      };
    });
    assert.deepEqual(r.settled, ['fulfilled ', 'rejected already-mounted']);
    assert.equal(r.later, 'already-mounted');
    assert.deepEqual([r.view, r.figures, r.state, r.error], ['monthly', 1, 'ready', true]);
    assert.equal(r.onHost, 'already-mounted', 'create() on a <trade-chart> that makes its own chart');
    assert.equal(r.afterReady, 'already-mounted');
    assert.equal(r.hostFigures, 1, 'one figure in the <trade-chart>');
    assert.equal(r.live, 2, 'two wasm charts: the div\'s and the element\'s');
    assert.ok((await page.$eval('#a canvas', canvasStats)).colours > 10);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('the element removed from the DOM mid-create: no error; put back, it draws at its width', async () => {
  const { page, errors, close } = await open('<div id="box"></div>');
  try {
    const r = await page.evaluate(async () => {
      const box = document.getElementById('box');
      // create(): the container leaves the page before the wasm is loaded
      const div = document.createElement('div');
      div.style.width = '520px';
      box.append(div);
      const p = TradeChart.create(div).then((c) => ({ ok: !!c }), (e) => ({ code: e.code, message: e.message }));
      div.remove();
      const result = await p;
      const detached = draws.length; // chart draws so far (probes)
      box.append(div);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      await new Promise((r) => requestAnimationFrame(r));
      // <trade-chart>: removed while its create() is pending, then put back
      const t = document.createElement('trade-chart');
      t.setAttribute('loading', 'eager');
      t.style.width = '480px';
      t.style.display = 'block';
      let readies = 0;
      t.addEventListener('trade-chart:ready', () => readies++);
      box.append(t);
      await null;
      t.remove();
      await new Promise((r) => setTimeout(r, 200));
      const gone = { figures: t.shadowRoot.querySelectorAll('figure').length, readies, live: liveCharts() };
      const drawn = new Promise((r) => t.addEventListener('trade-chart:ready', r, { once: true }));
      box.append(t);
      await drawn;
      await new Promise((r) => requestAnimationFrame(r));
      return { result, detached, width: div.querySelector('canvas').width, state: div.querySelector('figure').dataset.state,
        gone, back: { figures: t.shadowRoot.querySelectorAll('figure').length, readies, width: t.shadowRoot.querySelector('canvas').width }, live: liveCharts(), dpr: devicePixelRatio };
    });
    assert.deepEqual(r.result, { ok: true }, 'create() on an element that left the page resolves');
    assert.equal(r.detached, 0, 'nothing drawn while detached');
    assert.deepEqual([r.width, r.state], [520 * r.dpr, 'ready'], 'drawn at its width when put back');
    assert.deepEqual(r.gone, { figures: 0, readies: 0, live: 1 }, 'the removed <trade-chart> kept no chart');
    assert.deepEqual(r.back, { figures: 1, readies: 1, width: 480 * r.dpr });
    assert.equal(r.live, 2);
    assert.ok((await page.$eval('#box > div canvas', canvasStats)).colours > 10, 'drawn in the page\'s colours, not the nothing read while detached');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('setData 1000× alternating good and bad data: each bad one throws and is shown, the last good data stay, memory flat', async (t) => {
  const { page, errors, close } = await open('<div id="a" style="width:600px"></div>');
  try {
    const good = dataset();
    await page.evaluate(async (good) => {
      const chart = await TradeChart.create(document.getElementById('a'), { data: good });
      // Bad in different ways: a wrong type, a missing part, a non-finite number, broken JSON text.
      const bads = [
        (d) => ({ ...d, series: 'x' }),
        (d) => { const c = structuredClone(d); delete c.series[0].observations; return c; },
        (d) => { const c = structuredClone(d); c.series[0].observations[0].value = NaN; return c; },
        () => '{"title": "broken',
        () => 42,
      ];
      window.run = (from, to) => {
        let thrown = 0, hash = 0;
        const canvas = document.querySelector('#a canvas');
        for (let i = from; i < to; i++) {
          if (i % 2 === 0) {
            const d = structuredClone(good);
            d.views[0].title.en = `Good ${i}`;
            chart.setData(d);
            if (i === to - 2) hash = canvas.toDataURL();
          } else {
            try { chart.setData(bads[(i >> 1) % bads.length](good)); } catch (e) { if (e.code || e.message) thrown++; }
          }
        }
        const err = document.querySelector('#a .tc-error');
        return { thrown, same: canvas.toDataURL() === hash, title: document.querySelector('#a .tc-title').textContent,
          chartTitle: chart.table() && chart.items().length > 0, error: err.hidden ? '' : err.textContent, state: document.querySelector('#a figure').dataset.state };
      };
    }, good);
    const warm = await page.evaluate(() => run(0, 200)); // warm-up: caches, the allocator's first growth
    assert.equal(warm.thrown, 100);
    const before = await counters(page);
    const r = await page.evaluate(() => run(0, 1000));
    const end = await counters(page);
    t.diagnostic(`before ${JSON.stringify(before)} after ${JSON.stringify(end)}`);
    assert.equal(r.thrown, 500, 'every bad dataset throws');
    assert.equal(r.title, 'Good 998', 'the last good data stay');
    assert.equal(r.same, true, 'the canvas still shows the last good data');
    assert.equal(r.chartTitle, true);
    assert.equal(r.state, 'error');
    assert.match(r.error, /^data/, 'the last error is shown in the widget');
    // Flat: the wasm memory does not grow at all (a leak of one dataset per call would be
    // 500 × ~25 KB = 12 MB); the JS heap within 2 MB (the same 500 leaked parsed datasets
    // would be far more; V8's own caches move by a few hundred KB between runs).
    assert.equal(end.memory, before.memory, JSON.stringify({ before, end }));
    assert.ok(end.heap - before.heap < 2 << 20, JSON.stringify({ before, end }));
    assert.deepEqual([end.nodes, end.listeners], [before.nodes, before.listeners], JSON.stringify({ before, end }));
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('1000 resizes in a burst: at most one draw per chart per frame, the last size drawn', async (t) => {
  const { page, errors, close } = await open('<div id="box" style="width:600px"><div id="a"></div></div><div id="box2" style="width:600px"><trade-chart loading="eager"></trade-chart></div>');
  try {
    await page.evaluate(() => TradeChart.create(document.getElementById('a')).then(() => null));
    await page.waitForFunction(() => document.querySelector('trade-chart').ready, null, { timeout: 20_000 });
    await frames(page, 3);
    const r = await page.evaluate(async () => {
      const boxes = [document.getElementById('box'), document.getElementById('box2')];
      const canvases = [document.querySelector('#a canvas'), document.querySelector('trade-chart').shadowRoot.querySelector('canvas')];
      const drawsOf = new Map(canvases.map((c) => [c, []]));
      const get = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (...a) { if (drawsOf.has(this)) drawsOf.get(this).push(window.frame); return get.apply(this, a); };
      const start = window.frame;
      // 500 in one task (each a width and a window resize event), then 500 more, five at a
      // time, alternately in a task (a MessageChannel message) and in an animation frame
      // callback (before the frame's ResizeObserver, and beside a chart's own pending
      // frame): spread over some 50 frames.
      let w = 0;
      const change = (i) => {
        w = 300 + ((i * 37) % 500);
        for (const b of boxes) b.style.width = w + 'px';
        window.dispatchEvent(new Event('resize'));
      };
      for (let i = 0; i < 500; i++) change(i);
      const ch = new MessageChannel();
      for (let i = 500; i < 1000; i += 5) {
        if (i % 10) await new Promise((r) => { ch.port1.onmessage = r; ch.port2.postMessage(0); });
        else await new Promise((r) => requestAnimationFrame(r));
        for (let k = i; k < i + 5; k++) change(k);
      }
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r))));
      HTMLCanvasElement.prototype.getContext = get;
      return { w, frames: window.frame - start, dpr: devicePixelRatio, charts: canvases.map((c) => {
        const per = {};
        for (const f of drawsOf.get(c)) per[f] = (per[f] || 0) + 1;
        return { draws: drawsOf.get(c).length, most: Math.max(0, ...Object.values(per)), width: c.width, css: parseFloat(c.style.width) };
      }) };
    });
    t.diagnostic(JSON.stringify(r));
    for (const c of r.charts) {
      assert.ok(c.draws >= r.frames / 4, 'it followed the resizes: ' + JSON.stringify(r));
      assert.ok(c.most <= 1, 'more than one draw in a frame: ' + JSON.stringify(r));
      assert.ok(c.draws <= r.frames, JSON.stringify(r));
      assert.deepEqual([c.css, c.width], [r.w, r.w * r.dpr], 'the last width drawn: ' + JSON.stringify(r));
    }
    assert.ok((await page.$eval('#a canvas', canvasStats)).colours > 10);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('a devicePixelRatio change (zoom) redraws every chart crisp: backing store = CSS size × ratio', async () => {
  const { page, errors, ctx, close } = await open('<div id="a" style="width:500px" data-trade-chart data-loading="eager"></div><trade-chart loading="eager" style="display:block;width:400px"></trade-chart>');
  try {
    await page.waitForFunction(() => document.getElementById('a').tradeChart && document.querySelector('trade-chart').ready, null, { timeout: 20_000 });
    const sizes = () => page.evaluate(() => [document.querySelector('#a canvas'), document.querySelector('trade-chart').shadowRoot.querySelector('canvas')]
      .map((c) => { const r = c.getBoundingClientRect(); return [c.width, c.height, Math.round(r.width * devicePixelRatio), Math.round(r.height * devicePixelRatio)]; }));
    const crisp = (list) => list.every(([w, h, cw, chh]) => w === cw && h === chh);
    assert.ok(crisp(await sizes()), JSON.stringify(await sizes()));
    const cdp = await ctx.newCDPSession(page);
    for (const ratio of [2, 1.5, 1]) {
      // A browser zoom: the ratio changes and the CSS viewport shrinks by as much; the
      // charts' containers have fixed CSS widths, so no ResizeObserver sees a change.
      const css = Math.round(900 / ratio);
      await cdp.send('Emulation.setDeviceMetricsOverride', { width: css, height: css, deviceScaleFactor: ratio, mobile: false });
      await page.waitForFunction((ratio) => devicePixelRatio === ratio, ratio);
      await frames(page, 3);
      const s = await sizes();
      assert.ok(crisp(s), `at devicePixelRatio ${ratio}: ${JSON.stringify(s)}`);
      assert.equal(s[0][0], Math.round(500 * ratio));
    }
    assert.ok((await page.$eval('#a canvas', canvasStats)).colours > 10);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

// Headless Chromium keeps every page visible (document.visibilityState stays "visible"
// whatever tab is brought to the front, and Page.setWebLifecycleState cannot freeze a
// visible page), so a hidden browser tab cannot be made here; the shell never reads the
// page's visibility. What a tab switch does to a chart, its panel going display:none and
// back mid-create, is tested instead.
test('a tab panel hidden and shown during a create: the chart draws at its width once shown', async () => {
  const { page, errors, close } = await open('<div id="tabs"><section id="p1" style="width:640px"><div id="a"></div></section><section id="p2" hidden style="width:560px"><div id="b"></div></section></div>');
  try {
    const r = await page.evaluate(async () => {
      const [p1, p2] = [document.getElementById('p1'), document.getElementById('p2')];
      const t = document.createElement('trade-chart'); // made with the others (eager, in the first panel)
      t.setAttribute('loading', 'eager');
      p1.append(t);
      const settle = () => new Promise((r) => { let n = 4; const f = () => (--n ? requestAnimationFrame(f) : r()); requestAnimationFrame(f); });
      const w = (sel, root = document) => root.querySelector(sel).width;
      const a = TradeChart.create(document.getElementById('a'));
      const b = TradeChart.create(document.getElementById('b'));
      p1.hidden = true; // switch tabs while both are being made (the wasm still loading)
      p2.hidden = false;
      const loading = !window.wasmMemory;
      await null;
      p2.hidden = true; // and back, before either create() has settled
      p1.hidden = false;
      await Promise.all([a, b]);
      await new Promise((r) => (t.ready ? r() : t.addEventListener('trade-chart:ready', r, { once: true })));
      await settle();
      const first = { a: w('#a canvas'), t: w('canvas', t.shadowRoot), bDraws: draws.length };
      p1.hidden = true; p2.hidden = false; // now show the second tab
      await settle();
      const second = { b: w('#b canvas'), a: w('#a canvas') };
      p2.hidden = true; p1.hidden = false; // and the first again
      await settle();
      return { loading, first, second, a: w('#a canvas'), t: w('canvas', t.shadowRoot), dpr: devicePixelRatio,
        states: [...document.querySelectorAll('figure.tc')].map((f) => f.dataset.state) };
    });
    assert.equal(r.loading, true, 'the panels switched while the wasm loaded');
    assert.deepEqual([r.first.a, r.first.t], [640 * r.dpr, 640 * r.dpr], 'the shown panel drew: ' + JSON.stringify(r));
    assert.deepEqual(r.second, { b: 560 * r.dpr, a: 640 * r.dpr }, 'drawn when its tab is shown; the hidden chart keeps its drawing');
    assert.deepEqual([r.a, r.t], [640 * r.dpr, 640 * r.dpr]);
    assert.deepEqual(r.states, ['ready', 'ready']);
    assert.ok((await page.$eval('#b canvas', canvasStats)).colours > 10);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('50 charts created and destroyed 20×: no error, DOM, listeners and wasm memory flat, every wasm chart freed', async (t) => {
  const { page, errors, close } = await open('<div id="grid"></div>');
  try {
    await page.evaluate(() => {
      const views = ['collapse', 'monthly', 'products', 'history'];
      window.round = async () => {
        const grid = document.getElementById('grid');
        const els = Array.from({ length: 50 }, () => {
          const d = document.createElement('div');
          d.style.width = '240px';
          return grid.appendChild(d);
        });
        const charts = await Promise.all(els.map((d, i) => TradeChart.create(d, { view: views[i % views.length], height: 120 })));
        const drawn = els.filter((d) => d.querySelector('canvas').width > 0).length;
        for (const c of charts) c.destroy();
        grid.replaceChildren();
        return drawn;
      };
    });
    await page.evaluate(() => round()); // warm-up
    const before = await counters(page);
    const t0 = Date.now();
    const drawn = [];
    for (let i = 0; i < 20; i++) drawn.push(await page.evaluate(() => round()));
    const ms = Date.now() - t0;
    const end = await counters(page);
    const live = await page.evaluate(() => [liveCharts(), wasmObjects.length]);
    t.diagnostic(`${ms} ms; before ${JSON.stringify(before)} after ${JSON.stringify(end)}`);
    assert.deepEqual(drawn, Array(20).fill(50), 'every chart drew');
    assert.deepEqual(live, [0, 21 * 50], 'every wasm chart freed');
    assert.deepEqual([end.nodes, end.listeners, end.memory], [before.nodes, before.listeners, before.memory], JSON.stringify({ before, end }));
    // 1000 charts kept alive by a leak (figure, listeners, overlay) would be megabytes; the
    // heap moves by ~150 KB between rounds here.
    assert.ok(end.heap - before.heap < 2 << 20, JSON.stringify({ before, end }));
    assert.ok(ms < 60_000, `20 rounds took ${ms} ms`);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

// A wasm allocation failure: Chromium started with its wasm memory capped at 64 MB
// (V8's --wasm-max-mem-pages; the charts need ~1.5 MB), then a chart of three columns of
// 10⁷ points (80 MB each, under the 10⁷ limit) is asked for: Rust's allocator fails and
// aborts, a real trap (no hook in the build). Every chart shows the error card, create()
// rejects, and the page goes on: the next create() draws on a fresh instance.
test('a wasm allocation failure: an error card on every chart, a rejected create(), the page still works', async () => {
  const home = mkdtempSync(join(tmpdir(), 'trade-chart-home-'));
  const capped = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--js-flags=--wasm-max-mem-pages=1024'],
    env: { ...process.env, HOME: home },
  });
  const { page, errors, close } = await open('<div id="a" style="width:500px" data-trade-chart data-loading="eager"></div><trade-chart loading="eager" view="monthly"></trade-chart><div id="big" style="width:500px"></div><div id="next" style="width:500px"></div>', { b: capped });
  try {
    await page.waitForFunction(() => document.getElementById('a').tradeChart && document.querySelector('trade-chart').ready, null, { timeout: 20_000 });
    const r = await page.evaluate(async () => {
      const n = 10_000_000, x = new Float64Array(n);
      for (let i = 0; i < n; i++) x[i] = i;
      const events = [];
      document.addEventListener('trade-chart:error', (e) => events.push(e.detail.code));
      const outcome = await TradeChart.create(document.getElementById('big'), { columns: { x, series: ['a', 'b', 'c'].map((id) => ({ id, values: x })) } })
        .then(() => 'resolved', (e) => ({ code: e.code, message: e.message }));
      const figures = [...document.querySelectorAll('figure.tc'), ...document.querySelector('trade-chart').shadowRoot.querySelectorAll('figure.tc')]
        .map((f) => [f.dataset.state, f.querySelector('.tc-error').hidden ? '' : f.querySelector('.tc-error').textContent]);
      const calls = [() => document.getElementById('a').tradeChart.setView('monthly'), () => document.querySelector('trade-chart').setView('collapse')]
        .map((f) => { try { f(); return 'ok'; } catch (e) { return e.code; } });
      const next = await TradeChart.create(document.getElementById('next'), { view: 'monthly' });
      return { outcome, figures, calls, events, next: { view: next.view, items: next.items().length } };
    });
    assert.equal(r.outcome.code, 'stopped', JSON.stringify(r.outcome));
    assert.match(r.outcome.message, /^trade-chart stopped after an internal error: /);
    assert.equal(r.figures.length, 3, 'the two charts and the failed one');
    for (const f of r.figures) assert.deepEqual(f, ['error', r.outcome.message]);
    assert.deepEqual(r.calls, ['stopped', 'stopped'], 'the stopped charts refuse further calls');
    assert.deepEqual(r.next.view, 'monthly', 'a new chart works on a fresh instance');
    assert.ok(r.next.items > 5);
    assert.ok((await page.$eval('#next canvas', canvasStats)).colours > 10);
    assert.deepEqual(errors, []);
  } finally { await close(); await capped.close(); rmSync(home, { recursive: true, force: true }); }
});
