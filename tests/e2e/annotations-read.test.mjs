// The story's annotation for a reader who does not look at the picture: the keyboard reaches
// "Border closed" among the figures and the live region reads its label, time, text and source;
// the pointer finds it at its label without redrawing the chart; "Show data" lists it in a
// table of its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { RESULTS, countDrawCalls, dataset, openStory } from './helpers.mjs';

const CHART = '[data-trade-chart]';
const BORDER = 'Border closed, January 2020. North Korea closed its border with China in January 2020 '
  + 'against the coronavirus; reports differ on the exact day. Source: Walltrace';
let story, page, errors;

before(async () => {
  story = await openStory({ init: countDrawCalls });
  ({ page, errors } = story);
});
after(() => story?.close());

const chart = (fn, arg) => page.$eval(CHART, fn, arg);
const live = () => page.$eval(`${CHART} [role=status]`, (e) => e.textContent);
const tooltip = () => page.$eval(`${CHART} .tc-tooltip`, (e) => (e.hidden ? null : e.innerText));
const announced = async () => { await page.waitForTimeout(400); return live(); };

test('the arrow keys reach "Border closed" among the figures and the live region reads it', async () => {
  await chart((el) => el.tradeChart.setView('history'));
  await page.focus(`${CHART} canvas`);
  // The history line, from its last year back: 2023 … 2020, then the border's closing (January
  // 2020), then 2019.
  await page.keyboard.press('End');
  assert.ok((await announced()).startsWith('2023,'));
  const heard = [];
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('ArrowLeft');
    heard.push((await announced()).split(',')[0]);
  }
  assert.deepEqual(heard, ['2022', '2021', '2020', 'Border closed', '2019', '2018']);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await announced(), BORDER);
  // The tooltip shows the same: when, the label, the text, the source with its date.
  assert.deepEqual((await tooltip()).split('\n').filter(Boolean), [
    'January 2020',
    'Border closed',
    'North Korea closed its border with China in January 2020 against the coronavirus; reports differ on the exact day.',
    'Walltrace, 22 February 2021',
  ]);
  await page.locator(`${CHART} figure`).screenshot({ path: join(RESULTS, 'annotation-keyboard.png') });

  // The monthly view: the first stop of the row, before the January–February figure.
  await chart((el) => el.tradeChart.setView('monthly'));
  await page.focus(`${CHART} canvas`);
  await page.keyboard.press('ArrowRight');
  assert.equal(await announced(), BORDER);
  await page.keyboard.press('ArrowRight');
  assert.ok((await announced()).startsWith('January–February 2020, Two-way trade,'));
  await page.keyboard.press('Tab');
});

test('the pointer finds the annotation at its label, and hovering does not redraw', async () => {
  await chart((el) => el.tradeChart.setView('monthly'));
  const note = await chart((el) => el.tradeChart.items().find((it) => it.id === 'annotation:border-closed'));
  assert.ok(note, 'no annotation:border-closed among the items');
  await page.locator(`${CHART} canvas`).scrollIntoViewIfNeeded();
  const box = await page.locator(`${CHART} canvas`).boundingBox();
  await page.mouse.move(box.x + 1, box.y + box.height + 100);
  await page.waitForTimeout(100);
  const drawn = await page.evaluate(() => window.__drawCalls);
  await page.mouse.move(box.x + note.x + note.w / 2, box.y + note.y + note.h / 2);
  const text = await tooltip();
  assert.ok(text && text.includes('Border closed') && text.includes('Walltrace, 22 February 2021'), `tooltip: ${text}`);
  await page.locator(`${CHART} figure`).screenshot({ path: join(RESULTS, 'annotation-hover.png') });
  assert.equal(await page.evaluate(() => window.__drawCalls), drawn, 'hovering redrew the chart');
  await page.mouse.move(box.x + 1, box.y + box.height + 100);
});

test('Show data lists the annotation in a table of its own, after the figures', async () => {
  await chart((el) => { el.tradeChart.setView('monthly'); el.tradeChart.showData(true); });
  const tables = await chart((el) => [...el.querySelectorAll('.tc-data table')].map((t) => ({
    caption: t.caption.textContent,
    cols: [...t.tHead.querySelectorAll('th')].map((th) => th.textContent),
    rows: [...t.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent)),
  })));
  assert.equal(tables.length, 2);
  assert.equal(tables[0].rows.length, 29);
  assert.deepEqual(tables[1], {
    caption: 'Marked on the chart',
    cols: ['Period', 'Label', 'Details', 'Source'],
    rows: [['January 2020', 'Border closed',
      'North Korea closed its border with China in January 2020 against the coronavirus; reports differ on the exact day.',
      'Walltrace, 22 February 2021']],
  });
  await page.locator(`${CHART} figure`).screenshot({ path: join(RESULTS, 'annotation-table.png') });
  // A view without annotations: the figures' table alone.
  await chart((el) => el.tradeChart.setView('balance'));
  assert.equal(await chart((el) => el.querySelectorAll('.tc-data table').length), 1);
  await chart((el) => el.tradeChart.showData(false));
});

test("the credit line stands before the sources, in the reader's language", async () => {
  const data = { ...dataset(), credit: { en: 'Chart: Test Desk', ko: '그래픽: 시험 데스크', zh: '制图：测试组' } };
  const source = () => chart((el) => el.querySelector('.tc-source').textContent);
  assert.match(await source(), /^Sources: /);
  await chart((el, d) => el.tradeChart.setData(d), data);
  assert.match(await source(), /^Chart: Test Desk · Sources: /);
  await chart((el) => el.tradeChart.setLang('ko'));
  assert.match(await source(), /^그래픽: 시험 데스크 · /);
  await chart((el) => el.tradeChart.setLang('en'));
});

test('no console errors or page errors', () => {
  assert.deepEqual(errors, []);
});
