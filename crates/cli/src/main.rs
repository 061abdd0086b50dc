//! `trade-chart`: check, convert and render datasets from a terminal.
//!
//! ```text
//! trade-chart check FILE… [--sources FILE | --source "P | T | URL"] [--decimal .|,] [--unit U]
//!                         [--partner CODE=NAME]… [--flow HEADER=KR>IT]…
//! trade-chart convert IN… [table options] -o dataset.json
//! trade-chart render IN… --view ID [--width 800] [--lang en|ko|zh] [--theme light|dark]
//!                        [--format svg|png|html] [--scale 2] [--social] -o FILE.svg|FILE.png|FILE.html
//! trade-chart bundle IN… -o story.html [--view ID] [--lang en|ko|zh] [--theme light|dark] [--script PATH]
//! ```
//!
//! Exit 0 when all is well, 1 when a dataset has an error, 2 for a usage error; a closed
//! output pipe ends the run quietly with exit 0. The arguments are parsed by clap (derive),
//! which writes the help from the doc comments below (`trade-chart COMMAND --help`).
// The doc comments of the clap structs below are the help a terminal shows (`<id>`,
// `<script …>` are words there, not HTML).
#![allow(rustdoc::invalid_html_tags)]
// No panic paths, as in the library.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod raster;

use trade_chart::data::RawSource;
use trade_chart::scene::theme::Theme;
use trade_chart::{Dataset, DatasetChart, Error, Options, RawDataset, SOCIAL_SCALE};
use trade_chart_import as import;
use trade_chart_import::comtrade::{self, ComtradeOptions};
use trade_chart_import::datapackage;
use trade_chart_import::encoding::Encoding;
use trade_chart_import::imf::{self, ImfOptions};
use trade_chart_import::publish::{self, PageOptions};
use trade_chart_import::wide::{self, FlowOption};
use trade_chart_import::{text, Import, Input, SheetOptions};

const ABOUT: &str = "trade-chart: check, convert and render trade-chart datasets";

const LONG_ABOUT: &str = "\
trade-chart: check, convert and render trade-chart datasets

A dataset is a JSON file in the schema of docs/DATA.md, or a spreadsheet table of
observations (.tsv, .csv, .txt) with its sources table, or a wide table (a period column
and a column per flow: Month;Exports;Imports;Balance) with --partner, --unit and --source,
or a UN Comtrade download, or an IMF Direction of Trade (DOTS) download, or a data
package; a text table (--text) gives any of them its title, notes and labels in English,
Korean and Chinese.";

/// The synopsis of every command (the top level's usage line).
const SYNOPSIS: &str = "\
trade-chart check FILE… [table options]
       trade-chart convert FILE… [table options] -o dataset.json
       trade-chart render FILE… --view ID [--width 800] [--lang en|ko|zh] [--theme light|dark]
                          [--format svg|png|html] [--scale 2] [--social] -o FILE.svg|FILE.png|FILE.html
       trade-chart bundle FILE… -o story.html [--view ID] [--lang en|ko|zh] [--theme light|dark]
       trade-chart COMMAND --help";

/// The usage first, as the hand-written help had it; clap fills in the rest.
const TEMPLATE: &str = "usage: {usage}\n\n{about-with-newline}\n{all-args}{after-help}";

// The command line's own imports, kept apart from the library's above.
use clap::error::ErrorKind;
use clap::{CommandFactory, Parser};
use std::io::{self, Write};

#[derive(clap::Parser)]
#[command(
    name = "trade-chart",
    version,
    about = ABOUT,
    long_about = LONG_ABOUT,
    override_usage = SYNOPSIS,
    help_template = TEMPLATE,
    subcommand_required = true,
    arg_required_else_help = true,
    after_help = "\
Exit 0 when all is well, 1 when a dataset has an error, 2 for a usage error. A closed
output pipe (trade-chart check … | head -1) ends the run quietly, with exit 0."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Checks each dataset as the chart would
    ///
    /// Each dataset is JSON, or an observations table with its sources, or a Comtrade
    /// download, or a data package. Prints every error as file:row:column: message (tables) or file: path: message
    /// (JSON), and warnings the same way, prefixed "warning: ". Otherwise prints one line per
    /// dataset: its series, observations, sources and views.
    #[command(
        help_template = TEMPLATE,
        verbatim_doc_comment,
        args_override_self = true,
        after_help = "Exit 0: no errors; 1: an error in some dataset; 2: a usage error."
    )]
    Check(CheckArgs),
    /// Writes the dataset as JSON (or a data package)
    ///
    /// The dataset (an observations table and its sources table, or JSON…) is written as
    /// JSON in the schema of docs/DATA.md, after checking it as `check` does (nothing is
    /// written when it has an error). `-o -` writes to standard output.
    #[command(
        help_template = TEMPLATE,
        verbatim_doc_comment,
        args_override_self = true,
        after_help = "Exit 0: written; 1: an error in the dataset; 2: a usage error."
    )]
    Convert(ConvertArgs),
    /// Draws one view of the dataset as a picture (SVG or PNG)
    ///
    /// The picture has the title, chart, notes and sources, drawn with the same selection,
    /// layout and drawing code as the chart in the page.
    /// PNG is the SVG rasterised (resvg) with the system's fonts: Korean and Chinese labels
    /// need a CJK font installed (fonts-wqy-microhei or fonts-noto-cjk on Debian).
    #[command(
        help_template = TEMPLATE,
        verbatim_doc_comment,
        args_override_self = true,
        after_help = "Exit 0: written; 1: an error in the dataset or the view; 2: a usage error."
    )]
    Render(RenderArgs),
    /// Writes one HTML file with the interactive chart and the dataset in it
    ///
    /// The file opens from disk (file://) or any web server, with no other file: the
    /// standalone script inline (as in dist/trade-chart-demo.html) and the dataset as JSON
    /// in a <script type="application/json">. The dataset is checked first (nothing is
    /// written when it has an error).
    #[command(
        help_template = TEMPLATE,
        verbatim_doc_comment,
        args_override_self = true,
        after_help = "\
Exit 0: written; 1: an error in the dataset, the view or the script; 2: a usage error."
    )]
    Bundle(BundleArgs),
}

