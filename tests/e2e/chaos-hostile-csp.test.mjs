// The chaos suite's hostile tests again (issue 13: "everything above also with the page
// under the strict CSP of the embed issue"): chaos-hostile.test.mjs with every page it
// opens under default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';
// img-src 'self' data: blob: (README), a violation failing the test as a console error.
globalThis.CHAOS_CSP = true;
await import('./chaos-hostile.test.mjs');
