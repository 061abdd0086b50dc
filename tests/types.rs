//! The TypeScript types of what crosses to JS are held to the Rust structs: every
//! interface below names exactly the fields serde_json writes for its struct (the public
//! ones in www/pkg/index.d.ts, the shell's own in www/shell/types.d.ts). A field added,
//! renamed or dropped on either side fails here with the difference.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;
use trade_chart::chart::columns::{ColSeries, Columns};
use trade_chart::chart::ColumnsChart;
use trade_chart::{Dataset, DatasetChart, Lang, Options, Widget};

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
}

/// The property names of `export interface NAME { … }` in a .d.ts text (its own fields,
/// not those of nested object types or method signatures' parameters).
fn interface_fields(dts: &str, name: &str) -> BTreeSet<String> {
    let head = format!("export interface {name} ");
    let start = dts
        .find(&head)
        .unwrap_or_else(|| panic!("no `export interface {name}`"));
    let body = &dts[start..];
    let mut at = body.find('{').unwrap();
    let mut depth = 0;
    let mut fields = BTreeSet::new();
    let mut word = String::new();
    while let Some(c) = body[at..].chars().next() {
        if body[at..].starts_with("/*") {
            at += body[at..].find("*/").unwrap() + 2;
            word.clear();
            continue;
        }
        at += c.len_utf8();
        match c {
            '{' | '(' | '<' | '[' => {
                depth += 1;
                word.clear();
            }
            '}' | ')' | '>' | ']' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
                word.clear();
            }
            ':' if depth == 1 && !word.is_empty() => {
                fields.insert(word.trim_end_matches('?').to_string());
                word.clear();
            }
            c if depth == 1 && (c.is_alphanumeric() || c == '_' || c == '?') => word.push(c),
            _ => word.clear(),
        }
    }
    fields
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .cloned()
        .collect()
}

fn json<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap()
}

fn chart() -> DatasetChart {
    let ds = Dataset::default_dataset().unwrap();
    let mut c = DatasetChart::new(ds, &Options::new(Some("monthly"), None)).unwrap();
    c.resize(800.0, 420.0).unwrap();
    c
}

#[test]
fn the_public_types_name_the_fields_rust_writes() {
    let dts = read("www/pkg/index.d.ts");
    let c = chart();
    let items = c.items();
    let claims = c.claims();
    assert!(!items.is_empty() && !claims.is_empty());
    for (name, value) in [
        ("ViewInfo", json(&c.meta().views[0])),
        ("ChartItem", json(&items[0])),
        ("ChartTable", json(&c.table())),
        ("ChartClaim", json(&claims[0])),
    ] {
        assert_eq!(interface_fields(&dts, name), keys(&value), "{name}");
    }
}

#[test]
fn the_shells_types_name_the_fields_rust_writes() {
    let dts = read("www/shell/types.d.ts");
    let c = chart();
    let meta = json(&c.meta());
    let hover = json(&c.describe(0).unwrap());
    assert_eq!(
        interface_fields(&dts, "ChartMeta"),
        keys(&meta),
        "ChartMeta"
    );
    assert_eq!(
        interface_fields(&dts, "ChartHover"),
        keys(&hover),
        "ChartHover"
    );
    assert_eq!(
        interface_fields(&dts, "ChartCapabilities"),
        keys(&meta["can"]),
        "ChartCapabilities"
    );
    assert_eq!(
        interface_fields(&dts, "ChartLegendEntry"),
        keys(&meta["legend"][0]),
        "ChartLegendEntry"
    );
    // `ui` is typed as strings by name: every one of Rust's is a string.
    assert!(meta["ui"]
        .as_object()
        .unwrap()
        .values()
        .all(Value::is_string));
    // A chart of columns writes the same shapes.
    let cols = Columns::new(
        "t".into(),
        vec![0.0, 1.0],
        vec![ColSeries {
            id: "a".into(),
            label: "A".into(),
            y: vec![1.0, 2.0],
        }],
    )
    .unwrap();
    let mut cc = ColumnsChart::new(cols, Lang::En);
    cc.resize(400.0, 300.0).unwrap();
    assert_eq!(keys(&json(&Widget::meta(&cc))), keys(&meta));
}

/// The reader above finds fields, and only an interface's own.
#[test]
fn interface_fields_reads_a_declaration() {
    let dts =
        "export interface A { x: string; /** y: no ✓ */ y?: { z: number }; f(a: number): void; \
               w: Record<string, string>; }\nexport interface B { q: 1 }";
    let want: BTreeSet<String> = ["x", "y", "w"].iter().map(|s| s.to_string()).collect();
    assert_eq!(interface_fields(dts, "A"), want);
}
