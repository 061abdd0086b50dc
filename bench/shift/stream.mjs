// The server render streamed with a pause after its stylesheet and one in the middle of its
// figure; screenshots mid-parse and after, with the container's mark (data-tc-pictured) and
// without it (as before the fix). node bench/shift/stream.mjs → bench/shift/out/stream-*.png
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..'), OUT = join(ROOT, 'bench', 'shift', 'out');
mkdirSync(OUT, { recursive: true });
const { render } = await import(join(ROOT, 'pkg/server.js'));
const chart = render(JSON.parse(readFileSync(join(ROOT, 'data/kp-cn.json'), 'utf8')), { view: 'monthly', lang: 'en' });
const page = (c) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><script>window.__s=[];new PerformanceObserver((l)=>{for(const e of l.getEntries())window.__s.push(+e.value.toFixed(4))}).observe({type:'layout-shift',buffered:true});</script></head><body style="margin:0 16px"><h1>Headline</h1>${c}<p>After the chart.</p></body></html>`;
let mid = null;
const server = createServer(async (req, res) => {
  if (req.url !== '/strip' && req.url !== '/marked') { res.writeHead(404).end(); return; }
  const body = Buffer.from(page(req.url === '/strip' ? chart.replaceAll(' data-tc-pictured', '') : chart));
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  const cut = body.indexOf('</style>') + 8, half = body.indexOf('<svg', body.indexOf('tc-picture-img')) + 2000;
  res.write(body.subarray(0, cut)); await new Promise((r) => setTimeout(r, 150));
  res.write(body.subarray(cut, half)); await new Promise((r) => setTimeout(r, 300)); await mid(); 
  res.end(body.subarray(half));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const path of ['/strip', '/marked']) {
  const p = await browser.newPage({ viewport: { width: 412, height: 823 } });
  mid = async () => { await p.screenshot({ path: join(OUT, `stream${path.replace('/', '-')}-mid.png`) }); };
  await p.goto(`http://127.0.0.1:${server.address().port}${path}`, { waitUntil: 'load' });
  await p.waitForTimeout(200);
  await p.screenshot({ path: join(OUT, `stream${path.replace('/', '-')}-after.png`) });
  console.log(path, 'layout shifts', JSON.stringify(await p.evaluate(() => window.__s)));
  await p.close();
}
await browser.close(); server.close();
