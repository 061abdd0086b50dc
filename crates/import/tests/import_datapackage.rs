//! Frictionless data packages (src/import/datapackage.rs): export, import and the round
//! trip, for the default dataset and a spreadsheet import. The hand-made package below
//! is made up for the tests: not real figures.

use std::path::PathBuf;

use trade_chart::RawDataset;
use trade_chart_import::datapackage::{self, DESCRIPTOR};

const KP_CN: &str = include_str!("../../../data/kp-cn.json");

fn dir(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("dp-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn json(d: &RawDataset) -> serde_json::Value {
    serde_json::to_value(d).unwrap()
}

#[test]
fn the_default_dataset_round_trips_through_a_package() {
    let raw: RawDataset = serde_json::from_str(KP_CN).unwrap();
    let d = dir("kp-cn");
    let package = datapackage::export(&raw);
    package.write(&d).unwrap();
    // The tables: one row per observation and per source, with a Table Schema each.
    let n: usize = raw.series.iter().map(|s| s.observations.len()).sum();
    assert_eq!(package.observations.lines().count(), n + 1);
    assert_eq!(package.sources.lines().count(), raw.sources.len() + 1);
    assert!(package.observations.starts_with(
        "series,direction,period,value,unit,basis,qualifier,sources,category,note,id\r\n"
    ));
    let desc: serde_json::Value = serde_json::from_str(&package.descriptor).unwrap();
    assert_eq!(desc["name"], "kp-cn");
    assert_eq!(
        desc["resources"][0]["schema"]["fields"][3]["type"],
        "number"
    );
    assert_eq!(
        desc["resources"][0]["schema"]["fields"][2]["type"],
        "string"
    );
    // What the tables cannot carry is in the trade-chart property.
    let carried = &desc["trade-chart"];
    assert!(carried["views"].as_array().unwrap().len() >= 3);
    assert!(!carried["claims"].as_array().unwrap().is_empty());
    assert!(carried.get("sources").is_none());
    // And back: the same dataset.
    let back = datapackage::import_path(&d).unwrap();
    assert_eq!(json(&back.dataset), json(&raw));
    back.check().unwrap();
    let back = datapackage::import_path(&d.join(DESCRIPTOR)).unwrap();
    assert_eq!(json(&back.dataset), json(&raw));
}

#[test]
fn a_spreadsheet_import_round_trips_and_validation_errors_point_at_rows() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/import");
    let obs = std::fs::read_to_string(format!("{fixtures}/observations.tsv")).unwrap();
    let src = std::fs::read_to_string(format!("{fixtures}/sources.tsv")).unwrap();
    let i = trade_chart_import::import(
        trade_chart_import::Input {
            name: "observations.tsv",
            text: &obs,
        },
        trade_chart_import::Input {
            name: "sources.tsv",
            text: &src,
        },
        &trade_chart_import::SheetOptions::default(),
    )
    .unwrap();
    let d = dir("sheet");
    datapackage::export(&i.dataset).write(&d).unwrap();
    let back = datapackage::import_path(&d).unwrap();
    assert_eq!(json(&back.dataset), json(&i.dataset));
    // A period edited into a day: validation's error is at its cell in observations.csv.
    let path = d.join("observations.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replacen(",2019,", ",2019-13,", 1);
    assert_ne!(text, edited);
    std::fs::write(&path, edited).unwrap();
    // Edited there alone, the link row of its sources names no observation any more
    // (as the reference validator's foreign key says too).
    let links = d.join(datapackage::OBSERVATION_SOURCES);
    let e = datapackage::import_path(&d).map(|_| ()).unwrap_err();
    assert_eq!(
        e[0].to_string(),
        format!(
            "{}:2:1: series: expected an observation of {} (series, period, category), found \"kr-jp-annual, 2019, \"",
            links.display(),
            path.display()
        )
    );
    assert_eq!(
        e[1].to_string(),
        format!(
            "{}:2:8: sources: expected the sources {} lists for this row (none), found \"demo-stats\"",
            path.display(),
            links.display()
        )
    );
    let link_text = std::fs::read_to_string(&links).unwrap();
    std::fs::write(&links, link_text.replacen(",2019,", ",2019-13,", 1)).unwrap();
    let e = datapackage::import_path(&d).unwrap().check().unwrap_err();
    let at = path.display().to_string();
    assert!(
        e.to_string().starts_with(&format!("{at}:2:3: period:")),
        "{e}"
    );
    // A series the package does not have: an error at its cell.
    std::fs::write(&path, text.replacen("kr-jp-annual", "nope", 1)).unwrap();
    let e = datapackage::import_path(&d).unwrap_err();
    assert!(
        e[0].to_string().starts_with(&format!(
            "{at}:2:1: series: expected a series of the package"
        )),
        "{}",
        e[0]
    );
}

/// A package made by hand (no trade-chart property): read as the spreadsheet tables are,
/// with Table Schema types and the licence as a note.
#[test]
fn a_hand_made_package_is_read_as_tables() {
    let d = dir("hand");
    std::fs::write(
        d.join(DESCRIPTOR),
        r#"{
  "name": "made-up-kr-jp",
  "title": "Made-up trade (for tests)",
  "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0"}],
  "sources": [{"title": "Made-up office", "path": "https://example.invalid/"}],
  "resources": [
    {"name": "observations", "path": "obs.csv", "schema": {"fields": [
      {"name": "direction", "type": "string"}, {"name": "period", "type": "yearmonth"},
      {"name": "value", "type": "number", "decimalChar": ","}, {"name": "unit", "type": "string"},
      {"name": "sources", "type": "string"}]}},
    {"name": "sources", "path": "src.csv", "schema": {"fields": [
      {"name": "id", "type": "string"}, {"name": "publisher", "type": "string"},
      {"name": "title", "type": "string"}, {"name": "date", "type": "date"},
      {"name": "url", "type": "string"}]}},
    {"name": "annotations", "path": "ann.csv"}
  ]
}"#,
    )
    .unwrap();
    std::fs::write(
        d.join("obs.csv"),
        "direction;period;value;unit;sources\nKR>JP;2020-01;1,5;USD million;s\nJP>KR;2020-01;2,25;USD million;s\n",
    )
    .unwrap();
    std::fs::write(
        d.join("src.csv"),
        "id,publisher,title,date,url\ns,Made-up office,Invented (for tests),2021-02-03,https://example.invalid/\n",
    )
    .unwrap();
    // An annotations resource is read as an annotations table: blank sources, the one
    // source; blank views, the time views that show it.
    std::fs::write(
        d.join("ann.csv"),
        "id,period,label,text\nev,2020-01,Event,A made-up event.\n",
    )
    .unwrap();
    let i = datapackage::import_path(&d).unwrap();
    let ds = i.check().unwrap();
    assert_eq!(i.dataset.annotations[0].sources, ["s"]);
    assert_eq!(i.dataset.views[0].annotations, ["ev"]);
    assert_eq!(ds.annotations[0].label.en, "Event");
    assert_eq!(i.dataset.id, "made-up-kr-jp");
    assert_eq!(i.dataset.series[0].observations[0].value, Some(1.5));
    assert_eq!(i.dataset.series[1].observations[0].value, Some(2.25));
    assert_eq!(ds.views[0].id, "monthly");
    assert_eq!(
        serde_json::to_value(&i.dataset.notes).unwrap(),
        serde_json::json!(["Licence: Creative Commons Attribution 4.0"])
    );
    // A resource that is missing: named.
    std::fs::remove_file(d.join("src.csv")).unwrap();
    let e = datapackage::import_path(&d).unwrap_err();
    assert!(
        e[0].to_string().contains("src.csv: cannot read"),
        "{}",
        e[0]
    );
}

