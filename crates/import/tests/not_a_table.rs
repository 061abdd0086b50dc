//! A file that is not a table of figures (a saved error message, a web page, a JSON
//! document) given to the spreadsheet or the UN Comtrade reader: one error, code
//! `not-a-table`, at its first line, quoting it. Every text here is made up.

use trade_chart::{Error, Location};
use trade_chart_import::comtrade::{self, ComtradeOptions};
use trade_chart_import::{self as import, Input, SheetOptions};

const SOURCES: &str = "id\tpublisher\ttitle\tdate\turl\n\
    s1\tMade-up Office\tInvented figures\t2021\thttps://example.invalid/s1\n";

const OBSERVATIONS: &str = "direction\tperiod\tvalue\tunit\tsources\n\
    KR>JP\t2020\t1\tUSD million\ts1\n\
    JP>KR\t2020\t2\tUSD million\ts1\n";

/// Each kind: the file's text, the words that name what it is, and the line quoted.
const NOT_TABLES: [(&str, &str, &str); 6] = [
    (
        "{\"error\":\"Made-up limit: this query asks for too much, ask for less\"}\n",
        "but JSON, perhaps an error message",
        "{\"error\":\"Made-up limit: this query asks for too much, ask for less\"}",
    ),
    (
        "Made-up limit: this query asks for too many partners, periods or products at once; ask for fewer of them\n",
        "but text, perhaps an error message",
        "Made-up limit: this query asks for too many partners, periods or products at onc…",
    ),
    (
        "\u{feff}<!DOCTYPE html>\n<html><head><title>Made-up portal</title></head>\n<body><p>Sign in, please.</p></body></html>\n",
        "but a web page (HTML)",
        "<!DOCTYPE html>",
    ),
    (
        "<html lang=\"en\">\n<body>Nothing here, 404</body>\n</html>\n",
        "but a web page (HTML)",
        "<html lang=\"en\">",
    ),
    (
        "{\n  \"schema\": 1,\n  \"id\": \"kr-jp\"\n}\n",
        "but JSON, perhaps an error message saved in place of the data (a dataset in JSON is given as a .json file)",
        "{",
    ),
    (
        "Service temporarily unavailable.\nPlease come back later.\n",
        "but text",
        "Service temporarily unavailable.",
    ),
];

fn sheet(obs: &str, sources: &str) -> Vec<Error> {
    import::import(
        Input {
            name: "obs.csv",
            text: obs,
        },
        Input {
            name: "sources.csv",
            text: sources,
        },
        &SheetOptions::default(),
    )
    .map(|_| ())
    .expect_err("read as a table")
}

fn is_the_one_error(errors: &[Error], file: &str, words: &str, quoted: &str) {
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let e = &errors[0];
    assert_eq!(e.code(), "not-a-table", "{e}");
    assert!(
        matches!(e.location(), Location::Cell { file: Some(f), column: 1, .. } if f == file),
        "{e}"
    );
    let m = e.to_string();
    assert!(
        m.starts_with(&format!("{file}:1:1: not a table of figures {words}")),
        "{m}"
    );
    assert!(
        m.ends_with(&format!("; its first line: \"{quoted}\"")),
        "{m}"
    );
}

#[test]
fn the_spreadsheet_reader_gives_one_error_quoting_the_first_line() {
    for (text, words, quoted) in NOT_TABLES {
        is_the_one_error(&sheet(text, SOURCES), "obs.csv", words, quoted);
        // The sources table too; both files, one error each.
        is_the_one_error(&sheet(OBSERVATIONS, text), "sources.csv", words, quoted);
        let both = sheet(text, text);
        assert_eq!(both.len(), 2, "{both:#?}");
        is_the_one_error(&both[1..], "sources.csv", words, quoted);
    }
}

#[test]
fn the_comtrade_reader_gives_one_error_quoting_the_first_line() {
    for (text, words, quoted) in NOT_TABLES {
        let errors = comtrade::import("download.csv", text.as_bytes(), &ComtradeOptions::default())
            .map(|_| ())
            .expect_err("read as a download");
        is_the_one_error(&errors, "download.csv", words, quoted);
    }
}

#[test]
fn the_first_non_blank_line_is_quoted_at_its_row() {
    let e = sheet("\n\n  Made-up outage: no data today  \n", SOURCES);
    assert_eq!(
        e[0].to_string(),
        "obs.csv:3:1: not a table of figures but text, perhaps an error message saved in place of the data; its first line: \"Made-up outage: no data today\""
    );
}

#[test]
fn tables_keep_their_own_errors() {
    // A header with no data row, an unknown wide table: today's errors, not this one.
    for t in [
        "direction,period,value,unit,sources\n",
        "Month,Exports,Imports,Balance\n1985-01-01,1.5,2.5,-1\n",
        "Trade with a made-up partner (unit: USD thousand)\nyear,value\n2020,5\n",
    ] {
        let e = sheet(t, SOURCES);
        assert!(e.iter().all(|e| e.code() != "not-a-table"), "{e:#?}");
    }
}
