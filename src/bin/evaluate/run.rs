//! Running the cleaner over one benchmark and scoring every page.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use deboiler::eval::{
    self, EvalError, Figures, MetadataScore, ShingleMatch, ShingleScore, SnippetHits, WcxbPage,
    WcxbScore, WordOverlap,
};
use deboiler::{Article, Cleaner, Focus};
use indicatif::{ProgressBar, ProgressStyle};

/// Where a page's input comes from, to clean it again with `explain` for `--worst`.
pub enum Input {
    /// A gzip HTML file.
    Html(PathBuf),
    /// A text dump.
    Text(String),
    /// Scored unchanged (`--raw`): nothing to explain.
    Raw,
}

/// Which metric a page was scored with.
pub enum Metric {
    ScrapingHub,
    Wcxb,
}

/// One scored page.
pub struct Page {
    pub id: String,
    /// URL or page type, for the report header.
    pub label: String,
    pub truth: String,
    pub kept: String,
    pub error: Option<String>,
    pub precision: f64,
    pub recall: f64,
    /// `None` when both truth and output are empty (nothing to judge).
    pub f1: Option<f64>,
    /// The ScrapingHub match, for runs scored with that metric.
    pub shingles: Option<ShingleMatch>,
    pub input: Input,
}

/// One benchmark run.
pub struct Run {
    /// `scrapinghub`, `wcxb`, `text/NAME` or `raw/NAME`: the key in the floors file.
    pub name: String,
    pub metric: Metric,
    pub pages: Vec<Page>,
    pub figures: Figures,
    pub errors: usize,
    pub input_bytes: usize,
    /// Time spent in cleaning calls; `None` when nothing was cleaned.
    pub clean_time: Option<Duration>,
    pub wcxb: Option<WcxbScore>,
    /// Title, author and date checks, for runs whose reference has them.
    pub metadata: Option<MetadataScore>,
}

impl Run {
    /// `{id: kept text}`.
    pub fn outputs(&self) -> BTreeMap<&str, &str> {
        self.pages
            .iter()
            .map(|p| (p.id.as_str(), p.kept.as_str()))
            .collect()
    }
}

/// A cleaner with its phrase tables and patterns already built: they compile once per
/// process (tens of milliseconds), which would otherwise be charged to the first pages.
fn warm_cleaner(focus: Focus) -> Cleaner {
    let cleaner = Cleaner::builder().focus(focus).build();
    let sample = "Home\nRead more: The harbour\nPublished 12 March 2024, 5 min read\n\
                  The council approved the budget on Monday after a long debate.\n";
    let _ = cleaner.clean_text(sample);
    let _ = cleaner.clean_html(&format!(
        "<html><body><article><p>{sample}</p></article></body></html>"
    ));
    cleaner
}

/// Times one cleaning call; an error becomes empty output.
fn timed_clean(
    clean: impl FnOnce() -> deboiler::Result<Article>,
    total: &mut Duration,
) -> (String, Option<String>) {
    let (article, error) = timed_article(clean, total);
    (article.text(), error)
}

/// Times one cleaning call; an error becomes an empty article.
fn timed_article(
    clean: impl FnOnce() -> deboiler::Result<Article>,
    total: &mut Duration,
) -> (Article, Option<String>) {
    let start = Instant::now();
    let result = clean();
    *total += start.elapsed();
    match result {
        Ok(article) => (article, None),
        Err(e) => (Article::default(), Some(e.to_string())),
    }
}

fn progress(len: usize, name: &str) -> ProgressBar {
    let bar = ProgressBar::new(len as u64);
    if let Ok(style) = ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} {eta}") {
        bar.set_style(style);
    }
    bar.set_message(name.to_string());
    bar
}

fn shingle_page(
    id: String,
    label: String,
    truth: String,
    kept: String,
    error: Option<String>,
    input: Input,
) -> Page {
    let m = ShingleMatch::of(&truth, &kept);
    Page {
        id,
        label,
        precision: m.precision().unwrap_or(0.0),
        recall: m.recall().unwrap_or(0.0),
        f1: m.f1(),
        shingles: Some(m),
        truth,
        kept,
        error,
        input,
    }
}

fn shingle_figures(pages: &[Page]) -> Figures {
    let matches: Vec<ShingleMatch> = pages.iter().filter_map(|p| p.shingles).collect();
    let s = ShingleScore::from_matches(&matches);
    Figures {
        f1: s.f1,
        precision: s.precision,
        recall: s.recall,
        ..Figures::default()
    }
}