#[test]
fn a_dataset_in_won_round_trips_in_won() {
    let mut raw: RawDataset = serde_json::from_str(KP_CN).unwrap();
    raw.unit.currency = "KRW".into();
    let d = dir("krw");
    let package = datapackage::export(&raw);
    package.write(&d).unwrap();
    // The unit column names the won, never the dollar.
    let second = package.observations.lines().nth(1).unwrap();
    assert!(second.contains(",KRW million,"), "{second}");
    assert!(!package.observations.contains("USD"));
    let back = datapackage::import_path(&d).unwrap();
    assert_eq!(json(&back.dataset), json(&raw));
    back.check().unwrap();
    // A row in another currency than the dataset's is an error at its cell.
    let obs = d.join("observations.csv");
    let text = std::fs::read_to_string(&obs).unwrap();
    std::fs::write(&obs, text.replacen(",KRW million,", ",USD million,", 1)).unwrap();
    let e = datapackage::import_path(&d).map(|_| ()).unwrap_err();
    let first = e.first().expect("an error").to_string();
    assert!(
        first.ends_with(
            "unit: expected KRW, KRW thousand, KRW million or KRW billion, found \"USD million\""
        ),
        "{first}"
    );
}

/// The made-up tables with a point and a span (tests/fixtures/import/annotations.tsv), a
/// Korean label and a credit line: the dataset a package with annotations is written from.
fn annotated() -> trade_chart_import::Import {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/import");
    let read = |f: &str| std::fs::read_to_string(format!("{fixtures}/{f}")).unwrap();
    let (obs, src, views, ann) = (
        read("observations.tsv"),
        read("sources.tsv"),
        read("views.tsv"),
        read("annotations.tsv"),
    );
    let input = |name, text| trade_chart_import::Input { name, text };
    let mut i = trade_chart_import::import(
        input("observations.tsv", &obs),
        input("sources.tsv", &src),
        &trade_chart_import::SheetOptions::default(),
    )
    .unwrap()
    .with_views(input("views.tsv", &views))
    .unwrap()
    .with_annotations(input("annotations.tsv", &ann))
    .unwrap()
    .with_text(input(
        "text.tsv",
        "key\ten\tko\tzh\nannotation.slump.label\tSlump\t부진\t低迷\ncredit\tChart: Made-up Desk\t그래픽: 가상 데스크\t\n",
    ))
    .unwrap();
    i.dataset.annotations[0].label = trade_chart::data::RawText::Plain("-3% strike".into());
    i.check().unwrap();
    i
}

