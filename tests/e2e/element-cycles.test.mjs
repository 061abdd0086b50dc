// <trade-chart> over time and for every reader (issue 11): a page of elements has no
// axe-core violations (shadow roots included); forced colours and printing reach the canvas
// inside the shadow root; 1000 disconnect/connect cycles leave the listeners, the DOM and
// the wasm memory where they were.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, collectErrors, launch, startServer } from './helpers.mjs';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

// Before the page's scripts: the wasm instance's memory, as it is instantiated.
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
}

async function open(body, context = {}) {
  const ctx = await browser.browser.newContext({ viewport: { width: 900, height: 900 }, ...context });
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  await page.addInitScript(probes);
  await page.route(`${server.url}c/**`, (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Charts</title><link rel="icon" href="data:,"></head><body><main><h1>Charts</h1>${body}</main><script src="/pkg/trade-chart.standalone.js"></script></body></html>` }));
  await page.goto(`${server.url}c/page.html`);
  return { page, errors, close: () => ctx.close() };
}

test('a page of <trade-chart> elements: axe-core finds no violations, shadow roots included', async () => {
  const { page, errors, close } = await open(['collapse', 'monthly', 'products'].map((v) => `<trade-chart loading="eager" view="${v}"></trade-chart>`).join('\n'));
  try {
    await page.waitForFunction(() => [...document.querySelectorAll('trade-chart')].every((e) => e.tradeChart), null, { timeout: 30_000 });
    await page.evaluate(() => { const c = document.querySelectorAll('trade-chart')[1]; c.showData(); c.showClaims(); });
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, []);
    // axe saw inside the shadow roots: the tab buttons it checked are there.
    assert.ok(await page.evaluate(() => document.querySelector('trade-chart').shadowRoot.querySelectorAll('[role=tab]').length > 1));
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('inside the shadow root: forced colours draw in the system colours; print is light at 2×, then back', async () => {
  const { page, errors, close } = await open('<trade-chart loading="eager" view="monthly"></trade-chart>', { colorScheme: 'dark' });
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // The canvas's background pixel and its size, from inside the element's shadow root.
  const canvas = () => page.evaluate(() => {
    const c = document.querySelector('trade-chart').shadowRoot.querySelector('canvas');
    const k = c.width / c.getBoundingClientRect().width;
    const [r, g, b] = c.getContext('2d').getImageData(Math.round(3 * k), Math.round(3 * k), 1, 1).data;
    return { rgb: `rgb(${r}, ${g}, ${b})`, dark: r + g + b < 150, w: c.width, css: c.getBoundingClientRect().width };
  });
  try {
    await page.waitForFunction(() => document.querySelector('trade-chart').tradeChart, null, { timeout: 30_000 });
    await frames();
    const screen = await canvas();
    assert.equal(screen.dark, true, 'prefers-color-scheme: dark reaches the shadow root');
    await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
    await frames(); await frames();
    const system = await page.evaluate(() => {
      const p = document.createElement('span'); p.style.setProperty('forced-color-adjust', 'none'); p.style.color = 'Canvas';
      document.body.append(p); const c = getComputedStyle(p).color; p.remove(); return c;
    });
    assert.equal((await canvas()).rgb, system, 'forced colours: the background is the system Canvas colour');
    await page.emulateMedia({ forcedColors: 'none', media: 'print', colorScheme: 'dark' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const printed = await canvas();
    assert.equal(printed.dark, false, 'printed dark');
    assert.equal(printed.w, Math.round(printed.css * Math.max(2, await page.evaluate(() => devicePixelRatio))), 'backing store not 2×');
    await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await frames();
    const back = await canvas();
    assert.deepEqual([back.dark, back.w], [true, screen.w]);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('1000 disconnect/connect cycles: listeners, DOM nodes and wasm memory where they were', async () => {
  const { page, errors, close } = await open('<div id="box"><trade-chart loading="eager" view="monthly"></trade-chart></div>');
  try {
    await page.waitForFunction(() => document.querySelector('trade-chart').tradeChart, null, { timeout: 30_000 });
    // The page's listeners, DOM nodes and wasm memory after two forced GCs (Chromium's own
    // counters, as the benchmark's memory test reads them).
    const cdp = await page.context().newCDPSession(page);
    const counters = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { jsEventListeners, nodes } = await cdp.send('Memory.getDOMCounters');
      return { listeners: jsEventListeners, nodes, memory: await page.evaluate(() => window.wasmMemory.buffer.byteLength) };
    };
    const cycles = (n) => page.evaluate(async (n) => {
      const el = document.querySelector('trade-chart'), box = document.getElementById('box');
      for (let i = 0; i < n; i++) {
        el.remove();
        await new Promise((r) => setTimeout(r, 0)); // past the microtask that tears it down
        const ready = new Promise((r) => el.addEventListener('trade-chart:ready', r, { once: true }));
        box.append(el);
        await ready;
      }
      return !!el.shadowRoot.querySelector('canvas') && el.tradeChart.view;
    }, n);
    await cycles(20); // warm-up: caches, the allocator's first growth
    const before = await counters();
    const drawn = await cycles(1000);
    const after = await counters();
    const r = { before, after, drawn };
    assert.equal(r.after.listeners, r.before.listeners, JSON.stringify(r));
    assert.equal(r.after.nodes, r.before.nodes, JSON.stringify(r));
    assert.equal(r.after.memory, r.before.memory, JSON.stringify(r));
    assert.equal(r.drawn, 'monthly');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});
