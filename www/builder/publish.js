// @ts-check
import { $, radio } from './dom.js';
import { t } from './lang.js';
import { megabytes } from './files.js';
import { oneLine } from './parse.js';
import { good, current, datasetInfo } from './preview.js';
import { call } from './imports.js';

// ---- publish ----
// A double-quoted attribute value of a snippet (written on every edit, synchronously: the
// wasm answers later, from a worker): `&`, `"` and `<`, a subset of Rust's escape_html
// (crates/import/src/publish.rs), enough inside double quotes.
const attr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
export function publish() {
  const d = datasetInfo();
  for (const id of ['download', 'download-package', 'download-html', 'download-frame', 'download-svg', 'download-png', 'download-card']) $(id).disabled = !d || !current;
  $('download-status').textContent = d && !current ? t('Fix the problems listed under your data before downloading.') : '';
  const inline = radio('data-in') !== 'url';
  $('data-url-row').hidden = inline;
  // The iframe: with the data in the snippets, the chart's own page (the one-file page, its
  // picture and data inline), which the editor hosts; with the data at a URL, embed.html
  // reading it (one page for every chart, no picture).
  $('page-url-row').hidden = $('snip-frame-hint').hidden = !inline;
  $('snip-iframe-hint').hidden = inline;
  $('snip-iframe').setAttribute('aria-describedby', inline ? 'snip-frame-hint' : 'snip-iframe-hint');
  const base = new URL($('base-url').value.trim() || './', location.href).href.replace(/\/?$/, '/');
  const script = `<script src="${attr(base + 'pkg/trade-chart.standalone.js')}"></script>`;
  // Where the data and the chart's page will be: only the editor knows. Left blank, the
  // snippets say so in brackets (never a made-up address that would publish a broken
  // iframe), the field is marked required with a warning beside it, and the snippets that
  // need it cannot be copied.
  const url = $('data-url').value.trim() || t('[address of the dataset JSON]');
  // where the editor will host the chart's page (downloadHtml names the file `${id}.html`)
  const pageUrl = $('page-url').value.trim() || t('[address of the chart’s page]');
  const noData = !inline && !$('data-url').value.trim();
  const noPage = inline && !$('page-url').value.trim();
  missing('data-url', !!d && noData);
  missing('page-url', !!d && noPage);
  const blocked = { 'snip-script': noData, 'snip-element': noData, 'snip-iframe': noData || noPage };
  for (const [id, off] of Object.entries(blocked)) {
    /** @type {HTMLButtonElement} */ (document.querySelector(`[data-copy="${id}"]`)).disabled = !d || off;
  }
  // the dataset as one line, safe inside <script> (parse.js)
  const json = d ? oneLine(good) : '';
  // the chart's language: the preview's (the reader's page may still choose another)
  const pl = radio('plang') || 'en';
  const inPl = (x) => (typeof x === 'string' ? x : (x && (x[pl] || x.en)) || '');
  const title = (d && inPl(d.title)) || 'Trade chart';
  const dl = pl === 'en' ? '' : ` data-lang="${pl}"`, el = pl === 'en' ? '' : ` lang="${pl}"`;
  if (!d) {
    for (const id of ['snip-script', 'snip-element', 'snip-iframe']) snippet(id, '');
  } else {
    snippet('snip-script', inline
      ? `<div data-trade-chart${dl}>\n  <script type="application/json">${json}</script>\n</div>\n${script}`
      : `<div data-trade-chart${dl} data-src="${attr(url)}"></div>\n${script}`);
    snippet('snip-element', inline
      ? `<trade-chart${el}>\n  <script type="application/json">${json}</script>\n</trade-chart>\n${script}`
      : `<trade-chart${el} src="${attr(url)}"></trade-chart>\n${script}`);
    const frame = inline ? pageUrl : `${base}embed.html?src=${encodeURIComponent(url)}${pl === 'en' ? '' : `&lang=${pl}`}`;
    snippet('snip-iframe', `<iframe data-trade-chart-embed src="${attr(frame)}"\n        title="${attr(title)}" loading="lazy" width="100%" height="560" frameborder="0"></iframe>\n<script src="${attr(base + 'embed.js')}" async></script>`);
  }
  withPicture(d && current ? { json, inline, url, base, pl, dl, el } : null);
}

// An address field the snippets need, left blank: required, with its warning shown.
function missing(id, yes) {
  $(id).setAttribute('aria-invalid', String(yes));
  $(`${id}-missing`).hidden = !yes;
}

