// Every reader, with the real wasm on the story page: axe-core finds nothing in any view
// in light and dark; a keyboard-only reader reaches the chart, walks it and hears each
// figure; "Show data" is a real table; the story's claims are listed with their verdicts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, RESULTS, openStory } from './helpers.mjs';

const CHART = '[data-trade-chart]';
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
let story, page, errors;

before(async () => {
  story = await openStory();
  ({ page, errors } = story);
});
after(() => story?.close());

const chart = (fn, arg) => page.$eval(CHART, fn, arg);
const live = () => page.$eval(`${CHART} [role=status]`, (e) => e.textContent);
const tooltip = () => page.$eval(`${CHART} .tc-tooltip`, (e) => (e.hidden ? null : e.textContent));
const active = () => page.evaluate(() => {
  const a = document.activeElement;
  return { tag: a.tagName.toLowerCase(), role: a.getAttribute('role'), view: a.dataset.view, inChart: !!a.closest('[data-trade-chart]') };
});
const announced = async () => { await page.waitForTimeout(400); return live(); };

test('keyboard only: Tab reaches the tabs and the canvas; arrows, Home/End, Up/Down walk the monthly view; the live region speaks', async () => {
  await page.evaluate(() => document.activeElement.blur());
  // Into the tab list: the selected tab is its one tab stop.
  let a;
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    a = await active();
    if (a.inChart) break;
  }
  assert.deepEqual(a, { tag: 'button', role: 'tab', view: 'collapse', inChart: true });
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await active(), { tag: 'button', role: 'tab', view: 'monthly', inChart: true });
  assert.equal(await chart((el) => el.tradeChart.view), 'monthly');
  // On through the legend to the canvas: one tab stop, with a visible focus ring.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    a = await active();
    if (a.tag === 'canvas') break;
  }
  assert.equal(a.tag, 'canvas');
  assert.equal(a.role, 'img');
  assert.equal(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'solid');
  assert.equal(await live(), '');

  // The two-way row, left to right: the border's closing (mid-January), then January–February
  // (released together) … June.
  const items = await chart((el) => el.tradeChart.items());
  const row = items.filter((it) => it.series === 'two-way-monthly');
  await page.keyboard.press('ArrowRight');
  assert.match(await tooltip(), /^January 2020.*Border closed/);
  assert.ok((await announced()).startsWith('Border closed, January 2020.'));
  await page.keyboard.press('ArrowRight');
  assert.match(await tooltip(), new RegExp('^' + row[0].period));
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  assert.ok(!(await live()).includes('June'), 'announced before the debounce');
  const june = await announced();
  assert.ok(june.includes('June 2020') && june.includes('$96.8 million'), `live region: ${june}`);
  assert.ok((await tooltip()).includes('$96.8 million'));
  assert.equal(await page.locator(`${CHART} .tc-highlight`).isVisible(), true);

  // Down: the same month of the next row (imports from China).
  await page.keyboard.press('ArrowDown');
  const imports = await announced();
  assert.ok(imports.includes('June 2020') && imports.includes('Imports from China'), imports);
  await page.keyboard.press('End');
  const last = items.filter((it) => it.series === 'cn-kp-monthly').at(-1);
  assert.ok((await announced()).startsWith(last.period), 'End: the last of the row');
  await page.keyboard.press('Home');
  assert.ok((await announced()).startsWith('Border closed, January 2020.'), 'Home: the first of the row, the annotation');
  await page.keyboard.press('ArrowRight');
  assert.ok((await announced()).startsWith(row[0].period), 'then the first figure');
  await page.keyboard.press('ArrowUp');
  assert.ok((await announced()).includes('Two-way trade'));

  // Every figure of the row, in order, then stop at the end.
  const heard = [];
  for (let i = 0; i < row.length; i++) {
    heard.push((await tooltip()).slice(0, 40));
    await page.keyboard.press('ArrowRight');
  }
  assert.deepEqual(heard.map((t) => row.findIndex((it) => t.startsWith(it.period))), row.map((_, i) => i));
  assert.ok((await tooltip()).startsWith(row.at(-1).period), 'walked past the end of the row');

  // Down to the row of the story's claims drawn on the chart; Home: the first (February), its verdict spoken.
  const claims = items.filter((it) => it.id.startsWith('claim:'));
  assert.ok(claims.length >= 1 && claims[0].id === 'claim:c-2020-feb', JSON.stringify(claims.map((c) => c.id)));
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  const claim = await announced();
  assert.ok(claim.includes('February 2020') && claim.includes('Not supported by the data') && claim.includes('$10.71 million'), claim);
  if (claims.length > 1) {
    await page.keyboard.press('ArrowRight');
    assert.ok((await announced()).includes(claims[1].period));
  }

  // Escape hides the tooltip and keeps the focus; arrows bring it back.
  await page.keyboard.press('Escape');
  assert.equal(await tooltip(), null);
  assert.equal((await active()).tag, 'canvas');
  await page.keyboard.press('ArrowUp');
  assert.ok(await tooltip());
  await page.locator(`${CHART} figure`).screenshot({ path: join(RESULTS, 'keyboard-monthly.png') });
  // Tab leaves the chart's plot: blur hides the overlay.
  await page.keyboard.press('Tab');
  assert.equal(await tooltip(), null);
});