/// The options of spreadsheet tables, and the text, views and claims tables of any input.
#[derive(clap::Args)]
#[command(next_help_heading = "Table options (for .tsv/.csv/.txt observations tables)")]
struct TableArgs {
    /// The sources table [default: sources.tsv or sources.csv beside the observations; a
    /// FILE named sources.* among the inputs is taken too]
    #[arg(long, value_name = "FILE", verbatim_doc_comment)]
    sources: Option<PathBuf>,
    /// One source for every figure, for a table without a sources table or column (a
    /// wide table): "Publisher | Title | URL | date", the date (YYYY[-MM[-DD]]) optional
    #[arg(long, value_name = "TEXT", value_parser = source, verbatim_doc_comment)]
    source: Option<RawSource>,
    /// What a wide table's column holds, when its header does not say (repeatable):
    /// "HEADER=KR>IT" (exports of KR to IT), "HEADER=two-way", "HEADER=balance" (checked,
    /// not drawn) or "HEADER=skip"; a header the table repeats by its position, "#3=skip"
    /// [default: guessed from the headers: exports, imports, total, balance in English,
    /// Korean (수출, 수입, 교역, 수지) and Chinese (出口, 进口, 进出口, 差额)]
    #[arg(long, value_name = "HEADER=FLOW", value_parser = flow, verbatim_doc_comment)]
    flow: Vec<FlowOption>,
    /// The chart's text in English, Korean and Chinese: a table of key | en | ko | zh rows
    /// (title, subtitle, note, series.<id>.label, view.<id>.label|title|subtitle|note,
    /// partner.<code>.name, basis.<id>.label; docs/DATA.md); for any input format. A table
    /// among the inputs headed key and en is taken as it too
    #[arg(long, value_name = "FILE", verbatim_doc_comment)]
    text: Option<PathBuf>,
    /// The chart's views, in place of those made from the data: a table of id | kind |
    /// series | label | title | x | from | to | periods | change rows, one per view
    /// (docs/DATA.md); for any input format
    #[arg(long, value_name = "FILE", verbatim_doc_comment)]
    views: Option<PathBuf>,
    /// The story's claims, checked against the data: a table of id | text | kind | figure |
    /// unit | status | check | source | period | note | views rows (docs/DATA.md); for any
    /// input format
    #[arg(long, value_name = "FILE", verbatim_doc_comment)]
    claims: Option<PathBuf>,
    /// The story's annotations, drawn on the time views: a table of id | period | to |
    /// label | text | sources | views rows, a point in time (2020-01) or a span (period
    /// … to); blank sources: the one source; blank views: every time view that shows it
    /// (docs/DATA.md); for any input format
    #[arg(long, value_name = "FILE", verbatim_doc_comment)]
    annotations: Option<PathBuf>,
    /// The newsroom's credit line, under the chart beside the sources ("Chart: The Border
    /// Desk"); in Korean and Chinese through the text table's credit row
    #[arg(long, value_name = "TEXT", verbatim_doc_comment)]
    credit: Option<String>,
    /// The value column's decimal mark, when no cell shows it (1,234)
    #[arg(long, value_name = "MARK")]
    decimal: Option<Decimal>,
    /// The unit when the table has no unit column: a currency (an ISO 4217 code or a
    /// word: USD, EUR, won, 원, 元) and a scale (thousand, million, bn, 천, 万, 억, 亿):
    /// USD million, EUR thousand, 억원, 万元
    #[arg(long, value_name = "UNIT")]
    unit: Option<String>,
    /// A partner's code and name (twice, in order) [default: the codes]; a wide table's
    /// reporting country first: its exports are first>second; in a table with a partner
    /// column (a customs export), the second picks its rows by its code or name as the
    /// table writes it (--partner BR=巴西, --partner 410=Brazil); in a Comtrade download,
    /// a name for an area its number alone gives (--partner 998=NAME)
    #[arg(long, value_name = "CODE=NAME", value_parser = partner, verbatim_doc_comment)]
    partner: Vec<(String, String)>,
    /// The pair of countries to chart from a Comtrade or IMF DOTS download of several (one
    /// reporter against every partner, or several reporters), as A,B: their codes or names
    /// as the file writes them (CHN,KOR; 156,410; 542,158; "China,Rep. of Korea"). Both directions, as
    /// each reporter gives them. Without it, such a download is one error listing its
    /// pairs (code many-pairs); World, "… nes" areas and the EU are never a country
    #[arg(long, value_name = "A,B", verbatim_doc_comment)]
    pair: Option<String>,
    /// The commodity code to chart from a Comtrade download of several products (its
    /// rows become the series) [default: the TOTAL rows, the other products as a
    /// products view]; from a long table with words (a customs or statistics office's
    /// export with a product column), the product's code or name as the table writes
    /// it [default: its only product, or its total row; else one error listing them]
    #[arg(long, value_name = "CODE", verbatim_doc_comment)]
    commodity: Option<String>,
    /// The dataset's title
    #[arg(long, value_name = "TEXT")]
    title: Option<String>,
    /// The dataset's id
    #[arg(long, value_name = "ID")]
    id: Option<String>,
    /// When a Comtrade or IMF download was made: its source's date
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date)]
    accessed: Option<String>,
    /// The inputs' text encoding [default: a byte-order mark's, else UTF-8 when the bytes
    /// are, else guessed from them, with a warning]: utf-8, utf-16le, euc-kr (cp949), gbk,
    /// gb18030, windows-1252 (latin1)…
    #[arg(long, value_name = "NAME", value_parser = encoding, verbatim_doc_comment)]
    encoding: Option<&'static Encoding>,
}

