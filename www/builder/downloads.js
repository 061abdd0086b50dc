// @ts-check
import { call } from './imports.js';
import { zip } from './zip.js';
import { $, radio } from './dom.js';
import { t } from './lang.js';
import { chart, good, datasetInfo } from './preview.js';

// ---- downloads ----
function save_(blob, name) {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  $('download-status').textContent = t('Downloaded {name}.', { name });
}
export async function downloadPackage() {
  const d = datasetInfo();
  if (!d) return;
  const p = await call('toDatapackage', good);
  const enc = new TextEncoder();
  // Every file the package has (its link tables and annotations too), by name.
  save_(new Blob([zip(p.files.map((f) => [f.name, enc.encode(f.text)]))], { type: 'application/zip' }),
    `${d.id || 'dataset'}-datapackage.zip`);
}
// One HTML file: the reader's standalone script inlined, the dataset inline; opens from
// disk (file://) and draws as the preview does, in the preview's language. Rust writes it
// (trade_chart_import::publish, the command line's `bundle`): one markup, one escaping.
export async function downloadHtml() {
  const d = datasetInfo();
  if (!d) return;
  const res = await fetch(new URL('../pkg/trade-chart.standalone.js', import.meta.url));
  if (!res.ok) { $('download-status').textContent = t('The chart’s script could not be read (HTTP {status}).', { status: res.status }); return; }
  const html = await call('oneFilePage', good, await res.text(), { lang: radio('plang') || 'en' });
  save_(new Blob([html], { type: 'text/html;charset=utf-8' }), `${d.id || 'chart'}.html`);
}
export async function downloadPicture(kind) {
  if (!chart) return;
  const blob = await (kind === 'svg' ? chart.downloadSvg() : chart.downloadPng());
  $('download-status').textContent = t('Downloaded the {kind} picture ({kb} KB).', { kind: kind.toUpperCase(), kb: Math.round(blob.size / 1024) });
}
// The social card (og:image): Rust's layout (the command line's `render --social`) as
// SVG, drawn at 2× on a canvas: 1200×630 px.
export async function downloadCard() {
  const d = datasetInfo();
  if (!d || !chart) return;
  const svg = await call('socialCard', good, { view: chart.view || undefined, lang: radio('plang') || 'en', theme: radio('theme') || 'light' });
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 1200;
    canvas.height = 630;
    canvas.getContext('2d').drawImage(img, 0, 0, 1200, 630);
    const blob = await new Promise((ok, no) => canvas.toBlob((b) => (b ? ok(b) : no(new Error('no PNG'))), 'image/png'));
    save_(blob, `${d.id || 'chart'}-card.png`);
  } finally { URL.revokeObjectURL(url); }
}
export function download() {
  const d = datasetInfo();
  if (!d) return;
  save_(new Blob([good], { type: 'application/json' }), `${d.id || 'dataset'}.json`);
}
