//! Every error carries a stable code and a location: a field path, a line and column
//! in JSON text, or a table cell. docs/DATA.md lists the codes.

use serde_json::{json, Value};
use trade_chart::data::{Dataset, DEFAULT_JSON};
use trade_chart::error::{ErrorKind, Location};
use trade_chart::Error;

fn with(f: impl FnOnce(&mut Value)) -> Value {
    let mut v: Value = serde_json::from_str(DEFAULT_JSON).unwrap();
    f(&mut v);
    v
}

/// JSON with a syntax error (`x` is no value) at line 3, column 25.
const BROKEN: &str = "{\"schema\": 1,\n  \"id\": \"kp\",\n  \"partners\": [{\"code\": x}]}";

fn err(v: &Value) -> Error {
    Dataset::from_json(&v.to_string()).expect_err("accepted invalid data")
}

/// The code, path and message of an error, for one assertion per case.
fn parts(e: &Error) -> (&'static str, &str, &str) {
    (e.code(), e.path(), e.message())
}

#[test]
fn a_json_syntax_error_has_a_line_and_column() {
    let e = Dataset::from_json(BROKEN).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::JsonSyntax);
    assert_eq!(e.code(), "json-syntax");
    assert_eq!(
        e.location(),
        &Location::Text {
            path: "partners[0].code".into(),
            line: 3,
            column: 25
        }
    );
    assert_eq!((e.row(), e.column()), (Some(3), Some(25)));
    assert_eq!(e.path(), "partners[0].code");
    assert_eq!(
        e.to_string(),
        "partners[0].code: expected value at line 3 column 25"
    );
    assert_eq!((e.expectation(), e.found()), (None, None));

    // Text that ends too soon, and text after the object, are syntax errors too.
    let e = Dataset::from_json("{\"schema\": 1,").unwrap_err();
    assert_eq!(
        (e.code(), e.row(), e.column()),
        ("json-syntax", Some(1), Some(13))
    );
    let e = Dataset::from_json(&format!("{DEFAULT_JSON} 1")).unwrap_err();
    assert_eq!(e.code(), "json-syntax");
    assert_eq!(e.path(), "");
    assert!(e.row().unwrap() > 100, "{e}");
}

#[test]
fn serde_errors_are_classified_by_kind() {
    let e = err(&with(|v| {
        v["series"][1]["observations"][0]
            .as_object_mut()
            .unwrap()
            .remove("period");
    }));
    assert_eq!(
        parts(&e),
        (
            "missing-field",
            "series[1].observations[0].period",
            "missing field `period`"
        )
    );
    assert_eq!(
        e.location(),
        &Location::Path("series[1].observations[0].period".into())
    );
    // A data error names its field instead of a line: no row or column.
    assert_eq!((e.row(), e.column()), (None, None));

    let e = err(&with(|v| {
        v["series"][0]["observations"][0]["valu"] = json!(1)
    }));
    assert_eq!(e.code(), "unknown-field");
    assert_eq!(e.path(), "series[0].observations[0].valu");

    let e = err(&with(|v| v["series"][0]["label"] = json!(5)));
    assert_eq!(e.kind(), ErrorKind::InvalidType);
    assert_eq!(e.code(), "invalid-type");
    assert_eq!(e.path(), "series[0].label");

    let e = err(&with(|v| v["unit"]["scale"] = json!("many")));
    assert_eq!(e.code(), "invalid-type");

    // Not an object at all: the wrong type, at no path.
    let e = Dataset::from_json("[]").unwrap_err();
    assert_eq!(e.code(), "invalid-type");
    assert_eq!(e.location(), &Location::None);
    assert_eq!(e.found(), Some("an array"));
}

#[test]
fn a_bad_value_says_what_was_expected_and_found() {
    let e = err(&with(|v| {
        v["series"][2]["observations"][4]["value"] = json!(-3)
    }));
    assert_eq!(e.kind(), ErrorKind::InvalidValue);
    assert_eq!(e.code(), "invalid-value");
    assert_eq!(e.path(), "series[2].observations[4].value");
    assert_eq!(e.expectation(), Some("a finite number ≥ 0"));
    assert_eq!(e.found(), Some("-3"));
    assert_eq!(e.message(), "expected a finite number ≥ 0, found -3");

    let e = err(&with(|v| v["views"][0]["kind"] = json!("pie")));
    assert_eq!(e.code(), "invalid-value");
    assert_eq!(e.found(), Some("\"pie\""));
}

