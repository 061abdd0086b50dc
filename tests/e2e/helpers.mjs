// Shared by the browser tests: Debian's Chromium through playwright-core, the static
// server, error collection and a few in-page probes.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RESULTS = join(ROOT, 'test-results');

// The command line as built by `cargo test` / `cargo build` (debug) or --release; else built here.
export function commandLine() {
  for (const p of ['target/debug/trade-chart', 'target/release/trade-chart']) {
    if (existsSync(join(ROOT, p))) return join(ROOT, p);
  }
  const b = spawnSync('cargo', ['build', '--bin', 'trade-chart'], { cwd: ROOT, stdio: 'inherit' });
  if (b.status !== 0) throw new Error('cargo build --bin trade-chart failed');
  return join(ROOT, 'target/debug/trade-chart');
}

// `a === b` for two long texts; the message shows where they first differ.
export function sameText(a, b, what) {
  if (a === b) return;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  throw new Error(`${what}: they differ at character ${i} of ${a.length} and ${b.length}:\n${JSON.stringify(a.slice(Math.max(0, i - 80), i + 80))}\n${JSON.stringify(b.slice(Math.max(0, i - 80), i + 80))}`);
}
mkdirSync(RESULTS, { recursive: true });

/** Starts scripts/serve.mjs on a free port; resolves with { url, close }. */
export function startServer(dir) {
  const args = [join(ROOT, 'scripts/serve.mjs'), ...(dir ? [dir] : [])];
  const child = spawn(process.execPath, args, { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => { child.kill(); reject(new Error('serve.mjs did not print its URL in 10 s')); }, 10_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) { clearTimeout(timer); resolve({ url: m[0], close: () => child.kill() }); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve.mjs exited (${code}): ${stderr}`)); });
  });
}

/** Launches Chromium with a throwaway HOME; resolves with { browser, close }. */
export async function launch() {
  const home = mkdtempSync(join(tmpdir(), 'trade-chart-home-'));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    env: { ...process.env, HOME: home },
  });
  return { browser, close: async () => { await browser.close(); rmSync(home, { recursive: true, force: true }); } };
}

/**
 * The built story page (dist/index.html) served, in a fresh Chromium page, with its chart
 * mounted: { server, browser, page, errors, close }. `context`: extra browser-context
 * options (viewport, colorScheme, acceptDownloads…); `init`: a script run before the page's own.
 */
export async function openStory({ context = {}, init } = {}) {
  const server = await startServer();
  const browser = await launch();
  const ctx = await browser.browser.newContext({ viewport: { width: 1000, height: 1000 }, ...context });
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  if (init) await page.addInitScript(init);
  await page.goto(server.url + 'index.html');
  await mounted(page, '[data-trade-chart]');
  return { server, browser, page, errors, close: async () => { await browser.close(); server.close(); } };
}

/** Collects console errors and uncaught page errors. */
export function collectErrors(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

/** The default dataset (for building broken copies). */
export const dataset = () => JSON.parse(readFileSync(join(ROOT, 'data/kp-cn.json'), 'utf8'));

/** Counts 2D drawing calls on every canvas: proves drawing happens, and hover does not draw. */
export function countDrawCalls() {
  const proto = CanvasRenderingContext2D.prototype;
  window.__drawCalls = 0;
  for (const name of ['fillRect', 'strokeRect', 'clearRect', 'fill', 'stroke', 'fillText', 'strokeText', 'drawImage', 'putImageData']) {
    const orig = proto[name];
    proto[name] = function (...args) { window.__drawCalls++; return orig.apply(this, args); };
  }
}

/** In the page: distinct colours and a hash of a canvas's pixels. */
export function canvasStats(canvas) {
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  const colours = new Set();
  let hash = 2166136261;
  for (let i = 0; i < data.length; i += 4) {
    const px = (data[i] << 24) ^ (data[i + 1] << 16) ^ (data[i + 2] << 8) ^ data[i + 3];
    if (colours.size < 1000) colours.add(px);
    hash = Math.imul(hash ^ px, 16777619);
  }
  return { colours: colours.size, hash: hash >>> 0, width: canvas.width, height: canvas.height };
}

/** Waits until the chart in `selector` is mounted; fails with the widget's message if it is not. */
export async function mounted(page, selector, timeout = 20_000) {
  const handle = await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    const err = el && el.querySelector('.tc-error');
    if (err && !err.hidden) return { error: err.textContent };
    return el && el.tradeChart ? { ok: true } : null;
  }, selector, { timeout });
  const r = await handle.jsonValue();
  if (r.error) throw new Error(`chart did not mount: ${r.error}`);
}
