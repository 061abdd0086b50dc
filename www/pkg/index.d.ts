// trade-chart {{version}}: the JS API (see README.md).
/** Options for create(); all optional. */
export interface ChartOptions {
  /** A view id from `chart.views` (e.g. "collapse"); default: the dataset's first view. */
  view?: string;
  /**
   * Reader language: a tag starting "en", "ko" or "zh" (e.g. "ko-KR"). Default: the nearest
   * [lang] attribute of the element or its ancestors, else <html lang>; other languages
   * fall back to English.
   */
  lang?: string;
  /**
   * "auto" (default) follows the page: prefers-color-scheme, an ancestor with class
   * "dark"/"light" or [data-theme], and any --tc-* custom properties; "light" and "dark"
   * override all of that (forced colours still win).
   */
  theme?: ChartTheme;
  /** A dataset object or its JSON text (schema: docs/DATA.md); default: the North Korea–China story's dataset (kp-cn.json next to the module, fetched only then). NaN and Infinity are errors, not gaps (use null). */
  data?: unknown;
  /**
   * Long numeric series instead of a dataset (not with `data`): drawn as lines, decimated
   * with M4; no views, table, claims or picture export (CSV only).
   */
  columns?: ChartColumns;
  /** The title of a chart of `columns` (a dataset carries its own). */
  title?: string;
  /** Fixed CSS height in px; default: derived from the width. */
  height?: number;
  /**
   * "eager" (create()'s default): made now. "lazy": made when the element nears the
   * viewport (one IntersectionObserver per page, a margin of one viewport), its height
   * reserved meanwhile; the promise resolves then. <trade-chart> and [data-trade-chart]
   * are lazy unless `loading="eager"` (`data-loading`).
   */
  loading?: ChartLoading;
}
export type ChartLoading = 'lazy' | 'eager';
/** Numeric columns: one x and any number of series of the same length. */
export interface ChartColumns {
  /** Ascending x values (e.g. a Float64Array). */
  x: ArrayLike<number>;
  series: ChartColumnSeries[];
  /** What the values are, for the axis and the tooltip: US dollars (the default), plain numbers or per cent. */
  format?: 'usd' | 'number' | 'percent';
}
export interface ChartColumnSeries {
  /** Default: the series' index. */
  id?: string | number;
  /** Default: the id. */
  label?: string;
  /** One value per x; NaN or null is a gap. */
  values: ArrayLike<number | null>;
}
export type ChartTheme = 'auto' | 'light' | 'dark';
export interface ViewInfo { id: string; label: string; }
/** One visible mark and its hit box in CSS px, relative to the canvas: a figure, a claim
 *  ("claim:ID") or an annotation ("annotation:ID", once in each series' row: its period is its
 *  time, its label its label, its value ""). */
export interface ChartItem {
  id: string; series: string; period: string; label: string; /** formatted, e.g. "$491.06 million" */ value: string;
  x: number; y: number; w: number; h: number;
}
/** What "Show data" shows: the current view's figures, in the reader's language, and the
 *  annotations it draws as a table of their own (period, label, details, source; null if none). */
export interface ChartTable { caption: string; headers: string[]; rows: string[][]; annotations: ChartTable | null; }
/** A claim of the story checked against the data. */
export interface ChartClaim {
  id: string; text: string; status: 'agrees' | 'unsupported' | 'unverified'; status_label: string;
  /** The verdict's glyph: ✓, ✗ or ?. */ badge: string;
  story: string; data: string; note: string; source: string;
}
export interface TradeChart {
  /** Switches view; throws an Error for an unknown id. */
  setView(id: string): void;
  /** Hides or shows a series; returns its new visibility. */
  toggleSeries(id: string): boolean;
  /** Replaces the dataset; throws an Error naming the bad field and keeps the old data. */
  setData(data: unknown): void;
  /** Switches language ("en", "ko", "zh" or a tag starting so); throws an Error for others. */
  setLang(tag: string): void;
  /** Sets the theme option; throws for anything but "auto", "light", "dark". */
  setTheme(theme: ChartTheme): void;
  /** Opens (default) or closes the data table under the chart. */
  showData(open?: boolean): void;
  /** Opens (default) or closes the list of the story's claims. */
  showClaims(open?: boolean): void;
  /** Downloads the current view as CSV (UTF-8 with BOM, source columns): trade-chart-<view>.csv. */
  downloadCsv(): Promise<Blob>;
  /** Downloads the current view with title and sources as a PNG at 2×: trade-chart-<view>.png. */
  downloadPng(): Promise<Blob>;
  /** Downloads the current view with title and sources as SVG: trade-chart-<view>.svg. */
  downloadSvg(): Promise<Blob>;
  /** The current view's id (a chart of columns has one view). */
  readonly view: string;
  /** The views the tabs offer (empty for a chart of columns). */
  readonly views: ViewInfo[];
  /** "en", "ko" or "zh". */
  readonly lang: string;
  /** The theme option: "auto", "light" or "dark". */
  readonly theme: ChartTheme;
  /** Every visible mark's hit box, in reading order. */
  items(): ChartItem[];
  /** The table "Show data" shows; null for a chart of columns. */
  table(): ChartTable | null;
  /** The story's claims with their verdicts (empty without claims). */
  claims(): ChartClaim[];
  /** Removes the DOM, listeners and observers and frees the wasm; safe to call twice. */
  destroy(): void;
}
/**
 * What create() rejects with and the methods throw: the message names the field. The
 * shell's own errors have a `code` ("not-an-element", "already-mounted", "destroyed",
 * "stopped", "bad-data", "png-encode", "fetch-failed", "not-ready", "full-failed": the
 * exports' module could not be loaded, the chart keeps working); the wasm's carry theirs.
 */
