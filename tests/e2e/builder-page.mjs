// Shared by the builder's browser tests (builder.test.mjs, builder2.test.mjs): the page
// under the strict CSP as its header, with a CSP-violation probe, and the editor's moves.
import { before, after } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, collectErrors, launch, startServer } from './helpers.mjs';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:";
export const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
export const fixture = (p) => readFileSync(join(ROOT, 'tests/fixtures', p), 'utf8');
export const OBS = fixture('import/observations.tsv');
export const SRC = fixture('import/sources.tsv');

// Before the page's scripts: every CSP violation into window.violations.
export function probes() {
  const v = (window.violations = []);
  document.addEventListener('securitypolicyviolation', (e) => v.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
}

// A server and a browser for the file's tests (started before them, closed after), and
// `open(context)`: a fresh builder page `width` px wide, as dist/ has it, once it is ready.
export function builderSession(width) {
  const s = {};
  before(async () => { s.server = await startServer(); s.browser = await launch(); });
  after(async () => { await s.browser?.close(); s.server?.close(); });
  s.open = async (context = {}) => {
    const ctx = await s.browser.browser.newContext({ viewport: { width, height: 1000 }, acceptDownloads: true, ...context });
    const page = await ctx.newPage();
    const errors = collectErrors(page);
    await page.addInitScript(probes);
    await page.route(`${s.server.url}builder.html`, async (route) => {
      const res = await route.fetch();
      return route.fulfill({ response: res, headers: { ...res.headers(), 'content-security-policy': CSP } });
    });
    await page.goto(s.server.url + 'builder.html');
    await page.waitForFunction(() => 'ready' in document.documentElement.dataset);
    return { ctx, page, errors };
  };
  return s;
}

// Pastes text into a textarea as an editor would (one input event).
export async function paste(page, id, text) {
  await page.$eval(`#${id}`, (el, t) => { el.focus(); el.value = t; el.dispatchEvent(new Event('input', { bubbles: true })); }, text);
}

// The preview has drawn its figures.
export const drawn = (page) => page.waitForFunction(() => {
  const p = document.getElementById('preview');
  return p && p.tradeChart && p.tradeChart.items().length > 0;
}, null, { timeout: 30_000 });

// axe-core's violations on the page, as `id: targets` lines (none: []).
export async function axe(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

// The status line says `re` (60 s at most; on a timeout, the error says what it said).
export const status = (page, re) => page.waitForFunction((s) => new RegExp(s).test(document.getElementById('status').textContent), re.source, { timeout: 60_000 })
  .catch(async (e) => { throw new Error(`${e.message}; the status says: ${await page.textContent('#status')}; the note: ${await page.textContent('#preview-note')}`); });
export const noProblems = (page) => status(page, /No problems/);
