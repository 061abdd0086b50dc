// @ts-check
// The published picture (src/chart/dataset/picture.rs): the figure as the shell builds it,
// its plot an SVG, written into the page when the chart was published. Until the chart is
// made it is what the reader sees; a pointer over it or the focus in it makes the chart at
// once (lazy.js's wait ends). The live figure takes its place in one task, so in one frame:
// the same box and the same texts in the same places (the stylesheet gives the picture's
// plot the canvas's height). The pointer, the focus and a click on a control are handed over.
import { wake } from './lazy.js';

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
  on('pointerover', (e) => { at(e); reached(); });
  on('pointermove', at);
  on('pointerdown', (e) => { at(e); reached(); });
  on('pointerleave', () => { seen.x = seen.y = NaN; });
  on('focusin', reached);
  // A tab, a legend entry or a tool clicked before the chart is made is clicked again on
  // the chart's own control once it is.
  on('click', (e) => { seen.click = control(picture, e.target); reached(); });
  return seen;
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
