#!/usr/bin/env node
// A reader's page load (issue 14 §3): a news page with the story chart below one screen of
// text, loaded cold and warm (second visit), for trade-chart (standalone script and ES
// module), uPlot, Chart.js and Highcharts (+ accessibility and exporting). What is measured
// and why: ../BENCHMARKS.md, "A reader's page load". Usage:
//
//   node bench/pageload.mjs [--runs N] [--libs tcs,tcj,tc,uplot,chartjs,highcharts] [--modes slow,fast]
//   node bench/run.mjs --pageload [the same options]
//   node bench/pageload.mjs --report      (rewrite the Markdown from results-pageload.json)
//
// Needs pkg/ (make build) and `npm ci --prefix bench`. Writes bench/results-pageload.json
// and bench/results-pageload.md; prints the Markdown.
import { createServer } from 'node:http';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants as Z } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { chromium } from 'playwright-core';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');
const NM = join(BENCH, 'node_modules');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
// A phone-sized window (Lighthouse's mobile emulation: Moto G Power, 412×823 at DPR 1.75),
// with a mouse: the hover is a real pointermove, touch emulation is off.
const VIEWPORT = { width: 412, height: 823 }, DPR = 1.75;
// The slow profile (issue 14 §3): 4× CPU throttling, 1.6 Mbps down, 750 kbps up, 150 ms RTT.
const SLOW_NET = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const CPU_RATE = 4;
const IDLE_AFTER_FRAME = 2000; // ms of the load window after the first frame (TBT, longest task)
const PEER_H = 342; // CSS px: the peers' chart height, trade-chart's canvas height in this window (it picks its own from the width)
const pkgVersion = (name) => JSON.parse(readFileSync(join(NM, name, 'package.json'), 'utf8')).version;

const LIBS = {
  tcs: 'trade-chart standalone',
  tcj: 'trade-chart.js (classic, wasm beside it)',
  tc: 'trade-chart ES module',
  uplot: `uPlot ${pkgVersion('uplot')}`,
  chartjs: `Chart.js ${pkgVersion('chart.js')}`,
  highcharts: `Highcharts ${pkgVersion('highcharts')} + accessibility + exporting`,
};
const MODES = { slow: '4× CPU, 1.6 Mbps / 150 ms RTT', fast: 'unthrottled' };

// ---------------------------------------------------------------- command line
function usage(code) {
  console.log(`usage: node bench/pageload.mjs [options]   (or node bench/run.mjs --pageload [options])
  --runs N        cold + warm visit pairs per library and mode (default 5)
  --libs LIST     subset of ${Object.keys(LIBS).join(',')} (default: all)
  --modes LIST    subset of slow,fast (default: both)
  --report        no run: rewrite bench/results-pageload.md from bench/results-pageload.json`);
  process.exit(code);
}
function parseArgs(argv) {
  const o = { runs: 5, libs: Object.keys(LIBS), modes: Object.keys(MODES) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => { if (i + 1 >= argv.length) { console.error(`${a} needs a value`); usage(2); } return argv[++i]; };
    switch (a) {
      case '--pageload': break; // from run.mjs
      case '--runs': o.runs = Number(val()); if (!Number.isInteger(o.runs) || o.runs < 1) usage(2); break;
      case '--libs': o.libs = val().split(',').filter(Boolean); break;
      case '--modes': o.modes = val().split(',').filter(Boolean); break;
      case '--report': o.report = true; break;
      case '-h': case '--help': usage(0); break;
      default: console.error(`unknown option ${a}`); usage(2);
    }
  }
  for (const l of o.libs) if (!LIBS[l]) { console.error(`--libs: unknown library ${l}`); usage(2); }
  for (const m of o.modes) if (!MODES[m]) { console.error(`--modes: unknown mode ${m}`); usage(2); }
  return o;
}

// ---------------------------------------------------------------- the default data (as run.mjs)
function defaultDataset() {
  const ds = JSON.parse(readFileSync(join(ROOT, 'data', 'kp-cn.json'), 'utf8'));
  const view = ds.views.find((v) => v.id === 'monthly');
  const byId = new Map();
  for (const s of ds.series) for (const o of s.observations) if (o.id) byId.set(o.id, o);
  const value = (o) => {
    if (o.value != null) return o.value;
    const vs = o.derived.of.map((id) => value(byId.get(id)));
    if (o.derived.op === 'sum') return vs.reduce((a, b) => a + b, 0);
    if (o.derived.op === 'difference') return vs[0] - vs.slice(1).reduce((a, b) => a + b, 0);
    throw new Error(`derived ${o.id}: unknown op ${o.derived.op}`);
  };
  const inView = (p) => { const [a, b = a] = p.split('/'); return a >= view.from && b <= view.to; };
  const series = view.series.map((id) => ds.series.find((s) => s.id === id));
  const periods = [...new Set(series.flatMap((s) => s.observations.map((o) => o.period).filter(inView)))].sort();
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const label = (p) => p.split('/').map((m) => MONTHS[Number(m.slice(5, 7)) - 1]).join('–');
  const round = (v) => Math.round(v * 1e6) / 1e6;
  return {
    unit: `US$ ${ds.unit.scale === 1e6 ? 'million' : `× ${ds.unit.scale}`}`,
    labels: periods.map(label),
    series: series.map((s) => ({ id: s.id, label: s.label.en,
      values: periods.map((p) => { const o = s.observations.find((x) => x.period === p); return o ? round(value(o)) : null; }) })),
  };
}

