// The builder, step 2 (issue 12): the sources check and the fill-in source, the chart text
// (title, subtitle, notes) through setChartText, the downloads (dataset JSON, data package,
// one-file HTML, SVG, PNG), undo of the last paste. dist/builder.html under the strict CSP,
// as builder.test.mjs opens it; axe-clean, no console errors, no CSP violations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, RESULTS, commandLine, collectErrors, sameText } from './helpers.mjs';
import { CSP, OBS, SRC, axe, builderSession, drawn, fixture, noProblems, paste } from './builder-page.mjs';

const session = builderSession(1280);
const { open } = session;
// The observations fixture with row 2's Source IDs blank and row 3's an unknown id.
const UNSOURCED = OBS.split('\n').map((l, i) => (i === 1 ? l.replace('\tdemo-stats\t', '\t\t') : i === 2 ? l.replace('\tdemo-stats\t', '\tkita-2024\t') : l)).join('\n');

test('figures without a known source are listed before publishing, each naming its row; filling in the missing source and the blank cell clears the list and allows the downloads', async () => {
  const { ctx, page, errors } = await open();
  await paste(page, 'sources', SRC);
  await paste(page, 'observations', UNSOURCED);
  await page.waitForFunction(() => document.querySelectorAll('#source-problems li').length === 2);
  const items = await page.$$eval('#source-problems li', (l) => l.map((li) => li.textContent));
  assert.match(items[0], /^Observations, row 2, column 8 \(sources\): .*blank/);
  assert.match(items[1], /^Observations, row 3, column 8 \(sources\): .*kita-2024/);
  assert.deepEqual(await page.$$eval('#source-problems li button', (b) => b.map((x) => x.dataset.code)), ['missing-field', 'unknown-id']);
  assert.match(await page.textContent('#source-check-status'), /2 figures without a known source/);
  for (const id of ['download', 'download-package', 'download-html', 'download-svg', 'download-png']) {
    assert.ok(await page.isDisabled(`#${id}`), `${id} is disabled while figures lack a source`);
  }
  // the item moves the caret to the cell
  await page.click('#source-problems li:nth-child(2) button');
  const sel = await page.evaluate(() => { const a = document.activeElement; return { id: a.id, text: a.value.slice(a.selectionStart, a.selectionEnd) }; });
  assert.deepEqual(sel, { id: 'observations', text: 'kita-2024' });

  // fill in the missing source (keyboard only): it becomes a row of the sources table
  await page.focus('#add-source-box summary');
  await page.keyboard.press('Enter');
  await page.focus('#src-id');
  await page.keyboard.type('kita-2024');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Korea International Trade Association');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Exports by country\twith a tab');
  await page.fill('#src-date', '2024-05');
  await page.fill('#src-url', 'https://stat.kita.net/');
  await page.focus('#add-source');
  await page.keyboard.press('Enter');
  const sources = await page.inputValue('#sources');
  assert.ok(sources.endsWith('kita-2024\tKorea International Trade Association\tExports by country with a tab\t2024-05\thttps://stat.kita.net/\t\n'), JSON.stringify(sources.slice(-120)));
  assert.match(await page.textContent('#action-status'), /kita-2024.*row 4/);
  assert.equal(await page.inputValue('#src-id'), '');
  await page.waitForFunction(() => document.querySelectorAll('#source-problems li').length === 1);
  assert.match(await page.textContent('#source-problems li'), /row 2, column 8/);

  // the blank cell: fixed by typing in it
  await page.click('#source-problems li button');
  await page.keyboard.type('demo-stats');
  await drawn(page);
  await page.waitForFunction(() => document.querySelectorAll('#source-problems li').length === 0);
  assert.match(await page.textContent('#source-check-status'), /Every figure has a source/);
  await page.waitForFunction(() => !document.getElementById('download').disabled);
  // the added source is the tooltip's source for the figure that cites it
  const table = await page.evaluate(() => {
    const c = document.getElementById('preview').tradeChart;
    c.setView('annual-flows');
    return JSON.stringify(c.table());
  });
  assert.ok(table.includes('Korea International Trade Association'), 'the filled-in source is in the chart\'s data table');

  // a source filled into an empty sources table gets a header row
  await paste(page, 'sources', '');
  await page.fill('#src-id', 'demo-stats');
  await page.fill('#src-publisher', 'Made-up Statistics Office');
  await page.fill('#src-title', 'Monthly trade figures');
  await page.fill('#src-url', 'https://example.invalid/stats');
  await page.click('#add-source');
  assert.equal(await page.inputValue('#sources'), 'ID\tPublisher\tTitle\tDate\tURL\tNote\ndemo-stats\tMade-up Statistics Office\tMonthly trade figures\t\thttps://example.invalid/stats\t\n');
  await page.waitForFunction(() => /demo-news|kita-2024/.test([...document.querySelectorAll('#source-problems li')].map((l) => l.textContent).join(' ')));

  assert.deepEqual(await axe(page), []);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the chart text (title, subtitle, notes) is the preview\'s headline, subtitle and notes, checked by Rust, and survives a reload', async () => {
  const { ctx, page, errors } = await open();
  await paste(page, 'sources', SRC);
  await paste(page, 'observations', OBS);
  await drawn(page);
  await page.fill('#title', 'Korea sells Japan less');
  await page.fill('#subtitle', 'Exports each way, US$ million');
  await page.fill('#notes', 'Figures are made up for the test.\n\nA second note.');
  const head = await page.waitForFunction(() => {
    const p = document.getElementById('preview');
    const t = p.querySelector('.tc-title'), s = p.querySelector('.tc-subtitle'), n = p.querySelector('.tc-notes');
    return t && t.textContent === 'Korea sells Japan less' && s.textContent === 'Exports each way, US$ million'
      && /made up for the test/.test(n.textContent) && /A second note/.test(n.textContent) && n.textContent;
  }, null, { timeout: 30_000 });
  assert.ok(await head.jsonValue());
  // every view has the headline
  for (const v of await page.evaluate(() => document.getElementById('preview').tradeChart.views.map((x) => x.id))) {
    await page.evaluate((id) => document.getElementById('preview').tradeChart.setView(id), v);
    assert.equal(await page.textContent('#preview .tc-title'), 'Korea sells Japan less', v);
  }
  // a note over the 2,000-character limit: Rust's error names the note's line; the last good chart stays
  await page.fill('#notes', `Figures are made up for the test.\n\n${'x'.repeat(2100)}`);
  await page.waitForFunction(() => document.querySelectorAll('#errors li').length > 0);
  const err = await page.textContent('#errors li');
  assert.match(err, /^Notes, line 3 \(notes\[2\]\): .*2100 characters; the limit is 2000/);
  assert.equal(await page.textContent('#preview .tc-title'), 'Korea sells Japan less');
  assert.ok(await page.isDisabled('#download-html'));
  await page.click('#errors li button');
  const sel = await page.evaluate(() => { const a = document.activeElement; return { id: a.id, length: a.selectionEnd - a.selectionStart }; });
  assert.deepEqual(sel, { id: 'notes', length: 2100 });
  await page.keyboard.type('A shorter note.');
  await noProblems(page);
  await page.waitForFunction(() => /A shorter note/.test(document.querySelector('#preview .tc-notes').textContent));

  // reload: the chart text is back, and drawn
  await page.waitForTimeout(400);
  await page.reload();
  await page.waitForFunction(() => 'ready' in document.documentElement.dataset);
  assert.equal(await page.inputValue('#title'), 'Korea sells Japan less');
  assert.equal(await page.inputValue('#subtitle'), 'Exports each way, US$ million');
  assert.equal(await page.inputValue('#notes'), 'Figures are made up for the test.\n\nA shorter note.');
  await drawn(page);
  await page.waitForFunction(() => document.querySelector('#preview .tc-subtitle').textContent === 'Exports each way, US$ million');

  // the chart text applies to a dataset JSON too
  const json = readFileSync(join(ROOT, 'data/kp-cn.json'), 'utf8');
  await page.check('input[name=kind][value=json]');
  await paste(page, 'json', json);
  await page.waitForFunction(() => {
    const p = document.getElementById('preview');
    return p.tradeChart && p.tradeChart.views.some((v) => v.id === 'collapse') && p.querySelector('.tc-title').textContent === 'Korea sells Japan less';
  }, null, { timeout: 30_000 });
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('claims from the story: the verdict is computed by Rust as the editor types, shown beside each claim and in the preview\'s claim check; a bad figure names its claim; claims survive a reload', async () => {
  const { ctx, page, errors } = await open();
  await paste(page, 'sources', SRC);
  await paste(page, 'observations', OBS);
  await drawn(page);
  const key = (series, period) => JSON.stringify([series, period]);
  // a percentage change: KR>JP 2019 28,420.5 → 2020 25,097.8 is −11.69…%
  await page.click('#add-claim');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'claim-1-text');
  await page.keyboard.type('Korea’s exports to Japan fell 11.7% in 2020');
  await page.selectOption('#claim-1-kind', 'percent');
  assert.ok(await page.isVisible('#claim-1-from'));
  await page.fill('#claim-1-figure', '-11.7%');
  await page.waitForFunction(() => document.querySelectorAll('#claim-1-obs option').length > 5);
  await page.selectOption('#claim-1-from', key('kr-jp-annual', '2019'));
  await page.selectOption('#claim-1-obs', key('kr-jp-annual', '2020'));
  await page.waitForFunction(() => /Agrees with the data/.test(document.getElementById('claim-1-verdict').textContent), null, { timeout: 30_000 });
  // the story rounds it otherwise: does not agree, and says what the data give
  await page.fill('#claim-1-figure', '-15');
  await page.waitForFunction(() => /Does not agree.*change of -11\.7%/.test(document.getElementById('claim-1-verdict').textContent), null, { timeout: 30_000 });

  // an amount
  await page.click('#add-claim');
  await page.keyboard.type('Korea sold Japan $26 billion of goods in 2020');
  await page.fill('#claim-2-figure', '26,000');
  await page.selectOption('#claim-2-obs', key('kr-jp-annual', '2020'));
  await page.waitForFunction(() => /Does not agree.*25097\.8 \(US\$ million\)/.test(document.getElementById('claim-2-verdict').textContent), null, { timeout: 30_000 });
  await page.fill('#claim-2-figure', '25,097.8');
  await page.waitForFunction(() => /Agrees/.test(document.getElementById('claim-2-verdict').textContent), null, { timeout: 30_000 });
  assert.match(await page.textContent('#claims-status'), /1 agrees with the data, 1 does not/);
  // the preview's own claim check has them, with the same verdicts
  await page.waitForFunction(() => document.getElementById('preview').tradeChart.claims().length === 2, null, { timeout: 30_000 });
  const verdicts = await page.evaluate(() => document.getElementById('preview').tradeChart.claims().map((c) => [c.text, c.status]));
  assert.deepEqual(verdicts, [['Korea’s exports to Japan fell 11.7% in 2020', 'unsupported'], ['Korea sold Japan $26 billion of goods in 2020', 'agrees']]);

  // a figure that is not a number: an error naming the claim and field; choosing it focuses the field
  await page.fill('#claim-2-figure', 'about 25bn');
  await page.waitForFunction(() => document.querySelectorAll('#errors li').length > 0, null, { timeout: 30_000 });
  assert.match(await page.textContent('#errors li'), /^Claims, claim 2 \(claims\[1\]\.figure\): .*"about 25bn"/);
  assert.match(await page.textContent('#claim-2-verdict'), /once the problems/);
  await page.click('#errors li button');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'claim-2-figure');
  await page.keyboard.type('25,097.8');
  await noProblems(page);

  // reload: the claims and their verdicts are back
  await page.waitForTimeout(400);
  await page.reload();
  await page.waitForFunction(() => 'ready' in document.documentElement.dataset);
  assert.equal(await page.inputValue('#claim-1-text'), 'Korea’s exports to Japan fell 11.7% in 2020');
  assert.equal(await page.inputValue('#claim-1-kind'), 'percent');
  assert.equal(await page.inputValue('#claim-2-figure'), '25,097.8');
  await page.waitForFunction(() => /Agrees/.test(document.getElementById('claim-2-verdict').textContent)
    && /Does not agree/.test(document.getElementById('claim-1-verdict').textContent), null, { timeout: 30_000 });
  assert.equal(await page.inputValue('#claim-1-from'), key('kr-jp-annual', '2019'));
  // removing one
  await page.click('li[data-index="0"] .remove-claim');
  await page.waitForFunction(() => document.querySelectorAll('#claims li').length === 1);
  await page.waitForFunction(() => document.getElementById('preview').tradeChart.claims().length === 1, null, { timeout: 30_000 });
  assert.equal(await page.inputValue('#claim-1-text'), 'Korea sold Japan $26 billion of goods in 2020');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('publish: the dataset JSON re-imports, the data package checks with the command line, the SVG and PNG are the preview\'s, and the one-file HTML draws from file://', async () => {
  const { ctx, page, errors } = await open();
  await paste(page, 'sources', SRC);
  await paste(page, 'observations', OBS);
  await page.fill('#partner-a-code', 'KR');
  await page.fill('#partner-a-name', 'South Korea');
  await page.fill('#partner-b-code', 'JP');
  await page.fill('#partner-b-name', 'Japan');
  await page.fill('#title', 'Korea–Japan trade, made up');
  await page.fill('#subtitle', 'US$ million');
  await page.fill('#notes', 'Invented figures.');
  await drawn(page);
  await page.waitForFunction(() => document.querySelector('#preview .tc-title').textContent === 'Korea–Japan trade, made up' && !document.getElementById('download-html').disabled, null, { timeout: 30_000 });
  const dir = mkdtempSync(join(tmpdir(), 'builder-dl-'));
  const get = async (id) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`#${id}`)]);
    const path = join(dir, dl.suggestedFilename());
    copyFileSync(await dl.path(), path);
    return { name: dl.suggestedFilename(), path };
  };

  // dataset JSON: re-imports clean, carries the chart text
  const json = await get('download');
  assert.equal(json.name, 'kr-jp.json');
  const text = readFileSync(json.path, 'utf8');
  const checked = await page.evaluate(async (t) => (await import('./pkg/import.js')).checkDataset(t), text);
  assert.deepEqual(checked.errors, []);
  const d = JSON.parse(text);
  assert.equal(d.title, 'Korea–Japan trade, made up');
  assert.ok(d.views.every((v) => v.title === 'Korea–Japan trade, made up' && v.subtitle === 'US$ million'));
  assert.deepEqual(d.notes, ['Invented figures.']);

  // data package: a ZIP of its files (the link table of sources too), which the command line reads back to the same dataset
  const pkg = await get('download-package');
  assert.equal(pkg.name, 'kr-jp-datapackage.zip');
  const zipBytes = readFileSync(pkg.path);
  assert.equal(zipBytes.subarray(0, 4).toString('hex'), '504b0304');
  const out = join(dir, 'package');
  execFileSync('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; z.extractall(sys.argv[2])', pkg.path, out]);
  for (const f of ['datapackage.json', 'observations.csv', 'sources.csv', 'observation-sources.csv']) assert.ok(existsSync(join(out, f)), f);
  assert.match(readFileSync(join(out, 'sources.csv'), 'utf8'), /Made-up Statistics Office/);
  const cli = join(ROOT, 'target/release/trade-chart');
  if (existsSync(cli)) {
    execFileSync(cli, ['convert', out, '-o', join(dir, 'back.json')]);
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'back.json'), 'utf8')), d, 'dataset → package → dataset is the same');
  }

  // SVG: the preview's view with the headline
  const svg = await get('download-svg');
  assert.match(svg.name, /^trade-chart-[\w-]+\.svg$/);
  const svgText = readFileSync(svg.path, 'utf8');
  assert.match(svgText, /^<svg|^<\?xml/);
  assert.ok(svgText.includes('Korea–Japan trade, made up'), 'the SVG has the title');
  assert.ok(svgText.length > 2000 && /<rect|<path/.test(svgText), `${svgText.length} bytes`);
  // PNG
  const png = await get('download-png');
  assert.match(png.name, /^trade-chart-[\w-]+\.png$/);
  const pngBytes = readFileSync(png.path);
  assert.equal(pngBytes.subarray(0, 8).toString('hex'), '89504e470d0a1a0a');
  assert.ok(pngBytes.length > 10_000, `${pngBytes.length} bytes`);
  assert.ok(pngBytes.readUInt32BE(16) >= 800, `PNG width ${pngBytes.readUInt32BE(16)}`);

  // one HTML file: opened from disk, it draws the editor's data with hover values
  const html = await get('download-html');
  assert.equal(html.name, 'kr-jp.html');
  const htmlText = readFileSync(html.path, 'utf8');
  assert.ok(!/src="[^"]*\.js"/.test(htmlText), 'no external script');
  assert.ok(htmlText.length > 200_000, 'the standalone script is inlined');
  // Rust's page (trade_chart_import::publish): the command line's `bundle` of the downloaded
  // dataset, in the preview's language, with the script the builder inlined, byte for byte.
  // the element with its published picture first (issue 22), then the data
  assert.ok(htmlText.includes('<div id="trade-chart" data-trade-chart data-tc-pictured data-loading="eager" data-lang="en"><style>'), 'the one markup');
  assert.ok(/<svg[^]*<script type="application\/json" id="trade-chart-data">\{/.test(htmlText), 'the picture, then the data');
  sameText(htmlText, execFileSync(commandLine(), ['bundle', json.path, '--lang', 'en', '--script', join(ROOT, 'dist/pkg/trade-chart.standalone.js'), '-o', '-'],
    { encoding: 'utf8', maxBuffer: 64 << 20 }), 'the builder\'s download and `trade-chart bundle`');
  const p2 = await ctx.newPage();
  const errors2 = collectErrors(p2);
  await p2.goto(pathToFileURL(html.path).href);
  await p2.waitForFunction(() => {
    const el = document.querySelector('[data-trade-chart]');
    return el && el.tradeChart && el.tradeChart.items().length > 0;
  }, null, { timeout: 30_000 });
  assert.equal(await p2.textContent('.tc-title'), 'Korea–Japan trade, made up');
  assert.equal(await p2.title(), 'Korea–Japan trade, made up');
  const item = await p2.evaluate(() => document.querySelector('[data-trade-chart]').tradeChart.items()[0]);
  const box = await p2.$eval('[data-trade-chart] canvas', (c) => { const b = c.getBoundingClientRect(); return { x: b.x, y: b.y }; });
  await p2.mouse.move(box.x + item.x + item.w / 2, box.y + item.y + item.h / 2);
  await p2.waitForFunction(() => !document.querySelector('.tc-tooltip').hidden);
  assert.ok((await p2.textContent('.tc-tooltip')).includes(item.value));
  assert.deepEqual(errors2, []);

  assert.match(await page.textContent('#download-status'), /Downloaded/);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('undo the last paste: a paste over the observations is taken back, and the chart with it; screenshots at 1280 and 360 px; axe-clean', async () => {
  const { ctx, page, errors } = await open();
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.server.url });
  await paste(page, 'sources', SRC);
  await paste(page, 'observations', OBS);
  await page.fill('#title', 'Before the paste');
  await drawn(page);
  assert.ok(await page.isHidden('#undo-row'));
  const views = () => page.evaluate(() => document.getElementById('preview').tradeChart.views.map((v) => v.id).join(' '));
  const before = await views();
  assert.equal(before, 'annual-total annual-flows monthly');
  // a real paste (Ctrl+V) of another table over the whole observations table
  const other = OBS.split('\n').slice(0, 3).join('\n') + '\n';
  await page.evaluate((t) => navigator.clipboard.writeText(t), other);
  await page.focus('#observations');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  assert.equal(await page.inputValue('#observations'), other);
  await page.waitForFunction(() => document.getElementById('preview').tradeChart.views.length === 1, null, { timeout: 30_000 });
  assert.ok(await page.isVisible('#undo-paste'));
  assert.match(await page.textContent('#undo-what'), /Observations/);
  // undo: the table, the chart and the saved work are as before
  await page.focus('#undo-paste');
  await page.keyboard.press('Enter');
  assert.equal(await page.inputValue('#observations'), OBS);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'observations');
  assert.match(await page.textContent('#action-status'), /undone/);
  assert.ok(await page.isHidden('#undo-row'), 'one level only');
  await page.waitForFunction(() => document.getElementById('preview').tradeChart.views.length === 3, null, { timeout: 30_000 });
  assert.equal(await views(), before);
  assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem('trade-chart-builder:v1'))).observations, OBS);

  // an opened file is a paste too
  await page.setInputFiles('#file', { name: 'observations.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from(other) });
  await page.waitForFunction((t) => document.getElementById('observations').value === t, other);
  assert.match(await page.textContent('#undo-what'), /observations\.tsv/);
  await page.click('#undo-paste');
  assert.equal(await page.inputValue('#observations'), OBS);
  await drawn(page);
  await noProblems(page);

  // every control of step 2 on screen, then screenshots and axe
  await page.fill('#subtitle', 'Exports each way, US$ million');
  await page.fill('#notes', 'Invented figures for the screenshots.');
  await page.click('#add-source-box summary');
  await page.click('#add-claim');
  await page.keyboard.type('Two-way trade was $71.1 billion in 2020');
  await page.fill('#claim-1-figure', '71,120.8');
  await page.selectOption('#claim-1-obs', JSON.stringify(['two-way-annual', '2020']));
  await page.waitForFunction(() => /Agrees/.test(document.getElementById('claim-1-verdict').textContent), null, { timeout: 30_000 });
  await page.waitForFunction(() => /Exports each way/.test(document.querySelector('#preview .tc-subtitle').textContent));
  await page.screenshot({ path: join(RESULTS, 'builder2-1280.png'), fullPage: true });
  assert.deepEqual(await axe(page), []);
  await page.setViewportSize({ width: 360, height: 800 });
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(RESULTS, 'builder2-360.png'), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no sideways scrolling at 360 px (${overflow} px)`);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the builder\'s own words in Korean and Chinese (www/builder/words.js): every static text and every t() message has both; switching translates the page, the problems and the preview, and is kept on reload', async () => {
  const { WORDS } = await import(pathToFileURL(join(ROOT, 'www/builder/words.js')).href);
  assert.deepEqual(Object.keys(WORDS.ko).sort(), Object.keys(WORDS.zh).sort(), 'the same keys in Korean and Chinese');
  // every message the builder's modules (www/builder/*.js but words.js) pass to t()
  const js = readdirSync(join(ROOT, 'www/builder')).filter((f) => f.endsWith('.js') && f !== 'words.js').sort()
    .map((f) => readFileSync(join(ROOT, 'www/builder', f), 'utf8')).join('\n');
  const messages = [...js.matchAll(/\bt\('((?:[^'\\]|\\.)+)'/g)].map((m) => m[1]);
  assert.ok(messages.length > 40, `${messages.length} messages`);
  for (const m of messages) assert.ok(Object.hasOwn(WORDS.ko, m), `no Korean for t('${m}')`);
  for (const label of js.match(/const LABEL = \{[^}]+\}/)[0].matchAll(/: '([^']+)'/g)) assert.ok(Object.hasOwn(WORDS.ko, label[1]), label[1]);
  for (const k of ['row {n}', 'line {n}', 'claim {n}']) assert.ok(Object.hasOwn(WORDS.ko, k), k);

  const { ctx, page, errors } = await open();
  // every text of the static page (English) has a translation
  const texts = await page.evaluate(() => {
    const out = new Set();
    const skip = 'textarea, select, script, style, code, #preview-frame, #status, #errors, #source-check-status, #claims-status, #action-status';
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n; (n = w.nextNode());) {
      if (n.parentElement.closest(skip)) continue;
      const t = n.textContent.trim();
      if (/[A-Za-z]{2,}/.test(t)) out.add(t);
    }
    return [...out];
  });
  assert.ok(texts.length > 70, `${texts.length} texts`);
  for (const t of texts) assert.ok(Object.hasOwn(WORDS.ko, t) && Object.hasOwn(WORDS.zh, t), `no translation of “${t}”`);

  await paste(page, 'sources', SRC);
  await paste(page, 'observations', OBS.replace('\tKR>JP\t2020\t25,097.8\t', '\tKR>JP\t2020\t25,O97.8\t'));
  await page.waitForFunction(() => document.querySelectorAll('#errors li').length > 0);
  await page.selectOption('#ui-lang', 'ko');
  assert.equal(await page.textContent('h1'), '차트 빌더');
  assert.equal(await page.getAttribute('html', 'lang'), 'ko');
  assert.match(await page.title(), /^차트 빌더/);
  assert.equal(await page.textContent('label[for=observations]'), '수치 표');
  await page.waitForFunction(() => /^문제 1개\. 수치 표, 3행, 4열/.test(document.getElementById('status').textContent), null, { timeout: 30_000 });
  assert.match(await page.textContent('#errors li'), /^수치 표, 3행, 4열 \(value\)/);
  // fixed: the preview speaks Korean too
  await paste(page, 'observations', OBS);
  await drawn(page);
  assert.equal(await page.evaluate(() => document.getElementById('preview').tradeChart.lang), 'ko');
  await page.waitForFunction(() => /^문제 없음/.test(document.getElementById('status').textContent));
  await page.click('#add-claim');
  assert.equal(await page.textContent('label[for=claim-1-text]'), '주장 1: 기사 속 문장');
  assert.deepEqual(await axe(page), []);
  await page.setViewportSize({ width: 360, height: 800 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(RESULTS, 'builder2-ko-360.png'), fullPage: true });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no sideways scrolling at 360 px in Korean');
  await page.setViewportSize({ width: 1280, height: 1000 });

  // Chinese, kept on reload; then back to English, exactly as it was
  await page.selectOption('#ui-lang', 'zh');
  assert.equal(await page.textContent('h1'), '图表生成器');
  assert.equal(await page.textContent('#add-claim'), '添加说法');
  await page.waitForFunction(() => document.getElementById('preview').tradeChart.lang === 'zh');
  await page.waitForTimeout(400);
  await page.reload();
  await page.waitForFunction(() => 'ready' in document.documentElement.dataset);
  assert.equal(await page.textContent('h1'), '图表生成器');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh');
  await drawn(page);
  assert.equal(await page.evaluate(() => document.getElementById('preview').tradeChart.lang), 'zh');
  await page.selectOption('#ui-lang', 'en');
  assert.equal(await page.textContent('h1'), 'Chart builder');
  assert.equal(await page.textContent('label[for=claim-1-text]'), 'Claim 1: in the story’s words');
  assert.match(await page.textContent('.snippet h3'), /^Script and div$/);
  await page.waitForFunction(() => /^No problems/.test(document.getElementById('status').textContent));
  // start over clears the work, not the page's language
  await page.selectOption('#ui-lang', 'ko');
  await page.click('#start-over');
  await page.click('#start-over-confirm');
  assert.equal(await page.inputValue('#observations'), '');
  assert.equal(await page.textContent('h1'), '차트 빌더');
  await page.reload();
  await page.waitForFunction(() => 'ready' in document.documentElement.dataset);
  assert.equal(await page.textContent('h1'), '차트 빌더');
  assert.equal(await page.inputValue('#observations'), '');
  assert.equal(await page.$$eval('#claims li', (l) => l.length), 0);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(errors, []);
  await ctx.close();
});
