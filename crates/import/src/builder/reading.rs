//! What the builder read of a file: its encoding, chosen by the command line's detector
//! ([`crate::encoding`]) from the decodings the page's `TextDecoder` made, and the
//! "What I read" panel above the preview, as facts the page lists (their wording here,
//! in English, as the importers' messages).
//!
//! The panel is a list of [`Fact`]s: a label, a value, a note, and the choices an editor
//! can make instead (a select). Today: the format, the encoding (with its choices) and
//! the first line. Later readers add theirs to the same list (which column is which
//! flow, unit and currency, the pair), so the page shows them without new code.

use serde::{Deserialize, Serialize};
use trade_chart::data::json::from_json_text;
use trade_chart::error::{Error, ErrorKind};
use trade_chart::limits::Limit;

use crate::encoding::{self, Plan};
use crate::table::detect_delimiter;

/// What the page does before it decodes a file ([`encoding_plan`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EncodingPlan {
    /// The encoding, when the bytes alone say (a byte-order mark, or UTF-8): the
    /// page decodes the file in it and asks nothing more.
    pub label: Option<&'static str>,
    /// Whether a byte-order mark said so.
    pub bom: bool,
    /// Else the labels to decode the sample in, strictly (`TextDecoder(label, { fatal:
    /// true })`), for [`choose_encoding`]; in this order.
    pub candidates: Vec<&'static str>,
    /// How many bytes from the start the candidates are decoded over (as a stream's
    /// start when the file is longer).
    pub sample: usize,
}

/// A file's first bytes (`head`, at least [`encoding::SAMPLE_BYTES`] when the file has
/// them) and whether the whole file is valid UTF-8 → the [`EncodingPlan`]
/// ([`encoding::plan_of`]).
pub fn encoding_plan(head: &[u8], utf8: bool) -> EncodingPlan {
    let sample = head.len().min(encoding::SAMPLE_BYTES);
    match encoding::plan_of(head, utf8) {
        Plan::Known { label, bom } => EncodingPlan {
            label: Some(label),
            bom,
            candidates: Vec::new(),
            sample,
        },
        Plan::Try(candidates) => EncodingPlan {
            label: None,
            bom: false,
            candidates,
            sample,
        },
    }
}

/// One candidate's decoding, as the page sends it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Decoding {
    label: String,
    /// `null` when the bytes are not in that encoding.
    text: Option<String>,
}

/// The encoding chosen ([`choose_encoding`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Chosen {
    /// Its label, for `TextDecoder`.
    pub label: &'static str,
    /// Its name as editors know it.
    pub name: &'static str,
}

/// The candidates' decodings as JSON text, `[{ "label": "euc-kr", "text": "…" | null }]`
/// → the likeliest ([`encoding::choose`]). `Err` for text that is not such a list.
///
/// The samples are not a dataset's strings: each is the decoding of up to
/// [`encoding::SAMPLE_BYTES`] bytes, so up to that many characters (`SAMPLE_CHARS`), and
/// the list has at most one per encoding (`DECODINGS_BYTES` in all, as JSON text); a
/// dataset's 2,000-character limit on strings does not apply to them.
pub fn choose_encoding(decodings: &str) -> Result<Chosen, Error> {
    let list = decodings_of(decodings).map_err(|e| e.within("decodings"))?;
    let pairs: Vec<(&str, Option<&str>)> = list
        .iter()
        .map(|d| (d.label.as_str(), d.text.as_deref()))
        .collect();
    let label = encoding::choose(&pairs);
    Ok(Chosen {
        label,
        name: encoding::name_of(label),
    })
}

/// The longest sample [`choose_encoding`] takes, in characters: a strict decoding of
/// [`encoding::SAMPLE_BYTES`] bytes has at most one character a byte.
pub const SAMPLE_CHARS: Limit = Limit {
    max: encoding::SAMPLE_BYTES,
    unit: "characters",
    label: "64 K",
};