/// The inputs' format, for the commands whose `--format` is not a picture's.
#[derive(clap::Args)]
#[command(next_help_heading = "Table options (for .tsv/.csv/.txt observations tables)")]
struct InputArgs {
    /// The inputs' format [default: detected: a Comtrade or IMF DOTS download by its headers, a data
    /// package by its datapackage.json or directory, else by the file's extension]
    #[arg(long, value_name = "F", verbatim_doc_comment)]
    format: Option<Given>,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// The datasets: JSON files, observations tables with their sources tables, Comtrade
    /// downloads, data packages
    #[arg(value_name = "FILE", required = true, verbatim_doc_comment)]
    inputs: Vec<PathBuf>,
    #[command(flatten)]
    table: TableArgs,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(clap::Args)]
struct ConvertArgs {
    /// The dataset: a JSON file, an observations table (and its sources table), a Comtrade
    /// download or a data package
    #[arg(value_name = "FILE", required = true, verbatim_doc_comment)]
    inputs: Vec<PathBuf>,
    /// Where to write (`-o -`: standard output; a directory for --to datapackage)
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
    /// Write JSON, or a data package directory (-o DIR)
    #[arg(long, value_name = "FORMAT", default_value = "json")]
    to: To,
    #[command(flatten)]
    table: TableArgs,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(clap::Args)]
struct RenderArgs {
    /// The dataset (as for convert)
    #[arg(value_name = "FILE", required = true)]
    inputs: Vec<PathBuf>,
    /// The picture's file, .svg, .png or .html (`-o -`: standard output)
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
    /// The view to draw (an id of the dataset's views)
    #[arg(long, value_name = "ID")]
    view: String,
    /// The picture's width in CSS px [default: 800]
    #[arg(long, value_name = "PX", value_parser = width)]
    width: Option<f64>,
    /// The chart's language (a BCP 47 tag: en, ko, zh, ko-KR…) [default: en]
    #[arg(long, value_name = "LANG", value_parser = lang)]
    lang: Option<String>,
    /// The chart's colours [default: light]
    #[arg(long)]
    theme: Option<ThemeArg>,
    /// The picture's format (html: the <trade-chart> element with its picture, to paste
    /// into a page) [default: -o's extension; svg for `-o -`]
    #[arg(long, value_name = "FORMAT")]
    format: Option<Picture>,
    /// PNG only: device pixels per CSS px, from 0.25 to 4 [default: 2]
    /// (--width 800 --scale 2 is 1600 px wide)
    #[arg(long, value_name = "K", value_parser = scale, verbatim_doc_comment)]
    scale: Option<f64>,
    /// A social card (og:image): exactly 1200×630 px as PNG (600×315 CSS px as SVG), the
    /// title larger, the chart fitted, the sources line kept; no --width or --scale
    #[arg(long, conflicts_with_all = ["width", "scale"], verbatim_doc_comment)]
    social: bool,
    #[command(flatten)]
    table: TableArgs,
}

#[derive(clap::Args)]
struct BundleArgs {
    /// The dataset (as for convert)
    #[arg(value_name = "FILE", required = true)]
    inputs: Vec<PathBuf>,
    /// The HTML file to write (`-o -`: standard output)
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
    /// The opening view [default: the dataset's first]
    #[arg(long, value_name = "ID")]
    view: Option<String>,
    /// The reader's language (a BCP 47 tag: en, ko, zh…) [default: the page's, en]
    #[arg(long, value_name = "LANG", value_parser = lang)]
    lang: Option<String>,
    /// Light or dark [default: follow the reader's system]
    #[arg(long)]
    theme: Option<ThemeArg>,
    /// The built standalone script, trade-chart.standalone.js (`make build` makes it)
    #[arg(long, value_name = "PATH", default_value = SCRIPT_DEFAULT)]
    script: PathBuf,
    #[command(flatten)]
    table: TableArgs,
    #[command(flatten)]
    input: InputArgs,
}

/// `--decimal`: the value column's decimal mark.
#[derive(Clone, Copy, clap::ValueEnum)]
enum Decimal {
    #[value(name = ".")]
    Point,
    #[value(name = ",")]
    Comma,
}

/// `--format` of check, convert and bundle: the inputs' format.
#[derive(Clone, Copy, clap::ValueEnum)]
enum Given {
    Tsv,
    Csv,
    Comtrade,
    Imf,
    Datapackage,
    Json,
}

/// `convert --to`.
#[derive(Clone, Copy, PartialEq, clap::ValueEnum)]
enum To {
    Json,
    Datapackage,
}

/// `--theme`.
#[derive(Clone, Copy, clap::ValueEnum)]
enum ThemeArg {
    Light,
    Dark,
}

/// A picture's file format (`render --format`, or -o's extension).
#[derive(Clone, Copy, PartialEq, Debug, clap::ValueEnum)]
enum Picture {
    Svg,
    Png,
    // The `<trade-chart>` element with its published picture and the dataset inline, to
    // paste into a page (what `trade-chart/server` renders). A plain comment: a doc comment
    // would turn clap's "[possible values: …]" into a list.
    Html,
}

impl Picture {
    fn name(self) -> &'static str {
        match self {
            Picture::Svg => "svg",
            Picture::Png => "png",
            Picture::Html => "html",
        }
    }
}

/// `--partner CODE=NAME` (a bare CODE is its own name).
fn partner(v: &str) -> Result<(String, String), String> {
    let (code, name) = v.split_once('=').unwrap_or((v, v));
    if code.trim().is_empty() || name.trim().is_empty() {
        return Err("expected CODE=NAME".into());
    }
    Ok((code.trim().to_uppercase(), name.trim().to_string()))
}

