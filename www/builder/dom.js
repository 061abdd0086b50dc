// @ts-check
// The page's controls: by id, a button, the radio groups, which inputs show for the kind of data.
/** An element of the page by its id (the page's own: the controls the script reads and writes). @type {(id: string) => any} */
export const $ = (id) => document.getElementById(id);
/** A `<button type="button">` of `className` saying `text` that calls `onClick`. */
export function button(className, text, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}
/** The value of the checked radio button of a group ('' when none). @type {(name: string) => string} */
export const radio = (name) => (/** @type {HTMLInputElement | { value?: string }} */ (document.querySelector(`input[name="${name}"]:checked`) || {})).value || '';
export const setRadio = (name, value) => {
  for (const r of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll(`input[name="${name}"]`))) r.checked = r.value === value;
};

// ---- which inputs show for the kind of data ----
export function showKind() {
  const kind = radio('kind') || 'tables';
  for (const el of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-kind]'))) el.hidden = !el.dataset.kind.split(' ').includes(kind);
  if (kind !== 'tables') $('decimal-ask').hidden = true;
  else if (radio('decimal')) $('decimal-ask').hidden = false;
}
