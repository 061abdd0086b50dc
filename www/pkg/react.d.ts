// trade-chart {{version}}: <trade-chart> in React's JSX (TypeScript).
// `import 'trade-chart/react'` defines the element (as `import 'trade-chart'` does) and
// lets TSX write it: <trade-chart view="balance" lang="ko" loading="eager" />. React 19
// reads the attributes as attributes and `ref` gives the element (TradeChartElement).
import type { TradeChartAttributes, TradeChartElement } from './index.js';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

export * from './index.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'trade-chart': DetailedHTMLProps<HTMLAttributes<TradeChartElement>, TradeChartElement> & TradeChartAttributes;
    }
  }
}
