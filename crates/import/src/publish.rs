//! The one-file HTML page: a dataset and the reader's standalone script in one file that
//! opens from disk (`file://`) or any server with nothing beside it. The command line's
//! `trade-chart bundle` and the builder's "one HTML file" download (through the builder's
//! wasm: `oneFilePage` in `pkg/import.js`) both write it here, so both pages are the same
//! markup for the same dataset and options; and here are the one set of rules for putting
//! text inside a page:
//!
//! - [`inline_script`]: a script's text between `<script>` and `</script>`. Every
//!   `</script`, in any case, is written `<\/script` (the same characters in a JS string,
//!   template, regular expression or comment: the only places a working script has it),
//!   and a script containing `<!--` is refused, not escaped. After `<!--` an HTML parser
//!   no longer ends the element at the first `</script>` when a `<script` comes between,
//!   so it must not reach the page; its escape `<\!--` is not the same JS everywhere (a
//!   syntax error in a `u`-flag regular expression, other text in `String.raw`), and our
//!   standalone script never has it (`scripts/package.mjs` refuses to build one that
//!   does). With no `<!--`, `</script` is the only text that ends the element.
//! - [`inline_json`]: JSON text inside `<script type="application/json">`: every `<` as
//!   `\u003c` (in JSON a `<` can only be inside a string, where `\u003c` is the same
//!   character), so neither `</script` nor `<!--` can appear. U+2028 and U+2029 are left
//!   as they are: the element is data read with `JSON.parse`, never run as JavaScript
//!   (and since ES2019 they are allowed in JS strings anyway).
//! - [`escape_html`]: text in an element or a double- or single-quoted attribute value:
//!   `&`, `<`, `>`, `"` and `'` as character references.
//!
//! The JavaScript that runs at build time in Node, without a wasm (`scripts/inline.mjs`,
//! for `dist/trade-chart-demo.html` and `dist/trade-chart-builder.html`), follows the same
//! rules, and the builder's snippets (`www/builder/parse.js` `oneLine`) the JSON rule.

use serde::Deserialize;
use trade_chart::chart::options::THEME_CHOICES;
use trade_chart::chart::PictureOptions;
use trade_chart::data::json::from_json_text;
use trade_chart::data::{Dataset, RawDataset};
use trade_chart::error::{Error, ErrorKind};

/// The page's options (and the social card's: [`crate::builder::social_card`]): what the
/// reader's chart opens with, each written as the element's
/// `data-` attribute only when given (without `lang` the chart speaks the page's language,
/// without `view` it opens on the dataset's first view, without `theme` it follows the
/// reader's light or dark).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageOptions {
    /// The view to open with (a view id of the dataset).
    pub view: Option<String>,
    /// The reader's language: `en`, `ko` or `zh` (any tag starting so, e.g. `ko-KR`); also
    /// the page's `<html lang>` and the language of its title.
    pub lang: Option<String>,
    /// `auto`, `light` or `dark`.
    pub theme: Option<String>,
}

impl PageOptions {
    /// Reads them from JSON text (`None` for none); errors at `options.…`, an unknown
    /// option named.
    pub fn read(text: Option<&str>) -> Result<PageOptions, Error> {
        from_json_text(text.unwrap_or("{}")).map_err(|e| e.within("options"))
    }

    /// Whether a picture of the chart (the social card, which has no reader's system to
    /// follow) is dark; an error for a theme neither `light` (the default) nor `dark`.
    pub fn dark(&self) -> Result<bool, Error> {
        match self.theme.as_deref() {
            None | Some("light") => Ok(false),
            Some("dark") => Ok(true),
            Some(v) => Err(Error::expected(
                "options.theme",
                "\"light\" or \"dark\"",
                format!("{v:?}"),
            )),
        }
    }
}

/// `text` safe between `<script>` and `</script>`: every `</script` (any case) written
/// `<\/script`; `Err` (at `script`) for a text containing `<!--` (see the module's rules).
pub fn inline_script(text: &str) -> Result<String, Error> {
    if text.contains("<!--") {
        return Err(Error::at(
            ErrorKind::Unsupported,
            "script",
            "contains \"<!--\": cannot put it inline",
        ));
    }
    const END: &[u8] = b"</script";
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut i = 0;
    while i + END.len() <= bytes.len() {
        if bytes[i..i + END.len()].eq_ignore_ascii_case(END) {
            // `<` and `/` are ASCII: both indices are on character boundaries.
            out.push_str(&text[last..=i]);
            out.push('\\');
            last = i + 1;
            i += END.len();
        } else {
            i += 1;
        }
    }
    out.push_str(&text[last..]);
    Ok(out)
}

