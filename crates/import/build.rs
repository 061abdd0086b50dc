//! The one-file page's copy of `www/embed/frame-report.js` (publish.rs, `FRAME_SCRIPT`):
//! the file without its comments and needless whitespace (src/js_strip.rs), written to
//! OUT_DIR. The file itself keeps its comments; dist/embed.html loads it as it is.

#[path = "src/js_strip.rs"]
mod js_strip;

fn main() {
    const FILE: &str = "../../www/embed/frame-report.js";
    println!("cargo:rerun-if-changed={FILE}");
    println!("cargo:rerun-if-changed=src/js_strip.rs");
    let src = std::fs::read_to_string(FILE)
        .unwrap_or_else(|e| panic!("www/embed/frame-report.js: cannot read it: {e}"));
    let stripped = js_strip::strip(&src)
        .unwrap_or_else(|e| panic!("www/embed/frame-report.js: cannot strip it: {e}"));
    let out =
        std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("frame-report.js");
    std::fs::write(&out, stripped)
        .unwrap_or_else(|e| panic!("{}: cannot write it: {e}", out.display()));
}
