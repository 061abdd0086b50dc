// The real package in any root and with many charts: a chart in a shadow root (its own
// stylesheet, taps, the page's theme switch above it), one coordinator for all the charts
// of a document, and a wasm trap, which stops the one shared instance for every chart
// (both builds: the standalone script and the ES module).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { canvasStats, collectErrors, launch, mounted, openStory, startServer } from './helpers.mjs';

// Before the page's scripts: MutationObservers made and disconnected, and every object
// the wasm-bindgen glue registers for finalization (its `Chart`s, with their __wbg_ptr).
function hooks() {
  const MO = window.MutationObserver, mo = (window.mutationObservers = { made: 0, disconnected: 0 });
  window.MutationObserver = class extends MO {
    constructor(fn) { super(fn); mo.made++; }
    disconnect() { mo.disconnected++; return super.disconnect(); }
  };
  const FR = window.FinalizationRegistry, objects = (window.wasmObjects = []);
  window.FinalizationRegistry = class extends FR {
    register(obj, held, token) { if (obj && '__wbg_ptr' in obj) objects.push(obj); return super.register(obj, held, token); }
  };
}

const sessions = [];
after(async () => { for (const s of sessions) await s.close(); });
async function story() {
  const s = await openStory({ init: hooks });
  sessions.push(s);
  return s;
}
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

// In the page: a chart in an open shadow root of a new host with `id`; `api`: the TradeChart API.
function inShadow([id, width]) {
  const host = document.createElement('div');
  host.id = id;
  document.querySelector('main, body').append(host);
  const el = document.createElement('div');
  el.style.width = width + 'px';
  host.attachShadow({ mode: 'open' }).append(el);
  return window.TradeChart.create(el, { view: 'balance' }).then(() => true);
}

test('standalone, in a shadow root: styled there, a tap inside keeps the tooltip, <html class=dark> and the host\'s class re-theme the canvas', async () => {
  const { page, errors } = await story();
  await page.evaluate(inShadow, ['shadow-host', 600]);
  const canvas = page.locator('#shadow-host canvas'), tip = page.locator('#shadow-host .tc-tooltip');
  assert.equal(await page.$eval('#shadow-host', (h) => h.shadowRoot.adoptedStyleSheets.filter((s) => [...s.cssRules].some((r) => r.selectorText === '.tc-sizer')).length), 1);
  // A tap (mouse down) on a bar: the document sees the host as the target.
  const items = await page.$eval('#shadow-host', (h) => h.shadowRoot.querySelector('div').tradeChart.items());
  const it = items.find((i) => i.w > 4 && i.h > 4);
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + it.x + it.w / 2, box.y + it.y + it.h / 2);
  await page.mouse.down();
  assert.equal(await tip.isVisible(), true, 'a tap inside the shadow root hid its own tooltip');
  assert.match(await tip.textContent(), /\$/);
  await page.mouse.up();
  await page.mouse.move(1, 1);
  // The page's theme switch, above the shadow root, then the host's own class.
  const background = () => page.$eval('#shadow-host', (h) => {
    const c = h.shadowRoot.querySelector('canvas'), k = c.width / c.getBoundingClientRect().width;
    return [...c.getContext('2d').getImageData(Math.round(3 * k), Math.round(3 * k), 1, 1).data];
  });
  const hash = async () => (await page.$eval('#shadow-host canvas', canvasStats)).hash; // CSS selectors pierce open shadow roots
  assert.deepEqual(await background(), [255, 255, 255, 255]);
  const light = await hash();
  for (const target of ['html', 'host']) {
    const toggle = (on) => page.evaluate(([t, on]) => (t === 'html' ? document.documentElement : document.getElementById('shadow-host')).classList.toggle('dark', on), [target, on]);
    await toggle(true);
    await frames(page);
    assert.deepEqual(await background(), [24, 24, 27, 255], `.dark on ${target}`);
    assert.notEqual(await hash(), light);
    await toggle(false);
    await frames(page);
    assert.deepEqual(await background(), [255, 255, 255, 255], `.dark off ${target}`);
  }
  assert.deepEqual(errors, []);
});