/// The longest list of decodings [`choose_encoding`] takes, as JSON text: one sample per
/// encoding ([`encoding::ENCODINGS`]), each at most [`SAMPLE_CHARS`] characters of at
/// most 6 bytes of JSON (`\u0001`), with room for the labels.
pub const DECODINGS_BYTES: Limit = Limit {
    max: encoding::ENCODINGS.len() * (6 * encoding::SAMPLE_BYTES + 64),
    unit: "bytes",
    label: "",
};

/// The page's decodings, as JSON text, within [`DECODINGS_BYTES`] and each sample within
/// [`SAMPLE_CHARS`] (not [`trade_chart::limits::TEXT_CHARS`]: see [`choose_encoding`]).
fn decodings_of(text: &str) -> Result<Vec<Decoding>, Error> {
    DECODINGS_BYTES.check("", text.len())?;
    let list: Vec<Decoding> = serde_json::from_str(text).map_err(|e| {
        let mut message = e.to_string();
        if let Some(i) = message.rfind(" at line ") {
            message.truncate(i);
        }
        Error::from_serde(String::new(), &message)
    })?;
    for (i, d) in list.iter().enumerate() {
        if d.label.chars().count() > 64 {
            return Err(Error::expected(
                format!("[{i}].label"),
                "an encoding's label",
                format!("{} characters", d.label.chars().count()),
            ));
        }
        if let Some(t) = &d.text {
            let n = t.chars().count();
            SAMPLE_CHARS.check(format!("[{i}].text"), n)?;
        }
    }
    Ok(list)
}

/// The options of [`what_i_read`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReadOptions {
    /// `tables`, `comtrade` or `json`: what the page reads the text as.
    kind: String,
    /// The text's first lines (a file's, as decoded; or what was pasted).
    text: String,
    /// The label of the encoding a file was decoded in; none for pasted text.
    encoding: Option<String>,
    /// Whether that encoding was guessed (not a byte-order mark's, not UTF-8's, not the
    /// editor's choice).
    #[serde(default)]
    guessed: bool,
}

/// The "What I read" panel: its facts, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reading {
    /// The facts.
    pub items: Vec<Fact>,
}

/// One fact the builder read, as the panel shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fact {
    /// What it is about, for the page and its tests (`format`, `encoding`, `first-line`).
    pub key: &'static str,
    /// Its label ("Encoding").
    pub label: &'static str,
    /// What was read ("EUC-KR (CP949)").
    pub value: String,
    /// A note after it ("guessed from its bytes"), or none.
    pub note: Option<&'static str>,
    /// Which of several facts of one key it is, shown after the label (a wide table's
    /// column: `#2 Exports`); none for a fact of its own key.
    pub subject: Option<String>,
    /// What the editor can choose instead (the value each stands for and its label);
    /// empty when nothing can be chosen.
    pub choices: Vec<Choice>,
    /// The choice that is the value, among `choices`.
    pub chosen: Option<String>,
}

/// One choice of a [`Fact`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Choice {
    /// What the page passes back (an encoding's label, a column's `--flow` setting
    /// `#2=KR>IT`, a pair `KOR,CHN`).
    pub value: String,
    /// What the editor reads.
    pub label: String,
}

/// The longest first line shown, in characters (then "…").
const FIRST_LINE_CHARS: usize = 160;

