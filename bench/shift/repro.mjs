// Reproduce the picture page's load-time layout shift (issue 22): the bench's pages
// (serveSite), slow network (CDP) and CPU 4x, a phone window; records layout-shift entries
// with sources, the DOM state each frame, and a screencast; writes frames around a shift.
//   node bench/shift/repro.mjs [--page tcp] [--runs 4] [--lighthouse] [--first-screen] [--no-scroll]
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveSite } from '../pageload.mjs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), 'out');
const arg = (n, d) => { const i = process.argv.indexOf(n); return i < 0 ? d : process.argv[i + 1]; };
const flag = (n) => process.argv.includes(n);
let lib = arg('--page', 'tcp'); const runs = +arg('--runs', 4);
mkdirSync(OUT, { recursive: true });
const site = await serveSite({ lighthouse: flag('--lighthouse'), firstScreen: flag('--first-screen') });
// --strip: the page as main wrote it before the fix (no data-tc-pictured mark), to compare
let page0 = lib;
if (flag('--strip')) {
  page0 = lib + 'strip';
  site.html[page0] = site.html[lib].replaceAll(' data-tc-pictured', '');
  await fetch(`${site.base}/news/${page0}.html`, { headers: { 'accept-encoding': 'gzip' } }).then((r) => r.arrayBuffer());
}
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const INIT = () => {
  window.__st = []; window.__sh = [];
  const state = () => {
    const h = document.querySelector('trade-chart'), r = h && h.shadowRoot, f = r && r.querySelector('figure');
    const rect = (e) => { if (!e) return null; const b = e.getBoundingClientRect(); return [Math.round(b.x), Math.round(b.y), Math.round(b.width), Math.round(b.height)]; };
    return { t: Math.round(performance.now()), rs: document.readyState, def: !!customElements.get('trade-chart'), sy: Math.round(scrollY),
      host: rect(h), fig: rect(f), kids: f ? [...f.children].map((c) => c.tagName.toLowerCase() + (c.className ? '.' + String(c.className.baseVal ?? c.className).split(' ')[0] : '')).join(',') : null,
      svgs: r ? r.querySelectorAll('svg').length : 0, hits: r ? r.querySelectorAll('.tc-hits').length : 0, docH: document.documentElement.scrollHeight };
  };
  (function f() { requestAnimationFrame(() => { window.__st.push(state()); if (performance.now() < 20000) f(); }); })();
  addEventListener('scroll', () => window.__st.push({ scroll: Math.round(scrollY), t: Math.round(performance.now()) }), { capture: true, passive: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__sh.push({ t: Math.round(e.startTime), v: +e.value.toFixed(4), input: e.hadRecentInput, now: state(),
    src: e.sources.map((s) => ({ node: s.node ? (s.node.nodeName + '.' + (s.node.className || '')) : null, from: [s.previousRect.x, s.previousRect.y, s.previousRect.width, s.previousRect.height], to: [s.currentRect.x, s.currentRect.y, s.currentRect.width, s.currentRect.height] })) }); })
    .observe({ type: 'layout-shift', buffered: true });
};
for (let run = 0; run < runs; run++) {
  const ctx = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(INIT);
  if (flag('--no-scroll')) await page.addInitScript(() => { window.scrollBy = function () {}; });
  const frames = [];
  cdp.on('Page.screencastFrame', (f) => { frames.push({ ts: f.metadata.timestamp, data: f.data }); cdp.send('Page.screencastFrameAck', { sessionId: f.sessionId }).catch(() => {}); });
  await cdp.send('Page.startScreencast', { format: 'png', everyNthFrame: 1 });
  await page.goto(`${site.base}/news/${page0}.html`, { waitUntil: 'load', timeout: 90000 });
  await page.waitForTimeout(4000);
  const res = await page.evaluate(() => ({ sh: window.__sh, st: window.__st, origin: performance.timeOrigin, dcl: Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd) }));
  await cdp.send('Page.stopScreencast');
  const cls = res.sh.filter((s) => !s.input).reduce((a, s) => a + s.v, 0);
  const g = [...new Set(res.st.filter((x) => x.fig && x.host).map((x) => x.fig[1] - x.host[1]))];
  console.log(`run ${run} ${page0}: CLS ${cls.toFixed(4)} dcl ${res.dcl}; figure's top below its element's, frame by frame: ${g.join(', ')} px`);
  for (const s of res.sh) {
    console.log('  shift', JSON.stringify(s));
    const around = res.st.filter((x) => Math.abs(x.t - s.t) < 120);
    for (const x of around) console.log('    ', JSON.stringify(x));
    const at = (res.origin + s.t) / 1000;
    const before = frames.filter((f) => f.ts < at).pop(), after = frames.find((f) => f.ts >= at);
    for (const [n, f] of [['before', before], ['after', after]]) if (f) {
      const p = join(OUT, `${page0}-r${run}-${s.t}-${n}.png`);
      writeFileSync(p, Buffer.from(f.data, 'base64'));
      console.log(`    ${n}: ${p} (${Math.round((f.ts * 1000 - res.origin))} ms)`);
    }
  }
  writeFileSync(join(OUT, `${page0}-r${run}.json`), JSON.stringify(res, null, 1));
  await ctx.close();
}
await browser.close();
site.close();
