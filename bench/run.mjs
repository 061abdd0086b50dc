#!/usr/bin/env node
// trade-chart against uPlot and Chart.js in headless Chromium. What is measured and why:
// ../BENCHMARKS.md. Usage:
//
//   node bench/run.mjs [--runs N] [--sizes 1e3,1e4,1e5,1e6] [--dpr 1,2] [--quick]
//                      [--cycles N] [--moves N] [--libs tc,tcs,uplot,chartjs] [--no-default]
//   node bench/run.mjs --pageload [--runs N] [--libs …] [--modes slow,fast]   (bench/pageload.mjs:
//                      a reader's page load, cold and warm, with Highcharts too)
//
// Needs the built package in pkg/ (make build) and `npm ci --prefix bench`. Writes
// bench/results.json, bench/results.md and one screenshot per library, data set and DPR
// in bench/shots/; prints the Markdown table.
import { createServer } from 'node:http';
import { cpSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { chromium } from 'playwright-core';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');
const PKG_SRC = join(ROOT, 'pkg');
// pkg/ is copied at start (snapshot()) so a rebuild during a run cannot mix two builds.
let PKG = PKG_SRC;
const NM = join(BENCH, 'node_modules');
const W = 1200, H = 500, W_SMALL = 900;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// TOOLCHAIN.md's launch arguments for this machine.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

const LIBS = {
  tc: 'trade-chart',
  tcs: 'trade-chart standalone',
  uplot: 'uPlot 1.6.32',
  chartjs: 'Chart.js 4.6.1',
};

// ---------------------------------------------------------------- command line
function usage(code) {
  console.log(`usage: node bench/run.mjs [options]
  --runs N          runs per library, data set and DPR (default 10)
  --sizes LIST      synthetic sizes, e.g. 1e3,1e4,1e5,1e6 (the default)
  --dpr LIST        device pixel ratios (default 1,2)
  --quick           smoke test: 2 runs, sizes 1e3,1e5, 100 memory cycles
  --cycles N        create/destroy cycles of the memory test (default 1000; 0 skips it)
  --moves N         mouse moves per hover sweep (default 100)
  --compile N       traced pages per library and data set (default, 10^3, 10^4) for the
                    first-call costs: compile and style time in the first and second create
                    (default 3; 0 skips them)
  --libs LIST       subset of tc,tcs,uplot,chartjs (default: all)
  --no-default      skip the default (embedded) data set
  --report          no run: rewrite bench/results.md from bench/results.json
  --pageload        instead: a reader's page load (bench/pageload.mjs; --pageload --help)`);
  process.exit(code);
}

function parseArgs(argv) {
  const o = { runs: 10, sizes: [1e3, 1e4, 1e5, 1e6], dprs: [1, 2], cycles: 1000, compileRuns: 3, moves: 100, libs: Object.keys(LIBS), withDefault: true, quick: false };
  const set = new Set();
  const num = (flag, v, min) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < min || !Number.isInteger(n)) { console.error(`${flag}: expected an integer ≥ ${min}, found ${JSON.stringify(v)}`); usage(2); }
    return n;
  };
  const list = (flag, v, min) => String(v).split(',').filter(Boolean).map((x) => num(flag, x, min));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => { if (i + 1 >= argv.length) { console.error(`${a} needs a value`); usage(2); } return argv[++i]; };
    switch (a) {
      case '--runs': o.runs = num(a, val(), 1); set.add('runs'); break;
      case '--sizes': o.sizes = list(a, val(), 1); set.add('sizes'); break;
      case '--dpr': o.dprs = list(a, val(), 1); break;
      case '--cycles': o.cycles = num(a, val(), 0); set.add('cycles'); break;
      case '--moves': o.moves = num(a, val(), 2); break;
      case '--compile': o.compileRuns = num(a, val(), 0); set.add('compile'); break;
      case '--libs': o.libs = val().split(',').filter(Boolean); break;
      case '--no-default': o.withDefault = false; break;
      case '--quick': o.quick = true; break;
      case '--report': o.report = join(BENCH, 'results.json'); break;
      case '-h': case '--help': usage(0); break;
      default: console.error(`unknown option ${a}`); usage(2);
    }
  }
  for (const l of o.libs) if (!LIBS[l]) { console.error(`--libs: unknown library ${l}`); usage(2); }
  if (o.quick) {
    if (!set.has('runs')) o.runs = 2;
    if (!set.has('sizes')) o.sizes = [1e3, 1e5];
    if (!set.has('cycles')) o.cycles = 100;
    if (!set.has('compile')) o.compileRuns = 1;
  }
  return o;
}

// ---------------------------------------------------------------- the default data set
// The "2020 by month" view of data/kp-cn.json, read at run time: periods from the view's
// from..to, one value per series (derived figures computed from their formula), null for
// a month with no figure. trade-chart uses its own embedded copy of the same file.
function defaultDataset() {
  const ds = JSON.parse(readFileSync(join(ROOT, 'data', 'kp-cn.json'), 'utf8'));
  const view = ds.views.find((v) => v.id === 'monthly');
  if (!view) throw new Error('data/kp-cn.json has no "monthly" view');
  const byId = new Map();
  for (const s of ds.series) for (const o of s.observations) if (o.id) byId.set(o.id, o);
  const value = (o, seen = new Set()) => {
    if (o.value != null) return o.value;
    if (!o.derived || seen.has(o)) throw new Error(`observation ${o.id}: no value`);
    seen.add(o);
    const vs = o.derived.of.map((id) => {
      const p = byId.get(id);
      if (!p) throw new Error(`derived ${o.id}: unknown id ${id}`);
      return value(p, seen);
    });
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
    periods,
    series: series.map((s) => ({
      id: s.id,
      label: s.label.en,
      values: periods.map((p) => { const o = s.observations.find((x) => x.period === p); return o ? round(value(o)) : null; }),
    })),
  };
}

