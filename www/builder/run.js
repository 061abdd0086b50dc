// @ts-check
// One import call by name, its file arguments read first: what the worker (worker.js) does
// with each message, and what imports.js does on the page's thread when no worker starts.
// An argument { blob, as: 'text' | 'bytes', encoding? } is a file the editor opened: its
// text decoded in `encoding` (a TextDecoder label: the one Rust chose, or the editor's),
// UTF-8 when none; as bytes, that text's UTF-8.
import * as imports from '../pkg/import.js';

const CALLS = {
  importTables: imports.importTables,
  importComtrade: imports.importComtrade,
  importImf: imports.importImf,
  importDownload: imports.importDownload,
  checkDataset: imports.checkDataset,
  setChartText: imports.setChartText,
  toDatapackage: imports.toDatapackage,
  checkFileSize: imports.checkFileSize,
  socialCard: imports.socialCard,
  oneFilePage: imports.oneFilePage,
  encodingPlan: imports.encodingPlan,
  chooseEncoding: imports.chooseEncoding,
  whatIRead: imports.whatIRead,
  renderElement: imports.renderElement,
};

async function read(a) {
  if (!(a && typeof a === 'object' && a.blob instanceof Blob)) return a;
  const bytes = new Uint8Array(await a.blob.arrayBuffer());
  if (!a.encoding || a.encoding === 'utf-8') return a.as === 'bytes' ? bytes : new TextDecoder().decode(bytes);
  const text = new TextDecoder(a.encoding).decode(bytes);
  return a.as === 'bytes' ? new TextEncoder().encode(text) : text;
}

export async function run(fn, args) {
  const call = CALLS[fn];
  if (!call) throw new TypeError(`trade-chart: no import called ${fn}`);
  return call(...(await Promise.all(args.map(read))));
}
