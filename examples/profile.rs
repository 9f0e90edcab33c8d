//! Profiling harness: one pass of text mode, HTML mode or the bare parse over benchmark pages,
//! for `valgrind --tool=callgrind` (instruction counts are exact whatever the machine's load) or
//! a best-of-N wall-clock loop. See docs/performance.md.
//!
//! ```sh
//! cargo build --release --example profile
//! valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*profile::measured*' \
//!     target/release/examples/profile text
//! target/release/examples/profile html 100 --repeat 6      # best of 6, wall clock
//! ```
//!
//! Modes: `text` (both ScrapingHub text dumps), `html N` (`Cleaner::clean_html` on the first N
//! WCXB pages), `parse N` (`scraper::Html::parse_document` and drop, same pages). Pages are read
//! and decoded, and one unmeasured warm-up pass run (pattern compilation, regex caches), before the measured function.

use std::hint::black_box;
use std::io::Read;
use std::path::PathBuf;
use std::time::Instant;

use deboiler::Cleaner;

fn bench_dir() -> PathBuf {
    std::env::var_os("DEBOILER_BENCH")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/bench")))
}

fn text_pages(dir: &std::path::Path) -> Vec<String> {
    ["html-text.json", "inscriptis.json"]
        .iter()
        .flat_map(|dump| {
            let path = dir.join("scrapinghub/text").join(dump);
            let raw = std::fs::read_to_string(&path).expect("read text dump");
            let map: std::collections::BTreeMap<String, String> =
                serde_json::from_str(&raw).expect("parse text dump");
            map.into_values()
        })
        .collect()
}

fn html_pages(dir: &std::path::Path, n: usize) -> Vec<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("wcxb-dev/html"))
        .expect("read WCXB folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    files.sort();
    files
        .iter()
        .take(n)
        .map(|p| {
            let bytes = std::fs::read(p).expect("read page");
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(&bytes[..])
                .read_to_end(&mut out)
                .expect("gunzip page");
            String::from_utf8_lossy(&out).into_owned()
        })
        .collect()
}

/// The measured work: callgrind's `--toggle-collect` names this function.
#[inline(never)]
fn measured(mode: &str, cleaner: &Cleaner, pages: &[String]) -> usize {
    measured_body(mode, cleaner, pages)
}

#[inline(always)]
fn measured_body(mode: &str, cleaner: &Cleaner, pages: &[String]) -> usize {
    let mut sink = 0;
    for page in pages {
        sink += match mode {
            "text" => cleaner.clean_text(page).map_or(0, |a| a.blocks.len()),
            "html" => cleaner.clean_html(page).map_or(0, |a| a.blocks.len()),
            // The parse and the drop of its tree, nothing else.
            _ => black_box(scraper::Html::parse_document(page)).errors.len(),
        };
    }
    sink
}

/// The same work as [`measured`], pages one at a time so that the compiler cannot merge the two
/// functions (callgrind must tell them apart).
#[inline(never)]
fn warm_up(mode: &str, cleaner: &Cleaner, pages: &[String]) -> usize {
    pages
        .chunks(1)
        .map(|page| measured_body(mode, cleaner, page))
        .sum()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mode = args.first().map_or("text", String::as_str).to_string();
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(100);
    let repeat: usize = args
        .iter()
        .position(|a| a == "--repeat")
        .and_then(|i| args.get(i + 1)?.parse().ok())
        .unwrap_or(1);
    let dir = bench_dir();
    let pages = match mode.as_str() {
        "text" => text_pages(&dir),
        "html" | "parse" => html_pages(&dir, n),
        other => panic!("unknown mode {other}: text | html N | parse N"),
    };
    let bytes: usize = pages.iter().map(String::len).sum();
    let cleaner = Cleaner::new();
    // Warm-up: one unmeasured pass compiles the patterns and fills the regex caches, so that
    // the measured passes show the steady state.
    black_box(warm_up(&mode, &cleaner, &pages));
    let mut best = f64::INFINITY;
    for _ in 0..repeat {
        let t = Instant::now();
        black_box(measured(&mode, &cleaner, black_box(&pages)));
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{mode}: {} pages, {:.2} MB, best of {repeat}: {:.1} ms, {:.1} MB/s",
        pages.len(),
        bytes as f64 / 1e6,
        best * 1e3,
        bytes as f64 / 1e6 / best
    );
}