// ---------------------------------------------------------------- a small static server
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8' };
const MOUNTS = () => [ // URL prefix -> folder
  ['/bench/', BENCH],
  ['/pkg/', PKG],
  ['/lib/uplot/', join(NM, 'uplot', 'dist')],
  ['/lib/chartjs/', join(NM, 'chart.js', 'dist')],
];
function serve() {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const m = MOUNTS().find(([p]) => path.startsWith(p));
    const file = m && resolve(m[1], '.' + path.slice(m[0].length - 1));
    if (!m || !file.startsWith(m[1] + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(server)));
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
const median = (xs) => stats(xs).median;

// ---------------------------------------------------------------- sizes on the wire
function transferSizes() {
  const size = (files) => {
    const parts = files.map((f) => {
      const b = readFileSync(f);
      return {
        file: f.startsWith(PKG + sep) ? `pkg/${f.slice(PKG.length + 1)}` : f.startsWith(ROOT + sep) ? f.slice(ROOT.length + 1) : f,
        raw: b.length,
        gzip9: gzipSync(b, { level: 9 }).length,
        brotli11: brotliCompressSync(b, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      };
    });
    const sum = (k) => parts.reduce((a, p) => a + p[k], 0);
    return { files: parts, raw: sum('raw'), gzip9: sum('gzip9'), brotli11: sum('brotli11') };
  };
  return {
    'trade-chart (ESM: wasm + glue + shell, data inside the wasm)': size([join(PKG, 'trade_chart_bg.wasm'), join(PKG, 'trade_chart.js'), join(PKG, 'index.js')]),
    'trade-chart standalone (one script, wasm gzip-compressed then base64)': size([join(PKG, 'trade-chart.standalone.js')]),
    'trade-chart full module (loaded on the first export, and by columns charts: issue 14)': size([join(PKG, 'trade_chart_full_bg.wasm'), join(PKG, 'trade_chart_full.js')]),
    'uPlot 1.6.32 (iife.min.js + min.css)': size([join(NM, 'uplot', 'dist', 'uPlot.iife.min.js'), join(NM, 'uplot', 'dist', 'uPlot.min.css')]),
    'Chart.js 4.6.1 (umd.min.js)': size([join(NM, 'chart.js', 'dist', 'chart.umd.min.js')]),
  };
}

// ---------------------------------------------------------------- the machine
function machine(browserVersion) {
  const cpu = (() => { try { return (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m) || [])[1] || os.cpus()[0]?.model; } catch { return os.cpus()[0]?.model; } })();
  const sh = (cmd, args) => { try { return execFileSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return null; } };
  const pkgFiles = ['trade_chart_bg.wasm', 'index.js', 'trade-chart.standalone.js'].map((f) => join(PKG, f));
  return {
    date: new Date().toISOString(),
    nproc: Number(sh('nproc', [])) || os.availableParallelism(),
    cpu,
    memGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium: browserVersion,
    playwrightCore: JSON.parse(readFileSync(join(NM, 'playwright-core', 'package.json'), 'utf8')).version,
    git: sh('git', ['rev-parse', '--short', 'HEAD']),
    gitDirty: (sh('git', ['status', '--porcelain']) || '').length > 0,
    pkgBuilt: new Date(Math.max(...pkgFiles.map((f) => statSync(f).mtimeMs))).toISOString(),
    wasmSha256: createHash('sha256').update(readFileSync(join(PKG, 'trade_chart_bg.wasm'))).digest('hex').slice(0, 16),
    loadavgStart: os.loadavg().map((x) => +x.toFixed(2)),
  };
}

// ---------------------------------------------------------------- one page, one library
// An error's first line (playwright appends call logs after it).
const firstLine = (e) => String(e && e.message ? e.message : e).split('\n')[0];
const sizeName = (n) => (n == null ? 'default' : `1e${Math.round(Math.log10(n))}` + (10 ** Math.round(Math.log10(n)) === n ? '' : `(${n})`));

// Main-thread time from a trace: the renderer main thread's top-level tasks ("RunTask" in
// disabled-by-default-devtools.timeline, what DevTools shows as "Task") between a
// bench:<label>:start and bench:<label>:end user-timing mark. CDP's
// Performance.getMetrics TaskDuration is recorded too (cdpMs) but not used: it stops at
// the end of the task proper and misses the canvas flush Chromium runs right after it
// (CanvasRenderingContext2D::FinalizeFrame: where a software canvas is rasterised).
const TRACE_CATEGORIES = ['disabled-by-default-devtools.timeline', 'blink.user_timing'];
// A trace's events, its bench:<label>:start/end marks ({label: {start, end}}, µs) and the
// renderer process and main thread that set them.
function traceMarks(buf) {
  const parsed = JSON.parse(buf.toString('utf8'));
  const ev = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const marks = {};
  let pid = null;
  for (const e of ev) {
    const m = /^bench:(.+):(start|end)$/.exec(e.name || '');
    if (m && (e.cat || '').includes('user_timing')) { (marks[m[1]] ??= {})[m[2]] = e.ts; pid = e.pid; }
  }
  const tid = ev.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain')?.tid;
  return { ev, marks, pid, tid };
}
function busyByLabel(buf) {
  const { ev, marks, pid, tid } = traceMarks(buf);
  if (pid == null) return {};
  // the union of the main thread's RunTask intervals (µs), sorted
  const iv = ev.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === pid && e.tid === tid && e.dur > 0)
    .map((e) => [e.ts, e.ts + e.dur]).sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const [a, b] of iv) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  const out = {};
  for (const [label, { start, end }] of Object.entries(marks)) {
    if (start == null || end == null) continue;
    let busy = 0;
    for (const [a, b] of merged) {
      if (b <= start) continue;
      if (a >= end) break;
      busy += Math.min(b, end) - Math.max(a, start);
    }
    out[label] = { busyMs: busy / 1000, windowMs: (end - start) / 1000 };
  }
  return out;
}

