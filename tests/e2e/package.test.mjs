// The shape of pkg/ and dist/ as scripts/package.mjs leaves them (no browser).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync, gzipSync } from 'node:zlib';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { ROOT } from './helpers.mjs';
import { inlineScript } from '../../scripts/inline.mjs';

const read = (p) => readFileSync(join(ROOT, p), 'utf8');

test('pkg/package.json describes an ESM package with types, versioned like Cargo.toml', () => {
  const pkg = JSON.parse(read('pkg/package.json'));
  const cargoVersion = read('Cargo.toml').match(/^version\s*=\s*"([^"]+)"/m)[1];
  assert.equal(pkg.name, 'trade-chart');
  assert.equal(pkg.version, cargoVersion);
  assert.equal(pkg.type, 'module');
  // index.js defines <trade-chart> on import (issue 11): a bundler must keep a bare `import 'trade-chart'`,
  // and `import 'trade-chart/react'` (vue, svelte), which imports it.
  assert.deepEqual(pkg.sideEffects, ['./trade-chart.standalone.js', './trade-chart.js', './index.js', './react.js', './vue.js', './svelte.js']);
  // What ships depends on nothing (issue 13: npm audit --omit=dev has nothing to audit).
  const dev = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  for (const k of ['dependencies', 'peerDependencies', 'optionalDependencies', 'bundleDependencies', 'bundledDependencies']) {
    assert.equal(pkg[k], undefined, `pkg/package.json has ${k}`);
    assert.equal(dev[k], undefined, `package.json has ${k}: only devDependencies`);
  }
  assert.equal(pkg.main, './index.js');
  assert.equal(pkg.types, './index.d.ts');
  assert.equal(pkg.exports['.'].import, './index.js');
  for (const f of pkg.files) assert.ok(existsSync(join(ROOT, 'pkg', f)), `pkg/${f} listed but missing`);
  for (const f of ['trade_chart_bg.wasm', 'trade-chart.standalone.js', 'index.d.ts', 'trade-chart.css']) assert.ok(pkg.files.includes(f), f);
});

