// The in-page half of the benchmark (bench/run.mjs drives it through playwright-core).
// One library per page, and a new browser context per page: nothing is warm.
//
//   bench.load(lib)            loads the library (script / ES module; trade-chart ESM also
//                              instantiates its wasm here) and times it
//   bench.prepare(kind, n, d)  builds the data in memory (not timed)
//   bench.init(label)          create() -> next requestAnimationFrame (timed)
//   bench.check()              canvas size in CSS and device px, ink, a hash (not timed)
//   bench.settle()             waits for the next frame; says whether a tooltip/cursor shows
//   bench.resize(w)            container width -> the frame that shows the new canvas size
//   bench.toggle(show)         hides / shows one series through the library's API
//   bench.cycles(n)            n create + destroy (memory test)
'use strict';
(() => {
  const W = 1200, H = 500;
  // trade-chart's light theme: two-way, imports (flow-b), exports (flow-a)
  const COLORS = ['rgb(42, 92, 154)', 'rgb(196, 80, 27)', 'rgb(13, 122, 114)'];
  const now = () => performance.now();
  const raf = () => new Promise((r) => requestAnimationFrame(r));
  // A macrotask after the current one: after a rAF callback, the frame's style, layout and
  // paint (same task) are done when this runs.
  const task = () => new Promise((r) => {
    const c = new MessageChannel();
    c.port1.onmessage = () => { c.port1.close(); r(); };
    c.port2.postMessage(0);
  });
  // bench:<label>:start / :end marks: run.mjs finds them in the trace and sums the main
  // thread's tasks between them.
  const mark = (label, edge) => performance.mark(`bench:${label}:${edge}`);
  const box = () => document.getElementById('chart');
  const canvasOf = () => box().querySelector('canvas');
  const S = { lib: null, api: null, chart: null, data: null, memory: null, ro: null };

  function script(src) {
    return new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.appendChild(s);
    });
  }
  function css(href) {
    return new Promise((resolve, reject) => {
      const l = document.createElement('link');
      l.rel = 'stylesheet';
      l.href = href;
      l.onload = resolve;
      l.onerror = () => reject(new Error(`could not load ${href}`));
      document.head.appendChild(l);
    });
  }

  // ---- data ----
  // mulberry32: a small seeded PRNG, the same numbers in every page and every run.
  function prng(seed) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  // Two monthly-style series: trend × 12-step seasonality × noise, positive (US dollars).
  function synthetic(n) {
    const x = new Float64Array(n), a = new Float64Array(n), b = new Float64Array(n);
    const ra = prng(20200101), rb = prng(20210222);
    for (let i = 0; i < n; i++) {
      const t = i / n, m = (2 * Math.PI * i) / 12;
      x[i] = i;
      a[i] = 2e8 * (1 + 1.2 * t + 0.3 * Math.sin(6 * Math.PI * t)) * (1 + 0.25 * Math.sin(m)) * (0.85 + 0.3 * ra());
      b[i] = 1.2e8 * (1.9 - t + 0.2 * Math.cos(4 * Math.PI * t)) * (1 + 0.3 * Math.cos(m + 1)) * (0.8 + 0.4 * rb());
    }
    return { x, series: [{ id: 'a', label: 'A', values: a }, { id: 'b', label: 'B', values: b }] };
  }

  // ---- the libraries, each configured as bench/README (BENCHMARKS.md) says ----
  const tcCommon = {
    async create(d) {
      const opts = d.kind === 'default'
        ? { view: 'monthly', height: H }
        : { columns: { x: d.x, series: d.series.map((s) => ({ id: s.id, label: s.label, values: s.values })) }, title: 'Synthetic', height: H };
      S.chart = await S.api.create(box(), opts);
    },
    seriesId: (d) => (d.kind === 'default' ? 'cn-kp-monthly' : 'a'),
    toggle(show) {
      const id = this.seriesId(S.data);
      const visible = S.chart.toggleSeries(id);
      if (visible !== show) throw new Error(`toggleSeries("${id}") returned ${visible}, expected ${show}`);
    },
    probe() { const t = box().querySelector('.tc-tooltip'); return !!t && !t.hidden; },
    valid(d) {
      const ids = [...box().querySelectorAll('.tc-legend [data-series]')].map((b) => b.dataset.series);
      if (d.kind === 'default') {
        if (S.chart.view !== 'monthly') return `view is "${S.chart.view}", not "monthly"`;
        return ids.includes('cn-kp-monthly') ? '' : `legend ${JSON.stringify(ids)} lacks cn-kp-monthly`;
      }
      return ids.join() === 'a,b' ? '' : `legend is ${JSON.stringify(ids)}, not the columns a,b (is the columns option supported by this build?)`;
    },
    afterInit() { /* trade-chart follows its container itself (ResizeObserver) */ },
    destroy() { S.chart.destroy(); S.chart = null; },
  };

  const LIBS = {
    // trade-chart, ES module build: the wasm is fetched, compiled and instantiated in load(),
    // so init() excludes wasm instantiation.
    tc: {
      ...tcCommon,
      async load() {
        const t0 = now();
        // The reader's core (dataset charts) and the full module (issue 14: columns charts
        // live there; the shell imports it on the first such chart), both loaded here so
        // init() excludes wasm instantiation as before the split.
        const [api, glue, full] = await Promise.all([import('/pkg/index.js'), import('/pkg/trade_chart.js'),
          import('/pkg/trade_chart_full.js').catch(() => null)]);
        const t1 = now();
        const exp = await glue.default(); // the same module instance index.js uses: later init() calls return at once
        const fullExp = full ? await full.default() : null; // likewise for the shell's loadFull
        const t2 = now();
        S.api = api;
        S.memory = exp && exp.memory instanceof WebAssembly.Memory ? exp.memory : null;
        S.fullMemory = fullExp && fullExp.memory instanceof WebAssembly.Memory ? fullExp.memory : null;
        return { scriptMs: t1 - t0, wasmMs: t2 - t1 };
      },
    },
    // trade-chart, single-file classic script (wasm inlined as base64). Whatever the script
    // instantiates at evaluation lands in load(); whatever it instantiates on the first
    // create() lands in init(): "init including wasm instantiation".
    tcs: {
      ...tcCommon,
      async load() {
        performance.mark('tcs-script-start');
        const t0 = now();
        await script('/pkg/trade-chart.standalone.js');
        const t1 = now();
        performance.mark('tcs-script-end');
        performance.measure('tcs-script', 'tcs-script-start', 'tcs-script-end');
        S.api = window.TradeChart;
        if (!S.api || typeof S.api.create !== 'function') throw new Error('window.TradeChart.create missing after the standalone script');
        return { scriptMs: t1 - t0, wasmMs: null };
      },
    },
    uplot: {
      async load() {
        const t0 = now();
        await Promise.all([css('/lib/uplot/uPlot.min.css'), script('/lib/uplot/uPlot.iife.min.js')]);
        S.api = window.uPlot;
        return { scriptMs: now() - t0, wasmMs: null };
      },
      create(d) {
        const U = S.api;
        let opts, data;
        if (d.kind === 'default') {
          const k = d.labels.length, xs = Array.from({ length: k }, (_, i) => i), bw = 0.8 / d.series.length;
          opts = {
            width: W, height: H,
            scales: { x: { time: false, range: [-0.5, k - 0.5] } },
            axes: [{ splits: () => xs, values: (u, splits) => splits.map((i) => d.labels[i] ?? '') }, {}],
            series: [{}, ...d.series.map((s, j) => ({
              label: s.label, stroke: COLORS[j], fill: COLORS[j], width: 0, points: { show: false },
              // grouped bars: series j at x - 0.4 + j·bw, bw wide (x-scale units)
              paths: U.paths.bars({ disp: { x0: { unit: 1, values: (u) => u.data[0].map((x) => x - 0.4 + j * bw) }, size: { unit: 1, values: () => [bw] } } }),
            }))],
          };
          data = [xs, ...d.series.map((s) => s.values)];
        } else {
          opts = {
            width: W, height: H,
            scales: { x: { time: false } },
            series: [{}, { label: d.series[0].label, stroke: COLORS[0] }, { label: d.series[1].label, stroke: COLORS[1] }],
          };
          data = [d.x, d.series[0].values, d.series[1].values];
        }
        S.chart = new U(opts, data, box());
      },
      toggle(show) { S.chart.setSeries(S.data.kind === 'default' ? 2 : 1, { show }); },
      probe() { return S.chart.cursor.idx != null; },
      valid(d) {
        const want = d.kind === 'default' ? d.series.length + 1 : 3;
        return S.chart.series.length === want ? '' : `${S.chart.series.length} series, expected ${want}`;
      },
      afterInit() { follow((w) => S.chart.setSize({ width: w, height: H })); },
      destroy() { S.chart.destroy(); S.chart = null; },
    },
    chartjs: {
      async load() {
        const t0 = now();
        await script('/lib/chartjs/chart.umd.min.js');
        S.api = window.Chart;
        return { scriptMs: now() - t0, wasmMs: null };
      },
      create(d) {
        const canvas = document.createElement('canvas');
        canvas.width = W;
        canvas.height = H;
        box().appendChild(canvas);
        const options = {
          animation: false, parsing: false, normalized: true, responsive: false,
          maintainAspectRatio: false, // resize(900, 500) must stay 500 high, as for the others
          // a tooltip on every move, as the other two show one (the default needs a hit on a hidden point)
          interaction: { mode: 'index', intersect: false },
          plugins: { decimation: { enabled: true, algorithm: 'min-max' } },
        };
        const config = d.kind === 'default'
          ? { type: 'bar', data: { labels: d.labels, datasets: d.series.map((s, j) => ({ label: s.label, data: d.points[j], backgroundColor: COLORS[j] })) }, options }
          : { type: 'line',
            data: { datasets: d.series.map((s, j) => ({ label: s.label, data: d.points[j], borderColor: COLORS[j], borderWidth: 1, pointRadius: 0, tension: 0 })) },
            options: { ...options, scales: { x: { type: 'linear', min: d.x[0], max: d.x[d.x.length - 1] } } } };
        S.chart = new S.api(canvas, config);
      },
      toggle(show) { S.chart.setDatasetVisibility(S.data.kind === 'default' ? 1 : 0, show); S.chart.update('none'); },
      probe() { return S.chart.getActiveElements().length > 0; },
      valid(d) {
        const want = d.series.length, got = S.chart.data.datasets.length;
        return got === want ? '' : `${got} datasets, expected ${want}`;
      },
      afterInit() { follow((w) => S.chart.resize(w, H)); },
      destroy() { const c = S.chart.canvas; S.chart.destroy(); c.remove(); S.chart = null; },
    },
  };

  // uPlot and Chart.js (responsive: false) do not follow their container: the usual host
  // code does, a ResizeObserver calling setSize / resize. trade-chart has its own.
  function follow(apply) {
    let last = Math.round(box().getBoundingClientRect().width);
    S.ro = new ResizeObserver((entries) => {
      const w = Math.round(entries[entries.length - 1].contentRect.width);
      if (w !== last && w > 0) { last = w; apply(w); }
    });
    S.ro.observe(box());
  }

  let L = null;
  const bench = {
    async load(lib) {
      L = LIBS[lib];
      if (!L) throw new Error(`unknown library ${lib}`);
      S.lib = lib;
      return L.load();
    },

    prepare(kind, n, dflt) {
      const t0 = now();
      let d;
      if (kind === 'default') {
        d = { kind, labels: dflt.labels, series: dflt.series.map((s) => ({ ...s, values: s.values.slice() })) };
        if (S.lib === 'chartjs') d.points = d.series.map((s) => s.values.flatMap((y, i) => (y == null ? [] : [{ x: i, y }])));
      } else {
        d = { kind, n, ...synthetic(n) };
        if (S.lib === 'chartjs') d.points = d.series.map((s) => Array.from(s.values, (y, i) => ({ x: d.x[i], y })));
      }
      S.data = d;
      // a checksum of what was generated: the same in every page, whatever the library
      let sum = 0, count = 0;
      for (const s of d.series) for (const v of s.values) if (v != null) { sum += v; count++; }
      return { ms: now() - t0, points: count, checksum: sum };
    },

    mark(label, edge) { mark(label, edge); },

    async nullOp(label) {
      mark(label, 'start');
      const t0 = now();
      await raf();
      await task();
      const ms = now() - t0;
      mark(label, 'end');
      return { ms };
    },

    // label: 'init' (the first create in a fresh page) or 'init2' (the same create again
    // in that page after destroy(): the code is compiled, the fonts and styles are loaded).
    async init(label = 'init') {
      mark(label, 'start');
      const t0 = now();
      await L.create(S.data); // the await also lets uPlot's microtask commit (its first draw) run
      const t1 = now();
      await raf();
      const t2 = now();
      await task();
      const t3 = now();
      mark(label, 'end');
      L.afterInit();
      return { createMs: t1 - t0, frameMs: t2 - t0, doneMs: t3 - t0 };
    },

    // Not timed: the canvas really is 1200×500 CSS px at the page's DPR and has ink on it.
    check() {
      const c = canvasOf();
      if (!c) return { error: 'no canvas in the container' };
      const r = c.getBoundingClientRect();
      const ctx = c.getContext('2d');
      const px = new Uint32Array(ctx.getImageData(0, 0, c.width, c.height).data.buffer);
      const bg = px[0];
      let ink = 0, hash = 0x811c9dc5;
      const colours = new Set();
      for (let i = 0; i < px.length; i++) {
        const v = px[i];
        if (v !== bg) ink++;
        if ((i & 63) === 0 && colours.size < 4096) colours.add(v);
        hash = Math.imul(hash ^ v, 16777619);
      }
      return {
        dpr: devicePixelRatio, cssW: r.width, cssH: r.height, w: c.width, h: c.height,
        ink: ink / px.length, colours: colours.size, hash: (hash >>> 0).toString(16),
        valid: L.valid(S.data), widgetH: box().getBoundingClientRect().height,
      };
    },

    plotRect() {
      const r = canvasOf().getBoundingClientRect();
      const b = document.getElementById('blank').getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height, blank: { x: b.x, y: b.y, width: b.width, height: b.height } };
    },

    async settle() {
      await raf();
      await task();
      return L.probe();
    },

    async resize(w, label) {
      const want = Math.round(w * devicePixelRatio);
      mark(label, 'start');
      const t0 = now();
      box().style.width = w + 'px';
      for (let f = 1; f <= 60; f++) {
        await raf();
        const tf = now();
        await task();
        const c = canvasOf();
        if (c && c.width === want && Math.round(c.getBoundingClientRect().width) === w) {
          const doneMs = now() - t0;
          mark(label, 'end');
          return { frameMs: tf - t0, doneMs, frames: f, h: c.height };
        }
      }
      const c = canvasOf();
      throw new Error(`resize to ${w}px: the canvas is still ${c && c.width}×${c && c.height} after 60 frames`);
    },

    async toggle(show, label) {
      mark(label, 'start');
      const t0 = now();
      L.toggle(show);
      await null; // uPlot redraws in a microtask
      const t1 = now();
      await raf();
      const t2 = now();
      await task();
      const doneMs = now() - t0;
      mark(label, 'end');
      return { callMs: t1 - t0, frameMs: t2 - t0, doneMs };
    },

    destroy() {
      if (S.ro) { S.ro.disconnect(); S.ro = null; }
      L.destroy();
      return { left: box().childElementCount };
    },

    // Memory: n create + destroy of trade-chart on the default data, one after another.
    async cycles(n) {
      const t0 = now();
      for (let i = 0; i < n; i++) {
        await L.create({ kind: 'default' });
        L.destroy();
      }
      return { ms: now() - t0, left: box().childElementCount };
    },
    // the instance the bench's charts live in: the full module's for columns (issue 14)
    wasmBytes: () => {
      const m = S.data && S.data.kind !== 'default' && S.fullMemory ? S.fullMemory : S.memory;
      return m ? m.buffer.byteLength : null;
    },
  };
  window.bench = bench;
})();