#[test]
fn references_to_unknown_ids_and_ids_given_twice() {
    let e = err(&with(|v| v["series"][0]["basis"] = json!("nope")));
    assert_eq!(
        parts(&e),
        ("unknown-id", "series[0].basis", "unknown basis \"nope\"")
    );
    assert_eq!(e.found(), Some("\"nope\""));

    let e = err(&with(|v| {
        v["claims"][0]["check"]["equals"] = json!("tw-1066")
    }));
    assert_eq!(
        parts(&e),
        (
            "unknown-id",
            "claims[0].check.equals",
            "unknown observation \"tw-1066\""
        )
    );

    let e = err(&with(|v| {
        v["sources"][1]["id"] = v["sources"][0]["id"].clone();
    }));
    assert_eq!(e.kind(), ErrorKind::DuplicateId);
    assert_eq!(e.code(), "duplicate-id");
    assert_eq!(e.path(), "sources[1].id");
    assert_eq!(e.found(), Some("\"walltrace-2021-02-22\""));

    let e = err(&with(|v| {
        v["partners"][1]["code"] = v["partners"][0]["code"].clone()
    }));
    assert_eq!(e.code(), "duplicate-id");
    assert_eq!(e.path(), "partners[1].code");
}

#[test]
fn the_checks_of_the_schema_have_their_own_codes() {
    // Two figures for one period of a series.
    let e = err(&with(|v| {
        let o = v["series"][0]["observations"][0].clone();
        v["series"][0]["observations"]
            .as_array_mut()
            .unwrap()
            .push(o);
    }));
    assert_eq!(e.code(), "overlap");
    assert!(e.path().ends_with(".period"), "{e}");

    // Beyond 10¹⁷ of the dataset's currency.
    let e = err(&with(|v| {
        v["series"][0]["observations"][0]["value"] = json!(1e12)
    }));
    assert_eq!(e.code(), "too-large");
    assert_eq!(e.found(), Some("1000000000000"));
    assert_eq!(
        e.expectation(),
        Some("at most 100000000000 in this unit (10¹⁷ in the dataset's currency)")
    );

    // A currency that is not a known ISO 4217 code.
    for bad in ["usd", "RMB", "EURO", "XAU", ""] {
        let e = err(&with(|v| v["unit"]["currency"] = json!(bad)));
        assert_eq!(e.code(), "invalid-value", "{bad}");
        assert_eq!(e.path(), "unit.currency");
        assert_eq!(e.found(), Some(format!("\"{bad}\"").as_str()));
        assert_eq!(
            e.expectation(),
            Some("a known ISO 4217 code in capitals (\"USD\", \"EUR\", \"KRW\"…)")
        );
    }

    // A derived figure whose formula refers to itself.
    let e = err(&with(|v| {
        v["series"][0]["observations"][5]["derived"]["of"] = json!(["tw-2012", "cnkp-2012"])
    }));
    assert_eq!(e.code(), "formula");
    assert_eq!(e.path(), "series[0].observations[5].derived.of");

    // "agrees" with a figure the data do not give.
    let e = err(&with(|v| v["claims"][0]["figure"]["value"] = json!(600)));
    assert_eq!(e.code(), "claim-check");
    assert_eq!(e.path(), "claims[0].status");

    // A figure without a value (a gap is left out).
    let e = err(&with(|v| {
        v["series"][0]["observations"][0]
            .as_object_mut()
            .unwrap()
            .remove("value");
    }));
    assert_eq!(e.code(), "missing-field");
    assert_eq!(e.path(), "series[0].observations[0].value");

    // Another schema version, and a language the widget does not speak.
    let e = err(&with(|v| v["schema"] = json!(2)));
    assert_eq!(
        (e.code(), e.path(), e.expectation(), e.found()),
        ("unsupported", "schema", Some("1"), Some("2"))
    );
    let e = err(&with(|v| {
        v["title"] = json!({"en": "Trade", "fr": "Commerce"})
    }));
    assert_eq!((e.code(), e.path()), ("unsupported", "title.fr"));
}

#[test]
fn within_keeps_the_code_and_the_context() {
    let e = err(&with(|v| {
        v["series"][2]["observations"][4]["value"] = json!(-3)
    }))
    .within("data");
    assert_eq!(e.code(), "invalid-value");
    assert_eq!(e.path(), "data.series[2].observations[4].value");
    assert_eq!(e.expectation(), Some("a finite number ≥ 0"));
    assert_eq!(e.found(), Some("-3"));
    assert_eq!(
        e.to_string(),
        "data.series[2].observations[4].value: expected a finite number ≥ 0, found -3"
    );

    // A syntax error keeps its line and column.
    let e = Dataset::from_json(BROKEN).unwrap_err().within("data");
    assert_eq!(
        (e.code(), e.path(), e.row(), e.column()),
        ("json-syntax", "data.partners[0].code", Some(3), Some(25))
    );

    // An error with no path gets the prefix as its path; `[…]` joins without a dot.
    let e = Error::at(ErrorKind::UnknownId, "", "unknown view").within("options");
    assert_eq!((e.code(), e.path()), ("unknown-id", "options"));
    assert_eq!(Error::new("[3]", "bad").within("x").path(), "x[3]");
}