test('index.js is the ESM API; the standalone is one classic script; both are minified', () => {
  const esm = read('pkg/index.js');
  assert.match(esm, /^import \w+\s*,\s*\*\s*as \w+\s*from\s*["']\.\/trade_chart\.js["'];/m);
  // The API's names, as the bundler (esbuild) writes the module's exports: one export clause
  // (`export { a as create, … }`), where the source (www/entries/esm.js) has `export const`.
  const clause = esm.match(/\bexport\s*\{([^}]*)\}/);
  assert.ok(clause, 'index.js has an export clause');
  assert.deepEqual(clause[1].split(',').map((s) => s.trim().split(/\s+as\s+/).pop()).sort(), ['create', 'init', 'mountAll', 'version']);
  assert.match(esm, /^\/\*! trade-chart \d+\.\d+\.\d+/, 'the banner comment stays');
  const standalone = read('pkg/trade-chart.standalone.js');
  assert.doesNotThrow(() => new Script(standalone), 'not a classic script');
  assert.match(standalone, /window\.TradeChart\s*=/);
  assert.match(standalone, /module_or_path\s*:/, 'the inline wasm is instantiated asynchronously');
  // The inline wasm is gzip-compressed: base64 of the plain wasm alone would be 4/3 of it.
  // It is the full module (issue 14: the core and the full module both inline would make
  // the script 298 KB gzipped instead of 172 KB; the one instance serves every chart and export).
  const wasmSize = statSync(join(ROOT, 'pkg/trade_chart_full_bg.wasm')).size;
  const inline = standalone.match(/"([A-Za-z0-9+/]{10000,}={0,2})"/);
  assert.ok(inline, 'the inline wasm (base64) is in the standalone script');
  const packed = Buffer.from(inline[1], 'base64');
  assert.ok(packed.length < 0.6 * wasmSize, `the inline wasm is ${packed.length} B against a ${wasmSize} B wasm: not compressed`);
  assert.deepEqual(gunzipSync(packed), readFileSync(join(ROOT, 'pkg/trade_chart_full_bg.wasm')), 'the inline wasm is the full module');
  // The story's dataset: inline in the standalone script, a file next to the module; none in the wasm.
  const story = JSON.stringify(JSON.parse(readFileSync(join(ROOT, 'data/kp-cn.json'), 'utf8')));
  assert.equal(readFileSync(join(ROOT, 'pkg/kp-cn.json'), 'utf8').trim(), story);
  assert.ok(standalone.includes(story.slice(0, 200)), 'the story inline in the standalone script');
  assert.ok(!readFileSync(join(ROOT, 'pkg/trade_chart_bg.wasm')).includes('"kp-cn"'), 'the wasm carries no dataset');
  assert.match(standalone, /DecompressionStream\(["']gzip["']\)/);
  // the bundled inflater's MIT licence, whole: copyright and permission notice
  assert.match(standalone, /^\/\*! trade-chart [^\n]*\n\/\*! includes tiny-inflate 1\.0\.3 [^\n]*\nMIT License\s+Copyright \(c\) 2015-present Devon Govett\s+Permission is hereby granted[^]*?The above copyright notice and this permission notice shall be included[^]*?\*\//, 'the bundled inflater keeps its licence');
  // Minified (terser): no indented source lines, no comments but the banner.
  for (const [f, text] of [['index.js', esm], ['trade_chart.js', read('pkg/trade_chart.js')], ['standalone', standalone]]) {
    assert.doesNotMatch(text, /\n {2,}\S/, `${f} is not minified`);
    assert.doesNotMatch(text.replace(/^(\/\*![^]*?\*\/\n?)+/, ''), /\/\*|\n\s*\/\/ /, `${f} keeps comments`);
  }
});

test('the single-file demo inlines the standalone script and references no other file', () => {
  const html = read('dist/trade-chart-demo.html');
  assert.doesNotMatch(html, /<script[^>]+src=/);
  assert.match(html, /window\.TradeChart\s*=/);
  assert.ok(html.includes('<div data-trade-chart data-view="collapse"></div>'));
  assert.equal(read('dist/index.html'), read('www/index.html'));
  assert.ok(existsSync(join(ROOT, 'dist/pkg/trade_chart_bg.wasm')) && existsSync(join(ROOT, 'dist/esm.html')));
});

test('the build\'s inline script follows Rust\'s rules (crates/import/src/publish.rs inline_script)', () => {
  // the cases of publish.rs's own tests, the same answers
  assert.equal(inlineScript("a('</script>'); b(\"</SCRIPT \"); c(/<\\/ScRiPt/); d('</scrip')", 't'),
    "a('<\\/script>'); b(\"<\\/SCRIPT \"); c(/<\\/ScRiPt/); d('</scrip')");
  assert.equal(inlineScript('가</script>나', 't'), '가<\\/script>나');
  assert.equal(inlineScript('a<!-b; c<!d', 't'), 'a<!-b; c<!d');
  assert.throws(() => inlineScript("var s = '<!--';", 'the.js'), /^Error: the\.js: contains "<!--": cannot put it inline$/);
});

test('pkg/package.json: exports, CDN fields, engines, keywords, README and LICENSE; no placeholder URL anywhere', () => {
  const pkg = JSON.parse(read('pkg/package.json'));
  assert.deepEqual(pkg.exports['.'], { types: './index.d.ts', import: './index.js', default: './index.js' });
  assert.equal(pkg.exports['./standalone'], './trade-chart.standalone.js');
  assert.equal(pkg.exports['./trade-chart.css'], './trade-chart.css');
  assert.equal(pkg.exports['./package.json'], './package.json');
  assert.equal(pkg.unpkg, './trade-chart.standalone.js');
  assert.equal(pkg.jsdelivr, './trade-chart.standalone.js');
  assert.ok(pkg.engines && pkg.engines.node, 'engines');
  assert.ok(pkg.keywords.includes('webassembly') && pkg.keywords.includes('custom-element'));
  assert.equal(pkg.license, 'MIT');
  for (const f of ['README.md', 'LICENSE']) assert.ok(pkg.files.includes(f), f);
  assert.match(read('pkg/LICENSE'), /^MIT License\n\nCopyright \(c\) \d{4} [^\n]+\n\nPermission is hereby granted/);
  assert.match(read('pkg/README.md'), /## Bring your own data[^]*create\(el, \{ data/);
  for (const f of ['pkg/package.json', 'pkg/README.md', 'Cargo.toml']) assert.doesNotMatch(read(f), /example\.(invalid|com|org)/, f);
});

test('the reader\'s core wasm has no exports or columns charts: the full module has them, the same API besides', () => {
  const exportsOf = (f) => WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(join(ROOT, 'pkg', f)))).map((e) => e.name);
  const core = exportsOf('trade_chart_bg.wasm'), full = exportsOf('trade_chart_full_bg.wasm');
  for (const name of ['chart_csv', 'chart_svg', 'chart_render_export', 'chart_from_columns', 'chart_restore']) {
    assert.ok(!core.includes(name), `the core exports ${name}`);
    assert.ok(full.includes(name), `the full module lacks ${name}`);
  }
  for (const name of core) assert.ok(full.includes(name), `the full module lacks the core's ${name}`);
  for (const name of ['chart_new', 'chart_hover', 'chart_table', 'chart_claims', 'chart_state', 'chart_meta']) assert.ok(core.includes(name), name);
  const pkg = JSON.parse(read('pkg/package.json'));
  assert.equal(pkg.exports['./trade_chart_full_bg.wasm'], './trade_chart_full_bg.wasm');
  for (const f of ['trade_chart_full.js', 'trade_chart_full_bg.wasm']) assert.ok(pkg.files.includes(f), f);
  // The ES module imports the full glue only on first use (a dynamic import), never statically.
  const esm = read('pkg/index.js');
  assert.match(esm, /import\(["']\.\/trade_chart_full\.js["']\)/);
  assert.doesNotMatch(esm, /^import[^(]*trade_chart_full/m);
  const size = (f) => statSync(join(ROOT, 'pkg', f)).size;
  assert.ok(size('trade_chart_bg.wasm') < size('trade_chart_full_bg.wasm') - 30_000, `core ${size('trade_chart_bg.wasm')} B, full ${size('trade_chart_full_bg.wasm')} B`);
  // The core's size, gzip -9 (114,778 B when this was written): core's f64 Display (its
  // float formatting, 9.7 KB gzip) or an export coming back into the core would fail here.
  const core9 = gzipSync(readFileSync(join(ROOT, 'pkg/trade_chart_bg.wasm')), { level: 9 }).length;
  assert.ok(core9 < 118_000, `the core wasm is ${core9} B gzipped`);
});

test('the reader\'s wasm has none of the importers: they are in the builder\'s wasm, behind trade-chart/import', () => {
  const exportsOf = (f) => WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(join(ROOT, 'pkg', f)))).map((e) => e.name);
  const reader = exportsOf('trade_chart_bg.wasm');
  const builder = exportsOf('trade_chart_import_bg.wasm');
  for (const name of ['import_tables', 'import_comtrade', 'check_dataset', 'set_chart_text', 'to_datapackage', 'social_card', 'one_file_page']) {
    assert.ok(!reader.includes(name), `the reader's wasm exports ${name}`);
    assert.ok(builder.includes(name), `the import wasm lacks ${name}`);
  }
  // The importers' code (src/import/: tables, Comtrade, data packages) is well over 50 KB
  // of wasm: a reader's wasm that grew by it would fail here (scripts/package.mjs prints both sizes).
  const size = (f) => statSync(join(ROOT, 'pkg', f)).size;
  assert.ok(size('trade_chart_bg.wasm') < size('trade_chart_import_bg.wasm') - 50_000,
    `reader ${size('trade_chart_bg.wasm')} B, import ${size('trade_chart_import_bg.wasm')} B`);
  // Nothing the reader loads names the import files.
  for (const f of ['index.js', 'trade_chart.js', 'trade-chart.standalone.js']) assert.doesNotMatch(read(`pkg/${f}`), /trade_chart_import|import\.js/, f);
  const pkg = JSON.parse(read('pkg/package.json'));
  assert.deepEqual(pkg.exports['./import'], { types: './import.d.ts', import: './import.js', default: './import.js' });
  assert.equal(pkg.exports['./trade_chart_import_bg.wasm'], './trade_chart_import_bg.wasm');
  for (const f of ['import.js', 'import.d.ts', 'trade_chart_import.js', 'trade_chart_import_bg.wasm']) assert.ok(pkg.files.includes(f), f);
  const esm = read('pkg/import.js');
  assert.match(esm, /^\/\*! trade-chart \d+\.\d+\.\d+/);
  assert.match(esm, /from\s*["']\.\/trade_chart_import\.js["']/);
  assert.match(esm, /export const importTables\s*=/);
  for (const [f, text] of [['import.js', esm], ['trade_chart_import.js', read('pkg/trade_chart_import.js')]]) {
    assert.doesNotMatch(text, /\n {2,}\S/, `${f} is not minified`);
  }
  assert.ok(existsSync(join(ROOT, 'dist/pkg/import.js')) && existsSync(join(ROOT, 'dist/pkg/trade_chart_import_bg.wasm')));
});
