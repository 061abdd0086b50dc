// The builder's annotation step and credit line (issue 23): the story's dataset opened,
// its own annotation shown, a span added with its source (its errors at their fields),
// seen in the preview, kept across a reload, published as the one-file page and found
// there from disk (file://). dist/builder.html under the strict CSP (builder-page.mjs);
// axe-clean and screenshotted at 1024 and 360 px with two annotations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, RESULTS, collectErrors } from './helpers.mjs';
import { axe, builderSession, drawn, noProblems, paste } from './builder-page.mjs';

const session = builderSession(1024);
const STORY = readFileSync(join(ROOT, 'data/kp-cn.json'), 'utf8');

// The SVG of a chart's view (the picture export: what the chart draws, with its labels).
const svgOf = (page, sel, view) => page.evaluate(async ([sel, view]) => {
  const chart = document.querySelector(sel).tradeChart;
  chart.setView(view);
  return (await chart.downloadSvg()).text();
}, [sel, view]);
// The first problem listed comes to say `re` (the page re-reads 300 ms after each edit).
const problem = (page, re) => page.waitForFunction((s) => new RegExp(s).test(document.querySelector('#errors li')?.textContent || ''), re.source, { timeout: 30_000 })
  .catch(async (e) => { throw new Error(`${e.message}; the first problem: ${await page.textContent('#errors li').catch(() => 'none')}`); });

