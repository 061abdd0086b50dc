// The published picture (src/chart/dataset/picture.rs, www/shell/picture.js): written by
// `trade-chart bundle` into the page, readable without JavaScript, and taken over by the
// wasm without moving anything: at 320, 360, 768, 1024 and 1280 px the browser reports no
// layout shift and every text of the figure is where the picture had it. A pointer over
// the picture before the chart is made gets the picture's own tooltip (the live one's words,
// written in the picture: picture-tips.test.mjs), then the live one when the chart is made.
// Needs `make build` (pkg/) and the command line (cargo build or test).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { ROOT, RESULTS, commandLine, launch, collectErrors, startServer } from './helpers.mjs';

const WIDTHS = [320, 360, 768, 1024, 1280];
const DIR = join(ROOT, 'test-results', 'picture');
let browser, server, bundleHtml, pictureMarkup;

// The browser's layout-shift entries, and the figure's parts' boxes as first painted.
const PROBE = `window.__shifts = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts.push({ value: e.value, input: e.hadRecentInput,
  sources: (e.sources || []).map((s) => (s.node && (s.node.className || s.node.nodeName)) + ' ' + JSON.stringify(s.previousRect) + ' -> ' + JSON.stringify(s.currentRect)) }); })
  .observe({ type: 'layout-shift', buffered: true });`;

// In the page: the boxes of the figure's parts in `root` (the element or its shadow root).
function boxes(sel) {
  const el = document.querySelector(sel), root = el.shadowRoot || el;
  const fig = root.querySelector('figure.tc');
  const out = { picture: fig.hasAttribute('data-tc-picture') };
  for (const part of ['.tc-title', '.tc-subtitle', '.tc-tabs', '.tc-legend', '.tc-plot', '.tc-tools', '.tc-notes', '.tc-source']) {
    const r = fig.querySelector(part).getBoundingClientRect();
    out[part] = [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 100) / 100);
  }
  const r = el.getBoundingClientRect();
  out.element = [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 100) / 100);
  return out;
}

before(async () => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const file = join(DIR, 'story.html');
  const r = spawnSync(commandLine(), ['bundle', join(ROOT, 'data/kp-cn.json'), '--view', 'collapse', '--lang', 'en', '-o', file], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  bundleHtml = readFileSync(file, 'utf8');
  // The picture as the bundle wrote it (its <style> and figure), for the other pages.
  const start = bundleHtml.indexOf('<style>', bundleHtml.indexOf('data-trade-chart'));
  const end = bundleHtml.indexOf('</figure>', start) + '</figure>'.length;
  pictureMarkup = bundleHtml.slice(start, end);
  const page = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body style="margin:0">${body}
<script src="/pkg/trade-chart.js"></script></body></html>`;
  // <trade-chart> with the picture in a declarative shadow root, as a server renders it.
  writeFileSync(join(DIR, 'element.html'), page(`<trade-chart id="c" view="collapse" lang="en"><template shadowrootmode="open"><div class="tc-box">${pictureMarkup}</div></template></trade-chart><p>After the chart</p>`));
  // The script above the element: defined before its declarative shadow root is parsed.
  writeFileSync(join(DIR, 'head.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script src="/pkg/trade-chart.js"></script></head><body style="margin:0"><trade-chart id="c" view="collapse" lang="en"><template shadowrootmode="open"><div class="tc-box">${pictureMarkup}</div></template></trade-chart><p>After the chart</p></body></html>`);
  // A lazy one far below the first screen.
  writeFileSync(join(DIR, 'far.html'), page(`<div style="height:3000px">Text</div><div id="c" data-trade-chart data-view="collapse" data-lang="en">${pictureMarkup.replace(/id="trade-chart-/g, 'id="c-')}</div><p>After the chart</p>`));
  // [data-trade-chart] with the picture inside, lazy (the standalone script's default).
  writeFileSync(join(DIR, 'div.html'), page(`<div id="c" data-trade-chart data-view="collapse" data-lang="en">${pictureMarkup.replace(/id="trade-chart-/g, 'id="c-')}</div><p>After the chart</p>`));
  // The story's monthly view as a server renders it (trade-chart/server), then trade-chart.js.
  const { render } = await import(join(ROOT, 'pkg/server.js'));
  const monthly = render(JSON.parse(readFileSync(join(ROOT, 'data/kp-cn.json'), 'utf8')), { view: 'monthly', lang: 'en' });
  writeFileSync(join(DIR, 'monthly.html'), page(`${monthly.replace('<trade-chart ', '<trade-chart id="c" ')}<p>After the chart</p>`));
  browser = await launch();
  server = await startServer(ROOT);
});
after(async () => { await browser?.close(); server?.close(); });

