// @ts-check
// One coordinator per document, shared by every chart in it: one MutationObserver for
// the page's theme switches, one listener per media query, one document pointerdown and
// keydown, and beforeprint/afterprint. Started with the first chart of the document,
// stopped with the last. Each chart is told only what concerns it.
import { composedParent } from './dom.js';

const MEDIA = ['(prefers-color-scheme: dark)', '(forced-colors: active)', '(prefers-contrast: more)'];
const coordinators = new WeakMap(); // document -> Coordinator

export class Coordinator {
  static of(doc) {
    let c = coordinators.get(doc);
    if (!c) coordinators.set(doc, c = new Coordinator(doc));
    return c;
  }

  constructor(doc) {
    this.doc = doc;
    this.charts = new Set(); // ChartViews
    this.ac = null; // aborts every listener
    this.mo = null;
    this.roots = new Map(); // observed shadow root -> how many charts sit in or under it
  }

  add(chart) {
    if (!this.charts.size) this.start();
    this.charts.add(chart);
    chart.roots = shadowRoots(chart.ui.figure);
    for (const r of chart.roots) {
      if (!this.roots.has(r)) this.observe(r);
      this.roots.set(r, (this.roots.get(r) || 0) + 1);
    }
  }

  remove(chart) {
    if (!this.charts.delete(chart)) return;
    let gone = false;
    for (const r of chart.roots) {
      const n = this.roots.get(r) - 1;
      if (n) this.roots.set(r, n); else { this.roots.delete(r); gone = true; }
    }
    if (!this.charts.size) return this.stop();
    if (gone) { // a MutationObserver cannot forget one target: start over with the rest
      this.mo.disconnect();
      this.observe(this.doc.documentElement);
      for (const r of this.roots.keys()) this.observe(r);
    }
  }

  start() {
    const { doc } = this, win = doc.defaultView || window;
    this.ac = new AbortController();
    const on = (target, type, fn) => target.addEventListener(type, fn, { signal: this.ac.signal });
    const each = (fn) => { for (const c of [...this.charts]) fn(c); };
    for (const q of MEDIA) {
      const mq = win.matchMedia && win.matchMedia(q);
      if (mq) on(mq, 'change', () => each((c) => c.rethemeSoon()));
    }
    // A new devicePixelRatio (browser zoom, a window moved to another screen) need not
    // change any chart's CSS width, so no ResizeObserver reports it: each chart redraws at
    // the new ratio (layout() skips one already drawn at it). A query for the ratio of now,
    // made again after every change.
    const { signal } = this.ac, ratio = () => {
      const mq = win.matchMedia && win.matchMedia(`(resolution: ${win.devicePixelRatio || 1}dppx)`);
      if (mq) mq.addEventListener('change', () => { each((c) => c.resized()); ratio(); }, { once: true, signal });
    };
    ratio();
    // A tap outside a chart hides its tooltip; composedPath() sees into open shadow roots,
    // where e.target is only the host.
    on(doc, 'pointerdown', (e) => {
      const path = e.composedPath();
      each((c) => { if (!path.includes(c.ui.figure)) c.overlay.hide(); });
    });
    // WCAG 1.4.13: Escape dismisses a hover tooltip wherever the focus is.
    on(doc, 'keydown', (e) => { if (e.key === 'Escape') each((c) => c.overlay.dismiss()); });
    // Rust lays text out by generous estimates, not by measuring a font, so no layout waits
    // for fonts; but a canvas keeps what it drew in a fallback face. When a web font of the
    // page arrives (its own Roboto or Noto Sans, say, which our font stack names), every
    // chart draws again in it.
    if (doc.fonts && typeof doc.fonts.addEventListener === 'function') on(doc.fonts, 'loadingdone', () => each((c) => c.redraw()));
    on(win, 'beforeprint', () => each((c) => c.print(true)));
    on(win, 'afterprint', () => each((c) => c.print(false)));
    // Only an ancestor's class, data-theme or style can change a chart's colours (our own
    // overlays restyle themselves on every hover; the rest of the page is not ours).
    this.mo = new MutationObserver((records) => {
      const targets = new Set(records.map((r) => r.target));
      each((c) => {
        for (let n = composedParent(c.ui.figure); n; n = composedParent(n)) {
          if (targets.has(n)) return c.rethemeSoon();
        }
      });
    });
    this.observe(doc.documentElement);
  }

  observe(root) {
    this.mo.observe(root, { subtree: true, attributes: true, attributeFilter: ['class', 'data-theme', 'style'] });
  }

  stop() {
    this.ac.abort();
    this.mo.disconnect();
    this.ac = this.mo = null;
    this.roots.clear();
    coordinators.delete(this.doc);
  }
}

// The shadow roots a node sits in, innermost first (none in the document itself).
export function shadowRoots(node) {
  const roots = [];
  for (let r = node.getRootNode(); r.host; r = r.host.getRootNode()) roots.push(r);
  return roots;
}
