// Taking the data away, with the real wasm: the Download buttons save a CSV that parses
// and carries the figures and their sources, a PNG at 2× and an SVG with the title.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS, openStory } from './helpers.mjs';

const CHART = '[data-trade-chart]';
let story, page, errors;

before(async () => {
  story = await openStory({ context: { acceptDownloads: true } });
  ({ page, errors } = story);
});
after(() => story?.close());

// Clicks the Download button for `format`; resolves with { name, bytes }.
async function download(format) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(`${CHART} .tc-download button[data-format=${format}]`)]);
  const bytes = readFileSync(await d.path());
  return { name: d.suggestedFilename(), bytes };
}

// A minimal RFC 4180 parser (quoted fields with commas, quotes and newlines).
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n') { row.push(field.replace(/\r$/, '')); rows.push(row); row = []; field = ''; } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

test('the download group is labelled and offers CSV, PNG and SVG', async () => {
  const r = await page.$eval(CHART, (el) => {
    const g = el.querySelector('.tc-download');
    return { role: g.getAttribute('role'), label: document.getElementById(g.getAttribute('aria-labelledby')).textContent,
      buttons: [...g.querySelectorAll('button')].map((b) => b.textContent) };
  });
  assert.deepEqual(r, { role: 'group', label: 'Download', buttons: ['CSV', 'PNG', 'SVG'] });
});

test('CSV of the collapse view: UTF-8 with a BOM, parses, has value_usd and source_urls, and 539060000', async () => {
  await page.$eval(CHART, (el) => el.tradeChart.setView('collapse'));
  const { name, bytes } = await download('csv');
  assert.equal(name, 'trade-chart-collapse.csv');
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'no UTF-8 BOM (Excel would misread it)');
  const text = bytes.subarray(3).toString('utf8');
  const lines = text.split('\n').filter(Boolean);
  const header = lines[0].split(',');
  assert.ok(header.includes('value_usd') && header.includes('source_urls'), `header: ${lines[0]}`);
  const rows = parseCsv(text).filter((r) => r.length > 1);
  assert.ok(rows.length >= 3, `${rows.length} rows`);
  for (const r of rows) assert.equal(r.length, header.length, `ragged row: ${r.join('|')}`);
  const v = header.indexOf('value_usd'), u = header.indexOf('source_urls');
  const y2020 = rows.find((r) => r[v] === '539060000');
  assert.ok(y2020, `no 539060000 in ${rows.map((r) => r[v]).join(', ')}`);
  assert.match(y2020[u], /^https?:\/\//);
  assert.ok(text.includes('539060000'));
});

test('CSV follows the view: the balance view has $491.06 million as 491060000', async () => {
  await page.$eval(CHART, (el) => el.tradeChart.setView('balance'));
  const { name, bytes } = await download('csv');
  assert.equal(name, 'trade-chart-balance.csv');
  assert.ok(bytes.toString('utf8').includes('491060000'));
});

test('PNG: a real PNG, twice the chart\'s CSS width', async () => {
  await page.$eval(CHART, (el) => el.tradeChart.setView('collapse'));
  const css = await page.$eval(`${CHART} canvas`, (c) => parseFloat(c.style.width));
  const { name, bytes } = await download('png');
  assert.equal(name, 'trade-chart-collapse.png');
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'not a PNG');
  assert.equal(bytes.toString('latin1', 12, 16), 'IHDR');
  const width = bytes.readUInt32BE(16), height = bytes.readUInt32BE(20);
  assert.equal(width, 2 * css);
  assert.ok(height > width / 3, `height ${height}`);
  assert.ok(bytes.length > 10_000, `${bytes.length} bytes: nearly empty`);
  // Look at it in the browser: the picture is not blank.
  const colours = await page.evaluate(async (b64) => {
    const img = new Image(); img.src = 'data:image/png;base64,' + b64; await img.decode();
    const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
    const ctx = c.getContext('2d'); ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, c.width, c.height), set = new Set();
    for (let i = 0; i < data.length && set.size < 50; i += 16) set.add(data[i] << 16 | data[i + 1] << 8 | data[i + 2]);
    return set.size;
  }, bytes.toString('base64'));
  assert.ok(colours >= 5, `${colours} colours`);
  const { writeFileSync } = await import('node:fs');
  writeFileSync(join(RESULTS, 'download-collapse.png'), bytes);
});

test('SVG: an SVG document with the view\'s title and source line', async () => {
  await page.$eval(CHART, (el) => el.tradeChart.setView('monthly'));
  const meta = await page.$eval(CHART, (el) => ({ title: el.querySelector('.tc-title').textContent, source: el.querySelector('.tc-source').textContent }));
  const { name, bytes } = await download('svg');
  assert.equal(name, 'trade-chart-monthly.svg');
  const svg = bytes.toString('utf8');
  assert.match(svg, /<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  // All text nodes, unescaped, joined: the title may be wrapped over several lines.
  const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;|&#39;/g, "'").replace(/&amp;/g, '&');
  const texts = [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) => unescape(m[1]).trim()).join(' ').replace(/\s+/g, ' ');
  assert.ok(texts.includes(meta.title), `title "${meta.title}" not in the SVG's text`);
  assert.ok(texts.includes(meta.source.split(';')[0].trim()), 'no source line');
  // It renders in the browser.
  const ok = await page.evaluate(async (svg) => {
    const img = new Image(); img.src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    await img.decode(); return img.width > 100 && img.height > 100;
  }, svg);
  assert.equal(ok, true);
});

test('the API downloads too and resolves with the Blob', async () => {
  const r = await page.$eval(CHART, async (el) => {
    const b = await el.tradeChart.downloadCsv();
    return { type: b.type, size: b.size };
  });
  assert.equal(r.type, 'text/csv;charset=utf-8');
  assert.ok(r.size > 100);
});

test('no console errors or page errors during the session', () => {
  assert.deepEqual(errors, []);
});
