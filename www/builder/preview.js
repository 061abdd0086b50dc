// @ts-check
import { create } from '../pkg/index.js';
import { $, radio } from './dom.js';
import { lang } from './lang.js';
import { parsed } from './parse.js';

// ---- the preview: the real widget ----
export let chart = null, good = null, making = null;
/** The last dataset that read without problems (what the preview shows, what is downloaded). */
export function setGood(dataset) { good = dataset; }
/** Starting over: the preview's chart goes. */
export function dropChart() { if (chart) { chart.destroy(); chart = null; } }
export async function draw(dataset) {
  const theme = /** @type {import('../pkg/index.js').ChartTheme} */ (radio('theme') || 'light');
  if (making) await making.catch(() => {});
  if (chart) {
    chart.setData(dataset); // checked already; a failure keeps the old chart
    return;
  }
  making = create($('preview'), { data: dataset, theme, lang: radio('plang') || lang, loading: 'eager' });
  try {
    chart = await making;
  } catch (e) {
    // a fresh box for the next try (create() does not mount twice on one element)
    const fresh = document.createElement('div');
    fresh.id = 'preview';
    fresh.className = 'preview';
    $('preview').replaceWith(fresh);
    throw e;
  } finally { making = null; }
}
export let current = null; // the dataset as the editor's data and text make it now (null: problems)
export function setCurrent(dataset) { current = dataset; }
export function datasetInfo() {
  return good ? parsed(good) : null;
}

// ---- the preview's width and theme ----
export function frame() {
  const f = $('preview-frame');
  f.classList.toggle('phone', radio('width') === 'phone');
  const theme = radio('theme') || 'light';
  f.classList.toggle('dark', theme === 'dark');
  f.classList.toggle('light', theme !== 'dark');
  if (chart) chart.setTheme(theme);
  const pl = radio('plang') || 'en';
  if (chart && chart.lang !== pl) chart.setLang(pl);
}
