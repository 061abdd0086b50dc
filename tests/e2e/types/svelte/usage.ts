// <trade-chart> in a Svelte + TypeScript app: the element's attributes as Svelte's
// checker reads them (svelte/elements' SvelteHTMLElements, and svelteHTML.IntrinsicElements,
// which extends it); tsc --strict compiles this against the built package and the Svelte
// installed in tests/e2e/types/frameworks (tests/e2e/types.test.mjs).
/// <reference path="../frameworks/node_modules/svelte/svelte-html.d.ts" />
import '../../../../pkg/svelte.js';
import type { TradeChartElement } from '../../../../pkg/svelte.js';
import type { SvelteHTMLElements } from 'svelte/elements';

export const attrs: SvelteHTMLElements['trade-chart'] = {
  view: 'collapse', lang: 'ko', theme: 'auto', height: 420, loading: 'eager', src: '/data/kp-cn.json', class: 'story-chart', id: 'c1',
  onclick: (e) => e.currentTarget.ready,
};
export const inMarkup: svelteHTML.IntrinsicElements['trade-chart'] = { view: 'balance', theme: 'dark' };
export const ready = (el: TradeChartElement) => el.ready && el.views.length;
