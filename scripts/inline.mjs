// A script's text made safe between <script> and </script>, for the pages the build writes
// in Node (dist/trade-chart-demo.html by package.mjs, dist/trade-chart-builder.html by
// builder-one-file.mjs), where there is no wasm to ask. The page a reader or an editor
// makes (`trade-chart bundle`, the builder's "one HTML file") is Rust's:
// crates/import/src/publish.rs `inline_script`, whose rules these are, and why:
// every `</script`, in any case, written `<\/script`; a text with `<!--` refused, not
// escaped (after it an HTML parser no longer ends the element at the first `</script>`
// when a `<script` comes between, and its escape `<\!--` is not the same JavaScript
// everywhere). `what` names the file in the error.
export function inlineScript(text, what) {
  if (text.includes('<!--')) throw new Error(`${what}: contains "<!--": cannot put it inline`);
  return text.replace(/<\/(script)/gi, '<\\/$1');
}
