// <trade-chart> in a React + TypeScript app's JSX, as the README shows it; tsc --strict
// compiles this against the built package (tests/e2e/types.test.mjs). Without
// pkg/react.d.ts it fails: "Property 'trade-chart' does not exist on type 'JSX.IntrinsicElements'".
import { useRef } from 'react';
import '../../../../pkg/react.js';
import type { TradeChartElement } from '../../../../pkg/react.js';

export function Story({ lang }: { lang: 'en' | 'ko' | 'zh' }) {
  const ref = useRef<TradeChartElement>(null);
  const next = () => { const el = ref.current; if (el && el.ready) el.view = 'balance'; };
  return (
    <figure>
      <trade-chart ref={ref} view="collapse" lang={lang} theme="auto" height={420} loading="eager"
        src="/data/kp-cn.json" className="story-chart" id="c1" onClick={next} />
      <trade-chart src="/data/kp-cn.json">
        <script type="application/json">{'{}'}</script>
      </trade-chart>
    </figure>
  );
}
