//! The check both limits suites make of a `too-large` error (tests/limits.rs and
//! crates/import/tests/limits.rs include this file).

use trade_chart::limits::Limit;
use trade_chart::{Error, ErrorKind};

/// `e` is the `too-large` error of `limit` at `path`, for `found`.
pub fn assert_limit(e: &Error, limit: Limit, path: &str, found: usize) {
    assert_eq!(e.kind(), ErrorKind::TooLarge, "{e}");
    assert_eq!(e.code(), "too-large");
    assert_eq!(e.path(), path, "{e}");
    assert_eq!(
        e.found(),
        Some(format!("{found} {}", limit.unit).as_str()),
        "{e}"
    );
    let at_most = format!("at most {} {}", limit.max, limit.unit);
    assert_eq!(e.expectation(), Some(at_most.as_str()), "{e}");
    assert!(
        e.message().starts_with(&format!(
            "{found} {}; the limit is {}",
            limit.unit, limit.max
        )),
        "{e}"
    );
}
