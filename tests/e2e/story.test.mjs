// The story page (dist/index.html, served) as a reader uses it: the chart mounts and
// draws, every tab redraws, hover shows the sourced figure, the legend hides a series,
// and the layout follows the width.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { RESULTS, countDrawCalls, canvasStats, dataset, openStory } from './helpers.mjs';

const CHART = '[data-trade-chart]';
let story, page, errors;

before(async () => {
  story = await openStory({ init: countDrawCalls });
  ({ page, errors } = story);
});
after(() => story?.close());

const stats = () => page.$eval(`${CHART} canvas`, canvasStats);
const draws = () => page.evaluate(() => window.__drawCalls);
const clickTab = async (id) => {
  await page.click(`${CHART} [role=tab][data-view="${id}"]`);
  assert.equal(await page.$eval(CHART, (el) => el.tradeChart.view), id);
};

test('the story page loads with no console errors or page errors, and the chart mounts', async () => {
  const r = await page.$eval(CHART, (el) => {
    const f = el.querySelector('figure.tc');
    return { state: f.dataset.state, title: f.querySelector('.tc-title').textContent, source: f.querySelector('.tc-source').textContent,
      tabs: f.querySelectorAll('[role=tab]').length, legend: f.querySelectorAll('.tc-legend button').length,
      selected: f.querySelector('[role=tab][aria-selected=true]')?.dataset.view, view: el.tradeChart.view,
      styles: document.adoptedStyleSheets.filter((s) => [...s.cssRules].some((r) => r.selectorText === '.tc-sizer')).length, version: window.TradeChart.version };
  });
  assert.equal(r.state, 'ready');
  assert.ok(r.title.length > 10, `title: ${r.title}`);
  assert.ok(r.source.length > 5, `source line: ${r.source}`);
  assert.ok(r.tabs >= 2 && r.legend >= 1, JSON.stringify(r));
  assert.equal(r.selected, 'collapse');
  assert.equal(r.view, 'collapse');
  assert.equal(r.styles, 1);
  assert.match(r.version, /^\d+\.\d+\.\d+/);
  assert.deepEqual(errors, []);
});

test('the canvas is drawn, at the device pixel ratio', async () => {
  const s = await stats();
  assert.ok(s.colours >= 3, `canvas has ${s.colours} colours`);
  assert.ok(await draws() > 0, 'no 2D drawing calls');
  const r = await page.$eval(`${CHART} canvas`, (c) => ({ css: c.getBoundingClientRect().width, dpr: devicePixelRatio }));
  assert.equal(s.width, Math.round(r.css * r.dpr));
});

test('every tab can be selected by clicking, and redraws', async () => {
  const tabs = await page.$$eval(`${CHART} [role=tab]`, (bs) => bs.map((b) => b.dataset.view));
  assert.deepEqual(tabs.slice().sort(), dataset().views.map((v) => v.id).sort());
  let last = await stats();
  // Start from a view other than the first tab, so the first click changes something.
  for (const id of [...tabs.slice(1), tabs[0]]) {
    const n = await draws();
    await clickTab(id);
    const s = await stats();
    assert.equal(await page.$eval(`${CHART} [aria-selected=true]`, (b) => b.dataset.view), id);
    assert.ok(await draws() > n, `${id}: no drawing calls`);
    assert.notEqual(s.hash, last.hash, `${id}: canvas pixels unchanged`);
    assert.ok(s.colours >= 3, `${id}: canvas nearly blank`);
    assert.ok((await page.$eval(CHART, (el) => el.tradeChart.items().length)) > 0, `${id}: no items`);
    await page.locator(`${CHART} figure`).screenshot({ path: join(RESULTS, `view-${id}.png`) });
    last = s;
  }
});