/// `--source "Publisher | Title | URL | date"`.
fn source(v: &str) -> Result<RawSource, String> {
    wide::source_option(v)
}

/// `--flow "HEADER=KR>IT"`.
fn flow(v: &str) -> Result<FlowOption, String> {
    wide::flow_option(v)
}

/// `--encoding`: an encoding's name (the Encoding Standard's labels, and cp949).
fn encoding(s: &str) -> Result<&'static Encoding, String> {
    import::encoding::named(s, "--encoding").map_err(|e| e.message().to_string())
}

/// `--accessed`: a day.
fn date(v: &str) -> Result<String, String> {
    if v.len() == 10 && trade_chart::data::is_date(v) {
        Ok(v.to_string())
    } else {
        Err("expected YYYY-MM-DD".into())
    }
}

/// `--width`: CSS pixels.
fn width(v: &str) -> Result<f64, String> {
    v.parse::<f64>()
        .ok()
        .filter(|w| w.is_finite() && *w > 0.0)
        .ok_or_else(|| "expected CSS pixels (a number above 0)".into())
}

/// `--scale`: from 0.25 to 4.
fn scale(v: &str) -> Result<f64, String> {
    v.parse::<f64>()
        .ok()
        .filter(|k| (0.25..=4.0).contains(k))
        .ok_or_else(|| "expected a number from 0.25 to 4".into())
}

/// `--lang`: a tag of a language the chart speaks, kept as given.
fn lang(v: &str) -> Result<String, String> {
    match trade_chart::Lang::parse(v) {
        Some(_) => Ok(v.to_string()),
        None => Err("expected en, ko or zh (or a tag such as ko-KR)".into()),
    }
}

/// The standalone script `bundle` inlines when no --script is given: the one `make build`
/// writes into the repository's pkg/ (from this crate's directory as built, so `cargo run` and
/// `cargo install --path .` find it).
const SCRIPT_DEFAULT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../pkg/trade-chart.standalone.js"
);

/// A usage error found after parsing (a combination of options): clap's message, exit 2.
struct Usage(String);

/// What the commands work from.
#[derive(Default)]
struct Args {
    inputs: Vec<PathBuf>,
    sources: Option<PathBuf>,
    text: Option<PathBuf>,
    views: Option<PathBuf>,
    claims: Option<PathBuf>,
    annotations: Option<PathBuf>,
    credit: Option<String>,
    out: Option<PathBuf>,
    view: Option<String>,
    width: Option<f64>,
    lang: Option<String>,
    theme: Option<String>,
    picture: Option<Picture>,
    scale: Option<f64>,
    social: bool,
    script: Option<PathBuf>,
    sheet: SheetOptions,
    format: Option<Format>,
    accessed: Option<String>,
    pair: Option<String>,
    commodity: Option<String>,
    encoding: Option<&'static Encoding>,
    to_package: bool,
}

impl TableArgs {
    fn into_args(self, inputs: Vec<PathBuf>, input: Option<InputArgs>) -> Result<Args, Usage> {
        if self.partner.len() > 2 {
            return Err(Usage("--partner: a dataset has two partners".into()));
        }
        let sheet = SheetOptions {
            decimal: self.decimal.map(|d| match d {
                Decimal::Point => '.',
                Decimal::Comma => ',',
            }),
            unit: self.unit,
            partners: self.partner,
            title: self.title,
            id: self.id,
            source: self.source,
            flows: self.flow,
            commodity: self.commodity.clone(),
        };
        if sheet.source.is_some() && self.sources.is_some() {
            return Err(Usage(
                "--source and --sources: give one source for every figure or a sources table, not both".into(),
            ));
        }
        Ok(Args {
            inputs,
            sources: self.sources,
            text: self.text,
            views: self.views,
            claims: self.claims,
            annotations: self.annotations,
            credit: self.credit,
            sheet,
            format: input.and_then(|i| i.format).map(|f| match f {
                Given::Tsv | Given::Csv => Format::Table,
                Given::Comtrade => Format::Comtrade,
                Given::Imf => Format::Imf,
                Given::Datapackage => Format::DataPackage,
                Given::Json => Format::Json,
            }),
            accessed: self.accessed,
            pair: self.pair,
            commodity: self.commodity,
            encoding: self.encoding,
            ..Args::default()
        })
    }
}

fn theme_name(t: Option<ThemeArg>) -> Option<String> {
    t.map(|t| match t {
        ThemeArg::Light => "light".into(),
        ThemeArg::Dark => "dark".into(),
    })
}

impl CheckArgs {
    fn args(self) -> Result<Args, Usage> {
        self.table.into_args(self.inputs, Some(self.input))
    }
}

impl ConvertArgs {
    fn args(self) -> Result<Args, Usage> {
        let mut a = self.table.into_args(self.inputs, Some(self.input))?;
        a.to_package = self.to == To::Datapackage;
        if a.to_package && self.output == Path::new("-") {
            return Err(Usage(
                "--to datapackage writes a directory: give -o DIR, not -o -".into(),
            ));
        }
        a.out = Some(self.output);
        Ok(a)
    }
}

