// Types the shell's JSDoc refers to (checked by `make lint-js`; nothing here is emitted).
// What the wasm facade (crates/web, through wasm-bindgen) offers the shell, as the shell
// uses it. The JSON-shaped answers are the Rust structs of src/chart/present.rs as
// serde_json writes them; tests/types.rs fails when a field here and there differ.

import type { ChartClaim, ChartItem, ChartTable, ViewInfo } from '../pkg/index.js';

/** What a chart can do beyond drawing, hovering, its legend and CSV (Rust `Capabilities`). */
export interface ChartCapabilities { views: boolean; table: boolean; claims: boolean; export: boolean; navigate: boolean; }

/** One legend entry (Rust `LegendEntry`). */
export interface ChartLegendEntry { id: string; label: string; color: string; texture: string; visible: boolean; }

/** Everything the shell writes around the canvas, in the reader's language (Rust `Meta`). */
export interface ChartMeta {
  kind: 'dataset' | 'columns'; can: ChartCapabilities; lang: string; title: string; subtitle: string;
  notes: string[]; source_line: string; /** the newsroom's credit line, "" if none */ credit: string; view: string; views: ViewInfo[]; legend: ChartLegendEntry[];
  summary: string; claims: number;
  /** The widget's labels in the chart's language (Rust `Ui`: one string each). */
  ui: Record<string, string>;
}

/** A figure under the pointer or the keyboard focus (Rust `Hover`): its box and its words. */
export interface ChartHover {
  index: number; x: number; y: number; w: number; h: number; title: string; series: string;
  series_id: string; value: string; lines: string[]; source: string; url: string; announce: string;
}

/** A wasm `Chart` (one chart's state in the wasm). */
export interface WasmChart {
  meta(): ChartMeta;
  preferred_height(cssWidth: number): number;
  resize(cssWidth: number, cssHeight: number, dpr: number): void;
  render(): void;
  set_view(id: string): void;
  toggle_series(id: string): boolean;
  set_data(text: string | undefined): void;
  set_lang(tag: string): void;
  set_theme(colors: Record<string, string>): string;
  hover(x: number, y: number): ChartHover | null;
  describe(index: number): ChartHover | null;
  navigate(from: number, key: string): number;
  items(): ChartItem[];
  state(): string | undefined;
  restore(state: string): void;
  table(): ChartTable | null;
  claims(): ChartClaim[];
  csv(): string;
  svg(width: number): string;
  render_export(canvas: HTMLCanvasElement, width: number, dpr: number): void;
  free(): void;
  /** wasm-bindgen's: forgets the pointer without freeing it. */
  __destroy_into_raw?(): number;
}

/** The wasm-bindgen module (the core's or the full one's). */
export interface WasmModule {
  Chart: {
    new (canvas: HTMLCanvasElement, data: string | undefined, options: string): WasmChart;
    from_columns(canvas: HTMLCanvasElement, title: string, x: ArrayLike<number>, ids: string[], labels: string[],
      values: ArrayLike<number | null>[], lang?: string, format?: string): WasmChart;
  };
  check_options(text: string): string;
  lang_tag(tag: string): string | undefined;
  theme_keys(): string[];
  __tc_reset?(): void;
}

