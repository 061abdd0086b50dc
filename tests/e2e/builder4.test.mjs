// The builder, the rest of issue 12's test list: a Comtrade CSV dropped (two directions, the
// mirror basis kept apart); each snippet — <trade-chart> with the data inline, the iframe
// with the data at a URL — in a blank page under the strict CSP; and a keyboard-only walk
// through the steps (data, chart text, preview, publish) with axe and screenshots at 1200
// and 360 px at each. dist/builder.html under the strict CSP (builder-page.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, RESULTS, collectErrors } from './helpers.mjs';
import { CSP, OBS, SRC, axe, builderSession, drawn, paste, probes, status } from './builder-page.mjs';

const session = builderSession(1200);
const { open } = session;
const blank = (snippet) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title><link rel="icon" href="data:,"></head><body><main><p>An article.</p>${snippet}</main></body></html>`;

test('a UN Comtrade CSV dropped on the page: two directions drawn, each side\'s report its own series and basis (the mirror never merged)', async () => {
  const { ctx, page, errors } = await open();
  const text = readFileSync(join(ROOT, 'tests/fixtures/comtrade/mirror.csv'), 'utf8');
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'TradeData_mirror.csv', { type: 'text/csv' }));
    const drop = document.getElementById('drop');
    drop.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    drop.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  await status(page, /No problems/);
  await drawn(page);
  assert.equal(await page.evaluate(() => document.querySelector('input[name=kind]:checked').value), 'comtrade');
  const items = await page.evaluate(() => document.getElementById('preview').tradeChart.items());
  const series = [...new Set(items.map((i) => i.series))].sort();
  assert.deepEqual(series, ['chn-prk-annual-by-chn', 'chn-prk-annual-by-prk', 'prk-chn-annual-by-chn', 'prk-chn-annual-by-prk']);
  // the same flow as each side reports it: two bars, two series, their own legend entries
  const legend = await page.$$eval('#preview .tc-legend button', (b) => b.map((x) => x.textContent));
  assert.ok(legend.some((l) => /as reported by China/.test(l)) && legend.some((l) => /mirror figures/.test(l)), legend.join(' | '));
  // hovering the mirror figure names its own basis
  const mirror = items.find((i) => i.series === 'chn-prk-annual-by-prk');
  const box = await page.$eval('#preview canvas', (c) => { c.scrollIntoView({ block: 'center' }); const b = c.getBoundingClientRect(); return { x: b.x, y: b.y }; });
  await page.mouse.move(box.x + mirror.x + mirror.w / 2, box.y + mirror.y + mirror.h / 2);
  await page.waitForFunction(() => !document.querySelector('#preview .tc-tooltip').hidden);
  const tip = await page.textContent('#preview .tc-tooltip');
  assert.ok(tip.includes(mirror.value), tip);
  assert.match(tip, /Dem\. People's Rep\. of Korea/);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('each snippet in a blank page under the strict CSP: <trade-chart> with the data inline, the iframe with the chart\'s page the editor hosts, and the iframe with the data at a URL the editor hosts', async () => {
  const { ctx, page, errors } = await open();
  await paste(page, 'sources', SRC);
  await paste(page, 'observations', OBS);
  await page.fill('#title', 'Snippets everywhere');
  await drawn(page);
  await page.waitForFunction(() => /Snippets everywhere/.test(document.getElementById('snip-element').value));
  await page.waitForFunction(() => document.getElementById('snip-element').value.includes('data-tc-picture'));
  const element = await page.inputValue('#snip-element');
  assert.match(element, /\n<trade-chart data-tc-pictured><figure class="tc" /);
  // the data in the snippets: the iframe shows the chart's own page, which the editor
  // downloads beside it and hosts at the address given (the one-file page, picture inline)
  const pageUrl = `${session.server.url}newsroom/charts/snippets-page.html`;
  assert.equal(await page.isVisible('#page-url'), true);
  await page.fill('#page-url', pageUrl);
  await page.waitForFunction((u) => document.getElementById('snip-iframe').value.includes(u), pageUrl);
  const framePage = await page.inputValue('#snip-iframe');
  assert.match(framePage, /^<iframe data-trade-chart-embed src="[^"]+\/newsroom\/charts\/snippets-page\.html"\n        title="Snippets everywhere" loading="lazy" width="100%" height="560" frameborder="0"><\/iframe>\n<script src="[^"]+\/embed\.js" async><\/script>$/);
  const [dlPage] = await Promise.all([page.waitForEvent('download'), page.click('#download-frame')]);
  const [dlHtml] = await Promise.all([page.waitForEvent('download'), page.click('#download-html')]);
  const pageHtml = readFileSync(await dlPage.path(), 'utf8');
  assert.equal(pageHtml, readFileSync(await dlHtml.path(), 'utf8'), 'the iframe\'s page is the one-file page');
  assert.ok(pageHtml.includes('trade-chart:height') && pageHtml.includes('data-tc-picture'), 'it reports its height and carries the picture');
  // the dataset the editor downloads, hosted at the address given
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  const hosted = readFileSync(await dl.path(), 'utf8');
  const dataUrl = `${session.server.url}newsroom/charts/snippets.json`;
  await page.check('input[name=data-in][value=url]');
  await page.fill('#data-url', dataUrl);
  await page.waitForFunction((u) => document.getElementById('snip-iframe').value.includes(encodeURIComponent(u)), dataUrl);
  const iframe = await page.inputValue('#snip-iframe');
  assert.equal(await page.isVisible('#page-url'), false, 'the data at a URL: embed.html reads it, no page to host');
  const p2 = await ctx.newPage();
  const errors2 = collectErrors(p2);
  await p2.addInitScript(probes);
  await p2.route(`${session.server.url}newsroom/charts/snippets.json`, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: hosted }));
  await p2.route(pageUrl, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: pageHtml }));
  for (const [name, snippet] of [['element', element], ['iframe', iframe], ['iframe-page', framePage]]) {
    await p2.route(`${session.server.url}cms/${name}.html`, (r) => r.fulfill({ status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP }, body: blank(snippet) }));
    await p2.goto(`${session.server.url}cms/${name}.html`);
    const frame = name.startsWith('iframe')
      ? await (await p2.waitForSelector('iframe[data-trade-chart-embed]')).contentFrame()
      : p2.mainFrame();
    const title = await frame.waitForFunction(() => {
      // <trade-chart> draws in its shadow root
      const root = document.querySelector('trade-chart')?.shadowRoot || document;
      const t = root.querySelector('.tc-title');
      return t && root.querySelector('canvas') && t.textContent;
    }, null, { timeout: 30_000 }).catch(async (e) => { throw new Error(`${name}: ${e.message}; the page: ${(await frame.content()).slice(0, 1500)}; errors: ${errors2.join(' | ')}`); });
    assert.equal(await title.jsonValue(), 'Snippets everywhere', name);
    if (name.startsWith('iframe')) {
      // the host's resizer (embed.js) gives the iframe the chart's height, the whole document's
      await p2.waitForFunction(() => { const f = document.querySelector('iframe'); return f && f.getBoundingClientRect().height > 200 && f.getBoundingClientRect().height !== 560; }, null, { timeout: 30_000 });
      const want = await frame.evaluate(() => document.documentElement.scrollHeight);
      await p2.waitForFunction((h) => Math.round(document.querySelector('iframe').getBoundingClientRect().height) === h, want, { timeout: 10_000 });
    }
    assert.deepEqual(await p2.evaluate(() => window.violations), [], name);
  }
  assert.deepEqual(errors2, []);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the script and <trade-chart> snippets carry the chart\'s picture: pasted under the strict CSP with the script (trade-chart.js) held back, the picture is the first paint, and the chart takes it over without a shift', async () => {
  const { ctx, page, errors } = await open();
  await paste(page, 'sources', SRC);
  await paste(page, 'observations', OBS);
  await page.fill('#title', 'Pictured snippet');
  await drawn(page);
  await page.waitForFunction(() => ['snip-script', 'snip-element'].every((id) => {
    const v = document.getElementById(id).value;
    return v.includes('data-tc-picture') && v.includes('Pictured snippet');
  }));
  const snippets = { script: await page.inputValue('#snip-script'), element: await page.inputValue('#snip-element') };
  for (const [name, snippet] of Object.entries(snippets)) {
    assert.ok(!snippet.includes('<style') && !/ style=/.test(snippet), `${name}: no inline style`);
    const p2 = await ctx.newPage();
    const errors2 = collectErrors(p2);
    await p2.addInitScript(probes);
    await p2.addInitScript(`window.__shifts = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__shifts.push(e.value); }).observe({ type: 'layout-shift', buffered: true });`);
    let release;
    const held = new Promise((r) => { release = r; });
    await p2.route('**/pkg/trade-chart.js', async (route) => { await held; await route.continue(); });
    // no preload hint: the wasm is asked for by the script (as soon as it runs), not before
    const wasmAsked = [];
    p2.on('request', (r) => { if (r.url().endsWith('/pkg/trade_chart_bg.wasm')) wasmAsked.push(r.url()); });
    await p2.route(`${session.server.url}cms/pictured-${name}.html`, (r) => r.fulfill({ status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP }, body: blank(snippet) }));
    await p2.goto(`${session.server.url}cms/pictured-${name}.html`, { waitUntil: 'domcontentloaded' }).catch(() => {});
    // The script is held back, so the parser waits at it: what is above it is painted.
    await p2.waitForSelector('trade-chart figure.tc, [data-trade-chart] figure.tc', { state: 'attached' });
    await p2.waitForTimeout(300);
    const look = () => p2.evaluate(() => {
      const host = document.querySelector('trade-chart, [data-trade-chart]'), root = host.shadowRoot || host;
      const fig = root.querySelector('figure.tc') || host.querySelector('figure.tc');
      const r = (e) => { const b = e.getBoundingClientRect(); return [b.x, b.y, b.width, b.height].map((v) => Math.round(v)); };
      return { picture: fig.hasAttribute('data-tc-picture'), title: fig.querySelector('.tc-title').textContent,
        plot: r(fig.querySelector('.tc-plot')), figure: r(fig), source: r(fig.querySelector('.tc-source')), canvas: !!root.querySelector('canvas') };
    });
    const first = await look();
    assert.deepEqual([first.picture, first.title, first.canvas], [true, 'Pictured snippet', false], `${name}: the picture before any script`);
    assert.equal(wasmAsked.length, 0, `${name}: no wasm asked for before the script has run`);
    if (name === 'element') await p2.screenshot({ path: join(RESULTS, 'builder-snippet-picture.png') });
    release();
    await p2.waitForFunction(() => { const h = document.querySelector('trade-chart, [data-trade-chart]'); return h && h.tradeChart; }, null, { timeout: 30_000 });
    await p2.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const then = await look();
    assert.deepEqual([then.picture, then.canvas], [false, true], `${name}: taken over`);
    assert.deepEqual([then.plot, then.figure, then.source], [first.plot, first.figure, first.source], `${name}: nothing moved`);
    assert.deepEqual(await p2.evaluate(() => window.__shifts), [], `${name}: layout shifts`);
    assert.deepEqual(await p2.evaluate(() => window.violations), [], name);
    assert.deepEqual(errors2, [], name);
    await p2.close();
  }
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('keyboard only: from the top of the page through data, chart text, preview and publish, focus always visible, axe-clean and screenshotted at 1200 and 360 px at each step', async () => {
  const { ctx, page, errors } = await open({ permissions: ['clipboard-read', 'clipboard-write'] });
  // Tab until `id` has the focus (at most 80 presses), checking the focus is visible
  async function tabTo(id) {
    for (let n = 0; n < 80; n++) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate(() => {
        const a = document.activeElement;
        const s = getComputedStyle(a);
        return { id: a.id, visible: a.matches(':focus-visible') && (s.outlineStyle !== 'none' || s.boxShadow !== 'none') };
      });
      assert.ok(at.visible || at.id === '', `the focus on #${at.id} is visible`);
      if (at.id === id) return n + 1;
    }
    throw new Error(`#${id} not reached by Tab`);
  }
  async function step(name) {
    assert.deepEqual(await axe(page), [], name);
    await page.screenshot({ path: join(RESULTS, `builder4-${name}-1200.png`), fullPage: true });
    await page.setViewportSize({ width: 360, height: 800 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(RESULTS, `builder4-${name}-360.png`), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${name}: no sideways scrolling at 360 px (${overflow} px)`);
    assert.deepEqual(await axe(page), [], `${name} at 360 px`);
    await page.setViewportSize({ width: 1200, height: 1000 });
  }
  await step('0-start');
  // 1. data: the two tables, typed in (insertText is what a paste from the keyboard does)
  await tabTo('observations');
  await page.keyboard.insertText(OBS);
  await tabTo('sources');
  await page.keyboard.insertText(SRC);
  await status(page, /No problems/);
  await drawn(page);
  await step('1-data');
  // 2. chart text
  await tabTo('title');
  await page.keyboard.type('Walked by keyboard');
  await page.waitForFunction(() => document.querySelector('#preview .tc-title')?.textContent === 'Walked by keyboard', null, { timeout: 30_000 });
  await step('2-text');
  // 3. preview: the phone width and the dark theme, by arrow keys in their radio groups
  await tabTo(await page.$eval('input[name=width]:checked', (r) => r.id || (r.id = 'width-now')));
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.$eval('input[name=width]:checked', (r) => r.value), 'phone');
  await tabTo(await page.$eval('input[name=theme]:checked', (r) => r.id || (r.id = 'theme-now')));
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.$eval('input[name=theme]:checked', (r) => r.value), 'dark');
  await page.waitForFunction(() => document.getElementById('preview-frame').classList.contains('phone') && document.getElementById('preview-frame').classList.contains('dark'));
  await step('3-preview');
  // 4. publish: the dataset downloaded, a snippet copied, by Enter
  await tabTo('download');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(JSON.parse(readFileSync(await dl.path(), 'utf8')).title, 'Walked by keyboard');
  const copyButton = await page.$eval('[data-copy=snip-element]', (b) => b.id || (b.id = 'copy-element'));
  await tabTo(copyButton);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /Copied/.test(document.getElementById('copy-status').textContent));
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^(<link rel="stylesheet" [^>]*>\n)?<trade-chart[^>]*>[\s\S]*Walked by keyboard/);
  await step('4-publish');
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(errors, []);
  await ctx.close();
});
