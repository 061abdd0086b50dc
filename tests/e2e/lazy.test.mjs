// Embedding everywhere (issue 11, step 2): lazy charts (one IntersectionObserver, one wasm
// instance for the page), loading="eager", the wasm from another URL (init), and the SRI
// hashes the build prints.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, collectErrors, launch, startServer } from './helpers.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

// Before the page's scripts: counts wasm instantiations and IntersectionObservers.
function probes() {
  window.instantiations = 0;
  window.observers = 0;
  for (const k of ['instantiate', 'instantiateStreaming']) {
    const orig = WebAssembly[k];
    WebAssembly[k] = function (...a) { window.instantiations++; return orig.apply(this, a); };
  }
  const IO = window.IntersectionObserver;
  window.IntersectionObserver = class extends IO { constructor(...a) { super(...a); window.observers++; } };
}

async function open(files) {
  const ctx = await browser.browser.newContext({ viewport: { width: 900, height: 800 } });
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  await page.addInitScript(probes);
  await page.route(`${server.url}t/**`, (route) => {
    const f = files[new URL(route.request().url()).pathname.replace(/^\/t\//, '')];
    return f ? route.fulfill({ status: 200, headers: { 'content-type': f[0] }, body: f[1] }) : route.fulfill({ status: 404, body: '' });
  });
  await page.goto(`${server.url}t/${Object.keys(files)[0]}`);
  return { page, errors, close: () => ctx.close() };
}
const HTML = 'text/html; charset=utf-8', JS = 'text/javascript; charset=utf-8';

// In the page: which of the charts (in document order) have a canvas.
const drawn = () => [...document.querySelectorAll('trade-chart, [data-trade-chart], #api')]
  .map((el) => !!(el.shadowRoot || el).querySelector('canvas'));

test('50 lazy charts: only those near the viewport are made (height reserved); scrolling makes the rest; one wasm instance, one IntersectionObserver; eager and create() opt out and in', async () => {
  const charts = Array.from({ length: 50 }, (_, i) => i === 45 ? '<trade-chart id="eager" loading="eager" view="monthly"></trade-chart>'
    : i === 47 ? '<div data-trade-chart id="div"></div>' : `<trade-chart view="${i % 2 ? 'monthly' : 'collapse'}"></trade-chart>`);
  const { page, errors, close } = await open({
    'lazy.html': [HTML, `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
<main style="width:640px">${charts.map((c) => `<section><p>Paragraph</p>${c}</section>`).join('\n')}<div id="api"></div><div id="api-eager"></div></main>
<script src="/pkg/trade-chart.standalone.js"></script><script src="lazy.js"></script></body></html>`],
    'lazy.js': [JS, `window.lazyApi = TradeChart.create(document.getElementById('api'), { loading: 'lazy' }).then(() => 'made');
window.eagerApi = TradeChart.create(document.getElementById('api-eager'), { view: 'balance' }).then(() => 'made');`],
  });
  try {
    await page.waitForFunction(() => document.querySelector('trade-chart').tradeChart && document.getElementById('eager').tradeChart, null, { timeout: 30_000 });
    await page.evaluate(() => window.eagerApi);
    await page.waitForTimeout(300);
    const first = await page.evaluate(() => {
      const list = [...document.querySelectorAll('trade-chart, [data-trade-chart]')];
      return {
        drawn: list.map((el) => !!(el.shadowRoot || el).querySelector('canvas')),
        tops: list.map((el) => Math.round(el.getBoundingClientRect().top)),
        pendingHeights: list.filter((el) => !el.tradeChart && el.id !== 'div').map((el) => el.getBoundingClientRect().height),
        divPending: document.getElementById('div').hasAttribute('data-tc-pending'),
        divHeight: document.getElementById('div').getBoundingClientRect().height,
        apiCanvas: !!document.querySelector('#api canvas'), apiEagerCanvas: !!document.querySelector('#api-eager canvas'),
        inner: innerHeight, instantiations, observers,
      };
    });
    const near = first.drawn.filter(Boolean).length;
    // the eager one (far down) and those within about one viewport of the top
    assert.ok(first.drawn[45], 'loading="eager" far below the fold is made at once');
    assert.ok(near >= 3 && near <= 8, `charts made at the top: ${near} of 50 (${first.drawn.map(Number).join('')})`);
    first.drawn.forEach((d, i) => { if (d && i !== 45) assert.ok(first.tops[i] < 2.2 * first.inner, `chart ${i} at ${first.tops[i]} px was made`); });
    first.drawn.forEach((d, i) => { if (!d) assert.ok(first.tops[i] > first.inner, `chart ${i} at ${first.tops[i]} px near the viewport was not made`); });
    assert.ok(first.pendingHeights.every((h) => h >= 400), `a waiting chart keeps its height: ${first.pendingHeights.slice(0, 5)}`);
    assert.ok(first.divPending && first.divHeight >= 400, `a waiting [data-trade-chart] keeps its height (${first.divHeight})`);
    assert.equal(first.apiCanvas, false, "create({ loading: 'lazy' }) far below waits");
    assert.equal(first.apiEagerCanvas, true, 'create() is eager by default');
    assert.equal(first.instantiations, 1);
    assert.equal(first.observers, 1, 'one IntersectionObserver for the page');
    // Scroll down a viewport at a time: every chart is made on the way.
    for (let y = 0; ; y += 700) {
      const end = await page.evaluate((y) => { scrollTo(0, y); return scrollY + innerHeight >= document.documentElement.scrollHeight - 2; }, y);
      await page.waitForFunction(() => [...document.querySelectorAll('trade-chart, [data-trade-chart]')].every((el) => {
        const r = el.getBoundingClientRect();
        return r.bottom < 0 || r.top > innerHeight || el.tradeChart;
      }), null, { timeout: 20_000 });
      if (end) break;
    }
    assert.equal(await page.evaluate(() => window.lazyApi), 'made');
    const last = await page.evaluate(() => ({ drawn: [...document.querySelectorAll('trade-chart, [data-trade-chart], #api')].map((el) => !!(el.shadowRoot || el).querySelector('canvas')), instantiations }));
    assert.equal(last.drawn.filter(Boolean).length, 51, last.drawn.map(Number).join(''));
    assert.equal(last.instantiations, 1, 'one wasm instance for the page');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('a lazy chart far below: the wasm loads and its hot code is warmed at idle time, off screen; its height stays reserved until the figure is in; scrolled to, it is made', async () => {
  const { page, errors, close } = await open({
    'far.html': [HTML, `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
<main style="width:640px"><div style="height:4000px">Text</div><div data-trade-chart id="far"></div><p>After</p></main>
<script src="far-probe.js"></script><script src="/pkg/trade-chart.standalone.js"></script></body></html>`],
    // Draws on canvases outside the page (the warm-up's), and what happens to #far, in order.
    'far-probe.js': [JS, `window.offPage = 0; window.heights = [];
const gc = HTMLCanvasElement.prototype.getContext;
HTMLCanvasElement.prototype.getContext = function (...a) { if (!this.isConnected) window.offPage++; return gc.apply(this, a); };
new MutationObserver((rs) => { for (const r of rs) window.heights.push(r.type === 'childList' ? 'figure' : r.attributeName + (r.target.hasAttribute(r.attributeName) ? '+' : '-')); })
  .observe(document.getElementById('far'), { childList: true, attributes: true, attributeFilter: ['data-tc-pending'] });`],
  });
  try {
    await page.waitForFunction(() => window.instantiations === 1 && window.offPage > 0, null, { timeout: 30_000 });
    const before = await page.evaluate(() => ({ canvas: !!document.querySelector('#far canvas'), pending: document.getElementById('far').hasAttribute('data-tc-pending') }));
    assert.deepEqual(before, { canvas: false, pending: true }, 'warmed, but the chart itself is not made yet');
    await page.evaluate(() => document.getElementById('far').scrollIntoView());
    await page.waitForFunction(() => document.getElementById('far').tradeChart, null, { timeout: 30_000 });
    const after = await page.evaluate(() => ({ canvas: !!document.querySelector('#far canvas'), pending: document.getElementById('far').hasAttribute('data-tc-pending'), heights, instantiations }));
    assert.equal(after.canvas, true);
    assert.equal(after.pending, false);
    assert.equal(after.instantiations, 1, 'the warm-up and the chart share one instance');
    // The reservation is lifted only after the figure is in (never an empty box between).
    assert.deepEqual(after.heights, ['data-tc-pending+', 'figure', 'data-tc-pending-']);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test("init(url): the ES module loads the wasm from another URL (a CDN path); the build's own is never fetched", async () => {
  const wasm = readFileSync(join(ROOT, 'dist/pkg/trade_chart_bg.wasm'));
  const ctx = await browser.browser.newContext({ viewport: { width: 900, height: 800 } });
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.route(`${server.url}pkg/trade_chart_bg.wasm`, (route) => route.fulfill({ status: 404, body: '' }));
  await page.route(`${server.url}cdn/**`, (route) => {
    const p = new URL(route.request().url()).pathname;
    if (p === '/cdn/page.html') return route.fulfill({ status: 200, headers: { 'content-type': HTML }, body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><div id="c" style="width:600px"></div><trade-chart id="el" loading="eager"></trade-chart><script type="module" src="page.js"></script></body></html>' });
    if (p === '/cdn/page.js') return route.fulfill({ status: 200, headers: { 'content-type': JS }, body: "import { init, create } from '/pkg/index.js';\ninit('/cdn/assets/tc-0.wasm');\nwindow.made = create(document.getElementById('c')).then((c) => c.views.length, (e) => 'error: ' + e.message);" });
    if (p === '/cdn/assets/tc-0.wasm') return route.fulfill({ status: 200, headers: { 'content-type': 'application/wasm' }, body: wasm });
    return route.fulfill({ status: 404, body: '' });
  });
  try {
    await page.goto(`${server.url}cdn/page.html`);
    await page.waitForFunction(() => window.made && document.getElementById('el').tradeChart, null, { timeout: 30_000 });
    assert.ok(await page.evaluate(() => window.made) > 1);
    assert.ok(requested.includes('/cdn/assets/tc-0.wasm'), requested.join(' '));
    assert.ok(!requested.includes('/pkg/trade_chart_bg.wasm'), "the build's own wasm was fetched");
    assert.deepEqual(errors, []);
  } finally { await ctx.close(); }
});

test("trade-chart.js: the classic script without the wasm inside loads trade_chart_bg.wasm next to it (streaming, the ES module's own file) and draws; inline, with no URL to go by, its error card says to call TradeChart.init(url)", async () => {
  const requested = [];
  const { page, errors, close } = await open({
    'classic.html': [HTML, `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
<main style="width:640px"><div data-trade-chart id="c" data-view="monthly"></div></main>
<script src="/pkg/trade-chart.js"></script></body></html>`],
  });
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  try {
    await page.waitForFunction(() => document.getElementById('c').tradeChart, null, { timeout: 30_000 });
    const r = await page.evaluate(() => ({ view: document.getElementById('c').tradeChart.view, instantiations, streaming: performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/pkg/trade_chart_bg.wasm')).length }));
    assert.deepEqual(r, { view: 'monthly', instantiations: 1, streaming: 1 });
    assert.ok(!requested.some((p) => p.endsWith('standalone.js')), requested.join(' '));
    // Inline (no script URL to find the wasm next to): an error card that says what to do.
    await page.evaluate(async () => {
      const text = await (await fetch('/pkg/trade-chart.js')).text();
      delete window.TradeChart;
      const d = document.createElement('div');
      d.id = 'inline'; d.setAttribute('data-trade-chart', ''); d.setAttribute('data-loading', 'eager');
      document.querySelector('main').append(d);
      const s = document.createElement('script');
      s.textContent = text;
      document.body.append(s);
    });
    await page.waitForFunction(() => /TradeChart\.init\(url\)/.test(document.querySelector('#inline .tc-error')?.textContent || ''), null, { timeout: 10_000 });
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test("the story's dataset is fetched (kp-cn.json next to the module, once) only by a page with a chart given no data; the wasm carries none", async () => {
  const data = JSON.parse(readFileSync(join(ROOT, 'data/kp-cn.json'), 'utf8'));
  data.id = 'other';
  data.views[0].title = 'Another story';
  const { page, errors, close } = await open({
    'own.html': [HTML, `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
<main style="width:640px"><div id="a"></div><div id="b"></div><div id="c"></div></main>
<script type="module">
import { create } from '/pkg/index.js';
window.own = await create(document.getElementById('a'), { data: ${JSON.stringify(JSON.stringify(data))} });
window.ready = true;
</script></body></html>`],
  });
  const story = () => page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/pkg/kp-cn.json')).length);
  try {
    await page.waitForFunction(() => window.ready, null, { timeout: 30_000 });
    assert.equal(await page.evaluate(() => document.querySelector('#a figure').textContent.includes('Another story')), true);
    assert.equal(await story(), 0, 'a page with its own data never downloads the story');
    const titles = await page.evaluate(async () => {
      const { create } = await import('/pkg/index.js');
      const [b, c] = await Promise.all([create(document.getElementById('b')), create(document.getElementById('c'), { view: 'monthly' })]);
      return [b.views.length, c.view, document.querySelector('#b figure').textContent.includes('North Korea')];
    });
    assert.deepEqual(titles, [5, 'monthly', true]);
    assert.equal(await story(), 1, 'two charts of the story, one download');
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('a web font of the page arriving after the first drawing: every chart draws again (in it), without a resize', async () => {
  const font = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'].find((f) => existsSync(f));
  assert.ok(font, 'a font file to serve (fonts-dejavu or fonts-wqy-microhei)');
  const { page, errors, close } = await open({
    'font.html': [HTML, `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<link rel="stylesheet" href="font.css"></head><body>
<main style="width:640px"><div data-trade-chart data-loading="eager" id="c"></div></main>
<script src="font-probe.js"></script><script src="/pkg/trade-chart.standalone.js"></script></body></html>`],
    // The page's own Roboto (a name in our font stack), loaded only when asked for.
    'font.css': ['text/css', "@font-face { font-family: 'Roboto'; src: url(font.ttf); }"],
    'font.ttf': ['font/ttf', readFileSync(font)],
    'font-probe.js': [JS, `window.drawn = 0;
const ft = CanvasRenderingContext2D.prototype.fillText;
CanvasRenderingContext2D.prototype.fillText = function (...a) { if (this.canvas.closest && this.canvas.closest('#c')) window.drawn++; return ft.apply(this, a); };`],
  });
  try {
    await page.waitForFunction(() => document.getElementById('c').tradeChart, null, { timeout: 30_000 });
    await page.waitForTimeout(300);
    const before = await page.evaluate(() => ({ drawn, status: [...document.fonts].map((f) => f.status) }));
    assert.ok(before.drawn > 5, `the first drawing wrote its text (${before.drawn})`);
    const after = await page.evaluate(async () => {
      const n = drawn;
      await document.fonts.load("12px 'Roboto'");
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return { added: drawn - n, loaded: [...document.fonts].some((f) => f.family.includes('Roboto') && f.status === 'loaded') };
    });
    assert.equal(after.loaded, true);
    assert.ok(after.added >= before.drawn * 0.8, `drawn again when the font arrived: ${after.added} texts (first drawing ${before.drawn})`);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('TradeChart.init(url) in the standalone script: the wasm is fetched from that URL (compiled by streaming) instead of the inline copy', async () => {
  const wasm = readFileSync(join(ROOT, 'dist/pkg/trade_chart_bg.wasm'));
  const requested = [];
  const { page, errors, close } = await open({
    'init.html': [HTML, `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
<main style="width:640px"><div data-trade-chart id="c" data-loading="eager"></div></main>
<script src="/pkg/trade-chart.standalone.js"></script><script src="init.js"></script></body></html>`],
    'init.js': [JS, "window.ready = TradeChart.init('/t/cdn/tc.wasm').then(() => 'ready', (e) => 'error: ' + e.message);"],
    'cdn/tc.wasm': ['application/wasm', wasm],
  });
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  try {
    assert.equal(await page.evaluate(() => window.ready), 'ready');
    await page.waitForFunction(() => document.getElementById('c').tradeChart, null, { timeout: 30_000 });
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.wasm')));
    assert.deepEqual(fetched, ['/t/cdn/tc.wasm']);
    assert.equal(await page.evaluate(() => instantiations), 1);
    assert.deepEqual(errors, []);
  } finally { await close(); }
});

test('dist/SRI.txt: the sha384 of the standalone script, the CSS and embed.js, as the files are', () => {
  const text = readFileSync(join(ROOT, 'dist/SRI.txt'), 'utf8');
  for (const [file, name] of [['dist/pkg/trade-chart.standalone.js', 'trade-chart.standalone.js'], ['dist/pkg/trade-chart.js', 'trade-chart.js'], ['dist/pkg/trade_chart_bg.wasm', 'trade_chart_bg.wasm'], ['dist/pkg/trade-chart.css', 'trade-chart.css'], ['dist/embed.js', 'embed.js']]) {
    const hash = 'sha384-' + createHash('sha384').update(readFileSync(join(ROOT, file))).digest('base64');
    assert.match(text, new RegExp(`^${hash.replace(/[+/]/g, '\\$&')}  ${name.replace('.', '\\.')}$`, 'm'), `${name}: expected ${hash}`);
  }
});
