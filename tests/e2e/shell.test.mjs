// The JS shell (www/shell.js) against a mock wasm module that follows the contract in
// docs/ARCHITECTURE.md: DOM, text safety, hover overlay, touch, resize coalescing,
// errors, traps and teardown, independent of the Rust build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launch, collectErrors } from './helpers.mjs';

// Runs in the page: a fake `Chart` with the wasm facade's methods, and counters.
function mockWasm() {
  const calls = (window.calls = { resize: [], draw: 0, hover: 0, free: 0 });
  const VIEWS = [{ id: 'a', label: 'View A' }, { id: 'b', label: 'View B' }, { id: 'c', label: 'View C' }]; // set_view('trap') traps
  const SERIES = [{ id: 's1', label: 'One', color: 'rgb(200, 0, 0)' }, { id: 's2', label: 'Two', color: 'rgb(0, 0, 200)' }];
  class Chart {
    constructor(canvas, data, options) {
      if (data && data.bad) throw new Error('data.series[0].observations[3].value: expected a number, found "x"');
      if (options.view && !VIEWS.some((v) => v.id === options.view)) throw new Error(`options.view: unknown view "${options.view}"`);
      Object.assign(this, { canvas, view: options.view || 'a', hidden: new Set(), w: 0, h: 0 });
      this.title = (data && data.title) || 'Mock <img src=x onerror="window.__xss=1"> title';
    }
    meta() {
      return { title: this.title, subtitle: 'Sub', unit: 'USD', notes: ['note one', 'note two'], source_line: 'Source: Mock',
        view: this.view, views: VIEWS, summary: 'A mock chart', legend: SERIES.map((s) => ({ ...s, visible: !this.hidden.has(s.id) })) };
    }
    preferred_height(w) { return Math.round(w * 0.5); }
    resize(w, h, dpr) {
      if (!w || !h) throw new Error('resize: zero size');
      calls.resize.push([w, h, dpr]);
      Object.assign(this, { w, h });
      this.canvas.width = w * dpr; this.canvas.height = h * dpr;
      this.draw();
    }
    draw() { calls.draw++; }
    set_view(id) {
      if (id === 'trap') throw new WebAssembly.RuntimeError('unreachable');
      if (!VIEWS.some((v) => v.id === id)) throw new Error(`view: unknown view "${id}"`);
      this.view = id; this.draw();
    }
    toggle_series(id) {
      if (this.hidden.has(id)) this.hidden.delete(id); else this.hidden.add(id);
      this.draw(); return !this.hidden.has(id);
    }
    set_data(d) {
      if (!d || d.bad) throw new Error('data.series[0].observations[3].value: expected a number, found "x"');
      this.title = d.title; this.draw();
    }
    items() { // four bars per visible series, spread over the width
      const vis = SERIES.filter((s) => !this.hidden.has(s.id));
      const bw = this.w / (4 * vis.length);
      return vis.flatMap((s, j) => [0, 1, 2, 3].map((i) => ({ id: `${s.id}-${i}`, series: s.id, period: String(2017 + i),
        label: String(2017 + i), value: i, x: (i * vis.length + j) * bw, y: this.h / 4, w: bw, h: this.h / 2 })));
    }
    hover(x, y) {
      calls.hover++;
      const it = this.items().find((b) => x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h);
      return it ? { x: it.x, y: it.y, w: it.w, h: it.h, ax: it.x + it.w / 2, ay: it.y, title: `${it.label} <b>bold</b>`,
        series: it.series, value: `$${it.value} million`, lines: ['line one'], source: 'Mock Agency, 2021', url: 'https://example.invalid' } : null;
    }
    free() { calls.free++; }
  }
  window.mockModule = { Chart };
}

// Runs in the page: counts live listeners on window/document and active ResizeObservers.
function instrument() {
  const live = new Set();
  const add = EventTarget.prototype.addEventListener, remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, fn, opts) {
    const rec = { target: this, type, fn };
    if (this === window || this === document) live.add(rec);
    const signal = opts && typeof opts === 'object' && opts.signal;
    if (signal) add.call(signal, 'abort', () => live.delete(rec));
    return add.call(this, type, fn, opts);
  };
  EventTarget.prototype.removeEventListener = function (type, fn, opts) {
    for (const r of live) if (r.target === this && r.type === type && r.fn === fn) live.delete(r);
    return remove.call(this, type, fn, opts);
  };
  window.liveListeners = () => live.size;
  let observing = 0;
  const RO = window.ResizeObserver;
  window.ResizeObserver = class extends RO {
    observe(el) { this.n = (this.n || 0) + 1; observing++; return super.observe(el); }
    disconnect() { observing -= this.n || 0; this.n = 0; return super.disconnect(); }
  };
  window.observing = () => observing;
}

