//! The builder's calls (www/builder, through the builder's wasm: crates/web-import, a few
//! lines per export) as plain functions, tested natively: options as JSON text in (`None`
//! for none), the readers the command line runs and the same check, and one
//! [`Outcome`] out: `{ dataset, errors, warnings, gaps }`, where `dataset` is the checked
//! dataset's JSON text (what `trade-chart convert` writes) or `None` when there is an
//! error, and each error or warning an [`Issue`] (`row`, `column` 1-based, the header row
//! being row 1, as an editor shows lines; `message` with the flags the command line
//! would name put as the builder's fields, `TABLE_ASKS`; `text` the line `trade-chart
//! check` prints).
//! Bad options are not data errors: they are the `Err`, as `create()`'s throw.

mod annotations;
mod chart_text;
mod claims;
mod editor_text;
mod options;
mod outcome;
mod reading;

pub use annotations::{add_annotations, AnnotationInput};
pub use chart_text::{set_chart_text, ChartText, TableInput};
pub use claims::{add_claims, figure_value, ClaimInput, ObsKey};
pub use editor_text::editor_text;
pub use options::{ImportOptions, Partner, OPTION_NAMES};
pub use outcome::{Issue, Outcome};
pub use reading::{
    choose_encoding, encoding_plan, what_i_read, Choice, Chosen, EncodingPlan, Fact, Reading,
};

use trade_chart::data::json::from_json_text;
use trade_chart::data::{Dataset, RawDataset};
use trade_chart::error::Error;

use crate::cells::Input;
use crate::comtrade;
use crate::datapackage::{self, Package};
use crate::encoding;
use crate::publish::PageOptions;
use crate::sheet::{dataset_json, import};

/// The options [`import_tables`] takes.
pub const TABLE_OPTIONS: &[&str] = &[
    "decimal",
    "unit",
    "partners",
    "source",
    "flows",
    "commodity",
    "title",
    "id",
    "observationsFile",
    "sourcesFile",
    "textFile",
];

/// The options [`import_comtrade`] takes.
pub const COMTRADE_OPTIONS: &[&str] = &[
    "partners",
    "title",
    "id",
    "accessed",
    "pair",
    "commodity",
    "file",
    "encoding",
];

/// An observations table and its sources table (TSV or CSV, as pasted from a
/// spreadsheet), and optionally the chart's text table (`key | en | ko | zh`, docs/DATA.md)
/// → the [`Outcome`], as `trade-chart convert --text`. Options ([`TABLE_OPTIONS`]):
/// `decimal`, `unit`, `partners` (`[{ code, name }]`), `source` (one source for a table
/// without sources, `sources` then ""), `flows` (a wide table's columns: `["Exports=KR>IT"]`),
/// `title`, `id`, `observationsFile`, `sourcesFile`, `textFile` (the names errors give the
/// tables; default `observations`, `sources` and `text`). A wide table's reading is the
/// outcome's `understood`. `Err` only for bad options.
pub fn import_tables(
    observations: &str,
    sources: &str,
    text: Option<&str>,
    options: Option<&str>,
) -> Result<Outcome, Error> {
    let o = ImportOptions::read(options, TABLE_OPTIONS)?;
    let sheet = o.sheet()?;
    let obs_name = o.observations_file.as_deref().unwrap_or("observations");
    let src_name = o.sources_file.as_deref().unwrap_or("sources");
    let text_name = o.text_file.as_deref().unwrap_or("text");
    let obs = Input {
        name: obs_name,
        text: observations,
    };
    let src = Input {
        name: src_name,
        text: sources,
    };
    let text = text.map(|text| Input {
        name: text_name,
        text,
    });
    let result = import(obs, src, &sheet);
    let result = match text {
        Some(text) => result.and_then(|i| i.with_text(text)),
        None => result,
    };
    // The readers name options as the command line does (`--partner`): here as options.
    let result = result.map_err(|errors| errors.into_iter().map(option_path).collect());
    let inputs: Vec<Input> = [obs, src].into_iter().chain(text).collect();
    let mut outcome = Outcome::checked(result, obs_name, &inputs);
    if let Some(offered) = crate::office::offered(
        observations,
        sheet.partners.get(1).map(|(c, n)| (c.as_str(), n.as_str())),
    ) {
        let facts = office_facts(&offered, &o, &sheet.partners, outcome.understood.is_some());
        outcome.facts.splice(0..0, facts);
    }
    Ok(in_builder_words(outcome, TABLE_ASKS))
}