export interface TradeChartError extends Error { code?: string; path?: string; row?: number; column?: number; }
/** Mounts a chart in `element` (a hidden one draws when it gets a width); rejects with an Error naming the bad field. */
export function create(element: HTMLElement, options?: ChartOptions): Promise<TradeChart>;
/**
 * Mounts every [data-trade-chart] element under root not mounted yet (data-view, data-lang,
 * data-theme, data-height, data-loading); resolves with the new charts. `options.loading`:
 * the default of elements without data-loading ("eager"; the standalone script's own mount
 * at load passes "lazy"); a lazy chart resolves once it is made.
 */
export function mountAll(root?: ParentNode, options?: { loading?: ChartLoading }): Promise<TradeChart[]>;
export const version: string;
/**
 * Loads the one wasm instance of the page from `wasmUrl` (a CDN, a bundler's asset URL)
 * instead of the build's own (next to index.js; inline in the standalone script). Call it
 * before the first chart: after that it resolves with the instance already loaded.
 */
export function init(wasmUrl?: string | URL): Promise<void>;

/**
 * `<trade-chart>`, defined by importing this module or loading the standalone script. Its
 * open shadow root holds the chart; attributes `view`, `lang`, `theme`, `height`, `src`
 * (a dataset JSON URL, fetched) are reflected here and applied when they change; the data
 * may also be the `data` property or a child `<script type="application/json">`. The
 * chart's methods (TradeChart's; `destroy()` removes the chart, inserting the element
 * again mounts a new one) throw (code "not-ready") until `trade-chart:ready`.
 */
export interface TradeChartElement extends HTMLElement, Omit<TradeChart, 'view' | 'lang' | 'theme'> {
  /** The current view once drawn (the attribute before); sets the `view` attribute. */
  view: string | null;
  /** The reader language once drawn ("en", "ko", "zh"; the attribute before); sets the `lang` attribute. */
  lang: string;
  /** The theme option; sets the `theme` attribute. */
  theme: ChartTheme;
  /** Fixed CSS height in px, or null (from the width); sets the `height` attribute. */
  height: number | null;
  /** The URL of a dataset JSON; setting it fetches it and replaces the data. */
  src: string;
  /** A dataset object or JSON text; wins over `src` and an inline script. */
  data: unknown;
  /** "lazy" (default: made when it nears the viewport) or "eager"; sets the `loading` attribute, read when it mounts. */
  loading: ChartLoading;
  /** True once the chart is drawn (after `trade-chart:ready`); the methods of TradeChart throw "not-ready" before. */
  readonly ready: boolean;
}

declare global {
  interface HTMLElementTagNameMap { 'trade-chart': TradeChartElement; }
  interface HTMLElement { tradeChart?: TradeChart; }
  interface HTMLElementEventMap {
    'trade-chart:ready': CustomEvent<TradeChart>;
    'trade-chart:error': CustomEvent<Error>;
  }
}

/** The element's own attributes, as markup writes them (README "Embed"): what the
 * framework declarations (react.d.ts, vue.d.ts, svelte.d.ts) add to each one's elements. */
export interface TradeChartAttributes {
  /** A view id of the dataset (e.g. "collapse"). */
  view?: string;
  /** "en", "ko" or "zh" (a tag starting with one); default: the page's language. */
  lang?: string;
  theme?: ChartTheme;
  /** A fixed CSS height in px; default: from the width. */
  height?: number | string;
  /** The URL of a dataset JSON, fetched. */
  src?: string;
  loading?: ChartLoading;
}

