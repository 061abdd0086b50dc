// The npm package in a bundler (issue 11, step 2): a fresh minimal Vite app in a temp dir
// installs the packed pkg/ (npm pack, then npm install of the tarball: no registry), is
// built by the repo's pinned Vite for production, type-checks with tsc --strict against
// the package's types, and draws in Chromium with the wasm fetched from the build's assets.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, collectErrors, launch, startServer } from './helpers.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'trade-chart-vite-'));
let server, browser;
after(async () => { await browser?.close(); server?.close(); rmSync(tmp, { recursive: true, force: true }); });

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, npm_config_update_notifier: 'false' } });

test('a Vite app: npm install of the packed package, tsc --strict, vite build; the built page draws with the wasm from its assets', async () => {
  const app = join(tmp, 'app');
  mkdirSync(join(app, 'src'), { recursive: true });
  const tarball = run('npm', ['pack', join(ROOT, 'pkg'), '--pack-destination', tmp, '--silent'], tmp).trim().split('\n').pop();
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  run('npm', ['install', join(tmp, tarball), '--no-audit', '--no-fund', '--offline', '--loglevel=error'], app);
  writeFileSync(join(app, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>app</title></head>
<body><div id="c" style="width:600px"></div><trade-chart id="el" view="monthly" loading="eager"></trade-chart><script type="module" src="/src/main.ts"></script></body></html>`);
  writeFileSync(join(app, 'src/main.ts'), `import { create, version, type TradeChart, type TradeChartElement } from 'trade-chart';
const el: TradeChartElement | null = document.querySelector('trade-chart');
const made: Promise<TradeChart> = create(document.getElementById('c') as HTMLElement, { view: 'balance', loading: 'eager' });
(window as unknown as { made: Promise<string> }).made = made.then((c) => c.view + ' ' + version + ' ' + (el ? el.loading : ''));
`);
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom', 'dom.iterable'], types: [], skipLibCheck: false }, include: ['src'] }));
  // tsc --noEmit --strict against the installed package's types
  try { run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', app, '--noEmit', '--strict'], app); } catch (e) { assert.fail(e.stdout + e.stderr); }
  // the repo's pinned Vite, building the app (trade-chart resolved from <app>/node_modules)
  run(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', app, '--logLevel', 'warn'], app);
  const assets = readdirSync(join(app, 'dist/assets'));
  const wasm = assets.find((f) => f.endsWith('.wasm'));
  assert.ok(wasm, `the wasm is an asset of the build: ${assets}`);

  server = await startServer(join(app, 'dist'));
  browser = await launch();
  const page = await browser.browser.newPage({ viewport: { width: 900, height: 900 } });
  const errors = collectErrors(page);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(server.url);
  await page.waitForFunction(() => window.made && document.getElementById('el').tradeChart, null, { timeout: 30_000 });
  const { version } = JSON.parse(readFileSync(join(ROOT, 'pkg/package.json'), 'utf8'));
  assert.equal(await page.evaluate(() => window.made), `balance ${version} eager`);
  const colours = await page.evaluate(() => {
    const c = document.querySelector('#c canvas'), { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height), seen = new Set();
    for (let i = 0; i < data.length && seen.size < 50; i += 4) seen.add((data[i] << 24) ^ (data[i + 1] << 16) ^ (data[i + 2] << 8) ^ data[i + 3]);
    return seen.size;
  });
  assert.ok(colours > 10, `drew: ${colours} colours`);
  assert.deepEqual(requested.filter((p) => p.endsWith('.wasm')), [`/assets/${wasm}`]);
  assert.deepEqual(errors, []);
});