// Opens `url` at `width` with the wasm held back until `release()`; resolves with the page.
async function openHeld(url, width, { javaScriptEnabled = true, sel = '#c', hasTouch = false } = {}) {
  const ctx = await browser.browser.newContext({ viewport: { width, height: 1000 }, javaScriptEnabled, hasTouch });
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  // The boxes as the page is first laid out (before any script of the chart has finished).
  await page.addInitScript(`${PROBE}
document.addEventListener('DOMContentLoaded', () => { try { window.__first = (${boxes})(${JSON.stringify(sel)}); } catch (_) { /* no figure yet */ } });`);
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/trade_chart_bg.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(url);
  return { page, errors, release, close: () => ctx.close() };
}

test('without JavaScript: the picture is the chart, with its sources, its summary and the data in a table', async () => {
  for (const [name, sel] of [['story.html', '#trade-chart'], ['element.html', '#c']]) {
    const { page, close } = await openHeld(server.url + 'test-results/picture/' + name, 800, { javaScriptEnabled: false });
    try {
      const r = await page.evaluate((sel) => {
        const el = document.querySelector(sel), root = el.shadowRoot || el;
        const shown = (e) => !!e && getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0;
        const img = root.querySelector('.tc-picture-img');
        const svgs = [...img.querySelectorAll('svg')].filter(shown);
        return {
          title: root.querySelector('.tc-title').textContent,
          source: root.querySelector('.tc-source').textContent,
          label: img.getAttribute('aria-label'), role: img.getAttribute('role'),
          summary: (el.shadowRoot || document).getElementById(img.getAttribute('aria-describedby')).textContent,
          svgs: svgs.map((s) => s.getAttribute('data-tc-from')), svgWidth: svgs[0] && Math.round(svgs[0].getBoundingClientRect().width),
          imgHeight: img.getBoundingClientRect().height,
          tools: shown(root.querySelector('.tc-tools')), tabs: shown(root.querySelector('.tc-tabs')),
          details: shown(root.querySelector('details.tc-nojs')),
          links: [...root.querySelectorAll('.tc-nojs-sources a')].map((a) => a.href),
          canvas: !!root.querySelector('canvas'),
        };
      }, sel);
      assert.equal(r.title, "North Korea's trade with China collapsed in 2020");
      assert.equal(r.source, 'Sources: KBS World; Yonhap News Agency; Hindustan Times (Reuters); Walltrace');
      assert.equal(r.role, 'img');
      assert.equal(r.label, r.title);
      assert.equal(r.summary, 'Two-way trade between North Korea and China fell 80.7%, from $2.79 billion in 2019 to $539.06 million in 2020.');
      // The container is 800 px (the bundle's page: 800 - 2 × 16 px of padding): the 720 px drawing, 2:1.
      assert.deepEqual(r.svgs, ['560']);
      assert.equal(r.imgHeight, name === 'story.html' ? 384 : 400);
      assert.deepEqual([r.tools, r.tabs, r.details, r.canvas], [false, false, true, false], 'tools and tabs hidden, the data offered');
      assert.equal(r.links.length, 4);
      assert.ok(r.links.includes('https://en.yna.co.kr/view/AEN20210209007800325'), r.links.join(' '));
      // The data open without a script.
      await page.locator(`${sel} details.tc-nojs summary`).click();
      const rows = await page.evaluate((sel) => {
        const el = document.querySelector(sel), root = el.shadowRoot || el;
        return [...root.querySelectorAll('.tc-nojs tbody tr')].map((tr) => [...tr.children].slice(0, 3).map((c) => c.textContent).join(' | '));
      }, sel);
      assert.deepEqual(rows, ['2019 | Two-way trade | $2.79 billion', '2020 | Two-way trade | $539.06 million']);
      await page.screenshot({ path: join(RESULTS, `picture-nojs-${name.replace('.html', '')}.png`), fullPage: true });
    } finally { await close(); }
  }
});

