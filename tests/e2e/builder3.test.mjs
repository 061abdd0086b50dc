// The builder, step 3 and the rest of step 5 (issue 12): the views editor (the generated
// views as a start; Rust's views table through setChartText), the chart text in Korean and
// Chinese with the preview's chart language, and the social card (Rust's social_svg drawn
// at 2× in the browser). dist/builder.html under the strict CSP, as builder.test.mjs opens
// it; axe-clean, no console errors, no CSP violations; screenshots at 1200 and 360 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, RESULTS, commandLine, collectErrors, sameText } from './helpers.mjs';
import { OBS, SRC, axe, builderSession, drawn, noProblems, paste } from './builder-page.mjs';

const session = builderSession(1200);
const { open } = session;
// The preview's tabs: [view id, label].
const tabs = (page) => page.$$eval('#preview .tc-tabs [data-view]', (b) => b.map((x) => [x.dataset.view, x.textContent.trim()]));
// Types into a field as an editor does (replacing what it holds).
async function type(page, selector, text) {
  await page.focus(selector);
  await page.keyboard.press('Control+A');
  if (text) await page.keyboard.type(text);
  else await page.keyboard.press('Backspace');
}
async function fresh() {
  const s = await open();
  await paste(s.page, 'sources', SRC);
  await paste(s.page, 'observations', OBS);
  await drawn(s.page);
  await noProblems(s.page);
  return s;
}
function downloader(page) {
  const dir = mkdtempSync(join(tmpdir(), 'builder3-dl-'));
  return async (id) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`#${id}`)]);
    const path = join(dir, dl.suggestedFilename());
    copyFileSync(await dl.path(), path);
    return { name: dl.suggestedFilename(), path };
  };
}