impl RenderArgs {
    fn args(self) -> Result<Args, Usage> {
        let inferred =
            self.output
                .extension()
                .and_then(|e| match e.to_str()?.to_lowercase().as_str() {
                    "png" => Some(Picture::Png),
                    "svg" => Some(Picture::Svg),
                    "html" | "htm" => Some(Picture::Html),
                    _ => None,
                });
        let picture = match (self.format, inferred) {
            (Some(f), Some(g)) if f != g => {
                return Err(Usage(format!(
                    "--format {} but -o {} says otherwise",
                    f.name(),
                    self.output.display()
                )))
            }
            (Some(f), _) | (None, Some(f)) => f,
            (None, None) if self.output == Path::new("-") => Picture::Svg,
            (None, None) => {
                return Err(Usage(
                    "which format? name the output .png, .svg or .html, or give --format".into(),
                ))
            }
        };
        if picture == Picture::Svg && self.scale.is_some() {
            return Err(Usage("--scale: for PNG only (an SVG has no pixels)".into()));
        }
        if picture == Picture::Html && (self.scale.is_some() || self.width.is_some() || self.social)
        {
            return Err(Usage(
                "--width, --scale, --social: not for html (its picture is drawn for every width)"
                    .into(),
            ));
        }
        let mut a = self.table.into_args(self.inputs, None)?;
        a.out = Some(self.output);
        a.view = Some(self.view);
        a.width = self.width;
        a.lang = self.lang;
        a.theme = theme_name(self.theme);
        a.picture = Some(picture);
        a.scale = self.scale;
        a.social = self.social;
        Ok(a)
    }
}

impl BundleArgs {
    fn args(self) -> Result<Args, Usage> {
        let mut a = self.table.into_args(self.inputs, Some(self.input))?;
        a.out = Some(self.output);
        a.view = self.view;
        a.lang = self.lang;
        a.theme = theme_name(self.theme);
        a.script = Some(self.script);
        Ok(a)
    }
}

/// Standard output or standard error.
#[derive(Clone, Copy, PartialEq)]
enum Stream {
    Out,
    Err,
}

/// Writes `bytes` through the stream's locked handle and flushes it: all the command line
/// prints goes through here, never `print!`/`eprintln!`, which panic when the reader of
/// the pipe has gone (`trade-chart check … | head -1`), an abort (SIGABRT, exit 134) with
/// panic=abort. A closed pipe (`BrokenPipe`) is a normal end instead, as in ripgrep: the
/// run stops there, with nothing more printed, exit 0. Another error on standard error is
/// dropped (there is nowhere to say it); on standard output it is the caller's.
fn emit(stream: Stream, bytes: &[u8]) -> io::Result<()> {
    let result = match stream {
        Stream::Out => {
            let mut out = io::stdout().lock();
            out.write_all(bytes).and_then(|()| out.flush())
        }
        Stream::Err => {
            let mut err = io::stderr().lock();
            err.write_all(bytes).and_then(|()| err.flush())
        }
    };
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(_) if stream == Stream::Err => Ok(()),
        result => result,
    }
}

/// A line on standard error.
fn tell(line: &str) {
    let _ = emit(Stream::Err, format!("{line}\n").as_bytes());
}

/// Writes clap's text (help, or a usage error) where clap would; its exit code.
fn clap_exit(e: &clap::Error) -> ExitCode {
    let stream = if e.use_stderr() {
        Stream::Err
    } else {
        Stream::Out
    };
    if let Err(err) = emit(stream, e.render().to_string().as_bytes()) {
        tell(&format!("standard output: cannot write: {err}"));
        return ExitCode::from(1);
    }
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}

fn is_table(p: &Path) -> bool {
    matches!(
        p.extension()
            .and_then(|e| e.to_str())
            .map(str::to_lowercase)
            .as_deref(),
        Some("tsv" | "csv" | "txt" | "tab")
    )
}

fn is_sources(p: &Path) -> bool {
    is_table(p) && p.file_stem().and_then(|s| s.to_str()) == Some("sources")
}

/// A table whose header row is a text table's (`key` and `en` columns).
fn is_text(p: &Path) -> bool {
    if !is_table(p) {
        return false;
    }
    let mut head = Vec::new();
    if let Ok(f) = std::fs::File::open(p) {
        use std::io::Read;
        let _ = f.take(4096).read_to_end(&mut head);
    }
    text::sniff(&import::decode(&head).0)
}

/// What a dataset to check is made of.
struct Job {
    main: PathBuf,
    sources: Option<PathBuf>,
    /// The chart's text table (--text, or a table among the inputs headed key and en).
    text: Option<PathBuf>,
    /// The views table (--views).
    views: Option<PathBuf>,
    /// The claims table (--claims).
    claims: Option<PathBuf>,
    /// The annotations table (--annotations).
    annotations: Option<PathBuf>,
    /// The credit line (--credit).
    credit: Option<String>,
    format: Format,
    accessed: Option<String>,
    /// `--pair`, `--commodity`: what to chart of a Comtrade download.
    pair: Option<String>,
    commodity: Option<String>,
    /// `--encoding`, else detected per file.
    encoding: Option<&'static Encoding>,
}

/// An input's format, given (`--format`) or detected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// Spreadsheet tables (TSV or CSV) with a sources table.
    Table,
    Comtrade,
    /// An IMF Direction of Trade Statistics (DOTS) time-series download.
    Imf,
    DataPackage,
    Json,
}

impl Format {
    /// A package by its directory or descriptor, a Comtrade or IMF download by its
    /// headers, a table by its extension, else JSON.
    fn detect(p: &Path) -> Format {
        if p.is_dir() || p.file_name().and_then(|n| n.to_str()) == Some(datapackage::DESCRIPTOR) {
            return Format::DataPackage;
        }
        if !is_table(p) {
            return Format::Json;
        }
        let mut head = Vec::new();
        if let Ok(f) = std::fs::File::open(p) {
            use std::io::Read;
            let _ = f.take(64 * 1024).read_to_end(&mut head);
        }
        let head = import::decode(&head).0;
        if comtrade::sniff(&head) {
            Format::Comtrade
        } else if imf::sniff(&head) {
            Format::Imf
        } else {
            Format::Table
        }
    }
}

