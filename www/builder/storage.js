// @ts-check
import { $, radio, setRadio } from './dom.js';
import { t } from './lang.js';
import { say } from './status.js';
import { held, heldEncoding, hold, keptFile } from './files.js';
import { claims, newClaim, setClaims } from './claims-editor.js';
import { views, newView, setViews } from './views-editor.js';
import { annotations, newAnnotation, setAnnotations } from './annotations-editor.js';
import { keptAsked, setAsked } from './asked.js';

export const KEY = 'trade-chart-builder:v1';
export const FIELDS = ['ui-lang', 'observations', 'sources', 'comtrade', 'json', 'accessed', 'title', 'subtitle', 'notes', 'credit',
  'title-ko', 'title-zh', 'subtitle-ko', 'subtitle-zh', 'notes-ko', 'notes-zh', 'credit-ko', 'credit-zh',
  'src-id', 'src-publisher', 'src-title', 'src-date', 'src-url', 'partner-a-code', 'partner-a-name', 'partner-b-code', 'partner-b-name', 'unit', 'one-publisher', 'one-title', 'one-url', 'one-date',
  'data-url', 'page-url', 'base-url'];
const RADIOS = ['kind', 'decimal', 'width', 'theme', 'plang', 'data-in'];

// ---- nothing lost: the controls in localStorage ----
export function save() {
  const state = {};
  for (const f of FIELDS) state[f] = $(f).value;
  for (const r of RADIOS) state['radio:' + r] = radio(r);
  state.claims = claims;
  state.views = views;
  state.annotations = annotations;
  state.asked = keptAsked();
  state.held = Object.fromEntries(Object.entries(held).filter(([, f]) => f).map(([id, f]) => [id, { name: f.name, size: f.size, encoding: heldEncoding[id] }]));
  try {
    localStorage.setItem(KEY, JSON.stringify(state));
  } catch (_) {
    say(t('This is too big to keep in the browser: download the dataset before closing the page.'));
  }
}
// Whether this browser decodes `label` (a kept encoding may come from another).
function decodes(label) {
  try { return !!new TextDecoder(label); } catch (_) { return false; }
}
export async function restore() {
  let state = null;
  try { state = JSON.parse(localStorage.getItem(KEY) || 'null'); } catch (_) { /* nothing kept */ }
  if (!state || typeof state !== 'object') return false;
  for (const f of FIELDS) if (typeof state[f] === 'string') $(f).value = state[f];
  for (const r of RADIOS) if (typeof state['radio:' + r] === 'string') setRadio(r, state['radio:' + r]);
  if (typeof state['radio:plang'] !== 'string' && typeof state['ui-lang'] === 'string') setRadio('plang', state['ui-lang']);
  if (Array.isArray(state.claims)) {
    setClaims(state.claims.filter((c) => c && typeof c === 'object').map((c) => newClaim(c)));
  }
  setAsked(state.asked);
  setViews(Array.isArray(state.views) ? state.views.filter((v) => v && typeof v === 'object').map((v) => newView(v)) : null);
  setAnnotations(Array.isArray(state.annotations) ? state.annotations.filter((a) => a && typeof a === 'object').map((a) => newAnnotation(a)) : null);
  // the files too large to show: back from IndexedDB (their first lines are in the textarea)
  const kept = state.held && typeof state.held === 'object' ? state.held : {};
  for (const id of Object.keys(held)) {
    if (!kept[id]) continue;
    const file = await keptFile(id);
    const enc = kept[id].encoding;
    const encoding = enc && typeof enc === 'object' && typeof enc.label === 'string' && decodes(enc.label) ? { label: enc.label, guessed: !!enc.guessed } : null;
    if (file) hold(id, file, $(id).value, encoding);
    else {
      $(id).value = '';
      $('action-status').textContent = t('The file {name} is no longer kept in this browser: open it again.', { name: String(kept[id].name) });
    }
  }
  return true;
}