// ---------------------------------------------------------------- the pages
// Every URL under /cdn/ carries a version or a content hash and is served immutable; the
// pages themselves revalidate (no-cache + ETag), as a news site's HTML would.
const COLORS = ['rgb(42, 92, 154)', 'rgb(196, 80, 27)', 'rgb(13, 122, 114)']; // trade-chart's light palette
function pages(tcBase, dflt) {
  const probe = readFileSync(join(BENCH, 'pageload', 'probe.js'), 'utf8');
  const template = readFileSync(join(BENCH, 'pageload', 'template.html'), 'utf8');
  const V = (n) => pkgVersion(n);
  const data = JSON.stringify({ title: 'North Korea–China trade, 2020 by month', unit: dflt.unit, labels: dflt.labels,
    series: dflt.series.map((s, j) => ({ label: s.label, values: s.values, color: COLORS[j] })) });
  // trade-chart: ready = create() resolved / trade-chart:ready (the first drawing is done by then)
  const tcApi = `function tcApi(chart, el) {
    return {
      chart: chart, canvasH: el.querySelector('canvas').getBoundingClientRect().height,
      probe: function () { var t = el.querySelector('.tc-tooltip'); return !!t && !t.hidden; },
      point: function () {
        var it = chart.items().filter(function (i) { return /-2020-06$/.test(i.id); })[0]; // June 2020, two-way (its hit box: the column)
        if (!it) throw new Error('no June figure among ' + JSON.stringify(chart.items().slice(0, 4)));
        var r = el.querySelector('canvas').getBoundingClientRect();
        return { x: r.left + it.x + it.w / 2, y: r.top + it.y + it.h * 0.85, what: it.period + ', ' + it.series + ', ' + it.value };
      },
      button: function (sel) { var b = el.querySelector(sel); b.scrollIntoView({ block: 'center' }); var r = b.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; },
      check: function (kind) {
        if (kind === 'toggle') return el.querySelector('.tc-legend [data-series]').getAttribute('aria-pressed') === 'false';
        if (kind === 'view') return chart.view === 'balance';
        return false;
      },
    };
  }`;
  const peerHead = `var DATA = ${data};
    function peerPoint(x, y) { return { x: x, y: y }; }`;
  const box = (inner) => `  <div class="chart-box">${inner}</div>`;
  // PL_NO_PRELOAD=1: trade-chart's pages without the README's preload hints (to compare).
  const hints = !process.env.PL_NO_PRELOAD;
  const libs = {
    tcs: {
      head: `<script>${tcApi}
document.addEventListener('trade-chart:ready', function (e) { __pl.rendered(tcApi(e.detail, e.target)); });</script>`,
      chart: `${box('<div data-trade-chart data-view="monthly"></div>')}
  <script src="${tcBase}trade-chart.standalone.js"></script>`,
    },
    tcj: { // README's snippet for a script served from a server or CDN, with its preload hint
      head: `${hints ? `<link rel="preload" href="${tcBase}trade_chart_bg.wasm" as="fetch" type="application/wasm" crossorigin>` : ''}
<script>${tcApi}
document.addEventListener('trade-chart:ready', function (e) { __pl.rendered(tcApi(e.detail, e.target)); });</script>`,
      chart: `${box('<div data-trade-chart data-view="monthly"></div>')}
  <script src="${tcBase}trade-chart.js"></script>`,
    },
    tc: {
      // README's snippet, with its preload hints: index.js, the glue and the wasm are
      // requested with the HTML instead of one after another (three round trips).
      head: `${hints ? `<link rel="modulepreload" href="${tcBase}index.js">
<link rel="modulepreload" href="${tcBase}trade_chart.js">
<link rel="preload" href="${tcBase}trade_chart_bg.wasm" as="fetch" type="application/wasm" crossorigin>` : ''}
<script>${tcApi}</script>`,
      chart: `${box('<div id="chart"></div>')}
  <script type="module">
    import { create } from '${tcBase}index.js';
    const el = document.getElementById('chart');
    const chart = await create(el, { view: 'monthly' });
    __pl.rendered(tcApi(chart, el));
  </script>`,
    },
    uplot: {
      head: `<link rel="stylesheet" href="/cdn/uplot/${V('uplot')}/uPlot.min.css">`,
      chart: `${box('<div id="chart"></div>')}
  <script src="/cdn/uplot/${V('uplot')}/uPlot.iife.min.js"></script>
  <script>
  (function () {
    ${peerHead}
    var el = document.getElementById('chart'), k = DATA.labels.length, bw = 0.8 / DATA.series.length, xs = [];
    for (var i = 0; i < k; i++) xs.push(i);
    var u, jun = DATA.labels.indexOf('Jun');
    var api = {
      probe: function () { return u.cursor.idx != null; }, // uPlot has no tooltip: its legend shows the hovered values
      point: function () {
        var r = u.over.getBoundingClientRect();
        return { x: r.left + u.valToPos(jun - 0.4 + bw / 2, 'x'), y: r.top + u.valToPos(DATA.series[0].values[jun] / 2, 'y'), what: 'Jun, ' + DATA.series[0].label };
      },
    };
    u = new uPlot({
      title: DATA.title, width: el.clientWidth, height: ${PEER_H},
      scales: { x: { time: false, range: [-0.5, k - 0.5] } },
      axes: [{ splits: function () { return xs; }, values: function (u, s) { return s.map(function (i) { return DATA.labels[i] || ''; }); } },
             { label: DATA.unit, size: 60 }],
      series: [{ label: 'Month', value: function (u, i) { return i == null ? '–' : DATA.labels[i]; } }].concat(DATA.series.map(function (s, j) {
        return { label: s.label, stroke: s.color, fill: s.color, width: 0, points: { show: false },
          paths: uPlot.paths.bars({ disp: { x0: { unit: 1, values: function (u) { return u.data[0].map(function (x) { return x - 0.4 + j * bw; }); } }, size: { unit: 1, values: function () { return [bw]; } } } }) };
      })),
      hooks: { draw: [function (u) { __pl.rendered(api); }] },
    }, [xs].concat(DATA.series.map(function (s) { return s.values; })), el);
  })();
  </script>`,
    },
    chartjs: {
      head: '',
      chart: `${box(`<div style="position: relative; height: ${PEER_H}px"><canvas id="chart"></canvas></div>`)}
  <script src="/cdn/chart.js/${V('chart.js')}/chart.umd.min.js"></script>
  <script>
  (function () {
    ${peerHead}
    var c, jun = DATA.labels.indexOf('Jun');
    var api = {
      probe: function () { return c.tooltip.getActiveElements().length > 0; },
      point: function () {
        var r = c.canvas.getBoundingClientRect(), b = c.getDatasetMeta(0).data[jun];
        return { x: r.left + b.x, y: r.top + (b.y + b.base) / 2, what: 'Jun, ' + DATA.series[0].label };
      },
    };
    c = new Chart(document.getElementById('chart'), {
      type: 'bar',
      data: { labels: DATA.labels, datasets: DATA.series.map(function (s) { return { label: s.label, data: s.values, backgroundColor: s.color }; }) },
      options: { animation: false, responsive: true, maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        plugins: { title: { display: true, text: DATA.title } },
        scales: { y: { title: { display: true, text: DATA.unit } } } },
      plugins: [{ id: 'pageload', afterRender: function () { __pl.rendered(api); } }],
    });
  })();
  </script>`,
    },
    highcharts: {
      head: '',
      chart: `${box('<div id="chart"></div>')}
  <script src="/cdn/highcharts/${V('highcharts')}/highcharts.js"></script>
  <script src="/cdn/highcharts/${V('highcharts')}/modules/exporting.js"></script>
  <script src="/cdn/highcharts/${V('highcharts')}/modules/accessibility.js"></script>
  <script>
  (function () {
    ${peerHead}
    var api, jun = DATA.labels.indexOf('Jun');
    Highcharts.chart('chart', {
      chart: { type: 'column', height: ${PEER_H}, animation: false, events: { load: function () { var ch = this;
        api = {
          probe: function () { return !ch.tooltip.isHidden; },
          point: function () {
            var r = ch.container.getBoundingClientRect(), p = ch.series[0].points[jun], s = p.shapeArgs;
            return { x: r.left + ch.plotLeft + s.x + s.width / 2, y: r.top + ch.plotTop + s.y + s.height / 2, what: 'Jun, ' + DATA.series[0].label };
          },
        };
        __pl.rendered(api); } } },
      title: { text: DATA.title },
      xAxis: { categories: DATA.labels },
      yAxis: { title: { text: DATA.unit } },
      tooltip: { shared: true },
      plotOptions: { series: { animation: false } },
      series: DATA.series.map(function (s) { return { name: s.label, data: s.values, color: s.color }; }),
    });
  })();
  </script>`,
    },
  };
  const out = {};
  for (const [id, l] of Object.entries(libs)) {
    // pl:script: where the chart's own markup and scripts start (the §2 window's start)
    out[id] = template.replace('{{PROBE}}', () => probe).replace('{{HEAD}}', () => l.head)
      .replace('{{CHART}}', () => `  <script>performance.mark('pl:script')</script>\n${l.chart}`);
  }
  return out;
}