async function page1(browser, base, opt, job, dflt) {
  const { lib, data, dpr, run } = job;
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 1200 }, deviceScaleFactor: dpr });
  const page = await ctx.newPage();
  const errors = [];
  page.on('console', (m) => {
    // bench.check() reads the canvas back (getImageData) a few times: Chromium's hint about that is ours, not the library's
    if ((m.type() === 'error' || m.type() === 'warning') && !/willReadFrequently/.test(m.text())) errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskMs = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
  // one page.evaluate, with CDP's TaskDuration around it (kept for comparison only)
  const timed = async (fn, arg) => {
    const a = await taskMs();
    const r = await page.evaluate(fn, arg);
    const b = await taskMs();
    return { ...r, cdpMs: b - a };
  };
  const rec = { lib, data: sizeName(data.n), n: data.n, dpr, run, problems: [] };
  const problem = (p) => rec.problems.push(p);
  let tracing = false;
  try {
    await page.goto(`${base}/bench/page.html`);
    rec.load = await page.evaluate((l) => window.bench.load(l), lib);
    rec.prepare = await page.evaluate(([k, n, d]) => window.bench.prepare(k, n, d), [data.kind, data.n ?? 0, data.kind === 'default' ? dflt : null]);
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    tracing = true;
    // The harness floor: an evaluate that only waits for a frame (subtracted from every operation).
    for (let i = 0; i < 3; i++) await timed((l) => window.bench.nullOp(l), `null${i}`);

    rec.init = await timed(() => window.bench.init());
    rec.check = await page.evaluate(() => window.bench.check());
    const c = rec.check;
    if (c.error) problem(c.error);
    else {
      if (Math.round(c.cssW) !== W || Math.round(c.cssH) !== H) problem(`canvas is ${c.cssW}×${c.cssH} CSS px, not ${W}×${H}`);
      if (c.w !== Math.round(W * dpr) || c.h !== Math.round(H * dpr)) problem(`canvas backing store is ${c.w}×${c.h}, not ${W * dpr}×${H * dpr}`);
      if (c.ink < 0.005 || c.colours < 3) problem(`canvas looks blank (ink ${(c.ink * 100).toFixed(2)}%, ${c.colours} colours)`);
      if (c.valid) problem(c.valid);
    }
    if (run === 0) await page.locator('#chart').screenshot({ path: join(BENCH, 'shots', `${lib}-${rec.data}-dpr${dpr}.png`) });

    if (lib !== 'tcs') { // the standalone build: init (with wasm instantiation) only
      // ---- hover: a sweep over the blank strip (the floor), then over the plot, each move settled to a frame
      const r = await page.evaluate(() => window.bench.plotRect());
      const sweep = async (label, x0, width, y, n) => {
        let hits = 0;
        await page.mouse.move(x0, y);
        await page.evaluate(() => window.bench.settle());
        await page.evaluate((l) => window.bench.mark(l, 'start'), label);
        for (let i = 0; i < n; i++) {
          await page.mouse.move(x0 + width * (0.05 + (0.9 * i) / (n - 1)), y);
          if (await page.evaluate(() => window.bench.settle())) hits++;
        }
        await page.evaluate((l) => window.bench.mark(l, 'end'), label);
        return hits;
      };
      const blankMoves = Math.max(10, Math.round(opt.moves / 2));
      await sweep('hoverBlank', r.blank.x, r.blank.width, r.blank.y + r.blank.height / 2, blankMoves);
      // 70% down the canvas: inside the plot area, over the bars of the default data
      const hits = await sweep('hoverPlot', r.x, r.width, r.y + r.height * 0.7, opt.moves);
      await page.mouse.move(r.blank.x + 5, r.blank.y + 5); // leave the chart
      await page.evaluate(() => window.bench.settle());
      rec.hover = { moves: opt.moves, blankMoves, hitRate: hits / opt.moves };
      if (hits === 0) problem('hover: no tooltip / cursor on any move');

      // ---- resize: 1200 -> 900 -> 1200
      const small = await timed(([w, l]) => window.bench.resize(w, l), [W_SMALL, 'resize1']);
      const back = await timed(([w, l]) => window.bench.resize(w, l), [W, 'resize2']);
      rec.resize = { doneMs: (small.doneMs + back.doneMs) / 2, frames: [small.frames, back.frames], steps: [small, back] };
      if (small.h !== Math.round(H * dpr) || back.h !== Math.round(H * dpr)) problem(`resize changed the canvas height: ${small.h}, ${back.h}`);

      // ---- legend toggle: hide, then show, one series
      const hide = await timed(([s, l]) => window.bench.toggle(s, l), [false, 'hide']);
      const hidden = await page.evaluate(() => window.bench.check());
      const show = await timed(([s, l]) => window.bench.toggle(s, l), [true, 'show']);
      const shown = await page.evaluate(() => window.bench.check());
      rec.toggle = { doneMs: (hide.doneMs + show.doneMs) / 2, callMs: (hide.callMs + show.callMs) / 2, steps: [hide, show] };
      // rec.check was taken after init; hover draws nothing once the mouse has left, and the size is back to 1200
      if (hidden.hash === c.hash) problem('toggle: hiding a series did not change the canvas');
      if (shown.hash !== c.hash) rec.toggle.note = 'the canvas after resize + hide + show differs from the one after init (pixel hash)';

      rec.destroy = await page.evaluate(() => window.bench.destroy());
      if (rec.destroy.left !== 0) problem(`destroy left ${rec.destroy.left} element(s) in the container`);

      // ---- the same create again in this page: what a second chart costs once the code is
      // compiled and the fonts and styles are loaded
      rec.init2 = await timed(() => window.bench.init('init2'));
      const again = await page.evaluate(() => window.bench.check());
      if (again.error || again.ink < 0.005) problem(`second create: ${again.error || 'the canvas looks blank'}`);
      else if (again.hash !== c.hash) rec.init2.note = 'the canvas differs from the first create\'s (pixel hash)';
      await page.evaluate(() => window.bench.destroy());
    }

    const buf = await browser.stopTracing();
    tracing = false;
    const busy = busyByLabel(buf);
    const need = (l) => {
      if (!busy[l]) throw new Error(`trace: no bench:${l} marks / main-thread tasks found`);
      return busy[l].busyMs;
    };
    rec.floorMs = median([0, 1, 2].map((i) => need(`null${i}`)));
    rec.init.mainMs = need('init');
    rec.init.netMs = rec.init.mainMs - rec.floorMs;
    if (rec.init2) {
      rec.init2.mainMs = need('init2');
      rec.init2.netMs = rec.init2.mainMs - rec.floorMs;
    }
    if (rec.hover) {
      const blank = need('hoverBlank'), plot = need('hoverPlot');
      Object.assign(rec.hover, {
        perMoveMs: plot / rec.hover.moves - blank / rec.hover.blankMoves,
        grossPerMoveMs: plot / rec.hover.moves,
        floorPerMoveMs: blank / rec.hover.blankMoves,
      });
      rec.resize.steps[0].mainMs = need('resize1');
      rec.resize.steps[1].mainMs = need('resize2');
      rec.resize.netMs = (need('resize1') + need('resize2')) / 2 - rec.floorMs;
      rec.toggle.steps[0].mainMs = need('hide');
      rec.toggle.steps[1].mainMs = need('show');
      rec.toggle.netMs = (need('hide') + need('show')) / 2 - rec.floorMs;
    }
    return rec;
  } catch (e) {
    rec.error = firstLine(e);
    return rec;
  } finally {
    if (tracing) await browser.stopTracing().catch(() => {});
    if (errors.length) rec.console = errors.slice(0, 10);
    await ctx.close().catch(() => {});
  }
}

// ---------------------------------------------------------------- where the first create's time goes
// A separate page per library and data set (DPR 1), traced with V8's compile categories,
// which are too verbose to leave on during the timed runs. Sums, on the renderer main
// thread between the init marks: wasm functions compiled on their first call
// (wasm.CompileLazy: V8 compiles a wasm function only when it is first called), JavaScript
// functions compiled on their first call (V8.CompileCode), and style recalculation
// (UpdateLayoutTree). Then the same for the second create in that page.
const COMPILE_CATEGORIES = ['disabled-by-default-devtools.timeline', 'blink.user_timing', 'devtools.timeline', 'v8', 'v8.wasm', 'disabled-by-default-v8.compile'];
function firstCallCosts(buf) {
  const { ev, marks, pid, tid } = traceMarks(buf);
  const out = {};
  for (const label of ['init', 'init2']) {
    const { start, end } = marks[label] || {};
    if (start == null || end == null) throw new Error(`trace: no bench:${label} marks`);
    const inside = ev.filter((e) => e.ph === 'X' && e.pid === pid && e.tid === tid && e.ts >= start && e.ts + (e.dur || 0) <= end);
    // each event counted once, not again where one is nested in another of the same name
    const outermost = (name) => {
      const out = [];
      for (const e of inside.filter((x) => x.name === name).sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
        const last = out[out.length - 1];
        if (!last || e.ts >= last.ts + last.dur) out.push(e);
      }
      return out;
    };
    const sum = (name) => outermost(name).reduce((a, e) => a + (e.dur || 0), 0) / 1000;
    out[label] = {
      wasmLazyMs: sum('wasm.CompileLazy'), wasmLazyCount: outermost('wasm.CompileLazy').length,
      jsCompileMs: sum('V8.CompileCode'), styleMs: sum('UpdateLayoutTree'),
    };
  }
  return out;
}

async function compileTest(browser, base, lib, data, dflt) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 1200 }, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  let tracing = false;
  try {
    await page.goto(`${base}/bench/page.html`);
    await page.evaluate((l) => window.bench.load(l), lib);
    await page.evaluate(([k, n, d]) => window.bench.prepare(k, n, d), [data.kind, data.n ?? 0, data.kind === 'default' ? dflt : null]);
    await browser.startTracing(page, { categories: COMPILE_CATEGORIES });
    tracing = true;
    const first = await page.evaluate(() => window.bench.init());
    await page.evaluate(() => window.bench.destroy());
    const second = await page.evaluate(() => window.bench.init('init2'));
    const buf = await browser.stopTracing();
    tracing = false;
    const costs = firstCallCosts(buf);
    return { lib, data: sizeName(data.n), first: { frameMs: first.frameMs, ...costs.init }, second: { frameMs: second.frameMs, ...costs.init2 } };
  } catch (e) {
    return { lib, data: sizeName(data.n), error: firstLine(e) };
  } finally {
    if (tracing) await browser.stopTracing().catch(() => {});
    await ctx.close().catch(() => {});
  }
}