const shell = readFileSync(join(ROOT, 'www/shell.js'), 'utf8');
const css = readFileSync(join(ROOT, 'www/trade-chart.css'), 'utf8');
let browser, page, errors;

before(async () => {
  browser = await launch();
  page = await browser.browser.newPage({ viewport: { width: 900, height: 900 } });
  errors = collectErrors(page);
  await page.setContent('<!doctype html><html><head><link rel="icon" href="data:,"></head><body style="margin:0">' +
    '<div id="a" style="width:640px"></div><div id="b" style="width:640px"></div></body></html>');
  await page.addScriptTag({ content: `(${instrument})(); (${mockWasm})();` });
  await page.addScriptTag({ content: `const TRADE_CHART_VERSION = "9.9.9"; const TRADE_CHART_CSS = ${JSON.stringify(css)};\n${shell}\n` +
    'window.api = tradeChartApi(mockModule, () => Promise.resolve());' });
});
after(async () => { await browser?.close(); });

// A fresh container with a chart; returns its id.
async function fresh(options = {}, style = 'width:640px') {
  return page.evaluate(async ([options, style]) => {
    const el = document.createElement('div');
    el.id = 'c' + Math.random().toString(36).slice(2);
    el.style.cssText = style;
    document.body.append(el);
    await api.create(el, options);
    return el.id;
  }, [options, style]);
}

test('builds the DOM of the contract, once-only style, sized from the container', async () => {
  const id = await fresh();
  await fresh();
  const r = await page.evaluate((id) => {
    const el = document.getElementById(id), f = el.firstElementChild, c = f.querySelector('.tc-plot canvas');
    const q = (s) => f.querySelectorAll(s).length;
    return {
      tag: f.tagName, state: f.dataset.state, styles: document.querySelectorAll('style#trade-chart-style').length,
      parts: [q(':scope > figcaption.tc-head > p.tc-title'), q(':scope > figcaption.tc-head > p.tc-subtitle'),
        q(':scope > .tc-tabs[role=tablist] > button[role=tab][data-view]'), q(':scope > .tc-legend > button[aria-pressed][data-series]'),
        q(':scope > .tc-plot > .tc-highlight[hidden]'), q(':scope > .tc-plot > .tc-tooltip[hidden]'),
        q(':scope > p.tc-error[role=alert][hidden]'), q(':scope > footer.tc-foot > p.tc-notes'), q(':scope > footer.tc-foot > p.tc-source')],
      selected: [...f.querySelectorAll('[role=tab]')].map((b) => b.getAttribute('aria-selected')),
      swatch: getComputedStyle(f.querySelector('.tc-swatch')).backgroundColor,
      notes: f.querySelector('.tc-notes').textContent, source: f.querySelector('.tc-source').textContent,
      css: [c.style.width, c.style.height], last: calls.resize.at(-1), view: el.tradeChart.view, views: el.tradeChart.views,
      touch: getComputedStyle(f.querySelector('.tc-plot')).touchAction, version: api.version,
    };
  }, id);
  assert.equal(r.tag, 'FIGURE');
  assert.equal(r.state, 'ready');
  assert.equal(r.styles, 1);
  assert.deepEqual(r.parts, [1, 1, 3, 2, 1, 1, 1, 1, 1]);
  assert.deepEqual(r.selected, ['true', 'false', 'false']);
  assert.equal(r.swatch, 'rgb(200, 0, 0)');
  assert.equal(r.notes, 'note one\nnote two');
  assert.equal(r.source, 'Source: Mock');
  assert.deepEqual(r.css, ['640px', '320px']);
  assert.deepEqual(r.last, [640, 320, 1]);
  assert.equal(r.view, 'a');
  assert.deepEqual(r.views.map((v) => v.id), ['a', 'b', 'c']);
  assert.equal(r.touch, 'pan-y');
  assert.equal(r.version, '9.9.9');
});

