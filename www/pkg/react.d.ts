// trade-chart {{version}}: <trade-chart> in React's JSX (TypeScript).
// `import 'trade-chart/react'` defines the element (as `import 'trade-chart'` does) and
// lets TSX write it: <trade-chart view="balance" lang="ko" loading="eager" />. React 19
// reads the attributes as attributes and `ref` gives the element (TradeChartElement).
import type { ChartLoading, ChartTheme, TradeChartElement } from './index.js';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

export * from './index.js';

/** The element's own attributes, as markup writes them (README "Embed"). */
export interface TradeChartAttributes {
  /** A view id of the dataset (e.g. "collapse"). */
  view?: string;
  /** "en", "ko" or "zh" (a tag starting with one); default: the page's language. */
  lang?: string;
  theme?: ChartTheme;
  /** A fixed CSS height in px; default: from the width. */
  height?: number | string;
  /** The URL of a dataset JSON, fetched. */
  src?: string;
  loading?: ChartLoading;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'trade-chart': DetailedHTMLProps<HTMLAttributes<TradeChartElement>, TradeChartElement> & TradeChartAttributes;
    }
  }
}
