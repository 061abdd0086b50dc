// @ts-check
// "What I read", above the preview: the facts Rust read of the data (whatIRead: the format,
// a file's encoding, its first line; later readers add theirs), each as a label, a value, a
// note and, where the editor can choose otherwise, a select. The words are Rust's (English,
// through t() for the page's language); a choice goes to the handler of its fact's key.
// An import's answer that carries `facts` (the same shape: which column is which flow, the
// unit, the pair…) has them listed after these (update.js); a fact whose key has a handler
// in `choose` gets its select.
import { $ } from './dom.js';
import { t } from './lang.js';

/** What a fact's select does, by the fact's key: (value) => void. */
export const choose = {};

/** Shows `reading` ({ items }), or hides the panel for null. */
export function renderRead(reading) {
  const panel = $('read');
  const list = $('read-facts');
  list.textContent = '';
  panel.hidden = !reading || !reading.items.length;
  if (panel.hidden) return;
  for (const fact of reading.items) {
    const row = document.createElement('div');
    row.dataset.key = fact.key;
    const dt = document.createElement('dt');
    // one of several facts of a key (a wide table's column): which, after the label
    const name = fact.subject ? `${t(fact.label)} ${fact.subject}` : t(fact.label);
    dt.textContent = t(fact.label);
    if (fact.subject) {
      const subject = document.createElement('span');
      subject.className = 'read-subject';
      subject.textContent = fact.subject;
      dt.append(' ', subject);
    }
    const dd = document.createElement('dd');
    if (fact.choices.length && choose[fact.key]) {
      dd.className = 'read-choice';
      const select = document.createElement('select');
      select.setAttribute('aria-label', name);
      for (const c of fact.choices) select.add(new Option(t(c.label), c.value, false, c.value === fact.chosen));
      select.addEventListener('change', () => choose[fact.key](select.value));
      dd.append(select);
    } else {
      const value = document.createElement('span');
      value.className = 'read-value';
      value.textContent = fact.value;
      dd.append(value);
    }
    if (fact.note) {
      const note = document.createElement('span');
      note.className = 'read-note';
      note.textContent = t(fact.note);
      dd.append(' ', note);
    }
    row.append(dt, dd);
    list.append(row);
  }
}
