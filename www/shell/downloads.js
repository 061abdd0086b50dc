// Downloads: Blob -> <a download> -> object URL, revoked a second later (or on destroy).
// Every method is async: a failure is a rejection (and shown in the widget by the call).

class Downloads {
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

  async csv() {
    return this.save(new Blob(['\uFEFF' + this.view.csv()], { type: 'text/csv;charset=utf-8' }), 'csv');
  }

  async svg() {
    return this.save(new Blob([this.view.svg()], { type: 'image/svg+xml;charset=utf-8' }), 'svg');
  }

  async png() {
    const canvas = h(this.view.doc, 'canvas');
    this.view.renderExport(canvas);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw shellError('png-encode', 'trade-chart: the browser could not encode the PNG');
    return this.save(blob, 'png');
  }

  revokeAll() {
    for (const u of this.urls) URL.revokeObjectURL(u);
    this.urls.clear();
  }
}
