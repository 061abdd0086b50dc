// @ts-check
// Downloads: Blob -> <a download> -> object URL, revoked a second later (or on destroy).
// Every method is async: a failure is a rejection (and shown in the widget by the call).
import { shellError } from './errors.js';
import { h, setAttr } from './dom.js';

export class Downloads {
  // `view`: the chart's ChartView (its wasm calls, the view id, the drawn width).
  constructor(view) {
    this.view = view;
    this.urls = new Set();
  }

  save(blob, ext) {
    const { doc } = this.view, url = URL.createObjectURL(blob);
    this.urls.add(url);
    const a = h(doc, 'a', 'tc-sr', { href: url, download: `trade-chart-${this.view.meta.view}.${ext}` });
    doc.body.append(a);
    a.click();
    a.remove();
    this.view.later(() => { this.urls.delete(url); URL.revokeObjectURL(url); }, 1000);
    return blob;
  }

  // While the full module loads (the first export), the buttons say so (aria-busy).
  async busy(fn) {
    const group = this.view.ui.download;
    this.pending = (this.pending || 0) + 1;
    setAttr(group, 'aria-busy', true);
    try { return await fn(); } finally {
      if (--this.pending === 0) setAttr(group, 'aria-busy', false);
    }
  }

  csv() {
    return this.busy(async () => this.save(new Blob(['\uFEFF' + await this.view.csv()], { type: 'text/csv;charset=utf-8' }), 'csv'));
  }

  svg() {
    return this.busy(async () => this.save(new Blob([await this.view.svg()], { type: 'image/svg+xml;charset=utf-8' }), 'svg'));
  }

  png() {
    return this.busy(async () => {
      const canvas = h(this.view.doc, 'canvas');
      await this.view.renderExport(canvas);
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (!blob) throw shellError('png-encode', 'trade-chart: the browser could not encode the PNG');
      return this.save(blob, 'png');
    });
  }

  revokeAll() {
    for (const u of this.urls) URL.revokeObjectURL(u);
    this.urls.clear();
  }
}