// ---------------------------------------------------------------- memory: create/destroy cycles
async function memoryTest(browser, base, cycles) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 1200 }, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const cdp = await ctx.newCDPSession(page);
  const sample = async (label, extra) => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters').catch(() => ({}));
    const wasm = await page.evaluate(() => window.bench.wasmBytes());
    return { label, jsHeapUsed: heap.usedSize, jsHeapTotal: heap.totalSize, wasmBytes: wasm, domNodes: dom.nodes, listeners: dom.jsEventListeners, ...extra };
  };
  try {
    await page.goto(`${base}/bench/page.html`);
    await page.evaluate(() => window.bench.load('tc'));
    const samples = [await sample('after wasm init, no chart yet', { cycles: 0 })];
    const warm = Math.min(10, cycles);
    let done = 0;
    const run = async (n) => { const r = await page.evaluate((k) => window.bench.cycles(k), n); done += n; return r; };
    let r = await run(warm);
    samples.push(await sample(`after ${done} cycles (warm-up)`, { cycles: done, msPerCycle: r.ms / warm }));
    const step = Math.max(1, Math.round((cycles - warm) / 4));
    while (done < cycles) {
      const n = Math.min(step, cycles - done);
      r = await run(n);
      samples.push(await sample(`after ${done} cycles`, { cycles: done, msPerCycle: r.ms / n }));
    }
    const first = samples[1], last = samples[samples.length - 1];
    return {
      cycles, samples,
      jsHeapDelta: last.jsHeapUsed - first.jsHeapUsed,
      wasmDelta: last.wasmBytes == null ? null : last.wasmBytes - first.wasmBytes,
      domNodesDelta: last.domNodes - first.domNodes,
      listenersDelta: last.listeners - first.listeners,
      wasmReachable: last.wasmBytes != null,
      errors,
    };
  } catch (e) {
    return { cycles, error: firstLine(e), errors };
  } finally {
    await ctx.close().catch(() => {});
  }
}