/// What the builder read of the text it was given → the panel's facts. Options (JSON
/// text): `kind` (`tables`, `comtrade`, `json`), `text` (its first lines), `encoding`
/// (the label a file was decoded in; none for pasted text), `guessed`. `Err` for bad
/// options.
pub fn what_i_read(options: &str) -> Result<Reading, Error> {
    let o: ReadOptions = from_json_text(options).map_err(|e| e.within("options"))?;
    let text = o.text.strip_prefix('\u{feff}').unwrap_or(&o.text);
    let first = text.split(['\n', '\r']).next().unwrap_or("");
    let format = match o.kind.as_str() {
        "json" => "Dataset JSON",
        "comtrade" if crate::imf::sniff(text) => "IMF Direction of Trade (DOTS) download",
        "comtrade" => "UN Comtrade download",
        "tables" => match detect_delimiter(first) {
            ',' => "Comma-separated table",
            ';' => "Semicolon-separated table",
            _ => "Tab-separated table",
        },
        other => {
            return Err(Error::expected_as(
                ErrorKind::InvalidValue,
                "options.kind",
                "`tables`, `comtrade` or `json`",
                format!("`{other}`"),
            ))
        }
    };
    let mut items = vec![Fact::plain("format", "Format", format.to_string())];
    if let Some(label) = o.encoding.as_deref() {
        let Some(label) = encoding::label_of(label) else {
            return Err(Error::expected_as(
                ErrorKind::InvalidValue,
                "options.encoding",
                "an encoding's label (utf-8, euc-kr, gbk, gb18030, windows-1252, utf-16le, utf-16be)",
                format!("\"{label}\""),
            ));
        };
        items.push(Fact {
            key: "encoding",
            label: "Encoding",
            value: encoding::name_of(label).to_string(),
            note: o.guessed.then_some("guessed from its bytes"),
            subject: None,
            choices: encoding::ENCODINGS
                .iter()
                .map(|&(value, label)| Choice::new(value, label))
                .collect(),
            chosen: Some(label.to_string()),
        });
    }
    let mut line: String = first.chars().take(FIRST_LINE_CHARS).collect();
    if first.chars().nth(FIRST_LINE_CHARS).is_some() {
        line.push('…');
    }
    items.push(Fact::plain("first-line", "First line", line));
    Ok(Reading { items })
}

impl Fact {
    /// A fact with nothing to choose.
    pub fn plain(key: &'static str, label: &'static str, value: String) -> Fact {
        Fact {
            key,
            label,
            value,
            note: None,
            subject: None,
            choices: Vec::new(),
            chosen: None,
        }
    }
}

