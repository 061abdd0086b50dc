//! `trade-chart`: check, convert and render datasets from a terminal.
//!
//! ```text
//! trade-chart check FILE… [--sources FILE] [--decimal .|,] [--unit U] [--partner CODE=NAME]…
//! trade-chart convert IN… [table options] -o dataset.json
//! trade-chart render IN… --view ID [--width 800] [--lang en|ko|zh] [--theme light|dark]
//!                        [--format svg|png] [--scale 2] [--social] -o FILE.svg|FILE.png
//! trade-chart bundle IN… -o story.html [--view ID] [--lang en|ko|zh] [--theme light|dark] [--script PATH]
//! ```
//!
//! Exit 0 when all is well, 1 when a dataset has an error, 2 for a usage error. The
//! arguments are parsed by hand: a handful of flags do not justify a parser crate.
// No panic paths, as in the library.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod raster;

use trade_chart::scene::theme::Theme;
use trade_chart::{Chart, Dataset, Error, Options, RawDataset, SOCIAL_SCALE};
use trade_chart_import as import;
use trade_chart_import::comtrade::{self, ComtradeOptions};
use trade_chart_import::datapackage;
use trade_chart_import::{text, Import, Input, SheetOptions};

const USAGE: &str = "\
trade-chart: check, convert and render trade-chart datasets

usage:
  trade-chart check FILE… [table options]
  trade-chart convert IN… [table options] -o dataset.json
  trade-chart render IN… --view ID [--width 800] [--lang en|ko|zh] [--theme light|dark]
                         [--format svg|png] [--scale 2] [--social] -o FILE.svg|FILE.png
  trade-chart bundle IN… -o story.html [--view ID] [--lang en|ko|zh] [--theme light|dark] [--script PATH]
  trade-chart COMMAND --help

A dataset is a JSON file in the schema of docs/DATA.md, or a spreadsheet table of
observations (.tsv, .csv, .txt) with its sources table, or a UN Comtrade download, or a
data package; a text table (--text) gives any of them its title, notes and labels in
English, Korean and Chinese.";