/// A long table with words' questions as facts of the "What I read" panel, before the
/// reading's own: its partners (listed, for the fields “Reporting country” and
/// “Partner”), its product when it holds several (a select, the `commodity` option, largest
/// first, as `--commodity` is asked), and when no column says each row's flow and the
/// import has not read the table (`read`), what its money column holds (a select, the
/// `flows` option's `#N=KR>IT`, as `--flow`: only once both partners are given).
fn office_facts(
    offered: &crate::office::Offered,
    o: &ImportOptions,
    partners: &[(String, String)],
    read: bool,
) -> Vec<Fact> {
    let mut facts = Vec::new();
    if offered.partners.len() > 1 {
        let list: Vec<String> = offered.partners.iter().map(|p| p.shown()).collect();
        // the second partner one of them (by its code or name): nothing left to ask
        let is = |a: &str, b: &str| !a.is_empty() && a.to_lowercase() == b.trim().to_lowercase();
        let given = partners.get(1).is_some_and(|(c, n)| {
            (offered.partners.iter())
                .any(|p| is(&p.code, c) || is(&p.name, c) || is(&p.code, n) || is(&p.name, n))
        });
        facts.push(Fact {
            note: (!given).then_some("largest first: give one as “Partner”, by its code or name"),
            ..Fact::plain("partners", "Partners in the table", list.join("; "))
        });
    }
    if offered.products.len() > 1 {
        let asked = o.commodity.as_deref().map(str::trim).unwrap_or("");
        let chosen = offered.products.iter().find(|p| {
            (!p.code.is_empty() && p.code.eq_ignore_ascii_case(asked))
                || (!p.name.is_empty() && p.name.to_lowercase() == asked.to_lowercase())
        });
        let mut choices = vec![Choice::new("", "Choose the product to chart")];
        choices.extend((offered.products.iter()).map(|p| Choice::new(p.answer(), p.shown())));
        facts.push(Fact {
            note: chosen
                .is_none()
                .then_some("the table holds several, and rows are never summed: choose one"),
            choices,
            chosen: Some(chosen.map_or(String::new(), |p| p.answer().to_string())),
            ..Fact::plain(
                "product",
                "Product",
                chosen.map_or_else(
                    || format!("{} products", offered.products.len()),
                    |p| p.shown(),
                ),
            )
        });
    }
    if let (Some((at, header)), false, [(r, _), (p, _), ..]) =
        (&offered.money_without_flow, read, partners)
    {
        let given = (o.flows.iter().flatten()).find_map(|f| {
            let (h, v) = f.rsplit_once('=')?;
            (h.trim() == format!("#{at}") || h.trim() == header.trim())
                .then(|| v.trim().to_uppercase())
        });
        // in the order of a read column's choices (outcome.rs: column_choices)
        let settings = [
            (format!("{r}>{p}"), "Exports"),
            (format!("{p}>{r}"), "Imports"),
        ];
        let chosen = given.and_then(|g| settings.iter().find(|(s, _)| *s == g));
        let mut choices = vec![Choice::new("", "Choose what it holds")];
        choices
            .extend((settings.iter()).map(|(s, label)| Choice::new(format!("#{at}={s}"), *label)));
        facts.push(Fact {
            note: chosen
                .is_none()
                .then_some("the table does not say imports or exports: choose one"),
            subject: Some(format!("#{at} {header}")),
            choices,
            chosen: Some(chosen.map_or(String::new(), |(s, _)| format!("#{at}={s}"))),
            ..Fact::plain("column", "Column", "not said".into())
        });
    }
    facts
}

