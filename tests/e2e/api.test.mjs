// The JS API with the real wasm: errors name the field and show in the widget, other
// charts keep working, destroy() cleans up; mountAll; the ESM entry point.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { collectErrors, canvasStats, dataset, mounted, openStory } from './helpers.mjs';

const CHART = '[data-trade-chart]';
let story, server, browser, page, errors;

before(async () => {
  story = await openStory();
  ({ server, browser, page, errors } = story);
});
after(() => story?.close());

// In the page: a new container after the story chart (style: its CSS), returned by id.
const container = (style = '') => page.evaluate((style) => {
  const el = document.createElement('div');
  el.id = 'x' + Math.random().toString(36).slice(2);
  el.style.cssText = style;
  document.querySelector('article').append(el);
  return el.id;
}, style);

// In the page: create() on #id, settled as { ok } or { error: {isError, message} }.
const tryCreate = (id, options) => page.evaluate(([id, options]) =>
  TradeChart.create(document.getElementById(id), options).then(
    () => ({ ok: true }),
    (e) => ({ error: { isError: e instanceof Error, message: String(e && e.message), code: e.code, path: e.path } })), [id, options]);

const widget = (id) => page.$eval(`#${id}`, (el) => {
  const f = el.querySelector('figure.tc'), e = f && f.querySelector('.tc-error');
  return f && { state: f.dataset.state, message: e.textContent, visible: !e.hidden && e.getBoundingClientRect().height > 0 };
});

// The story chart still answers and redraws.
async function storyChartWorks() {
  const r = await page.$eval(CHART, (el) => {
    const c = el.tradeChart;
    c.setView('balance');
    const a = c.items().length;
    c.setView('collapse');
    return { a, b: c.items().length, view: c.view, state: el.querySelector('figure').dataset.state };
  });
  assert.ok(r.a > 0 && r.b > 0, JSON.stringify(r));
  assert.equal(r.view, 'collapse');
  assert.equal(r.state, 'ready');
  assert.ok((await page.$eval(`${CHART} canvas`, canvasStats)).colours >= 3);
}

test('bad data: create rejects with an Error naming the field, the widget shows it, the other chart keeps working', async () => {
  const broken = dataset();
  broken.series[0].observations[3].value = 'lots';
  const id = await container();
  const r = await tryCreate(id, { data: broken });
  assert.ok(r.error, 'create accepted a broken dataset');
  assert.equal(r.error.isError, true);
  assert.match(r.error.message, /data\.series\[0\]\.observations\[3\]\.value/);
  // A stable code and the field path, for code that handles the error.
  assert.deepEqual([r.error.code, r.error.path], ['invalid-type', 'data.series[0].observations[3].value']);
  assert.deepEqual(await widget(id), { state: 'error', message: r.error.message, visible: true });
  await storyChartWorks();
});

test('data: NaN and Infinity are errors naming the field (never a gap); JSON text is data too', async () => {
  const text = JSON.stringify(dataset());
  const id = await container();
  const r = await page.evaluate(async ([id, text]) => {
    const el = document.getElementById(id), out = {};
    for (const bad of [NaN, Infinity]) {
      const d = JSON.parse(text);
      d.series[0].observations[3].value = bad;
      out[String(bad)] = await TradeChart.create(el, { data: d }).then(() => 'accepted', (e) => e.message);
    }
    const c = await TradeChart.create(el, { data: text, view: 'history' });
    out.text = [c.view, c.items().length > 0, el.querySelector('figure').dataset.state];
    c.destroy();
    return out;
  }, [id, text]);
  assert.match(r.NaN, /^data\.series\[0\]\.observations\[3\]\.value: invalid type: string "NaN"/);
  assert.match(r.Infinity, /^data\.series\[0\]\.observations\[3\]\.value: invalid type: string "Infinity"/);
  assert.deepEqual(r.text, ['history', true, 'ready']);
});

