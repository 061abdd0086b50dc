// The JS shell (www/shell/, its modules bundled by esbuild as scripts/bundle.mjs does) against a mock wasm module that follows the contract in
// docs/ARCHITECTURE.md: DOM, text safety, hover overlay, touch, resize coalescing,
// errors, traps and teardown, independent of the Rust build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launch, collectErrors } from './helpers.mjs';
import { bundle, constants } from '../../scripts/bundle.mjs';

// Runs in the page: a fake `Chart` with the wasm facade's methods, and counters.
function mockWasm() {
  const calls = (window.calls = { resize: [], draw: 0, hover: 0, free: 0, options: [], theme: [], navigate: [], exports: [] });
  const VIEWS = [{ id: 'a', label: 'View A' }, { id: 'b', label: 'View B' }, { id: 'c', label: 'View C' }]; // set_view('trap') traps
  const SERIES = [{ id: 's1', label: 'One', color: 'rgb(200, 0, 0)' }, { id: 's2', label: 'Two', color: 'rgb(0, 0, 200)' }];
  // Every word the widget shows, per language (ko: no Latin letters at all, to catch English left in the shell).
  const UI = {
    en: { lang: 'en', views: 'Views', legend: 'Series shown', show_data: 'Show data', hide_data: 'Hide data', claims: 'Check the claims',
      download: 'Download', keyboard: 'Use the arrow keys.', close: 'Close', chart: 'Chart' },
    ko: { lang: 'ko', views: '보기', legend: '표시할 계열', show_data: '데이터 보기', hide_data: '데이터 숨기기', claims: '기사 수치 검증',
      download: '내려받기', keyboard: '화살표 키로 이동합니다.', close: '닫기', chart: '그래프' },
  };
  const KO = { title: '모의 그래프', label: (i) => `${2017 + i}년`, series: ['하나', '둘'], views: ['보기 가', '보기 나', '보기 다'] };
  const KEYS = ['bg', 'fg', 'muted', 'grid', 'axis', 'two-way', 'flow-a', 'flow-b', 'claim'];
  class Chart {
    constructor(canvas, text, optionsText) {
      const options = JSON.parse(optionsText); // the shell sends JSON text
      calls.options.push(options);
      const data = text === undefined ? undefined : JSON.parse(text); // the shell sends JSON text
      if (data && data.bad) throw new Error('data.series[0].observations[3].value: expected a number, found "x"');
      if (options.view && !VIEWS.some((v) => v.id === options.view)) throw new Error(`options.view: unknown view "${options.view}"`);
      if (options.lang && !/^(en|ko)/.test(options.lang)) throw new Error(`options.lang: expected "en", "ko" or "zh", found "${options.lang}"`);
      Object.assign(this, { canvas, view: options.view || 'a', hidden: new Set(), w: 0, h: 0, lang: options.lang ? options.lang.slice(0, 2) : 'en' });
      this.title = (data && data.title) || 'Mock <img src=x onerror="window.__xss=1"> title';
    }
    ko() { return this.lang === 'ko'; }
    meta() {
      const ko = this.ko();
      return { lang: this.lang, title: ko ? KO.title : this.title, subtitle: ko ? '부제' : 'Sub', unit: 'USD',
        notes: ko ? ['주석 하나', '주석 둘'] : ['note one', 'note two'], source_line: ko ? '출처: 모의' : 'Source: Mock',
        view: this.view, views: VIEWS.map((v, i) => ({ id: v.id, label: ko ? KO.views[i] : v.label })),
        summary: ko ? '모의 그래프 요약' : 'A mock chart', claims: this.noClaims ? 0 : 2, ui: UI[this.lang],
        kind: 'dataset', can: { views: true, table: true, claims: true, export: true, navigate: true },
        legend: SERIES.map((s, k) => ({ ...s, label: ko ? KO.series[k] : s.label, texture: ['solid', 'stripes'][k], visible: !this.hidden.has(s.id) })) };
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
    set_lang(tag) {
      if (!/^(en|ko)/.test(tag)) throw new Error(`lang: expected "en", "ko" or "zh", found "${tag}"`);
      this.lang = tag.slice(0, 2); this.draw();
    }
    set_theme(colors) {
      for (const k of Object.keys(colors)) if (!KEYS.includes(k) || !/^rgba?\(/.test(colors[k])) throw new Error(`theme.${k}: expected a CSS colour`);
      // As Rust does (theme::from_page): dark when the background is dark, or, with a
      // transparent one, when the text is light.
      const lum = (c) => { const m = c.match(/[\d.]+/g).map(Number); return { l: (0.3 * m[0] + 0.6 * m[1] + 0.1 * m[2]) / 255, a: m.length > 3 ? m[3] : 1 }; };
      const bg = lum(colors.bg), fg = lum(colors.fg);
      const base = (bg.a > 0 ? bg.l < 0.4 : fg.l > 0.6) ? 'dark' : 'light';
      calls.theme.push([base, colors, this.canvas.closest('figure').parentElement.id]); this.draw();
      return base;
    }
    toggle_series(id) {
      if (this.hidden.has(id)) this.hidden.delete(id); else this.hidden.add(id);
      this.draw(); return !this.hidden.has(id);
    }
    set_data(text) {
      const d = text === undefined ? undefined : JSON.parse(text);
      if (!d || d.bad) throw new Error('data.series[0].observations[3].value: expected a number, found "x"');
      this.title = d.title; this.draw();
    }
    items() { // four bars per visible series, spread over the width; one row per series
      const vis = SERIES.filter((s) => !this.hidden.has(s.id));
      const bw = this.w / (4 * vis.length);
      return vis.flatMap((s, j) => [0, 1, 2, 3].map((i) => ({ id: `${s.id}-${i}`, series: s.id, period: String(2017 + i),
        label: this.ko() ? KO.label(i) : String(2017 + i), value: i, x: (i * vis.length + j) * bw, y: this.h / 4, w: bw, h: this.h / 2 })));
    }
    describe(i) {
      const it = this.items()[i];
      if (!it) return null;
      const ko = this.ko(), s = SERIES.findIndex((x) => x.id === it.series), series = ko ? KO.series[s] : SERIES[s].label;
      const value = ko ? `${it.value}백만 달러` : `$${it.value} million`;
      return { index: i, x: it.x, y: it.y, w: it.w, h: it.h, ax: it.x + it.w / 2, ay: it.y, title: `${it.label} <b>bold</b>`,
        series, series_id: it.series, value, lines: [ko ? '기준: 모의' : 'line one'], source: ko ? '모의 기관, 2021' : 'Mock Agency, 2021',
        url: 'https://example.invalid', announce: `${it.label}, ${series}, ${value}` };
    }
    navigate(from, key) { // rows are series; Left/Right/Home/End within a row, Up/Down between rows
      calls.navigate.push([from, key]);
      const list = this.items();
      const moves = ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End'];
      if (!moves.includes(key) || !list.length) return -1;
      if (from < 0 || from >= list.length) return key === 'End' ? 3 : 0;
      const row = Math.floor(from / 4), col = from % 4, rows = list.length / 4;
      const at = (r, c) => Math.max(0, Math.min(rows - 1, r)) * 4 + Math.max(0, Math.min(3, c));
      return { ArrowRight: at(row, col + 1), ArrowLeft: at(row, col - 1), Home: at(row, 0), End: at(row, 3), ArrowUp: at(row - 1, col), ArrowDown: at(row + 1, col) }[key];
    }
    hover(x, y) {
      calls.hover++;
      const list = this.items(), i = list.findIndex((b) => x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h);
      return i < 0 ? null : this.describe(i);
    }
    table() {
      return { caption: this.meta().title, headers: this.ko() ? ['기간', '계열', '금액'] : ['Period', 'Series', 'Value'],
        rows: this.items().map((it) => [it.label, it.series, `$${it.value} <b>million</b>`]) };
    }
    claims() {
      return [
        { id: 'c1', text: 'Claim <i>one</i>', status: 'agrees', status_label: 'Checked', badge: '✓', story: '$1 million', data: '$1 million (2017)', note: '', source: 'Mock' },
        { id: 'c2', text: 'Claim two', status: 'unsupported', status_label: 'Not supported', badge: '✗', story: '$9 million', data: '$2 million (2018)', note: 'Why', source: 'Mock' },
      ];
    }
    csv() { calls.exports.push('csv'); return 'period,value_usd\n2017,1000000\n'; }
    svg(w) { calls.exports.push(['svg', w]); return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="100"><text y="20">mock</text></svg>`; }
    render_export(canvas, w, dpr) {
      calls.exports.push(['png', w, dpr]);
      canvas.width = w * dpr; canvas.height = 100 * dpr;
      canvas.getContext('2d').fillRect(0, 0, 10, 10);
      return 100;
    }
    free() { calls.free++; }
  }
  // The module's free functions (src/web.rs): the options, the language and the colour names.
  const OPTIONS = ['view', 'lang', 'data', 'columns', 'title', 'height', 'theme', 'loading'];
  function check_options(text) {
    const o = JSON.parse(text);
    for (const k of Object.keys(o)) {
      if (!OPTIONS.includes(k)) throw Object.assign(new Error(`options.${k}: unknown option; expected one of ${OPTIONS.join(', ')}`), { code: 'unknown-field' });
    }
    if (o.theme != null && !['auto', 'light', 'dark'].includes(o.theme)) throw new Error(`options.theme: expected "light", "dark" or "auto", found "${o.theme}"`);
    return o.theme || 'auto';
  }
  const lang_tag = (tag) => (/^(en|ko|zh)([-_]|$)/i.test(tag.trim()) ? tag.trim() : undefined);
  const theme_keys = () => KEYS.slice();
  window.mockModule = { Chart, check_options, lang_tag, theme_keys };
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
  // Destroys every chart on the page, those in shadow roots too.
  window.destroyAll = () => {
    const all = (root) => [...root.querySelectorAll('figure.tc'), ...[...root.querySelectorAll('*')].flatMap((e) => (e.shadowRoot ? all(e.shadowRoot) : []))];
    for (const f of all(document)) f.parentElement.tradeChart?.destroy();
  };
  // MutationObservers made and disconnected (the page's theme watch is one per document).
  const MO = window.MutationObserver, mo = (window.mutationObservers = { made: 0, disconnected: 0 });
  window.MutationObserver = class extends MO {
    constructor(fn) { super(fn); mo.made++; }
    disconnect() { mo.disconnected++; return super.disconnect(); }
  };
}

const css = readFileSync(join(ROOT, 'www/trade-chart.css'), 'utf8');
let browser, page, errors;

before(async () => {
  // The shell's modules as one classic script with the test's own version and stylesheet,
  // and its own host: the mock's loader (the page's mockModule; loads and resets counted).
  const host = 'export const loadWasm = () => { loads++; return Promise.resolve(mockModule); };\n' +
    'export const resetWasm = () => { resets++; };\n' +
    'export const cssUrl = undefined, loadStory = undefined, loadFull = undefined, resetFull = undefined;\n';
  const shell = await bundle({ contents: "import { tradeChartApi } from './www/shell/index.js';\nwindow.tradeChartApi = tradeChartApi;\n" },
    { format: 'iife', modules: { 'trade-chart:build': { contents: constants({ version: '9.9.9', css }) }, 'trade-chart:host': { contents: host } } });
  browser = await launch();
  page = await browser.browser.newPage({ viewport: { width: 900, height: 900 } });
  errors = collectErrors(page);
  await page.setContent('<!doctype html><html><head><link rel="icon" href="data:,"></head><body style="margin:0">' +
    '<div id="a" style="width:640px"></div><div id="b" style="width:640px"></div></body></html>');
  await page.addScriptTag({ content: `(${instrument})(); (${mockWasm})();` });
  await page.addScriptTag({ content: `${shell}\n` +
    'window.loads = 0; window.resets = 0;\n' +
    'window.api = tradeChartApi();' });
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
      tag: f.tagName, state: f.dataset.state, styles: document.adoptedStyleSheets.filter((s) => [...s.cssRules].some((r) => r.selectorText === '.tc-sizer')).length,
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

test('Escape dismisses a hover tooltip wherever the keyboard focus is (WCAG 1.4.13)', async () => {
  const id = await fresh();
  await page.locator(`#${id} canvas`).scrollIntoViewIfNeeded();
  const box = await page.locator(`#${id} canvas`).boundingBox();
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.mouse.move(box.x + 40, box.y + 160);
  assert.equal(await page.locator(`#${id} .tc-tooltip`).isVisible(), true);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator(`#${id} .tc-tooltip`).isHidden(), true);
  await page.mouse.move(box.x + 40, box.y + box.height + 100);
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

test('a structural change writes only the DOM that changed', async () => {
  const id = await fresh();
  // Equal writes still cost the next frame a style and layout pass: a toggle changes one attribute.
  const toggled = await page.evaluate(async (id) => {
    const el = document.getElementById(id);
    const seen = [];
    const mo = new MutationObserver((rs) => seen.push(...rs.map((r) => [r.type, r.target.dataset?.series || r.target.className || r.target.nodeName, r.attributeName || ''])));
    mo.observe(el, { subtree: true, childList: true, attributes: true, characterData: true });
    el.tradeChart.toggleSeries('s2');
    await Promise.resolve();
    mo.disconnect();
    return seen;
  }, id);
  assert.deepEqual(toggled, [['attributes', 's2', 'aria-pressed']]);
  // A change of language rewrites the words, and only those nodes.
  const relabelled = await page.evaluate(async (id) => {
    const el = document.getElementById(id);
    const title = el.querySelector('.tc-title').firstChild, swatch = el.querySelector('[data-series=s1] .tc-swatch');
    el.tradeChart.setLang('ko');
    return { title: el.querySelector('.tc-title').textContent, newTitle: el.querySelector('.tc-title').firstChild !== title,
      legend: el.querySelector('[data-series=s1]').textContent, newSwatch: el.querySelector('[data-series=s1] .tc-swatch') !== swatch };
  }, id);
  assert.deepEqual(relabelled, { title: '모의 그래프', newTitle: true, legend: '하나', newSwatch: true });
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

// Zero width used to reject ("zero-width"); a hidden chart now waits for a width (issue 11).
test('zero width waits and draws when the container gets a width; an unknown view rejects with an Error; the message is shown', async () => {
  const r = await page.evaluate(async () => {
    const mk = (w) => { const el = document.createElement('div'); el.style.width = w; document.body.append(el); return el; };
    const z = mk('0px'), v = mk('400px');
    const before = calls.resize.length;
    const cz = await api.create(z, {}).then((c) => c, (e) => e);
    const ev = await api.create(v, { view: 'nope' }).then(() => null, (e) => e);
    const hidden = [cz instanceof Error, z.querySelector('figure').dataset.state, z.querySelector('.tc-error').hidden, calls.resize.length - before];
    z.style.width = '300px';
    await new Promise((r) => setTimeout(r, 100));
    const shown = [calls.resize.at(-1), z.querySelector('canvas').style.width];
    cz.destroy();
    return { hidden, shown, view: [ev instanceof Error, ev.message, v.querySelector('.tc-error').textContent === ev.message] };
  });
  assert.deepEqual(r.hidden, [false, 'ready', true, 0]);
  assert.deepEqual(r.shown, [[300, 150, 1], '300px']);
  assert.deepEqual(r.view, [true, 'options.view: unknown view "nope"', true]);
});

test('a wasm trap stops every chart on the instance: clear errors after, the page keeps working, the next create starts afresh', async () => {
  const [dead, alive] = [await fresh(), await fresh()];
  const r = await page.evaluate(async ([dead, alive]) => {
    const a = document.getElementById(dead).tradeChart, b = document.getElementById(alive).tradeChart;
    const grab = (f) => { try { f(); return null; } catch (e) { return e instanceof Error ? [e.code, e.message].join(' ') : 'not an Error: ' + e; } };
    const resetsBefore = resets;
    const first = grab(() => a.setView('trap'));
    const later = [grab(() => a.setView('a')), grab(() => a.items()), grab(() => a.toggleSeries('s1'))];
    const shown = document.querySelector(`#${dead} .tc-error`).textContent;
    const state = document.querySelector(`#${dead} figure`).dataset.state;
    // The instance is shared: the other chart stopped too, with the same message.
    const other = [grab(() => b.setView('b')), document.querySelector(`#${alive} .tc-error`).textContent,
      document.querySelector(`#${alive} figure`).dataset.state, await b.downloadCsv().then(() => 'resolved', (e) => e.code)];
    a.destroy();
    const el = document.createElement('div'); el.style.width = '400px'; document.body.append(el);
    const next = await api.create(el);
    return { first, later, shown, state, other, gone: !document.querySelector(`#${dead} figure`), resets: resets - resetsBefore,
      next: [next.items().length, el.querySelector('figure').dataset.state] };
  }, [dead, alive]);
  assert.match(r.first, /^stopped trade-chart stopped after an internal error: unreachable$/);
  for (const m of r.later) assert.match(m, /^stopped .*stopped after an internal error/);
  assert.equal('stopped ' + r.shown, r.first);
  assert.equal(r.state, 'error');
  assert.match(r.other[0], /^stopped .*stopped after an internal error/);
  assert.deepEqual(r.other.slice(1), [r.shown, 'error', 'stopped']);
  assert.equal(r.gone, true);
  assert.equal(r.resets, 1, 'the next create resets the instance');
  assert.deepEqual(r.next, [8, 'ready']);
  // A click on the dead chart's tab must not throw out of the event handler either.
  const id = await fresh();
  await page.evaluate((id) => { try { document.getElementById(id).tradeChart.setView('trap'); } catch {} }, id);
  await page.click(`#${id} [role=tab][data-view=a]`);
});

test('destroy removes DOM, listeners and observer, frees once, and is idempotent', async () => {
  // The page-wide listeners are shared by the charts of a document: counted from none.
  await page.evaluate(() => destroyAll());
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
    // one event each; their order across elements is not part of the contract (a bad view
    // fails while the data is read, a good chart is ready a task later, after drawing)
    events.sort((x, y) => x[0].localeCompare(y[0]));
    return { first: first.length, second: second.length, events, view: ok.tradeChart.view, bad: bad.tradeChart === undefined, figures: box.querySelectorAll('figure').length };
  });
  assert.deepEqual(r, { first: 1, second: 0, events: [['error', 'options.view: unknown view "nope"'], ['ready', 'b']], view: 'b', bad: true, figures: 2 });
});

test('accessible structure: canvas named and described, labelled tablist and legend, live region, textured swatches', async () => {
  const id = await fresh();
  const r = await page.evaluate((id) => {
    const f = document.getElementById(id).firstElementChild, c = f.querySelector('canvas');
    const desc = document.getElementById(c.getAttribute('aria-describedby'));
    const live = f.querySelector('[role=status]');
    const tabs = f.querySelector('[role=tablist]'), legend = f.querySelector('.tc-legend');
    const plot = f.querySelector('.tc-plot'), selected = f.querySelector('[aria-selected=true]');
    return {
      role: c.getAttribute('role'), tabindex: c.tabIndex, label: c.getAttribute('aria-label'),
      desc: desc && desc.textContent, descInFigure: f.contains(desc), descVisible: desc && desc.getBoundingClientRect().width > 1,
      live: [live.getAttribute('aria-live'), live.textContent, live.getBoundingClientRect().width <= 1],
      tabs: tabs.getAttribute('aria-label'), legend: [legend.getAttribute('role'), legend.getAttribute('aria-label')],
      panel: [plot.getAttribute('role'), plot.getAttribute('aria-labelledby') === selected.id, selected.getAttribute('aria-controls') === plot.id],
      textures: [...f.querySelectorAll('.tc-legend .tc-swatch')].map((e) => [e.dataset.texture, getComputedStyle(e).backgroundImage !== 'none']),
      lang: f.lang, ids: new Set([...document.querySelectorAll('[id]')].map((e) => e.id)).size === document.querySelectorAll('[id]').length,
    };
  }, id);
  await page.focus(`#${id} .tc-legend button:last-child`);
  await page.keyboard.press('Tab'); // keyboard focus: :focus-visible
  r.focusRing = await page.evaluate((id) => document.activeElement === document.querySelector(`#${id} canvas`) &&
    getComputedStyle(document.activeElement).outlineStyle, id);
  assert.equal(r.role, 'img');
  assert.equal(r.tabindex, 0);
  assert.match(r.label, /^Mock <img/);
  assert.equal(r.desc, 'A mock chart Use the arrow keys.');
  assert.equal(r.descInFigure, true);
  assert.equal(r.descVisible, false);
  assert.deepEqual(r.live, ['polite', '', true]);
  assert.equal(r.tabs, 'Views');
  assert.deepEqual(r.legend, ['group', 'Series shown']);
  assert.deepEqual(r.panel, ['tabpanel', true, true]);
  assert.deepEqual(r.textures, [['solid', false], ['stripes', true]]);
  assert.equal(r.lang, 'en');
  assert.equal(r.ids, true, 'duplicate ids');
  assert.equal(r.focusRing, 'solid', 'no focus ring on the canvas');
});

test('keyboard: navigate() moves focus, the live region speaks after a pause, Escape hides the tooltip only, a view change restarts', async () => {
  const id = await fresh();
  const tip = page.locator(`#${id} .tc-tooltip`), live = page.locator(`#${id} [role=status]`);
  await page.focus(`#${id} canvas`);
  await page.evaluate(() => { calls.navigate.length = 0; });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  assert.match(await tip.textContent(), /^2018 <b>bold<\/b>Two/);
  assert.equal(await live.textContent(), '', 'announced before the pause');
  await page.waitForTimeout(400);
  assert.equal(await live.textContent(), '2018, Two, $1 million');
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('x'); // not a move: -1, nothing happens
  await page.waitForTimeout(400);
  assert.equal(await live.textContent(), '2017, One, $0 million');
  assert.deepEqual(await page.evaluate(() => calls.navigate), [[-1, 'ArrowRight'], [0, 'ArrowRight'], [1, 'ArrowDown'], [5, 'End'], [7, 'Home'], [4, 'ArrowUp'], [0, 'x']]);
  // The page does not scroll on arrows the chart uses.
  const prevented = await page.$eval(`#${id} canvas`, (c) => {
    const e = new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true });
    c.dispatchEvent(e);
    const f = new KeyboardEvent('keydown', { key: 'q', bubbles: true, cancelable: true });
    c.dispatchEvent(f);
    return [e.defaultPrevented, f.defaultPrevented];
  });
  assert.deepEqual(prevented, [true, false]);
  await page.keyboard.press('Escape');
  assert.equal(await tip.isHidden(), true);
  assert.equal(await page.evaluate((id) => document.activeElement === document.querySelector(`#${id} canvas`), id), true, 'Escape moved focus');
  await page.keyboard.press('ArrowRight');
  assert.equal(await tip.isVisible(), true);
  assert.match(await tip.textContent(), /^2019/);
  // A view change forgets the place: the next arrow starts from the first item.
  await page.evaluate((id) => { document.getElementById(id).tradeChart.setView('b'); calls.navigate.length = 0; }, id);
  await page.focus(`#${id} canvas`);
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await page.evaluate(() => calls.navigate), [[-1, 'ArrowRight']]);
  // Blur hides everything.
  await page.evaluate(() => document.activeElement.blur());
  assert.equal(await tip.isHidden(), true);
  assert.equal(await page.locator(`#${id} .tc-highlight`).isHidden(), true);
});

test('language: the option, else the nearest [lang], else <html lang>; others are English; setLang; no English left in Korean', async () => {
  const r = await page.evaluate(async () => {
    const out = [];
    const make = async (wrapLang, options) => {
      const box = document.createElement('section');
      if (wrapLang != null) box.lang = wrapLang;
      const el = document.createElement('div'); el.style.width = '500px';
      box.append(el); document.body.append(box);
      calls.options.length = 0;
      const chart = await api.create(el, options);
      out.push([calls.options[0].lang, el.firstElementChild.lang]);
      return { chart, el };
    };
    await make('ko-KR', {});
    await make('ko', { lang: 'en-GB' });
    await make('fr', {});
    await make('', {});
    document.documentElement.lang = 'ko';
    await make(null, {});
    document.documentElement.lang = '';
    await make(null, {});
    const { chart, el } = await make(null, { lang: 'ko' });
    const f = el.firstElementChild;
    chart.showData(); chart.showClaims();
    const visible = [...f.querySelectorAll('*')].filter((e) => !e.closest('[hidden]') && e.children.length === 0 && e.textContent.trim())
      .map((e) => e.textContent.trim());
    const labels = [f.querySelector('[role=tablist]').getAttribute('aria-label'), f.querySelector('.tc-legend').getAttribute('aria-label'),
      f.querySelector('canvas').getAttribute('aria-label')];
    let thrown = null;
    try { chart.setLang('fr'); } catch (e) { thrown = e instanceof Error && e.message; }
    chart.setLang('en');
    return { out, visible, labels, thrown, after: [f.lang, f.querySelector('[role=tab]').textContent, chart.lang] };
  });
  // [lang passed to new Chart, the figure's lang]
  assert.deepEqual(r.out, [['ko-KR', 'ko'], ['en-GB', 'en'], [undefined, 'en'], [undefined, 'en'], ['ko', 'ko'], [undefined, 'en'], ['ko', 'ko']]);
  const latin = r.visible.filter((t) => /[A-Za-z]/.test(t) && !['CSV', 'PNG', 'SVG'].includes(t) && !/^Claim|^Mock|^Why|^Checked|^Not supported|^\$|^s[12]$/.test(t));
  assert.deepEqual(latin, [], 'English in a Korean widget');
  assert.deepEqual(r.labels, ['보기', '표시할 계열', '모의 그래프']);
  assert.match(r.thrown, /lang/);
  assert.deepEqual(r.after, ['en', 'View A', 'en']);
});

test('theme: --tc-* colours resolved in the page reach set_theme; host class, data-theme, option; nothing while unchanged', async () => {
  const id = await fresh();
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // The last set_theme of this chart (every chart on the page follows the page's theme too).
  const last = () => page.evaluate((id) => calls.theme.filter((t) => t[2] === id).at(-1), id);
  let t = await last();
  assert.equal(t[0], 'light');
  assert.deepEqual(Object.keys(t[1]).sort(), ['axis', 'bg', 'claim', 'fg', 'flow-a', 'flow-b', 'grid', 'muted', 'two-way']);
  assert.equal(t[1].bg, 'rgb(255, 255, 255)');
  assert.equal(t[1]['two-way'], 'rgb(42, 92, 154)');
  const n = await page.evaluate((id) => calls.theme.filter((t) => t[2] === id).length, id);
  // Hovering and resizing restyle the overlay: no theme work.
  const box = await page.locator(`#${id} canvas`).boundingBox();
  await page.mouse.move(box.x + 40, box.y + 160);
  await page.mouse.move(box.x + 200, box.y + 160);
  await frames();
  assert.equal(await page.evaluate((id) => calls.theme.filter((t) => t[2] === id).length, id), n, 'set_theme without a change');
  // The host's dark switch on <html>, then data-theme on <body>, then an explicit option.
  await page.evaluate(() => document.documentElement.classList.add('dark'));
  await frames();
  t = await last();
  assert.equal(t[0], 'dark');
  assert.equal(t[1].bg, 'rgb(24, 24, 27)');
  assert.equal(t[1]['flow-b'], 'rgb(242, 140, 90)');
  await page.evaluate(() => document.documentElement.classList.remove('dark'));
  await frames();
  assert.equal((await last())[0], 'light');
  await page.evaluate(() => { document.body.dataset.theme = 'dark'; });
  await frames();
  assert.equal((await last())[0], 'dark');
  await page.evaluate((id) => document.getElementById(id).tradeChart.setTheme('light'), id);
  assert.equal((await last())[0], 'light');
  await page.evaluate(() => { delete document.body.dataset.theme; });
  await page.evaluate((id) => document.getElementById(id).tradeChart.setTheme('dark'), id);
  assert.equal((await last())[0], 'dark');
  await page.evaluate((id) => document.getElementById(id).tradeChart.setTheme('auto'), id);
  assert.equal((await last())[0], 'light');
  // A host's own colours (any colour syntax) on .tc, and a bad option.
  const custom = await page.evaluate(async () => {
    const style = document.createElement('style');
    style.textContent = '.tc { --tc-two-way: oklch(50% 0.2 30); --tc-claim: #123456; }';
    document.head.append(style);
    const el = document.createElement('div'); el.style.width = '400px'; document.body.append(el);
    el.id = 'custom-colours';
    await api.create(el);
    style.remove();
    const colors = calls.theme.filter((t) => t[2] === el.id).at(-1)[1];
    const bad = await api.create(Object.assign(document.createElement('div'), { style: 'width:400px' }), { theme: 'sepia' }).then(() => null, (e) => e.message);
    return { twoWay: colors['two-way'], claim: colors.claim, bad };
  });
  assert.match(custom.twoWay, /^rgba?\(\d+, \d+, \d+/);
  assert.notEqual(custom.twoWay, 'rgb(42, 92, 154)');
  assert.equal(custom.claim, 'rgb(18, 52, 86)');
  assert.match(custom.bad, /options\.theme/);
});

test('print: light colours and a 2× backing store while printing, restored afterwards', async () => {
  const id = await fresh({ theme: 'dark' });
  const r = await page.evaluate((id) => {
    const mine = () => calls.theme.filter((t) => t[2] === id).at(-1)[0];
    const dpr = () => document.querySelector(`#${id} canvas`).width / 640;
    const before = [mine(), dpr()];
    window.dispatchEvent(new Event('beforeprint'));
    const during = [mine(), dpr(), document.querySelector(`#${id} figure`).hasAttribute('data-tc-print')];
    window.dispatchEvent(new Event('afterprint'));
    return { before, during, after: [mine(), dpr(), document.querySelector(`#${id} figure`).hasAttribute('data-tc-print')] };
  }, id);
  assert.deepEqual(r, { before: ['dark', 1], during: ['light', 2, true], after: ['dark', 1, false] });
});

test('Show data and the claims: a real table and a list with verdicts, text only, rebuilt on changes', async () => {
  const id = await fresh();
  const b = page.locator(`#${id} .tc-show-data`);
  assert.equal(await b.textContent(), 'Show data');
  assert.equal(await b.getAttribute('aria-expanded'), 'false');
  await b.click();
  const r = await page.evaluate((id) => {
    const f = document.querySelector(`#${id} figure`), btn = f.querySelector('.tc-show-data');
    const region = document.getElementById(btn.getAttribute('aria-controls')), t = region.querySelector('table');
    return { label: btn.textContent, expanded: btn.getAttribute('aria-expanded'), hidden: region.hidden,
      caption: t.caption.textContent, head: [...t.tHead.rows[0].cells].map((c) => [c.tagName, c.scope, c.textContent]),
      first: [...t.tBodies[0].rows[0].cells].map((c) => [c.tagName, c.getAttribute('scope'), c.textContent]),
      rows: t.tBodies[0].rows.length, bold: t.querySelectorAll('b').length };
  }, id);
  assert.equal(r.label, 'Hide data');
  assert.equal(r.expanded, 'true');
  assert.equal(r.hidden, false);
  assert.match(r.caption, /^Mock <img/);
  assert.deepEqual(r.head, [['TH', 'col', 'Period'], ['TH', 'col', 'Series'], ['TH', 'col', 'Value']]);
  assert.deepEqual(r.first, [['TH', 'row', '2017'], ['TD', null, 's1'], ['TD', null, '$0 <b>million</b>']]);
  assert.equal(r.rows, 8);
  assert.equal(r.bold, 0);
  await page.click(`#${id} .tc-legend [data-series=s2]`);
  assert.equal(await page.locator(`#${id} .tc-data tbody tr`).count(), 4, 'table not rebuilt after a series was hidden');
  await b.click();
  assert.equal(await page.locator(`#${id} .tc-data`).isHidden(), true);
  assert.equal(await b.getAttribute('aria-expanded'), 'false');
  // Claims
  const cb = page.locator(`#${id} .tc-show-claims`);
  assert.equal(await cb.textContent(), 'Check the claims');
  await cb.click();
  const c = await page.$$eval(`#${id} .tc-claim`, (lis) => lis.map((li) => [li.dataset.status, li.querySelector('.tc-badge').textContent,
    li.querySelector('.tc-claim-text').textContent, li.querySelectorAll('i').length, li.querySelector('[data-figure=story]').textContent,
    li.querySelector('[data-figure=data]').textContent]));
  assert.deepEqual(c, [['agrees', '✓Checked', 'Claim <i>one</i>', 0, '$1 million', '$1 million (2017)'],
    ['unsupported', '✗Not supported', 'Claim two', 0, '$9 million', '$2 million (2018)']]);
  assert.equal(await cb.getAttribute('aria-expanded'), 'true');
  // No claims in the data: no button.
  const none = await page.evaluate(async () => {
    const el = document.createElement('div'); el.style.width = '400px'; document.body.append(el);
    const orig = mockModule.Chart.prototype.meta;
    mockModule.Chart.prototype.meta = function () { return { ...orig.call(this), claims: 0 }; };
    try { await api.create(el); } finally { mockModule.Chart.prototype.meta = orig; }
    return el.querySelector('.tc-show-claims').hidden;
  });
  assert.equal(none, true);
});

test('downloads: CSV with a BOM, PNG at 2×, SVG; named after the view; object URLs revoked', async () => {
  const id = await fresh();
  const r = await page.evaluate(async (id) => {
    const made = [], revoked = [], clicked = [];
    const { createObjectURL, revokeObjectURL } = URL, click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (b) => { const u = createObjectURL(b); made.push([u, b]); return u; };
    URL.revokeObjectURL = (u) => { revoked.push(u); revokeObjectURL(u); };
    HTMLAnchorElement.prototype.click = function () { clicked.push([this.download, this.href, this.isConnected]); };
    try {
      const chart = document.getElementById(id).tradeChart;
      chart.setView('b');
      document.querySelector(`#${id} .tc-download [data-format=csv]`).click();
      await chart.downloadPng();
      const svg = await chart.downloadSvg();
      await new Promise((r) => setTimeout(r, 1200));
      const bytes = new Uint8Array(await made[0][1].arrayBuffer());
      const png = new Uint8Array(await made[1][1].arrayBuffer());
      return {
        names: clicked.map((c) => c[0]), connected: clicked.every((c) => c[2]), types: made.map((m) => m[1].type),
        bom: [...bytes.slice(0, 3)], csv: new TextDecoder().decode(bytes.slice(3)), png: [...png.slice(1, 4)].map((b) => String.fromCharCode(b)).join(''),
        svg: await svg.text(), revoked: made.every((m) => revoked.includes(m[0])), exports: calls.exports.slice(-3),
        label: document.querySelector(`#${id} .tc-download`).getAttribute('aria-labelledby') &&
          document.getElementById(document.querySelector(`#${id} .tc-download`).getAttribute('aria-labelledby')).textContent,
        left: document.querySelectorAll('body > a').length,
      };
    } finally { Object.assign(URL, { createObjectURL, revokeObjectURL }); HTMLAnchorElement.prototype.click = click; }
  }, id);
  assert.deepEqual(r.names, ['trade-chart-b.csv', 'trade-chart-b.png', 'trade-chart-b.svg']);
  assert.equal(r.connected, true);
  assert.deepEqual(r.types, ['text/csv;charset=utf-8', 'image/png', 'image/svg+xml;charset=utf-8']);
  assert.deepEqual(r.bom, [0xef, 0xbb, 0xbf]);
  assert.equal(r.csv, 'period,value_usd\n2017,1000000\n');
  assert.equal(r.png, 'PNG');
  assert.match(r.svg, /^<svg/);
  assert.equal(r.revoked, true);
  assert.deepEqual(r.exports, ['csv', ['png', 640, 2], ['svg', 640]]);
  assert.equal(r.label, 'Download');
  assert.equal(r.left, 0);
});

// A chart in an open shadow root of a new host; returns the host's id (the container is `#<host id>-in`).
async function freshInShadow(options = {}) {
  return page.evaluate(async (options) => {
    const host = document.createElement('div');
    host.id = 'h' + Math.random().toString(36).slice(2);
    document.body.append(host);
    const el = document.createElement('div');
    el.id = host.id + '-in';
    el.style.width = '640px';
    host.attachShadow({ mode: 'open' }).append(el);
    await api.create(el, options);
    return host.id;
  }, options);
}
const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

test('in a shadow root: the stylesheet goes into that root; a tap inside keeps the tooltip, a tap outside hides it', async () => {
  const host = await freshInShadow();
  const canvas = page.locator(`#${host} canvas`), tip = page.locator(`#${host} .tc-tooltip`);
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + 40, box.y + 160);
  await page.mouse.down(); // the document sees the host as the target, not the figure
  assert.equal(await tip.isVisible(), true, 'a tap inside hid its own tooltip');
  await page.mouse.up();
  await page.mouse.move(box.x + 40, box.y + box.height + 150);
  await page.mouse.move(box.x + 40, box.y + 160);
  assert.equal(await tip.isVisible(), true);
  await page.evaluate(() => document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, pointerType: 'touch' })));
  assert.equal(await tip.isHidden(), true, 'a tap outside kept the tooltip');
  const styled = await page.evaluate((host) => {
    const root = document.getElementById(host).shadowRoot;
    return { inRoot: root.adoptedStyleSheets.filter((s) => [...s.cssRules].some((r) => r.selectorText === '.tc-sizer')).length, inHead: document.adoptedStyleSheets.filter((s) => [...s.cssRules].some((r) => r.selectorText === '.tc-sizer')).length,
      touch: getComputedStyle(root.querySelector('.tc-plot')).touchAction };
  }, host);
  assert.deepEqual(styled, { inRoot: 1, inHead: 1, touch: 'pan-y' });
});