test('views: the generated ones are shown and edited; a label and periods change the preview\'s switcher and chart; an unknown series names its view and field and keeps the last good chart; add, remove, reload', async () => {
  const { ctx, page, errors } = await fresh();
  // the generated views, as the editor's fields
  await page.waitForFunction(() => document.querySelectorAll('#views > li').length === 3);
  assert.equal(await page.inputValue('#view-1-label'), 'By year, total');
  assert.equal(await page.inputValue('#view-2-series'), 'kr-jp-annual; jp-kr-annual');
  assert.equal(await page.inputValue('#view-3-kind'), 'time-bars');
  assert.equal(await page.inputValue('#view-3-from'), '2021-01');
  assert.match(await page.textContent('#views-series'), /kr-jp-annual; jp-kr-annual; kr-jp-monthly; two-way-annual/);
  assert.ok(await page.isHidden('#reset-views'));
  const items = (view) => page.evaluate((v) => { const c = document.getElementById('preview').tradeChart; c.setView(v); return c.items().length; }, view);
  assert.equal(await items('annual-flows'), 5, 'three years, two flows (none from Japan in 2021)');

  // a label and periods, typed: the switcher shows the label, the chart draws two years
  await type(page, '#view-2-label', 'Each way, 2020–21');
  await type(page, '#view-2-periods', '2020; 2021');
  await page.waitForFunction(() => [...document.querySelectorAll('#preview .tc-tabs [data-view]')].some((b) => b.textContent.trim() === 'Each way, 2020–21'), null, { timeout: 30_000 });
  assert.deepEqual((await tabs(page)).map((t) => t[1]), ['By year, total', 'Each way, 2020–21', 'By month']);
  await page.waitForFunction(() => { const c = document.getElementById('preview').tradeChart; c.setView('annual-flows'); return c.items().length === 3; }, null, { timeout: 30_000 });
  assert.ok(await page.isVisible('#reset-views'));

  // an unknown series: the error names the view and its field, the last good chart stays
  await type(page, '#view-2-series', 'kr-jp-annual; nowhere');
  await page.waitForFunction(() => document.querySelectorAll('#errors li').length > 0, null, { timeout: 30_000 });
  const err = await page.textContent('#errors li');
  assert.match(err, /^View 2 \(Series\): unknown series "nowhere"/);
  assert.match(await page.textContent('#status'), /^1 problem\. View 2 \(Series\)/);
  assert.match(await page.textContent('#preview-note'), /last chart that read without problems/);
  assert.equal(await items('annual-flows'), 3, 'the last good chart');
  assert.ok((await tabs(page)).some((t) => t[1] === 'Each way, 2020–21'));
  assert.ok(await page.isDisabled('#download-card'), 'no downloads while there are problems');
  await page.click('#errors li button');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'view-2-series');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('kr-jp-annual');
  await noProblems(page);
  await page.waitForFunction(() => { const c = document.getElementById('preview').tradeChart; c.setView('annual-flows'); return c.items().length === 2; }, null, { timeout: 30_000 });

  // a time view without its first period: validation's error, at the view's field
  await type(page, '#view-3-from', '');
  await page.waitForFunction(() => /^View 3 \(From\)/.test(document.querySelector('#errors li')?.textContent || ''), null, { timeout: 30_000 });
  await type(page, '#view-3-from', 'Feb 2021');
  await noProblems(page);

  // keyboard only: add a view, name it, give it its series; remove the first
  await page.focus('#add-view');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'view-4-label');
  assert.match(await page.textContent('#views-status'), /View 4 added/);
  await page.keyboard.type('Korea’s exports');
  await page.waitForFunction(() => /^View 4/.test(document.querySelector('#errors li')?.textContent || '') || /No problems/.test(document.getElementById('status').textContent), null, { timeout: 30_000 });
  await type(page, '#view-4-series', 'kr-jp-annual');
  await page.waitForFunction(() => [...document.querySelectorAll('#preview .tc-tabs [data-view]')].some((b) => b.textContent.trim() === 'Korea’s exports'), null, { timeout: 30_000 });
  await page.focus('#views li[data-index="0"] .remove-view');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('#preview .tc-tabs [data-view]').length === 3, null, { timeout: 30_000 });
  assert.deepEqual((await tabs(page)).map((t) => t[1]), ['Each way, 2020–21', 'By month', 'Korea’s exports']);
  assert.equal(await page.evaluate(() => document.activeElement.className), 'remove-view');
  // and move the new view up, ahead of the months
  await page.focus('#views li[data-index="2"] .move-view');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => [...document.querySelectorAll('#preview .tc-tabs [data-view]')].map((b) => b.textContent.trim()).join('|') === 'Each way, 2020–21|Korea’s exports|By month', null, { timeout: 30_000 });
  assert.equal(await page.evaluate(() => document.activeElement.closest('li').dataset.index), '1');
  assert.match(await page.textContent('#views-status'), /View 3 is now view 2/);
  // focus is visible on the view's fields
  await page.focus('#view-1-label');
  assert.notEqual(await page.$eval('#view-1-label', (e) => getComputedStyle(e).outlineStyle), 'none');
  assert.deepEqual(await axe(page), []);
  await page.waitForTimeout(400);
  await (await page.$('#views-box')).screenshot({ path: join(RESULTS, 'builder3-views-1200.png') });

  // reload: the views are back, and the preview with them
  await page.reload();
  await page.waitForFunction(() => 'ready' in document.documentElement.dataset);
  await drawn(page);
  assert.equal(await page.inputValue('#view-1-label'), 'Each way, 2020–21');
  assert.equal(await page.inputValue('#view-1-periods'), '2020; 2021');
  assert.equal(await page.inputValue('#view-2-label'), 'Korea’s exports');
  await page.waitForFunction(() => document.querySelectorAll('#preview .tc-tabs [data-view]').length === 3, null, { timeout: 30_000 });
  assert.deepEqual((await tabs(page)).map((t) => t[1]), ['Each way, 2020–21', 'Korea’s exports', 'By month']);

  // 360 px: nothing scrolls sideways
  await page.setViewportSize({ width: 360, height: 800 });
  await page.waitForTimeout(300);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no sideways scrolling at 360 px');
  await (await page.$('#views-box')).screenshot({ path: join(RESULTS, 'builder3-views-360.png') });

  // back to the generated views
  await page.setViewportSize({ width: 1200, height: 1000 });
  await page.click('#reset-views');
  await page.waitForFunction(() => document.querySelectorAll('#preview .tc-tabs [data-view]').length === 3
    && document.querySelector('#preview .tc-tabs [data-view]').textContent.trim() === 'By year, total', null, { timeout: 30_000 });
  assert.equal(await page.inputValue('#view-1-label'), 'By year, total');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'add-view');
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('Korean and Chinese chart text: the preview in each language shows it, the downloaded JSON and one-file HTML carry it, a view\'s Korean label too; reload keeps it', async () => {
  const { ctx, page, errors } = await fresh();
  await page.fill('#title', 'Made-up trade');
  await page.fill('#subtitle', 'US$ million');
  await page.fill('#notes', 'Invented figures.\nA second note.');
  await page.focus('#text-langs summary');
  await page.keyboard.press('Enter');
  await page.fill('#title-ko', '가상 교역');
  await page.fill('#title-zh', '虚构贸易');
  await page.fill('#subtitle-ko', '백만 달러');
  await page.fill('#notes-ko', '가상 수치.\n두 번째 주석.');
  // a view's tab label in Korean
  await page.click('#views li[data-index="1"] .view-langs summary');
  await page.fill('#view-2-label-ko', '방향별');
  // the preview in Korean (the chart language, beside width and theme)
  await page.check('input[name=plang][value=ko]');
  await page.waitForFunction(() => document.querySelector('#preview .tc-title')?.textContent === '가상 교역', null, { timeout: 30_000 });
  assert.equal(await page.textContent('#preview .tc-subtitle'), '백만 달러');
  assert.match(await page.textContent('#preview .tc-notes'), /가상 수치\..*두 번째 주석\./s);
  assert.ok((await tabs(page)).some((t) => t[0] === 'annual-flows' && t[1] === '방향별'), JSON.stringify(await tabs(page)));
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the page stays in English');
  // Chinese: the title given, the subtitle not (the English shows)
  await page.check('input[name=plang][value=zh]');
  await page.waitForFunction(() => document.querySelector('#preview .tc-title')?.textContent === '虚构贸易', null, { timeout: 30_000 });
  assert.equal(await page.textContent('#preview .tc-subtitle'), 'US$ million');
  await page.check('input[name=plang][value=en]');
  await page.waitForFunction(() => document.querySelector('#preview .tc-title')?.textContent === 'Made-up trade');
  assert.deepEqual(await axe(page), []);
  await page.waitForTimeout(300);
  await (await page.$('.chart-text')).screenshot({ path: join(RESULTS, 'builder3-text-1200.png') });

  // Korean without the English: Rust names the field
  await type(page, '#title', '');
  await page.waitForFunction(() => /^Title \(title\.en\): .*English/.test(document.querySelector('#errors li')?.textContent || ''), null, { timeout: 30_000 });
  await page.click('#errors li button');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'title');
  await page.keyboard.type('Made-up trade');
  await noProblems(page);

  // downloads: the JSON and the one-file HTML carry the Korean and Chinese
  await page.check('input[name=plang][value=ko]');
  await page.waitForFunction(() => !document.getElementById('download-html').disabled && document.querySelector('#preview .tc-title')?.textContent === '가상 교역', null, { timeout: 30_000 });
  const get = downloader(page);
  const jsonFile = (await get('download')).path;
  const d = JSON.parse(readFileSync(jsonFile, 'utf8'));
  assert.deepEqual(d.title, { en: 'Made-up trade', ko: '가상 교역', zh: '虚构贸易' });
  assert.ok(d.views.every((v) => v.title.ko === '가상 교역' && v.subtitle.ko === '백만 달러'), JSON.stringify(d.views.map((v) => v.title)));
  assert.deepEqual(d.notes, [{ en: 'Invented figures.', ko: '가상 수치.' }, { en: 'A second note.', ko: '두 번째 주석.' }]);
  assert.deepEqual(d.views.find((v) => v.id === 'annual-flows').label, { en: 'By year, each way', ko: '방향별' });
  const html = await get('download-html');
  const htmlText = readFileSync(html.path, 'utf8');
  assert.match(htmlText, /<html lang="ko">/);
  assert.match(htmlText, /<title>가상 교역<\/title>/);
  assert.ok(htmlText.includes('data-lang="ko"'));
  // Rust's page: the command line's `bundle` of the downloaded dataset, byte for byte.
  sameText(htmlText, execFileSync(commandLine(), ['bundle', jsonFile, '--lang', 'ko', '--script', join(ROOT, 'dist/pkg/trade-chart.standalone.js'), '-o', '-'],
    { encoding: 'utf8', maxBuffer: 64 << 20 }), 'the builder\'s download and `trade-chart bundle --lang ko`');
  const p2 = await ctx.newPage();
  const errors2 = collectErrors(p2);
  await p2.goto(pathToFileURL(html.path).href);
  await p2.waitForFunction(() => document.querySelector('[data-trade-chart]')?.tradeChart?.items().length > 0, null, { timeout: 30_000 });
  assert.equal(await p2.textContent('.tc-title'), '가상 교역');
  assert.deepEqual(errors2, []);
  await p2.close();

  // reload: the texts, the view's Korean label and the chart language are kept
  await page.waitForTimeout(400);
  await page.reload();
  await page.waitForFunction(() => 'ready' in document.documentElement.dataset);
  await drawn(page);
  assert.equal(await page.inputValue('#title-ko'), '가상 교역');
  assert.equal(await page.inputValue('#title-zh'), '虚构贸易');
  assert.equal(await page.inputValue('#notes-ko'), '가상 수치.\n두 번째 주석.');
  assert.equal(await page.inputValue('#view-2-label-ko'), '방향별');
  assert.ok(await page.isChecked('input[name=plang][value=ko]'));
  await page.waitForFunction(() => document.querySelector('#preview .tc-title')?.textContent === '가상 교역', null, { timeout: 30_000 });
  // at 360 px, in Korean
  await page.setViewportSize({ width: 360, height: 800 });
  await page.selectOption('#ui-lang', 'ko');
  await page.waitForTimeout(400);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no sideways scrolling at 360 px');
  await page.screenshot({ path: join(RESULTS, 'builder3-ko-360.png'), fullPage: true });
  assert.deepEqual(await axe(page), []);
  // start over clears the texts in every language and the views; the chart language follows the page's
  await page.click('#start-over');
  await page.click('#start-over-confirm');
  assert.equal(await page.inputValue('#title-ko'), '');
  assert.equal(await page.inputValue('#notes-zh'), '');
  assert.equal(await page.$$eval('#views > li', (l) => l.length), 0);
  assert.ok(await page.isChecked('input[name=plang][value=ko]'));
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the social card: a 1200×630 PNG of the preview\'s view, drawn from Rust\'s layout, not blank; light and dark', async () => {
  const { ctx, page, errors } = await fresh();
  await page.fill('#title', 'Made-up trade between Korea and Japan');
  await page.waitForFunction(() => document.querySelector('#preview .tc-title')?.textContent === 'Made-up trade between Korea and Japan' && !document.getElementById('download-card').disabled, null, { timeout: 30_000 });
  await page.evaluate(() => document.getElementById('preview').tradeChart.setView('annual-flows'));
  const get = downloader(page);
  const stats = async (path) => {
    const bytes = readFileSync(path);
    assert.equal(bytes.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'a PNG');
    const size = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    // decoded by the browser: how many pixels differ from the corner's, how many colours
    const seen = await page.evaluate(async (b64) => {
      const blob = new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' });
      const bmp = await createImageBitmap(blob);
      const c = document.createElement('canvas');
      c.width = bmp.width; c.height = bmp.height;
      const g = c.getContext('2d');
      g.drawImage(bmp, 0, 0);
      const px = g.getImageData(0, 0, c.width, c.height).data;
      const bg = px.slice(0, 4).join();
      let other = 0;
      const colours = new Set();
      for (let i = 0; i < px.length; i += 4) {
        const k = `${px[i]},${px[i + 1]},${px[i + 2]},${px[i + 3]}`;
        if (k !== bg) other++;
        if (colours.size < 500) colours.add(k);
      }
      return { w: bmp.width, h: bmp.height, other: other / (px.length / 4), colours: colours.size, bg };
    }, bytes.toString('base64'));
    return { size, ...seen };
  };
  const light = await get('download-card');
  assert.equal(light.name, 'kr-jp-card.png');
  const l = await stats(light.path);
  assert.deepEqual(l.size, [1200, 630]);
  assert.deepEqual([l.w, l.h], [1200, 630]);
  assert.ok(l.other > 0.05 && l.colours > 20, JSON.stringify(l));
  assert.equal(l.bg, '255,255,255,255', 'light: a white card');
  copyFileSync(light.path, join(RESULTS, 'builder3-card-light.png'));
  assert.match(await page.textContent('#download-status'), /kr-jp-card\.png/);

  await page.check('input[name=theme][value=dark]');
  await page.check('input[name=plang][value=ko]');
  await page.waitForFunction(() => document.getElementById('preview').tradeChart.lang === 'ko');
  const dark = await get('download-card');
  const k = await stats(dark.path);
  assert.deepEqual(k.size, [1200, 630]);
  assert.ok(k.other > 0.05 && k.colours > 20, JSON.stringify(k));
  assert.notEqual(k.bg, '255,255,255,255', 'dark: not a white card');
  copyFileSync(dark.path, join(RESULTS, 'builder3-card-dark-ko.png'));
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(errors, []);
  await ctx.close();
});
