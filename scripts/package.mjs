// Builds the npm package pkg/ and the demo site dist/ from the wasm-bindgen outputs
// (target/wb/web: --target web; target/wb/nomod: --target no-modules; target/wb/full-web and
// target/wb/full-nomod: the reader's full module, the same two ways; target/wb/import:
// the builder's wasm with the importers, --target web; all already through wasm-opt) and www/:
// the shell's three builds bundled by esbuild from www/entries/ (scripts/bundle.mjs), the
// package's own files from www/pkg/ (only the version and the repository filled in), all
// minified by terser. Node 20, with esbuild, terser and tiny-inflate from node_modules (npm
// dev dependencies). Usage: node scripts/package.mjs
import { readFileSync, writeFileSync, mkdirSync, rmSync, copyFileSync, existsSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { minify } from 'terser';
import { ROOT, bundle, constants } from './bundle.mjs';
import { inlineScript } from './inline.mjs';

const root = ROOT;
const at = (...p) => join(root, ...p);
const read = (p) => readFileSync(at(p), 'utf8');
const need = (p) => { if (!existsSync(at(p))) throw new Error(`missing ${p}: build the wasm first (make)`); return p; };

// name, version, description, license, repository (if any: no placeholder is invented)
// from Cargo.toml's [package] table.
function cargoPackage() {
  // The root package's own fields, else the workspace's (`version.workspace = true`).
  const tables = read('Cargo.toml').split(/^\[/m);
  const own = tables.find((t) => t.startsWith('package]')) || '';
  const shared = tables.find((t) => t.startsWith('workspace.package]')) || '';
  const value = (table, k) => (table.match(new RegExp(`^${k}\\s*=\\s*"([^"]*)"`, 'm')) || [])[1];
  const field = (k) => value(own, k) ?? value(shared, k);
  const version = field('version');
  if (!version) throw new Error('Cargo.toml: [package] version not found');
  return { version, description: field('description'), license: field('license'), repository: field('repository') };
}

// The build's values, the module 'trade-chart:build' of the shell (www/types/build.d.ts):
// the version and the stylesheet (its comments and blank lines out).
const buildValues = (version) => constants({
  version,
  css: read('www/trade-chart.css').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s*\n\s*/g, '\n').trim(),
});

// A file of www/pkg/ with its {{placeholders}} filled: each must be there, and none may be
// left (a placeholder misspelt in the file fails the build).
function fill(p, values) {
  let text = read(p);
  for (const [k, v] of Object.entries(values)) {
    const mark = `{{${k}}}`;
    if (!text.includes(mark)) throw new Error(`${p}: no ${mark} to fill`);
    text = text.split(mark).join(v);
  }
  const left = text.match(/\{\{\w*\}\}/);
  if (left) throw new Error(`${p}: ${left[0]} is not a build value`);
  return text;
}

// Replaces `find` in `text` exactly once (a function replacement: no `$` patterns).
function replaceOnce(text, find, by, what) {
  const i = text.indexOf(find);
  if (i < 0 || text.indexOf(find, i + 1) >= 0) throw new Error(`${what}: expected exactly one ${find}`);
  return text.slice(0, i) + by + text.slice(i + find.length);
}

// The wasm-bindgen glue (0.2.130) keeps its instance in module-level variables, and
// init()/initSync() return early while `wasm` is set (init() also keeps its promise).
// After a trap (the wasm aborts on panic) that instance is unusable for every chart:
// `__tc_reset()`, added here next to those variables, forgets it, so the next init()
// instantiates afresh (the glue's own init then renews its memory views). Each pattern is
// checked, so a different glue fails the build instead of the reset. `exported`: how the
// build exposes it (ES module: an export; no-modules: a property of wasm_bindgen).
function withReset(glue, what, exported) {
  const once = (find) => {
    const n = glue.split(find).length - 1;
    if (n !== 1) throw new Error(`${what}: expected exactly one ${find.trim()} (found ${n}): not the glue __tc_reset was written for`);
  };
  once('let wasmModule, wasmInstance, wasm;');
  once('let __wbg_init_promise;\n');
  once('wasm = instance.exports;');
  if (glue.split('if (wasm !== undefined) return wasm;').length !== 3) throw new Error(`${what}: expected init and initSync to return early on "wasm !== undefined"`);
  // The reader's glues have the Chart class (the builder's has no class).
  if (/class Chart\b/.test(glue) && !/__destroy_into_raw\(\) \{[^}]*Finalization\.unregister\(this\)/.test(glue)) throw new Error(`${what}: expected Chart.__destroy_into_raw to unregister its finalizer`);
  const reset = 'function __tc_reset() { wasm = wasmInstance = wasmModule = __wbg_init_promise = undefined; }\n';
  const out = glue.replace('let __wbg_init_promise;\n', (m) => m + reset);
  if (exported === 'export') return out + 'export { __tc_reset };\n';
  return replaceOnce(out, 'Object.assign(__wbg_init, { initSync }, exports)', 'Object.assign(__wbg_init, { initSync, __tc_reset }, exports)', what);
}

const cargo = cargoPackage();
// The story's dataset, for a chart given no data (the wasm carries none): a file next to
// the ES module and trade-chart.js (fetched only by a page that shows it), inline in the
// standalone script. Minified, the same data as data/kp-cn.json.
const storyJson = JSON.stringify(JSON.parse(read('data/kp-cn.json')));
const banner = `/*! trade-chart ${cargo.version} | ${cargo.license || 'see package.json'} */\n`;
for (const p of ['target/wb/web/trade_chart.js', 'target/wb/web/trade_chart_bg.wasm',
  'target/wb/web/trade_chart.d.ts', 'target/wb/nomod/trade_chart.js', 'target/wb/nomod/trade_chart_bg.wasm',
  'target/wb/full-web/trade_chart_full.js', 'target/wb/full-web/trade_chart_full_bg.wasm',
  'target/wb/full-nomod/trade_chart_full.js', 'target/wb/full-nomod/trade_chart_full_bg.wasm',
  'target/wb/import/trade_chart_import.js', 'target/wb/import/trade_chart_import_bg.wasm']) need(p);
const build = { 'trade-chart:build': { contents: buildValues(cargo.version) } };

// ---- pkg/ ----
rmSync(at('pkg'), { recursive: true, force: true });
mkdirSync(at('pkg'));
for (const f of ['trade_chart_bg.wasm', 'trade_chart.d.ts']) copyFileSync(at('target/wb/web', f), at('pkg', f));
writeFileSync(at('pkg/kp-cn.json'), storyJson + '\n');
// Linked by the shell only where constructed stylesheets are missing (both builds carry the CSS).
copyFileSync(at('www/trade-chart.css'), at('pkg/trade-chart.css'));
writeFileSync(at('pkg/trade_chart.js'), withReset(read('target/wb/web/trade_chart.js'), 'target/wb/web/trade_chart.js', 'export'));
// The reader's full module: the core plus the CSV/SVG/PNG exports and columns
// charts, which the shell loads on first use (www/entries/: loadFull, resetFull; where its
// .wasm is looked for: www/entries/full-url.js).
copyFileSync(at('target/wb/full-web/trade_chart_full_bg.wasm'), at('pkg/trade_chart_full_bg.wasm'));
writeFileSync(at('pkg/trade_chart_full.js'), withReset(read('target/wb/full-web/trade_chart_full.js'), 'target/wb/full-web/trade_chart_full.js', 'export'));

// The ES module: www/entries/esm.js with the shell; the glues stay files of their own next
// to it (the core's imported, the full module's by a dynamic import() on first use).
writeFileSync(at('pkg/index.js'), await bundle('www/entries/esm.js', { format: 'esm', banner,
  modules: { ...build, 'trade-chart:host': { file: 'www/entries/esm-host.js' },
    'trade-chart:core': { external: './trade_chart.js' }, 'trade-chart:full': { external: './trade_chart_full.js' } } }));

// The builder's imports (pkg/import.js, www/pkg/import.js as it is): their own wasm
// (crates/web-import), loaded on the first import and never by index.js, so the reader's
// wasm stays as small as it was. Same reset after a trap as the reader's.
copyFileSync(at('target/wb/import/trade_chart_import_bg.wasm'), at('pkg/trade_chart_import_bg.wasm'));
writeFileSync(at('pkg/trade_chart_import.js'), withReset(read('target/wb/import/trade_chart_import.js'), 'target/wb/import/trade_chart_import.js', 'export'));
writeFileSync(at('pkg/import.js'), banner + read('www/pkg/import.js'));

// The standalone script carries its wasm gzip-compressed, then base64: about half the
// bytes raw (what a page or an HTML file opened from disk carries) and a fifth fewer
// after the server's own gzip than base64 of the plain wasm, which compresses badly.
// The browser inflates it with DecompressionStream; where that is missing (Safari
// before 16.4), tiny-inflate does (pinned dev dependency, MIT: one small file, raw
// DEFLATE only). The inline wasm is the full module (www/entries/standalone.js).
const fullPlain = readFileSync(at('target/wb/full-nomod/trade_chart_full_bg.wasm'));
const fullGzip = gzipSync(fullPlain, { level: 9 });
// a bare 10-byte gzip header (no name, comment or extra field) and an 8-byte trailer:
// the fallback inflates the DEFLATE data between them
if (fullGzip[0] !== 0x1f || fullGzip[1] !== 0x8b || fullGzip[2] !== 8 || fullGzip[3] !== 0) throw new Error('gzip: unexpected header');
const inflate = read('node_modules/tiny-inflate/index.js');
if (!/module\.exports = tinf_uncompress;\s*$/.test(inflate)) throw new Error('node_modules/tiny-inflate/index.js: not the expected tiny-inflate 1.0.3');
// MIT: the copyright and permission notice go with the code, whole, in a comment terser keeps.
const inflateLicence = read('node_modules/tiny-inflate/LICENSE').trim();
if (!/^MIT License\s+Copyright[^]*Permission is hereby granted/.test(inflateLicence) || inflateLicence.includes('*/')) throw new Error('node_modules/tiny-inflate/LICENSE: not the expected MIT licence');
// The no-modules glues as modules of the classic scripts (each exports its wasm_bindgen;
// the full one's stays a name of its own module, so nothing is renamed).
const nomod = withReset(read('target/wb/nomod/trade_chart.js'), 'target/wb/nomod/trade_chart.js', 'property');
if (!/\bwasm_bindgen\b/.test(nomod) || !/\binitSync\b/.test(nomod)) throw new Error('target/wb/nomod/trade_chart.js: not a no-modules build');
const fullNomod = withReset(read('target/wb/full-nomod/trade_chart_full.js'), 'target/wb/full-nomod/trade_chart_full.js', 'property');
for (const [f, glue] of [['nomod/trade_chart.js', nomod], ['full-nomod/trade_chart_full.js', fullNomod]]) {
  if (!/^let wasm_bindgen = \(function\(exports\) \{/m.test(glue)) throw new Error(`target/wb/${f}: expected "let wasm_bindgen = (function(exports) {"`);
}
const classic = { ...build,
  'trade-chart:core-nomod': { contents: nomod + '\nexport default wasm_bindgen;\n' },
  'trade-chart:full-nomod': { contents: fullNomod + '\nexport default wasm_bindgen;\n' } };
writeFileSync(at('pkg/trade-chart.standalone.js'), await bundle('www/entries/standalone.js', { format: 'iife',
  banner: banner + `/*! includes tiny-inflate 1.0.3 (https://github.com/devongovett/tiny-inflate):\n${inflateLicence}\n*/`,
  modules: { ...classic, 'trade-chart:host': { file: 'www/entries/standalone.js' }, // the entry itself
    'trade-chart:inline': { contents: constants({ story: storyJson, wasmGzipBase64: fullGzip.toString('base64'), wasmBytes: fullPlain.length }) } } }));

// trade-chart.js: the same classic script without the wasm inside (www/entries/classic.js):
// it loads trade_chart_bg.wasm next to it.
writeFileSync(at('pkg/trade-chart.js'), await bundle('www/entries/classic.js', { format: 'iife', banner,
  modules: { ...classic, 'trade-chart:host': { file: 'www/entries/classic.js' } } })); // the entry itself

// The types: www/pkg/, with the version.
writeFileSync(at('pkg/index.d.ts'), fill('www/pkg/index.d.ts', { version: cargo.version }));
writeFileSync(at('pkg/import.d.ts'), fill('www/pkg/import.d.ts', { version: cargo.version }));
for (const f of ['react.d.ts', 'react.js', 'vue.d.ts', 'vue.js', 'svelte.d.ts', 'svelte.js']) writeFileSync(at(`pkg/${f}`), fill(`www/pkg/${f}`, { version: cargo.version }));
// trade-chart/server (Node): the element's markup with the chart's picture, from the full module.
for (const f of ['server.d.ts', 'server.js']) writeFileSync(at(`pkg/${f}`), fill(`www/pkg/${f}`, { version: cargo.version }));

const files = ['index.js', 'index.d.ts', 'trade_chart.js', 'trade_chart_bg.wasm', 'trade_chart.d.ts', 'kp-cn.json',
  'trade_chart_full.js', 'trade_chart_full_bg.wasm',
  'import.js', 'import.d.ts', 'react.js', 'react.d.ts', 'vue.js', 'vue.d.ts', 'svelte.js', 'svelte.d.ts', 'server.js', 'server.d.ts', 'trade_chart_import.js', 'trade_chart_import_bg.wasm',
  'trade-chart.standalone.js', 'trade-chart.js', 'trade-chart.css', 'README.md', 'LICENSE'];
if (cargo.license !== 'MIT') throw new Error(`Cargo.toml: license ${cargo.license}, but LICENSE is the MIT licence`);
copyFileSync(at('LICENSE'), at('pkg/LICENSE'));
writeFileSync(at('pkg/package.json'), JSON.stringify({
  name: 'trade-chart',
  version: cargo.version,
  description: cargo.description,
  license: cargo.license,
  ...(cargo.repository ? { repository: cargo.repository } : {}),
  type: 'module',
  main: './index.js',
  module: './index.js',
  types: './index.d.ts',
  exports: {
    '.': { types: './index.d.ts', import: './index.js', default: './index.js' },
    './import': { types: './import.d.ts', import: './import.js', default: './import.js' },
    './react': { types: './react.d.ts', import: './react.js', default: './react.js' },
    './vue': { types: './vue.d.ts', import: './vue.js', default: './vue.js' },
    './svelte': { types: './svelte.d.ts', import: './svelte.js', default: './svelte.js' },
    './server': { types: './server.d.ts', node: './server.js', default: './server.js' },
    './standalone': './trade-chart.standalone.js',
    './classic': './trade-chart.js',
    './trade_chart_bg.wasm': './trade_chart_bg.wasm',
    './trade_chart_full_bg.wasm': './trade_chart_full_bg.wasm',
    './kp-cn.json': './kp-cn.json',
    './trade_chart_import_bg.wasm': './trade_chart_import_bg.wasm',
    './trade-chart.css': './trade-chart.css',
    './package.json': './package.json',
  },
  // CDNs serve the classic script for a bare package URL (unpkg.com/trade-chart).
  unpkg: './trade-chart.standalone.js',
  jsdelivr: './trade-chart.standalone.js',
  files,
  engines: { node: '>=18' }, // only tools read it (bundlers, tests); the code runs in browsers
  keywords: ['chart', 'trade', 'news', 'embed', 'web-component', 'custom-element', 'webassembly', 'wasm', 'accessible', 'data-visualization'],
  sideEffects: ['./trade-chart.standalone.js', './trade-chart.js', './index.js', './react.js', './vue.js', './svelte.js'], // importing either defines <trade-chart> (react.js, vue.js, svelte.js import index.js: a bare import of one must be kept); the standalone script mounts charts
}, null, 2) + '\n');

writeFileSync(at('pkg/README.md'), fill('www/pkg/README.md', { version: cargo.version, repository: cargo.repository ? ` (${cargo.repository})` : '' }));

// ---- minified: what a reader's browser downloads (the banner comment stays) ----
// terser, not esbuild's minifier: on these bundles esbuild's came out larger (README.md, "The package").
// Properties are never mangled: the wasm imports and the public API are property names.
for (const [f, module] of [['index.js', true], ['trade_chart.js', true], ['trade_chart_full.js', true], ['import.js', true], ['trade_chart_import.js', true],
  ['trade-chart.standalone.js', false], ['trade-chart.js', false]]) {
  const src = read(`pkg/${f}`);
  const out = await minify(src, { module, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: /^!/ } });
  if (!out.code) throw new Error(`pkg/${f}: terser produced nothing`);
  writeFileSync(at('pkg', f), out.code + '\n');
}

// ---- dist/ ----
rmSync(at('dist'), { recursive: true, force: true });
mkdirSync(at('dist'));
cpSync(at('pkg'), at('dist/pkg'), { recursive: true });
copyFileSync(at('www/index.html'), at('dist/index.html'));
copyFileSync(at('www/esm.html'), at('dist/esm.html'));
// The builder: its page, script and stylesheet as files (strict CSP); it loads
// pkg/import.js and pkg/index.js from dist/pkg/.
copyFileSync(at('www/builder.html'), at('dist/builder.html'));
cpSync(at('www/builder'), at('dist/builder'), { recursive: true });
const tag = '<script src="pkg/trade-chart.standalone.js"></script>';
writeFileSync(at('dist/trade-chart-demo.html'), replaceOnce(read('www/index.html'), tag,
  `<script>\n${inlineScript(read('pkg/trade-chart.standalone.js'), 'pkg/trade-chart.standalone.js')}\n</script>`, 'www/index.html'));

// ---- the iframe embed: dist/embed.html (the chart alone, from its query string; its
// script a file, for a CSP without inline script) and dist/embed.js (the host's resizer) ----
for (const f of ['embed.html', 'embed.css', 'embed-frame.js', 'embed.js']) copyFileSync(at('www/embed', f), at('dist', f));
// frame-report.js as the one-file page inlines it: minified by esbuild (scripts/frame-min.mjs)
copyFileSync(at('www/embed/frame-report.min.js'), at('dist/frame-report.js'));

// ---- Subresource Integrity: sha384 of what a host may load from a CDN ----
const sri = (f) => 'sha384-' + createHash('sha384').update(readFileSync(at(f))).digest('base64');
const sriLines = [['pkg/trade-chart.standalone.js', 'trade-chart.standalone.js'], ['pkg/trade-chart.js', 'trade-chart.js'], ['pkg/trade_chart_bg.wasm', 'trade_chart_bg.wasm'], ['pkg/trade_chart_full_bg.wasm', 'trade_chart_full_bg.wasm'], ['pkg/trade-chart.css', 'trade-chart.css'], ['dist/embed.js', 'embed.js']]
  .map(([f, name]) => `${sri(f)}  ${name}`);
writeFileSync(at('dist/SRI.txt'), `# trade-chart ${cargo.version}: integrity="…" for <script>/<link> (sha384, base64)\n${sriLines.join('\n')}\n`);
copyFileSync(at('dist/SRI.txt'), at('dist/pkg/SRI.txt'));
console.log(`dist/SRI.txt:\n${sriLines.map((l) => '  ' + l).join('\n')}`);

// ---- sizes ----
const kb = (n) => `${n} B (${(n / 1024).toFixed(1)} KB)`.padStart(22);
console.log(`trade-chart ${cargo.version}: pkg/ and dist/ written\n${'file'.padEnd(34)}${'raw'.padStart(22)}${'gzip -9'.padStart(22)}`);
for (const f of ['pkg/trade_chart_bg.wasm', 'pkg/trade_chart.js', 'pkg/index.js', 'pkg/trade_chart_full_bg.wasm', 'pkg/trade_chart_full.js', 'pkg/trade-chart.standalone.js', 'pkg/trade-chart.js',
  'dist/trade-chart-demo.html', 'pkg/trade_chart_import_bg.wasm', 'pkg/trade_chart_import.js', 'pkg/import.js']) {
  const buf = readFileSync(at(f));
  console.log(`${f.padEnd(34)}${kb(buf.length)}${kb(gzipSync(buf, { level: 9 }).length)}`);
}
// What a page downloads before its first chart draws (gzip -9; the full module comes later,
// on first use, except in the standalone script, which carries it inline).
const gz = (f) => gzipSync(readFileSync(at(f)), { level: 9 }).length;
const firstFrame = [['ES module (index.js + trade_chart.js + wasm)', ['pkg/index.js', 'pkg/trade_chart.js', 'pkg/trade_chart_bg.wasm']],
  ['trade-chart.js + wasm', ['pkg/trade-chart.js', 'pkg/trade_chart_bg.wasm']], ['standalone script', ['pkg/trade-chart.standalone.js']]];
console.log('before the first frame (gzip -9 of each file, summed):');
for (const [name, list] of firstFrame) console.log(`  ${name.padEnd(48)}${kb(list.reduce((n, f) => n + gz(f), 0))}`);
console.log(`  on first use: the full module ${kb(gz('pkg/trade_chart_full_bg.wasm'))} (+ trade_chart_full.js ${kb(gz('pkg/trade_chart_full.js'))} for the ES module)`);
