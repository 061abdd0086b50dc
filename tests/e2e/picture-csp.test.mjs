// The published picture under a strict CSP (`default-src 'self'; script-src 'self'
// 'wasm-unsafe-eval'; style-src 'self'`: no inline <style>, no style attribute; the wasm
// needs 'wasm-unsafe-eval' to compile). The picture has no style attribute (its swatches'
// colours and a fixed height are named for the stylesheet's rules), and its stylesheet
// is the package's trade-chart.css linked in the page's <head>: trade-chart/server's
// `style: 'page'` writes the picture as a child of <trade-chart> (the element moves it
// into its shadow root when defined), or the picture is in a [data-trade-chart]. The
// browser reports no CSP violation, the picture is laid out as with its inline <style>
// (the plot at the height rule's height, one drawing), and the takeover shifts nothing.
// Needs `make build` (pkg/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, RESULTS, launch, startServer } from './helpers.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const WIDTHS = [320, 360, 768, 1024, 1280];
const DIR = join(ROOT, 'test-results', 'picture-csp');
let browser, server;
const rule = (w) => Math.round(w < 560 ? Math.min(380, Math.max(260, w * 0.9)) : Math.min(480, Math.max(300, w * 0.5)));

const PROBE = `window.__shifts = []; window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts.push({ value: e.value,
  sources: (e.sources || []).map((s) => (s.node && (s.node.className || s.node.nodeName)) + ' ' + JSON.stringify(s.previousRect) + ' -> ' + JSON.stringify(s.currentRect)) }); })
  .observe({ type: 'layout-shift', buffered: true });`;

before(async () => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const { render } = await import(join(ROOT, 'pkg/server.js'));
  const data = readFileSync(join(ROOT, 'data/kp-cn.json'), 'utf8');
  const element = render(data, { view: 'monthly', lang: 'en', style: 'page' });
  assert.ok(!element.includes('<style') && !/ style=/.test(element), 'no inline style in the element');
  const fixed = render(data, { view: 'collapse', lang: 'en', height: 300, style: 'page' });
  assert.ok(!element.includes('<template shadowrootmode'), 'the picture a child of the element');
  // The figure alone, for a picture in the page's own DOM.
  const figure = element.slice(element.indexOf('<figure'), element.indexOf('</figure>') + '</figure>'.length);
  const page = (head, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="/pkg/kp-cn.json">
<meta name="viewport" content="width=device-width, initial-scale=1">${head}</head><body><h1>A story</h1>${body}<p id="below">Text below the chart.</p>
<script src="/pkg/trade-chart.js"></script></body></html>`;
  // The page links the sheet in <head>, which holds the first paint back (a <link> in a
  // declarative shadow root does not: Chromium painted that picture unstyled, then moved
  // it, 0.68 at 320 px, so style: 'page' puts the picture in the element's light DOM).
  const sheet = '<link rel="stylesheet" href="/pkg/trade-chart.css">';
  writeFileSync(join(DIR, 'element.html'), page(sheet, element.replace('<trade-chart ', '<trade-chart id="c" ')));
  writeFileSync(join(DIR, 'fixed.html'), page(sheet, fixed.replace('<trade-chart ', '<trade-chart id="c" ')));
  writeFileSync(join(DIR, 'div.html'), page('<link rel="stylesheet" href="/pkg/trade-chart.css">', `<div id="c" data-trade-chart data-view="monthly" data-lang="en">${figure}</div>`));
  browser = await launch();
  server = await startServer(ROOT);
});
after(async () => { await browser?.close(); server?.close(); });

for (const name of ['element', 'div', 'fixed']) {
  test(`${name}: under a strict CSP the picture is laid out, no violation, no shift at the takeover`, async () => {
    for (const width of WIDTHS) {
      const ctx = await browser.browser.newContext({ viewport: { width, height: 900 } });
      const page = await ctx.newPage();
      const console_ = [];
      page.on('console', (m) => { if (m.type() === 'error') console_.push(m.text()); });
      page.on('pageerror', (e) => console_.push(String(e)));
      await page.addInitScript(PROBE);
      await page.route(`**/test-results/picture-csp/${name}.html`, (route) => route.fulfill({
        status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP },
        body: readFileSync(join(DIR, name + '.html')) }));
      let release;
      const held = new Promise((r) => { release = r; });
      await page.route('**/trade_chart_bg.wasm', async (route) => { await held; await route.continue(); });
      try {
        await page.goto(server.url + `test-results/picture-csp/${name}.html`);
        await page.waitForTimeout(200);
        const look = (sel) => page.evaluate((sel) => {
          const el = document.querySelector(sel), root = el.shadowRoot || el;
          const img = root.querySelector('.tc-picture-img');
          const shown = img ? [...img.querySelectorAll('svg')].filter((s) => getComputedStyle(s).display !== 'none') : [];
          const sw = root.querySelector('.tc-swatch');
          const r = (q) => { const b = root.querySelector(q).getBoundingClientRect(); return [b.x, b.y, b.width, b.height].map((v) => Math.round(v * 100) / 100); };
          return { picture: !!root.querySelector('figure[data-tc-picture]'), plot: r('.tc-plot'), title: r('.tc-title'), source: r('.tc-source'),
            drawings: shown.length, swatch: sw && getComputedStyle(sw).backgroundColor, below: document.getElementById('below').getBoundingClientRect().top };
        }, sel);
        const first = await look('#c');
        assert.equal(first.picture, true);
        const content = width - 16; // the body's 8 px margins
        assert.equal(first.plot[3], name === 'fixed' ? 300 : rule(content), `${name} at ${width}: the plot's height`);
        assert.equal(first.drawings, 1, 'one drawing shown');
        assert.equal(first.swatch, 'rgb(42, 92, 154)', "the swatch's colour from the stylesheet");
        if (width === 360) await page.screenshot({ path: join(RESULTS, `picture-csp-${name}-before-360.png`) });
        release();
        await page.waitForFunction(() => document.getElementById('c').tradeChart, null, { timeout: 30_000 });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const then = await look('#c');
        assert.equal(then.picture, false, 'taken over');
        if (width === 360) await page.screenshot({ path: join(RESULTS, `picture-csp-${name}-after-360.png`) });
        const { shifts, csp } = await page.evaluate(() => ({ shifts: window.__shifts, csp: window.__csp }));
        assert.deepEqual(csp, [], `${name} at ${width}: CSP violations`);
        assert.deepEqual(console_, [], `${name} at ${width}: console errors`);
        assert.deepEqual(shifts, [], `${name} at ${width}: layout shifts`);
        for (const k of ['plot', 'title', 'source', 'below']) assert.deepEqual(then[k], first[k], `${name} at ${width}: ${k} moved`);
      } finally { await ctx.close(); }
    }
  });
}
