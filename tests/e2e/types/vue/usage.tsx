// <trade-chart> in a Vue + TypeScript app's TSX (Vue's JSX: NativeElements, which Vue's
// template checker uses too); tsc --strict compiles this against the built package and
// the Vue installed in tests/e2e/types/frameworks (tests/e2e/types.test.mjs).
import '../../../../pkg/vue.js';
import type { TradeChartElement } from '../../../../pkg/vue.js';
import type { NativeElements } from 'vue';

export const story = (lang: 'en' | 'ko' | 'zh', next: (e: MouseEvent) => void) => (
  <figure>
    <trade-chart view="collapse" lang={lang} theme="auto" height={420} loading="eager"
      src="/data/kp-cn.json" class="story-chart" id="c1" onClick={next} />
  </figure>
);
// The attributes as Vue's template checker reads them.
export const attrs: NativeElements['trade-chart'] = { view: 'balance', theme: 'dark', height: '420', src: '/data/kp-cn.json' };
export const ready = (el: TradeChartElement) => el.ready && el.views.length;