// ---------------------------------------------------------------- tables
const METRICS = [
  { key: 'init', title: 'Init to first frame (wall, ms): just before create() to the next requestAnimationFrame', get: (r) => r.init?.frameMs, withStandalone: true },
  { key: 'initDone', title: 'Init to the end of the first frame (wall, ms): create() to the task after the next requestAnimationFrame (the frame\'s style, layout and paint done)', get: (r) => r.init?.doneMs, withStandalone: true },
  { key: 'initMain', title: 'Init main-thread time (ms: the renderer main thread\'s tasks in a trace, net of the harness floor)', get: (r) => r.init?.netMs, withStandalone: true },
  { key: 'init2', title: 'Second create in the same page (wall, ms): destroy(), then the same create() to the next requestAnimationFrame; code compiled, fonts and styles loaded', get: (r) => r.init2?.frameMs },
  { key: 'init2Main', title: 'Second create main-thread time (ms, net)', get: (r) => r.init2?.netMs },
  { key: 'hover', title: 'Hover: main-thread time per mouse move, settled to the next frame (ms, net of a sweep over blank page)', get: (r) => r.hover?.perMoveMs },
  { key: 'resize', title: 'Resize 1200→900→1200: width change to the frame that shows it (wall, ms, mean of both steps)', get: (r) => r.resize?.doneMs },
  { key: 'resizeMain', title: 'Resize main-thread time (ms per step, net)', get: (r) => r.resize?.netMs },
  { key: 'toggle', title: 'Legend toggle (hide, show): API call to the next frame done (wall, ms, mean of both)', get: (r) => r.toggle?.doneMs },
  { key: 'toggleMain', title: 'Legend toggle main-thread time (ms per toggle, net)', get: (r) => r.toggle?.netMs },
];
const fmt = (x) => (!Number.isFinite(x) ? '–' : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(3));
const cell = (s) => (s && s.n ? `${fmt(s.median)} (${fmt(s.p10)}–${fmt(s.p90)})` : '–');
const ratio = (a, b) => (a && b && a.n && b.n && b.median > 0 ? `${(a.median / b.median).toFixed(2)}×` : '–');
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;

function summarise(records, opt) {
  const groups = {};
  for (const r of records) {
    if (r.error || r.problems.length) continue;
    const k = `${r.data}|${r.dpr}`;
    groups[k] ??= { data: r.data, dpr: r.dpr, libs: {} };
    (groups[k].libs[r.lib] ??= []).push(r);
  }
  const out = {};
  for (const [k, g] of Object.entries(groups)) {
    out[k] = { data: g.data, dpr: g.dpr, metrics: {} };
    for (const m of METRICS) {
      out[k].metrics[m.key] = {};
      for (const [lib, rs] of Object.entries(g.libs)) out[k].metrics[m.key][lib] = stats(rs.map(m.get));
    }
    out[k].load = {};
    for (const [lib, rs] of Object.entries(g.libs)) {
      out[k].load[lib] = stats(rs.map((r) => (r.load?.scriptMs ?? 0) + (r.load?.wasmMs ?? 0)));
      out[k].hitRate = out[k].hitRate || {};
      out[k].hitRate[lib] = stats(rs.map((r) => r.hover?.hitRate));
    }
  }
  return out;
}