// The picture snippets load trade-chart.js, which fetches the reader's wasm from next to
// itself: the picture is the first paint, so the standalone script's inline wasm (139 KB
// gzip of script against 18 KB) buys nothing there, and a wasm file is compiled while it
// downloads and kept by the HTTP cache and the wasm code cache. The snippets without a
// picture keep the standalone script.
const PICTURE_SCRIPT = 'pkg/trade-chart.js';
// No preload hint for the wasm: trade-chart.js asks for it as soon as it runs when a picture
// is on the page (streaming from its URL, so V8's code cache serves the next visit, which a
// `preload as=fetch` response does not), and the picture answers a hover itself until the
// takeover. Measured with the hint (BENCHMARKS.md, "The quiet run"): interactive unchanged
// (1089 against 1077 ms), Lighthouse's LCP 470 ms later, every warm visit compiling the wasm again.

// The script and <trade-chart> snippets again, with the chart's published picture inline
// (what trade-chart/server renders, from the builder's wasm: renderElement with
// style 'page', so no inline style and the page's CSP may refuse them; the snippet links
// trade-chart.css before it, which holds the paint of what follows until it has loaded).
// A reader sees the chart at the first paint; the script takes it over without a shift.
// Asked after each edit; an answer for an older edit is dropped. Above PICTURE_MAX of
// data the snippets stay without (the picture carries the view's table).
// The last picture drawn, by dataset and language: a change of where the data live, the
// base URL or anything else that leaves the scene alone rewrites the picture snippets at once
// instead of showing those without a picture until the worker answers.
const PICTURE_MAX = 1 << 20;
let asked = 0;
let drawnPicture = { key: '', figure: '' };
async function withPicture(p) {
  const n = ++asked;
  if (!p || p.json.length > PICTURE_MAX) return;
  const key = `${p.pl}\n${p.json}`;
  let figure = drawnPicture.key === key ? drawnPicture.figure : '';
  if (!figure) {
    let html;
    try {
      html = await call('renderElement', p.json, { ...(p.pl === 'en' ? {} : { lang: p.pl }), style: 'page' });
    } catch (_) {
      return; // the snippets without a picture stay
    }
    if (n !== asked) return;
    figure = html.slice(html.indexOf('<figure'), html.lastIndexOf('</figure>') + '</figure>'.length);
    if (!figure) return;
    drawnPicture = { key, figure };
  }
  const link = `<link rel="stylesheet" href="${attr(p.base + 'pkg/trade-chart.css')}">`;
  const script = `<script src="${attr(p.base + PICTURE_SCRIPT)}"></script>`;
  const data = p.inline ? `\n  <script type="application/json">${p.json}</script>\n` : '';
  snippet('snip-script', p.inline
    ? `${link}\n<div data-trade-chart${p.dl} data-tc-pictured>${figure}${data}</div>\n${script}`
    : `${link}\n<div data-trade-chart${p.dl} data-src="${attr(p.url)}" data-tc-pictured>${figure}</div>\n${script}`);
  snippet('snip-element', p.inline
    ? `${link}\n<trade-chart${p.el} data-tc-pictured>${figure}${data}</trade-chart>\n${script}`
    : `${link}\n<trade-chart${p.el} src="${attr(p.url)}" data-tc-pictured>${figure}</trade-chart>\n${script}`);
}
// A snippet's text; one with a large dataset inline is shown cut in the middle (a text
// field of megabytes freezes the page), and "Copy" copies all of it.
const SNIPPET_SHOWN = 64 << 10;
const snippets = {};
function snippet(id, text) {
  if (snippets[id] === text) return;
  snippets[id] = text;
  $(id).value = text.length <= SNIPPET_SHOWN ? text
    : `${text.slice(0, 1500)}\n\n[… ${t('{size} in all, not shown here; “Copy” copies all of it', { size: megabytes(text.length) })} …]\n\n${text.slice(-400)}`;
}
export async function copy(id) {
  const area = $(id);
  const text = snippets[id] || '';
  if (!text) return;
  let ok;
  try { await navigator.clipboard.writeText(text); ok = true; } catch (_) {
    if (area.value !== text) area.value = text;
    area.focus();
    area.select();
    try { ok = document.execCommand('copy'); } catch (__) { ok = false; }
  }
  $('copy-status').textContent = ok ? t('Copied.') : t('Select the text and copy it (Ctrl+C or ⌘C).');
}
