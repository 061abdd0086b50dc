// @ts-check
// The published picture (src/chart/dataset/picture.rs): the figure as the shell builds it,
// its plot an SVG, written into the page when the chart was published. Until the chart is
// made it is what the reader sees; a pointer over it or the focus in it makes the chart at
// once (lazy.js's wait ends). The live figure takes its place in one task, so in one frame:
// the same box and the same texts in the same places (the stylesheet gives the picture's
// plot the canvas's height). The pointer and the focus are handed over.
import { wake } from './lazy.js';

const PICTURE = ':scope > figure.tc[data-tc-picture]';

// The picture in `element`, or null.
export function findPicture(element) {
  return element.querySelector(PICTURE);
}

// Watches the picture until the takeover; returns what it saw ({ x, y, stop }: the last
// pointer position over it, NaN when none).
export function watchPicture(element, picture) {
  const ac = new AbortController(), seen = { x: NaN, y: NaN, stop: () => ac.abort() };
  const on = (type, fn) => picture.addEventListener(type, fn, { signal: ac.signal });
  const at = (e) => { seen.x = e.clientX; seen.y = e.clientY; };
  on('pointerover', (e) => { at(e); wake(element); });
  on('pointermove', at);
  on('pointerdown', (e) => { at(e); wake(element); });
  on('pointerleave', () => { seen.x = seen.y = NaN; });
  on('focusin', () => wake(element));
  return seen;
}

// Which of the picture's controls has the focus, as a selector for the same one in the
// live figure ('' for none).
function focused(picture) {
  const root = picture.getRootNode(), a = root && root.activeElement;
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
  const focus = focused(picture);
  picture.replaceWith(figure);
  return { focus, x: seen.x, y: seen.y };
}

// After the first drawing: the focus back where it was, and the tooltip for a pointer
// that is over the plot (a reader who hovered before the chart was made gets it at once).
// `view`: the ChartView.
export function handOver(view, { focus, x, y }) {
  const { ui } = view;
  if (focus) {
    const el = ui.figure.querySelector(focus);
    if (el) el.focus({ preventScroll: true });
  }
  if (Number.isNaN(x)) return;
  const r = ui.canvas.getBoundingClientRect();
  if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) view.hoverAt(x - r.left, y - r.top);
}
