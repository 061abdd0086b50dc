// A dataset in euros, with the real wasm: the tooltip and the axis name the euro, in
// English and in Chinese; the figures are the dataset's, never converted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openStory, mounted, dataset } from './helpers.mjs';

let story, page, errors;

before(async () => {
  story = await openStory();
  ({ page, errors } = story);
});
after(() => story?.close());

// A chart of the story's data in euros, in `lang`; hovers the 2020 imports bar of the
// balance view and returns the tooltip's text and the chart's value axis, as its
// description and table give them.
async function inEuros(lang) {
  const data = dataset();
  data.unit.currency = 'EUR';
  const id = await page.evaluate(async ([data, lang]) => {
    const el = document.createElement('div');
    el.id = 'eur' + lang;
    document.querySelector('article').append(el);
    await TradeChart.create(el, { data, lang, view: 'balance' });
    return el.id;
  }, [data, lang]);
  await mounted(page, `#${id}`);
  const item = await page.$eval(`#${id}`, (el) => el.tradeChart.items().find((it) => it.series === 'cn-kp-annual' && it.period.includes('2020')));
  assert.ok(item, 'no 2020 imports bar');
  await page.locator(`#${id} canvas`).scrollIntoViewIfNeeded();
  const box = await page.locator(`#${id} canvas`).boundingBox();
  await page.mouse.move(box.x + item.x + item.w / 2, box.y + item.y + item.h / 2);
  const tip = page.locator(`#${id} .tc-tooltip`);
  await tip.waitFor({ state: 'visible' });
  return tip.textContent();
}

test('a dataset in euros: the tooltip says "€491.06 million", in Chinese "4.91亿欧元"', async () => {
  const en = await inEuros('en');
  assert.ok(en.includes('€491.06 million'), en);
  assert.ok(!en.includes('$'), en);
  const zh = await inEuros('zh');
  assert.ok(zh.includes('4.91亿欧元'), zh);
  assert.deepEqual(errors, []);
});