// ---------------------------------------------------------------- the server
// Brotli 11 when the browser offers it, else gzip -9 (Chromium offers br only over HTTPS, so
// here: gzip), as a CDN would send; computed once per file.
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8' };
function serve(mounts, html) {
  const cache = new Map();
  const body = (key, buf) => {
    if (!cache.has(key)) cache.set(key, {
      raw: buf,
      gzip: gzipSync(buf, { level: 9 }),
      br: brotliCompressSync(buf, { params: { [Z.BROTLI_PARAM_QUALITY]: 11 } }),
      etag: `"${createHash('sha256').update(buf).digest('hex').slice(0, 16)}"`,
    });
    return cache.get(key);
  };
  const log = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let b, type, cc;
    const page = /^\/news\/(\w+)\.html$/.exec(path);
    if (page && html[page[1]]) {
      b = body(path, Buffer.from(html[page[1]]));
      type = TYPES['.html'];
      cc = 'no-cache';
    } else {
      const m = mounts.find(([p]) => path.startsWith(p));
      const file = m && resolve(m[1], '.' + path.slice(m[0].length - 1));
      if (!m || !file.startsWith(m[1] + sep) || !existsSync(file) || !statSync(file).isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
        return;
      }
      b = body(file, readFileSync(file));
      type = TYPES[extname(file)] || 'application/octet-stream';
      cc = 'public, max-age=31536000, immutable';
    }
    log.push(path);
    const headers = { 'content-type': type, 'cache-control': cc, etag: b.etag, vary: 'Accept-Encoding' };
    if (req.headers['if-none-match'] === b.etag) { res.writeHead(304, headers).end(); return; }
    const ae = String(req.headers['accept-encoding'] || '');
    const enc = /\bbr\b/.test(ae) ? 'br' : /\bgzip\b/.test(ae) ? 'gzip' : null;
    const data = enc ? b[enc] : b.raw;
    if (enc) headers['content-encoding'] = enc;
    headers['content-length'] = data.length;
    res.writeHead(200, headers).end(data);
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r({ server, log })));
}

