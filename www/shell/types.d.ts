// Types the shell's JSDoc refers to (checked by `make lint-js`; nothing here is emitted).
// What the wasm facade (src/web.rs, through wasm-bindgen) offers the shell, as the shell
// uses it; the JSON-shaped answers (meta(), hover(), table()…) are typed loosely.

/** A wasm `Chart` (one chart's state in the wasm). */
export interface WasmChart {
  meta(): any;
  preferred_height(cssWidth: number): number;
  resize(cssWidth: number, cssHeight: number, dpr: number): void;
  render(): void;
  set_view(id: string): void;
  toggle_series(id: string): boolean;
  set_data(text: string | undefined): void;
  set_lang(tag: string): void;
  set_theme(colors: Record<string, string>): string;
  hover(x: number, y: number): any;
  describe(index: number): any;
  navigate(from: number, key: string): number;
  items(): any[];
  state(): string | undefined;
  restore(state: string): void;
  table(): any;
  claims(): any[];
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

