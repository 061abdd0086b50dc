#!/usr/bin/env node
// A reader's page load (issue 14 §3, issue 22): a news page with the story chart below one
// screen of text, loaded cold and warm (second visit), for trade-chart (the element with
// its published picture, and each README snippet without one: standalone script,
// trade-chart.js, ES module, <trade-chart>), uPlot, Chart.js and Highcharts (+ accessibility
// and exporting). Two moments per visit: the first picture (the chart's first pixels) and
// interactive (a hover over the chart answered, the pointer on the chart from the page's
// start). What is measured and why: ../BENCHMARKS.md, "A reader's page load". Usage:
//
//   node bench/pageload.mjs [--runs N] [--libs tcp,tcpw,tcs,tcj,tc,tce,uplot,chartjs,highcharts] [--modes slow,fast]
//   node bench/run.mjs --pageload [the same options]
//   node bench/pageload.mjs --report      (rewrite the Markdown from results-pageload.json)
//
// Needs pkg/ (make build) and `npm ci --prefix bench`. Writes bench/results-pageload.json
// and bench/results-pageload.md; prints the Markdown. bench/lighthouse.mjs serves the same
// pages (pages(), serve(), packageCopy() below).
import { createServer } from 'node:http';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

export const LIBS = {
  tcp: 'trade-chart with its picture (server render + trade-chart.js)',
  tcpw: 'trade-chart with its picture + the wasm preload hint (a lever)',
  tcp1: 'trade-chart with a one-drawing picture (a lever; not in the default run)',
  tcpf: 'trade-chart with its picture + the wasm fetched in <head> (a lever; not in the default run)',
  tcs: 'trade-chart standalone',
  tcj: 'trade-chart.js (classic, wasm beside it)',
  tc: 'trade-chart ES module',
  tce: 'trade-chart element `<trade-chart>` (standalone)',
  uplot: `uPlot ${pkgVersion('uplot')}`,
  chartjs: `Chart.js ${pkgVersion('chart.js')}`,
  highcharts: `Highcharts ${pkgVersion('highcharts')} + accessibility + exporting`,
};
// pages measured only when named in --libs
const EXTRA = ['tcp1', 'tcpf'];
export const DEFAULT_LIBS = Object.keys(LIBS).filter((l) => !EXTRA.includes(l));
const MODES = { slow: '4× CPU, 1.6 Mbps / 150 ms RTT', fast: 'unthrottled' };

