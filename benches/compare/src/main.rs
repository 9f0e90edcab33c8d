//! Speed and accuracy of deboiler next to its peers, in one single-threaded run over the WCXB
//! dev pages: deboiler (HTML mode), dom_smoothie, rs-trafilatura, and bare `scraper` parsing
//! (the floor every DOM-based extractor pays; its "text" is the whole page, a keep-everything
//! baseline for F1).
//!
//! ```text
//! cargo run --release --manifest-path benches/compare/Cargo.toml -- [--bench DIR] [--limit N] [--no-f1]
//! ```
//!
//! Every tool gets the same decoded `&str`; reading, gunzip and decoding are not timed. Each
//! call is timed alone, so only extraction (parse included) is counted. F1 is the WCXB word F1
//! (see the bench folder's README): lowercase, tokens are runs of `\w`, multiset overlap, mean
//! over pages; an empty reference scores 1 only for an empty prediction.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use regex::Regex;

const TOOLS: [&str; 4] = [
    "deboiler",
    "dom_smoothie",
    "rs-trafilatura",
    "scraper parse",
];

struct Args {
    bench: PathBuf,
    limit: Option<usize>,
    f1: bool,
}

fn usage() -> ! {
    eprintln!("usage: deboiler-compare [--bench DIR] [--limit N] [--no-f1]");
    eprintln!("  --bench DIR  benchmark folder holding wcxb-dev/ (default: $DEBOILER_BENCH,");
    eprintln!("               else ../shared/bench next to the deboiler crate)");
    eprintln!("  --limit N    only the first N pages (default: all 1,497)");
    eprintln!("  --no-f1      skip scoring against the ground truth");
    std::process::exit(2)
}

fn parse_args() -> Args {
    let default_bench = match std::env::var_os("DEBOILER_BENCH") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench"),
    };
    let mut args = Args {
        bench: default_bench,
        limit: None,
        f1: true,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--bench" => args.bench = it.next().map(PathBuf::from).unwrap_or_else(|| usage()),
            "--limit" => {
                args.limit = Some(
                    it.next()
                        .and_then(|n| n.parse().ok())
                        .unwrap_or_else(|| usage()),
                )
            }
            "--no-f1" => args.f1 = false,
            _ => usage(),
        }
    }
    args
}

/// Totals for one tool.
#[derive(Default)]
struct Stats {
    time: Duration,
    errors: usize,
    panics: usize,
    f1: Vec<f64>,
    precision: Vec<f64>,
    recall: Vec<f64>,
    f1_by_type: BTreeMap<String, Vec<f64>>,
}

/// Runs one tool on one page, timing only the extraction; returns the text for scoring.
fn run(tool: usize, html: &str, stats: &mut Stats) -> String {
    let result = catch_unwind(AssertUnwindSafe(|| -> (Duration, Option<String>) {
        match tool {
            0 => {
                let cleaner = deboiler::Cleaner::new();
                let start = Instant::now();
                let out = cleaner.clean_html(html);
                let time = start.elapsed();
                (time, out.ok().map(|a| a.text()))
            }
            1 => {
                let start = Instant::now();
                let out =
                    dom_smoothie::Readability::new(html, None, None).and_then(|mut r| r.parse());
                let time = start.elapsed();
                (time, out.ok().map(|a| a.text_content.to_string()))
            }
            2 => {
                let start = Instant::now();
                let out = rs_trafilatura::extract(html);
                let time = start.elapsed();
                (time, out.ok().map(|r| r.content_text))
            }
            _ => {
                let start = Instant::now();
                let doc = scraper::Html::parse_document(html);
                let time = start.elapsed();
                let text = doc.root_element().text().collect::<Vec<_>>().join(" ");
                (time, Some(text))
            }
        }
    }));
    match result {
        Ok((time, text)) => {
            stats.time += time;
            if text.is_none() {
                stats.errors += 1;
            }
            text.unwrap_or_default()
        }
        Err(_) => {
            stats.panics += 1;
            String::new()
        }
    }
}

fn tokens(re: &Regex, text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for m in re.find_iter(&text.to_lowercase()) {
        *counts.entry(m.as_str().to_string()).or_insert(0) += 1;
    }
    counts
}

/// WCXB word precision, recall and F1 of `predicted` against `reference` tokens.
fn score(
    predicted: &HashMap<String, usize>,
    reference: &HashMap<String, usize>,
) -> (f64, f64, f64) {
    let n_pred: usize = predicted.values().sum();
    let n_ref: usize = reference.values().sum();
    if n_ref == 0 {
        let s = if n_pred == 0 { 1.0 } else { 0.0 };
        return (s, s, s);
    }
    if n_pred == 0 {
        return (0.0, 0.0, 0.0);
    }
    let overlap: usize = predicted
        .iter()
        .map(|(t, &c)| c.min(reference.get(t).copied().unwrap_or(0)))
        .sum();
    let p = overlap as f64 / n_pred as f64;
    let r = overlap as f64 / n_ref as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn read_gz(path: &Path) -> Option<Vec<u8>> {
    let bytes = std::fs::read(path).ok()?;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

/// Reference text and page type from `ground-truth/ID.json`.
fn truth(dir: &Path, id: &str) -> Option<(String, String)> {
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join(format!("ground-truth/{id}.json"))).ok()?,
    )
    .ok()?;
    let text = json["ground_truth"]["main_content"].as_str()?.to_string();
    let kind = json["_internal"]["page_type"]["primary"]
        .as_str()
        .unwrap_or("unknown")
        .to_string();
    Some((text, kind))
}