#[test]
fn the_old_constructors_keep_their_display_and_get_a_default_kind() {
    let e = Error::new("options.view", "no such view");
    assert_eq!(
        (e.code(), e.to_string().as_str()),
        ("invalid-value", "options.view: no such view")
    );
    assert_eq!(e.location(), &Location::Path("options.view".into()));
    let e = Error::new("", "no path");
    assert_eq!(
        (e.location(), e.to_string().as_str()),
        (&Location::None, "no path")
    );
    let e = Error::expected("theme.bg", "a CSS colour", "\"blurple\"");
    assert_eq!(e.kind(), ErrorKind::InvalidValue);
    assert_eq!(
        e.to_string(),
        "theme.bg: expected a CSS colour, found \"blurple\""
    );
    let e = Error::expected_as(
        ErrorKind::Size,
        "container.width",
        "a size from 1 to 20000 px",
        0,
    );
    assert_eq!((e.code(), e.found()), ("invalid-size", Some("0")));
    // from_serde: the JS prefix goes, a missing field moves into the path.
    let e = Error::from_serde("data.series[0]".into(), "Error: missing field `label`");
    assert_eq!(
        (e.code(), e.path(), e.message()),
        (
            "missing-field",
            "data.series[0].label",
            "missing field `label`"
        )
    );
    let e = Error::from_serde(
        "options".into(),
        "unknown field `veiw`, expected one of `view`, `lang`",
    );
    assert_eq!((e.code(), e.path()), ("unknown-field", "options"));
}

#[test]
fn a_cell_error_is_shown_as_file_row_column() {
    let e = Error::expected("value", "a number", "\"n/a\"").in_cell(Some("trade.tsv"), 3, 2);
    assert_eq!(
        e.to_string(),
        "trade.tsv:3:2: value: expected a number, found \"n/a\""
    );
    assert_eq!(
        e.location(),
        &Location::Cell {
            file: Some("trade.tsv".into()),
            row: 3,
            column: 2,
            field: Some("value".into())
        }
    );
    assert_eq!((e.row(), e.column(), e.path()), (Some(3), Some(2), "value"));
    assert_eq!((e.code(), e.found()), ("invalid-value", Some("\"n/a\"")));

    // Without a file name or a field; `within` names the field, the cell stays.
    let e = Error::at(ErrorKind::MissingField, "", "an empty cell").in_cell(None, 7, 1);
    assert_eq!(e.to_string(), "row 7, column 1: an empty cell");
    assert_eq!(e.path(), "");
    let e = e.within("columns");
    assert_eq!(e.to_string(), "row 7, column 1: columns: an empty cell");
    assert_eq!(
        (e.code(), e.row(), e.column()),
        ("missing-field", Some(7), Some(1))
    );
}

#[test]
fn every_code_is_documented_once() {
    let doc = include_str!("../docs/DATA.md");
    let section = doc
        .split("\n## Error codes")
        .nth(1)
        .expect("docs/DATA.md has a section \"Error codes\"");
    let section = section.split("\n## ").next().unwrap();
    let mut seen = std::collections::HashSet::new();
    for kind in ErrorKind::ALL {
        let code = kind.code();
        assert!(
            code.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
            "{code} is not kebab-case"
        );
        assert!(seen.insert(code), "{code} is used twice");
        assert!(
            section.contains(&format!("| `{code}` |")),
            "docs/DATA.md does not list {code}"
        );
    }
    // And the codes the JS shell raises.
    for code in [
        "not-an-element",
        "already-mounted",
        "destroyed",
        "stopped",
        "bad-data",
        "png-encode",
        "fetch-failed",
        "not-ready",
        "full-failed",
    ] {
        assert!(seen.insert(code), "{code} clashes with a Rust code");
        assert!(
            section.contains(&format!("| `{code}` |")),
            "docs/DATA.md does not list {code}"
        );
    }
    // No row in the table that is not a code we know.
    let rows = section
        .lines()
        .filter(|l| l.starts_with("| `") && !l.starts_with("| `."))
        .count();
    assert_eq!(
        rows,
        seen.len(),
        "docs/DATA.md lists codes that do not exist"
    );
}
