// The published picture's tooltip says what the live chart's says (src/chart/dataset/picture.rs
// writes the live tooltip's words, www/shell/picture.js shows them): for every hit region of
// the picture (figures, a derived figure with its formula and note, an annotation at a date
// and one over a span, the story's claims), hovered with the wasm held back, then at the same
// point once the chart has taken the picture over, the tooltip's title, series (and whether it
// has a swatch), value, lines and source are the same; in English, Korean and Chinese, on bars,
// a line and categories. Screenshots of both tooltips at the same point: target/shots/tips-*.
// Needs `make build` (pkg/: the server render and trade-chart.js).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launch, collectErrors, startServer } from './helpers.mjs';

const DIR = join(ROOT, 'test-results', 'picture-tips');
const SHOTS = join(ROOT, 'target', 'shots');
// The plot is as wide as the picture's 720 px drawing (the page has no margin): the picture
// is shown unscaled, so a point is over the same item in the picture and on the canvas.
const WIDTH = 720;
let browser, server;
// The monthly view (bars of three series, derived ones, a point and a span, two claims) in
// English and Korean; the line since 2004 (points, a year without a figure between two;
// the annotation) and the products' bars (categories) in English and Chinese.
const CASES = [['en', 'monthly'], ['ko', 'monthly'], ['en', 'history'], ['zh', 'products']];

// The story's dataset with a span among its annotations (March to May 2020, on the monthly
// view, beside the border's closing in January), in English and Korean.
function dataset() {
  const data = JSON.parse(readFileSync(join(ROOT, 'data/kp-cn.json'), 'utf8'));
  data.annotations.push({
    id: 'quiet-months', period: '2020-03', to: '2020-05',
    label: { en: 'Quiet months', ko: '조용한 달' },
    text: { en: 'Almost no trucks crossed the bridge at Dandong from March to May 2020.', ko: '2020년 3~5월에는 단둥 다리를 건넌 트럭이 거의 없었습니다.' },
    sources: ['walltrace-2021-02-22'],
  });
  data.views.find((v) => v.id === 'monthly').annotations.push('quiet-months');
  return data;
}

before(async () => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  mkdirSync(SHOTS, { recursive: true });
  const { render } = await import(join(ROOT, 'pkg/server.js'));
  const data = dataset();
  for (const [lang, view] of CASES) {
    const html = render(data, { view, lang });
    writeFileSync(join(DIR, `${lang}-${view}.html`), `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body style="margin:0">${html.replace('<trade-chart ', '<trade-chart id="c" ')}
<script src="/pkg/trade-chart.js"></script></body></html>`);
  }
  browser = await launch();
  server = await startServer(ROOT);
});
after(async () => { await browser?.close(); server?.close(); });

// In the page: a point over each hit region of the drawing shown, where that region is what
// the pointer meets (the middle of its box, else the first point of a grid over it that is).
function regions() {
  const root = document.getElementById('c').shadowRoot;
  const out = [];
  for (const r of root.querySelectorAll('figure[data-tc-picture] .tc-hits > rect')) {
    const b = r.getBoundingClientRect();
    if (b.width <= 0 || b.height <= 0) continue; // a drawing for another width
    const tries = [[0.5, 0.5]];
    for (let i = 1; i < 8; i++) for (let j = 1; j < 8; j++) tries.push([i / 8, j / 8]);
    const at = tries.map(([u, v]) => [b.left + b.width * u, b.top + b.height * v]).find(([x, y]) => root.elementFromPoint(x, y) === r);
    out.push({ hit: [b.left, b.top, b.right, b.bottom].map(Math.round), at: at || null });
  }
  return out;
}

// In the page: the tooltip shown in `#c`'s shadow root (null: none), its parts' texts.
function shown() {
  const t = [...document.getElementById('c').shadowRoot.querySelectorAll('.tc-tooltip')].find((e) => !e.hidden);
  if (!t) return null;
  const part = (c) => [...t.querySelectorAll(c)].map((e) => e.textContent);
  return { picture: !!t.closest('figure[data-tc-picture]'), title: part('.tc-tt-title'), series: part('.tc-tt-series'), value: part('.tc-tt-value'),
    lines: part('.tc-tt-line'), source: part('.tc-tt-source'), swatch: !!t.querySelector('.tc-tt-series .tc-swatch') };
}

