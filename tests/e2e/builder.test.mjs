// The builder (issue 12, first step): dist/builder.html under the strict CSP, served as
// `make demo` serves it. Pasted fixture tables draw the real chart; a bad cell is an error
// that moves the caret to it while the last good chart stays; an ambiguous number column
// asks for the decimal mark; the work survives a reload and "Start over" clears it; the
// downloaded dataset checks clean; no console errors, no CSP violations, no axe violations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS, collectErrors } from './helpers.mjs';
import { AXE, CSP, OBS, SRC, builderSession, drawn, fixture, paste, probes } from './builder-page.mjs';

const session = builderSession(1200);
const { open } = session;
const errorTexts = (page) => page.$$eval('#errors li', (l) => l.map((li) => li.textContent));

test('pasted fixture tables draw the chart; a bad cell points at its row and column and keeps the last good chart; reload keeps the work; start over clears it', async () => {
  const { ctx, page, errors } = await open();
  // a value of its own to find under the pointer: KR>JP 2019 → 12,345.6
  const obs = OBS.replace('\tKR>JP\t2019\t28,420.5\t', '\tKR>JP\t2019\t12,345.6\t');
  await paste(page, 'sources', SRC);
  await paste(page, 'observations', obs);
  await page.fill('#partner-a-code', 'KR');
  await page.fill('#partner-a-name', 'South Korea');
  await page.fill('#partner-b-code', 'JP');
  await page.fill('#partner-b-name', 'Japan');
  await page.fill('#title', 'Pasted in the builder');
  await drawn(page);
  // the title is every view's headline (setChartText): drawn once the last edit is read
  await page.waitForFunction(() => document.querySelector('#preview .tc-title')?.textContent === 'Pasted in the builder', null, { timeout: 30_000 });
  await page.waitForFunction(() => document.getElementById('preview').tradeChart.views.some((v) => v.id === 'annual-flows'));
  await page.evaluate(() => document.getElementById('preview').tradeChart.setView('annual-flows'));
  const item = await page.evaluate(() => document.getElementById('preview').tradeChart.items().find((i) => i.series === 'kr-jp-annual' && i.period === '2019'));
  assert.ok(item, 'the pasted KR>JP 2019 figure is drawn');
  assert.match(item.value, /12[.,]3|12,345/);
  // the chart text is below the tables: the page scrolled down to the title; back to the chart
  const box = await page.$eval('#preview canvas', (c) => { c.scrollIntoView({ block: 'center' }); const b = c.getBoundingClientRect(); return { x: b.x, y: b.y }; });
  await page.mouse.move(box.x + item.x + item.w / 2, box.y + item.y + item.h / 2);
  const tip = await page.$eval('#preview .tc-tooltip', (t) => ({ hidden: t.hidden, text: t.textContent }));
  assert.equal(tip.hidden, false);
  assert.ok(tip.text.includes(item.value), tip.text);
  assert.ok(tip.text.includes('Made-up Statistics Office'), `the source in the tooltip: ${tip.text}`);
  assert.match(await page.textContent('#status'), /No problems/);
  const before = await page.evaluate(() => document.getElementById('preview').tradeChart.items().length);

  // a bad cell: row 3 (the header is row 1), column 4 (value)
  await paste(page, 'observations', obs.replace('\tKR>JP\t2020\t25,097.8\t', '\tKR>JP\t2020\t25,O97.8\t'));
  await page.waitForFunction(() => document.querySelectorAll('#errors li').length > 0);
  const [first] = await errorTexts(page);
  assert.match(first, /Observations, row 3, column 4 \(value\)/);
  assert.match(first, /25,O97\.8/);
  assert.match(await page.textContent('#status'), /row 3, column 4/);
  // the last good chart stays
  assert.equal(await page.evaluate(() => document.getElementById('preview').tradeChart.items().length), before);
  assert.match(await page.textContent('#preview-note'), /last chart/);
  await page.click('#errors li button');
  const sel = await page.evaluate(() => { const a = document.activeElement; return { id: a.id, text: a.value.slice(a.selectionStart, a.selectionEnd) }; });
  assert.deepEqual(sel, { id: 'observations', text: '25,O97.8' });
  // fixing it (typing over the selection) clears the error
  await page.keyboard.type('25,097.8');
  await page.waitForFunction(() => document.querySelectorAll('#errors li').length === 0);
  await page.waitForFunction(() => /No problems/.test(document.getElementById('status').textContent));

  // screenshots, wide and narrow
  await page.screenshot({ path: join(RESULTS, 'builder-1200.png'), fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(RESULTS, 'builder-360.png'), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no sideways scrolling at 360 px (${overflow} px)`);
  await page.setViewportSize({ width: 1200, height: 1000 });

  // axe-core, with the chart and an error list on screen
  await paste(page, 'observations', obs.replace('\tKR>JP\t2020\t25,097.8\t', '\tKR>JP\t2020\t25,O97.8\t'));
  await page.waitForFunction(() => document.querySelectorAll('#errors li').length > 0);
  await page.evaluate(AXE);
  for (const theme of ['light', 'dark']) {
    await page.check(`input[name=theme][value=${theme}]`);
    const violations = await page.evaluate(async () => {
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, [], theme);
  }

  // reload: the work is back
  await page.waitForTimeout(400);
  await page.reload();
  await page.waitForFunction(() => 'ready' in document.documentElement.dataset);
  assert.ok((await page.inputValue('#observations')).includes('25,O97.8'));
  assert.equal(await page.inputValue('#sources'), SRC);
  assert.equal(await page.inputValue('#partner-b-name'), 'Japan');
  assert.equal(await page.inputValue('#title'), 'Pasted in the builder');
  await page.waitForFunction(() => document.querySelectorAll('#errors li').length > 0);

  // start over: asks first; keeping keeps
  await page.click('#start-over');
  assert.ok(await page.isVisible('#start-over-confirm'));
  await page.click('#start-over-cancel');
  assert.ok((await page.inputValue('#observations')).length > 0);
  await page.click('#start-over');
  await page.click('#start-over-confirm');
  assert.equal(await page.inputValue('#observations'), '');
  assert.equal(await page.inputValue('#title'), '');
  await page.reload();
  await page.waitForFunction(() => 'ready' in document.documentElement.dataset);
  assert.equal(await page.inputValue('#observations'), '');
  assert.equal(await page.inputValue('#sources'), '');

  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('an ambiguous number column asks for the decimal mark and draws once it is chosen; the downloaded dataset checks clean; the snippets carry it', async () => {
  const { ctx, page, errors } = await open();
  // every value like "1,234": no cell shows the decimal mark
  const rows = OBS.split('\n');
  const ambiguous = [rows[0], '\tKR>JP\t2019\t28,420\tUSD million\tCustoms\t\tdemo-stats\t', '\tKR>JP\t2020\t25,097\tUSD million\tCustoms\t\tdemo-stats\t',
    '\tJP>KR\t2019\t47,580\tUSD million\tCustoms\t\tdemo-stats\t'].join('\n');
  await paste(page, 'sources', SRC);
  await paste(page, 'observations', ambiguous);
  await page.waitForSelector('#decimal-ask:not([hidden])');
  assert.match(await page.textContent('#status'), /decimal mark/);
  assert.ok((await errorTexts(page)).some((t) => /could be/.test(t)));
  await page.check('input[name=decimal][value="."]');
  await drawn(page);
  assert.equal((await errorTexts(page)).length, 0);
  const values = await page.evaluate(() => document.getElementById('preview').tradeChart.items().map((i) => i.value));
  assert.ok(values.some((v) => /28[.,]4|28,420/.test(v)), values.join(' | '));

  // download → checkDataset
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  assert.match(dl.suggestedFilename(), /\.json$/);
  const text = readFileSync(await dl.path(), 'utf8');
  const checked = await page.evaluate(async (t) => (await import('./pkg/import.js')).checkDataset(t), text);
  assert.deepEqual(checked.errors, []);
  // the snippets: inline data in the element, a URL in the iframe
  // with the chart's picture inline once the builder's wasm has drawn it (publish.js)
  await page.waitForFunction(() => document.getElementById('snip-element').value.includes('data-tc-picture'));
  const element = await page.inputValue('#snip-element');
  // trade-chart.js, its wasm a file of its own (asked for as the script runs: no preload hint)
  assert.match(element, /^<link rel="stylesheet" href="[^"]+\/pkg\/trade-chart\.css">\n<trade-chart data-tc-pictured><figure class="tc" [^]*<\/figure>\n  <script type="application\/json">\{/);
  assert.match(element, /\n<script src="[^"]+\/pkg\/trade-chart\.js"><\/script>$/);
  assert.ok(!element.includes('standalone'));
  await page.check('input[name="data-in"][value=url]');
  await page.fill('#data-url', 'https://news.example/charts/kr-jp.json');
  assert.match(await page.inputValue('#snip-element'), /<trade-chart src="https:\/\/news\.example\/charts\/kr-jp\.json" data-tc-pictured>/);
  assert.match(await page.inputValue('#snip-iframe'), /embed\.html\?src=https%3A%2F%2Fnews\.example%2Fcharts%2Fkr-jp\.json/);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the script-and-div snippet, pasted into a page under the strict CSP, draws the editor\'s data', async () => {
  const { ctx, page } = await open();
  await paste(page, 'sources', SRC);
  await paste(page, 'observations', OBS);
  await page.fill('#title', 'Snippet check');
  await drawn(page);
  await page.waitForFunction(() => /Snippet check/.test(document.getElementById('snip-script').value));
  const snippet = await page.inputValue('#snip-script');
  const p2 = await ctx.newPage();
  const errors = collectErrors(p2);
  await p2.addInitScript(probes);
  await p2.route(`${session.server.url}cms/article.html`, (route) => route.fulfill({ status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title><link rel="icon" href="data:,"></head><body><main>${snippet}</main></body></html>` }));
  await p2.goto(`${session.server.url}cms/article.html`);
  const title = await p2.waitForFunction(() => {
    const el = document.querySelector('[data-trade-chart]');
    return el && el.tradeChart && el.querySelector('.tc-title') && el.querySelector('.tc-title').textContent;
  }, null, { timeout: 30_000 });
  assert.equal(await title.jsonValue(), 'Snippet check', "the pasted dataset and its title as every view's headline, not the embedded North Korea–China one");
  assert.ok(await p2.evaluate(() => document.querySelector('[data-trade-chart]').tradeChart.views.some((v) => v.id === 'annual-flows')), 'the pasted dataset, not the embedded one');
  assert.deepEqual(await p2.evaluate(() => window.violations), []);
  assert.deepEqual(errors, []);
  await ctx.close();
});