/// The 181 ScrapingHub HTML pages.
pub fn scrapinghub(root: &Path, focus: Focus) -> Result<Run, EvalError> {
    let cleaner = warm_cleaner(focus);
    let cases = eval::scrapinghub_pages(root)?;
    let bar = progress(cases.len(), "scrapinghub");
    let (mut time, mut input_bytes) = (Duration::ZERO, 0usize);
    let mut pages = Vec::with_capacity(cases.len());
    for case in cases {
        let html = eval::read_gz(&case.html)?;
        input_bytes += html.len();
        let (kept, error) = timed_clean(|| cleaner.clean_html_bytes(&html, None), &mut time);
        let label = case.url.unwrap_or_default();
        pages.push(shingle_page(
            case.id,
            label,
            case.truth,
            kept,
            error,
            Input::Html(case.html),
        ));
        bar.inc(1);
    }
    bar.finish_and_clear();
    Ok(finish(
        "scrapinghub".into(),
        Metric::ScrapingHub,
        pages,
        input_bytes,
        Some(time),
        None,
    ))
}

/// One ScrapingHub text dump, cleaned or (`raw`) unchanged.
pub fn text(root: &Path, dump: &str, focus: Focus, raw: bool) -> Result<Run, EvalError> {
    let cleaner = warm_cleaner(focus);
    let truth = eval::scrapinghub_pages(root)?;
    let mut texts = eval::text_dump(root, dump)?;
    let (mut time, mut input_bytes) = (Duration::ZERO, 0usize);
    let mut pages = Vec::with_capacity(truth.len());
    // Scored over the ground truth's ids, as published: a page missing from the dump is empty.
    for page in truth {
        let text = texts.remove(&page.id).unwrap_or_default();
        input_bytes += text.len();
        let (kept, error, input) = if raw {
            (text, None, Input::Raw)
        } else {
            let (kept, error) = timed_clean(|| cleaner.clean_text(&text), &mut time);
            (kept, error, Input::Text(text))
        };
        let label = page.url.unwrap_or_default();
        pages.push(shingle_page(page.id, label, page.truth, kept, error, input));
    }
    let name = format!("{}/{dump}", if raw { "raw" } else { "text" });
    let time = (!raw).then_some(time);
    Ok(finish(
        name,
        Metric::ScrapingHub,
        pages,
        input_bytes,
        time,
        None,
    ))
}

/// The WCXB dev pages.
pub fn wcxb(root: &Path, focus: Focus) -> Result<Run, EvalError> {
    let cleaner = warm_cleaner(focus);
    let cases = eval::wcxb_cases(root)?;
    let bar = progress(cases.len(), "wcxb");
    let (mut time, mut input_bytes) = (Duration::ZERO, 0usize);
    let mut pages = Vec::with_capacity(cases.len());
    let mut scored = Vec::with_capacity(cases.len());
    let mut metadata = MetadataScore::default();
    for case in cases {
        let html = eval::read_gz(&case.html)?;
        input_bytes += html.len();
        let (article, error) = timed_article(|| cleaner.clean_html_bytes(&html, None), &mut time);
        metadata.add(
            &case.meta,
            article.title.as_deref(),
            article.author.as_deref(),
            article.published.as_deref(),
        );
        let kept = article.text();
        let overlap = WordOverlap::of(&case.reference, &kept);
        scored.push(WcxbPage {
            page_type: case.page_type.clone(),
            overlap,
            snippets: SnippetHits::of(&kept, &case.with, &case.without),
        });
        pages.push(Page {
            id: case.id,
            label: format!("{} {}", case.page_type, case.url.unwrap_or_default()),
            truth: case.reference,
            kept,
            error,
            precision: overlap.precision,
            recall: overlap.recall,
            f1: Some(overlap.f1),
            shingles: None,
            input: Input::Html(case.html),
        });
        bar.inc(1);
    }
    bar.finish_and_clear();
    let score = WcxbScore::of(&scored);
    let figures = Figures {
        f1: score.all.f1,
        precision: score.all.precision,
        recall: score.all.recall,
        title: metadata.title.rate(),
        author: metadata.author.rate(),
        published: metadata.published.rate(),
    };
    let mut run = finish(
        "wcxb".into(),
        Metric::Wcxb,
        pages,
        input_bytes,
        Some(time),
        Some(score),
    );
    run.figures = figures;
    run.metadata = Some(metadata);
    Ok(run)
}

fn finish(
    name: String,
    metric: Metric,
    pages: Vec<Page>,
    input_bytes: usize,
    clean_time: Option<Duration>,
    wcxb: Option<WcxbScore>,
) -> Run {
    let figures = match metric {
        Metric::ScrapingHub => shingle_figures(&pages),
        Metric::Wcxb => Figures::default(),
    };
    Run {
        name,
        metric,
        errors: pages.iter().filter(|p| p.error.is_some()).count(),
        figures,
        pages,
        input_bytes,
        clean_time,
        wcxb,
        metadata: None,
    }
}
