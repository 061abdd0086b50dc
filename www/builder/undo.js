// @ts-check
import { $, radio, setRadio, showKind } from './dom.js';
import { t } from './lang.js';
import { held, heldEncoding, hold, unhold, keepFile } from './files.js';
import { flow } from './flow.js';
import { keptAsked, setAsked } from './asked.js';

// ---- undo the last paste (one level) ----
let undo = null;
/** Starting over: nothing to undo. */
export function forgetUndo() { undo = null; }
export function snapshot(areas, what) {
  undo = { what, values: areas.map((a) => [a.id, a.value, held[a.id] || null, heldEncoding[a.id]]), kind: radio('kind'), asked: keptAsked() };
  $('undo-row').hidden = false;
  $('undo-what').textContent = `(${what})`;
}
export function undoPaste() {
  if (!undo) return;
  for (const [id, value, file, encoding] of undo.values) {
    if (file) { hold(id, file, value, encoding); keepFile(id, file); } else { unhold(id); $(id).value = value; }
  }
  if (undo.kind) setRadio('kind', undo.kind);
  setAsked(undo.asked); // the choices made for what the paste replaced
  const first = $(undo.values[0][0]);
  undo = null;
  $('undo-row').hidden = true;
  showKind();
  flow.save();
  flow.update();
  first.focus();
  $('action-status').textContent = t('The last paste is undone.');
}
