#!/usr/bin/env node
// Lighthouse on the page-load bench's news pages (issue 22): each page as a reader gets it
// (bench/pageload.mjs's pages without its probe), Lighthouse 12.2.3 from bench/'s own
// package.json (13 wants Node 22), Debian's Chromium, the mobile preset (the default: a
// Moto G Power's screen, 4× CPU and a slow 4G link simulated from an unthrottled load),
// N runs per page, medians. What is measured and why: ../BENCHMARKS.md, "Lighthouse".
// Usage:
//
//   node bench/lighthouse.mjs [--runs N] [--libs tcp,tcs,tcj,tc,tce,uplot,chartjs,highcharts]
//   node bench/lighthouse.mjs --report     (rewrite the Markdown from results-lighthouse.json)
//   make bench-lighthouse [LIGHTHOUSE_ARGS=…]
//
// Needs pkg/ (make build) and `npm ci --prefix bench`. Writes bench/results-lighthouse.json
// (every run's figures; the reports themselves go to a temporary folder) and
// bench/results-lighthouse.md; prints the Markdown.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { LIBS, DEFAULT_LIBS, serveSite, machine, summarise } from './pageload.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const LH = join(BENCH, 'node_modules', 'lighthouse', 'cli', 'index.js');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROME_FLAGS = '--headless=new --no-sandbox';
const version = () => JSON.parse(readFileSync(join(BENCH, 'node_modules', 'lighthouse', 'package.json'), 'utf8')).version;

function usage(code) {
  console.log(`usage: node bench/lighthouse.mjs [options]
  --runs N        Lighthouse runs per page (default 3; medians)
  --libs LIST     of ${Object.keys(LIBS).join(',')} (default: ${DEFAULT_LIBS.join(',')})
  --report        no run: rewrite bench/results-lighthouse.md from bench/results-lighthouse.json
  --below         the chart below the first screen, as in the page-load bench (default: in the first screen)
  --summary       no run: one table of both results (results-pageload.json, results-lighthouse.json), for BENCHMARKS.md`);
  process.exit(code);
}
function parseArgs(argv) {
  const o = { runs: 3, libs: DEFAULT_LIBS, below: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => { if (i + 1 >= argv.length) { console.error(`${a} needs a value`); usage(2); } return argv[++i]; };
    switch (a) {
      case '--runs': o.runs = Number(val()); if (!Number.isInteger(o.runs) || o.runs < 1) usage(2); break;
      case '--libs': o.libs = val().split(',').filter(Boolean); break;
      case '--report': o.report = true; break;
      case '--summary': o.summary = true; break;
      case '--below': o.below = true; break;
      case '-h': case '--help': usage(0); break;
      default: console.error(`unknown option ${a}`); usage(2);
    }
  }
  for (const l of o.libs) if (!LIBS[l]) { console.error(`--libs: unknown library ${l}`); usage(2); }
  return o;
}