test('resize: a width change alone is drawn in the frame that reports it; a height change a frame later', async () => {
  const id = await container('width: 600px');
  const r = await page.evaluate(async (id) => {
    const el = document.getElementById(id);
    const frame = () => new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0))); // that frame's observers ran
    const fixed = await TradeChart.create(el, { height: 300 });
    const cv = el.querySelector('canvas');
    el.style.width = '500px';
    await frame();
    const sameFrame = [cv.style.width, cv.style.height];
    fixed.destroy();
    el.style.width = '600px';
    const fluid = await TradeChart.create(el, {});
    const cv2 = el.querySelector('canvas'), h0 = cv2.style.height;
    el.style.width = '420px';
    await frame();
    const first = cv2.style.width;
    await frame();
    const later = [cv2.style.width, cv2.style.height !== h0];
    fluid.destroy();
    return { sameFrame, first, later };
  }, id);
  assert.deepEqual(r.sameFrame, ['500px', '300px']);
  assert.equal(r.first, '600px', 'a resize that changes the height waits a frame');
  assert.deepEqual(r.later, ['420px', true]);
});

test('setData: bad input throws naming the field and keeps the old chart; good input replaces it', async () => {
  const broken = dataset();
  delete broken.series[1].observations[0].period;
  const r = await page.$eval(CHART, (el, [broken, good]) => {
    const c = el.tradeChart, before = c.items().length;
    let message = null;
    try { c.setData(broken); } catch (e) { message = e instanceof Error ? e.message : 'not an Error'; }
    const kept = c.items().length;
    const shown = el.querySelector('.tc-error').textContent;
    c.setData(good);
    return { message, before, kept, shown, after: c.items().length, state: el.querySelector('figure').dataset.state };
  }, [broken, dataset()]);
  assert.match(r.message, /data\.series\[1\]\.observations\[0\]/);
  assert.equal(r.shown, r.message);
  assert.equal(r.kept, r.before);
  assert.equal(r.after, r.before);
  assert.equal(r.state, 'ready');
});

test('a bad attribute is named as the editor wrote it: data-view, view', async () => {
  const r = await page.evaluate(async () => {
    const div = document.body.appendChild(document.createElement('div'));
    div.setAttribute('data-trade-chart', '');
    div.dataset.view = 'nope';
    const fromDiv = new Promise((res) => div.addEventListener('trade-chart:error', (e) => res([e.detail.message, e.detail.path, e.detail.code]), { once: true }));
    await TradeChart.mountAll(div);
    const el = document.createElement('trade-chart');
    el.setAttribute('view', 'nope');
    el.setAttribute('loading', 'eager');
    const fromElement = new Promise((res) => el.addEventListener('trade-chart:error', (e) => res([e.detail.message, e.detail.path, e.detail.code]), { once: true }));
    document.body.append(el);
    return { div: await fromDiv, element: await fromElement, shown: div.querySelector('.tc-error').textContent };
  });
  assert.match(r.div[0], /^data-view attribute: expected one of collapse, /);
  assert.deepEqual(r.div.slice(1), ['data-view', 'unknown-id']);
  assert.equal(r.shown, r.div[0]);
  assert.match(r.element[0], /^view attribute: expected one of collapse, /);
  assert.deepEqual(r.element.slice(1), ['view', 'unknown-id']);
});

test('unknown view: create rejects and setView throws, both with an Error', async () => {
  const id = await container();
  const r = await tryCreate(id, { view: 'no-such-view' });
  assert.ok(r.error && r.error.isError, JSON.stringify(r));
  assert.match(r.error.message, /no-such-view/);
  assert.deepEqual([r.error.code, r.error.path], ['unknown-id', 'options.view']);
  assert.equal((await widget(id)).message, r.error.message);
  const s = await page.$eval(CHART, (el) => {
    try { el.tradeChart.setView('no-such-view'); return { thrown: false }; } catch (e) {
      return { thrown: e instanceof Error, message: e.message, view: el.tradeChart.view };
    }
  });
  assert.equal(s.thrown, true);
  assert.match(s.message, /no-such-view/);
  assert.equal(s.view, 'collapse');
  await storyChartWorks();
});