test('the canvas is an image named by the title and described by the summary, which follows the view', async () => {
  const read = () => chart((el) => {
    const c = el.querySelector('canvas'), d = document.getElementById(c.getAttribute('aria-describedby'));
    return { role: c.getAttribute('role'), label: c.getAttribute('aria-label'), title: el.querySelector('.tc-title').textContent, desc: d.textContent };
  });
  await chart((el) => el.tradeChart.setView('collapse'));
  const a = await read();
  assert.equal(a.role, 'img');
  assert.equal(a.label, a.title);
  assert.ok(a.desc.includes('80.7%') && a.desc.includes('$2.79 billion') && a.desc.includes('$539.06 million'), a.desc);
  assert.match(a.desc, /arrow keys/);
  await chart((el) => el.tradeChart.setView('products'));
  const b = await read();
  assert.notEqual(b.desc, a.desc);
  assert.notEqual(b.label, a.label);
});

test('axe-core: no violations in any view, light and dark, with the table, the claims and a tooltip open', async () => {
  await page.addScriptTag({ path: AXE });
  const views = await chart((el) => el.tradeChart.views.map((v) => v.id));
  const found = [];
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    for (const view of views) {
      await chart((el, view) => { const c = el.tradeChart; c.setView(view); c.showData(true); c.showClaims(true); }, view);
      await page.focus(`${CHART} canvas`);
      await page.keyboard.press('ArrowRight');
      const base = await chart((el) => el.querySelector('figure').dataset.tcBase);
      assert.equal(base, scheme, `${view}: the chart did not follow the ${scheme} scheme`);
      const violations = await page.evaluate(async (sel) => {
        const r = await axe.run(document.querySelector(sel), { resultTypes: ['violations'] });
        return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      }, CHART);
      found.push(...violations.map((v) => `${scheme}/${view}: ${v}`));
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await chart((el) => { el.tradeChart.showData(false); el.tradeChart.showClaims(false); el.tradeChart.setView('collapse'); });
  assert.deepEqual(found, []);
});

test('Show data opens a real table of the view with its sources: $491.06 million in the balance view', async () => {
  await chart((el) => el.tradeChart.setView('balance'));
  const button = page.locator(`${CHART} .tc-show-data`);
  assert.equal(await button.textContent(), 'Show data');
  await button.click();
  const t = await chart((el) => {
    const b = el.querySelector('.tc-show-data'), region = document.getElementById(b.getAttribute('aria-controls'));
    const table = region.querySelector('table');
    return { expanded: b.getAttribute('aria-expanded'), label: b.textContent, visible: !region.hidden && region.getBoundingClientRect().height > 0,
      caption: table.caption.textContent, title: el.querySelector('.tc-title').textContent,
      cols: [...table.tHead.querySelectorAll('th')].map((th) => [th.scope, th.textContent]),
      rows: [...table.tBodies[0].rows].map((r) => [r.cells[0].tagName, r.cells[0].scope, ...[...r.cells].map((c) => c.textContent)]) };
  });
  assert.equal(t.expanded, 'true');
  assert.equal(t.label, 'Hide data');
  assert.equal(t.visible, true);
  assert.equal(t.caption, t.title);
  assert.ok(t.cols.length >= 3 && t.cols.every(([scope]) => scope === 'col'), JSON.stringify(t.cols));
  assert.ok(t.cols.some(([, text]) => /source/i.test(text)), 'no source column');
  assert.ok(t.rows.every((r) => r[0] === 'TH' && r[1] === 'row'));
  const row = t.rows.find((r) => r.includes('$491.06 million'));
  assert.ok(row, `no row with $491.06 million: ${JSON.stringify(t.rows.slice(0, 4))}`);
  assert.ok(row.some((c) => c.includes('2020')));
  // The table follows the view.
  await chart((el) => el.tradeChart.setView('collapse'));
  assert.ok(await page.$$eval(`${CHART} .tc-data tbody tr`, (rs) => rs.some((r) => r.textContent.includes('$539.06 million'))));
  await page.locator(`${CHART} figure`).screenshot({ path: join(RESULTS, 'show-data.png') });
  await button.click();
  assert.equal(await page.locator(`${CHART} .tc-data`).isHidden(), true);
});

test('the claims list: the February claim is unsupported, at least four agree, each with its verdict in words', async () => {
  const button = page.locator(`${CHART} .tc-show-claims`);
  assert.equal(await button.isVisible(), true);
  await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  const claims = await page.$$eval(`${CHART} .tc-claim`, (lis) => lis.map((li) => ({ status: li.dataset.status, id: li.dataset.claim,
    badge: li.querySelector('.tc-badge').textContent, text: li.querySelector('.tc-claim-text').textContent, all: li.textContent })));
  const feb = claims.find((c) => c.id === 'c-2020-feb');
  assert.ok(feb, JSON.stringify(claims.map((c) => c.id)));
  assert.equal(feb.status, 'unsupported');
  assert.ok(feb.badge.includes('Not supported by the data'), feb.badge);
  assert.ok(feb.all.includes('$10.71 million') && /January–February 2020/.test(feb.all), feb.all);
  assert.ok(feb.all.includes('Walltrace'), 'no source');
  const agree = claims.filter((c) => c.status === 'agrees');
  assert.ok(agree.length >= 4, `${agree.length} agree`);
  for (const c of claims) assert.ok(c.badge.replace(/[✓✗?]/g, '').trim().length > 3, `verdict only as a symbol: ${c.badge}`);
  await page.locator(`${CHART} figure`).screenshot({ path: join(RESULTS, 'claims.png') });
  await button.click();
});

test('monthly view: the claim is an item, and hovering it says "Not supported by the data"', async () => {
  await chart((el) => el.tradeChart.setView('monthly'));
  const claim = await chart((el) => el.tradeChart.items().find((it) => it.id === 'claim:c-2020-feb'));
  assert.ok(claim, 'no claim:c-2020-feb among the items');
  await page.locator(`${CHART} canvas`).scrollIntoViewIfNeeded();
  const box = await page.locator(`${CHART} canvas`).boundingBox();
  await page.mouse.move(box.x + claim.x + claim.w / 2, box.y + claim.y + claim.h / 2);
  const text = await tooltip();
  assert.ok(text && text.includes('Not supported by the data') && text.includes('$10.71 million'), `tooltip: ${text}`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height + 150);
});

test('no console errors or page errors during the session', () => {
  assert.deepEqual(errors, []);
});
