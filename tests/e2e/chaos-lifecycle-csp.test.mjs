// The chaos suite's lifecycle tests again (issue 13: "everything above also with the page
// under the strict CSP of the embed issue"): chaos-lifecycle.test.mjs with every page it
// opens under default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';
// img-src 'self' data: blob: (README), a violation failing the test as a console error.
globalThis.CHAOS_CSP = true;
await import('./chaos-lifecycle.test.mjs');
