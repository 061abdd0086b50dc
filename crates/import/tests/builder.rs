//! The builder's calls (`trade_chart_import::builder`), natively: what the browser tests
//! (tests/e2e/import.test.mjs, builder*.test.mjs) see through the builder's wasm, whose
//! exports only pass these answers on. Every table here is made up for the tests
//! (tests/fixtures/import/README.md): not real trade figures.

use trade_chart::{Dataset, RawDataset};
use trade_chart_import::builder::{
    self, add_claims, editor_text, figure_value, ClaimInput, Issue, ObsKey, Outcome,
};
use trade_chart_import::datapackage;

use trade_chart::data::RawText;

fn fixture(path: &str) -> String {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../");
    std::fs::read_to_string(format!("{root}{path}")).unwrap()
}

fn obs() -> String {
    fixture("tests/fixtures/import/observations.tsv")
}

fn src() -> String {
    fixture("tests/fixtures/import/sources.tsv")
}

/// The fixture tables as the browser test names them, with its partners.
const NAMES: &str = r#"{"observationsFile": "observations.tsv", "sourcesFile": "sources.tsv",
    "partners": [{"code": "KR", "name": "South Korea"}, {"code": "JP", "name": "Japan"}]"#;

fn options(more: &str) -> String {
    format!("{NAMES}{more}}}")
}

/// The fixture pair's dataset, as the builder has it before its chart text.
fn kr_jp() -> String {
    fixture("tests/fixtures/import/kr-jp.json")
}

fn parsed(o: &Outcome) -> RawDataset {
    let text = o.dataset.as_deref().unwrap_or_else(|| panic!("{o:#?}"));
    serde_json::from_str(text).unwrap()
}

fn one_error(o: &Outcome) -> &Issue {
    assert_eq!(o.dataset, None);
    assert_eq!(o.errors.len(), 1, "{:#?}", o.errors);
    &o.errors[0]
}

/// An issue's code and place: `(code, file, row, column, field)`.
type Place<'a> = (
    &'static str,
    Option<&'a str>,
    Option<usize>,
    Option<usize>,
    Option<&'a str>,
);

fn place(e: &Issue) -> Place<'_> {
    (
        e.code,
        e.file.as_deref(),
        e.row,
        e.column,
        e.field.as_deref(),
    )
}

fn en(t: &RawText) -> &str {
    match t {
        RawText::Plain(s) => s,
        RawText::Localized(m) => &m["en"],
    }
}

fn lang<'t>(t: &'t RawText, l: &str) -> Option<&'t str> {
    match t {
        RawText::Plain(_) => None,
        RawText::Localized(m) => m.get(l).map(String::as_str),
    }
}

// ---- importTables, importComtrade, checkDataset, checkFileSize ----

