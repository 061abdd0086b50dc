// trade-chart {{version}}: `trade-chart/svelte` is the package itself (importing it defines
// <trade-chart>); its types (svelte.d.ts) add the element to Svelte's elements.
export * from './index.js';