/// JSON text safe inside `<script type="application/json">`: every `<` as `\u003c`.
pub fn inline_json(json: &str) -> String {
    json.replace('<', "\\u003c")
}

/// Text safe in an element or a quoted attribute value: the core's, which writes the
/// picture's markup too.
pub use trade_chart::chart::escape_html;

/// The framed page's script, `www/embed/frame-report.js` minified by esbuild
/// (`frame-report.min.js`, written by scripts/frame-min.mjs and committed; dist/embed.html
/// loads the same file): in a frame, it marks the root `data-tc-framed` and reports the whole document's
/// height to the parent (the iframe embed's messages; `embed.js` on the host sizes the
/// iframe), and takes the parent's `trade-chart:set-theme` and `trade-chart:report`. Inline
/// in the page's `<head>`, so the page is its own iframe page: it runs before the picture
/// is laid out, and the height it reports is the picture's, then the chart's, the same.
pub const FRAME_SCRIPT: &str = include_str!("../../../www/embed/frame-report.min.js");

/// The one-file page of a dataset (its JSON text, checked here as the chart checks it) and
/// the reader's standalone script (`pkg/trade-chart.standalone.js`, which mounts every
/// `[data-trade-chart]` itself): the page's language and title are the chart's for these
/// options (the dataset's title in that language); in the element the chart's published
/// picture (`DatasetChart::picture`: what the page shows before the script has run, and
/// without scripts), then the dataset inline as one line; the script after it. The same
/// page is the builder's iframe page: [`FRAME_SCRIPT`] in its `<head>`, and in a frame
/// (`[data-tc-framed]`) no margin, padding or scrollbar around the chart. `Err` for a dataset that does not check (at `dataset.…`), a
/// bad option (at `options.…`, as `create()`'s) or a script that cannot be inline (at
/// `script`).
pub fn page(dataset: &str, script: &str, options: &PageOptions) -> Result<String, Error> {
    if let Some(theme) = &options.theme {
        if !THEME_CHOICES.contains(&theme.as_str()) {
            return Err(Error::expected(
                "options.theme",
                "\"light\", \"dark\" or \"auto\"",
                format!("{theme:?}"),
            ));
        }
    }
    let text = dataset.trim_start_matches('\u{feff}');
    let ds = Dataset::from_json(text).map_err(|e| e.within("dataset"))?;
    let raw: RawDataset = from_json_text(text).map_err(|e| e.within("dataset"))?;
    // The chart checks the view and the language as create() will in the page.
    let chart = trade_chart::DatasetChart::new(
        ds,
        &trade_chart::Options::new(options.view.as_deref(), options.lang.as_deref()),
    )?;
    let picture = chart.picture(&PictureOptions {
        id: "trade-chart-".into(),
        style: true,
        height: None,
        theme: options.theme.clone(),
    })?;
    let lang = chart.lang();
    let title = chart.dataset().title.get(lang);
    let json = serde_json::to_string(&raw)
        .map_err(|e| Error::new("dataset", format!("cannot write it: {e}")))?;
    let script = inline_script(script)?;
    let frame = inline_script(FRAME_SCRIPT)?;
    let mut attrs = String::new();
    for (name, value) in [
        ("view", &options.view),
        ("lang", &options.lang),
        ("theme", &options.theme),
    ] {
        if let Some(v) = value {
            attrs.push_str(&format!(" data-{name}=\"{}\"", escape_html(v)));
        }
    }
    Ok(format!(
        r#"<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="trade-chart {version}">
<title>{title}</title>
<style>
  :root {{ color-scheme: light dark; }}
  body {{ margin: 0; padding: 1rem; font: 16px/1.5 system-ui, sans-serif; }}
  main {{ max-width: 960px; margin: 0 auto; }}
  [data-tc-framed] body {{ padding: 0; overflow: hidden; }}
  [data-tc-framed] main {{ max-width: none; }}
</style>
<script>
{frame}</script>
</head>
<body>
<main>
<div id="trade-chart" data-trade-chart data-tc-pictured data-loading="eager"{attrs}>{picture}<script type="application/json" id="trade-chart-data">{json}</script>
</div>
</main>
<script>
{script}
</script>
</body>
</html>
"#,
        lang = lang.code(),
        version = env!("CARGO_PKG_VERSION"),
        title = escape_html(title),
        json = inline_json(&json),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATASET: &str = include_str!("../../../tests/fixtures/import/kr-jp.json");
    const SCRIPT: &str = "window.TradeChart = {};";

    #[test]
    fn a_script_end_tag_in_any_case_is_escaped() {
        let s = inline_script("a('</script>'); b(\"</SCRIPT \"); c(/<\\/ScRiPt/); d('</scrip')")
            .unwrap();
        assert_eq!(
            s,
            "a('<\\/script>'); b(\"<\\/SCRIPT \"); c(/<\\/ScRiPt/); d('</scrip')"
        );
        assert!(!s.to_ascii_lowercase().contains("</script"));
        // Text around, multi-byte characters included, stays as it was.
        assert_eq!(inline_script("가</script>나").unwrap(), "가<\\/script>나");
        assert_eq!(inline_script("</script").unwrap(), "<\\/script");
        assert_eq!(inline_script("no end tag").unwrap(), "no end tag");
    }

    #[test]
    fn a_script_with_a_comment_opener_is_refused() {
        let e = inline_script("var s = '<!--';").unwrap_err();
        assert_eq!(e.path(), "script");
        assert_eq!(e.kind(), ErrorKind::Unsupported);
        assert!(e.message().contains("<!--"), "{e}");
        // Only the whole opener: `<!-` and `<!` alone are harmless.
        assert_eq!(inline_script("a<!-b; c<!d").unwrap(), "a<!-b; c<!d");
    }

    #[test]
    fn json_has_no_less_than_sign_left() {
        let json = r#"{"a":"</script><!-- x < y","b":"<\/script>"}"#;
        let s = inline_json(json);
        assert_eq!(
            s,
            r#"{"a":"\u003c/script>\u003c!-- x \u003c y","b":"\u003c\/script>"}"#
        );
        assert!(!s.contains('<'));
        // The same value when parsed.
        let a: serde_json::Value = serde_json::from_str(json).unwrap();
        let b: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn html_text_and_attributes_are_escaped() {
        assert_eq!(
            escape_html(r#"Tom & Jerry's <b>"bold"</b>"#),
            "Tom &amp; Jerry&#39;s &lt;b&gt;&quot;bold&quot;&lt;/b&gt;"
        );
        assert_eq!(escape_html("한국 – 日本"), "한국 – 日本");
    }

    /// The dataset's title and a note changed to hold what an inline page must escape.
    fn hostile() -> String {
        let mut v: serde_json::Value = serde_json::from_str(DATASET).unwrap();
        v["title"] = "Trade </script><script>alert(1)</script> & <!-- more".into();
        v["notes"] = serde_json::json!(["</SCRIPT><!--"]);
        v.to_string()
    }

    #[test]
    fn the_page_is_one_markup_with_the_options_as_attributes() {
        let o = PageOptions {
            view: Some("annual-flows".into()),
            lang: Some("ko".into()),
            theme: Some("dark".into()),
        };
        let mut raw: serde_json::Value = serde_json::from_str(DATASET).unwrap();
        raw["title"] = serde_json::json!({ "en": "Made up", "ko": "가상 교역" });
        let html = page(&raw.to_string(), SCRIPT, &o).unwrap();
        assert!(
            html.starts_with("<!doctype html>\n<html lang=\"ko\">\n"),
            "{html}"
        );
        for part in [
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            &format!(
                "<meta name=\"generator\" content=\"trade-chart {}\">",
                env!("CARGO_PKG_VERSION")
            ),
            "<div id=\"trade-chart\" data-trade-chart data-tc-pictured data-loading=\"eager\" data-view=\"annual-flows\" data-lang=\"ko\" data-theme=\"dark\"><style>",
            "</style><figure class=\"tc\" data-state=\"ready\" part=\"figure\" data-tc-theme=\"dark\" lang=\"ko\" data-tc-picture=\"\">",
            "</figure><script type=\"application/json\" id=\"trade-chart-data\">{",
            "}</script>\n</div>\n</main>",
            "<script>\nwindow.TradeChart = {};\n</script>\n</body>\n</html>\n",
        ] {
            assert!(html.contains(part), "{part}\n{html}");
        }
        // The title in the page's language (the dataset's Korean title).
        assert!(html.contains("<title>가상 교역</title>"), "{html}");
        // The dataset inline as one line, the same dataset.
        let start = html.find("id=\"trade-chart-data\">").unwrap() + 22;
        let end = start + html[start..].find("</script>").unwrap();
        let inline: serde_json::Value = serde_json::from_str(&html[start..end]).unwrap();
        assert_eq!(inline, raw);
        assert!(!html[start..end].contains('\n'));
    }

    #[test]
    fn without_options_no_attribute_and_the_page_is_english() {
        let html = page(DATASET, SCRIPT, &PageOptions::default()).unwrap();
        assert!(html.contains("<html lang=\"en\">"));
        assert!(html
            .contains("<div id=\"trade-chart\" data-trade-chart data-tc-pictured data-loading=\"eager\"><style>"));
        // The picture: in the page's palette (auto), in English.
        assert!(html.contains(
            "<figure class=\"tc\" data-state=\"ready\" part=\"figure\" data-tc-theme=\"auto\" lang=\"en\" data-tc-picture=\"\">"
        ));
        assert!(
            html.contains("</figure><script type=\"application/json\" id=\"trade-chart-data\">{")
        );
        assert!(html.contains("<title>Trade between South Korea and Japan</title>"));
    }

    #[test]
    fn the_page_is_its_own_iframe_page() {
        let html = page(DATASET, SCRIPT, &PageOptions::default()).unwrap();
        // The frame's script, the file dist/embed.html loads, in the <head>: it runs before
        // the picture is laid out. Minified: none of the file's comments (2.1 KB gzip of
        // the page's were comments and indentation).
        let file = include_str!("../../../www/embed/frame-report.js");
        assert!(file.contains("// The framed page's side of the iframe embed"));
        assert!(!FRAME_SCRIPT.contains("framed page") && !FRAME_SCRIPT.contains("\n "));
        assert!(
            FRAME_SCRIPT.len() * 2 < file.len(),
            "{}",
            FRAME_SCRIPT.len()
        );
        let at = html.find(FRAME_SCRIPT).expect("the frame script inline");
        let head_end = html.find("</head>").unwrap();
        assert!(at < head_end, "{html}");
        assert_eq!(&html[at - "<script>\n".len()..at], "<script>\n");
        assert_eq!(&html[at + FRAME_SCRIPT.len()..head_end], "</script>\n");
        assert!(at < html.find("<figure").unwrap());
        // It needs no escape, and it is the one that reports: the messages embed.js reads.
        assert_eq!(inline_script(FRAME_SCRIPT).unwrap(), FRAME_SCRIPT);
        for part in [
            "\"trade-chart:height\"",
            "\"trade-chart:report\"",
            "\"trade-chart:set-theme\"",
            "sentinel:\"amp\",type:\"embed-size\"",
            "message:\"height\"",
            "\"data-tc-framed\"",
            "documentElement",
        ] {
            assert!(FRAME_SCRIPT.contains(part), "{part}");
        }
        // In a frame: no padding, no scrollbar, the whole width.
        for rule in [
            "  [data-tc-framed] body { padding: 0; overflow: hidden; }\n",
            "  [data-tc-framed] main { max-width: none; }\n",
            "  body { margin: 0; padding: 1rem;",
        ] {
            assert!(html.contains(rule), "{rule}\n{html}");
        }
    }

    #[test]
    fn the_page_escapes_the_title_the_data_and_the_script() {
        let html = page(
            &hostile(),
            "var end = '</script>';",
            &PageOptions::default(),
        )
        .unwrap();
        // One script end tag per script element (the frame's, the data's, the chart's), and
        // no comment opener anywhere.
        assert_eq!(html.matches("</script>").count(), 3, "{html}");
        assert!(!html.contains("<!--"), "{html}");
        assert!(!html.to_ascii_lowercase().contains("</script><"));
        assert!(html.contains(
            "<title>Trade &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;!-- more</title>"
        ));
        assert!(html.contains("var end = '<\\/script>';"));
        assert!(
            html.contains(r#""notes":["\u003c/SCRIPT>\u003c!--"]"#),
            "{html}"
        );
    }

    #[test]
    fn the_page_refuses_what_it_cannot_write() {
        let o = |view: Option<&str>, lang: Option<&str>, theme: Option<&str>| PageOptions {
            view: view.map(String::from),
            lang: lang.map(String::from),
            theme: theme.map(String::from),
        };
        let path = |r: Result<String, Error>| r.unwrap_err().path().to_string();
        assert_eq!(
            path(page(DATASET, SCRIPT, &o(Some("nope"), None, None))),
            "options.view"
        );
        assert_eq!(
            path(page(DATASET, SCRIPT, &o(None, Some("fr"), None))),
            "options.lang"
        );
        assert_eq!(
            path(page(DATASET, SCRIPT, &o(None, None, Some("blue")))),
            "options.theme"
        );
        assert_eq!(
            path(page(DATASET, "'<!--'", &o(None, None, None))),
            "script"
        );
        assert!(path(page("{}", SCRIPT, &o(None, None, None))).starts_with("dataset"));
        // Options as JSON text (the builder's): unknown ones named.
        let e = PageOptions::read(Some(r#"{"veiw":"x"}"#)).unwrap_err();
        assert!(e.path().starts_with("options"), "{e}");
        assert_eq!(
            PageOptions::read(Some(r#"{"lang":"zh","theme":"auto"}"#)).unwrap(),
            o(None, Some("zh"), Some("auto"))
        );
        assert_eq!(PageOptions::read(None).unwrap(), PageOptions::default());
    }
}
