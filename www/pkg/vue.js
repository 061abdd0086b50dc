// trade-chart {{version}}: `trade-chart/vue` is the package itself (importing it defines
// <trade-chart>); its types (vue.d.ts) add the element to Vue's native elements.
export * from './index.js';
