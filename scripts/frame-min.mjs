// www/embed/frame-report.min.js: www/embed/frame-report.js minified by esbuild, the copy the
// one-file page inlines in its <head> (crates/import/src/publish.rs, include_str!) and
// dist/embed.html loads: 1.0 KB gzip rather than 2.1 KB with the file's comments. It is
// committed, so that `cargo build` of the CLI needs no Node; `make` writes it again when
// the file changes, and tests/e2e/bundle.test.mjs fails when the two differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { transformSync } from 'esbuild';

export const minify = (code) => transformSync(code, { minify: true, legalComments: 'none', target: 'es2022' }).code;

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = new URL('../', import.meta.url);
  const out = minify(readFileSync(new URL('www/embed/frame-report.js', root), 'utf8'));
  const file = new URL('www/embed/frame-report.min.js', root);
  let old = null;
  try { old = readFileSync(file, 'utf8'); } catch (_) { /* first time */ }
  if (old !== out) writeFileSync(file, out);
}
