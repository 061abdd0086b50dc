//! The `trade-chart` command line, run as built: exit codes and output of each
//! subcommand. The tables are the made-up fixtures of tests/fixtures/import/.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, ExitStatus, Output, Stdio};

mod common;
use common::cli::{run, BIN};
use trade_chart::Dataset;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/import");

fn run_owned(args: &[String]) -> (i32, String, String) {
    run(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

/// A fresh directory for one test's files.
fn dir(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn fixture(f: &str) -> String {
    format!("{FIXTURES}/{f}")
}

#[test]
fn check_a_table_with_its_sources_beside_it_and_json() {
    let obs = fixture("observations.tsv");
    let (code, out, err) = run(&["check", &obs, &fixture("kr-jp.json")]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            format!(
                "{obs}: ok: 4 series, 10 observations, 2 sources, 3 views, 0 annotations (2 gaps, 0 warnings)"
            ),
            format!(
                "{}: ok: 4 series, 10 observations, 2 sources, 3 views, 0 annotations",
                fixture("kr-jp.json")
            ),
        ]
    );
    // The embedded default dataset checks too.
    let kp = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/kp-cn.json");
    assert_eq!(run(&["check", kp]).0, 0);
}

#[test]
fn check_reports_every_bad_cell_as_file_row_column() {
    let d = dir("bad");
    let obs = d.join("obs.csv");
    std::fs::write(
        &obs,
        "direction,period,value,unit,sources\n\
         KR>JP,2020,\"1,234.5\",USD million,s1\n\
         KR>JP,2021,lots,USD million,s1\n\
         KR>JP,20211,5,USD million,s1\n",
    )
    .unwrap();
    let sources = d.join("refs.csv");
    std::fs::write(
        &sources,
        "id,publisher,title,url\ns1,Made-up Office,Invented,https://example.invalid/x\n",
    )
    .unwrap();
    let (o, s) = (obs.to_str().unwrap(), sources.to_str().unwrap());
    let (code, out, err) = run(&["check", o, "--sources", s]);
    assert_eq!(code, 1, "{out}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert_eq!(
        lines[0],
        format!("{o}:3:3: value: expected a number like 1234.5, 1,234.5, 1.234,5 or 1 234,5, found \"lots\"")
    );
    assert!(lines[1].starts_with(&format!("{o}:4:2: period: ")), "{err}");
    // Without a sources table: an error naming the file, exit 1.
    let (code, _, err) = run(&["check", o]);
    assert_eq!(code, 1);
    assert!(err.starts_with(&format!("{o}: no sources table")), "{err}");
}

#[test]
fn check_reports_json_errors_with_their_path() {
    let d = dir("json");
    let bad = d.join("bad.json");
    let text = std::fs::read_to_string(fixture("kr-jp.json"))
        .unwrap()
        .replacen("28420.5", "-28420.5", 1);
    std::fs::write(&bad, text).unwrap();
    let b = bad.to_str().unwrap();
    let (code, _, err) = run(&["check", b]);
    assert_eq!(code, 1);
    assert_eq!(
        err.trim(),
        format!(
            "{b}: series[0].observations[0].value: expected a finite number ≥ 0, found -28420.5"
        )
    );
}

#[test]
fn convert_writes_the_dataset_json_which_validates() {
    let d = dir("convert");
    let out = d.join("dataset.json");
    let (code, _, err) = run(&[
        "convert",
        &fixture("observations.tsv"),
        &fixture("sources.tsv"),
        "--partner",
        "KR=South Korea",
        "--partner",
        "JP=Japan",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let json = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        json,
        std::fs::read_to_string(fixture("kr-jp.json")).unwrap()
    );
    Dataset::from_json(&json).unwrap();
    // JSON in, JSON out: the same dataset.
    let again = d.join("again.json");
    let (code, _, _) = run(&[
        "convert",
        out.to_str().unwrap(),
        "-o",
        again.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert_eq!(std::fs::read_to_string(&again).unwrap(), json);
    // An ambiguous column: exit 1 and nothing written; --decimal resolves it.
    let amb = d.join("amb.tsv");
    std::fs::write(
        &amb,
        "direction\tperiod\tvalue\tunit\tsources\nKR>JP\t2020\t1,234\tUSD\tdemo-stats\n",
    )
    .unwrap();
    let srcs = fixture("sources.tsv");
    let target = d.join("amb.json");
    let args = |extra: &[&'static str]| {
        let mut a = vec!["convert", amb.to_str().unwrap(), "--sources", &srcs];
        a.extend_from_slice(extra);
        a.extend_from_slice(&["-o", target.to_str().unwrap()]);
        a.into_iter().map(String::from).collect::<Vec<_>>()
    };
    let (code, _, err) = run_owned(&args(&[]));
    assert_eq!(code, 1);
    assert!(
        err.contains("amb.tsv:2:3: value: \"1,234\": could be"),
        "{err}"
    );
    assert!(!target.exists());
    let (code, _, err) = run_owned(&args(&["--decimal", ","]));
    assert_eq!(code, 0, "{err}");
    let ds = Dataset::from_json(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(ds.series[0].observations[0].value, 1.234);
}

#[test]
fn render_draws_a_view_as_svg() {
    let d = dir("render");
    let out = d.join("chart.svg");
    let o = out.to_str().unwrap();
    let (code, _, err) = run(&[
        "render",
        &fixture("kr-jp.json"),
        "--view",
        "annual-flows",
        "--width",
        "640",
        "-o",
        o,
    ]);
    assert_eq!(code, 0, "{err}");
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.starts_with("<svg width=\"640\""), "{}", &svg[..80]);
    assert!(svg.contains("Exports each way between South Korea and Japan, by year"));
    assert!(svg.contains("Made-up Statistics Office"));
    // The same picture as the library's DatasetChart::svg.
    let ds = Dataset::from_json(&std::fs::read_to_string(fixture("kr-jp.json")).unwrap()).unwrap();
    let chart =
        trade_chart::DatasetChart::new(ds, &trade_chart::Options::new(Some("annual-flows"), None))
            .unwrap();
    assert_eq!(svg, chart.svg(640.0).unwrap());
    // From the table directly, dark, in Korean.
    let (code, _, err) = run(&[
        "render",
        &fixture("observations.tsv"),
        "--view",
        "monthly",
        "--theme",
        "dark",
        "--lang",
        "ko",
        "-o",
        o,
    ]);
    assert_eq!(code, 0, "{err}");
    let dark = std::fs::read_to_string(&out).unwrap();
    let background = dark.lines().nth(1).unwrap();
    assert!(
        background.starts_with("<rect") && !background.contains("#FFFFFF"),
        "not dark: {background}"
    );
    // An unknown view is an error in the dataset's terms: exit 1.
    let (code, _, err) = run(&["render", &fixture("kr-jp.json"), "--view", "nope", "-o", o]);
    assert_eq!(code, 1);
    assert!(
        err.starts_with("--view: expected one of annual-total"),
        "{err}"
    );
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    let kj = fixture("kr-jp.json");
    for args in [
        &[][..],
        &["frobnicate"][..],
        &["check"][..],
        &["check", &kj, "--bogus"][..],
        &["convert", &kj][..],
        &["render", &kj, "-o", "x.svg"][..],
        &[
            "render",
            &kj,
            "--view",
            "annual-total",
            "--theme",
            "blue",
            "-o",
            "x.svg",
        ][..],
        &["check", &kj, "--decimal", "x"][..],
    ] {
        let (code, out, err) = run(args);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(!err.is_empty(), "{args:?}");
    }
    for (cmd, first) in [
        ("check", "usage: trade-chart check"),
        ("convert", "usage: trade-chart convert"),
        ("render", "usage: trade-chart render"),
    ] {
        let (code, out, _) = run(&[cmd, "--help"]);
        assert_eq!(code, 0);
        assert!(out.starts_with(first), "{out}");
        assert!(out.contains("--decimal"), "{out}");
    }
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("trade-chart check FILE"));
}

/// The write end of a pipe whose reader has gone: `true`'s standard input once `true` has
/// exited. The binary's first write to it fails with EPIPE, whenever it writes.
fn closed_pipe() -> Stdio {
    let mut reader = Command::new("true").stdin(Stdio::piped()).spawn().unwrap();
    let pipe = reader.stdin.take().unwrap();
    reader.wait().unwrap();
    Stdio::from(pipe)
}

/// Runs the binary with `args` and the stream `closed` (1: stdout, 2: stderr) a pipe with
/// no reader: its exit status and what it wrote on the other stream.
fn run_closed(args: &[&str], closed: u8) -> (ExitStatus, String) {
    let mut command = Command::new(BIN);
    command.args(args);
    if closed == 1 {
        command.stdout(closed_pipe()).stderr(Stdio::piped());
    } else {
        command.stderr(closed_pipe()).stdout(Stdio::piped());
    }
    let Output {
        status,
        stdout,
        stderr,
    } = command.output().unwrap();
    let other = if closed == 1 { stderr } else { stdout };
    (status, String::from_utf8(other).unwrap())
}

/// `trade-chart … | head -1`: the stream `which` (1: stdout, 2: stderr, 3: both, as with
/// `2>&1`) read up to its first line, then closed while the binary has more to write.
fn head_1(args: &[String], which: u8) -> (String, ExitStatus, String) {
    let mut command = if which == 3 {
        let mut c = Command::new("sh");
        c.args(["-c", "exec \"$0\" \"$@\" 2>&1", BIN]);
        c
    } else {
        Command::new(BIN)
    };
    command.args(args).stdin(Stdio::null());
    if which == 2 {
        command.stderr(Stdio::piped()).stdout(Stdio::piped());
    } else {
        command.stdout(Stdio::piped()).stderr(Stdio::piped());
    }
    let mut child = command.spawn().unwrap();
    let pipe: Box<dyn std::io::Read> = if which == 2 {
        Box::new(child.stderr.take().unwrap())
    } else {
        Box::new(child.stdout.take().unwrap())
    };
    let mut first = String::new();
    BufReader::new(pipe).read_line(&mut first).unwrap();
    // BufReader and pipe dropped: the reader has gone, as `head -1` leaves.
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().unwrap();
    let rest = if which == 2 { stdout } else { stderr };
    (first, status, String::from_utf8_lossy(&rest).into_owned())
}

#[test]
fn a_closed_pipe_after_the_first_line_ends_check_quietly_with_exit_0() {
    // Far more than a pipe holds (64 KiB): the binary is still writing when it closes.
    let d = dir("head");
    let good = fixture("observations.tsv");
    let bad = d.join("bad.csv");
    let mut rows = String::from("direction,period,value,unit,sources\n");
    for year in 1950..2010 {
        rows.push_str(&format!("KR>JP,{year},lots,USD million,s1\n"));
    }
    std::fs::write(&bad, rows).unwrap();
    std::fs::write(
        d.join("sources.csv"),
        "id,publisher,title,url\ns1,Made-up Office,Invented,https://example.invalid/x\n",
    )
    .unwrap();
    let bad = bad.to_str().unwrap().to_string();
    let goods = vec![good.clone(); 3000];
    let bads = vec![bad.clone(); 300];
    let mixed: Vec<String> = (0..2000)
        .map(|i| {
            if i % 2 == 0 {
                good.clone()
            } else {
                bad.clone()
            }
        })
        .collect();
    for (args, which, first) in [
        (
            ["check".to_string()]
                .into_iter()
                .chain(goods)
                .collect::<Vec<_>>(),
            1,
            format!("{good}: ok: 4 series"),
        ),
        (
            ["check".to_string()].into_iter().chain(bads).collect(),
            2,
            format!("{bad}:2:3: value: "),
        ),
        // The issue's `trade-chart check … 2>&1 | head -1`.
        (
            ["check".to_string()].into_iter().chain(mixed).collect(),
            3,
            format!("{good}: ok: 4 series"),
        ),
    ] {
        let (line, status, rest) = head_1(&args, which);
        assert!(line.starts_with(&first), "{which}: {line}");
        assert_eq!(status.code(), Some(0), "{which}: {status:?}: {rest}");
        assert!(!rest.contains("panicked"), "{which}: {rest}");
        // Nothing more once the pipe has closed: stderr stays silent (stdout has its
        // complete lines only, written before).
        if which == 1 {
            assert_eq!(rest, "", "{which}");
        }
    }
}

#[test]
fn every_output_to_a_closed_pipe_ends_with_exit_0_and_nothing_printed() {
    let d = dir("closed");
    let kj = fixture("kr-jp.json");
    let script = d.join("standalone.js");
    std::fs::write(&script, "window.TradeChart = {};").unwrap();
    let s = script.to_str().unwrap();
    for args in [
        &["--help"][..],
        &["-h"][..],
        &["check", "--help"][..],
        &["convert", "--help"][..],
        &["render", "--help"][..],
        &["bundle", "--help"][..],
        &["help", "render"][..],
        &["check", &kj][..],
        &["convert", &kj, "-o", "-"][..],
        &["render", &kj, "--view", "annual-flows", "-o", "-"][..],
        &[
            "render",
            &kj,
            "--view",
            "annual-flows",
            "--format",
            "png",
            "-o",
            "-",
        ][..],
        &["bundle", &kj, "--script", s, "-o", "-"][..],
    ] {
        let (status, err) = run_closed(args, 1);
        assert_eq!(status.code(), Some(0), "{args:?}: {status:?}: {err}");
        assert_eq!(err, "", "{args:?}");
    }
    // Standard error closed: its errors, warnings and usage errors end the run the same way.
    for args in [
        &["check", &fixture("observations.tsv"), "--bogus"][..],
        &["check", "nowhere.json"][..],
        &[][..],
    ] {
        let (status, out) = run_closed(args, 2);
        assert_eq!(status.code(), Some(0), "{args:?}: {status:?}: {out}");
        assert_eq!(out, "", "{args:?}");
    }
}

#[test]
fn every_command_has_help_with_its_exit_codes() {
    for cmd in ["check", "convert", "render", "bundle"] {
        for flag in ["--help", "-h"] {
            let (code, out, err) = run(&[cmd, flag]);
            assert_eq!(code, 0, "{cmd} {flag}: {err}");
            assert!(
                out.starts_with(&format!("usage: trade-chart {cmd} ")),
                "{cmd} {flag}: {out}"
            );
            assert!(out.contains("Exit 0: "), "{cmd} {flag}: {out}");
            assert!(out.contains("; 1: an error in "), "{cmd} {flag}: {out}");
            assert!(out.contains("; 2: a usage error."), "{cmd} {flag}: {out}");
            assert!(out.contains("Table options"), "{cmd} {flag}: {out}");
        }
        // `help COMMAND` is `COMMAND --help`.
        assert_eq!(run(&["help", cmd]), run(&[cmd, "--help"]));
    }
    // The defaults are named.
    let (_, out, _) = run(&["render", "--help"]);
    for default in [
        "[default: 800]",
        "[default: 2]",
        "[possible values: svg, png, html]",
    ] {
        assert!(out.contains(default), "{default}: {out}");
    }
    let (_, out, _) = run(&["convert", "--help"]);
    assert!(out.contains("[default: json]"), "{out}");
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    for words in [
        "check ",
        "convert ",
        "render ",
        "bundle ",
        "2 for a usage error",
    ] {
        assert!(out.contains(words), "{words}: {out}");
    }
}

#[test]
fn an_unknown_flag_exits_2_naming_it() {
    let kj = fixture("kr-jp.json");
    for cmd in ["check", "convert", "render", "bundle"] {
        let (code, out, err) = run(&[cmd, &kj, "--frobnicate", "-o", "x.svg"]);
        assert_eq!(code, 2, "{cmd}: {out}{err}");
        assert!(err.contains("'--frobnicate'"), "{cmd}: {err}");
        assert_eq!(out, "", "{cmd}");
    }
    // A flag of another command is unknown here (check writes nothing: no -o).
    let (code, _, err) = run(&["check", &kj, "-o", "x.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("'-o'"), "{err}");
    let (code, _, err) = run(&["frobnicate"]);
    assert_eq!(code, 2);
    assert!(err.contains("'frobnicate'"), "{err}");
    // A bad value names its flag and what it takes.
    let (code, _, err) = run(&["check", &kj, "--decimal", "x"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("'--decimal <MARK>'") && err.contains("., ,"),
        "{err}"
    );
}

#[test]
fn an_option_given_twice_takes_the_last_and_partner_appends() {
    // As the hand parser did: the last --view wins; --partner adds (a third is an error).
    let d = dir("twice");
    let o = d.join("x.svg");
    let o = o.to_str().unwrap();
    let kj = fixture("kr-jp.json");
    let (code, _, err) = run(&[
        "render",
        &kj,
        "--view",
        "nope",
        "--view",
        "annual-flows",
        "-o",
        o,
    ]);
    assert_eq!(code, 0, "{err}");
    let obs = fixture("observations.tsv");
    let p = [
        "--partner",
        "KR=South Korea",
        "--partner",
        "JP=Japan",
        "--partner",
        "CN=China",
    ];
    let (code, _, err) = run(&[&["check", obs.as_str()][..], &p].concat());
    assert_eq!(code, 2);
    assert!(
        err.contains("--partner: a dataset has two partners"),
        "{err}"
    );
}