for (const [name, sel] of [['element.html', '#c'], ['div.html', '#c'], ['story.html', '#trade-chart']]) {
  test(`${name}: the wasm takes the picture over without a layout shift at ${WIDTHS.join(', ')} px`, async () => {
    const results = [];
    for (const width of WIDTHS) {
      const { page, errors, release, close } = await openHeld(server.url + 'test-results/picture/' + name, width, { sel });
      try {
        // First paint: the picture, with the drawing for this width.
        await page.waitForFunction(() => window.__first);
        if (name !== 'story.html') await page.waitForTimeout(150); // the script has run; the wasm is held
        const first = await page.evaluate(() => window.__first);
        assert.equal(first.picture, true);
        if (width === 360) await page.screenshot({ path: join(RESULTS, `picture-before-${name.replace('.html', '')}-${width}.png`) });
        release();
        await page.waitForFunction((sel) => document.querySelector(sel).tradeChart, sel, { timeout: 30_000 });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const then = await page.evaluate(boxes, sel);
        assert.equal(then.picture, false, 'the live figure is in');
        const shifts = await page.evaluate(() => window.__shifts);
        const cls = shifts.filter((s) => !s.input).reduce((a, s) => a + s.value, 0);
        results.push(`${width}: CLS ${cls}`);
        if (width === 360) await page.screenshot({ path: join(RESULTS, `picture-after-${name.replace('.html', '')}-${width}.png`) });
        assert.deepEqual(shifts, [], `${name} at ${width} px shifted`);
        const { picture: _a, ...was } = first, { picture: _b, ...is } = then;
        assert.deepEqual(is, was, `${name} at ${width} px: every part where the picture had it`);
        // The canvas has the height the picture's plot had.
        const canvasHeight = await page.evaluate((sel) => { const el = document.querySelector(sel); return (el.shadowRoot || el).querySelector('canvas').getBoundingClientRect().height; }, sel);
        assert.equal(canvasHeight, first['.tc-plot'][3]);
        assert.deepEqual(errors, []);
      } finally { await close(); }
    }
    console.log(`${name}: ${results.join('; ')}`);
  });
}

test('a pointer over the picture before the chart is made gets its tooltip when it is; the focus moves to the canvas; a tab clicked is opened', async () => {
  const { page, errors, release, close } = await openHeld(server.url + 'test-results/picture/element.html', 800);
  try {
    await page.waitForFunction(() => customElements.get('trade-chart'));
    await page.waitForTimeout(100);
    // Over the 2019 bar of the picture (the 720 px drawing scaled to 800: x about 210, 70% down).
    const img = page.locator('#c .tc-picture-img');
    const box = await img.boundingBox();
    await page.mouse.move(box.x + box.width * 0.26, box.y + box.height * 0.7);
    await page.mouse.move(box.x + box.width * 0.27, box.y + box.height * 0.7);
    const before = await page.evaluate(() => {
      const root = document.getElementById('c').shadowRoot, tt = root.querySelector('figure[data-tc-picture] .tc-tooltip');
      return { made: !!document.getElementById('c').tradeChart, value: tt && !tt.hidden ? tt.querySelector('.tc-tt-value').textContent : null };
    });
    assert.deepEqual(before, { made: false, value: '$2.79 billion' }, "still the picture, its own tooltip shown");
    release();
    await page.waitForFunction(() => document.getElementById('c').tradeChart, null, { timeout: 30_000 });
    const t = await page.evaluate(() => { const tt = document.getElementById('c').shadowRoot.querySelector('.tc-tooltip'); return tt.hidden ? null : tt.textContent; });
    assert.ok(t && t.includes('$2.79 billion'), `tooltip: ${t}`);
    await page.screenshot({ path: join(RESULTS, 'picture-hover-taken-over.png') });
    assert.deepEqual(errors, []);
  } finally { await close(); }
  // Focus: tabbing to the picture's plot, then the takeover: the canvas has the focus.
  const f = await openHeld(server.url + 'test-results/picture/element.html', 800);
  try {
    await f.page.waitForFunction(() => customElements.get('trade-chart'));
    await f.page.evaluate(() => document.getElementById('c').shadowRoot.querySelector('.tc-picture-img').focus());
    f.release();
    await f.page.waitForFunction(() => document.getElementById('c').tradeChart, null, { timeout: 30_000 });
    const active = await f.page.evaluate(() => document.getElementById('c').shadowRoot.activeElement?.tagName);
    assert.equal(active, 'CANVAS');
  } finally { await f.close(); }
  // A click on a tab of the picture: the chart opens on that view.
  const c = await openHeld(server.url + 'test-results/picture/element.html', 800);
  try {
    await c.page.waitForFunction(() => customElements.get('trade-chart'));
    await c.page.locator('#c [data-view="monthly"]').click();
    assert.equal(await c.page.evaluate(() => !!document.getElementById('c').tradeChart), false);
    c.release();
    await c.page.waitForFunction(() => document.getElementById('c').tradeChart, null, { timeout: 30_000 });
    const r = await c.page.evaluate(() => { const el = document.getElementById('c'); return { view: el.tradeChart.view, focus: el.shadowRoot.activeElement?.dataset.view }; });
    assert.deepEqual(r, { view: 'monthly', focus: 'monthly' });
  } finally { await c.close(); }
});

