// The wasm facade (src/web.rs), in one place: loading the instance, the one trap that
// stops it for every chart, and `Core`, the one wrapper around a wasm `Chart` that the
// rest of the shell calls. What the facade returns is given to the shell in one shape.
// `loadWasm(url)` resolves with the wasm-bindgen module (its .wasm fetched from `url`, or
// the build's own when undefined); `resetWasm()` makes the next load start a fresh
// instance (both are tradeChartApi's parameters).

// The wasm instance is shared by every chart on the page, and the wasm build aborts on a
// panic: a trap (WebAssembly.RuntimeError) leaves it unusable for all of them.
const engine = {
  broken: null, // the Error of the trap that stopped the instance
  charts: new Set(), // the live ChartViews on the instance, told when it stops

  mod: null, // the loaded module, for the synchronous asks (options, language, theme keys)
  url: undefined, // init(url): where the .wasm is served (a CDN); default the build's own

  // The module, loaded once; after a trap, a fresh instance.
  async module() {
    for (;;) {
      if (this.broken) {
        this.broken = null;
        this.mod = null;
        if (typeof resetWasm === 'function') resetWasm();
      }
      const mod = await loadWasm(this.url);
      if (!this.broken) return (this.mod = mod); // else a chart trapped while this one loaded
    }
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
const warmup = {
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
    let chart = null;
    const steps = [
      () => { chart = new mod.Chart(win.document.createElement('canvas'), undefined, '{}'); },
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
function checkOptions(mod, opts) {
  const o = Object.assign({}, opts);
  if (o.data != null) o.data = true;
  if (o.columns != null) o.columns = true;
  return mod.check_options(JSON.stringify(o));
}

// A new wasm Chart for `opts` (already checked) on `canvas`, in language `lang`.
function openCore(mod, canvas, opts, lang) {
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
function jsonOf(data) {
  if (data == null) return undefined; // the embedded default
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
class Core {
  constructor(chart) { this.chart = chart; }

  meta() { return this.chart.meta(); }
  preferredHeight(w) { return this.chart.preferred_height(w); }
  resize(w, h, dpr) { this.chart.resize(w, h, dpr); }
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