/// How the builder asks for what the command line asks with a flag (www/builder.html's
/// fields and panel, by the names the editor reads there).
const TABLE_ASKS: &[(&str, &str)] = &[
    (
        "--partner",
        "give both countries in the fields “Reporting country” and “Partner” (code and name), the reporting country first: its exports are first>second",
    ),
    (
        "--unit",
        "give the unit of its figures in the field “Unit” (USD million, EUR thousand, 억원)",
    ),
    (
        "--source",
        "give its one source in the fields “One source” (publisher, title, URL, date), or a sources table of one row",
    ),
    (
        "--flow",
        "choose what each column holds under “What I read”",
    ),
    (
        "--commodity",
        "choose it as “Product” under “What I read”",
    ),
];

/// See [`TABLE_ASKS`]; a Comtrade download's.
const COMTRADE_ASKS: &[(&str, &str)] = &[("--pair", "choose it under “What I read”")];

/// Where a message turns from what is wrong to the flag that mends it.
const TURNS: [&str; 9] = [
    ": give",
    "; its products",
    ": say it with --",
    "; it holds:",
    "; give",
    ": --",
    "; name them with --",
    ": set one with --",
    ": choose it with --",
];

/// An outcome's messages in the builder's words: each that tells the editor to give a
/// command-line flag (`--partner KR="South Korea" …`) keeps what is wrong and asks for
/// the field or choice of the builder that mends it ([`TABLE_ASKS`]); `text` stays the
/// line `trade-chart check` prints.
fn in_builder_words(mut outcome: Outcome, asks: &[(&str, &str)]) -> Outcome {
    for issue in outcome.errors.iter_mut().chain(outcome.warnings.iter_mut()) {
        issue.message = builder_message(&issue.message, asks);
    }
    outcome
}

/// One message in the builder's words ([`in_builder_words`]).
fn builder_message(message: &str, asks: &[(&str, &str)]) -> String {
    // Two that name the flag as a thing, not as what to type.
    let message = message
        .replace(
            "a sources table and --source: give one or the other",
            "a sources table and the fields “One source”: fill in one or the other",
        )
        .replace(
            "a sources column and --source: give one or the other (--source is for a table without sources)",
            "a Source IDs column and the fields “One source”: fill in one or the other (“One source” is for a table without sources)",
        );
    let Some(&(flag, ask)) = asks.iter().find(|(flag, _)| message.contains(flag)) else {
        return message;
    };
    let cut = TURNS
        .iter()
        .filter_map(|t| message.find(t))
        .chain(message.find(" (--"))
        .min();
    let Some(at) = cut else {
        return message;
    };
    // What a long table's message lists after its first line (its partners or products,
    // largest first, each `--commodity 85  Electrical machinery (4 rows)`), kept on one
    // line without the flag: the editor needs them to answer. (A download's pairs are
    // its select's.)
    let lists = ["--partner", "--commodity"].contains(&flag);
    let listing: Vec<String> = (message.lines().skip(1).filter(|_| lists))
        .map(|l| l.trim().strip_prefix("--commodity ").unwrap_or(l.trim()))
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    let first = message.lines().next().unwrap_or("");
    let mut out = format!("{}: {ask}", &message[..at.min(first.len())]);
    if !listing.is_empty() {
        out.push_str(&format!(
            ". In the table, largest first: {}",
            listing.join("; ")
        ));
    }
    out
}

/// An error at a command-line option (`--partner`) moved to the builder's option of the
/// same meaning (`options.partners`); others unchanged.
fn option_path(e: Error) -> Error {
    let name = match e.path() {
        "--partner" => "partners",
        "--source" => "source",
        "--flow" => "flows",
        "--unit" => "unit",
        "--decimal" => "decimal",
        "--commodity" => "commodity",
        _ => return e,
    };
    e.relocated(trade_chart::Location::Path(format!("options.{name}")))
}

