//! `trade-chart`: check, convert and render datasets from a terminal.
//!
//! ```text
//! trade-chart check FILE… [--sources FILE] [--decimal .|,] [--unit U] [--partner CODE=NAME]…
//! trade-chart convert IN… [table options] -o dataset.json
//! trade-chart render IN… --view ID [--width 800] [--lang en|ko|zh] [--theme light|dark] -o FILE.svg
//! ```
//!
//! Exit 0 when all is well, 1 when a dataset has an error, 2 for a usage error. The
//! arguments are parsed by hand: a handful of flags do not justify a parser crate.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use trade_chart::import::comtrade::{self, ComtradeOptions};
use trade_chart::import::datapackage;
use trade_chart::import::{self, Input, SheetOptions};
use trade_chart::theme::Theme;
use trade_chart::{Chart, Dataset, Error, Options, RawDataset};

const USAGE: &str = "\
trade-chart: check, convert and render trade-chart datasets

usage:
  trade-chart check FILE… [table options]
  trade-chart convert IN… [table options] -o dataset.json
  trade-chart render IN… --view ID [--width 800] [--lang en|ko|zh] [--theme light|dark] -o FILE.svg
  trade-chart COMMAND --help

A dataset is a JSON file in the schema of docs/DATA.md, or a spreadsheet table of
observations (.tsv, .csv, .txt) with its sources table.";

const TABLE_OPTIONS: &str = "\
table options (for .tsv/.csv/.txt observations tables):
  --sources FILE        the sources table (default: sources.tsv or sources.csv beside the
                        observations; a FILE named sources.* among the inputs is taken too)
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
usage: trade-chart render IN… --view ID [--width 800] [--lang en|ko|zh] [--theme light|dark] -o FILE.svg

Draws one view of the dataset as an SVG picture (title, chart, notes and sources), with
the same selection, layout and drawing code as the chart in the page. --width in CSS px
(default 800). `-o -` writes to standard output.
Exit 0: written; 1: an error in the dataset or the view; 2: a usage error.";

/// A usage error: printed with a pointer to --help, exit 2.
struct Usage(String);

#[derive(Default)]
struct Args {
    inputs: Vec<PathBuf>,
    sources: Option<PathBuf>,
    out: Option<PathBuf>,
    view: Option<String>,
    width: Option<f64>,
    lang: Option<String>,
    theme: Option<String>,
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
            "--view" if render => a.view = Some(value(arg)?),
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
            "--lang" if render => a.lang = Some(value(arg)?),
            "--theme" if render => {
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

/// What a dataset to check is made of.
struct Job {
    main: PathBuf,
    sources: Option<PathBuf>,
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
    let mut jobs = Vec::new();
    for p in a.inputs.iter().filter(|p| !is_sources(p)) {
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
            format,
            accessed: a.accessed.clone(),
        });
    }
    if jobs.is_empty() {
        return Err(Usage(
            "no dataset among the inputs (only a sources table)".into(),
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
        let raw: RawDataset = trade_chart::error::from_json_text(text).map_err(prefix)?;
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
    Some(imported.map_err(lines).and_then(|i| {
        let dataset = i.check().map_err(|e| match e.location() {
            trade_chart::Location::Cell { .. } => vec![e.to_string()],
            _ => vec![format!("{name}: {e}")],
        })?;
        Ok(Loaded {
            raw: i.dataset,
            dataset,
            warnings: i.warnings,
            gaps: i.gaps,
        })
    }))
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
        write(out, &import::to_json(&l.raw))
    })))
}

fn render(a: &Args) -> Result<ExitCode, Usage> {
    let loaded = one(a)?;
    let out = a.out.as_deref().unwrap_or(Path::new("-"));
    Ok(report(loaded.and_then(|l| {
        warn(&l);
        let options = Options::new(a.view.as_deref(), a.lang.as_deref());
        let mut chart = Chart::new(l.dataset, &options).map_err(|e| {
            let flag = e.path().strip_prefix("options.").unwrap_or(e.path());
            vec![format!("--{flag}: {}", e.message())]
        })?;
        if a.theme.as_deref() == Some("dark") {
            chart.set_theme(Theme::dark());
        }
        let svg = chart
            .svg(a.width.unwrap_or(800.0))
            .map_err(|e| vec![e.to_string()])?;
        write(out, &svg)
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
        other => {
            eprintln!("trade-chart: unknown command {other:?}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = parse(command, &argv[1..]).and_then(|a| {
        if a.help {
            println!("{help}\n\n{TABLE_OPTIONS}");
            return Ok(ExitCode::SUCCESS);
        }
        match command.as_str() {
            "check" => check(&a),
            "convert" => convert(&a),
            _ => render(&a),
        }
    });
    result.unwrap_or_else(|Usage(message)| {
        eprintln!("trade-chart: {message}\n(trade-chart {command} --help for usage)");
        ExitCode::from(2)
    })
}