test('in a shadow root: a dark class on the host or on <html> re-themes the chart, and removing it brings light back', async () => {
  const host = await freshInShadow();
  const last = () => page.evaluate((id) => calls.theme.filter((t) => t[2] === id).at(-1), host + '-in');
  assert.deepEqual(((t) => [t[0], t[1].bg])(await last()), ['light', 'rgb(255, 255, 255)']);
  for (const target of ['host', 'html']) {
    const toggle = (on) => page.evaluate(([host, target, on]) =>
      (target === 'html' ? document.documentElement : document.getElementById(host)).classList.toggle('dark', on), [host, target, on]);
    await toggle(true);
    await frames();
    assert.deepEqual(((t) => [t[0], t[1].bg])(await last()), ['dark', 'rgb(24, 24, 27)'], `.dark on ${target}`);
    await toggle(false);
    await frames();
    assert.deepEqual(((t) => [t[0], t[1].bg])(await last()), ['light', 'rgb(255, 255, 255)'], `.dark off ${target}`);
  }
  // A light switch inside the shadow root, nearer than a dark one outside, wins.
  await page.evaluate(() => document.documentElement.classList.add('dark'));
  await frames();
  assert.equal((await last())[0], 'dark');
  await page.evaluate((host) => document.getElementById(host).shadowRoot.getElementById(host + '-in').classList.add('light'), host);
  await frames();
  assert.equal((await last())[0], 'light');
  await page.evaluate(() => document.documentElement.classList.remove('dark'));
});

