// @ts-check
// One mounted chart: its state, the wiring of its own nodes, and the public object
// create() returns. The page-wide listeners live in the document's Coordinator; the wasm
// behind `Core` (wasm.js).
import { loadFull } from 'trade-chart:host';
import { shellError, asError } from './errors.js';
import { setText, setAttr, setHidden, injectStyle, showError } from './dom.js';
import { themeOption, readColors } from './theme.js';
import { Overlay } from './overlay.js';
import { Panels } from './panels.js';
import { Downloads } from './downloads.js';
import { Coordinator, shadowRoots } from './coordinator.js';
import { engine, jsonOf, Core } from './wasm.js';

const ANNOUNCE_DELAY = 250; // ms: a screen reader hears where the arrow keys stopped, not every step

export class ChartView {
  constructor(element, ui, core, opts) {
    this.element = element;
    this.ui = ui;
    this.core = core;
    this.opts = opts;
    this.doc = element.ownerDocument;
    this.win = this.doc.defaultView || window;
    this.overlay = new Overlay(ui);
    this.panels = new Panels(ui);
    this.downloads = new Downloads(this);
    this.coordinator = null; // set while mounted
    this.roots = []; // the shadow roots the figure is in (the coordinator observes them)
    this.ac = new AbortController(); // the listeners on the chart's own nodes
    this.meta = null;
    this.dead = false; // the wasm instance trapped
    this.gone = false; // destroyed
    this.size = [0, 0, 0]; // css width, css height, devicePixelRatio
    this.focus = -1; // the keyboard's item, -1 before the first arrow
    this.printing = false;
    this.themeKey = ''; // the colours last given to Rust
    this.frame = 0; // a pending resize frame
    this.themeFrame = 0; // a pending theme check
    this.liveTimer = 0;
    this.timers = new Set();
    this.api = null;
    this.dataText = opts.columns == null && typeof opts.data === 'string' ? opts.data : undefined; // the dataset's JSON text
    this.copy = null; // { mod, core }: this chart in the full module, for the exports
  }

