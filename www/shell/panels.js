// @ts-check
// What Rust says, written into the figure: the texts, tabs and legend from meta(), the
// "Show data" table from table() and the claims list from claims(). Only what changed is
// written (a legend toggle is one aria-pressed change).
import { h, text, setText, setAttr, setHidden } from './dom.js';
import { swatch } from './overlay.js';

// One button per list entry, rebuilt only when the ids change; `fill` updates each.
function buttons(box, list, make, fill) {
  const ids = list.map((x) => x.id).join('\n');
  if (box.dataset.ids !== ids) {
    box.dataset.ids = ids;
    box.replaceChildren(...list.map((x) => make(x.id)));
  }
  list.forEach((x, i) => fill(box.children[i], x));
}

export class Panels {
  constructor(ui) {
    this.ui = ui;
    this.doc = ui.figure.ownerDocument;
    this.tableOpen = false;
    this.claimsOpen = false;
    this.tableKey = ''; // the table and the claims as last written
    this.claimsKey = '';
    this.legendKeys = new WeakMap(); // legend button -> the colour, texture and label it shows
  }

  // Tabs, legend and texts from meta(); `can`: which parts the chart has.
  meta(meta, can) {
    const { ui, doc } = this, u = meta.ui || {};
    setAttr(ui.figure, 'lang', meta.lang || '');
    setAttr(ui.tabs, 'aria-label', u.views || '');
    setAttr(ui.legend, 'aria-label', u.legend || '');
    buttons(ui.tabs, meta.views, (id) => h(doc, 'button', '', { type: 'button', role: 'tab', 'data-view': id,
      id: ui.id + 'tab-' + id.replace(/[^\w-]/g, '_'), 'aria-controls': ui.plot.id }), (b, v) => {
      const selected = v.id === meta.view;
      setAttr(b, 'aria-selected', selected);
      if (b.tabIndex !== (selected ? 0 : -1)) b.tabIndex = selected ? 0 : -1;
      setText(b, v.label);
      if (selected) setAttr(ui.plot, 'aria-labelledby', b.id);
    });
    buttons(ui.legend, meta.legend, (id) => h(doc, 'button', '', { type: 'button', 'data-series': id }), (b, s) => {
      setAttr(b, 'aria-pressed', !!s.visible);
      const key = [s.color, s.texture, s.label].join('\n');
      if (this.legendKeys.get(b) !== key) {
        this.legendKeys.set(b, key);
        b.replaceChildren(swatch(doc, s.color, s.texture), doc.createTextNode(s.label));
      }
    });
    setText(ui.title, meta.title);
    setText(ui.subtitle, meta.subtitle);
    setText(ui.notes, (meta.notes || []).join('\n'));
    setText(ui.source, meta.source_line);
    setAttr(ui.canvas, 'aria-label', meta.title || u.chart || '');
    setText(ui.desc, [meta.summary, u.keyboard].filter(Boolean).join(' '));
    const table = this.tableOpen && can.table, claims = this.claimsOpen && meta.claims > 0;
    setText(ui.dataButton, table ? u.hide_data : u.show_data);
    setAttr(ui.dataButton, 'aria-expanded', table);
    setHidden(ui.data, !table);
    setText(ui.claimsButton, u.claims);
    setHidden(ui.claimsButton, !(can.claims && meta.claims > 0));
    setAttr(ui.claimsButton, 'aria-expanded', claims);
    setHidden(ui.claims, !claims);
    setText(ui.downloadLabel, u.download);
    setHidden(ui.tabs, !can.views);
    setHidden(ui.dataButton, !can.table);
    for (const b of ui.download.querySelectorAll('[data-format=png], [data-format=svg]')) setHidden(b, !can.export);
  }

  // "Show data": a real table from table(), text only. `read` calls table() when open.
  table(read) {
    if (!this.tableOpen) { this.tableKey = ''; return; }
    const t = read();
    if (!t) return; // a chart of columns has no table
    const key = JSON.stringify(t);
    if (key === this.tableKey) return;
    this.tableKey = key;
    const { ui, doc } = this;
    // The figures, then the annotations the view draws in a table of their own.
    ui.data.replaceChildren(...[t, t.annotations].filter(Boolean).map((x, k) => {
      const table = h(doc, 'table');
      table.append(text(doc, 'caption', '', x.caption, k ? {} : { id: ui.id + 'caption' }));
      const hr = h(doc, 'tr');
      for (const c of x.headers) hr.append(text(doc, 'th', '', c, { scope: 'col' }));
      table.appendChild(h(doc, 'thead')).append(hr);
      const body = table.appendChild(h(doc, 'tbody'));
      for (const row of x.rows) {
        const tr = body.appendChild(h(doc, 'tr'));
        row.forEach((c, i) => tr.append(i === 0 ? text(doc, 'th', '', c, { scope: 'row' }) : text(doc, 'td', '', c)));
      }
      return table;
    }));
  }

  // The story's claims against the data, each with its verdict in words. `read` calls
  // claims() when open; `u`: meta().ui.
  claims(read, u) {
    if (!this.claimsOpen) { this.claimsKey = ''; return; }
    const list = read();
    const key = JSON.stringify(list);
    if (key === this.claimsKey) return;
    this.claimsKey = key;
    const { ui, doc } = this;
    const ul = h(doc, 'ul', 'tc-claim-list');
    for (const c of list) {
      const li = ul.appendChild(h(doc, 'li', 'tc-claim', { 'data-status': c.status, 'data-claim': c.id }));
      const badge = li.appendChild(h(doc, 'p', 'tc-badge'));
      badge.append(text(doc, 'span', 'tc-badge-symbol', c.badge, { 'aria-hidden': 'true' }), text(doc, 'span', '', c.status_label));
      li.append(text(doc, 'p', 'tc-claim-text', c.text));
      if (u.story_says && u.data_say) { // "The story says … / The data say …"
        const figs = li.appendChild(h(doc, 'dl', 'tc-claim-figures'));
        for (const [label, value, k] of [[u.story_says, c.story, 'story'], [u.data_say, c.data, 'data']]) {
          if (!value) continue;
          const row = figs.appendChild(h(doc, 'div', '', { 'data-figure': k }));
          row.append(text(doc, 'dt', '', label), text(doc, 'dd', '', value));
        }
      } else { // no labels from Rust: the two figures side by side
        const figs = li.appendChild(h(doc, 'p', 'tc-claim-figures'));
        figs.append(text(doc, 'span', '', c.story, { 'data-figure': 'story' }));
        if (c.data) figs.append(text(doc, 'span', 'tc-claim-arrow', '→', { 'aria-hidden': 'true' }), text(doc, 'span', '', c.data, { 'data-figure': 'data' }));
      }
      if (c.note) li.append(text(doc, 'p', 'tc-claim-note', c.note));
      if (c.source) li.append(text(doc, 'p', 'tc-claim-source', c.source));
    }
    ui.claims.replaceChildren(ul);
  }
}
