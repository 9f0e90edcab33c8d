//! Scorers for the public benchmarks, used by the `evaluate` binary and the tests.
//!
//! - [`ShingleMatch`] / [`ShingleScore`]: the ScrapingHub article-extraction-benchmark metric
//!   (4-word shingles, case kept), exactly as published.
//! - [`WordOverlap`], [`SnippetHits`], [`WcxbScore`]: the WCXB metric (lowercase word bags,
//!   must / must-not snippets, means per page type).
//! - [`bench_root`], [`scrapinghub_pages`], [`text_dump`], [`wcxb_cases`]: finding and
//!   reading the benchmark folder (never part of the repository).
//! - [`MetadataScore`]: title, author and date named as the reference names them.
//! - [`lines_absent_from`], [`TextIndex`]: line-level differences for error reports.
//! - [`check_floors`]: CI quality floors.
//!
//! Words everywhere are runs of `\w` as Python's `re` defines it (letters, numbers, `_`),
//! since both published metrics are Python scripts.
//!
//! ```
//! use deboiler::eval::{ShingleScore, WordOverlap};
//! let truth = "The storm closed schools across the region on Tuesday.";
//! let kept = "Home | News\n\nThe storm closed schools across the region on Tuesday.";
//! let s = ShingleScore::of_pairs([(truth, kept)]);
//! assert_eq!(s.recall, 1.0);
//! assert!(s.precision < 1.0);
//! assert!(WordOverlap::of(truth, kept).f1 > 0.8);
//! ```

mod dataset;
mod diff;
mod error;
mod floors;
mod metadata;
mod scrapinghub;
mod tokens;
mod wcxb;

pub use dataset::{
    bench_root, read_file, read_gz, read_json, scrapinghub_pages, text_dump, wcxb_cases,
    ScrapingHubPage, WcxbCase, BENCH_ENV, TEXT_DUMPS,
};
pub use diff::{lines_absent_from, TextIndex};
pub use error::EvalError;
pub use floors::{check_floors, read_floors, Figures, Floors};
pub use metadata::{MetadataReference, MetadataScore, Tally};
pub use scrapinghub::{shingle_counts, ShingleMatch, ShingleScore, SHINGLE_WORDS};
pub use tokens::words;
pub use wcxb::{SnippetHits, WcxbMeans, WcxbPage, WcxbScore, WordOverlap};