impl Choice {
    /// A choice of `value`, read as `label`.
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Choice {
        Choice {
            value: value.into(),
            label: label.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_and_the_choice_are_the_detector_s() {
        let p = encoding_plan(b"a,b\n", true);
        assert_eq!((p.label, p.bom, p.sample), (Some("utf-8"), false, 4));
        let p = encoding_plan(b"\xff\xfea\0", false);
        assert_eq!((p.label, p.bom), (Some("utf-16le"), true));
        let p = encoding_plan(b"\xb3\xe2,1\n", false);
        assert_eq!(p.label, None);
        assert_eq!(p.candidates, ["euc-kr", "gbk", "windows-1252"]);
        let c = choose_encoding(
            r#"[{"label":"euc-kr","text":"년,수출금액"},{"label":"gbk","text":"斥,荐免陛咀"},{"label":"windows-1252","text":"³â,¼öÃâ±Ý¾×"}]"#,
        )
        .unwrap();
        assert_eq!(
            c,
            Chosen {
                label: "euc-kr",
                name: "EUC-KR (CP949)"
            }
        );
        let c = choose_encoding(
            r#"[{"label":"euc-kr","text":null},{"label":"windows-1252","text":"Côte"}]"#,
        )
        .unwrap();
        assert_eq!(c.label, "windows-1252");
        let e = choose_encoding(r#"[{"label":"gbk","txt":"x"}]"#).unwrap_err();
        assert!(e.to_string().starts_with("decodings"), "{e}");
    }

    #[test]
    fn samples_are_as_long_as_the_bytes_they_decode_not_a_dataset_s_strings() {
        // A K-stat table's sample: 4,749 characters, over a dataset string's 2,000.
        let ko = "2020년,\"3,221,111\",-14.6\n".repeat(200);
        let gbk = "2020斥,\"3,221,111\",-14.6\n".repeat(200);
        let list = serde_json::json!([
            { "label": "euc-kr", "text": ko },
            { "label": "gbk", "text": gbk },
            { "label": "windows-1252", "text": null },
        ]);
        assert!(ko.chars().count() > trade_chart::limits::TEXT_CHARS.max);
        let c = choose_encoding(&list.to_string()).unwrap();
        assert_eq!(c.label, "euc-kr");
        // A whole sample of single-byte characters passes; one more does not (no decoding
        // of SAMPLE_BYTES bytes has it), named where it is.
        let full = "a".repeat(encoding::SAMPLE_BYTES);
        let list = serde_json::json!([{ "label": "windows-1252", "text": full }]);
        assert_eq!(
            choose_encoding(&list.to_string()).unwrap().label,
            "windows-1252"
        );
        let over = "a".repeat(encoding::SAMPLE_BYTES + 1);
        let list = serde_json::json!([{ "label": "gbk", "text": null }, { "label": "windows-1252", "text": over }]);
        let e = choose_encoding(&list.to_string()).unwrap_err();
        assert_eq!(e.code(), "too-large");
        assert!(
            e.to_string()
                .starts_with("decodings[1].text: 65537 characters; the limit is 65536"),
            "{e}"
        );
        // Every candidate at its longest, escaped, fits the list's limit.
        let worst = "\u{1}".repeat(encoding::SAMPLE_BYTES);
        let all: Vec<_> = encoding::ENCODINGS
            .iter()
            .map(|(l, _)| serde_json::json!({ "label": l, "text": worst }))
            .collect();
        let text = serde_json::Value::from(all).to_string();
        assert!(text.len() <= DECODINGS_BYTES.max, "{}", text.len());
        assert!(choose_encoding(&text).is_ok());
    }

    #[test]
    fn the_panel_says_the_format_the_encoding_and_the_first_line() {
        let r = what_i_read(
            r#"{"kind":"tables","text":"년,수출금액,수입금액\n2020,1,2","encoding":"EUC-KR","guessed":true}"#,
        )
        .unwrap();
        let keys: Vec<&str> = r.items.iter().map(|f| f.key).collect();
        assert_eq!(keys, ["format", "encoding", "first-line"]);
        assert_eq!(r.items[0].value, "Comma-separated table");
        let enc = &r.items[1];
        assert_eq!(
            (enc.value.as_str(), enc.note, enc.chosen.as_deref()),
            (
                "EUC-KR (CP949)",
                Some("guessed from its bytes"),
                Some("euc-kr")
            )
        );
        assert_eq!(enc.choices.len(), encoding::ENCODINGS.len());
        assert_eq!(
            (enc.choices[4].value.as_str(), enc.choices[4].label.as_str()),
            ("windows-1252", "Windows-1252 (Latin-1)")
        );
        assert_eq!(r.items[2].value, "년,수출금액,수입금액");
        // Pasted text: no encoding; a long first line is cut.
        let long = "a\t".repeat(100);
        let r = what_i_read(&serde_json::json!({ "kind": "tables", "text": long }).to_string())
            .unwrap();
        assert_eq!(r.items[0].value, "Tab-separated table");
        assert_eq!(r.items.len(), 2);
        assert_eq!(r.items[1].value.chars().count(), FIRST_LINE_CHARS + 1);
        assert!(r.items[1].value.ends_with('…'));
        let r = what_i_read(
            r#"{"kind":"comtrade","text":"typeCode,freqCode","encoding":"windows-1252"}"#,
        )
        .unwrap();
        assert_eq!(
            (r.items[0].value.as_str(), r.items[1].note),
            ("UN Comtrade download", None)
        );
        // Bad options name themselves.
        let e = what_i_read(r#"{"kind":"xls","text":""}"#).unwrap_err();
        assert!(e.to_string().starts_with("options.kind"), "{e}");
        let e = what_i_read(r#"{"kind":"tables","text":"","encoding":"klingon"}"#).unwrap_err();
        assert!(e.to_string().starts_with("options.encoding"), "{e}");
        let e = what_i_read(r#"{"kind":"tables"}"#).unwrap_err();
        assert_eq!(e.code(), "missing-field", "{e}");
    }
}