  // Every wasm call goes through here: one place for errors and for a dead instance.
  call(fn) {
    if (this.gone) throw shellError('destroyed', 'trade-chart: this chart was destroyed');
    if (this.dead) throw shellError('stopped', 'trade-chart: this chart stopped after an internal error; create a new one');
    try { return fn(); } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) throw engine.trapped(e); // every chart shows it
      const err = asError(e);
      showError(this.ui, err);
      throw err;
    }
  }
  quiet(fn) { try { return fn(); } catch (_) { /* already shown in the widget */ } }
  later(fn, ms) {
    const t = setTimeout(() => { this.timers.delete(t); fn(); }, ms);
    this.timers.add(t);
    return t;
  }
  get live() { return !this.dead && !this.gone; }

  // ---- size ----
  heightFor(w) { return this.opts.height > 0 ? Math.round(this.opts.height) : Math.round(this.core.preferredHeight(w)); }
  sizerWidth() { return Math.floor(this.ui.sizer.getBoundingClientRect().width); }
  layout(w = this.sizerWidth()) {
    if (w === 0) return false; // hidden for now: keep the last drawing
    const hgt = this.heightFor(w), dpr = this.win.devicePixelRatio || 1;
    const ratio = this.printing ? Math.max(2, dpr) : dpr;
    if (w === this.size[0] && hgt === this.size[1] && ratio === this.size[2]) return false;
    Object.assign(this.ui.canvas.style, { width: w + 'px', height: hgt + 'px' });
    this.core.resize(w, hgt, ratio);
    this.size = [w, hgt, ratio];
    return true;
  }
  // Width follows the container. A change of width alone is drawn at once, in the frame
  // that reports it; one that also changes the chart's height (so the page may grow a
  // scrollbar and narrow again) waits for the next frame, as a resize loop would
  // otherwise end in "ResizeObserver loop completed with undelivered notifications".
  observed(w) {
    if (!this.live || w === 0 || w === this.size[0]) return;
    this.rehome();
    if (this.frame) { cancelAnimationFrame(this.frame); this.frame = 0; }
    if (this.quiet(() => this.call(() => this.heightFor(w))) === this.size[1]) return this.resized(w);
    this.frame = requestAnimationFrame(() => { this.frame = 0; if (this.live) this.resized(); });
  }
  redraw() { this.quiet(() => this.call(() => this.core.render())); }
  resized(w) {
    this.quiet(() => this.call(() => {
      if (!this.layout(w)) return;
      this.overlay.hide();
      if (this.focus >= 0 && this.ui.canvas.matches(':focus')) this.show(this.core.describe(this.focus)); // keep the keyboard's place
    }));
  }

  // The figure now sits in another root (made detached and shown later, or its
  // <trade-chart> moved): the stylesheet into that root, the coordinator watching the
  // right shadow roots, the colours of the new place.
  rehome() {
    if (!this.live || !this.coordinator || !this.ui.figure.isConnected) return;
    injectStyle(this.ui.figure);
    if (!this.themeKey) this.quiet(() => this.call(() => this.retheme())); // before its first drawing here
    const roots = shadowRoots(this.ui.figure);
    if (roots.length === this.roots.length && roots.every((r, i) => r === this.roots[i])) return;
    this.coordinator.remove(this);
    this.coordinator = Coordinator.of(this.doc);
    this.coordinator.add(this);
    this.rethemeSoon();
  }

  // ---- theme ----
  retheme() {
    const colors = readColors(this.ui), key = JSON.stringify(colors);
    if (key === this.themeKey) return false;
    const base = this.core.setTheme(colors); // may throw (a colour Rust cannot read): then try again next time
    // Read out of the page (made on a detached element), the colours are no styles at all:
    // read again when the figure is in the page (rehome).
    this.themeKey = this.ui.figure.isConnected ? key : '';
    this.ui.figure.dataset.tcBase = base;
    return true;
  }
  rethemeNow() { this.quiet(() => this.call(() => { if (this.retheme()) { this.refresh(); this.overlay.hide(); } })); }
  rethemeSoon() { // many changes in one frame make one check
    if (this.themeFrame || !this.live) return;
    this.themeFrame = requestAnimationFrame(() => { this.themeFrame = 0; if (this.live) this.rethemeNow(); });
  }
  // Print: light colours and a 2× backing store, back to normal afterwards.
  print(on) {
    if (!this.live || (!on && !this.printing)) return;
    this.printing = on;
    if (on) this.ui.figure.dataset.tcPrint = ''; else delete this.ui.figure.dataset.tcPrint;
    this.quiet(() => this.call(() => { this.retheme(); this.size = [0, 0, 0]; this.layout(); this.refresh(); this.overlay.hide(); }));
  }

  // ---- the figure's contents ----
  // Tabs, legend, text, table and claims from meta(): after every structural change.
  refresh() {
    const meta = this.meta = this.core.meta();
    this.panels.meta(meta, meta.can);
    this.panels.table(() => this.core.table());
    this.panels.claims(() => this.core.claims(), meta.ui || {});
    if (!this.dead) {
      setAttr(this.ui.figure, 'data-state', 'ready');
      setHidden(this.ui.error, true);
      setText(this.ui.error, '');
    }
  }
  // A structural change: the wasm call, then size and DOM follow; keyboard focus restarts.
  change(fn) {
    return this.call(() => {
      const r = fn();
      this.layout(); this.refresh(); this.overlay.hide();
      this.focus = -1;
      return r;
    });
  }
  show(hv) { this.overlay.show(hv, this.meta.legend, this.size); }
  hoverAt(x, y) { this.quiet(() => this.show(this.call(() => this.core.hover(x, y)))); }
  // Keyboard focus on item i: highlight, tooltip, and (debounced) the live region.
  focusItem(i) {
    this.focus = i;
    const hv = this.call(() => this.core.describe(i));
    this.show(hv);
    clearTimeout(this.liveTimer);
    this.timers.delete(this.liveTimer);
    const say = (hv && hv.announce) || '';
    this.liveTimer = this.later(() => { this.ui.live.textContent = say; }, ANNOUNCE_DELAY);
  }

  // ---- exports (Downloads calls these) ----
  // CSV, SVG and PNG are the full module's: on the first export it is loaded and
  // a copy of this chart made there from the same JSON text, then given this chart's state
  // (view, hidden series, language) and colours before every export, so the file shows
  // what the reader sees. The live chart stays where it is: nothing is drawn again. A chart
  // of columns is in the full module already.
  async exporter() {
    if (typeof loadFull !== 'function' || this.dataText == null) return this.core;
    if (this.call(() => this.core.state()) == null) return this.core;
    let mod;
    try {
      mod = await engine.full();
    } catch (e) {
      const err = asError(e);
      if (this.live) showError(this.ui, err);
      throw err;
    }
    if (mod === engine.mod) return this.core; // one module for everything (the standalone script)
    return this.call(() => {
      if (!this.copy || this.copy.mod !== mod) {
        this.dropCopy();
        this.copy = { mod, core: new Core(new mod.Chart(this.doc.createElement('canvas'), this.dataText, '{}')) };
      }
      const copy = this.copy.core;
      copy.restore(this.core.state());
      copy.setTheme(readColors(this.ui));
      return copy;
    });
  }
  // The copy goes with new data, a trap or the chart.
  dropCopy(abandon) {
    const copy = this.copy;
    this.copy = null;
    if (!copy) return;
    if (abandon || engine.broken) copy.core.abandon();
    else try { copy.core.free(); } catch (_) { /* an unusable instance may not free cleanly */ }
  }
  exportWidth() { return this.size[0] || this.sizerWidth() || 640; }
  async csv() { const c = await this.exporter(); return this.call(() => c.csv()); }
  async svg() { const c = await this.exporter(); return this.call(() => c.svg(this.exportWidth())); }
  async renderExport(canvas) { const c = await this.exporter(); return this.call(() => c.renderExport(canvas, this.exportWidth(), 2)); }

  // ---- lifecycle ----
  // The first drawing (errors here reject create() before any listener exists), then the
  // listeners, the coordinator and the ResizeObserver.
  mount(width) {
    this.call(() => this.retheme()); // colours first, so the first drawing is in the page's theme
    this.layout(width);
    this.refresh();
    this.wire();
    this.api = publicApi(this);
    this.coordinator = Coordinator.of(this.doc);
    this.coordinator.add(this);
    engine.charts.add(this);
    this.ro = new ResizeObserver((entries) => this.observed(Math.floor(entries[entries.length - 1].contentRect.width)));
    this.ro.observe(this.ui.sizer);
    return this.api;
  }

  // The listeners on the chart's own nodes.
  wire() {
    const { ui } = this, on = (target, type, fn) => target.addEventListener(type, fn, { signal: this.ac.signal });
    const onPointer = (e) => { // CSS px relative to the canvas
      const r = ui.canvas.getBoundingClientRect();
      if (!this.dead) this.hoverAt(e.clientX - r.left, e.clientY - r.top);
    };
    on(ui.plot, 'pointermove', onPointer);
    on(ui.plot, 'pointerdown', onPointer); // a touch tap
    on(ui.plot, 'pointerleave', (e) => { if (e.pointerType !== 'touch') this.overlay.hide(); }); // a tap's tooltip stays
    on(ui.canvas, 'blur', () => this.overlay.hide());
    on(ui.canvas, 'keydown', (e) => {
      if (e.key === 'Escape') { // WCAG 1.4.13: dismiss the tooltip, keep the focus where it is
        if (this.overlay.dismiss()) e.preventDefault();
        return;
      }
      if (this.dead || e.altKey || e.ctrlKey || e.metaKey || !(this.meta && this.meta.can.navigate)) return;
      const next = this.quiet(() => this.call(() => this.core.navigate(this.focus, e.key)));
      if (next == null || next < 0) return;
      e.preventDefault();
      this.quiet(() => this.focusItem(next));
    });
    on(ui.tabs, 'click', (e) => {
      const b = e.target.closest('button[data-view]');
      if (b) this.quiet(() => this.api.setView(b.dataset.view));
    });
    on(ui.tabs, 'keydown', (e) => { // ARIA tabs: arrows, Home and End move the selection
      const tabs = [...ui.tabs.children], i = tabs.indexOf(e.target), n = tabs.length;
      const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: n - 1 }[e.key];
      if (to == null || i < 0) return;
      e.preventDefault();
      this.quiet(() => this.api.setView(tabs[(to + n) % n].dataset.view));
      ui.tabs.querySelector('[aria-selected=true]')?.focus();
    });
    on(ui.legend, 'click', (e) => {
      const b = e.target.closest('button[data-series]');
      if (b) this.quiet(() => this.api.toggleSeries(b.dataset.series));
    });
    on(ui.dataButton, 'click', () => this.quiet(() => this.api.showData(!this.panels.tableOpen)));
    on(ui.claimsButton, 'click', () => this.quiet(() => this.api.showClaims(!this.panels.claimsOpen)));
    // The full module (the exports) starts loading when the pointer or the focus reaches
    // the download buttons, a moment before a click.
    const early = () => { if (this.live && typeof loadFull === 'function') engine.full().catch(() => { /* the click reports it */ }); };
    on(ui.download, 'pointerenter', early);
    on(ui.download, 'focusin', early);
    on(ui.download, 'click', (e) => {
      const b = e.target.closest('button[data-format]');
      if (b) this.downloads[b.dataset.format]().catch(() => { /* shown in the widget */ });
    });
  }

  // The instance trapped (this chart's call or another's): show it, refuse further calls.
  stop(err) {
    if (this.dead || this.gone) return;
    this.dead = true;
    this.core.abandon();
    this.dropCopy(true);
    this.cancelFrames();
    this.overlay.hide();
    showError(this.ui, err);
  }

  cancelFrames() {
    if (this.frame) cancelAnimationFrame(this.frame);
    if (this.themeFrame) cancelAnimationFrame(this.themeFrame);
    this.frame = this.themeFrame = 0;
  }

  destroy() {
    if (this.gone) return false;
    this.gone = true;
    this.ac.abort();
    if (this.ro) this.ro.disconnect();
    if (this.coordinator) this.coordinator.remove(this);
    engine.charts.delete(this);
    this.cancelFrames();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.downloads.revokeAll();
    this.dropCopy(this.dead);
    this.ui.figure.remove();
    if (!this.dead) try { this.core.free(); } catch (_) { /* an unusable instance may not free cleanly */ }
    return true;
  }
}

