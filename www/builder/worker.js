// The builder's imports off the page's main thread (issue 12: "a file that is too large
// for the browser gives a clear message, not a frozen tab"). A module worker that runs
// pkg/import.js — the same Rust readers, in their own wasm instance — and answers
// { id, fn, args } with { id, result } or { id, error }. An argument { blob, as } is a file
// the editor opened, read here (as text, or as bytes for a Comtrade download), so its
// megabytes are never read on the page's thread. builder.js (imports.js) falls back to
// calling pkg/import.js directly where module workers cannot start.
import * as imports from '../pkg/import.js';

const CALLS = {
  importTables: imports.importTables,
  importComtrade: imports.importComtrade,
  checkDataset: imports.checkDataset,
  setChartText: imports.setChartText,
  toDatapackage: imports.toDatapackage,
  checkFileSize: imports.checkFileSize,
  socialCard: imports.socialCard,
};

const read = (a) => (a && typeof a === 'object' && a.blob instanceof Blob
  ? (a.as === 'bytes' ? a.blob.arrayBuffer().then((b) => new Uint8Array(b)) : a.blob.text())
  : a);

self.onmessage = async ({ data: { id, fn, args } }) => {
  try {
    const call = CALLS[fn];
    if (!call) throw new TypeError(`trade-chart: no import called ${fn}`);
    const result = await call(...(await Promise.all(args.map(read))));
    self.postMessage({ id, result });
  } catch (e) {
    self.postMessage({ id, error: { message: String(e && e.message || e), code: e && e.code, path: e && e.path } });
  }
};
self.postMessage({ ready: true });
