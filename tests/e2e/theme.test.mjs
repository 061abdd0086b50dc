// Themes with the real wasm: the canvas follows prefers-color-scheme, the host page's own
// dark switch (a class on <html>), the option, the host's --tc-* colours, forced colours,
// and printing (light, 2× backing store).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { RESULTS, canvasStats, openStory } from './helpers.mjs';

const CHART = '[data-trade-chart]';
let story, page, errors;

before(async () => {
  story = await openStory({ context: { colorScheme: 'dark' } });
  ({ page, errors } = story);
});
after(() => story?.close());

const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
// The canvas's top-left background pixel [r, g, b, a] and its relative luminance.
const background = (sel = CHART) => page.$eval(`${sel} canvas`, (c) => {
  const k = c.width / c.getBoundingClientRect().width;
  const [r, g, b, a] = c.getContext('2d').getImageData(Math.round(3 * k), Math.round(3 * k), 1, 1).data;
  const lin = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  return { rgba: [r, g, b, a], l: 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b) };
});
// Waits (up to 3 s) for the canvas to turn `want` ('dark' or 'light'), then reports whether it is dark.
async function isDark(sel = CHART, want) {
  if (want) {
    await page.waitForFunction(([sel, want]) => {
      const c = document.querySelector(`${sel} canvas`), k = c.width / c.getBoundingClientRect().width;
      const [r, g, b] = c.getContext('2d').getImageData(Math.round(3 * k), Math.round(3 * k), 1, 1).data;
      return (r + g + b < 150) === (want === 'dark');
    }, [sel, want], { timeout: 3000, polling: 50 }).catch(() => { /* the assertion below reports it */ });
  }
  const b = await background(sel);
  assert.equal(b.rgba[3], 255, 'background not painted');
  return b.l < 0.1;
}

