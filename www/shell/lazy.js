// @ts-check
// Lazy charts: a chart with `loading: 'lazy'` (the default of <trade-chart> and of
// [data-trade-chart]) is made only when it nears the viewport. One IntersectionObserver
// per document, with a margin of one viewport above and below; while it waits the
// element carries `data-tc-pending` and the stylesheet keeps its place (trade-chart.css, reserve_css).
// A chart out of the layout (display: none, a closed <details>) is made at once, as an
// eager one: it draws when it gets a width, as before.
import { shellError } from './errors.js';
import { warmup } from './wasm.js';

const nearby = new WeakMap(); // document -> { io, waiting: Map(element -> { resolve, reject }) }

function lazyOf(doc) {
  let l = nearby.get(doc);
  if (l) return l;
  const win = doc.defaultView || window;
  if (typeof win.IntersectionObserver !== 'function') return null;
  const waiting = new Map();
  const io = new win.IntersectionObserver((entries) => {
    for (const e of entries) {
      const el = e.target;
      if (!e.isIntersecting && (typeof el.checkVisibility !== 'function' || el.checkVisibility())) {
        warmup.start(win); // a chart that really waits: its code is compiled meanwhile (wasm.js)
        continue;
      }
      settleNear(doc, el, true);
    }
  }, { rootMargin: '100% 0px 100% 0px' });
  nearby.set(doc, l = { io, waiting });
  return l;
}

function settleNear(doc, el, ok, err) {
  const l = nearby.get(doc), w = l && l.waiting.get(el);
  if (!w) return false;
  l.waiting.delete(el);
  l.io.unobserve(el);
  // Made: create() lifts the reservation when the figure is in (the wasm may still load).
  if (!ok) el.removeAttribute('data-tc-pending');
  if (!l.waiting.size) { l.io.disconnect(); nearby.delete(doc); }
  if (ok) w.resolve(); else w.reject(err);
  return true;
}

// Resolves when `el` nears the viewport (at once without IntersectionObserver).
export function whenNear(el) {
  const l = lazyOf(el.ownerDocument);
  if (!l) return Promise.resolve();
  return new Promise((resolve, reject) => {
    l.waiting.set(el, { resolve, reject });
    el.setAttribute('data-tc-pending', '');
    l.io.observe(el);
  });
}

// A chart waiting to be made is given up (its element was torn down): create() rejects
// with `destroyed`.
export function cancelNear(el) {
  return settleNear(el.ownerDocument, el, false, shellError('destroyed', 'trade-chart: the chart was removed before it was made'));
}

// A reader reached a waiting chart (a pointer over its picture, the focus in it): it is
// made now, wherever it is.
export function wake(el) {
  return settleNear(el.ownerDocument, el, true);
}
