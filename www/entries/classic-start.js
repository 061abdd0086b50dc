// @ts-check
// What both classic scripts do once their host is defined (classic.js, standalone.js):
// window.TradeChart, and the charts of the page mounted (lazily).
import { tradeChartApi } from '../shell/index.js';
import { injectStyle } from '../shell/dom.js';

export function start() {
  // The embed snippet pasted twice loads the script twice: the first copy mounts every chart.
  if (window.TradeChart && window.TradeChart.mountAll) {
    if (document.readyState !== 'loading') window.TradeChart.mountAll(document, { loading: 'lazy' });
    return;
  }
  const api = tradeChartApi();
  window.TradeChart = api;
  // A [data-trade-chart] above this script keeps its place from now on, not from
  // DOMContentLoaded: the stylesheet, which reserves it, is adopted by the document at once
  // (the text below is parsed only after this script has run).
  const first = document.querySelector('[data-trade-chart]');
  if (first) injectStyle(first);
  // Charts found at load are lazy (unless data-loading="eager"); mountAll() called later is eager.
  const mountLazy = () => api.mountAll(document, { loading: 'lazy' });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountLazy);
  else mountLazy();
}
