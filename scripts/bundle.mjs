// The shell's bundles: esbuild over an entry of www/entries/ (or the mock test's own), with
// the modules that are not files in www/ given by name (`modules`, an esbuild plugin):
// 'trade-chart:host' (what differs per build: a module of www/entries/),
// 'trade-chart:build' (the version and the stylesheet), 'trade-chart:inline' (the
// standalone script's data), the wasm-bindgen glues ('trade-chart:core', 'trade-chart:full':
// external files next to the ES module; 'trade-chart:core-nomod', 'trade-chart:full-nomod':
// the no-modules glues, bundled into the classic scripts). Their types: www/types/build.d.ts.
// Used by scripts/package.mjs and tests/e2e/shell.test.mjs.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

// `modules`: name -> { contents } (an ES module's source), { file } (a module of the
// repository, e.g. www/entries/esm-host.js) or { external } (the path the output imports
// it by).
function named(modules) {
  return {
    name: 'trade-chart-modules',
    setup(b) {
      b.onResolve({ filter: /^trade-chart:/ }, (args) => {
        const m = modules[args.path];
        if (!m) throw new Error(`${args.importer}: ${args.path} is not given to this build`);
        if (m.external) return { path: m.external, external: true };
        if (m.file) return { path: join(ROOT, m.file) };
        return { path: args.path, namespace: 'trade-chart' };
      });
      b.onLoad({ filter: /.*/, namespace: 'trade-chart' }, (args) => ({ contents: modules[args.path].contents, loader: 'js', resolveDir: ROOT }));
    },
  };
}

// An ES module's source exporting `values` (JSON-serialisable) as constants.
export const constants = (values) => Object.entries(values).map(([k, v]) => `export const ${k} = ${JSON.stringify(v)};\n`).join('');

// Bundles `entry` (a path under the repository, or { contents } for stdin) as 'esm' or
// 'iife'; returns the code. Not minified here (scripts/package.mjs minifies).
export async function bundle(entry, { format, modules = {}, banner, minify = false }) {
  const input = typeof entry === 'string' ? { entryPoints: [join(ROOT, entry)] } : { stdin: { contents: entry.contents, resolveDir: ROOT, loader: 'js', sourcefile: 'entry.js' } };
  const out = await build({
    ...input,
    bundle: true,
    write: false,
    format,
    platform: 'browser',
    target: 'es2022',
    charset: 'utf8',
    legalComments: 'none', // the banner carries what must stay
    minify,
    banner: banner ? { js: banner } : undefined,
    plugins: [named(modules)],
    logLevel: 'silent',
  });
  if (out.warnings.length) throw new Error(`${typeof entry === 'string' ? entry : 'entry'}: esbuild warns: ${out.warnings.map((w) => w.text).join('; ')}`);
  return out.outputFiles[0].text;
}
