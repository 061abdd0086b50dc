// @ts-check
// One import call by name, its file arguments read first: what the worker (worker.js) does
// with each message, and what imports.js does on the page's thread when no worker starts.
// An argument { blob, as: 'text' | 'bytes' } is a file the editor opened.
import * as imports from '../pkg/import.js';

const CALLS = {
  importTables: imports.importTables,
  importComtrade: imports.importComtrade,
  checkDataset: imports.checkDataset,
  setChartText: imports.setChartText,
  toDatapackage: imports.toDatapackage,
  checkFileSize: imports.checkFileSize,
  socialCard: imports.socialCard,
  oneFilePage: imports.oneFilePage,
  renderElement: imports.renderElement,
};

const read = (a) => (a && typeof a === 'object' && a.blob instanceof Blob
  ? (a.as === 'bytes' ? a.blob.arrayBuffer().then((b) => new Uint8Array(b)) : a.blob.text())
  : a);

export async function run(fn, args) {
  const call = CALLS[fn];
  if (!call) throw new TypeError(`trade-chart: no import called ${fn}`);
  return call(...(await Promise.all(args.map(read))));
}