test('standalone: 5 charts share one MutationObserver; a theme switch reaches all 5; destroying them all disconnects it', async () => {
  const { page, errors } = await story();
  const made = await page.evaluate(async () => {
    document.querySelector('[data-trade-chart]').tradeChart.destroy(); // from no chart at all
    const before = mutationObservers.made;
    for (let i = 0; i < 5; i++) {
      const el = document.createElement('div');
      el.className = 'extra-chart';
      el.style.width = '500px';
      document.querySelector('main').append(el);
      await TradeChart.create(el, { view: 'history' });
    }
    return mutationObservers.made - before;
  });
  assert.equal(made, 1, 'one MutationObserver for 5 charts');
  const all = '.extra-chart';
  const hashes = () => page.$$eval(`${all} canvas`, (cs) => cs.map((c) => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let x = 2166136261; for (let i = 0; i < data.length; i += 16) x = Math.imul(x ^ data[i] ^ (data[i + 1] << 8) ^ (data[i + 2] << 16), 16777619);
    return x >>> 0;
  }));
  const light = await hashes();
  assert.equal(light.length, 5);
  await page.evaluate(() => document.documentElement.classList.add('dark'));
  await frames(page);
  const dark = await hashes();
  assert.deepEqual(dark.map((h, i) => h !== light[i]), [true, true, true, true, true], 'every chart re-themed');
  const r = await page.evaluate((all) => {
    const charts = [...document.querySelectorAll(all)].map((el) => el.tradeChart), before = mutationObservers.disconnected;
    charts.slice(1).forEach((c) => c.destroy());
    const while1 = mutationObservers.disconnected - before;
    charts[0].destroy();
    return { while1, after: mutationObservers.disconnected - before };
  }, all);
  assert.deepEqual(r, { while1: 0, after: 1 }, 'disconnected with the last chart, not before');
  assert.deepEqual(errors, []);
});

// In the page: breaks the first wasm Chart's pointer so its next call traps (a real
// WebAssembly.RuntimeError: memory access out of bounds), then calls it through `chart`.
function trap(chart) {
  const target = wasmObjects.find((o) => o.__wbg_ptr);
  target.__wbg_ptr = 0x7ffffff0;
  try { chart.items(); return 'no trap'; } catch (e) { return e.message; }
}
// The state of every chart figure on the page.
const states = (page) => page.$$eval('figure.tc', (fs) => fs.map((f) => [f.dataset.state, f.querySelector('.tc-error').textContent]));

for (const build of ['standalone', 'esm']) {
  test(`${build}: a wasm trap shows the error on every chart; further calls throw; the next create() draws on a fresh instance`, async () => {
    let page, errors;
    if (build === 'standalone') ({ page, errors } = await story());
    else {
      const server = await startServer(), browser = await launch();
      sessions.push({ close: async () => { await browser.close(); server.close(); } });
      page = await browser.browser.newPage();
      errors = collectErrors(page);
      await page.addInitScript(hooks);
      await page.goto(server.url + 'esm.html');
      await page.waitForFunction(() => window.chart);
      await page.evaluate(async () => { window.TradeChart = await import('./pkg/index.js'); });
    }
    await page.evaluate(async () => {
      const el = document.createElement('div');
      el.id = 'second';
      el.style.width = '500px';
      document.body.append(el);
      await TradeChart.create(el);
    });
    const first = build === 'esm' ? 'window.chart' : 'document.querySelector("[data-trade-chart]").tradeChart';
    const message = await page.evaluate(`(${trap})(${first})`);
    assert.match(message, /^trade-chart stopped after an internal error: .*(out of bounds|unreachable)/i);
    assert.deepEqual(await states(page), [['error', message], ['error', message]], 'both charts show the error card');
    const after = await page.evaluate(async () => {
      const grab = async (f) => { try { await f(); return 'ok'; } catch (e) { return e.code; } };
      const other = document.getElementById('second').tradeChart;
      return [await grab(() => other.setView('history')), await grab(() => other.items()), await grab(() => other.downloadCsv())];
    });
    assert.deepEqual(after, ['stopped', 'stopped', 'stopped']);
    // A new chart: a fresh instance, drawn, its calls working.
    const fresh = await page.evaluate(async () => {
      const el = document.createElement('div');
      el.id = 'third';
      el.style.width = '500px';
      document.body.append(el);
      const c = await TradeChart.create(el, { view: 'monthly' });
      return { items: c.items().length, view: c.view, state: el.querySelector('figure').dataset.state };
    });
    assert.ok(fresh.items > 5, JSON.stringify(fresh));
    assert.deepEqual([fresh.view, fresh.state], ['monthly', 'ready']);
    const stats = await page.$eval('#third canvas', canvasStats);
    assert.ok(stats.colours > 10, `the new chart drew: ${JSON.stringify(stats)}`);
    // The dead charts go cleanly (nothing freed into the new instance), and it keeps working.
    await page.evaluate(() => { for (const f of document.querySelectorAll('figure.tc')) if (f.dataset.state === 'error') f.parentElement.tradeChart?.destroy(); });
    await page.evaluate(() => { window.gc && window.gc(); document.getElementById('third').tradeChart.setView('history'); });
    assert.equal(await page.$eval('#third', (el) => el.tradeChart.view), 'history');
    assert.deepEqual(errors, []);
  });
}
