// @ts-check
// The builder's own words in English, Korean or Chinese (words.js): the page's static text,
// taken when this module first runs, before the script writes anything, and t() for the rest.
import { translate, LANGS } from './words.js';
import { $ } from './dom.js';

// ---- the page's own words: English, Korean, Chinese (words.js) ----
export let lang = 'en';
export const t = (en, vars) => translate(lang, en, vars);
/** An editor's text in English, or by language when Korean or Chinese is given (Rust wants
 * the English too, and says so at the field). */
export function byLang(en, ko, zh) {
  [en, ko, zh] = [en, ko, zh].map((s) => (s || '').trim());
  return ko || zh ? { en, ko, zh } : en;
}
// The static page's text nodes with their English, taken before anything is written in the
// containers the script fills itself.
const DYNAMIC = '.held-what, #busy-what, #status, #errors, #warnings, #source-problems, #source-check-status, #claims, #claims-status, #action-status, '
  + '#views, #views-series, #views-status, #annotations, #annotations-status, #read-facts, '
  + '#download-status, #copy-status, #undo-what, #preview-frame, #warnings-count, textarea, select, script, style';
const STATIC = [];
{
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n; (n = walk.nextNode());) {
    if (n.parentElement.closest(DYNAMIC) || !n.textContent.trim()) continue;
    STATIC.push([n, n.textContent]);
  }
}
const TITLE = document.title;
export function setLang(next) {
  lang = LANGS.includes(next) ? next : 'en';
  document.documentElement.lang = lang;
  document.title = t(TITLE.replace(/ · trade-chart$/, '')) + ' · trade-chart';
  for (const [node, en] of STATIC) {
    const [, before, text, after] = en.match(/^(\s*)([\s\S]*?)(\s*)$/);
    const said = t(text);
    node.textContent = said ? before + said + after : '';
  }
  if ($('ui-lang').value !== lang) $('ui-lang').value = lang;
}