test('one coordinator per document: 5 charts share one MutationObserver and one set of page listeners; destroying the last disconnects it', async () => {
  await page.evaluate(() => destroyAll());
  const stats = () => page.evaluate(() => ({ ...mutationObservers, listeners: liveListeners() }));
  const s0 = await stats();
  const ids = [await fresh()];
  const s1 = await stats();
  for (let i = 0; i < 4; i++) ids.push(await fresh());
  ids.push(await freshInShadow()); // a sixth, in a shadow root: observed by the same observer
  const s6 = await stats();
  assert.equal(s6.made - s0.made, 1, 'one MutationObserver for every chart of the document');
  assert.ok(s1.listeners > s0.listeners, 'the page-wide listeners come with the first chart');
  assert.equal(s6.listeners, s1.listeners, 'more charts, no more page-wide listeners');
  // A theme switch reaches every chart, each once.
  const themed = () => page.evaluate((ids) => ids.map((id) => calls.theme.filter((t) => t[2] === id || t[2] === id + '-in').length), ids);
  const n0 = await themed();
  await page.evaluate(() => document.body.classList.add('dark'));
  await frames();
  const n1 = await themed();
  assert.deepEqual(n1.map((n, i) => n - n0[i]), [1, 1, 1, 1, 1, 1]);
  await page.evaluate(() => document.body.classList.remove('dark'));
  await frames();
  // Destroyed charts get nothing; the observer goes with the last chart.
  await page.evaluate((ids) => ids.slice(0, 5).forEach((id) => document.getElementById(id).tradeChart.destroy()), ids);
  const s7 = await stats();
  assert.ok(s7.disconnected - s0.disconnected <= 1, 'observers disconnected while charts remain');
  await page.evaluate((id) => document.getElementById(id).shadowRoot.getElementById(id + '-in').tradeChart.destroy(), ids[5]);
  const s8 = await stats();
  assert.equal(s8.disconnected - s7.disconnected, 1, 'the observer is disconnected with the last chart');
  assert.equal(s8.listeners, s0.listeners, 'page-wide listeners left behind');
  const n2 = await themed();
  await page.evaluate(() => document.body.classList.add('dark'));
  await frames();
  assert.deepEqual(await themed(), n2, 'a destroyed chart was re-themed');
  await page.evaluate(() => document.body.classList.remove('dark'));
});

test('no console errors or uncaught exceptions', () => {
  assert.deepEqual(errors, []);
});
