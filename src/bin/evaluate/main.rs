//! `evaluate`: scores deboiler on the public benchmarks and explains its worst pages.
//!
//! ```text
//! cargo run --release --bin evaluate -- --dataset scrapinghub|wcxb|text
//!     [--bench PATH] [--dump html-text|inscriptis] [--raw] [--out FILE] [--worst N]
//!     [--focus precision|balanced|recall] [--rules] [--check-floors .ci/floors.json]
//! ```
//!
//! - `scrapinghub`: cleans the 181 HTML pages, ScrapingHub metric.
//! - `wcxb`: cleans the WCXB dev pages, WCXB metric, snippet rates and F1 per page type.
//! - `text`: cleans the whole-page text dumps of the ScrapingHub pages (both unless `--dump`),
//!   ScrapingHub metric; `--raw` scores the dumps unchanged (html-text gives F1 0.6649).
//!
//! `--worst N` lists the N lowest-F1 pages with the lines wrongly kept, the truth lines
//! missed and the removed blocks that held truth text (with their rule); `--rules` tallies,
//! per rule, the blocks removed over the whole run and how many held truth text.
//!
//! Speed figures time the cleaning calls only (single thread); MB/s counts the decompressed
//! input. A page whose cleaning fails counts as empty output. The benchmark folder is
//! `--bench`, else `$DEBOILER_BENCH`, else `../shared/bench` (see `deboiler::eval::bench_root`).

mod report;
mod run;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use deboiler::eval::{self, EvalError, Figures};
use deboiler::Focus;

use run::Run;

/// Scores deboiler on the public benchmarks.
#[derive(Debug, Parser)]
#[command(
    name = "evaluate",
    about = "Scores deboiler on the public benchmarks (ScrapingHub, WCXB, text dumps)",
    long_about = None
)]
struct Args {
    /// Which benchmark to run.
    #[arg(long, value_enum)]
    dataset: Dataset,
    /// Benchmark folder (default: $DEBOILER_BENCH, else ../shared/bench).
    #[arg(long, value_name = "PATH")]
    bench: Option<PathBuf>,
    /// With `--dataset text`: only this dump.
    #[arg(long, value_enum)]
    dump: Option<Dump>,
    /// With `--dataset text`: score the dumps unchanged (the baseline).
    #[arg(long)]
    raw: bool,
    /// Write the kept text as JSON `{id: text}` (one file per run, suffixed with the dump
    /// name when several dumps run).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// List the N worst pages with what was wrongly kept, missed and removed.
    #[arg(long, value_name = "N", default_value_t = 0)]
    worst: usize,
    /// Tally removals per rule over all pages: blocks removed, and those holding truth text.
    #[arg(long)]
    rules: bool,
    /// The cleaner's precision/recall balance.
    #[arg(long, value_enum, default_value_t = FocusArg::Balanced)]
    focus: FocusArg,
    /// Fail (exit 1) when a figure is below its floor in this JSON file.
    #[arg(long, value_name = "FILE")]
    check_floors: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Dataset {
    Scrapinghub,
    Wcxb,
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Dump {
    HtmlText,
    Inscriptis,
}

impl Dump {
    fn name(self) -> &'static str {
        match self {
            Dump::HtmlText => "html-text",
            Dump::Inscriptis => "inscriptis",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FocusArg {
    Precision,
    Balanced,
    Recall,
}

impl From<FocusArg> for Focus {
    fn from(f: FocusArg) -> Self {
        match f {
            FocusArg::Precision => Focus::Precision,
            FocusArg::Balanced => Focus::Balanced,
            FocusArg::Recall => Focus::Recall,
        }
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    match evaluate(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

/// Runs everything asked for; `Ok(false)` when a floor is missed.
fn evaluate(args: &Args) -> Result<bool, String> {
    if args.dataset != Dataset::Text && (args.raw || args.dump.is_some()) {
        return Err("--raw and --dump only apply to --dataset text".into());
    }
    let root = eval::bench_root(args.bench.as_deref()).map_err(|e| e.to_string())?;
    let focus = Focus::from(args.focus);
    let runs: Vec<Run> = match args.dataset {
        Dataset::Scrapinghub => vec![run::scrapinghub(&root, focus)],
        Dataset::Wcxb => vec![run::wcxb(&root, focus)],
        Dataset::Text => {
            let dumps = match args.dump {
                Some(d) => vec![d.name()],
                None => eval::TEXT_DUMPS.to_vec(),
            };
            dumps
                .into_iter()
                .map(|d| run::text(&root, d, focus, args.raw))
                .collect()
        }
    }
    .into_iter()
    .collect::<Result<_, EvalError>>()
    .map_err(|e| e.to_string())?;

    println!("bench: {}", root.display());
    report::table(&runs);
    for r in &runs {
        if let Some(w) = &r.wcxb {
            report::wcxb(w);
        }
        if let Some(m) = &r.metadata {
            report::metadata(m);
        }
    }
    if args.worst > 0 {
        for r in &runs {
            report::worst(r, args.worst, focus).map_err(|e| e.to_string())?;
        }
    }
    if args.rules {
        for r in &runs {
            report::rules(r, focus).map_err(|e| e.to_string())?;
        }
    }
    if let Some(out) = &args.out {
        write_outputs(out, &runs)?;
    }
    match &args.check_floors {
        Some(path) => check_floors(path, &runs),
        None => Ok(true),
    }
}

fn write_outputs(out: &Path, runs: &[Run]) -> Result<(), String> {
    for r in runs {
        let path = if runs.len() > 1 {
            suffixed(out, r.name.rsplit('/').next().unwrap_or(&r.name))
        } else {
            out.to_path_buf()
        };
        let json = serde_json::to_string_pretty(&r.outputs()).map_err(|e| e.to_string())?;
        std::fs::write(&path, json).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

/// `out.json` + `inscriptis` -> `out-inscriptis.json`.
fn suffixed(path: &Path, suffix: &str) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match path.extension() {
        Some(ext) => format!("{stem}-{suffix}.{}", ext.to_string_lossy()),
        None => format!("{stem}-{suffix}"),
    };
    path.with_file_name(name)
}

fn check_floors(path: &Path, runs: &[Run]) -> Result<bool, String> {
    let floors = eval::read_floors(path).map_err(|e| e.to_string())?;
    let figures: Vec<(String, Figures)> =
        runs.iter().map(|r| (r.name.clone(), r.figures)).collect();
    let failures = eval::check_floors(&floors, &figures);
    if failures.is_empty() {
        println!("floors ({}): ok", path.display());
        Ok(true)
    } else {
        for f in &failures {
            eprintln!("FLOOR MISSED: {f}");
        }
        Ok(false)
    }
}