const TABLE_OPTIONS: &str = "\
table options (for .tsv/.csv/.txt observations tables):
  --sources FILE        the sources table (default: sources.tsv or sources.csv beside the
                        observations; a FILE named sources.* among the inputs is taken too)
  --text FILE           the chart's text in English, Korean and Chinese: a table of
                        key | en | ko | zh rows (title, subtitle, note, series.<id>.label,
                        view.<id>.label|title|subtitle|note, partner.<code>.name,
                        basis.<id>.label; docs/DATA.md); for any input format. A table
                        among the inputs headed key and en is taken as it too
  --views FILE          the chart's views, in place of those made from the data: a table
                        of id | kind | series | label | title | x | from | to | periods |
                        change rows, one per view (docs/DATA.md); for any input format
  --claims FILE         the story's claims, checked against the data: a table of id |
                        text | kind | figure | unit | status | check | source | period |
                        note | views rows (docs/DATA.md); for any input format
  --decimal . | ,       the value column's decimal mark, when no cell shows it (1,234)
  --unit UNIT           the unit when the table has no unit column (USD, USD million…)
  --partner CODE=NAME   a partner's code and name (twice, in order); default: the codes
  --title TEXT          the dataset's title; --id ID its id
  --format F            tsv, csv, comtrade, datapackage or json (default: detected: a
                        Comtrade download by its headers, a data package by its
                        datapackage.json or directory, else by the file's extension)
  --accessed DATE       when a Comtrade download was made (YYYY-MM-DD): its source's date
  --to json|datapackage (convert) write JSON (default) or a data package directory (-o DIR)";

const CHECK_HELP: &str = "\
usage: trade-chart check FILE… [table options]

Checks each dataset (JSON, or an observations table with its sources) as the chart
would. Prints every error as file:row:column: message (tables) or file: path: message
(JSON), and warnings the same way, prefixed \"warning: \". Otherwise prints one line per
dataset: its series, observations, sources and views.
Exit 0: no errors; 1: an error in some dataset; 2: a usage error.";

const CONVERT_HELP: &str = "\
usage: trade-chart convert IN… [table options] -o dataset.json

Writes the dataset (an observations table and its sources table, or JSON) as JSON in
the schema of docs/DATA.md, after checking it as `check` does (nothing is written when
it has an error). `-o -` writes to standard output.
Exit 0: written; 1: an error in the dataset; 2: a usage error.";

const RENDER_HELP: &str = "\
usage: trade-chart render IN… --view ID [--width 800] [--lang en|ko|zh] [--theme light|dark]
                         [--format svg|png] [--scale 2] [--social] -o FILE.svg|FILE.png

Draws one view of the dataset as a picture (title, chart, notes and sources), with the
same selection, layout and drawing code as the chart in the page.
  --width PX        the picture's width in CSS px (default 800)
  --format svg|png  default: from -o's extension (.png or .svg); svg for `-o -`
  --scale K         PNG only: device pixels per CSS px (default 2; --width 800 --scale 2
                    is 1600 px wide), from 0.25 to 4
  --social          a social card (og:image): exactly 1200×630 px as PNG (600×315 CSS px
                    as SVG), the title larger, the chart fitted, the sources line kept;
                    no --width or --scale
PNG is the SVG rasterised (resvg) with the system's fonts: Korean and Chinese labels
need a CJK font installed (fonts-wqy-microhei or fonts-noto-cjk on Debian).
`-o -` writes to standard output.
Exit 0: written; 1: an error in the dataset or the view; 2: a usage error.";

const BUNDLE_HELP: &str = "\
usage: trade-chart bundle IN… -o story.html [--view ID] [--lang en|ko|zh] [--theme light|dark] [--script PATH]

Writes one HTML file with the interactive chart and this dataset in it, which opens
from disk (file://) or any web server, with no other file: the standalone script inline
(as in dist/trade-chart-demo.html) and the dataset as JSON in a
<script type=\"application/json\">. The dataset is checked first (nothing is written
when it has an error). --view: the opening view (default: the dataset's first);
--lang: the reader's language (default: the page's, en); --theme: light or dark
(default: follow the reader's system).
  --script PATH     the built standalone script, trade-chart.standalone.js (default:
                    SCRIPT_DEFAULT; `make build` makes it)
Exit 0: written; 1: an error in the dataset, the view or the script; 2: a usage error.";

/// A picture's file format (`render --format`, or -o's extension).
#[derive(Clone, Copy, PartialEq, Debug)]
enum Picture {
    Svg,
    Png,
}

/// The standalone script `bundle` inlines when no --script is given: the one `make build`
/// writes into the repository's pkg/ (from this crate's directory as built, so `cargo run` and
/// `cargo install --path .` find it).
const SCRIPT_DEFAULT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../pkg/trade-chart.standalone.js"
);

/// A usage error: printed with a pointer to --help, exit 2.
struct Usage(String);

#[derive(Default)]
struct Args {
    inputs: Vec<PathBuf>,
    sources: Option<PathBuf>,
    text: Option<PathBuf>,
    views: Option<PathBuf>,
    claims: Option<PathBuf>,
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
    to_package: bool,
    help: bool,
}

fn parse(command: &str, argv: &[String]) -> Result<Args, Usage> {
    let mut a = Args::default();
    let mut it = argv.iter();
    let render = command == "render";
    let bundle = command == "bundle";
    let out = command != "check";
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| Usage(format!("{name} needs a value")))
        };
        match arg.as_str() {
            "-h" | "--help" => a.help = true,
            "--sources" => a.sources = Some(value(arg)?.into()),
            "--text" => a.text = Some(value(arg)?.into()),
            "--views" => a.views = Some(value(arg)?.into()),
            "--claims" => a.claims = Some(value(arg)?.into()),
            "--decimal" => {
                a.sheet.decimal = match value(arg)?.as_str() {
                    "." => Some('.'),
                    "," => Some(','),
                    v => return Err(Usage(format!("--decimal: expected . or ,, found {v:?}"))),
                }
            }
            "--unit" => a.sheet.unit = Some(value(arg)?),
            "--title" => a.sheet.title = Some(value(arg)?),
            "--id" => a.sheet.id = Some(value(arg)?),
            "--partner" => {
                let v = value(arg)?;
                let (code, name) = v.split_once('=').unwrap_or((&v, &v));
                if code.trim().is_empty() || name.trim().is_empty() {
                    return Err(Usage(format!("--partner: expected CODE=NAME, found {v:?}")));
                }
                a.sheet
                    .partners
                    .push((code.trim().to_uppercase(), name.trim().to_string()));
            }
            "--format" if render => {
                a.picture = Some(match value(arg)?.to_lowercase().as_str() {
                    "svg" => Picture::Svg,
                    "png" => Picture::Png,
                    v => return Err(Usage(format!("--format: expected svg or png, found {v:?}"))),
                })
            }
            "--format" => {
                let v = value(arg)?;
                a.format = Some(Format::parse(&v).ok_or_else(|| {
                    Usage(format!(
                        "--format: expected tsv, csv, comtrade, datapackage or json, found {v:?}"
                    ))
                })?);
            }
            "--accessed" => {
                let v = value(arg)?;
                if !(v.len() == 10 && trade_chart::data::is_date(&v)) {
                    return Err(Usage(format!(
                        "--accessed: expected YYYY-MM-DD, found {v:?}"
                    )));
                }
                a.accessed = Some(v);
            }
            "--to" if command == "convert" => {
                a.to_package = match value(arg)?.as_str() {
                    "json" => false,
                    "datapackage" => true,
                    v => {
                        return Err(Usage(format!(
                            "--to: expected json or datapackage, found {v:?}"
                        )))
                    }
                }
            }
            "-o" | "--output" if out => a.out = Some(value(arg)?.into()),
            "--view" if render || bundle => a.view = Some(value(arg)?),
            "--width" if render => {
                let v = value(arg)?;
                a.width = Some(
                    v.parse::<f64>()
                        .ok()
                        .filter(|w| w.is_finite() && *w > 0.0)
                        .ok_or_else(|| {
                            Usage(format!("--width: expected CSS pixels, found {v:?}"))
                        })?,
                );
            }
            "--lang" if render || bundle => a.lang = Some(value(arg)?),
            "--scale" if render => {
                let v = value(arg)?;
                a.scale = Some(
                    v.parse::<f64>()
                        .ok()
                        .filter(|k| (0.25..=4.0).contains(k))
                        .ok_or_else(|| {
                            Usage(format!(
                                "--scale: expected a number from 0.25 to 4, found {v:?}"
                            ))
                        })?,
                );
            }
            "--social" if render => a.social = true,
            "--script" if bundle => a.script = Some(value(arg)?.into()),
            "--theme" if render || bundle => {
                let v = value(arg)?;
                if v != "light" && v != "dark" {
                    return Err(Usage(format!(
                        "--theme: expected light or dark, found {v:?}"
                    )));
                }
                a.theme = Some(v);
            }
            s if s.starts_with('-') && s != "-" => {
                return Err(Usage(format!("{command}: unknown option {s}")))
            }
            s => a.inputs.push(s.into()),
        }
    }
    if a.help {
        return Ok(a);
    }
    if a.inputs.is_empty() {
        return Err(Usage(format!("{command}: no input file")));
    }
    if out && a.out.is_none() {
        return Err(Usage(format!("{command}: no output: give -o FILE")));
    }
    if render && a.view.is_none() {
        return Err(Usage("render: no view: give --view ID".into()));
    }
    if a.to_package && a.out.as_deref() == Some(Path::new("-")) {
        return Err(Usage(
            "--to datapackage writes a directory: give -o DIR, not -o -".into(),
        ));
    }
    if render {
        let inferred =
            a.out
                .as_deref()
                .and_then(|o| match o.extension()?.to_str()?.to_lowercase().as_str() {
                    "png" => Some(Picture::Png),
                    "svg" => Some(Picture::Svg),
                    _ => None,
                });
        let format = match (a.picture, inferred) {
            (Some(f), Some(g)) if f != g => {
                return Err(Usage(format!(
                    "--format {} but -o {} says otherwise",
                    if f == Picture::Png { "png" } else { "svg" },
                    a.out.as_deref().unwrap_or(Path::new("")).display()
                )))
            }
            (Some(f), _) | (None, Some(f)) => f,
            (None, None) if a.out.as_deref() == Some(Path::new("-")) => Picture::Svg,
            (None, None) => {
                return Err(Usage(
                    "render: which format? name the output .png or .svg, or give --format".into(),
                ))
            }
        };
        a.picture = Some(format);
        if a.social && (a.width.is_some() || a.scale.is_some()) {
            return Err(Usage(
                "--social: the card is 1200×630 px; no --width or --scale".into(),
            ));
        }
        if format == Picture::Svg && a.scale.is_some() {
            return Err(Usage("--scale: for PNG only (an SVG has no pixels)".into()));
        }
    }
    if a.sheet.partners.len() > 2 {
        return Err(Usage("--partner: a dataset has two partners".into()));
    }
    Ok(a)
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
    format: Format,
    accessed: Option<String>,
}