test('balance view: hovering the 2020 imports bar shows $491.06 million and its source, without redrawing', async () => {
  const data = dataset();
  const seriesIds = data.views.find((v) => v.id === 'balance').series;
  const cnkp = data.series.find((s) => seriesIds.includes(s.id) && s.direction === 'CN>KP');
  const obs = cnkp.observations.find((o) => String(o.period) === '2020');
  const publisher = data.sources.find((s) => s.id === obs.sources[0]).publisher;

  await clickTab('balance');
  await page.locator(`${CHART} canvas`).scrollIntoViewIfNeeded();
  const item = await page.$eval(CHART, (el, id) => el.tradeChart.items()
    .find((it) => it.series === id && (String(it.period) === '2020' || String(it.label).includes('2020'))), cnkp.id);
  assert.ok(item, `no item for ${cnkp.id} 2020`);
  const box = await page.locator(`${CHART} canvas`).boundingBox();
  const n = await draws();
  await page.mouse.move(box.x + item.x + item.w / 2, box.y + item.y + item.h / 2);
  const tip = page.locator(`${CHART} .tc-tooltip`);
  await tip.waitFor({ state: 'visible' });
  const text = await tip.textContent();
  assert.ok(text.includes('$491.06 million'), `tooltip: ${text}`);
  assert.ok(text.includes(publisher), `tooltip lacks "${publisher}": ${text}`);
  const label = typeof cnkp.label === 'string' ? cnkp.label : cnkp.label.en; // labels carry their translations
  assert.ok(text.includes(label), `tooltip lacks the series "${label}": ${text}`);
  // The highlight (the bar) lies within the item's hit box (the bar's column).
  const hl = await page.locator(`${CHART} .tc-highlight`).boundingBox();
  const ix = box.x + item.x, iy = box.y + item.y;
  assert.ok(hl && hl.width > 0 && hl.height > 0 && hl.x >= ix - 2 && hl.x + hl.width <= ix + item.w + 2 &&
    hl.y >= iy - 2 && hl.y + hl.height <= iy + item.h + 2, `highlight ${JSON.stringify(hl)} is not on the bar ${JSON.stringify(item)}`);
  const t = await tip.boundingBox();
  assert.ok(t.x >= box.x - 1 && t.x + t.width <= box.x + box.width + 1 && t.y >= box.y - 1 && t.y + t.height <= box.y + box.height + 1,
    'tooltip leaves the plot');
  await page.locator(`${CHART} figure`).screenshot({ path: join(RESULTS, 'hover-balance-2020.png') });
  assert.equal(await draws(), n, 'hover redrew the canvas');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height + 150);
  await tip.waitFor({ state: 'hidden' });
});

test('a legend button hides a series and shows it again', async () => {
  await clickTab('balance');
  const before = await page.$eval(CHART, (el) => el.tradeChart.items());
  const button = page.locator(`${CHART} .tc-legend button[aria-pressed=true]`).first();
  const id = await button.getAttribute('data-series');
  assert.ok(before.some((it) => it.series === id), `no items of ${id} before`);
  const pixels = (await stats()).hash;
  await button.click();
  const b = page.locator(`${CHART} .tc-legend button[data-series="${id}"]`);
  assert.equal(await b.getAttribute('aria-pressed'), 'false');
  const after = await page.$eval(CHART, (el) => el.tradeChart.items());
  assert.ok(after.length < before.length, `${after.length} items, was ${before.length}`);
  assert.ok(!after.some((it) => it.series === id), `${id} still has items`);
  assert.notEqual((await stats()).hash, pixels, 'canvas not redrawn');
  await b.click();
  assert.equal(await b.getAttribute('aria-pressed'), 'true');
  assert.equal((await page.$eval(CHART, (el) => el.tradeChart.items())).length, before.length);
});

test('the layout follows the width: 360 px and 1200 px viewports', async () => {
  const widths = [];
  for (const vw of [360, 1200]) {
    await page.setViewportSize({ width: vw, height: 900 });
    // Settled: the canvas fills the container and its backing store matches (a scrollbar
    // appearing after the first relayout narrows the container once more).
    await page.waitForFunction((sel) => {
      const el = document.querySelector(sel), c = el.querySelector('canvas'), w = c.getBoundingClientRect().width;
      return Math.abs(w - el.getBoundingClientRect().width) < 1 && c.width === Math.round(w * devicePixelRatio);
    }, CHART);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const r = await page.$eval(CHART, (el) => {
      const c = el.querySelector('canvas'), rect = c.getBoundingClientRect();
      return { w: rect.width, h: rect.height, backing: c.width, dpr: devicePixelRatio, items: el.tradeChart.items(),
        overflow: document.documentElement.scrollWidth - innerWidth };
    });
    assert.equal(r.backing, Math.round(r.w * r.dpr), `${vw}: backing store`);
    assert.ok(r.items.length > 0, `${vw}: no items`);
    for (const it of r.items) {
      assert.ok(it.x >= -0.5 && it.y >= -0.5 && it.x + it.w <= r.w + 0.5 && it.y + it.h <= r.h + 0.5,
        `${vw}: item ${it.id} ${JSON.stringify([it.x, it.y, it.w, it.h])} outside ${r.w}x${r.h}`);
    }
    assert.ok(r.overflow <= 0, `${vw}: page scrolls sideways by ${r.overflow}px`);
    await page.locator(`${CHART} figure`).screenshot({ path: join(RESULTS, `width-${vw}.png`) });
    widths.push(r.w);
  }
  assert.ok(widths[0] < 360 && widths[1] > widths[0], `canvas widths ${widths}`);
});

test('no console errors or page errors during the session', () => {
  assert.deepEqual(errors, []);
});