test('annotations: the story\'s own shown; a span added with its source, its errors at their fields, drawn in the preview, kept on reload, published and found in the file from disk; a credit line too', async () => {
  const { ctx, page, errors } = await session.open();
  await page.check('input[name=kind][value=json]');
  await paste(page, 'json', STORY);
  await drawn(page);
  await noProblems(page);

  // the story's own annotation, as the data have it: its period is none of the data's
  await page.waitForFunction(() => document.querySelectorAll('#annotations li').length === 1, null, { timeout: 30_000 });
  assert.equal(await page.inputValue('#annotation-1-label'), 'Border closed');
  assert.equal(await page.inputValue('#annotation-1-period'), '2020-01');
  assert.match(await page.$eval('#annotation-1-period', (s) => s.selectedOptions[0].textContent), /^2020-01 \(not in the data\)$/);
  assert.deepEqual(await page.$$eval('#annotation-1-sources input:checked', (l) => l.map((i) => i.value)), ['walltrace-2021-02-22']);
  assert.deepEqual(await page.$$eval('#annotation-1-views .checks input:checked', (l) => l.map((i) => i.value)), ['monthly', 'history']);
  // the period select offers the data's periods, in time order
  const periods = await page.$$eval('#annotation-1-period option', (o) => o.map((x) => x.value).filter(Boolean));
  assert.deepEqual(periods.slice(0, 3), ['2004', '2007', '2009']);
  assert.ok(periods.indexOf('2020') < periods.indexOf('2020-03') && periods.indexOf('2020-09') < periods.indexOf('2021'), periods.join(' '));

  // a span: label, text, from and to; no source yet: the error is at its sources
  await page.click('#add-annotation');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'annotation-2-label');
  await page.keyboard.type('Lockdown');
  await page.fill('#annotation-2-text', 'Made up for the test: the border stayed shut through September.');
  await page.selectOption('#annotation-2-kind', 'span');
  assert.ok(await page.isVisible('#annotation-2-to'));
  assert.equal(await page.textContent('label[for=annotation-2-period]'), 'From');
  await page.selectOption('#annotation-2-period', '2020-03');
  await page.selectOption('#annotation-2-to', '2019-05');
  await problem(page, /^Annotation 2 \(Sources\): .*at least one source/);
  await page.click('#errors li button');
  assert.equal(await page.evaluate(() => document.activeElement.closest('fieldset')?.id), 'annotation-2-sources');
  assert.equal(await page.textContent('#annotation-2-sources legend'), 'Sources (0 chosen)');
  await page.check('#annotation-2-sources input[value="kbs-2020-09-16"]');
  assert.equal(await page.textContent('#annotation-2-sources legend'), 'Sources (1 chosen)');
  // a span that ends before it starts: at its To
  await problem(page, /^Annotation 2 \(To\): .*not before `period` \(2020-03\)/);
  assert.ok(await page.$eval('#errors', (l) => !/Annotation 2 \(When\)/.test(l.textContent)));
  await page.click('#errors li button');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'annotation-2-to');
  await page.selectOption('#annotation-2-to', '2020-09');
  // and the credit line, in English and Korean
  await page.fill('#credit', 'Chart: The Made-up Desk');
  await page.click('#text-langs summary');
  await page.fill('#credit-ko', '차트: 가상 데스크');
  await noProblems(page);

  // the preview draws it on both time views (every time view that shows it), not on the bars
  await page.waitForFunction(() => document.getElementById('preview').tradeChart.views.length === 5);
  const monthly = await svgOf(page, '#preview', 'monthly');
  assert.ok(monthly.includes('Lockdown') && monthly.includes('Border closed'), 'the monthly view draws both');
  assert.ok((await svgOf(page, '#preview', 'history')).includes('Lockdown'));
  assert.ok(!(await svgOf(page, '#preview', 'collapse')).includes('Lockdown'), 'a bar view draws none');

  // the step with its two annotations: pictures and axe at 1024 and 360 px (the preview
  // on the monthly view, where both are drawn)
  await page.evaluate(() => document.getElementById('preview').tradeChart.setView('monthly'));
  await page.screenshot({ path: join(RESULTS, 'builder-annotations-1024.png'), fullPage: true });
  await page.locator('#annotations-box').screenshot({ path: join(RESULTS, 'builder-annotations-step-1024.png') });
  await page.locator('#preview').screenshot({ path: join(RESULTS, 'builder-annotations-preview-1024.png') });
  await page.locator('fieldset.chart-text').screenshot({ path: join(RESULTS, 'builder-annotations-credit-1024.png') });
  assert.deepEqual(await axe(page), []);
  await page.setViewportSize({ width: 360, height: 800 });
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(RESULTS, 'builder-annotations-360.png'), fullPage: true });
  await page.locator('#annotations-box').screenshot({ path: join(RESULTS, 'builder-annotations-step-360.png') });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no sideways scrolling at 360 px (${overflow} px)`);
  assert.deepEqual(await axe(page), []);
  await page.setViewportSize({ width: 1024, height: 1000 });

  // reload: the annotations and the credit line are back, and drawn
  await page.waitForTimeout(400);
  await page.reload();
  await page.waitForFunction(() => 'ready' in document.documentElement.dataset);
  await drawn(page);
  await noProblems(page);
  assert.equal(await page.inputValue('#annotation-2-label'), 'Lockdown');
  assert.equal(await page.inputValue('#annotation-2-kind'), 'span');
  assert.equal(await page.inputValue('#annotation-2-period'), '2020-03');
  assert.equal(await page.inputValue('#annotation-2-to'), '2020-09');
  // the ticked source first in its list
  assert.deepEqual(await page.$$eval('#annotation-2-sources input:checked', (l) => l.map((i) => i.value)), ['kbs-2020-09-16']);
  assert.equal(await page.$eval('#annotation-2-sources .checks input', (i) => i.value), 'kbs-2020-09-16');
  assert.equal(await page.inputValue('#credit'), 'Chart: The Made-up Desk');
  assert.ok((await svgOf(page, '#preview', 'monthly')).includes('Lockdown'));

  // reorder: the span first; then publish the one-file page
  await page.click('#annotations li[data-index="1"] .move-annotation');
  assert.equal(await page.inputValue('#annotation-1-label'), 'Lockdown');
  assert.match(await page.textContent('#annotations-status'), /Annotation 2 is now annotation 1/);
  await page.waitForFunction(() => !document.getElementById('download-html').disabled);
  await noProblems(page);
  const dir = mkdtempSync(join(tmpdir(), 'builder-ann-'));
  const get = async (id) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`#${id}`)]);
    const path = join(dir, dl.suggestedFilename());
    copyFileSync(await dl.path(), path);
    return path;
  };
  const json = JSON.parse(readFileSync(await get('download'), 'utf8'));
  assert.deepEqual(json.annotations.map((a) => [a.id, a.period, a.to, a.sources]),
    [['lockdown', '2020-03', '2020-09', ['kbs-2020-09-16']], ['border-closed', '2020-01', undefined, ['walltrace-2021-02-22']]]);
  assert.deepEqual(json.credit, { en: 'Chart: The Made-up Desk', ko: '차트: 가상 데스크' });
  const html = await get('download-html');

  // the published file, from disk: its data carry the span, its source and the credit line;
  // the live chart draws the span
  const p2 = await ctx.newPage();
  const errors2 = collectErrors(p2);
  await p2.goto(pathToFileURL(html).href);
  await p2.waitForFunction(() => document.querySelector('[data-trade-chart]')?.tradeChart?.items().length > 0, null, { timeout: 30_000 });
  const data = JSON.parse(await p2.textContent('#trade-chart-data'));
  const span = data.annotations.find((a) => a.id === 'lockdown');
  assert.deepEqual([span.period, span.to, span.label, span.sources], ['2020-03', '2020-09', 'Lockdown', ['kbs-2020-09-16']]);
  assert.deepEqual(data.views.filter((v) => v.annotations?.includes('lockdown')).map((v) => v.id), ['monthly', 'history']);
  const source = data.sources.find((s) => s.id === 'kbs-2020-09-16');
  assert.equal(source.publisher, 'KBS World');
  assert.equal(data.credit.en, 'Chart: The Made-up Desk');
  assert.ok((await svgOf(p2, '[data-trade-chart]', 'monthly')).includes('Lockdown'), 'the published chart draws the span');
  // by keyboard: the arrow keys reach the span among the monthly figures, and the live
  // region reads its label, its months, its text and its source
  await p2.$eval('[data-trade-chart]', (el) => el.tradeChart.setView('monthly'));
  await p2.focus('[data-trade-chart] canvas');
  let heard = '';
  for (let i = 0; i < 12 && !heard.startsWith('Lockdown'); i++) {
    await p2.keyboard.press('ArrowRight');
    await p2.waitForTimeout(300);
    heard = await p2.$eval('[data-trade-chart] [role=status]', (e) => e.textContent);
  }
  assert.match(heard, /^Lockdown, March to September 2020\. Made up for the test: the border stayed shut through September\. Source: KBS World/);
  assert.deepEqual(errors2, []);

  // removing one: the list, the preview and the kept work lose it
  await page.bringToFront();
  await page.click('#annotations li[data-index="1"] .remove-annotation');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'remove-annotation');
  assert.match(await page.textContent('#annotations-status'), /Annotation 2 removed/);
  await page.waitForFunction(async () => {
    const chart = document.getElementById('preview').tradeChart;
    chart.setView('monthly');
    const svg = await (await chart.downloadSvg()).text();
    return svg.includes('Lockdown') && !svg.includes('Border closed');
  }, null, { timeout: 30_000, polling: 500 });
  assert.deepEqual(JSON.parse(await page.evaluate(() => localStorage.getItem('trade-chart-builder:v1'))).annotations.map((a) => a.label), ['Lockdown']);

  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(errors, []);
  await ctx.close();
});