// In the page: June 2020's two-way figure in the picture (`#c`'s shadow root): its row of the
// data table (the cells as the table has them) and its hit region in the drawing shown (its
// tooltip's place, `data-i`, is its row's: the figures' tooltips come first, in the table's order).
function june() {
  const root = document.getElementById('c').shadowRoot, fig = root.querySelector('figure[data-tc-picture]');
  const rows = [...fig.querySelectorAll('.tc-nojs table')[0].tBodies[0].rows];
  const i = rows.findIndex((r) => r.cells[0].textContent === 'June 2020' && r.cells[1].textContent === 'Two-way trade');
  const region = [...fig.querySelectorAll(`.tc-hits > rect[data-i="${i}"]`)].find((r) => r.getBoundingClientRect().height > 0);
  const b = region.getBoundingClientRect(), p = fig.querySelector('.tc-plot').getBoundingClientRect();
  return { cells: [...rows[i].cells].map((c) => c.textContent), x: b.left + b.width / 2, y: b.top + b.height * 0.85,
    region: [b.left, b.right], plot: [p.left, p.top, p.right, p.bottom] };
}
// In the page: the tooltips in `#c`'s shadow root, shown or not, each with its parts' texts and box.
function tooltips() {
  return [...document.getElementById('c').shadowRoot.querySelectorAll('.tc-tooltip')].map((t) => {
    const part = (c) => [...t.querySelectorAll(c)].map((e) => e.textContent);
    const b = t.getBoundingClientRect();
    return { picture: !!t.closest('figure[data-tc-picture]'), hidden: t.hidden, title: part('.tc-tt-title'), series: part('.tc-tt-series'),
      value: part('.tc-tt-value'), lines: part('.tc-tt-line'), source: part('.tc-tt-source'), swatch: !!t.querySelector('.tc-tt-series .tc-swatch'),
      box: [b.left, b.top, b.right, b.bottom] };
  });
}

