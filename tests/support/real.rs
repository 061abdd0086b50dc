//! The real files of docs/REAL-FILES.md, for the tests that read them
//! (crates/import/tests/real_*.rs and crates/cli/tests/real_*.rs include this file).
//!
//! The files are not in this repository (docs/REAL-FILES.md says why). They are read from
//! `$TRADE_CHART_REAL_FILES`, else from `../shared/real/` beside the repository. When that
//! folder is absent, [`read`] says so on stderr and returns `None`: the test returns
//! without asserting. When it is there, every file must be there too and its bytes must
//! have the SHA-256 docs/REAL-FILES.md gives: the figures asserted were read off exactly
//! those bytes.
#![allow(dead_code)]

use sha2::{Digest, Sha256};
use std::path::PathBuf;

/// The repository's root (this file is `tests/support/real.rs`).
fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR")))
        .ancestors()
        .find(|p| p.join("docs/REAL-FILES.md").is_file())
        .expect("docs/REAL-FILES.md above the crate")
        .to_path_buf()
}

/// The folder the real files are in, when there is one.
pub fn dir() -> Option<PathBuf> {
    let d = match std::env::var_os("TRADE_CHART_REAL_FILES") {
        Some(d) => PathBuf::from(d),
        None => root().join("../shared/real"),
    };
    d.is_dir().then_some(d)
}

/// The SHA-256 docs/REAL-FILES.md gives `name` (its table's last column).
fn sha256_of(name: &str) -> String {
    let doc = std::fs::read_to_string(root().join("docs/REAL-FILES.md")).unwrap();
    let row = doc
        .lines()
        .find(|l| l.starts_with(&format!("| `{name}` |")))
        .unwrap_or_else(|| panic!("{name}: no row in docs/REAL-FILES.md's table"));
    row.trim_end_matches(|c: char| c == '|' || c.is_whitespace())
        .rsplit('|')
        .next()
        .unwrap()
        .trim()
        .trim_matches('`')
        .to_string()
}

/// The path of real file `name`, checked, or `None` (said on stderr) when the real files
/// are not on this machine.
pub fn path(name: &str) -> Option<PathBuf> {
    let Some(d) = dir() else {
        eprintln!("skipped: the real files are not here ($TRADE_CHART_REAL_FILES or ../shared/real): {name}");
        return None;
    };
    let p = d.join(name);
    let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    let got = format!("{:x}", Sha256::digest(&bytes));
    assert_eq!(
        got,
        sha256_of(name),
        "{name}: not the bytes docs/REAL-FILES.md describes"
    );
    Some(p)
}

/// The bytes of real file `name`, checked, or `None` as for [`path`].
pub fn read(name: &str) -> Option<Vec<u8>> {
    path(name).map(|p| std::fs::read(p).unwrap())
}
