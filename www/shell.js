// The thin JS shell around the wasm `Chart` (docs/ARCHITECTURE.md): it builds the DOM,
// forwards events, positions the hover overlay and tears everything down. Rust does the
// rest. Plain script, no import/export: scripts/package.mjs wraps it twice (ESM and a
// standalone IIFE) and defines TRADE_CHART_VERSION and TRADE_CHART_CSS before it.
function tradeChartApi(wasm, ready) {
  'use strict';
  const version = typeof TRADE_CHART_VERSION === 'string' ? TRADE_CHART_VERSION : 'dev';
  const charts = new WeakMap(); // element -> its chart (null while create is pending)
  const seen = new WeakSet(); // elements mountAll has already handled

  function h(doc, tag, cls, attrs) {
    const e = doc.createElement(tag);
    if (cls) e.className = cls;
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  }

  // Anything wasm throws (a JsValue, a string, a trap) becomes an Error with its message.
  function asError(e) {
    if (e instanceof WebAssembly.RuntimeError) return new Error('trade-chart stopped after an internal error: ' + e.message, { cause: e });
    if (e instanceof Error) return e;
    return new Error(typeof e === 'string' ? e : String((e && e.message) || e));
  }

  function injectStyle(doc) {
    if (typeof TRADE_CHART_CSS !== 'string' || doc.getElementById('trade-chart-style')) return;
    const style = h(doc, 'style', '', { id: 'trade-chart-style' });
    style.textContent = TRADE_CHART_CSS;
    (doc.head || doc.documentElement).prepend(style); // first, so host styles win
  }

  // The container's content width in whole CSS px (0 when hidden or collapsed).
  function widthOf(el) {
    const cs = getComputedStyle(el);
    const pad = ['paddingLeft', 'paddingRight', 'borderLeftWidth', 'borderRightWidth']
      .reduce((sum, k) => sum + (parseFloat(cs[k]) || 0), 0);
    return Math.max(0, Math.floor(el.getBoundingClientRect().width - pad));
  }

  function buildDom(doc) {
    const ui = { figure: h(doc, 'figure', 'tc', { 'data-state': 'ready' }) };
    const head = h(doc, 'figcaption', 'tc-head');
    ui.title = head.appendChild(h(doc, 'p', 'tc-title'));
    ui.subtitle = head.appendChild(h(doc, 'p', 'tc-subtitle'));
    ui.tabs = h(doc, 'div', 'tc-tabs', { role: 'tablist' });
    ui.legend = h(doc, 'div', 'tc-legend');
    ui.plot = h(doc, 'div', 'tc-plot');
    ui.canvas = ui.plot.appendChild(h(doc, 'canvas', '', { role: 'img', tabindex: '0' }));
    ui.highlight = ui.plot.appendChild(h(doc, 'div', 'tc-highlight', { hidden: '' }));
    ui.tooltip = ui.plot.appendChild(h(doc, 'div', 'tc-tooltip', { hidden: '' }));
    ui.error = h(doc, 'p', 'tc-error', { role: 'alert', hidden: '' });
    const foot = h(doc, 'footer', 'tc-foot');
    ui.notes = foot.appendChild(h(doc, 'p', 'tc-notes'));
    ui.source = foot.appendChild(h(doc, 'p', 'tc-source'));
    ui.figure.append(head, ui.tabs, ui.legend, ui.plot, ui.error, foot);
    return ui;
  }

  function showError(ui, err) {
    ui.figure.dataset.state = 'error';
    ui.error.textContent = err.message;
    ui.error.hidden = false;
  }

  async function create(element, options) {
    if (!element || element.nodeType !== 1) throw new TypeError('trade-chart: create() needs a DOM element');
    if (charts.has(element) || element.tradeChart) throw new Error('trade-chart: this element already has a chart; destroy() it first');
    const opts = options || {};
    const doc = element.ownerDocument;
    injectStyle(doc);
    const stale = element.querySelector(':scope > figure.tc'); // left by an earlier failed create
    if (stale) stale.remove();
    const ui = buildDom(doc);
    element.appendChild(ui.figure);
    charts.set(element, null);
    let chart = null;
    try {
      await ready();
      if (widthOf(element) === 0) throw new Error('trade-chart: the container has zero width (is it hidden?); give it a width first');
      const o = {};
      for (const k of ['view', 'lang']) if (opts[k] != null) o[k] = String(opts[k]);
      chart = new wasm.Chart(ui.canvas, opts.data == null ? undefined : opts.data, o);
      const api = mount(element, ui, chart, opts);
      charts.set(element, api);
      element.tradeChart = api;
      return api;
    } catch (e) {
      const err = asError(e);
      if (chart) try { chart.free(); } catch (_) { /* already unusable */ }
      charts.delete(element);
      ui.plot.hidden = ui.tabs.hidden = ui.legend.hidden = true;
      showError(ui, err);
      throw err;
    }
  }

  function mount(element, ui, chart, opts) {
    const doc = element.ownerDocument;
    const ac = new AbortController();
    const on = (target, type, fn) => target.addEventListener(type, fn, { signal: ac.signal });
    let meta = null, dead = false, gone = false, frame = 0, shown = '', focus = -1;
    let size = [0, 0, 0]; // css width, css height, devicePixelRatio

    // Every wasm call goes through here: one place for errors and for dead instances.
    function call(fn) {
      if (gone) throw new Error('trade-chart: this chart was destroyed');
      if (dead) throw new Error('trade-chart: this chart stopped after an internal error; create a new one');
      try { return fn(); } catch (e) {
        if (e instanceof WebAssembly.RuntimeError) { dead = true; hide(); }
        const err = asError(e);
        showError(ui, err);
        throw err;
      }
    }
    const quiet = (fn) => { try { fn(); } catch (_) { /* already shown in the widget */ } };

    function layout() {
      const w = widthOf(element);
      if (w === 0) return false; // hidden for now: keep the last drawing
      const hgt = opts.height > 0 ? Math.round(opts.height) : Math.round(chart.preferred_height(w));
      const dpr = window.devicePixelRatio || 1;
      if (w === size[0] && hgt === size[1] && dpr === size[2]) return false;
      Object.assign(ui.canvas.style, { width: w + 'px', height: hgt + 'px' });
      chart.resize(w, hgt, dpr);
      size = [w, hgt, dpr];
      return true;
    }

    function buttons(box, list, make, fill) {
      const ids = list.map((x) => x.id).join('\n');
      if (box.dataset.ids !== ids) {
        box.dataset.ids = ids;
        box.replaceChildren(...list.map((x) => make(x.id)));
      }
      list.forEach((x, i) => fill(box.children[i], x));
    }

    function swatch(color) {
      const e = h(doc, 'span', 'tc-swatch', { 'aria-hidden': 'true' });
      e.style.background = color; // a property, not cssText: a colour string cannot add rules
      return e;
    }

    // Tabs, legend and text from meta(): after every structural change.
    function refresh() {
      meta = chart.meta();
      buttons(ui.tabs, meta.views, (id) => h(doc, 'button', '', { type: 'button', role: 'tab', 'data-view': id }), (b, v) => {
        const selected = v.id === meta.view;
        b.setAttribute('aria-selected', String(selected));
        b.tabIndex = selected ? 0 : -1;
        b.textContent = v.label;
      });
      buttons(ui.legend, meta.legend, (id) => h(doc, 'button', '', { type: 'button', 'data-series': id }), (b, s) => {
        b.setAttribute('aria-pressed', String(!!s.visible));
        b.replaceChildren(swatch(s.color), doc.createTextNode(s.label));
      });
      ui.title.textContent = meta.title || '';
      ui.subtitle.textContent = meta.subtitle || '';
      ui.notes.textContent = (meta.notes || []).join('\n');
      ui.source.textContent = meta.source_line || '';
      ui.canvas.setAttribute('aria-label', meta.summary || meta.title || '');
      if (!dead) { ui.figure.dataset.state = 'ready'; ui.error.hidden = true; ui.error.textContent = ''; }
    }

    // A structural change: the wasm call, then size and DOM follow.
    const change = (fn) => call(() => { const r = fn(); layout(); refresh(); hide(); return r; });

    function hide() { ui.highlight.hidden = ui.tooltip.hidden = true; shown = ''; }

    // Position the highlight box and the tooltip (kept inside the plot, flipped near the right edge).
    function show(hv) {
      if (!hv) return hide();
      const key = [hv.x, hv.y, hv.w, hv.h, hv.ax, hv.ay, hv.title, hv.series, hv.value].join('|');
      if (key === shown) return;
      shown = key;
      Object.assign(ui.highlight.style, { left: hv.x + 'px', top: hv.y + 'px', width: hv.w + 'px', height: hv.h + 'px' });
      const line = (cls, text) => { const p = h(doc, 'p', cls); p.textContent = text; return p; };
      const tip = ui.tooltip;
      const entry = meta.legend.find((s) => s.id === hv.series || s.label === hv.series);
      const series = line('tc-tt-series', (entry && entry.label) || hv.series || '');
      if (entry) series.prepend(swatch(entry.color));
      tip.replaceChildren(line('tc-tt-title', hv.title || ''), series, line('tc-tt-value', hv.value || ''),
        ...(hv.lines || []).map((t) => line('tc-tt-line', t)));
      if (hv.source) tip.append(line('tc-tt-source', hv.source));
      ui.highlight.hidden = tip.hidden = false;
      // Beside the anchor point, or beside the box when there is none.
      const [a0, a1] = hv.ax != null ? [hv.ax, hv.ax] : [hv.x, hv.x + hv.w], ay = hv.ay != null ? hv.ay : hv.y;
      const [W, H] = size, tw = tip.offsetWidth, th = tip.offsetHeight, gap = 12;
      const flip = a1 + gap + tw > W;
      const left = Math.max(0, Math.min(flip ? a0 - gap - tw : a1 + gap, W - tw));
      const top = Math.max(0, Math.min(ay - th / 2, H - th));
      tip.classList.toggle('tc-flip', flip);
      tip.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
    }

    layout(); // first drawing; errors here reject create() before any listener exists
    refresh();

    const hoverAt = (x, y) => quiet(() => show(call(() => chart.hover(x, y))));
    const onPointer = (e) => { // CSS px relative to the canvas
      const r = ui.canvas.getBoundingClientRect();
      if (!dead) hoverAt(e.clientX - r.left, e.clientY - r.top);
    };
    on(ui.plot, 'pointermove', onPointer);
    on(ui.plot, 'pointerdown', onPointer); // a touch tap
    on(ui.plot, 'pointerleave', (e) => { if (e.pointerType !== 'touch') hide(); }); // a tap's tooltip stays
    on(doc, 'pointerdown', (e) => { if (!ui.figure.contains(e.target)) hide(); });
    on(ui.canvas, 'blur', hide);
    on(ui.canvas, 'keydown', (e) => { // arrows walk the marks, Escape hides
      if (e.key === 'Escape') return hide();
      const dir = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
      if (!dir || dead) return;
      e.preventDefault();
      quiet(() => {
        const list = call(() => chart.items());
        if (!list.length) return;
        focus = focus < 0 ? (dir > 0 ? 0 : list.length - 1) : (focus + dir + list.length) % list.length;
        const it = list[focus];
        hoverAt(it.x + it.w / 2, it.y + it.h / 2);
      });
    });
    on(ui.tabs, 'click', (e) => {
      const b = e.target.closest('button[data-view]');
      if (b) quiet(() => api.setView(b.dataset.view));
    });
    on(ui.tabs, 'keydown', (e) => { // ARIA tabs: arrows move the selection
      const dir = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
      const tabs = [...ui.tabs.children], i = tabs.indexOf(e.target);
      if (!dir || i < 0) return;
      const next = tabs[(i + dir + tabs.length) % tabs.length];
      quiet(() => api.setView(next.dataset.view));
      ui.tabs.querySelector('[aria-selected=true]')?.focus();
    });
    on(ui.legend, 'click', (e) => {
      const b = e.target.closest('button[data-series]');
      if (b) quiet(() => api.toggleSeries(b.dataset.series));
    });

    // Width follows the container; many resize notifications make one layout per frame.
    const ro = new ResizeObserver(() => {
      if (frame || dead || gone) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        quiet(() => call(() => { if (layout()) { refresh(); hide(); } }));
      });
    });

    const api = {
      setView: (id) => change(() => chart.set_view(String(id))),
      toggleSeries: (id) => change(() => chart.toggle_series(String(id))),
      setData: (data) => change(() => chart.set_data(data)),
      get view() { return meta && meta.view; },
      get views() { return meta ? meta.views.map((v) => ({ id: v.id, label: v.label })) : []; },
      items: () => call(() => chart.items()),
      destroy() {
        if (gone) return;
        gone = true;
        ac.abort();
        ro.disconnect();
        if (frame) cancelAnimationFrame(frame);
        ui.figure.remove();
        if (charts.get(element) === api) charts.delete(element);
        if (element.tradeChart === api) delete element.tradeChart;
        try { chart.free(); } catch (_) { /* a dead instance may not free cleanly */ }
      },
    };

    ro.observe(element);
    return api;
  }

  // Mount every [data-trade-chart] under root that is not mounted yet.
  function mountAll(root) {
    root = root || document;
    const sel = '[data-trade-chart]';
    const found = [...(root.matches && root.matches(sel) ? [root] : []), ...root.querySelectorAll(sel)];
    return Promise.all(found.filter((el) => !seen.has(el) && !charts.has(el) && !el.tradeChart).map(async (el) => {
      seen.add(el);
      const d = el.dataset, fire = (type, detail) => el.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
      try {
        const chart = await create(el, { view: d.view || undefined, lang: d.lang || undefined, height: Number(d.height) || undefined });
        fire('trade-chart:ready', chart);
        return chart;
      } catch (err) {
        fire('trade-chart:error', err);
        return null;
      }
    })).then((list) => list.filter(Boolean));
  }

  return { create, mountAll, version };
}