// The pointer away from the chart (the tooltip hidden), then onto (x, y) as a reader's moves;
// the tooltip shown there, or null when none is after a moment.
async function hover(page, x, y) {
  await page.mouse.move(0, 0);
  await page.waitForFunction(() => ![...document.getElementById('c').shadowRoot.querySelectorAll('.tc-tooltip')].some((e) => !e.hidden));
  await page.mouse.move(x - 1, y);
  await page.mouse.move(x, y);
  try {
    await page.waitForFunction(() => [...document.getElementById('c').shadowRoot.querySelectorAll('.tc-tooltip')].some((e) => !e.hidden), null, { timeout: 1500 });
  } catch { /* none */ }
  return page.evaluate(shown);
}

for (const [lang, view] of CASES) {
  test(`${lang}, ${view}: at every hit region of the picture its tooltip says what the live chart's says there`, async () => {
    const ctx = await browser.browser.newContext({ viewport: { width: WIDTH, height: 900 } });
    const page = await ctx.newPage();
    const errors = collectErrors(page);
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/trade_chart_bg.wasm', async (route) => { await held; await route.continue(); });
    try {
      await page.goto(server.url + `test-results/picture-tips/${lang}-${view}.html`);
      await page.waitForFunction(() => customElements.get('trade-chart') && document.getElementById('c').shadowRoot.querySelector('figure[data-tc-picture]'));
      const plot = await page.evaluate(() => document.getElementById('c').shadowRoot.querySelector('.tc-plot').clientWidth);
      assert.equal(plot, WIDTH, 'the plot as wide as the drawing shown');
      const found = await page.evaluate(regions);
      const points = found.filter((r) => r.at);
      // Every region is met somewhere (none wholly under another), and there are the kinds
      // the brief asks for.
      assert.deepEqual(found.filter((r) => !r.at), [], 'a region under others');
      const pictured = [];
      for (const { at: [x, y] } of points) pictured.push(await hover(page, x, y));
      assert.equal(await page.evaluate(() => !!document.getElementById('c').tradeChart), false, 'still the picture');
      assert.ok(points.length >= 4, `${points.length} regions`);
      // The longest figure's tooltip (a derived one, its formula and note), as a reader sees
      // it, and a claim's (the monthly view's).
      const pick = (score) => { const s = pictured.map((t) => (t ? score(t) : -1)); return s.indexOf(Math.max(...s)); };
      const shots = [['figure', pick((t) => (t.swatch ? t.lines.join('').length : 0))]];
      if (view === 'monthly') shots.push(['claim', pick((t) => (!t.swatch && t.series[0] !== '' ? 1 : 0))]);
      const shoot = async (when) => {
        for (const [name, i] of shots) {
          await hover(page, ...points[i].at);
          await page.screenshot({ path: join(SHOTS, `tips-${lang}-${view}-${name}-${when}.png`), clip: { x: 0, y: 0, width: WIDTH, height: 700 } });
        }
      };
      await shoot('picture');
      // The chart takes the picture over; the same points on the canvas.
      release();
      await page.waitForFunction(() => document.getElementById('c').tradeChart, null, { timeout: 30_000 });
      await page.mouse.move(0, 0);
      assert.equal(await page.evaluate(() => document.getElementById('c').shadowRoot.querySelector('canvas').clientWidth), WIDTH);
      const live = [];
      for (const { at: [x, y] } of points) live.push(await hover(page, x, y));
      await shoot('live');
      assert.ok(live.every((t) => !t || !t.picture), 'the live tooltips');
      // The kinds of the monthly view's live tooltips are all here: a derived figure with its
      // formula and note, each annotation once, the two claims.
      if (view === 'monthly') {
        const kinds = (pred) => live.filter((t) => t && pred(t)).length;
        assert.ok(kinds((t) => t.lines.length >= 3 && t.swatch) >= 1, 'a derived figure with its formula and note');
        const labels = lang === 'en' ? ['Border closed', 'Quiet months'] : ['국경 봉쇄', '조용한 달'];
        for (const label of labels) assert.equal(kinds((t) => !t.swatch && t.value[0] === label), 1, `the annotation ${label}`);
        assert.ok(kinds((t) => !t.swatch && t.series[0] !== '') >= 2, 'the two claims');
      }
      // Each region's picture tooltip is the live one at the same point.
      const strip = (t) => t && { ...t, picture: undefined };
      const differ = points.map((p, i) => ({ at: p.at, hit: p.hit, picture: strip(pictured[i]), live: strip(live[i]) }))
        .filter((d) => !d.picture || JSON.stringify(d.picture) !== JSON.stringify(d.live));
      assert.deepEqual(differ, [], `${lang}, ${view}: ${differ.length} of ${points.length} regions differ`);
      assert.deepEqual(errors, []);
    } finally { await ctx.close(); }
  });
}