// A hidden container (zero width) used to reject with code "zero-width"; now the chart waits
// and draws when it gets a width (issue 11).
test('a zero-width container (width 0, display: none) mounts without an error and draws when it gets a width', async () => {
  for (const style of ['width: 0', 'display: none']) {
    const id = await container(style);
    const r = await tryCreate(id, {});
    assert.deepEqual(r, { ok: true }, style);
    assert.deepEqual(await widget(id), { state: 'ready', message: '', visible: false }, style);
    await page.$eval(`#${id}`, (el) => { el.style.cssText = 'width: 500px'; });
    await page.waitForFunction((id) => document.querySelector(`#${id} canvas`).width >= 500, id);
    const stats = await page.$eval(`#${id} canvas`, canvasStats);
    assert.ok(stats.colours > 10, `${style}: drew once shown: ${JSON.stringify(stats)}`);
    await page.$eval(`#${id}`, (el) => el.tradeChart.destroy());
  }
  assert.deepEqual(errors, []);
});

test('destroy() removes the DOM and listeners; a second destroy is harmless', async () => {
  const id = await container();
  assert.deepEqual(await tryCreate(id, { view: 'monthly', height: 300 }), { ok: true });
  const r = await page.$eval(`#${id}`, (el) => {
    const c = el.tradeChart;
    const had = { figures: el.querySelectorAll('figure.tc').length, view: c.view, height: el.querySelector('canvas').getBoundingClientRect().height };
    c.destroy();
    c.destroy();
    let after = null;
    try { c.items(); } catch (e) { after = e instanceof Error && e.message; }
    return { had, children: el.childElementCount, handle: el.tradeChart, after };
  });
  assert.deepEqual(r.had, { figures: 1, view: 'monthly', height: 300 });
  assert.equal(r.children, 0);
  assert.equal(r.handle, undefined);
  assert.match(r.after, /destroyed/);
  // Events on the page after destroy must not reach the dead chart.
  await page.mouse.move(10, 10);
  await page.setViewportSize({ width: 700, height: 900 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.setViewportSize({ width: 1000, height: 1000 });
  await storyChartWorks();
});

test('mountAll mounts new [data-trade-chart] elements and fires trade-chart:ready', async () => {
  const r = await page.evaluate(async () => {
    const el = document.createElement('div');
    el.dataset.tradeChart = '';
    el.dataset.view = 'monthly';
    document.querySelector('article').append(el);
    const ready = new Promise((resolve) => el.addEventListener('trade-chart:ready', (e) => resolve(e.detail === el.tradeChart)));
    const mounted = await TradeChart.mountAll();
    return { count: mounted.length, same: await ready, view: el.tradeChart.view, again: (await TradeChart.mountAll()).length };
  });
  assert.deepEqual(r, { count: 1, same: true, view: 'monthly', again: 0 });
});

test('the ESM entry point (esm.html) creates a chart', async () => {
  const p = await browser.browser.newPage();
  const errs = collectErrors(p);
  await p.goto(server.url + 'esm.html');
  await p.waitForFunction(() => window.chart || /Could not/.test(document.getElementById('status').textContent));
  const r = await p.evaluate(() => ({ status: document.getElementById('status').textContent, view: window.chart && window.chart.view }));
  assert.equal(r.view, 'balance', r.status);
  assert.ok((await p.$eval('#chart canvas', canvasStats)).colours >= 3);
  assert.deepEqual(errs, []);
  await p.close();
});

test('no console errors or page errors during the session', () => {
  assert.deepEqual(errors, []);
});

test('a misspelt option is an Error naming it, not a silent default', async () => {
  const id = await container('width: 600px');
  const r = await tryCreate(id, { veiw: 'monthly' });
  assert.ok(r.error?.isError, JSON.stringify(r));
  assert.match(r.error.message, /^options\.veiw: unknown option; expected one of view, lang, data, columns/);
  assert.deepEqual([r.error.code, r.error.path], ['unknown-field', 'options.veiw']);
});

test('columns: 100,000 points per series draw as a decimated line; hover, legend and bad values work', async () => {
  const id = await container('width: 900px');
  const r = await page.evaluate(async (id) => {
    const n = 100000, x = new Float64Array(n), a = new Float64Array(n), b = new Float64Array(n);
    for (let i = 0; i < n; i++) { x[i] = i; a[i] = 1e8 * (1.2 + Math.sin(i / 500)); b[i] = 5e7 * (1.2 + Math.cos(i / 700)); }
    a[50000] = NaN; // a gap
    const el = document.getElementById(id);
    const chart = await TradeChart.create(el, { columns: { x, series: [{ id: 'a', label: 'Series A', values: a }, { id: 'b', label: 'Series B', values: b }] }, title: 'Synthetic', height: 400 });
    el.scrollIntoView({ block: 'center' });
    const canvas = el.querySelector('canvas'), rect = canvas.getBoundingClientRect();
    const tabsHidden = el.querySelector('.tc-tabs').hidden;
    const legend = [...el.querySelectorAll('.tc-legend button')].map((b) => b.textContent);
    const hidden = chart.toggleSeries('a');
    chart.toggleSeries('a');
    let error = null;
    try { await TradeChart.create(document.body.appendChild(document.createElement('div')), { columns: { x: [0, 1], series: [{ id: 'c', values: [1, -5] }] } }); } catch (e) { error = e.message; }
    return { w: canvas.width, rect: { x: rect.x, y: rect.y, w: rect.width, h: rect.height }, tabsHidden, legend, hidden, error };
  }, id);
  assert.equal(r.w, 900);
  assert.equal(r.tabsHidden, true);
  assert.deepEqual(r.legend, ['Series A', 'Series B']);
  assert.equal(r.hidden, false);
  assert.match(r.error, /^columns\.series\[0\]\.values\[1\]: expected a finite number ≥ 0/);
  await page.mouse.move(r.rect.x + r.rect.w / 2, r.rect.y + r.rect.h / 3);
  const tip = await page.$eval(`#${id} .tc-tooltip`, (t) => ({ hidden: t.hidden, text: t.textContent }));
  assert.equal(tip.hidden, false);
  assert.match(tip.text, /Series [AB]/);
  assert.match(tip.text, /\$\d/);
  const stats = await page.$eval(`#${id} canvas`, canvasStats);
  assert.ok(stats.colours >= 3, JSON.stringify(stats));
});

test('columns: values that are not dollars say so (format: number, percent)', async () => {
  const id = await container('width: 600px');
  const r = await page.evaluate(async (id) => {
    const el = document.getElementById(id);
    await TradeChart.create(el, { columns: { x: [0, 1, 2], series: [{ id: 'a', label: 'Tonnes', values: [1500, 2500, 3000] }], format: 'number' }, height: 300 });
    let error = null;
    try { await TradeChart.create(document.body.appendChild(document.createElement('div')), { columns: { x: [0, 1], series: [{ values: [1, 2] }], format: 'euro' } }); } catch (e) { error = [e.message, e.code, e.path]; }
    el.scrollIntoView({ block: 'center' });
    const rect = el.querySelector('canvas').getBoundingClientRect();
    return { rect: { x: rect.x, y: rect.y, w: rect.width, h: rect.height }, error };
  }, id);
  assert.deepEqual(r.error, ['columns.format: expected "usd", "number" or "percent", found "euro"', 'invalid-value', 'columns.format']);
  await page.mouse.move(r.rect.x + r.rect.w - 15, r.rect.y + r.rect.h / 2);
  const tip = await page.$eval(`#${id} .tc-tooltip`, (t) => ({ hidden: t.hidden, text: t.textContent }));
  assert.equal(tip.hidden, false);
  assert.match(tip.text, /Tonnes/);
  assert.match(tip.text, /3,000/);
  assert.doesNotMatch(tip.text, /\$/);
});