// ---------------------------------------------------------------- statistics
function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  const i = (sorted.length - 1) * q, lo = Math.floor(i), hi = Math.ceil(i);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}
function stats(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return { n: v.length, median: quantile(v, 0.5), p10: quantile(v, 0.1), p90: quantile(v, 0.9), min: v[0] ?? NaN, max: v[v.length - 1] ?? NaN };
}

// ---------------------------------------------------------------- the trace
// The renderer main thread's top-level tasks (RunTask, DevTools' "Task") of the process that
// set the pl:firstFrame mark; times in ms from the navigation's start (the mark's trace
// timestamp minus its performance.now()).
const CATEGORIES = ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'blink.user_timing', 'v8.wasm'];
function analyse(events, firstFrame) {
  const ffMark = events.find((e) => e.name === 'pl:firstFrame' && (e.cat || '').includes('user_timing'));
  if (!ffMark) throw new Error('trace: no pl:firstFrame mark');
  const pid = ffMark.pid;
  const tid = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain')?.tid;
  const origin = ffMark.ts - firstFrame * 1000;
  const endMark = events.find((e) => e.name === 'pl:end' && e.pid === pid);
  const scriptMark = events.find((e) => e.name === 'pl:script' && e.pid === pid);
  const scriptAt = scriptMark ? (scriptMark.ts - origin) / 1000 : 0;
  const tasks = [];
  let lastEnd = -Infinity;
  for (const e of events.filter((x) => x.ph === 'X' && x.name === 'RunTask' && x.pid === pid && x.tid === tid && x.dur > 0).sort((a, b) => a.ts - b.ts)) {
    if (e.ts < lastEnd) continue; // nested in the previous top-level task
    lastEnd = e.ts + e.dur;
    tasks.push({ start: (e.ts - origin) / 1000, dur: e.dur / 1000 });
  }
  const within = (a, b) => tasks.filter((t) => t.start >= a && t.start < b);
  const load = within(0, firstFrame + IDLE_AFTER_FRAME);
  // issue 14 §2: from the chart's script tag (an inline mark just before it) through the
  // first hover, toggle and view change
  const visit = within(scriptAt, endMark ? (endMark.ts - origin) / 1000 : Infinity);
  const longest = (ts) => ts.reduce((m, t) => Math.max(m, t.dur), 0);
  // wasm caching and compilation events (category v8.wasm): names and counts
  const wasm = {};
  for (const e of events) if ((e.cat || '').includes('v8.wasm') && e.pid === pid) wasm[e.name] = (wasm[e.name] || 0) + 1;
  return {
    tbt: load.reduce((s, t) => s + Math.max(0, t.dur - 50), 0),
    longest: longest(load),
    longestVisit: longest(visit),
    scriptAt,
    over50Visit: visit.filter((t) => t.dur > 50).map((t) => ({ start: +t.start.toFixed(1), dur: +t.dur.toFixed(1) })),
    wasmEvents: wasm,
  };
}

// ---------------------------------------------------------------- one visit
async function readStream(cdp, handle) {
  let out = '';
  for (;;) {
    const r = await cdp.send('IO.read', { handle, size: 1 << 20 });
    out += r.base64Encoded ? Buffer.from(r.data, 'base64').toString('utf8') : r.data;
    if (r.eof) break;
  }
  await cdp.send('IO.close', { handle });
  return out;
}

