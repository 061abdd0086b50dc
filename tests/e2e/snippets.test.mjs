// The README's embed snippets without a picture shift nothing: each code block marked
// `<!-- embed-test: NAME -->` in README.md is pasted as is (its CDN URLs pointed at pkg/)
// into a news page with the chart in the first screen and text below it, and the browser's
// own layout-shift entries sum to at most 0.01 at 320, 360, 768, 1024 and 1280 px. A wasm
// file is held back 400 ms (the standalone script carries its own), and the text below is
// checked to be painted before the chart is there, so the reserved place is what is measured; the story's opening view keeps the text below exactly where it was first
// painted. Needs `make build` (pkg/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launch, collectErrors, startServer } from './helpers.mjs';

const VIEWPORTS = [[320, 568], [360, 740], [768, 1024], [1024, 768], [1280, 800]];
const DIR = join(ROOT, 'test-results', 'snippets');
let browser, server;

// The marked snippets, in the README's order: [name, code].
export function snippets(readme) {
  const out = [];
  const re = /<!-- embed-test: ([\w-]+) -->\n```html\n([\s\S]*?)\n```/g;
  for (let m; (m = re.exec(readme));) out.push([m[1], m[2]]);
  return out;
}
const SNIPPETS = snippets(readFileSync(join(ROOT, 'README.md'), 'utf8'));

// A news page: a masthead, a headline and a lede, the snippet, then the story's text.
const page = (snippet) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>News</title>
<style>body { margin: 0; font: 18px/1.5 Georgia, serif; } header { padding: 12px 16px; border-bottom: 1px solid #ccc; font: 700 20px sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 0 16px; } h1 { font-size: 28px; line-height: 1.2; margin: 16px 0 8px; }</style></head>
<body><header>The Daily Example</header><main><h1>Trade across the border fell by nine tenths</h1>
<p class="lede">Customs figures show how trade collapsed.</p>
${snippet.replace(/https:\/\/your\.cdn\/trade-chart\/(?:0\.1\.0\/)?/g, '/pkg/')}
${'<p>The story goes on below the chart, paragraph after paragraph, as a news page does. '.repeat(3)}</p>
<p id="below">More text below the chart.</p>${'<p>Another paragraph of the story.</p>'.repeat(8)}</main></body></html>`;

const PROBE = `window.__shifts = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts.push({ value: e.value, input: e.hadRecentInput,
  sources: (e.sources || []).map((s) => (s.node && (s.node.id || s.node.className || s.node.nodeName)) + ' ' + JSON.stringify(s.previousRect) + ' -> ' + JSON.stringify(s.currentRect)) }); })
  .observe({ type: 'layout-shift', buffered: true });
window.__belowFirst = null;
requestAnimationFrame(function first() {
  const b = document.getElementById('below');
  if (!b) return requestAnimationFrame(first);
  window.__belowFirst = b.getBoundingClientRect().top + scrollY;
  const host = document.querySelector('trade-chart, [data-trade-chart], #chart');
  window.__chartFirst = !!(host && (host.shadowRoot || host).querySelector('canvas'));
});`;

before(async () => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  for (const [name, code] of SNIPPETS) writeFileSync(join(DIR, name + '.html'), page(code));
  browser = await launch();
  server = await startServer(ROOT);
});
after(async () => { await browser?.close(); server?.close(); });

test('the README marks its embed snippets without a picture', () => {
  assert.deepEqual(SNIPPETS.map(([n]) => n), ['element-standalone', 'div-standalone', 'div-classic', 'element-src', 'module-create', 'module-element']);
});

// One snippet at one viewport: the layout shifts (sum, entries) once the chart is drawn.
async function measure(name, [width, height]) {
  const ctx = await browser.browser.newContext({ viewport: { width, height } });
  const p = await ctx.newPage();
  const errors = collectErrors(p);
  await p.addInitScript(PROBE);
  await p.route('**/*.wasm', async (route) => { await new Promise((r) => setTimeout(r, 400)); await route.continue(); });
  await p.goto(server.url + `test-results/snippets/${name}.html`);
  await p.waitForFunction(() => {
    const host = document.querySelector('trade-chart, [data-trade-chart], #chart');
    const root = host && (host.shadowRoot || host);
    const c = root && root.querySelector('canvas');
    return c && c.height > 0;
  }, null, { timeout: 20_000 });
  await p.waitForTimeout(600);
  const r = await p.evaluate(() => ({ shifts: window.__shifts, below: document.getElementById('below').getBoundingClientRect().top + scrollY, belowFirst: window.__belowFirst, chartFirst: window.__chartFirst }));
  await ctx.close();
  assert.deepEqual(errors, [], `${name} at ${width}: errors`);
  const sum = r.shifts.filter((s) => !s.input).reduce((a, s) => a + s.value, 0);
  return { sum, ...r };
}

for (const [name, code] of SNIPPETS) {
  test(`${name}: pasted into a news page, nothing shifts at 320–1280 px`, async () => {
    const rows = [];
    for (const vp of VIEWPORTS) {
      const m = await measure(name, vp);
      rows.push(`${vp[0]}: CLS ${m.sum.toFixed(4)}, text below ${m.belowFirst} -> ${m.below}`);
      assert.ok(m.sum <= 0.01, `${name} at ${vp[0]} px: layout shift ${m.sum.toFixed(4)} > 0.01\n${JSON.stringify(m.shifts, null, 1)}`);
      // The text below was painted before the chart was made: the reservation is what was measured.
      assert.equal(m.chartFirst, false, `${name} at ${vp[0]} px: the chart was there before the text below`);
      // The story's opening view: its place was kept exactly (under the browser's 3 px
      // threshold for a shift), wherever the text below was on the screen.
      if (/view="collapse"|view: 'collapse'/.test(code)) {
        assert.ok(Math.abs(m.below - m.belowFirst) < 1, `${name} at ${vp[0]} px: the text below moved from ${m.belowFirst} to ${m.below}`);
      }
    }
    console.log(`# ${name}\n# ${rows.join('\n# ')}`);
  });
}
