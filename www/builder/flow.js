// @ts-check
// What an editor's change sets going: keep the work (storage.js) and read it again
// (update.js). builder.js sets both at the start, so the editors need not import the
// steps that import them.
export const flow = {
  /** Keeps the controls in localStorage. */
  save() {},
  /** Reads and checks the data again, now. */
  update() {},
};