async function visit(ctx, url, lib, mode, which, shot) {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  const rec = { which, problems: [] };
  const req = new Map();
  cdp.on('Network.responseReceived', (e) => {
    const r = req.get(e.requestId) || {};
    req.set(e.requestId, Object.assign(r, { url: e.response.url, status: e.response.status, fromDiskCache: !!e.response.fromDiskCache,
      encoding: e.response.headers['content-encoding'] || e.response.headers['Content-Encoding'] || '' }));
  });
  cdp.on('Network.requestServedFromCache', (e) => { const r = req.get(e.requestId) || {}; r.fromCache = true; req.set(e.requestId, r); });
  cdp.on('Network.loadingFinished', (e) => { const r = req.get(e.requestId) || {}; r.bytes = e.encodedDataLength; req.set(e.requestId, r); });
  cdp.on('Network.loadingFailed', (e) => { const r = req.get(e.requestId) || {}; r.failed = e.errorText; req.set(e.requestId, r); });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`.slice(0, 300)); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`.slice(0, 300)));
  let tracing = false;
  try {
    await cdp.send('Network.enable');
    if (mode === 'slow') {
      await cdp.send('Network.emulateNetworkConditions', SLOW_NET);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
    }
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReturnAsStream' });
    tracing = true;
    await page.goto(url, { waitUntil: 'load', timeout: 90000 });
    rec.firstFrame = await page.evaluate(() => Promise.race([__pl.firstFrame, new Promise((r) => setTimeout(() => r(null), 60000))]));
    if (rec.firstFrame == null) throw new Error('no first frame within 60 s of the load event');
    Object.assign(rec, await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      return { rendered: __pl.t.rendered, htmlEnd: n.responseEnd, dcl: n.domContentLoadedEventEnd, loadEvent: n.loadEventEnd, canvasH: __pl.api().canvasH ?? null, boxH: document.querySelector('.chart-box').getBoundingClientRect().height };
    }));
    // the load window: first frame + IDLE_AFTER_FRAME, no input (a reader reading the first screen)
    await page.waitForTimeout(Math.max(0, rec.firstFrame + IDLE_AFTER_FRAME - (await page.evaluate(() => performance.now()))));
    // the reader scrolls the chart into view with the wheel (it started below the fold)
    let pt = await page.evaluate(() => __pl.point());
    rec.hoverY = pt.y;
    const dy = Math.round(pt.y - VIEWPORT.height / 2);
    if (dy > 0) {
      await page.mouse.move(VIEWPORT.width - 8, 8); // the page margin, not the chart
      await page.mouse.wheel(0, dy);
      for (let i = 0; i < 30; i++) { // until the scroll has landed
        const y = await page.evaluate(async () => { await __pl.frame(); return __pl.point().y; });
        if (Math.abs(y - pt.y) >= Math.abs(dy) - 2) break;
      }
      await page.evaluate(() => __pl.frame());
    }
    rec.scrolled = dy > 0;
    pt = await page.evaluate(() => __pl.point());
    rec.hoverTarget = pt.what;
    if (pt.y < 0 || pt.y > VIEWPORT.height) rec.problems.push(`hover target at y=${Math.round(pt.y)}, outside the window`);
    await page.evaluate(() => __pl.armHoverNow());
    await page.mouse.move(pt.x, pt.y);
    const h = await page.evaluate(() => __pl.pending);
    rec.hover = h.ms;
    if (h.timeout) rec.problems.push('hover: no tooltip / readout within 10 s');
    if (lib.startsWith('tc')) { // a legend toggle and a view change, real clicks
      for (const [kind, sel] of [['toggle', '.tc-legend [data-series]'], ['view', '.tc-tabs [data-view="balance"]']]) {
        const b = await page.evaluate((s) => __pl.api().button(s), sel);
        await page.evaluate(() => __pl.frame());
        await page.evaluate((k) => __pl.armClick(k), kind);
        await page.mouse.click(b.x, b.y);
        const c = await page.evaluate(() => __pl.pending);
        rec[kind] = c.ms;
        if (!c.ok) rec.problems.push(`${kind}: not shown in the frame after the click`);
      }
    }
    await page.evaluate(() => { __pl.mark('pl:end'); return __pl.frame(); });
    // outside the measured windows: what the reader saw (bench/shots/, git-ignored)
    if (shot) await page.locator('.chart-box').screenshot({ path: join(BENCH, 'shots', `pageload-${lib}-${mode}.png`) }).catch(() => {});
    const pageErrors = await page.evaluate(() => __pl.t.errors || []);
    if (pageErrors.length) rec.problems.push(...pageErrors.map((e) => `page: ${e}`));
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    tracing = false;
    const { stream } = await done;
    const parsed = JSON.parse(await readStream(cdp, stream));
    Object.assign(rec, analyse(Array.isArray(parsed) ? parsed : parsed.traceEvents, rec.firstFrame));
  } catch (e) {
    rec.error = String(e && e.message || e).split('\n')[0];
  } finally {
    if (tracing) await cdp.send('Tracing.end').catch(() => {});
    rec.resources = [...req.values()].filter((r) => r.url && !r.url.startsWith('data:'))
      .map((r) => ({ url: r.url.replace(/^https?:\/\/[^/]+/, ''), status: r.status, bytes: r.bytes ?? 0, cache: r.fromDiskCache || r.fromCache || false, encoding: r.encoding, failed: r.failed }));
    rec.bytes = rec.resources.reduce((s, r) => s + r.bytes, 0);
    rec.requests = rec.resources.filter((r) => !r.cache).length;
    if (errors.length) rec.console = errors.slice(0, 10);
    await page.close().catch(() => {});
  }
  return rec;
}

