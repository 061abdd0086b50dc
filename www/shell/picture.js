// @ts-check
// The published picture (src/chart/dataset/picture.rs): the figure as the shell builds it,
// its plot an SVG, written into the page when the chart was published. Until the chart is
// made it is what the reader sees; a pointer over it or the focus in it makes the chart at
// once (lazy.js's wait ends). The live figure takes its place in one task, so in one frame:
// the same box and the same texts in the same places (the stylesheet gives the picture's
// plot the canvas's height). Until then a pointer over a figure, an annotation or a claim of
// the picture gets the tooltip the live chart has for it, its words written in the picture.
// The pointer, the focus and a click on a control are handed over.
import { wake } from './lazy.js';
import { h } from './dom.js';
import { fillTooltip, placeTooltip } from './overlay.js';

const PICTURE = ':scope > figure.tc[data-tc-picture]';

// The picture in `element`, or null.
export function findPicture(element) {
  return element.querySelector(PICTURE);
}

// Watches the picture until the takeover; returns what it saw ({ x, y, click, stop }: the
// last pointer position over it, NaN when none; the control last clicked, as a selector).
export function watchPicture(element, picture) {
  const ac = new AbortController();
  let woken;
  const seen = { x: NaN, y: NaN, click: '', stop: () => ac.abort(), woken: new Promise((r) => { woken = r; }) };
  const on = (type, fn) => picture.addEventListener(type, fn, { signal: ac.signal });
  const at = (e) => { seen.x = e.clientX; seen.y = e.clientY; };
  const reached = () => { wake(element); woken(); };
  // A pointer's tooltip is painted before the chart's making takes the main thread (the
  // wasm's compile, the data, the first drawing): the chart is woken after the next frame.
  const win = picture.ownerDocument.defaultView || window;
  const afterPaint = () => win.requestAnimationFrame(() => win.setTimeout(reached, 0));
  const tip = pictureTooltip(picture, ac.signal);
  on('pointerover', (e) => { at(e); tip(e); afterPaint(); });
  on('pointermove', (e) => { at(e); tip(e); });
  on('pointerdown', (e) => { at(e); tip(e); afterPaint(); });
  on('pointerleave', (e) => { seen.x = seen.y = NaN; if (e.pointerType !== 'touch') tip(null); }); // a tap's tooltip stays
  on('focusin', reached);
  // A tab, a legend entry or a tool clicked before the chart is made is clicked again on
  // the chart's own control once it is.
  on('click', (e) => { seen.click = control(picture, e.target); reached(); });
  return seen;
}

// The picture's own tooltip, until the takeover removes it with the picture: each drawing's
// hit regions (src/chart/dataset/picture.rs, `picture_hits`: the live chart's hit boxes)
// name one of the picture's tooltips (`data-i`: a place in its `<template class="tc-tips">`,
// written with the live tooltip's words: `picture_tips`); shown as the live one shows it
// (overlay.js: its markup and classes), beside the region. Returns the handler for a
// pointer event (null: hide).
function pictureTooltip(picture, signal) {
  const doc = picture.ownerDocument, plot = picture.querySelector('.tc-plot');
  const tips = picture.querySelector('template.tc-tips');
  let tip = null, shown = null;
  const hide = () => { if (tip) tip.hidden = true; shown = null; };
  doc.addEventListener('keydown', (e) => { if (e.key === 'Escape') hide(); }, { signal }); // WCAG 1.4.13
  return (e) => {
    const r = e && e.target && e.target.closest ? e.target.closest('.tc-hits > rect') : null;
    const i = r && r.getAttribute('data-i'); // null: a region of none (never 0)
    const words = i && tips && tips.content.children[Number(i)];
    if (!plot || !words) return hide();
    if (r !== shown) {
      shown = r;
      if (!tip) tip = plot.appendChild(h(doc, 'div', 'tc-tooltip', { hidden: '', part: 'tooltip' }));
      // Its title, series, value, lines and source, one <p> each; its series' legend swatch.
      const [title, series, value, ...lines] = [...words.children].map((p) => p.textContent || '');
      const id = words.getAttribute('data-s');
      const sw = id && picture.querySelector(`.tc-legend [data-series="${CSS.escape(id)}"] .tc-swatch`);
      fillTooltip(doc, tip, title, series, sw ? sw.cloneNode(true) : null, value, lines.slice(0, -1), lines[lines.length - 1]);
    }
    tip.hidden = false;
    // Beside the region, at the pointer's height, kept inside the plot (as the live one).
    const p = plot.getBoundingClientRect(), b = r.getBoundingClientRect();
    placeTooltip(tip, b.left - p.left, b.right - p.left, e.clientY - p.top, plot.clientWidth, plot.clientHeight);
  };
}

// A lazy chart with a picture near the viewport is made when the page is idle (the reader
// already sees the chart: its making waits for the page's own work), or at once when the
// reader reaches the picture (`seen.woken`).
export function idleOrReached(win, seen) {
  const idle = new Promise((resolve) => (typeof win.requestIdleCallback === 'function'
    ? win.requestIdleCallback(() => resolve(), { timeout: 2000 }) : win.setTimeout(resolve, 50)));
  return Promise.race([idle, seen.woken]);
}

// The control `node` is in (a tab, a legend entry, a tool), as a selector for the same one
// in the live figure ('' for none); the plot is the canvas.
function control(picture, node) {
  const a = node && node.closest ? node.closest('button, .tc-picture-img') : null;
  if (!a || !picture.contains(a)) return '';
  if (a.classList.contains('tc-picture-img')) return 'canvas';
  for (const k of ['view', 'series', 'format']) {
    const v = a.getAttribute('data-' + k);
    if (v != null) return `[data-${k}="${CSS.escape(v)}"]`;
  }
  for (const c of ['tc-show-data', 'tc-show-claims']) if (a.classList.contains(c)) return '.' + c;
  return '';
}

// The live figure in the picture's place; returns what to hand over once it is drawn.
export function takeOver(picture, figure, seen) {
  seen.stop();
  const root = picture.getRootNode();
  const focus = control(picture, root && root.activeElement);
  picture.replaceWith(figure);
  return { focus, click: seen.click === 'canvas' ? '' : seen.click, x: seen.x, y: seen.y };
}

// After the first drawing: the focus back where it was, and the tooltip for a pointer
// that is over the plot (a reader who hovered before the chart was made gets it at once).
// `view`: the ChartView.
export function handOver(view, { focus, click, x, y }) {
  const { ui } = view;
  if (click) {
    const el = ui.figure.querySelector(click);
    if (el) el.click();
  }
  if (focus) {
    const el = ui.figure.querySelector(focus);
    if (el) el.focus({ preventScroll: true });
  }
  if (Number.isNaN(x)) return;
  const r = ui.canvas.getBoundingClientRect();
  if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) view.hoverAt(x - r.left, y - r.top);
}
