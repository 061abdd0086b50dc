// @ts-check
// The wasm facade (src/web.rs), in one place: loading the instance, the one trap that
// stops it for every chart, and `Core`, the one wrapper around a wasm `Chart` that the
// rest of the shell calls. What the facade returns is given to the shell in one shape.
// `loadWasm(url)` resolves with the wasm-bindgen module (its .wasm fetched from `url`, or
// the build's own when undefined); `resetWasm()` makes the next load start a fresh
// instance (both from the build's module 'trade-chart:host': www/entries/). Two builds of the reader's crate: the
// reader's core (`loadWasm`: a dataset chart's first frame, hover, keys, views, legend,
// table, claims) and the full module (`loadFull(url)`, `resetFull()`: the core plus the
// CSV/SVG/PNG exports and columns charts), loaded on first use. Without `loadFull` (the
// tests' mock) the one module does everything.
import { loadWasm, resetWasm, loadFull, resetFull, loadStory } from 'trade-chart:host';
import { shellError, asError } from './errors.js';

// The wasm instance is shared by every chart on the page, and the wasm build aborts on a
// panic: a trap (WebAssembly.RuntimeError) leaves it unusable for all of them.
export const engine = {
  broken: null, // the Error of the trap that stopped the instance
  charts: new Set(), // the live ChartViews on the instance, told when it stops

  mod: null, // the loaded module, for the synchronous asks (options, language, theme keys)
  url: undefined, // init(url): where the .wasm is served (a CDN); default the build's own

  // After a trap: forget both instances; the next loads start fresh ones.
  renew() {
    this.broken = null;
    this.mod = null;
    this.fullLoad = null;
    if (typeof resetWasm === 'function') resetWasm();
    if (typeof resetFull === 'function') resetFull();
  },

  // The module, loaded once; after a trap, a fresh instance.
  async module() {
    for (;;) {
      if (this.broken) this.renew();
      const mod = await loadWasm(this.url);
      if (!this.broken) return (this.mod = mod); // else a chart trapped while this one loaded
    }
  },

  // The full module: loaded the first time a reader asks for an export (or a page makes a
  // chart of columns), once; its .wasm from next to the core's (`url`: the core's URL, from
  // which the build's loadFull derives it). A failure to load it is `full-failed`: that
  // call's error, shown in the widget, and the next call tries again; the chart keeps
  // working. A trap in either instance stops both (the same one trap as above).
  // `what` names it for the reader: the downloads, or a chart (of columns).
  fullLoad: null,
  async full(what = 'downloads') {
    if (typeof loadFull !== 'function') return this.module();
    for (;;) {
      if (this.broken) this.renew();
      if (!this.fullLoad) {
        const p = this.fullLoad = Promise.resolve().then(() => loadFull(this.url));
        p.catch(() => { if (this.fullLoad === p) this.fullLoad = null; });
      }
      let mod;
      try {
        mod = await this.fullLoad;
      } catch (e) {
        throw shellError('full-failed', `trade-chart: the ${what} could not be loaded (${(e && e.message) || e}); try again`);
      }
      if (!this.broken) {
        if (!this.mod) this.mod = mod; // a page of columns charts only: the same asks answer there
        return mod;
      }
    }
  },

  // The story's dataset (data/kp-cn.json), for a chart given no data: the wasm carries no
  // dataset of its own, so only pages that show this one download it. Asked for once, when
  // the first such chart is made (with the wasm, not after it); a failure is that chart's
  // error and the next one asks again.
  story: null,
  storyText() {
    if (typeof loadStory !== 'function') return Promise.resolve(undefined); // the tests' mock wasm
    if (!this.story) {
      this.story = Promise.resolve().then(loadStory).then((text) => {
        if (typeof text !== 'string') throw shellError('fetch-failed', 'trade-chart: the default dataset could not be loaded');
        return text;
      });
      this.story.catch(() => { this.story = null; });
    }
    return this.story;
  },

  // A trap: every live chart shows the error and refuses further calls.
  trapped(e) {
    const err = asError(e);
    this.broken = err;
    for (const chart of [...this.charts]) chart.stop(err);
    return err;
  },
};

// V8 compiles a wasm function the first time it is called, on the main thread, so a
// page's first chart pays for compiling the reader's hot code (read, check, lay out, draw,
// hover: about 500 functions, 25–40 ms here). While a lazy chart waits below the fold (its
// IntersectionObserver said so: lazy.js) that is done at idle time instead, in three steps
// of their own, on the embedded dataset and a canvas that is never shown: the chart's own
// first create then costs what a second one does. A chart made at once is not held up by
// it. Once per page; a failure here is only a missed head start.
// A small dataset of the schema (two series, two years, bars): what the warm-up reads and
// draws, so no page downloads the story's data only to warm up.
const WARM_DATA = JSON.stringify({
  schema: 1, id: 'warm', title: 'Warm-up', unit: { currency: 'USD', scale: 1e6 },
  partners: [{ code: 'AA', name: 'A' }, { code: 'BB', name: 'B' }],
  bases: [{ id: 'c', label: 'Customs' }],
  sources: [{ id: 's', publisher: 'P', title: 'T', url: 'https://example.org/' }],
  series: /** @type {[string, string, number[]][]} */ ([['x', 'AA>BB', [1.5, 2]], ['m', 'BB>AA', [3, 0.25]]]).map(([id, direction, v]) => ({
    id, label: id, direction, basis: 'c',
    observations: v.map((value, i) => ({ period: String(2019 + i), value, sources: ['s'] })),
  })),
  views: [{ id: 'v', label: 'V', title: 'V', kind: 'bars', series: ['x', 'm'] }],
});