fn mean(v: &[f64]) -> f64 {
    if v.is_empty() {
        f64::NAN
    } else {
        v.iter().sum::<f64>() / v.len() as f64
    }
}

fn main() {
    let args = parse_args();
    let dir = args.bench.join("wcxb-dev");
    let mut ids: Vec<String> = std::fs::read_dir(dir.join("html"))
        .unwrap_or_else(|e| {
            eprintln!(
                "cannot read {}: {e} (set --bench or DEBOILER_BENCH)",
                dir.join("html").display()
            );
            std::process::exit(1)
        })
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".html.gz")
                .map(str::to_string)
        })
        .collect();
    ids.sort();
    if let Some(n) = args.limit {
        ids.truncate(n);
    }

    // Peers may panic on odd pages; count those instead of printing every backtrace.
    std::panic::set_hook(Box::new(|_| {}));
    let word = Regex::new(r"\w+").expect("static regex");
    let mut stats: Vec<Stats> = TOOLS.iter().map(|_| Stats::default()).collect();
    let (mut pages, mut bytes) = (0usize, 0usize);
    for (n, id) in ids.iter().enumerate() {
        let Some(raw) = read_gz(&dir.join(format!("html/{id}.html.gz"))) else {
            eprintln!("skipping unreadable page {id}");
            continue;
        };
        let html = String::from_utf8_lossy(&raw).into_owned();
        let reference = if args.f1 { truth(&dir, id) } else { None };
        let reference_tokens = reference.as_ref().map(|(t, _)| tokens(&word, t));
        pages += 1;
        bytes += html.len();
        // Rotate the order so no tool always runs first on a cold page.
        for k in 0..TOOLS.len() {
            let tool = (k + n) % TOOLS.len();
            let text = run(tool, &html, &mut stats[tool]);
            if let (Some(ref_tokens), Some((_, kind))) = (&reference_tokens, &reference) {
                let (p, r, f) = score(&tokens(&word, &text), ref_tokens);
                let s = &mut stats[tool];
                s.precision.push(p);
                s.recall.push(r);
                s.f1.push(f);
                s.f1_by_type.entry(kind.clone()).or_default().push(f);
            }
        }
        if (n + 1) % 100 == 0 {
            eprintln!("{} / {} pages", n + 1, ids.len());
        }
    }

    let mb = bytes as f64 / 1e6;
    println!(
        "WCXB dev: {pages} pages, {mb:.1} MB of HTML, single thread, extraction only (decode not timed)\n"
    );
    println!(
        "{:<15} {:>8} {:>8} {:>9} {:>8} {:>10} {:>9} {:>6} {:>6} {:>6} {:>7}",
        "tool",
        "time s",
        "MB/s",
        "pages/s",
        "ms/page",
        "time/deb.",
        "time/parse",
        "F1",
        "P",
        "R",
        "err/pan"
    );
    // A ratio against a deboiler that failed on every page would be meaningless.
    let deboiler_ran = stats[0].errors + stats[0].panics < pages;
    let base = stats[0].time.as_secs_f64();
    let parse = stats[3].time.as_secs_f64();
    for (name, s) in TOOLS.iter().zip(&stats) {
        let t = s.time.as_secs_f64();
        let vs_deboiler = if deboiler_ran {
            format!("{:.2}x", t / base)
        } else {
            "n/a".to_string()
        };
        println!(
            "{:<15} {:>8.2} {:>8.2} {:>9.1} {:>8.2} {:>10} {:>9.2}x {:>6.3} {:>6.3} {:>6.3} {:>3}/{:<3}",
            name,
            t,
            mb / t,
            pages as f64 / t,
            1000.0 * t / pages.max(1) as f64,
            vs_deboiler,
            t / parse,
            mean(&s.f1),
            mean(&s.precision),
            mean(&s.recall),
            s.errors,
            s.panics
        );
    }
    if args.f1 {
        let kinds: Vec<&String> = stats[0].f1_by_type.keys().collect();
        println!("\nF1 by page type");
        print!("{:<15}", "tool");
        for k in &kinds {
            print!(
                " {:>13}",
                format!("{k} ({})", stats[0].f1_by_type[*k].len())
            );
        }
        println!();
        for (name, s) in TOOLS.iter().zip(&stats) {
            print!("{name:<15}");
            for k in &kinds {
                print!(
                    " {:>13.3}",
                    mean(s.f1_by_type.get(*k).map_or(&[][..], |v| &v[..]))
                );
            }
            println!();
        }
    }
    println!(
        "\ntime/deb. = the tool's time divided by deboiler's (above 1: slower than deboiler);\n\
         time/parse = divided by bare parsing's (the floor for DOM-based tools).\n\
         err/pan = pages where the tool returned an error / panicked (scored as empty output).\n\
         'scraper parse' times parsing only; its F1 is for all the page's text (keep everything)."
    );
}