function markdown(res) {
  const { machine: mc, options: opt, transfer, memory, summary, records } = res;
  const L = [];
  const rank = (g) => (g.data === 'default' ? 0 : Number(g.data.slice(2)));
  const rows = Object.values(summary).sort((a, b) => rank(a) - rank(b) || a.dpr - b.dpr);
  const failed = records.filter((r) => r.error || r.problems.length);
  L.push(`Machine: ${mc.nproc} cores, ${mc.cpu}, ${mc.memGiB} GiB; ${mc.os}; Chromium ${mc.chromium} headless (software raster, 60 Hz rAF); Node ${mc.node}; playwright-core ${mc.playwrightCore}.`);
  L.push(`Run: ${mc.date}; trade-chart ${mc.git}${mc.gitDirty ? ' (working tree with uncommitted changes)' : ''}, pkg/ built ${mc.pkgBuilt} (wasm sha256 ${mc.wasmSha256}…); load average ${mc.loadavgStart.join(' ')} at start, ${(mc.loadavgEnd || []).join(' ')} at the end.`);
  L.push(`Command: \`${res.command}\` — ${opt.runs} runs per library × data set × DPR, a new browser context per run, libraries interleaved; ${opt.moves} mouse moves per hover sweep. Cells: median (p10–p90). Ratios: trade-chart median ÷ peer median (below 1 = trade-chart faster). trade-chart = ES module build with the wasm instantiated before create(); "standalone" = the single-file script, whose first create() includes wasm instantiation.`);
  L.push('');
  L.push('### At a glance: trade-chart ÷ uPlot / trade-chart ÷ Chart.js (medians; below 1 = trade-chart faster)');
  L.push('');
  L.push('| data | DPR | init (to rAF) | init incl. wasm (standalone) | init main-thread | second create (to rAF) | hover per move | resize (wall) | resize main-thread | toggle (wall) | toggle main-thread |');
  L.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const g of rows) {
    const two = (key, lib = 'tc') => `${ratio(g.metrics[key][lib], g.metrics[key].uplot)} / ${ratio(g.metrics[key][lib], g.metrics[key].chartjs)}`;
    L.push(`| ${g.data} | ${g.dpr} | ${two('init')} | ${two('init', 'tcs')} | ${two('initMain')} | ${two('init2')} | ${two('hover')} | ${two('resize')} | ${two('resizeMain')} | ${two('toggle')} | ${two('toggleMain')} |`);
  }
  L.push('');
  L.push('### Transfer size');
  L.push('');
  L.push('| what | raw | gzip -9 | brotli 11 |');
  L.push('|---|---:|---:|---:|');
  for (const [name, t] of Object.entries(transfer)) {
    L.push(`| ${name} | ${kb(t.raw)} | **${kb(t.gzip9)}** | ${kb(t.brotli11)} |`);
    if (t.files.length > 1) for (const f of t.files) L.push(`| &nbsp;&nbsp;${f.file} | ${kb(f.raw)} | ${kb(f.gzip9)} | ${kb(f.brotli11)} |`);
  }
  L.push('');
  for (const m of METRICS) {
    L.push(`### ${m.title}`);
    L.push('');
    const sa = m.withStandalone && opt.libs.includes('tcs');
    L.push(`| data | DPR | trade-chart |${sa ? ' trade-chart standalone (incl. wasm) |' : ''} uPlot | Chart.js | tc ÷ uPlot | tc ÷ Chart.js |${sa ? ' standalone ÷ uPlot |' : ''}`);
    L.push(`|---|---:|---:|${sa ? '---:|' : ''}---:|---:|---:|---:|${sa ? '---:|' : ''}`);
    for (const g of rows) {
      const s = g.metrics[m.key];
      L.push(`| ${g.data} | ${g.dpr} | ${cell(s.tc)} |${sa ? ` ${cell(s.tcs)} |` : ''} ${cell(s.uplot)} | ${cell(s.chartjs)} | ${ratio(s.tc, s.uplot)} | ${ratio(s.tc, s.chartjs)} |${sa ? ` ${ratio(s.tcs, s.uplot)} |` : ''}`);
    }
    L.push('');
  }
  L.push('### Library load (script fetch from 127.0.0.1 + evaluation; trade-chart ESM: + wasm fetch, compile, instantiate), ms');
  L.push('');
  L.push('| data | DPR | trade-chart ESM | trade-chart standalone | uPlot | Chart.js |');
  L.push('|---|---:|---:|---:|---:|---:|');
  for (const g of rows) L.push(`| ${g.data} | ${g.dpr} | ${cell(g.load.tc)} | ${cell(g.load.tcs)} | ${cell(g.load.uplot)} | ${cell(g.load.chartjs)} |`);
  L.push('');
  L.push('Hover moves that showed a tooltip (trade-chart), a cursor value (uPlot) or an active element (Chart.js), median share:');
  L.push('');
  L.push('| data | DPR | trade-chart | uPlot | Chart.js |');
  L.push('|---|---:|---:|---:|---:|');
  for (const g of rows) {
    const h = g.hitRate || {};
    const pc = (s) => (s && s.n ? `${Math.round(s.median * 100)}%` : '–');
    L.push(`| ${g.data} | ${g.dpr} | ${pc(h.tc)} | ${pc(h.uplot)} | ${pc(h.chartjs)} |`);
  }
  L.push('');
  L.push('### Where the first create goes: first-call costs (DPR 1, traced pages apart from the timed runs)');
  L.push('');
  const comp = (res.compile || []).filter((c) => !c.error);
  if (!comp.length) L.push(res.options?.compileRuns === 0 ? 'Not run (--compile 0).' : 'No traced page succeeded (see below).');
  else {
    L.push('Medians over the traced pages. V8 compiles a wasm function on its first call and a JavaScript function on its first call; a second create in the same page finds both compiled and the fonts and styles loaded. "to rAF" here runs with V8\'s compile tracing on, so it is slower than in the timed runs.');
    L.push('');
    L.push('| data | library | create | to rAF | wasm compiled on first call | JS compiled on first call | style recalc |');
    L.push('|---|---|---|---:|---:|---:|---:|');
    const groups = new Map();
    for (const c of comp) { const k = `${c.data}|${c.lib}`; if (!groups.has(k)) groups.set(k, []); groups.get(k).push(c); }
    for (const [k, cs] of groups) {
      const [data, lib] = k.split('|');
      for (const which of ['first', 'second']) {
        const med = (f) => stats(cs.map((c) => f(c[which]))).median;
        const wasm = lib.startsWith('tc') ? `${fmt(med((x) => x.wasmLazyMs))} ms (${Math.round(med((x) => x.wasmLazyCount))} functions)` : '–';
        L.push(`| ${data} | ${LIBS[lib]} | ${which} | ${fmt(med((x) => x.frameMs))} | ${wasm} | ${fmt(med((x) => x.jsCompileMs))} ms | ${fmt(med((x) => x.styleMs))} ms |`);
      }
    }
  }
  const compErr = (res.compile || []).filter((c) => c.error);
  if (compErr.length) L.push('', ...compErr.map((c) => `- first-call trace failed: ${c.lib} ${c.data}: ${c.error}`));
  L.push('');
  L.push('### Memory: trade-chart create + destroy on the default data, one page');
  L.push('');
  if (!memory) L.push('Not run (--cycles 0).');
  else if (memory.error) L.push(`Failed: ${memory.error}`);
  else {
    L.push('| after | JS heap used | wasm memory | DOM nodes | JS listeners | ms per cycle |');
    L.push('|---|---:|---:|---:|---:|---:|');
    for (const s of memory.samples) L.push(`| ${s.label} | ${kb(s.jsHeapUsed)} | ${s.wasmBytes == null ? 'not reachable' : kb(s.wasmBytes)} | ${s.domNodes ?? '–'} | ${s.listeners ?? '–'} | ${s.msPerCycle ? fmt(s.msPerCycle) : '–'} |`);
    L.push('');
    L.push(`From the warm-up to ${memory.cycles} cycles: JS heap ${memory.jsHeapDelta >= 0 ? '+' : ''}${kb(memory.jsHeapDelta)}, wasm memory ${memory.wasmDelta == null ? 'not reachable' : `${memory.wasmDelta >= 0 ? '+' : ''}${kb(memory.wasmDelta)}`}, DOM nodes ${memory.domNodesDelta >= 0 ? '+' : ''}${memory.domNodesDelta}, listeners ${memory.listenersDelta >= 0 ? '+' : ''}${memory.listenersDelta} (each after two forced GCs).`);
  }
  L.push('');
  L.push('### Issue 4 targets');
  L.push('');
  L.push(...targets(res, rows).map((t) => `- ${t}`));
  if (failed.length) {
    L.push('');
    L.push(`### Runs left out (${failed.length})`);
    L.push('');
    const seen = new Map();
    for (const r of failed) {
      const why = r.error || r.problems.join('; ');
      const k = `${r.lib} ${r.data} DPR ${r.dpr}: ${why}`;
      seen.set(k, (seen.get(k) || 0) + 1);
    }
    for (const [k, n] of seen) L.push(`- ${k} (${n} run${n > 1 ? 's' : ''})`);
  }
  const msgs = new Map();
  for (const r of records) for (const c of r.console || []) { const k = `${r.lib}: ${c}`; msgs.set(k, (msgs.get(k) || 0) + 1); }
  if (msgs.size) {
    L.push('');
    L.push('### Console errors and warnings');
    L.push('');
    for (const [k, n] of msgs) L.push(`- ${k.slice(0, 300)} (${n} page${n > 1 ? 's' : ''})`);
  }
  return L.join('\n') + '\n';
}