/// A UN Comtrade download (CSV; its bytes: UTF-8, or Windows-1252 with a warning) → the
/// [`Outcome`], with `pairs`: the pairs of countries the download holds when it holds
/// several, largest two-way trade first ([`comtrade::PairChoice`]; their `pair` is the
/// option's value), whether or not one was chosen; and as `facts` of the "What I read"
/// panel, those pairs and the products of the pair charted when it has several (their
/// choices the `pair` and `commodity` options' values). Options ([`COMTRADE_OPTIONS`]):
/// `pair` (`A,B`, as `--pair`), `commodity` (as `--commodity`), `partners` (`[{ code,
/// name }]`: names for areas by their code, as `--partner`), `accessed` (YYYY-MM-DD),
/// `title`, `id`, `file` (the name errors give it; default `comtrade`), `encoding` (the
/// label of the encoding the page decoded the file from, the bytes being that text's UTF-8:
/// read with the warning naming it, as the command line's). `Err` only for bad options.
pub fn import_comtrade(bytes: &[u8], options: Option<&str>) -> Result<Outcome, Error> {
    let o = ImportOptions::read(options, COMTRADE_OPTIONS)?;
    let name = o.file.as_deref().unwrap_or("comtrade");
    let text = match download_text(name, bytes, &o)? {
        Ok(text) => text,
        Err(errors) => return Ok(Outcome::failed(&errors, None)),
    };
    let (result, offered) = comtrade::import_with_pairs(name, &text, &o.comtrade());
    let input = Input {
        name,
        text: &text.text,
    };
    let mut outcome = Outcome::checked(result, name, &[input]);
    if !offered.pairs.is_empty() {
        outcome.facts = vec![outcome::pair_fact(&offered.pairs, o.pair.as_deref())];
    }
    if !offered.products.is_empty() {
        let fact = outcome::product_fact(&offered.products, o.commodity.as_deref());
        outcome.facts.push(fact);
    }
    outcome.pairs = offered.pairs;
    Ok(in_builder_words(outcome, COMTRADE_ASKS))
}

/// The options [`import_imf`] takes.
pub const IMF_OPTIONS: &[&str] = &[
    "partners", "title", "id", "accessed", "pair", "file", "encoding",
];

/// An IMF Direction of Trade Statistics (DOTS) time-series download (CSV; its bytes) →
/// the [`Outcome`], with `pairs` as [`import_comtrade`]'s: the pairs of countries the
/// file holds when it holds several, largest two-way trade first. Options
/// ([`IMF_OPTIONS`]): `pair` (`A,B`, as `--pair`), `partners` (names for areas by their
/// code), `accessed` (YYYY-MM-DD), `title`, `id`, `file` (the name errors give it;
/// default `imf`), `encoding` (as [`import_comtrade`]'s). `Err` only for bad options.
pub fn import_imf(bytes: &[u8], options: Option<&str>) -> Result<Outcome, Error> {
    let o = ImportOptions::read(options, IMF_OPTIONS)?;
    let name = o.file.as_deref().unwrap_or("imf");
    let text = match download_text(name, bytes, &o)? {
        Ok(text) => text,
        Err(errors) => return Ok(Outcome::failed(&errors, None)),
    };
    let (result, pairs) = crate::imf::import_with_pairs(name, &text, &o.imf());
    let facts = result.as_ref().map(imf_facts).unwrap_or_default();
    let input = Input {
        name,
        text: &text.text,
    };
    let mut outcome = Outcome::checked(result, name, &[input]);
    if outcome.dataset.is_some() {
        outcome.facts = facts;
    }
    // The pairs to choose from, as a Comtrade download's (the page's select).
    if !pairs.is_empty() {
        outcome
            .facts
            .insert(0, outcome::pair_fact(&pairs, o.pair.as_deref()));
    }
    outcome.pairs = pairs;
    Ok(in_builder_words(outcome, COMTRADE_ASKS))
}

