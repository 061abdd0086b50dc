// Every documented option, method and getter of pkg/index.d.ts, as a host page would use
// them; tests/e2e/types.test.mjs compiles this with tsc --strict against the built package.
import { create, mountAll, version, init } from '../../../pkg/index.js';
import type { ChartLoading, ChartOptions, ChartItem, ChartTable, ChartClaim, ChartTheme, ViewInfo, TradeChart, TradeChartError, TradeChartElement } from '../../../pkg/index.js';

export async function usage(el: HTMLElement, other: HTMLElement): Promise<string[]> {
  await init(new URL('/cdn/trade_chart_bg.wasm', location.href));
  await init('/cdn/trade_chart_bg.wasm'); await init();
  const options: ChartOptions = { view: 'monthly', lang: 'ko-KR', theme: 'auto', data: { title: 'x' }, height: 420, loading: 'lazy' };
  const chart: TradeChart = await create(el, options);
  const lines = await create(other, {
    title: 'Exports', height: 300,
    columns: { x: new Float64Array([0, 1, 2]), series: [{ id: 'a', label: 'A', values: new Float64Array([1, NaN, 3]) }, { values: [1, null, 2] }], format: 'number' },
  });
  chart.setView('balance');
  const visible: boolean = chart.toggleSeries('kp-cn-annual');
  chart.setData('{"title":"json text"}');
  chart.setLang('zh');
  const theme: ChartTheme = chart.theme;
  chart.setTheme(theme === 'dark' ? 'light' : 'dark');
  chart.showData(); chart.showData(false); chart.showClaims(); chart.showClaims(false);
  const blobs: Blob[] = [await chart.downloadCsv(), await chart.downloadPng(), await chart.downloadSvg()];
  const view: string = chart.view, views: ViewInfo[] = chart.views, lang: string = chart.lang;
  const items: ChartItem[] = chart.items();
  const table: ChartTable | null = chart.table();
  const claims: ChartClaim[] = chart.claims();
  const rows = table ? table.rows.length : 0;
  lines.destroy();
  chart.destroy();
  const all: TradeChart[] = await mountAll(document);
  await mountAll();
  await mountAll(document.body, { loading: 'lazy' });
  el.addEventListener('trade-chart:ready', (e) => e.detail.view);
  el.addEventListener('trade-chart:error', (e) => e.detail.message);
  const mounted: TradeChart | undefined = el.tradeChart;
  try { await create(el, { theme: 'sepia' as ChartTheme }); } catch (e) { const err = e as TradeChartError; return [err.code ?? '', err.path ?? '']; }
  return [version, String(visible), String(blobs.length), view, views[0].label, lang, items[0].value, String(rows),
    claims[0].status_label + claims[0].badge, String(all.length), String(!!mounted)];
}

// <trade-chart>: typed by HTMLElementTagNameMap.
export async function element(): Promise<string[]> {
  const el = document.createElement('trade-chart');
  const typed: TradeChartElement = el;
  el.view = 'monthly'; el.lang = 'ko'; el.theme = 'dark'; el.height = 400; el.src = '/data.json'; el.data = { title: 'x' };
  const loading: ChartLoading = el.loading; el.loading = loading === 'lazy' ? 'eager' : 'lazy';
  document.body.append(el);
  await new Promise<void>((resolve) => el.addEventListener('trade-chart:ready', () => resolve(), { once: true }));
  el.setView('balance');
  const visible: boolean = el.toggleSeries('kp-cn-annual');
  el.setData('{}'); el.setLang('zh'); el.setTheme('auto'); el.showData(); el.showClaims(false);
  const blobs: Blob[] = [await el.downloadCsv(), await el.downloadPng(), await el.downloadSvg()];
  const items: ChartItem[] = el.items();
  const table: ChartTable | null = el.table();
  const claims: ChartClaim[] = el.claims();
  const views: ViewInfo[] = el.views;
  const found: TradeChartElement | null = document.querySelector('trade-chart');
  el.destroy();
  return [String(typed.ready), String(visible), String(blobs.length), String(items.length), String(table?.rows.length), String(claims.length),
    views[0]?.id ?? '', String(found?.height), el.view ?? '', el.src];
}