function targets(res, rows) {
  const out = [];
  const synth = rows.filter((g) => g.data !== 'default');
  const worst = (key, lib = 'tc') => {
    let w = null;
    for (const g of synth) {
      const s = g.metrics[key], a = s[lib], b = s.uplot;
      if (!a?.n || !b?.n) continue;
      const q = a.median / b.median;
      if (!w || q > w.q) w = { q, g };
    }
    return w;
  };
  const judge = (label, key, limit, lib = 'tc') => {
    const w = worst(key, lib);
    const missing = synth.filter((g) => !g.metrics[key][lib]?.n).map((g) => `${g.data}@${g.dpr}`);
    if (!w) return `${label}: not measured (no valid trade-chart runs on the synthetic data${missing.length ? `: ${missing.join(', ')}` : ''})`;
    const verdict = w.q <= limit && !missing.length ? 'met' : w.q <= limit ? 'met where measured' : `missed by ${((w.q / limit - 1) * 100).toFixed(0)}%`;
    return `${label} ≤ ${limit}× uPlot: worst ${w.q.toFixed(2)}× (${w.g.data}, DPR ${w.g.dpr}) — **${verdict}**${missing.length ? `; no valid runs for ${missing.join(', ')}` : ''}`;
  };
  out.push(judge('Init to first frame (ESM, wasm ready)', 'init', 0.8));
  out.push(judge('Init to first frame including wasm instantiation (standalone)', 'init', 0.8, 'tcs'));
  out.push(judge('Init main-thread time', 'initMain', 0.8));
  out.push(judge('Hover main-thread per move', 'hover', 1.0));
  out.push(judge('Resize to frame (wall)', 'resize', 1.0));
  out.push(judge('Resize main-thread', 'resizeMain', 1.0));
  const t = Object.entries(res.transfer)[0][1];
  out.push(`Transfer ≤ 33 KB gzip (wasm + JS + data): ${kb(t.gzip9)} — **${t.gzip9 <= 33 * 1024 ? 'met' : `missed by ${kb(t.gzip9 - 33 * 1024)} (${(t.gzip9 / (33 * 1024)).toFixed(1)}× the budget)`}**`);
  const m = res.memory;
  if (m && !m.error) {
    out.push(`Memory after ${m.cycles} create/destroy cycles: JS heap ${m.jsHeapDelta >= 0 ? '+' : ''}${kb(m.jsHeapDelta)}, wasm ${m.wasmDelta == null ? 'not reachable' : `${m.wasmDelta >= 0 ? '+' : ''}${kb(m.wasmDelta)}`} from the warm-up figures`);
  }
  return out;
}

