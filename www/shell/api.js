// @ts-check
// The public API: create() and mountAll(). Checks the element and the options, builds the
// figure, waits for the wasm, makes the chart and mounts it; on any failure the figure
// shows the message and create() rejects with the same Error.
import { version } from 'trade-chart:build';
import { shellError, asError } from './errors.js';
import { composedParent, injectStyle, buildDom, showError } from './dom.js';
import { addSwatches } from './theme.js';
import { engine, checkOptions, openCore, jsonOf } from './wasm.js';
import { ChartView, charts } from './mount.js';
import { whenNear } from './lazy.js';
import { fetchText } from './fetch.js';
import { findPicture, watchPicture, idleOrReached, takeOver, handOver } from './picture.js';

export { version };

const seen = new WeakSet(); // elements mountAll has already handled

// The container's content width in whole CSS px (0 when hidden or collapsed).
function widthOf(el) {
  const cs = getComputedStyle(el);
  const pad = ['paddingLeft', 'paddingRight', 'borderLeftWidth', 'borderRightWidth']
    .reduce((sum, k) => sum + (parseFloat(cs[k]) || 0), 0);
  return Math.max(0, Math.floor(el.getBoundingClientRect().width - pad));
}

// The reader's language: the option, else the nearest [lang] (the element's own included,
// across shadow boundaries), else the document's. Only en/ko/zh go to Rust; anything else
// is English.
export function langFor(mod, element, opts) {
  let near = null;
  for (let n = element; n && !near; n = composedParent(n)) {
    if (n.nodeType === 1 && n.getAttribute('lang')) near = n;
  }
  const tag = String(opts.lang != null ? opts.lang : (near && near.getAttribute('lang')) || element.ownerDocument.documentElement.lang || '').trim();
  return mod.lang_tag(tag);
}

// Lets the page run what is waiting (input first, with scheduler.yield where there is one).
function nextTask(win) {
  const s = win.scheduler;
  if (s && typeof s.yield === 'function') return s.yield();
  return new Promise((resolve) => win.setTimeout(resolve, 0));
}

// `attr` (internal): the options came from attributes with this prefix ('data-' for
// [data-trade-chart], '' for <trade-chart>): an error about one names the attribute the
// editor wrote, not an option they never saw.
export async function create(element, options, attr) {
  if (!element || element.nodeType !== 1) throw shellError('not-an-element', 'trade-chart: create() needs a DOM element', TypeError);
  if (charts.has(element) || element.tradeChart) throw shellError('already-mounted', 'trade-chart: this element already has a chart; destroy() it first');
  let opts = options || {};
  // Its place is kept at once, at the height the chart will have (trade-chart.css: the
  // reservation of an element with data-tc-box="" and no figure yet).
  element.setAttribute('data-tc-box', '');
  injectStyle(element);
  const stale = element.querySelector(':scope > figure.tc:not([data-tc-picture])'); // left by an earlier failed create
  if (stale) stale.remove();
  // A published picture (picture.js): shown until the chart takes its place.
  const picture = findPicture(element);
  const seen = picture && watchPicture(element, picture);
  const ui = buildDom(element.ownerDocument);
  charts.set(element, null);
  let core = null;
  try {
    // With a picture the reader sees the chart already: its wasm loads now, wherever the
    // chart is (the takeover needs it), though the chart is made only as below.
    if (seen && opts.columns == null) engine.module().catch(() => { /* reported below */ });
    // Lazy: made when it nears the viewport (lazy.js); without a picture the wasm loads
    // with the first one (or at idle while one waits below).
    if (opts.loading === 'lazy') await whenNear(element);
    // With a picture: made at idle, or at once when the reader reaches it.
    if (seen && opts.loading === 'lazy') await idleOrReached(element.ownerDocument.defaultView || window, seen);
    // No data: the story's, fetched alongside the wasm.
    const story = opts.data == null && opts.columns == null ? engine.storyText() : null;
    // A chart of columns lives in the full module; a dataset chart in the core.
    const mod = opts.columns != null ? await engine.full('chart') : await engine.module();
    // A misspelt option is an error, not a silent default (Rust's one list of them).
    ui.figure.dataset.tcTheme = checkOptions(mod, opts);
    addSwatches(ui, mod.theme_keys());
    // Two tasks, so a tap or a key waits for neither: reading and checking the data, then
    // (once the page has had its turn) the layout and the first drawing. The figure goes
    // into the page only with its drawing: no blank frame in between.
    // The dataset as JSON text, once: the chart reads it, and the full module's copy of
    // the chart (the exports) reads the same text.
    const data = story ? await story : opts.columns == null ? jsonOf(opts.data) : opts.data;
    opts = data === opts.data ? opts : Object.assign({}, opts, { data });
    core = openCore(mod, ui.canvas, opts, langFor(mod, element, opts));
    await nextTask(element.ownerDocument.defaultView || window);
    // Measured before our figure is in the page: no layout of it is forced here. Zero
    // (hidden: display:none, a closed <details>, an inactive tab, not in the document yet)
    // draws nothing now; the ResizeObserver draws it when it gets a width.
    const width = widthOf(element);
    const handed = picture && picture.isConnected ? takeOver(picture, ui.figure, seen) : (element.appendChild(ui.figure), null);
    element.removeAttribute('data-tc-pending'); // lazy.js: the height stays reserved until now
    const view = new ChartView(element, ui, core, opts), api = view.mount(width);
    if (handed) handOver(view, handed);
    charts.set(element, api);
    element.tradeChart = api;
    return api;
  } catch (e) {
    const err = e instanceof WebAssembly.RuntimeError ? engine.trapped(e) : asError(e);
    if (attr != null) namedForAttribute(err, attr);
    if (core && !engine.broken) try { core.free(); } catch (_) { /* already unusable */ }
    else if (core) core.abandon();
    charts.delete(element);
    if (seen) seen.stop();
    // A published picture stays: it is the chart, without hover (the error is in the
    // rejection and the trade-chart:error event).
    if (picture && picture.isConnected && !ui.figure.isConnected) element.removeAttribute('data-tc-pending');
    else failed(element, ui, err);
    throw err;
  }
}

