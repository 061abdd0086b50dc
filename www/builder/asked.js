// @ts-check
// What the editor chose in "What I read" (reading.js) that the data's import takes as
// options: a wide table's columns (`flows`, each the choice's value as Rust gave it:
// "#2=KR>IT"), kept with the header row they were chosen for, so a table pasted in its
// place is read afresh; a Comtrade download's pair (`pair`: "KOR,CHN") and product
// (`commodity`: "85"; "" for every product); a long office table's product (`product`:
// its code, sent as the tables' `commodity`), kept with the header row it was chosen for
// (`productHeader`), as the columns are. Kept with the work (storage.js) and in the undo
// snapshot (undo.js).

/** @type {{ header: string, flows: string[], pair: string, commodity: string, product: string, productHeader: string }} */
export const asked = { header: '', flows: [], pair: '', commodity: '', product: '', productHeader: '' };

// The header row a table's column choices belong to.
export const headerOf = (text) => text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0];

/** A column's choice ("#3=skip") for the table whose first line is `header`: it replaces that column's earlier one. */
export function chooseFlow(value, header) {
  if (!value) return; // "Choose what it holds": nothing chosen
  if (asked.header !== header) asked.flows = [];
  const col = value.slice(0, value.indexOf('=') + 1);
  asked.flows = [...asked.flows.filter((f) => !f.startsWith(col)), value];
  asked.header = header;
}
/** The column choices for the table whose first line is `header` (none for another table). */
export const flowsFor = (header) => (asked.header === header ? asked.flows : []);

/** A long table's product (its code) for the table whose first line is `header`. */
export function chooseProduct(value, header) {
  asked.product = value;
  asked.productHeader = header;
}
/** The product chosen for the table whose first line is `header` ("" for another table). */
export const productFor = (header) => (asked.productHeader === header ? asked.product : '');

/** The choices as kept (a copy). */
export const keptAsked = () => ({ ...asked, flows: [...asked.flows] });
/** Back to kept choices (checked: storage may hold anything), or none. */
export function setAsked(kept) {
  const k = kept && typeof kept === 'object' ? kept : {};
  asked.header = typeof k.header === 'string' ? k.header : '';
  asked.flows = Array.isArray(k.flows) ? k.flows.filter((f) => typeof f === 'string') : [];
  asked.pair = typeof k.pair === 'string' ? k.pair : '';
  asked.commodity = typeof k.commodity === 'string' ? k.commodity : '';
  asked.product = typeof k.product === 'string' ? k.product : '';
  asked.productHeader = typeof k.productHeader === 'string' ? k.productHeader : '';
}