test('all text goes in as text, never as markup', async () => {
  const id = await fresh();
  await page.mouse.move(5, 5);
  const r = await page.evaluate((id) => {
    const f = document.getElementById(id).firstElementChild;
    return { imgs: f.querySelectorAll('img, b').length, title: f.querySelector('.tc-title').textContent, xss: window.__xss };
  }, id);
  assert.equal(r.imgs, 0);
  assert.match(r.title, /<img src=x/);
  assert.equal(r.xss, undefined);
});

test('hover moves the overlay without redrawing; tooltip stays inside and flips at the right edge', async () => {
  const id = await fresh();
  await page.locator(`#${id} canvas`).scrollIntoViewIfNeeded();
  const box = await page.locator(`#${id} canvas`).boundingBox();
  const draws = await page.evaluate(() => calls.draw);
  const probe = () => page.evaluate((id) => {
    const plot = document.querySelector(`#${id} .tc-plot`), tip = plot.querySelector('.tc-tooltip'), hl = plot.querySelector('.tc-highlight');
    const p = plot.getBoundingClientRect(), t = tip.getBoundingClientRect(), hb = hl.getBoundingClientRect();
    return { hidden: tip.hidden, hlHidden: hl.hidden, text: tip.textContent, bold: tip.querySelectorAll('b').length,
      left: t.left - p.left, right: t.right - p.left, top: t.top - p.top, bottom: t.bottom - p.top, width: p.width, height: p.height,
      hl: [hb.left - p.left, hb.top - p.top, hb.width, hb.height], flip: tip.classList.contains('tc-flip') };
  }, id);
  // The first bar (x 0..80 of 640): tooltip to its right.
  await page.mouse.move(box.x + 40, box.y + 160);
  let r = await probe();
  assert.equal(r.hidden, false);
  assert.equal(r.hlHidden, false);
  assert.match(r.text, /2017 <b>bold<\/b>/);
  assert.match(r.text, /\$0 million/);
  assert.match(r.text, /line one/);
  assert.match(r.text, /Mock Agency, 2021/);
  assert.equal(r.bold, 0);
  assert.deepEqual(r.hl.map(Math.round), [0, 80, 80, 160]);
  assert.ok(r.left >= 40 && !r.flip, `tooltip right of the anchor: ${r.left}`);
  // The last bar (x 560..640): flipped to the left of the anchor at x = 600, still inside.
  await page.mouse.move(box.x + 630, box.y + 100);
  r = await probe();
  assert.equal(r.hidden, false);
  assert.ok(r.flip && r.right <= 600, `flipped: right edge ${r.right}`);
  assert.ok(r.left >= 0 && r.right <= r.width + 0.5 && r.top >= 0 && r.bottom <= r.height + 0.5, JSON.stringify(r));
  // Between bars: nothing; off the plot: hidden.
  await page.mouse.move(box.x + 40, box.y + 5);
  assert.equal((await probe()).hidden, true);
  await page.mouse.move(box.x + 40, box.y + 160);
  await page.mouse.move(box.x + 40, box.y + box.height + 200);
  assert.equal((await probe()).hidden, true);
  assert.equal(await page.evaluate(() => calls.draw), draws, 'hover must not redraw');
});

test('a touch tap shows the tooltip; it stays after the finger lifts and hides on a tap elsewhere', async () => {
  const id = await fresh();
  const r = await page.evaluate(async (id) => {
    const plot = document.querySelector(`#${id} .tc-plot`), c = plot.querySelector('canvas'), b = c.getBoundingClientRect();
    const ev = (type, target, x, y) => target.dispatchEvent(new PointerEvent(type, { bubbles: true, pointerType: 'touch', clientX: x, clientY: y }));
    ev('pointerdown', c, b.left + 40, b.top + 160);
    const shown = !plot.querySelector('.tc-tooltip').hidden;
    plot.dispatchEvent(new PointerEvent('pointerleave', { pointerType: 'touch' }));
    const kept = !plot.querySelector('.tc-tooltip').hidden;
    ev('pointerdown', document.body, 1, 1);
    return { shown, kept, after: !plot.querySelector('.tc-tooltip').hidden };
  }, id);
  assert.deepEqual(r, { shown: true, kept: true, after: false });
});

test('keyboard: arrows on the focused canvas walk the marks', async () => {
  const id = await fresh();
  await page.focus(`#${id} canvas`);
  await page.keyboard.press('ArrowRight');
  const t1 = await page.locator(`#${id} .tc-tooltip`).textContent();
  await page.keyboard.press('ArrowRight');
  const t2 = await page.locator(`#${id} .tc-tooltip`).textContent();
  assert.match(t1, /^2017/);
  assert.match(t2, /^2018/);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator(`#${id} .tc-tooltip`).isHidden(), true);
});

