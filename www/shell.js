// The thin JS shell around the wasm `Chart` (docs/ARCHITECTURE.md): it builds the DOM,
// forwards events, positions the hover overlay, reads the page's theme and language and
// tears everything down. Rust does the rest: every word and number the reader sees comes
// from meta(), describe(), table(), claims(), csv() and svg().
// Plain script, no import/export: scripts/package.mjs wraps it twice (ESM and a
// standalone IIFE) and defines TRADE_CHART_VERSION and TRADE_CHART_CSS before it.
function tradeChartApi(wasm, ready) {
  'use strict';
  const version = typeof TRADE_CHART_VERSION === 'string' ? TRADE_CHART_VERSION : 'dev';
  const charts = new WeakMap(); // element -> its chart (null while create is pending)
  const seen = new WeakSet(); // elements mountAll has already handled
  const THEME_KEYS = ['bg', 'fg', 'muted', 'grid', 'axis', 'two-way', 'flow-a', 'flow-b', 'claim'];
  const THEMES = ['auto', 'light', 'dark'];
  const ANNOUNCE_DELAY = 250; // ms: a screen reader hears where the arrow keys stopped, not every step
  let uid = 0;

  function h(doc, tag, cls, attrs) {
    const e = doc.createElement(tag);
    if (cls) e.className = cls;
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  }
  // Writes only what changed: writing an equal text or attribute still costs the next
  // frame a style and layout pass over it.
  function setText(e, s) {
    s = s == null ? '' : String(s);
    if (e.textContent !== s) e.textContent = s;
  }
  function setAttr(e, k, v) {
    v = String(v);
    if (e.getAttribute(k) !== v) e.setAttribute(k, v);
  }
  function setHidden(e, hide) {
    if (e.hidden !== hide) e.hidden = hide;
  }
  function text(doc, tag, cls, s, attrs) {
    const e = h(doc, tag, cls, attrs);
    setText(e, s);
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

  // A dataset as JSON text for Rust (one parse there, no field-by-field crossing). NaN and
  // ±Infinity would become null (a gap) in JSON: they go as strings, which fail validation
  // by name. A string is taken as JSON text already.
  function jsonOf(data) {
    if (data == null) return undefined; // the embedded default
    if (typeof data === 'string') return data;
    let text;
    try {
      text = JSON.stringify(data, (k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
    } catch (e) {
      throw new Error(`data: cannot be read as JSON (${e.message})`);
    }
    if (text === undefined) throw new Error(`data: expected an object in the trade-chart dataset schema, found ${typeof data}`);
    return text;
  }

  // The container's content width in whole CSS px (0 when hidden or collapsed).
  function widthOf(el) {
    const cs = getComputedStyle(el);
    const pad = ['paddingLeft', 'paddingRight', 'borderLeftWidth', 'borderRightWidth']
      .reduce((sum, k) => sum + (parseFloat(cs[k]) || 0), 0);
    return Math.max(0, Math.floor(el.getBoundingClientRect().width - pad));
  }

  // The reader's language: the option, else the nearest [lang] (the element's own
  // included), else the document's. Only en/ko/zh go to Rust; anything else is English.
  function langFor(element, opts) {
    const near = element.closest('[lang]:not([lang=""])');
    const tag = String(opts.lang != null ? opts.lang : (near && near.getAttribute('lang')) || element.ownerDocument.documentElement.lang || '').trim();
    return /^(en|ko|zh)([-_]|$)/i.test(tag) ? tag : undefined;
  }

  function buildDom(doc) {
    const id = 'tc' + (++uid) + '-';
    const ui = { id, figure: h(doc, 'figure', 'tc', { 'data-state': 'ready' }) };
    const head = h(doc, 'figcaption', 'tc-head');
    ui.title = head.appendChild(h(doc, 'p', 'tc-title'));
    ui.subtitle = head.appendChild(h(doc, 'p', 'tc-subtitle'));
    ui.tabs = h(doc, 'div', 'tc-tabs', { role: 'tablist' });
    ui.legend = h(doc, 'div', 'tc-legend', { role: 'group' });
    ui.plot = h(doc, 'div', 'tc-plot', { role: 'tabpanel', id: id + 'plot' });
    ui.canvas = ui.plot.appendChild(h(doc, 'canvas', '', { role: 'img', tabindex: '0', 'aria-describedby': id + 'desc' }));
    ui.highlight = ui.plot.appendChild(h(doc, 'div', 'tc-highlight', { hidden: '' }));
    ui.tooltip = ui.plot.appendChild(h(doc, 'div', 'tc-tooltip', { hidden: '' }));
    ui.desc = h(doc, 'p', 'tc-sr', { id: id + 'desc' }); // the canvas's accessible description
    ui.live = h(doc, 'p', 'tc-sr tc-live', { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    ui.error = h(doc, 'p', 'tc-error', { role: 'alert', hidden: '' });
    ui.tools = h(doc, 'div', 'tc-tools');
    ui.dataButton = ui.tools.appendChild(h(doc, 'button', 'tc-toggle tc-show-data',
      { type: 'button', 'aria-expanded': 'false', 'aria-controls': id + 'data' }));
    ui.claimsButton = ui.tools.appendChild(h(doc, 'button', 'tc-toggle tc-show-claims',
      { type: 'button', 'aria-expanded': 'false', 'aria-controls': id + 'claims', hidden: '' }));
    ui.download = ui.tools.appendChild(h(doc, 'div', 'tc-download', { role: 'group', 'aria-labelledby': id + 'dl' }));
    ui.downloadLabel = ui.download.appendChild(h(doc, 'span', 'tc-download-label', { id: id + 'dl' }));
    for (const f of ['csv', 'png', 'svg']) ui.download.appendChild(text(doc, 'button', '', f.toUpperCase(), { type: 'button', 'data-format': f }));
    ui.data = h(doc, 'div', 'tc-data', { id: id + 'data', role: 'region', tabindex: '0', 'aria-labelledby': id + 'caption', hidden: '' });
    ui.claims = h(doc, 'div', 'tc-claims', { id: id + 'claims', hidden: '' });
    const foot = h(doc, 'footer', 'tc-foot');
    ui.notes = foot.appendChild(h(doc, 'p', 'tc-notes'));
    ui.source = foot.appendChild(h(doc, 'p', 'tc-source'));
    // Resolves the --tc-* colours (forced-color-adjust: none, so system colours come through).
    // One span per colour, each styled once: reading them all costs one style recalc.
    ui.probe = h(doc, 'span', 'tc-probe', { 'aria-hidden': 'true' });
    ui.swatches = THEME_KEYS.map((k) => {
      const s = ui.probe.appendChild(h(doc, 'span'));
      s.style.color = `var(--tc-${k})`;
      return s;
    });
    // A zero-height block as wide as the figure's content box: the ResizeObserver watches
    // it, so the chart's own height changes never come back as resize notifications.
    ui.sizer = h(doc, 'div', 'tc-sizer', { 'aria-hidden': 'true' });
    ui.figure.append(ui.sizer, head, ui.tabs, ui.legend, ui.plot, ui.desc, ui.live, ui.error, ui.tools, ui.data, ui.claims, foot, ui.probe);
    return ui;
  }

  function showError(ui, err) {
    ui.figure.dataset.state = 'error';
    ui.error.textContent = err.message;
    ui.error.hidden = false;
  }

  function themeOption(t) {
    if (t == null) return 'auto';
    if (!THEMES.includes(t)) throw new Error(`options.theme: expected "light", "dark" or "auto", found ${JSON.stringify(t)}`);
    return t;
  }

  const OPTIONS = ['view', 'lang', 'data', 'columns', 'title', 'height', 'theme'];

  async function create(element, options) {
    if (!element || element.nodeType !== 1) throw new TypeError('trade-chart: create() needs a DOM element');
    if (charts.has(element) || element.tradeChart) throw new Error('trade-chart: this element already has a chart; destroy() it first');
    const opts = options || {};
    for (const k of Object.keys(opts)) { // a misspelt option is an error, not a silent default
      if (!OPTIONS.includes(k)) throw new Error(`options.${k}: unknown option; expected one of ${OPTIONS.join(', ')}`);
    }
    const doc = element.ownerDocument;
    injectStyle(doc);
    const stale = element.querySelector(':scope > figure.tc'); // left by an earlier failed create
    if (stale) stale.remove();
    const ui = buildDom(doc);
    charts.set(element, null);
    let chart = null;
    try {
      ui.figure.dataset.tcTheme = themeOption(opts.theme);
      await ready();
      // Measured before our figure is in the page: no layout of it is forced here.
      const width = widthOf(element);
      element.appendChild(ui.figure);
      if (width === 0) throw new Error('trade-chart: the container has zero width (is it hidden?); give it a width first');
      const lang = langFor(element, opts);
      if (opts.columns != null) {
        // Large numeric series (typed arrays): a line chart, decimated in Rust.
        if (opts.data != null) throw new Error('options.columns: give data or columns, not both');
        const c = opts.columns, list = Array.isArray(c.series) ? c.series : [];
        chart = wasm.Chart.from_columns(ui.canvas, String(opts.title == null ? '' : opts.title), c.x,
          list.map((s, i) => String(s.id == null ? i : s.id)), list.map((s, i) => String(s.label == null ? (s.id == null ? i : s.id) : s.label)),
          list.map((s) => s.values), lang || undefined);
      } else {
        const o = {};
        if (opts.view != null) o.view = String(opts.view);
        if (lang) o.lang = lang;
        chart = new wasm.Chart(ui.canvas, jsonOf(opts.data), JSON.stringify(o));
      }
      const api = mount(element, ui, chart, opts, width);
      charts.set(element, api);
      element.tradeChart = api;
      return api;
    } catch (e) {
      const err = asError(e);
      if (chart) try { chart.free(); } catch (_) { /* already unusable */ }
      charts.delete(element);
      if (!ui.figure.isConnected) element.appendChild(ui.figure);
      ui.plot.hidden = ui.tabs.hidden = ui.legend.hidden = ui.tools.hidden = true;
      showError(ui, err);
      throw err;
    }
  }

  function mount(element, ui, chart, opts, width) {
    const doc = element.ownerDocument;
    const win = doc.defaultView || window;
    const ac = new AbortController();
    const on = (target, type, fn) => target.addEventListener(type, fn, { signal: ac.signal });
    let meta = null, dead = false, gone = false, frame = 0, themeFrame = 0, shown = '', focus = -1;
    let size = [0, 0, 0]; // css width, css height, devicePixelRatio
    let printing = false, themeKey = '', liveTimer = 0, dataKey = '', claimsKey = '';
    let tableOpen = false, claimsOpen = false;
    const legendKeys = new WeakMap(); // legend button -> the colour, texture and label it shows
    const timers = new Set();

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
    const quiet = (fn) => { try { return fn(); } catch (_) { /* already shown in the widget */ } };
    const later = (fn, ms) => { const t = setTimeout(() => { timers.delete(t); fn(); }, ms); timers.add(t); return t; };

    const heightFor = (w) => (opts.height > 0 ? Math.round(opts.height) : Math.round(chart.preferred_height(w)));
    const sizerWidth = () => Math.floor(ui.sizer.getBoundingClientRect().width);
    function layout(w = sizerWidth()) {
      if (w === 0) return false; // hidden for now: keep the last drawing
      const hgt = heightFor(w);
      const dpr = printing ? Math.max(2, win.devicePixelRatio || 1) : (win.devicePixelRatio || 1);
      if (w === size[0] && hgt === size[1] && dpr === size[2]) return false;
      Object.assign(ui.canvas.style, { width: w + 'px', height: hgt + 'px' });
      chart.resize(w, hgt, dpr);
      size = [w, hgt, dpr];
      return true;
    }

    // ---- theme: the --tc-* custom properties, resolved where the chart sits ----
    let scratch = null; // a 1×1 canvas turning colours getComputedStyle keeps as oklch()/color() into rgb
    function rgbOf(c) {
      if (/^rgba?\(/.test(c)) return c;
      if (!scratch) {
        const cv = h(doc, 'canvas'); cv.width = cv.height = 1;
        scratch = cv.getContext('2d', { willReadFrequently: true });
      }
      scratch.clearRect(0, 0, 1, 1);
      scratch.fillStyle = '#000';
      scratch.fillStyle = c;
      scratch.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = scratch.getImageData(0, 0, 1, 1).data;
      return `rgba(${r}, ${g}, ${b}, ${+(a / 255).toFixed(3)})`;
    }
    function retheme() {
      const colors = {};
      THEME_KEYS.forEach((k, i) => { colors[k] = rgbOf(getComputedStyle(ui.swatches[i]).color); });
      const key = JSON.stringify(colors);
      if (key === themeKey) return false;
      // Rust picks the light or dark base from the colours. It may throw (a colour it
      // cannot read): then try again next time.
      const base = chart.set_theme(colors);
      themeKey = key;
      ui.figure.dataset.tcBase = base;
      return true;
    }
    const rethemeNow = () => quiet(() => call(() => { if (retheme()) { refresh(); hide(); } }));
    const rethemeSoon = () => { // many changes in one frame make one check
      if (themeFrame || dead || gone) return;
      themeFrame = requestAnimationFrame(() => { themeFrame = 0; if (!dead && !gone) rethemeNow(); });
    };

    function buttons(box, list, make, fill) {
      const ids = list.map((x) => x.id).join('\n');
      if (box.dataset.ids !== ids) {
        box.dataset.ids = ids;
        box.replaceChildren(...list.map((x) => make(x.id)));
      }
      list.forEach((x, i) => fill(box.children[i], x));
    }

    function swatch(color, texture) {
      const e = h(doc, 'span', 'tc-swatch', { 'aria-hidden': 'true', 'data-texture': texture || 'solid' });
      e.style.backgroundColor = color; // a property, not cssText: a colour string cannot add rules
      return e;
    }

    // "Show data": a real table from chart.table(), text only.
    function fillTable() {
      if (!tableOpen) { dataKey = ''; return; }
      const t = chart.table();
      if (!t) return; // a chart of columns has no table
      const key = JSON.stringify(t);
      if (key === dataKey) return;
      dataKey = key;
      const table = h(doc, 'table');
      table.append(text(doc, 'caption', '', t.caption, { id: ui.id + 'caption' }));
      const hr = h(doc, 'tr');
      for (const c of t.headers) hr.append(text(doc, 'th', '', c, { scope: 'col' }));
      table.appendChild(h(doc, 'thead')).append(hr);
      const body = table.appendChild(h(doc, 'tbody'));
      for (const row of t.rows) {
        const tr = body.appendChild(h(doc, 'tr'));
        row.forEach((c, i) => tr.append(i === 0 ? text(doc, 'th', '', c, { scope: 'row' }) : text(doc, 'td', '', c)));
      }
      ui.data.replaceChildren(table);
    }

    // The story's claims against the data, each with its verdict in words.
    function fillClaims() {
      if (!claimsOpen) { claimsKey = ''; return; }
      const list = chart.claims();
      const key = JSON.stringify(list);
      if (key === claimsKey) return;
      claimsKey = key;
      const u = meta.ui || {};
      const ul = h(doc, 'ul', 'tc-claim-list');
      for (const c of list) {
        const li = ul.appendChild(h(doc, 'li', 'tc-claim', { 'data-status': c.status, 'data-claim': c.id }));
        const badge = li.appendChild(h(doc, 'p', 'tc-badge'));
        badge.append(text(doc, 'span', 'tc-badge-symbol', c.badge, { 'aria-hidden': 'true' }), text(doc, 'span', '', c.status_label));
        li.append(text(doc, 'p', 'tc-claim-text', c.text));
        if (u.story_says && u.data_say) { // "The story says … / The data say …"
          const figs = li.appendChild(h(doc, 'dl', 'tc-claim-figures'));
          for (const [label, value, k] of [[u.story_says, c.story, 'story'], [u.data_say, c.data, 'data']]) {
            if (!value) continue;
            const row = figs.appendChild(h(doc, 'div', '', { 'data-figure': k }));
            row.append(text(doc, 'dt', '', label), text(doc, 'dd', '', value));
          }
        } else { // no labels from Rust: the two figures side by side
          const figs = li.appendChild(h(doc, 'p', 'tc-claim-figures'));
          figs.append(text(doc, 'span', '', c.story, { 'data-figure': 'story' }));
          if (c.data) figs.append(text(doc, 'span', 'tc-claim-arrow', '→', { 'aria-hidden': 'true' }), text(doc, 'span', '', c.data, { 'data-figure': 'data' }));
        }
        if (c.note) li.append(text(doc, 'p', 'tc-claim-note', c.note));
        if (c.source) li.append(text(doc, 'p', 'tc-claim-source', c.source));
      }
      ui.claims.replaceChildren(ul);
    }

    // Tabs, legend, text, table and claims from meta(): after every structural change.
    function refresh() {
      meta = chart.meta();
      const u = meta.ui || {};
      setAttr(ui.figure, 'lang', meta.lang || '');
      setAttr(ui.tabs, 'aria-label', u.views || '');
      setAttr(ui.legend, 'aria-label', u.legend || '');
      buttons(ui.tabs, meta.views, (id) => h(doc, 'button', '', { type: 'button', role: 'tab', 'data-view': id,
        id: ui.id + 'tab-' + id.replace(/[^\w-]/g, '_'), 'aria-controls': ui.plot.id }), (b, v) => {
        const selected = v.id === meta.view;
        setAttr(b, 'aria-selected', selected);
        if (b.tabIndex !== (selected ? 0 : -1)) b.tabIndex = selected ? 0 : -1;
        setText(b, v.label);
        if (selected) setAttr(ui.plot, 'aria-labelledby', b.id);
      });
      buttons(ui.legend, meta.legend, (id) => h(doc, 'button', '', { type: 'button', 'data-series': id }), (b, s) => {
        setAttr(b, 'aria-pressed', !!s.visible);
        const key = [s.color, s.texture, s.label].join('\n');
        if (legendKeys.get(b) !== key) {
          legendKeys.set(b, key);
          b.replaceChildren(swatch(s.color, s.texture), doc.createTextNode(s.label));
        }
      });
      setText(ui.title, meta.title);
      setText(ui.subtitle, meta.subtitle);
      setText(ui.notes, (meta.notes || []).join('\n'));
      setText(ui.source, meta.source_line);
      setAttr(ui.canvas, 'aria-label', meta.title || u.chart || '');
      setText(ui.desc, [meta.summary, u.keyboard].filter(Boolean).join(' '));
      setText(ui.dataButton, tableOpen ? u.hide_data : u.show_data);
      setAttr(ui.dataButton, 'aria-expanded', tableOpen);
      setHidden(ui.data, !tableOpen);
      setText(ui.claimsButton, u.claims);
      setHidden(ui.claimsButton, !(meta.can.claims && meta.claims > 0));
      setAttr(ui.claimsButton, 'aria-expanded', claimsOpen && meta.claims > 0);
      setHidden(ui.claims, !(claimsOpen && meta.claims > 0));
      setText(ui.downloadLabel, u.download);
      // Only the controls for what this chart can do (a chart of columns: CSV alone).
      setHidden(ui.tabs, !meta.can.views);
      setHidden(ui.dataButton, !meta.can.table);
      for (const b of ui.download.querySelectorAll('[data-format=png], [data-format=svg]')) setHidden(b, !meta.can.export);
      fillTable();
      fillClaims();
      if (!dead) {
        setAttr(ui.figure, 'data-state', 'ready');
        setHidden(ui.error, true);
        setText(ui.error, '');
      }
    }

    // A structural change: the wasm call, then size and DOM follow; keyboard focus restarts.
    const change = (fn) => call(() => {
      const r = fn();
      layout(); refresh(); hide();
      focus = -1;
      return r;
    });

    function hide() { setHidden(ui.highlight, true); setHidden(ui.tooltip, true); shown = ''; }

    // Position the highlight box and the tooltip (kept inside the plot, flipped near the right edge).
    function show(hv) {
      if (!hv) return hide();
      const key = [hv.index, hv.x, hv.y, hv.w, hv.h, hv.ax, hv.ay, hv.title, hv.series, hv.value].join('|');
      if (key === shown && !ui.tooltip.hidden) return;
      shown = key;
      Object.assign(ui.highlight.style, { left: hv.x + 'px', top: hv.y + 'px', width: hv.w + 'px', height: hv.h + 'px' });
      const tip = ui.tooltip;
      const entry = meta.legend.find((s) => (hv.series_id ? s.id === hv.series_id : s.id === hv.series || s.label === hv.series));
      const series = text(doc, 'p', 'tc-tt-series', (entry && entry.label) || hv.series || '');
      if (entry) series.prepend(swatch(entry.color, entry.texture));
      tip.replaceChildren(text(doc, 'p', 'tc-tt-title', hv.title), series, text(doc, 'p', 'tc-tt-value', hv.value),
        ...(hv.lines || []).map((t) => text(doc, 'p', 'tc-tt-line', t)));
      if (hv.source) tip.append(text(doc, 'p', 'tc-tt-source', hv.source));
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

    // Keyboard focus on item i: highlight, tooltip, and (debounced) the live region.
    function focusItem(i) {
      focus = i;
      const hv = call(() => chart.describe(i));
      show(hv);
      clearTimeout(liveTimer);
      timers.delete(liveTimer);
      const say = (hv && hv.announce) || '';
      liveTimer = later(() => { ui.live.textContent = say; }, ANNOUNCE_DELAY);
    }

    // Downloads: Blob -> <a download> -> object URL revoked afterwards (or on destroy).
    const urls = new Set();
    function save(blob, ext) {
      const url = URL.createObjectURL(blob);
      urls.add(url);
      const a = h(doc, 'a', 'tc-sr', { href: url, download: `trade-chart-${meta.view}.${ext}` });
      doc.body.append(a);
      a.click();
      a.remove();
      later(() => { urls.delete(url); URL.revokeObjectURL(url); }, 1000);
      return blob;
    }
    const exportWidth = () => size[0] || sizerWidth() || 640;
    const downloads = { // async: every failure is a rejection (and shown in the widget by call())
      csv: async () => save(new Blob(['\uFEFF' + call(() => chart.csv())], { type: 'text/csv;charset=utf-8' }), 'csv'),
      svg: async () => save(new Blob([call(() => chart.svg(exportWidth()))], { type: 'image/svg+xml;charset=utf-8' }), 'svg'),
      png: async () => {
        const canvas = h(doc, 'canvas');
        call(() => chart.render_export(canvas, exportWidth(), 2));
        const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
        if (!blob) throw new Error('trade-chart: the browser could not encode the PNG');
        return save(blob, 'png');
      },
    };

    call(() => retheme()); // colours first, so the first drawing is in the page's theme
    layout(width); // first drawing; errors here reject create() before any listener exists
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
    on(doc, 'keydown', (e) => { // WCAG 1.4.13: Escape dismisses a hover tooltip wherever the focus is
      if (e.key === 'Escape' && !ui.tooltip.hidden) ui.tooltip.hidden = true;
    });
    on(ui.canvas, 'keydown', (e) => {
      if (e.key === 'Escape') { // WCAG 1.4.13: dismiss the tooltip, keep the focus where it is
        if (!ui.tooltip.hidden) { ui.tooltip.hidden = true; e.preventDefault(); }
        return;
      }
      if (dead || e.altKey || e.ctrlKey || e.metaKey) return;
      const next = quiet(() => call(() => chart.navigate(focus, e.key)));
      if (next == null || next < 0) return;
      e.preventDefault();
      quiet(() => focusItem(next));
    });
    on(ui.tabs, 'click', (e) => {
      const b = e.target.closest('button[data-view]');
      if (b) quiet(() => api.setView(b.dataset.view));
    });
    on(ui.tabs, 'keydown', (e) => { // ARIA tabs: arrows, Home and End move the selection
      const tabs = [...ui.tabs.children], i = tabs.indexOf(e.target), n = tabs.length;
      const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: n - 1 }[e.key];
      if (to == null || i < 0) return;
      e.preventDefault();
      quiet(() => api.setView(tabs[(to + n) % n].dataset.view));
      ui.tabs.querySelector('[aria-selected=true]')?.focus();
    });
    on(ui.legend, 'click', (e) => {
      const b = e.target.closest('button[data-series]');
      if (b) quiet(() => api.toggleSeries(b.dataset.series));
    });
    on(ui.dataButton, 'click', () => quiet(() => api.showData(!tableOpen)));
    on(ui.claimsButton, 'click', () => quiet(() => api.showClaims(!claimsOpen)));
    on(ui.download, 'click', (e) => {
      const b = e.target.closest('button[data-format]');
      if (b) downloads[b.dataset.format]().catch(() => { /* shown in the widget */ });
    });

    // The page's theme: colour scheme, forced colours, and the host's classes/attributes.
    for (const q of ['(prefers-color-scheme: dark)', '(forced-colors: active)', '(prefers-contrast: more)']) {
      const mq = win.matchMedia && win.matchMedia(q);
      if (mq) on(mq, 'change', rethemeSoon);
    }
    const mo = new MutationObserver((records) => {
      // Only an ancestor's class, data-theme or style can change the chart's colours (our
      // own overlays restyle themselves on every hover; the rest of the page is not ours).
      if (records.some((r) => r.target !== ui.figure && r.target.contains(ui.figure))) rethemeSoon();
    });
    mo.observe(doc.documentElement, { subtree: true, attributes: true, attributeFilter: ['class', 'data-theme', 'style'] });

    // Print: light colours and a 2× backing store, back to normal afterwards.
    on(win, 'beforeprint', () => {
      if (dead || gone) return;
      printing = true;
      ui.figure.dataset.tcPrint = '';
      quiet(() => call(() => { retheme(); size = [0, 0, 0]; layout(); refresh(); hide(); }));
    });
    on(win, 'afterprint', () => {
      if (dead || gone || !printing) return;
      printing = false;
      delete ui.figure.dataset.tcPrint;
      quiet(() => call(() => { retheme(); size = [0, 0, 0]; layout(); refresh(); hide(); }));
    });

    // Width follows the container. A change of width alone is drawn at once, in the frame
    // that reports it; one that also changes the chart's height (so the page may grow a
    // scrollbar and narrow again) waits for the next frame, as a resize loop would
    // otherwise end in "ResizeObserver loop completed with undelivered notifications".
    const resized = (w) => quiet(() => call(() => {
      if (!layout(w)) return;
      hide();
      if (focus >= 0 && doc.activeElement === ui.canvas) show(chart.describe(focus)); // keep the keyboard's place
    }));
    const ro = new ResizeObserver((entries) => {
      if (dead || gone) return;
      const w = Math.floor(entries[entries.length - 1].contentRect.width);
      if (w === 0 || w === size[0]) return;
      if (frame) { cancelAnimationFrame(frame); frame = 0; }
      if (quiet(() => call(() => heightFor(w))) === size[1]) return resized(w);
      frame = requestAnimationFrame(() => { frame = 0; if (!dead && !gone) resized(); });
    });

    const api = {
      setView: (id) => change(() => chart.set_view(String(id))),
      toggleSeries: (id) => change(() => chart.toggle_series(String(id))),
      setData: (data) => change(() => chart.set_data(jsonOf(data))),
      setLang: (tag) => change(() => chart.set_lang(String(tag))),
      setTheme(theme) {
        const t = themeOption(theme);
        if (gone) throw new Error('trade-chart: this chart was destroyed');
        ui.figure.dataset.tcTheme = t;
        rethemeNow();
      },
      showData(open = true) { tableOpen = !!open; call(() => refresh()); },
      showClaims(open = true) { claimsOpen = !!open; call(() => refresh()); },
      downloadCsv: () => downloads.csv(),
      downloadPng: () => downloads.png(),
      downloadSvg: () => downloads.svg(),
      get view() { return meta && meta.view; },
      get views() { return meta ? meta.views.map((v) => ({ id: v.id, label: v.label })) : []; },
      get lang() { return meta && meta.lang; },
      get theme() { return ui.figure.dataset.tcTheme; },
      items: () => call(() => chart.items()),
      table: () => call(() => chart.table()),
      claims: () => call(() => chart.claims()),
      destroy() {
        if (gone) return;
        gone = true;
        ac.abort();
        ro.disconnect();
        mo.disconnect();
        if (frame) cancelAnimationFrame(frame);
        if (themeFrame) cancelAnimationFrame(themeFrame);
        for (const t of timers) clearTimeout(t);
        timers.clear();
        for (const u of urls) URL.revokeObjectURL(u);
        urls.clear();
        ui.figure.remove();
        if (charts.get(element) === api) charts.delete(element);
        if (element.tradeChart === api) delete element.tradeChart;
        try { chart.free(); } catch (_) { /* a dead instance may not free cleanly */ }
      },
    };

    ro.observe(ui.sizer);
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
        const chart = await create(el, { view: d.view || undefined, lang: d.lang || undefined, theme: THEMES.includes(d.theme) ? d.theme : undefined,
          height: Number(d.height) || undefined });
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
