//! Run counters, the progress bar and the end-of-run summary.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

/// Counters shared by the reader and the writer. Every record read ends in exactly one of
/// `written`, `failed`, `skipped_non_html` or `skipped_existing`.
#[derive(Debug, Default)]
pub struct Stats {
    pub records_in: AtomicU64,
    pub written: AtomicU64,
    pub failed: AtomicU64,
    pub skipped_non_html: AtomicU64,
    pub skipped_existing: AtomicU64,
    /// Document bytes handed to the cleaner (decompressed).
    pub bytes_in: AtomicU64,
    /// Raw bytes read from files and stdin (compressed), for the progress bar.
    pub raw_bytes: Arc<AtomicU64>,
}

fn get(a: &AtomicU64) -> u64 {
    a.load(Ordering::Relaxed)
}

/// Adds one to a counter.
pub fn bump(a: &AtomicU64) {
    a.fetch_add(1, Ordering::Relaxed);
}

/// The summary, as printed and as written by `--stats`.
#[derive(Debug, Serialize)]
pub struct Summary {
    pub records_in: u64,
    pub written: u64,
    pub failed: u64,
    pub skipped_non_html: u64,
    pub skipped_existing: u64,
    pub bytes_in: u64,
    pub seconds: f64,
    pub docs_per_second: f64,
    pub mb_per_second: f64,
}

impl Summary {
    /// Takes the counters at the end of the run.
    pub fn new(stats: &Stats, elapsed: Duration) -> Summary {
        let seconds = elapsed.as_secs_f64();
        let cleaned = get(&stats.written) + get(&stats.failed);
        let bytes_in = get(&stats.bytes_in);
        let per_sec = |x: f64| if seconds > 0.0 { x / seconds } else { 0.0 };
        Summary {
            records_in: get(&stats.records_in),
            written: get(&stats.written),
            failed: get(&stats.failed),
            skipped_non_html: get(&stats.skipped_non_html),
            skipped_existing: get(&stats.skipped_existing),
            bytes_in,
            seconds: round2(seconds),
            docs_per_second: round2(per_sec(cleaned as f64)),
            mb_per_second: round2(per_sec(bytes_in as f64 / 1e6)),
        }
    }

    /// The one-line form printed on stderr.
    pub fn line(&self) -> String {
        format!(
            "deboiler: {} records in, {} written, {} failed, {} skipped (non-HTML), {} skipped (existing); \
             {:.1} MB in {:.2} s, {:.1} docs/s, {:.1} MB/s",
            self.records_in,
            self.written,
            self.failed,
            self.skipped_non_html,
            self.skipped_existing,
            self.bytes_in as f64 / 1e6,
            self.seconds,
            self.docs_per_second,
            self.mb_per_second
        )
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The progress bar: drawn on stderr only when it is a terminal and `-q` is not given.
pub struct Progress {
    bar: ProgressBar,
    start: Instant,
}

impl Progress {
    /// `total_raw` is the summed size of the input files, when known (no stdin).
    pub fn new(quiet: bool, total_raw: Option<u64>) -> Progress {
        let bar = if quiet || !std::io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            let bar = ProgressBar::with_draw_target(total_raw, ProgressDrawTarget::stderr());
            let template = if total_raw.is_some() {
                "{elapsed_precise} [{bar:30}] {bytes}/{total_bytes} ETA {eta} {msg}"
            } else {
                "{spinner} {elapsed_precise} {bytes} read {msg}"
            };
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        };
        Progress {
            bar,
            start: Instant::now(),
        }
    }

    /// Redraws from the counters (indicatif limits the redraw rate).
    pub fn update(&self, stats: &Stats) {
        if self.bar.is_hidden() {
            return;
        }
        let docs = get(&stats.written) + get(&stats.failed);
        let secs = self.start.elapsed().as_secs_f64().max(1e-3);
        self.bar.set_position(get(&stats.raw_bytes));
        self.bar.set_message(format!(
            "{docs} docs, {:.1} MB, {:.0} docs/s, {} errors",
            get(&stats.bytes_in) as f64 / 1e6,
            docs as f64 / secs,
            get(&stats.failed)
        ));
    }

    /// Removes the bar before the summary is printed.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }

    /// Time since the run started.
    pub fn elapsed(&self) -> Duration {
        self.start.elapsed()
    }

    /// Prints a line above the bar without garbling it.
    pub fn println(&self, line: &str) {
        if self.bar.is_hidden() {
            note(line);
        } else {
            self.bar.suspend(|| note(line));
        }
    }
}

/// Prints a line on stderr, ignoring failures: a closed stderr (`2>&1 | head`) must not
/// abort the run the way `eprintln!` would.
pub fn note(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}
