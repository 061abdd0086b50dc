// trade-chart {{version}}: the builder's imports (trade-chart/import; see README.md).
// Each loads the import wasm (trade_chart_import_bg.wasm, next to import.js) on first use.
/** An error or a warning of an import, where it is. */
export interface ImportIssue {
  /** Stable, e.g. "invalid-value", "missing-field", "json-syntax". */
  code: string;
  /** What is wrong (without the place). */
  message: string;
  /** The line `trade-chart check` prints: "observations.tsv:4:4: value: expected …". */
  text: string;
  /** The file (observationsFile, sourcesFile, file) it is in; null when none in particular. */
  file: string | null;
  /** 1-based row of a table, the header being row 1 (a JSON syntax error: its line). */
  row: number | null;
  /** 1-based column (a JSON syntax error: its column). */
  column: number | null;
  /** An error in a table's cell: where the cell's text starts in the table's text, in UTF-16 code units (a CRLF counting as one, a byte-order mark as none: as a textarea holding the table counts), for `setSelectionRange`; null otherwise. */
  start: number | null;
  /** Where the cell's text ends (as `start`). */
  end: number | null;
  /** The column's field ("value", "period"…) or the dataset path ("series[0].observations[3].value"). */
  field: string | null;
}
/** What every import resolves with: a checked dataset, or the errors (never both). */
export interface ImportResult {
  /** The checked dataset's JSON text (as `trade-chart convert` writes it), for `create(el, { data })`; null when there are errors. */
  dataset: string | null;
  /** Every error found (at most 50, then one counting the rest). */
  errors: ImportIssue[];
  /** Not fatal (an unknown column, a ragged row, a download not in UTF-8). */
  warnings: ImportIssue[];
  /** Rows dropped as gaps (a blank value, n/a, -, ..). */
  gaps: number;
  /** importComtrade, importImf: the pairs of countries a download of several holds, largest two-way trade first (absent when it holds one). */
  pairs?: ComtradePair[];
  /** importTables with a wide table (a period column and a column per flow): what was understood of each column (absent for other tables). */
  understood?: WideReading;
  /** The same as facts of the "What I read" panel (the reporting country, the unit, each column), to list after whatIRead's (absent for other tables). */
  facts?: ReadFact[];
}
/** What the reader understood of a wide table (docs/DATA.md, "Wide tables"). */
export interface WideReading {
  shape: 'wide';
  /** Every column, in order. */
  columns: { header: string; /** 1-based */ position: number; meaning: 'period' | 'flow' | 'two-way' | 'balance' | 'total' | 'unused'; /** a flow's, e.g. "KR>IT" */ direction: string | null; /** e.g. "header says 수출", "--flow" */ why: string }[];
  /** The reporting country's code (the first partner) and the other's. */
  reporter: string;
  partner: string;
  /** The unit as written (the unit option, or the header that names it), its currency (ISO 4217) and power of ten. */
  unit: string;
  currency: string;
  exp: number;
  /** The one source's id and the one basis' label ("As reported by …"). */
  source: string;
  basis: string;
}
/** A pair of countries of a Comtrade download: `pair` is the `pair` option's value to chart it. */
export interface ComtradePair {
  /** e.g. "CHN,KOR": the codes as the file writes them. */
  pair: string;
  first: ImportPartner;
  second: ImportPartner;
  /** How many of the file's figures are the pair's. */
  rows: number;
  /** Their sum in US dollars, what the pairs are ranked by (not a figure to quote). */
  trade: number;
}
export interface ImportPartner { /** e.g. "KR" */ code: string; /** e.g. "South Korea" */ name: string; }
/** What the tables do not say themselves (the command line's table options); all optional. */
export interface TableImportOptions {
  /** The value column's decimal mark, when no cell shows it. */
  decimal?: '.' | ',';
  /** The unit when the table has no unit column: a currency and a scale ("USD", "USD million", "EUR thousand", "억원", "万元"…). */
  unit?: string;
  /** The partners in order; default: the codes of the directions, named by their codes. A wide table's reporting country first (its exports are first>second). */
  partners?: ImportPartner[];
  /** One source for every figure of a table without sources ("Publisher | Title | URL | date", the date optional); the sources table then "". */
  source?: string;
  /** What a wide table's columns hold: "HEADER=KR>IT", "HEADER=two-way", "HEADER=balance", "HEADER=skip", "#3=skip"; default: guessed from the headers. */
  flows?: string[];
  /** A long table with words of several products (an office's or customs' query export): the one to chart, by its code or name as the table writes it (the command line's --commodity; the "product" fact's choices). */
  commodity?: string;
  /** The dataset's title; default "Trade between A and B". */
  title?: string;
  /** The dataset's id; default from the two codes ("kr-jp"). */
  id?: string;
  /** The name errors give the observations table (default "observations"). */
  observationsFile?: string;
  /** The name errors give the sources table (default "sources"). */
  sourcesFile?: string;
  /** The name errors give the text table (default "text"). */
  textFile?: string;
}
export interface ComtradeImportOptions {
  /** When the download was made (YYYY-MM-DD): its source's date. */
  accessed?: string;
  /** The pair of countries to chart from a download of several ("CHN,KOR"; result.pairs lists them). */
  pair?: string;
  /** The commodity code to chart from a download of several products. */
  commodity?: string;
  /** Names for areas a codes-only download gives by number ({ code: "998", name }). */
  partners?: ImportPartner[];
  title?: string;
  id?: string;
  /** The name errors give the download (default "comtrade"). */
  file?: string;
  /** The encoding the download was decoded from (a TextDecoder label, e.g. "windows-1252") when the bytes given are that text's UTF-8: it is read with the warning that names it. */
  encoding?: string;
}
export interface ImfImportOptions {
  /** When the download was made (YYYY-MM-DD): its source's date. */
  accessed?: string;
  /** The pair of countries to chart from a download of several ("542,158": Country Codes or names as the file writes them; result.pairs lists them). */
  pair?: string;
  /** Names for areas by their code ({ code: "542", name }), in place of the file's. */
  partners?: ImportPartner[];
  title?: string;
  id?: string;
  /** The name errors give the download (default "imf"). */
  file?: string;
  /** As ComtradeImportOptions.encoding. */
  encoding?: string;
}
export interface CheckDatasetOptions {
  /** The name errors give the JSON (default "dataset"). */
  file?: string;
}
/**
 * Reads an observations table and its sources table (TSV or CSV text, as pasted from a
 * spreadsheet) and checks the dataset: importTables(observations, sources, options?), or
 * importTables(observations, sources, textTable, options?) with the chart's text table
 * (key | en | ko | zh rows: title, subtitle, note, series.<id>.label,
 * view.<id>.label|title|subtitle|note…; docs/DATA.md), whose titles, notes and labels in
 * English, Korean and Chinese go into the dataset. Rejects only for bad arguments or
 * options (an Error naming the option); errors in the tables are in the result.
 */