// What create() returns: the chart's public methods and getters (pkg/index.d.ts, checked
// by tests/e2e/types.test.mjs to declare exactly these).
export const viewOf = new WeakMap(); // public object -> its ChartView (for <trade-chart>)
export const charts = new WeakMap(); // element -> its chart's public object (null while create is pending; api.js)
export function publicApi(view) {
  const api = {
    setView: (id) => view.change(() => view.core.setView(id)),
    toggleSeries: (id) => view.change(() => view.core.toggleSeries(id)),
    setData: (data) => view.change(() => {
      const text = jsonOf(data);
      view.core.setData(text);
      view.dataText = text;
      view.dropCopy();
    }),
    setLang: (tag) => view.change(() => view.core.setLang(tag)),
    setTheme(theme) {
      if (view.gone) throw shellError('destroyed', 'trade-chart: this chart was destroyed');
      const t = view.call(() => themeOption(engine.mod, theme));
      view.ui.figure.dataset.tcTheme = t;
      view.rethemeNow();
    },
    showData(open = true) { view.panels.tableOpen = !!open; view.call(() => view.refresh()); },
    showClaims(open = true) { view.panels.claimsOpen = !!open; view.call(() => view.refresh()); },
    downloadCsv: () => view.downloads.csv(),
    downloadPng: () => view.downloads.png(),
    downloadSvg: () => view.downloads.svg(),
    get view() { return view.meta && view.meta.view; },
    get views() { return view.meta ? view.meta.views.map((v) => ({ id: v.id, label: v.label })) : []; },
    get lang() { return view.meta && view.meta.lang; },
    get theme() { return view.ui.figure.dataset.tcTheme; },
    items: () => view.call(() => view.core.items()),
    table: () => view.call(() => view.core.table()),
    claims: () => view.call(() => view.core.claims()),
    destroy() {
      if (!view.destroy()) return;
      const el = view.element;
      el.setAttribute('data-tc-box', 'off'); // no place kept for a chart that is gone
      if (charts.get(el) === api) charts.delete(el);
      if (el.tradeChart === api) delete el.tradeChart;
    },
  };
  viewOf.set(api, view);
  return api;
}
