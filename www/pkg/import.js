import initImportWasm, * as wasm from './trade_chart_import.js';
// The builder's imports: tables, Comtrade downloads and dataset JSON read and checked in the
// browser by the same Rust code as the trade-chart command line.

// The import wasm, loaded once (on the first import, or by initImport); after a trap,
// __tc_reset makes the next call instantiate it afresh.
let loading = null;
const load = (url) => loading || (loading = initImportWasm(url === undefined ? undefined : { module_or_path: url }).then(() => wasm));

const fail = (message) => Object.assign(new TypeError('trade-chart: ' + message), { code: 'invalid-type' });
function options(o) {
  if (o === undefined || o === null) return undefined;
  if (typeof o !== 'object' || Array.isArray(o)) throw fail('options: expected an object');
  return JSON.stringify(o);
}
function text(v, name) {
  if (typeof v !== 'string') throw fail(name + ': expected a string (the text of the table or file)');
  return v;
}
function bytes(v) {
  if (typeof v === 'string') return new TextEncoder().encode(v);
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  throw fail('download: expected a string, an ArrayBuffer or a Uint8Array');
}
async function call(f) {
  const w = await load();
  try {
    return f(w);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) { loading = null; w.__tc_reset(); }
    throw e;
  }
}

/** initImport(url): the import wasm from elsewhere (a CDN), before the first import. */
export const initImport = (url) => load(url).then(() => undefined);
/** An observations table and its sources table (TSV or CSV text), and optionally the chart's
 * text table (key | en | ko | zh) → { dataset, errors, warnings, gaps }.
 * importTables(observations, sources, opts) or importTables(observations, sources, textTable, opts). */
export const importTables = (observations, sources, textOrOpts, opts) => {
  const table = typeof textOrOpts === 'string' ? textOrOpts : undefined;
  if (table === undefined && opts === undefined) opts = textOrOpts;
  else if (table === undefined && textOrOpts !== undefined && textOrOpts !== null) throw fail('text: expected a string (the text table)');
  return call((w) => w.import_tables(text(observations, 'observations'), text(sources, 'sources'), table, options(opts)));
};
/** A UN Comtrade download (its text or its bytes) → { dataset, errors, warnings, gaps }. */
export const importComtrade = (download, opts) => call((w) => w.import_comtrade(bytes(download), options(opts)));
/** An IMF Direction of Trade (DOTS) download (its text or its bytes) → { dataset, errors, warnings, gaps, pairs? }. */
export const importImf = (download, opts) => call((w) => w.import_imf(bytes(download), options(opts)));
/** A download read by its header row: an IMF DOTS file (importImf) or a UN Comtrade download (importComtrade). */
export const importDownload = (download, opts) => call((w) => w.import_download(bytes(download), options(opts)));
/** A dataset's JSON text, checked as the chart checks it → { dataset, errors, warnings, gaps }. */
export const checkDataset = (json, opts) => call((w) => w.check_dataset(text(json, 'dataset'), options(opts)));
/** A checked dataset's JSON text with the editor's title, subtitle, notes and claims (their verdict computed) → { dataset, errors, warnings, gaps }. */
export const setChartText = (json, opts) => call((w) => w.set_chart_text(text(json, 'dataset'), options(opts)));
/** A dataset's JSON text → its data package: { descriptor, observations, sources } (the three files' text). */
export const toDatapackage = (json) => call((w) => w.to_datapackage(text(json, 'dataset')));
/** A dataset's JSON text → its social card as SVG text (600×315 CSS px, to draw at 2×: 1200×630 px); options { view, lang, theme }. */
export const socialCard = (json, opts) => call((w) => w.social_card(text(json, 'dataset'), options(opts)));
/** A dataset's JSON text and the reader's standalone script's text (pkg/trade-chart.standalone.js) → the one-file HTML page, what `trade-chart bundle` writes; options { view, lang, theme }. */
export const oneFilePage = (json, script, opts) => call((w) => w.one_file_page(text(json, 'dataset'), text(script, 'script'), options(opts)));
/** A dataset's JSON text → the `<trade-chart>` element with the chart's published picture (in a declarative shadow root) and the dataset inline, to paste into a page; options: create()'s { view, lang, theme, height, loading }, and `style: 'page'` (the picture without its <style>, a child of the element, for a page that links trade-chart.css: a strict CSP). What `trade-chart/server` renders. */
export const renderElement = (json, opts) => call((w) => {
  const { style, ...rest } = opts || {};
  if (style != null && style !== 'inline' && style !== 'page') throw fail(`options.style: expected "inline" or "page", found ${JSON.stringify(style)}`);
  return w.render_element(text(json, 'dataset'), options(opts == null ? opts : rest) ?? '{}', style === 'page');
});
/** A file's size in bytes against the limit of what it is ('table': a table or a Comtrade
 * download; 'json': a dataset), before it is read → null when within, else an import's
 * answer with the too-large error (its row 1, column 1 in `file`). */
export const checkFileSize = (what, size, opts) => call((w) => w.check_file_size(String(what), Number(size), options(opts)));
/** A file's first bytes (64 KB is enough) and whether the whole file is UTF-8 → { label, bom, candidates, sample }: its encoding when the bytes say (a byte-order mark, UTF-8), else the labels to decode its first `sample` bytes in, for chooseEncoding. */
export const encodingPlan = (head, utf8) => call((w) => w.encoding_plan(bytes(head), Boolean(utf8)));
/** The candidates' decodings, [{ label, text }] (text null where the bytes are not in that encoding: TextDecoder(label, { fatal: true }) threw) → { label, name }: the likeliest, as the command line chooses. */
export const chooseEncoding = (decodings) => call((w) => w.choose_encoding(JSON.stringify(decodings)));
/** What the builder read: { kind: 'tables' | 'comtrade' | 'json', text (the first lines), encoding? (a file's label), guessed? } → { items: [{ key, label, value, note, choices, chosen }] }, the "What I read" panel. */
export const whatIRead = (opts) => call((w) => w.what_i_read(options(opts) ?? 'null'));