export function importTables(observations: string, sources: string, textOrOptions?: string | null | TableImportOptions, options?: TableImportOptions): Promise<ImportResult>;
/** Reads a UN Comtrade download (CSV: its text, or its bytes, UTF-8 or Windows-1252; or its text's UTF-8 with `encoding` naming what it was decoded from). */
export function importComtrade(download: string | ArrayBuffer | ArrayBufferView, options?: ComtradeImportOptions): Promise<ImportResult>;
/** Reads an IMF Direction of Trade Statistics (DOTS) time-series download (CSV: its text or its bytes): Value and Status rows, each reporter's figures its own basis. */
export function importImf(download: string | ArrayBuffer | ArrayBufferView, options?: ImfImportOptions): Promise<ImportResult>;
/** Reads a download by its header row: an IMF DOTS file (as importImf, whose options it takes) or a UN Comtrade download (as importComtrade). */
export function importDownload(download: string | ArrayBuffer | ArrayBufferView, options?: ComtradeImportOptions): Promise<ImportResult>;
/** Checks a dataset's JSON text as the chart does (a syntax error has its line and column). */
export function checkDataset(json: string, options?: CheckDatasetOptions): Promise<ImportResult>;
/** Text in English, or by language (Korean and Chinese need the English). */
export type EditorText = string | { en: string; ko?: string; zh?: string };
/** A view as the views table's fields (docs/DATA.md), each the text of its cell; an absent one is blank. */
export interface ViewFields {
  id?: string;
  /** "bars", "time-bars" or "time-line". */
  kind?: string;
  /** Series ids separated by ";". */
  series?: string;
  label?: string;
  /** Blank: the chart's title. */
  title?: string;
  /** "period" or "category" (bars). */
  x?: string;
  from?: string;
  to?: string;
  /** Bars' periods separated by ";". */
  periods?: string;
  /** Change views separated by ";". */
  change?: string;
}
/** A text table's row as its fields; an absent one is blank. */
export interface TextFields {
  /** What the text is: "view.<id>.label"… */
  key?: string;
  en?: string;
  ko?: string;
  zh?: string;
}
/** The builder's chart text; a blank or absent one leaves the dataset's own. */
export interface ChartTextOptions {
  /** The headline: the dataset's title and every view's title (with `views`: each whose title cell is blank). */
  title?: EditorText;
  /** The line under the headline: every view's subtitle. */
  subtitle?: EditorText;
  /** Notes under every view, after the dataset's own (blank ones left out). */
  notes?: EditorText[];
  /** The newsroom's credit line ("Chart: The Border Desk"), under the chart beside the sources. */
  credit?: EditorText;
  /** A views table (id | kind | series | label | title | x | from | to | periods; docs/DATA.md) replacing the views, as its text or one object of its fields a view; errors name it "views" (a view's: the row and column the table would have). */
  views?: string | ViewFields[];
  /** A text table (key | en | ko | zh) applied last, e.g. the views' labels in Korean and Chinese, as its text or its rows' fields; errors name it "text". */
  text?: string | TextFields[];
  /** The story's claims, added after the dataset's own, each with its status computed: "agrees", else "unsupported" with a note giving what the data say. */
  claims?: ClaimInput[];
  /** The story's events on the chart: when given, they replace the dataset's own annotations (an empty list removes them). */
  annotations?: AnnotationInput[];
}
/** An annotation as the editor gives it: a point in time (`period`) or a span (`period` … `to`, inclusive). */
export interface AnnotationInput {
  /** Its id; absent or blank: made from the English label ("border-closed"), unique. */
  id?: string;
  /** A period of the data ("2020", "2020-01"); a span's first. */
  period: string;
  /** A span's last period; absent for a point in time. */
  to?: string;
  /** The short label drawn on the chart. */
  label: EditorText;
  /** The sentence read out with the label. */
  text: EditorText;
  /** Its sources by the dataset's source ids (at least one). */
  sources: string[];
  /** The views that draw it by id; absent: every time view that shows it. */
  views?: string[];
}
export interface ObservationKey { series: string; period: string; }
export interface ClaimInput {
  /** The claim in the story's words. */
  text: string;
  /** "money": the figure is the observation's value; "percent": the change from `from` to `observation`. */
  kind: 'money' | 'percent';
  /** The figure as the story prints it ("25,097.8", "-19.5%"): its decimals set the check's precision. */
  figure: string;
  observation: ObservationKey;
  from?: ObservationKey;
  /** Where the claim appears (a source id); default: the first source. */
  source?: string;
}
/**
 * A checked dataset's JSON text with the chart text applied, checked again. An error about
 * the text has `file` "title", "subtitle", "credit", "notes", "claims" or "annotations" (`row`: the note's, claim's
 * or annotation's 1-based place; `field`: the dataset path, as "annotations[0].to").
 */