/// The datasets the inputs make: each JSON file, and each observations table with its
/// sources table (`--sources`, a `sources.*` among the inputs, or one beside it).
fn jobs(a: &Args) -> Result<Vec<Job>, Usage> {
    let given: Vec<&PathBuf> = a.inputs.iter().filter(|p| is_sources(p)).collect();
    if given.len() > 1 || (given.len() == 1 && a.sources.is_some()) {
        return Err(Usage("more than one sources table".into()));
    }
    if !given.is_empty() && a.sheet.source.is_some() {
        return Err(Usage(
            "--source and a sources table among the inputs: give one source for every figure or a sources table, not both".into(),
        ));
    }
    let sources = a
        .sources
        .clone()
        .or_else(|| given.first().map(|p| (*p).clone()));
    let texts: Vec<&PathBuf> = a
        .inputs
        .iter()
        .filter(|p| !is_sources(p) && is_text(p))
        .collect();
    if texts.len() > 1 || (texts.len() == 1 && a.text.is_some()) {
        return Err(Usage("more than one text table".into()));
    }
    let text = a
        .text
        .clone()
        .or_else(|| texts.first().map(|p| (*p).clone()));
    let mut jobs = Vec::new();
    for p in a
        .inputs
        .iter()
        .filter(|p| !is_sources(p) && !texts.contains(p))
    {
        let format = a.format.unwrap_or_else(|| Format::detect(p));
        let sources = if format == Format::Table && a.sheet.source.is_none() {
            sources.clone().or_else(|| {
                let dir = p.parent().unwrap_or(Path::new(""));
                ["sources.tsv", "sources.csv", "sources.txt"]
                    .iter()
                    .map(|n| dir.join(n))
                    .find(|c| c.is_file())
            })
        } else {
            None
        };
        jobs.push(Job {
            main: p.clone(),
            sources,
            text: text.clone(),
            views: a.views.clone(),
            claims: a.claims.clone(),
            annotations: a.annotations.clone(),
            credit: a.credit.clone(),
            format,
            accessed: a.accessed.clone(),
            pair: a.pair.clone(),
            commodity: a.commodity.clone(),
            encoding: a.encoding,
        });
    }
    if jobs.is_empty() {
        return Err(Usage(
            "no dataset among the inputs (only a sources or text table)".into(),
        ));
    }
    Ok(jobs)
}

/// A loaded dataset: the raw form (to write), the checked one, and the warnings.
struct Loaded {
    raw: RawDataset,
    dataset: Dataset,
    warnings: Vec<Error>,
    gaps: usize,
}

/// A file's text in its encoding (`--encoding`, else a byte-order mark's, UTF-8 or the
/// guess: [`import::encoding::decode_in`]); a warning line says which when it is not UTF-8.
/// Bytes a named encoding cannot decode are an error at the first.
fn read(p: &Path, forced: Option<&'static Encoding>) -> Result<String, Vec<String>> {
    let bytes = std::fs::read(p).map_err(|e| vec![format!("{}: cannot read: {e}", p.display())])?;
    let name = p.display().to_string();
    let (text, used) =
        import::encoding::decode_in(&bytes, forced, &name).map_err(|e| vec![e.to_string()])?;
    if !used.is_utf8() {
        let how = if used.guessed {
            " (guessed from its bytes; --encoding names it)"
        } else {
            ""
        };
        tell(&format!(
            "warning: {}: not UTF-8: read as {}{how}",
            p.display(),
            used.name
        ));
    }
    Ok(text.into_owned())
}

/// Reads and checks one dataset; the error lines as printed.
fn load(job: &Job, sheet: &SheetOptions) -> Result<Loaded, Vec<String>> {
    let name = job.main.display().to_string();
    if let Some(loaded) = load_other(job, sheet, &name) {
        return loaded;
    }
    let text = read(&job.main, job.encoding)?;
    if job.format == Format::Json {
        let prefix = |e: Error| vec![format!("{name}: {e}")];
        let text = text.trim_start_matches('\u{feff}');
        // Checked first: its errors are the ones the chart gives (a non-object named so).
        let dataset = Dataset::from_json(text).map_err(prefix)?;
        let raw: RawDataset = trade_chart::data::json::from_json_text(text).map_err(prefix)?;
        if job.text.is_some()
            || job.views.is_some()
            || job.claims.is_some()
            || job.annotations.is_some()
            || job.credit.is_some()
        {
            return finish(job, Import::from_dataset(raw), &name);
        }
        return Ok(Loaded {
            raw,
            dataset,
            warnings: Vec::new(),
            gaps: 0,
        });
    }
    // A saved error message or web page is that, before any sources table is looked for.
    if let Some(e) = import::not_a_table(&name, &text) {
        return Err(vec![e.to_string()]);
    }
    // One source for every figure (--source), or a wide table's errors (which ask for it).
    let one_source = sheet.source.is_some() || wide::sniff(&text, sheet);
    let (sources_name, sources_text) = match &job.sources {
        Some(sp) => (sp.display().to_string(), read(sp, job.encoding)?),
        None if one_source => ("sources".to_string(), String::new()),
        None => {
            return Err(vec![format!(
                "{name}: no sources table: give --sources FILE, or put sources.tsv or sources.csv beside it, or give one source for every figure (--source \"Publisher | Title | URL | date\")"
            )])
        }
    };
    let imported = import::import(
        Input {
            name: &name,
            text: &text,
        },
        Input {
            name: &sources_name,
            text: &sources_text,
        },
        sheet,
    )
    .map_err(|errors| {
        // An error at an option (a wide table's --partner) is named with the file.
        (errors.iter())
            .map(|e| match e.location() {
                trade_chart::Location::Path(_) => format!("{name}: {e}"),
                _ => e.to_string(),
            })
            .collect::<Vec<_>>()
    })?;
    finish(job, imported, &name)
}

