// dist/trade-chart-builder.html: the builder as one file that works from file:// (the
// builder is a static page that works served and from disk, and this is its single-file
// build). dist/builder.html loads ES modules and two wasm files, which a page opened
// from file:// may not fetch; this file carries them all: Vite bundles www/builder's
// modules with pkg/import.js and pkg/index.js into one module, both wasm files inlined as
// data: URLs, and the module and the stylesheet are written into the page. From file://
// the imports run on the page's thread (a worker needs a URL of its own; imports.js falls
// back by itself), as they do in a browser without module workers.
// Run after scripts/package.mjs (it reads dist/): `node scripts/builder-one-file.mjs`.
import { readFileSync, writeFileSync, rmSync, readdirSync, mkdtempSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { inlineScript } from './inline.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(join(tmpdir(), 'tc-builder-one-'));
await build({
  root: join(root, 'dist'),
  configFile: false,
  logLevel: 'warn',
  build: {
    outDir: out,
    emptyOutDir: true,
    minify: false, // already minified where it matters (pkg/); the builder's own code stays readable
    assetsInlineLimit: () => true,
    modulePreload: false,
    cssCodeSplit: false,
    rollupOptions: { input: join(root, 'dist/builder.html'), output: { codeSplitting: false } },
  },
});
const assets = join(out, 'assets');
const files = readdirSync(assets);
const js = files.filter((f) => f.endsWith('.js') && !/worker/i.test(f));
const css = files.filter((f) => f.endsWith('.css'));
if (js.length !== 1 || css.length > 1) throw new Error(`builder-one-file: expected one module and at most one stylesheet, found ${files.join(', ')}`);
let html = readFileSync(join(out, 'builder.html'), 'utf8');
const code = inlineScript(readFileSync(join(assets, js[0]), 'utf8'), `builder-one-file: the bundled module ${js[0]}`);
// The stylesheet inside <style>: only `</style` ends it (a style element's text has no
// comment-opener state), written `<\/style` (the same in CSS, where `\/` is `/`).
const style = css.length ? readFileSync(join(assets, css[0]), 'utf8').replace(/<\/style/gi, '<\\/style') : '';
const tag = (re, what) => {
  const m = html.match(re);
  if (!m) throw new Error(`builder-one-file: no ${what} in the built page`);
  return m[0];
};
const script = tag(/<script type="module"[^>]*src="[^"]*"[^>]*><\/script>/, 'module script');
html = html.replace(script, () => '');
if (css.length) html = html.replace(tag(/<link rel="stylesheet"[^>]*href="[^"]*"[^>]*>/, 'stylesheet'), () => `<style>\n${style}\n</style>`);
// the module last in <body>, so the page's elements exist when it runs (as with defer)
html = html.replace('</body>', () => `<script type="module">\n${code}\n</script>\n</body>`);
writeFileSync(join(root, 'dist/trade-chart-builder.html'), html);
rmSync(out, { recursive: true, force: true });
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`dist/trade-chart-builder.html  ${kb(html.length)} (${kb(gzipSync(html, { level: 9 }).length)} gzip): the builder in one file`);
