//! Every data package we write passes the reference validator, the Frictionless
//! Framework's `frictionless validate` (schema types, primary and foreign keys): the
//! story's, one with annotations (a point and a span) and a credit line, and ones from
//! imports (a wide table, a Comtrade and an IMF download). A package broken on purpose
//! shows the check can fail.
//!
//! The validator is a Python program: `make setup` (scripts/setup.sh) installs it into
//! `.frictionless/` in the repository, and `make test` sets `TRADE_CHART_FRICTIONLESS` to
//! it, so under make a missing validator fails this test. A plain `cargo test` uses that
//! one when it is there (or `frictionless` on the PATH) and else skips, saying why.
//! The fixtures are made up (tests/fixtures/*/README.md): not real trade figures.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::cli::run;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
const SOURCE: &str = "Made-up Statistics Office | Invented trade | https://example.invalid/trade";

/// The validator: `TRADE_CHART_FRICTIONLESS` (required to be there when set), else the
/// one `make setup` installs, else `frictionless` on the PATH; `None` (the reason
/// printed) when there is none and none was required.
fn validator() -> Option<PathBuf> {
    if let Some(v) = std::env::var_os("TRADE_CHART_FRICTIONLESS") {
        let v = PathBuf::from(v);
        assert!(
            v.is_file(),
            "TRADE_CHART_FRICTIONLESS={} is not there: `make setup` (scripts/setup.sh) installs the validator",
            v.display()
        );
        return Some(v);
    }
    let local = Path::new(ROOT).join(".frictionless/bin/frictionless");
    if local.is_file() {
        return Some(local);
    }
    if Command::new("frictionless")
        .arg("--version")
        .output()
        .is_ok()
    {
        return Some("frictionless".into());
    }
    println!(
        "skipped: no Frictionless validator (make setup installs it into .frictionless/; make test requires it)"
    );
    None
}

fn dir(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("dp-valid-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    d
}

/// `trade-chart convert ARGS --to datapackage -o DIR`, into a fresh directory.
fn convert(name: &str, args: &[&str]) -> PathBuf {
    let d = dir(name);
    let out = d.display().to_string();
    let mut all = vec!["convert"];
    all.extend(args);
    all.extend(["--to", "datapackage", "-o", &out]);
    let (code, _, err) = run(&all);
    assert_eq!(code, 0, "{name}: {err}");
    d
}

/// The validator's verdict on the package in `dir`: valid, and each error as
/// `resource: type: message`.
fn validate(v: &Path, dir: &Path) -> (bool, Vec<String>) {
    let out = Command::new(v)
        .args(["validate", "--json", "datapackage.json"])
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("{}: cannot run: {e}", v.display()));
    let text = String::from_utf8_lossy(&out.stdout);
    let report: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| {
        panic!(
            "{}: not a JSON report ({e}): {text}{}",
            dir.display(),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let mut errors: Vec<String> = (report["errors"].as_array().into_iter().flatten())
        .map(|e| format!("package: {}: {}", e["type"], e["message"]))
        .collect();
    for t in report["tasks"].as_array().into_iter().flatten() {
        for e in t["errors"].as_array().into_iter().flatten() {
            errors.push(format!("{}: {}: {}", t["name"], e["type"], e["message"]));
        }
    }
    let valid = report["valid"] == serde_json::Value::Bool(true);
    // The exit code says the same as the report.
    assert_eq!(out.status.success(), valid, "{}: {errors:?}", dir.display());
    (valid, errors)
}

#[test]
fn every_package_we_write_passes_the_reference_validator() {
    let Some(v) = validator() else { return };
    let fx = |f: &str| format!("{ROOT}/tests/fixtures/{f}");
    let story = convert("story", &[&format!("{ROOT}/data/kp-cn.json")]);
    let annotated = convert(
        "annotated",
        &[
            &fx("import/observations.tsv"),
            "--views",
            &fx("import/views.tsv"),
            "--annotations",
            &fx("import/annotations.tsv"),
            "--credit",
            "Chart: Made-up Desk",
        ],
    );
    let wide = convert(
        "wide",
        &[
            &fx("wide/en-monthly.csv"),
            "--partner",
            "US=United States",
            "--partner",
            "CN=China",
            "--unit",
            "USD million",
            "--source",
            SOURCE,
        ],
    );
    let comtrade = convert("comtrade", &[&fx("comtrade/legacy-monthly.csv")]);
    let imf = convert("imf", &[&fx("imf/dots-monthly.csv")]);
    // What makes these worth validating is there: the span, the two-source figures.
    let ann = std::fs::read_to_string(annotated.join("annotations.csv")).unwrap();
    assert!(ann.contains("slump,2021-02,2021-04,"), "{ann}");
    let links = std::fs::read_to_string(story.join("observation-sources.csv")).unwrap();
    assert!(links.contains("yonhap-2021-02-12"), "{links}");

    // Broken on purpose: a figure linked to a source the package does not have.
    let broken = dir("broken");
    std::fs::create_dir_all(&broken).unwrap();
    for f in std::fs::read_dir(&story).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, broken.join(f.file_name().unwrap())).unwrap();
    }
    let first = links.lines().nth(1).unwrap();
    let (key, _) = first.rsplit_once(',').unwrap();
    let edited = format!("{links}{key},no-such-source\r\n");
    std::fs::write(broken.join("observation-sources.csv"), edited).unwrap();

    let packages = [
        ("story", &story),
        ("annotated", &annotated),
        ("wide", &wide),
        ("comtrade", &comtrade),
        ("imf", &imf),
        ("broken", &broken),
    ];
    // The validator starts slowly (Python): the packages are checked two at a time.
    let verdicts: Vec<(bool, Vec<String>)> = std::thread::scope(|s| {
        let handles: Vec<_> = packages
            .chunks(3)
            .map(|chunk| {
                let v = &v;
                s.spawn(move || {
                    (chunk.iter())
                        .map(|(_, d)| validate(v, d))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    for ((name, _), (valid, errors)) in packages.iter().zip(&verdicts) {
        if *name == "broken" {
            assert!(!valid, "the broken package passed");
            assert_eq!(errors.len(), 1, "{errors:?}");
            assert!(
                errors[0].starts_with("\"observation-sources\": \"foreign-key\": ")
                    && errors[0].contains("no-such-source"),
                "{errors:?}"
            );
        } else {
            assert!(valid, "{name}: {errors:#?}");
        }
    }
}