// One Lighthouse run (its own Chromium, a fresh profile: a cold visit); the figures kept.
function lighthouse(url, dir) {
  const out = join(dir, `lhr-${Date.now()}.json`);
  const args = [LH, url, '--quiet', '--output=json', `--output-path=${out}`, '--only-categories=performance',
    '--form-factor=mobile', '--throttling-method=simulate', `--chrome-flags=${CHROME_FLAGS}`, '--max-wait-for-load=60000'];
  return new Promise((res) => {
    execFile(process.execPath, args, { env: { ...process.env, CHROME_PATH: CHROMIUM, HOME: dir }, maxBuffer: 1 << 26, timeout: 240000 }, (err, _so, se) => {
      if (!existsSync(out)) { res({ error: String(err?.message || se || 'no report').split('\n')[0].slice(0, 300) }); return; }
      const lhr = JSON.parse(readFileSync(out, 'utf8'));
      if (process.env.LH_KEEP) writeFileSync(join(BENCH, 'shots', `lhr-${url.split('/').pop()}.json`), JSON.stringify(lhr));
      rmSync(out, { force: true });
      const a = lhr.audits, num = (id) => a[id]?.numericValue ?? null;
      const shifts = (a['layout-shifts']?.details?.items || []).map((i) => ({ score: +(i.score ?? 0).toFixed(4), node: i.node?.selector || i.node?.snippet?.slice(0, 80) || '' }));
      const lcpEl = a['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
      // Lighthouse 12.2.3 cannot read the elements from Chromium 156's trace (its TraceElements
      // gatherer fails in RootCauses): the LCP element and the shifts' list are then errors
      const elementsError = a['layout-shifts']?.errorMessage || a['largest-contentful-paint-element']?.errorMessage || null;
      res({
        score: lhr.categories.performance.score == null ? null : Math.round(lhr.categories.performance.score * 100),
        cls: num('cumulative-layout-shift'), tbt: num('total-blocking-time'), lcp: num('largest-contentful-paint'),
        fcp: num('first-contentful-paint'), si: num('speed-index'), bytes: num('total-byte-weight'),
        maxFid: num('max-potential-fid'), longTasks: (a['long-tasks']?.details?.items || []).length,
        lcpElement: lcpEl ? (lcpEl.selector || lcpEl.snippet || '').slice(0, 100) : null, shifts,
        elementsError: elementsError && elementsError.split('\n')[0].slice(0, 200),
        warnings: lhr.runWarnings || [], error: lhr.runtimeError?.message,
      });
    });
  });
}

// ---------------------------------------------------------------- the report
function median(xs) {
  const v = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const m = (v.length - 1) / 2;
  return (v[Math.floor(m)] + v[Math.ceil(m)]) / 2;
}
const fmt = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const range = (xs, d) => { const v = xs.filter(Number.isFinite); return v.length > 1 ? ` (${fmt(Math.min(...v), d)}–${fmt(Math.max(...v), d)})` : ''; };
const COLS = [
  ['score', 'performance score', 0],
  ['cls', 'CLS', 3],
  ['tbt', 'TBT (ms)', 0],
  ['lcp', 'LCP (ms)', 0],
  ['fcp', 'FCP (ms)', 0],
  ['si', 'speed index (ms)', 0],
  ['bytes', 'total bytes (KB)', 1],
  ['longTasks', 'long tasks listed', 0],
];
function markdown(res) {
  const { machine: mc, options: opt } = res;
  const L = [];
  L.push(`Machine: ${mc.nproc} cores, ${mc.cpu}; Chromium ${mc.chromium} (\`${CHROME_FLAGS}\`); Node ${mc.node}; Lighthouse ${res.lighthouse}; **load average ${mc.loadavgStart.join(' ')} at the start, ${(mc.loadavgEnd || []).join(' ')} at the end**; ${mc.seconds ?? '?'} s.`);
  L.push(`Build: trade-chart ${mc.git}${mc.gitDirty ? ' (uncommitted changes)' : ''}, wasm sha256 ${mc.wasmSha256}…. Command: \`${res.command}\` — ${opt.runs} run(s) per page, pages interleaved; the mobile preset, simulated throttling (Lantern: 4× CPU, 150 ms RTT, 1.6 Mbps), only the performance category; the news page with the chart ${opt.below ? 'below the first screen (as in the page-load bench)' : 'in the first screen (right after the byline; below it, no shift would count)'}. Cells: median (min–max) of the runs.`);
  L.push('');
  const noElements = res.runs.every((r) => r.error || r.elementsError);
  L.push(`| page | ${COLS.map(([, t]) => t).join(' | ')} |${noElements ? '' : ' LCP element | layout shifts (score, element) |'}`);
  L.push(`|---|${COLS.map(() => '---:').join('|')}|${noElements ? '' : '---|---|'}`);
  for (const l of opt.libs) {
    const rs = res.runs.filter((r) => r.lib === l && !r.error);
    const v = (k) => rs.map((r) => (k === 'bytes' ? r.bytes / 1024 : r[k]));
    const shifts = [...new Set(rs.flatMap((r) => r.shifts.map((s) => `${s.score} ${s.node}`)))].slice(0, 4).join('; ') || 'none';
    const lcpEls = [...new Set(rs.map((r) => r.lcpElement).filter(Boolean))].map((s) => `\`${s.replace(/\|/g, '\\|')}\``).join(', ') || '–';
    L.push(`| ${LIBS[l]} | ${COLS.map(([k, , d]) => `${fmt(median(v(k)), d)}${range(v(k), d)}`).join(' | ')} |${noElements ? '' : ` ${lcpEls} | ${shifts.replace(/\|/g, '\\|')} |`}`);
  }
  L.push('');
  const ee = res.runs.find((r) => r.elementsError)?.elementsError;
  if (ee) {
    L.push(`Not shown: the LCP element and the list of layout shifts (Lighthouse's \`largest-contentful-paint-element\` and \`layout-shifts\` audits): Lighthouse ${res.lighthouse} fails to read them from this Chromium's trace (${ee.replace(/\|/g, '\\|')}). CLS, LCP and the other metrics are computed from the trace without them.`);
    L.push('');
  }
  L.push('### Targets (issue 22)');
  L.push('');
  for (const l of opt.libs.filter((x) => x.startsWith('tc'))) {
    const rs = res.runs.filter((r) => r.lib === l && !r.error);
    const score = median(rs.map((r) => r.score)), cls = median(rs.map((r) => r.cls));
    const lim = l === 'tcp' ? 0 : 0.01;
    L.push(`- ${LIBS[l]}: Lighthouse mobile ${fmt(score)} (runs: ${rs.map((r) => r.score).join(', ')}) — **${score >= 100 ? 'met' : 'missed'}**; CLS ${fmt(cls, 3)} ${l === 'tcp' ? '= 0 (the picture\'s takeover)' : '≤ 0.01 (a README snippet)'} — **${cls <= lim ? 'met' : 'missed'}**`);
  }
  const bad = res.runs.filter((r) => r.error);
  if (bad.length) {
    L.push('');
    L.push(`### Runs that failed (${bad.length})`);
    L.push('');
    for (const r of bad) L.push(`- ${r.lib} run ${r.run}: ${r.error}`);
  }
  const warns = new Set(res.runs.flatMap((r) => (r.warnings || []).map((w) => `${r.lib}: ${w}`)));
  if (warns.size) {
    L.push('');
    L.push('### Lighthouse warnings');
    L.push('');
    for (const w of warns) L.push(`- ${w.replace(/\s+/g, ' ').slice(0, 300)}`);
  }
  return L.join('\n') + '\n';
}

// Both benches in one table: the two moments on a slow cold visit against the peers' first
// frames, the tasks over 50 ms (unthrottled, every visit), and Lighthouse's figures.
function summary(pl, lh) {
  const S = summarise(pl);
  const m = (mode, w, l, k) => S[mode]?.[w]?.[l]?.[k]?.median;
  const r = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : '–');
  const L = [];
  L.push('| page | first picture, slow cold (ms) | ÷ uPlot\'s first frame | interactive, slow cold (ms) | ÷ Chart.js\'s first frame | first picture / interactive, fast cold (ms) | tasks over 50 ms, fast (visits with any / visits; longest, ms) | tasks over 50 ms, slow (median per visit) | Lighthouse score | CLS | TBT (ms) | LCP (ms) | bytes (KB) |');
  L.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const l of Object.keys(LIBS)) {
    if (!pl.options.libs.includes(l) && !lh.options.libs.includes(l)) continue;
    const fast = pl.pairs.filter((p) => p.lib === l && p.mode === 'fast').flatMap((p) => [p.cold, p.warm]).filter((x) => x && !x.error);
    const anyOver = fast.filter((x) => (x.over50 ?? 0) + (x.over50Clicks ?? 0) > 0).length;
    const worst = fast.reduce((a, x) => Math.max(a, x.longest ?? 0, x.longestClicks ?? 0), 0);
    const rs = lh.runs.filter((x) => x.lib === l && !x.error);
    const med = (k, d) => fmt(median(rs.map((x) => (k === 'bytes' ? x.bytes / 1024 : x[k]))), d);
    L.push(`| ${LIBS[l]} | ${fmt(m('slow', 'cold', l, 'firstPicture'))} | ${r(m('slow', 'cold', l, 'firstPicture'), m('slow', 'cold', 'uplot', 'firstFrame'))} | ${fmt(m('slow', 'cold', l, 'interactive'))} | ${r(m('slow', 'cold', l, 'interactive'), m('slow', 'cold', 'chartjs', 'firstFrame'))} | ${fmt(m('fast', 'cold', l, 'firstPicture'))} / ${fmt(m('fast', 'cold', l, 'interactive'))} | ${fast.length ? `${anyOver} / ${fast.length}; ${fmt(worst)}` : '–'} | ${fmt(m('slow', 'cold', l, 'over50'))} cold, ${fmt(m('slow', 'warm', l, 'over50'))} warm | ${med('score', 0)} | ${med('cls', 3)} | ${med('tbt', 0)} | ${med('lcp', 0)} | ${med('bytes', 1)} |`);
  }
  L.push('');
  L.push(`Page load: load average ${pl.machine.loadavgStart.join(' ')} → ${(pl.machine.loadavgEnd || []).join(' ')}, ${pl.options.runs} run(s), ${pl.machine.date}; Lighthouse: ${lh.machine.loadavgStart.join(' ')} → ${(lh.machine.loadavgEnd || []).join(' ')}, ${lh.options.runs} run(s), ${lh.machine.date}.`);
  return L.join('\n') + '\n';
}