test("the picture answers a hover before the wasm: June 2020's figure and its source as its table has them; away hides it; the takeover puts the live tooltip in its place; nothing moves", async () => {
  for (const width of [360, 1024]) {
    const { page, errors, release, close } = await openHeld(server.url + 'test-results/picture/monthly.html', width);
    try {
      await page.waitForFunction(() => customElements.get('trade-chart') && document.getElementById('c').shadowRoot.querySelector('figure[data-tc-picture]'));
      const j = await page.evaluate(june);
      // The row as the picture's data table has it: period, series, value, basis, source, note.
      assert.deepEqual(j.cells, ['June 2020', 'Two-way trade', '$96.8 million', 'China customs', 'Yonhap News Agency, 26 August 2020', '']);
      // A real pointer over June 2020's bar (moves, as a reader's), the wasm held back.
      await page.mouse.move(j.x - 1, j.y);
      await page.mouse.move(j.x, j.y);
      await page.waitForFunction(() => { const t = document.getElementById('c').shadowRoot.querySelector('.tc-tooltip'); return t && !t.hidden; });
      const [tip, ...more] = await page.evaluate(tooltips);
      assert.deepEqual(more, [], 'one tooltip');
      assert.deepEqual({ ...tip, box: undefined }, { picture: true, hidden: false, title: ['June 2020'], series: ['Two-way trade'], value: ['$96.8 million'],
        lines: ['Basis: China customs'], source: ['Yonhap News Agency, 26 August 2020'], swatch: true, box: undefined }, `at ${width}`);
      assert.equal(await page.evaluate(() => !!document.getElementById('c').tradeChart), false, 'still the picture');
      // Beside the bar's column (right of it, or flipped to its left; against the plot's edge
      // where neither side has room), inside the plot.
      const [l, t, r, b] = tip.box, [pl, pt, pr, pb] = j.plot;
      assert.ok(l >= j.region[1] + 11 || r <= j.region[0] - 11 || l <= pl + 0.5 || r >= pr - 0.5, `beside the bar: ${tip.box} against ${j.region}`);
      if (width === 1024) assert.ok(l >= j.region[1] + 11, `right of the bar at ${width}: ${tip.box} against ${j.region}`);
      assert.ok(l >= pl - 0.5 && r <= pr + 0.5 && t >= pt - 0.5 && b <= pb + 0.5, `inside the plot: ${tip.box} in ${j.plot}`);
      await page.screenshot({ path: join(RESULTS, `picture-tooltip-${width}.png`) });
      // Away from the bars (over the title): hidden. Back: shown again.
      const title = await page.locator('#c .tc-title').boundingBox();
      await page.mouse.move(title.x + 10, title.y + 5);
      assert.equal((await page.evaluate(tooltips))[0].hidden, true, 'hidden away from the bars');
      await page.mouse.move(j.x, j.y - 1);
      await page.mouse.move(j.x, j.y);
      assert.equal((await page.evaluate(tooltips))[0].hidden, false, 'shown again');
      // The takeover: the live tooltip for the same pointer, the picture's gone with the picture.
      release();
      await page.waitForFunction(() => document.getElementById('c').tradeChart, null, { timeout: 30_000 });
      await page.waitForFunction(() => { const t = document.getElementById('c').shadowRoot.querySelector('.tc-tooltip'); return t && !t.hidden; });
      const live = await page.evaluate(tooltips);
      assert.equal(live.length, 1, 'one tooltip');
      assert.deepEqual([live[0].picture, live[0].title, live[0].value, live[0].source], [false, ['June 2020'], ['$96.8 million'], ['Yonhap News Agency, 26 August 2020']]);
      // Where the picture had it across (the live one beside the bar's drawn box, a px inside the column).
      assert.ok(Math.abs(live[0].box[0] - l) <= 2, `live ${live[0].box} against the picture's ${tip.box}`);
      assert.deepEqual(await page.evaluate(() => window.__shifts), [], `no layout shift at ${width}`);
      assert.deepEqual(errors, []);
    } finally { await close(); }
  }
  // A tap on the bar shows it too (touch: it stays after the finger lifts).
  const { page, errors, close } = await openHeld(server.url + 'test-results/picture/monthly.html', 360, { hasTouch: true });
  try {
    await page.waitForFunction(() => customElements.get('trade-chart') && document.getElementById('c').shadowRoot.querySelector('figure[data-tc-picture]'));
    const j = await page.evaluate(june);
    await page.touchscreen.tap(j.x, j.y);
    await page.waitForFunction(() => { const t = document.getElementById('c').shadowRoot.querySelector('.tc-tooltip'); return t && !t.hidden; });
    const [tip] = await page.evaluate(tooltips);
    assert.deepEqual([tip.picture, tip.title, tip.value], [true, ['June 2020'], ['$96.8 million']]);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('trade-chart/server: render() in Node writes the element with its picture; the ES module in a page takes it over without a shift', async () => {
  const { render } = await import(join(ROOT, 'pkg/server.js'));
  const data = JSON.parse(readFileSync(join(ROOT, 'data/kp-cn.json'), 'utf8'));
  const html = render(data, { view: 'balance', lang: 'en' });
  assert.ok(html.startsWith('<trade-chart view="balance" lang="en"><template shadowrootmode="open"><div class="tc-box" data-tc-pictured><style>'), html.slice(0, 120));
  assert.ok(html.includes('<p class="tc-title" part="title">North Korea buys far more from China than it sells</p>'), 'the balance view');
  assert.ok(html.includes('data-view="balance" id="tc0-tab-balance" aria-controls="tc0-plot" aria-selected="true"'), 'its tab selected');
  assert.equal(render(JSON.stringify(data), { view: 'balance', lang: 'en' }), html, 'JSON text or an object: the same markup');
  assert.throws(() => render(data, { veiw: 'balance' }), (e) => e.code === 'unknown-field' && e.path === 'options.veiw');
  const bytes = Buffer.byteLength(html), gz = (await import('node:zlib')).gzipSync(html).length;
  console.log(`server render of the balance view: ${bytes} B, ${gz} B gzip`);
  writeFileSync(join(DIR, 'server.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body style="margin:0">${html.replace('<trade-chart ', '<trade-chart id="c" ')}<p>After the chart</p>
<script type="module">import '/pkg/index.js';</script></body></html>`);
  // Korean, dark, the view with two series (a legend of two) and a fixed height.
  const ko = render(data, { view: 'monthly', lang: 'ko', theme: 'dark', height: 400 });
  assert.ok(ko.startsWith('<trade-chart view="monthly" lang="ko" theme="dark" height="400">'), ko.slice(0, 100));
  writeFileSync(join(DIR, 'server-ko.html'), `<!doctype html><html lang="ko"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body style="margin:0">${ko.replace('<trade-chart ', '<trade-chart id="c" ')}<p>After the chart</p>
<script type="module">import '/pkg/index.js';</script></body></html>`);
  // The builder's API (trade-chart/import) in a browser: the same markup.
  {
    const ctx = await browser.browser.newContext();
    const page = await ctx.newPage();
    try {
      await page.goto(server.url + 'test-results/picture/div.html');
      const inPage = await page.evaluate(async (json) => (await import('/pkg/import.js')).renderElement(json, { view: 'balance', lang: 'en' }), JSON.stringify(data));
      assert.equal(inPage, html, 'renderElement in a browser = render in Node');
    } finally { await ctx.close(); }
  }
  for (const [file, width] of [['server.html', 360], ['server.html', 1024], ['server-ko.html', 320], ['server-ko.html', 1280]]) {
    const { page, errors, release, close } = await openHeld(server.url + 'test-results/picture/' + file, width);
    try {
      await page.waitForFunction(() => window.__first);
      const first = await page.evaluate(() => window.__first);
      assert.equal(first.picture, true);
      if (file === 'server-ko.html' && width === 320) await page.screenshot({ path: join(RESULTS, 'picture-before-server-ko-320.png') });
      release();
      await page.waitForFunction(() => document.getElementById('c').tradeChart, null, { timeout: 30_000 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const then = await page.evaluate(boxes, '#c');
      assert.equal(then.picture, false);
      assert.equal(await page.evaluate(() => document.getElementById('c').tradeChart.view), file === 'server.html' ? 'balance' : 'monthly');
      if (file === 'server-ko.html') assert.equal(then['.tc-plot'][3], 400, 'the fixed height');
      if (file === 'server-ko.html' && width === 320) await page.screenshot({ path: join(RESULTS, 'picture-after-server-ko-320.png') });
      assert.deepEqual(await page.evaluate(() => window.__shifts), [], `${file} shifted at ${width}`);
      const { picture: _a, ...was } = first, { picture: _b, ...is } = then;
      assert.deepEqual(is, was);
      assert.deepEqual(errors, []);
    } finally { await close(); }
  }
});

test("the picture's plot has the canvas's height at every width from 320 to 1280 px, whole and fractional, and shows one drawing", async () => {
  // The shell's height: Math.round(preferred_height(floor(width))) (src/scene/layout.rs HEIGHT_RULE).
  const rule = (w) => Math.round(w < 560 ? Math.min(380, Math.max(260, w * 0.9)) : Math.min(480, Math.max(300, w * 0.5)));
  const drawing = (w) => (w < 440 ? '0' : w < 560 ? '440' : w < 960 ? '560' : '960');
  const { page, close } = await openHeld(server.url + 'test-results/picture/div.html', 1400, { javaScriptEnabled: false });
  try {
    const widths = [];
    for (let w = 320; w <= 1280; w++) widths.push(w);
    for (let w = 320; w <= 1280; w += 37) widths.push(w + 0.25, w + 0.5, w + 0.75, w + 0.984375);
    const bad = await page.evaluate(({ widths, ruleSrc, drawingSrc }) => {
      const rule = eval(ruleSrc), drawing = eval(drawingSrc); // eslint-disable-line no-eval
      const el = document.getElementById('c'), img = el.querySelector('.tc-picture-img'), fig = el.querySelector('figure');
      const out = [];
      for (const w of widths) {
        el.style.width = w + 'px';
        const fw = fig.getBoundingClientRect().width, h = img.getBoundingClientRect().height;
        const shown = [...img.querySelectorAll('svg')].filter((s) => getComputedStyle(s).display !== 'none').map((s) => s.dataset.tcFrom);
        if (h !== rule(Math.floor(fw)) || shown.join() !== drawing(Math.floor(fw))) out.push({ w, fw, h, want: rule(Math.floor(fw)), shown });
      }
      return out;
    }, { widths, ruleSrc: rule.toString(), drawingSrc: drawing.toString() });
    assert.deepEqual(bad, []);
  } finally { await close(); }
});

test('the wasm cannot be loaded: the picture stays, the element reports the error, nothing moves', async () => {
  const ctx = await browser.browser.newContext({ viewport: { width: 768, height: 1000 } });
  const page = await ctx.newPage();
  try {
    await page.addInitScript(PROBE + `;window.__errors = []; addEventListener('trade-chart:error', (e) => window.__errors.push(e.detail && e.detail.message), true);`);
    await page.route('**/trade_chart_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(server.url + 'test-results/picture/div.html');
    await page.waitForFunction(() => window.__errors.length > 0, null, { timeout: 30_000 });
    const r = await page.evaluate(() => ({ figures: document.querySelectorAll('#c figure').length, picture: !!document.querySelector('#c figure[data-tc-picture]'),
      pending: document.getElementById('c').hasAttribute('data-tc-pending'), shifts: window.__shifts }));
    assert.deepEqual(r, { figures: 1, picture: true, pending: false, shifts: [] });
  } finally { await ctx.close(); }
});

test("a reader in dark mode: the picture is drawn in the page's palette (dark), as the canvas that takes it over", async () => {
  const ctx = await browser.browser.newContext({ viewport: { width: 768, height: 1000 }, colorScheme: 'dark' });
  const page = await ctx.newPage();
  try {
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/trade_chart_bg.wasm', async (route) => { await held; await route.continue(); });
    await page.goto(server.url + 'test-results/picture/element.html');
    await page.waitForFunction(() => customElements.get('trade-chart'));
    const pic = await page.evaluate(() => {
      const root = document.getElementById('c').shadowRoot, svg = [...root.querySelectorAll('.tc-picture-img svg')].find((s) => getComputedStyle(s).display !== 'none');
      const bar = [...svg.querySelectorAll('rect')].find((r) => r.getAttribute('fill') === '#2A5C9A');
      return { bg: getComputedStyle(svg.querySelector('rect')).fill, bar: getComputedStyle(bar).fill, swatch: getComputedStyle(root.querySelector('.tc-swatch')).backgroundColor };
    });
    assert.deepEqual(pic, { bg: 'rgb(24, 24, 27)', bar: 'rgb(122, 168, 235)', swatch: 'rgb(122, 168, 235)' });
    await page.screenshot({ path: join(RESULTS, 'picture-before-dark.png') });
    release();
    await page.waitForFunction(() => document.getElementById('c').tradeChart, null, { timeout: 30_000 });
    const px = await page.evaluate(() => [...document.getElementById('c').shadowRoot.querySelector('canvas').getContext('2d').getImageData(2, 2, 1, 1).data].slice(0, 3));
    assert.deepEqual(px, [24, 24, 27]);
    await page.screenshot({ path: join(RESULTS, 'picture-after-dark.png') });
  } finally { await ctx.close(); }
});

test('a lazy chart far below keeps the picture\'s own height while it waits, and is taken over without a shift when scrolled to', async () => {
  const ctx = await browser.browser.newContext({ viewport: { width: 768, height: 800 } });
  const page = await ctx.newPage();
  try {
    await page.addInitScript(PROBE);
    await page.goto(server.url + 'test-results/picture/far.html');
    await page.waitForFunction(() => window.TradeChart && document.getElementById('c').hasAttribute('data-tc-pending'));
    const waiting = await page.evaluate(() => {
      const el = document.getElementById('c');
      return { h: el.getBoundingClientRect().height, figure: el.querySelector('figure').getBoundingClientRect().height, min: getComputedStyle(el).minHeight };
    });
    // No reservation over the picture: the element is as high as the picture.
    assert.deepEqual({ h: waiting.h, min: waiting.min }, { h: waiting.figure, min: '0px' });
    assert.ok(waiting.h > 500, `${waiting.h}`);
    await page.evaluate(() => document.getElementById('c').scrollIntoView());
    await page.waitForFunction(() => document.getElementById('c').tradeChart, null, { timeout: 30_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await page.evaluate(() => document.getElementById('c').getBoundingClientRect().height), waiting.h);
    assert.deepEqual(await page.evaluate(() => window.__shifts), []);
  } finally { await ctx.close(); }
});

test('axe-core: no violations in the picture, light and dark, for every view', async () => {
  const { render } = await import(join(ROOT, 'pkg/server.js'));
  const views = JSON.parse(readFileSync(join(ROOT, 'data/kp-cn.json'), 'utf8')).views.map((v) => v.id);
  writeFileSync(join(DIR, 'axe.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Pictures</title></head><body><main><h1>Pictures</h1>
${views.map((view) => render(undefined, { view }).replace('<trade-chart ', `<trade-chart id="v-${view}" `)).join('\n')}</main></body></html>`);
  const found = [];
  for (const colorScheme of ['light', 'dark']) {
    const ctx = await browser.browser.newContext({ viewport: { width: 800, height: 1000 }, colorScheme });
    const page = await ctx.newPage();
    try {
      await page.goto(server.url + 'test-results/picture/axe.html'); // no script: the pictures only
      await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
      const v = await page.evaluate(async () => {
        const r = await axe.run(document, { resultTypes: ['violations'] }); // eslint-disable-line no-undef
        return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      });
      found.push(...v.map((x) => `${colorScheme}: ${x}`));
    } finally { await ctx.close(); }
  }
  assert.deepEqual(found, []);
});

test('the script above the element (defined before its declarative shadow root is parsed): the picture left in a template is shown, then taken over', async () => {
  const { page, errors, release, close } = await openHeld(server.url + 'test-results/picture/head.html', 768);
  try {
    await page.waitForFunction(() => document.getElementById('c').shadowRoot?.querySelector('figure[data-tc-picture]'));
    const r = await page.evaluate(() => ({ template: !!document.querySelector('#c > template[shadowrootmode]'),
      boxes: document.getElementById('c').shadowRoot.querySelectorAll('.tc-box').length }));
    assert.deepEqual(r, { template: true, boxes: 1 }, 'the browser refused the declarative root; the picture was brought in');
    const before = await page.evaluate(boxes, '#c');
    release();
    await page.waitForFunction(() => document.getElementById('c').tradeChart, null, { timeout: 30_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const after = await page.evaluate(boxes, '#c');
    const { picture: _a, ...was } = before, { picture: _b, ...is } = after;
    assert.equal(after.picture, false);
    assert.deepEqual(is, was);
    // Chromium says it refused the declarative root; nothing else.
    assert.deepEqual(errors.filter((e) => !/second declarative shadow root/.test(e)), []);
  } finally { await close(); }
});

// A slow network hands the parser the picture in pieces, and Chromium paints between them:
// a container still reserving the chart's place (trade-chart.css's `::before`, which ends
// with `:has(> figure.tc)`, a match Chromium does not update while the parser is adding
// children) would show the half-parsed figure below a blank of the chart's height, then
// jump up by it at the figure's last tag (issue 22: 0.85 on a phone). The markup that writes
// the picture marks its container (data-tc-pictured) so the reservation never applies.
test('streamed in small pieces (a slow network), the server render and the one-file page move nothing while their picture is parsed', async () => {
  const { render } = await import(join(ROOT, 'pkg/server.js'));
  const monthly = render(JSON.parse(readFileSync(join(ROOT, 'data/kp-cn.json'), 'utf8')), { view: 'monthly', lang: 'en' });
  // the one-file page's own container and picture, as `trade-chart bundle` wrote them
  const from = bundleHtml.indexOf('<div id="trade-chart"');
  const story = bundleHtml.slice(from, bundleHtml.indexOf('</figure>', from) + '</figure>'.length) + '</div>';
  const head = '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><meta name="viewport" content="width=device-width, initial-scale=1"><script>' + PROBE + '</script></head><body style="margin:0">';
  const text = '<p>' + 'After the chart, the story goes on. '.repeat(40) + '</p>';
  const pages = { '/element': head + monthly + text + '</body></html>', '/story': head + story + text + '</body></html>' };
  // 4 KB every 30 ms (about 1 Mbps)
  const slow = createServer(async (req, res) => {
    const body = Buffer.from(pages[req.url] || '');
    res.writeHead(pages[req.url] ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    // the first piece ends with the picture's stylesheet, before its figure (the container
    // is laid out empty once), then 4 KB every 30 ms (about 1 Mbps)
    const cut = body.indexOf('</style>', body.indexOf('<body')) + '</style>'.length;
    const ends = [cut];
    for (let i = cut + 4096; i < body.length; i += 4096) ends.push(i);
    ends.push(body.length);
    let at = 0;
    for (const end of ends) {
      res.write(body.subarray(at, end));
      at = end;
      await new Promise((r) => setTimeout(r, at === cut ? 150 : 30));
    }
    res.end();
  });
  await new Promise((r) => slow.listen(0, '127.0.0.1', r));
  try {
    for (const [path, sel] of [['/element', 'trade-chart'], ['/story', '#trade-chart']]) {
      for (const width of [412, 1280]) {
        const ctx = await browser.browser.newContext({ viewport: { width, height: 823 } });
        const page = await ctx.newPage();
        const errors = collectErrors(page);
        // each frame: how far the figure is below its element's top (0 once it is the element's box)
        await page.addInitScript(`window.__gaps = []; (function f() { requestAnimationFrame(() => {
          const el = document.querySelector(${JSON.stringify(sel)}), root = el && (el.shadowRoot || el), fig = root && root.querySelector('figure.tc');
          if (fig) window.__gaps.push(Math.round(fig.getBoundingClientRect().top - el.getBoundingClientRect().top));
          if (document.readyState === 'loading') f(); }); })();`);
        await page.goto(`http://127.0.0.1:${slow.address().port}${path}`, { waitUntil: 'load' });
        await page.waitForTimeout(200);
        const { shifts, gaps } = await page.evaluate(() => ({ shifts: window.__shifts, gaps: window.__gaps }));
        await page.screenshot({ path: join(DIR, `streamed${path.slice(1)}-${width}.png`) });
        await ctx.close();
        assert.ok(gaps.length >= 2, `${path} at ${width}: the figure was painted half-parsed in ${gaps.length} frames (the stream is not slow enough to test)`);
        assert.deepEqual([...new Set(gaps)], [gaps.at(-1)], `${path} at ${width}: the figure's place in its element, frame by frame`);
        const cls = shifts.reduce((a, e) => a + e.value, 0);
        assert.equal(cls, 0, `${path} at ${width}: layout shifts ${JSON.stringify(shifts)}`);
        assert.deepEqual(errors, []);
      }
    }
  } finally {
    slow.close();
  }
});