/// An input's format, given (`--format`) or detected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// Spreadsheet tables (TSV or CSV) with a sources table.
    Table,
    Comtrade,
    DataPackage,
    Json,
}

impl Format {
    fn parse(s: &str) -> Option<Format> {
        Some(match s {
            "tsv" | "csv" => Format::Table,
            "comtrade" => Format::Comtrade,
            "datapackage" => Format::DataPackage,
            "json" => Format::Json,
            _ => return None,
        })
    }

    /// A package by its directory or descriptor, a Comtrade download by its headers, a
    /// table by its extension, else JSON.
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
        if comtrade::sniff(&import::decode(&head).0) {
            Format::Comtrade
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
        let sources = if format == Format::Table {
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
            format,
            accessed: a.accessed.clone(),
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

fn read(p: &Path) -> Result<String, Vec<String>> {
    std::fs::read_to_string(p).map_err(|e| vec![format!("{}: cannot read: {e}", p.display())])
}

/// Reads and checks one dataset; the error lines as printed.
fn load(job: &Job, sheet: &SheetOptions) -> Result<Loaded, Vec<String>> {
    let name = job.main.display().to_string();
    if let Some(loaded) = load_other(job, sheet, &name) {
        return loaded;
    }
    let text = read(&job.main)?;
    if job.format == Format::Json {
        let prefix = |e: Error| vec![format!("{name}: {e}")];
        let text = text.trim_start_matches('\u{feff}');
        // Checked first: its errors are the ones the chart gives (a non-object named so).
        let dataset = Dataset::from_json(text).map_err(prefix)?;
        let raw: RawDataset = trade_chart::data::json::from_json_text(text).map_err(prefix)?;
        if job.text.is_some() || job.views.is_some() || job.claims.is_some() {
            return finish(job, Import::from_dataset(raw), &name);
        }
        return Ok(Loaded {
            raw,
            dataset,
            warnings: Vec::new(),
            gaps: 0,
        });
    }
    let Some(sp) = &job.sources else {
        return Err(vec![format!(
            "{name}: no sources table: give --sources FILE, or put sources.tsv or sources.csv beside it"
        )]);
    };
    let sources_name = sp.display().to_string();
    let sources_text = read(sp)?;
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
    .map_err(|errors| errors.iter().map(Error::to_string).collect::<Vec<_>>())?;
    finish(job, imported, &name)
}

/// An import with the job's views, claims and text tables put in (when given), checked.
fn finish(job: &Job, imported: Import, name: &str) -> Result<Loaded, Vec<String>> {
    let lines = |errors: Vec<Error>| errors.iter().map(Error::to_string).collect::<Vec<_>>();
    let imported = match &job.views {
        Some(vp) => {
            let views_name = vp.display().to_string();
            let views = read(vp)?;
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
            let claims = read(cp)?;
            imported
                .with_claims(Input {
                    name: &claims_name,
                    text: &claims,
                })
                .map_err(lines)?
        }
        None => imported,
    };
    let imported = match &job.text {
        Some(tp) => {
            let text_name = tp.display().to_string();
            let text = read(tp)?;
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

/// A Comtrade download or a data package (`None` for the other formats).
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
                eprintln!("{name}: reading {:.1} MB…", bytes.len() as f64 / 1e6);
            }
            let options = ComtradeOptions {
                accessed: job.accessed.clone(),
                title: sheet.title.clone(),
                id: sheet.id.clone(),
            };
            let result = comtrade::import(name, &bytes, &options);
            if long {
                eprintln!("{name}: read in {:.2} s", started.elapsed().as_secs_f64());
            }
            result
        }
        Format::DataPackage => datapackage::import_path(&job.main),
        _ => return None,
    };
    Some(imported.map_err(lines).and_then(|i| finish(job, i, name)))
}

fn warn(l: &Loaded) {
    for w in &l.warnings {
        eprintln!("warning: {w}");
    }
}

fn write(out: &Path, text: &str) -> Result<(), Vec<String>> {
    if out == Path::new("-") {
        print!("{text}");
        return Ok(());
    }
    std::fs::write(out, text).map_err(|e| vec![format!("{}: cannot write: {e}", out.display())])
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
                    "{}: ok: {} series, {n} observations, {} sources, {} views",
                    job.main.display(),
                    ds.series.len(),
                    ds.sources.len(),
                    ds.views.len()
                );
                if l.gaps > 0 || !l.warnings.is_empty() {
                    line.push_str(&format!(
                        " ({} gaps, {} warnings)",
                        l.gaps,
                        l.warnings.len()
                    ));
                }
                println!("{line}");
            }
            Err(lines) => {
                failed = true;
                for line in lines {
                    eprintln!("{line}");
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
                eprintln!("{line}");
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
fn chart_for(a: &Args, dataset: Dataset) -> Result<Chart, Vec<String>> {
    let options = Options::new(a.view.as_deref(), a.lang.as_deref());
    let mut chart = Chart::new(dataset, &options).map_err(|e| {
        let flag = e.path().strip_prefix("options.").unwrap_or(e.path());
        vec![format!("--{flag}: {}", e.message())]
    })?;
    if a.theme.as_deref() == Some("dark") {
        chart.set_theme(Theme::dark());
    }
    Ok(chart)
}

fn write_bytes(out: &Path, bytes: &[u8]) -> Result<(), Vec<String>> {
    use std::io::Write;
    if out == Path::new("-") {
        let mut stdout = std::io::stdout().lock();
        return stdout
            .write_all(bytes)
            .and_then(|()| stdout.flush())
            .map_err(|e| vec![format!("standard output: cannot write: {e}")]);
    }
    std::fs::write(out, bytes).map_err(|e| vec![format!("{}: cannot write: {e}", out.display())])
}

fn render(a: &Args) -> Result<ExitCode, Usage> {
    let loaded = one(a)?;
    let out = a.out.as_deref().unwrap_or(Path::new("-"));
    Ok(report(loaded.and_then(|l| {
        warn(&l);
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

/// `text` safe between <script> and </script> (no end tag, no comment opener).
fn inline_script(text: &str) -> Option<String> {
    if text.contains("<!--") {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (i, _) in lower.match_indices("</script") {
        out.push_str(&text[last..i]);
        out.push_str("<\\/");
        last = i + 2;
    }
    out.push_str(&text[last..]);
    Some(out)
}

/// JSON text safe in a <script> element: every `<` (only ever inside a string) escaped.
fn inline_json(json: &str) -> String {
    json.replace('<', "\\u003c")
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn bundle(a: &Args) -> Result<ExitCode, Usage> {
    let loaded = one(a)?;
    let out = a.out.as_deref().unwrap_or(Path::new("-"));
    Ok(report(loaded.and_then(|l| {
        warn(&l);
        let json = import::dataset_json(&l.raw).map_err(|e| vec![format!("{}: {e}", out.display())])?;
        let chart = chart_for(a, l.dataset)?;
        let meta = chart.meta();
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
        let script = inline_script(&script).ok_or_else(|| {
            vec![format!(
                "{}: contains \"<!--\": cannot put it inline",
                path.display()
            )]
        })?;
        // Only what was asked: without --lang the chart speaks the page's language (the
        // dataset's first view and the reader's light or dark look likewise).
        let mut options = serde_json::Map::new();
        for (key, value) in [("view", &a.view), ("lang", &a.lang), ("theme", &a.theme)] {
            if let Some(v) = value {
                options.insert(key.into(), v.clone().into());
            }
        }
        let options = inline_json(&serde_json::Value::Object(options).to_string());
        let html = format!(
            r#"<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="trade-chart {version}">
<title>{title}</title>
<style>
  :root {{ color-scheme: light dark; }}
  body {{ margin: 0; font: 16px/1.5 system-ui, sans-serif; }}
  main {{ max-width: 52rem; margin: 0 auto; padding: 1rem; }}
</style>
</head>
<body>
<main>
<div id="trade-chart"></div>
<noscript><p>This chart needs JavaScript.</p></noscript>
</main>
<script type="application/json" id="trade-chart-data">{data}</script>
<script>
{script}
</script>
<script>
// The dataset above, mounted by the standalone script's API (window.TradeChart).
(function () {{
  var options = {options};
  options.data = document.getElementById('trade-chart-data').textContent;
  TradeChart.create(document.getElementById('trade-chart'), options)
    .catch(function (e) {{ console.error(e); }});
}})();
</script>
</body>
</html>
"#,
            lang = meta.lang,
            version = env!("CARGO_PKG_VERSION"),
            title = escape_html(&meta.title),
            data = inline_json(&json),
        );
        write(out, &html)
    })))
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = argv.first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let help = match command.as_str() {
        "-h" | "--help" | "help" => {
            println!("{USAGE}\n\n{TABLE_OPTIONS}");
            return ExitCode::SUCCESS;
        }
        "check" => CHECK_HELP,
        "convert" => CONVERT_HELP,
        "render" => RENDER_HELP,
        "bundle" => BUNDLE_HELP,
        other => {
            eprintln!("trade-chart: unknown command {other:?}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = parse(command, &argv[1..]).and_then(|a| {
        if a.help {
            let help = help.replace("SCRIPT_DEFAULT", SCRIPT_DEFAULT);
            println!("{help}\n\n{TABLE_OPTIONS}");
            return Ok(ExitCode::SUCCESS);
        }
        match command.as_str() {
            "check" => check(&a),
            "convert" => convert(&a),
            "bundle" => bundle(&a),
            _ => render(&a),
        }
    });
    result.unwrap_or_else(|Usage(message)| {
        eprintln!("trade-chart: {message}\n(trade-chart {command} --help for usage)");
        ExitCode::from(2)
    })
}