// ---------------------------------------------------------------- main
async function main() {
  if (process.argv.includes('--pageload')) { // a reader's page load: its own options and results
    const { main: pageload } = await import('./pageload.mjs');
    return pageload(process.argv.slice(2));
  }
  const opt = parseArgs(process.argv.slice(2));
  if (opt.report) { // re-render the tables of an earlier run
    const res = JSON.parse(readFileSync(opt.report, 'utf8'));
    res.summary = summarise(res.records, res.options);
    const md = markdown(res);
    writeFileSync(join(BENCH, 'results.md'), `# trade-chart benchmark results\n\n${md}`);
    console.log(md);
    return;
  }
  for (const f of ['index.js', 'trade_chart.js', 'trade_chart_bg.wasm', 'trade-chart.standalone.js']) {
    if (!existsSync(join(PKG, f))) { console.error(`pkg/${f} is missing: build first (make build)`); process.exit(1); }
  }
  for (const f of [join(NM, 'playwright-core'), join(NM, 'uplot', 'dist', 'uPlot.iife.min.js'), join(NM, 'chart.js', 'dist', 'chart.umd.min.js')]) {
    if (!existsSync(f)) { console.error(`${f} is missing: npm ci --prefix bench`); process.exit(1); }
  }
  PKG = mkdtempSync(join(os.tmpdir(), 'tc-bench-pkg-'));
  cpSync(PKG_SRC, PKG, { recursive: true, preserveTimestamps: true });
  const dflt = defaultDataset();
  const transfer = transferSizes();
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  const home = mkdtempSync(join(os.tmpdir(), 'tc-bench-home-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, env: { ...process.env, HOME: home } });
  const cleanup = async () => {
    await browser.close().catch(() => {});
    server.close();
    rmSync(home, { recursive: true, force: true });
    rmSync(PKG, { recursive: true, force: true });
  };
  process.on('SIGINT', () => { cleanup().finally(() => process.exit(130)); });

  const mc = machine(browser.version());
  const datasets = [...(opt.withDefault ? [{ kind: 'default', n: null }] : []), ...opt.sizes.map((n) => ({ kind: 'synthetic', n }))];
  rmSync(join(BENCH, 'shots'), { recursive: true, force: true });
  mkdirSync(join(BENCH, 'shots'), { recursive: true });
  const records = [];
  const total = opt.runs * datasets.length * opt.dprs.length * opt.libs.length;
  const t0 = Date.now();
  let k = 0;
  try {
    // Runs outermost, libraries innermost: A,B,C,A,B,C… for every data set and DPR, so drift
    // (thermal, other processes) spreads over every library alike.
    for (let run = 0; run < opt.runs; run++) {
      for (const data of datasets) {
        for (const dpr of opt.dprs) {
          for (const lib of opt.libs) {
            const rec = await page1(browser, base, opt, { lib, data, dpr, run }, dflt);
            records.push(rec);
            k++;
            const bad = rec.error ? `ERROR ${rec.error}` : rec.problems.length ? `INVALID ${rec.problems.join('; ')}` : '';
            process.stderr.write(`[${k}/${total} ${((Date.now() - t0) / 1000).toFixed(0)}s] run ${run} ${rec.data} dpr${dpr} ${lib.padEnd(7)} ` +
              (bad || `init ${fmt(rec.init?.frameMs)}ms main ${fmt(rec.init?.netMs)}ms` + (rec.hover ? ` hover ${fmt(rec.hover.perMoveMs)}ms/move (${Math.round(rec.hover.hitRate * 100)}%) resize ${fmt(rec.resize.doneMs)}ms toggle ${fmt(rec.toggle.doneMs)}ms` : '')) + '\n');
          }
        }
      }
    }
    // Where the first create's time goes (not timed runs: the compile categories slow V8 down).
    const compile = [];
    if (opt.compileRuns > 0) {
      process.stderr.write(`first-call costs: ${opt.compileRuns} traced page(s) per library and data set…\n`);
      for (let run = 0; run < opt.compileRuns; run++) {
        for (const data of datasets.filter((d) => d.kind === 'default' || d.n <= 1e4)) {
          for (const lib of opt.libs.filter((l) => l !== 'tcs')) compile.push(await compileTest(browser, base, lib, data, dflt));
        }
      }
    }
    let memory = null;
    if (opt.cycles > 0 && opt.libs.includes('tc')) {
      process.stderr.write(`memory: ${opt.cycles} create/destroy cycles…\n`);
      memory = await memoryTest(browser, base, opt.cycles);
    }
    mc.loadavgEnd = os.loadavg().map((x) => +x.toFixed(2));
    mc.seconds = Math.round((Date.now() - t0) / 1000);
    const res = {
      command: `node bench/run.mjs${process.argv.slice(2).length ? ' ' + process.argv.slice(2).join(' ') : ''}`,
      machine: mc,
      options: { ...opt, canvas: `${W}×${H} CSS px`, resizeTo: W_SMALL },
      defaultData: dflt,
      transfer,
      memory,
      compile,
      summary: summarise(records, opt),
      records,
    };
    const md = markdown(res);
    writeFileSync(join(BENCH, 'results.json'), JSON.stringify(res, null, 1) + '\n');
    writeFileSync(join(BENCH, 'results.md'), `# trade-chart benchmark results\n\n${md}`);
    console.log(md);
    process.stderr.write(`wrote bench/results.json and bench/results.md in ${mc.seconds}s\n`);
  } finally {
    await cleanup();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