export async function main(argv = process.argv.slice(2)) {
  const opt = parseArgs(argv);
  if (opt.summary) {
    console.log(summary(JSON.parse(readFileSync(join(BENCH, 'results-pageload.json'), 'utf8')), JSON.parse(readFileSync(join(BENCH, 'results-lighthouse.json'), 'utf8'))));
    return;
  }
  const jsonPath = join(BENCH, 'results-lighthouse.json'), mdPath = join(BENCH, 'results-lighthouse.md');
  const write = (res) => {
    const md = markdown(res);
    writeFileSync(mdPath, `# Lighthouse on the news pages: results\n\n${md}`);
    console.log(md);
  };
  if (opt.report) { write(JSON.parse(readFileSync(jsonPath, 'utf8'))); return; }
  if (!existsSync(LH)) { console.error('bench/node_modules/lighthouse is missing: npm ci --prefix bench'); process.exit(1); }
  const site = await serveSite({ lighthouse: true, firstScreen: !opt.below });
  const mc = machine();
  const dir = mkdtempSync(join(os.tmpdir(), 'tc-lighthouse-'));
  const runs = [];
  const t0 = Date.now();
  try {
    for (let run = 0; run < opt.runs; run++) {
      for (const lib of opt.libs) {
        const r = { lib, run, ...(await lighthouse(`${site.base}/news/${lib}.html`, dir)) };
        runs.push(r);
        // kept as it goes: a run cut short can still be reported (--report)
        writeFileSync(jsonPath, JSON.stringify({ command: 'partial', lighthouse: version(), machine: { ...mc, loadavgEnd: os.loadavg().map((x) => +x.toFixed(2)), seconds: Math.round((Date.now() - t0) / 1000) },
          options: { ...opt, runs: run + 1 }, runs }, null, 1) + '\n');
        process.stderr.write(`[${runs.length}/${opt.runs * opt.libs.length} ${((Date.now() - t0) / 1000).toFixed(0)}s] ${lib.padEnd(10)} ` +
          (r.error ? `ERROR ${r.error}` : `score ${r.score} cls ${fmt(r.cls, 3)} tbt ${fmt(r.tbt)} lcp ${fmt(r.lcp)} fcp ${fmt(r.fcp)} ${fmt(r.bytes / 1024, 1)} KB`) + '\n');
      }
    }
  } finally {
    site.close();
    rmSync(dir, { recursive: true, force: true });
  }
  mc.loadavgEnd = os.loadavg().map((x) => +x.toFixed(2));
  mc.seconds = Math.round((Date.now() - t0) / 1000);
  const res = { command: `node bench/lighthouse.mjs${argv.length ? ' ' + argv.join(' ') : ''}`, lighthouse: version(), machine: mc, options: opt, runs };
  writeFileSync(jsonPath, JSON.stringify(res, null, 1) + '\n');
  write(res);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => { console.error(e); process.exit(1); });
}