export function setChartText(json: string, options?: ChartTextOptions): Promise<ImportResult>;
/** The files of a dataset's data package (what `trade-chart convert --to datapackage` writes). */
export interface DataPackageFiles {
  /** datapackage.json */ descriptor: string; /** observations.csv */ observations: string; /** sources.csv */ sources: string;
  /** Every file, datapackage.json first: the three above, observation-sources.csv, and annotations.csv and annotation-sources.csv when there are annotations. */
  files: { name: string; text: string }[];
}
/** A dataset's JSON text as a Frictionless data package; rejects with the dataset's error if it does not check. */
export function toDatapackage(json: string): Promise<DataPackageFiles>;
/** The dataset's social card (og:image) as SVG text, 600×315 CSS px: draw it at 2× for 1200×630 px. */
export function socialCard(json: string, options?: { view?: string; lang?: 'en' | 'ko' | 'zh'; theme?: 'light' | 'dark' }): Promise<string>;
/**
 * The one-file HTML page of a dataset, what `trade-chart bundle` writes: the dataset and the
 * reader's standalone script (the text of pkg/trade-chart.standalone.js) inline, so it opens
 * from disk (file://); `<html lang>` and `<title>` in the chart's language. Rejects with the
 * dataset's error if it does not check, a bad option's, or the script's if it contains "<!--".
 */