// A new browser with an empty profile (disk HTTP cache and code cache on, as for a reader),
// the cold visit, a pause, the warm visit (a new tab, same profile), then the profile is gone.
async function pair(base, lib, mode, run) {
  const dir = mkdtempSync(join(os.tmpdir(), 'tc-pageload-profile-'));
  const home = mkdtempSync(join(os.tmpdir(), 'tc-pageload-home-'));
  let ctx;
  try {
    ctx = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS,
      env: { ...process.env, HOME: home }, viewport: VIEWPORT, deviceScaleFactor: DPR });
    const url = `${base}/news/${lib}.html`;
    const cold = await visit(ctx, url, lib, mode, 'cold', run === 0);
    await new Promise((r) => setTimeout(r, 3000)); // the reader comes back later; caches are written meanwhile
    const warm = await visit(ctx, url, lib, mode, 'warm', false);
    return { lib, mode, run, cold, warm };
  } finally {
    await ctx?.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- the report
const fmt = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const kb = (b) => (Number.isFinite(b) ? `${(b / 1024).toFixed(1)} KB` : '–');
const cell = (s, d = 0) => (s && s.n ? `${fmt(s.median, d)} (${fmt(s.p10, d)}–${fmt(s.p90, d)})` : '–');
const ratio = (a, b) => (a?.n && b?.n && b.median > 0 ? (a.median / b.median).toFixed(2) : '–');
const METRICS = [
  ['bytes', 'transferred (KB)', (r) => r.bytes / 1024, 1],
  ['requests', 'requests over the network', (r) => r.requests, 0],
  ['firstFrame', 'first frame (ms)', (r) => r.firstFrame, 0],
  ['hover', 'first hover → frame with the tooltip (ms)', (r) => r.hover, 0],
  ['tbt', 'total blocking time (ms)', (r) => r.tbt, 0],
  ['longest', 'longest task, load (ms)', (r) => r.longest, 0],
  ['longestVisit', 'longest task, script tag → view change (ms)', (r) => r.longestVisit, 0],
  ['toggle', 'legend toggle → frame (ms)', (r) => r.toggle, 0],
  ['view', 'view change → frame (ms)', (r) => r.view, 0],
];
function summarise(res) {
  const out = {};
  for (const mode of res.options.modes) for (const which of ['cold', 'warm']) for (const lib of res.options.libs) {
    const recs = res.pairs.filter((p) => p.lib === lib && p.mode === mode).map((p) => p[which]).filter((r) => r && !r.error && !r.problems.length);
    const m = {};
    for (const [k, , f] of METRICS) m[k] = stats(recs.map(f));
    ((out[mode] ??= {})[which] ??= {})[lib] = m;
  }
  return out;
}
function markdown(res) {
  const { machine: mc, options: opt } = res;
  const S = summarise(res);
  const L = [];
  L.push(`Machine: ${mc.nproc} cores, ${mc.cpu}; Chromium ${mc.chromium} headless (software raster); Node ${mc.node}; load average ${mc.loadavgStart.join(' ')} at the start, ${(mc.loadavgEnd || []).join(' ')} at the end; ${mc.seconds ?? '?'} s.`);
  L.push(`Build: trade-chart ${mc.git}${mc.gitDirty ? ' (uncommitted changes)' : ''}, wasm sha256 ${mc.wasmSha256}…. Command: \`${res.command}\` — ${opt.runs} cold + warm pairs per library and mode, libraries interleaved; a phone-sized window (${VIEWPORT.width}×${VIEWPORT.height} CSS px, DPR ${DPR}). Cells: median (p10–p90) of the valid visits; ratios: trade-chart median ÷ peer median (below 1 = trade-chart smaller / faster).`);
  L.push('');
  const libs = opt.libs;
  for (const mode of opt.modes) for (const which of ['cold', 'warm']) {
    L.push(`### ${which === 'cold' ? 'Cold (first visit)' : 'Warm (second visit)'}, ${MODES[mode]}`);
    L.push('');
    L.push(`| metric | ${libs.map((l) => LIBS[l]).join(' | ')} |`);
    L.push(`|---|${libs.map(() => '---:').join('|')}|`);
    for (const [k, title, , d] of METRICS) {
      if ((k === 'toggle' || k === 'view') && !libs.some((l) => l.startsWith('tc'))) continue;
      L.push(`| ${title} | ${libs.map((l) => ((k === 'toggle' || k === 'view') && !l.startsWith('tc') ? 'not measured' : cell(S[mode][which][l][k], d))).join(' | ')} |`);
    }
    L.push('');
    const peers = libs.filter((l) => !l.startsWith('tc')), ours = libs.filter((l) => l.startsWith('tc'));
    if (peers.length && ours.length) {
      L.push(`Ratios (${which}, ${MODES[mode]}): ${ours.map((t) => LIBS[t]).join(' / ')} ÷ each peer`);
      L.push('');
      L.push(`| metric | ${peers.map((p) => LIBS[p].split(' +')[0]).join(' | ')} |`);
      L.push(`|---|${peers.map(() => '---:').join('|')}|`);
      for (const [k, title] of METRICS.filter(([k]) => ['bytes', 'firstFrame', 'hover', 'tbt', 'longest'].includes(k))) {
        L.push(`| ${title} | ${peers.map((p) => ours.map((t) => ratio(S[mode][which][t][k], S[mode][which][p][k])).join(' / ')).join(' | ')} |`);
      }
      L.push('');
    }
  }
  // targets
  L.push('### Targets (issue 14)');
  L.push('');
  const ff = (mode, which, l) => S[mode]?.[which]?.[l]?.firstFrame;
  if (opt.modes.includes('slow')) {
    for (const t of libs.filter((l) => l.startsWith('tc'))) {
      for (const p of ['chartjs', 'highcharts'].filter((x) => libs.includes(x))) {
        const r = ratio(ff('slow', 'cold', t), ff('slow', 'cold', p));
        L.push(`- ${LIBS[t]} ahead of ${LIBS[p].split(' +')[0]} cold (first frame, 4×/slow network): ${r}× — **${r !== '–' && Number(r) < 1 ? 'met' : 'missed'}**`);
      }
      if (libs.includes('uplot')) {
        const r = ratio(ff('slow', 'warm', t), ff('slow', 'warm', 'uplot'));
        L.push(`- ${LIBS[t]} within 1.2× of uPlot warm (first frame, 4×/slow network): ${r}× — **${r !== '–' && Number(r) <= 1.2 ? 'met' : 'missed'}**`);
      }
    }
  }
  if (opt.modes.includes('fast')) {
    for (const t of libs.filter((l) => l.startsWith('tc'))) {
      const recs = res.pairs.filter((p) => p.lib === t && p.mode === 'fast').flatMap((p) => [p.cold, p.warm]).filter((r) => r && !r.error);
      const worst = recs.reduce((m, r) => Math.max(m, r.longestVisit ?? 0), 0);
      const n = recs.filter((r) => (r.longestVisit ?? 0) > 50).length;
      L.push(`- ${LIBS[t]}, unthrottled, script tag → first frame → hover, toggle, view change: longest main-thread task ${fmt(worst)} ms over ${recs.length} visits; ${n} visit(s) with a task over 50 ms — **${n ? 'missed' : 'met'}**`);
    }
  }
  if (opt.modes.includes('slow')) {
    for (const t of libs.filter((l) => l.startsWith('tc'))) {
      const recs = res.pairs.filter((p) => p.lib === t && p.mode === 'slow').flatMap((p) => [p.cold, p.warm]).filter((r) => r && !r.error);
      const worst = Math.max(...recs.flatMap((r) => [r.hover, r.toggle, r.view]).filter(Number.isFinite));
      L.push(`- ${LIBS[t]}, 4× CPU: every interaction's next frame within 100 ms (hover, toggle, view change): worst ${fmt(worst)} ms — **${worst <= 100 ? 'met' : 'missed'}**`);
    }
  }
  L.push('');
  L.push('### What the traces say about wasm caching (category v8.wasm, events per visit, renderer of the page)');
  L.push('');
  L.push('| library | mode | visit | events |');
  L.push('|---|---|---|---|');
  for (const t of libs.filter((l) => l.startsWith('tc'))) for (const mode of opt.modes) for (const which of ['cold', 'warm']) {
    const r = res.pairs.find((p) => p.lib === t && p.mode === mode && p[which] && !p[which].error)?.[which];
    const ev = r ? Object.entries(r.wasmEvents || {}).map(([k, v]) => `${k} ×${v}`).join(', ') : '–';
    L.push(`| ${LIBS[t]} | ${mode} | ${which} | ${ev || 'none'} |`);
  }
  L.push('');
  L.push('### Resources of one visit each (first run)');
  L.push('');
  L.push('| library | visit | resource | status | encoding | transferred | from cache |');
  L.push('|---|---|---|---:|---|---:|---|');
  for (const lib of libs) for (const which of ['cold', 'warm']) {
    const p = res.pairs.find((x) => x.lib === lib && x.mode === opt.modes[0]);
    for (const r of p?.[which]?.resources || []) L.push(`| ${LIBS[lib].split(' +')[0]} | ${which} | ${r.url} | ${r.status ?? '–'} | ${r.encoding || '–'} | ${kb(r.bytes)} | ${r.cache ? 'yes' : ''} |`);
  }
  const bad = res.pairs.flatMap((p) => ['cold', 'warm'].map((w) => [p, p[w]])).filter(([, r]) => r && (r.error || r.problems.length));
  if (bad.length) {
    L.push('');
    L.push(`### Visits left out (${bad.length})`);
    L.push('');
    for (const [p, r] of bad) L.push(`- ${p.lib} ${p.mode} run ${p.run} ${r.which}: ${r.error || r.problems.join('; ')}`);
  }
  const msgs = new Map();
  for (const p of res.pairs) for (const w of ['cold', 'warm']) for (const c of p[w]?.console || []) { const k = `${p.lib}: ${c}`; msgs.set(k, (msgs.get(k) || 0) + 1); }
  if (msgs.size) {
    L.push('');
    L.push('### Console errors and warnings');
    L.push('');
    for (const [k, n] of msgs) L.push(`- ${k} (${n} visit${n > 1 ? 's' : ''})`);
  }
  return L.join('\n') + '\n';
}

// ---------------------------------------------------------------- main
function machine() {
  const sh = (cmd, args) => { try { return execFileSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return null; } };
  const cpu = (() => { try { return (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m) || [])[1]; } catch { return os.cpus()[0]?.model; } })();
  return {
    date: new Date().toISOString(), nproc: Number(sh('nproc', [])) || os.availableParallelism(), cpu, node: process.version,
    git: sh('git', ['rev-parse', '--short', 'HEAD']), gitDirty: (sh('git', ['status', '--porcelain', '--', 'src', 'www', 'scripts']) || '').length > 0,
    wasmSha256: createHash('sha256').update(readFileSync(join(ROOT, 'pkg', 'trade_chart_bg.wasm'))).digest('hex').slice(0, 16),
    loadavgStart: os.loadavg().map((x) => +x.toFixed(2)),
    chromium: (sh(CHROMIUM, ['--version']) || '').replace(/^Chromium\s*/, '') || 'unknown',
  };
}

