// @ts-check
// The shell's entry: tradeChartApi() defines <trade-chart> (once per page) and returns
// { create, mountAll, version, init }. What differs per build (how the wasm is loaded,
// where the stylesheet and the story's dataset are) comes from the module
// 'trade-chart:host', which each build names (www/entries/; the mock test its own).
import { create, mountAll, init, version } from './api.js';
import { defineElement } from './element.js';

export function tradeChartApi() {
  defineElement();
  return { create, mountAll, version, init };
}