test('many size changes in one frame make one resize; a fixed height is kept', async () => {
  const id = await fresh({ height: 200 });
  const r = await page.evaluate(async (id) => {
    const el = document.getElementById(id), n = calls.resize.length;
    for (const w of [500, 450, 400, 350, 420]) { el.style.width = w + 'px'; await new Promise(requestAnimationFrame); await new Promise(requestAnimationFrame); }
    const each = calls.resize.length - n;
    const m = calls.resize.length;
    for (const w of [300, 310, 320, 330]) { el.style.width = w + 'px'; el.getBoundingClientRect(); }
    await new Promise(requestAnimationFrame); await new Promise(requestAnimationFrame); await new Promise(requestAnimationFrame);
    return { each, batch: calls.resize.slice(m), css: el.querySelector('canvas').style.cssText };
  }, id);
  assert.ok(r.each >= 4, `a resize per frame: ${r.each}`);
  assert.deepEqual(r.batch, [[330, 200, 1]]);
  assert.match(r.css, /width: 330px; height: 200px/);
});

test('tabs and legend buttons drive the chart and follow meta()', async () => {
  const id = await fresh();
  await page.click(`#${id} [role=tab][data-view=b]`);
  await page.click(`#${id} .tc-legend [data-series=s2]`);
  const r = await page.evaluate((id) => {
    const el = document.getElementById(id);
    return { view: el.tradeChart.view, selected: el.querySelector('[aria-selected=true]').dataset.view,
      pressed: el.querySelector('[data-series=s2]').getAttribute('aria-pressed'), series: [...new Set(el.tradeChart.items().map((i) => i.series))] };
  }, id);
  assert.deepEqual(r, { view: 'b', selected: 'b', pressed: 'false', series: ['s1'] });
  // ARIA tabs: arrow keys move the selection and the focus, wrapping around.
  await page.focus(`#${id} [role=tab][data-view=b]`);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const k = await page.evaluate((id) => ({ view: document.getElementById(id).tradeChart.view, focused: document.activeElement.dataset.view,
    tabindex: [...document.querySelectorAll(`#${id} [role=tab]`)].map((b) => b.tabIndex) }), id);
  assert.deepEqual(k, { view: 'a', focused: 'a', tabindex: [0, -1, -1] });
});

test('bad input: create rejects naming the field and shows it; setData keeps the old chart', async () => {
  const r = await page.evaluate(async () => {
    const el = document.createElement('div'); el.style.width = '500px'; document.body.append(el);
    const err = await api.create(el, { data: { bad: true } }).then(() => null, (e) => e);
    const bad = { isError: err instanceof Error, message: err.message, state: el.firstElementChild.dataset.state,
      shown: el.querySelector('.tc-error').textContent, hidden: el.querySelector('.tc-error').hidden };
    const ok = document.createElement('div'); ok.style.width = '500px'; document.body.append(ok);
    const chart = await api.create(ok, { data: { title: 'Old' } });
    let thrown = null;
    try { chart.setData({ bad: true }); } catch (e) { thrown = e; }
    const kept = { thrown: thrown instanceof Error && thrown.message, state: ok.firstElementChild.dataset.state,
      title: ok.querySelector('.tc-title').textContent, items: chart.items().length };
    chart.setData({ title: 'New' });
    const fixed = { state: ok.firstElementChild.dataset.state, hidden: ok.querySelector('.tc-error').hidden, title: ok.querySelector('.tc-title').textContent };
    return { bad, kept, fixed };
  });
  const field = 'data.series[0].observations[3].value: expected a number, found "x"';
  assert.deepEqual(r.bad, { isError: true, message: field, state: 'error', shown: field, hidden: false });
  assert.deepEqual(r.kept, { thrown: field, state: 'error', title: 'Old', items: 8 });
  assert.deepEqual(r.fixed, { state: 'ready', hidden: true, title: 'New' });
});