#[test]
fn pasted_tables_become_the_dataset_the_command_line_writes() {
    let r = builder::import_tables(&obs(), &src(), None, Some(&options(""))).unwrap();
    assert_eq!(r.errors, []);
    assert_eq!(r.dataset.as_deref(), Some(kr_jp().as_str()));
    assert_eq!(r.gaps, 2);
    // a value of its own and a title
    let changed = obs().replace("\tKR>JP\t2019\t28,420.5\t", "\tKR>JP\t2019\t12,345.6\t");
    assert_ne!(changed, obs());
    let r = builder::import_tables(
        &changed,
        &src(),
        None,
        Some(&options(r#", "title": "Pasted""#)),
    )
    .unwrap();
    let d = parsed(&r);
    assert_eq!(en(&d.title), "Pasted");
    let s = d.series.iter().find(|s| s.id == "kr-jp-annual").unwrap();
    assert_eq!(s.observations[0].period, "2019");
    assert_eq!(s.observations[0].value, Some(12_345.6));
}

#[test]
fn a_text_table_gives_the_texts_in_three_languages_and_its_errors_name_its_file() {
    let o = options(r#", "textFile": "text.tsv""#);
    let text = fixture("tests/fixtures/import/text.tsv");
    let r = builder::import_tables(&obs(), &src(), Some(&text), Some(&o)).unwrap();
    assert_eq!(r.errors, []);
    let d = parsed(&r);
    assert_eq!(en(&d.title), "South Korea–Japan trade (made-up figures)");
    assert_eq!(lang(&d.title, "ko"), Some("한일 교역 (가상 수치)"));
    assert_eq!(lang(&d.title, "zh"), Some("韩日贸易（虚构数据）"));
    let bad = builder::import_tables(&obs(), &src(), Some("key\ten\ntitel\tx\n"), Some(&o));
    let e = one_error(bad.as_ref().unwrap()).clone();
    assert_eq!(
        place(&e),
        (
            "unknown-field",
            Some("text.tsv"),
            Some(2),
            Some(1),
            Some("key")
        )
    );
    let none = builder::import_tables(&obs(), &src(), None, Some(&options(""))).unwrap();
    assert_eq!(
        none.dataset,
        Some(kr_jp()),
        "no text table: the dataset as before"
    );
}

#[test]
fn a_bad_cell_is_an_issue_at_its_file_row_column_and_field_and_no_dataset() {
    let bad = obs().replace("\tKR>JP\t2020\t25,097.8\t", "\tKR>JP\t2020\t25,O97.8\t");
    assert_ne!(bad, obs());
    let names = r#"{"observationsFile": "observations.tsv", "sourcesFile": "sources.tsv"}"#;
    let r = builder::import_tables(&bad, &src(), None, Some(names)).unwrap();
    let e = one_error(&r);
    assert_eq!(
        place(e),
        (
            "invalid-value",
            Some("observations.tsv"),
            Some(3),
            Some(4),
            Some("value")
        )
    );
    assert!(e.message.contains("expected a number"), "{}", e.message);
    assert!(e.message.contains("\"25,O97.8\""), "{}", e.message);
    assert!(
        e.text.starts_with("observations.tsv:3:4: value: "),
        "{}",
        e.text
    );
    // an error validation finds later still points at its cell
    let unknown = obs().replace(
        "25,097.8\tUSD million\tCustoms\t\tdemo-stats",
        "25,097.8\tUSD million\tCustoms\t\tnowhere",
    );
    assert_ne!(unknown, obs());
    let r = builder::import_tables(&unknown, &src(), None, Some(names)).unwrap();
    assert_eq!(r.dataset, None);
    assert!(
        r.errors
            .iter()
            .any(|x| x.file.as_deref() == Some("observations.tsv")
                && x.row == Some(3)
                && x.message.contains("nowhere")),
        "{:#?}",
        r.errors
    );
}

/// The text `issue` selects in a textarea holding `table`: its `start..end`, counted as
/// a textarea counts (UTF-16 code units of the text as the browser decoded it: no
/// byte-order mark, each CRLF an LF).
fn selected(table: &str, issue: &Issue) -> String {
    let (Some(start), Some(end)) = (issue.start, issue.end) else {
        panic!("no span: {issue:#?}")
    };
    let shown = table.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let units: Vec<u16> = shown.encode_utf16().collect();
    String::from_utf16(&units[start..end]).unwrap()
}

#[test]
fn an_error_in_a_cell_has_the_span_of_the_cell_s_text_as_a_textarea_counts_it() {
    // CSV with a byte-order mark and CRLF line ends, quoted cells (one with a comma
    // inside), Korean and a character outside the BMP (two UTF-16 units) before the cells
    // at fault, which are on later lines.
    let csv = "\u{feff}Series,Direction,Period,Value,Unit,Basis,Qualifier,Source IDs,Note\r\n\
        \"수출 🚢\",KR>JP,2019,\"28,420.5\",USD million,Customs,,demo-stats,\"a note, with a comma\"\r\n\
        \"수출 🚢\",KR>JP,2020,\"25,O97.8\",USD million,Customs,,demo-stats,\r\n\
        \"수출 🚢\",KR>JP,이천이십일,\"30,061.2\",USD million,Customs,,demo-stats,\r\n";
    let names = r#"{"observationsFile": "observations.csv", "sourcesFile": "sources.tsv"}"#;
    let r = builder::import_tables(csv, &src(), None, Some(names)).unwrap();
    assert_eq!(r.errors.len(), 2, "{:#?}", r.errors);
    assert_eq!((r.errors[0].row, r.errors[0].column), (Some(3), Some(4)));
    assert_eq!(
        selected(csv, &r.errors[0]),
        "25,O97.8",
        "a quoted cell with a comma: between its quotes"
    );
    assert_eq!((r.errors[1].row, r.errors[1].column), (Some(4), Some(3)));
    assert_eq!(selected(csv, &r.errors[1]), "이천이십일", "a Korean cell");

    // An error validation finds after the tables are read (an unknown source), placed at
    // its cell, spans it too; so does one in the sources table.
    let unknown = csv
        .replace("2020,\"25,O97.8\"", "2020,\"25,097.8\"")
        .replace("이천이십일", "2021")
        .replacen("demo-stats,\r\n", "\"출처 🚢\",\r\n", 1);
    let r = builder::import_tables(&unknown, &src(), None, Some(names)).unwrap();
    let e = one_error(&r);
    assert_eq!((e.code, e.row, e.column), ("unknown-id", Some(3), Some(8)));
    assert_eq!(selected(&unknown, e), "출처 🚢");
    let sources = src().replace("\t2022-01\t", "\t2022-13\t");
    assert_ne!(sources, src());
    let r = builder::import_tables(&obs(), &sources, None, Some(names)).unwrap();
    let e = one_error(&r);
    assert_eq!((e.file.as_deref(), e.row), (Some("sources.tsv"), Some(2)));
    assert_eq!(selected(&sources, e), "2022-13");

    // A column the header lacks: the empty span at the header row's end.
    let no_sources = "Direction\tPeriod\tValue\r\nKR>JP\t2019\t1\r\n";
    let r = builder::import_tables(no_sources, &src(), None, Some(names)).unwrap();
    let e = r
        .errors
        .iter()
        .find(|e| e.field.as_deref() == Some("sources"))
        .unwrap();
    assert_eq!((e.row, e.column), (Some(1), Some(4)));
    assert_eq!((e.start, e.end), (Some(22), Some(22)), "{e:#?}");

    // A Comtrade download read as Windows-1252: its warning at row 1, column 1 spans the
    // first header cell of the text as decoded.
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../");
    let latin1 = std::fs::read(format!("{root}tests/fixtures/comtrade/legacy-latin1.csv")).unwrap();
    let r = builder::import_comtrade(&latin1, None).unwrap();
    let w = r
        .warnings
        .iter()
        .find(|w| w.message.contains("1252"))
        .unwrap();
    assert_eq!(
        selected(&trade_chart_import::decode(&latin1).0, w),
        "Classification"
    );

    // Not in a cell: no span.
    let r = builder::check_dataset("{", None).unwrap();
    assert_eq!((r.errors[0].start, r.errors[0].end), (None, None));
}

#[test]
fn bad_options_are_errors_naming_the_option_not_outcomes() {
    let tables = |o: &str| builder::import_tables(&obs(), &src(), None, Some(o)).unwrap_err();
    let e = tables(r#"{"decimal": ";"}"#);
    assert_eq!(e.code(), "invalid-value");
    assert!(e.to_string().starts_with("options.decimal: "), "{e}");
    let e = tables(r#"{"accessed": "2024-01-01"}"#);
    assert_eq!(e.code(), "unknown-field");
    assert!(
        e.to_string()
            .starts_with("options.accessed: not an option of this import"),
        "{e}"
    );
    let e = tables(r#"{"bogus": 1}"#);
    assert_eq!(e.code(), "unknown-field");
    assert!(
        e.to_string().starts_with(
            "options.bogus: unknown option; expected one of decimal, unit, partners, source, flows, title, id, commodity, observationsFile, sourcesFile, textFile"
        ),
        "{e}"
    );
    let e = tables(r#"{"partners": [{"code": " ", "name": "Korea"}]}"#);
    assert_eq!(e.path(), "options.partners[0].code");
    let e = builder::import_comtrade(b"x", Some(r#"{"accessed": "yesterday"}"#)).unwrap_err();
    assert_eq!(e.code(), "invalid-value");
    assert!(
        e.to_string()
            .starts_with("options.accessed: expected a date YYYY-MM-DD"),
        "{e}"
    );
    let e = builder::import_comtrade(b"x", Some(r#"{"decimal": ","}"#)).unwrap_err();
    assert!(
        e.to_string().ends_with(
            "not an option of this import; expected one of partners, title, id, accessed, pair, commodity, file, encoding"
        ),
        "{e}"
    );
    let e = builder::import_comtrade(b"x", Some(r#"{"encoding": "klingon"}"#)).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("options.encoding: expected an encoding's label"),
        "{e}"
    );
    let e = builder::check_dataset("{}", Some("[1]")).unwrap_err();
    assert!(e.path().starts_with("options"), "{e}");
}

#[test]
fn a_dataset_json_checks_clean_and_its_errors_name_the_file() {
    let kpcn = fixture("data/kp-cn.json");
    let r = builder::check_dataset(&format!("\u{feff}{kpcn}"), None).unwrap();
    assert_eq!(r.errors, []);
    let id = |t: &str| serde_json::from_str::<serde_json::Value>(t).unwrap()["id"].clone();
    assert_eq!(id(r.dataset.as_deref().unwrap()), id(&kpcn));
    let syntax = builder::check_dataset(
        "{\n  \"schema\": 1,\n  \"title\": }",
        Some(r#"{"file": "story.json"}"#),
    )
    .unwrap();
    let e = one_error(&syntax);
    assert_eq!(
        (e.code, e.file.as_deref(), e.row),
        ("json-syntax", Some("story.json"), Some(3))
    );
    assert!(e.column.is_some());
    let shape = builder::check_dataset(r#"{"schema": 1}"#, None).unwrap();
    assert_eq!(shape.dataset, None);
    assert_eq!(shape.errors[0].file.as_deref(), Some("dataset"));
    assert!(
        shape.errors[0].text.starts_with("dataset: "),
        "{}",
        shape.errors[0].text
    );
}

#[test]
fn a_comtrade_download_as_text_or_windows_1252_bytes_becomes_a_dataset() {
    let annual = fixture("tests/fixtures/comtrade/plus-annual.csv");
    let r = builder::import_comtrade(
        annual.as_bytes(),
        Some(r#"{"accessed": "2024-05-01", "file": "plus-annual.csv"}"#),
    )
    .unwrap();
    assert_eq!(r.errors, []);
    assert!(r.dataset.as_deref().unwrap().contains("\"2024-05-01\""));
    Dataset::from_json(r.dataset.as_deref().unwrap()).unwrap();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../");
    let latin1 = std::fs::read(format!("{root}tests/fixtures/comtrade/legacy-latin1.csv")).unwrap();
    let r = builder::import_comtrade(&latin1, Some(r#"{"file": "legacy-latin1.csv"}"#)).unwrap();
    assert_eq!(r.errors, []);
    assert!(
        r.warnings
            .iter()
            .any(|w| w.message.contains("1252") || w.message.contains("UTF-8")),
        "{:#?}",
        r.warnings
    );
    // Decoded by the page (TextDecoder, in the encoding Rust chose): UTF-8 bytes, and the
    // encoding it came from named in the same warning.
    let decoded: String = latin1.iter().map(|&b| char::from(b)).collect();
    let r = builder::import_comtrade(
        decoded.as_bytes(),
        Some(r#"{"file": "legacy-latin1.csv", "encoding": "windows-1252"}"#),
    )
    .unwrap();
    assert_eq!(r.errors, []);
    let w: Vec<&str> = r.warnings.iter().map(|w| w.message.as_str()).collect();
    assert!(
        w.contains(&"not UTF-8: read as Windows-1252 (Latin-1); check the names with accents"),
        "{w:#?}"
    );
    assert!(r.dataset.as_deref().unwrap().contains("Côte d'Ivoire"));
    let r = builder::import_comtrade(decoded.as_bytes(), Some(r#"{"encoding": "utf-8"}"#)).unwrap();
    assert!(!r.warnings.iter().any(|w| w.message.contains("UTF-8")));
}

#[test]
fn a_file_over_its_limit_is_refused_by_its_size_before_it_is_read() {
    let over = builder::check_file_size(
        "table",
        f64::from(70 << 20),
        Some(r#"{"file": "comtrade"}"#),
    )
    .unwrap()
    .expect("over the limit");
    let e = one_error(&over);
    assert_eq!(
        e.message,
        format!("{} bytes; the limit is {} (64 MB)", 70 << 20, 64 << 20)
    );
    assert_eq!(
        (e.file.as_deref(), e.row, e.column),
        (Some("comtrade"), Some(1), Some(1))
    );
    assert_eq!(builder::check_file_size("table", 1e6, None).unwrap(), None);
    assert_eq!(builder::check_file_size("json", 1e6, None).unwrap(), None);
    let json = builder::check_file_size("json", 1e12, None)
        .unwrap()
        .unwrap();
    assert_eq!(
        json.errors[0].file.as_deref(),
        Some("json"),
        "default: `what`"
    );
    assert_eq!(
        builder::check_file_size("pdf", 1.0, None)
            .unwrap_err()
            .path(),
        "what"
    );
    assert_eq!(
        builder::check_file_size("table", f64::NAN, None)
            .unwrap_err()
            .path(),
        "size"
    );
    assert_eq!(
        builder::check_file_size("table", -1.0, None)
            .unwrap_err()
            .path(),
        "size"
    );
}

#[test]
fn an_outcome_is_the_object_the_builder_reads() {
    // The exports pass this on as it serializes: the names and their order are the JS API.
    let r = builder::check_dataset("{", Some(r#"{"file": "x.json"}"#)).unwrap();
    let json = serde_json::to_string(&r).unwrap();
    assert!(
        json.starts_with(r#"{"dataset":null,"errors":[{"code":"json-syntax","message":"#),
        "{json}"
    );
    assert!(json.contains(r#","text":"x.json:"#), "{json}");
    assert!(
        json.contains(r#","file":"x.json","row":1,"column":"#),
        "{json}"
    );
    assert!(
        json.ends_with(r#","field":null}],"warnings":[],"gaps":0}"#),
        "no path: no field; {json}"
    );
    let ok = serde_json::to_value(builder::check_dataset(&kr_jp(), None).unwrap()).unwrap();
    assert!(ok["dataset"].is_string() && ok["errors"] == serde_json::json!([]));
}

// ---- setChartText: the chart text ----

fn chart_text(dataset: &str, options: &str) -> Outcome {
    builder::set_chart_text(dataset, Some(options)).unwrap()
}

#[test]
fn the_title_is_every_view_s_headline_the_subtitle_every_view_s_and_notes_follow_the_dataset_s() {
    let mut own: RawDataset = serde_json::from_str(&kr_jp()).unwrap();
    own.notes
        .push(RawText::Plain("The dataset's own note.".into()));
    let own = trade_chart_import::to_json(&own);
    let r = chart_text(
        &own,
        r#"{"title": " Korea sells Japan less ", "subtitle": "Exports each way, US$ million",
            "notes": ["Figures are made up for the test.", "", "A second note."]}"#,
    );
    assert_eq!(r.errors, []);
    let d = parsed(&r);
    assert_eq!(d.title, RawText::Plain("Korea sells Japan less".into()));
    assert_eq!(d.views.len(), 3);
    for v in &d.views {
        assert_eq!(
            v.title,
            RawText::Plain("Korea sells Japan less".into()),
            "{}",
            v.id
        );
        assert_eq!(
            v.subtitle,
            Some(RawText::Plain("Exports each way, US$ million".into()))
        );
    }
    let notes: Vec<&str> = d.notes.iter().map(en).collect();
    assert_eq!(
        notes,
        [
            "The dataset's own note.",
            "Figures are made up for the test.",
            "A second note."
        ]
    );
    // nothing given: the dataset as it was
    let same = chart_text(&kr_jp(), r#"{"title": "  ", "notes": [""]}"#);
    assert_eq!(same.dataset, Some(kr_jp()));
    assert_eq!(
        builder::set_chart_text(&kr_jp(), None).unwrap().dataset,
        Some(kr_jp())
    );
}

#[test]
fn a_note_over_the_limit_names_its_line() {
    let long = "x".repeat(2100);
    let r = chart_text(
        &kr_jp(),
        &format!(r#"{{"notes": ["Figures are made up for the test.", "", "{long}"]}}"#),
    );
    let e = one_error(&r);
    assert_eq!(
        (e.file.as_deref(), e.row, e.column, e.field.as_deref()),
        (Some("notes"), Some(3), None, Some("notes[2]"))
    );
    assert!(
        e.message.contains("2100 characters; the limit is 2000"),
        "{}",
        e.message
    );
    assert!(e.text.starts_with("notes: "), "{}", e.text);
}

#[test]
fn korean_and_chinese_chart_text_and_korean_without_english_names_the_english_field() {
    let r = chart_text(
        &kr_jp(),
        r#"{"title": {"en": "Made-up trade", "ko": "가상 교역", "zh": "虚构贸易"},
            "subtitle": {"en": "US$ million", "ko": "백만 달러", "zh": ""},
            "notes": [{"en": "Invented figures.", "ko": "가상 수치."}, {"en": "A second note.", "ko": "두 번째 주석."}]}"#,
    );
    assert_eq!(r.errors, []);
    let d = parsed(&r);
    assert_eq!(lang(&d.title, "zh"), Some("虚构贸易"));
    for v in &d.views {
        assert_eq!(lang(&v.title, "ko"), Some("가상 교역"));
        let sub = v.subtitle.as_ref().unwrap();
        assert_eq!(
            (en(sub), lang(sub, "ko"), lang(sub, "zh")),
            ("US$ million", Some("백만 달러"), None)
        );
    }
    assert_eq!(d.notes.len(), 2);
    assert_eq!(lang(&d.notes[1], "ko"), Some("두 번째 주석."));

    let r = chart_text(&kr_jp(), r#"{"title": {"en": " ", "ko": "가상 교역"}}"#);
    let e = one_error(&r);
    assert_eq!(
        (e.code, e.file.as_deref(), e.field.as_deref(), e.row),
        ("missing-field", Some("title"), Some("title.en"), None)
    );
    assert!(e.message.contains("English"), "{}", e.message);
    assert!(e.text.starts_with("title: title.en: "), "{}", e.text);
    let r = chart_text(&kr_jp(), r#"{"notes": ["a", {"ko": "주석"}]}"#);
    let e = one_error(&r);
    assert_eq!(
        (e.file.as_deref(), e.row, e.field.as_deref()),
        (Some("notes"), Some(2), Some("notes[1].en"))
    );
}

#[test]
fn bad_chart_text_options_or_dataset_are_errors() {
    let e = builder::set_chart_text(&kr_jp(), Some(r#"{"headline": "x"}"#)).unwrap_err();
    assert!(e.path().starts_with("options"), "{e}");
    // not text: the editor's to fix, at its field
    let r = chart_text(&kr_jp(), r#"{"title": 3}"#);
    let e = one_error(&r);
    assert_eq!((e.code, e.file.as_deref()), ("invalid-type", Some("title")));
    let r = chart_text(&kr_jp(), r#"{"claims": [{"text": "x"}]}"#);
    assert_eq!(one_error(&r).file.as_deref(), Some("claims"));
    let e = builder::set_chart_text("{", Some("{}")).unwrap_err();
    assert!(e.path().starts_with("dataset"), "{e}");
}

/// The views table as the builder writes it from its fields.
fn views_table(rows: &[&str]) -> String {
    let mut t = String::from("id\tkind\tseries\tlabel\ttitle\tx\tfrom\tto\tperiods\n");
    for r in rows {
        t.push_str(r);
        t.push('\n');
    }
    t
}

const TOTAL: &str = "annual-total\tbars\ttwo-way-annual\tBy year, total\t\t\t\t\t";
const MONTHLY: &str = "monthly\ttime-bars\tkr-jp-monthly\tBy month\t\t\t2021-01\t2021-05\t";

fn with_views(flows: &str, more: &str) -> String {
    let t = views_table(&[TOTAL, flows, MONTHLY]);
    format!(
        r#"{{"views": {}{more}}}"#,
        serde_json::to_string(&t).unwrap()
    )
}

#[test]
fn the_views_table_replaces_the_views_and_a_blank_title_is_the_chart_s() {
    let flows = "annual-flows\tbars\tkr-jp-annual; jp-kr-annual\tEach way, 2020–21\tOwn headline\t\t\t\t2020; 2021";
    let r = chart_text(
        &kr_jp(),
        &with_views(flows, r#", "title": "Made-up trade""#),
    );
    assert_eq!(r.errors, []);
    let d = parsed(&r);
    let ids: Vec<&str> = d.views.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(ids, ["annual-total", "annual-flows", "monthly"]);
    assert_eq!(en(&d.views[1].label), "Each way, 2020–21");
    assert_eq!(
        d.views[1].periods.as_deref(),
        Some(&["2020".to_string(), "2021".to_string()][..])
    );
    assert_eq!(en(&d.views[0].title), "Made-up trade");
    assert_eq!(
        en(&d.views[1].title),
        "Own headline",
        "a title cell of its own stays"
    );
    assert_eq!(en(&d.views[2].title), "Made-up trade");
    // no title given: a blank title cell is the dataset's
    let d = parsed(&chart_text(&kr_jp(), &with_views(flows, "")));
    assert_eq!(en(&d.views[0].title), "Trade between South Korea and Japan");
    // a view's Korean label through the text table
    let text = "key\ten\tko\tzh\nview.annual-flows.label\tEach way\t방향별\t\n";
    let more = format!(r#", "text": {}"#, serde_json::to_string(text).unwrap());
    let d = parsed(&chart_text(&kr_jp(), &with_views(flows, &more)));
    assert_eq!(lang(&d.views[1].label, "ko"), Some("방향별"));
}

#[test]
fn a_views_table_error_names_the_view_s_row_and_field() {
    let flows = "annual-flows\tbars\tkr-jp-annual; nowhere\tEach way\t\t\t\t\t";
    let r = chart_text(&kr_jp(), &with_views(flows, ""));
    let e = one_error(&r);
    assert_eq!(
        (e.file.as_deref(), e.row, e.field.as_deref()),
        (Some("views"), Some(3), Some("series"))
    );
    assert!(
        e.message.starts_with("unknown series \"nowhere\""),
        "{}",
        e.message
    );
    // a time view without its first period: validation's error, at the view's cell
    let flows = "annual-flows\tbars\tkr-jp-annual\tEach way\t\t\t\t\t";
    let t = views_table(&[
        TOTAL,
        flows,
        "monthly\ttime-bars\tkr-jp-monthly\tBy month\t\t\t\t\t",
    ]);
    let r = chart_text(
        &kr_jp(),
        &format!(r#"{{"views": {}}}"#, serde_json::to_string(&t).unwrap()),
    );
    let e = one_error(&r);
    assert_eq!(
        (e.file.as_deref(), e.row, e.field.as_deref()),
        (Some("views"), Some(4), Some("from")),
        "{e:#?}"
    );
    // an error in a text table's cell names that cell
    let text = "key\ten\nview.nowhere.label\tx\n";
    let more = format!(r#", "text": {}"#, serde_json::to_string(text).unwrap());
    let r = chart_text(&kr_jp(), &with_views(flows, &more));
    let e = one_error(&r);
    assert_eq!(
        (e.file.as_deref(), e.row, e.column),
        (Some("text"), Some(2), Some(1))
    );
}

/// The views of [`with_views`] (`flows` the second's fields, beside `TOTAL` and
/// `MONTHLY`) as the builder sends them: each as the views table's fields.
fn with_view_fields(flows: serde_json::Value, more: &str) -> String {
    let views = serde_json::json!([
        { "id": "annual-total", "kind": "bars", "series": "two-way-annual", "label": "By year, total" },
        flows,
        { "id": "monthly", "kind": "time-bars", "series": "kr-jp-monthly", "label": "By month",
          "from": "2021-01", "to": "2021-05" },
    ]);
    format!(r#"{{"views": {views}{more}}}"#)
}

#[test]
fn views_given_as_fields_are_read_as_the_views_table_and_their_errors_are_its_errors() {
    // the same dataset as the table's
    let flows = "annual-flows\tbars\tkr-jp-annual; jp-kr-annual\tEach way, 2020–21\tOwn headline\t\t\t\t2020; 2021";
    let fields = serde_json::json!({ "id": "annual-flows", "kind": "bars",
        "series": "kr-jp-annual; jp-kr-annual", "label": "Each way, 2020–21", "title": "Own headline",
        "x": "", "from": "", "to": "", "periods": "2020; 2021" });
    let title = r#", "title": "Made-up trade""#;
    let r = chart_text(&kr_jp(), &with_view_fields(fields.clone(), title));
    assert_eq!(r.errors, []);
    assert_eq!(r, chart_text(&kr_jp(), &with_views(flows, title)));
    let d = parsed(&r);
    assert_eq!(en(&d.views[1].label), "Each way, 2020–21");
    assert_eq!(
        en(&d.views[2].title),
        "Made-up trade",
        "a blank title is the chart's"
    );
    // the Korean label as a text table's row of fields
    let text =
        r#", "text": [{ "key": "view.annual-flows.label", "en": "Each way", "ko": "방향별" }]"#;
    let d = parsed(&chart_text(&kr_jp(), &with_view_fields(fields, text)));
    assert_eq!(lang(&d.views[1].label, "ko"), Some("방향별"));

    // an error of the table's checks: the view's row and its field's column, as the table's
    let bad = serde_json::json!({ "id": "annual-flows", "kind": "bars",
        "series": "kr-jp-annual; nowhere", "label": "Each way" });
    let r = chart_text(&kr_jp(), &with_view_fields(bad, ""));
    let e = one_error(&r);
    assert_eq!(
        place(e),
        (
            "unknown-id",
            Some("views"),
            Some(3),
            Some(3),
            Some("series")
        )
    );
    assert!(
        e.message.starts_with("unknown series \"nowhere\""),
        "{}",
        e.message
    );
    let flows = "annual-flows\tbars\tkr-jp-annual; nowhere\tEach way\t\t\t\t\t";
    assert_eq!(r, chart_text(&kr_jp(), &with_views(flows, "")));
    // a bad kind and a bad period: each at its field
    let bad = serde_json::json!({ "id": "annual-flows", "kind": "pie", "series": "kr-jp-annual",
        "label": "Each way", "periods": "2020; someday" });
    let r = chart_text(&kr_jp(), &with_view_fields(bad, ""));
    let got: Vec<_> = r.errors.iter().map(place).collect();
    assert_eq!(
        got,
        [
            (
                "invalid-value",
                Some("views"),
                Some(3),
                Some(2),
                Some("kind")
            ),
            (
                "invalid-value",
                Some("views"),
                Some(3),
                Some(9),
                Some("periods")
            ),
        ]
    );
    // validation's error (a time view without its first period): at the view's field
    let views = serde_json::json!([{ "id": "monthly", "kind": "time-bars", "series": "kr-jp-monthly",
        "label": "By month" }]);
    let r = chart_text(&kr_jp(), &format!(r#"{{"views": {views}}}"#));
    assert_eq!(
        place(one_error(&r)),
        (
            "missing-field",
            Some("views"),
            Some(2),
            Some(7),
            Some("from")
        )
    );
    // no views at all: the table's error
    let r = chart_text(&kr_jp(), r#"{"views": []}"#);
    let e = one_error(&r);
    assert_eq!(
        place(e),
        ("missing-field", Some("views"), Some(2), Some(1), Some("id"))
    );
    assert_eq!(e.message, "no views: every row is blank");
    // an error in a text row: its row and column, as the table's
    let text = r#", "text": [{ "key": "view.nowhere.label", "en": "x" }]"#;
    let flows = serde_json::json!({ "id": "annual-flows", "kind": "bars", "series": "kr-jp-annual",
        "label": "Each way" });
    let r = chart_text(&kr_jp(), &with_view_fields(flows, text));
    let e = one_error(&r);
    assert_eq!(
        (e.file.as_deref(), e.row, e.column),
        (Some("text"), Some(2), Some(1))
    );
    // a field the views table does not have is a bad option, named
    let e = builder::set_chart_text(
        &kr_jp(),
        Some(r#"{"views": [{"id": "a", "colour": "red"}]}"#),
    )
    .unwrap_err();
    assert!(e.path().starts_with("options.views[0]"), "{e}");
    assert!(e.message().contains("unknown field `colour`"), "{e}");
}

// ---- setChartText: the claims ----

/// A claim as the builder sends it: `(text, kind, figure, observation's period, from's
/// period)`, both of series `kr-jp-annual`.
type Claim<'a> = (&'a str, &'a str, &'a str, Option<&'a str>, Option<&'a str>);

/// The builder's claims field.
fn claims_options(claims: &[Claim]) -> String {
    let key = |p: Option<&str>| {
        p.map_or(
            serde_json::Value::Null,
            |p| serde_json::json!({ "series": "kr-jp-annual", "period": p }),
        )
    };
    let list: Vec<serde_json::Value> = claims
        .iter()
        .map(|(text, kind, figure, obs, from)| {
            let mut c = serde_json::json!({ "text": text, "kind": kind, "figure": figure });
            if obs.is_some() {
                c["observation"] = key(*obs);
            }
            if from.is_some() {
                c["from"] = key(*from);
            }
            c
        })
        .collect();
    serde_json::json!({ "claims": list }).to_string()
}

const FELL: &str = "Korea’s exports to Japan fell 11.7% in 2020";
const SOLD: &str = "Korea sold Japan $26 billion of goods in 2020";

#[test]
fn a_claim_s_verdict_is_computed_from_the_data_and_says_what_the_data_give() {
    let verdicts = |percent: &str, money: &str| {
        let o = claims_options(&[
            (FELL, "percent", percent, Some("2020"), Some("2019")),
            (SOLD, "money", money, Some("2020"), None),
        ]);
        let d = parsed(&chart_text(&kr_jp(), &o));
        d.claims
            .iter()
            .map(|c| (c.status.clone(), c.note.as_ref().map(|n| en(n).to_string())))
            .collect::<Vec<_>>()
    };
    let agrees = || ("agrees".to_string(), None);
    // KR>JP 2019 28,420.5 → 2020 25,097.8 is −11.69…%
    assert_eq!(verdicts("-11.7%", "25,097.8"), [agrees(), agrees()]);
    assert_eq!(verdicts("−11.7 %", "25097.8"), [agrees(), agrees()]);
    assert_eq!(
        verdicts("-15", "26,000"),
        [
            (
                "unsupported".to_string(),
                Some("The data give a change of -11.7%.".to_string())
            ),
            (
                "unsupported".to_string(),
                Some("The data give 25097.8 (US$ million).".to_string())
            ),
        ]
    );
}

#[test]
fn a_claim_is_added_with_its_id_text_source_and_the_ids_of_the_observations_it_checks() {
    let o = claims_options(&[
        (
            &format!(" {FELL} "),
            "percent",
            "-11.7%",
            Some("2020"),
            Some("2019"),
        ),
        (SOLD, "money", "25,097.8", Some("2020"), None),
    ]);
    let d = parsed(&chart_text(&kr_jp(), &o));
    let c: Vec<_> = d.claims.iter().collect();
    assert_eq!(c.len(), 2);
    assert_eq!((c[0].id.as_str(), c[1].id.as_str()), ("claim-1", "claim-2"));
    assert_eq!(c[0].text, RawText::Plain(FELL.into()));
    assert_eq!(
        (c[0].figure.kind.as_str(), c[0].figure.value),
        ("percent", -11.7)
    );
    assert_eq!(
        (c[1].figure.kind.as_str(), c[1].figure.value),
        ("money", 25_097.8)
    );
    assert_eq!(c[0].source, "demo-stats", "the first source");
    let check = c[0].check.as_ref().unwrap();
    assert_eq!(check.equals, None);
    assert_eq!(
        check.change.as_deref(),
        Some(
            &[
                "kr-jp-annual-2019".to_string(),
                "kr-jp-annual-2020".to_string()
            ][..]
        )
    );
    assert_eq!(
        c[1].check.as_ref().unwrap().equals.as_deref(),
        Some("kr-jp-annual-2020"),
        "the observation already given an id keeps it"
    );
    let s = d.series.iter().find(|s| s.id == "kr-jp-annual").unwrap();
    let ids: Vec<Option<&str>> = s.observations.iter().map(|o| o.id.as_deref()).collect();
    assert_eq!(
        ids,
        [Some("kr-jp-annual-2019"), Some("kr-jp-annual-2020"), None]
    );
    // and the chart checks them as it checks any claim
    let again = chart_text(&kr_jp(), &o);
    Dataset::from_json(again.dataset.as_deref().unwrap()).unwrap();
}

#[test]
fn an_observation_s_id_made_for_a_claim_is_the_importers_id_of_its_series_and_period() {
    // The importers' one rule (a slug: runs of anything but letters and digits one `-`)
    // and their way of making it unique (`-2`, `-3`…).
    let mut raw: RawDataset = serde_json::from_str(&kr_jp()).unwrap();
    let s = raw
        .series
        .iter_mut()
        .find(|s| s.id == "kr-jp-annual")
        .unwrap();
    s.id = "KR_jp..annual".into();
    s.observations[2].id = Some("kr-jp-annual-2020".into());
    for v in &mut raw.views {
        for id in &mut v.series {
            if id == "kr-jp-annual" {
                *id = "KR_jp..annual".into();
            }
        }
    }
    let key = |p: &str| ObsKey {
        series: "KR_jp..annual".into(),
        period: p.into(),
    };
    let claims = [
        ClaimInput {
            text: "x".into(),
            kind: "money".into(),
            figure: "25,097.8".into(),
            observation: Some(key("2020")),
            from: None,
            source: Some(" demo-news ".into()),
        },
        ClaimInput {
            text: "y".into(),
            kind: "percent".into(),
            figure: "5".into(),
            observation: Some(key("2021")),
            from: Some(key("2019")),
            source: None,
        },
    ];
    add_claims(&mut raw, &claims).unwrap();
    let ids: Vec<Option<&str>> = raw.series[0]
        .observations
        .iter()
        .map(|o| o.id.as_deref())
        .collect();
    assert_eq!(
        ids,
        [
            Some("kr-jp-annual-2019"),
            Some("kr-jp-annual-2020-2"),
            Some("kr-jp-annual-2020")
        ]
    );
    assert_eq!(raw.claims[0].source, "demo-news");
    assert_eq!(
        raw.claims[1].check.as_ref().unwrap().change.as_deref(),
        Some(
            &[
                "kr-jp-annual-2019".to_string(),
                "kr-jp-annual-2020".to_string()
            ][..]
        )
    );
    trade_chart::validate(&raw).unwrap();
}

#[test]
fn a_bad_claim_is_an_issue_at_its_claim_and_field() {
    let bad = |claims: &[Claim]| {
        let r = chart_text(&kr_jp(), &claims_options(claims));
        one_error(&r).clone()
    };
    let fell = (FELL, "percent", "-11.7%", Some("2020"), Some("2019"));
    let e = bad(&[fell, (SOLD, "money", "about 25bn", Some("2020"), None)]);
    assert_eq!(
        (e.file.as_deref(), e.row, e.column, e.field.as_deref()),
        (Some("claims"), Some(2), None, Some("claims[1].figure"))
    );
    assert!(e.message.contains("\"about 25bn\""), "{}", e.message);
    assert!(
        e.text.starts_with("claims: claims[1].figure: "),
        "{}",
        e.text
    );
    let e = bad(&[(SOLD, "money", "1", None, None)]);
    assert_eq!(
        (e.code, e.field.as_deref()),
        ("missing-field", Some("claims[0].observation"))
    );
    let e = bad(&[(SOLD, "money", "1", Some("1999"), None)]);
    assert_eq!(
        (e.code, e.field.as_deref()),
        ("unknown-id", Some("claims[0].observation"))
    );
    assert!(
        e.message
            .contains("no figure of series \"kr-jp-annual\" for 1999"),
        "{}",
        e.message
    );
    let e = bad(&[(SOLD, "share", "1", Some("2020"), None)]);
    assert_eq!(e.field.as_deref(), Some("claims[0].kind"));
    let e = bad(&[(FELL, "percent", "1", Some("2020"), None)]);
    assert_eq!(
        (e.row, e.field.as_deref()),
        (Some(1), Some("claims[0].from"))
    );
}

#[test]
fn figures_are_read_as_stories_print_them() {
    assert_eq!(figure_value("25,097.8"), Some(25_097.8));
    assert_eq!(figure_value("1.234,5"), Some(1_234.5));
    assert_eq!(figure_value(" -19.5 % "), Some(-19.5));
    assert_eq!(figure_value("−19.5%"), Some(-19.5));
    assert_eq!(figure_value("+3"), Some(3.0));
    assert_eq!(figure_value("80.7%"), Some(80.7));
    assert_eq!(figure_value("about 25bn"), None);
    assert_eq!(figure_value(""), None);
    assert_eq!(figure_value("%"), None);
}

#[test]
fn the_editor_s_text_leaves_blanks_out_and_wants_the_english() {
    let localized = |pairs: &[(&str, &str)]| {
        RawText::Localized(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    };
    assert_eq!(
        editor_text(&RawText::Plain("  x ".into()), "title").unwrap(),
        Some(RawText::Plain("x".into()))
    );
    assert_eq!(
        editor_text(&RawText::Plain(" ".into()), "title").unwrap(),
        None
    );
    assert_eq!(
        editor_text(
            &localized(&[("en", "a "), ("ko", " "), ("zh", "")]),
            "title"
        )
        .unwrap(),
        Some(RawText::Plain("a".into())),
        "only the English: plain text"
    );
    assert_eq!(
        editor_text(&localized(&[("en", "a"), ("ko", "b")]), "title").unwrap(),
        Some(localized(&[("en", "a"), ("ko", "b")]))
    );
    assert_eq!(
        editor_text(&localized(&[("en", ""), ("ko", "")]), "t").unwrap(),
        None
    );
    let e = editor_text(&localized(&[("ko", "b")]), "notes[2]").unwrap_err();
    assert_eq!((e.code(), e.path()), ("missing-field", "notes[2].en"));
    let e = editor_text(&localized(&[("en", "a"), ("fr", "b")]), "subtitle").unwrap_err();
    assert_eq!((e.code(), e.path()), ("unknown-field", "subtitle.fr"));
}

// ---- socialCard, toDatapackage ----

#[test]
fn the_social_card_is_the_chart_s_svg_light_or_dark() {
    let light = builder::social_card(&kr_jp(), None).unwrap();
    assert!(light.starts_with("<svg"), "{}", &light[..80]);
    let dark = builder::social_card(
        &kr_jp(),
        Some(r#"{"theme": "dark", "view": "annual-flows"}"#),
    )
    .unwrap();
    assert_ne!(light, dark);
    let ko = builder::social_card(&kr_jp(), Some(r#"{"lang": "ko", "theme": "light"}"#)).unwrap();
    assert!(ko.starts_with("<svg"));
    let e = builder::social_card(&kr_jp(), Some(r#"{"theme": "pink"}"#)).unwrap_err();
    assert_eq!(e.path(), "options.theme");
    let e = builder::social_card(&kr_jp(), Some(r#"{"size": 1}"#)).unwrap_err();
    assert!(e.path().starts_with("options"), "{e}");
    let e = builder::social_card(r#"{"schema": 1}"#, None).unwrap_err();
    assert!(e.path().starts_with("dataset"), "{e}");
    let e = builder::social_card(&kr_jp(), Some(r#"{"view": "nowhere"}"#)).unwrap_err();
    assert!(e.to_string().contains("nowhere"), "{e}");
}

#[test]
fn the_data_package_is_the_command_line_s_files() {
    let p = builder::to_datapackage(&format!("\u{feff}{}", kr_jp())).unwrap();
    let raw: RawDataset = serde_json::from_str(&kr_jp()).unwrap();
    let cli = datapackage::export(&raw);
    assert_eq!(
        (&p.descriptor, &p.observations, &p.sources),
        (&cli.descriptor, &cli.observations, &cli.sources)
    );
    let json = serde_json::to_value(&p).unwrap();
    let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 4);
    // `files`: every file by name, as the builder zips them.
    let names: Vec<&str> = (json["files"].as_array().unwrap().iter())
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "datapackage.json",
            "observations.csv",
            "sources.csv",
            "observation-sources.csv"
        ]
    );
    assert!(
        json["descriptor"].is_string()
            && json["observations"].is_string()
            && json["sources"].is_string()
    );
    let e = builder::to_datapackage(r#"{"schema": 1}"#).unwrap_err();
    assert!(e.path().starts_with("dataset"), "{e}");
}

#[test]
fn an_error_validation_finds_in_a_headline_or_subtitle_is_the_title_s_or_subtitle_s() {
    // A dataset whose own texts do not check: the error is in the field the editor's
    // title or subtitle fills, so it is named so; a note of the dataset's own is not the
    // editor's, and stays at its dataset path.
    let broken = |f: &dyn Fn(&mut RawDataset)| {
        let mut raw: RawDataset = serde_json::from_str(&kr_jp()).unwrap();
        f(&mut raw);
        trade_chart_import::to_json(&raw)
    };
    let blank_headline = broken(&|d| d.views[1].title = RawText::Plain(String::new()));
    let r = chart_text(&blank_headline, r#"{"notes": ["a"]}"#);
    let e = one_error(&r);
    assert_eq!(
        (e.file.as_deref(), e.row, e.column, e.field.as_deref()),
        (Some("title"), None, None, Some("views[1].title"))
    );
    assert!(e.text.starts_with("title: views[1].title: "), "{}", e.text);
    let blank_subtitle = broken(&|d| d.views[2].subtitle = Some(RawText::Plain(String::new())));
    let r = chart_text(&blank_subtitle, r#"{"notes": ["a"]}"#);
    let e = one_error(&r);
    assert_eq!(
        (e.file.as_deref(), e.field.as_deref()),
        (Some("subtitle"), Some("views[2].subtitle"))
    );
    let blank_note =
        broken(&|d| d.notes = vec![RawText::Plain("own".into()), RawText::Plain(String::new())]);
    let r = chart_text(&blank_note, r#"{"notes": ["a"]}"#);
    let e = one_error(&r);
    assert_eq!(
        (e.file.as_deref(), e.row, e.field.as_deref()),
        (None, None, Some("notes[1]"))
    );
    assert!(e.text.starts_with("notes[1]: "), "{}", e.text);
}

/// A made-up wide table, as an editor pastes it (tests/e2e/builder-ask.test.mjs too).
const WIDE: &str =
    "Month,Exports,Imports,Balance\n2024-01,120.5,80.25,40.25\n2024-02,130,90.5,39.5\n";

/// The wide table's options: the two countries, the one source, more.
fn wide_options(more: &str) -> String {
    format!(
        r#"{{"partners": [{{"code": "KR", "name": "Korea"}}, {{"code": "IT", "name": "Italy"}}],
            "source": "Made-up Office | Invented trade | https://example.invalid/t | 2024"{more}}}"#
    )
}

#[test]
fn a_wide_table_s_missing_answers_are_asked_for_by_the_builder_s_fields_not_flags() {
    let r = builder::import_tables(WIDE, "", None, None).unwrap();
    let asked: Vec<(Option<&str>, &str)> = r
        .errors
        .iter()
        .map(|e| (e.field.as_deref(), e.message.as_str()))
        .collect();
    assert_eq!(
        asked,
        [
            (
                Some("options.partners"),
                "a wide table does not name its countries: give both countries in the fields “Reporting country” and “Partner” (code and name), the reporting country first: its exports are first>second"
            ),
            (
                Some("options.unit"),
                "a wide table has no unit column, and no header names one: give the unit of its figures in the field “Unit” (USD million, EUR thousand, 억원)"
            ),
            (
                Some("options.source"),
                "a wide table has no sources column: give its one source in the fields “One source” (publisher, title, URL, date), or a sources table of one row"
            ),
        ]
    );
    // `text` stays the command line's line.
    assert!(
        r.errors[0].text.contains("--partner CODE=Name"),
        "{}",
        r.errors[0].text
    );
    for e in &r.errors {
        assert!(!e.message.contains("--"), "{}", e.message);
    }
    // A column whose header says no flow: its warning asks for the panel's choice.
    let t = "Month,Exports,Other\n2024-01,1,2\n";
    let r = builder::import_tables(t, "", None, Some(&wide_options(r#", "unit": "USD""#))).unwrap();
    let w: Vec<&str> = r.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(
        w,
        ["\"Other\": column not used: its header says no flow: choose what each column holds under “What I read”"]
    );
    // Both a sources table and the one source.
    let r = builder::import_tables(WIDE, "ID\tPublisher\n", None, Some(&wide_options(""))).unwrap();
    assert_eq!(
        r.errors[0].message,
        "a sources table and the fields “One source”: fill in one or the other"
    );
}

#[test]
fn a_wide_table_s_columns_are_facts_with_the_flows_to_choose_from() {
    let r = builder::import_tables(
        WIDE,
        "",
        None,
        Some(&wide_options(r#", "unit": "USD million""#)),
    )
    .unwrap();
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let columns: Vec<_> = r.facts.iter().filter(|f| f.key == "column").collect();
    let shown: Vec<(Option<&str>, &str, Option<&str>, usize)> = columns
        .iter()
        .map(|f| {
            let (subject, chosen) = (f.subject.as_deref(), f.chosen.as_deref());
            (subject, f.value.as_str(), chosen, f.choices.len())
        })
        .collect();
    // The panel shows "Column #1 Month" then the value: the value does not name the
    // column again (it said "#1 Month: period (…)", the period column twice).
    assert_eq!(
        shown,
        [
            (Some("#1 Month"), "period (header says month)", None, 0),
            (
                Some("#2 Exports"),
                "KR>IT (header says exports)",
                Some("#2=KR>IT"),
                5
            ),
            (
                Some("#3 Imports"),
                "IT>KR (header says imports)",
                Some("#3=IT>KR"),
                5
            ),
            (
                Some("#4 Balance"),
                "balance (header says balance)",
                Some("#4=balance"),
                5
            ),
        ]
    );
    let choices: Vec<(&str, &str)> = columns[3]
        .choices
        .iter()
        .map(|c| (c.value.as_str(), c.label.as_str()))
        .collect();
    assert_eq!(
        choices,
        [
            ("#4=KR>IT", "Exports"),
            ("#4=IT>KR", "Imports"),
            ("#4=two-way", "Two-way"),
            ("#4=balance", "Balance"),
            ("#4=skip", "Not used"),
        ]
    );
    // A choice is the `flows` option as it is: the column skipped, then said to be imports.
    let r = builder::import_tables(
        WIDE,
        "",
        None,
        Some(&wide_options(
            r##", "unit": "USD million", "flows": ["#3=skip"]"##,
        )),
    )
    .unwrap();
    let ds = parsed(&r);
    let series: Vec<(&str, Vec<Option<f64>>)> = ds
        .series
        .iter()
        .map(|s| {
            (
                s.direction.as_str(),
                s.observations.iter().map(|o| o.value).collect(),
            )
        })
        .collect();
    assert_eq!(series, [("KR>IT", vec![Some(120.5), Some(130.0)])]);
    let col3 = r
        .facts
        .iter()
        .find(|f| f.subject.as_deref() == Some("#3 Imports"))
        .unwrap();
    assert_eq!(
        (col3.value.as_str(), col3.note, col3.chosen.as_deref()),
        (
            "not used (your choice)",
            Some("as you chose"),
            Some("#3=skip")
        )
    );
    let json = serde_json::to_value(&r.facts[3]).unwrap();
    assert_eq!(json["subject"], "#2 Exports");
    assert_eq!(
        json["choices"][0],
        serde_json::json!({"value": "#2=KR>IT", "label": "Exports"})
    );
}

#[test]
fn a_many_pair_download_gives_its_pairs_as_a_fact_to_choose_from() {
    let root = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/comtrade/"
    );
    let bytes = std::fs::read(format!("{root}plus-many-pairs.csv")).unwrap();
    let r = builder::import_comtrade(&bytes, None).unwrap();
    assert_eq!(
        r.errors[0].message,
        "12 pairs of countries in one download; a chart is one pair: choose it under “What I read”"
    );
    assert_eq!(r.facts.len(), 1);
    let f = &r.facts[0];
    assert_eq!(
        (
            f.key,
            f.label,
            f.value.as_str(),
            f.note,
            f.chosen.as_deref()
        ),
        (
            "pair",
            "Pair of countries",
            "12 pairs",
            Some("the file holds several: choose one"),
            Some("")
        )
    );
    let choices: Vec<(&str, &str)> = f
        .choices
        .iter()
        .take(4)
        .map(|c| (c.value.as_str(), c.label.as_str()))
        .collect();
    assert_eq!(
        choices,
        [
            ("", "Choose the pair to chart"),
            ("KOR,CHN", "Rep. of Korea and China: US$450 billion"),
            ("KOR,USA", "Rep. of Korea and USA: US$170 billion"),
            ("KOR,JPN", "Rep. of Korea and Japan: US$150 billion"),
        ]
    );
    assert_eq!(f.choices.len(), 13);
    // Chosen: the dataset, the fact says which, the list stays.
    let r = builder::import_comtrade(&bytes, Some(r#"{"pair": "KOR,JPN"}"#)).unwrap();
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let f = &r.facts[0];
    assert_eq!(
        (
            f.value.as_str(),
            f.note,
            f.chosen.as_deref(),
            f.choices.len()
        ),
        ("Rep. of Korea and Japan", None, Some("KOR,JPN"), 13)
    );
    // A pair the file does not hold: the error asks for the panel's choice.
    let r = builder::import_comtrade(&bytes, Some(r#"{"pair": "CHN,JPN"}"#)).unwrap();
    assert_eq!(
        r.errors[0].message,
        "the file has no figures between China and Japan: choose it under “What I read”"
    );
    assert_eq!(r.facts[0].chosen.as_deref(), Some(""));
    // One pair of one product: nothing to choose.
    let one = std::fs::read(format!("{root}mirror.csv")).unwrap();
    assert!(builder::import_comtrade(&one, None)
        .unwrap()
        .facts
        .is_empty());
}

#[test]
fn a_download_of_several_products_gives_them_as_a_fact_to_choose_from() {
    let root = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/comtrade/"
    );
    let bytes = std::fs::read(format!("{root}plus-products.csv")).unwrap();
    let r = builder::import_comtrade(&bytes, None).unwrap();
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let f = &r.facts[0];
    let choices: Vec<(&str, &str)> = f
        .choices
        .iter()
        .map(|c| (c.value.as_str(), c.label.as_str()))
        .collect();
    assert_eq!(
        (f.key, f.label, f.value.as_str(), f.chosen.as_deref()),
        ("commodity", "Product", "3 products", Some(""))
    );
    assert_eq!(
        choices,
        [
            ("", "Every product"),
            ("TOTAL", "The total (TOTAL)"),
            (
                "85",
                "85 Electrical machinery and equipment (made-up figures)"
            ),
            ("84", "84 Machinery (made-up figures)"),
        ]
    );
    // One chosen: its figures alone, and the list stays to change it.
    let r = builder::import_comtrade(&bytes, Some(r#"{"commodity": "85"}"#)).unwrap();
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let ds = parsed(&r);
    let values: Vec<Option<f64>> = ds.series[0].observations.iter().map(|o| o.value).collect();
    assert_eq!(ds.unit.scale, 1e6);
    assert_eq!(values, [Some(21000.0), Some(23500.0)]);
    let f = &r.facts[0];
    assert_eq!(
        (f.value.as_str(), f.chosen.as_deref(), f.choices.len()),
        (
            "85 Electrical machinery and equipment (made-up figures)",
            Some("85"),
            4
        )
    );
    // A download of one product: nothing to choose.
    let one = std::fs::read(format!("{root}mirror.csv")).unwrap();
    assert!(builder::import_comtrade(&one, None)
        .unwrap()
        .facts
        .is_empty());
}

/// A long office table's questions (the command line's `--commodity` and `--flow`) as the
/// builder asks them: "What I read" offers the products largest first and, where no
/// column says each row's flow, what the money column holds; the messages name the
/// builder's fields, not flags, and list the partners with their codes.
#[test]
fn a_long_office_table_asks_its_product_and_flow_as_fields() {
    let cn = fixture("tests/fixtures/office/cn-customs-long.csv");
    let o = |more: &str| {
        format!(
            r#"{{"observationsFile": "cn.csv", "source": "GACC | Customs query | https://stats.customs.gov.cn | 2024-01-20"{more}}}"#
        )
    };
    // No partners yet: the partners listed with their codes, in the message and the panel.
    let r = builder::import_tables(&cn, "", None, Some(&o(""))).unwrap();
    let e = &r.errors[0].message;
    assert!(!e.contains("--"), "{e}");
    assert!(
        e.contains("In the table, largest first: 601 澳大利亚 (4 rows); 133 韩国 (2 rows)"),
        "{e}"
    );
    let partners = r.facts.iter().find(|f| f.key == "partners").unwrap();
    assert_eq!(partners.value, "601 澳大利亚; 133 韩国");
    assert!(partners.note.is_some());

    // The partners given: the product asked, largest first, among Australia's rows.
    let both =
        r#", "partners": [{"code": "CN", "name": "China"}, {"code": "601", "name": "Australia"}]"#;
    let r = builder::import_tables(&cn, "", None, Some(&o(both))).unwrap();
    // Both questions at once (the product, and what the money column holds), each at its
    // field, neither naming a flag.
    assert_eq!(r.dataset, None);
    assert_eq!(r.errors.len(), 2, "{:#?}", r.errors);
    for e in &r.errors {
        assert!(!e.message.contains("--"), "{}", e.message);
    }
    assert!(
        r.errors[1].message.contains("under “What I read”"),
        "{}",
        r.errors[1].message
    );
    let e = &r.errors[0];
    assert!(
        e.message
            .contains("choose it as “Product” under “What I read”"),
        "{}",
        e.message
    );
    let partners = r.facts.iter().find(|f| f.key == "partners").unwrap();
    assert_eq!(partners.note, None, "the partner given: nothing to ask");
    let product = r.facts.iter().find(|f| f.key == "product").unwrap();
    let choices: Vec<(&str, &str)> = (product.choices.iter())
        .map(|c| (c.value.as_str(), c.label.as_str()))
        .collect();
    assert_eq!(
        choices,
        [
            ("", "Choose the product to chart"),
            ("26011100", "26011100 未烧结铁矿砂"),
            ("26011200", "26011200 已烧结铁矿砂")
        ]
    );
    assert_eq!(product.chosen.as_deref(), Some(""));

    // The product chosen: the flow asked of the money column (#10 美元).
    let with = format!(r#"{both}, "commodity": "26011100""#);
    let r = builder::import_tables(&cn, "", None, Some(&o(&with))).unwrap();
    let e = one_error(&r);
    assert!(!e.message.contains("--"), "{}", e.message);
    let product = r.facts.iter().find(|f| f.key == "product").unwrap();
    assert_eq!(product.chosen.as_deref(), Some("26011100"));
    let column = r.facts.iter().find(|f| f.key == "column").unwrap();
    assert_eq!(column.subject.as_deref(), Some("#10 美元"));
    let choices: Vec<&str> = column.choices.iter().map(|c| c.value.as_str()).collect();
    assert_eq!(choices, ["", "#10=CN>601", "#10=601>CN"]);

    // Both answered: China's imports from Australia of the one product, three months.
    let with = format!(r##"{with}, "flows": ["#10=601>CN"]"##);
    let r = builder::import_tables(&cn, "", None, Some(&o(&with))).unwrap();
    let d = parsed(&r);
    assert_eq!(d.series.len(), 1, "{:#?}", d.series);
    assert_eq!(d.series[0].direction, "601>CN");
    let values: Vec<Option<f64>> = (d.series[0].observations.iter()).map(|x| x.value).collect();
    assert_eq!(
        values,
        [Some(1_111_111.0), Some(1_234_567.0), Some(1_300_000.0)]
    );

    // A product the table does not hold: said at the field, its products listed.
    let with = format!(r#"{both}, "commodity": "9999""#);
    let r = builder::import_tables(&cn, "", None, Some(&o(&with))).unwrap();
    assert_eq!(
        r.errors.len(),
        2,
        "the product and the flow: {:#?}",
        r.errors
    );
    let e = &r.errors[0];
    assert!(!e.message.contains("--"), "{}", e.message);
    assert_eq!(e.field.as_deref(), Some("options.commodity"));
    assert!(
        e.message.contains("26011100 未烧结铁矿砂 (3 rows)"),
        "{}",
        e.message
    );
}

/// A table of flows as words against the world (ELSTAT's layout): the product asked, and
/// no flow question (its flow column says each row's).
#[test]
fn an_office_table_of_flows_as_words_asks_only_its_product() {
    let en = fixture("tests/fixtures/office/en-flows.csv");
    let o = |more: &str| {
        format!(
            r#"{{"observationsFile": "gr.csv", "source": "ELSTAT | Trade by SITC | https://www.statistics.gr | 2023-01-10",
            "partners": [{{"code": "GR", "name": "Greece"}}, {{"code": "WLD", "name": "World"}}]{more}}}"#
        )
    };
    let r = builder::import_tables(&en, "", None, Some(&o(""))).unwrap();
    let e = one_error(&r);
    assert!(!e.message.contains("--"), "{}", e.message);
    assert!(r.facts.iter().all(|f| f.key != "column"), "{:#?}", r.facts);
    let product = r.facts.iter().find(|f| f.key == "product").unwrap();
    let values: Vec<&str> = product.choices.iter().map(|c| c.value.as_str()).collect();
    assert_eq!(values, ["", "0", "1"]);
    let r = builder::import_tables(&en, "", None, Some(&o(r#", "commodity": "1""#))).unwrap();
    let d = parsed(&r);
    let mut values: Vec<f64> = (d.series.iter())
        .flat_map(|s| s.observations.iter().filter_map(|x| x.value))
        .collect();
    values.sort_by(f64::total_cmp);
    assert_eq!(values, [200_002.0, 210_006.0, 300_004.0, 310_008.0]);
}