/// An import with the job's views, claims, annotations and text tables and its credit
/// line put in (when given), checked.
fn finish(job: &Job, imported: Import, name: &str) -> Result<Loaded, Vec<String>> {
    let lines = |errors: Vec<Error>| errors.iter().map(Error::to_string).collect::<Vec<_>>();
    let imported = match &job.views {
        Some(vp) => {
            let views_name = vp.display().to_string();
            let views = read(vp, job.encoding)?;
            imported
                .with_views(Input {
                    name: &views_name,
                    text: &views,
                })
                .map_err(lines)?
        }
        None => imported,
    };
    let imported = match &job.claims {
        Some(cp) => {
            let claims_name = cp.display().to_string();
            let claims = read(cp, job.encoding)?;
            imported
                .with_claims(Input {
                    name: &claims_name,
                    text: &claims,
                })
                .map_err(lines)?
        }
        None => imported,
    };
    let mut imported = match &job.annotations {
        Some(ap) => {
            let annotations_name = ap.display().to_string();
            let annotations = read(ap, job.encoding)?;
            imported
                .with_annotations(Input {
                    name: &annotations_name,
                    text: &annotations,
                })
                .map_err(lines)?
        }
        None => imported,
    };
    if let Some(c) = &job.credit {
        imported.dataset.credit = Some(trade_chart::data::RawText::Plain(c.clone()));
    }
    let imported = match &job.text {
        Some(tp) => {
            let text_name = tp.display().to_string();
            let text = read(tp, job.encoding)?;
            imported
                .with_text(Input {
                    name: &text_name,
                    text: &text,
                })
                .map_err(lines)?
        }
        None => imported,
    };
    let dataset = imported.check().map_err(|e| match e.location() {
        trade_chart::Location::Cell { .. } => vec![e.to_string()],
        _ => vec![format!("{name}: {e}")],
    })?;
    Ok(Loaded {
        raw: imported.dataset,
        dataset,
        warnings: imported.warnings,
        gaps: imported.gaps,
    })
}

/// A Comtrade or IMF download or a data package (`None` for the other formats).
fn load_other(job: &Job, sheet: &SheetOptions, name: &str) -> Option<Result<Loaded, Vec<String>>> {
    let lines = |errors: Vec<Error>| errors.iter().map(Error::to_string).collect::<Vec<_>>();
    let imported = match job.format {
        Format::Comtrade => {
            let bytes = match std::fs::read(&job.main) {
                Ok(b) => b,
                Err(e) => return Some(Err(vec![format!("{name}: cannot read: {e}")])),
            };
            // Long downloads: a line on stderr before and after.
            let long = bytes.len() > 4 << 20;
            let started = std::time::Instant::now();
            if long {
                tell(&format!(
                    "{name}: reading {:.1} MB…",
                    bytes.len() as f64 / 1e6
                ));
            }
            let options = ComtradeOptions {
                accessed: job.accessed.clone(),
                title: sheet.title.clone(),
                id: sheet.id.clone(),
                pair: job.pair.clone(),
                commodity: job.commodity.clone(),
                names: sheet.partners.clone(),
            };
            let result = comtrade::decoded_in(name, &bytes, job.encoding)
                .and_then(|text| comtrade::import_text(name, &text, &options));
            if long {
                tell(&format!(
                    "{name}: read in {:.2} s",
                    started.elapsed().as_secs_f64()
                ));
            }
            result
        }
        Format::Imf => {
            let bytes = match std::fs::read(&job.main) {
                Ok(b) => b,
                Err(e) => return Some(Err(vec![format!("{name}: cannot read: {e}")])),
            };
            let options = ImfOptions {
                accessed: job.accessed.clone(),
                title: sheet.title.clone(),
                id: sheet.id.clone(),
                pair: job.pair.clone(),
                names: sheet.partners.clone(),
            };
            comtrade::decoded_in(name, &bytes, job.encoding)
                .and_then(|text| imf::import_text(name, &text, &options))
        }
        Format::DataPackage => datapackage::import_path(&job.main),
        _ => return None,
    };
    Some(imported.map_err(lines).and_then(|i| finish(job, i, name)))
}

/// `n` and its noun, singular for one ("1 source", "2 sources").
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn warn(l: &Loaded) {
    for w in &l.warnings {
        tell(&format!("warning: {w}"));
    }
}

fn write(out: &Path, text: &str) -> Result<(), Vec<String>> {
    write_bytes(out, text.as_bytes())
}

