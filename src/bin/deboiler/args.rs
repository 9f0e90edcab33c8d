//! Command-line arguments (clap derive).

use std::path::PathBuf;

use clap::{Parser, ValueEnum};

const EXAMPLES: &str = "\
Examples:
  deboiler page.html                      clean one page, print the article text
  curl -s https://example.com/a | deboiler --format markdown
  deboiler --explain dump.txt             also print each removed block and its rule on stderr
  deboiler pages/ --glob '*.html' --out clean/       mirror a folder into clean/*.txt (resumable)
  deboiler pages/ -j 8 > articles.jsonl   one JSON record per page, in input order
  deboiler --input-format jsonl --html-field body crawl.jsonl.gz > articles.jsonl
  deboiler CC-MAIN-2024-10-00000.warc.gz --stats stats.json > articles.jsonl
  zcat big.jsonl.gz | deboiler --input-format jsonl --unordered | head

Inputs:
  A path may be a file or a folder (walked recursively; filter with --glob/--exclude).
  `.gz` files and gzip streams on stdin are decompressed transparently.
  `.jsonl`/`.ndjson` and `.warc` names (also `.gz`) are read as many records each.
  HTML or text is chosen by extension (.html .htm .xhtml) or by sniffing the first bytes.

Exit status: 0 on success, 1 when any input failed (the others are still written),
2 on bad usage. A closed stdout (`| head`) ends the run quietly with status 0.";

/// Turns web pages (HTML, or text already extracted from a page) into clean article text.
#[derive(Debug, Parser)]
#[command(name = "deboiler", version, about, after_help = EXAMPLES)]
pub struct Args {
    /// Files or folders to clean; `-` or no path reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format [default: text for one input, jsonl for several].
    #[arg(short = 'f', long, value_enum)]
    pub format: Option<Format>,

    /// Treat each whole-file document as HTML or text instead of detecting it (in JSON Lines
    /// the field decides; WARC records are HTML).
    #[arg(long, value_enum, default_value_t = Mode::Auto)]
    pub mode: Mode,

    /// How inputs are framed: one document per file, JSON Lines records, or WARC records.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub input_format: InputFormat,

    /// Trade-off between dropping boilerplate and keeping all of the body.
    #[arg(long, value_enum, default_value_t = FocusArg::Balanced)]
    pub focus: FocusArg,

    /// Language of the inputs (ISO 639-1 code, e.g. `de`), when known.
    #[arg(long, value_name = "CODE")]
    pub language: Option<String>,

    /// Detect the language of inputs that do not declare one: `yes` (text inputs too), `no`,
    /// or by default only HTML pages.
    #[arg(long, value_name = "yes|no")]
    pub detect_language: Option<YesNo>,

    /// Drop headings inside the article.
    #[arg(long)]
    pub no_headings: bool,

    /// Keep reader comments (HTML).
    #[arg(long)]
    pub include_comments: bool,

    /// Refuse documents larger than N bytes (default 128 MiB).
    #[arg(long, value_name = "N")]
    pub max_input_bytes: Option<usize>,

    /// Show every removed block with its rule: on stderr for text/markdown, as `removed` in JSON.
    #[arg(long)]
    pub explain: bool,

    /// Only clean files in folders whose relative path matches PATTERN (repeatable).
    #[arg(long = "glob", value_name = "PATTERN")]
    pub globs: Vec<String>,

    /// Skip files in folders whose relative path matches PATTERN (repeatable).
    #[arg(long, value_name = "PATTERN")]
    pub exclude: Vec<String>,

    /// JSON Lines input: field holding the record id.
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_field: String,

    /// JSON Lines input: field holding the HTML.
    #[arg(long, default_value = "html", value_name = "NAME")]
    pub html_field: String,

    /// JSON Lines input: field holding text (used when the HTML field is absent).
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_field: String,

    /// Write one file per document into DIR (mirroring input names) instead of stdout.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// With --out: rewrite outputs that already exist (default: skip them, to resume).
    #[arg(long)]
    pub overwrite: bool,

    /// Worker threads [default: all cores].
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// Write records as they finish instead of in input order.
    #[arg(long)]
    pub unordered: bool,

    /// No progress bar, no summary line (errors are still reported).
    #[arg(short, long)]
    pub quiet: bool,

    /// Write the run summary as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    pub stats: Option<PathBuf>,
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The article body as plain text.
    Text,
    /// One JSON object (an array of them for several inputs on stdout).
    Json,
    /// One JSON object per line.
    Jsonl,
    /// The article as Markdown.
    Markdown,
}

/// Document kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Mode {
    /// By extension, then by sniffing the first bytes.
    Auto,
    /// Always HTML.
    Html,
    /// Always text.
    Text,
}

/// Input framing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// By file name (`.jsonl`, `.ndjson`, `.warc`, with or without `.gz`), else by content.
    Auto,
    /// One document per file.
    Doc,
    /// JSON Lines: one record per line.
    Jsonl,
    /// WARC (Web ARChive), e.g. Common Crawl.
    Warc,
}

/// `--focus` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FocusArg {
    /// Drop doubtful blocks.
    Precision,
    /// The default trade-off.
    Balanced,
    /// Keep doubtful blocks.
    Recall,
}

impl From<FocusArg> for deboiler::Focus {
    fn from(f: FocusArg) -> Self {
        match f {
            FocusArg::Precision => deboiler::Focus::Precision,
            FocusArg::Balanced => deboiler::Focus::Balanced,
            FocusArg::Recall => deboiler::Focus::Recall,
        }
    }
}

/// A yes/no switch with no default of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum YesNo {
    Yes,
    No,
}
