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
  for (const id of ['download', 'download-package', 'download-html', 'download-svg', 'download-png', 'download-card']) $(id).disabled = !d || !current;
  $('download-status').textContent = d && !current ? t('Fix the problems listed under your data before downloading.') : '';
  const inline = radio('data-in') !== 'url';
  $('data-url-row').hidden = inline;
  const base = new URL($('base-url').value.trim() || './', location.href).href.replace(/\/?$/, '/');
  const script = `<script src="${attr(base + 'pkg/trade-chart.standalone.js')}"></script>`;
  const url = $('data-url').value.trim() || `https://example.com/charts/${d ? d.id : 'dataset'}.json`;
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
    const frame = `${base}embed.html?src=${encodeURIComponent(url)}${pl === 'en' ? '' : `&lang=${pl}`}`;
    snippet('snip-iframe', `<iframe data-trade-chart-embed src="${attr(frame)}"\n        title="${attr(title)}" loading="lazy" width="100%" height="560" frameborder="0"></iframe>\n<script src="${attr(base + 'embed.js')}" async></script>`);
  }
  withPicture(d && current ? { json, inline, url, base, script, pl, dl, el } : null);
}

// The script and <trade-chart> snippets again, with the chart's published picture inline
// (what trade-chart/server renders, from the builder's wasm: renderElement with
// style 'page', so no inline style and the page's CSP may refuse them; the snippet links
// trade-chart.css before it, which holds the paint of what follows until it has loaded).
// A reader sees the chart at the first paint; the script takes it over without a shift.
// Asked after each edit; an answer for an older edit is dropped. Above PICTURE_MAX of
// data the snippets stay without (the picture carries the view's table).
const PICTURE_MAX = 1 << 20;
let asked = 0;
async function withPicture(p) {
  const n = ++asked;
  if (!p || p.json.length > PICTURE_MAX) return;
  let html;
  try {
    html = await call('renderElement', p.json, { ...(p.pl === 'en' ? {} : { lang: p.pl }), style: 'page' });
  } catch (_) {
    return; // the snippets without a picture stay
  }
  if (n !== asked) return;
  const figure = html.slice(html.indexOf('<figure'), html.lastIndexOf('</figure>') + '</figure>'.length);
  if (!figure) return;
  const link = `<link rel="stylesheet" href="${attr(p.base + 'pkg/trade-chart.css')}">`;
  const data = p.inline ? `\n  <script type="application/json">${p.json}</script>\n` : '';
  snippet('snip-script', p.inline
    ? `${link}\n<div data-trade-chart${p.dl}>${figure}${data}</div>\n${p.script}`
    : `${link}\n<div data-trade-chart${p.dl} data-src="${attr(p.url)}">${figure}</div>\n${p.script}`);
  snippet('snip-element', p.inline
    ? `${link}\n<trade-chart${p.el}>${figure}${data}</trade-chart>\n${p.script}`
    : `${link}\n<trade-chart${p.el} src="${attr(p.url)}">${figure}</trade-chart>\n${p.script}`);
}
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