export async function main(argv = process.argv.slice(2)) {
  const opt = parseArgs(argv);
  const jsonPath = join(BENCH, 'results-pageload.json'), mdPath = join(BENCH, 'results-pageload.md');
  if (opt.report) {
    const md = markdown(JSON.parse(readFileSync(jsonPath, 'utf8')));
    writeFileSync(mdPath, `# A reader's page load: results\n\n${md}`);
    console.log(md);
    return;
  }
  for (const f of ['index.js', 'trade_chart.js', 'trade_chart_bg.wasm', 'trade-chart.standalone.js', 'trade-chart.js', 'trade-chart.css']) {
    if (!existsSync(join(ROOT, 'pkg', f))) { console.error(`pkg/${f} is missing: build first (make build)`); process.exit(1); }
  }
  for (const n of ['playwright-core', 'uplot', 'chart.js', 'highcharts']) {
    if (!existsSync(join(NM, n, 'package.json'))) { console.error(`bench/node_modules/${n} is missing: npm ci --prefix bench`); process.exit(1); }
  }
  // pkg/ copied first (a rebuild during the run cannot mix two builds), served under a
  // content hash of its files, as a CDN path would be versioned
  const pkg = mkdtempSync(join(os.tmpdir(), 'tc-pageload-pkg-'));
  cpSync(join(ROOT, 'pkg'), pkg, { recursive: true });
  const h = createHash('sha256');
  for (const f of ['trade_chart_bg.wasm', 'trade_chart.js', 'index.js', 'trade-chart.standalone.js', 'trade-chart.js', 'trade_chart_full_bg.wasm', 'trade_chart_full.js']) h.update(readFileSync(join(pkg, f)));
  const tcBase = `/cdn/trade-chart/${h.digest('hex').slice(0, 10)}/`;
  const html = pages(tcBase, defaultDataset());
  const { server } = await serve([
    [tcBase, pkg],
    [`/cdn/uplot/${pkgVersion('uplot')}/`, join(NM, 'uplot', 'dist')],
    [`/cdn/chart.js/${pkgVersion('chart.js')}/`, join(NM, 'chart.js', 'dist')],
    [`/cdn/highcharts/${pkgVersion('highcharts')}/`, join(NM, 'highcharts')],
  ], html);
  const base = `http://127.0.0.1:${server.address().port}`;
  const mc = machine();
  const pairs = [];
  mkdirSync(join(BENCH, 'shots'), { recursive: true });
  const t0 = Date.now();
  const total = opt.runs * opt.modes.length * opt.libs.length;
  try {
    for (let run = 0; run < opt.runs; run++) {
      for (const mode of opt.modes) {
        for (const lib of opt.libs) {
          const p = await pair(base, lib, mode, run);
          pairs.push(p);
          const line = (r) => (r.error ? `ERROR ${r.error}` : `${kb(r.bytes)} ff ${fmt(r.firstFrame)} hover ${fmt(r.hover)} tbt ${fmt(r.tbt)} long ${fmt(r.longest)}/${fmt(r.longestVisit)}` +
            (r.toggle != null ? ` toggle ${fmt(r.toggle)} view ${fmt(r.view)}` : '') + (r.problems.length ? ` INVALID ${r.problems.join('; ')}` : ''));
          process.stderr.write(`[${pairs.length}/${total} ${((Date.now() - t0) / 1000).toFixed(0)}s] run ${run} ${mode} ${lib.padEnd(10)} cold: ${line(p.cold)} | warm: ${line(p.warm)}\n`);
        }
      }
    }
  } finally {
    server.close();
    rmSync(pkg, { recursive: true, force: true });
  }
  mc.loadavgEnd = os.loadavg().map((x) => +x.toFixed(2));
  mc.seconds = Math.round((Date.now() - t0) / 1000);
  const res = { command: `node bench/pageload.mjs${argv.filter((a) => a !== '--pageload').length ? ' ' + argv.filter((a) => a !== '--pageload').join(' ') : ''}`,
    machine: mc, options: opt, settings: { viewport: VIEWPORT, dpr: DPR, slowNet: SLOW_NET, cpuRate: CPU_RATE, idleAfterFrame: IDLE_AFTER_FRAME, peerHeight: PEER_H, libs: LIBS }, pairs };
  writeFileSync(jsonPath, JSON.stringify(res, null, 1) + '\n');
  const md = markdown(res);
  writeFileSync(mdPath, `# A reader's page load: results\n\n${md}`);
  console.log(md);
  process.stderr.write(`wrote bench/results-pageload.json and bench/results-pageload.md in ${mc.seconds}s\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => { console.error(e); process.exit(1); });
}
