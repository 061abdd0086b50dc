// @ts-check
// The builder's imports off the page's main thread ("a file that is too large
// for the browser gives a clear message, not a frozen tab"). A module worker that runs
// pkg/import.js — the same Rust readers, in their own wasm instance — through run.js and
// answers { id, fn, args } with { id, result } or { id, error }, so a file's megabytes are
// never read on the page's thread. imports.js falls back to run.js on the page's thread
// where module workers cannot start.
import { run } from './run.js';

self.onmessage = async ({ data: { id, fn, args } }) => {
  try {
    self.postMessage({ id, result: await run(fn, args) });
  } catch (e) {
    self.postMessage({ id, error: { message: String(e && e.message || e), code: e && e.code, path: e && e.path } });
  }
};
self.postMessage({ ready: true });