export function oneFilePage(json: string, script: string, options?: { view?: string; lang?: string; theme?: 'auto' | 'light' | 'dark' }): Promise<string>;
/**
 * The `<trade-chart>` element with the chart's published picture in a declarative shadow
 * root (shown before any script, and without one; the element takes it over without
 * moving anything) and the dataset inline, to paste into a page: what `trade-chart/server`
 * renders in Node. Options: create()'s, written as the element's attributes.
 */
export function renderElement(json: string, options?: { view?: string; lang?: string; theme?: 'auto' | 'light' | 'dark'; height?: number; loading?: 'lazy' | 'eager'; style?: 'inline' | 'page' }): Promise<string>;
/** A file's size (bytes) against the limit of what it is ('table': a table or a Comtrade download; 'json': a dataset), before it is read: null when within, else the import's answer with the too-large error. */
export function checkFileSize(what: 'table' | 'json', size: number, options?: { file?: string }): Promise<ImportResult | null>;
/** Loads the import wasm from `wasmUrl` (a CDN) instead of the build's own; call it before the first import. */
export function initImport(wasmUrl?: string | URL): Promise<void>;
/** How to decode a file (encodingPlan): its encoding when its bytes say, else the candidates to try. */
export interface EncodingPlan {
  /** The encoding's label ("utf-8", "utf-16le"…) when a byte-order mark or valid UTF-8 says; else null. */
  label: string | null;
  /** Whether a byte-order mark said so. */
  bom: boolean;
  /** When label is null: the labels to decode the first `sample` bytes in, with TextDecoder(label, { fatal: true }) (and { stream: true } when the file is longer), in this order. */
  candidates: string[];
  /** How many bytes from the start to decode. */
  sample: number;
}
/** A file's first bytes (64 KB is enough) and whether the whole file is valid UTF-8 → how to decode it. */
export function encodingPlan(head: ArrayBuffer | ArrayBufferView, utf8: boolean): Promise<EncodingPlan>;
/** The candidates' decodings (text null where decoding threw) → the likeliest encoding, as `trade-chart` chooses: its label (for TextDecoder) and its name as editors know it ("EUC-KR (CP949)"). */
export function chooseEncoding(decodings: { label: string; text: string | null }[]): Promise<{ label: string; name: string }>;
/** One fact of the "What I read" panel. */
export interface ReadFact {
  /** What it is about: "format", "encoding", "first-line"; an import's: "reporter", "unit", "column" (a wide table's; a column's choices are the `flows` option's values, "#2=KR>IT"), "pair" (a download of several; its choices the `pair` option's values, the first "" for none), "commodity" (a pair's products when several; the `commodity` option's values, "" for every product); a long table with words': "partners" (listed, largest first), "product" (its products when several, largest first; the tables' `commodity` option's values, the first "" for none), "column" (the money column when no column says each row's flow; the `flows` option's "#10=CN>AU"). */
  key: string;
  /** Its label ("Encoding"), in English. */
  label: string;
  /** What was read ("EUC-KR (CP949)"). */
  value: string;
  /** A note after it ("guessed from its bytes"), or null. */
  note: string | null;
  /** Which of several facts of one key it is, shown after the label (a wide table's column: "#2 Exports"), or null. */
  subject: string | null;
  /** What can be chosen instead (value to pass back, label to show); empty when nothing. */
  choices: { value: string; label: string }[];
  /** The choice that is the value, or null. */
  chosen: string | null;
}
/** What the builder read of a text: its format, a file's encoding (with the others to choose from), its first line. Rejects for bad options. */
export function whatIRead(options: { kind: 'tables' | 'comtrade' | 'json'; text: string; encoding?: string; guessed?: boolean }): Promise<{ items: ReadFact[] }>;