fn check(a: &Args) -> Result<ExitCode, Usage> {
    let mut failed = false;
    for job in jobs(a)? {
        match load(&job, &a.sheet) {
            Ok(l) => {
                warn(&l);
                let ds = &l.dataset;
                let n: usize = ds.series.iter().map(|s| s.observations.len()).sum();
                let mut line = format!(
                    "{}: ok: {} series, {}, {}, {}, {}",
                    job.main.display(),
                    ds.series.len(),
                    count(n, "observation", "observations"),
                    count(ds.sources.len(), "source", "sources"),
                    count(ds.views.len(), "view", "views"),
                    count(ds.annotations.len(), "annotation", "annotations")
                );
                if ds.credit.is_some() {
                    line.push_str(", a credit line");
                }
                if l.gaps > 0 || !l.warnings.is_empty() {
                    line.push_str(&format!(
                        " ({}, {})",
                        count(l.gaps, "gap", "gaps"),
                        count(l.warnings.len(), "warning", "warnings")
                    ));
                }
                if let Err(e) = emit(Stream::Out, format!("{line}\n").as_bytes()) {
                    tell(&format!("standard output: cannot write: {e}"));
                    return Ok(ExitCode::from(1));
                }
            }
            Err(lines) => {
                failed = true;
                for line in lines {
                    tell(&line);
                }
            }
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The one dataset `convert` and `render` take.
fn one(a: &Args) -> Result<Result<Loaded, Vec<String>>, Usage> {
    let jobs = jobs(a)?;
    if jobs.len() > 1 {
        return Err(Usage(
            "one dataset at a time (an observations table and its sources table, or one JSON file)"
                .into(),
        ));
    }
    Ok(load(&jobs[0], &a.sheet))
}

fn report(result: Result<(), Vec<String>>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(lines) => {
            for line in lines {
                tell(&line);
            }
            ExitCode::from(1)
        }
    }
}

fn convert(a: &Args) -> Result<ExitCode, Usage> {
    let loaded = one(a)?;
    let out = a.out.as_deref().unwrap_or(Path::new("-"));
    Ok(report(loaded.and_then(|l| {
        warn(&l);
        if a.to_package {
            return datapackage::export(&l.raw)
                .write(out)
                .map_err(|e| vec![format!("{}: cannot write: {e}", out.display())]);
        }
        let json =
            import::dataset_json(&l.raw).map_err(|e| vec![format!("{}: {e}", out.display())])?;
        write(out, &json)
    })))
}

/// The chart `render` and `bundle` draw: the dataset at --view, --lang and --theme.
fn chart_for(a: &Args, dataset: Dataset) -> Result<DatasetChart, Vec<String>> {
    let options = Options::new(a.view.as_deref(), a.lang.as_deref());
    let mut chart = DatasetChart::new(dataset, &options).map_err(|e| {
        let flag = e.path().strip_prefix("options.").unwrap_or(e.path());
        vec![format!("--{flag}: {}", e.message())]
    })?;
    if a.theme.as_deref() == Some("dark") {
        chart.set_theme(Theme::dark());
    }
    Ok(chart)
}

fn write_bytes(out: &Path, bytes: &[u8]) -> Result<(), Vec<String>> {
    if out == Path::new("-") {
        return emit(Stream::Out, bytes)
            .map_err(|e| vec![format!("standard output: cannot write: {e}")]);
    }
    std::fs::write(out, bytes).map_err(|e| vec![format!("{}: cannot write: {e}", out.display())])
}

fn render(a: &Args) -> Result<ExitCode, Usage> {
    let loaded = one(a)?;
    let out = a.out.as_deref().unwrap_or(Path::new("-"));
    Ok(report(loaded.and_then(|l| {
        warn(&l);
        if a.picture == Some(Picture::Html) {
            // The element as the server render writes it (trade_chart::chart::render_element).
            let json = import::dataset_json(&l.raw)
                .map_err(|e| vec![format!("{}: {e}", out.display())])?;
            chart_for(a, l.dataset)?; // the options checked with render's messages
            let options = trade_chart::Options {
                view: a.view.clone(),
                lang: a.lang.clone(),
                theme: a.theme.clone(),
                ..Default::default()
            };
            let html = trade_chart::chart::render_element_with(&json, &options)
                .map_err(|e| vec![e.to_string()])?;
            return write(out, &format!("{html}\n"));
        }
        let chart = chart_for(a, l.dataset)?;
        let svg = if a.social {
            chart.social_svg()
        } else {
            chart.svg(a.width.unwrap_or(800.0))
        }
        .map_err(|e| vec![e.to_string()])?;
        if a.picture == Some(Picture::Png) {
            let scale = if a.social {
                SOCIAL_SCALE
            } else {
                a.scale.unwrap_or(2.0)
            };
            let png = raster::png(&svg, scale).map_err(|e| vec![e.to_string()])?;
            write_bytes(out, &png)
        } else {
            write(out, &svg)
        }
    })))
}

fn bundle(a: &Args) -> Result<ExitCode, Usage> {
    let loaded = one(a)?;
    let out = a.out.as_deref().unwrap_or(Path::new("-"));
    Ok(report(loaded.and_then(|l| {
        warn(&l);
        let json = import::dataset_json(&l.raw).map_err(|e| vec![format!("{}: {e}", out.display())])?;
        // The options checked as `render` checks them, with its messages (--view: …).
        chart_for(a, l.dataset)?;
        let path = a.script.clone().unwrap_or_else(|| SCRIPT_DEFAULT.into());
        let script = std::fs::read_to_string(&path).map_err(|e| {
            vec![format!(
                "{}: cannot read the standalone script: {e}\n  \
                 build it with `make build` (it is pkg/trade-chart.standalone.js), or give --script PATH",
                path.display()
            )]
        })?;
        if !script.contains("TradeChart") {
            return Err(vec![format!(
                "{}: not trade-chart's standalone script (pkg/trade-chart.standalone.js)",
                path.display()
            )]);
        }
        // The builder's "one HTML file" is the same page (trade_chart_import::publish).
        let options = PageOptions {
            view: a.view.clone(),
            lang: a.lang.clone(),
            theme: a.theme.clone(),
        };
        let html = publish::page(&json, &script, &options).map_err(|e| match e.path() {
            "script" => vec![format!("{}: {}", path.display(), e.message())],
            _ => vec![e.to_string()],
        })?;
        write(out, &html)
    })))
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    let (name, result) = match cli.command {
        Command::Check(c) => ("check", c.args().and_then(|a| check(&a))),
        Command::Convert(c) => ("convert", c.args().and_then(|a| convert(&a))),
        Command::Render(c) => ("render", c.args().and_then(|a| render(&a))),
        Command::Bundle(c) => ("bundle", c.args().and_then(|a| bundle(&a))),
    };
    result.unwrap_or_else(|Usage(message)| {
        // As clap's own usage errors: the message, the command's usage, exit 2.
        let mut cli = Cli::command();
        cli.build();
        let e = match cli.find_subcommand_mut(name) {
            Some(command) => command.error(ErrorKind::ArgumentConflict, message),
            None => cli.error(ErrorKind::ArgumentConflict, message),
        };
        clap_exit(&e)
    })
}
