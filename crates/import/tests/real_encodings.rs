//! The encoding detector (crates/import/src/encoding.rs) on all fourteen real files of
//! docs/REAL-FILES.md: each read as the list says it was written, guessed where it is
//! not UTF-8. The same plan and choice the builder makes with the browser's decoders;
//! here encoding_rs decodes the candidates, as the command line does.
#![cfg(feature = "encodings")]

#[path = "../../../tests/support/real.rs"]
mod real;

use trade_chart_import::encoding::{self, Plan};

/// Each file: the label it is read in, whether that is a guess, and the start of its
/// first line as decoded.
const FILES: [(&str, &str, bool, &str); 14] = [
    (
        "kr-kstat-italy-annual-cp949.csv",
        "euc-kr",
        true,
        "년,수출금액,수출증감률,수출중량",
    ),
    (
        "cn-customs-soybean-imports-2024-gbk.csv",
        "gbk",
        true,
        "\"数据年月\",\"贸易伙伴编码\",\"贸易伙伴名称\"",
    ),
    (
        "us-census-china-monthly-semicolon.csv",
        "utf-8",
        false,
        "Month;Exports;Imports;Balance",
    ),
    (
        "jp-customs-china-monthly-jpy-thousand.csv",
        "utf-8",
        false,
        "Date;Exports;Imports",
    ),
    (
        "kr-kosis-china-monthly.csv",
        "utf-8",
        false,
        "\"Country\",\"Date\",Exports,Imports",
    ),
    (
        "gr-elstat-sitc-eur.csv",
        "utf-8",
        false,
        "YEAR,FLOW,SITC_1,DESCR_SITC_GR",
    ),
    (
        "comtrade-plus-3-reporters-all-partners-cp1252.csv",
        "windows-1252",
        true,
        "typeCode,freqCode,refPeriodId",
    ),
    (
        "comtrade-plus-services-germany-cp1252.csv",
        "windows-1252",
        true,
        "typeCode,freqCode,refPeriodId",
    ),
    (
        "comtrade-legacy-indonesia-many-partners.csv",
        "utf-8",
        false,
        "Classification,Year,Period",
    ),
    (
        "comtrade-legacy-mx-eu28-imports.csv",
        "utf-8",
        false,
        "Classification,Year,Period",
    ),
    (
        "comtrade-legacy-mx-many-reporters-cement.csv",
        "utf-8",
        false,
        "Classification,Year,Period",
    ),
    (
        "comtrade-codes-only-india-china-2010.csv",
        "utf-8",
        false,
        "Year,Reporter Code,Trade Flow Code",
    ),
    (
        "comtrade-api-codes-only-china-imports-8542.csv",
        "utf-8",
        false,
        "typeCode,freqCode",
    ),
    (
        "comtrade-query-complexity-error.csv",
        "utf-8",
        false,
        "Query complexity:",
    ),
];

#[test]
fn each_real_file_is_read_in_the_encoding_it_was_written_in() {
    for (name, label, guessed, first) in FILES {
        let Some(bytes) = real::read(name) else {
            return;
        };
        let (text, used) = encoding::decode(&bytes, None);
        assert_eq!((used.label, used.guessed), (label, guessed), "{name}");
        let line = text.lines().next().unwrap();
        assert!(line.starts_with(first), "{name}: {line:?}");
        assert!(
            !text.contains('\u{fffd}'),
            "{name}: a replacement character"
        );
    }
}

#[test]
fn the_legacy_files_are_chosen_among_decodings_that_all_succeed() {
    // docs/REAL-FILES.md: K-stat's CP949 also decodes as GBK and Windows-1252, China's
    // GBK as Windows-1252 (not as EUC-KR), Comtrade's Windows-1252 as GBK too: validity
    // alone cannot choose; the texts' score does.
    for (name, tried, decoded) in [
        (
            "kr-kstat-italy-annual-cp949.csv",
            vec!["euc-kr", "gbk", "windows-1252"],
            vec!["euc-kr", "gbk", "windows-1252"],
        ),
        (
            "cn-customs-soybean-imports-2024-gbk.csv",
            vec!["euc-kr", "gbk", "windows-1252"],
            vec!["gbk", "windows-1252"],
        ),
        (
            "comtrade-plus-3-reporters-all-partners-cp1252.csv",
            vec!["euc-kr", "gbk", "windows-1252"],
            vec!["gbk", "windows-1252"],
        ),
    ] {
        let Some(bytes) = real::read(name) else {
            return;
        };
        let Plan::Try(labels) = encoding::plan(&bytes) else {
            panic!("{name}: not a guess");
        };
        assert_eq!(labels, tried, "{name}");
        let ok: Vec<&str> = labels
            .iter()
            .copied()
            .filter(|l| encoding::sample_text(l, &bytes).is_some())
            .collect();
        assert_eq!(ok, decoded, "{name}");
    }
}

#[test]
fn the_korean_and_chinese_figures_read_as_the_files_write_them() {
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
    // Line 3: 202401, 巴西 (Brazil), 16,536,067,327 yuan.
    let line = text.lines().nth(2).unwrap();
    assert!(line.contains("\"巴西\""), "{line}");
    assert!(line.contains("\"16,536,067,327\""), "{line}");
}
