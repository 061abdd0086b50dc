// @ts-check
import { $, button } from './dom.js';
import { lang, t } from './lang.js';
import { parsed } from './parse.js';
import { flow } from './flow.js';

// ---- claims from the story: the editor's words and figures; the verdict is Rust's ----
export const CLAIM_FIELD = { text: 'text', kind: 'kind', figure: 'figure', observation: 'obs', from: 'from', source: 'text' };
export let claims = [];
/** Replaces the list (restored, or cleared by starting over). */
export function setClaims(list) { claims = list; }
let observations = []; // [{ value, label }] of the dataset as imported: what a claim can check
const blank = (c) => !c.text.trim() && !c.figure.trim();
export function claimsSent() { return claims.map((c, i) => ({ c, i })).filter(({ c }) => !blank(c)); }
// setChartText's claim row (1-based, among those sent) → the claim's index in the list
export function claimOfRow(row) { const s = claimsSent()[(row || 1) - 1]; return s ? s.i : 0; }
function claimOptions(select, value, none) {
  const opts = [new Option(none, '')];
  for (const o of observations) opts.push(new Option(o.label, o.value));
  if (value && !observations.some((o) => o.value === value)) {
    let shown = value;
    try { const [s, p] = JSON.parse(value); shown = `${s} · ${p}`; } catch (_) { /* as kept */ }
    opts.push(new Option(t('{what} (no longer in the data)', { what: shown }), value));
  }
  select.replaceChildren(...opts);
  select.value = value || '';
}
// A labelled field of a claim's or a view's row: <div class="{kind}-{f}"><label><tag id></div>
// appended to `parent`; the control (data-field = f) is returned.
export function labelled(parent, kind, id, tag, f, labelText, attrs) {
  const wrap = document.createElement('div');
  wrap.className = `${kind}-${f}`;
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = labelText;
  const el = document.createElement(tag);
  el.id = id;
  el.dataset.field = f;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  wrap.append(label, el);
  parent.append(wrap);
  return el;
}
export function renderClaims() {
  const list = $('claims');
  list.replaceChildren();
  claims.forEach((c, i) => {
    const li = document.createElement('li');
    li.dataset.index = String(i);
    const id = (f) => `claim-${i + 1}-${f}`;
    const field = (tag, f, labelText, attrs = {}) => labelled(li, 'claim', id(f), tag, f, labelText, attrs);
    const text = field('input', 'text', t('Claim {n}: in the story’s words', { n: i + 1 }), { type: 'text', autocomplete: 'off', placeholder: 'Exports to Japan fell 11.7% in 2020' });
    text.value = c.text;
    const kind = field('select', 'kind', t('What the figure is'));
    kind.append(new Option(t('An amount (in the dataset’s currency)'), 'money'), new Option(t('A percentage change'), 'percent'));
    kind.value = c.kind;
    const figure = field('input', 'figure', t('The figure, as printed'), { type: 'text', autocomplete: 'off', inputmode: 'decimal', placeholder: c.kind === 'percent' ? '-11.7' : '25,097.8' });
    figure.value = c.figure;
    const from = field('select', 'from', t('Change from (the earlier figure)'));
    claimOptions(from, c.from, t('Choose a figure…'));
    from.parentElement.hidden = c.kind !== 'percent';
    const obs = field('select', 'obs', c.kind === 'percent' ? t('Change to (the later figure)') : t('The figure in the data it checks'));
    claimOptions(obs, c.obs, t('Choose a figure…'));
    const verdict = document.createElement('p');
    verdict.className = 'verdict';
    verdict.id = id('verdict');
    li.append(verdict);
    const remove = button('remove-claim', t('Remove claim {n}', { n: i + 1 }), () => {
      claims.splice(i, 1);
      renderClaims();
      flow.save();
      flow.update();
      ($('claims').querySelector('li:last-child [data-field=text]') || $('add-claim')).focus();
    });
    li.append(remove);
    list.append(li);
  });
}
export function claimInput(e) {
  const li = e.target.closest('#claims li');
  if (!li) return false;
  const c = claims[Number(li.dataset.index)];
  const f = e.target.dataset.field;
  c[f] = e.target.value;
  if (f === 'kind') {
    li.querySelector('.claim-from').hidden = c.kind !== 'percent';
    li.querySelector('.claim-obs label').textContent = c.kind === 'percent' ? t('Change to (the later figure)') : t('The figure in the data it checks');
  }
  return true;
}
// The verdicts, from the dataset Rust gave back (its claims' status and note).
let claimsSaid = '';
export function renderVerdicts(dataset) {
  const d = dataset ? parsed(dataset) : null;
  const sent = claimsSent();
  const byId = new Map(((d && d.claims) || []).map((c) => [c.id, c]));
  let agree = 0, not = 0;
  claims.forEach((c, i) => {
    const p = document.getElementById(`claim-${i + 1}-verdict`);
    if (!p) return;
    const k = sent.findIndex((s) => s.i === i);
    const got = k >= 0 ? byId.get(`claim-${k + 1}`) : null;
    p.classList.toggle('agrees', !!got && got.status === 'agrees');
    p.classList.toggle('unsupported', !!got && got.status === 'unsupported');
    if (k < 0) p.textContent = t('Give the claim’s words and figure.');
    else if (!got) p.textContent = t('Checked once the problems listed are fixed.');
    else if (got.status === 'agrees') { agree++; p.textContent = t('✓ Agrees with the data.'); }
    else { not++; p.textContent = t('✗ Does not agree with the data. {note}', { note: typeof got.note === 'string' ? got.note : (got.note && got.note.en) || '' }); }
  });
  let text = agree + not ? t('Claims: {a} agree with the data, {b} do not.', { a: agree, b: not }) : '';
  if (lang === 'en') text = text.replace(/\b1 agree\b/, '1 agrees').replace(/\b1 do not/, '1 does not');
  if (text !== claimsSaid) { claimsSaid = text; $('claims-status').textContent = text; }
}
export function listObservations(dataset) {
  const d = parsed(dataset);
  if (!d) return;
  const en = (t) => (typeof t === 'string' ? t : (t && t.en) || '');
  const next = [];
  for (const s of d.series || []) {
    for (const o of s.observations || []) {
      if (o.value == null) continue;
      next.push({ value: JSON.stringify([s.id, o.period]), label: `${en(s.label)} · ${o.period}${o.category ? ` · ${en(o.category)}` : ''} · ${o.value}` });
    }
  }
  if (JSON.stringify(next) === JSON.stringify(observations)) return;
  observations = next;
  for (const li of $('claims').children) {
    const c = claims[Number(li.dataset.index)];
    claimOptions(li.querySelector('[data-field=obs]'), c.obs, t('Choose a figure…'));
    claimOptions(li.querySelector('[data-field=from]'), c.from, t('Choose a figure…'));
  }
}

export function newClaim(c = {}) {
  const s = (v) => (typeof v === 'string' ? v : '');
  return { text: s(c.text), kind: c.kind === 'percent' ? 'percent' : 'money', figure: s(c.figure), obs: s(c.obs), from: s(c.from) };
}