// A chart that could not be made: its figure in `element` with only the message.
export function failed(element, ui, err) {
  if (!ui.figure.isConnected) element.appendChild(ui.figure);
  element.removeAttribute('data-tc-pending'); // lazy.js: reserved until the figure is in
  ui.plot.hidden = ui.tabs.hidden = ui.legend.hidden = ui.tools.hidden = true;
  showError(ui, err);
}

// `options.view: …` → `data-view attribute: …` (and its `.path`), for options read from
// attributes.
function namedForAttribute(err, prefix) {
  const m = /^options\.(\w+)/.exec(err.path || '');
  if (!m) return;
  const name = prefix + m[1];
  try {
    err.message = err.message.replace(/^options\.\w+/, `${name} attribute`);
    err.path = name;
  } catch (_) { /* a frozen error keeps its words */ }
}

// Where the .wasm is served, for a host or bundler that puts it elsewhere (a CDN): called
// before the first chart (after, it resolves with the instance already loaded). Resolves
// once the instance is ready; rejects if it cannot load.
export async function init(wasmUrl) {
  if (wasmUrl != null && !engine.mod) engine.url = new URL(String(wasmUrl), document.baseURI).href;
  await engine.module();
}

// create()'s options from an element's attributes: `get(name)` reads one (data-view, or
// view on <trade-chart>); an empty or missing one is no option.
// `loading`: the element's own (data-loading), else `loading` ("lazy" for <trade-chart>).
export function attrOptions(get, loading = 'lazy') {
  const o = { loading: get('loading') || loading };
  for (const k of ['view', 'lang', 'theme']) { const v = get(k); if (v) o[k] = v; }
  const height = Number(get('height')) || undefined;
  if (height !== undefined) o.height = height;
  return o;
}

// trade-chart:ready (detail: the chart) or trade-chart:error (detail: the Error) on `el`.
export function fire(el, type, detail) {
  el.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

// Mount every [data-trade-chart] under root that is not mounted yet: the thin path onto
// the same create() as <trade-chart> (element.js).
// Eager when called (its promise is the charts); the standalone script's own call at load
// passes { loading: 'lazy' }.
export function mountAll(root, options) {
  root = root || document;
  const loading = (options && options.loading) || 'eager';
  const sel = '[data-trade-chart]';
  const found = [...(root.matches && root.matches(sel) ? [root] : []), ...root.querySelectorAll(sel)];
  return Promise.all(found.filter((el) => !seen.has(el) && !charts.has(el) && !el.tradeChart).map(async (el) => {
    seen.add(el);
    try {
      // Its data, as <trade-chart>'s: data-src (a dataset JSON URL, fetched), else a child
      // <script type="application/json">; neither: the embedded dataset.
      const opts = attrOptions((k) => el.dataset[k], loading);
      const script = el.querySelector(':scope > script[type="application/json"]');
      if (el.dataset.src) opts.data = await fetchText(el, el.dataset.src);
      else if (script) opts.data = script.textContent;
      const chart = await create(el, opts, 'data-');
      fire(el, 'trade-chart:ready', chart);
      return chart;
    } catch (err) {
      // Its data-src could not be fetched (create() shows its own errors): the same card.
      if (!el.querySelector(':scope > figure.tc')) { injectStyle(el); failed(el, buildDom(el.ownerDocument), err); }
      fire(el, 'trade-chart:error', err);
      return null;
    }
  })).then((list) => list.filter(Boolean));
}
