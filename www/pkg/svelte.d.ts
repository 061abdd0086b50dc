// trade-chart {{version}}: <trade-chart> in Svelte's markup (TypeScript, svelte-check).
// `import 'trade-chart/svelte'` defines the element (as `import 'trade-chart'` does) and
// adds it to Svelte's elements (`SvelteHTMLElements`, which `svelteHTML.IntrinsicElements`
// extends), so `<trade-chart view="balance" lang="ko" />` is checked: a misspelt
// attribute or an unknown theme is a type error, and `bind:this` gives the element.
import type { TradeChartAttributes, TradeChartElement } from './index.js';
import type { HTMLAttributes } from 'svelte/elements';

export * from './index.js';

declare module 'svelte/elements' {
  export interface SvelteHTMLElements {
    'trade-chart': HTMLAttributes<TradeChartElement> & TradeChartAttributes;
  }
}