/// What an IMF download's import understood, as facts of the "What I read" panel: the
/// reporting countries (each its own basis) and the unit.
fn imf_facts(i: &crate::Import) -> Vec<Fact> {
    let d = &i.dataset;
    let text = |t: &trade_chart::data::RawText| match t {
        trade_chart::data::RawText::Plain(s) => s.clone(),
        trade_chart::data::RawText::Localized(m) => m.get("en").cloned().unwrap_or_default(),
    };
    let reporters: Vec<String> = d
        .partners
        .iter()
        .filter(|p| {
            let id = format!("imf-{}-", crate::cells::slug(&p.code));
            d.bases.iter().any(|b| b.id.starts_with(&id))
        })
        .map(|p| format!("{} ({})", text(&p.name), p.code))
        .collect();
    let scale = match d.unit.scale {
        s if s >= 1e6 => " million",
        s if s >= 1e3 => " thousand",
        _ => "",
    };
    vec![
        Fact::plain("reporter", "Reporting country", reporters.join("; ")),
        Fact::plain("unit", "Unit", format!("{}{scale}", d.unit.currency)),
    ]
}

/// A download the editor opened or pasted, read by what its header row says: an IMF
/// Direction of Trade file ([`import_imf`]) when it has the IMF's columns, else a UN
/// Comtrade download ([`import_comtrade`]), with that reader's options (`commodity` is
/// Comtrade's only). What the builder's download kind calls.
pub fn import_download(bytes: &[u8], options: Option<&str>) -> Result<Outcome, Error> {
    // The header row is ASCII in both: the first line's bytes, read lossily, tell.
    let end = bytes
        .iter()
        .position(|&b| b == b'\n')
        .unwrap_or(bytes.len())
        .min(64 * 1024);
    let head = String::from_utf8_lossy(bytes.get(..end).unwrap_or(bytes));
    if crate::imf::sniff(&head) {
        import_imf(bytes, options)
    } else {
        import_comtrade(bytes, options)
    }
}

/// A download's bytes as text: over the size limit, the import's errors; with the
/// option `encoding` (the label the page decoded it from), read with the warning naming it.
fn download_text<'b>(
    name: &str,
    bytes: &'b [u8],
    o: &ImportOptions,
) -> Result<Result<comtrade::Decoded<'b>, Vec<Error>>, Error> {
    let from = match o.encoding.as_deref() {
        None => None,
        Some(label) => Some(encoding::label_of(label).ok_or_else(|| {
            Error::expected_as(
                trade_chart::error::ErrorKind::InvalidValue,
                "options.encoding",
                "an encoding's label (utf-8, euc-kr, gbk, gb18030, windows-1252, utf-16le, utf-16be)",
                format!("{label:?}"),
            )
        })?),
    };
    let mut text = match comtrade::decoded(name, bytes) {
        Ok(text) => text,
        Err(errors) => return Ok(Err(errors)),
    };
    if let Some(label) = from.filter(|&l| l != "utf-8") {
        text.used = encoding::Used {
            label,
            name: encoding::name_of(label),
            guessed: false,
        };
    }
    Ok(Ok(text))
}

