// trade-chart {{version}}: <trade-chart> in Vue's templates and TSX (TypeScript, vue-tsc).
// `import 'trade-chart/vue'` defines the element (as `import 'trade-chart'` does) and adds
// it to Vue's native elements, so `<trade-chart view="balance" lang="ko" />` is checked: a
// misspelt attribute or an unknown theme is a type error. Vue itself must be told the tag
// is a custom element (`compilerOptions.isCustomElement: (tag) => tag === 'trade-chart'`,
// in the Vue plugin of Vite), or it looks for a component of that name.
import type { TradeChartAttributes } from './index.js';
import type { HTMLAttributes } from 'vue';

export * from './index.js';

declare module 'vue' {
  interface IntrinsicElementAttributes {
    'trade-chart': HTMLAttributes & TradeChartAttributes;
  }
}
