// @ts-check
// Errors. Every error the shell throws is an Error with a `.code`; what the wasm throws
// keeps its own `.code`, `.path`, `.row` and `.column` (it is passed through as it is).

// An Error of the shell's own: `code` names the case for a program, `message` the reader.
/**
 * @param {string} code
 * @param {string} message
 * @param {ErrorConstructor | TypeErrorConstructor} [Type]
 * @returns {Error & { code: string }}
 */
export function shellError(code, message, Type = Error) {
  const e = /** @type {Error & { code: string }} */ (new Type(message));
  e.code = code;
  return e;
}

// Anything wasm throws (a JsValue, a string, a trap) becomes an Error with its message.
export function asError(e) {
  if (e instanceof WebAssembly.RuntimeError) {
    const err = /** @type {Error & { code: string }} */ (new Error('trade-chart stopped after an internal error: ' + e.message, { cause: e }));
    err.code = 'stopped';
    return err;
  }
  if (e instanceof Error) return e;
  return new Error(typeof e === 'string' ? e : String((e && e.message) || e));
}
