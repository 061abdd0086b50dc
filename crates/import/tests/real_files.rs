//! The real files of docs/REAL-FILES.md that today's readers already take: each file's
//! encoding guessed, and the saved API error read as what it is. The readers each later
//! part of issue 21 adds have their own `real_*.rs`. Every figure and word asserted here
//! was read off the file by hand (docs/REAL-FILES.md gives the lines).

#[path = "../../../tests/support/real.rs"]
mod real;

use trade_chart_import::comtrade::{self, ComtradeOptions};
use trade_chart_import::encoding;

/// Each file: the encoding guessed (as editors know it) and words of its first line.
const ENCODINGS: [(&str, &str, &str); 6] = [
    (
        "kr-kstat-italy-annual-cp949.csv",
        "EUC-KR (CP949)",
        "년,수출금액,수출증감률",
    ),
    (
        "cn-customs-soybean-imports-2024-gbk.csv",
        "GBK",
        "\"数据年月\",\"贸易伙伴编码\"",
    ),
    (
        "comtrade-plus-3-reporters-all-partners-cp1252.csv",
        "Windows-1252 (Latin-1)",
        "typeCode,freqCode",
    ),
    ("gr-elstat-sitc-eur.csv", "UTF-8", ""),
    ("us-census-china-monthly-semicolon.csv", "UTF-8", ""),
    ("comtrade-legacy-mx-eu28-imports.csv", "UTF-8", ""),
];

#[test]
fn each_encoding_is_guessed_as_the_file_was_written() {
    for (name, enc, first) in ENCODINGS {
        let Some(bytes) = real::read(name) else {
            return;
        };
        let (text, used) = encoding::decode(&bytes, None);
        assert_eq!(used.name, enc, "{name}");
        assert_eq!(used.guessed, !used.is_utf8(), "{name}");
        assert!(
            text.lines().next().unwrap().starts_with(first),
            "{name}: {:?}",
            text.lines().next()
        );
        assert!(
            !text.contains('\u{fffd}'),
            "{name}: a replacement character"
        );
    }
}

#[test]
fn the_guessed_korean_and_chinese_words_are_the_files_own() {
    let Some(bytes) = real::read("kr-kstat-italy-annual-cp949.csv") else {
        return;
    };
    let (text, _) = encoding::decode(&bytes, None);
    // Line 2 (docs/REAL-FILES.md): 2025, Korea's exports to Italy 4,505,575 thousand USD.
    assert!(text
        .lines()
        .nth(1)
        .unwrap()
        .starts_with("2025년,\"4,505,575\""));
    let Some(bytes) = real::read("cn-customs-soybean-imports-2024-gbk.csv") else {
        return;
    };
    let (text, _) = encoding::decode(&bytes, None);
    assert!(text.lines().next().unwrap().contains("\"人民币\""));
    assert!(text.contains("阿根廷"), "partner 402, Argentina");
}

#[test]
fn a_saved_query_complexity_message_is_not_a_table() {
    let Some(bytes) = real::read("comtrade-query-complexity-error.csv") else {
        return;
    };
    let e = comtrade::import("saved.csv", &bytes, &ComtradeOptions::default()).unwrap_err();
    assert_eq!(e[0].code(), "not-a-table", "{}", e[0]);
    assert!(e[0].to_string().contains("Query complexity"), "{}", e[0]);
}