test('prefers-color-scheme: dark draws a dark canvas, and a switch to light follows at once', async () => {
  assert.equal(await isDark(CHART, 'dark'), true, JSON.stringify(await background()));
  assert.deepEqual((await background()).rgba, [24, 24, 27, 255]);
  const figure = await page.$eval(`${CHART} figure`, (f) => ({ bg: getComputedStyle(f).backgroundColor, fg: getComputedStyle(f).color }));
  assert.deepEqual(figure, { bg: 'rgb(24, 24, 27)', fg: 'rgb(236, 236, 240)' });
  for (const view of ['collapse', 'monthly']) {
    await page.$eval(CHART, (el, v) => el.tradeChart.setView(v), view);
    await page.locator(`${CHART} figure`).screenshot({ path: join(RESULTS, `theme-dark-${view}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await frames();
  assert.equal(await isDark(CHART, 'light'), false);
  assert.deepEqual((await background()).rgba, [255, 255, 255, 255]);
});

test('the host page\'s dark class on <html>, toggled at runtime, re-themes the canvas (and the demo\'s own switch does)', async () => {
  const before = (await page.$eval(`${CHART} canvas`, canvasStats)).hash;
  await page.evaluate(() => document.documentElement.classList.add('dark'));
  await frames();
  assert.equal(await isDark(CHART, 'dark'), true);
  assert.notEqual((await page.$eval(`${CHART} canvas`, canvasStats)).hash, before);
  const legend = await page.$eval(`${CHART} .tc-legend .tc-swatch`, (e) => getComputedStyle(e).backgroundColor);
  assert.ok(['rgb(122, 168, 235)', 'rgb(64, 196, 178)', 'rgb(242, 140, 90)'].includes(legend), `legend swatch ${legend} not a dark-theme colour`);
  await page.evaluate(() => document.documentElement.classList.remove('dark'));
  await frames();
  assert.equal(await isDark(CHART, 'light'), false);
  // data-theme on an ancestor works the same way.
  await page.evaluate(() => { document.body.dataset.theme = 'dark'; });
  await frames();
  assert.equal(await isDark(CHART, 'dark'), true);
  await page.evaluate(() => { delete document.body.dataset.theme; });
  await frames();
  assert.equal(await isDark(CHART, 'light'), false);
  // The story page's "Dark page" button only sets a class on <html>; the chart follows.
  await page.click('#page-theme');
  await frames();
  assert.equal(await isDark(CHART, 'dark'), true);
  await page.click('#page-theme');
  await frames();
  assert.equal(await isDark(CHART, 'light'), false);
  // It leaves class="light" (an explicit light page): that wins over prefers-color-scheme.
  assert.equal(await page.evaluate(() => document.documentElement.className), 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(300);
  assert.equal(await isDark(), false, 'class="light" on <html> lost to prefers-color-scheme');
  await page.evaluate(() => document.documentElement.classList.remove('light'));
  assert.equal(await isDark(CHART, 'dark'), true);
  await page.emulateMedia({ colorScheme: 'light' });
  assert.equal(await isDark(CHART, 'light'), false);
});

test('the theme option wins over the page; setTheme changes it; a host\'s --tc-* colour reaches the canvas', async () => {
  await page.evaluate(() => document.documentElement.classList.add('dark'));
  const id = await page.evaluate(async () => {
    const el = document.createElement('div'); el.id = 'themed';
    document.querySelector('article').append(el);
    await TradeChart.create(el, { theme: 'light', view: 'balance' });
    return el.id;
  });
  assert.equal(await isDark(`#${id}`, 'light'), false);
  await page.$eval(`#${id}`, (el) => el.tradeChart.setTheme('dark'));
  assert.equal(await isDark(`#${id}`, 'dark'), true);
  await page.evaluate(() => document.documentElement.classList.remove('dark'));
  await frames();
  await page.waitForTimeout(300); // time for the page's change to arrive, if it were to win
  assert.equal(await isDark(`#${id}`), true, 'the option lost to the page');
  await page.$eval(`#${id}`, (el) => el.tradeChart.setTheme('auto'));
  assert.equal(await isDark(`#${id}`, 'light'), false);
  await page.$eval(`#${id}`, (el) => el.tradeChart.destroy());
  // A host's own series colour, set on .tc.
  const r = await page.evaluate(async () => {
    const style = document.createElement('style');
    style.textContent = '.tc { --tc-flow-a: rgb(200, 0, 150); --tc-flow-b: rgb(200, 0, 150); }';
    document.head.append(style);
    const el = document.createElement('div');
    document.querySelector('article').append(el);
    const chart = await TradeChart.create(el, { view: 'balance' });
    const c = el.querySelector('canvas'), { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let hits = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] === 200 && data[i + 1] === 0 && data[i + 2] === 150) hits++;
    const swatch = getComputedStyle(el.querySelector('.tc-swatch')).backgroundColor;
    chart.destroy(); style.remove();
    return { hits, swatch };
  });
  assert.ok(r.hits > 100, `${r.hits} pixels in the host's colour`);
  assert.equal(r.swatch, 'rgb(200, 0, 150)');
});

test('forced colours: the chart still draws, in the system colours', async () => {
  await page.$eval(CHART, (el) => el.tradeChart.setView('monthly'));
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ forcedColors: 'active', colorScheme: scheme });
    await frames();
    const s = await page.$eval(`${CHART} canvas`, canvasStats);
    assert.ok(s.colours >= 3, `${scheme}: ${s.colours} colours`);
    assert.ok((await page.$eval(CHART, (el) => el.tradeChart.items().length)) > 10);
    const system = await page.evaluate(() => {
      const p = document.createElement('span'); p.style.cssText = 'forced-color-adjust:none;color:Canvas';
      document.body.append(p); const c = getComputedStyle(p).color; p.remove(); return c;
    });
    const bg = (await background()).rgba;
    assert.equal(`rgb(${bg[0]}, ${bg[1]}, ${bg[2]})`, system, `${scheme}: background is not the system's Canvas colour`);
    await page.locator(`${CHART} figure`).screenshot({ path: join(RESULTS, `forced-colors-${scheme}.png`) });
  }
  await page.emulateMedia({ forcedColors: 'none', colorScheme: 'light' });
  await frames();
  assert.equal(await isDark(CHART, 'light'), false);
});

test('print: beforeprint gives a light chart with a 2× backing store; afterprint restores the screen', async () => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await frames();
  assert.equal(await isDark(CHART, 'dark'), true);
  const screen = await page.$eval(`${CHART} canvas`, (c) => ({ w: c.width, css: c.getBoundingClientRect().width, dpr: devicePixelRatio }));
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const p = await page.$eval(`${CHART} canvas`, (c) => ({ w: c.width, css: parseFloat(c.style.width) }));
  assert.equal(p.w, Math.round(p.css * Math.max(2, screen.dpr)), 'backing store not 2×');
  assert.equal(await isDark(CHART, 'light'), false, 'printed dark');
  await page.locator(`${CHART} figure`).screenshot({ path: join(RESULTS, 'print.png') });
  await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await frames();
  assert.equal(await isDark(CHART, 'dark'), true);
  assert.equal(await page.$eval(`${CHART} canvas`, (c) => c.width), screen.w);
  await page.emulateMedia({ colorScheme: 'light' });
});

test('no console errors or page errors during the session', () => {
  assert.deepEqual(errors, []);
});
