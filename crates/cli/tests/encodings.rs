//! Tables in the encodings editors' files come in, read by the built `trade-chart`:
//! guessed (CP949, GBK, Windows-1252), told by a byte-order mark (UTF-16), or named
//! (`--encoding`); each not-UTF-8 file says on stderr what it was read as. The tables
//! are made up here and encoded by the encoding's own encoder.

mod common;

use std::path::PathBuf;

use common::cli::run;
use trade_chart_import::encoding::Encoding;

const OBS: &str = "Series\tDirection\tPeriod\tValue\tUnit\tBasis\tSource IDs\tNote\n\
    \tKR>JP\t2019\t28,420.5\tUSD million\tCustoms\ts1\tNOTE\n\
    \tKR>JP\t2020\t25,097.8\tUSD million\tCustoms\ts1\t\n";
const SOURCES: &str = "ID\tPublisher\tTitle\tDate\tURL\n\
    s1\tPUBLISHER\tTITLE\t2022-01\thttps://example.invalid/stats\n";

fn dir(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("encodings-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The two tables with `words` (publisher, title, note) in them, written in `label`'s
/// encoding (`utf-16le`: with its byte-order mark); the observations' path.
fn tables(name: &str, label: &str, words: [&str; 3]) -> PathBuf {
    let d = dir(name);
    let fill = |t: &str| {
        t.replace("PUBLISHER", words[0])
            .replace("TITLE", words[1])
            .replace("NOTE", words[2])
    };
    let bytes = |text: &str| -> Vec<u8> {
        if label == "utf-16le" {
            let mut b = vec![0xff, 0xfe];
            b.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            return b;
        }
        let e = Encoding::for_label(label.as_bytes()).unwrap();
        let (b, _, unmappable) = e.encode(text);
        assert!(!unmappable);
        b.into_owned()
    };
    std::fs::write(d.join("observations.tsv"), bytes(&fill(OBS))).unwrap();
    std::fs::write(d.join("sources.tsv"), bytes(&fill(SOURCES))).unwrap();
    d.join("observations.tsv")
}

#[test]
fn each_encoding_is_read_and_said() {
    let korean = [
        "가상 통계청",
        "월별 무역 통계 (시험용)",
        "세관 통계, 잠정치",
    ];
    let chinese = ["虚构统计局", "月度贸易数据（测试用）", "海关统计，初步数"];
    let latin = [
        "Office fédéral (fictif)",
        "Échanges mensuels",
        "Côte d'Ivoire exclue",
    ];
    for (name, label, words, said) in [
        ("cp949", "euc-kr", korean, "read as EUC-KR (CP949) (guessed"),
        ("gbk", "gbk", chinese, "read as GBK (guessed"),
        (
            "latin",
            "windows-1252",
            latin,
            "read as Windows-1252 (Latin-1) (guessed",
        ),
        ("utf16", "utf-16le", korean, "read as UTF-16LE\n"),
    ] {
        let obs = tables(name, label, words);
        let out = obs.with_file_name("dataset.json");
        let (code, stdout, stderr) = run(&[
            "convert",
            obs.to_str().unwrap(),
            "--partner",
            "KR=Korea",
            "--partner",
            "JP=Japan",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{name}: {stdout}{stderr}");
        assert!(stderr.contains("not UTF-8: "), "{name}: {stderr}");
        assert!(stderr.contains(said), "{name}: {stderr}");
        let json = std::fs::read_to_string(&out).unwrap();
        for w in words {
            assert!(json.contains(w), "{name}: {w} not in the dataset");
        }
    }
}

#[test]
fn utf8_says_nothing_and_a_named_encoding_is_used() {
    let korean = ["가상 통계청", "월별 무역 통계", "세관 통계"];
    let obs = tables("utf8", "utf-8", korean);
    let (code, stdout, stderr) = run(&["check", obs.to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(!stderr.contains("UTF-8"), "{stderr}");
    // Named, it is read so, without "guessed"; named wrong, the text is that encoding's
    // reading (never the guess).
    let obs = tables("named", "euc-kr", korean);
    let (code, _, stderr) = run(&["check", "--encoding", "cp949", obs.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("read as EUC-KR (CP949)\n"), "{stderr}");
    let out = obs.with_file_name("as-gbk.json");
    let (_, _, stderr) = run(&[
        "convert",
        "--encoding",
        "gbk",
        obs.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(stderr.contains("read as GBK\n"), "{stderr}");
    if let Ok(json) = std::fs::read_to_string(&out) {
        assert!(!json.contains(korean[0]));
    }
    // Named wrong where that encoding cannot decode the bytes: an error at the first
    // bad byte, with the guess (never text with U+FFFD in it).
    let out = obs.with_file_name("as-utf8.json");
    let (code, _, stderr) = run(&[
        "convert",
        "--encoding",
        "utf-8",
        obs.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(!out.exists());
    let line = stderr
        .lines()
        .find(|l| l.contains("expected valid UTF-8"))
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(line.starts_with(&format!("{}:", obs.display())), "{line}");
    assert!(line.contains(", found 0x"), "{line}");
    assert!(line.contains("--encoding euc-kr"), "{line}");
    // An encoding it does not know is a usage error naming the flag.
    let (code, _, stderr) = run(&["check", "--encoding", "klingon", obs.to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--encoding"), "{stderr}");
    assert!(stderr.contains("klingon"), "{stderr}");
}
