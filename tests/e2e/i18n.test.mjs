// Korean and Chinese readers, with the real wasm: chosen by the page's lang (an ancestor
// or <html>) or the option; tabs, buttons, tooltip, table, claims and the spoken text all
// in the reader's language, numbers the way their newspapers write them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { RESULTS, mounted, openStory } from './helpers.mjs';

const HANGUL = /[\uac00-\ud7a3]/, HAN = /[\u4e00-\u9fff]/;
let story, page, errors;

before(async () => {
  story = await openStory();
  ({ page, errors } = story);
});
after(() => story?.close());

// A new chart after the story's, inside an element with `lang` (or none); resolves with its id.
async function chartIn(lang, options = {}) {
  const id = await page.evaluate(async ([lang, options]) => {
    const box = document.createElement('section');
    if (lang) box.lang = lang;
    const el = document.createElement('div');
    el.id = 'l' + Math.random().toString(36).slice(2);
    box.append(el);
    document.querySelector('article').append(box);
    await TradeChart.create(el, options);
    return el.id;
  }, [lang, options]);
  await mounted(page, `#${id}`);
  return id;
}

// Hovers the 2020 bar of China's exports to North Korea (the imports bar) in the balance view.
async function hoverImports2020(id) {
  await page.$eval(`#${id}`, (el) => el.tradeChart.setView('balance'));
  const item = await page.$eval(`#${id}`, (el) => el.tradeChart.items().find((it) => it.series === 'cn-kp-annual' && it.period.includes('2020')));
  assert.ok(item, 'no 2020 imports bar');
  await page.locator(`#${id} canvas`).scrollIntoViewIfNeeded();
  const box = await page.locator(`#${id} canvas`).boundingBox();
  await page.mouse.move(box.x + item.x + item.w / 2, box.y + item.y + item.h / 2);
  const tip = page.locator(`#${id} .tc-tooltip`);
  await tip.waitFor({ state: 'visible' });
  return tip.textContent();
}

const widgetText = (id) => page.$eval(`#${id}`, (el) => {
  const f = el.querySelector('figure');
  return { lang: f.lang, tabs: [...f.querySelectorAll('[role=tab]')].map((b) => b.textContent),
    tablist: f.querySelector('[role=tablist]').getAttribute('aria-label'), legend: f.querySelector('.tc-legend').getAttribute('aria-label'),
    showData: f.querySelector('.tc-show-data').textContent, claims: f.querySelector('.tc-show-claims').textContent,
    download: f.querySelector('.tc-download-label').textContent, desc: document.getElementById(f.querySelector('canvas').getAttribute('aria-describedby')).textContent,
    title: f.querySelector('.tc-title').textContent };
});

test('Korean from the page (an ancestor with lang="ko"): Korean tabs and labels; "4억9106만 달러" for 2020 imports', async () => {
  const id = await chartIn('ko');
  const w = await widgetText(id);
  assert.equal(w.lang, 'ko');
  for (const t of [...w.tabs, w.tablist, w.legend, w.showData, w.claims, w.download, w.desc, w.title]) assert.match(t, HANGUL, `not Korean: ${t}`);
  const text = await hoverImports2020(id);
  assert.ok(text.includes('4억9106만 달러'), `tooltip: ${text}`);
  assert.match(text, /2020년/);
  await page.locator(`#${id} figure`).screenshot({ path: join(RESULTS, 'lang-ko.png') });
  // The table and the claims speak Korean too.
  await page.$eval(`#${id}`, (el) => { el.tradeChart.showData(); el.tradeChart.showClaims(); });
  const t = await page.$eval(`#${id}`, (el) => ({ head: [...el.querySelectorAll('.tc-data thead th')].map((th) => th.textContent),
    cells: el.querySelector('.tc-data tbody').textContent, verdict: el.querySelector('.tc-claim[data-status=unsupported] .tc-badge').textContent,
    button: el.querySelector('.tc-show-data').textContent }));
  for (const h of t.head) assert.match(h, HANGUL, `header not Korean: ${h}`);
  assert.ok(t.cells.includes('4억9106만 달러'), 'table lacks 4억9106만 달러');
  assert.match(t.verdict, HANGUL);
  assert.match(t.button, HANGUL);
  await page.locator(`#${id} figure`).screenshot({ path: join(RESULTS, 'lang-ko-data.png') });
  await page.$eval(`#${id}`, (el) => el.tradeChart.destroy());
});

test('Chinese by option: "4.91亿美元" for 2020 imports, Chinese tabs', async () => {
  const id = await chartIn('ko', { lang: 'zh-Hans' }); // the option wins over the page
  const w = await widgetText(id);
  assert.equal(w.lang, 'zh');
  for (const t of [...w.tabs, w.showData, w.download, w.title]) assert.match(t, HAN, `not Chinese: ${t}`);
  const text = await hoverImports2020(id);
  assert.ok(text.includes('4.91亿美元'), `tooltip: ${text}`);
  await page.locator(`#${id} figure`).screenshot({ path: join(RESULTS, 'lang-zh.png') });
  await page.$eval(`#${id}`, (el) => el.tradeChart.destroy());
});

test('<html lang> is used when nothing nearer says; an unsupported language is English', async () => {
  await page.evaluate(() => { document.documentElement.lang = 'zh-CN'; });
  const zh = await chartIn(null);
  await page.evaluate(() => { document.documentElement.lang = 'en'; });
  assert.equal((await widgetText(zh)).lang, 'zh');
  const fr = await chartIn('fr');
  const w = await widgetText(fr);
  assert.equal(w.lang, 'en');
  assert.equal(w.showData, 'Show data');
  for (const id of [zh, fr]) await page.$eval(`#${id}`, (el) => el.tradeChart.destroy());
});

test('setLang switches everything at once, keyboard announcements included', async () => {
  const id = await chartIn(null, { view: 'monthly' });
  await page.$eval(`#${id}`, (el) => el.tradeChart.setLang('ko'));
  const w = await widgetText(id);
  assert.equal(w.lang, 'ko');
  assert.match(w.tabs.join(' '), HANGUL);
  assert.equal(await page.$eval(`#${id}`, (el) => el.tradeChart.lang), 'ko');
  await page.focus(`#${id} canvas`);
  // The border's closing (mid-January), January–February, March … June.
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(400);
  const said = await page.$eval(`#${id} [role=status]`, (e) => e.textContent);
  assert.ok(said.includes('2020년 6월') && said.includes('9680만 달러'), `live region: ${said}`);
  const err = await page.$eval(`#${id}`, (el) => { try { el.tradeChart.setLang('fr'); return null; } catch (e) { return e instanceof Error && e.message; } });
  assert.match(err, /lang/);
  await page.$eval(`#${id}`, (el) => el.tradeChart.setLang('en'));
  assert.equal((await widgetText(id)).showData, 'Show data');
  await page.$eval(`#${id}`, (el) => el.tradeChart.destroy());
});

test('no console errors or page errors during the session', () => {
  assert.deepEqual(errors.filter((e) => !/lang: /.test(e)), []);
});