// ---------------------------------------------------------------- command line
function usage(code) {
  console.log(`usage: node bench/pageload.mjs [options]   (or node bench/run.mjs --pageload [options])
  --runs N        cold + warm visit pairs per library and mode (default 5)
  --libs LIST     of ${Object.keys(LIBS).join(',')} (default: all but ${EXTRA.join(', ')})
  --modes LIST    subset of slow,fast (default: both)
  --report        no run: rewrite bench/results-pageload.md from bench/results-pageload.json`);
  process.exit(code);
}
function parseArgs(argv) {
  const o = { runs: 5, libs: DEFAULT_LIBS, modes: Object.keys(MODES) };
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
// picture: the server render's markup (pkg/server.js) for `tcp`. lighthouse: the pages as
// a reader gets them, without the probe (its per-frame poll) and with no-op hooks.
// firstScreen: the chart right after the byline, in the first screen (for Lighthouse: a
// shift below the window is no layout shift at all).
export function pages(tcBase, dflt, picture, { lighthouse = false, firstScreen = false } = {}) {
  const probe = lighthouse ? 'window.__pl = { rendered: function () {}, picture: function () {} };'
    : readFileSync(join(BENCH, 'pageload', 'probe.js'), 'utf8');
  let template = readFileSync(join(BENCH, 'pageload', 'template.html'), 'utf8');
  if (firstScreen) {
    const byline = /(<p class="byline">[^\n]*<\/p>\n)/;
    if (!byline.test(template) || !template.includes('\n{{CHART}}\n')) throw new Error('template.html: no byline or {{CHART}} line to move');
    template = template.replace('\n{{CHART}}\n', '\n').replace(byline, '$1\n{{CHART}}\n');
  }
  const V = (n) => pkgVersion(n);
  const data = JSON.stringify({ title: 'North Korea–China trade, 2020 by month', unit: dflt.unit, labels: dflt.labels,
    series: dflt.series.map((s, j) => ({ label: s.label, values: s.values, color: COLORS[j] })) });
  // trade-chart: ready = create() resolved / trade-chart:ready (the first drawing is done by
  // then); the chart is in the element's shadow root for <trade-chart>
  const tcApi = `function tcApi(chart, el) {
    var root = el.shadowRoot || el;
    return {
      chart: chart, canvasH: root.querySelector('canvas').getBoundingClientRect().height,
      probe: function () { var t = root.querySelector('.tc-tooltip'); return !!t && !t.hidden; },
      point: function () {
        // June 2020, two-way, at the monthly view; 2020's bar at the README's \`collapse\` (its hit box: the column)
        var items = chart.items(), it = items.filter(function (i) { return /-2020-06$/.test(i.id); })[0]
          || items.filter(function (i) { return i.period === '2020'; })[0];
        if (!it) throw new Error('no June 2020 or 2020 figure among ' + JSON.stringify(items.slice(0, 4)));
        var r = root.querySelector('canvas').getBoundingClientRect();
        return { x: r.left + it.x + it.w / 2, y: r.top + it.y + it.h * 0.85, what: it.period + ', ' + it.series + ', ' + it.value };
      },
      button: function (sel) { var b = root.querySelector(sel); b.scrollIntoView({ block: 'center' }); var r = b.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; },
      check: function (kind) {
        if (kind === 'toggle') return root.querySelector('.tc-legend [data-series]').getAttribute('aria-pressed') === 'false';
        if (kind === 'view') return chart.view === 'balance';
        return false;
      },
    };
  }`;
  const tcReady = `document.addEventListener('trade-chart:ready', function (e) { __pl.rendered(tcApi(e.detail, e.target)); });`;
  // the picture's plot, laid out (the drawing for the container's width shown); the pointer
  // aims where it will aim on the live chart: June 2020's two-way bar, found as the picture's
  // hit region of that row of its data table (src/chart/dataset/picture.rs), at the same
  // place in its column; the picture answers the hover itself (www/shell/picture.js) when
  // its own tooltip shows a value and a source
  const tcPicture = `__pl.picture(function () {
    var h = document.querySelector('trade-chart'), r = h && h.shadowRoot, p = r && r.querySelector('figure[data-tc-picture] .tc-picture-img');
    if (!p) return false;
    var b = p.getBoundingClientRect(), svg = [].filter.call(p.querySelectorAll('svg'), function (s) { return s.getBoundingClientRect().height > 0; })[0];
    return b.width > 0 && b.height > 0 && !!svg;
  }, function () {
    var f = document.querySelector('trade-chart').shadowRoot.querySelector('figure[data-tc-picture]');
    var rows = [].slice.call(f.querySelector('.tc-nojs table').tBodies[0].rows), i = -1;
    rows.forEach(function (r, j) { if (i < 0 && r.cells[0].textContent === 'June 2020' && r.cells[1].textContent === 'Two-way trade') i = j; });
    var g = [].filter.call(f.querySelectorAll('.tc-hits > rect[data-i="' + i + '"]'), function (e) { return e.getBoundingClientRect().height > 0; })[0];
    if (!g) throw new Error('no hit region for June 2020 in the picture');
    var b = g.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height * 0.85, what: 'June 2020 in the picture' };
  }, function () {
    var t = document.querySelector('trade-chart').shadowRoot.querySelector('figure[data-tc-picture] .tc-tooltip');
    var v = t && !t.hidden && t.querySelector('.tc-tt-value'), s = t && t.querySelector('.tc-tt-source');
    return !!v && !!v.textContent && !!s && !!s.textContent;
  });`;
  const peerHead = `var DATA = ${data};
    function peerPoint(x, y) { return { x: x, y: y }; }`;
  const box = (inner) => `  <div class="chart-box">${inner}</div>`;
  // PL_NO_PRELOAD=1: trade-chart's pages without the README's preload hints (to compare).
  const hints = !process.env.PL_NO_PRELOAD;
  const libs = {
    tcp: { // README: the server render's markup (trade-chart/server), then trade-chart.js after it
      head: `<script>${tcApi}
${tcReady}
${tcPicture}</script>`,
      chart: `${box(picture)}
  <script src="${tcBase}trade-chart.js"></script>`,
    },
    tcpw: { // the same, with trade-chart.js's preload hint for the wasm (a lever for interactive)
      head: `<link rel="preload" href="${tcBase}trade_chart_bg.wasm" as="fetch" type="application/wasm" crossorigin>
<script>${tcApi}
${tcReady}
${tcPicture}</script>`,
      chart: `${box(picture)}
  <script src="${tcBase}trade-chart.js"></script>`,
    },
    tcpf: { // the same, with the wasm asked for by a fetch() in <head> that trade-chart.js takes
      // over (TradeChartWasm): as early as the preload hint, compiled by streaming from a response
      // of the page's own fetch (the preload's defeats V8's code cache on the next visit)
      head: `<script>TradeChartWasm = fetch('${tcBase}trade_chart_bg.wasm');</script>
<script>${tcApi}
${tcReady}
${tcPicture}</script>`,
      chart: `${box(picture)}
  <script src="${tcBase}trade-chart.js"></script>`,
    },
    tcp1: { // the picture with only the drawing this window shows (the one from 0 px; the others
      // are for 440, 560 and 960 px and up): what one published width would cost to parse and lay out
      head: `<script>${tcApi}
${tcReady}
${tcPicture}</script>`,
      chart: `${box(picture.replace(/<svg [^>]*data-tc-from="(?!0")\d+"[\s\S]*?<\/svg>/g, ''))}
  <script src="${tcBase}trade-chart.js"></script>`,
    },
    // The pages without a picture paste the README's snippets as it writes them (the blocks
    // marked `embed-test`), at its view (`collapse`, the story's opening view, whose height
    // trade-chart.css reserves exactly), with the bench's hooks added beside them.
    tcs: { // README's `div-standalone`
      head: `<script>${tcApi}
${tcReady}</script>`,
      chart: `${box('<div data-trade-chart data-view="collapse"></div>')}
  <script src="${tcBase}trade-chart.standalone.js"></script>`,
    },
    tcj: { // README's `div-classic`: a script served from a server or CDN, with its preload hint
      head: `<script>${tcApi}
${tcReady}</script>`,
      chart: `${box(`${hints ? `<link rel="preload" href="${tcBase}trade_chart_bg.wasm" as="fetch" type="application/wasm" crossorigin>\n` : ''}<div data-trade-chart data-view="collapse"></div>`)}
  <script src="${tcBase}trade-chart.js"></script>`,
    },
    tc: {
      // README's `module-create` (the stylesheet and the `tc-box` class reserve the height),
      // with the README's preload hints in <head>: index.js, the glue and the wasm are
      // requested with the HTML instead of one after another (three round trips); awaited
      // here only to hand the chart to the bench.
      head: `${hints ? `<link rel="modulepreload" href="${tcBase}index.js">
<link rel="modulepreload" href="${tcBase}trade_chart.js">
<link rel="preload" href="${tcBase}trade_chart_bg.wasm" as="fetch" type="application/wasm" crossorigin>` : ''}
<script>${tcApi}</script>`,
      chart: `${box(`<link rel="stylesheet" href="${tcBase}trade-chart.css">
<div id="chart" class="tc-box"></div>`)}
  <script type="module">
    import { create } from '${tcBase}index.js';
    const el = document.getElementById('chart');
    const chart = await create(el, { view: 'collapse' });
    __pl.rendered(tcApi(chart, el));
  </script>`,
    },
    tce: { // README's `element-standalone`: the element and the standalone script
      head: `<script>${tcApi}
${tcReady}</script>`,
      chart: `${box('<trade-chart view="collapse"></trade-chart>')}
  <script src="${tcBase}trade-chart.standalone.js"></script>`,
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
      .replace('{{CHART}}', () => (lighthouse ? l.chart : `  <script>performance.mark('pl:script')</script>\n${l.chart}`));
  }
  return out;
}

// ---------------------------------------------------------------- the server
// Brotli 11 when the browser offers it, else gzip -9 (Chromium offers br only over HTTPS, so
// here: gzip), as a CDN would send; computed once per file.
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8' };
export function serve(mounts, html) {
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
// The visit's window: from the navigation to the `pl:idle` mark (the first picture, the
// hover answered, the first frame, then IDLE_AFTER_FRAME ms), with the pointer on the chart
// from the start; for trade-chart then the clicks, to `pl:end`.
function analyse(events, firstFrame) {
  const ffMark = events.find((e) => e.name === 'pl:firstFrame' && (e.cat || '').includes('user_timing'));
  if (!ffMark) throw new Error('trace: no pl:firstFrame mark');
  const pid = ffMark.pid;
  const tid = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain')?.tid;
  const origin = ffMark.ts - firstFrame * 1000;
  const at = (name) => { const m = events.find((e) => e.name === name && e.pid === pid); return m ? (m.ts - origin) / 1000 : null; };
  const idleAt = at('pl:idle') ?? Infinity, endAt = at('pl:end') ?? Infinity;
  const tasks = [];
  let lastEnd = -Infinity;
  // complete events, and begin/end pairs (ParseHTML is one) made complete
  const main = events.filter((x) => x.pid === pid && x.tid === tid);
  const onMain = main.filter((x) => x.ph === 'X' && x.dur > 0);
  const open = [];
  for (const e of main.filter((x) => x.ph === 'B' || x.ph === 'E').sort((a, b) => a.ts - b.ts)) {
    if (e.ph === 'B') open.push(e);
    else { const b = open.pop(); if (b && e.ts > b.ts) onMain.push({ ...b, ph: 'X', dur: e.ts - b.ts }); }
  }
  onMain.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  for (const e of onMain.filter((x) => x.name === 'RunTask')) {
    if (e.ts < lastEnd) continue; // nested in the previous top-level task
    lastEnd = e.ts + e.dur;
    tasks.push({ start: (e.ts - origin) / 1000, dur: e.dur / 1000, ts: e.ts, end: e.ts + e.dur });
  }
  // what a long task did: its direct children (trace events not inside an earlier child), by name
  const what = (t) => {
    const by = {};
    let childEnd = -Infinity;
    for (const e of onMain) {
      if (e.ts < t.ts) continue;
      if (e.ts >= t.end) break;
      if (e.name === 'RunTask' || e.ts < childEnd) continue;
      childEnd = e.ts + e.dur;
      const n = e.name === 'FunctionCall' || e.name === 'EvaluateScript' ? `${e.name} ${(e.args?.data?.url || '').split('/').pop().split('?')[0] || 'inline'}` : e.name;
      by[n] = (by[n] || 0) + e.dur / 1000;
    }
    return Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([n, d]) => `${n} ${d.toFixed(0)}`).join(', ');
  };
  const within = (a, b) => tasks.filter((t) => t.start >= a && t.start < b);
  const load = within(0, idleAt), clicks = within(idleAt, endAt); // from the navigation (before it: the previous page)
  const longest = (ts) => ts.reduce((m, t) => Math.max(m, t.dur), 0);
  // wasm caching and compilation events (category v8.wasm): names and counts
  const wasm = {};
  for (const e of events) if ((e.cat || '').includes('v8.wasm') && e.pid === pid) wasm[e.name] = (wasm[e.name] || 0) + 1;
  const over50 = load.filter((t) => t.dur > 50);
  return {
    tbt: load.reduce((s, t) => s + Math.max(0, t.dur - 50), 0),
    longest: longest(load),
    over50: over50.length,
    over50Tasks: over50.map((t) => ({ start: +t.start.toFixed(1), dur: +t.dur.toFixed(1), what: what(t) })),
    longestClicks: clicks.length ? longest(clicks) : null,
    over50Clicks: clicks.filter((t) => t.dur > 50).length,
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
    // From the navigation's commit the reader's pointer goes to the chart as soon as there
    // is one (the picture, or the drawn chart; the page scrolls it into view first): the
    // page's poll tells where (__plAim, once per frame when the target moves), the pointer
    // moves there and on (±1 px every ~16 ms) until the hover is answered (__plDone; the
    // poll keeps the end of that frame: interactive).
    let aimAt = null, answered = false, moves = 0;
    await page.exposeBinding('__plAim', (_src, p) => { aimAt = p; });
    await page.exposeBinding('__plDone', () => { answered = true; });
    if (process.env.PL_DEBUG) await page.addInitScript(() => { window.__plDebug = true; });
    await page.goto(url, { waitUntil: 'commit', timeout: 90000 });
    const t0 = Date.now();
    while (!answered) {
      if (Date.now() - t0 > 60000) throw new Error('no hover answered within 60 s of the navigation');
      if (aimAt) { await page.mouse.move(aimAt.x + (moves++ % 2 ? 1 : -1), aimAt.y).catch(() => {}); }
      await new Promise((r) => setTimeout(r, 16));
    }
    const scrolls = await page.evaluate(() => __pl.t.scrolls || 0);
    rec.scrolls = scrolls;
    rec.firstFrame = await page.evaluate(() => Promise.race([__pl.firstFrame, new Promise((r) => setTimeout(() => r(null), 60000))]));
    if (rec.firstFrame == null) throw new Error('no first frame within 60 s of the hover answered');
    await page.waitForLoadState('load', { timeout: 60000 });
    Object.assign(rec, await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { rendered: __pl.t.rendered, firstPicture: __pl.t.firstPicture, interactive: __pl.t.interactive, answeredBy: __pl.t.answeredBy || "chart", firstMove: __pl.t.firstMove, moves: __pl.t.moves,
        fcp: fcp ? fcp.startTime : null, htmlEnd: n.responseEnd,
        // when each file was requested and had arrived (Resource Timing), by file name
        files: Object.fromEntries(performance.getEntriesByType('resource').map((e) => [e.name.split('/').pop().split('?')[0], [Math.round(e.startTime), Math.round(e.responseEnd)]])), dcl: n.domContentLoadedEventEnd, loadEvent: n.loadEventEnd,
        canvasH: __pl.api().canvasH ?? null, boxH: document.querySelector('.chart-box').getBoundingClientRect().height };
    }));
    if (rec.firstPicture == null) rec.problems.push('no first picture seen');
    if (process.env.PL_DEBUG) rec.log = await page.evaluate(() => __pl.t.log);
    const hp = await page.evaluate(() => __pl.point());
    rec.hoverTarget = hp.what;
    // the rest of the load window: IDLE_AFTER_FRAME ms after the later of the two, no input
    const quiet = Math.max(rec.firstFrame, rec.interactive) + IDLE_AFTER_FRAME;
    await page.waitForTimeout(Math.max(0, quiet - (await page.evaluate(() => performance.now()))));
    Object.assign(rec, await page.evaluate(() => { __pl.mark('pl:idle'); return __pl.frame().then(() => ({ cls: __pl.t.cls, shifts: __pl.t.shifts, shiftLog: __pl.t.shiftLog })); }));
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
  ['firstPicture', '**first picture** (ms)', (r) => r.firstPicture, 0],
  ['interactive', '**interactive**: hover answered (ms)', (r) => r.interactive, 0],
  ['firstFrame', 'first frame of the live chart (ms)', (r) => r.firstFrame, 0],
  ['fcp', 'first contentful paint (ms)', (r) => r.fcp, 0],
  ['cls', 'layout shift (the browser\'s entries, summed, until the clicks)', (r) => r.cls, 3],
  ['tbt', 'total blocking time (ms)', (r) => r.tbt, 0],
  ['longest', 'longest task (ms)', (r) => r.longest, 0],
  ['over50', 'tasks over 50 ms', (r) => r.over50, 0],
  ['toggle', 'legend toggle → frame (ms)', (r) => r.toggle, 0],
  ['view', 'view change → frame (ms)', (r) => r.view, 0],
];
const TC_ONLY = ['toggle', 'view'];
export function summarise(res) {
  const out = {};
  for (const mode of res.options.modes) for (const which of ['cold', 'warm']) for (const lib of res.options.libs) {
    const recs = res.pairs.filter((p) => p.lib === lib && p.mode === mode).map((p) => p[which]).filter((r) => r && !r.error && !r.problems.length);
    const m = {};
    for (const [k, , f] of METRICS) m[k] = stats(recs.map(f));
    ((out[mode] ??= {})[which] ??= {})[lib] = m;
  }
  return out;
}
const short = (l) => LIBS[l].split(' (')[0].split(' +')[0];
function markdown(res) {
  const { machine: mc, options: opt } = res;
  const S = summarise(res);
  const L = [];
  L.push(`Machine: ${mc.nproc} cores, ${mc.cpu}; Chromium ${mc.chromium} headless (software raster); Node ${mc.node}; **load average ${mc.loadavgStart.join(' ')} at the start, ${(mc.loadavgEnd || []).join(' ')} at the end** (1, 5, 15 min; the machine is shared: the peers ran side by side under the same load); ${mc.seconds ?? '?'} s.`);
  L.push(`Build: trade-chart ${mc.git}${mc.gitDirty ? ' (uncommitted changes)' : ''}, wasm sha256 ${mc.wasmSha256}…; the picture (server render, monthly view) ${mc.pictureBytes ? `${(mc.pictureBytes / 1024).toFixed(1)} KB raw` : '–'}. Command: \`${res.command}\` — ${opt.runs} cold + warm pairs per library and mode, libraries interleaved; a phone-sized window (${VIEWPORT.width}×${VIEWPORT.height} CSS px, DPR ${DPR}). Cells: median (p10–p90) of the valid visits, ms from the navigation's start unless stated.`);
  L.push('');
  const libs = opt.libs;
  const peers = libs.filter((l) => !l.startsWith('tc')), ours = libs.filter((l) => l.startsWith('tc'));
  const val = (mode, which, l, k) => S[mode]?.[which]?.[l]?.[k];
  // the two moments against the peers' first frames, every mode and visit
  L.push('### The two moments, ratios to the peers');
  L.push('');
  L.push('First picture ÷ uPlot\'s first frame (target on a slow cold visit: ≤ 0.8); interactive ÷ Chart.js\'s first frame (target: ≤ 1.1). Below 1: ahead of the peer.');
  L.push('');
  L.push(`| page | ${opt.modes.flatMap((m) => ['cold', 'warm'].map((w) => `${m} ${w}: picture ÷ uPlot | ${m} ${w}: interactive ÷ Chart.js`)).join(' | ')} |`);
  L.push(`|---|${opt.modes.flatMap(() => ['---:', '---:', '---:', '---:']).join('|')}|`);
  for (const l of libs) {
    L.push(`| ${LIBS[l]} | ${opt.modes.flatMap((m) => ['cold', 'warm'].map((w) => `${ratio(val(m, w, l, 'firstPicture'), val(m, w, 'uplot', 'firstFrame'))} | ${ratio(val(m, w, l, 'interactive'), val(m, w, 'chartjs', 'firstFrame'))}`)).join(' | ')} |`);
  }
  L.push('');
  for (const mode of opt.modes) for (const which of ['cold', 'warm']) {
    L.push(`### ${which === 'cold' ? 'Cold (first visit)' : 'Warm (second visit)'}, ${MODES[mode]}`);
    L.push('');
    L.push(`| metric | ${libs.map((l) => LIBS[l]).join(' | ')} |`);
    L.push(`|---|${libs.map(() => '---:').join('|')}|`);
    for (const [k, title, , d] of METRICS) {
      if (TC_ONLY.includes(k) && !ours.length) continue;
      L.push(`| ${title} | ${libs.map((l) => (TC_ONLY.includes(k) && !l.startsWith('tc') ? 'not measured' : cell(S[mode][which][l][k], d))).join(' | ')} |`);
    }
    L.push('');
    if (peers.length && ours.length) {
      L.push(`Ratios (${which}, ${MODES[mode]}): trade-chart's median ÷ each peer's (pages in the order of the table: ${ours.join(' / ')})`);
      L.push('');
      L.push(`| metric | ${peers.map(short).join(' | ')} |`);
      L.push(`|---|${peers.map(() => '---:').join('|')}|`);
      for (const [k, title] of METRICS.filter(([k]) => ['bytes', 'firstPicture', 'interactive', 'tbt', 'longest'].includes(k))) {
        L.push(`| ${title} | ${peers.map((p) => ours.map((t) => ratio(S[mode][which][t][k], S[mode][which][p][k === 'firstPicture' || k === 'interactive' ? 'firstFrame' : k])).join(' / ')).join(' | ')} |`);
      }
      L.push('');
      L.push('(first picture and interactive are divided by the peer\'s first frame.)');
      L.push('');
    }
  }
  // targets (issue 22)
  L.push('### Targets (issue 22)');
  L.push('');
  const ok = (r, lim) => (r !== '–' && Number(r) <= lim ? 'met' : 'missed');
  if (opt.modes.includes('slow')) {
    for (const t of ours) {
      if (libs.includes('uplot')) {
        const r = ratio(val('slow', 'cold', t, 'firstPicture'), val('slow', 'cold', 'uplot', 'firstFrame'));
        L.push(`- ${LIBS[t]}: first picture on a slow cold visit ${fmt(val('slow', 'cold', t, 'firstPicture')?.median)} ms ≤ 0.8 × uPlot's first frame (${fmt(val('slow', 'cold', 'uplot', 'firstFrame')?.median)} ms): ${r}× — **${ok(r, 0.8)}**`);
      }
      if (libs.includes('chartjs')) {
        const r = ratio(val('slow', 'cold', t, 'interactive'), val('slow', 'cold', 'chartjs', 'firstFrame'));
        L.push(`- ${LIBS[t]}: interactive on a slow cold visit ${fmt(val('slow', 'cold', t, 'interactive')?.median)} ms ≤ 1.1 × Chart.js's first frame (${fmt(val('slow', 'cold', 'chartjs', 'firstFrame')?.median)} ms): ${r}× — **${ok(r, 1.1)}**`);
      }
    }
  }
  for (const t of ours) for (const mode of opt.modes) {
    const recs = res.pairs.filter((p) => p.lib === t && p.mode === mode).flatMap((p) => [p.cold, p.warm]).filter((r) => r && !r.error);
    const worst = recs.reduce((m, r) => Math.max(m, r.longest ?? 0, r.longestClicks ?? 0), 0);
    const n = recs.filter((r) => (r.over50 ?? 0) + (r.over50Clicks ?? 0) > 0).length;
    const tasks = recs.reduce((s, r) => s + (r.over50 ?? 0) + (r.over50Clicks ?? 0), 0);
    L.push(`- ${LIBS[t]}, ${MODES[mode]}: no main-thread task over 50 ms (load, hover, toggle, view change): longest ${fmt(worst)} ms over ${recs.length} visits; ${tasks} task(s) over 50 ms in ${n} visit(s) — **${n ? 'missed' : 'met'}**`);
  }
  L.push('');
  L.push('### When trade-chart\'s files came (median over the valid visits: requested → arrived, ms from the navigation\'s start), and the chart\'s moments');
  L.push('');
  L.push('| page | mode | visit | HTML arrived | script | wasm | first picture | first frame (takeover) | interactive |');
  L.push('|---|---|---|---:|---|---|---:|---:|---:|');
  for (const t of ours) for (const mode of opt.modes) for (const which of ['cold', 'warm']) {
    const recs = res.pairs.filter((p) => p.lib === t && p.mode === mode).map((p) => p[which]).filter((r) => r && !r.error && !r.problems.length);
    const med = (f) => stats(recs.map(f)).median;
    const file = (re) => { const k = (r) => Object.keys(r.files || {}).find((n) => re.test(n)); const a = med((r) => r.files?.[k(r)]?.[0]), b = med((r) => r.files?.[k(r)]?.[1]); return Number.isFinite(a) ? `${fmt(a)} → ${fmt(b)}` : '–'; };
    L.push(`| ${t} | ${mode} | ${which} | ${fmt(med((r) => r.htmlEnd))} | ${file(/^trade-chart(\.standalone)?\.js$|^index\.js$/)} | ${file(/^trade_chart_bg\.wasm$/)} | ${fmt(med((r) => r.firstPicture))} | ${fmt(med((r) => r.firstFrame))} | ${fmt(med((r) => r.interactive))} |`);
  }
  L.push('');
  L.push('### Tasks over 50 ms, first run (trade-chart\'s pages): start, duration, what the task did (its largest direct trace events, ms)');
  L.push('');
  L.push('| page | mode | visit | tasks |');
  L.push('|---|---|---|---|');
  for (const t of ours) for (const mode of opt.modes) for (const which of ['cold', 'warm']) {
    const r = res.pairs.find((p) => p.lib === t && p.mode === mode && p[which] && !p[which].error)?.[which];
    const ts = (r?.over50Tasks || []).map((x) => `${fmt(x.start)}+${fmt(x.dur)}${x.what ? ` (${x.what})` : ''}`).join('; ');
    L.push(`| ${t} | ${mode} | ${which} | ${ts || 'none'} |`);
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

// ---------------------------------------------------------------- the site
// pkg/ copied first (a rebuild during the run cannot mix two builds), served under a
// content hash of its files, as a CDN path would be versioned; the picture made by the
// copy's trade-chart/server (render(), the story's dataset at the monthly view).
export async function serveSite({ lighthouse = false, firstScreen = false } = {}) {
  for (const f of ['index.js', 'trade_chart.js', 'trade_chart_bg.wasm', 'trade-chart.standalone.js', 'trade-chart.js', 'trade-chart.css', 'server.js']) {
    if (!existsSync(join(ROOT, 'pkg', f))) { console.error(`pkg/${f} is missing: build first (make build)`); process.exit(1); }
  }
  for (const n of ['playwright-core', 'uplot', 'chart.js', 'highcharts']) {
    if (!existsSync(join(NM, n, 'package.json'))) { console.error(`bench/node_modules/${n} is missing: npm ci --prefix bench`); process.exit(1); }
  }
  const pkg = mkdtempSync(join(os.tmpdir(), 'tc-pageload-pkg-'));
  cpSync(join(ROOT, 'pkg'), pkg, { recursive: true });
  const h = createHash('sha256');
  for (const f of ['trade_chart_bg.wasm', 'trade_chart.js', 'index.js', 'trade-chart.standalone.js', 'trade-chart.js', 'trade_chart_full_bg.wasm', 'trade_chart_full.js']) h.update(readFileSync(join(pkg, f)));
  const tcBase = `/cdn/trade-chart/${h.digest('hex').slice(0, 10)}/`;
  const { render } = await import(pathToFileURL(join(pkg, 'server.js')).href);
  const picture = render(null, { view: 'monthly', lang: 'en' });
  const html = pages(tcBase, defaultDataset(), picture, { lighthouse, firstScreen });
  const { server } = await serve([
    [tcBase, pkg],
    [`/cdn/uplot/${pkgVersion('uplot')}/`, join(NM, 'uplot', 'dist')],
    [`/cdn/chart.js/${pkgVersion('chart.js')}/`, join(NM, 'chart.js', 'dist')],
    [`/cdn/highcharts/${pkgVersion('highcharts')}/`, join(NM, 'highcharts')],
  ], html);
  // every body compressed before the first visit (brotli 11 of the picture's page takes
  // long enough to show in a cold visit's timings otherwise)
  const base = `http://127.0.0.1:${server.address().port}`;
  const urls = new Set(Object.keys(html).map((l) => `/news/${l}.html`));
  for (const page of Object.values(html)) for (const m of page.matchAll(/\/cdn\/[^"'\s)]+/g)) urls.add(m[0]);
  urls.add(`${tcBase}trade_chart_bg.wasm`).add(`${tcBase}kp-cn.json`).add(`${tcBase}trade-chart.css`);
  for (const u of urls) for (const enc of ['br', 'gzip']) await fetch(base + u, { headers: { 'accept-encoding': enc } }).then((r) => r.arrayBuffer());
  return { server, pkg, tcBase, html, pictureBytes: Buffer.byteLength(picture),
    base, close: () => { server.close(); rmSync(pkg, { recursive: true, force: true }); } };
}

// ---------------------------------------------------------------- main
export function machine() {
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
  const site = await serveSite();
  const { base } = site;
  const mc = machine();
  mc.pictureBytes = site.pictureBytes;
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
          // kept as it goes: a run cut short can still be reported (--report)
          writeFileSync(jsonPath, JSON.stringify({ command: 'partial', machine: { ...mc, loadavgEnd: os.loadavg().map((x) => +x.toFixed(2)), seconds: Math.round((Date.now() - t0) / 1000) },
            options: { ...opt, runs: run + 1 }, settings: {}, pairs }, null, 1) + '\n');
          const line = (r) => (r.error ? `ERROR ${r.error}` : `${kb(r.bytes)} pic ${fmt(r.firstPicture)} int ${fmt(r.interactive)} (${r.answeredBy}) ff ${fmt(r.firstFrame)} tbt ${fmt(r.tbt)} long ${fmt(r.longest)} >50 ${r.over50}` +
            (r.toggle != null ? ` toggle ${fmt(r.toggle)} view ${fmt(r.view)}` : '') + (r.problems.length ? ` INVALID ${r.problems.join('; ')}` : ''));
          process.stderr.write(`[${pairs.length}/${total} ${((Date.now() - t0) / 1000).toFixed(0)}s] run ${run} ${mode} ${lib.padEnd(10)} cold: ${line(p.cold)} | warm: ${line(p.warm)}\n`);
        }
      }
    }
  } finally {
    site.close();
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
