// @ts-check
// The figure's DOM: building it, and writing texts and attributes only when they change.
// Nodes are made by the chart's own document; the stylesheet goes into the chart's root
// (the document, or the shadow root the chart sits in).
import { css } from 'trade-chart:build';
import { cssUrl } from 'trade-chart:host';

export function h(doc, tag, cls, attrs) {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  for (const k in attrs) e.setAttribute(k, attrs[k]);
  return e;
}
// Writes only what changed: writing an equal text or attribute still costs the next
// frame a style and layout pass over it.
export function setText(e, s) {
  s = s == null ? '' : String(s);
  if (e.textContent !== s) e.textContent = s;
}
export function setAttr(e, k, v) {
  v = String(v);
  if (e.getAttribute(k) !== v) e.setAttribute(k, v);
}
export function setHidden(e, hide) {
  if (e.hidden !== hide) e.hidden = hide;
}
export function text(doc, tag, cls, s, attrs) {
  const e = h(doc, tag, cls, attrs);
  setText(e, s);
  return e;
}

// The parent of a node across shadow boundaries: a shadow root's parent is its host.
export const composedParent = (n) => n.parentNode || n.host || null;

// The stylesheet, once per root: the document, or the shadow root the chart sits in (a
// detached element counts as the document's; the chart adopts its root's again when it is
// shown there). Under a strict CSP (`style-src 'self'`) a <style> element is refused, a
// constructed sheet in adoptedStyleSheets is not: one per document (a sheet can only be
// adopted in the document that made it), first in the list. Where constructed sheets are
// missing, a <link> to trade-chart.css next to the script (`cssUrl`, from the build's
// 'trade-chart:host'), else (no URL: the single-file demo) a <style>.
const sheets = new WeakMap(); // document -> its constructed CSSStyleSheet
export function injectStyle(element) {
  if (typeof css !== 'string') return;
  const doc = element.ownerDocument, win = doc.defaultView || window, node = element.getRootNode();
  const root = node.nodeType === 11 && node.host ? node : doc;
  if ('adoptedStyleSheets' in root && typeof win.CSSStyleSheet === 'function' && 'replaceSync' in win.CSSStyleSheet.prototype) {
    let sheet = sheets.get(doc);
    if (!sheet) {
      sheet = new win.CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(doc, sheet);
    }
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [sheet, ...root.adoptedStyleSheets];
    return;
  }
  if (root.getElementById('trade-chart-style')) return;
  const url = typeof cssUrl === 'string' && cssUrl;
  const el = url ? h(doc, 'link', '', { id: 'trade-chart-style', rel: 'stylesheet', href: url }) : h(doc, 'style', '', { id: 'trade-chart-style' });
  if (!url) el.textContent = css;
  (root === doc ? doc.head || doc.documentElement : root).prepend(el); // first, so host styles win
}

let uid = 0;
export function buildDom(doc) {
  const id = 'tc' + (++uid) + '-';
  const ui = { id, figure: h(doc, 'figure', 'tc', { 'data-state': 'ready', part: 'figure' }) };
  const head = h(doc, 'figcaption', 'tc-head', { part: 'head' });
  ui.title = head.appendChild(h(doc, 'p', 'tc-title', { part: 'title' }));
  ui.subtitle = head.appendChild(h(doc, 'p', 'tc-subtitle', { part: 'subtitle' }));
  ui.tabs = h(doc, 'div', 'tc-tabs', { role: 'tablist', part: 'tabs' });
  ui.legend = h(doc, 'div', 'tc-legend', { role: 'group', part: 'legend' });
  ui.plot = h(doc, 'div', 'tc-plot', { role: 'tabpanel', id: id + 'plot', part: 'plot' });
  ui.canvas = ui.plot.appendChild(h(doc, 'canvas', '', { role: 'img', tabindex: '0', 'aria-describedby': id + 'desc', part: 'canvas' }));
  ui.highlight = ui.plot.appendChild(h(doc, 'div', 'tc-highlight', { hidden: '' }));
  ui.tooltip = ui.plot.appendChild(h(doc, 'div', 'tc-tooltip', { hidden: '', part: 'tooltip' }));
  ui.desc = h(doc, 'p', 'tc-sr', { id: id + 'desc' }); // the canvas's accessible description
  ui.live = h(doc, 'p', 'tc-sr tc-live', { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  ui.error = h(doc, 'p', 'tc-error', { role: 'alert', hidden: '', part: 'error' });
  ui.tools = h(doc, 'div', 'tc-tools', { part: 'tools' });
  ui.dataButton = ui.tools.appendChild(h(doc, 'button', 'tc-toggle tc-show-data',
    { type: 'button', 'aria-expanded': 'false', 'aria-controls': id + 'data' }));
  ui.claimsButton = ui.tools.appendChild(h(doc, 'button', 'tc-toggle tc-show-claims',
    { type: 'button', 'aria-expanded': 'false', 'aria-controls': id + 'claims', hidden: '' }));
  ui.download = ui.tools.appendChild(h(doc, 'div', 'tc-download', { role: 'group', 'aria-labelledby': id + 'dl' }));
  ui.downloadLabel = ui.download.appendChild(h(doc, 'span', 'tc-download-label', { id: id + 'dl' }));
  for (const f of ['csv', 'png', 'svg']) ui.download.appendChild(text(doc, 'button', '', f.toUpperCase(), { type: 'button', 'data-format': f }));
  ui.data = h(doc, 'div', 'tc-data', { id: id + 'data', role: 'region', tabindex: '0', 'aria-labelledby': id + 'caption', hidden: '', part: 'data' });
  ui.claims = h(doc, 'div', 'tc-claims', { id: id + 'claims', hidden: '', part: 'claims' });
  const foot = h(doc, 'footer', 'tc-foot', { part: 'foot' });
  ui.notes = foot.appendChild(h(doc, 'p', 'tc-notes'));
  ui.source = foot.appendChild(h(doc, 'p', 'tc-source'));
  ui.credit = foot.appendChild(h(doc, 'p', 'tc-credit'));
  // Resolves the --tc-* colours (forced-color-adjust: none, so system colours come
  // through): its spans are added once the wasm says which (addSwatches).
  ui.probe = h(doc, 'span', 'tc-probe', { 'aria-hidden': 'true' });
  // A zero-height block as wide as the figure's content box: the ResizeObserver watches
  // it, so the chart's own height changes never come back as resize notifications.
  ui.sizer = h(doc, 'div', 'tc-sizer', { 'aria-hidden': 'true' });
  ui.figure.append(ui.sizer, head, ui.tabs, ui.legend, ui.plot, ui.desc, ui.live, ui.error, ui.tools, ui.data, ui.claims, foot, ui.probe);
  return ui;
}

// The error card: the figure in state "error" with the message in its alert.
export function showError(ui, err) {
  ui.figure.dataset.state = 'error';
  ui.error.textContent = err.message;
  ui.error.hidden = false;
}