/// A file's size checked against the limit of what it is before a byte of it is read (a
/// 200 MB file is refused at once and never copied into memory): `what` is `table` (an
/// observations or sources table, a Comtrade download:
/// [`trade_chart::limits::TABLE_BYTES`]) or `json` (a dataset:
/// [`trade_chart::limits::JSON_BYTES`]); `size` is in bytes. → `None` when it is within
/// the limit, else the [`Outcome`] the import itself would give: the too-large error at
/// row 1, column 1 of `file`. Options: `file` (the name errors give it; default `what`).
/// `Err` for a bad `what`, `size` or options.
pub fn check_file_size(
    what: &str,
    size: f64,
    options: Option<&str>,
) -> Result<Option<Outcome>, Error> {
    let o = ImportOptions::read(options, &["file"])?;
    let name = o.file.as_deref().unwrap_or(what);
    let limit = match what {
        "table" => trade_chart::limits::TABLE_BYTES,
        "json" => trade_chart::limits::JSON_BYTES,
        _ => {
            return Err(Error::expected(
                "what",
                "`table` or `json`",
                format!("`{what}`"),
            ))
        }
    };
    if !(size.is_finite() && size >= 0.0) {
        return Err(Error::expected(
            "size",
            "a number of bytes",
            trade_chart::number::plain(size),
        ));
    }
    // Sizes past usize (a 32-bit wasm: 4 GB) are over every limit anyway.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let found = if size >= usize::MAX as f64 {
        usize::MAX
    } else {
        size as usize
    };
    Ok(limit
        .check("", found)
        .err()
        .map(|e| Outcome::failed(&[e.in_cell(Some(name), 1, 1)], None)))
}

/// A dataset's JSON text checked as the chart checks it → the [`Outcome`] (`dataset`: the
/// text rewritten as `trade-chart convert` writes it; a syntax error has its line and
/// column as `row` and `column`). Options: `file` (default `dataset`). `Err` only for bad
/// options.
pub fn check_dataset(text: &str, options: Option<&str>) -> Result<Outcome, Error> {
    let o = ImportOptions::read(options, &["file"])?;
    let name = o.file.as_deref().unwrap_or("dataset");
    // Checked first: its errors are the ones the chart gives (a non-object named so).
    // The text rewritten (pretty-printed) can be longer than the text read: refused, too,
    // over the chart's limit.
    Ok(match checked_raw(text).and_then(|raw| dataset_json(&raw)) {
        Ok(json) => Outcome::clean(json),
        Err(e) => Outcome::failed(&[e], Some(name)),
    })
}

/// A dataset's JSON text (a byte-order mark skipped) checked as the chart checks it, and
/// read as the raw model.
fn checked_raw(text: &str) -> Result<RawDataset, Error> {
    let text = text.trim_start_matches('\u{feff}');
    Dataset::from_json(text).and_then(|_| from_json_text::<RawDataset>(text))
}

/// A dataset's JSON text → its social card (og:image) as an SVG document: the command
/// line's `render --social` ([`trade_chart::DatasetChart::social_svg`]),
/// [`trade_chart::SOCIAL_CARD`] CSS px, to be drawn at [`trade_chart::SOCIAL_SCALE`]×
/// (1200×630 px) by the page. Options ([`PageOptions`], the one-file page's): `view`, `lang`, `theme` (`light`,
/// `dark`). `Err` for a dataset that does not check or a bad option (its error, as
/// `create()`'s).
pub fn social_card(dataset: &str, options: Option<&str>) -> Result<String, Error> {
    let o = PageOptions::read(options)?;
    let dark = o.dark()?;
    let ds = Dataset::from_json(dataset.trim_start_matches('\u{feff}'))
        .map_err(|e| e.within("dataset"))?;
    let mut chart = trade_chart::DatasetChart::new(
        ds,
        &trade_chart::Options::new(o.view.as_deref(), o.lang.as_deref()),
    )?;
    if dark {
        chart.set_theme(trade_chart::scene::theme::Theme::dark());
    }
    chart.social_svg()
}

/// A dataset's JSON text → its data package (docs/DATA.md, "Data packages"): the text of
/// `datapackage.json`, `observations.csv`, `sources.csv` and every file by name, as the
/// command line's `convert --to datapackage` writes them. `Err` for a dataset that does not check (its
/// error, as `create()`'s).
pub fn to_datapackage(dataset: &str) -> Result<Package, Error> {
    let raw = checked_raw(dataset).map_err(|e| e.within("dataset"))?;
    Ok(datapackage::export(&raw))
}
