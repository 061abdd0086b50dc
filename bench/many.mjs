#!/usr/bin/env node
// Fifty charts on one page (issue 11): the time to the first chart's first frame on a page
// with 50 `<trade-chart>` elements against the same page with one, and the main thread
// while a reader scrolls through all fifty. Headless Chromium, unthrottled, a fresh
// browser context (cold cache) per visit. Not part of `make test` (a benchmark):
//
//   node bench/many.mjs [--runs N]        (make bench-many; results in bench/results-many.md)
//
// Needs the built package (make build). Serves the repository with scripts/serve.mjs.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launch, startServer } from '../tests/e2e/helpers.mjs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
const N = 50;

// A news page: the charts, each followed by two paragraphs of text; the page with one
// chart has the same text (only the first chart). Every chart is the story's (the
// script's own data), lazy as <trade-chart> is by default.
const para = '<p>' + 'The reader scrolls past text between the charts; each paragraph is filler written for this page. '.repeat(6) + '</p>';
const page = (n) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>${n} charts</title><style>body{font:16px/1.5 system-ui;margin:0 auto;max-width:680px;padding:0 12px}</style>
<script>window.__first = null; window.__tasks = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__tasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
document.addEventListener('trade-chart:ready', (e) => { if (!window.__first && e.target.id === 'c0') requestAnimationFrame(() => { window.__first = performance.now(); }); });</script>
</head><body><h1>${n === 1 ? 'One chart' : `${n} charts`}</h1>
${Array.from({ length: N }, (_, i) => `${i < n ? `<trade-chart id="c${i}" view="${['collapse', 'monthly', 'balance'][i % 3]}"></trade-chart>\n` : ''}${para}${para}`).join('\n')}
<script src="/pkg/trade-chart.standalone.js"></script></body></html>`;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };

const server = await startServer();
const browser = await launch();
const routes = { '/many/one.html': page(1), '/many/fifty.html': page(N) };
const results = { one: [], fifty: [], scroll: [] };
try {
  for (let r = 0; r < runs; r++) {
    for (const which of ['one', 'fifty']) {
      const ctx = await browser.browser.newContext({ viewport: { width: 412, height: 823 } });
      await ctx.route(`${server.url}many/**`, (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: routes[new URL(route.request().url()).pathname] }));
      const p = await ctx.newPage();
      await p.goto(`${server.url}many/${which}.html`);
      await p.waitForFunction(() => window.__first, null, { timeout: 60_000 });
      results[which].push(await p.evaluate(() => window.__first));
      if (which === 'fifty') {
        // Scroll through all fifty as a reader would, a screen at a time, waiting for the
        // charts that came near to be made; then the long tasks of the whole visit.
        const made = await p.evaluate(async (n) => {
          // First, proof that this page sees long tasks: one of 80 ms, made on purpose.
          await new Promise((res) => setTimeout(() => { const e = performance.now() + 80; while (performance.now() < e); res(); }, 0));
          await new Promise((res) => setTimeout(res, 200));
          const probe = Math.max(0, ...window.__tasks.map(([, d]) => d));
          const t0 = performance.now();
          for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
            scrollTo(0, y);
            await new Promise((res) => setTimeout(res, 150));
          }
          const deadline = performance.now() + 20_000;
          while ([...document.querySelectorAll('trade-chart')].filter((e) => e.tradeChart).length < n && performance.now() < deadline) await new Promise((res) => setTimeout(res, 100));
          await new Promise((res) => setTimeout(res, 500));
          const during = window.__tasks.filter(([s]) => s >= t0).map(([, d]) => d);
          return { probe, made: [...document.querySelectorAll('trade-chart')].filter((e) => e.tradeChart).length, longest: Math.max(0, ...during), over50: during.filter((d) => d > 50).length, tasks: during.length };
        }, N);
        results.scroll.push(made);
      }
      await ctx.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}

const one = median(results.one), fifty = median(results.fifty);
const range = (xs) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
const md = `| page | first chart's first frame, ms (median of ${runs}; range) |
|---|---:|
| one chart | ${one.toFixed(0)} (${range(results.one)}) |
| ${N} charts | ${fifty.toFixed(0)} (${range(results.fifty)}) |
| ratio | ${(fifty / one).toFixed(2)}× (target ≤ 1.2×: ${fifty / one <= 1.2 ? 'met' : 'missed'}) |

Scrolling through all ${N} (a screen every 150 ms, then until every chart is made), per visit: charts made ${results.scroll.map((s) => s.made).join(', ')}; long tasks (> 50 ms) ${results.scroll.map((s) => s.over50).join(', ')}; the longest task, ms: ${results.scroll.map((s) => s.longest.toFixed(0)).join(', ')} (target: none over 50 ms: ${results.scroll.every((s) => s.over50 === 0) ? 'met' : 'missed'}). The observer's check: an 80 ms task made on purpose before the scroll was seen as ${results.scroll.map((s) => s.probe.toFixed(0)).join(', ')} ms.
`;
writeFileSync(join(ROOT, 'bench', 'results-many.md'), `# Fifty charts on one page: results\n\n${new Date().toISOString()}, 412×823 viewport, unthrottled, cold (a new browser context per visit).\n\n${md}`);
console.log(md);