test('zero width and unknown view reject with an Error; the message is shown', async () => {
  const r = await page.evaluate(async () => {
    const mk = (w) => { const el = document.createElement('div'); el.style.width = w; document.body.append(el); return el; };
    const z = mk('0px'), v = mk('400px');
    const ez = await api.create(z, {}).then(() => null, (e) => e);
    const ev = await api.create(v, { view: 'nope' }).then(() => null, (e) => e);
    return { zero: [ez instanceof Error, ez.message, z.querySelector('.tc-error').textContent === ez.message],
      view: [ev instanceof Error, ev.message, v.querySelector('.tc-error').textContent === ev.message] };
  });
  assert.equal(r.zero[0], true);
  assert.match(r.zero[1], /zero width/);
  assert.equal(r.zero[2], true);
  assert.deepEqual(r.view, [true, 'options.view: unknown view "nope"', true]);
});

test('a wasm trap kills only that instance: clear errors after, the page keeps working', async () => {
  const [dead, alive] = [await fresh(), await fresh()];
  const r = await page.evaluate(([dead, alive]) => {
    const a = document.getElementById(dead).tradeChart, b = document.getElementById(alive).tradeChart;
    const grab = (f) => { try { f(); return null; } catch (e) { return e instanceof Error ? e.message : 'not an Error: ' + e; } };
    const first = grab(() => a.setView('trap'));
    const later = [grab(() => a.setView('a')), grab(() => a.items()), grab(() => a.toggleSeries('s1'))];
    const shown = document.querySelector(`#${dead} .tc-error`).textContent;
    const state = document.querySelector(`#${dead} figure`).dataset.state;
    b.setView('b');
    a.destroy();
    return { first, later, shown, state, other: b.view, otherItems: b.items().length, gone: !document.querySelector(`#${dead} figure`) };
  }, [dead, alive]);
  assert.match(r.first, /internal error: unreachable/);
  for (const m of r.later) assert.match(m, /stopped after an internal error/);
  assert.equal(r.shown, r.first);
  assert.equal(r.state, 'error');
  assert.equal(r.other, 'b');
  assert.equal(r.otherItems, 8);
  assert.equal(r.gone, true);
  // A click on the dead chart's tab must not throw out of the event handler either.
  const id = await fresh();
  await page.evaluate((id) => { try { document.getElementById(id).tradeChart.setView('trap'); } catch {} }, id);
  await page.click(`#${id} [role=tab][data-view=a]`);
});

test('destroy removes DOM, listeners and observer, frees once, and is idempotent', async () => {
  const before = await page.evaluate(() => ({ listeners: liveListeners(), observing: observing(), free: calls.free }));
  const id = await fresh();
  const during = await page.evaluate(() => ({ listeners: liveListeners(), observing: observing() }));
  assert.ok(during.listeners > before.listeners && during.observing > before.observing, 'the chart registers listeners and an observer');
  const r = await page.evaluate((id) => {
    const el = document.getElementById(id), chart = el.tradeChart;
    chart.destroy(); chart.destroy();
    let after = null;
    try { chart.setView('a'); } catch (e) { after = e.message; }
    return { children: el.children.length, listeners: liveListeners(), observing: observing(), freed: calls.free, handle: 'tradeChart' in el, after };
  }, id);
  assert.deepEqual({ ...r, after: undefined }, { children: 0, listeners: before.listeners, observing: before.observing, freed: before.free + 1, handle: false, after: undefined });
  assert.match(r.after, /destroyed/);
  // The element can take a new chart.
  await page.evaluate((id) => api.create(document.getElementById(id)), id);
});

test('mountAll mounts each [data-trade-chart] once, with events and element.tradeChart', async () => {
  const r = await page.evaluate(async () => {
    const box = document.createElement('section');
    box.innerHTML = '<div data-trade-chart data-view="b" style="width:300px"></div><div data-trade-chart data-view="nope" style="width:300px"></div>';
    document.body.append(box);
    const events = [];
    box.addEventListener('trade-chart:ready', (e) => events.push(['ready', e.detail.view]));
    box.addEventListener('trade-chart:error', (e) => events.push(['error', e.detail.message]));
    const first = await api.mountAll(box);
    const second = await api.mountAll(box);
    const [ok, bad] = box.children;
    return { first: first.length, second: second.length, events, view: ok.tradeChart.view, bad: bad.tradeChart === undefined, figures: box.querySelectorAll('figure').length };
  });
  assert.deepEqual(r, { first: 1, second: 0, events: [['ready', 'b'], ['error', 'options.view: unknown view "nope"']], view: 'b', bad: true, figures: 2 });
});

test('no console errors or uncaught exceptions', () => {
  assert.deepEqual(errors, []);
});
