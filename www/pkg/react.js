// trade-chart {{version}}: `trade-chart/react` is the package itself (importing it defines
// <trade-chart>); its types (react.d.ts) add the element to React's JSX.
export * from './index.js';