export const warmup = {
  started: false,
  start(win) {
    if (this.started) return;
    this.started = true;
    this.run(win).catch(() => {});
  },
  async run(win) {
    const idle = () => new Promise((resolve) => (typeof win.requestIdleCallback === 'function'
      ? win.requestIdleCallback(resolve, { timeout: 3000 }) : win.setTimeout(resolve, 100)));
    await idle();
    const mod = await engine.module();
    /** @type {import('./types').WasmChart | null} */
    let chart = null;
    const steps = [
      () => { chart = new mod.Chart(win.document.createElement('canvas'), WARM_DATA, '{}'); },
      () => { chart.set_theme({ bg: 'rgb(255, 255, 255)', fg: 'rgb(28, 28, 30)' }); chart.resize(360, chart.preferred_height(360), 1); },
      () => { chart.meta(); chart.items(); chart.hover(180, 200); chart.describe(0); chart.navigate(-1, 'ArrowRight'); },
    ];
    try {
      for (const step of steps) {
        await idle();
        if (engine.mod !== mod || engine.broken) return; // the instance stopped meanwhile
        step();
      }
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) engine.trapped(e);
    } finally {
      if (chart && engine.mod === mod && !engine.broken) chart.free();
    }
  },
};

// Rust checks the options (one whitelist, src/options.rs) and returns the theme they ask
// for ("auto" when none). JSON text of every option; the data and the columns only say
// they are there.
export function checkOptions(mod, opts) {
  const o = Object.assign({}, opts);
  if (o.data != null) o.data = true;
  if (o.columns != null) o.columns = true;
  return mod.check_options(JSON.stringify(o));
}

// A new wasm Chart for `opts` (already checked) on `canvas`, in language `lang`.
export function openCore(mod, canvas, opts, lang) {
  if (opts.columns != null) {
    // Large numeric series (typed arrays): a line chart, decimated in Rust.
    const c = opts.columns, list = Array.isArray(c.series) ? c.series : [];
    return new Core(mod.Chart.from_columns(canvas, String(opts.title == null ? '' : opts.title), c.x,
      list.map((s, i) => String(s.id == null ? i : s.id)), list.map((s, i) => String(s.label == null ? (s.id == null ? i : s.id) : s.label)),
      list.map((s) => s.values), lang || undefined, c.format == null ? undefined : String(c.format)));
  }
  const o = {};
  if (opts.view != null) o.view = String(opts.view);
  if (lang) o.lang = lang;
  return new Core(new mod.Chart(canvas, jsonOf(opts.data), JSON.stringify(o)));
}

// A dataset as JSON text for Rust (one parse there, no field-by-field crossing). NaN and
// ±Infinity would become null (a gap) in JSON: they go as strings, which fail validation
// by name. A string is taken as JSON text already.
export function jsonOf(data) {
  if (data == null) return undefined; // none: Rust says data is missing
  if (typeof data === 'string') return data;
  let json;
  try {
    json = JSON.stringify(data, (k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
  } catch (e) {
    throw shellError('bad-data', `data: cannot be read as JSON (${e.message})`);
  }
  if (json === undefined) throw shellError('bad-data', `data: expected an object in the trade-chart dataset schema, found ${typeof data}`);
  return json;
}

// One wasm Chart. meta() says what it can do (`kind`, `can`).
export class Core {
  constructor(chart) { this.chart = chart; }

  meta() { return this.chart.meta(); }
  preferredHeight(w) { return this.chart.preferred_height(w); }
  resize(w, h, dpr) { this.chart.resize(w, h, dpr); }
  render() { this.chart.render(); }
  setView(id) { return this.chart.set_view(String(id)); }
  toggleSeries(id) { return this.chart.toggle_series(String(id)); }
  setData(data) { return this.chart.set_data(jsonOf(data)); }
  setLang(tag) { return this.chart.set_lang(String(tag)); }
  // The resolved --tc-* colours; returns the base Rust draws with, "light" or "dark".
  setTheme(colors) { return this.chart.set_theme(colors); }
  hover(x, y) { return this.chart.hover(x, y); }
  describe(i) { return this.chart.describe(i); }
  navigate(from, key) { return this.chart.navigate(from, key); }
  items() { return this.chart.items(); }
  // What the reader changed (view, hidden series, language) as JSON text, for the full
  // module's copy of the chart; undefined for columns.
  state() { return this.chart.state(); }
  restore(state) { this.chart.restore(state); }
  table() { return this.chart.table(); }
  claims() { return this.chart.claims(); }
  csv() { return this.chart.csv(); }
  svg(w) { return this.chart.svg(w); }
  renderExport(canvas, w, dpr) { return this.chart.render_export(canvas, w, dpr); }
  free() { this.chart.free(); }
  // After a trap: forget the wasm object without calling into any instance. Its pointer
  // and finalizer belong to the dead instance; freed in a fresh one they would corrupt it.
  abandon() {
    const c = this.chart;
    if (c && typeof c.__destroy_into_raw === 'function') c.__destroy_into_raw();
    this.chart = null;
  }
}