#[test]
fn annotations_are_a_table_of_their_own_and_come_back() {
    let i = annotated();
    let d = dir("annotated");
    let package = datapackage::export(&i.dataset);
    package.write(&d).unwrap();
    let names: Vec<&str> = package.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "datapackage.json",
            "observations.csv",
            "sources.csv",
            "observation-sources.csv",
            "annotations.csv",
            "annotation-sources.csv"
        ]
    );
    assert_eq!(
        package.file("annotations.csv").unwrap(),
        "id,period,to,label,text,sources,views\r\n\
         strike,2021-03,,\"'-3% strike\",A made-up port strike stopped loading for a week.,demo-news,months\r\n\
         slump,2021-02,2021-04,Slump,\"Made-up months of weak orders, for the tests.\",demo-stats;demo-news,months\r\n"
    );
    assert_eq!(
        package.file("annotation-sources.csv").unwrap(),
        "annotation,source\r\nstrike,demo-news\r\nslump,demo-stats\r\nslump,demo-news\r\n"
    );
    let desc: serde_json::Value = serde_json::from_str(&package.descriptor).unwrap();
    let ann = &desc["resources"][3];
    assert_eq!(ann["name"], "annotations");
    assert_eq!(ann["schema"]["fields"][1]["type"], "yearmonth");
    assert_eq!(ann["schema"]["primaryKey"], "id");
    // Only the other languages stay in the trade-chart property; the credit line too.
    let carried = &desc["trade-chart"];
    assert_eq!(carried["annotations"].as_array().unwrap().len(), 1);
    assert_eq!(carried["annotations"][0]["label"]["ko"], "부진");
    assert_eq!(carried["credit"]["ko"], "그래픽: 가상 데스크");
    assert!(carried["views"][1].get("annotations").is_none());
    // And back: the same dataset (the guard's ' taken off, the Korean put back).
    let back = datapackage::import_path(&d).unwrap();
    assert_eq!(json(&back.dataset), json(&i.dataset));
    back.check().unwrap();

    // A source edited in annotations.csv alone: the link table disagrees, at its cell.
    let path = d.join("annotations.csv");
    let text = package.file("annotations.csv").unwrap();
    std::fs::write(
        &path,
        text.replacen(",demo-news,months", ",demo-stats,months", 1),
    )
    .unwrap();
    let e = datapackage::import_path(&d).map(|_| ()).unwrap_err();
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(
        e[0].to_string(),
        format!(
            "{}:2:6: sources: expected the sources {} lists for this row (demo-news), found \"demo-stats\"",
            path.display(),
            d.join("annotation-sources.csv").display()
        )
    );
    // An annotation's error is at its cell of annotations.csv, as the table's.
    std::fs::write(&path, text.replacen("2021-03", "2021-13", 1)).unwrap();
    let e = datapackage::import_path(&d).map(|_| ()).unwrap_err();
    assert!(
        e[0].to_string().starts_with(&format!(
            "{}:2:2: period: expected a period",
            path.display()
        )),
        "{}",
        e[0]
    );
}

/// A package written before annotations had a table of their own (the annotations whole
/// in the trade-chart property, the views' lists there too, no link tables) reads as it
/// did: the same dataset.
#[test]
fn a_package_written_before_the_link_tables_still_reads() {
    let raw: RawDataset = serde_json::from_str(KP_CN).unwrap();
    let d = dir("old-style");
    let package = datapackage::export(&raw);
    package.write(&d).unwrap();
    let mut desc: serde_json::Value = serde_json::from_str(&package.descriptor).unwrap();
    let resources = desc["resources"].as_array_mut().unwrap();
    resources.retain(|r| r["name"] == "observations" || r["name"] == "sources");
    resources[0]["schema"]["foreignKeys"] = serde_json::json!(
        [{"fields": "sources", "reference": {"resource": "sources", "fields": "id"}}]
    );
    let full = json(&raw);
    desc["trade-chart"]["annotations"] = full["annotations"].clone();
    desc["trade-chart"]["views"] = full["views"].clone();
    std::fs::write(d.join(DESCRIPTOR), desc.to_string()).unwrap();
    for f in [
        "observation-sources.csv",
        "annotations.csv",
        "annotation-sources.csv",
    ] {
        std::fs::remove_file(d.join(f)).unwrap();
    }
    let back = datapackage::import_path(&d).unwrap();
    assert_eq!(json(&back.dataset), full);
}
