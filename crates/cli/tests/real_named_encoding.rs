//! The command line, as built, on real files of docs/REAL-FILES.md read in an encoding
//! named wrong on purpose (`--encoding utf-8`): an error at the first byte it cannot
//! decode, naming what it found and the encoding the bytes look written in, not text
//! with U+FFFD in it ("C\u{fffd}te d'Ivoire") or unrelated errors.

#[path = "../../../tests/support/real.rs"]
mod real;

mod common;
use common::cli::run;

fn out(name: &str) -> std::path::PathBuf {
    let d = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-real-named");
    std::fs::create_dir_all(&d).unwrap();
    d.join(name)
}

#[test]
fn comtrade_windows_1252_named_utf8_is_an_error_at_cote_d_ivoire() {
    let Some(f) = real::path("comtrade-plus-3-reporters-all-partners-cp1252.csv") else {
        return;
    };
    let f = f.to_str().unwrap().to_string();
    let o = out("ct-civ.json");
    let _ = std::fs::remove_file(&o);
    let (code, _, err) = run(&[
        "convert",
        &f,
        "--encoding",
        "utf-8",
        "--pair",
        "CHN,CIV",
        "-o",
        o.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(!o.exists(), "nothing written");
    let errors: Vec<&str> = err.lines().filter(|l| !l.starts_with("warning")).collect();
    assert_eq!(errors.len(), 1, "{err}");
    // The first non-ASCII byte of the file: the ô (0xF4) of "Côte d'Ivoire".
    let e = errors[0];
    assert!(e.starts_with(&format!("{f}:")), "{e}");
    assert!(
        e.contains(": expected valid UTF-8, found 0xF4 (byte 30445); "),
        "{e}"
    );
    assert!(
        e.contains("the bytes look like Windows-1252 (Latin-1): --encoding windows-1252"),
        "{e}"
    );
    // Not named, it is read (as Windows-1252) and the pair charted.
    let (code, _, err) = run(&[
        "convert",
        &f,
        "--pair",
        "CHN,CIV",
        "-o",
        o.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read_to_string(&o)
        .unwrap()
        .contains("Côte d'Ivoire"));
}

#[test]
fn kstat_cp949_named_utf8_is_an_error_at_its_first_byte() {
    let Some(f) = real::path("kr-kstat-italy-annual-cp949.csv") else {
        return;
    };
    let f = f.to_str().unwrap().to_string();
    let (code, _, err) = run(&[
        "check",
        &f,
        "--encoding",
        "utf-8",
        "--partner",
        "KR=South Korea",
        "--partner",
        "IT=Italy",
        "--unit",
        "USD thousand",
        "--source",
        "KITA | K-stat | https://stat.kita.net",
    ]);
    assert_eq!(code, 1, "{err}");
    let errors: Vec<&str> = err.lines().filter(|l| !l.starts_with("warning")).collect();
    assert_eq!(errors.len(), 1, "only the encoding's error: {err}");
    // docs/REAL-FILES.md: "the first byte is 0xB3" (년 is 0xB3 0xE2 in CP949).
    assert_eq!(
        errors[0],
        format!(
            "{f}:1:1: expected valid UTF-8, found 0xB3 (byte 1); the bytes look like \
             EUC-KR (CP949): --encoding euc-kr, or none to let it be guessed"
        )
    );
}
